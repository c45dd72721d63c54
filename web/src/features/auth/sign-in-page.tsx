import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ApiError, api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { t, tValue } from '../../i18n/t.ts';
import { AuthCard } from './auth-card.tsx';
import { useSession } from './session.tsx';

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/cases';
}

/** The reason single sign-on failed: on the sign-in URL itself, or inside the `next` it was sent on with. */
function signInError(search: string): string | null {
  const params = new URLSearchParams(search);
  const next = params.get('next');
  const inNext = next?.startsWith('/')
    ? new URLSearchParams(next.split('?')[1] ?? '').get('sign_in_error')
    : null;
  return params.get('sign_in_error') ?? inNext;
}

export function SignInPage({ expired }: { expired: boolean }) {
  const { signIn } = useSession();
  const [, navigate] = useLocation();
  const search = useSearch();
  const meta = useResource((signal) => api.meta(signal), 'meta');
  const oidc = useResource((signal) => api.oidc(signal), 'oidc');
  // Single sign-on comes back to /?sign_in_error=<reason> when the identity provider's answer was refused.
  const ssoError = signInError(search);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  useDocumentTitle(t('signIn.title'));

  useEffect(() => {
    emailRef.current?.focus();
  }, []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(t('signIn.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      navigate(safeNext(new URLSearchParams(search).get('next')), { replace: true });
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.status === 401) setError(t('signIn.wrong'));
      else setError(e instanceof Error ? e.message : String(e));
      return;
    }
  }

  return (
    <AuthCard
      titleId="signin-title"
      footer={meta.data && <span>{t('app.version', { version: meta.data.version })}</span>}
    >
      <h1 id="signin-title" className="signin-title">
        {t('signIn.title')}
      </h1>
      {expired && !error && (
        <p className="notice notice-info" role="status">
          {t('signIn.expired')}
        </p>
      )}
      {ssoError && !error && (
        <p className="notice notice-error" role="alert">
          {tValue('signIn.sso', ssoError, t('signIn.sso.sso_failed'))}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="signin-email">{t('signIn.email')}</label>
          <input
            ref={emailRef}
            id="signin-email"
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'signin-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="signin-password">{t('signIn.password')}</label>
          <input
            id="signin-password"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'signin-error' : undefined}
          />
        </div>
        <div id="signin-error" className="form-error" aria-live="assertive">
          {error}
        </div>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
      {oidc.data?.enabled && oidc.data.start_url && (
        <>
          <div className="signin-or">
            <span>{t('signIn.or')}</span>
          </div>
          <a className="btn btn-block" href={oidc.data.start_url}>
            {t('signIn.sso')}
          </a>
        </>
      )}
      {meta.data?.demo && (
        <aside className="notice notice-demo" aria-label={t('signIn.demoLabel')}>
          <strong>{t('signIn.demoTitle')}</strong> {t('signIn.demoHint')}
        </aside>
      )}
    </AuthCard>
  );
}
