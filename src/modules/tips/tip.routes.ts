import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AppDeps, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { pageOf, uuid } from '../cases/case.schemas.ts';
import { tipInput, tipListQuery, tipOut, tipSummaryOut } from './tip.schemas.ts';
import { createTip, getTip, listTips } from './tip.service.ts';

/** Tips (docs/tips.md): record one, list them (no text), read one (audited). */
export function tipRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['tips'];
    r.post(
      '/api/v1/tips',
      {
        schema: {
          tags,
          summary:
            'Record a tip (police officers): its text is encrypted, its identifiers found and watched like a case’s',
          body: tipInput,
          response: { 201: tipSummaryOut, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createTip(deps.db, deps.keyring, requireActor(request), request.body)),
    );
    r.get(
      '/api/v1/tips',
      {
        schema: {
          tags,
          summary: 'Tips of your scope, newest first: metadata and identifier counts, no text',
          querystring: tipListQuery,
          response: { 200: pageOf(tipSummaryOut), ...errorResponses },
        },
      },
      async (request) => listTips(deps.db, requireActor(request), request.query),
    );
    r.get(
      '/api/v1/tips/:id',
      {
        schema: {
          tags,
          summary:
            'One tip with its text and identifiers, and what the grid knows of each (the read is audited)',
          params: z.strictObject({ id: uuid }),
          response: { 200: tipOut, ...errorResponses },
        },
      },
      async (request) => getTip(deps.db, deps.keyring, requireActor(request), request.params.id),
    );
  };
}
