import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound, validationError } from '../../shared/errors.ts';
import { containsPattern, decodeIdCursor, pageById } from '../../shared/paging.ts';
import { type Actor, agencyInScope, agencyScope, assertCan, can } from '../access/actor.ts';
import { roleNames } from '../access/roles.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { addUser, MAX_FAILED_SIGN_INS, unlockUser } from '../auth/auth.service.ts';
import { resetMfa } from '../auth/mfa.service.ts';
import { cursorParam, listLimit, uuid } from '../cases/case.schemas.ts';

/**
 * User administration for agency administrators (their own agency) and system administrators (their agency and
 * below). Only a system administrator makes another system administrator. Oversight auditors (`audit:read`) list,
 * search and read the users of their scope, read-only — to pick whose activity to look at.
 */
const yesNo = z.enum(['true', 'false']).transform((v) => v === 'true');
export const userListQuery = z.strictObject({
  agency_id: uuid.optional(),
  role: z.enum(roleNames as [string, ...string[]]).optional(),
  q: z.string().trim().min(1).max(100).optional().describe('part of the name or email'),
  locked: yesNo.optional().describe('true: only accounts locked after ten failures; false: only the others'),
  disabled: yesNo.optional().describe('true: only disabled accounts; false: only active ones'),
  cursor: cursorParam,
  limit: listLimit,
});
export const userCreate = z.strictObject({
  agency_id: uuid,
  role: z.enum(roleNames as [string, ...string[]]),
  email: z.email({ message: 'must be an email address' }),
  display_name: z.string().trim().min(2).max(200),
  password: z.string().min(1).max(256).describe('Initial password; the user changes it after signing in'),
});
export const userPatch = z.strictObject({
  display_name: z.string().trim().min(2).max(200).optional(),
  role: z.enum(roleNames as [string, ...string[]]).optional(),
  disabled: z.boolean().optional(),
});
export const adminUserOut = z
  .object({
    id: z.string(),
    email: z.string(),
    display_name: z.string(),
    role: z.string(),
    agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    disabled: z.boolean(),
    locked: z.boolean(),
    mfa_enabled: z.boolean(),
    last_sign_in_at: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'AdminUser' });

function query(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.disabled_at',
      'u.failed_sign_ins',
      'u.last_sign_in_at',
      'u.created_at',
      sql<boolean>`(to_jsonb(u) ->> 'totp_enabled_at') is not null`.as('mfa_enabled'),
      'a.id as agency_id',
      'a.code as agency_code',
      'a.name as agency_name',
    ])
    .where(agencyScope(actor, 'u.agency_id'));
}
type Row = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

const present = (r: Row): z.infer<typeof adminUserOut> => ({
  id: r.id,
  email: r.email,
  display_name: r.display_name,
  role: r.role,
  agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
  disabled: r.disabled_at !== null,
  locked: r.failed_sign_ins >= MAX_FAILED_SIGN_INS,
  mfa_enabled: r.mfa_enabled,
  last_sign_in_at: r.last_sign_in_at ? new Date(r.last_sign_in_at).toISOString() : null,
  created_at: new Date(r.created_at).toISOString(),
});

/** Administrators, and oversight auditors read-only. */
function assertMayRead(actor: Actor) {
  if (!can(actor, 'user:manage') && !can(actor, 'audit:read')) assertCan(actor, 'user:manage');
}

export async function listUsersFor(db: Kysely<DB>, actor: Actor, q: z.infer<typeof userListQuery>) {
  assertMayRead(actor);
  const after = decodeIdCursor(q.cursor);
  let rows = query(db, actor);
  if (q.agency_id) rows = rows.where('u.agency_id', '=', q.agency_id);
  if (q.role) rows = rows.where('u.role', '=', q.role);
  if (q.locked !== undefined)
    rows = rows.where('u.failed_sign_ins', q.locked ? '>=' : '<', MAX_FAILED_SIGN_INS);
  if (q.disabled !== undefined) rows = rows.where('u.disabled_at', q.disabled ? 'is not' : 'is', null);
  if (q.q) {
    const like = containsPattern(q.q);
    rows = rows.where((eb) => eb.or([eb('u.email', 'ilike', like), eb('u.display_name', 'ilike', like)]));
  }
  if (after) rows = rows.where('u.id', '>', after);
  return pageById(
    await rows
      .orderBy('u.id')
      .limit(q.limit + 1)
      .execute(),
    q.limit,
    present,
  );
}

/** One user in the caller's scope: administrators, and oversight auditors read-only. */
export async function getUserFor(db: Kysely<DB>, actor: Actor, id: string) {
  assertMayRead(actor);
  return findUser(db, actor, id);
}

/** A user the caller administers (for changes). */
async function managedUser(db: Kysely<DB>, actor: Actor, id: string) {
  assertCan(actor, 'user:manage');
  return findUser(db, actor, id);
}

async function findUser(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await query(db, actor).where('u.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('User');
  return present(row);
}

function assertMayGrant(actor: Actor, role: string) {
  if (role === 'system_admin' && actor.role !== 'system_admin') {
    throw new AppError('forbidden', 'Only a system administrator makes another system administrator', [
      { field: 'role', message: 'only a system administrator may grant system_admin' },
    ]);
  }
}

export async function createUserFor(db: Kysely<DB>, actor: Actor, input: z.infer<typeof userCreate>) {
  assertCan(actor, 'user:manage');
  assertMayGrant(actor, input.role);
  if (!(await agencyInScope(db, actor, input.agency_id)))
    throw validationError('agency_id', 'is not an agency you administer');
  const agency = await db
    .selectFrom('agencies')
    .select('code')
    .where('id', '=', input.agency_id)
    .executeTakeFirstOrThrow();
  const id = await db.transaction().execute(async (tx) => {
    const { id } = await addUser(tx, {
      agencyCode: agency.code,
      role: input.role,
      email: input.email,
      displayName: input.display_name,
      password: input.password,
    });
    await recordAudit(tx, actor, {
      action: 'user.create',
      recordKind: 'user',
      recordId: id,
      recordAgencyId: input.agency_id,
      detail: { role: input.role },
    });
    return id;
  });
  return getUserFor(db, actor, id);
}

export async function updateUserFor(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  patch: z.infer<typeof userPatch>,
) {
  const before = await managedUser(db, actor, id);
  if (patch.role) {
    assertMayGrant(actor, patch.role);
    assertMayGrant(actor, before.role);
  }
  if (id === actor.userId && (patch.disabled || (patch.role && patch.role !== before.role))) {
    throw validationError(
      patch.disabled ? 'disabled' : 'role',
      'you cannot disable yourself or change your own role',
    );
  }
  if (patch.display_name === undefined && patch.role === undefined && patch.disabled === undefined)
    return before;
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({
        ...(patch.display_name ? { display_name: patch.display_name } : {}),
        ...(patch.role ? { role: patch.role } : {}),
        ...(patch.disabled !== undefined ? { disabled_at: patch.disabled ? new Date() : null } : {}),
      })
      .where('id', '=', id)
      .execute();
    if (patch.disabled || (patch.role && patch.role !== before.role)) {
      // A disabled user, or one whose rights changed, signs in again.
      await tx
        .updateTable('sessions')
        .set({ revoked_at: new Date() })
        .where('user_id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    }
    await recordAudit(tx, actor, {
      action: 'user.update',
      recordKind: 'user',
      recordId: id,
      recordAgencyId: before.agency.id,
      detail: { fields: Object.keys(patch), role: patch.role ?? null },
    });
  });
  return getUserFor(db, actor, id);
}

export async function unlockUserFor(db: Kysely<DB>, actor: Actor, id: string) {
  const u = await managedUser(db, actor, id);
  await unlockUser(db, actor, u.email);
  return getUserFor(db, actor, id);
}

export async function resetMfaFor(db: Kysely<DB>, actor: Actor, id: string) {
  const u = await managedUser(db, actor, id);
  await resetMfa(db, actor, u.email);
  return getUserFor(db, actor, id);
}
