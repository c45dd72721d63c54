/**
 * Blocking: which pairs of records are compared at all. Comparing every pair is quadratic, so candidates are the
 * union of several cheap rules, each a way a true pair is likely to agree: the same identifier, phone, email,
 * birth date, postcode, given name, surname or name key, and neighbours in sort orders of the identifier and of
 * the name (which catch typos that exact keys miss). A pair missed by every rule is never scored, so the recall of
 * the union is measured (bench/febrl.bench.ts) and reported.
 */
import { RESOLUTION_MODEL } from './constants.ts';
import type { Features, TextColumn } from './features.ts';
import { nameBlockingKeys } from './names.ts';

export interface BlockingRule {
  name: string;
  kind: 'key' | 'sorted';
  /** Keys of record i (none: the record is not blocked by this rule). */
  keys: (i: number) => string[] | string | null;
}

function columnKey(col: TextColumn) {
  return (i: number): string | null => (col.ids[i]! >= 0 ? col.values[i]! : null);
}

function reverse(s: string): string {
  let out = '';
  for (let k = s.length - 1; k >= 0; k--) out += s[k];
  return out;
}

const GENDER_CODES = [1, 2, 3];
/** Decades of birth a blocking key may take when the record gives no birth date or age. */
const ALL_DECADES = Array.from({ length: 16 }, (_, k) => 188 + k);

/** The decades (year / 10) of the record's birth-day interval; all of them when it has none. */
function birthDecades(f: Features, i: number): number[] {
  if (f.dateKind[i] === 0) return ALL_DECADES;
  const from = Math.floor(yearOf(f.dayLo[i]!) / 10);
  const to = Math.floor(yearOf(f.dayHi[i]!) / 10);
  const out: number[] = [];
  for (let d = from; d <= to; d++) out.push(d);
  return out;
}

function yearOf(dayNumber: number): number {
  return new Date(dayNumber * 86_400_000).getUTCFullYear();
}

/** The rules that apply to these features (a rule on a field nobody has is dropped). */
export function blockingRules(f: Features): BlockingRule[] {
  const rules: BlockingRule[] = [];
  const add = (name: string, col: TextColumn) => {
    if (col.present >= 2) rules.push({ name, kind: 'key', keys: columnKey(col) });
  };
  add('identifier', f.identifier);
  add('phone', f.phone);
  add('email', f.email);
  add('birth_date', f.dateKey);
  add('postcode', f.postcode);
  if (f.nameMode === 'full') {
    // A name word alone makes huge blocks in Indian data (every Sunita, every Yadav), so each name key is
    // joined with the gender and the decade of birth: records of one person agree on both (a missing gender or
    // date joins every gender or decade). Identifiers, phones and birth dates above still meet across them.
    if (f.name.key.present >= 2)
      rules.push({
        name: 'name_keys_gender_decade',
        kind: 'key',
        keys: (i) => {
          const p = f.name.parsed[i];
          if (!p) return null;
          const out: string[] = [];
          const genders = f.gender[i] === 0 ? GENDER_CODES : [f.gender[i]!];
          const decades = birthDecades(f, i);
          for (const key of nameBlockingKeys(p))
            for (const g of genders) for (const d of decades) out.push(`${key}|${g}|${d}`);
          return out;
        },
      });
  } else {
    // Exact given-name and surname blocks are left out: on FEBRL they found no true pair the sorted names did
    // not, for 80,000 extra candidates.
    if (f.given.present >= 2 || f.surname.present >= 2)
      rules.push({
        name: 'name_sorted',
        kind: 'sorted',
        keys: (i) => {
          const g = f.given.values[i]!;
          const s = f.surname.values[i]!;
          return g === '' && s === '' ? null : [`${g} ${s}`, `${s} ${g}`];
        },
      });
  }
  if (f.identifier.present >= 2) {
    rules.push({ name: 'identifier_sorted', kind: 'sorted', keys: columnKey(f.identifier) });
    rules.push({
      name: 'identifier_reversed_sorted',
      kind: 'sorted',
      keys: (i) => (f.identifier.ids[i]! >= 0 ? reverse(f.identifier.values[i]!) : null),
    });
  }
  if (f.address1.present >= 2)
    rules.push({
      name: 'address_sorted',
      kind: 'sorted',
      keys: (i) => (f.address1.ids[i]! >= 0 ? `${f.address1.values[i]!} ${f.streetNumber.values[i]!}` : null),
    });
  return rules;
}

/** Which records may pair: all within one set, or only left ([0, split)) with right ([split, n)). */
export interface PairScope {
  n: number;
  /** Index of the first right record when linking two sets; `null` when deduplicating one. */
  split: number | null;
}

/** A growable list of pair codes `i * n + j` with i < j. */
class PairList {
  codes = new Float64Array(1024);
  length = 0;
  push(code: number): void {
    if (this.length === this.codes.length) {
      const bigger = new Float64Array(this.codes.length * 2);
      bigger.set(this.codes);
      this.codes = bigger;
    }
    this.codes[this.length++] = code;
  }
}

function emit(list: PairList, scope: PairScope, a: number, b: number): void {
  const i = Math.min(a, b);
  const j = Math.max(a, b);
  if (i === j) return;
  if (scope.split !== null && !(i < scope.split && j >= scope.split)) return;
  list.push(i * scope.n + j);
}

export interface RuleStats {
  rule: string;
  /** Pairs the rule produced (before the union removes repeats). */
  pairs: number;
  /** Blocks skipped for being larger than RESOLUTION_MODEL.maxBlockSize. */
  skippedBlocks: number;
}

function keyRule(rule: BlockingRule, scope: PairScope, list: PairList): RuleStats {
  const blocks = new Map<string, number[]>();
  for (let i = 0; i < scope.n; i++) {
    const keys = rule.keys(i);
    if (keys === null) continue;
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      const block = blocks.get(key);
      if (block) {
        if (block[block.length - 1] !== i) block.push(i);
      } else blocks.set(key, [i]);
    }
  }
  const before = list.length;
  let skippedBlocks = 0;
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    if (block.length > RESOLUTION_MODEL.maxBlockSize) {
      skippedBlocks++;
      continue;
    }
    for (let x = 0; x < block.length; x++)
      for (let y = x + 1; y < block.length; y++) emit(list, scope, block[x]!, block[y]!);
  }
  return { rule: rule.name, pairs: list.length - before, skippedBlocks };
}

function sortedRule(rule: BlockingRule, scope: PairScope, list: PairList): RuleStats {
  const entries: { key: string; i: number }[] = [];
  for (let i = 0; i < scope.n; i++) {
    const keys = rule.keys(i);
    if (keys === null) continue;
    for (const key of typeof keys === 'string' ? [keys] : keys) entries.push({ key, i });
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  const before = list.length;
  const w = RESOLUTION_MODEL.sortedNeighbourhoodWindow;
  for (let x = 0; x < entries.length; x++)
    for (let y = x + 1; y < entries.length && y <= x + w; y++)
      emit(list, scope, entries[x]!.i, entries[y]!.i);
  return { rule: rule.name, pairs: list.length - before, skippedBlocks: 0 };
}

export interface Candidates {
  /** Sorted, distinct pair codes `i * n + j` (i < j). */
  codes: Float64Array;
  rules: RuleStats[];
}

/** The union of the rules' pairs, sorted and without repeats. */
export function candidatePairs(rules: readonly BlockingRule[], scope: PairScope): Candidates {
  const list = new PairList();
  const stats = rules.map((rule) =>
    rule.kind === 'key' ? keyRule(rule, scope, list) : sortedRule(rule, scope, list),
  );
  const all = list.codes.subarray(0, list.length).sort();
  let k = 0;
  for (let x = 0; x < all.length; x++) if (x === 0 || all[x] !== all[x - 1]) all[k++] = all[x]!;
  return { codes: all.slice(0, k), rules: stats };
}

/** Splits a pair code back into its two record indexes. */
export function decodePair(code: number, n: number): [number, number] {
  const i = Math.floor(code / n);
  return [i, code - i * n];
}
