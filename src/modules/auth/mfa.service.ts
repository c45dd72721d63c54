import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { AppError, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import {
  isLocked,
  MAX_FAILED_SIGN_INS,
  type SessionUser,
  sessionKey,
  userIdByEmail,
} from './auth.service.ts';

/**
 * TOTP second factor (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps — what every authenticator app reads),
 * with one-time recovery codes.
 *
 * ```ts
 * const { secret, otpauth_uri, qr_svg } = await startMfaSetup(db, keyring, config, actor, user);
 * const { recoveryCodes } = await confirmMfa(db, keyring, config, actor, sessionId, '123456');
 * await verifyMfa(db, keyring, config, actor, sessionId, '654321'); // at the next sign-in
 * ```
 */
const STEP_SECONDS = 30;
/** One step either side: a phone's clock a little off, or a code typed as it changed (RFC 6238 §5.2). */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: read off paper and typed by hand.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const totpAad = (userId: string) => `users:${userId}:totp`;

function totp(config: Config, label: string, secret: Secret): TOTP {
  return new TOTP({
    issuer: config.mfaIssuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: STEP_SECONDS,
    secret,
  });
}

/** The time step a code belongs to, if it is valid now (within the window); null otherwise. */
export function matchTotp(secretBase32: string, code: string, now = Date.now()): number | null {
  const t = new TOTP({ digits: 6, period: STEP_SECONDS, secret: Secret.fromBase32(secretBase32) });
  const delta = t.validate({ token: code, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  return Math.floor(now / 1000 / STEP_SECONDS) + delta;
}

function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** What the user typed, as stored: lower case, without spaces or dashes. */
function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const recoveryHash = (config: Config, code: string) =>
  sessionKey(config, `recovery:${normaliseRecoveryCode(code)}`);

async function totpRow(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'totp_secret',
      'totp_enabled_at',
      'totp_last_step',
      'failed_sign_ins',
      'disabled_at',
    ])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

const alreadyEnrolled = () =>
  new AppError(
    'conflict',
    'A second factor is already set up for this account; an administrator can reset it (childgrid user reset-mfa)',
  );

export interface MfaSetup {
  /** Base32, for typing into an app that cannot scan. */
  secret: string;
  otpauth_uri: string;
  qr_svg: string;
}

/**
 * Starts enrolment: a new secret, stored encrypted, that counts only once a code from it is confirmed. Calling
 * it again before confirming replaces the secret.
 */
export async function startMfaSetup(
  db: Kysely<DB>,
  keyring: Keyring,
  config: Config,
  actor: Actor,
  user: SessionUser,
): Promise<MfaSetup> {
  const row = await totpRow(db, user.id);
  if (row.totp_enabled_at !== null) throw alreadyEnrolled();
  const secret = new Secret({ size: 20 });
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ totp_secret: keyring.encrypt(secret.base32, totpAad(user.id)), totp_last_step: null })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(tx, actor, { action: 'auth.mfa_setup_started', recordKind: 'user', recordId: user.id });
  });
  const uri = totp(config, user.email, secret).toString();
  return { secret: secret.base32, otpauth_uri: uri, qr_svg: await QRCode.toString(uri, { type: 'svg' }) };
}

/**
 * Confirms enrolment with a code from the new secret. The session that confirms counts as verified (it just
 * proved the factor); the user's other sessions must now verify. Returns the recovery codes, shown only now.
 */
export async function confirmMfa(
  db: Kysely<DB>,
  keyring: Keyring,
  config: Config,
  actor: Actor,
  sessionId: string,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const userId = actor.userId!;
  const row = await totpRow(db, userId);
  if (row.totp_enabled_at !== null) throw alreadyEnrolled();
  if (row.totp_secret === null)
    throw new AppError('conflict', 'Start with POST /api/v1/auth/mfa/setup, then confirm a code');
  const step = matchTotp(keyring.decrypt(row.totp_secret, totpAad(userId)), code);
  if (step === null) {
    await recordAudit(db, actor, {
      action: 'auth.mfa_failed',
      recordKind: 'user',
      recordId: userId,
      detail: { stage: 'confirm' },
    });
    throw validationError('code', 'is wrong or expired; enter the code your app shows now');
  }
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.transaction().execute(async (tx) => {
    const now = new Date();
    await tx
      .updateTable('users')
      .set({ totp_enabled_at: now, totp_last_step: step, failed_sign_ins: 0 })
      .where('id', '=', userId)
      .execute();
    await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await tx
      .insertInto('recovery_codes')
      .values(
        recoveryCodes.map((c) => ({ id: newId(), user_id: userId, code_hash: recoveryHash(config, c) })),
      )
      .execute();
    await tx.updateTable('sessions').set({ mfa_verified_at: now }).where('id', '=', sessionId).execute();
    await recordAudit(tx, actor, {
      action: 'auth.mfa_enabled',
      recordKind: 'user',
      recordId: userId,
      detail: { recovery_codes: RECOVERY_CODE_COUNT },
    });
  });
  return { recoveryCodes };
}

/**
 * New recovery codes for the signed-in user (the old ones, used or not, stop working), shown only now. The route
 * asks for a second factor proved in this browser session within the last minutes: whoever holds only a stolen
 * session cannot mint codes that outlive it.
 */
export async function regenerateRecoveryCodes(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
): Promise<{ recoveryCodes: string[] }> {
  const userId = actor.userId!;
  const row = await totpRow(db, userId);
  if (row.totp_enabled_at === null)
    throw new AppError('conflict', 'No second factor is set up for this account: set one up first');
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.transaction().execute(async (tx) => {
    const old = await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).executeTakeFirst();
    await tx
      .insertInto('recovery_codes')
      .values(
        recoveryCodes.map((c) => ({ id: newId(), user_id: userId, code_hash: recoveryHash(config, c) })),
      )
      .execute();
    await recordAudit(tx, actor, {
      action: 'auth.recovery_codes_regenerated',
      recordKind: 'user',
      recordId: userId,
      detail: { recovery_codes: RECOVERY_CODE_COUNT, replaced: Number(old.numDeletedRows) },
    });
  });
  return { recoveryCodes };
}

export interface MfaVerified {
  method: 'totp' | 'recovery_code';
  recoveryCodesLeft: number;
}

/**
 * Second step of sign-in, or a fresh proof later (step-up before revealing a victim's identity). Takes a TOTP
 * code or an unused recovery code. A code for a time step already used is refused (RFC 6238 §5.2), and the
 * check-and-record is one conditional UPDATE, so two requests racing with one code cannot both pass. Wrong codes
 * count towards the lockout; the tenth ends this session too.
 */
export async function verifyMfa(
  db: Kysely<DB>,
  keyring: Keyring,
  config: Config,
  actor: Actor,
  sessionId: string,
  code: string,
): Promise<MfaVerified> {
  const userId = actor.userId!;
  const row = await totpRow(db, userId);
  if (row.totp_enabled_at === null || row.totp_secret === null)
    throw new AppError('conflict', 'No second factor is set up for this account');
  if (isLocked(row)) throw await endLockedSession(db, sessionId);
  const typed = code.replace(/\s+/g, '');
  let method: MfaVerified['method'] | null = null;
  if (/^\d{6}$/.test(typed)) {
    const step = matchTotp(keyring.decrypt(row.totp_secret, totpAad(userId)), typed);
    if (step !== null) {
      const taken = await db
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .returning('id')
        .executeTakeFirst();
      if (taken) method = 'totp';
    }
  } else {
    const used = await db
      .updateTable('recovery_codes')
      .set({ used_at: new Date() })
      .where('user_id', '=', userId)
      .where('code_hash', '=', recoveryHash(config, typed))
      .where('used_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (used) method = 'recovery_code';
  }
  if (method === null) {
    const failures = await db.transaction().execute(async (tx) => {
      const r = await tx
        .updateTable('users')
        .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
        .where('id', '=', userId)
        .returning('failed_sign_ins')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, actor, {
        action: 'auth.mfa_failed',
        recordKind: 'user',
        recordId: userId,
        detail: { stage: 'verify', locked: r.failed_sign_ins >= MAX_FAILED_SIGN_INS },
      });
      return r.failed_sign_ins;
    });
    if (failures >= MAX_FAILED_SIGN_INS) throw await endLockedSession(db, sessionId);
    throw validationError('code', 'is wrong, expired or already used');
  }
  return db.transaction().execute(async (tx) => {
    const now = new Date();
    await tx.updateTable('sessions').set({ mfa_verified_at: now }).where('id', '=', sessionId).execute();
    await tx
      .updateTable('users')
      .set({ failed_sign_ins: 0, last_sign_in_at: now })
      .where('id', '=', userId)
      .execute();
    const left = await tx
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    const recoveryCodesLeft = Number(left.n);
    await recordAudit(tx, actor, {
      action: 'auth.mfa_verified',
      recordKind: 'user',
      recordId: userId,
      detail: { method, session_id: sessionId, recovery_codes_left: recoveryCodesLeft },
    });
    return { method, recoveryCodesLeft };
  });
}

async function endLockedSession(db: Kysely<DB>, sessionId: string): Promise<AppError> {
  await db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).execute();
  return new AppError(
    'unauthenticated',
    'Too many wrong codes: the account is locked; an administrator can unlock it (childgrid user unlock)',
  );
}

/**
 * `childgrid user reset-mfa`: removes the user's second factor and recovery codes (a lost phone) and ends their
 * browser sessions, so the next sign-in sets up a new factor. API tokens are kept.
 */
export async function resetMfa(
  db: Kysely<DB>,
  actor: Actor,
  email: string,
): Promise<{ wasEnrolled: boolean; endedSessions: number }> {
  const userId = await userIdByEmail(db, email);
  return db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('users')
      .select('totp_enabled_at')
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('users')
      .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
      .where('id', '=', userId)
      .execute();
    await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    const ended = await tx
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', userId)
      .where('kind', '=', 'cookie')
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    await recordAudit(tx, actor, {
      action: 'auth.mfa_reset',
      recordKind: 'user',
      recordId: userId,
      detail: { was_enrolled: before.totp_enabled_at !== null, ended_sessions: ended.length },
    });
    return { wasEnrolled: before.totp_enabled_at !== null, endedSessions: ended.length };
  });
}
