import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api } from '../../api/client.ts';
import type { HistorySheet, HistorySheetQuery } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { ErrorNotice, Loading } from '../../components/notices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDate } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { addDays, todayIst } from './register-shared.ts';

type Filter = 'open' | 'due' | 'closed' | 'all';
const filters: Filter[] = ['open', 'due', 'closed', 'all'];
/** "Review due" looks this far ahead, so a review can be planned before its date. */
const dueWithinDays = 30;

function filterFrom(search: string): Filter {
  const f = new URLSearchParams(search).get('show');
  return (filters as string[]).includes(f ?? '') ? (f as Filter) : 'open';
}

function queryFor(filter: Filter, cursor?: string): HistorySheetQuery {
  const base = { cursor, limit: 50 };
  if (filter === 'open') return { ...base, status: 'open' };
  if (filter === 'closed') return { ...base, status: 'closed' };
  if (filter === 'due') return { ...base, review_due_by: addDays(todayIst(), dueWithinDays) };
  return base;
}

/**
 * The history-sheet register of the officer's scope and state (police roles only). Opening a sheet is done from
 * the person — their profile or their case — where the record it rests on is in view.
 */
export function RegisterPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filter = filterFrom(search);
  const [pages, setPages] = useState<string[]>(['']);
  useDocumentTitle(t('register.title'));
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('register.title')}</h1>
          <p className="page-sub">{t('register.subtitle')}</p>
        </div>
      </div>
      <p className="notice notice-protected page-notice-below">{t('register.loggedNote')}</p>
      <div className="tabs status-filter" role="tablist" aria-label={t('register.filterLabel')}>
        {filters.map((f) => (
          <button
            key={f}
            type="button"
            role="tab"
            className="tab"
            aria-selected={f === filter}
            onClick={() => {
              setPages(['']);
              navigate(f === 'open' ? '/register' : `/register?show=${f}`);
            }}
          >
            {f === 'due' ? t('register.filter.due', { days: dueWithinDays }) : t(`register.filter.${f}`)}
          </button>
        ))}
      </div>
      <div className="panel table-panel-standalone register-panel">
        <table className="data-table register-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('register.number')}
              </th>
              <th scope="col">{t('register.person')}</th>
              <th scope="col">{t('register.category')}</th>
              <th scope="col">{t('register.agency')}</th>
              <th scope="col">{t('register.opened')}</th>
              <th scope="col">{t('register.reviewDue')}</th>
              <th scope="col">{t('register.status')}</th>
            </tr>
          </thead>
          {pages.map((cursor, i) => (
            <SheetRows
              key={`${filter}:${cursor}`}
              query={queryFor(filter, cursor || undefined)}
              first={i === 0}
              onMore={(next) => setPages((p) => [...p, next])}
              last={i === pages.length - 1}
            />
          ))}
        </table>
      </div>
    </div>
  );
}

function SheetRows({
  query,
  first,
  last,
  onMore,
}: {
  query: HistorySheetQuery;
  first: boolean;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const page = useResource((signal) => api.historySheets(query, signal), `sheets:${JSON.stringify(query)}`);
  const today = todayIst();
  if (page.state !== 'ready') {
    return (
      <tbody>
        <tr>
          <td colSpan={7}>{page.state === 'loading' ? <Loading /> : <ErrorNotice error={page.error} />}</td>
        </tr>
      </tbody>
    );
  }
  const items = page.data.items;
  return (
    <tbody>
      {first && items.length === 0 && (
        <tr>
          <td colSpan={7} className="empty">
            {t('register.empty')}
          </td>
        </tr>
      )}
      {items.map((s) => (
        <SheetRow
          key={s.id}
          sheet={s}
          overdue={s.status === 'open' && !!s.review_due_on && s.review_due_on < today}
        />
      ))}
      {last && page.data.next_cursor && (
        <tr>
          <td colSpan={7}>
            <button type="button" className="btn btn-small" onClick={() => onMore(page.data.next_cursor!)}>
              {t('register.more')}
            </button>
          </td>
        </tr>
      )}
    </tbody>
  );
}

function SheetRow({ sheet: s, overdue }: { sheet: HistorySheet; overdue: boolean }) {
  return (
    <tr>
      <td className="num">
        <Link href={`/register/${s.id}`} className="fir-link">
          {s.number}
        </Link>
      </td>
      <td>
        <Link href={`/register/${s.id}`}>{s.person_name}</Link>
      </td>
      <td>{s.rule_label}</td>
      <td>{s.agency_name}</td>
      <td className="num-date nowrap">{formatDate(s.opened_on)}</td>
      <td className={`num-date nowrap${overdue ? ' overdue' : ''}`}>
        {s.review_due_on ? formatDate(s.review_due_on) : '—'}
        {overdue && <span className="tag tag-small tag-overdue">{t('register.overdue')}</span>}
      </td>
      <td>
        <span className={`badge sheet-${s.status}`}>{tValue('sheetStatus', s.status)}</span>
      </td>
    </tr>
  );
}
