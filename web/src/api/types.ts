/**
 * Shapes of the ChildGrid API (/api/v1), named for the web app. Every shape is an alias of the types
 * generated from the server's OpenAPI document (`npm run openapi` writes openapi.d.ts), so a change in
 * the API shows up here as a type error rather than as a blank on screen. The closed vocabularies come
 * from the module the server itself validates with.
 */
import {
  caseStatuses,
  distributionLevels,
  firKinds,
  genders,
  identifierKinds,
  personRoles,
  procedureCodes,
  relationKinds,
  tipSources,
} from '../../../src/shared/vocabulary.ts';
import type { components, paths } from './openapi.d.ts';

export type { CaseStatus, IdentifierKind, PersonRole, TipSource } from '../../../src/shared/vocabulary.ts';
export {
  caseStatuses,
  distributionLevels,
  firKinds,
  genders,
  identifierKinds,
  personRoles,
  procedureCodes,
  relationKinds,
  tipSources,
};

export type FirKind = (typeof firKinds)[number];
export type ProcedureCode = (typeof procedureCodes)[number];
export type RelationKind = (typeof relationKinds)[number];
export type Gender = (typeof genders)[number];

type Schemas = components['schemas'];

type Method = 'get' | 'post' | 'patch' | 'delete';

/** The JSON body of a path's successful answer (200, or 201 for a creation). */
type Answer<P extends keyof paths, M extends Method> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer Body } } } }
    ? Body
    : never;

/** The JSON body a path accepts. */
type RequestBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : paths[P][M] extends { requestBody?: { content: { 'application/json': infer Body } } }
    ? Body
    : never;

/** The query string a path accepts. */
type QueryOf<P extends keyof paths, M extends Method> = paths[P][M] extends {
  parameters: { query?: infer Query };
}
  ? NonNullable<Query>
  : never;

export type Case = Schemas['Case'];
export type CaseSummary = Schemas['CaseSummary'];
export type Person = Schemas['Person'];
export type Identifier = Schemas['Identifier'];
export type NewCase = Schemas['NewCase'];
export type NewPerson = Schemas['NewPerson'];
export type NewIdentifier = Schemas['NewIdentifier'];
export type ErrorBody = Schemas['Error'];
export type ApiIssue = NonNullable<ErrorBody['error']['issues']>[number];

export type Session = Answer<'/api/v1/auth/me', 'get'>;
export type User = Session['user'];
/** The second factor in this session: `pending` says what must happen before the app may be used. */
export type MfaState = Session['mfa'];
export type SessionSummary = Answer<'/api/v1/auth/sessions', 'get'>['sessions'][number];
export type MfaSetup = Answer<'/api/v1/auth/mfa/setup', 'post'>;
export type MfaConfirmed = Answer<'/api/v1/auth/mfa/confirm', 'post'>;
export type MfaVerified = Answer<'/api/v1/auth/mfa/verify', 'post'>;
export type OidcInfo = Answer<'/api/v1/auth/oidc', 'get'>;
export type PasswordChanged = Answer<'/api/v1/auth/password', 'post'>;
export type Meta = Answer<'/api/v1/meta', 'get'>;
export type OffenceList = Answer<'/api/v1/reference/offences', 'get'>;
export type Offence = OffenceList['items'][number];
export type StateList = Answer<'/api/v1/reference/states', 'get'>;
export type State = StateList['items'][number];
export type DistrictList = Answer<'/api/v1/reference/districts', 'get'>;
export type District = DistrictList['items'][number];
export type RoleList = Answer<'/api/v1/reference/roles', 'get'>;
export type RoleInfo = RoleList['items'][number];
export type CasePage = Answer<'/api/v1/cases', 'get'>;
export type CaseListQuery = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>;
export type Distribution = NonNullable<NewCase['distribution']>;
export type CaseAccess = Case['access'];

export type AgencyPage = Answer<'/api/v1/agencies', 'get'>;
export type Agency = AgencyPage['items'][number];
export type AgencyListQuery = QueryOf<'/api/v1/agencies', 'get'>;

/** A victim's or child witness's identity, as a logged reveal answers it. */
export type RevealedIdentity = Answer<'/api/v1/persons/{id}/reveal', 'post'>;
export type RevealLog = Answer<'/api/v1/persons/{id}/reveals', 'get'>;
export type RevealLogEntry = RevealLog['items'][number];
export type Consent = Answer<'/api/v1/persons/{id}/consents', 'post'>;
export type ConsentList = Answer<'/api/v1/persons/{id}/consents', 'get'>;
export type NewConsent = RequestBody<'/api/v1/persons/{id}/consents', 'post'>;

export type Matches = Answer<'/api/v1/cases/{id}/matches', 'get'>;
export type CaseLink = Matches['links'][number];
export type Hit = Schemas['Hit'];
export type IdentifierSearch = QueryOf<'/api/v1/grid/identifier', 'get'>;

export type Disclosure = Schemas['Disclosure'];
export type DisclosureList = Answer<'/api/v1/disclosures', 'get'>;
export type DisclosureListQuery = QueryOf<'/api/v1/disclosures', 'get'>;
export type DisclosureStatus = NonNullable<DisclosureListQuery['status']>;
export type NewDisclosureRequest = RequestBody<'/api/v1/disclosures', 'post'>;
export type DisclosureDecision = RequestBody<'/api/v1/disclosures/{id}/decision', 'post'>;
/** The parts of a case an owner can grant: summary, persons, identifiers. */
export type FieldGroup = NonNullable<NewDisclosureRequest['fields']>[number];
export type NewReferral = RequestBody<'/api/v1/cases/{id}/referrals', 'post'>;
export type NewTransfer = RequestBody<'/api/v1/cases/{id}/transfers', 'post'>;
export type CaseTransfer = Schemas['CaseTransfer'];

export type NotificationList = Answer<'/api/v1/notifications', 'get'>;
export type Notification = NotificationList['items'][number];

export type SharingGroup = Schemas['SharingGroup'];
export type SharingGroupList = Answer<'/api/v1/sharing-groups', 'get'>;
export type NewSharingGroup = RequestBody<'/api/v1/sharing-groups', 'post'>;

export type AdminUser = Schemas['AdminUser'];
export type UserPage = Answer<'/api/v1/users', 'get'>;
export type UserListQuery = QueryOf<'/api/v1/users', 'get'>;
export type NewUser = RequestBody<'/api/v1/users', 'post'>;
export type UserPatch = RequestBody<'/api/v1/users/{id}', 'patch'>;

export type AuditEvent = Schemas['AuditEvent'];
export type AuditPage = Answer<'/api/v1/audit/events', 'get'>;
export type AuditEventQuery = QueryOf<'/api/v1/audit/events', 'get'>;
export type AuditUserActivity = Schemas['AuditUserActivity'];

/* The grid: screening, profiles, the review queue, the history-sheet register, alerts and watchlists. */
export type ScreenRequest = RequestBody<'/api/v1/grid/screen', 'post'>;
export type ScreenResult = Answer<'/api/v1/grid/screen', 'post'>;
export type PersonCandidate = Schemas['PersonCandidate'];
export type ExplanationTerm = NonNullable<PersonCandidate['explanation']>[number];
export type MatchReview = Schemas['MatchReview'];
export type MatchReviewPage = Answer<'/api/v1/grid/reviews', 'get'>;
export type MatchReviewQuery = QueryOf<'/api/v1/grid/reviews', 'get'>;
export type ReviewDecision = RequestBody<'/api/v1/grid/reviews/{id}/decision', 'post'>;
export type PersonProfile = Schemas['PersonProfile'];
export type ProfileEvents = Schemas['ProfileEvents'];
export type ProfileEvent = ProfileEvents['items'][number];
export type ProfileRecord = PersonProfile['records'][number];
export type ProfileUnlink = Schemas['ProfileUnlink'];
export type ProfileUnlinkInput = RequestBody<'/api/v1/profiles/{id}/members/{person_id}/unlink', 'post'>;
export type NetworkNode = PersonProfile['network']['nodes'][number];
export type NetworkEdge = PersonProfile['network']['edges'][number];
export type HistorySheetPage = Answer<'/api/v1/history-sheets', 'get'>;
export type HistorySheet = HistorySheetPage['items'][number];
export type HistorySheetQuery = QueryOf<'/api/v1/history-sheets', 'get'>;
export type NewHistorySheet = RequestBody<'/api/v1/history-sheets', 'post'>;
export type HistorySheetReview = RequestBody<'/api/v1/history-sheets/{id}/reviews', 'post'>;
export type HistorySheetClosure = RequestBody<'/api/v1/history-sheets/{id}/closure', 'post'>;
export type HistorySheetRuleList = Answer<'/api/v1/history-sheet-rules', 'get'>;
export type HistorySheetRule = HistorySheetRuleList['items'][number];
export type PoliceRank = NewHistorySheet['ordered_by_rank'];
export type GridAlert = Schemas['GridAlert'];
export type GridAlertList = Answer<'/api/v1/grid/alerts', 'get'>;
export type GridAlertQuery = QueryOf<'/api/v1/grid/alerts', 'get'>;
export type Watch = Schemas['Watch'];
export type WatchList = Answer<'/api/v1/grid/watches', 'get'>;
export type NewWatch = RequestBody<'/api/v1/grid/watches', 'post'>;
export type WarningListEntry = Schemas['WarningListEntry'];
export type WarningList = Answer<'/api/v1/grid/warning-list', 'get'>;
export type NewWarningListEntry = RequestBody<'/api/v1/grid/warning-list', 'post'>;
export type GridSettings = Schemas['GridSettings'];
export type GridSettingsPatch = RequestBody<'/api/v1/grid/settings', 'patch'>;
export type ExtractedIdentifiers = Answer<'/api/v1/grid/extract', 'post'>;
export type ExtractedIdentifier = ExtractedIdentifiers['items'][number];

/* Tips: the list (no text), one tip with its identifiers and what the grid knows of each. */
export type Tip = Schemas['Tip'];
export type TipIdentifier = Schemas['TipIdentifier'];
export type TipSummary = Schemas['TipSummary'];
export type TipPage = Answer<'/api/v1/tips', 'get'>;
export type TipListQuery = QueryOf<'/api/v1/tips', 'get'>;
export type NewTip = RequestBody<'/api/v1/tips', 'post'>;

/** The field groups in the order forms show them. */
export const fieldGroups = ['summary', 'persons', 'identifiers'] as const satisfies readonly FieldGroup[];

// The generated request types and the shared vocabularies must name the same values; if the server's
// schema and src/shared/vocabulary.ts ever drift apart, these lines stop compiling.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AllTrue<T extends true[]> = T;
export type VocabularyMatchesApi = AllTrue<
  [
    Same<NonNullable<NewCase['status']>, (typeof caseStatuses)[number]>,
    Same<NonNullable<NewCase['fir_kind']>, FirKind>,
    Same<NewCase['procedure_code'], ProcedureCode>,
    Same<NewPerson['role'], (typeof personRoles)[number]>,
    Same<NonNullable<NewPerson['relation_kind']>, RelationKind>,
    Same<NonNullable<NewPerson['gender']>, Gender>,
    Same<NewIdentifier['kind'], (typeof identifierKinds)[number]>,
    Same<NonNullable<CaseListQuery['status']>, (typeof caseStatuses)[number]>,
    Same<Distribution, (typeof distributionLevels)[number]>,
    Same<FieldGroup, (typeof fieldGroups)[number]>,
    Same<NewTip['source'], (typeof tipSources)[number]>,
  ]
>;
