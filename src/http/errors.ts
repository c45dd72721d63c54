import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldIssue, validationError } from '../shared/errors.ts';

/** The one place errors become HTTP: `{ error: { code, message, issues? } }`, never a stack trace. */
/**
 * PostgreSQL text cannot hold NUL characters; a request carrying one is refused at the edge with the field named,
 * instead of failing deep in the database.
 */
export function findNul(value: unknown, path: string[] = []): string | null {
  // Also lone UTF-16 surrogates: valid in a JS string, not in PostgreSQL text or jsonb.
  if (typeof value === 'string') {
    return value.includes('\u0000') || !value.isWellFormed() ? path.join('.') || '(value)' : null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findNul(v, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return [...path, '(key)'].join('.');
      const found = findNul(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }) {
  app.addHook('preValidation', async (request) => {
    const field = findNul(request.params) ?? findNul(request.query) ?? findNul(request.body);
    if (field) throw validationError(field, 'must be valid Unicode text without NUL characters');
  });
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
      const byStatus: Record<number, ErrorCode> = {
        404: 'not_found',
        413: 'payload_too_large',
        415: 'unsupported_media_type',
        429: 'rate_limited',
      };
      const code = byStatus[fe.statusCode] ?? 'validation_failed';
      // Fastify's own messages (bad JSON, wrong content type) are safe to show; a refused `__proto__` key is
      // valid JSON that we will not take, and says so.
      const message =
        /__proto__|constructor/.test(JSON.stringify(request.body ?? '')) ||
        (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' && /proto/i.test(fe.message))
          ? 'the body may not contain __proto__ or constructor keys'
          : fe.message;
      return reply.code(fe.statusCode).send({
        error: {
          code,
          message,
          ...(code === 'validation_failed' ? { issues: [{ field: 'body', message }] } : {}),
        },
      });
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
