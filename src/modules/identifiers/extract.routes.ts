import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { identifierKinds } from '../../db/schema.ts';
import { type AppDeps, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { assertCan } from '../access/actor.ts';
import { extractIdentifiers, MAX_EXTRACT_LENGTH } from './extract.ts';

const extractBody = z.strictObject({
  text: z
    .string()
    .min(1, 'must not be empty')
    .max(MAX_EXTRACT_LENGTH, `must be at most ${MAX_EXTRACT_LENGTH} characters`),
});
const extractedOut = z.object({
  kind: z.enum(identifierKinds),
  value: z.string(),
  normalised: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});

/**
 * `POST /api/v1/grid/extract`: the identifiers in a piece of free text (an FIR narrative, a tip), for the case
 * form and the tips screen to offer as identifiers. Needs `case:read` — the roles that work with case text.
 * Not audited: it writes nothing and reads no record, only the text the caller sent (which it does not log or
 * keep); Aadhaar numbers in the text come back masked.
 */
export function extractRoutes(_deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/grid/extract',
      {
        schema: {
          tags: ['grid'],
          summary: 'Find identifiers (phones, UPI ids, vehicles …) in free text',
          body: extractBody,
          response: { 200: z.object({ items: z.array(extractedOut) }), ...errorResponses },
        },
      },
      async (request) => {
        assertCan(requireActor(request), 'case:read');
        return { items: extractIdentifiers(request.body.text) };
      },
    );
  };
}
