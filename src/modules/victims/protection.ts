import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';

/**
 * Victim identity protection by design (POCSO s.23 and s.33(7), BNS s.72, JJ Act s.74; *Nipun Saxena v Union of
 * India* (2019) 2 SCC 703): a victim's — and a child witness's — identifying fields are encrypted at rest and every
 * screen and export shows a pseudonym with an age band and gender instead. Revealing them needs a permitted role, a
 * stated purpose and a recent second factor, and is logged.
 */
export interface ProtectedFields {
  full_name: string;
  aliases: string[];
  relation_name: string | null;
  birth_date: string | null;
  address: string | null;
  pincode: string | null;
  notes: string | null;
}

/** What a protected person's plain columns hold: nothing identifying. */
export const maskedFields: Omit<ProtectedFields, 'full_name'> = {
  aliases: [],
  relation_name: null,
  birth_date: null,
  address: null,
  pincode: null,
  notes: null,
};

export const protectedFieldNames = [
  'full_name',
  'aliases',
  'relation_name',
  'birth_date',
  'address',
  'pincode',
  'notes',
] as const satisfies readonly (keyof ProtectedFields)[];

/** Victims always; witnesses when they are children (under 18 on the record's date). */
export function needsProtection(p: {
  role: string;
  age?: number | null;
  birth_date?: string | null;
  recordDate?: string | null;
}): boolean {
  if (p.role === 'victim') return true;
  if (p.role !== 'witness') return false;
  if (p.age != null) return p.age < 18;
  if (p.birth_date) {
    const on = p.recordDate ? Date.parse(p.recordDate) : Date.now();
    return (on - Date.parse(p.birth_date)) / 3.15576e10 < 18;
  }
  return false;
}

/** Canonical JSON (fixed key order) so that equal fields give equal text and re-imports change nothing. */
export function canonicalFields(f: ProtectedFields): string {
  return JSON.stringify({
    full_name: f.full_name,
    aliases: f.aliases,
    relation_name: f.relation_name,
    birth_date: f.birth_date,
    address: f.address,
    pincode: f.pincode,
    notes: f.notes,
  });
}

export const personAad = (agencyId: string, personId: string) => `persons:${agencyId}:${personId}`;
export const identifierAad = (agencyId: string, identifierId: string) =>
  `identifiers:${agencyId}:${identifierId}`;

export function sealFields(keyring: Keyring, agencyId: string, personId: string, f: ProtectedFields): string {
  return keyring.encrypt(canonicalFields(f), personAad(agencyId, personId));
}

export function openFields(
  keyring: Keyring,
  agencyId: string,
  personId: string,
  sealed: string,
): ProtectedFields {
  return JSON.parse(keyring.decrypt(sealed, personAad(agencyId, personId))) as ProtectedFields;
}

/**
 * Keeps the stored ciphertext when the plaintext has not changed (AES-GCM with a random IV never repeats), so an
 * unchanged record is not rewritten.
 */
export function resealIfChanged(
  keyring: Keyring,
  aad: string,
  plaintext: string,
  existing: string | null | undefined,
): string {
  if (existing) {
    try {
      if (keyring.decrypt(existing, aad) === plaintext) return existing;
    } catch {
      // unreadable old value: replace it
    }
  }
  return keyring.encrypt(plaintext, aad);
}

/** Age bands shown instead of ages: the thresholds the law uses (under 12, under 16, under 18). */
export function ageBand(age: number | null): string | null {
  if (age === null) return null;
  if (age < 12) return 'under 12';
  if (age < 16) return '12–15';
  if (age < 18) return '16–17';
  return '18 or over';
}

/** Reserves `count` pseudonym numbers for an agency and returns the first; numbers are never reused. */
export async function reservePseudonyms(db: Kysely<DB>, agencyId: string, count: number): Promise<number> {
  const row = await sql<{ value: number }>`
    insert into agency_counters (agency_id, name, value) values (${agencyId}, 'pseudonym', ${count})
    on conflict (agency_id, name) do update set value = agency_counters.value + ${count}
    returning value`.execute(db);
  return Number(row.rows[0]!.value) - count + 1;
}

export function pseudonym(role: string, agencyCode: string, n: number): string {
  return `${role === 'victim' ? 'V' : 'W'}-${agencyCode}-${n}`;
}
