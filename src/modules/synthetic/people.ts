import { readFileSync } from 'node:fs';
import {
  type Community,
  childAliases,
  femaleAliases,
  maleAliases,
  namesByCommunity,
  variantGroups,
} from './data/names.ts';
import { localityRoots, localitySuffixes, streetWords } from './data/places.ts';
import type { District, Region } from './geography.ts';
import { drawGivenName } from './given-names.ts';
import type { Rng } from './random.ts';

/**
 * Fictional people and the way Indian police records write them down. An `Identity` is the real (synthetic)
 * person; `renderPerson` is one officer's record of that person, with the noise real records have:
 * honorifics, initials, surname-first order, transliteration variants, single names, relation names, age
 * instead of birth date. The same identity rendered twice is the ground truth a record linker must find.
 */

export type Gender = 'female' | 'male' | 'transgender';

export interface Address {
  text: string;
  pincode: string | null;
  districtLgd: number | null;
}

export interface Identity {
  community: Community;
  gender: Gender;
  given: string;
  /** Father's name (Marathi), Kumar/Bahadur/Prasad, Singh/Kaur (always shown for Sikhs). */
  middle: string | null;
  /** Family name; for Tamil records the father's given name, written as an initial. */
  surname: string | null;
  /** The family name the person's father and siblings carry (surname may differ: Kumari, Kaur, Begum…). */
  family: string | null;
  /** "Mohammed" before a Muslim man's name, which records abbreviate or drop. */
  prefix: string | null;
  fatherGiven: string;
  /** The father's name as records write it after "s/o" or "d/o". */
  fatherName: string;
  spouseName: string | null;
  birthDate: string;
  address: Address;
}

const LOCAL = 'en';

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Spelling variants by lower-case spelling: CMU pairs plus ChildGrid's hand-made groups. */
const variantIndex: ReadonlyMap<string, readonly string[]> = (() => {
  const groups = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const ga = groups.get(a.toLowerCase()) ?? new Set([a]);
    const gb = groups.get(b.toLowerCase()) ?? new Set([b]);
    const merged = new Set([...ga, ...gb]);
    for (const n of merged) groups.set(n.toLowerCase(), merged);
  };
  const tsv = readFileSync(new URL('./data/cmu_variant_pairs.tsv', import.meta.url), 'utf8');
  for (const line of tsv.split('\n').slice(1)) {
    const [, a, b] = line.split('\t');
    if (a && b) link(capitalise(a.trim()), capitalise(b.trim()));
  }
  for (const group of variantGroups) {
    for (let i = 1; i < group.length; i++) link(group[0] as string, group[i] as string);
  }
  const out = new Map<string, readonly string[]>();
  for (const [key, set] of groups)
    out.set(
      key,
      [...set].sort((x, y) => x.localeCompare(y, LOCAL)),
    );
  return out;
})();

/** Other spellings of one name word (never the word itself); empty when none is known. */
export function spellingVariants(word: string): readonly string[] {
  const all = variantIndex.get(word.toLowerCase());
  return all ? all.filter((w) => w.toLowerCase() !== word.toLowerCase()) : [];
}

/** Replaces one word of a multi-word name with a known variant, if any word has one. */
export function respell(rng: Rng, name: string): string {
  const words = name.split(' ');
  const candidates = words.map((w, i) => [i, spellingVariants(w)] as const).filter(([, v]) => v.length > 0);
  if (candidates.length === 0) return name;
  const [index, variants] = rng.pick(candidates);
  words[index] = rng.pick(variants);
  return words.join(' ');
}

// ---------------------------------------------------------------------------------------------------------
// Dates

export const DAY_MS = 86_400_000;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * YYYY-MM-DD of a UTC instant without a Date object (Howard Hinnant's civil-from-days); called for
 * every person of every case, where toISOString() was the generator's largest cost.
 */
export function isoDate(ms: number): string {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** ISO date-time in India Standard Time, e.g. 2025-03-04T22:15:00+05:30. */
export function istIso(ms: number): string {
  const local = ms + IST_MS;
  const inDay = ((local % DAY_MS) + DAY_MS) % DAY_MS;
  const h = Math.floor(inDay / 3_600_000);
  const mi = Math.floor((inDay % 3_600_000) / 60_000);
  const sec = Math.floor((inDay % 60_000) / 1000);
  return `${isoDate(local)}T${pad2(h)}:${pad2(mi)}:${pad2(sec)}+05:30`;
}

/** Calendar date in India for an instant. */
export function istDate(ms: number): string {
  return isoDate(ms + IST_MS);
}

const IST_MS = 5.5 * 3_600_000;

/** Whole years from `birth` to `on` (both YYYY-MM-DD; MM-DD compares correctly as text). */
export function fullYears(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** A birth date making the person exactly `age` on `on`. */
export function birthDateForAge(rng: Rng, age: number, on: string): string {
  const onMs = Date.parse(`${on}T00:00:00Z`);
  // Born between (age+1) years and age years before `on`, strictly inside so fullYears() gives `age`.
  const latest = onMs - Math.round(age * 365.25 * DAY_MS) - DAY_MS;
  const birth = latest - rng.int(1, 360) * DAY_MS;
  const date = isoDate(birth);
  return fullYears(date, on) === age ? date : isoDate(latest - DAY_MS);
}

// ---------------------------------------------------------------------------------------------------------
// Places

export function localityName(rng: Rng, region: Region): string {
  const suffixes = localitySuffixes[region] ?? ['Nagar'];
  const suffix = rng.pick(suffixes);
  const root = rng.pick(localityRoots);
  // Bengali and north Indian suffixes such as -pur and -ganj are written joined to the root.
  return [
    'Pur',
    'Ganj',
    'Tala',
    'Pura',
    'Puri',
    'Guda',
    'Pet',
    'Palli',
    'Halli',
    'Danga',
    'Para',
    'Gaon',
  ].includes(suffix)
    ? `${root}${suffix.toLowerCase()}`
    : `${root} ${suffix}`;
}

/** A street address in the district, in the local style; the PIN code is one of the district's. */
export function makeAddress(rng: Rng, district: District, region: Region, rural = rng.chance(0.3)): Address {
  const pincode = rng.pick(district.pincodes);
  const locality = localityName(rng, region);
  let text: string;
  if (rural) {
    const village = localityName(rng, region);
    text = `Vill. ${village}, P.O. ${rng.chance(0.5) ? village : localityName(rng, region)}, P.S. ${locality}, Dist. ${district.name}`;
  } else if (region === 'south_te') {
    text = `H.No. ${rng.int(1, 24)}-${rng.int(1, 12)}-${rng.int(1, 480)}, ${locality}, ${district.name}`;
  } else if (region === 'west' && rng.chance(0.4)) {
    text = `Room No. ${rng.int(1, 60)}, ${rng.pick(localityRoots)} Chawl, ${locality}, ${district.name}`;
  } else {
    text = `H.No. ${rng.int(1, 900)}, ${rng.pick(streetWords)}, ${locality}, ${district.name}`;
  }
  if (rng.chance(0.3)) text += ` - ${pincode}`;
  return { text, pincode, districtLgd: district.lgd };
}

// ---------------------------------------------------------------------------------------------------------
// Identities

export interface IdentitySpec {
  community: Community;
  gender: Gender;
  birthDate: string;
  address: Address;
  /** Married women get a husband's name and, in some communities, a different surname. */
  married?: boolean;
  /** Family members share these. */
  surname?: string | null;
  fatherGiven?: string;
  fatherName?: string;
  spouseName?: string;
  given?: string;
  /** Keep the family surname even where women's records often differ (Kumari, Devi, Khatoon…). */
  keepFamilySurname?: boolean;
}

const STARTS_WITH_MOHAMMED_OR_ABDUL = /^(mohammed|mohammad|muhammad|mohamed|mohd\.?|md\.?|abdul)( |$)/i;

export function newIdentity(rng: Rng, spec: IdentitySpec): Identity {
  const names = namesByCommunity[spec.community];
  const asMale = spec.gender === 'male';
  const given =
    spec.given ??
    drawGivenName(rng, spec.community, asMale || spec.gender === 'transgender' ? 'male' : 'female');
  const familySurname = spec.surname !== undefined ? spec.surname : rng.pick(names.surnames);
  let surname: string | null = familySurname;
  let middle: string | null = null;
  let prefix: string | null = null;
  const fatherGiven = spec.fatherGiven ?? drawGivenName(rng, spec.community, 'male');
  const fatherName =
    spec.fatherName ??
    (spec.community === 'tamil' || !familySurname
      ? fatherGiven
      : spec.community === 'sikh'
        ? `${fatherGiven} Singh`
        : `${fatherGiven} ${familySurname}`);
  switch (spec.community) {
    case 'sikh':
      middle = asMale ? 'Singh' : 'Kaur';
      if (rng.chance(0.4)) surname = null;
      break;
    case 'marathi':
      if (rng.chance(0.45)) middle = fatherName.split(' ')[0] ?? null;
      break;
    case 'muslim':
      // Never "Mohammed Mohammed Shaikh" or "Mohammed Md. Rizwan": a man whose given name already starts with
      // a form of Mohammed (or with Abdul) does not get the prefix.
      if (asMale && rng.chance(0.3) && !STARTS_WITH_MOHAMMED_OR_ABDUL.test(given)) prefix = 'Mohammed';
      break;
    case 'north_hindu':
      if (asMale && names.maleMiddles && rng.chance(0.2)) middle = rng.pick(names.maleMiddles);
      break;
    case 'nepali_ne':
      if (asMale && names.maleMiddles && rng.chance(0.3)) middle = rng.pick(names.maleMiddles);
      break;
    default:
      break;
  }
  const women = names.womenSurnames;
  if (women && !asMale && !spec.keepFamilySurname && rng.chance(women.share)) {
    surname = rng.pick(spec.married ? women.wives : women.girls);
  }
  // Only wives are recorded "w/o <husband>"; a married man is still "s/o <father>".
  const spouseName =
    spec.spouseName ??
    (spec.married && !asMale
      ? `${drawGivenName(rng, spec.community, 'male')}${spec.community === 'sikh' ? ' Singh' : familySurname && spec.community !== 'tamil' ? ` ${familySurname}` : ''}`
      : null);
  return {
    community: spec.community,
    gender: spec.gender,
    given,
    middle,
    surname,
    family: familySurname,
    prefix,
    fatherGiven,
    fatherName,
    spouseName,
    birthDate: spec.birthDate,
    address: spec.address,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Rendering

export const nameStyles = [
  'plain',
  'full',
  'initials',
  'surname_first',
  'single',
  'honorific',
  'upper',
  'respelled',
  'no_prefix',
] as const;
export type NameStyle = (typeof nameStyles)[number];

const initial = (word: string) => `${word.charAt(0).toUpperCase()}.`;
const genderSurnames = new Set(['Kumari', 'Devi', 'Khatoon', 'Bano', 'Begum', 'Bibi', 'Kaur']);

function plainName(id: Identity): string {
  if (id.community === 'tamil' && id.surname) return `${initial(id.surname)} ${id.given}`;
  const parts = [id.prefix, id.given, id.community === 'sikh' ? id.middle : null, id.surname];
  return parts.filter(Boolean).join(' ');
}

function honorific(rng: Rng, id: Identity, age: number): string {
  if (age < 18) return id.gender === 'male' ? 'Master' : rng.pick(['Kumari', 'Km.', 'Miss']);
  if (id.gender === 'male') {
    if (id.community === 'muslim') return rng.pick(['Janab', 'Shri', 'Mr.']);
    if (id.community === 'sikh') return rng.pick(['S.', 'Sardar', 'Shri']);
    if (id.community === 'tamil' || id.community === 'telugu') return rng.pick(['Sri', 'Thiru', 'Mr.']);
    return rng.pick(['Shri', 'Sri', 'Mr.']);
  }
  if (id.gender === 'transgender') return rng.pick(['Ms.', 'Smt.']);
  return id.spouseName ? rng.pick(['Smt.', 'Mrs.', 'Shrimati']) : rng.pick(['Ms.', 'Kumari', 'Miss']);
}

/** One way of writing the identity's name. `age` decides honorifics (Kumari for a girl, Smt. for a wife). */
export function renderName(rng: Rng, id: Identity, style: NameStyle, age: number): string {
  switch (style) {
    case 'plain':
      return plainName(id);
    case 'full': {
      if (id.community === 'tamil') return `${id.given} ${id.surname ?? ''}`.trim();
      return [id.prefix, id.given, id.middle, id.surname].filter(Boolean).join(' ');
    }
    case 'initials': {
      if (id.community === 'tamil' || id.community === 'telugu' || id.community === 'kannada') {
        return id.surname ? `${initial(id.surname)} ${id.given}` : id.given;
      }
      // "S. Kumari" or "F. Begum" would say nothing about the person: such names are not abbreviated.
      if (id.surname && genderSurnames.has(id.surname)) return plainName(id);
      // "Abdul Rahman Shaikh" → "A. R. Shaikh": every given word gets its initial.
      const firsts = [id.prefix, id.given, id.middle]
        .filter((p): p is string => Boolean(p))
        .flatMap((p) => p.split(' '));
      const last = id.surname ?? firsts.pop() ?? id.given;
      // "R. K. Sharma" or "R.K. Sharma": both occur.
      const sep = rng.chance(0.7) ? ' ' : '';
      return `${firsts.map(initial).join(sep)} ${last}`.trim();
    }
    case 'surname_first': {
      if (!id.surname) return plainName(id);
      const surname = rng.chance(0.4) ? id.surname.toUpperCase() : id.surname;
      const rest = [id.prefix, id.given, id.middle].filter(Boolean).join(' ');
      return rng.chance(0.3) ? `${surname}, ${rest}` : `${surname} ${rest}`;
    }
    case 'single':
      return id.prefix && rng.chance(0.5) ? `${id.prefix} ${id.given}` : id.given;
    case 'honorific':
      return `${honorific(rng, id, age)} ${plainName(id)}`;
    case 'upper':
      return plainName(id).toUpperCase();
    case 'respelled': {
      const name = plainName(id);
      const again = respell(rng, name);
      // No known variant: fall back to a change of form that keeps the same person recognisable.
      return again !== name ? again : renderName(rng, id, id.surname ? 'surname_first' : 'honorific', age);
    }
    case 'no_prefix': {
      if (!id.prefix) return renderName(rng, id, 'respelled', age);
      return [id.given, id.community === 'sikh' ? id.middle : null, id.surname].filter(Boolean).join(' ');
    }
  }
}

/** The style an ordinary (non-planted) record uses; weights follow what FIR copies typically show. */
export function randomNameStyle(rng: Rng, id: Identity, age: number): NameStyle {
  return rng.weighted<NameStyle>([
    ['plain', 40],
    ['full', id.middle ? 10 : 3],
    ['initials', id.community === 'tamil' || id.community === 'telugu' ? 14 : 6],
    ['surname_first', id.community === 'telugu' || id.community === 'marathi' ? 10 : 4],
    ['single', age < 18 ? 10 : 4],
    ['honorific', 10],
    ['upper', 5],
    ['respelled', 8],
  ]);
}

export interface RelationFields {
  relation_kind: 's/o' | 'd/o' | 'w/o' | 'c/o' | null;
  relation_name: string | null;
}

/** Father's or husband's name as recorded: s/o, d/o, w/o (c/o for transgender persons, naming a guru). */
export function renderRelation(rng: Rng, id: Identity, respellIt: boolean): RelationFields {
  let kind: RelationFields['relation_kind'];
  let name: string;
  if (id.gender === 'transgender') {
    kind = 'c/o';
    name = `Guru ${drawGivenName(rng, 'north_hindu', 'female')}`;
  } else if (id.spouseName && rng.chance(0.7)) {
    kind = 'w/o';
    name = id.spouseName;
  } else {
    kind = id.gender === 'male' ? 's/o' : 'd/o';
    name = id.fatherName;
  }
  if (respellIt) name = respell(rng, name);
  if (rng.chance(0.04)) name = `Late ${name}`;
  return { relation_kind: kind, relation_name: name };
}

export function randomAlias(rng: Rng, id: Identity, age: number): string {
  const list = age < 18 ? childAliases : id.gender === 'male' ? maleAliases : femaleAliases;
  return rng.pick(list).replace('{given}', id.given);
}
