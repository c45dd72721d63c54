import type { Role } from '../../src/modules/access/roles.ts';
import type { RouteKey } from './routes.ts';

/**
 * The authorization policy of every API route, written down once so that a reviewer reads who may do what, and
 * so that a route added without a line here fails the matrix test (test/authz/matrix.db.test.ts).
 *
 * Role sets are spelled out, not derived from src/modules/access/roles.ts: changing a role's rights must change
 * this file too, in the same review.
 */

/** Every role, in the order of roles.ts. */
export const allRoles = [
  'investigating_officer',
  'constable',
  'station_house_officer',
  'district_supervisor',
  'state_analyst',
  'national_analyst',
  'cwc_member',
  'dcpu_officer',
  'ngo_caseworker',
  'prosecutor',
  'oversight_auditor',
  'agency_admin',
  'system_admin',
] as const satisfies readonly Role[];

/** Ask for disclosures (`disclosure:request`); all of them read cases too. */
const disclosureRequesters = [
  'investigating_officer',
  'station_house_officer',
  'district_supervisor',
  'state_analyst',
  'national_analyst',
  'cwc_member',
  'dcpu_officer',
  'ngo_caseworker',
  'prosecutor',
  'system_admin',
] as const satisfies readonly Role[];
/** Read cases, persons and identifiers (`case:read`): the constable its own cases, and asks no one for others'. */
const caseReaders = [...disclosureRequesters, 'constable'] as const satisfies readonly Role[];

/** Register and change cases, persons, identifiers, consents, referrals (`case:write`). */
const caseWriters = [
  'investigating_officer',
  'constable',
  'station_house_officer',
  'district_supervisor',
  'system_admin',
] as const satisfies readonly Role[];

/** Put an officer on a case (`case:assign`) and transfer a case to another agency (`case:transfer`). */
const commanders = [
  'station_house_officer',
  'district_supervisor',
  'system_admin',
] as const satisfies readonly Role[];

/**
 * Roles whose field allow-list (src/modules/access/fields.ts) leaves out an accused's phones and the case's own
 * identifiers: they read the fixture's cases, but its identifiers are not found, not listed, and match as hits.
 */
export const withoutSuspectIdentifiers = [
  'cwc_member',
  'dcpu_officer',
  'ngo_caseworker',
] as const satisfies readonly Role[];

/** Refer a case without the children's consent, giving a reason (`consent:override`). */
const consentOverriders = [
  'station_house_officer',
  'district_supervisor',
  'system_admin',
] as const satisfies readonly Role[];

/** Decide disclosure requests for their agency's records (`disclosure:decide`). */
const disclosureDeciders = [
  'investigating_officer',
  'station_house_officer',
  'district_supervisor',
  'agency_admin',
  'system_admin',
] as const satisfies readonly Role[];

/** Reveal a victim's identity (`victim:reveal`), from a browser session with a fresh second factor. */
const revealers = [
  'investigating_officer',
  'station_house_officer',
  'district_supervisor',
  'cwc_member',
  'dcpu_officer',
  'prosecutor',
  'system_admin',
] as const satisfies readonly Role[];

/** Agencies, users, sharing groups (`agency:write`, `user:manage`, `group:manage`). */
const administrators = ['agency_admin', 'system_admin'] as const satisfies readonly Role[];

/** Read the history-sheet register (`register:read`): police and analysts (domain file (e), implication 3). */
const registerReaders = [
  'investigating_officer',
  'station_house_officer',
  'district_supervisor',
  'state_analyst',
  'national_analyst',
  'system_admin',
] as const satisfies readonly Role[];
/** Decide person-match candidates in the review queue (`match:review`). */
const matchReviewers = [
  'investigating_officer',
  'station_house_officer',
  'district_supervisor',
  'system_admin',
] as const satisfies readonly Role[];
/** Open, review and close history sheets (`register:write`): officers of rank. */
const registerWriters = [
  'station_house_officer',
  'district_supervisor',
  'system_admin',
] as const satisfies readonly Role[];

/**
 * Read tips (`tip:read`): police and analysts in their scope, the constable the tips it entered. Child-welfare,
 * NGO and court roles, administrators and auditors read none. Recording one is `case:write` (caseWriters).
 */
const tipReaders = [
  'investigating_officer',
  'constable',
  'station_house_officer',
  'district_supervisor',
  'state_analyst',
  'national_analyst',
  'system_admin',
] as const satisfies readonly Role[];

/** The oversight view (`audit:read`). */
const auditors = ['oversight_auditor', 'system_admin'] as const satisfies readonly Role[];

/**
 * Roles whose scope is their agency and every agency below it (roles.ts `scope: 'subtree'`): they read and change
 * the records of the agencies below theirs as their own.
 */
export const subtreeScope = [
  'district_supervisor',
  'state_analyst',
  'national_analyst',
  'oversight_auditor',
  'system_admin',
] as const satisfies readonly Role[];

/** Roles whose scope is their own cases (roles.ts `scope: 'self'`): created by them or assigned to them. */
export const selfScope = ['constable'] as const satisfies readonly Role[];

/**
 * Roles that read other agencies' records whose distribution level reaches their agency: police and analysts.
 * Child-welfare, NGO and court roles receive a case only by referral or disclosure.
 */
export const sharedReaders = [
  'investigating_officer',
  'station_house_officer',
  'district_supervisor',
  'state_analyst',
  'national_analyst',
  'system_admin',
] as const satisfies readonly Role[];

/**
 * The records a route is called on. Every caller sits in agency A, a police station; the fixture (fixtures.ts)
 * builds one case — with a victim, an accused and the accused's phone — for each of these:
 *
 * | target | owner | distribution | reaches A? |
 * |---|---|---|---|
 * | own | A (entered by A's investigating officer) | agency | (own; not a constable's) |
 * | assigned | A, assigned to A's constable | agency | (own, and the constable's) |
 * | below | A1, an outpost under A | agency | in the scope of supervisory roles only |
 * | other_agency | B, same district | agency | no |
 * | district | B, same district | district | yes |
 * | state | C, other district, same state | state | yes |
 * | national | E, other state | national | yes |
 * | group | E | group G, of which A is a member | yes |
 * | district_elsewhere | C | district | no (another district) |
 * | state_elsewhere | E | state | no (another state) |
 * | group_not_member | C | group H, without A | no |
 */
export const distributedTargets = [
  'own',
  'assigned',
  'below',
  'other_agency',
  'district',
  'state',
  'national',
  'group',
  'district_elsewhere',
  'state_elsewhere',
  'group_not_member',
] as const;
export type DistributedTarget = (typeof distributedTargets)[number];
/** The targets whose distribution reaches the caller's agency. */
export const reachingTargets: readonly DistributedTarget[] = ['district', 'state', 'national', 'group'];

/** Records that belong to an agency but carry no distribution level (agencies, users, disclosure requests). */
export const agencyTargets = ['own', 'below', 'other_agency'] as const;
/** The caller's own session, its own agency's notifications and requests — or someone else's. */
export const personalTargets = ['own', 'other_agency'] as const;
/**
 * History sheets: A's, A1's (below A), B's (same state) and E's (another state). A state's register is read by
 * police of that state; changed only in the opening agency's scope.
 */
export const sheetTargets = ['own', 'below', 'other_agency', 'state_elsewhere'] as const;
/**
 * Tips (no distribution level): one A's investigating officer recorded (`own`), one A's constable recorded
 * (`assigned`: the constable's own, read by everyone of A too), A1's (`below`) and B's (`other_agency`).
 */
export const tipTargets = ['own', 'assigned', 'below', 'other_agency'] as const;
/** Sharing groups: one A owns, one A is a member of, one A is not in. */
export const groupTargets = ['own', 'member', 'not_member'] as const;

/**
 * One disclosure request, seen from agency A: a request to A's case (`own`) or to A1's (`below`), from B (A's
 * inbox); E's request to B's case (`other_agency`: neither side is A); A's own request to B's case (`sent`).
 */
export const disclosureTargets = ['own', 'below', 'other_agency', 'sent'] as const;

export type Target = DistributedTarget | (typeof groupTargets)[number] | (typeof disclosureTargets)[number];

/** What a route is called on, and how it treats records the caller's agency does not own. */
export type RecordRule =
  /** No record of an agency (lists, creation, one's own session, reference data): only the role matters. */
  | { on: 'none' }
  /**
   * Reads an agency's record: the owner's own scope reads it; a shared reader also reads it when its distribution
   * reaches the caller's agency; everything else is 404, exactly like a missing record.
   */
  | { on: 'case' | 'person' | 'victim' | 'identifier'; access: 'read' }
  /**
   * Changes (or is for the owner only): only records in the caller's scope — its agency, and for supervisory
   * roles the agencies below it; every other one is 404.
   */
  | { on: 'case' | 'person' | 'victim' | 'identifier'; access: 'owner' }
  /**
   * Asking to see a record: a record the caller already reads is 409 (`conflict`); one it may not read is
   * accepted — that is the point of a disclosure request.
   */
  | { on: 'case'; access: 'request' }
  /** Belongs to an agency, no distribution: in the caller's scope → allowed, otherwise 404. */
  | { on: 'agency' | 'user' | 'inbox' | 'warning'; access: 'owner' }
  /**
   * The caller's own (session), or its own agency's exactly (notifications, requests it sent, grid alerts
   * addressed to it); otherwise 404.
   */
  | { on: 'session' | 'notification' | 'outbox' | 'watch' | 'alert'; access: 'mine' }
  /** The agency directory is reference data: every agency reads for everyone allowed. */
  | { on: 'agency'; access: 'any' }
  /** Sharing groups: visible to members only (404 otherwise); `owner` changes are the owning agency's (403). */
  | { on: 'group'; access: 'member' | 'owner' }
  /**
   * A disclosure request or referral: the owning side (deciders, the owner in their scope) and the requesting
   * side (requesters, their own agency) read it; everyone else gets 404.
   */
  | { on: 'disclosure'; access: 'party' }
  /** History sheets: `read` by police of the opening agency's state; `owner` changes in the caller's scope. */
  | { on: 'sheet'; access: 'read' | 'owner' }
  /** Tips: read in the caller's scope only (a `self` role: the tips it entered); everything else is 404. */
  | { on: 'tip'; access: 'read' };

/**
 * How the route treats sessions:
 * - `token` (default): an API token is as good as a browser session that passed its second factor;
 * - `fresh-mfa`: needs a browser session that proved its second factor in the last 15 minutes — an API token,
 *   even of an allowed role, gets 403 `mfa_required`;
 * - `browser`: setting up and proving a second factor: browser sessions only, API tokens get 403 `forbidden`;
 * - `pending-ok`: answers a browser session that still owes its second factor (me, sign-out).
 */
export type SessionRule = 'token' | 'fresh-mfa' | 'browser' | 'pending-ok';

export interface Policy {
  route: RouteKey;
  /** A second probe of the same route (a different body or query); its own request in requests.ts. */
  variant?: string;
  /** Roles that may call it; every other role gets 403 `forbidden` whatever the record. */
  roles: readonly Role[];
  records: RecordRule;
  /** The status of success. */
  ok: 200 | 201 | 204;
  session?: SessionRule;
  /** Only these targets are probed (when the others are covered by the route's main entry). */
  only?: readonly Target[];
  /**
   * For lists: which records the list shows must follow the read rule — present when the caller may read the
   * target, absent otherwise (the request filters the list to the target).
   */
  list?: 'items' | 'links-and-hits' | 'persons';
  /**
   * Roles that read the target's case but whose field allow-list leaves this record out: for them it is 404 and
   * unlisted in a list, like a record they may not read — and in links and hits neither a link nor a hit.
   */
  hiddenFrom?: readonly Role[];
}

const none = { on: 'none' } as const;

export const policies: readonly Policy[] = [
  // Reference data and the directory: every signed-in user.
  { route: 'GET /api/v1/reference/offences', roles: allRoles, records: none, ok: 200 },
  { route: 'GET /api/v1/reference/roles', roles: allRoles, records: none, ok: 200 },
  { route: 'GET /api/v1/reference/states', roles: allRoles, records: none, ok: 200 },
  { route: 'GET /api/v1/reference/districts', roles: allRoles, records: none, ok: 200 },
  { route: 'GET /api/v1/agencies', roles: allRoles, records: none, ok: 200 },
  { route: 'GET /api/v1/agencies/:id', roles: allRoles, records: { on: 'agency', access: 'any' }, ok: 200 },
  { route: 'POST /api/v1/agencies', roles: administrators, records: none, ok: 201 },
  {
    route: 'PATCH /api/v1/agencies/:id',
    roles: administrators,
    records: { on: 'agency', access: 'owner' },
    ok: 200,
  },

  // One's own session.
  { route: 'GET /api/v1/auth/me', roles: allRoles, records: none, ok: 200, session: 'pending-ok' },
  { route: 'POST /api/v1/auth/sign-out', roles: allRoles, records: none, ok: 204, session: 'pending-ok' },
  { route: 'POST /api/v1/auth/password', roles: allRoles, records: none, ok: 200 },
  { route: 'GET /api/v1/auth/sessions', roles: allRoles, records: none, ok: 200 },
  {
    route: 'DELETE /api/v1/auth/sessions/:id',
    roles: allRoles,
    records: { on: 'session', access: 'mine' },
    ok: 204,
  },
  { route: 'POST /api/v1/auth/tokens', roles: allRoles, records: none, ok: 201, session: 'fresh-mfa' },
  { route: 'POST /api/v1/auth/mfa/setup', roles: allRoles, records: none, ok: 200, session: 'browser' },
  { route: 'POST /api/v1/auth/mfa/confirm', roles: allRoles, records: none, ok: 200, session: 'browser' },
  { route: 'POST /api/v1/auth/mfa/verify', roles: allRoles, records: none, ok: 200, session: 'browser' },
  {
    route: 'POST /api/v1/auth/mfa/recovery-codes',
    roles: allRoles,
    records: none,
    ok: 200,
    session: 'fresh-mfa',
  },

  // Cases, persons, identifiers.
  {
    route: 'GET /api/v1/cases',
    roles: caseReaders,
    records: { on: 'case', access: 'read' },
    ok: 200,
    list: 'items',
  },
  { route: 'POST /api/v1/cases', roles: caseWriters, records: none, ok: 201 },
  { route: 'GET /api/v1/cases/:id', roles: caseReaders, records: { on: 'case', access: 'read' }, ok: 200 },
  { route: 'PATCH /api/v1/cases/:id', roles: caseWriters, records: { on: 'case', access: 'owner' }, ok: 200 },
  {
    route: 'PATCH /api/v1/cases/:id',
    variant: 'assign the investigating officer',
    roles: commanders,
    records: { on: 'case', access: 'owner' },
    ok: 200,
  },
  // A zero FIR goes to the station with jurisdiction: a copy there, the sender's case kept read-only.
  {
    route: 'POST /api/v1/cases/:id/transfers',
    roles: commanders,
    records: { on: 'case', access: 'owner' },
    ok: 201,
  },
  {
    route: 'POST /api/v1/cases/:id/transfers',
    variant: 'a victim without consent, overridden with a reason',
    roles: commanders,
    records: { on: 'case', access: 'owner' },
    ok: 201,
    only: ['own'],
  },
  {
    route: 'GET /api/v1/persons',
    roles: caseReaders,
    records: { on: 'person', access: 'read' },
    ok: 200,
    list: 'items',
  },
  {
    route: 'POST /api/v1/cases/:id/persons',
    roles: caseWriters,
    records: { on: 'case', access: 'owner' },
    ok: 201,
  },
  {
    route: 'GET /api/v1/persons/:id',
    roles: caseReaders,
    records: { on: 'person', access: 'read' },
    ok: 200,
  },
  {
    route: 'PATCH /api/v1/persons/:id',
    roles: caseWriters,
    records: { on: 'person', access: 'owner' },
    ok: 200,
  },
  {
    route: 'GET /api/v1/identifiers',
    roles: caseReaders,
    records: { on: 'identifier', access: 'read' },
    ok: 200,
    list: 'items',
    hiddenFrom: withoutSuspectIdentifiers,
  },
  {
    route: 'POST /api/v1/cases/:id/identifiers',
    roles: caseWriters,
    records: { on: 'case', access: 'owner' },
    ok: 201,
  },
  {
    route: 'GET /api/v1/identifiers/:id',
    roles: caseReaders,
    records: { on: 'identifier', access: 'read' },
    ok: 200,
    hiddenFrom: withoutSuspectIdentifiers,
  },
  {
    route: 'PATCH /api/v1/identifiers/:id',
    roles: caseWriters,
    records: { on: 'identifier', access: 'owner' },
    ok: 200,
  },

  // Victims: reveal (browser session with a fresh second factor), and the owner's log of reveals.
  {
    route: 'POST /api/v1/persons/:id/reveal',
    roles: revealers,
    records: { on: 'victim', access: 'read' },
    ok: 200,
    session: 'fresh-mfa',
  },
  {
    route: 'GET /api/v1/persons/:id/reveals',
    roles: caseReaders,
    records: { on: 'victim', access: 'owner' },
    ok: 200,
  },

  // Hits, not leaks: matches show records the caller reads as links and the others as hits.
  {
    route: 'GET /api/v1/grid/identifier',
    roles: caseReaders,
    records: { on: 'case', access: 'read' },
    ok: 200,
    list: 'links-and-hits',
    // The phone is the accused's: a caseworker's own case does not match it at all.
    hiddenFrom: withoutSuspectIdentifiers,
  },
  // Reading identifiers out of free text: no record is read or written, so only the role matters.
  { route: 'POST /api/v1/grid/extract', roles: caseReaders, records: none, ok: 200 },
  // The grid's thresholds and warning list: read by everyone; national entries and thresholds are the system
  // administrators', an agency's entries its administrators' (an entry of another agency is not found).
  { route: 'GET /api/v1/grid/settings', roles: allRoles, records: none, ok: 200 },
  { route: 'PATCH /api/v1/grid/settings', roles: ['system_admin'], records: none, ok: 200 },
  { route: 'GET /api/v1/grid/warning-list', roles: allRoles, records: none, ok: 200 },
  { route: 'POST /api/v1/grid/warning-list', roles: administrators, records: none, ok: 201 },
  {
    route: 'DELETE /api/v1/grid/warning-list/:id',
    roles: administrators,
    records: { on: 'warning', access: 'owner' },
    ok: 204,
  },
  // Watchlists: police and analysts watch identifiers; a watch is its user's own (anyone else's is not found).
  { route: 'GET /api/v1/grid/watches', roles: sharedReaders, records: none, ok: 200 },
  { route: 'POST /api/v1/grid/watches', roles: sharedReaders, records: none, ok: 201 },
  {
    route: 'DELETE /api/v1/grid/watches/:id',
    roles: sharedReaders,
    records: { on: 'watch', access: 'mine' },
    ok: 204,
  },
  // Deconfliction, re-trafficking and watch alerts: the agency's and the caller's own, for case readers.
  { route: 'GET /api/v1/grid/alerts', roles: caseReaders, records: none, ok: 200 },
  // Marking alerts read: those addressed to the caller's agency (or its watches); another agency's is not found.
  { route: 'POST /api/v1/grid/alerts/read-all', roles: caseReaders, records: none, ok: 200 },
  {
    route: 'POST /api/v1/grid/alerts/:id/read',
    roles: caseReaders,
    records: { on: 'alert', access: 'mine' },
    ok: 204,
  },
  {
    route: 'GET /api/v1/cases/:id/matches',
    roles: caseReaders,
    records: { on: 'case', access: 'read' },
    ok: 200,
  },

  // Disclosure requests.
  {
    route: 'POST /api/v1/disclosures',
    roles: disclosureRequesters,
    records: { on: 'case', access: 'request' },
    ok: 201,
  },
  { route: 'GET /api/v1/disclosures', roles: disclosureDeciders, records: none, ok: 200 },
  {
    route: 'GET /api/v1/disclosures/:id',
    roles: [...disclosureRequesters, 'agency_admin'],
    records: { on: 'disclosure', access: 'party' },
    ok: 200,
  },
  {
    route: 'GET /api/v1/disclosures',
    variant: 'outbox',
    roles: disclosureRequesters,
    records: none,
    ok: 200,
  },
  {
    route: 'POST /api/v1/disclosures/:id/decision',
    roles: disclosureDeciders,
    records: { on: 'inbox', access: 'owner' },
    ok: 200,
  },
  {
    route: 'POST /api/v1/disclosures/:id/withdraw',
    roles: disclosureRequesters,
    records: { on: 'outbox', access: 'mine' },
    ok: 200,
  },

  // Referrals and consent.
  {
    route: 'POST /api/v1/cases/:id/referrals',
    roles: caseWriters,
    records: { on: 'case', access: 'owner' },
    ok: 201,
  },
  {
    route: 'POST /api/v1/cases/:id/referrals',
    variant: 'without consent, overridden with a reason',
    roles: consentOverriders,
    records: { on: 'case', access: 'owner' },
    ok: 201,
    // On other agencies' cases the case is not found before consent is looked at: the main entry covers them.
    only: ['own'],
  },
  {
    route: 'POST /api/v1/persons/:id/consents',
    roles: caseWriters,
    records: { on: 'victim', access: 'owner' },
    ok: 201,
  },
  {
    route: 'GET /api/v1/persons/:id/consents',
    roles: caseReaders,
    records: { on: 'victim', access: 'owner' },
    ok: 200,
  },

  // Notifications: the agency's, for everyone in it.
  { route: 'GET /api/v1/notifications', roles: allRoles, records: none, ok: 200 },
  { route: 'POST /api/v1/notifications/read-all', roles: allRoles, records: none, ok: 200 },
  {
    route: 'POST /api/v1/notifications/:id/read',
    roles: allRoles,
    records: { on: 'notification', access: 'mine' },
    ok: 204,
  },

  // Sharing groups: seen by members only; created and changed by the owning agency's administrators.
  { route: 'GET /api/v1/sharing-groups', roles: allRoles, records: none, ok: 200 },
  { route: 'POST /api/v1/sharing-groups', roles: administrators, records: none, ok: 201 },
  {
    route: 'GET /api/v1/sharing-groups/:id',
    roles: allRoles,
    records: { on: 'group', access: 'member' },
    ok: 200,
  },
  {
    route: 'POST /api/v1/sharing-groups/:id/members',
    roles: administrators,
    records: { on: 'group', access: 'owner' },
    ok: 200,
  },
  {
    route: 'DELETE /api/v1/sharing-groups/:id/members/:agency_id',
    roles: administrators,
    records: { on: 'group', access: 'owner' },
    ok: 200,
  },

  // User administration.
  // Oversight auditors list, search and read users of their scope (to pick whose activity to look at), read-only.
  { route: 'GET /api/v1/users', roles: [...administrators, 'oversight_auditor'], records: none, ok: 200 },
  {
    route: 'GET /api/v1/users',
    variant: 'search, locked and disabled filters',
    roles: [...administrators, 'oversight_auditor'],
    records: none,
    ok: 200,
  },
  { route: 'POST /api/v1/users', roles: administrators, records: none, ok: 201 },
  {
    route: 'GET /api/v1/users/:id',
    roles: [...administrators, 'oversight_auditor'],
    records: { on: 'user', access: 'owner' },
    ok: 200,
  },
  {
    route: 'PATCH /api/v1/users/:id',
    roles: administrators,
    records: { on: 'user', access: 'owner' },
    ok: 200,
  },
  {
    route: 'POST /api/v1/users/:id/unlock',
    roles: administrators,
    records: { on: 'user', access: 'owner' },
    ok: 200,
  },
  {
    route: 'POST /api/v1/users/:id/reset-mfa',
    roles: administrators,
    records: { on: 'user', access: 'owner' },
    ok: 200,
  },

  // Screening a person against every agency: links for what the caller reads, hits for the rest.
  {
    route: 'POST /api/v1/grid/screen',
    roles: caseReaders,
    records: { on: 'case', access: 'read' },
    ok: 200,
    list: 'persons',
  },

  // The review queue (both records readable) and canonical profiles (found through a readable record).
  { route: 'GET /api/v1/grid/reviews', roles: matchReviewers, records: none, ok: 200 },
  {
    route: 'POST /api/v1/grid/reviews/:id/decision',
    roles: matchReviewers,
    records: { on: 'case', access: 'read' },
    ok: 200,
  },
  {
    route: 'GET /api/v1/profiles/:id',
    roles: caseReaders,
    records: { on: 'person', access: 'read' },
    ok: 200,
  },
  {
    route: 'GET /api/v1/profiles/:id/events',
    roles: caseReaders,
    records: { on: 'person', access: 'read' },
    ok: 200,
  },
  // Taking a record out of a profile: those who decide review pairs, on a record they read.
  {
    route: 'POST /api/v1/profiles/:id/members/:person_id/unlink',
    roles: matchReviewers,
    records: { on: 'person', access: 'read' },
    ok: 200,
  },

  // The history-sheet register (police only; every access audited).
  { route: 'GET /api/v1/history-sheet-rules', roles: registerReaders, records: none, ok: 200 },
  { route: 'PATCH /api/v1/history-sheet-rules/:id', roles: ['system_admin'], records: none, ok: 200 },
  { route: 'GET /api/v1/history-sheets', roles: registerReaders, records: none, ok: 200 },
  {
    route: 'POST /api/v1/history-sheets',
    roles: registerWriters,
    records: { on: 'person', access: 'read' },
    ok: 201,
  },
  {
    route: 'GET /api/v1/history-sheets/:id',
    roles: registerReaders,
    records: { on: 'sheet', access: 'read' },
    ok: 200,
  },
  {
    route: 'POST /api/v1/history-sheets/:id/reviews',
    roles: registerWriters,
    records: { on: 'sheet', access: 'owner' },
    ok: 200,
  },
  {
    route: 'POST /api/v1/history-sheets/:id/closure',
    roles: registerWriters,
    records: { on: 'sheet', access: 'owner' },
    ok: 200,
  },

  // Tips: recorded by police officers; read in the reader's scope (the list shows no text; a read is audited).
  { route: 'POST /api/v1/tips', roles: caseWriters, records: none, ok: 201 },
  {
    route: 'GET /api/v1/tips',
    roles: tipReaders,
    records: { on: 'tip', access: 'read' },
    ok: 200,
    list: 'items',
  },
  { route: 'GET /api/v1/tips/:id', roles: tipReaders, records: { on: 'tip', access: 'read' }, ok: 200 },

  // Oversight.
  { route: 'GET /api/v1/audit/events', roles: auditors, records: none, ok: 200 },
  { route: 'GET /api/v1/audit/records/:kind/:id', roles: auditors, records: none, ok: 200 },
  {
    route: 'GET /api/v1/audit/users/:id',
    roles: auditors,
    records: { on: 'user', access: 'owner' },
    ok: 200,
  },
];

export const policyName = (p: Pick<Policy, 'route' | 'variant'>) =>
  p.variant ? `${p.route} (${p.variant})` : p.route;

/** The targets a route is probed on. */
export function targetsOf(p: Policy): readonly Target[] {
  const r = p.records;
  const all: readonly Target[] =
    r.on === 'none'
      ? ['own']
      : r.on === 'group'
        ? groupTargets
        : r.on === 'disclosure'
          ? disclosureTargets
          : r.on === 'sheet'
            ? sheetTargets
            : r.on === 'tip'
              ? tipTargets
              : r.on === 'case' || r.on === 'person' || r.on === 'victim' || r.on === 'identifier'
                ? distributedTargets
                : r.on === 'session' ||
                    r.on === 'notification' ||
                    r.on === 'outbox' ||
                    r.on === 'watch' ||
                    r.on === 'alert'
                  ? personalTargets
                  : agencyTargets;
  return p.only ? all.filter((t) => p.only!.includes(t)) : all;
}

const includes = (set: readonly Role[], role: Role) => set.includes(role);

/**
 * Whether `target` is in the scope of `role` in agency A: A's own (for a `self` role only the case assigned to
 * it), or below A for supervisory roles.
 */
export function inScope(role: Role, target: Target): boolean {
  if (target === 'assigned') return true;
  if (target === 'own') return !includes(selfScope, role);
  return target === 'below' && includes(subtreeScope, role);
}

/** Whether `role`, in agency A, reads the case (person, identifier) of `target`. */
export function reads(role: Role, target: Target): boolean {
  if (inScope(role, target)) return true;
  return (
    includes(sharedReaders, role) &&
    (reachingTargets as readonly string[]).includes(target as DistributedTarget)
  );
}

export interface Expected {
  status: number;
  /** The error code, for 4xx answers. */
  code?: string;
  /**
   * The caller reads the record's case but its field allow-list leaves the record out (`hiddenFrom`): 404, and in
   * links and hits neither (a hit on a case the caller reads would say the hidden value is in it).
   */
  hidden?: boolean;
}

/**
 * What `role` (in agency A, with an API token — or, for `fresh-mfa` routes, `session: 'browser'`: a browser
 * session that proved its second factor just now) must get from the route on `target`.
 */
export function expected(
  p: Policy,
  role: Role,
  target: Target,
  via: 'token' | 'browser' = 'token',
): Expected {
  const forbidden = { status: 403, code: 'forbidden' };
  const notFound = { status: 404, code: 'not_found' };
  const ok = { status: p.ok };
  if (p.session === 'browser' && via === 'token') return forbidden;
  if (!includes(p.roles, role)) return forbidden;
  if (p.session === 'fresh-mfa' && via === 'token') return { status: 403, code: 'mfa_required' };
  const r = p.records;
  if (r.on === 'none') return ok;
  if (r.on === 'group') {
    if (target === 'not_member') return notFound;
    if (r.access === 'owner' && target === 'member') return forbidden;
    return ok;
  }
  if (r.on === 'sheet' && r.access === 'read') return target === 'state_elsewhere' ? notFound : ok;
  if (r.on === 'disclosure') {
    if (target === 'sent') return includes(disclosureRequesters, role) ? ok : notFound;
    return includes(disclosureDeciders, role) && inScope(role, target) ? ok : notFound;
  }
  if ('access' in r && r.access === 'any') return ok;
  if ('access' in r && r.access === 'request')
    return reads(role, target) ? { status: 409, code: 'conflict' } : ok;
  if ('access' in r && r.access === 'read') {
    if (!reads(role, target)) return notFound;
    return p.hiddenFrom?.includes(role) ? { ...notFound, hidden: true } : ok;
  }
  if ('access' in r && r.access === 'mine') return target === 'own' ? ok : notFound;
  return inScope(role, target) ? ok : notFound;
}
