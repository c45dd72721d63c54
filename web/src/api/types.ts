/**
 * Response and request shapes of the ChildGrid API (/api/v1), mirrored by hand from
 * src/modules/cases/case.schemas.ts until the client is generated from /api/openapi.json.
 */

export const caseStatuses = [
  'registered',
  'under_investigation',
  'charge_sheeted',
  'final_report',
  'in_trial',
  'convicted',
  'acquitted',
  'transferred',
  'closed',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const firKinds = ['fir', 'zero_fir', 'e_fir'] as const;
export type FirKind = (typeof firKinds)[number];

export const procedureCodes = ['BNSS', 'CrPC'] as const;
export type ProcedureCode = (typeof procedureCodes)[number];

export const personRoles = [
  'victim',
  'accused',
  'buyer',
  'trafficker',
  'witness',
  'guardian',
  'informant',
] as const;
export type PersonRole = (typeof personRoles)[number];

export const relationKinds = ['s/o', 'd/o', 'w/o', 'c/o'] as const;
export type RelationKind = (typeof relationKinds)[number];

export const genders = ['female', 'male', 'transgender', 'unknown'] as const;
export type Gender = (typeof genders)[number];

export const identifierKinds = [
  'phone',
  'email',
  'upi',
  'bank_account',
  'vehicle',
  'social_handle',
  'url',
  'ip',
  'address',
  'aadhaar_masked',
] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
  kind: string;
}

export interface Agency extends AgencyRef {
  parent_id: string | null;
  state_lgd_code: number | null;
  district_lgd_code: number | null;
  contact_officer: string | null;
  contact_phone: string | null;
  contact_email: string | null;
}

export interface User {
  id: string;
  email: string;
  display_name: string;
  role: string;
  agency: AgencyRef;
}

export interface Session {
  user: User;
  /** `null` for API-token sessions, which need no CSRF token. */
  csrf_token: string | null;
}

export interface Meta {
  version: string;
  demo: boolean;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Items<T> {
  items: T[];
}

export interface Offence {
  code: string;
  act: string;
  section: string;
  title: string;
  child_specific: boolean;
  demand_side: string;
  tag: string;
  source: string;
}

export interface State {
  lgd_code: number;
  name: string;
  iso_code: string;
  kind: string;
}

export interface District {
  lgd_code: number;
  state_lgd_code: number;
  name: string;
}

export interface Identifier {
  id: string;
  agency_id: string;
  case_id: string;
  person_id: string | null;
  external_id: string | null;
  kind: string;
  value: string;
  normalised: string;
  distribution: string;
  created_at: string;
}

export interface Person {
  id: string;
  agency_id: string;
  case_id: string;
  external_id: string | null;
  role: string;
  full_name: string;
  aliases: string[];
  relation_kind: string | null;
  relation_name: string | null;
  gender: string | null;
  birth_date: string | null;
  age: number | null;
  age_recorded_on: string | null;
  address: string | null;
  pincode: string | null;
  district_lgd_code: number | null;
  notes: string | null;
  distribution: string;
  version: number;
  created_at: string;
  updated_at: string;
  identifiers?: Identifier[];
}

export interface CaseSummary {
  id: string;
  agency: AgencyRef;
  external_id: string | null;
  fir_number: string | null;
  fir_kind: string;
  registered_at: string;
  place: string | null;
  pincode: string | null;
  state_lgd_code: number | null;
  district_lgd_code: number | null;
  district_name: string | null;
  status: string;
  procedure_code: string;
  offences: string[];
  distribution: string;
  person_counts: Partial<Record<string, number>>;
  updated_at: string;
  version: number;
}

export interface CaseDetail extends CaseSummary {
  gd_entry: string | null;
  occurred_from: string | null;
  occurred_to: string | null;
  summary: string | null;
  created_at: string;
  created_by: string | null;
  persons: Person[];
  identifiers: Identifier[];
}

export interface CaseListQuery {
  q?: string;
  status?: string;
  offence?: string;
  state_lgd_code?: string;
  district_lgd_code?: string;
  registered_from?: string;
  registered_to?: string;
  agency_id?: string;
  cursor?: string;
  limit?: number;
}

export interface IdentifierInput {
  kind: IdentifierKind;
  value: string;
}

export interface PersonInput {
  role: PersonRole;
  full_name: string;
  relation_kind?: RelationKind;
  relation_name?: string;
  gender?: Gender;
  age?: number;
  identifiers?: IdentifierInput[];
}

export interface CaseInput {
  fir_number?: string;
  fir_kind?: FirKind;
  gd_entry?: string;
  registered_at: string;
  place?: string;
  pincode?: string;
  district_lgd_code?: number;
  status?: CaseStatus;
  procedure_code: ProcedureCode;
  summary?: string;
  offences?: string[];
  persons?: PersonInput[];
}

export interface ApiIssue {
  field: string;
  message: string;
}
