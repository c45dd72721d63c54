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
}

export const SESSION_COOKIE = 'cg_session';

/** The signed-in actor, or 401. Routes call this first; services then check the role. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in first');
  return request.actor;
}

export function noContent(reply: FastifyReply) {
  return reply.code(204).send();
}
