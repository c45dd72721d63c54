import { type CaseListQuery, type CaseStatus, caseStatuses } from '../../api/types.ts';

/** Names of accused, buyers and others are searched only with a stated purpose of at least this length. */
export const minSearchPurpose = 10;

/** The case-list filters, kept in the URL so a filtered list can be bookmarked and shared. */
export const filterKeys = [
  'q',
  'purpose',
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
  // A district only makes sense within its state, and a search purpose only with a search.
  if (!filters.state_lgd_code) filters.district_lgd_code = '';
  if (!filters.q) filters.purpose = '';
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

/** The filters as API query parameters; a value the API would refuse (a mistyped URL) is left out. */
export function filtersToQuery(filters: CaseFilters): CaseListQuery {
  const f = readFilters(filtersToSearch(filters));
  const code = (v: string) => (/^\d+$/.test(v) ? Number(v) : undefined);
  const date = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  return {
    q: f.q || undefined,
    purpose: f.purpose.length >= minSearchPurpose ? f.purpose : undefined,
    status: isStatus(f.status) ? f.status : undefined,
    offence: f.offence || undefined,
    state_lgd_code: code(f.state_lgd_code),
    district_lgd_code: code(f.district_lgd_code),
    registered_from: date(f.registered_from),
    registered_to: date(f.registered_to),
    agency_id: f.agency_id || undefined,
  };
}

function isStatus(value: string): value is CaseStatus {
  return (caseStatuses as readonly string[]).includes(value);
}

export function hasFilters(filters: CaseFilters): boolean {
  return filterKeys.some((k) => filters[k].trim() !== '');
}
