import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AppDeps, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { pageOf, uuid } from '../cases/case.schemas.ts';
import {
  adminUserOut,
  createUserFor,
  getUserFor,
  listUsersFor,
  resetMfaFor,
  unlockUserFor,
  updateUserFor,
  userCreate,
  userListQuery,
  userPatch,
} from './user.service.ts';

export function userRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const idParams = z.strictObject({ id: uuid });
    const tags = ['users'];
    r.get(
      '/api/v1/users',
      {
        schema: {
          tags,
          summary:
            'Users of the agencies you administer (oversight auditors: of their scope, read-only); search by name ' +
            'or email, filter by agency, role, locked, disabled',
          querystring: userListQuery,
          response: { 200: pageOf(adminUserOut), ...errorResponses },
        },
      },
      async (request) => listUsersFor(deps.db, requireActor(request), request.query),
    );
    r.post(
      '/api/v1/users',
      {
        schema: {
          tags,
          summary: 'Add a user to an agency you administer',
          body: userCreate,
          response: { 201: adminUserOut, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createUserFor(deps.db, requireActor(request), request.body)),
    );
    r.get(
      '/api/v1/users/:id',
      {
        schema: {
          tags,
          summary: 'One user (administrators; oversight auditors read-only)',
          params: idParams,
          response: { 200: adminUserOut, ...errorResponses },
        },
      },
      async (request) => getUserFor(deps.db, requireActor(request), request.params.id),
    );
    r.patch(
      '/api/v1/users/:id',
      {
        schema: {
          tags,
          summary: "Change a user's name or role, or disable the account (ends its sessions)",
          params: idParams,
          body: userPatch,
          response: { 200: adminUserOut, ...errorResponses },
        },
      },
      async (request) => updateUserFor(deps.db, requireActor(request), request.params.id, request.body),
    );
    r.post(
      '/api/v1/users/:id/unlock',
      {
        schema: {
          tags,
          summary: 'Unlock an account locked after ten failed sign-ins',
          params: idParams,
          response: { 200: adminUserOut, ...errorResponses },
        },
      },
      async (request) => unlockUserFor(deps.db, requireActor(request), request.params.id),
    );
    r.post(
      '/api/v1/users/:id/reset-mfa',
      {
        schema: {
          tags,
          summary: "Remove a user's second factor (lost phone); the next sign-in sets up a new one",
          params: idParams,
          response: { 200: adminUserOut, ...errorResponses },
        },
      },
      async (request) => resetMfaFor(deps.db, requireActor(request), request.params.id),
    );
  };
}
