import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AppDeps, noContent, requireActor, SESSION_COOKIE } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { roles } from '../access/roles.ts';
import { type SessionUser, signIn, signOut } from './auth.service.ts';

const withRoleLabel = (user: SessionUser) => ({ ...user, role_label: roles[user.role].label });

const userOut = z.object({
  id: z.string(),
  email: z.string(),
  display_name: z.string(),
  role: z.string(),
  role_label: z.string(),
  agency: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    state_lgd_code: z.number().nullable(),
    district_lgd_code: z.number().nullable(),
  }),
});
const sessionOut = z.object({ user: userOut, csrf_token: z.string().nullable() });

export function authRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/auth/sign-in',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password; sets the session cookie',
          body: z.strictObject({
            email: z.string().trim().min(3).max(320),
            password: z.string().min(1).max(256),
          }),
          response: { 200: sessionOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { token, csrfToken, user } = await signIn(
          deps.db,
          deps.config,
          request.body.email,
          request.body.password,
          request.ip,
        );
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          secure: deps.config.cookieSecure,
          sameSite: 'strict',
          path: '/',
          maxAge: deps.config.sessionAbsoluteHours * 3600,
        });
        return { user: withRoleLabel(user), csrf_token: csrfToken };
      },
    );
    r.get(
      '/api/v1/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user',
          response: { 200: sessionOut, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        const s = request.session!;
        return { user: withRoleLabel(s.user), csrf_token: s.csrfToken };
      },
    );
    r.post(
      '/api/v1/auth/sign-out',
      {
        schema: {
          tags: ['auth'],
          summary: 'End this session',
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await signOut(deps.db, actor, request.session!.tokenHash);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return noContent(reply);
      },
    );
  };
}
