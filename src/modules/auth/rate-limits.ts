import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { AppError } from '../../shared/errors.ts';

const MINUTE = 60_000;
const ACCOUNT_WINDOW_MINUTES = 15;

/**
 * Limits on password and code guessing, per client address (one minute) and per account (15 minutes), on top of
 * the lockout after ten failures. Counters live in this process's memory (@fastify/rate-limit's local store):
 * several servers behind one load balancer each count on their own, and the lockout, kept in the database, is
 * what binds them all. Each call makes its own pair of counters, so sign-in and code entry do not share them.
 *
 * ```ts
 * const limit = attemptLimits(app, config, (req) => (req.body as { email: string }).email);
 * app.post('/sign-in', { preHandler: limit }, handler);
 * ```
 */
export function attemptLimits(
  app: FastifyInstance,
  config: Config,
  accountOf: (request: FastifyRequest) => string | undefined,
) {
  const perAddress = app.createRateLimit({ max: config.signInLimitPerAddress, timeWindow: MINUTE });
  const perAccount = app.createRateLimit({
    max: config.signInLimitPerAccount,
    timeWindow: ACCOUNT_WINDOW_MINUTES * MINUTE,
    keyGenerator: (request) => `account:${accountOf(request)?.toLowerCase() ?? ''}`,
  });
  return async function limitAttempts(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const checks = accountOf(request) === undefined ? [perAddress] : [perAddress, perAccount];
    for (const check of checks) {
      const r = await check(request);
      if (!r.isAllowed && r.isExceeded) {
        reply.header('retry-after', String(r.ttlInSeconds));
        throw new AppError('rate_limited', `Too many attempts; try again in ${r.ttlInSeconds} seconds`);
      }
    }
  };
}
