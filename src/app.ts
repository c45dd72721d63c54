import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { type AppDeps, SESSION_COOKIE } from './http/context.ts';
import { registerErrorHandling } from './http/errors.ts';
import { agencyRoutes } from './modules/agencies/agency.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { actorOf, resolveSession } from './modules/auth/auth.service.ts';
import { caseRoutes } from './modules/cases/case.routes.ts';
import { identifierRoutes } from './modules/identifiers/identifier.routes.ts';
import { personRoutes } from './modules/persons/person.routes.ts';
import { referenceRoutes } from './modules/reference/reference.routes.ts';
import { setupRoutes } from './modules/setup/setup.routes.ts';
import { AppError } from './shared/errors.ts';

export const webDist = fileURLToPath(new URL('../web/dist/', import.meta.url));

/**
 * The HTTP application without `listen`: tests drive it with `app.inject()`.
 *
 * ```ts
 * const app = await buildApp({ db, config, version: '0.1.0' });
 * const res = await app.inject({ method: 'GET', url: '/api/health' });
 * ```
 */
export async function buildApp(deps: AppDeps, options: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: false,
    ...options,
    logger: options.logger
      ? {
          ...(typeof options.logger === 'object' ? options.logger : {}),
          // Log ids and paths, never query strings or bodies: a search term may be a child's name.
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              path: req.url.split('?')[0],
            }),
          },
        }
      : false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const hasWeb = existsSync(webDist);
  registerErrorHandling(app, { spaFallback: hasWeb });
  await app.register(fastifyCookie);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ChildGrid API',
        version: deps.version,
        description:
          'Inter-agency case tracking against the commercial sexual exploitation of children. ' +
          'Sign in with POST /api/v1/auth/sign-in (cookie; send x-csrf-token on writes) or use an API token as ' +
          '`Authorization: Bearer <token>`. Records another agency owns are answered with 404.',
      },
      components: {
        securitySchemes: {
          cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ cookie: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookie = request.cookies[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (!token) return;
    const session = await resolveSession(deps.db, deps.config, token);
    if (!session) return;
    // A cookie is sent by the browser on its own; a write made with it must also prove it came from our page.
    if (!bearer && session.kind === 'cookie' && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      if (!session.csrfToken || request.headers['x-csrf-token'] !== session.csrfToken) {
        throw new AppError('forbidden', 'x-csrf-token header is missing or wrong; reload the page');
      }
    }
    request.session = session;
    request.actor = actorOf(session.user, request.ip);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      reply.header('cache-control', 'no-store');
    } else if (!request.url.startsWith('/api/docs')) {
      reply.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
    }
    return payload;
  });

  await app.register(authRoutes(deps));
  await app.register(referenceRoutes(deps));
  await app.register(setupRoutes(deps));
  await app.register(agencyRoutes(deps));
  await app.register(caseRoutes(deps));
  await app.register(personRoutes(deps));
  await app.register(identifierRoutes(deps));

  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  return app;
}
