import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { type AppDeps, SESSION_COOKIE } from './http/context.ts';
import { registerErrorHandling } from './http/errors.ts';
import { agencyRoutes } from './modules/agencies/agency.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { actorOf, resolveSession } from './modules/auth/auth.service.ts';
import { caseRoutes } from './modules/cases/case.routes.ts';
import { gridRoutes } from './modules/grid/grid.routes.ts';
import { historySheetRoutes } from './modules/history-sheets/history-sheet.routes.ts';
import { extractRoutes } from './modules/identifiers/extract.routes.ts';
import { identifierRoutes } from './modules/identifiers/identifier.routes.ts';
import { personRoutes } from './modules/persons/person.routes.ts';
import { profileRoutes } from './modules/profiles/profile.routes.ts';
import { referenceRoutes } from './modules/reference/reference.routes.ts';
import { setupRoutes } from './modules/setup/setup.routes.ts';
import { sharingRoutes } from './modules/sharing/sharing.routes.ts';
import { tipRoutes } from './modules/tips/tip.routes.ts';
import { userRoutes } from './modules/users/user.routes.ts';
import { victimRoutes } from './modules/victims/victim.routes.ts';
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
    // A malformed URL (bad percent-encoding) gets the same error shape as everything else.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      const message = error.message.replace(/^'[^']*' /, 'the address ');
      reply.code(status).send({
        error: { code: 'validation_failed', message: `url: ${message}`, issues: [{ field: 'url', message }] },
      });
    },
    // Behind a reverse proxy, request.ip (audit, rate limits) comes from X-Forwarded-For of TRUST_PROXY only.
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy.join(',') : false,
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
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only where the site is served over TLS: a plain-HTTP station LAN (COOKIE_SECURE=false) must keep working.
    strictTransportSecurity: deps.config.cookieSecure
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
  });
  // Limits are declared per route (sign-in, second-factor codes, password change): see modules/auth/rate-limits.ts.
  await app.register(fastifyRateLimit, { global: false });

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
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // Swagger UI's own CSP (its images and fonts) replaces the app's on its pages; never framed, no forced HTTPS.
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(/\s*upgrade-insecure-requests;?/, ''),
  });
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
    // A session that still owes its second factor has no actor: requireActor answers 403 mfa_required.
    request.actor = session.mfa.block ? null : actorOf(session.user, request.ip);
  });
  // Security headers come from helmet (above); API answers are also never cached.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
  if (!deps.config.mfaRequired)
    app.log.warn('MFA_REQUIRED=false: roles that must use a second factor can sign in without one');

  await app.register(authRoutes(deps));
  await app.register(referenceRoutes(deps));
  await app.register(setupRoutes(deps));
  await app.register(agencyRoutes(deps));
  await app.register(caseRoutes(deps));
  await app.register(personRoutes(deps));
  await app.register(identifierRoutes(deps));
  await app.register(extractRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(victimRoutes(deps));
  await app.register(sharingRoutes(deps));
  await app.register(gridRoutes(deps));
  await app.register(userRoutes(deps));
  await app.register(historySheetRoutes(deps));
  await app.register(profileRoutes(deps));
  await app.register(tipRoutes(deps));

  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz copies: a station on a slow link gets a quarter of the bytes.
      preCompressed: true,
      setHeaders: (reply, path) => {
        // Hashed bundle names change with every build, so they can be cached for good; index.html never is.
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  return app;
}
