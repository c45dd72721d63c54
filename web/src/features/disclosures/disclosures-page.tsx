import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api } from '../../api/client.ts';
import { type Disclosure, type DisclosureStatus, type FieldGroup, fieldGroups } from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { useResource } from '../../api/use-resource.ts';
import { Dialog } from '../../components/dialog.tsx';
import { controlProps, Field } from '../../components/field.tsx';
import { FieldGroupChoice, fieldGroupList } from '../../components/field-groups.tsx';
import { ActionError, ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useActions } from '../auth/permissions.ts';
import { useNotifications } from './notifications.tsx';

type Tab = 'inbox' | 'outbox' | 'notifications';
const statuses: (DisclosureStatus | '')[] = ['', 'pending', 'approved', 'refused', 'withdrawn'];

/** Requests to see records and referrals between the officer's agency and others; and its notifications. */
export function DisclosuresPage() {
  const actions = useActions();
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const tabs: Tab[] = [
    ...(actions?.has('disclosure:decide') ? (['inbox'] as const) : []),
    ...(actions?.has('disclosure:request') ? (['outbox'] as const) : []),
    'notifications',
  ];
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : (tabs[0] ?? 'notifications');
  const status = (params.get('status') ?? '') as DisclosureStatus | '';
  const openId = params.get('open');
  const { unread } = useNotifications();
  useDocumentTitle(t('disclosures.title'));

  const go = (next: { tab?: Tab; status?: string }) => {
    const p = new URLSearchParams();
    p.set('tab', next.tab ?? tab);
    const s = next.status ?? (next.tab && next.tab !== tab ? '' : status);
    if (s) p.set('status', s);
    navigate(`/disclosures?${p.toString()}`, { replace: true });
  };

  if (!actions) return <Loading />;
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('disclosures.title')}</h1>
          <p className="page-sub">{t('disclosures.subtitle')}</p>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label={t('disclosures.title')}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls="tab-panel"
            className="tab"
            onClick={() => go({ tab: name })}
          >
            {t(`disclosures.tab.${name}`)}
            {name === 'notifications' && unread.length > 0 && (
              <span className="count count-alert">{unread.length}</span>
            )}
          </button>
        ))}
      </div>
      <div id="tab-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'notifications' ? (
          <NotificationList />
        ) : (
          <>
            {openId && (
              <DisclosureDetail
                id={openId}
                onClose={() =>
                  navigate(`/disclosures?tab=${tab}${status ? `&status=${status}` : ''}`, { replace: true })
                }
              />
            )}
            <fieldset className="status-filter">
              <legend className="visually-hidden">{t('disclosures.statusFilter')}</legend>
              {statuses.map((s) => (
                <button
                  key={s || 'all'}
                  type="button"
                  className={`btn btn-small${status === s ? ' is-active' : ''}`}
                  aria-pressed={status === s}
                  onClick={() => go({ status: s })}
                >
                  {s ? tValue('disclosureStatus', s) : t('disclosures.all')}
                </button>
              ))}
            </fieldset>
            <DisclosureTable key={`${tab}:${status}`} box={tab} status={status} />
          </>
        )}
      </div>
    </div>
  );
}

/** Who asked (or referred): name and role, never the email. */
function askedBy(d: Disclosure): string | null {
  if (!d.requested_by) return null;
  const params = {
    name: d.requested_by.display_name,
    role: tValue('userRole', d.requested_by.role, d.requested_by.role_label),
  };
  return d.kind === 'referral' ? t('disclosures.referredBy', params) : t('disclosures.askedBy', params);
}

/** The case's FIR number when the caller may read the case; otherwise a note that it comes with approval. */
function CaseCell({ d }: { d: Disclosure }) {
  return d.fir_number ? (
    <span className="nowrap">{t('disclosures.fir', { fir: d.fir_number })}</span>
  ) : (
    <span className="muted small">{t('disclosures.firHidden')}</span>
  );
}

/**
 * The request or referral a notification is about (`?open=<id>`), above the list (not a modal: the officer decides
 * it in its row below).
 */
function DisclosureDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const one = useResource((signal) => api.disclosure(id, signal), `disclosure:${id}`);
  return (
    <section className="panel disclosure-detail" aria-labelledby="disclosure-detail-title">
      <div className="panel-head">
        <h2 id="disclosure-detail-title">{t('disclosures.detailTitle')}</h2>
        <button type="button" className="btn btn-small btn-ghost" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {one.state === 'loading' && <Loading />}
      {one.state === 'error' && <ErrorNotice error={one.error} />}
      {one.state === 'ready' && (
        <dl className="facts">
          <div className="fact">
            <dt>{t('disclosures.col.case')}</dt>
            <dd>
              <CaseCell d={one.data} />
            </dd>
          </div>
          <div className="fact">
            <dt>{t('disclosures.owner')}</dt>
            <dd>
              {one.data.owner.name} <span className="muted">({one.data.owner.code})</span>
            </dd>
          </div>
          <div className="fact">
            <dt>{t('disclosures.col.from')}</dt>
            <dd>
              {one.data.requester.name} <span className="muted">({one.data.requester.code})</span>
              {askedBy(one.data) && <div className="muted small">{askedBy(one.data)}</div>}
            </dd>
          </div>
          <div className="fact">
            <dt>{t('disclosures.col.purpose')}</dt>
            <dd>
              {one.data.purpose}
              {one.data.case_reference && (
                <div className="muted small">
                  {t('disclosures.theirReference', { ref: one.data.case_reference })}
                </div>
              )}
            </dd>
          </div>
          <div className="fact">
            <dt>{t('disclosures.status')}</dt>
            <dd>
              <span className={`badge disclosure-${one.data.status}`}>
                {tValue('disclosureStatus', one.data.status)}
              </span>
              {one.data.decision_reason && <div className="small muted">{one.data.decision_reason}</div>}
            </dd>
          </div>
          <div className="fact">
            <dt>{t('disclosures.col.fields')}</dt>
            <dd>
              {fieldGroupList(
                one.data.status === 'approved' ? one.data.fields_granted : one.data.fields_requested,
              )}
              {one.data.expires_at && (
                <div className="muted small">
                  {t('disclosures.until', { date: formatDate(one.data.expires_at) })}
                </div>
              )}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

function DisclosureTable({ box, status }: { box: 'inbox' | 'outbox'; status: DisclosureStatus | '' }) {
  const [version, setVersion] = useState(0);
  const [deciding, setDeciding] = useState<{ d: Disclosure; decision: 'approve' | 'refuse' } | null>(null);
  const { refresh } = useNotifications();
  const list = useResource(
    (signal) => api.disclosures({ box, status: status || undefined }, signal),
    `disclosures:${box}:${status}:${version}`,
  );
  const withdraw = useAction(api.withdrawDisclosure);
  const changed = () => {
    setVersion((v) => v + 1);
    refresh();
  };

  if (list.state === 'loading') return <Loading />;
  if (list.state === 'error') return <ErrorNotice error={list.error} />;
  const items = list.data.items;
  return (
    <div className="table-panel table-panel-standalone">
      <ActionError error={withdraw.error} />
      {items.length === 0 ? (
        <p className="empty">{t(box === 'inbox' ? 'disclosures.emptyInbox' : 'disclosures.emptyOutbox')}</p>
      ) : (
        <table className="data-table disclosure-table" aria-label={t(`disclosures.tab.${box}`)}>
          <thead>
            <tr>
              <th scope="col" className="col-date">
                {box === 'inbox' ? t('disclosures.col.date') : t('disclosures.col.sent')}
              </th>
              <th scope="col" className="col-case">
                {t('disclosures.col.case')}
              </th>
              <th scope="col" className="col-agency">
                {box === 'inbox' ? t('disclosures.col.from') : t('disclosures.col.to')}
              </th>
              <th scope="col">{t('disclosures.col.purpose')}</th>
              <th scope="col" className="col-fields">
                {t('disclosures.col.fields')}
              </th>
              <th scope="col" className="col-status">
                {t('disclosures.col.status')}
              </th>
              <th scope="col" className="col-actions">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => {
              const other = box === 'inbox' ? d.requester : d.owner;
              return (
                <tr key={d.id}>
                  <td className="nowrap num-date">
                    {formatDateTime(d.created_at)}
                    {d.kind === 'referral' && (
                      <div>
                        <span className="tag tag-small">
                          {box === 'inbox' ? t('disclosures.referralOut') : t('disclosures.referralIn')}
                        </span>
                      </div>
                    )}
                  </td>
                  <td>
                    <CaseCell d={d} />
                  </td>
                  <td>
                    <strong>{other.name}</strong> <span className="muted">({other.code})</span>
                    {box === 'inbox' && askedBy(d) && <div className="small">{askedBy(d)}</div>}
                    <div className="muted small">
                      {[other.contact_officer, other.contact_phone, other.contact_email]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                  </td>
                  <td className="purpose-cell">
                    <div>{d.purpose}</div>
                    {d.case_reference && (
                      <div className="muted small">
                        {t('disclosures.theirReference', { ref: d.case_reference })}
                      </div>
                    )}
                    {d.consent_override_reason && (
                      <div className="small override-note">
                        {t('disclosures.overrideReason', { reason: d.consent_override_reason })}
                      </div>
                    )}
                  </td>
                  <td className="small">
                    {d.status === 'approved' ? (
                      <>
                        <div>{fieldGroupList(d.fields_granted)}</div>
                        {d.expires_at && (
                          <div className="muted">
                            {t('disclosures.until', { date: formatDate(d.expires_at) })}
                          </div>
                        )}
                      </>
                    ) : (
                      <div>{fieldGroupList(d.fields_requested)}</div>
                    )}
                  </td>
                  <td>
                    <span className={`badge disclosure-${d.status}`}>
                      {tValue('disclosureStatus', d.status)}
                    </span>
                    {d.decision_reason && (
                      <div className="small muted decision-reason">{d.decision_reason}</div>
                    )}
                  </td>
                  <td className="row-actions">
                    {box === 'inbox' && (
                      <Link href={`/cases/${d.record_id}`} className="btn btn-small btn-ghost">
                        {t('disclosures.openCase')}
                      </Link>
                    )}
                    {box === 'inbox' && d.status === 'pending' && (
                      <>
                        <button
                          type="button"
                          className="btn btn-small btn-primary"
                          onClick={() => setDeciding({ d, decision: 'approve' })}
                        >
                          {t('disclosures.approve')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => setDeciding({ d, decision: 'refuse' })}
                        >
                          {t('disclosures.refuse')}
                        </button>
                      </>
                    )}
                    {box === 'outbox' && d.status === 'approved' && (
                      <Link href={`/cases/${d.record_id}`} className="btn btn-small">
                        {t('disclosures.openCase')}
                      </Link>
                    )}
                    {box === 'outbox' &&
                      (d.status === 'pending' || d.status === 'approved') &&
                      d.kind === 'request' && (
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          disabled={withdraw.busy}
                          onClick={async () => {
                            if (await withdraw.run(d.id)) changed();
                          }}
                        >
                          {d.status === 'pending' ? t('disclosures.withdraw') : t('disclosures.giveBack')}
                        </button>
                      )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {deciding && (
        <DecisionDialog
          d={deciding.d}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDecided={() => {
            setDeciding(null);
            changed();
          }}
        />
      )}
    </div>
  );
}

/** A date `days` from today as a `date` input value (IST). */
function inDays(days: number): string {
  return new Date(Date.now() + 330 * 60_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Approve with the parts to grant and until when, or refuse with a reason the requester will read. */
function DecisionDialog({
  d,
  decision,
  onClose,
  onDecided,
}: {
  d: Disclosure;
  decision: 'approve' | 'refuse';
  onClose: () => void;
  onDecided: () => void;
}) {
  const [fields, setFields] = useState<FieldGroup[]>(
    fieldGroups.filter((g) => d.fields_requested.includes(g)),
  );
  const [expires, setExpires] = useState(inDays(90));
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const decide = useAction(api.decideDisclosure);
  const reasonError =
    (checked && decision === 'refuse' && reason.trim().length < 5
      ? t('disclosures.reasonShort')
      : undefined) ?? issueFor(decide.error, 'reason');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (decision === 'refuse' && reason.trim().length < 5) return;
    const done = await decide.run(
      d.id,
      decision === 'approve'
        ? {
            decision,
            fields,
            expires_at: expires ? `${expires}T23:59:59+05:30` : undefined,
            reason: reason.trim() || undefined,
          }
        : { decision, reason: reason.trim() },
    );
    if (done) onDecided();
  }

  return (
    <Dialog
      title={decision === 'approve' ? t('disclosures.approveTitle') : t('disclosures.refuseTitle')}
      onClose={onClose}
    >
      <form onSubmit={onSubmit} noValidate className="dialog-form">
        <div className="hit-summary">
          <div>
            <span className="muted">{t('disclosures.col.from')}</span> <strong>{d.requester.name}</strong>{' '}
            <span className="muted">({d.requester.code})</span>
            {askedBy(d) && <span className="muted"> · {askedBy(d)}</span>}
          </div>
          <div>
            <span className="muted">{t('disclosures.col.case')}</span> <CaseCell d={d} />
          </div>
          <div>
            <span className="muted">{t('disclosures.col.purpose')}</span> {d.purpose}
          </div>
          {d.case_reference && (
            <div>
              <span className="muted">{t('disclosures.theirCaseReference')}</span> {d.case_reference}
            </div>
          )}
          <div>
            <span className="muted">{t('disclosures.asked')}</span> {fieldGroupList(d.fields_requested)}
          </div>
        </div>
        {decision === 'approve' && (
          <>
            <FieldGroupChoice
              legend={t('disclosures.grant')}
              value={fields}
              onChange={setFields}
              hint={t('fieldGroup.hint')}
              error={issueFor(decide.error, 'fields')}
            />
            <Field
              id="dd-expires"
              label={t('disclosures.expires')}
              hint={t('disclosures.expiresHint')}
              error={issueFor(decide.error, 'expires_at')}
              className="field-date"
            >
              <input
                type="date"
                {...controlProps(
                  'dd-expires',
                  issueFor(decide.error, 'expires_at'),
                  t('disclosures.expiresHint'),
                )}
                min={inDays(1)}
                value={expires}
                onChange={(e) => setExpires(e.target.value)}
              />
            </Field>
          </>
        )}
        <Field
          id="dd-reason"
          label={decision === 'approve' ? t('disclosures.noteOptional') : t('disclosures.reason')}
          error={reasonError}
          hint={decision === 'refuse' ? t('disclosures.reasonHint') : undefined}
          required={decision === 'refuse'}
        >
          <textarea
            {...controlProps(
              'dd-reason',
              reasonError,
              decision === 'refuse' ? t('disclosures.reasonHint') : undefined,
            )}
            rows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        <ActionError error={decide.error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={decide.busy}>
            {decide.busy
              ? t('common.saving')
              : decision === 'approve'
                ? t('disclosures.approveSubmit')
                : t('disclosures.refuseSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Where a notification leads: requests received to the inbox, decisions and referrals to the outbox. */
function notificationTab(kind: string): Tab {
  return kind === 'disclosure.requested' ? 'inbox' : 'outbox';
}

function NotificationList() {
  const [version, setVersion] = useState(0);
  const { refresh } = useNotifications();
  const list = useResource((signal) => api.notifications(false, signal), `notifications:${version}`);
  const markRead = useAction(async (ids: string[]) => {
    for (const id of ids) await api.markNotificationRead(id);
  });
  const markAll = useAction(api.markAllNotificationsRead);
  if (list.state === 'loading') return <Loading />;
  if (list.state === 'error') return <ErrorNotice error={list.error} />;
  const unreadIds = list.data.items.filter((n) => !n.read_at).map((n) => n.id);
  const read = async (ids: string[]) => {
    await markRead.run(ids);
    setVersion((v) => v + 1);
    refresh();
  };
  const readAll = async () => {
    await markAll.run();
    setVersion((v) => v + 1);
    refresh();
  };
  return (
    <div className="table-panel table-panel-standalone">
      <div className="table-toolbar">
        <span className="muted">{t('notifications.count', { count: unreadIds.length })}</span>
        {unreadIds.length > 0 && (
          <button type="button" className="btn btn-small" disabled={markAll.busy} onClick={readAll}>
            {t('notifications.markAll')}
          </button>
        )}
      </div>
      <ActionError error={markRead.error ?? markAll.error} />
      {list.data.items.length === 0 ? (
        <p className="empty">{t('notifications.empty')}</p>
      ) : (
        <ul className="notification-list">
          {list.data.items.map((n) => (
            <li key={n.id} className={n.read_at ? 'is-read' : 'is-unread'}>
              <span className="notification-dot" aria-hidden="true" />
              <div className="notification-body">
                <Link
                  href={
                    // A transfer received points at the case the agency now holds.
                    n.subject_kind === 'case' && n.subject_id
                      ? `/cases/${n.subject_id}`
                      : `/disclosures?tab=${notificationTab(n.kind)}${
                          n.subject_kind === 'disclosure' && n.subject_id ? `&open=${n.subject_id}` : ''
                        }`
                  }
                  onClick={() => {
                    // Following a notification is reading it.
                    if (!n.read_at) api.markNotificationRead(n.id).then(refresh, () => undefined);
                  }}
                >
                  {tValue('notification', n.kind, n.message)}
                </Link>
                <div className="muted small">{formatDateTime(n.created_at)}</div>
              </div>
              {!n.read_at && (
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  disabled={markRead.busy}
                  onClick={() => read([n.id])}
                >
                  {t('notifications.markRead')}
                  <span className="visually-hidden">: {n.message}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
