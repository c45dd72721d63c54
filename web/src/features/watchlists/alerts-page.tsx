import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api } from '../../api/client.ts';
import type { GridAlert, GridAlertQuery, Hit, NewWatch, Watch } from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { useResource } from '../../api/use-resource.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { controlProps, Field } from '../../components/field.tsx';
import { ActionError, ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useCan } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { useNotifications } from '../disclosures/notifications.tsx';
import { RequestDisclosureDialog } from '../disclosures/request-disclosure-dialog.tsx';
import { GridTabs } from '../screening/grid-tabs.tsx';

type Kind = NonNullable<GridAlertQuery['kind']>;
const alertKinds: Kind[] = ['deconfliction', 're_trafficking', 'watchlist'];
/** The identifier kinds the grid correlates, and so the kinds a watch can be on (grid/values.ts). */
const watchKinds = [
  'phone',
  'email',
  'upi',
  'bank_account',
  'vehicle',
  'social_handle',
  'url',
  'domain',
  'ip',
  'address',
] as const satisfies readonly NewWatch['kind'][];

function kindFrom(search: string): Kind | undefined {
  const k = new URLSearchParams(search).get('kind');
  return (alertKinds as string[]).includes(k ?? '') ? (k as Kind) : undefined;
}

/** The agency's grid alerts (whom to call at the other agency) and the officer's own watches. */
export function AlertsPage() {
  useDocumentTitle(t('alerts.title'));
  return (
    <div className="page">
      <GridTabs />
      <div className="page-header">
        <div>
          <h1>{t('alerts.title')}</h1>
          <p className="page-sub">{t('alerts.subtitle')}</p>
        </div>
      </div>
      <div className="alerts-layout">
        <AlertsPanel />
        <WatchesPanel />
      </div>
    </div>
  );
}

function AlertsPanel() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const kind = kindFrom(search);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [version, setVersion] = useState(0);
  const { refresh: refreshNotifications } = useNotifications();
  const alerts = useResource(
    (signal) => api.gridAlerts({ kind, unread: unreadOnly ? 'true' : 'false', limit: 100 }, signal),
    `alerts:${kind ?? ''}:${unreadOnly}:${version}`,
  );
  const markAll = useAction(api.markAllAlertsRead);
  // Reading an alert reads its notification too: the bell's count follows.
  const changed = () => {
    setVersion((v) => v + 1);
    refreshNotifications();
  };
  const unread = alerts.data?.unread ?? 0;
  return (
    <section className="panel" aria-labelledby="sec-alerts">
      <h2 id="sec-alerts">
        {t('alerts.alerts')}{' '}
        {alerts.data && (
          <span
            className={`count${unread ? ' count-alert' : ''}`}
            title={t('alerts.unreadCount', { count: unread })}
          >
            {unread}
          </span>
        )}
      </h2>
      <div className="tabs status-filter" role="tablist" aria-label={t('alerts.kindLabel')}>
        {[undefined, ...alertKinds].map((k) => (
          <button
            key={k ?? 'all'}
            type="button"
            role="tab"
            className="tab"
            aria-selected={k === kind}
            onClick={() => navigate(k ? `/grid/alerts?kind=${k}` : '/grid/alerts')}
          >
            {k ? tValue('alertKind', k) : t('alerts.all')}
          </button>
        ))}
      </div>
      <div className="alerts-toolbar">
        <label className="check-line">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
          <span>{t('alerts.unreadOnly')}</span>
        </label>
        <span className="muted">{t('alerts.unreadCount', { count: unread })}</span>
        {unread > 0 && (
          <button
            type="button"
            className="btn btn-small"
            disabled={markAll.busy}
            onClick={async () => {
              if (await markAll.run(kind)) changed();
            }}
          >
            {t('alerts.markAll')}
          </button>
        )}
      </div>
      <ActionError error={markAll.error} />
      {alerts.state === 'loading' && <Loading />}
      {alerts.state === 'error' && <ErrorNotice error={alerts.error} />}
      {alerts.state === 'ready' &&
        (alerts.data.items.length === 0 ? (
          <p className="muted">{unreadOnly ? t('alerts.noneUnread') : t('alerts.none')}</p>
        ) : (
          <ul className="alert-list">
            {alerts.data.items.map((a) => (
              <AlertItem key={a.id} alert={a} onChanged={changed} />
            ))}
          </ul>
        ))}
    </section>
  );
}

function alertHit(a: GridAlert): Hit {
  return {
    record_kind: 'case',
    record_id: a.other.record_id,
    match: { kind: a.match.kind, on: a.match.on },
    strength: 'exact',
    agency: a.other.agency,
    disclosure_status: a.other.disclosure_status,
    disclosure_id: a.other.disclosure_id,
  };
}

function matchText(a: GridAlert): string {
  // `match.on` says whether an identifier or a person linked the records; the kind names which.
  return a.match.on !== 'identifier' || a.match.kind === 'person'
    ? t('alerts.samePerson')
    : tValue('identifier', a.match.kind);
}

function AlertItem({ alert: a, onChanged }: { alert: GridAlert; onChanged: () => void }) {
  const canRequest = useCan('disclosure:request') === true;
  const [asking, setAsking] = useState(false);
  const markRead = useAction(async (alertId: string) => {
    await api.markAlertRead(alertId);
    return true;
  });
  const o = a.other;
  const status = o.disclosure_status;
  // A watch fires on records of the watcher's own agency too (a colleague's case or tip).
  const ours = o.agency.id === useUser().agency.id;
  return (
    <li className={`alert-item alert-${a.kind} ${a.read_at ? 'is-read' : 'is-unread'}`}>
      <div className="match-line">
        <span className={`badge alert-kind-${a.kind}`}>{tValue('alertKind', a.kind)}</span>
        {!a.read_at && <span className="badge alert-new">{t('alerts.new')}</span>}
        <span className="match-kind">{t('alerts.matchedOn', { what: matchText(a) })}</span>
        <span className="muted small alert-date">{formatDateTime(a.created_at)}</span>
      </div>
      <div className="alert-body">
        <div>
          <div className="alert-side-label">{t('alerts.yours')}</div>
          {a.case ? (
            <Link href={`/cases/${a.case.case_id}`} className="fir-link">
              {a.case.fir_number ? t('case.firTitle', { number: a.case.fir_number }) : t('cases.noFir')}
            </Link>
          ) : a.watch ? (
            <span>
              {t('alerts.watchOn', {
                kind: a.watch.kind ? tValue('identifier', a.watch.kind) : t('alerts.person'),
                value: a.watch.value ?? '',
              })}
            </span>
          ) : (
            <span className="muted">—</span>
          )}
          {a.child && <div className="pseudonym">{t('alerts.child', { pseudonym: a.child.pseudonym })}</div>}
        </div>
        <div>
          <div className="alert-side-label">{t(ours ? 'alerts.ownAgency' : 'alerts.other')}</div>
          <div>
            <strong>{o.agency.name}</strong> <span className="muted">({o.agency.code})</span>
          </div>
          {o.readable && o.record_kind === 'tip' ? (
            <Link href={`/tips/${o.record_id}`} className="fir-link">
              {t('alerts.openTip')}
            </Link>
          ) : o.readable ? (
            <Link href={`/cases/${o.record_id}`} className="fir-link">
              {o.fir_number ? t('case.firTitle', { number: o.fir_number }) : t('alerts.openCase')}
            </Link>
          ) : (
            <span>
              <span className="hit-label">{t('matches.hitLabel')}</span>
              {o.record_kind === 'tip' && <span className="muted small"> {t('alerts.tipHit')}</span>}
            </span>
          )}
          <dl className="contact">
            <dt>{t('hit.contact')}</dt>
            <dd>{o.agency.contact_officer ?? '—'}</dd>
            {o.agency.contact_phone && (
              <>
                <dt className="visually-hidden">{t('hit.phone')}</dt>
                <dd>
                  <a href={`tel:${o.agency.contact_phone.replace(/\s+/g, '')}`}>{o.agency.contact_phone}</a>
                </dd>
              </>
            )}
            {o.agency.contact_email && (
              <>
                <dt className="visually-hidden">{t('hit.email')}</dt>
                <dd>
                  <a href={`mailto:${o.agency.contact_email}`}>{o.agency.contact_email}</a>
                </dd>
              </>
            )}
          </dl>
          {/* A disclosure request is for a case; a tip's agency is called. */}
          {!o.readable && o.record_kind === 'case' && (
            <div className="match-actions">
              {status && (
                <span className={`badge disclosure-${status}`}>{tValue('disclosureStatus', status)}</span>
              )}
              {canRequest && status !== 'pending' && status !== 'approved' && (
                <button type="button" className="btn btn-small" onClick={() => setAsking(true)}>
                  {status ? t('matches.requestAgain') : t('matches.request')}
                </button>
              )}
            </div>
          )}
        </div>
      </div>
      <div className="alert-read-line">
        {a.read_at ? (
          <span className="muted small">{t('alerts.readOn', { date: formatDateTime(a.read_at) })}</span>
        ) : a.addressed_to_you ? (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={markRead.busy}
            onClick={async () => {
              if (await markRead.run(a.id)) onChanged();
            }}
          >
            {t('alerts.markRead')}
            <span className="visually-hidden">
              : {tValue('alertKind', a.kind)}, {o.agency.name}, {formatDateTime(a.created_at)}
            </span>
          </button>
        ) : (
          <span className="muted small">{t('alerts.notReadByAgency')}</span>
        )}
        <ActionError error={markRead.error} />
      </div>
      {asking && (
        <RequestDisclosureDialog
          hit={alertHit(a)}
          caseReference={a.case?.fir_number ? t('case.firTitle', { number: a.case.fir_number }) : undefined}
          matchedOn={matchText(a)}
          onClose={() => setAsking(false)}
          onFiled={() => {
            setAsking(false);
            onChanged();
          }}
        />
      )}
    </li>
  );
}

function WatchesPanel() {
  const [version, setVersion] = useState(0);
  const watches = useResource((signal) => api.watches(signal), `watches:${version}`);
  const [removing, setRemoving] = useState<Watch | null>(null);
  const remove = useAction(async (watchId: string) => {
    await api.removeWatch(watchId);
    return true;
  });
  // Roles that receive cases only by referral (CWC, NGO, prosecutor) keep no watchlists: the server says so.
  if (watches.state === 'error' && watches.error.status === 403) {
    return (
      <section className="panel panel-quiet" aria-labelledby="sec-watches">
        <h2 id="sec-watches">{t('watches.title')}</h2>
        <p className="muted">{t('watches.notForRole')}</p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="sec-watches">
      <h2 id="sec-watches">
        {t('watches.title')} {watches.data && <span className="count">{watches.data.items.length}</span>}
      </h2>
      <p className="field-hint">{t('watches.note')}</p>
      {watches.state === 'loading' && <Loading />}
      {watches.state === 'error' && <ErrorNotice error={watches.error} />}
      {watches.state === 'ready' &&
        (watches.data.items.length === 0 ? (
          <p className="muted page-notice">{t('watches.none')}</p>
        ) : (
          <table className="data-table compact watch-table">
            <thead>
              <tr>
                <th scope="col">{t('identifier.kind')}</th>
                <th scope="col">{t('identifier.value')}</th>
                <th scope="col">{t('watches.reason')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {watches.data.items.map((w) => (
                <tr key={w.id}>
                  <td>{w.kind ? tValue('identifier', w.kind) : t('alerts.person')}</td>
                  <td>
                    {w.profile_id ? (
                      <Link href={`/profiles/${w.profile_id}`}>{t('watches.profile')}</Link>
                    ) : (
                      <code>{w.value}</code>
                    )}
                    <div className="muted small">
                      {t('watches.since', { date: formatDate(w.created_at) })}
                    </div>
                  </td>
                  <td>{w.reason}</td>
                  <td className="row-actions">
                    <button type="button" className="btn btn-small" onClick={() => setRemoving(w)}>
                      {t('watches.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {watches.state === 'ready' && <AddWatchForm onAdded={() => setVersion((v) => v + 1)} />}
      {removing && (
        <ConfirmDialog
          title={t('watches.removeTitle')}
          confirmLabel={t('watches.remove')}
          busy={remove.busy}
          error={remove.error}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            if (await remove.run(removing.id)) {
              setRemoving(null);
              setVersion((v) => v + 1);
            }
          }}
        >
          {t('watches.removeBody', {
            value: removing.value ?? t('watches.profile'),
          })}
        </ConfirmDialog>
      )}
    </section>
  );
}

function AddWatchForm({ onAdded }: { onAdded: () => void }) {
  const [kind, setKind] = useState<(typeof watchKinds)[number]>('phone');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const add = useAction(api.addWatch);
  const valueError = issueFor(add.error, 'value');
  const reasonError = issueFor(add.error, 'reason');
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const watch = await add.run({ kind, value: value.trim(), reason: reason.trim() });
    if (watch) {
      setValue('');
      setReason('');
      onAdded();
    }
  }
  return (
    <form className="watch-form" onSubmit={onSubmit} noValidate aria-label={t('watches.add')}>
      <h3 className="sub-heading">{t('watches.add')}</h3>
      <div className="watch-form-grid">
        <Field id="w-kind" label={t('identifier.kind')}>
          <select
            id="w-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as (typeof watchKinds)[number])}
          >
            {watchKinds.map((k) => (
              <option key={k} value={k}>
                {tValue('identifier', k)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="w-value" label={t('identifier.value')} error={valueError}>
          <input
            type="text"
            {...controlProps('w-value', valueError)}
            value={value}
            maxLength={500}
            autoComplete="off"
            onChange={(e) => setValue(e.target.value)}
          />
        </Field>
        <Field id="w-reason" label={t('watches.reason')} error={reasonError} hint={t('watches.reasonHint')}>
          <input
            type="text"
            {...controlProps('w-reason', reasonError, t('watches.reasonHint'))}
            value={reason}
            maxLength={500}
            autoComplete="off"
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
      </div>
      <ActionError error={add.error?.issues.length ? null : add.error} />
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary btn-small"
          disabled={add.busy || !value.trim() || reason.trim().length < 5}
        >
          {add.busy ? t('common.saving') : t('watches.addButton')}
        </button>
      </div>
    </form>
  );
}
