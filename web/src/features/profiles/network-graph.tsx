import { type KeyboardEvent, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { NetworkEdge, NetworkNode } from '../../api/types.ts';
import { t, tValue } from '../../i18n/t.ts';
import { layoutNetwork } from './network-layout.ts';

const W = 800;
const H = 440;
const kinds = ['person', 'case', 'identifier', 'place', 'agency'] as const;

const short = (s: string, n = 24) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The node's shape: circle (person), square (case), diamond (identifier), triangle (place), hexagon (agency). */
function Shape({ kind, x, y, r = 9 }: { kind: string; x: number; y: number; r?: number }) {
  const cls = `net-shape net-${kind}`;
  switch (kind) {
    case 'case':
      return <rect className={cls} x={x - r} y={y - r} width={2 * r} height={2 * r} rx={2} />;
    case 'identifier':
      return (
        <polygon
          className={cls}
          points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`}
        />
      );
    case 'place':
      return (
        <polygon
          className={cls}
          points={`${x},${y - r - 1} ${x + r + 1},${y + r - 1} ${x - r - 1},${y + r - 1}`}
        />
      );
    case 'agency': {
      const pts = Array.from({ length: 6 }, (_, i) => {
        const a = (Math.PI / 3) * i;
        return `${x + Math.cos(a) * (r + 1)},${y + Math.sin(a) * (r + 1)}`;
      }).join(' ');
      return <polygon className={cls} points={pts} />;
    }
    default:
      return <circle className={cls} cx={x} cy={y} r={r} />;
  }
}

/** Where a node leads: a case to its page, an identifier to the grid search for it. */
function nodeHref(node: NetworkNode): string | null {
  if (node.kind === 'case' && node.id.startsWith('case:')) return `/cases/${node.id.slice(5)}`;
  if (node.kind === 'identifier' && node.id.startsWith('identifier:')) {
    const [, kind = '', ...rest] = node.id.split(':');
    return `/grid?${new URLSearchParams({ kind, value: rest.join(':') }).toString()}`;
  }
  return null;
}

function nodeLabel(node: NetworkNode): string {
  if (node.kind === 'identifier' && node.id.startsWith('identifier:')) {
    const [, kind = '', ...rest] = node.id.split(':');
    return `${tValue('identifier', kind)} ${rest.join(':')}`;
  }
  if (node.kind === 'person' && node.id.startsWith('profile:')) return t('network.thisPerson');
  return node.label;
}

interface Neighbour {
  node: NetworkNode;
  kind: string;
}

/**
 * The profile's link-analysis network: persons (one per record), their cases, identifiers, places and — for
 * records the viewer may not read — only the agency holding them. Drawn as plain SVG with a deterministic
 * layout; every node can be reached with the keyboard, and the same network is offered as a list.
 */
export function NetworkGraph({ nodes, edges }: { nodes: NetworkNode[]; edges: NetworkEdge[] }) {
  const [view, setView] = useState<'graph' | 'list'>('graph');
  const [selected, setSelected] = useState<string | null>(null);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  // Edges naming a node the answer does not hold are left out rather than drawn to nowhere.
  const shownEdges = useMemo(() => edges.filter((e) => byId.has(e.from) && byId.has(e.to)), [edges, byId]);
  const positions = useMemo(
    () => layoutNetwork(nodes, shownEdges, W, H, { x: 90, y: 28 }),
    [nodes, shownEdges],
  );
  const neighbours = useMemo(() => {
    const map = new Map<string, Neighbour[]>();
    for (const e of shownEdges) {
      map.set(e.from, [...(map.get(e.from) ?? []), { node: byId.get(e.to)!, kind: e.kind }]);
      map.set(e.to, [...(map.get(e.to) ?? []), { node: byId.get(e.from)!, kind: e.kind }]);
    }
    return map;
  }, [shownEdges, byId]);
  const present = kinds.filter((k) => nodes.some((n) => n.kind === k));
  const near = new Set(selected ? [selected, ...(neighbours.get(selected) ?? []).map((x) => x.node.id)] : []);
  const chosen = selected ? byId.get(selected) : undefined;

  function onKey(event: KeyboardEvent, id: string) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setSelected((s) => (s === id ? null : id));
    } else if (event.key === 'Escape') setSelected(null);
  }

  if (nodes.length === 0) return <p className="muted">{t('network.empty')}</p>;
  return (
    <div className="network">
      <div className="network-toolbar">
        <fieldset className="segmented" aria-label={t('network.view')}>
          {(['graph', 'list'] as const).map((v) => (
            <label key={v}>
              <input
                type="radio"
                name="network-view"
                value={v}
                checked={view === v}
                onChange={() => setView(v)}
              />
              <span>{t(v === 'graph' ? 'network.asGraph' : 'network.asList')}</span>
            </label>
          ))}
        </fieldset>
        <ul className="network-legend" aria-label={t('network.legend')}>
          {present.map((k) => (
            <li key={k}>
              <svg width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
                <Shape kind={k} x={10} y={10} r={6} />
              </svg>
              {tValue('nodeKind', k)}
            </li>
          ))}
          {nodes.some((n) => n.kind === 'agency') && <li className="muted">{t('network.agencyNote')}</li>}
        </ul>
      </div>
      {view === 'graph' ? (
        <div className="network-canvas">
          {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing groups its nodes with a role */}
          <svg
            viewBox={`0 0 ${W} ${H}`}
            className={`network-svg${selected ? ' has-selection' : ''}`}
            role="group"
            aria-label={t('network.graphLabel', { nodes: nodes.length, edges: shownEdges.length })}
          >
            <g className="net-edges">
              {shownEdges.map((e, i) => {
                const a = positions.get(e.from)!;
                const b = positions.get(e.to)!;
                const lit = selected !== null && (e.from === selected || e.to === selected);
                return (
                  <line
                    key={`${e.from}>${e.to}:${i}`}
                    className={`net-edge net-edge-${e.kind}${lit ? ' is-lit' : ''}`}
                    x1={a.x}
                    y1={a.y}
                    x2={b.x}
                    y2={b.y}
                  >
                    <title>{tValue('edgeKind', e.kind)}</title>
                  </line>
                );
              })}
            </g>
            <g className="net-nodes">
              {nodes.map((node) => {
                const p = positions.get(node.id)!;
                const label = nodeLabel(node);
                const degree = neighbours.get(node.id)?.length ?? 0;
                const dim = selected !== null && !near.has(node.id);
                return (
                  // biome-ignore lint/a11y/useSemanticElements: an SVG node cannot be a <button>
                  <g
                    key={node.id}
                    className={`net-node${selected === node.id ? ' is-selected' : ''}${dim ? ' is-dim' : ''}`}
                    role="button"
                    tabIndex={0}
                    aria-pressed={selected === node.id}
                    aria-label={t('network.nodeLabel', {
                      kind: tValue('nodeKind', node.kind),
                      label,
                      count: degree,
                    })}
                    onClick={() => setSelected((s) => (s === node.id ? null : node.id))}
                    onKeyDown={(e) => onKey(e, node.id)}
                  >
                    <Shape kind={node.kind} x={p.x} y={p.y} r={node.id.startsWith('profile:') ? 12 : 9} />
                    <text x={p.x} y={p.y + 22} textAnchor="middle" className="net-label">
                      {short(label)}
                    </text>
                  </g>
                );
              })}
            </g>
          </svg>
          <div className="network-detail" aria-live="polite">
            {chosen ? (
              <NodeDetail node={chosen} neighbours={neighbours.get(chosen.id) ?? []} onSelect={setSelected} />
            ) : (
              <p className="muted small">{t('network.hint')}</p>
            )}
          </div>
        </div>
      ) : (
        <NetworkList nodes={nodes} neighbours={neighbours} />
      )}
    </div>
  );
}

function NodeDetail({
  node,
  neighbours,
  onSelect,
}: {
  node: NetworkNode;
  neighbours: Neighbour[];
  onSelect: (id: string) => void;
}) {
  const href = nodeHref(node);
  return (
    <div>
      <div className="network-detail-head">
        <span className="tag tag-outline">{tValue('nodeKind', node.kind)}</span>{' '}
        <strong>{nodeLabel(node)}</strong>{' '}
        {href && (
          <Link href={href} className="small">
            {node.kind === 'case' ? t('network.openCase') : t('network.searchIdentifier')}
          </Link>
        )}
      </div>
      <ul className="network-neighbours">
        {neighbours.map((x, i) => (
          <li key={`${x.node.id}:${i}`}>
            <span className="muted">{tValue('edgeKind', x.kind)}</span>{' '}
            <button type="button" className="btn-link" onClick={() => onSelect(x.node.id)}>
              {nodeLabel(x.node)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function NetworkList({ nodes, neighbours }: { nodes: NetworkNode[]; neighbours: Map<string, Neighbour[]> }) {
  const sorted = [...nodes].sort(
    (a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || nodeLabel(a).localeCompare(nodeLabel(b)),
  );
  return (
    <table className="data-table compact network-table">
      <caption className="visually-hidden">{t('network.listCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('network.kind')}</th>
          <th scope="col">{t('network.node')}</th>
          <th scope="col">{t('network.connections')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((node) => {
          const href = nodeHref(node);
          return (
            <tr key={node.id}>
              <td>{tValue('nodeKind', node.kind)}</td>
              <th scope="row">{href ? <Link href={href}>{nodeLabel(node)}</Link> : nodeLabel(node)}</th>
              <td>
                <ul className="network-neighbours">
                  {(neighbours.get(node.id) ?? []).map((x, i) => (
                    <li key={`${x.node.id}:${i}`}>
                      <span className="muted">{tValue('edgeKind', x.kind)}</span> {nodeLabel(x.node)}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
