import type {
  AdminUser,
  AgencyListQuery,
  AgencyPage,
  ApiIssue,
  AuditEventQuery,
  AuditPage,
  AuditUserActivity,
  Case,
  CaseListQuery,
  CasePage,
  CaseTransfer,
  Consent,
  ConsentList,
  Disclosure,
  DisclosureDecision,
  DisclosureList,
  DisclosureListQuery,
  DistrictList,
  ErrorBody,
  ExtractedIdentifiers,
  GridAlertList,
  GridAlertQuery,
  GridSettings,
  GridSettingsPatch,
  HistorySheet,
  HistorySheetClosure,
  HistorySheetPage,
  HistorySheetQuery,
  HistorySheetReview,
  HistorySheetRuleList,
  IdentifierSearch,
  Matches,
  MatchReview,
  MatchReviewPage,
  MatchReviewQuery,
  Meta,
  MfaConfirmed,
  MfaSetup,
  MfaVerified,
  NewCase,
  NewConsent,
  NewDisclosureRequest,
  NewHistorySheet,
  NewReferral,
  NewSharingGroup,
  NewTip,
  NewTransfer,
  NewUser,
  NewWarningListEntry,
  NewWatch,
  NotificationList,
  OffenceList,
  OidcInfo,
  PasswordChanged,
  PersonProfile,
  ProfileEvents,
  ProfileUnlink,
  ProfileUnlinkInput,
  RevealedIdentity,
  RevealLog,
  ReviewDecision,
  RoleList,
  ScreenRequest,
  ScreenResult,
  Session,
  SessionSummary,
  SharingGroup,
  SharingGroupList,
  StateList,
  Tip,
  TipListQuery,
  TipPage,
  TipSummary,
  UserListQuery,
  UserPage,
  UserPatch,
  WarningList,
  WarningListEntry,
  Watch,
  WatchList,
} from './types.ts';

/** An error answered by the API (or a network failure, with `status` 0 and code `network`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];

  constructor(status: number, code: string, message: string, issues: ApiIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

type Query = Record<string, string | number | undefined | null>;
interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

// The session cookie is httpOnly; the CSRF token that must accompany it on writes lives only in memory.
let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401, so the app can return to the sign-in screen. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', 'The server could not be reached. Check the network and try again.');
  }

  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body as T;

  if (response.status === 401 && !path.startsWith('/auth/')) onUnauthenticated?.();
  if (isErrorBody(body)) {
    throw new ApiError(response.status, body.error.code, body.error.message, body.error.issues ?? []);
  }
  throw new ApiError(
    response.status,
    'http_error',
    `The server answered ${response.status} ${response.statusText}.`,
  );
}

const id = (value: string) => encodeURIComponent(value);

export const api = {
  meta: (signal?: AbortSignal) => request<Meta>('GET', '/meta', { signal }),

  me: (signal?: AbortSignal) => request<Session>('GET', '/auth/me', { signal }),
  signIn: (email: string, password: string) =>
    request<Session>('POST', '/auth/sign-in', { body: { email, password } }),
  signOut: () => request<void>('POST', '/auth/sign-out'),
  oidc: (signal?: AbortSignal) => request<OidcInfo>('GET', '/auth/oidc', { signal }),
  mfaSetup: () => request<MfaSetup>('POST', '/auth/mfa/setup'),
  mfaConfirm: (code: string) => request<MfaConfirmed>('POST', '/auth/mfa/confirm', { body: { code } }),
  mfaVerify: (code: string) => request<MfaVerified>('POST', '/auth/mfa/verify', { body: { code } }),
  /** The old codes stop working; 403 `mfa_required` when the second factor is older than 15 minutes. */
  newRecoveryCodes: () => request<MfaConfirmed>('POST', '/auth/mfa/recovery-codes'),
  sessions: (signal?: AbortSignal) =>
    request<{ sessions: SessionSummary[] }>('GET', '/auth/sessions', { signal }),
  revokeSession: (sessionId: string) => request<void>('DELETE', `/auth/sessions/${id(sessionId)}`),
  changePassword: (current_password: string, new_password: string) =>
    request<PasswordChanged>('POST', '/auth/password', { body: { current_password, new_password } }),

  /** In statute order: POCSO, BNS, IPC, ITPA, JJ, IT; sections by number. */
  offences: (signal?: AbortSignal) => request<OffenceList>('GET', '/reference/offences', { signal }),
  roles: (signal?: AbortSignal) => request<RoleList>('GET', '/reference/roles', { signal }),
  states: (signal?: AbortSignal) => request<StateList>('GET', '/reference/states', { signal }),
  districts: (stateLgdCode: number, signal?: AbortSignal) =>
    request<DistrictList>('GET', '/reference/districts', {
      query: { state_lgd_code: stateLgdCode },
      signal,
    }),

  listCases: (query: CaseListQuery, signal?: AbortSignal) =>
    request<CasePage>('GET', '/cases', { query: { ...query }, signal }),
  getCase: (id: string, signal?: AbortSignal) =>
    request<Case>('GET', `/cases/${encodeURIComponent(id)}`, { signal }),
  createCase: (input: NewCase) => request<Case>('POST', '/cases', { body: input }),

  agencies: (query: AgencyListQuery, signal?: AbortSignal) =>
    request<AgencyPage>('GET', '/agencies', { query: { ...query }, signal }),

  /** Logged with the purpose; 403 `mfa_required` when the second factor is older than 15 minutes. */
  reveal: (personId: string, purpose: string) =>
    request<RevealedIdentity>('POST', `/persons/${id(personId)}/reveal`, { body: { purpose } }),
  reveals: (personId: string, signal?: AbortSignal) =>
    request<RevealLog>('GET', `/persons/${id(personId)}/reveals`, { signal }),
  consents: (personId: string, signal?: AbortSignal) =>
    request<ConsentList>('GET', `/persons/${id(personId)}/consents`, { signal }),
  recordConsent: (personId: string, input: NewConsent) =>
    request<Consent>('POST', `/persons/${id(personId)}/consents`, { body: input }),

  caseMatches: (caseId: string, signal?: AbortSignal) =>
    request<Matches>('GET', `/cases/${id(caseId)}/matches`, { signal }),
  searchIdentifier: (query: IdentifierSearch, signal?: AbortSignal) =>
    request<Matches>('GET', '/grid/identifier', { query: { ...query }, signal }),
  /** 409 `consent_required` lists, in `issues`, each child's missing consent. */
  refer: (caseId: string, input: NewReferral) =>
    request<Disclosure>('POST', `/cases/${id(caseId)}/referrals`, { body: input }),
  /** 409 `consent_required` lists, in `issues`, each child's missing consent to the transfer. */
  transfer: (caseId: string, input: NewTransfer) =>
    request<CaseTransfer>('POST', `/cases/${id(caseId)}/transfers`, { body: input }),

  disclosures: (query: DisclosureListQuery, signal?: AbortSignal) =>
    request<DisclosureList>('GET', '/disclosures', { query: { ...query }, signal }),
  requestDisclosure: (input: NewDisclosureRequest) =>
    request<Disclosure>('POST', '/disclosures', { body: input }),
  decideDisclosure: (disclosureId: string, input: DisclosureDecision) =>
    request<Disclosure>('POST', `/disclosures/${id(disclosureId)}/decision`, { body: input }),
  disclosure: (disclosureId: string, signal?: AbortSignal) =>
    request<Disclosure>('GET', `/disclosures/${id(disclosureId)}`, { signal }),
  withdrawDisclosure: (disclosureId: string) =>
    request<Disclosure>('POST', `/disclosures/${id(disclosureId)}/withdraw`),

  notifications: (unread: boolean, signal?: AbortSignal) =>
    request<NotificationList>('GET', '/notifications', { query: { unread: String(unread) }, signal }),
  markNotificationRead: (notificationId: string) =>
    request<void>('POST', `/notifications/${id(notificationId)}/read`),
  markAllNotificationsRead: () => request<{ marked: number }>('POST', '/notifications/read-all'),

  /** Audited with its purpose; the answer holds hits (agency and contact only) for records the caller may not read. */
  screen: (input: ScreenRequest) => request<ScreenResult>('POST', '/grid/screen', { body: input }),
  /** The identifiers in a piece of free text; nothing is kept or logged. */
  extractIdentifiers: (text: string) =>
    request<ExtractedIdentifiers>('POST', '/grid/extract', { body: { text } }),
  reviews: (query: MatchReviewQuery, signal?: AbortSignal) =>
    request<MatchReviewPage>('GET', '/grid/reviews', { query: { ...query }, signal }),
  decideReview: (reviewId: string, input: ReviewDecision) =>
    request<MatchReview>('POST', `/grid/reviews/${id(reviewId)}/decision`, { body: input }),
  /** Audited; 404 unless the caller reads at least one of the profile's records. */
  profile: (profileId: string, signal?: AbortSignal) =>
    request<PersonProfile>('GET', `/profiles/${id(profileId)}`, { signal }),
  /** The history of the profile's links for the records the caller reads (audited). */
  profileEvents: (profileId: string) => request<ProfileEvents>('GET', `/profiles/${id(profileId)}/events`),
  /** Takes a record out of a profile (audited, with the reason); a rejected pair keeps the model from re-linking it. */
  unlinkProfileMember: (profileId: string, personId: string, input: ProfileUnlinkInput) =>
    request<ProfileUnlink>('POST', `/profiles/${id(profileId)}/members/${id(personId)}/unlink`, {
      body: input,
    }),
  historySheets: (query: HistorySheetQuery, signal?: AbortSignal) =>
    request<HistorySheetPage>('GET', '/history-sheets', { query: { ...query }, signal }),
  /** The confidential grounds come only with this read, which is audited. */
  historySheet: (sheetId: string, signal?: AbortSignal) =>
    request<HistorySheet>('GET', `/history-sheets/${id(sheetId)}`, { signal }),
  openHistorySheet: (input: NewHistorySheet) =>
    request<HistorySheet>('POST', '/history-sheets', { body: input }),
  /** 409 `version_conflict` when someone changed the sheet since `version` was read. */
  reviewHistorySheet: (sheetId: string, input: HistorySheetReview) =>
    request<HistorySheet>('POST', `/history-sheets/${id(sheetId)}/reviews`, { body: input }),
  closeHistorySheet: (sheetId: string, input: HistorySheetClosure) =>
    request<HistorySheet>('POST', `/history-sheets/${id(sheetId)}/closure`, { body: input }),
  historySheetRules: (signal?: AbortSignal) =>
    request<HistorySheetRuleList>('GET', '/history-sheet-rules', { signal }),
  /** Tips of the officer's scope: metadata and identifier counts, no text. */
  tips: (query: TipListQuery, signal?: AbortSignal) =>
    request<TipPage>('GET', '/tips', { query: { ...query }, signal }),
  /** The text and identifiers come only with this read, which is audited. */
  tip: (tipId: string, signal?: AbortSignal) => request<Tip>('GET', `/tips/${id(tipId)}`, { signal }),
  recordTip: (input: NewTip) => request<TipSummary>('POST', '/tips', { body: input }),
  gridAlerts: (query: GridAlertQuery, signal?: AbortSignal) =>
    request<GridAlertList>('GET', '/grid/alerts', { query: { ...query }, signal }),
  /** For the agency the alert is addressed to (a watch alert: for the watcher); its notification is read too. */
  markAlertRead: (alertId: string) => request<void>('POST', `/grid/alerts/${id(alertId)}/read`),
  markAllAlertsRead: (kind?: GridAlertQuery['kind']) =>
    request<{ marked: number }>('POST', '/grid/alerts/read-all', { query: kind ? { kind } : {} }),
  watches: (signal?: AbortSignal) => request<WatchList>('GET', '/grid/watches', { signal }),
  addWatch: (input: NewWatch) => request<Watch>('POST', '/grid/watches', { body: input }),
  removeWatch: (watchId: string) => request<void>('DELETE', `/grid/watches/${id(watchId)}`),
  warningList: (signal?: AbortSignal) => request<WarningList>('GET', '/grid/warning-list', { signal }),
  addWarningEntry: (input: NewWarningListEntry) =>
    request<WarningListEntry>('POST', '/grid/warning-list', { body: input }),
  removeWarningEntry: (entryId: string) => request<void>('DELETE', `/grid/warning-list/${id(entryId)}`),
  gridSettings: (signal?: AbortSignal) => request<GridSettings>('GET', '/grid/settings', { signal }),
  updateGridSettings: (patch: GridSettingsPatch) =>
    request<GridSettings>('PATCH', '/grid/settings', { body: patch }),

  sharingGroups: (signal?: AbortSignal) => request<SharingGroupList>('GET', '/sharing-groups', { signal }),
  createSharingGroup: (input: NewSharingGroup) =>
    request<SharingGroup>('POST', '/sharing-groups', { body: input }),
  addGroupMember: (groupId: string, agencyId: string) =>
    request<SharingGroup>('POST', `/sharing-groups/${id(groupId)}/members`, {
      body: { agency_id: agencyId },
    }),
  removeGroupMember: (groupId: string, agencyId: string) =>
    request<SharingGroup>('DELETE', `/sharing-groups/${id(groupId)}/members/${id(agencyId)}`),

  users: (query: UserListQuery, signal?: AbortSignal) =>
    request<UserPage>('GET', '/users', { query: { ...query }, signal }),
  createUser: (input: NewUser) => request<AdminUser>('POST', '/users', { body: input }),
  updateUser: (userId: string, patch: UserPatch) =>
    request<AdminUser>('PATCH', `/users/${id(userId)}`, { body: patch }),
  unlockUser: (userId: string) => request<AdminUser>('POST', `/users/${id(userId)}/unlock`),
  resetUserMfa: (userId: string) => request<AdminUser>('POST', `/users/${id(userId)}/reset-mfa`),

  auditEvents: (query: AuditEventQuery, signal?: AbortSignal) =>
    request<AuditPage>('GET', '/audit/events', { query: { ...query }, signal }),
  auditRecord: (kind: string, recordId: string, cursor?: string, signal?: AbortSignal) =>
    request<AuditPage>('GET', `/audit/records/${id(kind)}/${id(recordId)}`, { query: { cursor }, signal }),
  auditUser: (userId: string, cursor?: string, signal?: AbortSignal) =>
    request<AuditUserActivity>('GET', `/audit/users/${id(userId)}`, { query: { cursor }, signal }),
};
