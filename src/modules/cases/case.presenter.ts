import type { IdentifierRow, PersonRow } from '../../db/schema.ts';
import { caseKeys, type FieldAccess, personKeys, pick, seesIdentifier } from '../access/fields.ts';
import { ageBand } from '../victims/protection.ts';
import type { CaseListRow } from './case.repository.ts';
import type { CaseOut, CaseSummary, PersonOut } from './case.schemas.ts';

/**
 * Row → API object. Fields are listed one by one: a column added to a table is not exposed by accident. Then the
 * caller's role's field allow-list (access/fields.ts) keeps only what the role may read: a field outside it is
 * left out of the answer, whoever owns the record.
 */

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function presentCaseSummary(r: CaseListRow, access: FieldAccess): CaseSummary {
  return pick(fullSummary(r, access), caseKeys(access)) as CaseSummary;
}

function fullSummary(r: CaseListRow, access: FieldAccess) {
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
    // Counts of the persons the role sees: that a case has an informant is itself the informant's secret.
    person_counts: Object.fromEntries(
      Object.entries(r.person_counts).filter(([role]) => personKeys(access, role) !== null),
    ),
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

/** A person with the fields the role reads of a person in that role (none if it may not see such persons). */
export function presentPerson(r: PersonRow, access: FieldAccess, identifiers?: IdentifierRow[]): PersonOut {
  const keys = personKeys(access, r.role) ?? new Set<string>();
  return pick(fullPerson(r, keys.has('identifiers') ? identifiers : undefined), keys) as PersonOut;
}

function fullPerson(r: PersonRow, identifiers?: IdentifierRow[]) {
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
    profile_id: 'profile_id' in r ? (r.profile_id as string | null) : undefined,
    version: r.version,
    created_at: iso(r.created_at) as string,
    updated_at: iso(r.updated_at) as string,
    ...(identifiers ? { identifiers: identifiers.map(presentIdentifier) } : {}),
  };
}

export function presentCase(
  r: CaseListRow,
  persons: PersonRow[],
  identifiers: IdentifierRow[],
  access: FieldAccess,
): CaseOut {
  const byPerson = new Map<string, IdentifierRow[]>();
  for (const i of identifiers) {
    if (!i.person_id) continue;
    const list = byPerson.get(i.person_id) ?? [];
    list.push(i);
    byPerson.set(i.person_id, list);
  }
  // A disclosed case carries only the field groups the owner granted (empty when not granted); the role's
  // allow-list then leaves out what the role may not read at all.
  const grant = (group: string) => r.access !== 'disclosed' || r.granted_fields.includes(group);
  const full = {
    ...fullSummary(r, access),
    gd_entry: r.gd_entry,
    occurred_from: iso(r.occurred_from),
    occurred_to: iso(r.occurred_to),
    summary: grant('summary') ? r.summary : null,
    created_at: iso(r.created_at) as string,
    created_by: r.created_by,
    assigned_to: r.assigned_to,
    transfer: presentTransfer(r.transfer),
    persons: grant('persons')
      ? persons
          .filter((p) => personKeys(access, p.role) !== null)
          .map((p) => presentPerson(p, access, grant('identifiers') ? (byPerson.get(p.id) ?? []) : []))
      : [],
    identifiers:
      grant('identifiers') && seesIdentifier(access, null)
        ? identifiers.filter((i) => !i.person_id).map(presentIdentifier)
        : [],
  };
  return pick(full, caseKeys(access)) as CaseOut;
}

/** Where the case went (`out`: this is the sending agency's trace) or came from (`in`: this is the copy). */
export interface TransferRow {
  direction: 'in' | 'out';
  agency: { id: string; code: string; name: string };
  case_id: string;
  fir_number: string | null;
  reason: string;
  consent_override_reason: string | null;
  transferred_at: string;
}

function presentTransfer(t: TransferRow | null) {
  if (!t) return null;
  return {
    direction: t.direction,
    agency: t.agency,
    case_id: t.case_id,
    fir_number: t.fir_number,
    reason: t.reason,
    consent_override_reason: t.consent_override_reason,
    transferred_at: new Date(t.transferred_at).toISOString(),
  };
}
