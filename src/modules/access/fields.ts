import type { PersonRole } from '../../shared/vocabulary.ts';

/**
 * Field allow-lists: which fields of a case, and of which persons in it, a role may read. Each role in roles.ts
 * names one; the presenters (cases, persons, identifiers, hits) keep only the fields on it, so a field outside a
 * role's list never leaves the server — for the agency's own records as much as for shared or referred ones.
 * Fields are listed, never excluded: a field added to a record is shown to nobody until a list names it.
 *
 * Every role that reads cases sees their *record* fields (what the case is, whose, where it stands) and the
 * record fields of every person it may see. Beyond those a role's list names the further fields it reads.
 */

/** What every case reader sees of a case. */
export const caseRecordFields = [
  'id',
  'agency',
  'fir_number',
  'fir_kind',
  'registered_at',
  'state_lgd_code',
  'district_lgd_code',
  'district_name',
  'status',
  'procedure_code',
  'offences',
  'distribution',
  'access',
  'person_counts',
  'created_at',
  'updated_at',
  'version',
] as const;

/** The further fields of a case a role may be allowed. `persons` and `identifiers` are the case's lists. */
export const caseFields = [
  'external_id',
  'sharing_group_id',
  'gd_entry',
  'place',
  'pincode',
  'occurred_from',
  'occurred_to',
  'summary',
  'created_by',
  'assigned_to',
  'transfer',
  'persons',
  /** Identifiers recorded on the case itself (a vehicle, an advertisement's URL), not on a person. */
  'identifiers',
] as const;
export type CaseField = (typeof caseFields)[number];

/** What every role that may see a person sees of it: a protected person shows only her pseudonym here. */
export const personRecordFields = [
  'id',
  'agency_id',
  'case_id',
  'role',
  'full_name',
  'gender',
  'age_band',
  'protected',
  'profile_id',
  'distribution',
  'version',
  'created_at',
  'updated_at',
] as const;

/** The further fields of a person a role may be allowed; `identifiers` are the person's phones, UPI ids… */
export const personFields = [
  'external_id',
  'aliases',
  'relation_kind',
  'relation_name',
  'birth_date',
  'age',
  'age_recorded_on',
  'address',
  'pincode',
  'district_lgd_code',
  'notes',
  'identifiers',
] as const;
export type PersonField = (typeof personFields)[number];

export interface FieldAccess {
  /** Fields of a case beyond `caseRecordFields`. */
  case: readonly CaseField[];
  /** The persons the role sees, by their role in the case, each with its fields beyond `personRecordFields`. */
  persons: Readonly<Partial<Record<PersonRole, readonly PersonField[]>>>;
}

/** Who a person is: everything but the record fields, the notes and the identifiers. */
const identity: PersonField[] = [
  'aliases',
  'relation_kind',
  'relation_name',
  'birth_date',
  'age',
  'age_recorded_on',
  'address',
  'pincode',
  'district_lgd_code',
];
const wholePerson: PersonField[] = [...personFields];

/** The whole police file: the agency's investigators and their supervisors. */
export const policeFile: FieldAccess = {
  case: [...caseFields],
  persons: {
    victim: wholePerson,
    witness: wholePerson,
    guardian: wholePerson,
    accused: wholePerson,
    trafficker: wholePerson,
    buyer: wholePerson,
    informant: wholePerson,
  },
};

/**
 * The case file without informants: who gave the police information is theirs to keep (BSA 2023 s.131, formerly
 * Evidence Act s.125: no police officer may be compelled to say whence he got information; not in india-law.md,
 * source: livelaw.in on s.125 IEA vs s.131 BSA). Prosecutors, analysts and station writers need the case, not
 * the source.
 */
export const caseFile: FieldAccess = {
  case: [...caseFields],
  persons: {
    victim: wholePerson,
    witness: wholePerson,
    guardian: wholePerson,
    accused: wholePerson,
    trafficker: wholePerson,
    buyer: wholePerson,
  },
};

/**
 * What a CWC or a DCPU needs to decide a child's care and protection (JJ Act ss.27–31, POCSO s.19(6)): what
 * happened, where and when; the child, child witnesses and guardians in full; who the accused are and where they
 * live (a child is not restored to a home an accused shares) — but not the police's notes on them, their phones
 * and accounts, the case's own identifiers, the GD entry, or informants.
 */
export const childProtectionFile: FieldAccess = {
  case: ['place', 'pincode', 'occurred_from', 'occurred_to', 'summary', 'transfer', 'persons'],
  persons: {
    victim: wholePerson,
    witness: wholePerson,
    guardian: wholePerson,
    accused: identity,
    trafficker: identity,
    buyer: identity,
  },
};

/**
 * What a counsellor or NGO caseworker needs to care for the child: the child and child witnesses (by pseudonym
 * unless revealed — they cannot reveal), the guardians with their addresses and phones (home visits, family
 * tracing), and who the accused are by name and relation (safety planning) — not where they live, their phones,
 * the police's notes, the narrative, the place, or informants.
 */
export const careFile: FieldAccess = {
  case: ['occurred_from', 'occurred_to', 'transfer', 'persons'],
  persons: {
    victim: wholePerson,
    witness: wholePerson,
    guardian: [...identity, 'identifiers'],
    accused: ['aliases', 'relation_kind', 'relation_name', 'age'],
    trafficker: ['aliases', 'relation_kind', 'relation_name', 'age'],
    buyer: ['aliases', 'relation_kind', 'relation_name', 'age'],
  },
};

/** Roles that do not read cases (oversight, administration). */
export const noCaseContent: FieldAccess = { case: [], persons: {} };

/** The keys of a case answer a role may see. */
export function caseKeys(access: FieldAccess): ReadonlySet<string> {
  if (access.case.length === 0 && Object.keys(access.persons).length === 0) return new Set();
  return new Set<string>([...caseRecordFields, ...access.case]);
}

/** The keys of a person answer a role may see, for a person of `personRole` (none: the person is not shown). */
export function personKeys(access: FieldAccess, personRole: string): ReadonlySet<string> | null {
  const extra = access.persons[personRole as PersonRole];
  return extra ? new Set<string>([...personRecordFields, ...extra]) : null;
}

/** Person roles whose persons the role sees. */
export function visiblePersonRoles(access: FieldAccess): PersonRole[] {
  return Object.keys(access.persons) as PersonRole[];
}

/** Person roles whose identifiers the role sees. */
export function identifierOwnerRoles(access: FieldAccess): PersonRole[] {
  return visiblePersonRoles(access).filter((r) => access.persons[r]?.includes('identifiers'));
}

/** Whether the role sees an identifier owned by a person of `ownerRole` (null: on the case itself). */
export function seesIdentifier(access: FieldAccess, ownerRole: string | null): boolean {
  if (ownerRole === null) return access.case.includes('identifiers');
  return access.persons[ownerRole as PersonRole]?.includes('identifiers') === true;
}

/**
 * The object with only the allowed keys, in the object's own order.
 * @example pick({ id: '1', notes: 'x' }, new Set(['id'])) // { id: '1' }
 */
export function pick<T extends object>(value: T, allowed: ReadonlySet<string>): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => allowed.has(k))) as Partial<T>;
}
