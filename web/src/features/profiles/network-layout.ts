/**
 * A deterministic force-directed layout (Fruchterman–Reingold with a cooling schedule) for the small networks
 * of a person profile. Deterministic: the same nodes and edges always land in the same places (no random start),
 * so an officer who comes back to a profile finds it as they left it, and screenshots compare. Cheap: for the
 * graphs a profile makes (tens of nodes, at most a few hundred) it runs in milliseconds on an old PC; the work
 * per step is bounded so a large graph costs at most about a million pair visits in all.
 */
export interface LayoutNode {
  id: string;
  kind: string;
}
export interface LayoutEdge {
  from: string;
  to: string;
}
export interface Point {
  x: number;
  y: number;
}

/** A stable number in [0, 1) from a string, for tie-breaking start positions without randomness. */
function hash01(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 4294967296;
}

const kindRing: Record<string, number> = { person: 0, agency: 0.35, case: 0.55, identifier: 1, place: 1 };

/**
 * Positions in a `width`×`height` box (with `margin` kept clear for labels).
 * @example layoutNetwork([{ id: 'a', kind: 'person' }, { id: 'b', kind: 'case' }], [{ from: 'a', to: 'b' }], 600, 400)
 */
export function layoutNetwork(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  width: number,
  height: number,
  margin: { x: number; y: number } = { x: 40, y: 40 },
): Map<string, Point> {
  const n = nodes.length;
  const out = new Map<string, Point>();
  if (n === 0) return out;
  const cx = width / 2;
  const cy = height / 2;
  if (n === 1) {
    out.set(nodes[0]!.id, { x: cx, y: cy });
    return out;
  }
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  // Start on rings by kind (persons in the middle, identifiers and places outside), ordered by id.
  const order = [...nodes.keys()].sort((a, b) => {
    const ka = kindRing[nodes[a]!.kind] ?? 0.8;
    const kb = kindRing[nodes[b]!.kind] ?? 0.8;
    return ka - kb || (nodes[a]!.id < nodes[b]!.id ? -1 : 1);
  });
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  // The simulation runs in a unit-free square; the result is fitted into the box at the end.
  const radius = 100;
  order.forEach((i, rank) => {
    const ring = 0.15 + 0.85 * (kindRing[nodes[i]!.kind] ?? 0.8);
    const angle = (2 * Math.PI * rank) / n + hash01(nodes[i]!.id) * 0.3;
    x[i] = Math.cos(angle) * radius * ring;
    y[i] = Math.sin(angle) * radius * ring;
  });
  const links: [number, number][] = [];
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a !== undefined && b !== undefined && a !== b) links.push([a, b]);
  }

  const k = (2 * radius) / Math.sqrt(n) / 1.5;
  const iterations = Math.max(60, Math.min(300, Math.floor(1_000_000 / (n * n))));
  let temperature = radius / 2;
  const cool = temperature / (iterations + 1);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = x[i]! - x[j]!;
        let ddy = y[i]! - y[j]!;
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 0.01) {
          // Two nodes on one spot: part them along a direction fixed by their indices.
          ddx = Math.cos(i + j);
          ddy = Math.sin(i + j);
          d2 = 1;
        }
        const f = (k * k) / d2;
        dx[i]! += ddx * f;
        dy[i]! += ddy * f;
        dx[j]! -= ddx * f;
        dy[j]! -= ddy * f;
      }
    }
    for (const [a, b] of links) {
      const ddx = x[a]! - x[b]!;
      const ddy = y[a]! - y[b]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
      const f = d / k;
      dx[a]! -= ddx * f;
      dy[a]! -= ddy * f;
      dx[b]! += ddx * f;
      dy[b]! += ddy * f;
    }
    for (let i = 0; i < n; i++) {
      // A pull to the centre keeps unconnected parts of the network together.
      dx[i]! -= x[i]! * 0.05;
      dy[i]! -= y[i]! * 0.05;
      const len = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!) || 1;
      const step = Math.min(len, temperature);
      x[i] = x[i]! + (dx[i]! / len) * step;
      y[i] = y[i]! + (dy[i]! / len) * step;
    }
    temperature -= cool;
  }
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]!);
    maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!);
    maxY = Math.max(maxY, y[i]!);
  }
  const spanX = Math.max(maxX - minX, 1e-6);
  const spanY = Math.max(maxY - minY, 1e-6);
  // Each axis is scaled to the box, but neither more than twice the other, so the drawing uses a wide box
  // without turning a round cluster into a flat line.
  const fitX = (width - 2 * margin.x) / spanX;
  const fitY = (height - 2 * margin.y) / spanY;
  const scaleX = Math.min(fitX, 2 * fitY);
  const scaleY = Math.min(fitY, 2 * fitX);
  for (let i = 0; i < n; i++) {
    x[i] = cx + (x[i]! - (minX + maxX) / 2) * scaleX;
    y[i] = cy + (y[i]! - (minY + maxY) / 2) * scaleY;
  }
  for (let i = 0; i < n; i++) out.set(nodes[i]!.id, { x: x[i]!, y: y[i]! });
  return out;
}
