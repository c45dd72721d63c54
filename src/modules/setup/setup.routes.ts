import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { completeSetup } from './setup.service.ts';

export function setupRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/setup',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'Create the first system administrator with the one-time token printed at first start',
          body: z.strictObject({
            token: z.string().min(10).max(200),
            email: z.email({ message: 'must be an email address' }),
            display_name: z.string().trim().min(2).max(200),
            password: z.string().min(1).max(256),
          }),
          response: { 201: z.object({ id: z.string() }), ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await completeSetup(deps.db, deps.config, request.body)),
    );
  };
}
