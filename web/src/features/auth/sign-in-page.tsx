import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ApiError, api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { BrandMark } from '../../components/brand-mark.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { t } from '../../i18n/t.ts';
import { useSession } from './session.tsx';

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/cases';
}

export function SignInPage({ expired }: { expired: boolean }) {
  const { signIn } = useSession();
  const [, navigate] = useLocation();
  const search = useSearch();
  const meta = useResource((signal) => api.meta(signal), 'meta');
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
    }
  }

  return (
    <div className="signin">
      <main className="signin-card" aria-labelledby="signin-title">
        <div className="signin-brand">
          <BrandMark size={28} />
          <div>
            <div className="signin-product">ChildGrid</div>
            <div className="signin-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <h1 id="signin-title" className="signin-title">
          {t('signIn.title')}
        </h1>
        {expired && !error && (
          <p className="notice notice-info" role="status">
            {t('signIn.expired')}
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
        {meta.data?.demo && (
          <aside className="notice notice-demo" aria-label={t('signIn.demoLabel')}>
            <strong>{t('signIn.demoTitle')}</strong> {t('signIn.demoHint')}
          </aside>
        )}
        <footer className="signin-footer">
          <span>{t('signIn.warning')}</span>
          {meta.data && <span>{t('app.version', { version: meta.data.version })}</span>}
        </footer>
      </main>
    </div>
  );
}
