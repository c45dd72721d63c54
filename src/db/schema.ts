import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Kysely table types; they mirror src/db/migrations/*.sql. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are parsed as `YYYY-MM-DD` strings by both drivers (see database.ts). */
type DateString = string;

export {
  type AgencyKind,
  agencyKinds,
  type CaseStatus,
  caseStatuses,
  type Distribution,
  distributionLevels,
  firKinds,
  genders,
  type IdentifierKind,
  identifierKinds,
  type PersonRole,
  personRoles,
  procedureCodes,
  relationKinds,
  type TipSource,
  tipSources,
} from '../shared/vocabulary.ts';

import type {
  AgencyKind,
  CaseStatus,
  Distribution,
  IdentifierKind,
  PersonRole,
  TipSource,
} from '../shared/vocabulary.ts';

export interface StatesTable {
  lgd_code: number;
  name: string;
  kind: 'state' | 'union_territory';
  iso_code: string;
}

export interface DistrictsTable {
  lgd_code: number;
  state_lgd_code: number;
  name: string;
  census2011_code: number | null;
}

export interface AgenciesTable {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
  parent_id: string | null;
  state_lgd_code: number | null;
  district_lgd_code: number | null;
  contact_officer: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  created_at: DefaultTimestamp;
}

export interface AgencyClosureTable {
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}

export interface OffenceCodesTable {
  code: string;
  act: string;
  section: string;
  title: string;
  child_specific: boolean;
  demand_side: string;
  equivalent: string | null;
  tag: string;
  source: string;
}

export interface UsersTable {
  id: string;
  agency_id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string;
  disabled_at: Timestamp | null;
  failed_sign_ins: Generated<number>;
  last_sign_in_at: Timestamp | null;
  created_at: DefaultTimestamp;
  /** Envelope-encrypted TOTP secret (`users:<id>:totp`); counts only once `totp_enabled_at` is set. */
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** RFC 6238 time step of the last accepted code; that step and earlier ones are refused (replay). */
  totp_last_step: number | null;
  password_changed_at: Timestamp | null;
  /** The identity provider's `sub`, remembered at the first single sign-on. */
  oidc_subject: string | null;
}

export type SignInMethod = 'password' | 'oidc' | 'token';

export interface SessionsTable {
  token_hash: string;
  /** Public id (UUIDv7), shown in the session list; the token hash never leaves the server. */
  id: string;
  user_id: string;
  kind: 'cookie' | 'api';
  method: ColumnType<SignInMethod, SignInMethod | undefined, SignInMethod>;
  /** When this session last proved a second factor. */
  mfa_verified_at: Timestamp | null;
  label: string | null;
  csrf_token: string | null;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  client_address: string | null;
  /** The browser's User-Agent at sign-in, cut to 200 characters (0008). */
  user_agent: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: DefaultTimestamp;
  used_at: Timestamp | null;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: DefaultTimestamp;
  used_at: Timestamp | null;
}

interface Distributed {
  distribution: ColumnType<Distribution, Distribution | undefined, Distribution>;
  sharing_group_id: string | null;
}

export interface CasesTable extends Distributed {
  agency_id: string;
  id: string;
  external_id: string | null;
  fir_number: string | null;
  fir_kind: ColumnType<string, string | undefined, string>;
  gd_entry: string | null;
  registered_at: Timestamp;
  occurred_from: Timestamp | null;
  occurred_to: Timestamp | null;
  place: string | null;
  pincode: string | null;
  state_lgd_code: number | null;
  district_lgd_code: number | null;
  status: ColumnType<CaseStatus, CaseStatus | undefined, CaseStatus>;
  procedure_code: string;
  summary: string | null;
  created_by: string | null;
  /** The investigating officer (migration 0007). */
  assigned_to: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  version: Generated<number>;
}

/** A case transferred to another agency (migration 0007): the sender's case and the receiver's copy. */
export interface CaseTransfersTable {
  agency_id: string;
  id: string;
  case_id: string;
  to_agency_id: string;
  to_case_id: string;
  reason: string;
  consent_override_reason: string | null;
  transferred_by: string | null;
  transferred_at: DefaultTimestamp;
}

export interface CaseOffencesTable {
  agency_id: string;
  case_id: string;
  offence_code: string;
}

export interface PersonsTable extends Distributed {
  agency_id: string;
  id: string;
  case_id: string;
  external_id: string | null;
  role: PersonRole;
  full_name: string;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  relation_kind: string | null;
  relation_name: string | null;
  gender: string | null;
  birth_date: DateString | null;
  age: number | null;
  age_recorded_on: DateString | null;
  address: string | null;
  pincode: string | null;
  district_lgd_code: number | null;
  notes: string | null;
  /** Victim or child witness: identifying fields are only in `sealed` (encrypted); full_name is a pseudonym. */
  protected: ColumnType<boolean, boolean | undefined, boolean>;
  sealed: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  version: Generated<number>;
}

export interface IdentifiersTable extends Distributed {
  agency_id: string;
  id: string;
  case_id: string;
  person_id: string | null;
  external_id: string | null;
  kind: IdentifierKind;
  value: string;
  normalised: string;
  /** Belongs to a protected person: value is sealed, normalised is a blind index (`bi:…`). */
  protected: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: DefaultTimestamp;
}

export interface AuditEventsTable {
  occurred_at: DefaultTimestamp;
  id: string;
  agency_id: string | null;
  user_id: string | null;
  role: string | null;
  action: string;
  record_kind: string | null;
  record_id: string | null;
  record_agency_id: string | null;
  detail: unknown;
  client_address: string | null;
  /** The purpose the actor stated (a reveal, a person search). */
  purpose: string | null;
  /** Hash chain (0003-audit-chain.sql): set by the database's insert trigger, whatever the writer sends. */
  chain_id: Generated<string>;
  seq: Generated<number>;
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

export interface AuditChainHeadsTable {
  chain_id: string;
  seq: number;
  hash: string;
  last_event_id: string | null;
  last_occurred_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface ImportBatchesTable {
  agency_id: string;
  id: string;
  source_name: string;
  source_sha256: string;
  format: string;
  rows_total: number;
  cases_written: number;
  persons_written: number;
  identifiers_written: number;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface DataKeysTable {
  id: string;
  master_key_id: string;
  wrapped: string;
  created_at: DefaultTimestamp;
  retired_at: Timestamp | null;
}

export interface SharingGroupsTable {
  id: string;
  name: string;
  description: string | null;
  owner_agency_id: string;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface SharingGroupMembersTable {
  group_id: string;
  agency_id: string;
  added_by: string | null;
  added_at: DefaultTimestamp;
}

export interface AgencyCountersTable {
  agency_id: string;
  name: string;
  value: number;
}

export interface DisclosuresTable {
  agency_id: string;
  id: string;
  kind: 'request' | 'referral';
  record_kind: 'case' | 'person';
  record_id: string;
  requester_agency_id: string;
  requester_user_id: string | null;
  purpose: string;
  case_reference: string | null;
  fields_requested: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<'pending' | 'approved' | 'refused' | 'withdrawn', string | undefined, string>;
  fields_granted: ColumnType<string[], string[] | undefined, string[]>;
  expires_at: Timestamp | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  consent_override_reason: string | null;
  created_at: DefaultTimestamp;
}

export interface ConsentsTable {
  agency_id: string;
  id: string;
  person_id: string;
  given_by: 'child' | 'guardian';
  purpose: 'referral' | 'transfer';
  to_agency_id: string | null;
  recorded_by: string | null;
  recorded_at: DefaultTimestamp;
  withdrawn_at: Timestamp | null;
  notes: string | null;
}

export interface NotificationsTable {
  agency_id: string;
  id: string;
  kind: string;
  subject_kind: string | null;
  subject_id: string | null;
  message: string;
  created_at: DefaultTimestamp;
  read_at: Timestamp | null;
}

/* ---------- the grid's persons (migration 0010) ---------- */

export interface PersonProfilesTable {
  id: string;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

/** How a record joined its profile: its first record (`single`), the model, an officer's review, or a rule. */
export type LinkMethod = 'single' | 'model' | 'review' | 'rule';

export interface ProfileMembersTable {
  agency_id: string;
  person_id: string;
  profile_id: string;
  method: LinkMethod;
  score: number | null;
  /** The model's version, or for a rule link the rule (`case-transfer`). */
  model_version: string | null;
  reviewer_id: string | null;
  linked_at: DefaultTimestamp;
  /** The record this one was linked to (migration 0015); null for a profile's first record and older rows. */
  linked_to_agency_id: ColumnType<string | null, string | null | undefined, string | null>;
  linked_to_person_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The history of links, merges and unlinks (migration 0015). */
export interface ProfileEventsTable {
  id: string;
  occurred_at: DefaultTimestamp;
  kind: 'link' | 'merge' | 'unlink';
  profile_id: string;
  other_profile_id: string | null;
  agency_id: string;
  person_id: string;
  other_agency_id: string | null;
  other_person_id: string | null;
  records: number;
  method: Exclude<LinkMethod, 'single'> | null;
  score: number | null;
  model_version: string | null;
  user_id: string | null;
  reason: string | null;
  detail: ColumnType<unknown, string | null | undefined, string | null>;
}

export type ReviewStatus = 'pending' | 'confirmed' | 'rejected' | 'unsure';

export interface MatchCandidatesTable {
  id: string;
  a_agency_id: string;
  a_person_id: string;
  b_agency_id: string;
  b_person_id: string;
  /** Null for a pair an officer rejected by unlinking a record (origin `unlink`): no model scored it. */
  score: number | null;
  explanation: ColumnType<unknown, string, string>;
  model_version: string | null;
  status: ColumnType<ReviewStatus, ReviewStatus | undefined, ReviewStatus>;
  origin: ColumnType<'model' | 'unlink', 'model' | 'unlink' | undefined, 'model' | 'unlink'>;
  reviewer_id: string | null;
  reviewed_at: Timestamp | null;
  note: string | null;
  created_at: DefaultTimestamp;
}

export interface PersonKeysTable {
  key: string;
  agency_id: string;
  person_id: string;
  /** Estimated birth year, 0 when unknown (person-keys.ts bornOf). */
  born: Generated<number>;
}

export interface PersonKeysStateTable {
  id: Generated<boolean>;
  version: number;
  rebuilt_at: Date | null;
  cursor_agency_id: string | null;
  cursor_person_id: string | null;
}

export const policeRanks = [
  'constable',
  'head_constable',
  'asi',
  'si',
  'inspector',
  'dsp',
  'addl_sp',
  'sp',
  'ssp',
  'dig',
  'ig',
  'adgp',
  'dgp',
] as const;
export type PoliceRank = (typeof policeRanks)[number];

export interface HistorySheetRulesTable {
  id: string;
  state_lgd_code: number | null;
  category: string;
  label: string;
  min_rank: PoliceRank;
  reasons_required: 'always' | 'if_never_convicted';
  review_months: number | null;
  tag: 'V' | 'S' | 'U';
  source: string;
}

export interface HistorySheetsTable {
  agency_id: string;
  id: string;
  number: number;
  profile_id: string;
  person_agency_id: string;
  person_id: string;
  rule_id: string;
  /** Sealed (encrypted): the reasons are confidential (PPR r.23.5). */
  grounds: string;
  convicted: boolean;
  ordered_by_name: string;
  ordered_by_rank: PoliceRank;
  opened_on: DateString;
  review_due_on: DateString | null;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  closed_on: DateString | null;
  closure_reason: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  version: Generated<number>;
}

/* ---------- the grid's correlation (migration 0009) ---------- */

export interface GridSettingsTable {
  key: 'common_value_cases' | 'common_value_agencies';
  value: number;
  updated_by: string | null;
  updated_at: DefaultTimestamp;
}

export interface GridWarningListTable {
  id: string;
  /** Null: a national entry. */
  agency_id: string | null;
  kind: IdentifierKind;
  value: string;
  normalised: string;
  reason: string;
  created_by: string | null;
  created_at: DefaultTimestamp;
  removed_by: string | null;
  removed_at: Timestamp | null;
}

export interface GridWatchesTable {
  agency_id: string;
  id: string;
  user_id: string;
  kind: IdentifierKind | null;
  value: string | null;
  normalised: string | null;
  blind: string | null;
  profile_id: string | null;
  reason: string;
  created_at: DefaultTimestamp;
  removed_at: Timestamp | null;
}

export type GridAlertKind = 'deconfliction' | 'watchlist' | 're_trafficking';

export interface GridAlertsTable {
  agency_id: string;
  id: string;
  kind: GridAlertKind;
  user_id: string | null;
  dedupe_key: string;
  case_agency_id: string | null;
  case_id: string | null;
  person_id: string | null;
  other_agency_id: string;
  /** A case id, or (other_record_kind 'tip') a tip id. */
  other_case_id: string;
  other_record_kind: ColumnType<'case' | 'tip', 'case' | 'tip' | undefined, 'case' | 'tip'>;
  match_kind: string;
  match_on: 'identifier' | 'person' | 'profile';
  watch_id: string | null;
  detail: ColumnType<unknown, string | null, string | null>;
  created_at: DefaultTimestamp;
  read_at: Timestamp | null;
}

/* ---------- tips (migration 0018) ---------- */

export interface TipsTable {
  agency_id: string;
  id: string;
  received_at: Timestamp;
  source: TipSource;
  /** Sealed (encrypted): the tip as told. */
  text: string;
  place: string | null;
  district_lgd_code: number | null;
  pincode: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface TipIdentifiersTable {
  agency_id: string;
  id: string;
  tip_id: string;
  kind: IdentifierKind;
  /** Sealed (encrypted): the value as written. */
  value: string;
  /** The blind index of the normalised value (`bi:…`). */
  normalised: string;
  origin: 'text' | 'given';
  created_at: DefaultTimestamp;
}

export interface DB {
  tips: TipsTable;
  tip_identifiers: TipIdentifiersTable;
  grid_settings: GridSettingsTable;
  grid_warning_list: GridWarningListTable;
  grid_watches: GridWatchesTable;
  grid_alerts: GridAlertsTable;
  person_profiles: PersonProfilesTable;
  profile_members: ProfileMembersTable;
  profile_events: ProfileEventsTable;
  match_candidates: MatchCandidatesTable;
  person_keys: PersonKeysTable;
  person_keys_state: PersonKeysStateTable;
  history_sheet_rules: HistorySheetRulesTable;
  history_sheets: HistorySheetsTable;
  sharing_groups: SharingGroupsTable;
  sharing_group_members: SharingGroupMembersTable;
  agency_counters: AgencyCountersTable;
  disclosures: DisclosuresTable;
  consents: ConsentsTable;
  notifications: NotificationsTable;
  data_keys: DataKeysTable;
  states: StatesTable;
  districts: DistrictsTable;
  agencies: AgenciesTable;
  agency_closure: AgencyClosureTable;
  offence_codes: OffenceCodesTable;
  users: UsersTable;
  sessions: SessionsTable;
  recovery_codes: RecoveryCodesTable;
  setup_tokens: SetupTokensTable;
  cases: CasesTable;
  case_offences: CaseOffencesTable;
  case_transfers: CaseTransfersTable;
  persons: PersonsTable;
  identifiers: IdentifiersTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  import_batches: ImportBatchesTable;
}

export type CaseRow = Selectable<CasesTable>;
export type PersonRow = Selectable<PersonsTable>;
export type IdentifierRow = Selectable<IdentifiersTable>;
export type AgencyRow = Selectable<AgenciesTable>;
export type UserRow = Selectable<UsersTable>;
export type NewCase = Insertable<CasesTable>;
