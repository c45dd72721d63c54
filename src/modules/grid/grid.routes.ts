import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AppDeps, noContent, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { uuid } from '../cases/case.schemas.ts';
import {
  alertListOut,
  alertListQuery,
  alertReadAllQuery,
  gridSettingsOut,
  gridSettingsPatch,
  warningEntryInput,
  warningEntryOut,
  warningListQuery,
  watchInput,
  watchOut,
} from './grid.schemas.ts';
import {
  addWarningEntry,
  addWatch,
  getGridSettings,
  listAlerts,
  listWarningList,
  listWatches,
  markAlertRead,
  markAllAlertsRead,
  removeWarningEntry,
  removeWatch,
  updateGridSettings,
} from './grid.service.ts';

const items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });

/** The grid's own routes (identifier search and case matches are served by the sharing module). */
export function gridRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['grid'];
    const idParams = z.strictObject({ id: uuid });
    r.get(
      '/api/v1/grid/settings',
      {
        schema: {
          tags,
          summary: 'Thresholds above which a value is too common to link',
          response: { 200: gridSettingsOut, ...errorResponses },
        },
      },
      async (request) => getGridSettings(deps.db, requireActor(request)),
    );
    r.patch(
      '/api/v1/grid/settings',
      {
        schema: {
          tags,
          summary: 'Change the thresholds (system administrators)',
          body: gridSettingsPatch,
          response: { 200: gridSettingsOut, ...errorResponses },
        },
      },
      async (request) => updateGridSettings(deps.db, requireActor(request), request.body),
    );
    r.get(
      '/api/v1/grid/warning-list',
      {
        schema: {
          tags,
          summary: "Values that never correlate: national entries and your agency's",
          querystring: warningListQuery,
          response: { 200: items(warningEntryOut), ...errorResponses },
        },
      },
      async (request) => listWarningList(deps.db, requireActor(request), request.query),
    );
    r.post(
      '/api/v1/grid/warning-list',
      {
        schema: {
          tags,
          summary:
            "Add a value that must never correlate: national (system administrators) or your agency's records (agency administrators)",
          body: warningEntryInput,
          response: { 201: warningEntryOut, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addWarningEntry(deps.db, requireActor(request), request.body)),
    );
    r.delete(
      '/api/v1/grid/warning-list/:id',
      {
        schema: {
          tags,
          summary: 'Remove a warning-list entry (the value correlates again)',
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await removeWarningEntry(deps.db, requireActor(request), request.params.id);
        return noContent(reply);
      },
    );
    r.get(
      '/api/v1/grid/watches',
      {
        schema: {
          tags,
          summary: 'Identifiers you watch',
          response: { 200: items(watchOut), ...errorResponses },
        },
      },
      async (request) => listWatches(deps.db, requireActor(request)),
    );
    r.post(
      '/api/v1/grid/watches',
      {
        schema: {
          tags,
          summary: 'Watch an identifier: be alerted whenever it appears in a new record or import',
          body: watchInput,
          response: { 201: watchOut, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await addWatch(deps.db, deps.keyring, requireActor(request), request.body)),
    );
    r.delete(
      '/api/v1/grid/watches/:id',
      {
        schema: {
          tags,
          summary: 'Stop watching',
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await removeWatch(deps.db, requireActor(request), request.params.id);
        return noContent(reply);
      },
    );
    r.get(
      '/api/v1/grid/alerts',
      {
        schema: {
          tags,
          summary:
            "Deconfliction and re-trafficking alerts for your agency, and your watches' alerts: whom to contact",
          querystring: alertListQuery,
          response: { 200: alertListOut, ...errorResponses },
        },
      },
      async (request) => listAlerts(deps.db, requireActor(request), request.query),
    );
    r.post(
      '/api/v1/grid/alerts/read-all',
      {
        schema: {
          tags,
          summary:
            'Mark all unread alerts addressed to you read (your agency’s and your watches’; of one kind, if given)',
          querystring: alertReadAllQuery,
          response: { 200: z.object({ marked: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => markAllAlertsRead(deps.db, requireActor(request), request.query),
    );
    r.post(
      '/api/v1/grid/alerts/:id/read',
      {
        schema: {
          tags,
          summary:
            'Mark an alert read for your agency (or, a watch alert, for you); its notification is read with it',
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await markAlertRead(deps.db, requireActor(request), request.params.id);
        return noContent(reply);
      },
    );
  };
}
