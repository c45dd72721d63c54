import { districtAgencyCode } from '../../db/reference/seed-reference.ts';
import { stationStandalone, stationWithDistrict } from './data/places.ts';
import type { District, Geography, StateInfo } from './geography.ts';
import { regionProfile } from './geography.ts';
import { formatPhone, type IdentifierFactory, slug } from './identifiers.ts';
import { birthDateForAge, localityName, newIdentity, renderName } from './people.ts';
import { Rng } from './random.ts';

export interface SyntheticAgency {
  code: string;
  name: string;
  kind: 'police_station' | 'ahtu' | 'cyber_cell' | 'cid' | 'cwc' | 'dcpu' | 'ngo' | 'court' | 'prosecution';
  parent_code: string;
  state_lgd_code: number;
  district_lgd_code: number | null;
  contact_officer: string;
  contact_phone: string;
  contact_email: string;
}

/** Agencies of one chosen district, kept together so cases can be placed by district. */
export interface DistrictAgencies {
  district: District;
  code: string;
  stations: SyntheticAgency[];
  ahtu: SyntheticAgency;
}

export interface StateAgencies {
  state: StateInfo;
  districts: DistrictAgencies[];
  cyberCell: SyntheticAgency;
  cid: SyntheticAgency;
  ngos: SyntheticAgency[];
}

const ngoFirst = [
  'Asha',
  'Ujala',
  'Sahara',
  'Disha',
  'Umeed',
  'Roshni',
  'Nav Jeevan',
  'Aangan',
  'Suraksha',
  'Mukti',
];
const ngoSecond = ['Foundation', 'Trust', 'Sanstha', 'Seva Samiti', 'Society', 'Kendra'];

/**
 * Builds the operational agencies for the chosen states: per district 2–6 police stations, an AHTU, a CWC,
 * a DCPU, a Special (POCSO) Court and a Special Public Prosecutor; per state a CID, a cyber cell and one or two
 * NGOs. Parents are the administrative agencies seed-reference.ts creates (state ISO code and
 * `<ISO>-D<district lgd>`), so these can be inserted under the real tree.
 */
export function buildAgencies(
  seed: number,
  geo: Geography,
  stateIsos: readonly string[],
  cases: number,
  ids: IdentifierFactory,
  serialBase: number,
): { agencies: SyntheticAgency[]; states: StateAgencies[] } {
  const rng = Rng.derive(seed, 'agencies');
  const agencies: SyntheticAgency[] = [];
  const states: StateAgencies[] = [];
  let serial = serialBase;
  const perState = cases / stateIsos.length;
  // About 120 cases per district over the six years, between 2 and 12 districts per state: a 3,000-case
  // demo gets ~4 districts a state; 100,000 cases get 12 busy ones.
  const districtCount = Math.max(2, Math.min(12, Math.round(perState / 120)));

  const contact = (
    kind: SyntheticAgency['kind'],
    st: StateInfo,
    rank: string,
    emailDomain: string,
    code: string,
  ): Pick<SyntheticAgency, 'contact_officer' | 'contact_phone' | 'contact_email'> => {
    const profile = regionProfile(st.iso);
    const community = rng.weighted(profile.communities);
    // Child-protection bodies are often headed by women; police units less often.
    const pFemale = kind === 'cwc' || kind === 'ngo' || kind === 'dcpu' ? 0.55 : 0.15;
    const district = rng.pick(st.districts);
    const id = newIdentity(rng, {
      community,
      gender: rng.chance(pFemale) ? 'female' : 'male',
      birthDate: birthDateForAge(rng, rng.int(32, 58), '2026-01-01'),
      address: { text: district.name, pincode: null, districtLgd: district.lgd },
    });
    const name = renderName(rng, id, rng.pick(['plain', 'initials'] as const), 40);
    return {
      contact_officer: `${rank} ${name}`,
      contact_phone: formatPhone(rng, ids.phone(serial++)),
      contact_email: `${slug(code)}@${emailDomain}`,
    };
  };

  for (const iso of stateIsos) {
    const st = geo.states.get(iso);
    if (!st) throw new Error(`unknown state code ${iso}`);
    const profile = regionProfile(iso);
    const policeDomain = `${iso.toLowerCase()}police.example`;
    const hubs = profile.hubs
      .map((lgd) => st.districts.find((d) => d.lgd === lgd))
      .filter((d): d is District => Boolean(d));
    const others = rng.shuffle(st.districts.filter((d) => !hubs.includes(d)));
    const chosen = [...hubs, ...others].slice(0, Math.min(districtCount, st.districts.length));
    const districtAgencies: DistrictAgencies[] = [];
    for (const district of chosen.sort((a, b) => a.lgd - b.lgd)) {
      const dcode = districtAgencyCode(st.lgd, district.lgd);
      const base = {
        parent_code: dcode,
        state_lgd_code: st.lgd,
        district_lgd_code: district.lgd,
      };
      const casesHere = perState / chosen.length;
      const target = Math.max(2, Math.min(6, Math.round(casesHere / 50)));
      const stationCount = Math.max(2, Math.min(6, target + rng.int(-1, 1)));
      const stationNames = new Set<string>();
      while (stationNames.size < stationCount) {
        const name = rng.weighted<() => string>([
          [() => localityName(rng, profile.region), 6],
          [() => rng.pick(stationStandalone), 2],
          [() => `${district.name} ${rng.pick(stationWithDistrict)}`, 2],
        ])();
        stationNames.add(name);
      }
      const stations = [...stationNames].map((place, i): SyntheticAgency => {
        const code = `${dcode}-PS${String(i + 1).padStart(2, '0')}`;
        return {
          code,
          name: `${place} Police Station`,
          kind: 'police_station',
          ...base,
          ...contact('police_station', st, rng.pick(['Insp.', 'PI', 'SHO', 'SI']), policeDomain, code),
        };
      });
      const mk = (
        suffix: string,
        name: string,
        kind: SyntheticAgency['kind'],
        rank: string,
        domain: string,
      ) => {
        const code = `${dcode}-${suffix}`;
        return { code, name, kind, ...base, ...contact(kind, st, rank, domain, code) };
      };
      const ahtu = mk('AHTU', `Anti-Human Trafficking Unit, ${district.name}`, 'ahtu', 'Insp.', policeDomain);
      agencies.push(
        ...stations,
        ahtu,
        mk('CWC', `Child Welfare Committee, ${district.name}`, 'cwc', 'Chairperson', 'wcd.example'),
        mk('DCPU', `District Child Protection Unit, ${district.name}`, 'dcpu', 'DCPO', 'wcd.example'),
        mk('COURT', `Special Court (POCSO), ${district.name}`, 'court', 'Registrar', 'courts.example'),
        mk('SPP', `Special Public Prosecutor, ${district.name}`, 'prosecution', 'SPP', 'prosecution.example'),
      );
      districtAgencies.push({ district, code: dcode, stations, ahtu });
    }
    const stateBase = { parent_code: iso, state_lgd_code: st.lgd, district_lgd_code: null };
    const cyberCode = `${iso}-CYBER`;
    const cyberCell: SyntheticAgency = {
      code: cyberCode,
      name: `Cyber Crime Police Station, ${st.name}`,
      kind: 'cyber_cell',
      ...stateBase,
      ...contact('cyber_cell', st, 'ACP', policeDomain, cyberCode),
    };
    const cidCode = `${iso}-CID`;
    const cid: SyntheticAgency = {
      code: cidCode,
      name: `Crime Investigation Department, ${st.name}`,
      kind: 'cid',
      ...stateBase,
      ...contact('cid', st, 'SP', policeDomain, cidCode),
    };
    const ngoCount = rng.int(1, 2);
    const ngoNames = rng.sample(
      ngoFirst.flatMap((a) => ngoSecond.map((b) => `${a} ${b}`)),
      ngoCount,
    );
    const ngos = ngoNames.map((name, i): SyntheticAgency => {
      const code = `${iso}-NGO${i + 1}`;
      return {
        code,
        name,
        kind: 'ngo',
        ...stateBase,
        ...contact('ngo', st, 'Director', 'ngo.example', code),
      };
    });
    agencies.push(cyberCell, cid, ...ngos);
    states.push({ state: st, districts: districtAgencies, cyberCell, cid, ngos });
  }
  return { agencies, states };
}
