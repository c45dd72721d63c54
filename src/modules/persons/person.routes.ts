import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AppDeps, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { pageOf, personInput, personOut, personPatch, uuid } from '../cases/case.schemas.ts';
import { matchAfterWrite } from '../profiles/person-matching.ts';
import {
  addPersonFor,
  getPersonFor,
  listPersonsFor,
  personListQuery,
  updatePersonFor,
} from './person.service.ts';

export function personRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const idParams = z.strictObject({ id: uuid });
    r.get(
      '/api/v1/persons',
      {
        schema: {
          tags: ['persons'],
          summary: 'Persons in cases your agency may see; a name search (q) is audited',
          querystring: personListQuery,
          response: { 200: pageOf(personOut), ...errorResponses },
        },
      },
      async (request) => listPersonsFor(deps.db, requireActor(request), request.query),
    );
    r.post(
      '/api/v1/cases/:id/persons',
      {
        schema: {
          tags: ['persons'],
          summary: 'Add a person (victim, accused, buyer, …) to a case',
          params: idParams,
          body: personInput,
          response: { 201: personOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const person = await addPersonFor(deps.db, deps.keyring, actor, request.params.id, request.body);
        await matchAfterWrite(deps, request.log, { personId: person.id }, actor.userId);
        return reply.code(201).send(person);
      },
    );
    r.get(
      '/api/v1/persons/:id',
      {
        schema: {
          tags: ['persons'],
          summary: 'One person with identifiers (the read is audited)',
          params: idParams,
          response: { 200: personOut, ...errorResponses },
        },
      },
      async (request) => getPersonFor(deps.db, requireActor(request), request.params.id),
    );
    r.patch(
      '/api/v1/persons/:id',
      {
        schema: {
          tags: ['persons'],
          summary: 'Change a person; send the version you read',
          params: idParams,
          body: personPatch,
          response: { 200: personOut, ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const person = await updatePersonFor(deps.db, deps.keyring, actor, request.params.id, request.body);
        await matchAfterWrite(deps, request.log, { personId: person.id }, actor.userId);
        return person;
      },
    );
  };
}
