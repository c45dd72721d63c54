import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { nameBlockingKeys, parseName } from '../resolution/names.ts';

/**
 * Blocking keys of a person record, for screening: each distinctive word of the name (its phonetic key and
 * consonant skeleton, from names.ts) and every pair of the name's words, so that "Ramesh Kumar" — one common
 * word and one gender word — still has a key narrow enough to look up. Aliases count as names.
 *
 * Keys are stored keyed-hashed (the blind index of protected identifiers): a victim's name is never in clear in
 * `person_keys`, yet equal names meet.
 */
export function personKeys(fullName: string, aliases: readonly string[] = []): string[] {
  const keys = new Set<string>();
  for (const raw of [fullName, ...aliases]) {
    const name = parseName(raw);
    for (const k of nameBlockingKeys(name)) keys.add(`n:${k}`);
    const words = [...new Set(name.tokens)].sort();
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) keys.add(`p:${words[i]}|${words[j]}`);
    }
  }
  return [...keys];
}

export const hashedKeys = (keyring: Keyring, keys: readonly string[]) =>
  keys.map((k) => keyring.blindIndex(`person-key:${k}`));

export interface KeyedPerson {
  agency_id: string;
  id: string;
  full_name: string;
  aliases: readonly string[];
}

/** Replaces the keys of the given person records (call in the transaction that writes them). */
export async function writePersonKeys(
  db: Kysely<DB>,
  keyring: Keyring,
  persons: KeyedPerson[],
): Promise<void> {
  if (persons.length === 0) return;
  const ids = JSON.stringify(persons.map((p) => ({ agency_id: p.agency_id, id: p.id })));
  await sql`delete from person_keys k using jsonb_to_recordset(${ids}::jsonb) as r(agency_id uuid, id uuid)
    where k.agency_id = r.agency_id and k.person_id = r.id`.execute(db);
  const rows: { key: string; agency_id: string; person_id: string }[] = [];
  for (const p of persons) {
    for (const key of new Set(hashedKeys(keyring, personKeys(p.full_name, p.aliases)))) {
      rows.push({ key, agency_id: p.agency_id, person_id: p.id });
    }
  }
  for (let i = 0; i < rows.length; i += 5000) {
    await sql`insert into person_keys (key, agency_id, person_id)
      select key, agency_id, person_id
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb)
        as r(key text, agency_id uuid, person_id uuid)
      on conflict do nothing`.execute(db);
  }
}
