import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { newToken, tokenHash } from '../../shared/crypto.ts';
import { mapDbError } from '../../shared/db-errors.ts';
import { AppError, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../access/actor.ts';
import { isRole, type Role, roleNames } from '../access/roles.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './password.ts';

export interface SessionUser {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  agency: {
    id: string;
    code: string;
    name: string;
    kind: string;
    state_lgd_code: number | null;
    district_lgd_code: number | null;
  };
}

export interface ResolvedSession {
  user: SessionUser;
  kind: 'cookie' | 'api';
  csrfToken: string | null;
  tokenHash: string;
}

const MAX_FAILED_SIGN_INS = 10;

/** Session tokens are kept only as a keyed hash: a copy of the database does not yield live sessions. */
export function sessionKey(config: Config, token: string): string {
  return tokenHash(`${config.sessionSecret ?? ''}:${token}`);
}

async function loadUser(db: Kysely<DB>, where: { id?: string; email?: string }) {
  let q = db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.password_hash',
      'u.disabled_at',
      'u.failed_sign_ins',
      'a.id as agency_id',
      'a.code as agency_code',
      'a.name as agency_name',
      'a.kind as agency_kind',
      'a.state_lgd_code as agency_state_lgd_code',
      'a.district_lgd_code as agency_district_lgd_code',
    ]);
  if (where.id) q = q.where('u.id', '=', where.id);
  if (where.email)
    q = q.where((eb) => eb(eb.fn('lower', ['u.email']), '=', where.email?.toLowerCase() ?? ''));
  return q.executeTakeFirst();
}

type LoadedUser = NonNullable<Awaited<ReturnType<typeof loadUser>>>;

function toSessionUser(u: LoadedUser): SessionUser {
  if (!isRole(u.role)) throw new AppError('internal', `User ${u.id} has an unknown role`);
  return {
    id: u.id,
    email: u.email,
    display_name: u.display_name,
    role: u.role,
    agency: {
      id: u.agency_id,
      code: u.agency_code,
      name: u.agency_name,
      kind: u.agency_kind,
      state_lgd_code: u.agency_state_lgd_code,
      district_lgd_code: u.agency_district_lgd_code,
    },
  };
}

export function actorOf(user: SessionUser, clientAddress: string | null): Actor {
  return { userId: user.id, agencyId: user.agency.id, role: user.role, clientAddress };
}

const badCredentials = () =>
  new AppError('unauthenticated', 'Email or password is wrong, or the account is locked');

export async function signIn(
  db: Kysely<DB>,
  config: Config,
  email: string,
  password: string,
  clientAddress: string | null,
): Promise<{ token: string; csrfToken: string; user: SessionUser }> {
  const u = await loadUser(db, { email });
  if (!u) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw badCredentials();
  }
  const locked = u.disabled_at !== null || u.failed_sign_ins >= MAX_FAILED_SIGN_INS;
  const ok = await verifyPassword(u.password_hash, password);
  const user = toSessionUser(u);
  const actor = actorOf(user, clientAddress);
  if (!ok || locked) {
    await db.transaction().execute(async (tx) => {
      if (!ok) {
        await tx
          .updateTable('users')
          .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
          .where('id', '=', u.id)
          .execute();
      }
      await recordAudit(tx, actor, {
        action: 'auth.sign_in_failed',
        recordKind: 'user',
        recordId: u.id,
        detail: { locked },
      });
    });
    throw badCredentials();
  }
  const token = newToken('cgs');
  const csrfToken = newToken('csrf');
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('sessions')
      .values({
        token_hash: sessionKey(config, token),
        user_id: u.id,
        kind: 'cookie',
        csrf_token: csrfToken,
        expires_at: new Date(Date.now() + config.sessionAbsoluteHours * 3_600_000),
        client_address: clientAddress,
      })
      .execute();
    await tx
      .updateTable('users')
      .set({ failed_sign_ins: 0, last_sign_in_at: new Date() })
      .where('id', '=', u.id)
      .execute();
    await recordAudit(tx, actor, { action: 'auth.sign_in', recordKind: 'user', recordId: u.id });
  });
  return { token, csrfToken, user };
}

/** Looks up a live session or API token; expired, revoked and idle sessions are refused. */
export async function resolveSession(
  db: Kysely<DB>,
  config: Config,
  token: string,
): Promise<ResolvedSession | null> {
  const key = sessionKey(config, token);
  const s = await db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', key)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!s) return null;
  const now = Date.now();
  if (s.expires_at && new Date(s.expires_at).getTime() <= now) return null;
  if (s.kind === 'cookie' && new Date(s.last_seen_at).getTime() + config.sessionIdleMinutes * 60_000 <= now)
    return null;
  const u = await loadUser(db, { id: s.user_id });
  if (!u || u.disabled_at !== null) return null;
  // Touch at most once a minute: an idle timeout needs minute precision, not a write per request.
  if (now - new Date(s.last_seen_at).getTime() > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date() })
      .where('token_hash', '=', key)
      .execute();
  }
  return { user: toSessionUser(u), kind: s.kind, csrfToken: s.csrf_token, tokenHash: key };
}

export async function signOut(db: Kysely<DB>, actor: Actor, key: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('sessions').set({ revoked_at: new Date() }).where('token_hash', '=', key).execute();
    await recordAudit(tx, actor, {
      action: 'auth.sign_out',
      recordKind: 'user',
      recordId: actor.userId ?? undefined,
    });
  });
}

/** An API token for scripts: shown once, stored hashed, revocable like a session. */
export async function createApiToken(
  db: Kysely<DB>,
  config: Config,
  userId: string,
  label: string,
  days: number,
): Promise<string> {
  const token = newToken('cgt');
  await db
    .insertInto('sessions')
    .values({
      token_hash: sessionKey(config, token),
      user_id: userId,
      kind: 'api',
      label,
      expires_at: new Date(Date.now() + days * 86_400_000),
    })
    .execute();
  return token;
}

export interface NewUser {
  agencyCode: string;
  role: string;
  email: string;
  displayName: string;
  password: string;
}

export async function addUser(db: Kysely<DB>, input: NewUser): Promise<{ id: string }> {
  if (!isRole(input.role)) throw validationError('role', `unknown role; one of: ${roleNames.join(', ')}`);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
    throw validationError('email', 'is not an email address');
  const problem = passwordProblem(input.password);
  if (problem) throw validationError('password', problem);
  const agency = await db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', input.agencyCode)
    .executeTakeFirst();
  if (!agency) throw validationError('agency', `no agency with code ${input.agencyCode}`);
  const id = newId();
  try {
    await db
      .insertInto('users')
      .values({
        id,
        agency_id: agency.id,
        email: input.email.toLowerCase(),
        display_name: input.displayName,
        role: input.role,
        password_hash: await hashPassword(input.password),
      })
      .execute();
  } catch (err) {
    mapDbError(err);
  }
  return { id };
}
