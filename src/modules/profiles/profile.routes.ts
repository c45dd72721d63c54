import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type AppDeps, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { screenInput, screenOut } from './screening.schemas.ts';
import { screenPersons } from './screening.service.ts';

export function profileRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/grid/screen',
      {
        schema: {
          tags: ['grid'],
          summary:
            'Screen a person and/or identifiers against every agency: ranked candidates with explanations, hits for what you may not read (audited; states a purpose)',
          body: screenInput,
          response: { 200: screenOut, ...errorResponses },
        },
      },
      async (request) => screenPersons(deps.db, deps.keyring, requireActor(request), request.body),
    );
  };
}
