import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

/**
 * Runs `fn` as an attacker with the database's keys (owner or superuser): the refusal trigger is switched off and,
 * under the replication role, the chain trigger does not run, so rows change or go in exactly as written. All in
 * one transaction, as a careful insider would, so nobody sees the guard down.
 */
export async function asAttacker(db: Kysely<DB>, fn: (tx: Kysely<DB>) => Promise<void>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx);
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(tx);
    await fn(tx);
    await sql`alter table audit_events enable always trigger audit_events_no_change`.execute(tx);
  });
}
