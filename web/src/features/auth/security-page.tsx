import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { useResource } from '../../api/use-resource.ts';
import { Dialog } from '../../components/dialog.tsx';
import { controlProps, Field } from '../../components/field.tsx';
import { ActionError, Done, ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useMfa, useSession, useUser } from './session.tsx';

/** The officer's own account: second factor, where they are signed in, and their password. */
export function SecurityPage() {
  const user = useUser();
  const mfa = useMfa();
  useDocumentTitle(t('security.title'));
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <div>
          <h1>{t('security.title')}</h1>
          <p className="page-sub">
            {user.display_name} · {user.email} · {tValue('userRole', user.role, user.role_label)} ·{' '}
            {user.agency.name}
          </p>
        </div>
      </div>
      <div className="stack">
        <section className="panel" aria-labelledby="sec-mfa">
          <h2 id="sec-mfa">{t('security.mfa')}</h2>
          <dl className="facts">
            <div className="fact">
              <dt>{t('security.mfaStatus')}</dt>
              <dd>
                {mfa.enrolled
                  ? t('security.mfaOn')
                  : mfa.required
                    ? t('security.mfaRequired')
                    : t('security.mfaOff')}
              </dd>
            </div>
            <div className="fact">
              <dt>{t('security.mfaVerified')}</dt>
              <dd>{mfa.verified_at ? formatDateTime(mfa.verified_at) : '—'}</dd>
            </div>
          </dl>
          <p className="field-hint section-note">{t('security.mfaHelp')}</p>
          {mfa.enrolled && <NewRecoveryCodes />}
        </section>
        <SessionsPanel />
        <PasswordPanel />
      </div>
    </div>
  );
}

function SessionsPanel() {
  const { signOut } = useSession();
  const [version, setVersion] = useState(0);
  const sessions = useResource((signal) => api.sessions(signal), `sessions:${version}`);
  const revoke = useAction(api.revokeSession);
  return (
    <section className="panel" aria-labelledby="sec-sessions">
      <h2 id="sec-sessions">{t('security.sessions')}</h2>
      <p className="field-hint section-note">{t('security.sessionsHelp')}</p>
      <ActionError error={revoke.error} />
      {sessions.state === 'loading' && <Loading />}
      {sessions.state === 'error' && <ErrorNotice error={sessions.error} />}
      {sessions.state === 'ready' && (
        <table className="data-table compact sessions-table">
          <thead>
            <tr>
              <th scope="col">{t('security.col.kind')}</th>
              <th scope="col">{t('security.col.started')}</th>
              <th scope="col">{t('security.col.lastSeen')}</th>
              <th scope="col">{t('security.col.address')}</th>
              <th scope="col">{t('security.col.browser')}</th>
              <th scope="col">{t('security.col.expires')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.kind === 'api'
                    ? t('security.apiToken', { label: s.label ?? '—' })
                    : tValue('signInMethod', s.method)}
                  {s.current && (
                    <span className="tag tag-small tag-current">{t('security.thisSession')}</span>
                  )}
                </td>
                <td className="nowrap num-date">{formatDateTime(s.created_at)}</td>
                <td className="nowrap num-date">{formatDateTime(s.last_seen_at)}</td>
                <td>
                  <code>{s.client_address ?? '—'}</code>
                </td>
                <td className="small user-agent" title={s.user_agent ?? undefined}>
                  {browserName(s.user_agent)}
                </td>
                <td className="nowrap num-date">{formatDateTime(s.expires_at)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={revoke.busy}
                    onClick={async () => {
                      const done = await revoke.run(s.id);
                      if (done === undefined && revoke.error) return;
                      if (s.current) await signOut();
                      else setVersion((v) => v + 1);
                    }}
                  >
                    {s.current
                      ? t('security.endThis')
                      : s.kind === 'api'
                        ? t('security.revokeToken')
                        : t('security.end')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A short name for a User-Agent (the full text is the cell's title). */
function browserName(agent: string | null): string {
  if (!agent) return '—';
  const known = [
    /Edg\/[\d.]+/,
    /Firefox\/[\d.]+/,
    /Chrome\/[\d.]+/,
    /Version\/[\d.]+.*Safari/,
    /curl\/[\d.]+/,
  ];
  const os = /Windows|Android|iPhone|iPad|Mac OS X|Linux/.exec(agent)?.[0];
  for (const re of known) {
    const m = re.exec(agent);
    if (m)
      return [m[0].replace(/^Version\/([\d.]+).*Safari$/, 'Safari/$1').replace('/', ' '), os]
        .filter(Boolean)
        .join(', ');
  }
  return agent.length > 40 ? `${agent.slice(0, 40)}…` : agent;
}

/**
 * New recovery codes (the old ones stop working). The server wants a second factor from the last 15 minutes: when
 * it says so, the dialog asks for a code in place and tries again.
 */
function NewRecoveryCodes() {
  const { mfaDone } = useSession();
  const [open, setOpen] = useState(false);
  const [stepUp, setStepUp] = useState(false);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const make = useAction(api.newRecoveryCodes);
  const verify = useAction((c: string) => api.mfaVerify(c));
  const close = () => {
    setOpen(false);
    setStepUp(false);
    setCode('');
    setCodes(null);
    make.setError(null);
    verify.setError(null);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (stepUp) {
      const typed = code.replace(/\s+/g, '');
      if (!typed) return;
      const v = await verify.run(typed);
      if (!v) return;
      mfaDone(v.mfa);
      setStepUp(false);
      setCode('');
    }
    const r = await make.run();
    // On 403 `mfa_required` the code field appears (make.error); the next submit verifies, then tries again.
    if (r) setCodes(r.recovery_codes);
  }

  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
        {t('security.newCodes')}
      </button>
      {open && (
        <Dialog title={t('security.newCodesTitle')} onClose={close}>
          {codes ? (
            <div className="dialog-form">
              <p className="notice notice-info">{t('mfa.codesLead')}</p>
              <ol className="recovery-codes" aria-label={t('mfa.codesList')}>
                {codes.map((c) => (
                  <li key={c}>
                    <code>{c}</code>
                  </li>
                ))}
              </ol>
              <div className="dialog-actions">
                <button type="button" className="btn btn-small" onClick={() => window.print()}>
                  {t('mfa.print')}
                </button>
                <button type="button" className="btn btn-primary" onClick={close}>
                  {t('security.newCodesDone')}
                </button>
              </div>
            </div>
          ) : (
            <form onSubmit={onSubmit} noValidate className="dialog-form">
              <p>{t('security.newCodesLead')}</p>
              {(stepUp || make.error?.code === 'mfa_required') && (
                <Field
                  id="rc-code"
                  label={t('mfa.code')}
                  hint={t('security.newCodesStepUp')}
                  error={issueFor(verify.error, 'code') ?? verify.error?.message}
                  required
                >
                  <input
                    type="text"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    className="code-input"
                    maxLength={16}
                    {...controlProps('rc-code', issueFor(verify.error, 'code'), t('security.newCodesStepUp'))}
                    value={code}
                    onChange={(e) => {
                      setStepUp(true);
                      setCode(e.target.value);
                    }}
                  />
                </Field>
              )}
              {make.error && make.error.code !== 'mfa_required' && <ActionError error={make.error} />}
              <div className="dialog-actions">
                <button type="button" className="btn" onClick={close}>
                  {t('common.cancel')}
                </button>
                <button type="submit" className="btn btn-primary" disabled={make.busy || verify.busy}>
                  {t('security.newCodesSubmit')}
                </button>
              </div>
            </form>
          )}
        </Dialog>
      )}
    </>
  );
}

function PasswordPanel() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const change = useAction(api.changePassword);
  const nextError = issueFor(change.error, 'new_password');
  const currentError =
    issueFor(change.error, 'current_password') ??
    (change.error?.status === 401 ? change.error.message : undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (next !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const r = await change.run(current, next);
    if (r) {
      setDone(r.revoked_sessions);
      setCurrent('');
      setNext('');
      setRepeat('');
    }
  }

  return (
    <section className="panel" aria-labelledby="sec-password">
      <h2 id="sec-password">{t('security.password')}</h2>
      <form onSubmit={onSubmit} noValidate className="password-form">
        <Field id="pw-current" label={t('security.currentPassword')} error={currentError} required>
          <input
            type="password"
            autoComplete="current-password"
            {...controlProps('pw-current', currentError)}
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </Field>
        <Field
          id="pw-new"
          label={t('security.newPassword')}
          error={nextError}
          hint={t('security.passwordRules')}
          required
        >
          <input
            type="password"
            autoComplete="new-password"
            {...controlProps('pw-new', nextError, t('security.passwordRules'))}
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </Field>
        <Field
          id="pw-repeat"
          label={t('security.repeatPassword')}
          error={mismatch ? t('security.mismatch') : undefined}
          required
        >
          <input
            type="password"
            autoComplete="new-password"
            {...controlProps('pw-repeat', mismatch ? t('security.mismatch') : undefined)}
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </Field>
        <div className="form-row-actions">
          <button type="submit" className="btn btn-primary" disabled={change.busy || !current || !next}>
            {change.busy ? t('common.saving') : t('security.changePassword')}
          </button>
        </div>
      </form>
      {change.error && !nextError && !currentError && <ActionError error={change.error} />}
      {done !== null && <Done>{t('security.passwordChanged', { count: done })}</Done>}
    </section>
  );
}
