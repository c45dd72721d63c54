import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB, SignInMethod } from '../../db/schema.ts';
import { newToken, tokenHash } from '../../shared/crypto.ts';
import { mapDbError } from '../../shared/db-errors.ts';
import { AppError, notFound, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../access/actor.ts';
import { isRole, type Role, roleNames, roles } from '../access/roles.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import {
  dummyPasswordHash,
  hashPassword,
  passwordLengthProblem,
  passwordProblem,
  verifyPassword,
} from './password.ts';

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

/** What a session still owes before it may use the API: the code of the 403 it gets meanwhile. */
export type MfaBlock = 'mfa_required' | 'mfa_setup_required';

export interface MfaStatus {
  /** The user has a confirmed TOTP factor. */
  enrolled: boolean;
  /** The user's role must use a second factor (roles.ts `mfa`, with MFA_REQUIRED on). */
  required: boolean;
  /** null when the session may use the API; API tokens are never blocked (they are not interactive). */
  block: MfaBlock | null;
}

export interface ResolvedSession {
  /** Public id (the session list, DELETE /auth/sessions/{id}); never the token or its hash. */
  id: string;
  user: SessionUser;
  kind: 'cookie' | 'api';
  method: SignInMethod;
  csrfToken: string | null;
  tokenHash: string;
  /** When this session last proved a second factor (TOTP, recovery code, or the identity provider's MFA). */
  mfaVerifiedAt: Date | null;
  mfa: MfaStatus;
}

/** Ten wrong passwords or second-factor codes in a row lock the account until `childgrid user unlock`. */
export const MAX_FAILED_SIGN_INS = 10;

/** Session tokens are kept only as a keyed hash: a copy of the database does not yield live sessions. */
export function sessionKey(config: Config, token: string): string {
  return tokenHash(`${config.sessionSecret ?? ''}:${token}`);
}

export async function loadUser(db: Kysely<DB>, where: { id?: string; email?: string }) {
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
      'u.totp_enabled_at',
      'u.oidc_subject',
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

export type LoadedUser = NonNullable<Awaited<ReturnType<typeof loadUser>>>;

export function toSessionUser(u: LoadedUser): SessionUser {
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

export function isLocked(u: { disabled_at: unknown; failed_sign_ins: number }): boolean {
  return u.disabled_at !== null || u.failed_sign_ins >= MAX_FAILED_SIGN_INS;
}

/**
 * The second-factor state of a session. Scripts' API tokens are exempt (they cannot type a code; they are made
 * at the console or by a session that verified its second factor).
 */
export function mfaStatus(
  config: Config,
  role: Role,
  kind: 'cookie' | 'api',
  enrolled: boolean,
  verifiedAt: Date | null,
): MfaStatus {
  const required = config.mfaRequired && roles[role].mfa;
  let block: MfaBlock | null = null;
  if (kind === 'cookie' && verifiedAt === null) {
    if (enrolled) block = 'mfa_required';
    else if (required) block = 'mfa_setup_required';
  }
  return { enrolled, required, block };
}

const badCredentials = () =>
  new AppError('unauthenticated', 'Email or password is wrong, or the account is locked');

export interface NewSession {
  id: string;
  token: string;
  csrfToken: string;
}

/** Longest User-Agent kept for the session list. */
export const USER_AGENT_MAX = 200;

/**
 * The browser named in a User-Agent header, as the session list shows it: control characters dropped, cut to
 * 200 characters; null when absent or empty.
 */
export function userAgentOf(header: string | string[] | undefined): string | null {
  const text = (Array.isArray(header) ? header[0] : header)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    ?.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();
  return text ? Array.from(text).slice(0, USER_AGENT_MAX).join('') : null;
}

/** A browser session; call inside the transaction that records the sign-in. */
export async function createSession(
  db: Kysely<DB>,
  config: Config,
  input: {
    userId: string;
    method: SignInMethod;
    clientAddress: string | null;
    mfaVerifiedAt: Date | null;
    userAgent?: string | null;
  },
): Promise<NewSession> {
  const session = { id: newId(), token: newToken('cgs'), csrfToken: newToken('csrf') };
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      token_hash: sessionKey(config, session.token),
      user_id: input.userId,
      kind: 'cookie',
      method: input.method,
      csrf_token: session.csrfToken,
      expires_at: new Date(Date.now() + config.sessionAbsoluteHours * 3_600_000),
      client_address: input.clientAddress,
      mfa_verified_at: input.mfaVerifiedAt,
      user_agent: input.userAgent ?? null,
    })
    .execute();
  return session;
}

export interface SignInResult extends NewSession {
  user: SessionUser;
  mfa: MfaStatus;
}

/**
 * First step of a browser sign-in. A user with a second factor gets a session that may only call me, sign-out
 * and the MFA endpoints until it verifies a code; the failure counter is cleared only then, so that guessing
 * codes after each correct password does not escape the lockout.
 */
export async function signIn(
  db: Kysely<DB>,
  config: Config,
  email: string,
  password: string,
  clientAddress: string | null,
  userAgent: string | null = null,
): Promise<SignInResult> {
  const u = await loadUser(db, { email });
  if (!u) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw badCredentials();
  }
  const locked = isLocked(u);
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
        detail: { method: 'password', locked },
      });
    });
    throw badCredentials();
  }
  const enrolled = u.totp_enabled_at !== null;
  const session = await db.transaction().execute(async (tx) => {
    const s = await createSession(tx, config, {
      userId: u.id,
      method: 'password',
      clientAddress,
      mfaVerifiedAt: null,
      userAgent,
    });
    await tx
      .updateTable('users')
      .set(enrolled ? { last_sign_in_at: new Date() } : { failed_sign_ins: 0, last_sign_in_at: new Date() })
      .where('id', '=', u.id)
      .execute();
    await recordAudit(tx, actor, {
      action: 'auth.sign_in',
      recordKind: 'user',
      recordId: u.id,
      detail: { method: 'password', session_id: s.id, second_factor: enrolled ? 'pending' : 'none' },
    });
    return s;
  });
  return { ...session, user, mfa: mfaStatus(config, user.role, 'cookie', enrolled, null) };
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
  const user = toSessionUser(u);
  const mfaVerifiedAt = s.mfa_verified_at ? new Date(s.mfa_verified_at) : null;
  return {
    id: s.id,
    user,
    kind: s.kind,
    method: s.method,
    csrfToken: s.csrf_token,
    tokenHash: key,
    mfaVerifiedAt,
    mfa: mfaStatus(config, user.role, s.kind, u.totp_enabled_at !== null, mfaVerifiedAt),
  };
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

export interface SessionSummary {
  id: string;
  kind: 'cookie' | 'api';
  method: SignInMethod;
  label: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date | null;
  client_address: string | null;
  user_agent: string | null;
  mfa_verified_at: Date | null;
  current: boolean;
}

/** The caller's live sessions and API tokens, most recently used first. */
export async function listSessions(
  db: Kysely<DB>,
  config: Config,
  userId: string,
  currentId: string,
): Promise<SessionSummary[]> {
  const now = new Date();
  const idleSince = new Date(now.getTime() - config.sessionIdleMinutes * 60_000);
  const rows = await db
    .selectFrom('sessions')
    .select([
      'id',
      'kind',
      'method',
      'label',
      'created_at',
      'last_seen_at',
      'expires_at',
      'client_address',
      'user_agent',
      'mfa_verified_at',
    ])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .where((eb) => eb.or([eb('kind', '=', 'api'), eb('last_seen_at', '>', idleSince)]))
    .orderBy('last_seen_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    created_at: new Date(r.created_at),
    last_seen_at: new Date(r.last_seen_at),
    expires_at: r.expires_at ? new Date(r.expires_at) : null,
    mfa_verified_at: r.mfa_verified_at ? new Date(r.mfa_verified_at) : null,
    current: r.id === currentId,
  }));
}

/** Revokes one of the caller's own sessions; another user's session is "not found", like a missing one. */
export async function revokeSession(db: Kysely<DB>, actor: Actor, sessionId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('id', '=', sessionId)
      .where('user_id', '=', actor.userId ?? '')
      .where('revoked_at', 'is', null)
      .returning('kind')
      .executeTakeFirst();
    if (!row) throw notFound('Session');
    await recordAudit(tx, actor, {
      action: 'auth.session_revoked',
      recordKind: 'session',
      recordId: sessionId,
      detail: { kind: row.kind },
    });
  });
}

/**
 * Changes the caller's password after checking the current one, and revokes every other session and API token
 * of the user (a password change is often the answer to a suspected compromise). Wrong current passwords
 * count towards the lockout, like wrong sign-ins.
 */
export async function changePassword(
  db: Kysely<DB>,
  actor: Actor,
  session: { id: string; user: SessionUser },
  currentPassword: string,
  newPassword: string,
): Promise<{ revokedSessions: number }> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'email', 'display_name'])
    .where('id', '=', session.user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(u.password_hash, currentPassword))) {
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
        .where('id', '=', u.id)
        .execute();
      await recordAudit(tx, actor, {
        action: 'auth.password_change_failed',
        recordKind: 'user',
        recordId: u.id,
        detail: { field: 'current_password' },
      });
    });
    throw validationError('current_password', 'is wrong');
  }
  const problem = passwordProblem(newPassword, { email: u.email, displayName: u.display_name });
  if (problem) throw validationError('new_password', problem);
  if (await verifyPassword(u.password_hash, newPassword))
    throw validationError('new_password', 'must differ from the current password');
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: new Date(), failed_sign_ins: 0 })
      .where('id', '=', u.id)
      .execute();
    const revoked = await tx
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', u.id)
      .where('id', '!=', session.id)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    await recordAudit(tx, actor, {
      action: 'auth.password_changed',
      recordKind: 'user',
      recordId: u.id,
      detail: { revoked_sessions: revoked.length },
    });
    return { revokedSessions: revoked.length };
  });
}

/** The user with this email, or a validation error naming the field. */
export async function userIdByEmail(db: Kysely<DB>, email: string): Promise<string> {
  const u = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  if (!u) throw validationError('email', `no user ${email}`);
  return u.id;
}

/** `childgrid user unlock`: clears the failure counter that locks an account after ten failures. */
export async function unlockUser(
  db: Kysely<DB>,
  actor: Actor,
  email: string,
): Promise<{ failedAttempts: number }> {
  const id = await userIdByEmail(db, email);
  return db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('users')
      .select('failed_sign_ins')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await tx.updateTable('users').set({ failed_sign_ins: 0 }).where('id', '=', id).execute();
    await recordAudit(tx, actor, {
      action: 'auth.unlocked',
      recordKind: 'user',
      recordId: id,
      detail: { failed_attempts: before.failed_sign_ins },
    });
    return { failedAttempts: before.failed_sign_ins };
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
  return (await issueApiToken(db, config, userId, label, days)).token;
}

export async function issueApiToken(
  db: Kysely<DB>,
  config: Config,
  userId: string,
  label: string,
  days: number,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = newToken('cgt');
  const id = newId();
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await db
    .insertInto('sessions')
    .values({
      id,
      token_hash: sessionKey(config, token),
      user_id: userId,
      kind: 'api',
      method: 'token',
      label,
      expires_at: expiresAt,
    })
    .execute();
  return { id, token, expiresAt };
}

export interface NewUser {
  agencyCode: string;
  role: string;
  email: string;
  displayName: string;
  password: string;
}

/**
 * `demo`: the synthetic demo's accounts share one published password (printed at start, in the README); only the
 * length rule applies to them. Only the demo seeding passes it, and only on an installation that asked for a demo.
 */
export async function addUser(
  db: Kysely<DB>,
  input: NewUser,
  options: { demo?: boolean } = {},
): Promise<{ id: string }> {
  if (!isRole(input.role)) throw validationError('role', `unknown role; one of: ${roleNames.join(', ')}`);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
    throw validationError('email', 'is not an email address');
  const problem = options.demo
    ? passwordLengthProblem(input.password)
    : passwordProblem(input.password, { email: input.email, displayName: input.displayName });
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
