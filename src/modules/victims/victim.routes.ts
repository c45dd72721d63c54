import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AppDeps, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { uuid } from '../cases/case.schemas.ts';
import { listReveals, revealInput, revealLogOut, revealOut, revealPerson } from './reveal.service.ts';

export function victimRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const idParams = z.strictObject({ id: uuid });
    r.post(
      '/api/v1/persons/:id/reveal',
      {
        schema: {
          tags: ['victims'],
          summary:
            "Reveal a victim's or child witness's identity: permitted role, stated purpose, second factor in this session; logged",
          params: idParams,
          body: revealInput,
          response: { 200: revealOut, ...errorResponses },
        },
      },
      async (request) =>
        revealPerson(
          deps.db,
          deps.keyring,
          requireActor(request),
          request.params.id,
          request.body.purpose,
          request.session?.kind === 'cookie' ? (request.session.mfaVerifiedAt ?? null) : null,
        ),
    );
    r.get(
      '/api/v1/persons/:id/reveals',
      {
        schema: {
          tags: ['victims'],
          summary: "Who revealed this person's identity, when and why (for the owning agency)",
          params: idParams,
          response: { 200: revealLogOut, ...errorResponses },
        },
      },
      async (request) => listReveals(deps.db, requireActor(request), request.params.id),
    );
  };
}
