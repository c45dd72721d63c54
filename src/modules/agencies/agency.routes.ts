import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AppDeps, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { pageOf, uuid } from '../cases/case.schemas.ts';
import {
  agencyInput,
  agencyListQuery,
  agencyOut,
  agencyPatch,
  createAgencyFor,
  getAgencyFor,
  listAgenciesFor,
  updateAgencyFor,
} from './agency.service.ts';

export function agencyRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const idParams = z.strictObject({ id: uuid });
    r.get(
      '/api/v1/agencies',
      {
        schema: {
          tags: ['agencies'],
          summary: 'The agency directory',
          querystring: agencyListQuery,
          response: { 200: pageOf(agencyOut), ...errorResponses },
        },
      },
      async (request) => listAgenciesFor(deps.db, requireActor(request), request.query),
    );
    r.post(
      '/api/v1/agencies',
      {
        schema: {
          tags: ['agencies'],
          summary: 'Add an agency below one you administer',
          body: agencyInput,
          response: { 201: agencyOut, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createAgencyFor(deps.db, requireActor(request), request.body)),
    );
    r.get(
      '/api/v1/agencies/:id',
      {
        schema: {
          tags: ['agencies'],
          summary: 'One agency',
          params: idParams,
          response: { 200: agencyOut, ...errorResponses },
        },
      },
      async (request) => getAgencyFor(deps.db, requireActor(request), request.params.id),
    );
    r.patch(
      '/api/v1/agencies/:id',
      {
        schema: {
          tags: ['agencies'],
          summary: "Change an agency's name or contact officer",
          params: idParams,
          body: agencyPatch,
          response: { 200: agencyOut, ...errorResponses },
        },
      },
      async (request) => updateAgencyFor(deps.db, requireActor(request), request.params.id, request.body),
    );
  };
}
