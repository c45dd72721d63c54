import { lazy, type ReactNode, Suspense } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { ErrorNotice, Loading } from './components/notices.tsx';
import { TopBar } from './components/top-bar.tsx';
import { useDocumentTitle } from './components/use-document-title.ts';
import { type Action, useActions } from './features/auth/permissions.ts';
import { SecondFactorPage } from './features/auth/second-factor-page.tsx';
import { useSession } from './features/auth/session.tsx';
import { SignInPage, safeNext } from './features/auth/sign-in-page.tsx';
import { CaseListPage } from './features/cases/case-list-page.tsx';
import { CasePage } from './features/cases/case-page.tsx';
import { NewCasePage } from './features/cases/new-case-page.tsx';
import { NotificationsProvider } from './features/disclosures/notifications.tsx';
import { t } from './i18n/t.ts';

// Screens most users open rarely are fetched when first opened, keeping the first load small on slow links.
const DisclosuresPage = lazy(() =>
  import('./features/disclosures/disclosures-page.tsx').then((m) => ({ default: m.DisclosuresPage })),
);
const GridSearchPage = lazy(() =>
  import('./features/grid/grid-search-page.tsx').then((m) => ({ default: m.GridSearchPage })),
);
const ScreenPage = lazy(() =>
  import('./features/screening/screen-page.tsx').then((m) => ({ default: m.ScreenPage })),
);
const ReviewPage = lazy(() =>
  import('./features/reviews/review-page.tsx').then((m) => ({ default: m.ReviewPage })),
);
const ProfilePage = lazy(() =>
  import('./features/profiles/profile-page.tsx').then((m) => ({ default: m.ProfilePage })),
);
const AlertsPage = lazy(() =>
  import('./features/watchlists/alerts-page.tsx').then((m) => ({ default: m.AlertsPage })),
);
const WarningListPage = lazy(() =>
  import('./features/watchlists/warning-list-page.tsx').then((m) => ({ default: m.WarningListPage })),
);
const RegisterPage = lazy(() =>
  import('./features/register/register-page.tsx').then((m) => ({ default: m.RegisterPage })),
);
const SheetPage = lazy(() =>
  import('./features/register/sheet-page.tsx').then((m) => ({ default: m.SheetPage })),
);
const TipsPage = lazy(() => import('./features/tips/tips-page.tsx').then((m) => ({ default: m.TipsPage })));
const TipPage = lazy(() => import('./features/tips/tip-page.tsx').then((m) => ({ default: m.TipPage })));
const SecurityPage = lazy(() =>
  import('./features/auth/security-page.tsx').then((m) => ({ default: m.SecurityPage })),
);
const UsersPage = lazy(() =>
  import('./features/admin/users-page.tsx').then((m) => ({ default: m.UsersPage })),
);
const GroupsPage = lazy(() =>
  import('./features/admin/groups-page.tsx').then((m) => ({ default: m.GroupsPage })),
);
const RolesPage = lazy(() =>
  import('./features/admin/roles-page.tsx').then((m) => ({ default: m.RolesPage })),
);
const AuditPage = lazy(() =>
  import('./features/audit/audit-page.tsx').then((m) => ({ default: m.AuditPage })),
);

/** Where "/" leads: the first screen the role may use. */
function homeFor(actions: ReadonlySet<string>): string {
  if (actions.has('case:read')) return '/cases';
  if (actions.has('audit:read')) return '/audit';
  if (actions.has('user:manage')) return '/admin/users';
  if (actions.has('group:manage')) return '/admin/groups';
  if (actions.has('disclosure:decide')) return '/disclosures';
  return '/security';
}

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
  // The password was right; the second factor is still owed (the address stays, so the app opens there next).
  if (session.mfa.pending) return <SecondFactorPage />;

  return (
    <NotificationsProvider>
      <div className="shell">
        <TopBar />
        <main id="main" className="main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Routes />
          </Suspense>
        </main>
      </div>
    </NotificationsProvider>
  );
}

function Routes() {
  const actions = useActions();
  const allow = (needed: Action[], page: ReactNode) => (
    <Allowed actions={actions} needed={needed}>
      {page}
    </Allowed>
  );
  return (
    <Switch>
      <Route path="/">{actions ? <Redirect to={homeFor(actions)} replace /> : <Loading />}</Route>
      <Route path="/sign-in">
        <Redirect to={safeNext(new URLSearchParams(window.location.search).get('next'))} replace />
      </Route>
      <Route path="/cases">{allow(['case:read'], <CaseListPage />)}</Route>
      <Route path="/cases/new">{allow(['case:read'], <NewCasePage />)}</Route>
      <Route path="/cases/:id">{allow(['case:read'], <CasePage />)}</Route>
      <Route path="/grid">
        {actions && !actions.has('case:read') && actions.has('agency:write') ? (
          <Redirect to="/grid/warning-list" replace />
        ) : (
          allow(['case:read'], <GridSearchPage />)
        )}
      </Route>
      <Route path="/grid/screen">{allow(['case:read'], <ScreenPage />)}</Route>
      <Route path="/grid/reviews">{allow(['match:review'], <ReviewPage />)}</Route>
      <Route path="/grid/alerts">{allow(['case:read'], <AlertsPage />)}</Route>
      <Route path="/grid/warning-list">{allow(['agency:write'], <WarningListPage />)}</Route>
      <Route path="/profiles/:id">{allow(['case:read'], <ProfilePage />)}</Route>
      <Route path="/tips">{allow(['tip:read'], <TipsPage />)}</Route>
      <Route path="/tips/:id">{allow(['tip:read'], <TipPage />)}</Route>
      <Route path="/register">{allow(['register:read'], <RegisterPage />)}</Route>
      <Route path="/register/:id">{allow(['register:read'], <SheetPage />)}</Route>
      <Route path="/disclosures">
        <DisclosuresPage />
      </Route>
      <Route path="/admin/users">{allow(['user:manage', 'audit:read'], <UsersPage />)}</Route>
      <Route path="/admin/groups">{allow(['group:manage'], <GroupsPage />)}</Route>
      <Route path="/admin/roles">{allow(['user:manage', 'audit:read'], <RolesPage />)}</Route>
      <Route path="/audit">{allow(['audit:read'], <AuditPage />)}</Route>
      <Route path="/security" component={SecurityPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}

/** A screen for roles with one of `needed`; others are told plainly rather than shown a page of errors. */
function Allowed({
  actions,
  needed,
  children,
}: {
  actions: ReadonlySet<string> | undefined;
  needed: Action[];
  children: ReactNode;
}) {
  if (!actions) return <Loading />;
  if (needed.some((a) => actions.has(a))) return children;
  return <NotAllowedPage />;
}

function NotAllowedPage() {
  useDocumentTitle(t('notAllowed.title'));
  return (
    <div className="page">
      <h1>{t('notAllowed.title')}</h1>
      <p className="page-notice">{t('notAllowed.body')}</p>
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
