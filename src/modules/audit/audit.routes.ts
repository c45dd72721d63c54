import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type AppDeps, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import {
  auditEventListQuery,
  auditEventPage,
  auditUserActivity,
  pageQuery,
  recordParams,
  userParams,
} from './audit.schemas.ts';
import { listAuditEventsFor, recordAccessFor, userActivityFor } from './audit.service.ts';

/** The oversight view (role action `audit:read`). Every request here is itself audited. */
export function auditRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/audit/events',
      {
        schema: {
          tags: ['audit'],
          summary:
            'Audit events in your scope, newest first (by your agencies’ users, or about their records)',
          querystring: auditEventListQuery,
          response: { 200: auditEventPage, ...errorResponses },
        },
      },
      async (request) => listAuditEventsFor(deps.db, requireActor(request), request.query),
    );
    r.get(
      '/api/v1/audit/records/:kind/:id',
      {
        schema: {
          tags: ['audit'],
          summary: 'Who saw this record, when and why: its reads, reveals and exports, newest first',
          params: recordParams,
          querystring: pageQuery,
          response: { 200: auditEventPage, ...errorResponses },
        },
      },
      async (request) => recordAccessFor(deps.db, requireActor(request), request.params, request.query),
    );
    r.get(
      '/api/v1/audit/users/:id',
      {
        schema: {
          tags: ['audit'],
          summary: 'What this user looked at and did, newest first',
          params: userParams,
          querystring: pageQuery,
          response: { 200: auditUserActivity, ...errorResponses },
        },
      },
      async (request) =>
        userActivityFor(deps.db, requireActor(request), { id: request.params.id }, request.query),
    );
  };
}
