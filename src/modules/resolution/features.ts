/**
 * Per-record features, computed once before any pair is compared: normalised strings with integer value ids
 * (so exact agreement is one integer comparison and term frequencies are one array read), parsed names, and
 * dates as typed-array columns. The pair loop reads these columns and allocates nothing.
 */
import { compareNames, type ParsedName, parseName, parseRelation, type RelationKind } from './names.ts';
import {
  birthInterval,
  type DateParts,
  dayNumber,
  digitsAndLetters,
  genderKey,
  normaliseText,
  type PersonRecord,
  parseAge,
  parseDate,
  phoneKey,
} from './record.ts';

/** A text column: normalised values ('' = missing), an id per distinct value (-1 = missing) and counts per id. */
export interface TextColumn {
  values: string[];
  ids: Int32Array;
  /** Records holding each value id. */
  counts: Int32Array;
  /** Records with a value. */
  present: number;
}

export function textColumn(values: string[]): TextColumn {
  const ids = new Int32Array(values.length);
  const index = new Map<string, number>();
  const counts: number[] = [];
  let present = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === '') {
      ids[i] = -1;
      continue;
    }
    present++;
    let id = index.get(v);
    if (id === undefined) {
      id = counts.length;
      index.set(v, id);
      counts.push(0);
    }
    counts[id]!++;
    ids[i] = id;
  }
  return { values, ids, counts: Int32Array.from(counts), present };
}

/** Names: one parsed full name per record, with a key (folded tokens, sorted) as a text column for TF. */
export interface NameColumn {
  parsed: (ParsedName | null)[];
  key: TextColumn;
}

function nameColumn(parsed: (ParsedName | null)[]): NameColumn {
  const usable = parsed.map((p) => (p && p.tokens.length + p.initials.length > 0 ? p : null));
  return { parsed: usable, key: textColumn(usable.map((p) => (p ? p.compare.foldedKey : ''))) };
}

/**
 * How names are compared for this run. `structured` when no record has a full name: given name and surname are
 * compared separately (the surname as household evidence). `full` when any record has a full name: the whole name
 * is parsed (Indian-name rules) and compared as one field; records with only given name and surname are joined.
 */
export type NameMode = 'structured' | 'full';

export interface Features {
  n: number;
  nameMode: NameMode;
  given: TextColumn;
  surname: TextColumn;
  name: NameColumn;
  relation: NameColumn;
  /**
   * Kind of each record's relation: 0 not stated, 1 a parent (s/o, d/o), 2 a husband (w/o), 3 a guardian or guru
   * (c/o). Relation names of different kinds name different people, so they are not compared.
   */
  relationKind: Uint8Array;
  /** 0 missing, 1 male, 2 female, 3 transgender. */
  gender: Uint8Array;
  /** 0 missing, 1 a full date, 2 an interval from an age. */
  dateKind: Uint8Array;
  year: Int16Array;
  month: Int8Array;
  day: Int8Array;
  /** Birth-day interval in day numbers (equal for a full date). */
  dayLo: Int32Array;
  dayHi: Int32Array;
  /** `YYYYMMDD` of a full date, for blocking. */
  dateKey: TextColumn;
  streetNumber: TextColumn;
  address1: TextColumn;
  address2: TextColumn;
  locality: TextColumn;
  postcode: TextColumn;
  state: TextColumn;
  phone: TextColumn;
  email: TextColumn;
  identifier: TextColumn;
}

export interface PrepareOptions {
  /** The date an age is taken as stated on when a record has no `record_date` (default: today). */
  today?: DateParts;
}

function todayParts(): DateParts {
  const d = new Date();
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function kindCode(kind: RelationKind | null): number {
  return kind === 's/o' || kind === 'd/o' ? 1 : kind === 'w/o' ? 2 : kind === 'c/o' ? 3 : 0;
}

/** Computes every feature of every record once. */
export function prepareRecords(records: readonly PersonRecord[], options: PrepareOptions = {}): Features {
  const n = records.length;
  const today = options.today ?? todayParts();
  const nameMode: NameMode = records.some((r) => r.full_name && r.full_name.trim() !== '')
    ? 'full'
    : 'structured';
  // A full name may carry its relation ("Ramesh Kumar s/o Shyam Lal"): the part before the marker is the name,
  // the part after it the relation name unless a relation-name column gives one.
  const names: (ParsedName | null)[] = new Array(n).fill(null);
  const relations: (ParsedName | null)[] = new Array(n).fill(null);
  const relationKind = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    let relation: ParsedName | null = null;
    if (r.relation_name && r.relation_name.trim() !== '') {
      const parsed = parseRelation(r.relation_name);
      relation = parsed.name;
      relationKind[i] = kindCode(parsed.kind);
    }
    if (nameMode === 'full') {
      let own = r.full_name && r.full_name.trim() !== '' ? r.full_name : null;
      if (own) {
        const split = parseRelation(own);
        if (split.kind !== null) {
          own = split.rest;
          if (relation === null) {
            relation = split.name;
            relationKind[i] = kindCode(split.kind);
          }
        }
      } else {
        const joined = [r.given_name ?? '', r.surname ?? ''].join(' ').trim();
        own = joined === '' ? null : joined;
      }
      names[i] = own ? parseName(own) : null;
    }
    relations[i] = relation;
  }
  const gender = new Uint8Array(n);
  const dateKind = new Uint8Array(n);
  const year = new Int16Array(n);
  const month = new Int8Array(n);
  const day = new Int8Array(n);
  const dayLo = new Int32Array(n);
  const dayHi = new Int32Array(n);
  const dateKeys: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    const g = genderKey(r.gender);
    gender[i] = g === 'm' ? 1 : g === 'f' ? 2 : g === 't' ? 3 : 0;
    const birth = parseDate(r.birth_date);
    dateKeys[i] = '';
    if (birth) {
      dateKind[i] = 1;
      year[i] = birth.year;
      month[i] = birth.month;
      day[i] = birth.day;
      dayLo[i] = dayHi[i] = dayNumber(birth);
      dateKeys[i] =
        `${birth.year}${String(birth.month).padStart(2, '0')}${String(birth.day).padStart(2, '0')}`;
    } else {
      const age = parseAge(r.age);
      if (age) {
        const [lo, hi] = birthInterval(age, parseDate(r.record_date), today);
        dateKind[i] = 2;
        dayLo[i] = lo;
        dayHi[i] = hi;
      }
    }
  }
  return {
    n,
    nameMode,
    given: textColumn(records.map((r) => normaliseText(r.given_name))),
    surname: textColumn(records.map((r) => normaliseText(r.surname))),
    name: nameColumn(names),
    relation: nameColumn(relations),
    relationKind,
    gender,
    dateKind,
    year,
    month,
    day,
    dayLo,
    dayHi,
    dateKey: textColumn(dateKeys),
    streetNumber: textColumn(records.map((r) => digitsAndLetters(r.street_number))),
    address1: textColumn(records.map((r) => normaliseText(r.address_line1))),
    address2: textColumn(records.map((r) => normaliseText(r.address_line2))),
    locality: textColumn(records.map((r) => normaliseText(r.locality))),
    postcode: textColumn(records.map((r) => digitsAndLetters(r.postcode))),
    state: textColumn(records.map((r) => normaliseText(r.state))),
    phone: textColumn(records.map((r) => phoneKey(r.phone))),
    email: textColumn(records.map((r) => (r.email ?? '').trim().toLowerCase())),
    identifier: textColumn(records.map((r) => digitsAndLetters(r.identifier))),
  };
}

export { compareNames };
