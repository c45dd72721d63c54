import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import type { MfaSetup, MfaState } from '../../api/types.ts';
import { issueFor, useAction } from '../../api/use-action.ts';
import { ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { t } from '../../i18n/t.ts';
import { AuthCard } from './auth-card.tsx';
import { useMfa, useSession, useUser } from './session.tsx';

/**
 * The step between the password and the app for roles with a second factor: enter a code, or — the first
 * time — set up an authenticator app and keep the recovery codes. Other routes answer 403 until it is done.
 */
export function SecondFactorPage() {
  const mfa = useMfa();
  return mfa.pending === 'mfa_setup_required' ? <SetUpSecondFactor /> : <VerifySecondFactor />;
}

function SignOutLink() {
  const { signOut } = useSession();
  return (
    <button type="button" className="btn btn-link btn-small" onClick={() => void signOut()}>
      {t('mfa.signOut')}
    </button>
  );
}

/**
 * What to say under the code field. Ten wrong codes lock the account and end the session (401): the server's
 * message says so, and "Sign out" below leads back to the password screen.
 */
function codeMessage(error: ApiError | null): string | undefined {
  if (!error) return undefined;
  return issueFor(error, 'code') ?? error.message;
}

function CodeInput({
  id,
  value,
  onChange,
  error,
  recovery,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  recovery?: boolean;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="field">
      <label htmlFor={id}>{recovery ? t('mfa.recoveryCode') : t('mfa.code')}</label>
      <input
        ref={ref}
        id={id}
        type="text"
        className={recovery ? 'code-input code-input-recovery' : 'code-input'}
        inputMode={recovery ? 'text' : 'numeric'}
        autoComplete="one-time-code"
        spellCheck={false}
        maxLength={recovery ? 16 : 7}
        placeholder={recovery ? 'xxxxx-xxxxx' : '123 456'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <div id={`${id}-error`} className="form-error" aria-live="assertive">
        {error}
      </div>
    </div>
  );
}

function VerifySecondFactor() {
  const { mfaDone } = useSession();
  const user = useUser();
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const [left, setLeft] = useState<{ count: number; mfa: MfaState } | null>(null);
  const verify = useAction((c: string) => api.mfaVerify(c));
  const codeError = codeMessage(verify.error);
  useDocumentTitle(t('mfa.verifyTitle'));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const typed = code.replace(/\s+/g, '');
    if (!typed) {
      verify.setError(new ApiError(400, 'validation_failed', t('mfa.codeMissing')));
      return;
    }
    const v = await verify.run(typed);
    if (!v) return;
    // A recovery code is used up: say how many remain before going on, so nobody runs out unawares.
    if (v.method === 'recovery_code') setLeft({ count: v.recovery_codes_left, mfa: v.mfa });
    else mfaDone(v.mfa);
  }

  if (left) {
    return (
      <AuthCard titleId="mfa-title">
        <h1 id="mfa-title" className="signin-title">
          {t('mfa.recoveryUsedTitle')}
        </h1>
        <p className={`notice ${left.count <= 3 ? 'notice-error' : 'notice-info'}`} role="status">
          {t('mfa.recoveryLeft', { count: left.count })}
        </p>
        <button
          type="button"
          className="btn btn-primary btn-block auth-next"
          onClick={() => mfaDone(left.mfa)}
        >
          {t('mfa.continue')}
        </button>
      </AuthCard>
    );
  }

  return (
    <AuthCard titleId="mfa-title" footer={<SignOutLink />}>
      <h1 id="mfa-title" className="signin-title">
        {t('mfa.verifyTitle')}
      </h1>
      <p className="auth-lead">
        {recovery ? t('mfa.verifyRecoveryLead') : t('mfa.verifyLead', { name: user.display_name })}
      </p>
      <form onSubmit={onSubmit} noValidate>
        <CodeInput
          key={recovery ? 'recovery' : 'totp'}
          id="mfa-code"
          value={code}
          onChange={setCode}
          error={codeError}
          recovery={recovery}
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={verify.busy}>
          {verify.busy ? t('mfa.verifying') : t('mfa.verify')}
        </button>
      </form>
      <button
        type="button"
        className="btn btn-link btn-small auth-switch"
        onClick={() => {
          setRecovery(!recovery);
          setCode('');
          verify.setError(null);
        }}
      >
        {recovery ? t('mfa.useApp') : t('mfa.useRecovery')}
      </button>
    </AuthCard>
  );
}

/** Base32 in groups of four, as authenticator apps ask it to be typed. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

function SetUpSecondFactor() {
  const { mfaDone } = useSession();
  const mfa = useMfa();
  const [setup, setSetup] = useState<MfaSetup | null>(null);
  const [setupError, setSetupError] = useState<ApiError | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const confirm = useAction((c: string) => api.mfaConfirm(c));
  const codeError = codeMessage(confirm.error);
  const started = useRef(false);
  useDocumentTitle(t('mfa.setupTitle'));

  // Each call makes a new secret; ask once, even when React runs the effect twice in development.
  function start() {
    started.current = true;
    setSetupError(null);
    api.mfaSetup().then(setSetup, (e: unknown) => {
      started.current = false;
      setSetupError(e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e)));
    });
  }
  useEffect(() => {
    if (!started.current) start();
  }, []);

  async function onConfirm(event: FormEvent) {
    event.preventDefault();
    const typed = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(typed)) {
      confirm.setError(new ApiError(400, 'validation_failed', t('mfa.codeSix')));
      return;
    }
    const r = await confirm.run(typed);
    if (r) setCodes(r.recovery_codes);
  }

  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        onDone={() =>
          mfaDone({ ...mfa, enrolled: true, pending: null, verified_at: new Date().toISOString() })
        }
      />
    );
  }

  return (
    <AuthCard titleId="mfa-title" wide footer={<SignOutLink />}>
      <h1 id="mfa-title" className="signin-title">
        {t('mfa.setupTitle')}
      </h1>
      <p className="auth-lead">{t('mfa.setupLead')}</p>
      {setupError && <ErrorNotice error={setupError} onRetry={start} />}
      {!setup && !setupError && <Loading />}
      {setup && (
        <div className="mfa-setup">
          <div className="mfa-qr">
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qr_svg)}`}
              width={176}
              height={176}
              alt={t('mfa.qrAlt')}
            />
          </div>
          <ol className="mfa-steps">
            <li>
              <strong className="mfa-step-title">{t('mfa.step1')}</strong>
              <span className="mfa-step-note">{t('mfa.step1Apps')}</span>
            </li>
            <li>
              <strong className="mfa-step-title">{t('mfa.step2')}</strong>
              <span className="mfa-step-note">{t('mfa.step2Manual')}</span>
              <code className="mfa-secret" data-secret={setup.secret}>
                {groupSecret(setup.secret)}
              </code>
            </li>
            <li>
              <strong className="mfa-step-title">{t('mfa.step3')}</strong>
              <form onSubmit={onConfirm} noValidate className="mfa-confirm">
                <CodeInput id="mfa-confirm-code" value={code} onChange={setCode} error={codeError} />
                <button type="submit" className="btn btn-primary" disabled={confirm.busy}>
                  {confirm.busy ? t('mfa.verifying') : t('mfa.confirm')}
                </button>
              </form>
            </li>
          </ol>
        </div>
      )}
    </AuthCard>
  );
}

/** Shown once: the server keeps only their hashes. The app opens only after the officer says they kept them. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = codes.join('\n');
  useDocumentTitle(t('mfa.codesTitle'));

  function download() {
    const url = URL.createObjectURL(
      new Blob([`${t('mfa.codesFileHeader')}\n\n${text}\n`], { type: 'text/plain' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = 'childgrid-recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <AuthCard titleId="codes-title" wide>
      <h1 id="codes-title" className="signin-title">
        {t('mfa.codesTitle')}
      </h1>
      <p className="notice notice-info">{t('mfa.codesLead')}</p>
      <ol className="recovery-codes" aria-label={t('mfa.codesList')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="recovery-actions">
        <button type="button" className="btn btn-small" onClick={download}>
          {t('mfa.download')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            navigator.clipboard?.writeText(text).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('mfa.copied') : t('mfa.copy')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => window.print()}>
          {t('mfa.print')}
        </button>
      </div>
      <label className="check-line">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        <span>{t('mfa.saved')}</span>
      </label>
      <button
        type="button"
        className="btn btn-primary btn-block auth-next"
        disabled={!saved}
        onClick={onDone}
      >
        {t('mfa.continue')}
      </button>
    </AuthCard>
  );
}
