import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type Actor, agencyScope, can } from '../access/actor.ts';
import { visiblePersonRoles } from '../access/fields.ts';
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
  const agency = seesInformantTips(actor)
    ? agencyScope(actor, `${t}.agency_id`)
    : sql<SqlBool>`(${agencyScope(actor, `${t}.agency_id`)} and ${sql.ref(`${t}.source`)} <> 'informant')`;
  if (roles[actor.role].scope !== 'self') return agency;
  return sql<SqlBool>`(${agency} and ${sql.ref(`${t}.created_by`)} = ${actor.userId})`;
}

/**
 * An informant's tip is for the roles that see informants in a case (the police file, fields.ts): for an analyst or
 * a station writer it does not exist — not listed, not found, and no watch alert about it — as an informant in a
 * case is neither a link nor a hit for them.
 */
export function seesInformantTips(actor: Actor): boolean {
  return visiblePersonRoles(roles[actor.role].fields).includes('informant');
}

/**
 * The text of a tip may name a child or the caller: it is shown to the roles that may reveal a victim's identity
 * (with the second factor those roles must use); the others read a tip's facts and identifiers, not what was told.
 */
export function readsTipText(actor: Actor): boolean {
  return can(actor, 'victim:reveal');
}
