import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type Actor, agencyScope, can } from '../access/actor.ts';
import { roles } from '../access/roles.ts';

/**
 * Who may read a tip, compiled to SQL (docs/tips.md): a role with `tip:read`, for the tips of its agency — and,
 * for a supervisory role (`subtree`), of the agencies below it; a `self` role (the constable) only the tips it
 * entered. Tips have no distribution level: they are the receiving agency's intelligence until the later
 * routing work sends them on. `t` is the SQL alias of the tips table.
 *
 * ```ts
 * db.selectFrom('tips as t').where(tipReadable(actor, 't'))
 * ```
 */
export function tipReadable(actor: Actor, t: string): RawBuilder<SqlBool> {
  if (!can(actor, 'tip:read')) return sql<SqlBool>`false`;
  const agency = agencyScope(actor, `${t}.agency_id`);
  if (roles[actor.role].scope !== 'self') return agency;
  return sql<SqlBool>`(${agency} and ${sql.ref(`${t}.created_by`)} = ${actor.userId})`;
}
