import { useState } from 'react';
import { Link, useRoute } from 'wouter';
import { type Action, useActions } from '../features/auth/permissions.ts';
import { useSession, useUser } from '../features/auth/session.tsx';
import { useNotifications } from '../features/disclosures/notifications.tsx';
import { type MessageKey, t, tValue } from '../i18n/t.ts';
import { BrandMark } from './brand-mark.tsx';

/** Screens reachable from the top bar, each shown only to roles with one of its actions. */
export const navItems: { href: string; label: MessageKey; match: string | string[]; actions: Action[] }[] = [
  { href: '/cases', label: 'nav.cases', match: '/cases/*?', actions: ['case:read'] },
  {
    href: '/grid',
    label: 'nav.grid',
    match: ['/grid/*?', '/profiles/*'],
    actions: ['case:read', 'agency:write'],
  },
  { href: '/tips', label: 'nav.tips', match: '/tips/*?', actions: ['tip:read'] },
  { href: '/register', label: 'nav.register', match: '/register/*?', actions: ['register:read'] },
  {
    href: '/disclosures',
    label: 'nav.disclosures',
    match: '/disclosures/*?',
    actions: ['disclosure:request', 'disclosure:decide'],
  },
  {
    href: '/admin/users',
    label: 'nav.users',
    match: '/admin/users/*?',
    actions: ['user:manage', 'audit:read'],
  },
  { href: '/admin/groups', label: 'nav.groups', match: '/admin/groups/*?', actions: ['group:manage'] },
  { href: '/admin/roles', label: 'nav.roles', match: '/admin/roles', actions: ['user:manage', 'audit:read'] },
  { href: '/audit', label: 'nav.audit', match: '/audit/*?', actions: ['audit:read'] },
];

function NavLink({ href, label, match }: { href: string; label: MessageKey; match: string | string[] }) {
  const [first = '', second = '\u0000'] = Array.isArray(match) ? match : [match];
  const [activeFirst] = useRoute(first);
  const [activeSecond] = useRoute(second);
  const active = activeFirst || activeSecond;
  return (
    <Link href={href} className="nav-link" aria-current={active ? 'page' : undefined}>
      {t(label)}
    </Link>
  );
}

function BellIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M8 1.8a4 4 0 0 0-4 4v2.6L2.7 11h10.6L12 8.4V5.8a4 4 0 0 0-4-4zM6.4 12.6a1.7 1.7 0 0 0 3.2 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function TopBar() {
  const user = useUser();
  const actions = useActions();
  const { signOut } = useSession();
  const { unread } = useNotifications();
  const [busy, setBusy] = useState(false);
  const [onSecurity] = useRoute('/security');
  const visible = navItems.filter((item) => item.actions.some((a) => actions?.has(a)));

  return (
    <header className="topbar">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Link href="/" className="topbar-brand">
        <BrandMark size={20} />
        <span>ChildGrid</span>
      </Link>
      <nav className="topbar-nav" aria-label={t('nav.label')}>
        {visible.map((item) => (
          <NavLink key={item.href} {...item} />
        ))}
      </nav>
      <div className="topbar-user">
        <Link
          href="/disclosures?tab=notifications"
          className={`topbar-bell${unread.length ? ' has-unread' : ''}`}
          title={t('nav.notificationsTitle', { count: unread.length })}
        >
          <BellIcon />
          {unread.length > 0 && (
            <span className="bell-count" aria-hidden="true">
              {unread.length > 99 ? '99+' : unread.length}
            </span>
          )}
          <span className="visually-hidden">{t('nav.notificationsTitle', { count: unread.length })}</span>
        </Link>
        <Link
          href="/security"
          className="topbar-who"
          aria-current={onSecurity ? 'page' : undefined}
          title={t('nav.security')}
        >
          <span className="topbar-name">{user.display_name}</span>
          <span className="topbar-role">
            {tValue('userRole', user.role, user.role_label)} ·{' '}
            <span title={user.agency.code}>{user.agency.name}</span>
          </span>
        </Link>
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
