import type { Kysely } from 'kysely';
import { NATIONAL_AGENCY_CODE } from '../../db/reference/seed-reference.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from './actor.ts';

/** The operator at the server's console (CLI, first-start seeding): national scope, audited as `cli`. */
export async function systemActor(db: Kysely<DB>, agencyCode = NATIONAL_AGENCY_CODE): Promise<Actor> {
  const agency = await db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', agencyCode)
    .executeTakeFirst();
  if (!agency) throw new Error(`No agency with code ${agencyCode}`);
  return { userId: null, agencyId: agency.id, role: 'system_admin', clientAddress: 'cli' };
}
