import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../access/actor.ts';

export interface AuditEvent {
  action: string;
  recordKind?: string;
  recordId?: string;
  recordAgencyId?: string;
  /** Never a victim's identifying data: ids, field names, counts, stated purposes. */
  detail?: Record<string, unknown>;
}

/**
 * Appends audit events. Call it with the transaction that performs the write, so the event and the write
 * commit or roll back together.
 */
export async function recordAudit(
  db: Kysely<DB>,
  actor: Actor,
  events: AuditEvent | AuditEvent[],
): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return;
  const now = new Date();
  await db
    .insertInto('audit_events')
    .values(
      list.map((e) => ({
        occurred_at: now,
        id: newId(),
        agency_id: actor.agencyId,
        user_id: actor.userId,
        role: actor.role,
        action: e.action,
        record_kind: e.recordKind ?? null,
        record_id: e.recordId ?? null,
        record_agency_id: e.recordAgencyId ?? null,
        detail: e.detail ? JSON.stringify(e.detail) : null,
        client_address: actor.clientAddress,
      })),
    )
    .execute();
}
