import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { forgetKeysState } from './candidates.ts';
import {
  keyedPersonOf,
  PERSON_KEYS_VERSION,
  storedPersonForKeysColumns,
  writePersonKeys,
} from './person-keys.ts';

/**
 * `childgrid grid rekey`: rebuilds every person's screening keys (`person_keys`) with the current code — after an
 * upgrade that changed what keys are made of (`person_keys_state.version` below `PERSON_KEYS_VERSION`), or to
 * repair them. Persons are taken in batches in key order; each batch is one transaction that locks its persons
 * against a concurrent change (FOR SHARE), replaces their keys and records how far it got, so an interrupted run
 * resumes where it stopped and a finished one can be run again (it writes the same keys). Screening keeps working
 * throughout: until the last batch commits, queries also read the old kind of keys.
 *
 * ```ts
 * const s = await rekeyPersons(db, keyring, { batch: 5_000 });
 * s.persons; s.keys; s.version; // → 2
 * ```
 */
export interface RekeySummary {
  persons: number;
  keys: number;
  batches: number;
  seconds: number;
  /** The run continued an interrupted one. */
  resumed: boolean;
  version: number;
}

export interface RekeyOptions {
  /** Persons per transaction (default 5,000). */
  batch?: number;
  /** Start from the first person even if an interrupted run left a place to resume. */
  restart?: boolean;
  /** Called after each batch commits. */
  onBatch?: (done: number, seconds: number) => void;
}

export async function rekeyPersons(
  db: Kysely<DB>,
  keyring: Keyring,
  options: RekeyOptions = {},
): Promise<RekeySummary> {
  const started = performance.now();
  const batch = options.batch ?? 5_000;
  const state = await db
    .selectFrom('person_keys_state')
    .select(['cursor_agency_id', 'cursor_person_id'])
    .executeTakeFirst();
  let cursor =
    !options.restart && state?.cursor_agency_id && state.cursor_person_id
      ? { agency_id: state.cursor_agency_id, id: state.cursor_person_id }
      : null;
  const summary: RekeySummary = {
    persons: 0,
    keys: 0,
    batches: 0,
    seconds: 0,
    resumed: cursor !== null,
    version: PERSON_KEYS_VERSION,
  };
  for (;;) {
    const done = await db.transaction().execute(async (tx) => {
      let q = tx.selectFrom('persons as p').select(storedPersonForKeysColumns);
      if (cursor)
        q = q.where(sql<boolean>`(p.agency_id, p.id) > (${cursor.agency_id}::uuid, ${cursor.id}::uuid)`);
      const rows = await q.orderBy('p.agency_id').orderBy('p.id').limit(batch).forShare().execute();
      if (rows.length === 0) return null;
      const keys = await writePersonKeys(
        tx,
        keyring,
        rows.map((r) => keyedPersonOf(keyring, r)),
      );
      const last = rows[rows.length - 1]!;
      await upsertState(tx, { cursor_agency_id: last.agency_id, cursor_person_id: last.id });
      return { persons: rows.length, keys, last };
    });
    if (!done) break;
    cursor = { agency_id: done.last.agency_id, id: done.last.id };
    summary.persons += done.persons;
    summary.keys += done.keys;
    summary.batches++;
    options.onBatch?.(summary.persons, (performance.now() - started) / 1000);
    if (done.persons < batch) break;
  }
  await upsertState(db, {
    version: PERSON_KEYS_VERSION,
    rebuilt_at: new Date(),
    cursor_agency_id: null,
    cursor_person_id: null,
  });
  forgetKeysState();
  summary.seconds = Math.round((performance.now() - started) / 100) / 10;
  return summary;
}

/** The version of the stored keys, and whether `grid rekey` should run. */
export async function personKeysVersion(
  db: Kysely<DB>,
): Promise<{ stored: number; current: number; stale: boolean }> {
  const row = await db.selectFrom('person_keys_state').select('version').executeTakeFirst();
  const stored = row?.version ?? 1;
  return { stored, current: PERSON_KEYS_VERSION, stale: stored < PERSON_KEYS_VERSION };
}

async function upsertState(
  db: Kysely<DB>,
  values: {
    version?: number;
    rebuilt_at?: Date;
    cursor_agency_id: string | null;
    cursor_person_id: string | null;
  },
) {
  await db
    .insertInto('person_keys_state')
    .values({ id: true, version: values.version ?? 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
