import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { type Action, type Role, roles } from './roles.ts';

/** Who is acting: the signed-in user, or the operator at the command line (`system`). */
export interface Actor {
  userId: string | null;
  agencyId: string;
  role: Role;
  clientAddress: string | null;
}

export function can(actor: Actor, action: Action): boolean {
  return (roles[actor.role].actions as readonly Action[]).includes(action);
}

/** Services call this on their first line. A wrong role is 403; an unseen record is 404 (see scope). */
export function assertCan(actor: Actor, action: Action): void {
  if (!can(actor, action)) {
    throw new AppError('forbidden', `Your role (${actor.role}) may not perform ${action}`);
  }
}

/**
 * SQL filter restricting rows with an `agency_id` column to the agencies the actor may read.
 * Used by every list and read so that another agency's record is simply not found. A `self` role's agency is its
 * own; which of the agency's cases it holds is policy.ts `ownRecords`.
 */
export function agencyScope(actor: Actor, column: string): RawBuilder<SqlBool> {
  if (roles[actor.role].scope !== 'subtree') {
    return sql<SqlBool>`${sql.ref(column)} = ${actor.agencyId}`;
  }
  return sql<SqlBool>`${sql.ref(column)} in (select descendant_id from agency_closure where ancestor_id = ${actor.agencyId})`;
}

/** True when the actor's scope includes the given agency (used before writing on its behalf). */
export async function agencyInScope(db: Kysely<DB>, actor: Actor, agencyId: string): Promise<boolean> {
  if (agencyId === actor.agencyId) return true;
  if (roles[actor.role].scope !== 'subtree') return false;
  const row = await db
    .selectFrom('agency_closure')
    .select('depth')
    .where('ancestor_id', '=', actor.agencyId)
    .where('descendant_id', '=', agencyId)
    .executeTakeFirst();
  return row !== undefined;
}
