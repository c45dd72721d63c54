import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue } from '../shared/errors.ts';

/** The one place errors become HTTP: `{ error: { code, message, issues? } }`, never a stack trace. */
export function registerErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }) {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (err instanceof AppError) {
      return reply
        .code(err.status)
        .send({ error: { code: err.code, message: err.message, issues: err.issues } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const issues: FieldIssue[] = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { field: path || where, message: v.message ?? 'is invalid' };
      });
      const first = issues[0];
      return reply.code(400).send({
        error: {
          code: 'validation_failed',
          message: first ? `${first.field}: ${first.message}` : 'The request is invalid',
          issues,
        },
      });
    }
    const fe = err as FastifyError;
    if (fe.statusCode && fe.statusCode < 500) {
      const code =
        fe.statusCode === 413
          ? 'payload_too_large'
          : fe.statusCode === 429
            ? 'rate_limited'
            : 'validation_failed';
      // Fastify's own messages (bad JSON, wrong content type) are safe to show.
      return reply.code(fe.statusCode).send({ error: { code, message: fe.message } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply
      .code(500)
      .send({ error: { code: 'internal', message: 'Something went wrong; the error was logged' } });
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/cases/…) get the web app's shell; unknown /api paths stay JSON 404s.
    // A missing file (an old /assets/… bundle after a rebuild) is a 404, not the shell in disguise.
    const path = request.url.split('?')[0] ?? '';
    const looksLikeFile = /\.[a-z0-9]+$/i.test(path);
    if (options.spaFallback && request.method === 'GET' && !path.startsWith('/api/') && !looksLikeFile) {
      return reply.sendFile('index.html');
    }
    return reply.code(404).send({
      error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    });
  });
}
