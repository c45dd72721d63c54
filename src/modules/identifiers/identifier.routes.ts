import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AppDeps, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { identifierOut, pageOf, uuid } from '../cases/case.schemas.ts';
import {
  addIdentifierFor,
  getIdentifierFor,
  identifierCreate,
  identifierListQuery,
  identifierPatch,
  listIdentifiersFor,
  updateIdentifierFor,
} from './identifier.service.ts';

export function identifierRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const idParams = z.strictObject({ id: uuid });
    r.get(
      '/api/v1/identifiers',
      {
        schema: {
          tags: ['identifiers'],
          summary: 'Identifiers your agency may see; search by kind and value (any spelling)',
          querystring: identifierListQuery,
          response: { 200: pageOf(identifierOut), ...errorResponses },
        },
      },
      async (request) => listIdentifiersFor(deps.db, deps.keyring, requireActor(request), request.query),
    );
    r.post(
      '/api/v1/cases/:id/identifiers',
      {
        schema: {
          tags: ['identifiers'],
          summary: 'Add an identifier to a case, or to one of its persons',
          params: idParams,
          body: identifierCreate,
          response: { 201: identifierOut, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await addIdentifierFor(
              deps.db,
              deps.keyring,
              requireActor(request),
              request.params.id,
              request.body,
            ),
          ),
    );
    r.get(
      '/api/v1/identifiers/:id',
      {
        schema: {
          tags: ['identifiers'],
          summary: 'One identifier',
          params: idParams,
          response: { 200: identifierOut, ...errorResponses },
        },
      },
      async (request) => getIdentifierFor(deps.db, requireActor(request), request.params.id),
    );
    r.patch(
      '/api/v1/identifiers/:id',
      {
        schema: {
          tags: ['identifiers'],
          summary: 'Correct an identifier value',
          params: idParams,
          body: identifierPatch,
          response: { 200: identifierOut, ...errorResponses },
        },
      },
      async (request) =>
        updateIdentifierFor(deps.db, deps.keyring, requireActor(request), request.params.id, request.body),
    );
  };
}
