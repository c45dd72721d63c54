import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { nameBlockingKeys, type ParsedName, parseName, parseRelation } from '../resolution/names.ts';
import { openFields } from '../victims/protection.ts';

/**
 * Blocking keys of a person record, for screening and matching (`person_keys`):
 *
 * - `n:` each distinctive word of the name (its phonetic key and consonant skeleton, from names.ts);
 * - `p:` every pair of the name's words, so that "Ramesh Kumar" — one common word and one gender word — still has
 *   a key narrow enough to look up;
 * - `r:` each distinctive word of the name with the first distinctive word of the relation name (the father's or
 *   husband's given name): at a million persons hundreds of records share "Manju Yadav", but few of them are
 *   d/o Ramesh, so a query that gives the relation name has a key that tells namesakes apart.
 *
 * Every key of a person is stored with the person's estimated birth year (`born`, 0 when unknown; see `bornOf`):
 * a query with an age or birth date reads only the keys of persons born near it, and of those of unknown age.
 * Aliases count as names.
 *
 * Keys are stored keyed-hashed (the blind-index key): a victim's name is never in clear in `person_keys`, yet
 * equal names meet. `born` is in clear; for a protected person it comes only from the age, which is in clear in
 * `persons` already (never from the sealed birth date).
 *
 * @example personKeys('Manju Yadav', [], 'Ramesh Yadav') // n:manju n:~mnj n:yadav n:~ydv p:manju|yadav r:manju|ramesh r:yadav|ramesh
 */
export function personKeys(
  fullName: string,
  aliases: readonly string[] = [],
  relationName: string | null = null,
): string[] {
  const keys = new Set<string>();
  const relation = relationWord(relationName);
  // The aliases, given apart or written into the name ("Ramesh Yadav @ Kalia"): an officer who knows only "Kalia"
  // finds him.
  const main = parseName(fullName);
  for (const name of [main, ...main.aliasNames, ...aliases.map((a) => parseName(a))]) {
    for (const k of nameBlockingKeys(name)) keys.add(`n:${k}`);
    const words = [...new Set(name.tokens)].sort();
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) keys.add(`p:${words[i]}|${words[j]}`);
    }
    if (relation) for (const w of distinctiveWords(name)) keys.add(`r:${w}|${relation}`);
  }
  return [...keys];
}

/** The name's words that are not gender words (Kumar, Devi, Singh…), or all of them if that leaves none. */
function distinctiveWords(name: ParsedName): string[] {
  const words = name.tokens.filter((_, i) => !name.compare.gender[i]);
  return [...new Set(words.length > 0 ? words : name.tokens)];
}

/** The relation's given name: its first distinctive word ("Late Shri Ramesh Chand Yadav" → ramesh). */
function relationWord(relationName: string | null): string | null {
  if (!relationName) return null;
  const relation = parseRelation(relationName).name;
  return relation ? (distinctiveWords(relation)[0] ?? null) : null;
}

/** Version of the keys written by this code; `person_keys_state` records the version of the stored ones. */
export const PERSON_KEYS_VERSION = 3;

/**
 * The stored form of keys: 72 bits of the blind-index HMAC (a collision only adds a candidate, which is scored
 * anyway), short to keep the index of a million persons' keys small.
 */
export const hashedKeys = (keyring: Keyring, keys: readonly string[]) =>
  keys.map((k) => keyring.blindIndex(`person-key:v2:${k}`).slice(3, 15));

/** Version 1 keys (name keys only, the full blind index), read while a database still holds them. */
export const hashedKeysV1 = (keyring: Keyring, fullName: string, aliases: readonly string[] = []) =>
  personKeys(fullName, aliases)
    .filter((k) => !k.startsWith('r:'))
    .map((k) => keyring.blindIndex(`person-key:${k}`));

/**
 * Estimated birth year of a person: the year of the birth date, else the year the age was recorded minus the
 * age; 0 when unknown. `age_recorded_on` defaults to today: that is a query's "age as stated today"; a stored
 * person with an age always has its date (migration 0013, check persons_age_dated), so a stored row's estimate
 * never moves with the calendar.
 */
export function bornOf(p: {
  birth_date?: string | null;
  age?: number | null;
  age_recorded_on?: string | null;
}): number {
  if (p.birth_date) {
    const y = Number(p.birth_date.slice(0, 4));
    if (y > 1850 && y < 2200) return y;
  }
  if (p.age != null && p.age >= 0) {
    const on = p.age_recorded_on ? Number(p.age_recorded_on.slice(0, 4)) : new Date().getUTCFullYear();
    return on - p.age;
  }
  return 0;
}

/**
 * Birth years a query's estimate may stand for: the stored estimate and the query's each carry a year from the
 * month of birth, a stated age is often a year off, and officers round adults' ages to five.
 */
export const BORN_SLACK = 4;

export interface KeyedPerson {
  agency_id: string;
  id: string;
  /** The plain name and aliases (a victim's opened from her sealed fields). */
  full_name: string;
  aliases: readonly string[];
  relation_name: string | null;
  /** `bornOf` the person's plain fields. */
  born: number;
}

/** What `keyedPersonOf` reads of a stored person. */
export interface StoredPersonForKeys {
  agency_id: string;
  id: string;
  full_name: string;
  aliases: string[] | null;
  relation_name: string | null;
  birth_date: string | null;
  age: number | null;
  age_recorded_on: string | null;
  protected: boolean;
  sealed: string | null;
}

/** A stored person as keys are made from it; a victim's sealed fields are opened in memory only. */
export function keyedPersonOf(keyring: Keyring, row: StoredPersonForKeys): KeyedPerson {
  const plain = row.protected && row.sealed ? openFields(keyring, row.agency_id, row.id, row.sealed) : row;
  return {
    agency_id: row.agency_id,
    id: row.id,
    full_name: plain.full_name,
    aliases: plain.aliases ?? [],
    relation_name: plain.relation_name,
    born: bornOf({
      birth_date: row.protected ? null : row.birth_date,
      age: row.age,
      age_recorded_on: row.age_recorded_on,
    }),
  };
}

/** The columns `keyedPersonOf` reads (`p` is persons). */
export const storedPersonForKeysColumns = [
  'p.agency_id',
  'p.id',
  'p.full_name',
  'p.aliases',
  'p.relation_name',
  'p.birth_date',
  'p.age',
  'p.age_recorded_on',
  'p.protected',
  'p.sealed',
] as const;

/** Rewrites the keys of stored persons from their rows (after a change to a person; the rekey). */
export async function rewritePersonKeys(
  db: Kysely<DB>,
  keyring: Keyring,
  persons: readonly { agency_id: string; id: string }[],
): Promise<number> {
  if (persons.length === 0) return 0;
  const rows = await db
    .selectFrom('persons as p')
    .select(storedPersonForKeysColumns)
    .where(
      sql<boolean>`(p.agency_id, p.id) in (select agency_id, id from jsonb_to_recordset(${JSON.stringify(
        persons.map((p) => ({ agency_id: p.agency_id, id: p.id })),
      )}::jsonb) as x(agency_id uuid, id uuid))`,
    )
    .execute();
  return writePersonKeys(
    db,
    keyring,
    rows.map((r) => keyedPersonOf(keyring, r)),
  );
}

/** The rows `person_keys` holds for these persons. */
function personKeyRows(keyring: Keyring, persons: readonly KeyedPerson[]) {
  const rows: { key: string; agency_id: string; person_id: string; born: number }[] = [];
  // A person written twice in one batch keeps its last version, as the persons table does.
  const last = new Map(persons.map((p) => [`${p.agency_id}/${p.id}`, p]));
  for (const p of last.values()) {
    for (const key of new Set(hashedKeys(keyring, personKeys(p.full_name, p.aliases, p.relation_name)))) {
      rows.push({ key, agency_id: p.agency_id, person_id: p.id, born: p.born });
    }
  }
  return rows;
}

/** Replaces the keys of the given person records (call in the transaction that writes them). */
export async function writePersonKeys(
  db: Kysely<DB>,
  keyring: Keyring,
  persons: readonly KeyedPerson[],
): Promise<number> {
  if (persons.length === 0) return 0;
  const ids = JSON.stringify(persons.map((p) => ({ agency_id: p.agency_id, id: p.id })));
  await sql`delete from person_keys k using jsonb_to_recordset(${ids}::jsonb) as r(agency_id uuid, id uuid)
    where k.agency_id = r.agency_id and k.person_id = r.id`.execute(db);
  const rows = personKeyRows(keyring, persons);
  // Four arrays rather than JSON: the keys are most of what an import writes, and unnest is the cheapest way in.
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000);
    await sql`insert into person_keys (key, agency_id, person_id, born)
      select * from unnest(${chunk.map((r) => r.key)}::text[], ${chunk.map((r) => r.agency_id)}::uuid[],
        ${chunk.map((r) => r.person_id)}::uuid[], ${chunk.map((r) => r.born)}::int2[])
      on conflict do nothing`.execute(db);
  }
  return rows.length;
}
