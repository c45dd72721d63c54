/**
 * The comparisons of person resolution: for each field, the levels of agreement a pair of records can reach and
 * the function that finds a pair's level from pre-computed features. Level 0 is always "missing" (one side has no
 * value: neutral, weight 0); the last level is always "disagree".
 */
import { compareNames, type Features, type NameColumn, type TextColumn } from './features.ts';
import type { NameLevel } from './names.ts';
import { damerauLevenshtein, jaroWinkler } from './similarity.ts';

export const COMPARISON_LEVELS = {
  name: ['exact', 'folded', 'fuzzy', 'initials', 'subset', 'disagree'],
  given_name: ['exact', 'close', 'fuzzy', 'initial', 'swapped', 'disagree'],
  surname: ['exact', 'close', 'fuzzy', 'initial', 'disagree'],
  relation_name: ['exact', 'folded', 'fuzzy', 'initials', 'subset', 'disagree'],
  gender: ['exact', 'disagree'],
  birth_date: ['exact', 'transposed', 'one_edit', 'one_off', 'interval', 'disagree'],
  street_number: ['exact', 'one_edit', 'disagree'],
  address_line1: ['exact', 'close', 'fuzzy', 'disagree'],
  address_line2: ['exact', 'close', 'fuzzy', 'disagree'],
  locality: ['exact', 'close', 'fuzzy', 'disagree'],
  postcode: ['exact', 'one_edit', 'disagree'],
  state: ['exact', 'disagree'],
  phone: ['exact', 'one_edit', 'disagree'],
  email: ['exact', 'fuzzy', 'disagree'],
  identifier: ['exact', 'one_edit', 'two_edits', 'disagree'],
} as const;

export type ComparisonKey = keyof typeof COMPARISON_LEVELS;

/** Fields shared by everyone in a household (their summed weight is capped, see RESOLUTION_MODEL). */
export const HOUSEHOLD_COMPARISONS: ReadonlySet<ComparisonKey> = new Set<ComparisonKey>([
  'surname',
  'relation_name',
  'street_number',
  'address_line1',
  'address_line2',
  'locality',
  'postcode',
  'state',
  'phone',
]);

/** The comparisons whose "disagree" level is a given-name disagreement (its penalty has a floor). */
export const GIVEN_NAME_COMPARISONS: ReadonlySet<ComparisonKey> = new Set<ComparisonKey>([
  'name',
  'given_name',
]);

export interface Comparison {
  key: ComparisonKey;
  /** Level names; level k (1-based) is levels[k - 1], level 0 is missing. */
  levels: readonly string[];
  household: boolean;
  /** Column whose value ids drive the term-frequency adjustment, and how many leading levels get it. */
  tf: TextColumn | null;
  tfLevels: number;
  /** u of level 1 can be computed exactly from value counts (level 1 is "same value id"). */
  exactIsSameId: boolean;
  level: (i: number, j: number) => number;
}

function present(col: TextColumn): boolean {
  return col.present >= 2;
}

/** exact / close (JW ≥ close) / fuzzy (JW ≥ fuzzy) / disagree. */
function textLevels(col: TextColumn, close: number, fuzzy: number) {
  const { ids, values } = col;
  return (i: number, j: number): number => {
    const a = ids[i]!;
    const b = ids[j]!;
    if (a < 0 || b < 0) return 0;
    if (a === b) return 1;
    const s = jaroWinkler(values[i]!, values[j]!);
    return s >= close ? 2 : s >= fuzzy ? 3 : 4;
  };
}

/** exact / one edit / (two edits) / disagree, by Damerau–Levenshtein distance. */
function editLevels(col: TextColumn, twoEdits: boolean) {
  const { ids, values } = col;
  const disagree = twoEdits ? 4 : 3;
  return (i: number, j: number): number => {
    const a = ids[i]!;
    const b = ids[j]!;
    if (a < 0 || b < 0) return 0;
    if (a === b) return 1;
    const d = damerauLevenshtein(values[i]!, values[j]!, twoEdits ? 2 : 1);
    if (d === 1) return 2;
    if (d === 2 && twoEdits) return 3;
    return disagree;
  };
}

function exactLevels(col: TextColumn) {
  const { ids } = col;
  return (i: number, j: number): number => {
    const a = ids[i]!;
    const b = ids[j]!;
    if (a < 0 || b < 0) return 0;
    return a === b ? 1 : 2;
  };
}

const CLOSE_NAME = 0.92;
const FUZZY_NAME = 0.8;

/**
 * Given name or surname compared on its own, with a check for the two being swapped between the records: the
 * given-name comparison then says `swapped` and the surname comparison says nothing (missing), so a swap counts
 * once.
 */
function nameTextLevels(own: TextColumn, other: TextColumn, isGiven: boolean) {
  const ids = own.ids;
  const values = own.values;
  const otherIds = other.ids;
  const otherValues = other.values;
  return (i: number, j: number): number => {
    const a = ids[i]!;
    const b = ids[j]!;
    if (a < 0 || b < 0) return 0;
    if (a === b) return 1;
    const x = values[i]!;
    const y = values[j]!;
    if ((x.length === 1 || y.length === 1) && x.charCodeAt(0) === y.charCodeAt(0)) return 4;
    const s = jaroWinkler(x, y);
    if (s >= CLOSE_NAME) return 2;
    if (otherIds[i]! >= 0 && otherIds[j]! >= 0) {
      const ox = otherValues[i]!;
      const oy = otherValues[j]!;
      if (
        x.charCodeAt(0) === oy.charCodeAt(0) &&
        ox.charCodeAt(0) === y.charCodeAt(0) &&
        jaroWinkler(x, oy) >= CLOSE_NAME &&
        jaroWinkler(ox, y) >= CLOSE_NAME
      )
        return isGiven ? 5 : 0;
    }
    return s >= FUZZY_NAME ? 3 : isGiven ? 6 : 5;
  };
}

const NAME_LEVEL_INDEX: Record<NameLevel, number> = {
  missing: 0,
  exact: 1,
  folded: 2,
  fuzzy: 3,
  initials: 4,
  subset: 5,
  disagree: 6,
};

/**
 * A whole name by the Indian-name rules (names.ts). With `relation`, an initial left over may be the initial of
 * the record's relation name (Tamil "K. Murugan" s/o Kannan).
 */
function parsedNameLevels(col: NameColumn, relation: NameColumn | null) {
  const parsed = col.parsed;
  const ids = col.key.ids;
  const relations = relation?.parsed ?? null;
  return (i: number, j: number): number => {
    const a = parsed[i];
    const b = parsed[j];
    if (!a || !b) return 0;
    // Same folded tokens in any order: no need to ask the name rules.
    if (ids[i] === ids[j] && a.compare.displayKey === b.compare.displayKey) return 1;
    return NAME_LEVEL_INDEX[
      relations ? compareNames(a, b, relations[i] ?? null, relations[j] ?? null) : compareNames(a, b)
    ];
  };
}

function genderLevels(gender: Uint8Array) {
  return (i: number, j: number): number => {
    const a = gender[i]!;
    const b = gender[j]!;
    if (a === 0 || b === 0) return 0;
    return a === b ? 1 : 2;
  };
}

/**
 * exact / day and month transposed / one typing error in the eight digits YYYYMMDD (a wrong or swapped digit) /
 * one of year, month, day different / within the interval of a stated age / disagree.
 */
function dateLevels(f: Features) {
  const { dateKind: kind, year, month, day, dayLo, dayHi } = f;
  const digits = f.dateKey.values;
  return (i: number, j: number): number => {
    const ka = kind[i]!;
    const kb = kind[j]!;
    if (ka === 0 || kb === 0) return 0;
    if (ka === 1 && kb === 1) {
      if (dayLo[i] === dayLo[j]) return 1;
      const ya = year[i]!;
      const yb = year[j]!;
      const ma = month[i]!;
      const mb = month[j]!;
      const da = day[i]!;
      const db = day[j]!;
      if (ya === yb && ma === db && da === mb) return 2;
      if (damerauLevenshtein(digits[i]!, digits[j]!, 1) <= 1) return 3;
      const off = (ya === yb ? 0 : 1) + (ma === mb ? 0 : 1) + (da === db ? 0 : 1);
      return off === 1 ? 4 : 6;
    }
    return dayLo[i]! <= dayHi[j]! && dayLo[j]! <= dayHi[i]! ? 5 : 6;
  };
}

function emailLevels(col: TextColumn) {
  const { ids, values } = col;
  return (i: number, j: number): number => {
    const a = ids[i]!;
    const b = ids[j]!;
    if (a < 0 || b < 0) return 0;
    if (a === b) return 1;
    const x = values[i]!;
    const y = values[j]!;
    const ax = x.indexOf('@');
    const ay = y.indexOf('@');
    if (ax > 0 && ax === ay) {
      let k = 0;
      while (k < ax && x.charCodeAt(k) === y.charCodeAt(k)) k++;
      if (k === ax) return 2;
    }
    return damerauLevenshtein(x, y, 2) <= 2 ? 2 : 3;
  };
}

function comparison(
  key: ComparisonKey,
  level: (i: number, j: number) => number,
  tf: TextColumn | null,
  tfLevels: number,
  exactIsSameId: boolean,
): Comparison {
  return {
    key,
    levels: COMPARISON_LEVELS[key],
    household: HOUSEHOLD_COMPARISONS.has(key),
    tf,
    tfLevels,
    exactIsSameId,
    level,
  };
}

/** The comparisons that apply to these records: every field at least two records have. */
export function buildComparisons(f: Features): Comparison[] {
  const out: Comparison[] = [];
  if (f.nameMode === 'full') {
    if (f.name.key.present >= 2)
      out.push(comparison('name', parsedNameLevels(f.name, f.relation), f.name.key, 2, false));
  } else {
    if (present(f.given))
      out.push(comparison('given_name', nameTextLevels(f.given, f.surname, true), f.given, 1, true));
    if (present(f.surname))
      out.push(comparison('surname', nameTextLevels(f.surname, f.given, false), f.surname, 1, true));
  }
  if (f.relation.key.present >= 2)
    out.push(comparison('relation_name', parsedNameLevels(f.relation, null), f.relation.key, 2, false));
  let genders = 0;
  for (let i = 0; i < f.n; i++) if (f.gender[i] !== 0) genders++;
  if (genders >= 2) out.push(comparison('gender', genderLevels(f.gender), null, 0, false));
  let dates = 0;
  for (let i = 0; i < f.n; i++) if (f.dateKind[i] !== 0) dates++;
  if (dates >= 2) out.push(comparison('birth_date', dateLevels(f), null, 0, false));
  if (present(f.streetNumber))
    out.push(comparison('street_number', editLevels(f.streetNumber, false), null, 0, true));
  if (present(f.address1))
    out.push(comparison('address_line1', textLevels(f.address1, 0.9, 0.75), f.address1, 1, true));
  if (present(f.address2))
    out.push(comparison('address_line2', textLevels(f.address2, 0.9, 0.75), f.address2, 1, true));
  if (present(f.locality))
    out.push(comparison('locality', textLevels(f.locality, 0.92, 0.8), f.locality, 1, true));
  if (present(f.postcode))
    out.push(comparison('postcode', editLevels(f.postcode, false), f.postcode, 1, true));
  if (present(f.state)) out.push(comparison('state', exactLevels(f.state), null, 0, true));
  if (present(f.phone)) out.push(comparison('phone', editLevels(f.phone, false), f.phone, 1, true));
  if (present(f.email)) out.push(comparison('email', emailLevels(f.email), null, 0, true));
  if (present(f.identifier))
    out.push(comparison('identifier', editLevels(f.identifier, true), f.identifier, 1, true));
  return out;
}
