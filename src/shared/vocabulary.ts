/**
 * The domain's closed vocabularies, shared by the database schema, the API schemas and the web app
 * (which imports this file directly: it has no dependencies).
 */
export const agencyKinds = [
  'national',
  'state',
  'district',
  'police_station',
  'ahtu',
  'cyber_cell',
  'cid',
  'cbi',
  'cwc',
  'dcpu',
  'ngo',
  'court',
  'prosecution',
  'oversight',
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export const distributionLevels = ['agency', 'district', 'state', 'national', 'group'] as const;
export type Distribution = (typeof distributionLevels)[number];

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
export const procedureCodes = ['CrPC', 'BNSS'] as const;
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
export const genders = ['female', 'male', 'transgender', 'unknown'] as const;
export const identifierKinds = [
  'phone',
  'email',
  'upi',
  'bank_account',
  'vehicle',
  'social_handle',
  'url',
  'domain',
  'ip',
  'pincode',
  'address',
  'aadhaar_masked',
] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

/** Where a tip came from (docs/tips.md): the Child Helpline 1098, a member of the public, a platform's report
 * (NCMEC-style, via NCRB), an informant, or anything else. */
export const tipSources = ['public', 'platform_report', 'helpline_1098', 'informant', 'other'] as const;
export type TipSource = (typeof tipSources)[number];
