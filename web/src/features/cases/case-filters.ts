import type { CaseListQuery } from '../../api/types.ts';

/** The case-list filters, kept in the URL so a filtered list can be bookmarked and shared. */
export const filterKeys = [
  'q',
  'status',
  'offence',
  'state_lgd_code',
  'district_lgd_code',
  'registered_from',
  'registered_to',
  'agency_id',
] as const;
export type FilterKey = (typeof filterKeys)[number];
export type CaseFilters = Record<FilterKey, string>;

export const emptyFilters: CaseFilters = Object.fromEntries(filterKeys.map((k) => [k, ''])) as CaseFilters;

export function readFilters(search: string): CaseFilters {
  const params = new URLSearchParams(search);
  const filters = { ...emptyFilters };
  for (const key of filterKeys) filters[key] = params.get(key)?.trim() ?? '';
  // A district only makes sense within its state.
  if (!filters.state_lgd_code) filters.district_lgd_code = '';
  return filters;
}

export function filtersToSearch(filters: CaseFilters): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function filtersToQuery(filters: CaseFilters): CaseListQuery {
  const query: CaseListQuery = {};
  for (const key of filterKeys) {
    const value = filters[key].trim();
    if (value) query[key] = value;
  }
  return query;
}

export function hasFilters(filters: CaseFilters): boolean {
  return filterKeys.some((k) => filters[k].trim() !== '');
}
