import { type FormEvent, type MouseEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { ApiError } from '../../api/client.ts';
import { api } from '../../api/client.ts';
import { type CaseSummary, caseStatuses } from '../../api/types.ts';
import { toApiError } from '../../api/use-resource.ts';
import { ErrorNotice, Loading } from '../../components/notices.tsx';
import { OffenceChips } from '../../components/offence-chips.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useMediaQuery } from '../../components/use-media-query.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t, tValue } from '../../i18n/t.ts';
import { useCan } from '../auth/permissions.ts';
import { useDistricts, useOffenceIndex, useOffences, useStates } from '../reference/reference.ts';
import {
  type CaseFilters,
  emptyFilters,
  type FilterKey,
  filtersToQuery,
  filtersToSearch,
  hasFilters,
  minSearchPurpose,
  readFilters,
} from './case-filters.ts';

const pageSize = 50;

interface ListState {
  items: CaseSummary[];
  nextCursor: string | null;
  loading: 'first' | 'more' | null;
  error: ApiError | null;
}

export function CaseListPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const applied = readFilters(search);
  const appliedKey = filtersToSearch(applied);
  const [draft, setDraft] = useState<CaseFilters>(applied);
  const [draftFor, setDraftFor] = useState(appliedKey);
  const [list, setList] = useState<ListState>({ items: [], nextCursor: null, loading: 'first', error: null });
  const [purposeError, setPurposeError] = useState<string | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const offenceIndex = useOffenceIndex();
  const canWrite = useCan('case:write') === true;
  useDocumentTitle(t('cases.title'));
  // On a 1024-pixel screen four offence chips would push the person counts off the right edge.
  const narrow = useMediaQuery('(max-width: 1100px)');

  // Back/forward navigation changes the URL: the form follows it (during render, so it never lags a frame).
  if (draftFor !== appliedKey) {
    setDraftFor(appliedKey);
    setDraft(applied);
  }

  const fetchPage = useCallback(
    (cursor: string | null) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setList((s) => ({ ...s, loading: cursor ? 'more' : 'first', error: null }));
      const query = {
        ...filtersToQuery(readFilters(appliedKey)),
        limit: pageSize,
        cursor: cursor ?? undefined,
      };
      api.listCases(query, controller.signal).then(
        (page) => {
          if (controller.signal.aborted) return;
          setList((s) => ({
            items: cursor ? [...s.items, ...page.items] : page.items,
            nextCursor: page.next_cursor,
            loading: null,
            error: null,
          }));
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setList((s) => ({ ...s, loading: null, error: toApiError(error) }));
        },
      );
    },
    [appliedKey],
  );

  useEffect(() => {
    setList({ items: [], nextCursor: null, loading: 'first', error: null });
    fetchPage(null);
    return () => controllerRef.current?.abort();
  }, [fetchPage]);

  function apply(next: CaseFilters) {
    const query = filtersToSearch(next);
    navigate(query ? `/cases?${query}` : '/cases');
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const purpose = draft.purpose.trim();
    if (draft.q.trim() && purpose && purpose.length < minSearchPurpose) {
      setPurposeError(t('filters.purposeShort', { n: minSearchPurpose }));
      return;
    }
    setPurposeError(null);
    apply(draft);
  }

  /** Selects and dates apply at once; the free-text search applies on Enter or "Search". */
  function setAndApply(key: FilterKey, value: string) {
    const next = { ...draft, [key]: value };
    if (key === 'state_lgd_code') next.district_lgd_code = '';
    setDraft(next);
    apply(next);
  }

  function onRowClick(event: MouseEvent<HTMLTableRowElement>, id: string) {
    // Let real links, modified clicks and text selection behave normally.
    if ((event.target as HTMLElement).closest('a, button')) return;
    if (window.getSelection()?.toString()) return;
    navigate(`/cases/${id}`);
  }

  const filtered = hasFilters(applied);

  return (
    <div className="page page-fill">
      <div className="page-header">
        <div>
          <h1>{t('cases.title')}</h1>
          <p className="page-sub">{t('cases.subtitle')}</p>
        </div>
        {canWrite && (
          <Link href="/cases/new" className="btn btn-primary">
            {t('cases.new')}
          </Link>
        )}
      </div>

      <CaseFilterBar
        draft={draft}
        setDraft={setDraft}
        setAndApply={setAndApply}
        onSubmit={onSubmit}
        onClear={() => {
          setDraft(emptyFilters);
          apply(emptyFilters);
        }}
        canClear={filtered}
        purposeError={purposeError}
      />

      <section className="table-panel" aria-labelledby="cases-table-caption">
        <div className="table-scroll">
          <table className="data-table case-table" aria-busy={list.loading === 'first'}>
            <caption id="cases-table-caption" className="visually-hidden">
              {t('cases.tableCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.col.fir')}</th>
                <th scope="col">{t('cases.col.station')}</th>
                <th scope="col">{t('cases.col.district')}</th>
                <th scope="col">{t('cases.col.registered')}</th>
                <th scope="col">{t('cases.col.status')}</th>
                <th scope="col">{t('cases.col.offences')}</th>
                <th scope="col" className="num">
                  <abbr title={t('cases.col.victims')}>{t('cases.col.victimsShort')}</abbr>
                </th>
                <th scope="col" className="num">
                  <abbr title={t('cases.col.accused')}>{t('cases.col.accusedShort')}</abbr>
                </th>
                <th scope="col" className="num">
                  <abbr title={t('cases.col.buyers')}>{t('cases.col.buyersShort')}</abbr>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((c) => (
                <tr key={c.id} className="clickable" onClick={(e) => onRowClick(e, c.id)}>
                  <td className="nowrap">
                    <Link href={`/cases/${c.id}`} className="fir-link">
                      {c.fir_number ?? t('cases.noFir')}
                    </Link>
                    {c.fir_kind !== 'fir' && <span className="tag">{tValue('firKind', c.fir_kind)}</span>}
                    {c.access !== 'own' && (
                      <span className={`tag access-${c.access}`} title={t(`access.${c.access}Title`)}>
                        {tValue('access', c.access)}
                      </span>
                    )}
                  </td>
                  <td className="truncate" title={c.agency.name}>
                    {c.agency.name}
                  </td>
                  <td className="truncate district" title={c.district_name ?? undefined}>
                    {c.district_name ?? '—'}
                  </td>
                  <td className="nowrap num-date">{formatDate(c.registered_at)}</td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>
                    <OffenceChips codes={c.offences} index={offenceIndex} max={narrow ? 3 : 4} />
                  </td>
                  <td className="num">{c.person_counts.victim ?? 0}</td>
                  <td className="num">{c.person_counts.accused ?? 0}</td>
                  <td className="num">{c.person_counts.buyer ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.loading === 'first' && <Loading label={t('cases.loading')} />}
          {!list.loading && !list.error && list.items.length === 0 && (
            <div className="empty">
              <p>
                {filtered ? t('cases.emptyFiltered') : canWrite ? t('cases.empty') : t('cases.emptyReadOnly')}
              </p>
              {applied.q && <p className="empty-help">{t('cases.emptySearchHelp')}</p>}
            </div>
          )}
        </div>
        <div className="table-footer">
          <span aria-live="polite">
            {list.items.length > 0 &&
              (list.nextCursor
                ? t('cases.shownMore', { count: formatNumber(list.items.length) })
                : list.items.length === 1
                  ? t('cases.shownOne')
                  : t('cases.shown', { count: formatNumber(list.items.length) }))}
          </span>
          {list.error && (
            <ErrorNotice
              error={list.error}
              onRetry={() => fetchPage(list.items.length ? list.nextCursor : null)}
            />
          )}
          {list.nextCursor && !list.error && (
            <button
              type="button"
              className="btn"
              disabled={list.loading !== null}
              onClick={() => fetchPage(list.nextCursor)}
            >
              {list.loading === 'more' ? t('common.loading') : t('cases.loadMore')}
            </button>
          )}
        </div>
      </section>
    </div>
  );
}

function CaseFilterBar({
  draft,
  setDraft,
  setAndApply,
  onSubmit,
  onClear,
  canClear,
  purposeError,
}: {
  draft: CaseFilters;
  setDraft: (f: CaseFilters) => void;
  setAndApply: (key: FilterKey, value: string) => void;
  onSubmit: (e: FormEvent) => void;
  onClear: () => void;
  canClear: boolean;
  purposeError: string | null;
}) {
  const offences = useOffences();
  const states = useStates();
  const districts = useDistricts(draft.state_lgd_code ? Number(draft.state_lgd_code) : null);
  const acts = offences ? [...new Set(offences.map((o) => o.act))] : [];

  return (
    <search>
      <form className="filter-bar" aria-label={t('filters.label')} onSubmit={onSubmit}>
        <div className="field field-q">
          <label htmlFor="f-q">{t('filters.q')}</label>
          <input
            id="f-q"
            type="search"
            value={draft.q}
            placeholder={t('filters.qPlaceholder')}
            title={t('filters.qHelp')}
            aria-describedby="f-q-help"
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
          <span id="f-q-help" className="visually-hidden">
            {t('filters.qHelp')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t('filters.status')}</label>
          <select id="f-status" value={draft.status} onChange={(e) => setAndApply('status', e.target.value)}>
            <option value="">{t('filters.any')}</option>
            {caseStatuses.map((s) => (
              <option key={s} value={s}>
                {tValue('status', s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-offence">
          <label htmlFor="f-offence">{t('filters.offence')}</label>
          <select
            id="f-offence"
            value={draft.offence}
            onChange={(e) => setAndApply('offence', e.target.value)}
          >
            <option value="">{t('filters.any')}</option>
            {draft.offence && !offences && <option value={draft.offence}>{draft.offence}</option>}
            {acts.map((act) => (
              <optgroup key={act} label={act}>
                {offences
                  ?.filter((o) => o.act === act)
                  .map((o) => (
                    <option key={o.code} value={o.code}>
                      {o.code} — {o.title}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-state">{t('filters.state')}</label>
          <select
            id="f-state"
            value={draft.state_lgd_code}
            onChange={(e) => setAndApply('state_lgd_code', e.target.value)}
          >
            <option value="">{t('filters.anyState')}</option>
            {draft.state_lgd_code && !states && <option value={draft.state_lgd_code}>…</option>}
            {states?.map((s) => (
              <option key={s.lgd_code} value={s.lgd_code}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-district">{t('filters.district')}</label>
          <select
            id="f-district"
            value={draft.district_lgd_code}
            disabled={!draft.state_lgd_code}
            onChange={(e) => setAndApply('district_lgd_code', e.target.value)}
          >
            <option value="">{t('filters.anyDistrict')}</option>
            {draft.district_lgd_code && !districts && <option value={draft.district_lgd_code}>…</option>}
            {districts?.map((d) => (
              <option key={d.lgd_code} value={d.lgd_code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-date">
          <label htmlFor="f-from">{t('filters.from')}</label>
          <input
            id="f-from"
            type="date"
            value={draft.registered_from}
            max={draft.registered_to || undefined}
            onChange={(e) => setAndApply('registered_from', e.target.value)}
          />
        </div>
        <div className="field field-date">
          <label htmlFor="f-to">{t('filters.to')}</label>
          <input
            id="f-to"
            type="date"
            value={draft.registered_to}
            min={draft.registered_from || undefined}
            onChange={(e) => setAndApply('registered_to', e.target.value)}
          />
        </div>
        <div className="filter-actions">
          <button type="submit" className="btn btn-primary">
            {t('filters.search')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={onClear} disabled={!canClear}>
            {t('filters.clear')}
          </button>
        </div>
        {/* Names are searched only for a stated purpose, which goes into the audit log with the search. */}
        {draft.q.trim() && (
          <div className={`field filter-purpose${purposeError ? ' has-error' : ''}`}>
            <label htmlFor="f-purpose">{t('filters.purpose')}</label>
            <input
              id="f-purpose"
              type="text"
              value={draft.purpose}
              maxLength={500}
              autoComplete="off"
              placeholder={t('filters.purposePlaceholder')}
              aria-invalid={purposeError ? true : undefined}
              aria-describedby="f-purpose-hint"
              onChange={(e) => setDraft({ ...draft, purpose: e.target.value })}
            />
            <span id="f-purpose-hint" className={purposeError ? 'field-error' : 'field-hint'}>
              {purposeError ?? t('filters.purposeHint')}
            </span>
          </div>
        )}
      </form>
    </search>
  );
}
