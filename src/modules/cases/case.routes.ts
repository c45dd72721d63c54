import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AppDeps, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { matchAfterWrite } from '../profiles/person-matching.ts';
import {
  caseInput,
  caseListQuery,
  caseOut,
  casePatch,
  caseSummaryOut,
  pageOf,
  uuid,
} from './case.schemas.ts';
import { createCaseFor, getCaseFor, listCasesFor, updateCaseFor } from './case.service.ts';
import { transferCase, transferInput, transferOut } from './case-transfer.service.ts';

export function caseRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const idParams = z.strictObject({ id: uuid });
    r.get(
      '/api/v1/cases',
      {
        schema: {
          tags: ['cases'],
          summary: 'Cases your agency may see, newest first, with filters and cursor pagination',
          querystring: caseListQuery,
          response: { 200: pageOf(caseSummaryOut), ...errorResponses },
        },
      },
      async (request) => listCasesFor(deps.db, deps.keyring, requireActor(request), request.query),
    );
    r.post(
      '/api/v1/cases',
      {
        schema: {
          tags: ['cases'],
          summary: 'Register a case with its offences, persons and identifiers',
          body: caseInput,
          response: { 201: caseOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const created = await createCaseFor(deps.db, deps.keyring, actor, request.body);
        await matchAfterWrite(deps, request.log, { caseId: created.id }, actor.userId);
        return reply.code(201).send(created);
      },
    );
    r.get(
      '/api/v1/cases/:id',
      {
        schema: {
          tags: ['cases'],
          summary: 'One case with its persons and identifiers (the read is audited)',
          params: idParams,
          response: { 200: caseOut, ...errorResponses },
        },
      },
      async (request) => getCaseFor(deps.db, requireActor(request), request.params.id),
    );
    r.patch(
      '/api/v1/cases/:id',
      {
        schema: {
          tags: ['cases'],
          summary: 'Change a case; send the version you read (409 if it changed since)',
          params: idParams,
          body: casePatch,
          response: { 200: caseOut, ...errorResponses },
        },
      },
      async (request) =>
        updateCaseFor(deps.db, deps.keyring, requireActor(request), request.params.id, request.body),
    );
    r.post(
      '/api/v1/cases/:id/transfers',
      {
        schema: {
          tags: ['cases'],
          summary:
            'Transfer a case to the agency with jurisdiction (zero FIR): it gets a copy, you keep yours read-only; needs the children’s and guardians’ consent',
          params: idParams,
          body: transferInput,
          response: { 201: transferOut, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await transferCase(deps.db, deps.keyring, requireActor(request), request.params.id, request.body),
          ),
    );
  };
}
