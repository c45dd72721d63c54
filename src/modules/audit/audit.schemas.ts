import { z } from 'zod';
import { cursorParam, isoDateTime, listLimit, pageOf, uuid } from '../cases/case.schemas.ts';

/** Request and response shapes of the oversight view; the OpenAPI document is generated from these. */

export const recordKind = z
  .string()
  .regex(/^[a-z][a-z_]{0,39}$/, 'must be a record kind such as person or case');

export const auditEventListQuery = z
  .strictObject({
    user_id: uuid.optional(),
    agency_id: uuid.optional().describe('the acting user’s agency'),
    record_id: uuid.optional(),
    record_kind: recordKind.optional(),
    action: z
      .string()
      .regex(
        /^[a-z][a-z_]*(\.[a-z_]+)*\.?$/,
        'must be an action such as person.read, or a prefix ending in a dot such as person.',
      )
      .max(100)
      .optional()
      .describe('an action (person.read), or every action with a prefix (person.)'),
    from: isoDateTime.optional().describe('events at or after this time'),
    to: isoDateTime.optional().describe('events before this time'),
    cursor: cursorParam,
    limit: listLimit,
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'must be later than from',
    path: ['to'],
  });
export type AuditEventListQuery = z.infer<typeof auditEventListQuery>;

export const pageQuery = z.strictObject({ cursor: cursorParam, limit: listLimit });
export type PageQuery = z.infer<typeof pageQuery>;

export const recordParams = z.strictObject({ kind: recordKind, id: uuid });
export const userParams = z.strictObject({ id: uuid });

export const auditEventOut = z
  .object({
    id: z.string(),
    occurred_at: z.string().describe('UTC, with microseconds'),
    seq: z.number().describe('position in the acting agency’s hash chain'),
    action: z.string(),
    purpose: z.string().nullable().describe('the purpose the user stated'),
    role: z.string().nullable(),
    client_address: z.string().nullable(),
    user: z.object({ id: z.string(), email: z.string(), display_name: z.string() }).nullable(),
    agency: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
    record: z
      .object({ kind: z.string(), id: z.string().nullable(), agency_id: z.string().nullable() })
      .nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventOut = z.infer<typeof auditEventOut>;

export const auditEventPage = pageOf(auditEventOut);

export const auditUserOut = z.object({
  id: z.string(),
  email: z.string(),
  display_name: z.string(),
  role: z.string(),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
});

export const auditUserActivity = z
  .object({ user: auditUserOut, items: z.array(auditEventOut), next_cursor: z.string().nullable() })
  .meta({ id: 'AuditUserActivity' });
