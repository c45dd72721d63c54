import type { DistrictAgencies, StateAgencies, SyntheticAgency } from './agencies.ts';
import {
  type AgeMode,
  communityFor,
  type PlantedAppearance,
  type PlantedIdentifier,
  type Registration,
  type Scenario,
} from './cases.ts';
import { twinNames } from './data/names.ts';
import { type District, type Geography, regionProfile, sourceAreas } from './geography.ts';
import { drawGivenName } from './given-names.ts';
import { formatPhone, formatUpi, type IdentifierFactory } from './identifiers.ts';
import {
  type Address,
  birthDateForAge,
  DAY_MS,
  fullYears,
  type Gender,
  type Identity,
  makeAddress,
  type NameStyle,
  newIdentity,
  randomAlias,
  renderName,
} from './people.ts';
import { Rng, type Weighted } from './random.ts';
import type { TruthBuilder } from './truth.ts';

/**
 * The ground-truth plan: decided before any record is generated, so that a streaming generator can put the
 * same real person into case 17 and case 80,412 without remembering anything in between. The plan claims a
 * few per cent of case indices and fixes, for each, the owning unit, the scenario and the planted persons and
 * identifiers; everything else in those cases is drawn at random as usual.
 */

export interface CaseOverride {
  owner: SyntheticAgency;
  stateAgencies: StateAgencies;
  district: District;
  scenario: Scenario;
  persons: PlantedAppearance[];
  identifiers: PlantedIdentifier[];
}

export interface PlanInput {
  seed: number;
  cases: number;
  geo: Geography;
  states: readonly StateAgencies[];
  ids: IdentifierFactory;
  /** First serial number the plan may use for its identifiers. */
  serialBase: number;
  registration: (index: number) => Registration;
  truth: TruthBuilder;
}

/** Serials the plan may use; checked so that plan identifiers never collide with the agencies' or cases'. */
export const PLAN_SERIALS_PER_CASE = 4;

export function buildPlan(input: PlanInput): Map<number, CaseOverride> {
  const { seed, cases, states, ids, truth } = input;
  const rng = Rng.derive(seed, 'plan');
  const overrides = new Map<number, CaseOverride>();
  let serial = input.serialBase;
  const serialLimit = input.serialBase + Math.max(1000, cases * PLAN_SERIALS_PER_CASE);
  // The top of the range, counted down, is for the re-trafficked children's family phones: taken from their
  // own random stream, so that adding them changed no other record of a seed.
  let childSerial = serialLimit;
  const nextChildSerial = () => {
    if (childSerial - 1 <= serial) throw new Error('synthetic plan ran out of identifier serials');
    return --childSerial;
  };
  const childRng = Rng.derive(seed, 'plan', 're-trafficked-phone');
  const nextSerial = () => {
    if (serial >= childSerial) throw new Error('synthetic plan ran out of identifier serials');
    return serial++;
  };

  /** `n` unclaimed case indices in [lo, hi), or null when the data set is too small to hold them. */
  const claim = (n: number, lo = 0, hi = cases): number[] | null => {
    const got = new Set<number>();
    for (let tries = 0; got.size < n && tries < 200 * n; tries++) {
      const i = rng.int(lo, hi - 1);
      if (i >= 0 && i < cases && !overrides.has(i)) got.add(i);
    }
    return got.size === n ? [...got].sort((a, b) => a - b) : null;
  };

  const unitIn = (da: DistrictAgencies, ahtuShare: number): SyntheticAgency =>
    rng.chance(ahtuShare) ? da.ahtu : rng.pick(da.stations);

  /** A district in `state`, avoiding `used` when the state has another. */
  const districtIn = (st: StateAgencies, used: Set<number>): DistrictAgencies => {
    const fresh = st.districts.filter((d) => !used.has(d.district.lgd));
    const da = rng.pick(fresh.length > 0 ? fresh : st.districts);
    used.add(da.district.lgd);
    return da;
  };

  /** k states for k appearances: the first two distinct whenever more than one state is generated. */
  const spreadStates = (k: number): StateAgencies[] => {
    const order = rng.shuffle(states);
    const out: StateAgencies[] = [];
    for (let j = 0; j < k; j++)
      out.push(j < 2 ? (order[j % order.length] as StateAgencies) : rng.pick(states));
    return out;
  };

  const put = (
    index: number,
    st: StateAgencies,
    da: DistrictAgencies,
    owner: SyntheticAgency,
    scenario: Scenario,
  ) => {
    const o: CaseOverride = {
      owner,
      stateAgencies: st,
      district: da.district,
      scenario,
      persons: [],
      identifiers: [],
    };
    overrides.set(index, o);
    return o;
  };

  const ageMode = (): AgeMode =>
    rng.weighted<AgeMode>([
      ['birth_date', 35],
      ['age', 35],
      ['age_plus1', 15],
      ['age_minus1', 15],
    ]);

  /** A home address in one of the chosen districts, or in a source area of trafficking. */
  const homeOf = (st: StateAgencies): { address: Address; iso: string } => {
    const da = rng.pick(st.districts);
    return { address: makeAddress(rng, da.district, regionProfile(st.state.iso).region), iso: st.state.iso };
  };
  const sourceHome = (): { address: Address; iso: string } => {
    for (;;) {
      const area = rng.weighted(sourceAreas);
      const state = input.geo.states.get(area);
      if (state) {
        const district = rng.pick(state.districts);
        return { address: makeAddress(rng, district, regionProfile(area).region, true), iso: area };
      }
    }
  };

  const noisyStyles: Weighted<NameStyle> = [
    ['respelled', 5],
    ['initials', 3],
    ['surname_first', 3],
    ['honorific', 2],
    ['no_prefix', 2],
    ['upper', 1],
    ['single', 1],
  ];

  // ----- Repeat offenders: accused and traffickers moving across districts and states --------------------
  const offenderCount = Math.max(2, Math.round(cases / 120));
  for (let r = 0; r < offenderCount; r++) {
    const k = rng.weighted<number>([
      [2, 45],
      [3, 30],
      [4, 15],
      [5, 10],
    ]);
    const indices = claim(k);
    if (!indices) break;
    const id = `RO-${String(r + 1).padStart(4, '0')}`;
    truth.defineCluster(id, 'repeat_offender');
    const role = rng.chance(0.55) ? 'trafficker' : 'accused';
    const gender: Gender = rng.chance(0.8) ? 'male' : 'female';
    const statesUsed = spreadStates(k);
    const home =
      rng.chance(0.4) && role === 'trafficker' ? sourceHome() : homeOf(statesUsed[0] as StateAgencies);
    const firstReg = input.registration(indices[0] as number);
    const identity = newIdentity(rng, {
      community: communityFor(rng, home.iso),
      gender,
      birthDate: birthDateForAge(rng, rng.int(24, 50), firstReg.date),
      address: home.address,
      married: gender === 'female' && rng.chance(0.6),
    });
    const aliases = [randomAlias(rng, identity, 30), randomAlias(rng, identity, 30)];
    const phone = ids.phone(nextSerial());
    const phoneKey = `SI-P-${id}`;
    truth.defineShared(phoneKey, 'phone', 'same_person');
    const upi = rng.chance(0.4)
      ? ids.upi(rng, nextSerial(), `${identity.given}${identity.surname ?? ''}`)
      : null;
    const upiKey = `SI-U-${id}`;
    if (upi) truth.defineShared(upiKey, 'upi', 'same_person');
    const districtsUsed = new Set<number>();
    indices.forEach((index, j) => {
      const st = statesUsed[j] as StateAgencies;
      const da = districtIn(st, districtsUsed);
      const scenario =
        role === 'trafficker'
          ? rng.weighted<Scenario>([
              ['trafficking', 50],
              ['brothel_raid', 25],
              ['cross_border', 10],
              ['child_marriage_sale', 15],
            ])
          : rng.weighted<Scenario>([
              ['brothel_raid', 50],
              ['spa_raid', 20],
              ['highway_solicitation', 10],
              ['trafficking', 20],
            ]);
      const o = put(index, st, da, unitIn(da, 0.3), scenario);
      const style: NameStyle = j === 0 ? rng.pick(['plain', 'full'] as const) : rng.weighted(noisyStyles);
      const identifiers: PlantedIdentifier[] = [];
      // The first two appearances always carry the phone, so it links the states; later ones now and then.
      if (j < 2 || rng.chance(0.5))
        identifiers.push({ kind: 'phone', value: formatPhone(rng, phone), shared: phoneKey });
      if (upi && rng.chance(0.6))
        identifiers.push({ kind: 'upi', value: formatUpi(rng, upi), shared: upiKey });
      o.persons.push({
        cluster: id,
        household: null,
        role,
        identity: rng.chance(0.5)
          ? identity
          : { ...identity, address: makeAddress(rng, da.district, regionProfile(st.state.iso).region) },
        style,
        ageMode: ageMode(),
        // A one-word name is only recognisable with the alias the officer also wrote down.
        aliases: style === 'single' || rng.chance(0.4) ? [rng.pick(aliases)] : [],
        relation: rng.weighted<PlantedAppearance['relation']>([
          ['plain', 60],
          ['respelled', 15],
          ['none', 25],
        ]),
        identifiers,
        notes: null,
      });
    });
  }

  // ----- Repeat buyers: the demand side, mostly local, some on highways across states --------------------
  const buyerCount = Math.max(2, Math.round(cases / 200));
  for (let b = 0; b < buyerCount; b++) {
    const k = rng.weighted<number>([
      [2, 55],
      [3, 30],
      [4, 15],
    ]);
    const indices = claim(k);
    if (!indices) break;
    const id = `RB-${String(b + 1).padStart(4, '0')}`;
    truth.defineCluster(id, 'repeat_buyer');
    const spread = rng.weighted<'district' | 'state' | 'country'>([
      ['district', 50],
      ['state', 30],
      ['country', 20],
    ]);
    const homeState = rng.pick(states);
    const homeDistrict = rng.pick(homeState.districts);
    const firstReg = input.registration(indices[0] as number);
    const identity = newIdentity(rng, {
      community: communityFor(rng, homeState.state.iso),
      gender: 'male',
      birthDate: birthDateForAge(rng, rng.int(22, 55), firstReg.date),
      address: makeAddress(rng, homeDistrict.district, regionProfile(homeState.state.iso).region),
      married: rng.chance(0.6),
    });
    const phone = ids.phone(nextSerial());
    const phoneKey = `SI-P-${id}`;
    truth.defineShared(phoneKey, 'phone', 'same_person');
    const vehicle = rng.chance(0.5)
      ? ids.vehicle(rng, nextSerial(), regionProfile(homeState.state.iso).vehicleCodes)
      : null;
    const vehicleKey = `SI-V-${id}`;
    if (vehicle) truth.defineShared(vehicleKey, 'vehicle', 'same_person');
    const statesUsed = spread === 'country' ? spreadStates(k) : indices.map(() => homeState);
    const districtsUsed = new Set<number>();
    indices.forEach((index, j) => {
      const st = statesUsed[j] as StateAgencies;
      const da = spread === 'district' ? homeDistrict : districtIn(st, districtsUsed);
      const scenario =
        spread === 'country'
          ? 'highway_solicitation'
          : rng.weighted<Scenario>([
              ['brothel_raid', 55],
              ['spa_raid', 30],
              ['highway_solicitation', 15],
            ]);
      const o = put(index, st, da, unitIn(da, 0.2), scenario);
      const identifiers: PlantedIdentifier[] = [];
      if (j < 2 || rng.chance(0.6))
        identifiers.push({ kind: 'phone', value: formatPhone(rng, phone), shared: phoneKey });
      if (vehicle && rng.chance(0.7))
        identifiers.push({ kind: 'vehicle', value: vehicle, shared: vehicleKey });
      o.persons.push({
        cluster: id,
        household: null,
        role: 'buyer',
        identity,
        style: j === 0 ? 'plain' : rng.weighted(noisyStyles),
        ageMode: ageMode(),
        aliases: [],
        relation: rng.chance(0.6) ? 'plain' : 'none',
        identifiers,
        notes: null,
      });
    });
  }

  // ----- Re-trafficked children: rescued, then found again elsewhere under another spelling ---------------
  const childCount = Math.max(1, Math.round(cases / 400));
  for (let c = 0; c < childCount; c++) {
    const first = claim(1, 0, Math.floor(cases * 0.6));
    const gapMin = Math.floor(cases * 0.08);
    const second = first ? claim(1, (first[0] as number) + Math.max(1, gapMin), cases) : null;
    if (!first || !second) break;
    const [a, b] = [first[0] as number, second[0] as number];
    const regA = input.registration(a);
    const regB = input.registration(b);
    const yearsBetween = (regB.ms - regA.ms) / (365.25 * DAY_MS);
    // Still a child at the second rescue.
    const ageA = Math.max(9, Math.min(15, Math.floor(17 - yearsBetween)));
    if (ageA + yearsBetween >= 18) continue;
    const id = `RT-${String(c + 1).padStart(4, '0')}`;
    truth.defineCluster(id, 're_trafficked_child');
    // Half the children (always the first) give the same family phone both times: the grid's re-trafficking
    // alert finds them through it; the others only person resolution can find, by name, age and place.
    const familyPhone = c === 0 || childRng.chance(0.5) ? ids.phone(nextChildSerial()) : null;
    const phoneKey = `SI-C-${id}`;
    if (familyPhone) truth.defineShared(phoneKey, 'phone', 'same_person');
    const childPhone = (): PlantedIdentifier[] =>
      familyPhone ? [{ kind: 'phone', value: formatPhone(childRng, familyPhone), shared: phoneKey }] : [];
    const home = sourceHome();
    const identity = newIdentity(rng, {
      community: communityFor(rng, home.iso),
      gender: rng.chance(0.9) ? 'female' : 'male',
      birthDate: birthDateForAge(rng, ageA, regA.date),
      address: home.address,
    });
    const [stA, stB] = spreadStates(2) as [StateAgencies, StateAgencies];
    const daA = rng.pick(stA.districts);
    const usedB = new Set([daA.district.lgd]);
    const daB = districtIn(rng.chance(0.7) ? stB : stA, usedB);
    const stOfB = states.find((s) => s.districts.includes(daB)) as StateAgencies;
    const scenarioA = rng.weighted<Scenario>([
      ['brothel_raid', 50],
      ['trafficking', 35],
      ['spa_raid', 15],
    ]);
    const scenarioB = rng.weighted<Scenario>([
      ['brothel_raid', 55],
      ['trafficking', 30],
      ['highway_solicitation', 15],
    ]);
    put(a, stA, daA, unitIn(daA, 0.4), scenarioA).persons.push({
      cluster: id,
      household: null,
      role: 'victim',
      identity,
      style: 'plain',
      ageMode: rng.chance(0.5) ? 'birth_date' : 'age',
      aliases: [],
      relation: 'plain',
      identifiers: childPhone(),
      notes: 'Rescued; restored to parents by CWC order.',
    });
    const styleB = rng.weighted<NameStyle>([
      ['respelled', 4],
      ['single', 3],
      ['honorific', 2],
      ['upper', 1],
    ]);
    put(b, stOfB, daB, unitIn(daB, 0.4), scenarioB).persons.push({
      cluster: id,
      household: null,
      role: 'victim',
      // The second time, the child often gives only her district ("Dist. Murshidabad"), not the village.
      identity: rng.chance(0.6) ? identity : { ...identity, address: districtOnly(identity.address) },
      style: styleB,
      ageMode: rng.weighted<AgeMode>([
        ['age', 60],
        ['age_plus1', 20],
        ['age_minus1', 20],
      ]),
      aliases: styleB === 'single' || rng.chance(0.5) ? [randomAlias(rng, identity, 12)] : [],
      relation: rng.chance(0.5) ? 'respelled' : 'none',
      identifiers: childPhone(),
      notes: rng.chance(0.5) ? 'Rescued from the premises and produced before the CWC.' : null,
    });
  }

  // ----- Network identifiers: one phone or payee in unrelated agencies' cases ----------------------------
  const networkCount = Math.max(2, Math.round(cases / 250));
  for (let n = 0; n < networkCount; n++) {
    const k = rng.weighted<number>([
      [2, 60],
      [3, 30],
      [4, 10],
    ]);
    const indices = claim(k);
    if (!indices) break;
    const kind = rng.chance(0.7) ? 'phone' : 'upi';
    const key = `SI-N-${String(n + 1).padStart(4, '0')}`;
    truth.defineShared(key, kind, 'network');
    const value =
      kind === 'phone'
        ? ids.phone(nextSerial())
        : ids.upi(rng, nextSerial(), rng.pick(['sai', 'lucky', 'shree', 'royal', 'star', 'happy']));
    const statesUsed = rng.chance(0.5) ? spreadStates(k) : indices.map(() => rng.pick(states));
    const districtsUsed = new Set<number>();
    indices.forEach((index, j) => {
      const st = statesUsed[j] as StateAgencies;
      const da = districtIn(st, districtsUsed);
      const scenario = rng.weighted<Scenario>([
        ['brothel_raid', 35],
        ['spa_raid', 20],
        ['trafficking', 35],
        ['highway_solicitation', 10],
      ]);
      const o = put(index, st, da, unitIn(da, 0.3), scenario);
      o.identifiers.push({
        kind,
        value: kind === 'phone' ? formatPhone(rng, value) : formatUpi(rng, value),
        shared: key,
      });
    });
  }

  // ----- Households: look-alike family members who are different people ----------------------------------
  const householdCount = Math.max(3, Math.round(cases / 100));
  for (let h = 0; h < householdCount; h++) {
    const kind = rng.weighted<'siblings' | 'twins' | 'spouses'>([
      ['siblings', 40],
      ['twins', 30],
      ['spouses', 30],
    ]);
    const crossCase = kind === 'twins' && rng.chance(0.5);
    const indices = claim(crossCase ? 2 : 1);
    if (!indices) break;
    const id = `HH-${String(h + 1).padStart(4, '0')}`;
    const phone = ids.phone(nextSerial());
    const phoneKey = `SI-H-${id}`;
    truth.defineShared(phoneKey, 'phone', 'household');
    const st = rng.pick(states);
    const da = rng.pick(st.districts);
    const reg = input.registration(indices[0] as number);
    const phoneOf = (): PlantedIdentifier[] => [
      { kind: 'phone', value: formatPhone(rng, phone), shared: phoneKey },
    ];
    if (kind === 'spouses') {
      truth.defineHousehold(id, kind, ['surname', 'address', 'phone']);
      const community = communityFor(rng, st.state.iso);
      const address = makeAddress(rng, da.district, regionProfile(st.state.iso).region);
      const husband = newIdentity(rng, {
        community,
        gender: 'male',
        birthDate: birthDateForAge(rng, rng.int(30, 55), reg.date),
        address,
      });
      const wife = newIdentity(rng, {
        community,
        gender: 'female',
        married: true,
        surname: husband.family,
        keepFamilySurname: true,
        spouseName: renderName(rng, husband, 'plain', 40),
        birthDate: birthDateForAge(rng, rng.int(26, 50), reg.date),
        address,
      });
      const o = put(
        indices[0] as number,
        st,
        da,
        unitIn(da, 0.3),
        rng.chance(0.7) ? 'brothel_raid' : 'trafficking',
      );
      const base = { cluster: null, household: id, ageMode: 'age' as AgeMode, aliases: [], notes: null };
      o.persons.push(
        {
          ...base,
          role: 'accused',
          identity: husband,
          style: 'plain',
          relation: 'plain',
          identifiers: phoneOf(),
        },
        {
          ...base,
          role: rng.chance(0.5) ? 'accused' : 'trafficker',
          identity: wife,
          style: 'plain',
          relation: 'spouse',
          identifiers: phoneOf(),
        },
      );
      continue;
    }
    truth.defineHousehold(id, kind, [
      'surname',
      'relation_name',
      'address',
      'phone',
      ...(kind === 'twins' ? ['birth_date'] : []),
    ]);
    const home = rng.chance(0.5)
      ? sourceHome()
      : { address: makeAddress(rng, da.district, regionProfile(st.state.iso).region), iso: st.state.iso };
    const community = communityFor(rng, home.iso);
    const gender: Gender = rng.chance(0.85) ? 'female' : 'male';
    const first = newIdentity(rng, {
      community,
      gender,
      birthDate: birthDateForAge(rng, rng.int(12, 15), reg.date),
      address: home.address,
      keepFamilySurname: true,
    });
    const members: Identity[] = [first];
    const pair =
      kind === 'twins'
        ? rng.pick(
            twinNames[community === 'muslim' ? 'muslim' : 'general'][gender === 'male' ? 'male' : 'female'],
          )
        : null;
    if (pair) members[0] = { ...first, given: pair[0] };
    const extra = kind === 'twins' ? 1 : rng.int(1, 2);
    for (let s = 0; s < extra; s++) {
      const siblingGender: Gender = kind === 'twins' ? gender : rng.chance(0.8) ? 'female' : 'male';
      const taken = new Set(members.map((m) => m.given));
      const sibling = newIdentity(rng, {
        community,
        gender: siblingGender,
        // Siblings never share a given name.
        given: pair
          ? pair[1]
          : drawGivenName(rng, community, siblingGender === 'male' ? 'male' : 'female', taken),
        surname: first.family,
        keepFamilySurname: true,
        fatherGiven: first.fatherGiven,
        fatherName: first.fatherName,
        birthDate:
          kind === 'twins'
            ? first.birthDate
            : birthDateForAge(
                rng,
                Math.min(
                  17,
                  Math.max(9, fullYears(first.birthDate, reg.date) + rng.pick([-3, -2, -1, 1, 2])),
                ),
                reg.date,
              ),
        address: first.address,
      });
      members.push(sibling);
    }
    const scenario = rng.weighted<Scenario>([
      ['trafficking', 50],
      ['brothel_raid', 40],
      ['child_marriage_sale', 10],
    ]);
    if (crossCase) {
      const [i1, i2] = indices as [number, number];
      const [s1, s2] = spreadStates(2) as [StateAgencies, StateAgencies];
      const d1 = rng.pick(s1.districts);
      const d2 = districtIn(s2, new Set([d1.district.lgd]));
      const sc = (): Scenario => (rng.chance(0.6) ? 'brothel_raid' : 'trafficking');
      [
        [i1, s1, d1],
        [i2, s2, d2],
      ].forEach(([index, s, d], m) => {
        const o = put(
          index as number,
          s as StateAgencies,
          d as DistrictAgencies,
          unitIn(d as DistrictAgencies, 0.4),
          sc(),
        );
        o.persons.push(householdMember(id, members[m] as Identity, phoneOf()));
      });
    } else {
      const o = put(
        indices[0] as number,
        st,
        da,
        unitIn(da, 0.3),
        members.length > 2 || scenario !== 'child_marriage_sale' ? scenario : 'trafficking',
      );
      for (const m of members) o.persons.push(householdMember(id, m, phoneOf()));
    }
  }

  function householdMember(
    household: string,
    identity: Identity,
    identifiers: PlantedIdentifier[],
  ): PlantedAppearance {
    return {
      cluster: null,
      household,
      role: 'victim',
      identity,
      style: rng.chance(0.7) ? 'plain' : 'honorific',
      ageMode: rng.chance(0.5) ? 'birth_date' : 'age',
      aliases: [],
      relation: 'plain',
      identifiers,
      notes: null,
    };
  }

  return overrides;
}

/** "Vill. X, P.O. Y, P.S. Z, Dist. Murshidabad - 742101" → "Dist. Murshidabad", keeping the district code. */
function districtOnly(address: Address): Address {
  const last =
    address.text
      .split(',')
      .pop()
      ?.replace(/ - \d{6}$/, '')
      .trim() ?? address.text;
  return { text: last, pincode: null, districtLgd: address.districtLgd };
}
