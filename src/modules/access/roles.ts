import {
  careFile,
  caseFile,
  childProtectionFile,
  type FieldAccess,
  noCaseContent,
  policeFile,
} from './fields.ts';

/**
 * Roles: what each may see (its scope and its fields) and do (its actions).
 *
 * Scope decides whose records a holder reads in full:
 * - `self`: the cases the user created or is assigned to (as investigating officer), in the user's agency;
 * - `agency`: the user's own agency;
 * - `subtree`: the user's agency and every agency below it (a district supervisor sees the district's stations;
 *   a state analyst the state; a national analyst everything).
 * Records of other agencies are read when their distribution level reaches the user's agency (see policy.ts);
 * otherwise a match shows only as a hit.
 *
 * `fields` is the role's field allow-list (fields.ts): what of a case, and of which persons in it, the presenters
 * return to it — for its own agency's records as for shared ones.
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
  /** Put an investigating officer on a case (`assigned_to`). */
  'case:assign',
  /** Transfer a case to the agency with jurisdiction (a zero FIR, BNSS s.173(1)). */
  'case:transfer',
  /** The history-sheet register (police only: domain file (e), platform implication 3). */
  'register:read',
  'register:write',
  /** Decide person-match candidates in the review queue (builds canonical profiles). */
  'match:review',
  /**
   * Read tips (docs/tips.md): police and analysts, in their scope; a `self` role the tips it entered. Recording
   * one is `case:write`. Child-welfare, NGO and court roles receive cases by referral, never raw intelligence.
   */
  'tip:read',
] as const;
export type Action = (typeof actions)[number];

export interface RoleDefinition {
  label: string;
  scope: 'self' | 'agency' | 'subtree';
  actions: readonly Action[];
  /** The fields of cases and persons the role reads (fields.ts). */
  fields: FieldAccess;
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
  'tip:read',
];
/** Opening and closing history sheets needs an officer of rank (the rule's minimum rank is checked too). */
const supervise: Action[] = [...investigate, 'consent:override', 'register:write'];
/** Commanding a station or a unit: who investigates a case, and sending a case to the station with jurisdiction. */
const command: Action[] = [...supervise, 'case:assign', 'case:transfer'];

export const roles = {
  investigating_officer: {
    label: 'Investigating officer',
    scope: 'agency',
    actions: investigate,
    mfa: true,
    sharedRecords: true,
    fields: policeFile,
  },
  /**
   * The station's writer or a constable doing data entry (the CCTNS operator): enters FIRs and the persons in
   * them, and afterwards reads only the cases they entered or that the station house officer put them on —
   * not the rest of the station's files, not other agencies' shared records, not informants; never reveals a
   * victim. Investigating officers keep the station-wide scope: a station works its cases together and the
   * officer on a case changes.
   */
  constable: {
    label: 'Constable / station writer',
    scope: 'self',
    actions: ['case:read', 'case:write', 'agency:read', 'tip:read'],
    mfa: false,
    sharedRecords: false,
    fields: caseFile,
  },
  station_house_officer: {
    label: 'Station house officer',
    scope: 'agency',
    actions: command,
    mfa: true,
    sharedRecords: true,
    fields: policeFile,
  },
  district_supervisor: {
    label: 'District supervisor / AHTU',
    scope: 'subtree',
    actions: command,
    mfa: true,
    sharedRecords: true,
    fields: policeFile,
  },
  state_analyst: {
    label: 'State analyst (CID)',
    scope: 'subtree',
    actions: [...read, 'export:read', 'register:read', 'tip:read'],
    mfa: false,
    sharedRecords: true,
    fields: caseFile,
  },
  national_analyst: {
    label: 'National analyst (CBI/NCRB)',
    scope: 'subtree',
    actions: [...read, 'export:read', 'register:read', 'tip:read'],
    mfa: false,
    sharedRecords: true,
    fields: caseFile,
  },
  cwc_member: {
    label: 'CWC member',
    scope: 'agency',
    actions: [...read, 'victim:reveal'],
    mfa: true,
    sharedRecords: false,
    fields: childProtectionFile,
  },
  dcpu_officer: {
    label: 'DCPU officer',
    scope: 'agency',
    actions: [...read, 'victim:reveal'],
    mfa: true,
    sharedRecords: false,
    fields: childProtectionFile,
  },
  ngo_caseworker: {
    label: 'Counsellor / NGO caseworker',
    scope: 'agency',
    actions: read,
    mfa: false,
    sharedRecords: false,
    fields: careFile,
  },
  prosecutor: {
    label: 'Prosecutor',
    scope: 'agency',
    actions: [...read, 'victim:reveal'],
    mfa: true,
    sharedRecords: false,
    fields: caseFile,
  },
  oversight_auditor: {
    label: 'Oversight auditor',
    scope: 'subtree',
    actions: ['agency:read', 'audit:read'],
    mfa: true,
    sharedRecords: false,
    fields: noCaseContent,
  },
  agency_admin: {
    label: 'Agency administrator',
    scope: 'agency',
    actions: ['agency:read', 'agency:write', 'user:manage', 'group:manage', 'disclosure:decide'],
    mfa: true,
    sharedRecords: false,
    fields: noCaseContent,
  },
  system_admin: {
    label: 'System administrator',
    scope: 'subtree',
    actions: [...command, 'agency:write', 'user:manage', 'group:manage', 'audit:read'],
    mfa: true,
    sharedRecords: true,
    fields: policeFile,
  },
} as const satisfies Record<string, RoleDefinition>;

export type Role = keyof typeof roles;
export const roleNames = Object.keys(roles) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(roles, value);
}
