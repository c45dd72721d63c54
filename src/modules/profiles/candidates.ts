import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { loadWarningList, type Probe } from '../grid/values.ts';
import { hashedKeys, personKeys } from './person-keys.ts';

/**
 * Candidate person records for a name and/or identifiers, in every agency: records sharing a name key
 * (person_keys, keyed-hashed; the rarest keys first, so a common name does not pull in thousands) and records
 * holding one of the identifiers (never a warning-listed value). Used by screening and by the matching of a new
 * record. Scoring is the caller's (grid-model.ts).
 */

/** Keys are looked up rarest first until this many key entries; more would be a common name, not a lead. */
const KEY_BUDGET = 3_000;
/** At most this many records are scored per query. */
export const MAX_CANDIDATES = 300;

export interface Candidates {
  /** `agency/person` → how many name keys it shares. */
  byName: Map<string, number>;
  /** `agency/person` of records holding one of the identifiers. */
  byIdentifier: Set<string>;
  /** Every part of the name is too common to look up on its own. */
  nameTooCommon: boolean;
}

export async function findCandidates(
  db: Kysely<DB>,
  keyring: Keyring,
  q: { fullName?: string | null; aliases?: readonly string[]; probes: Probe[]; agencyId: string | null },
): Promise<Candidates> {
  const out: Candidates = { byName: new Map(), byIdentifier: new Set(), nameTooCommon: false };
  if (q.fullName) {
    const keys = [...new Set(hashedKeys(keyring, personKeys(q.fullName, q.aliases ?? [])))];
    // Each key is counted only up to the budget: a key past it is never looked up, and counting all of a common
    // key's entries ("kumar" at a million persons) would cost more than the rest of the query.
    const counts = keys.length
      ? (
          await sql<{ key: string; n: number }>`
            select k.key, (select count(*)::int from (select 1 from person_keys pk where pk.key = k.key
              limit ${KEY_BUDGET + 1}) capped) as n
            from unnest(${keys}::text[]) as k(key)`.execute(db)
        ).rows.filter((c) => c.n > 0)
      : [];
    counts.sort((a, b) => a.n - b.n);
    const chosen: string[] = [];
    let budget = 0;
    for (const c of counts) {
      if (budget + c.n > KEY_BUDGET) break;
      chosen.push(c.key);
      budget += c.n;
    }
    out.nameTooCommon = counts.length > 0 && chosen.length === 0;
    if (chosen.length > 0) {
      const rows = await db
        .selectFrom('person_keys')
        .select(['agency_id', 'person_id', sql<number>`count(*)::int`.as('shared')])
        .where('key', 'in', chosen)
        .groupBy(['agency_id', 'person_id'])
        .orderBy('shared', 'desc')
        .limit(MAX_CANDIDATES)
        .execute();
      for (const r of rows) out.byName.set(`${r.agency_id}/${r.person_id}`, r.shared);
    }
  }
  if (q.probes.length > 0) {
    const warnings = await loadWarningList(db, keyring);
    const live = q.probes.filter((p) => !warnings.stops(p, q.agencyId));
    const pairs = live.flatMap((p) => p.forms.map((f) => ({ kind: p.kind, form: f })));
    if (pairs.length > 0) {
      const rows = await sql<{ agency_id: string; person_id: string }>`
        select distinct i.agency_id, i.person_id from identifiers i
        join jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as q(kind text, form text)
          on i.kind = q.kind and i.normalised = q.form
        where i.person_id is not null
        limit ${MAX_CANDIDATES}`.execute(db);
      for (const r of rows.rows) out.byIdentifier.add(`${r.agency_id}/${r.person_id}`);
    }
  }
  return out;
}

/** The candidates' keys, identifier holders first, at most MAX_CANDIDATES. */
export function candidateKeys(c: Candidates): { agency_id: string; id: string }[] {
  return [...new Set([...c.byIdentifier, ...c.byName.keys()])].slice(0, MAX_CANDIDATES).map((k) => {
    const [agency_id, id] = k.split('/') as [string, string];
    return { agency_id, id };
  });
}
