import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { notFound, validationError } from '../../shared/errors.ts';
import { type Actor, assertCan } from '../access/actor.ts';
import { presentAuditEvent } from './audit.presenter.ts';
import {
  type EventCursor,
  type EventFilter,
  type EventListRow,
  findUserInScope,
  listEvents,
  recordAudit,
} from './audit.repository.ts';
import type { AuditEventListQuery, PageQuery } from './audit.schemas.ts';

/**
 * The oversight view: who did what, who saw a record, what a user looked at. Every read of the log is itself
 * audited, so an auditor's curiosity is as accountable as an officer's.
 */

function decodeCursor(value: string | undefined): EventCursor | null {
  if (value === undefined) return null;
  const [at, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (!at || !id || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(at) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw validationError('cursor', 'is not a cursor this server issued');
  }
  return { at, id };
}

const encodeCursor = (r: EventListRow) => Buffer.from(`${r.occurred_at}|${r.id}`).toString('base64url');

function page(rows: EventListRow[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(presentAuditEvent),
    next_cursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

/** Events in the actor's scope, newest first, filtered. */
export async function listAuditEventsFor(db: Kysely<DB>, actor: Actor, q: AuditEventListQuery) {
  assertCan(actor, 'audit:read');
  const filter: EventFilter = {
    userId: q.user_id,
    agencyId: q.agency_id,
    recordId: q.record_id,
    recordKind: q.record_kind,
    action: q.action,
    from: q.from,
    to: q.to,
  };
  const rows = await listEvents(db, actor, filter, decodeCursor(q.cursor), q.limit);
  const result = page(rows, q.limit);
  const { cursor: _c, limit: _l, ...filters } = q;
  await recordAudit(db, actor, {
    action: 'audit.search',
    detail: {
      filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
      results: result.items.length,
    },
  });
  return result;
}

/**
 * Who saw this record, when and why: its reads, reveals and exports, newest first, with user, agency, role,
 * stated purpose and client address. `kind` may be left out at the command line (any kind with that id).
 */
export async function recordAccessFor(
  db: Kysely<DB>,
  actor: Actor,
  record: { kind?: string | undefined; id: string },
  q: PageQuery,
) {
  assertCan(actor, 'audit:read');
  const rows = await listEvents(
    db,
    actor,
    { recordId: record.id, recordKind: record.kind, disclosuresOnly: true },
    decodeCursor(q.cursor),
    q.limit,
  );
  const result = page(rows, q.limit);
  await recordAudit(db, actor, {
    action: 'audit.record_history',
    ...(record.kind ? { recordKind: record.kind } : {}),
    recordId: record.id,
    detail: { results: result.items.length },
  });
  return result;
}

/** What this user looked at (and did): every event of theirs in the actor's scope, newest first. */
export async function userActivityFor(
  db: Kysely<DB>,
  actor: Actor,
  who: { id: string } | { email: string },
  q: PageQuery,
) {
  assertCan(actor, 'audit:read');
  const user = await findUserInScope(db, actor, who);
  if (!user) throw notFound('User');
  const rows = await listEvents(db, actor, { userId: user.id }, decodeCursor(q.cursor), q.limit);
  const result = page(rows, q.limit);
  await recordAudit(db, actor, {
    action: 'audit.user_activity',
    recordKind: 'user',
    recordId: user.id,
    recordAgencyId: user.agency_id,
    detail: { results: result.items.length },
  });
  return {
    user: {
      id: user.id,
      email: user.email,
      display_name: user.display_name,
      role: user.role,
      agency: { id: user.agency_id, code: user.agency_code, name: user.agency_name },
    },
    ...result,
  };
}
