/**
 * The comparisons of person resolution: for each field, the levels of agreement a pair of records can reach and
 * the function that finds a pair's level from pre-computed features. Level 0 is always "missing" (one side has no
 * value: neutral, weight 0); the last level is always "disagree".
 */

import { RESOLUTION_MODEL } from './constants.ts';
import { compareNames, type Features, type NameColumn, type TextColumn } from './features.ts';
import {
  foldToken,
  type NameLevel,
  nameTokenFrequencies,
  type ParsedName,
  rarestSharedFrequency,
  wordsClose,
} from './names.ts';
import { damerauLevenshtein, jaroWinkler } from './similarity.ts';

/**
 * How common the agreeing part of two relation names is: the share of relation names holding the rarest word
 * both have that is not also in either record's own name. "R. Gogoi s/o Binod Gogoi" and "Ram Gogoi s/o Binod
 * Gogoi" share the family name twice; it is counted once, in the name, and the relation adds only what "Binod"
 * says. 1 when the relation names share nothing but the family name.
 */
function relationPairFrequency(relation: NameColumn, own: NameColumn, stored: StoredShares | null = null) {
  const frequencies = stored ? sharesWithFallback(stored) : nameTokenFrequencies(relation.parsed);
  const rel = relation.parsed;
  const names = own.parsed;
  return (i: number, j: number): number => {
    const a = rel[i];
    const b = rel[j];
    if (!a || !b) return Number.NaN;
    const na = names[i]?.tokens ?? [];
    const nb = names[j]?.tokens ?? [];
    let best = 1;
    for (const t of a.tokens) {
      if (!b.tokens.includes(t) || na.includes(t) || nb.includes(t)) continue;
      const f = frequencies.get(t);
      if (f !== undefined && f < best) best = f;
    }
    return best;
  };
}

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

/**
 * How many leading levels of each comparison corroborate a match: agreement on something a namesake of the same
 * age would not share (a phone, an identifier, an email, the father's or husband's name, a full birth date). A pair with no corroborating agreement scores at most RESOLUTION_MODEL.uncorroboratedMaxWeight
 * (below auto-link): a name, a gender, an age and a PIN code alone never link two records.
 */
export const CORROBORATING_LEVELS: Readonly<Partial<Record<ComparisonKey, number>>> = Object.freeze({
  relation_name: 3, // exact, folded, fuzzy
  birth_date: 2, // exact, transposed (not a typo away, not an age interval: namesakes of an age are many)
  // A house number (a separate street-number field, as in FEBRL).
  street_number: 1,
  // A full home address, only with a shared own name (NAME_GATED_CORROBORATION): everyone found at one brothel,
  // spa or raid shares its address, and a household shares a home.
  address_line1: 1,
  phone: 1,
  email: 2,
  identifier: 3, // exact, one or two edits
});

/**
 * Corroborating fields that a sibling, a twin or a stranger of the same age shares as easily as the person
 * does: the father's name (every child of one father), a birth date (twins; one child in a few thousand of an
 * age) and a home address (a household). When whole names are compared, these corroborate only if the two
 * names also share a word of the person's own (`sharesOwnWord`): not an initial, a gender word, Kumar or
 * Singh, or a word of either relation name (the family name). "S. Meena d/o Devashish Meena" and "Saba Meena
 * d/o Devashish Meena" share only the family name and an initial, as two sisters do. A phone, an identifier, an
 * email or a house number belongs to the person and corroborates alone. Without whole names (FEBRL-style given
 * name and surname) relation name and birth date corroborate as before, and the address never does.
 */
export const NAME_GATED_CORROBORATION: ReadonlySet<ComparisonKey> = new Set<ComparisonKey>([
  'relation_name',
  'birth_date',
  'address_line1',
]);

/**
 * Words that are shared by too many people to say which person a record is, though they are not gender words:
 * Kumar and Singh, and Abdul, the first half of many Muslim given names (Abdul Rahman, Abdul Karim; Mohammed is
 * a gender word already) — "Abdul Saifi" and "Saifi Abdul Rahman", sons of one father, share no word of their own.
 */
const NOT_OWN_WORDS: ReadonlySet<string> = new Set(['Kumar', 'Singh', 'Abdul'].map(foldToken));

export interface Comparison {
  key: ComparisonKey;
  /** Level names; level k (1-based) is levels[k - 1], level 0 is missing. */
  levels: readonly string[];
  household: boolean;
  /** Levels 1..corroborates corroborate a match (CORROBORATING_LEVELS); 0 for none. */
  corroborates: number;
  /**
   * For a pair agreeing at `level`, how common the shared part of their values is (a share of records), used in
   * place of u when larger; NaN to use the `tf` column instead. Names: the rarest word both names have when
   * they share at most one word (two "Kumar"s say little), else the whole name's frequency.
   */
  pairFrequency: ((i: number, j: number, level: number) => number) | null;
  /**
   * Whole names only: whether the pair's names share a word of the person's own (NAME_GATED_CORROBORATION),
   * which lets the father's name, a birth date or a home address corroborate.
   */
  sharesOwnWord: ((i: number, j: number) => boolean) | null;
  /**
   * Whole names only: whether either name holds fewer than two words of its own (not initials, gender words,
   * Kumar or Singh) — a lone given name, which thousands share.
   */
  loneName: ((i: number, j: number) => boolean) | null;
  /** A further condition for this comparison to corroborate a pair (the address: a full one); null for none. */
  corroboratesPair: ((i: number, j: number) => boolean) | null;
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

/** Texts longer than this are compared by their words, not character by character. */
const LONG_TEXT = 48;

/**
 * exact / close (similarity ≥ close) / fuzzy (≥ fuzzy) / disagree. Similarity is Jaro–Winkler for short values
 * (FEBRL's "wattle street"; `jaroWinkler` is bit-parallel, up to 64 characters in two machine words, so a
 * 40-character Indian address beside a 60-character one costs about half a microsecond) and, when both are
 * long (a free-text Indian address of sixty characters, where Jaro–Winkler says less), the Dice coefficient of
 * their word sets: each value id's distinct words (split on single spaces, so an empty word counts as one) are
 * interned once, as a sorted Int32Array of word ids, and two of them are counted in common by a merge. The
 * levels are those of the plain versions (`[...new Set(value.split(' '))]` and `Array.includes`, character-by-
 * character Jaro) for every pair. Exported for the unit tests.
 */
export function textLevels(col: TextColumn, close: number, fuzzy: number) {
  const { ids, values } = col;
  const wordIds = new Map<string, number>();
  // Filled (not holey), so reading a value id not yet seen stays on the fast path.
  const words: (Int32Array | undefined)[] = new Array(col.counts.length).fill(undefined);
  const wordsOf = (id: number, value: string): Int32Array => {
    let w = words[id];
    if (w === undefined) {
      const set = new Set<number>();
      for (const word of value.split(' ')) {
        let wid = wordIds.get(word);
        if (wid === undefined) {
          wid = wordIds.size;
          wordIds.set(word, wid);
        }
        set.add(wid);
      }
      w = Int32Array.from(set).sort();
      words[id] = w;
    }
    return w;
  };
  return (i: number, j: number): number => {
    const a = ids[i]!;
    const b = ids[j]!;
    if (a < 0 || b < 0) return 0;
    if (a === b) return 1;
    const x = values[i]!;
    const y = values[j]!;
    let s: number;
    if (x.length > LONG_TEXT && y.length > LONG_TEXT) {
      const wx = wordsOf(a, x);
      const wy = wordsOf(b, y);
      const nx = wx.length;
      const ny = wy.length;
      let common = 0;
      let p = 0;
      let q = 0;
      while (p < nx && q < ny) {
        const u = wx[p]!;
        const v = wy[q]!;
        if (u <= v) p++;
        if (v <= u) q++;
        if (u === v) common++;
      }
      s = (2 * common) / (nx + ny);
    } else s = jaroWinkler(x, y);
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
function parsedNameLevels(col: NameColumn, relation: NameColumn | null, kinds: Uint8Array | null = null) {
  const parsed = col.parsed;
  const ids = col.key.ids;
  const relations = relation?.parsed ?? null;
  return (i: number, j: number): number => {
    const a = parsed[i];
    const b = parsed[j];
    if (!a || !b) return 0;
    // A father's name against a husband's: two different people, so no evidence either way.
    if (kinds !== null) {
      const ka = kinds[i]!;
      const kb = kinds[j]!;
      if (ka !== 0 && kb !== 0 && ka !== kb) return 0;
    }
    // Same folded tokens in any order: no need to ask the name rules.
    if (ids[i] === ids[j] && a.compare.displayKey === b.compare.displayKey) return 1;
    const level =
      NAME_LEVEL_INDEX[
        relations ? compareNames(a, b, relations[i] ?? null, relations[j] ?? null) : compareNames(a, b)
      ];
    if (level !== DISAGREE || (a.aliasNames.length === 0 && b.aliasNames.length === 0)) return level;
    const via = aliasMatch(a, b);
    return via ? via.level : level;
  };
}

const DISAGREE = 6;
const SUBSET = 5;
const FUZZY = 3;

/**
 * Names that disagree may still name one person through an alias: "Kalia" against "Ramesh Yadav @ Kalia", or
 * "Ramesh @ Kalia" against "Suresh @ Kalia". The best agreement of one record's name or alias with the other's,
 * and the two names that reached it; null when no alias agrees with a whole name (exactly, folded or fuzzily).
 * Only for names that disagree (rare, and never on the pair loop's common path), so an alias never adds to a name
 * that already agrees. The level is at best
 * `subset` — the names meet in part — whatever the alias's own agreement: nicknames (Pappu, Monu, Kalia) are
 * shared by thousands, so such a pair stays below the review band unless a phone, an identifier or another
 * corroborating field agrees (model.ts uncorroboratedLimit).
 */
function aliasMatch(a: ParsedName, b: ParsedName): { level: number; a: ParsedName; b: ParsedName } | null {
  let best: { a: ParsedName; b: ParsedName } | null = null;
  let bestLevel = DISAGREE;
  const tryPair = (x: ParsedName, y: ParsedName) => {
    // The alias must agree with the whole name (exact, folded, fuzzy): an initial or a part ("M. Baha" against
    // "Mithi") is no evidence through a nickname.
    const level = NAME_LEVEL_INDEX[compareNames(x, y)];
    if (level !== 0 && level <= FUZZY && level < bestLevel) {
      best = { a: x, b: y };
      bestLevel = level;
    }
  };
  for (const x of a.aliasNames) {
    tryPair(x, b);
    for (const y of b.aliasNames) tryPair(x, y);
  }
  for (const y of b.aliasNames) tryPair(a, y);
  return best === null ? null : { level: SUBSET, ...(best as { a: ParsedName; b: ParsedName }) };
}

/**
 * Relation names by the name rules, with one more agreement: a father's name given without the family name
 * ("s/o Mahendra") against the same father in full ("s/o Mahendra Chaurasiya"), where every word one of them lacks
 * is a word of either person's own name — the family name they carry — is `folded`, not `subset`: records give
 * a relation that way all the time, and it names the same man. Whole names only (`name`).
 */
function relationLevels(relation: NameColumn, name: NameColumn | null, kinds: Uint8Array) {
  const base = parsedNameLevels(relation, null, kinds);
  if (name === null) return base;
  const subset = NAME_LEVEL_INDEX.subset;
  return (i: number, j: number): number => {
    const level = base(i, j);
    if (level !== subset) return level;
    const a = relation.parsed[i]!.tokens;
    const b = relation.parsed[j]!.tokens;
    const own = [...(name.parsed[i]?.tokens ?? []), ...(name.parsed[j]?.tokens ?? [])];
    let shared = 0;
    for (const t of a) if (b.includes(t)) shared++;
    if (shared === 0) return level;
    for (const t of a) if (!b.includes(t) && !own.includes(t)) return level;
    for (const t of b) if (!a.includes(t) && !own.includes(t)) return level;
    return NAME_LEVEL_INDEX.folded;
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
  pairFrequency: Comparison['pairFrequency'] = null,
  sharesOwnWord: Comparison['sharesOwnWord'] = null,
): Comparison {
  return {
    key,
    levels: COMPARISON_LEVELS[key],
    household: HOUSEHOLD_COMPARISONS.has(key),
    corroborates: CORROBORATING_LEVELS[key] ?? 0,
    pairFrequency,
    sharesOwnWord,
    loneName: null,
    corroboratesPair: null,
    tf,
    tfLevels,
    exactIsSameId,
    level,
  };
}

/**
 * How common the agreeing part of two names is: the whole name's share when they agree exactly or folded on two
 * or more words (NaN: the name column's own term frequency), else the share of names holding the rarest word
 * both have (1 when they share none, as with initials only).
 */
function namePairFrequency(col: NameColumn, stored: StoredShares | null = null) {
  const frequencies = stored ? sharesWithFallback(stored) : nameTokenFrequencies(col.parsed);
  const parsed = col.parsed;
  return (i: number, j: number, level: number): number => {
    const a = parsed[i];
    const b = parsed[j];
    if (!a || !b) return Number.NaN;
    // Names that met through an alias (aliasMatch): how common the words they met on are.
    if (
      (a.aliasNames.length > 0 || b.aliasNames.length > 0) &&
      NAME_LEVEL_INDEX[compareNames(a, b)] === DISAGREE
    ) {
      const via = aliasMatch(a, b);
      if (via) return rarestSharedFrequency(via.a, via.b, frequencies);
    }
    if (level <= 2) {
      let shared = 0;
      for (let k = 0; k < a.tokens.length; k++) {
        const t = a.tokens[k]!;
        if (!a.compare.gender[k] && a.tokens.indexOf(t) === k && b.tokens.includes(t)) shared++;
      }
      if (shared >= 2) return Number.NaN;
    }
    return rarestSharedFrequency(a, b, frequencies);
  };
}

/** Whether either of two names holds fewer than two words of its own (a lone given name: "Neha", "Kumari Neha"). */
function loneName(col: NameColumn) {
  const own = new Uint8Array(col.parsed.length);
  for (let i = 0; i < col.parsed.length; i++) {
    const p = col.parsed[i];
    if (!p) continue;
    let n = 0;
    for (let k = 0; k < p.tokens.length; k++) {
      const t = p.tokens[k]!;
      if (!p.compare.gender[k] && !NOT_OWN_WORDS.has(t) && p.tokens.indexOf(t) === k) n++;
    }
    own[i] = Math.min(n, 2);
  }
  return (i: number, j: number): boolean => own[i]! < 2 || own[j]! < 2;
}

/**
 * Whether two names share a word of the person's own: a full word (equal keys, or close ones as compareNames
 * pairs them) that is not an initial, not a gender word (Devi, Begum, Mohammed…), not Kumar or Singh, and not a
 * word of either record's relation name (the family name a father and his children all carry).
 */
function ownWordShared(col: NameColumn, relation: NameColumn) {
  const names = col.parsed;
  const relations = relation.parsed;
  return (i: number, j: number): boolean => {
    const a = names[i];
    const b = names[j];
    if (!a || !b) return false;
    const ra = relations[i]?.tokens;
    const rb = relations[j]?.tokens;
    for (let x = 0; x < a.tokens.length; x++) {
      const key = a.tokens[x]!;
      if (a.compare.gender[x] || NOT_OWN_WORDS.has(key)) continue;
      if (ra?.includes(key) || rb?.includes(key)) continue;
      for (let y = 0; y < b.tokens.length; y++) {
        const other = b.tokens[y]!;
        if (b.compare.gender[y] || rb?.includes(other) || ra?.includes(other)) continue;
        if (other === key || wordsClose(a, x, b, y)) return true;
      }
    }
    return false;
  };
}

/** Words an address must have to name a home rather than a district or a town ("Dist. Dumka"). */
const FULL_ADDRESS_WORDS = 5;

/**
 * Whether a shared address corroborates the pair. Everyone in a household shares it, so: it is a full one (a
 * house, or a village with its post office, not a district alone); the whole names agree word for word, written
 * out (exact, folded or fuzzy; no initials, no word left over: "G. Bairwa" is a mother and a daughter alike,
 * and a father and daughter share only the family name); and neither the fathers' names nor the births
 * disagree (two cousins of one name in a joint family).
 */
function fullAddress(
  col: TextColumn,
  names: NameColumn,
  nameLevel: (i: number, j: number) => number,
  relationLevel: ((i: number, j: number) => number) | null,
  birthLevel: ((i: number, j: number) => number) | null,
) {
  const full = new Uint8Array(col.counts.length);
  for (let i = 0; i < col.ids.length; i++) {
    const id = col.ids[i]!;
    if (id >= 0) full[id] = col.values[i]!.split(' ').length >= FULL_ADDRESS_WORDS ? 1 : 0;
  }
  return (i: number, j: number): boolean => {
    const id = col.ids[i]!;
    if (id < 0 || full[id] !== 1) return false;
    if ((names.parsed[i]?.initials.length ?? 1) > 0 || (names.parsed[j]?.initials.length ?? 1) > 0)
      return false;
    const l = nameLevel(i, j);
    if (l < 1 || l > 3) return false;
    if (relationLevel && relationLevel(i, j) === COMPARISON_LEVELS.relation_name.length) return false;
    return !birthLevel || birthLevel(i, j) !== COMPARISON_LEVELS.birth_date.length;
  };
}

// -------------------------------------------------------------------------------------------------------
// Term frequencies kept from one run

/**
 * The term frequencies of one run, kept so that a few candidates scored later with its model (the grid's
 * screening and matching, profiles/grid-model.ts) are weighed as the run would have weighed them: a shared
 * "Kumar" or "Devi" little, a shared "Xalxo" a lot. Frequencies counted on a list of ten candidates would say
 * nothing about the population. Only the commonest values are kept (RESOLUTION_MODEL.storedFrequencies per
 * map); any other value counts as no more common than the least common one kept.
 */
export interface ValueFrequencies {
  /** Per comparison with a term-frequency column: its commonest values and how many records hold each. */
  columns: Partial<Record<ComparisonKey, StoredCounts>>;
  /** Share of names holding each name word (phonetic key), and the same for relation names. */
  nameWords: StoredShares | null;
  relationWords: StoredShares | null;
}

export interface StoredCounts {
  /** Records with a value. */
  present: number;
  /** Value (normalised as in features.ts) → records holding it; only values held by two or more. */
  counts: Map<string, number>;
  /**
   * The count of a value not in `counts`: the least count kept when the map was cut, else 2 (a value two
   * compared records share is held by at least two).
   */
  fallback: number;
}

export interface StoredShares {
  shares: Map<string, number>;
  /** The share of a word not in `shares`: the least share kept when the map was cut, else twice the least. */
  fallback: number;
}

/**
 * The stored shares, answering `fallback` for a word they do not hold. A view, not a copy: screening scores a
 * handful of candidates per query, and copying 5,000 shares twice a query cost more than the scoring.
 */
function sharesWithFallback(stored: StoredShares): Pick<ReadonlyMap<string, number>, 'get'> {
  const { shares, fallback } = stored;
  return { get: (key: string) => shares.get(key) ?? fallback };
}

function keepCommonest<T>(entries: [string, number][], cap: number, rest: T, last: (n: number) => T) {
  entries.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const kept = entries.slice(0, cap);
  const truncated = entries.length > cap;
  return { map: new Map(kept), fallback: truncated ? last(kept[kept.length - 1]![1]) : rest };
}

function storedShares(shares: Map<string, number>, cap: number): StoredShares | null {
  if (shares.size === 0) return null;
  let least = 1;
  for (const v of shares.values()) if (v < least) least = v;
  // A word two compared names share is held by at least two names, however rare it was in the run.
  const { map, fallback } = keepCommonest([...shares], cap, Math.min(1, 2 * least), (n) => n);
  return { shares: map, fallback };
}

/** The term frequencies of a run, to pass to `buildComparisons` when scoring other records with its model. */
export function valueFrequencies(
  f: Features,
  comparisons: readonly Comparison[],
  cap: number = RESOLUTION_MODEL.storedFrequencies,
): ValueFrequencies {
  const columns: ValueFrequencies['columns'] = {};
  for (const c of comparisons) {
    const col = c.tf;
    if (!col) continue;
    const seen = new Uint8Array(col.counts.length);
    const entries: [string, number][] = [];
    for (let i = 0; i < col.ids.length; i++) {
      const id = col.ids[i]!;
      if (id < 0 || seen[id] === 1) continue;
      seen[id] = 1;
      if (col.counts[id]! >= 2) entries.push([col.values[i]!, col.counts[id]!]);
    }
    // A value two compared records share is held by at least two, however rare it was in the run.
    const { map, fallback } = keepCommonest(entries, cap, 2, (n) => n);
    columns[c.key] = { present: col.present, counts: map, fallback };
  }
  const full = f.nameMode === 'full';
  return {
    columns,
    nameWords: full ? storedShares(nameTokenFrequencies(f.name.parsed), cap) : null,
    relationWords: full ? storedShares(nameTokenFrequencies(f.relation.parsed), cap) : null,
  };
}

/** A term-frequency column of these records counted as the stored run counted it. */
function storedColumn(col: TextColumn, stored: StoredCounts): TextColumn {
  const counts = new Int32Array(col.counts.length);
  for (let i = 0; i < col.ids.length; i++) {
    const id = col.ids[i]!;
    if (id >= 0) counts[id] = stored.counts.get(col.values[i]!) ?? stored.fallback;
  }
  return { values: col.values, ids: col.ids, counts, present: stored.present };
}

/**
 * The comparisons that apply to these records: every field at least two records have. With `stored` (the term
 * frequencies of the run whose model will score these records), term frequencies and the rarest shared name
 * word come from it, not from these records; a column it has no counts for gets no term-frequency adjustment.
 */
export function buildComparisons(f: Features, stored: ValueFrequencies | null = null): Comparison[] {
  const out = buildComparisonsOn(f, stored);
  if (!stored) return out;
  return out.map((c) => {
    if (!c.tf) return c;
    const counts = stored.columns[c.key];
    return counts ? { ...c, tf: storedColumn(c.tf, counts) } : { ...c, tf: null, tfLevels: 0 };
  });
}

function buildComparisonsOn(f: Features, stored: ValueFrequencies | null): Comparison[] {
  const out: Comparison[] = [];
  if (f.nameMode === 'full') {
    if (f.name.key.present >= 2)
      out.push(
        comparison(
          'name',
          parsedNameLevels(f.name, f.relation),
          f.name.key,
          5,
          false,
          namePairFrequency(f.name, stored?.nameWords ?? null),
          ownWordShared(f.name, f.relation),
        ),
      );
    const name = out.find((c) => c.key === 'name');
    if (name) name.loneName = loneName(f.name);
  } else {
    if (present(f.given))
      out.push(comparison('given_name', nameTextLevels(f.given, f.surname, true), f.given, 1, true));
    if (present(f.surname))
      out.push(comparison('surname', nameTextLevels(f.surname, f.given, false), f.surname, 1, true));
  }
  if (f.relation.key.present >= 2)
    out.push(
      comparison(
        'relation_name',
        relationLevels(f.relation, f.nameMode === 'full' ? f.name : null, f.relationKind),
        f.relation.key,
        3,
        false,
        f.nameMode === 'full'
          ? relationPairFrequency(f.relation, f.name, stored?.relationWords ?? null)
          : null,
      ),
    );
  let genders = 0;
  for (let i = 0; i < f.n; i++) if (f.gender[i] !== 0) genders++;
  if (genders >= 2) out.push(comparison('gender', genderLevels(f.gender), null, 0, false));
  let dates = 0;
  for (let i = 0; i < f.n; i++) if (f.dateKind[i] !== 0) dates++;
  if (dates >= 2) out.push(comparison('birth_date', dateLevels(f), null, 0, false));
  if (present(f.streetNumber))
    out.push(comparison('street_number', editLevels(f.streetNumber, false), null, 0, true));
  if (present(f.address1)) {
    const address = comparison('address_line1', textLevels(f.address1, 0.9, 0.75), f.address1, 1, true);
    // Only a whole-name run can check the name gate, so only there does an address corroborate.
    const name = out.find((c) => c.key === 'name');
    const relation = out.find((c) => c.key === 'relation_name');
    const birth = out.find((c) => c.key === 'birth_date');
    if (name)
      address.corroboratesPair = fullAddress(
        f.address1,
        f.name,
        name.level,
        relation?.level ?? null,
        birth?.level ?? null,
      );
    else address.corroborates = 0;
    out.push(address);
  }
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
