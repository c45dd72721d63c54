import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import type { Actor } from '../access/actor.ts';
import { identifierCounts, readablePerson, seesEveryPerson, visiblePersons } from '../access/policy.ts';
import { loadWarningList, type Probe } from '../grid/values.ts';
import { BORN_SLACK, hashedKeys, hashedKeysV1, personKeys } from './person-keys.ts';

/**
 * Candidate person records for a name and/or identifiers, in every agency: records sharing name keys
 * (person_keys, keyed-hashed) and records holding one of the identifiers (never a warning-listed value). Used by
 * screening and by the matching of a new record. Scoring is the caller's (grid-model.ts).
 *
 * The name keys of the query — its words, their pairs, each word with the relation's given name — are looked up
 * in one statement, restricted to persons born near the query's age when it has one. A key shared by more than
 * `KEY_CAP` records is a common word, not a lead, and is left out. Each record found weighs the keys it shares
 * by how rare they are (log(persons / records with the key), an inverse document frequency): a record sharing
 * the name pair, the name with the father's name and the age comes before its hundred namesakes. All of them are
 * candidates when they are at most `limit`; when there are more, the heaviest `limit` down to `MIN_WEIGHT_SHARE`
 * of the heaviest — so "R. K. Yadav s/o Mahendra Yadav" is still scored against "Rakesh Yadav s/o Mahendra" when
 * few records share the query's keys, and a common name's tail of namesakes is not.
 */

/**
 * A name key shared by more records than this (within the query's birth years) is not looked up: its weight is
 * small, and reading it is most of a query's cost. Measured at 1,000,000 persons: 1,000 instead of 2,000 cut the
 * look-up from p50 3.1 / p95 9.1 ms to 2.1 / 5.8 ms, the record sought came back as often (439 of 500).
 */
export const KEY_CAP = 1_000;
/**
 * At most this many records are scored per query. More than this share a common name's best keys equally only for
 * a name given without relation or age (`name_too_common`); the answer shows 20 of them at most anyway. Measured
 * at 1,000,000 persons: the record sought came back in the answer for 436 to 439 of 500 queries with 30, 50 or 100.
 */
export const MAX_CANDIDATES = 30;
/**
 * Identifier holders looked up at most: a shared phone or UPI id is strong evidence, so more of them are scored
 * than name candidates; a value held by more is too common and capped by correlation's thresholds anyway.
 */
export const MAX_IDENTIFIER_CANDIDATES = 100;
/**
 * When more than `limit` records share the query's keys, a record whose key weight is below this share of the
 * heaviest candidate's is not scored: it shares only a word or two where the best share the whole name and its
 * relation. Measured at 1,000,000 persons (bench/grid.bench.ts):
 * the record sought was at or above 0.6 of the heaviest for 459 of 500 queries — as often as it was among the
 * first 300 — with 15 candidates left on average instead of 92 (100 at most were scored then).
 */
export const MIN_WEIGHT_SHARE = 0.6;

export interface Candidates {
  /** `agency/person` → the weight of the name keys it shares, heaviest first. */
  byName: Map<string, number>;
  /** `agency/person` of records holding one of the identifiers. */
  byIdentifier: Set<string>;
  /**
   * The name alone cannot tell the records apart: every key of it is over the cap, or more records than are
   * scored share its rarest keys equally (add the relation name, an age or an identifier).
   */
  nameTooCommon: boolean;
}

export interface CandidateQuery {
  fullName?: string | null;
  aliases?: readonly string[];
  relationName?: string | null;
  /** Estimated birth year of the person sought (person-keys.ts `bornOf`); 0 or null when unknown. */
  born?: number | null;
  probes: Probe[];
  agencyId: string | null;
  /** Candidates by name, at most (default MAX_CANDIDATES). */
  limit?: number;
  /** Only candidates whose key weight is at least this share of the heaviest (default MIN_WEIGHT_SHARE). */
  minWeightShare?: number;
  /** A record not to return (the new record matched on write, whose keys are already stored). */
  exclude?: { agency_id: string; id: string };
  /**
   * Who asks (screening): a holder of one of the identifiers is then a candidate only when it is a person the
   * caller's role may see and either the caller may be shown that identifier (`identifierCounts`) or the
   * caller does not read the record at all (a hit, as the identifier search answers). A record the caller reads
   * through a phone its role may not see (an accused's, for a CWC member) is not found through it. Without an
   * actor (matching on write, batch linking) every holder is a candidate.
   */
  actor?: Actor;
}

export async function findCandidates(
  db: Kysely<DB>,
  keyring: Keyring,
  q: CandidateQuery,
): Promise<Candidates> {
  // The two look-ups are independent: on PostgreSQL they run on two connections at once.
  const [byName, byIdentifier] = await Promise.all([
    q.fullName ? candidatesByName(db, keyring, { ...q, fullName: q.fullName }) : null,
    q.probes.length > 0 ? candidatesByIdentifier(db, keyring, q) : new Set<string>(),
  ]);
  return {
    byName: byName?.byName ?? new Map(),
    byIdentifier,
    nameTooCommon: byName?.nameTooCommon ?? false,
  };
}

async function candidatesByName(
  db: Kysely<DB>,
  keyring: Keyring,
  q: CandidateQuery & { fullName: string },
): Promise<Pick<Candidates, 'byName' | 'nameTooCommon'>> {
  const state = await keysState(db);
  const born = q.born ? q.born : null;
  // Remembered for the exact window read (born ± BORN_SLACK): over the cap near one birth year says nothing of
  // another's window, where a child-age population may be far smaller.
  const window = born ? String(born) : '';
  const keys = [...new Set(hashedKeys(keyring, personKeys(q.fullName, q.aliases ?? [], q.relationName)))];
  // A database whose keys are not all rebuilt since version 2 (`childgrid grid rekey`) also holds version 1 keys.
  // Version 3 only added keys (aliases written into the name), so version 2 keys are read as they are.
  if (state.version < 2) keys.push(...new Set(hashedKeysV1(keyring, q.fullName, q.aliases)));
  const live = keys.filter((k) => !overCap.has(`${k}@${window}`));
  const skipped = keys.length - live.length;
  // A person the caller's role may not see (an informant, for most) is never shown, so it counts for nothing: not
  // a slot, not the heaviest weight the others are measured against, not the count that decides whether that bar
  // applies, not a tie. Each is read down the candidates in weight order, looking persons up only until enough
  // visible ones are found; for a role that sees every person the test is `true` and nothing is looked up.
  const actor = q.actor;
  const visibleCandidate = (t: string, agency = 'agency_id', person = 'person_id') =>
    actor && !seesEveryPerson(actor)
      ? sql`exists (select 1 from persons vp where vp.agency_id = ${sql.ref(`${t}.${agency}`)}
          and vp.id = ${sql.ref(`${t}.${person}`)} and ${visiblePersons(actor, 'vp')})`
      : sql`true`;
  const limit = q.limit ?? MAX_CANDIDATES;
  /** The heaviest weight among the candidates the caller may see. */
  const visibleMax = () =>
    sql`select s2.w from s s2 where ${visibleCandidate('s2')} order by s2.w desc limit 1`;
  const share = q.minWeightShare ?? MIN_WEIGHT_SHARE;
  const result = live.length
    ? (
        await sql<{ over: string[]; tied: number; rows: { a: string; p: string; w: number }[] }>`
          with e as materialized (
            select q.key, x.agency_id, x.person_id, x.born
            from unnest(${live}::text[]) as q(key)
            cross join lateral (${
              born
                ? // Two ranges of the (key, born) index: persons of unknown age, and those born near the query.
                  sql`select pk.agency_id, pk.person_id, pk.born from person_keys pk
                    where pk.key = q.key and pk.born = 0
                  union all
                  select pk.agency_id, pk.person_id, pk.born from person_keys pk
                    where pk.key = q.key and pk.born between ${born - BORN_SLACK} and ${born + BORN_SLACK}`
                : sql`select pk.agency_id, pk.person_id, pk.born from person_keys pk where pk.key = q.key`
            }
              limit ${KEY_CAP + 1}) x
          ),
          n as (select key, count(*)::float8 as n from e group by key),
          s as materialized (
            select e.agency_id, e.person_id, sum(greatest(ln(${state.persons}::float8 / n.n), 0.1)) as w,
              ${born ? sql`max(case when e.born = 0 then -3 else -abs(e.born - ${born}::int) end)` : sql`0`} as near
            from e join n using (key)
            where n.n <= ${KEY_CAP}${
              q.exclude
                ? sql` and not (e.agency_id = ${q.exclude.agency_id}::uuid and e.person_id = ${q.exclude.id}::uuid)`
                : sql``
            }
            group by 1, 2
          )
          select
            coalesce((select array_agg(key) from n where n.n > ${KEY_CAP}), '{}') as over,
            (select count(*)::int from (select 1 from s where s.w >= (${visibleMax()}) - 1e-6
              and ${visibleCandidate('s')} limit ${limit + 1}) x) as tied,
            coalesce((select json_agg(t) from (
              select v.a, v.p, v.w from (
                select s.agency_id as a, s.person_id as p, s.w, s.near from s
                where (select count(*) from (select 1 from s s3 where ${visibleCandidate('s3')}
                    limit ${limit + 1}) c) <= ${limit}
                  or s.w >= ${share}::float8 * (${visibleMax()})
                order by s.w desc, s.near desc offset 0
              ) v
              where ${visibleCandidate('v', 'a', 'p')}
              order by v.w desc, v.near desc
              limit ${limit}
            ) t), '[]') as rows`.execute(db)
      ).rows[0]!
    : { over: [], tied: 0, rows: [] };
  for (const k of result.over) {
    rememberOverCap(`${k}@${window}`);
    // Over the cap among persons born near the query, it is over the cap among all persons.
    if (window) rememberOverCap(`${k}@`);
  }
  const byName = new Map<string, number>();
  for (const r of result.rows) byName.set(`${r.a}/${r.p}`, r.w);
  const overall = skipped + result.over.length;
  return { byName, nameTooCommon: (result.rows.length === 0 && overall > 0) || result.tied > limit };
}

async function candidatesByIdentifier(
  db: Kysely<DB>,
  keyring: Keyring,
  q: CandidateQuery,
): Promise<Set<string>> {
  const warnings = await loadWarningList(db, keyring);
  const live = q.probes.filter((p) => !warnings.stops(p, q.agencyId));
  const pairs = live.flatMap((p) => p.forms.map((f) => ({ kind: p.kind, form: f })));
  if (pairs.length > 0) {
    const rows = await sql<{ agency_id: string; person_id: string }>`
      select distinct i.agency_id, i.person_id from identifiers i
      join jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as q(kind text, form text)
        on i.kind = q.kind and i.normalised = q.form${
          q.actor
            ? sql`
      join persons p on p.agency_id = i.agency_id and p.id = i.person_id`
            : sql``
        }
      where i.person_id is not null${
        q.exclude
          ? sql` and not (i.agency_id = ${q.exclude.agency_id}::uuid and i.person_id = ${q.exclude.id}::uuid)`
          : sql``
      }${
        q.actor
          ? sql`
        and ${visiblePersons(q.actor, 'p')}
        and ${identifierCounts(q.actor, 'i', readablePerson(q.actor, 'p'))}`
          : sql``
      }
      order by i.agency_id, i.person_id
      limit ${MAX_IDENTIFIER_CANDIDATES}`.execute(db);
    return new Set(rows.rows.map((r) => `${r.agency_id}/${r.person_id}`));
  }
  return new Set();
}

/**
 * The candidates' keys: every identifier holder (at most MAX_IDENTIFIER_CANDIDATES), then by name weight up to
 * `limit` more.
 */
export function candidateKeys(c: Candidates, limit = MAX_CANDIDATES): { agency_id: string; id: string }[] {
  const byName = [...c.byName.keys()].filter((k) => !c.byIdentifier.has(k)).slice(0, limit);
  return [...c.byIdentifier, ...byName].map((k) => {
    const [agency_id, id] = k.split('/') as [string, string];
    return { agency_id, id };
  });
}

// -------------------------------------------------------------------------------------------------------------
// What the process remembers between queries

/**
 * Keys found over the cap (with the query's birth year): a common word stays common, so it is not read again on
 * every query for a while. Forgotten after ten minutes, or all at once when the map is full.
 */
const overCap = new Map<string, number>();
const OVER_CAP_MS = 10 * 60_000;
function rememberOverCap(key: string) {
  if (overCap.size >= 100_000) overCap.clear();
  overCap.set(key, Date.now() + OVER_CAP_MS);
}
const expireOverCap = () => {
  const now = Date.now();
  for (const [k, until] of overCap) if (until < now) overCap.delete(k);
};

interface KeysState {
  version: number;
  /** Persons in the database (the planner's estimate, at least 1,000): the N of the key weights. */
  persons: number;
  at: number;
}
let state: KeysState | null = null;
const STATE_MS = 60_000;

/** The version of the stored keys and the size of the population, read at most once a minute. */
async function keysState(db: Kysely<DB>): Promise<KeysState> {
  if (state && Date.now() - state.at < STATE_MS) return state;
  const row = (
    await sql<{ version: number | null; persons: number }>`
      select (select version from person_keys_state) as version,
        greatest((select reltuples from pg_class where oid = 'persons'::regclass), 1000)::float8 as persons`.execute(
      db,
    )
  ).rows[0];
  expireOverCap();
  state = { version: row?.version ?? 1, persons: row?.persons ?? 1000, at: Date.now() };
  return state;
}

/** Forgets what the process remembers (after a rekey, or in tests). */
export function forgetKeysState(): void {
  state = null;
  overCap.clear();
}
