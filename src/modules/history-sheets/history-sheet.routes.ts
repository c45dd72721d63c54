import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AppDeps, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { pageOf, uuid } from '../cases/case.schemas.ts';
import {
  historySheetCloseInput,
  historySheetInput,
  historySheetListQuery,
  historySheetOut,
  historySheetReviewInput,
  historySheetRuleOut,
  historySheetRulePatch,
} from './history-sheet.schemas.ts';
import {
  closeHistorySheet,
  getHistorySheet,
  listHistorySheets,
  listRulesFor,
  openHistorySheet,
  reviewHistorySheet,
  updateRule,
} from './history-sheet.service.ts';

export function historySheetRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['history sheets'];
    const idParams = z.strictObject({ id: uuid });
    r.get(
      '/api/v1/history-sheet-rules',
      {
        schema: {
          tags,
          summary:
            'The history-sheet rules of your state (categories, minimum rank, review interval, source)',
          response: { 200: z.object({ items: z.array(historySheetRuleOut) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await listRulesFor(deps.db, requireActor(request)) }),
    );
    r.patch(
      '/api/v1/history-sheet-rules/:id',
      {
        schema: {
          tags,
          summary: 'Set a rule’s minimum rank or review interval (system administrators; cite the source)',
          params: z.strictObject({ id: z.string().min(1).max(60) }),
          body: historySheetRulePatch,
          response: { 200: historySheetRuleOut, ...errorResponses },
        },
      },
      async (request) => updateRule(deps.db, requireActor(request), request.params.id, request.body),
    );
    r.get(
      '/api/v1/history-sheets',
      {
        schema: {
          tags,
          summary: 'The register: sheets of your scope and of your state (every access is audited)',
          querystring: historySheetListQuery,
          response: { 200: pageOf(historySheetOut), ...errorResponses },
        },
      },
      async (request) => listHistorySheets(deps.db, requireActor(request), request.query),
    );
    r.post(
      '/api/v1/history-sheets',
      {
        schema: {
          tags,
          summary: 'Open a history sheet on a person (rank, reasons and the no-children rule are checked)',
          body: historySheetInput,
          response: { 201: historySheetOut, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await openHistorySheet(deps.db, deps.keyring, requireActor(request), request.body)),
    );
    r.get(
      '/api/v1/history-sheets/:id',
      {
        schema: {
          tags,
          summary: 'One sheet with its confidential grounds (the read is audited)',
          params: idParams,
          response: { 200: historySheetOut, ...errorResponses },
        },
      },
      async (request) => getHistorySheet(deps.db, deps.keyring, requireActor(request), request.params.id),
    );
    r.post(
      '/api/v1/history-sheets/:id/reviews',
      {
        schema: {
          tags,
          summary: 'Record a periodic review and set the next review date',
          params: idParams,
          body: historySheetReviewInput,
          response: { 200: historySheetOut, ...errorResponses },
        },
      },
      async (request) => reviewHistorySheet(deps.db, requireActor(request), request.params.id, request.body),
    );
    r.post(
      '/api/v1/history-sheets/:id/closure',
      {
        schema: {
          tags,
          summary: 'Close a sheet with a reason',
          params: idParams,
          body: historySheetCloseInput,
          response: { 200: historySheetOut, ...errorResponses },
        },
      },
      async (request) => closeHistorySheet(deps.db, requireActor(request), request.params.id, request.body),
    );
  };
}
