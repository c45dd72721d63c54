import { readFileSync } from 'node:fs';
import { stateIsoByLgd, titleCase } from '../../db/reference/seed-reference.ts';
import type { Community } from './data/names.ts';
import type { Weighted } from './random.ts';

/**
 * The real administrative geography (LGD districts and their PIN codes) that synthetic cases are placed in,
 * so that every `district_lgd_code` and `pincode` the generator writes is one the reference tables accept.
 */

export interface District {
  lgd: number;
  stateLgd: number;
  stateIso: string;
  name: string;
  /** PIN codes whose post offices lie in the district (sorted, so choices are reproducible). */
  pincodes: string[];
}

export interface StateInfo {
  lgd: number;
  iso: string;
  name: string;
  /** Districts that have at least one PIN code, in LGD-code order. */
  districts: District[];
}

export interface Geography {
  states: ReadonlyMap<string, StateInfo>;
  districts: ReadonlyMap<number, District>;
}

let cached: Geography | undefined;

/** Reads districts.csv and pincodes.csv once per process (about 20k lines; a few milliseconds). */
export function loadGeography(): Geography {
  if (cached) return cached;
  const districtText = readFileSync(new URL('../../db/reference/districts.csv', import.meta.url), 'utf8');
  const pinText = readFileSync(new URL('../../db/reference/pincodes.csv', import.meta.url), 'utf8');
  const pinsByDistrict = new Map<number, string[]>();
  // Both files are plain comma-separated without quoting, so a split is enough and keeps this module free of
  // a CSV parser.
  for (const line of pinText.split('\n').slice(1)) {
    if (!line) continue;
    const [pin, , district] = line.split(',');
    if (!pin || !district) continue;
    const list = pinsByDistrict.get(Number(district)) ?? [];
    list.push(pin);
    pinsByDistrict.set(Number(district), list);
  }
  const states = new Map<string, StateInfo>();
  const districts = new Map<number, District>();
  for (const line of districtText.split('\n').slice(1)) {
    if (!line) continue;
    const cols = line.split(',');
    const stateLgd = Number(cols[0]);
    const lgd = Number(cols[4]);
    const iso = stateIsoByLgd[stateLgd];
    const pins = pinsByDistrict.get(lgd);
    if (!iso || !pins || pins.length === 0) continue;
    const district: District = {
      lgd,
      stateLgd,
      stateIso: iso,
      name: titleCase(cols[5] ?? ''),
      pincodes: pins.sort(),
    };
    districts.set(lgd, district);
    let state = states.get(iso);
    if (!state) {
      state = { lgd: stateLgd, iso, name: titleCase(cols[1] ?? ''), districts: [] };
      states.set(iso, state);
    }
    state.districts.push(district);
  }
  for (const s of states.values()) s.districts.sort((a, b) => a.lgd - b.lgd);
  cached = { states, districts };
  return cached;
}

export type Region = 'west' | 'south_te' | 'south_ka' | 'south_ta' | 'east' | 'north' | 'northeast';

export interface RegionProfile {
  region: Region;
  /** Who lives here, roughly: drives the names of local accused, buyers, witnesses and most victims. */
  communities: Weighted<Community>;
  /** Vehicle registration prefixes (Telangana moved from TS to TG in 2024; both are on the road). */
  vehicleCodes: readonly string[];
  /** Districts where CSEC cases concentrate (metros, transit and source hubs), picked first. */
  hubs: readonly number[];
}

const northMix: Weighted<Community> = [
  ['north_hindu', 72],
  ['muslim', 20],
  ['sikh', 3],
  ['nepali_ne', 3],
  ['tribal', 2],
];

const profiles: Readonly<Record<string, RegionProfile>> = {
  MH: {
    region: 'west',
    communities: [
      ['marathi', 45],
      ['north_hindu', 20],
      ['muslim', 20],
      ['telugu', 3],
      ['kannada', 3],
      ['bengali', 3],
      ['tribal', 3],
      ['nepali_ne', 3],
    ],
    vehicleCodes: ['MH'],
    hubs: [482, 483, 497, 490, 484, 665, 496],
  },
  TG: {
    region: 'south_te',
    communities: [
      ['telugu', 65],
      ['muslim', 22],
      ['north_hindu', 5],
      ['marathi', 3],
      ['kannada', 3],
      ['bengali', 2],
    ],
    vehicleCodes: ['TS', 'TG'],
    hubs: [507, 518, 700, 522, 514],
  },
  AP: {
    region: 'south_te',
    communities: [
      ['telugu', 80],
      ['muslim', 12],
      ['tamil', 4],
      ['north_hindu', 4],
    ],
    vehicleCodes: ['AP'],
    hubs: [],
  },
  WB: {
    region: 'east',
    communities: [
      ['bengali', 65],
      ['muslim', 25],
      ['north_hindu', 5],
      ['nepali_ne', 3],
      ['tribal', 2],
    ],
    vehicleCodes: ['WB'],
    hubs: [315, 304, 303, 313, 319, 309],
  },
  UP: {
    region: 'north',
    communities: northMix,
    vehicleCodes: ['UP'],
    hubs: [162, 145, 144, 157, 118, 187, 169],
  },
  BR: { region: 'north', communities: northMix, vehicleCodes: ['BR'], hubs: [] },
  DL: {
    region: 'north',
    communities: [
      ['north_hindu', 60],
      ['muslim', 20],
      ['sikh', 8],
      ['bengali', 4],
      ['nepali_ne', 4],
      ['tribal', 4],
    ],
    vehicleCodes: ['DL'],
    hubs: [79, 77, 82, 84, 83, 81],
  },
  KA: {
    region: 'south_ka',
    communities: [
      ['kannada', 60],
      ['muslim', 15],
      ['telugu', 8],
      ['tamil', 8],
      ['north_hindu', 5],
      ['marathi', 4],
    ],
    vehicleCodes: ['KA'],
    hubs: [525, 545, 527, 534, 536],
  },
  TN: {
    region: 'south_ta',
    communities: [
      ['tamil', 80],
      ['muslim', 8],
      ['telugu', 7],
      ['kannada', 5],
    ],
    vehicleCodes: ['TN'],
    hubs: [],
  },
  PB: {
    region: 'north',
    communities: [
      ['sikh', 65],
      ['north_hindu', 27],
      ['muslim', 5],
      ['nepali_ne', 3],
    ],
    vehicleCodes: ['PB'],
    hubs: [],
  },
  JH: {
    region: 'east',
    communities: [
      ['tribal', 45],
      ['north_hindu', 35],
      ['muslim', 12],
      ['bengali', 8],
    ],
    vehicleCodes: ['JH'],
    hubs: [],
  },
  OD: {
    region: 'east',
    communities: [
      ['north_hindu', 50],
      ['tribal', 35],
      ['bengali', 10],
      ['muslim', 5],
    ],
    vehicleCodes: ['OD'],
    hubs: [],
  },
  CG: {
    region: 'north',
    communities: [
      ['north_hindu', 55],
      ['tribal', 40],
      ['muslim', 5],
    ],
    vehicleCodes: ['CG'],
    hubs: [],
  },
  AS: {
    region: 'northeast',
    communities: [
      ['nepali_ne', 55],
      ['bengali', 20],
      ['muslim', 20],
      ['tribal', 5],
    ],
    vehicleCodes: ['AS'],
    hubs: [],
  },
  GA: {
    region: 'west',
    communities: [
      ['marathi', 50],
      ['north_hindu', 20],
      ['kannada', 15],
      ['muslim', 15],
    ],
    vehicleCodes: ['GA'],
    hubs: [],
  },
};

const northEastIsos = new Set(['AR', 'NL', 'MN', 'MZ', 'TR', 'ML', 'SK']);

/** The profile for a state; states without their own fall back to the nearest regional pattern. */
export function regionProfile(iso: string): RegionProfile {
  const own = profiles[iso];
  if (own) return own;
  if (northEastIsos.has(iso)) return { ...(profiles.AS as RegionProfile), vehicleCodes: [iso], hubs: [] };
  if (iso === 'KL' || iso === 'PY' || iso === 'LD')
    return { ...(profiles.TN as RegionProfile), vehicleCodes: [iso], hubs: [] };
  if (iso === 'GJ' || iso === 'DH')
    return {
      region: 'west',
      communities: [
        ['north_hindu', 70],
        ['muslim', 20],
        ['tribal', 10],
      ],
      vehicleCodes: [iso === 'DH' ? 'DD' : iso],
      hubs: [],
    };
  return { region: 'north', communities: northMix, vehicleCodes: [iso], hubs: [] };
}

/**
 * Where trafficked children come from (by state ISO code, or a neighbouring country): the source areas
 * reported by NCRB and anti-trafficking NGOs — West Bengal, Jharkhand, Odisha, Assam, Bihar, Nepal,
 * Bangladesh — weighted roughly.
 */
export const sourceAreas: Weighted<string> = [
  ['WB', 24],
  ['JH', 12],
  ['OD', 8],
  ['AS', 10],
  ['BR', 9],
  ['UP', 8],
  ['AP', 5],
  ['TG', 4],
  ['CG', 5],
  ['MH', 3],
  ['KA', 2],
  ['NP', 6],
  ['BD', 4],
];

/** Foreign origins have no LGD district or PIN code; these are the district names used in addresses. */
export const foreignPlaces: Readonly<
  Record<'NP' | 'BD', { community: Weighted<Community>; places: readonly string[] }>
> = {
  NP: {
    community: [['nepali_ne', 1]],
    places: ['Sindhupalchok', 'Makwanpur', 'Nuwakot', 'Dhading', 'Kavre', 'Morang', 'Jhapa', 'Rautahat'],
  },
  BD: {
    community: [
      ['bengali', 1],
      ['muslim', 2],
    ],
    places: ['Jessore', 'Satkhira', 'Khulna', 'Narail', 'Chuadanga', 'Rajshahi'],
  },
};
