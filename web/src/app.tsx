import { Redirect, Route, Switch, useLocation } from 'wouter';
import { ErrorNotice, Loading } from './components/notices.tsx';
import { TopBar } from './components/top-bar.tsx';
import { useDocumentTitle } from './components/use-document-title.ts';
import { useSession } from './features/auth/session.tsx';
import { SignInPage, safeNext } from './features/auth/sign-in-page.tsx';
import { CaseListPage } from './features/cases/case-list-page.tsx';
import { CasePage } from './features/cases/case-page.tsx';
import { NewCasePage } from './features/cases/new-case-page.tsx';
import { t } from './i18n/t.ts';

export function App() {
  const { session, retry } = useSession();
  const [location] = useLocation();

  if (session.status === 'loading') {
    return (
      <div className="boot">
        <Loading />
      </div>
    );
  }
  if (session.status === 'unreachable') {
    return (
      <div className="boot">
        <ErrorNotice error={session.error} onRetry={retry} />
      </div>
    );
  }
  if (session.status === 'signed_out') {
    if (location === '/sign-in') return <SignInPage expired={session.reason === 'expired'} />;
    // After a deliberate sign-out the next officer at this PC starts afresh, not on the last one's page.
    if (session.reason === 'signed_out') return <Redirect to="/sign-in" replace />;
    const next = `${location}${window.location.search}`;
    return <Redirect to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }

  return (
    <div className="shell">
      <TopBar />
      <main id="main" className="main" tabIndex={-1}>
        <Switch>
          <Route path="/">
            <Redirect to="/cases" replace />
          </Route>
          <Route path="/sign-in">
            <Redirect to={safeNext(new URLSearchParams(window.location.search).get('next'))} replace />
          </Route>
          <Route path="/cases" component={CaseListPage} />
          <Route path="/cases/new" component={NewCasePage} />
          <Route path="/cases/:id" component={CasePage} />
          <Route component={NotFoundPage} />
        </Switch>
      </main>
    </div>
  );
}

function NotFoundPage() {
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
    </div>
  );
}
