/**
 * Roles and what they may do. A role's scope decides which agencies' records its holder reads:
 * `agency` — the user's own agency; `subtree` — the user's agency and every agency below it
 * (a district supervisor sees the district's stations; a national analyst sees everything).
 * Field-level allow-lists and distribution levels extend this in the access-control issue.
 */
export const actions = [
  'case:read',
  'case:write',
  'agency:read',
  'agency:write',
  'import:write',
  'export:read',
] as const;
export type Action = (typeof actions)[number];

export interface RoleDefinition {
  label: string;
  scope: 'agency' | 'subtree';
  actions: readonly Action[];
}

const read: Action[] = ['case:read', 'agency:read'];
const write: Action[] = [...read, 'case:write', 'import:write', 'export:read'];

export const roles = {
  investigating_officer: { label: 'Investigating officer', scope: 'agency', actions: write },
  station_house_officer: { label: 'Station house officer', scope: 'agency', actions: write },
  district_supervisor: { label: 'District supervisor / AHTU', scope: 'subtree', actions: write },
  state_analyst: { label: 'State analyst (CID)', scope: 'subtree', actions: [...read, 'export:read'] },
  national_analyst: {
    label: 'National analyst (CBI/NCRB)',
    scope: 'subtree',
    actions: [...read, 'export:read'],
  },
  cwc_member: { label: 'CWC member', scope: 'agency', actions: read },
  dcpu_officer: { label: 'DCPU officer', scope: 'agency', actions: read },
  ngo_caseworker: { label: 'Counsellor / NGO caseworker', scope: 'agency', actions: read },
  prosecutor: { label: 'Prosecutor', scope: 'agency', actions: read },
  oversight_auditor: { label: 'Oversight auditor', scope: 'subtree', actions: read },
  agency_admin: { label: 'Agency administrator', scope: 'agency', actions: [...read, 'agency:write'] },
  system_admin: { label: 'System administrator', scope: 'subtree', actions: [...write, 'agency:write'] },
} as const satisfies Record<string, RoleDefinition>;

export type Role = keyof typeof roles;
export const roleNames = Object.keys(roles) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(roles, value);
}
