import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../modules/access/actor.ts';
import type { ResolvedSession } from '../modules/auth/auth.service.ts';
import type { Keyring } from '../shared/envelope.ts';
import { AppError } from '../shared/errors.ts';

export interface AppDeps {
  db: Kysely<DB>;
  config: Config;
  /** Version string shown by /api/v1/meta. */
  version: string;
  /** Opens and seals protected fields (victims' identities, TOTP secrets). */
  keyring: Keyring;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | null;
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The route answers without signing in. */
    public?: boolean;
  }
}

export const SESSION_COOKIE = 'cg_session';

/**
 * The signed-in actor, or 401. Routes call this first; services then check the role. A browser session that
 * still owes its second factor has no actor: it gets 403 `mfa_required` (enter a code) or `mfa_setup_required`
 * (the role must set one up) everywhere except me, sign-out and the MFA endpoints (`requireSession`).
 */
export function requireActor(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  const block = request.session?.mfa.block;
  if (block === 'mfa_required')
    throw new AppError(
      'mfa_required',
      'Enter the code from your authenticator app first (POST /api/v1/auth/mfa/verify)',
    );
  if (block === 'mfa_setup_required')
    throw new AppError(
      'mfa_setup_required',
      'Your role must use a second factor: set one up first (POST /api/v1/auth/mfa/setup)',
    );
  throw new AppError('unauthenticated', 'Sign in first');
}

/** Any live session, even one that still owes its second factor: only for me, sign-out and the MFA routes. */
export function requireSession(request: FastifyRequest): { session: ResolvedSession; actor: Actor } {
  const session = request.session;
  if (!session) throw new AppError('unauthenticated', 'Sign in first');
  const { user } = session;
  return {
    session,
    actor: request.actor ?? {
      userId: user.id,
      agencyId: user.agency.id,
      role: user.role,
      clientAddress: request.ip,
    },
  };
}

/**
 * For the most sensitive actions (revealing a victim's identity, creating an API token): a browser session that
 * proved its second factor in the last `maxAgeMinutes`, else 403 `mfa_required` (verify again with
 * POST /api/v1/auth/mfa/verify) or `mfa_setup_required`. API tokens never qualify.
 *
 * ```ts
 * const actor = requireFreshMfa(request, 15);
 * ```
 */
export function requireFreshMfa(request: FastifyRequest, maxAgeMinutes: number): Actor {
  const actor = requireActor(request);
  const session = request.session!;
  if (session.kind !== 'cookie')
    throw new AppError(
      'mfa_required',
      'This needs a browser session that verified a second factor; an API token cannot do it',
    );
  const at = session.mfaVerifiedAt?.getTime();
  if (at === undefined && !session.mfa.enrolled)
    throw new AppError(
      'mfa_setup_required',
      'This needs a second factor: set one up (POST /api/v1/auth/mfa/setup)',
    );
  if (at === undefined || Date.now() - at > maxAgeMinutes * 60_000)
    throw new AppError(
      'mfa_required',
      `Enter a code from your authenticator app again (POST /api/v1/auth/mfa/verify): this needs one from the last ${maxAgeMinutes} minutes`,
    );
  return actor;
}

export function noContent(reply: FastifyReply) {
  return reply.code(204).send();
}
