import { Link, useRoute } from 'wouter';
import { type MessageKey, t } from '../../i18n/t.ts';
import { type Action, useActions } from '../auth/permissions.ts';

/** The grid's screens, each shown only to roles with one of its actions. */
export const gridScreens: { href: string; label: MessageKey; match: string; actions: Action[] }[] = [
  { href: '/grid', label: 'gridTabs.identifiers', match: '/grid', actions: ['case:read'] },
  { href: '/grid/screen', label: 'gridTabs.screen', match: '/grid/screen', actions: ['case:read'] },
  { href: '/grid/reviews', label: 'gridTabs.reviews', match: '/grid/reviews', actions: ['match:review'] },
  { href: '/grid/alerts', label: 'gridTabs.alerts', match: '/grid/alerts', actions: ['case:read'] },
  {
    href: '/grid/warning-list',
    label: 'gridTabs.warningList',
    match: '/grid/warning-list',
    actions: ['agency:write'],
  },
];

function GridTab({ href, label, match }: { href: string; label: MessageKey; match: string }) {
  const [active] = useRoute(match);
  return (
    <Link href={href} className="tab" aria-current={active ? 'page' : undefined}>
      {t(label)}
    </Link>
  );
}

/** A second row of navigation across the grid's screens (the top bar has one "Grid" entry). */
export function GridTabs() {
  const actions = useActions();
  const visible = gridScreens.filter((s) => s.actions.some((a) => actions?.has(a)));
  if (visible.length < 2) return null;
  return (
    <nav className="tabs grid-tabs" aria-label={t('gridTabs.label')}>
      {visible.map((s) => (
        <GridTab key={s.href} {...s} />
      ))}
    </nav>
  );
}
