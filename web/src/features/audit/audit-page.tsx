import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { type ApiError, api } from '../../api/client.ts';
import type { AuditEvent, AuditEventQuery, AuditPage as AuditPageData } from '../../api/types.ts';
import { toApiError } from '../../api/use-resource.ts';
import { Field } from '../../components/field.tsx';
import { ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDateTime, istInputToIso } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';

/** Filters the action list offers; any other action (or prefix ending in ".") can be typed. */
const actionChoices = [
  '',
  'victim.reveal',
  'person.read',
  'case.read',
  'person.search',
  'case.search',
  'grid.search_identifier',
  'export.',
  'disclosure.',
  'case.refer',
  'consent.record',
  'auth.',
  'user.',
  'group.',
] as const;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type View =
  | { view: 'events'; query: AuditEventQuery }
  | { view: 'record'; kind: string; id: string }
  | { view: 'user'; id: string };

function readView(search: string): View {
  const p = new URLSearchParams(search);
  const view = p.get('view');
  if (view === 'record' && p.get('id'))
    return { view, kind: p.get('kind') ?? 'person', id: p.get('id') ?? '' };
  if (view === 'user' && p.get('id')) return { view, id: p.get('id') ?? '' };
  const query: AuditEventQuery = {};
  for (const key of ['action', 'from', 'to', 'record_kind', 'record_id', 'user_id', 'agency_id'] as const) {
    const value = p.get(key);
    if (value) query[key] = value;
  }
  return { view: 'events', query };
}

function toSearch(v: View): string {
  const p = new URLSearchParams();
  if (v.view === 'events') {
    for (const [key, value] of Object.entries(v.query)) if (value) p.set(key, String(value));
  } else {
    p.set('view', v.view);
    if (v.view === 'record') p.set('kind', v.kind);
    p.set('id', v.id);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/**
 * The oversight view: every read of protected data and every write, who did it, for what stated purpose. Two
 * questions have their own answers — "who saw this record" and "what did this user look at".
 */
export function AuditPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const v = readView(search);
  const go = (next: View) => navigate(`/audit${toSearch(next)}`);
  useDocumentTitle(t('audit.title'));

  return (
    <div className="page page-fill">
      <div className="page-header">
        <div>
          <h1>{t('audit.title')}</h1>
          <p className="page-sub">{t('audit.subtitle')}</p>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label={t('audit.title')}>
        <button
          type="button"
          role="tab"
          className="tab"
          aria-selected={v.view === 'events'}
          onClick={() => go({ view: 'events', query: {} })}
        >
          {t('audit.tab.events')}
        </button>
        <button
          type="button"
          role="tab"
          className="tab"
          aria-selected={v.view === 'record'}
          onClick={() => go({ view: 'record', kind: 'person', id: v.view === 'record' ? v.id : '' })}
        >
          {t('audit.tab.record')}
        </button>
        {v.view === 'user' && (
          <button type="button" role="tab" className="tab" aria-selected>
            {t('audit.tab.user')}
          </button>
        )}
      </div>
      {v.view === 'events' && (
        <EventsView query={v.query} onQuery={(query) => go({ view: 'events', query })} go={go} />
      )}
      {v.view === 'record' && <RecordView kind={v.kind} id={v.id} go={go} />}
      {v.view === 'user' && <UserView id={v.id} go={go} />}
    </div>
  );
}

/** `datetime-local` value (IST wall clock) of an ISO time, for putting a filter back into its input. */
function isoToInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : new Date(d.getTime() + 330 * 60_000).toISOString().slice(0, 16);
}

function EventsView({
  query,
  onQuery,
  go,
}: {
  query: AuditEventQuery;
  onQuery: (q: AuditEventQuery) => void;
  go: (v: View) => void;
}) {
  const [action, setAction] = useState(query.action ?? '');
  const [from, setFrom] = useState(isoToInput(query.from));
  const [to, setTo] = useState(isoToInput(query.to));
  const [recordId, setRecordId] = useState(query.record_id ?? '');
  const key = JSON.stringify(query);
  const load = useCallback(
    (cursor: string | undefined, signal: AbortSignal) =>
      api.auditEvents({ ...query, cursor, limit: 100 }, signal),
    [key],
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onQuery({
      action: action.trim() || undefined,
      from: from ? istInputToIso(from) : undefined,
      to: to ? istInputToIso(to) : undefined,
      record_id: uuidPattern.test(recordId.trim()) ? recordId.trim() : undefined,
      user_id: query.user_id,
      agency_id: query.agency_id,
    });
  }

  return (
    <>
      <form className="filter-bar audit-filters" onSubmit={onSubmit} aria-label={t('audit.filters')}>
        <Field id="au-action" label={t('audit.action')}>
          <input
            id="au-action"
            list="au-actions"
            type="text"
            value={action}
            placeholder={t('audit.actionAny')}
            onChange={(e) => setAction(e.target.value)}
          />
          <datalist id="au-actions">
            {actionChoices.filter(Boolean).map((a) => (
              <option key={a} value={a}>
                {tValue('auditAction', a)}
              </option>
            ))}
          </datalist>
        </Field>
        <Field id="au-record" label={t('audit.recordId')}>
          <input
            id="au-record"
            type="text"
            value={recordId}
            spellCheck={false}
            placeholder="0190…"
            onChange={(e) => setRecordId(e.target.value)}
          />
        </Field>
        <Field id="au-from" label={t('audit.from')}>
          <input id="au-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field id="au-to" label={t('audit.to')}>
          <input id="au-to" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <div className="filter-actions">
          <button type="submit" className="btn btn-primary">
            {t('filters.search')}
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setAction('');
              setFrom('');
              setTo('');
              setRecordId('');
              onQuery({});
            }}
          >
            {t('filters.clear')}
          </button>
        </div>
      </form>
      <fieldset className="quick-filters">
        <legend className="visually-hidden">{t('audit.quick')}</legend>
        {(['victim.reveal', 'person.read', 'disclosure.', 'export.', 'auth.'] as const).map((a) => (
          <button
            key={a}
            type="button"
            className={`btn btn-small btn-chip${query.action === a ? ' is-active' : ''}`}
            aria-pressed={query.action === a}
            onClick={() => {
              setAction(a);
              onQuery({ ...query, action: query.action === a ? undefined : a });
            }}
          >
            {tValue('auditAction', a)}
          </button>
        ))}
        {(query.user_id || query.agency_id) && (
          <button
            type="button"
            className="btn btn-small btn-chip is-active"
            onClick={() => onQuery({ ...query, user_id: undefined, agency_id: undefined })}
          >
            {t('audit.clearWho')} ×
          </button>
        )}
      </fieldset>
      <EventTable key={key} load={load} go={go} />
    </>
  );
}

function RecordView({ kind, id, go }: { kind: string; id: string; go: (v: View) => void }) {
  const [k, setK] = useState(kind);
  const [value, setValue] = useState(id);
  const valid = uuidPattern.test(id);
  const load = useCallback(
    (cursor: string | undefined, signal: AbortSignal) => api.auditRecord(kind, id, cursor, signal),
    [kind, id],
  );
  return (
    <>
      <form
        className="filter-bar audit-record-form"
        onSubmit={(e) => {
          e.preventDefault();
          go({ view: 'record', kind: k, id: value.trim() });
        }}
      >
        <Field id="ar-kind" label={t('audit.recordKind')}>
          <select id="ar-kind" value={k} onChange={(e) => setK(e.target.value)}>
            {['person', 'case', 'identifier', 'user'].map((kind) => (
              <option key={kind} value={kind}>
                {tValue('recordKind', kind)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="ar-id" label={t('audit.recordId')}>
          <input
            id="ar-id"
            type="text"
            spellCheck={false}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </Field>
        <div className="filter-actions">
          <button type="submit" className="btn btn-primary" disabled={!uuidPattern.test(value.trim())}>
            {t('audit.whoSaw')}
          </button>
        </div>
      </form>
      {!valid ? (
        <div className="table-panel">
          <p className="empty">{t('audit.recordHelp')}</p>
        </div>
      ) : (
        <EventTable key={`${kind}:${id}`} load={load} go={go} />
      )}
    </>
  );
}

function UserView({ id, go }: { id: string; go: (v: View) => void }) {
  const [who, setWho] = useState<{ name: string; detail: string } | null>(null);
  const load = useCallback(
    (cursor: string | undefined, signal: AbortSignal) =>
      api.auditUser(id, cursor, signal).then((r) => {
        setWho({
          name: r.user.display_name,
          detail: `${r.user.email} · ${tValue('userRole', r.user.role)} · ${r.user.agency.name}`,
        });
        return r;
      }),
    [id],
  );
  return (
    <>
      <div className="panel panel-flat-bottom user-banner">
        {who ? (
          <>
            <strong>{t('audit.userActivity', { name: who.name })}</strong>{' '}
            <span className="muted">{who.detail}</span>
          </>
        ) : (
          <span className="muted">{t('common.loading')}</span>
        )}
      </div>
      <EventTable key={id} load={load} go={go} />
    </>
  );
}

interface Rows {
  items: AuditEvent[];
  next: string | null;
  loading: boolean;
  error: ApiError | null;
}

function EventTable({
  load,
  go,
}: {
  load: (
    cursor: string | undefined,
    signal: AbortSignal,
  ) => Promise<Pick<AuditPageData, 'items' | 'next_cursor'>>;
  go: (v: View) => void;
}) {
  const [rows, setRows] = useState<Rows>({ items: [], next: null, loading: true, error: null });
  const [open, setOpen] = useState<string | null>(null);
  const fetchPage = useCallback(
    (cursor?: string) => {
      const controller = new AbortController();
      setRows((r) => ({ ...r, loading: true, error: null }));
      load(cursor, controller.signal).then(
        (page) =>
          setRows((r) => ({
            items: cursor ? [...r.items, ...page.items] : page.items,
            next: page.next_cursor,
            loading: false,
            error: null,
          })),
        (e: unknown) => {
          if (!controller.signal.aborted) setRows((r) => ({ ...r, loading: false, error: toApiError(e) }));
        },
      );
      return controller;
    },
    [load],
  );
  useEffect(() => {
    const controller = fetchPage();
    return () => controller.abort();
  }, [fetchPage]);

  return (
    <div className="table-panel">
      <div className="table-scroll">
        {rows.error && <ErrorNotice error={rows.error} onRetry={() => fetchPage()} />}
        <table className="data-table audit-table" aria-busy={rows.loading}>
          <thead>
            <tr>
              <th scope="col">{t('audit.col.time')}</th>
              <th scope="col">{t('audit.col.user')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.col.record')}</th>
              <th scope="col">{t('audit.col.purpose')}</th>
              <th scope="col">{t('audit.col.address')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.items.map((e) => (
              <EventRow
                key={e.id}
                e={e}
                open={open === e.id}
                onToggle={() => setOpen(open === e.id ? null : e.id)}
                go={go}
              />
            ))}
          </tbody>
        </table>
        {rows.loading && <Loading />}
        {!rows.loading && !rows.error && rows.items.length === 0 && (
          <p className="empty">{t('audit.empty')}</p>
        )}
      </div>
      <div className="table-footer">
        <span>{t('audit.count', { count: rows.items.length })}</span>
        {rows.next && (
          <button
            type="button"
            className="btn btn-small"
            disabled={rows.loading}
            onClick={() => fetchPage(rows.next ?? undefined)}
          >
            {t('cases.loadMore')}
          </button>
        )}
      </div>
    </div>
  );
}

/** The stated purpose: its own column, or (for older events) inside the detail. */
function purposeOf(e: AuditEvent): string | null {
  if (e.purpose) return e.purpose;
  const inDetail = e.detail?.purpose;
  return typeof inDetail === 'string' ? inDetail : null;
}

function EventRow({
  e,
  open,
  onToggle,
  go,
}: {
  e: AuditEvent;
  open: boolean;
  onToggle: () => void;
  go: (v: View) => void;
}) {
  const sensitive = e.action === 'victim.reveal' || e.action === 'person.reveal';
  return (
    <>
      <tr className={sensitive ? 'audit-sensitive' : undefined}>
        <td className="nowrap num-date">{formatDateTime(e.occurred_at)}</td>
        <td>
          {e.user ? (
            <button
              type="button"
              className="btn-link link-button"
              onClick={() => go({ view: 'user', id: e.user?.id ?? '' })}
            >
              {e.user.display_name}
            </button>
          ) : (
            <span className="muted">{t('audit.system')}</span>
          )}
          <div className="muted small">
            {e.role ? tValue('userRole', e.role) : ''}
            {e.agency ? ` · ${e.agency.code}` : ''}
          </div>
        </td>
        <td>
          <span className="audit-action">{tValue('auditAction', e.action, e.action)}</span>
          <div className="muted small">
            <code>{e.action}</code>
            {e.detail && (
              <>
                {' '}
                <button
                  type="button"
                  className="btn-link link-button"
                  aria-expanded={open}
                  onClick={onToggle}
                >
                  {open ? t('audit.hideDetail') : t('audit.detail')}
                </button>
              </>
            )}
          </div>
        </td>
        <td>
          {e.record?.id ? (
            <>
              {tValue('recordKind', e.record.kind)}{' '}
              {e.record.kind === 'case' ? (
                <Link href={`/cases/${e.record.id}`} title={e.record.id}>
                  <code>…{e.record.id.slice(-12)}</code>
                </Link>
              ) : (
                <code title={e.record.id}>…{e.record.id.slice(-12)}</code>
              )}
              <div>
                <button
                  type="button"
                  className="btn-link link-button small"
                  onClick={() =>
                    go({ view: 'record', kind: e.record?.kind ?? 'person', id: e.record?.id ?? '' })
                  }
                >
                  {t('audit.whoSaw')}
                </button>
              </div>
            </>
          ) : (
            <span className="muted">{e.record ? tValue('recordKind', e.record.kind) : '—'}</span>
          )}
        </td>
        <td className="purpose-cell">{purposeOf(e) ?? <span className="muted">—</span>}</td>
        <td>
          <code className="small">{e.client_address ?? '—'}</code>
        </td>
      </tr>
      {open && e.detail && (
        <tr className="detail-row">
          <td colSpan={6}>
            <dl className="detail-list">
              {Object.entries(e.detail).map(([k, value]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>
                    <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
                  </dd>
                </div>
              ))}
            </dl>
          </td>
        </tr>
      )}
    </>
  );
}
