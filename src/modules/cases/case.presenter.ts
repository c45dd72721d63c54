import type { IdentifierRow, PersonRow } from '../../db/schema.ts';
import { ageBand } from '../victims/protection.ts';
import type { CaseListRow } from './case.repository.ts';
import type { CaseOut, CaseSummary } from './case.schemas.ts';

/** Row → API object. Fields are listed one by one: a column added to a table is not exposed by accident. */

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function presentCaseSummary(r: CaseListRow): CaseSummary {
  return {
    id: r.id,
    agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name, kind: r.agency_kind },
    external_id: r.external_id,
    fir_number: r.fir_number,
    fir_kind: r.fir_kind,
    registered_at: iso(r.registered_at) as string,
    place: r.place,
    pincode: r.pincode,
    state_lgd_code: r.state_lgd_code,
    district_lgd_code: r.district_lgd_code,
    district_name: r.district_name,
    status: r.status,
    procedure_code: r.procedure_code,
    offences: r.offences,
    distribution: r.distribution,
    sharing_group_id: r.sharing_group_id,
    access: r.access,
    person_counts: r.person_counts,
    updated_at: iso(r.updated_at) as string,
    version: r.version,
  };
}

/** Shown instead of a protected person's identifier; the real value needs a reveal. */
export const PROTECTED_VALUE = '[protected]';

export function presentIdentifier(r: IdentifierRow) {
  return {
    id: r.id,
    agency_id: r.agency_id,
    case_id: r.case_id,
    person_id: r.person_id,
    external_id: r.external_id,
    kind: r.kind,
    value: r.protected ? PROTECTED_VALUE : r.value,
    normalised: r.protected ? PROTECTED_VALUE : r.normalised,
    protected: r.protected,
    distribution: r.distribution,
    created_at: iso(r.created_at) as string,
  };
}

export function presentPerson(r: PersonRow, identifiers?: IdentifierRow[]) {
  return {
    id: r.id,
    agency_id: r.agency_id,
    case_id: r.case_id,
    external_id: r.external_id,
    role: r.role,
    full_name: r.full_name,
    aliases: r.aliases,
    relation_kind: r.relation_kind,
    relation_name: r.relation_name,
    gender: r.gender,
    birth_date: r.birth_date,
    // A protected person's exact age narrows who she is; the band is what a case needs.
    age: r.protected ? null : r.age,
    age_band: ageBand(r.age),
    age_recorded_on: r.protected ? null : r.age_recorded_on,
    protected: r.protected,
    address: r.address,
    pincode: r.pincode,
    district_lgd_code: r.district_lgd_code,
    notes: r.notes,
    distribution: r.distribution,
    version: r.version,
    created_at: iso(r.created_at) as string,
    updated_at: iso(r.updated_at) as string,
    ...(identifiers ? { identifiers: identifiers.map(presentIdentifier) } : {}),
  };
}

export function presentCase(r: CaseListRow, persons: PersonRow[], identifiers: IdentifierRow[]): CaseOut {
  const byPerson = new Map<string, IdentifierRow[]>();
  for (const i of identifiers) {
    if (!i.person_id) continue;
    const list = byPerson.get(i.person_id) ?? [];
    list.push(i);
    byPerson.set(i.person_id, list);
  }
  // A disclosed case carries only the field groups the owner granted.
  const grant = (group: string) => r.access !== 'disclosed' || r.granted_fields.includes(group);
  return {
    ...presentCaseSummary(r),
    gd_entry: r.gd_entry,
    occurred_from: iso(r.occurred_from),
    occurred_to: iso(r.occurred_to),
    summary: grant('summary') ? r.summary : null,
    created_at: iso(r.created_at) as string,
    created_by: r.created_by,
    persons: grant('persons')
      ? persons.map((p) => presentPerson(p, grant('identifiers') ? (byPerson.get(p.id) ?? []) : []))
      : [],
    identifiers: grant('identifiers') ? identifiers.filter((i) => !i.person_id).map(presentIdentifier) : [],
  };
}
