import { offenceCodes } from '../../db/reference/offence-codes.ts';
import type { CaseInput, IdentifierInput, PersonInput } from '../cases/case.schemas.ts';
import type { StateAgencies, SyntheticAgency } from './agencies.ts';
import type { Community } from './data/names.ts';
import { brothelPremises, establishmentNames, highwayPremises, spaPremises } from './data/places.ts';
import {
  type District,
  foreignPlaces,
  type Geography,
  type RegionProfile,
  regionProfile,
  sourceAreas,
} from './geography.ts';
import {
  formatPhone,
  formatUpi,
  type IdentifierFactory,
  maskedAadhaar,
  SLOTS_PER_CASE,
} from './identifiers.ts';
import {
  type Address,
  birthDateForAge,
  fullYears,
  type Gender,
  type Identity,
  istIso,
  localityName,
  makeAddress,
  type NameStyle,
  newIdentity,
  randomAlias,
  randomNameStyle,
  renderName,
  renderRelation,
} from './people.ts';
import type { Rng, Weighted } from './random.ts';

/**
 * One synthetic case: the CSEC case mixes Indian police actually register (brothel and spa raids, highway
 * solicitation, online child sexual abuse material and grooming, trafficking for sex work, sale of a girl
 * through child marriage, cross-border trafficking), with the offences each is charged under, the persons
 * it names and the identifiers seized.
 */

export const scenarios = [
  'brothel_raid',
  'spa_raid',
  'highway_solicitation',
  'online_csam',
  'online_grooming',
  'trafficking',
  'child_marriage_sale',
  'cross_border',
] as const;
export type Scenario = (typeof scenarios)[number];

export const scenarioWeights: Weighted<Scenario> = [
  ['brothel_raid', 24],
  ['spa_raid', 10],
  ['highway_solicitation', 6],
  ['online_csam', 16],
  ['online_grooming', 8],
  ['trafficking', 22],
  ['child_marriage_sale', 8],
  ['cross_border', 6],
];

/** Which kind of unit registers each kind of case (online cases go to the state cyber police station). */
export const ownerKinds: Readonly<Record<Scenario, Weighted<'police_station' | 'ahtu' | 'cyber_cell'>>> = {
  brothel_raid: [
    ['police_station', 60],
    ['ahtu', 40],
  ],
  spa_raid: [
    ['police_station', 65],
    ['ahtu', 35],
  ],
  highway_solicitation: [['police_station', 1]],
  online_csam: [
    ['cyber_cell', 55],
    ['police_station', 45],
  ],
  online_grooming: [
    ['cyber_cell', 40],
    ['police_station', 60],
  ],
  trafficking: [
    ['police_station', 75],
    ['ahtu', 25],
  ],
  child_marriage_sale: [
    ['police_station', 85],
    ['ahtu', 15],
  ],
  cross_border: [
    ['ahtu', 55],
    ['police_station', 45],
  ],
};

type Role = PersonInput['role'];
type PersonBody = Omit<PersonInput, 'external_id'>;
export type AgeMode = 'birth_date' | 'age' | 'age_rounded' | 'age_plus1' | 'age_minus1' | 'none';

// ---------------------------------------------------------------------------------------------------------
// Offences

interface OffenceRule {
  /** Code under the new law (BNS) or a special act that applies on both sides of 1 July 2024. */
  code: string;
  /** IPC code used instead for cases registered before 1 July 2024. */
  ipc?: string;
  p: number;
  /** Demand-side provisions are charged only when a buyer is named. */
  buyers?: boolean;
}
const act = (code: string, p: number): OffenceRule => ({ code, p });
const law = (code: string, ipc: string, p: number, buyers = false): OffenceRule => ({ code, ipc, p, buyers });

const offenceRules: Readonly<Record<Scenario, readonly OffenceRule[]>> = {
  brothel_raid: [
    act('ITPA-3', 0.9),
    act('ITPA-4', 0.8),
    act('ITPA-5', 0.8),
    act('ITPA-6', 0.6),
    act('ITPA-7', 0.2),
    act('POCSO-6', 0.55),
    act('POCSO-17', 0.4),
    law('BNS-143', 'IPC-370', 0.85),
    law('BNS-144(1)', 'IPC-370A', 0.7, true),
    law('BNS-98', 'IPC-372', 0.3),
    law('BNS-99', 'IPC-373', 0.4, true),
  ],
  spa_raid: [
    act('ITPA-3', 0.9),
    act('ITPA-4', 0.7),
    act('ITPA-5', 0.7),
    act('ITPA-7', 0.3),
    act('POCSO-12', 0.2),
    act('POCSO-6', 0.3),
    law('BNS-143', 'IPC-370', 0.7),
    law('BNS-144(1)', 'IPC-370A', 0.6, true),
  ],
  highway_solicitation: [
    act('ITPA-7', 0.8),
    act('ITPA-8', 0.5),
    act('ITPA-5', 0.5),
    act('POCSO-6', 0.5),
    law('BNS-99', 'IPC-373', 0.6, true),
    law('BNS-144(1)', 'IPC-370A', 0.5, true),
    law('BNS-143', 'IPC-370', 0.5),
  ],
  online_csam: [
    act('IT-67B', 1),
    act('POCSO-14', 0.5),
    act('POCSO-15(1)', 0.5),
    act('POCSO-15(2)', 0.6),
    act('POCSO-15(3)', 0.2),
  ],
  online_grooming: [
    act('POCSO-12', 0.8),
    act('POCSO-14', 0.5),
    act('POCSO-15(2)', 0.4),
    act('IT-67B', 0.8),
    act('POCSO-8', 0.2),
  ],
  trafficking: [
    law('BNS-143', 'IPC-370', 1),
    law('BNS-96', 'IPC-366A', 0.6),
    law('BNS-98', 'IPC-372', 0.5),
    law('BNS-99', 'IPC-373', 0.5, true),
    act('ITPA-5', 0.5),
    act('POCSO-6', 0.5),
    act('POCSO-17', 0.3),
    act('JJ-81', 0.3),
  ],
  child_marriage_sale: [
    act('JJ-81', 1),
    law('BNS-96', 'IPC-366A', 0.5),
    law('BNS-98', 'IPC-372', 0.5),
    law('BNS-143', 'IPC-370', 0.5),
    act('POCSO-6', 0.6),
    law('BNS-65', 'IPC-376', 0.2),
  ],
  cross_border: [
    law('BNS-141', 'IPC-366B', 1),
    law('BNS-143', 'IPC-370', 0.9),
    act('ITPA-5', 0.6),
    act('ITPA-3', 0.3),
    act('POCSO-6', 0.4),
  ],
};

// Fail at import rather than emit a code the offence table does not know.
{
  const known = new Set(offenceCodes.map((o) => o.code));
  for (const rules of Object.values(offenceRules)) {
    for (const r of rules) {
      for (const code of [r.code, r.ipc]) {
        if (code && !known.has(code))
          throw new Error(`synthetic generator uses unknown offence code ${code}`);
      }
    }
  }
}

export function chooseOffences(rng: Rng, scenario: Scenario, newLaw: boolean, hasBuyers: boolean): string[] {
  const rules = offenceRules[scenario].filter((r) => !r.buyers || hasBuyers);
  const out: string[] = [];
  for (const r of rules) {
    if (rng.chance(r.p)) out.push(newLaw || !r.ipc ? r.code : r.ipc);
  }
  // Every FIR names at least one section: take the scenario's principal one if the dice left none.
  if (out.length === 0) {
    const first = rules[0] as OffenceRule;
    out.push(newLaw || !first.ipc ? first.code : first.ipc);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Case context

export interface Registration {
  /** ISO 8601 with +05:30. */
  iso: string;
  /** Calendar date in India. */
  date: string;
  ms: number;
}

/** A person the plan puts into this case (a repeat offender, a household member…), already decided. */
export interface PlantedAppearance {
  /** Ground-truth keys this appearance belongs to. */
  cluster: string | null;
  household: string | null;
  role: Role;
  identity: Identity;
  style: NameStyle;
  ageMode: AgeMode;
  aliases: string[];
  /** 'spouse' forces "w/o <husband>" (the household trap for couples). */
  relation: 'none' | 'plain' | 'respelled' | 'spouse';
  identifiers: PlantedIdentifier[];
  notes: string | null;
}

export interface PlantedIdentifier {
  kind: IdentifierInput['kind'];
  /** As written in this record. */
  value: string;
  /** Key of the shared-identifier entry in the ground truth, if this value is shared on purpose. */
  shared: string | null;
}

export interface CaseContext {
  index: number;
  rng: Rng;
  ids: IdentifierFactory;
  geo: Geography;
  owner: SyntheticAgency;
  stateAgencies: StateAgencies;
  district: District;
  profile: RegionProfile;
  registered: Registration;
  newLaw: boolean;
  scenario: Scenario;
  slot: number;
}

export function nextSerial(ctx: CaseContext): number {
  if (ctx.slot >= SLOTS_PER_CASE)
    throw new Error(`case ${ctx.index} needs more than ${SLOTS_PER_CASE} identifiers`);
  return ctx.index * SLOTS_PER_CASE + ctx.slot++;
}

export interface PersonDraft {
  body: PersonBody;
  planted: PlantedAppearance | null;
}

export interface CaseDraft {
  body: Omit<CaseInput, 'external_id' | 'persons' | 'status' | 'fir_number'>;
  persons: PersonDraft[];
  caseIdentifiers: { input: IdentifierInput; planted: PlantedIdentifier | null }[];
}

// ---------------------------------------------------------------------------------------------------------
// People in a case

function ageBirth(ctx: CaseContext, lo: number, hi: number): string {
  return birthDateForAge(ctx.rng, ctx.rng.int(lo, hi), ctx.registered.date);
}

export function localIdentity(
  ctx: CaseContext,
  gender: Gender,
  lo: number,
  hi: number,
  married = false,
): Identity {
  const { rng } = ctx;
  return newIdentity(rng, {
    community: rng.weighted(ctx.profile.communities),
    gender,
    birthDate: ageBirth(ctx, lo, hi),
    address: makeAddress(rng, ctx.district, ctx.profile.region, rng.chance(0.15)),
    married,
  });
}

/** Someone from a source area of trafficking: another state's village, or Nepal or Bangladesh. */
export function sourceIdentity(
  ctx: CaseContext,
  gender: Gender,
  lo: number,
  hi: number,
  origin?: string,
): Identity {
  const { rng } = ctx;
  const area = origin ?? rng.weighted(sourceAreas);
  if (area === 'NP' || area === 'BD') {
    const foreign = foreignPlaces[area];
    const place = rng.pick(foreign.places);
    const village = localityName(rng, 'northeast');
    const address: Address = {
      text: `Vill. ${village}, Dist. ${place}, ${area === 'NP' ? 'Nepal' : 'Bangladesh'}`,
      pincode: null,
      districtLgd: null,
    };
    return newIdentity(rng, {
      community: rng.weighted(foreign.community),
      gender,
      birthDate: ageBirth(ctx, lo, hi),
      address,
    });
  }
  const state = ctx.geo.states.get(area);
  if (!state) return localIdentity(ctx, gender, lo, hi);
  const district = rng.pick(state.districts);
  const profile = regionProfile(area);
  return newIdentity(rng, {
    community: rng.weighted(profile.communities),
    gender,
    birthDate: ageBirth(ctx, lo, hi),
    address: makeAddress(rng, district, profile.region, rng.chance(0.7)),
  });
}

function victimGender(rng: Rng): Gender {
  return rng.weighted<Gender>([
    ['female', 88],
    ['male', 9],
    ['transgender', 3],
  ]);
}

/** Mostly 12–17, some 9–11: the ages rescued children are recorded at. */
function victimAgeRange(rng: Rng): [number, number] {
  return rng.chance(0.1) ? [9, 11] : [12, 17];
}

export function ageFields(ctx: CaseContext, id: Identity, mode: AgeMode): Partial<PersonBody> {
  const exact = fullYears(id.birthDate, ctx.registered.date);
  const on = ctx.registered.date;
  switch (mode) {
    case 'birth_date':
      return { birth_date: id.birthDate };
    case 'age':
      return { age: exact, age_recorded_on: on };
    case 'age_rounded':
      // "About 35": officers round adults' ages to five when there is no document.
      return { age: Math.max(18, Math.round(exact / 5) * 5), age_recorded_on: on };
    case 'age_plus1':
      return { age: exact + 1, age_recorded_on: on };
    case 'age_minus1':
      return { age: Math.max(0, exact - 1), age_recorded_on: on };
    case 'none':
      return {};
  }
}

function randomAgeMode(rng: Rng, child: boolean): AgeMode {
  return child
    ? rng.weighted<AgeMode>([
        ['birth_date', 40],
        ['age', 55],
        ['none', 5],
      ])
    : rng.weighted<AgeMode>([
        ['birth_date', 25],
        ['age', 35],
        ['age_rounded', 25],
        ['none', 15],
      ]);
}

const personNotes: Readonly<Record<Role, readonly string[]>> = {
  victim: [
    'Rescued from the premises and produced before the CWC.',
    'Rescued; placed in a shelter home by CWC order.',
    'Medical examination done; statement recorded by a woman officer.',
    'Restored to parents by CWC order.',
    'Counselling arranged through the DCPU.',
  ],
  accused: [
    'Arrested at the spot.',
    'Absconding; LOC requested.',
    'Arrested; released on bail.',
    'Arrested; in judicial custody.',
  ],
  trafficker: [
    'Arrested.',
    'Absconding.',
    'Arrested at the railway station.',
    'Traced through call detail records and arrested.',
  ],
  buyer: [
    'Found on the premises at the time of the raid.',
    'Customer; arrested.',
    'Identified from payment records.',
  ],
  witness: ['Panch witness.', 'Independent witness to the seizure.', 'Neighbour; statement recorded.'],
  guardian: [
    'Complainant.',
    'Parent of the child; statement recorded.',
    'Guardian; informed of the CWC proceedings.',
  ],
  informant: [
    'Field worker of a partner NGO.',
    'Information received through Childline 1098.',
    'Decoy customer.',
  ],
};

export interface DraftOptions {
  style?: NameStyle;
  ageMode?: AgeMode;
  aliases?: string[];
  relation?: PlantedAppearance['relation'];
  identifiers?: IdentifierInput[];
  notes?: string | null;
  /** Household members always carry their (shared) address: that is the trap. */
  alwaysAddress?: boolean;
}

export function draftPerson(ctx: CaseContext, role: Role, id: Identity, opts: DraftOptions = {}): PersonBody {
  const { rng } = ctx;
  const age = fullYears(id.birthDate, ctx.registered.date);
  const child = age < 18;
  const style = opts.style ?? randomNameStyle(rng, id, age);
  const body: PersonBody = { role, full_name: renderName(rng, id, style, age) };
  const aliases =
    opts.aliases ??
    ((role === 'accused' || role === 'trafficker') && rng.chance(0.35)
      ? [randomAlias(rng, id, age)]
      : child && rng.chance(0.15)
        ? [randomAlias(rng, id, age)]
        : []);
  if (aliases.length > 0) body.aliases = aliases;
  const relation =
    opts.relation ?? (rng.chance(child ? 0.7 : 0.5) ? (rng.chance(0.1) ? 'respelled' : 'plain') : 'none');
  if (relation === 'spouse' && id.spouseName) {
    body.relation_kind = 'w/o';
    body.relation_name = id.spouseName;
  } else if (relation !== 'none') {
    Object.assign(body, renderRelation(rng, id, relation === 'respelled'));
  }
  body.gender = rng.chance(0.02) && role === 'witness' ? 'unknown' : id.gender;
  Object.assign(body, ageFields(ctx, id, opts.ageMode ?? randomAgeMode(rng, child)));
  if (opts.alwaysAddress || rng.chance(0.85)) {
    body.address = id.address.text;
    if (id.address.pincode && rng.chance(0.8)) body.pincode = id.address.pincode;
    if (id.address.districtLgd && rng.chance(0.75)) body.district_lgd_code = id.address.districtLgd;
  }
  const notes = opts.notes !== undefined ? opts.notes : rng.chance(0.5) ? rng.pick(personNotes[role]) : null;
  if (notes) body.notes = notes;
  const identifiers = opts.identifiers ?? personIdentifiers(ctx, role, id);
  if (identifiers.length > 0) body.identifiers = identifiers;
  return body;
}

/** Identifiers seized from or recorded for a person, by role. */
function personIdentifiers(ctx: CaseContext, role: Role, id: Identity): IdentifierInput[] {
  const { rng, ids } = ctx;
  const out: IdentifierInput[] = [];
  const hint = `${id.given}${id.surname ?? ''}`;
  const online = ctx.scenario === 'online_csam' || ctx.scenario === 'online_grooming';
  const p = {
    accused: {
      phone: 0.85,
      second: 0.2,
      upi: 0.3,
      bank: 0.15,
      social: online ? 0.7 : 0.15,
      email: online ? 0.6 : 0.1,
      vehicle: 0.1,
      aadhaar: 0.25,
    },
    trafficker: {
      phone: 0.9,
      second: 0.3,
      upi: 0.35,
      bank: 0.2,
      social: 0.15,
      email: 0.05,
      vehicle: 0.2,
      aadhaar: 0.2,
    },
    buyer: {
      phone: 0.8,
      second: 0.05,
      upi: 0.3,
      bank: 0.05,
      social: 0.05,
      email: 0.05,
      vehicle: 0.35,
      aadhaar: 0.2,
    },
    victim: {
      phone: 0.25,
      second: 0,
      upi: 0,
      bank: 0,
      social: online ? 0.8 : 0.1,
      email: 0.05,
      vehicle: 0,
      aadhaar: 0.3,
    },
    guardian: {
      phone: 0.75,
      second: 0,
      upi: 0,
      bank: 0.05,
      social: 0,
      email: 0.02,
      vehicle: 0,
      aadhaar: 0.2,
    },
    witness: { phone: 0.5, second: 0, upi: 0, bank: 0, social: 0, email: 0.02, vehicle: 0, aadhaar: 0.1 },
    informant: { phone: 0.6, second: 0, upi: 0, bank: 0, social: 0, email: 0.2, vehicle: 0, aadhaar: 0 },
  }[role];
  if (rng.chance(p.phone)) {
    out.push({ kind: 'phone', value: formatPhone(rng, ids.phone(nextSerial(ctx))) });
    if (rng.chance(p.second))
      out.push({ kind: 'phone', value: formatPhone(rng, ids.phone(nextSerial(ctx))) });
  }
  if (rng.chance(p.upi))
    out.push({ kind: 'upi', value: formatUpi(rng, ids.upi(rng, nextSerial(ctx), hint)) });
  if (rng.chance(p.bank)) out.push({ kind: 'bank_account', value: ids.bankAccount(rng, nextSerial(ctx)) });
  if (rng.chance(p.social))
    out.push({ kind: 'social_handle', value: ids.socialHandle(rng, nextSerial(ctx), id.given) });
  if (rng.chance(p.email)) out.push({ kind: 'email', value: ids.email(rng, nextSerial(ctx), hint) });
  if (rng.chance(p.vehicle))
    out.push({ kind: 'vehicle', value: ids.vehicle(rng, nextSerial(ctx), ctx.profile.vehicleCodes) });
  if (rng.chance(p.aadhaar)) out.push({ kind: 'aadhaar_masked', value: maskedAadhaar(rng) });
  return out;
}

/** A parent who comes to the police: shares the child's surname, address and (usually) the family phone. */
function guardianFor(ctx: CaseContext, child: Identity): Identity {
  const { rng } = ctx;
  const childAge = fullYears(child.birthDate, ctx.registered.date);
  const parentAge = Math.min(75, childAge + rng.int(18, 32));
  if (rng.chance(0.4)) {
    return newIdentity(rng, {
      community: child.community,
      gender: 'male',
      given: child.fatherGiven,
      // Tamil fathers carry their own father's name as initial, not the child's.
      surname: child.community === 'tamil' ? undefined : child.family,
      birthDate: birthDateForAge(rng, parentAge, ctx.registered.date),
      address: child.address,
    });
  }
  return newIdentity(rng, {
    community: child.community,
    gender: 'female',
    married: true,
    spouseName: child.fatherName,
    surname: child.community === 'tamil' ? undefined : child.family,
    birthDate: birthDateForAge(rng, Math.max(childAge + 16, parentAge - 4), ctx.registered.date),
    address: child.address,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Scenarios

const fill = (template: string, rng: Rng) =>
  template.replace('{name}', rng.pick(establishmentNames)).replace('{n}', String(rng.int(1, 120)));

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const numberWords = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
const count = (n: number) => numberWords[n] ?? String(n);

interface Cast {
  victims: number;
  accused: number;
  traffickers: number;
  buyers: number;
  witnesses: number;
  informants: number;
  guardians: number;
}

function castFor(rng: Rng, scenario: Scenario): Cast {
  const opt = (p: number, lo: number, hi: number) => (rng.chance(p) ? rng.int(lo, hi) : 0);
  switch (scenario) {
    case 'brothel_raid':
      return {
        victims: rng.int(1, 5),
        accused: rng.int(1, 3),
        traffickers: opt(0.4, 1, 1),
        buyers: opt(0.6, 1, 3),
        witnesses: rng.int(1, 2),
        informants: opt(0.5, 1, 1),
        guardians: opt(0.3, 1, 1),
      };
    case 'spa_raid':
      return {
        victims: rng.int(1, 3),
        accused: rng.int(1, 2),
        traffickers: 0,
        buyers: opt(0.5, 1, 2),
        witnesses: rng.int(1, 2),
        informants: opt(0.4, 1, 1),
        guardians: 0,
      };
    case 'highway_solicitation':
      return {
        victims: rng.int(1, 2),
        accused: 1,
        traffickers: opt(0.3, 1, 1),
        buyers: rng.int(1, 2),
        witnesses: 1,
        informants: 0,
        guardians: 0,
      };
    case 'online_csam':
      return {
        victims: opt(0.3, 1, 1),
        accused: rng.int(1, 2),
        traffickers: 0,
        buyers: 0,
        witnesses: opt(0.4, 1, 1),
        informants: opt(0.3, 1, 1),
        guardians: 0,
      };
    case 'online_grooming':
      return {
        victims: 1,
        accused: 1,
        traffickers: 0,
        buyers: 0,
        witnesses: opt(0.3, 1, 1),
        informants: 0,
        guardians: opt(0.85, 1, 1),
      };
    case 'trafficking':
      return {
        victims: rng.int(1, 3),
        accused: opt(0.5, 1, 2),
        traffickers: rng.int(1, 2),
        buyers: opt(0.2, 1, 1),
        witnesses: opt(0.6, 1, 2),
        informants: opt(0.3, 1, 1),
        guardians: opt(0.6, 1, 1),
      };
    case 'child_marriage_sale':
      return {
        victims: 1,
        accused: rng.int(1, 2),
        traffickers: 1,
        buyers: 0,
        witnesses: opt(0.5, 1, 1),
        informants: opt(0.4, 1, 1),
        guardians: opt(0.6, 1, 1),
      };
    case 'cross_border':
      return {
        victims: rng.int(1, 3),
        accused: opt(0.6, 1, 1),
        traffickers: rng.int(1, 2),
        buyers: opt(0.2, 1, 1),
        witnesses: 1,
        informants: opt(0.3, 1, 1),
        guardians: 0,
      };
  }
}

function victimOrigin(rng: Rng, scenario: Scenario): 'local' | 'source' | 'foreign' {
  switch (scenario) {
    case 'brothel_raid':
      return rng.weighted<'local' | 'source' | 'foreign'>([
        ['local', 35],
        ['source', 55],
        ['foreign', 10],
      ]);
    case 'spa_raid':
    case 'highway_solicitation':
      return rng.chance(0.6) ? 'local' : 'source';
    case 'trafficking':
      return rng.chance(0.7) ? 'source' : 'local';
    case 'cross_border':
      return 'foreign';
    default:
      return 'local';
  }
}

/**
 * Builds the case body and its persons. `planted` persons (from the ground-truth plan) are added to the
 * randomly drawn cast; their roles are chosen by the plan to fit the scenario.
 */
export function buildCase(
  ctx: CaseContext,
  planted: readonly PlantedAppearance[],
  plantedIds: readonly PlantedIdentifier[],
): CaseDraft {
  const { rng, scenario } = ctx;
  const cast = castFor(rng, scenario);
  const persons: PersonDraft[] = [];
  const caseIdentifiers: CaseDraft['caseIdentifiers'] = [];
  const add = (role: Role, id: Identity, opts?: DraftOptions) =>
    persons.push({ body: draftPerson(ctx, role, id, opts), planted: null });

  // Victims, with a parent for some of them.
  const origin = victimOrigin(rng, scenario);
  const sourceArea =
    origin === 'foreign' ? rng.pick(['NP', 'BD']) : origin === 'source' ? rng.weighted(sourceAreas) : null;
  const victimAges = scenario === 'spa_raid' ? ([15, 17] as [number, number]) : null;
  const victims: Identity[] = [];
  for (let v = 0; v < cast.victims; v++) {
    const [lo, hi] = victimAges ?? (scenario === 'child_marriage_sale' ? [13, 16] : victimAgeRange(rng));
    const gender = scenario === 'child_marriage_sale' ? 'female' : victimGender(rng);
    const id =
      origin === 'local'
        ? localIdentity(ctx, gender, lo, hi)
        : sourceIdentity(ctx, gender, lo, hi, sourceArea ?? undefined);
    victims.push(id);
  }
  const guardians = victims
    .slice(0, cast.guardians)
    .map((child) => [child, guardianFor(ctx, child)] as const);
  const withGuardian = new Set(guardians.map(([child]) => child));
  for (const id of victims) {
    // A child whose parent is on record is reached through the parent's phone, not her own.
    add(
      'victim',
      id,
      withGuardian.has(id) ? { identifiers: victimIdentifiersWithoutPhone(ctx, id) } : undefined,
    );
  }
  for (const [, parent] of guardians) {
    add('guardian', parent, { relation: rng.chance(0.6) ? 'plain' : 'none' });
  }

  // The exploiters.
  for (let a = 0; a < cast.accused; a++) {
    const keeper =
      (scenario === 'brothel_raid' && a === 0 && rng.chance(0.6)) ||
      (scenario === 'spa_raid' && rng.chance(0.3));
    const gender: Gender = keeper ? 'female' : rng.chance(0.9) ? 'male' : 'female';
    const [lo, hi] = scenario === 'online_csam' || scenario === 'online_grooming' ? [18, 45] : [22, 60];
    add('accused', localIdentity(ctx, gender, lo, hi, gender === 'female' && rng.chance(0.6)));
  }
  for (let t = 0; t < cast.traffickers; t++) {
    const gender: Gender = rng.chance(0.7) ? 'male' : 'female';
    // Recruiters are often from the children's own area; receivers are local.
    const id =
      sourceArea && rng.chance(0.5)
        ? sourceIdentity(ctx, gender, 22, 55, sourceArea)
        : localIdentity(ctx, gender, 22, 55, gender === 'female' && rng.chance(0.5));
    add('trafficker', id);
  }
  for (let b = 0; b < cast.buyers; b++) add('buyer', localIdentity(ctx, 'male', 20, 62, rng.chance(0.5)));
  for (let w = 0; w < cast.witnesses; w++) {
    add('witness', localIdentity(ctx, rng.chance(0.8) ? 'male' : 'female', 25, 60));
  }
  for (let i = 0; i < cast.informants; i++) {
    const ngo = rng.pick(ctx.stateAgencies.ngos);
    add('informant', localIdentity(ctx, rng.chance(0.5) ? 'female' : 'male', 24, 50), {
      notes: `Field worker, ${ngo.name}.`,
    });
  }

  for (const p of planted) {
    persons.push({
      body: draftPerson(ctx, p.role, p.identity, {
        style: p.style,
        ageMode: p.ageMode,
        aliases: p.aliases,
        relation: p.relation,
        identifiers: p.identifiers.map((i) => ({ kind: i.kind, value: i.value })),
        notes: p.notes,
        alwaysAddress: p.household !== null,
      }),
      planted: p,
    });
  }

  // Where it happened and what was seized.
  const locality = localityName(rng, ctx.profile.region);
  const premises =
    scenario === 'brothel_raid' || scenario === 'cross_border'
      ? fill(rng.pick(brothelPremises), rng)
      : scenario === 'spa_raid'
        ? fill(rng.pick(spaPremises), rng)
        : scenario === 'highway_solicitation'
          ? fill(rng.pick(highwayPremises), rng)
          : null;
  const place = premises
    ? `${premises}, ${locality}, ${ctx.district.name}`
    : `${locality}, ${ctx.district.name}`;
  if (premises && rng.chance(0.9))
    caseIdentifiers.push({ input: { kind: 'address', value: place }, planted: null });
  const online = scenario === 'online_csam' || scenario === 'online_grooming';
  if (online) {
    for (let u = rng.int(1, 3); u > 0; u--) {
      caseIdentifiers.push({
        input: { kind: 'url', value: ctx.ids.csamUrl(rng, nextSerial(ctx)) },
        planted: null,
      });
    }
    for (let n = rng.int(1, 3); n > 0; n--) {
      caseIdentifiers.push({ input: { kind: 'ip', value: ctx.ids.ip(rng, nextSerial(ctx)) }, planted: null });
    }
  }
  if (
    (scenario === 'spa_raid' && rng.chance(0.5)) ||
    ((scenario === 'brothel_raid' || scenario === 'highway_solicitation') && rng.chance(0.25))
  ) {
    caseIdentifiers.push({
      input: { kind: 'url', value: ctx.ids.adUrl(rng, nextSerial(ctx), ctx.district.name) },
      planted: null,
    });
    caseIdentifiers.push({
      input: { kind: 'phone', value: formatPhone(rng, ctx.ids.phone(nextSerial(ctx))) },
      planted: null,
    });
  }
  if ((scenario === 'trafficking' || scenario === 'cross_border') && rng.chance(0.3)) {
    caseIdentifiers.push({
      input: { kind: 'vehicle', value: ctx.ids.vehicle(rng, nextSerial(ctx), ctx.profile.vehicleCodes) },
      planted: null,
    });
  }
  for (const pid of plantedIds)
    caseIdentifiers.push({ input: { kind: pid.kind, value: pid.value }, planted: pid });

  const hasBuyers = persons.some((p) => p.body.role === 'buyer');
  const offences = chooseOffences(rng, scenario, ctx.newLaw, hasBuyers);
  const nVictims = persons.filter((p) => p.body.role === 'victim').length;
  const body: CaseDraft['body'] = {
    fir_kind: firKind(rng, scenario),
    registered_at: ctx.registered.iso,
    ...occurred(rng, ctx),
    place,
    pincode: rng.pick(ctx.district.pincodes),
    district_lgd_code: ctx.district.lgd,
    procedure_code: ctx.newLaw ? 'BNSS' : 'CrPC',
    summary: summaryFor(
      rng,
      ctx,
      premises ?? place,
      nVictims,
      persons.filter((p) => p.body.role === 'buyer').length,
    ),
    offences,
    distribution: rng.weighted<NonNullable<CaseInput['distribution']>>([
      ['agency', 40],
      ['district', 35],
      ['state', 20],
      ['national', 5],
    ]),
  };
  if (rng.chance(0.4)) {
    const [y, m, d] = ctx.registered.date.split('-');
    body.gd_entry = `GD No. ${rng.int(1, 60)} dated ${d}.${m}.${y}`;
  }
  return { body, persons, caseIdentifiers };
}

function victimIdentifiersWithoutPhone(ctx: CaseContext, id: Identity): IdentifierInput[] {
  const { rng, ids } = ctx;
  const out: IdentifierInput[] = [];
  if (ctx.scenario === 'online_grooming' || ctx.scenario === 'online_csam') {
    out.push({ kind: 'social_handle', value: ids.socialHandle(rng, nextSerial(ctx), id.given) });
  }
  if (rng.chance(0.3)) out.push({ kind: 'aadhaar_masked', value: maskedAadhaar(rng) });
  return out;
}

function firKind(rng: Rng, scenario: Scenario): NonNullable<CaseInput['fir_kind']> {
  if (scenario === 'online_csam' || scenario === 'online_grooming') {
    return rng.weighted<NonNullable<CaseInput['fir_kind']>>([
      ['fir', 70],
      ['e_fir', 25],
      ['zero_fir', 5],
    ]);
  }
  if (scenario === 'trafficking' || scenario === 'child_marriage_sale')
    return rng.chance(0.15) ? 'zero_fir' : 'fir';
  return rng.chance(0.03) ? 'zero_fir' : 'fir';
}

export const NEW_LAW_FROM_MS = Date.parse('2024-07-01T00:00:00+05:30');
/**
 * When the offence happened, before registration. The occurrence never crosses 1 July 2024 into the other
 * code, so the procedure code and the sections charged (CrPC/IPC or BNSS/BNS) agree.
 */
function occurred(rng: Rng, ctx: CaseContext): { occurred_from?: string; occurred_to?: string } {
  if (rng.chance(0.15)) return {};
  const reg = ctx.registered.ms;
  const [minDays, maxDays] = {
    brothel_raid: [0, 1],
    spa_raid: [0, 1],
    highway_solicitation: [0, 1],
    online_csam: [2, 90],
    online_grooming: [5, 120],
    trafficking: [7, 200],
    child_marriage_sale: [20, 300],
    cross_border: [5, 120],
  }[ctx.scenario] as [number, number];
  let from = reg - rng.int(minDays, maxDays) * 86_400_000 - rng.int(1, 20) * 3_600_000;
  if (ctx.newLaw && from < NEW_LAW_FROM_MS) from = NEW_LAW_FROM_MS + rng.int(0, 23) * 3_600_000;
  from = Math.min(from, reg);
  const to = Math.min(
    reg,
    from + rng.int(0, Math.max(1, Math.round((reg - from) / 86_400_000))) * 86_400_000,
  );
  return rng.chance(0.6)
    ? { occurred_from: istIso(from), occurred_to: istIso(to) }
    : { occurred_from: istIso(from) };
}

function summaryFor(rng: Rng, ctx: CaseContext, where: string, nVictims: number, nBuyers: number): string {
  const girls = plural(nVictims, 'child', 'children');
  const ngo = rng.pick(ctx.stateAgencies.ngos).name;
  const source = rng.pick([
    'from an NGO',
    'through the Childline 1098 helpline',
    'from a decoy customer',
    "from a rescued child's relative",
    'from a source',
  ]);
  const buyers =
    nBuyers > 0
      ? `; ${count(nBuyers)} ${plural(nBuyers, 'customer was', 'customers were')} found on the premises and arrested`
      : '';
  const lure = rng.pick([
    'a job in a beauty parlour',
    'work as a domestic help in the city',
    'marriage',
    'a role in films',
    'a job in a garment factory',
    'work in a hotel',
  ]);
  const amount = `Rs ${rng.int(15, 250)},000`;
  switch (ctx.scenario) {
    case 'brothel_raid':
      return `On information received ${source}, a team of ${ctx.owner.name} with women police staff, representatives of ${ngo} and two panch witnesses raided ${where}. ${capital(count(nVictims))} minor ${girls} found there ${plural(nVictims, 'was', 'were')} rescued and produced before the CWC. The keeper of the premises was arrested${buyers}. Cash, mobile phones and a register of customers were seized.`;
    case 'spa_raid':
      return `A decoy customer sent to ${where} confirmed that minor girls were being offered for sexual services under the cover of massage. In the raid that followed ${count(nVictims)} ${girls} aged 15 to 17 ${plural(nVictims, 'was', 'were')} rescued and the manager arrested${buyers}. Advertisements for the premises were found on classified-ad websites.`;
    case 'highway_solicitation':
      return `During night patrolling near ${where}, ${count(nVictims)} minor ${girls} ${plural(nVictims, 'was', 'were')} found being solicited for commercial sexual exploitation of truck drivers and travellers${buyers}. The owner of the establishment was detained.`;
    case 'online_csam':
      return `A CyberTipline report received through NCRB stated that child sexual abuse material was uploaded from an account traced to this jurisdiction. Subscriber details and IP logs obtained from the service providers led to the accused. Mobile phones and a laptop were seized and sent to the forensic science laboratory.`;
    case 'online_grooming':
      return `The parent of a ${rng.int(12, 16)}-year-old complained that a person contacted the child on social media, won the child's trust, obtained sexually explicit images by threats and demanded more. Chats, handles and links were preserved and requests sent to the platforms.`;
    case 'trafficking':
      return `The complainant reported that the ${girls} left home with an agent who promised ${lure}. The ${girls} ${plural(nVictims, 'was', 'were')} traced to ${where} and rescued with the help of ${ngo}. Call detail records show the agent was paid ${amount} by the receiver.`;
    case 'child_marriage_sale':
      return `A minor girl was sold through a broker for ${amount} and married to a man from another district. After the marriage she was sexually assaulted and confined. She was rescued on information ${source} and produced before the CWC.`;
    case 'cross_border':
      return `${capital(count(nVictims))} ${girls} brought across the border with false promises of jobs ${plural(nVictims, 'was', 'were')} found at ${where}. The persons who brought and received them were arrested with the help of ${ngo}.`;
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Community of a planted person's region (kept here so plan.ts does not depend on geography details). */
export function communityFor(rng: Rng, iso: string): Community {
  return rng.weighted(regionProfile(iso).communities);
}
