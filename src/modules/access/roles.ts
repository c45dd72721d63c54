/**
 * Roles: what each may see (its scope) and do (its actions).
 *
 * Scope decides whose records a holder reads in full:
 * - `agency`: the user's own agency;
 * - `subtree`: the user's agency and every agency below it (a district supervisor sees the district's stations;
 *   a state analyst the state; a national analyst everything).
 * Records of other agencies are read when their distribution level reaches the user's agency (see policy.ts);
 * otherwise a match shows only as a hit.
 *
 * `mfa` roles must use a second factor (TOTP): they can reveal victims' identities or administer.
 */
export const actions = [
  'case:read',
  'case:write',
  'agency:read',
  'agency:write',
  'import:write',
  'export:read',
  'victim:reveal',
  'disclosure:request',
  'disclosure:decide',
  'consent:override',
  'group:manage',
  'user:manage',
  'audit:read',
  /** The history-sheet register (police only: domain file (e), platform implication 3). */
  'register:read',
  'register:write',
  /** Decide person-match candidates in the review queue (builds canonical profiles). */
  'match:review',
] as const;
export type Action = (typeof actions)[number];

export interface RoleDefinition {
  label: string;
  scope: 'agency' | 'subtree';
  actions: readonly Action[];
  /** A second factor is mandatory for this role. */
  mfa: boolean;
  /**
   * Reads other agencies' records whose distribution level reaches its agency. Child-welfare and court roles do
   * not: they receive a case by referral, with the fields the owner chose (never more of the police file).
   */
  sharedRecords: boolean;
}

const read: Action[] = ['case:read', 'agency:read', 'disclosure:request'];
const investigate: Action[] = [
  ...read,
  'case:write',
  'import:write',
  'export:read',
  'victim:reveal',
  'disclosure:decide',
  'register:read',
  'match:review',
];
/** Opening and closing history sheets needs an officer of rank (the rule's minimum rank is checked too). */
const supervise: Action[] = [...investigate, 'consent:override', 'register:write'];

export const roles = {
  investigating_officer: {
    label: 'Investigating officer',
    scope: 'agency',
    actions: investigate,
    mfa: true,
    sharedRecords: true,
  },
  station_house_officer: {
    label: 'Station house officer',
    scope: 'agency',
    actions: supervise,
    mfa: true,
    sharedRecords: true,
  },
  district_supervisor: {
    label: 'District supervisor / AHTU',
    scope: 'subtree',
    actions: supervise,
    mfa: true,
    sharedRecords: true,
  },
  state_analyst: {
    label: 'State analyst (CID)',
    scope: 'subtree',
    actions: [...read, 'export:read', 'register:read'],
    mfa: false,
    sharedRecords: true,
  },
  national_analyst: {
    label: 'National analyst (CBI/NCRB)',
    scope: 'subtree',
    actions: [...read, 'export:read', 'register:read'],
    mfa: false,
    sharedRecords: true,
  },
  cwc_member: {
    label: 'CWC member',
    scope: 'agency',
    actions: [...read, 'victim:reveal'],
    mfa: true,
    sharedRecords: false,
  },
  dcpu_officer: {
    label: 'DCPU officer',
    scope: 'agency',
    actions: [...read, 'victim:reveal'],
    mfa: true,
    sharedRecords: false,
  },
  ngo_caseworker: {
    label: 'Counsellor / NGO caseworker',
    scope: 'agency',
    actions: read,
    mfa: false,
    sharedRecords: false,
  },
  prosecutor: {
    label: 'Prosecutor',
    scope: 'agency',
    actions: [...read, 'victim:reveal'],
    mfa: true,
    sharedRecords: false,
  },
  oversight_auditor: {
    label: 'Oversight auditor',
    scope: 'subtree',
    actions: ['agency:read', 'audit:read'],
    mfa: true,
    sharedRecords: false,
  },
  agency_admin: {
    label: 'Agency administrator',
    scope: 'agency',
    actions: ['agency:read', 'agency:write', 'user:manage', 'group:manage', 'disclosure:decide'],
    mfa: true,
    sharedRecords: false,
  },
  system_admin: {
    label: 'System administrator',
    scope: 'subtree',
    actions: [...supervise, 'agency:write', 'user:manage', 'group:manage', 'audit:read'],
    mfa: true,
    sharedRecords: true,
  },
} as const satisfies Record<string, RoleDefinition>;

export type Role = keyof typeof roles;
export const roleNames = Object.keys(roles) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(roles, value);
}
