import { useState } from 'react';
import { Link, useRoute } from 'wouter';
import { useSession, useUser } from '../features/auth/session.tsx';
import { type MessageKey, t, tValue } from '../i18n/t.ts';
import { BrandMark } from './brand-mark.tsx';

/** Screens reachable from the top bar; later issues add theirs here. */
const navItems: { href: string; label: MessageKey; match: string }[] = [
  { href: '/cases', label: 'nav.cases', match: '/cases/*?' },
];

function NavLink({ href, label, match }: { href: string; label: MessageKey; match: string }) {
  const [active] = useRoute(match);
  return (
    <Link href={href} className="nav-link" aria-current={active ? 'page' : undefined}>
      {t(label)}
    </Link>
  );
}

export function TopBar() {
  const user = useUser();
  const { signOut } = useSession();
  const [busy, setBusy] = useState(false);

  return (
    <header className="topbar">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Link href="/cases" className="topbar-brand">
        <BrandMark size={20} />
        <span>ChildGrid</span>
      </Link>
      <nav className="topbar-nav" aria-label={t('nav.label')}>
        {navItems.map((item) => (
          <NavLink key={item.href} {...item} />
        ))}
      </nav>
      <div className="topbar-user">
        <div className="topbar-who">
          <span className="topbar-name">{user.display_name}</span>
          <span className="topbar-role">
            {tValue('userRole', user.role, user.role_label)} ·{' '}
            <span title={user.agency.code}>{user.agency.name}</span>
          </span>
        </div>
        <button
          type="button"
          className="btn btn-topbar"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            signOut().finally(() => setBusy(false));
          }}
        >
          {t('nav.signOut')}
        </button>
      </div>
    </header>
  );
}
