import type { EventListRow } from './audit.repository.ts';
import type { AuditEventOut } from './audit.schemas.ts';

/** Row → API object, fields listed one by one. `detail` never holds a victim's identifying data (see recordAudit). */
export function presentAuditEvent(r: EventListRow): AuditEventOut {
  return {
    id: r.id,
    occurred_at: r.occurred_at,
    seq: r.seq,
    action: r.action,
    purpose: r.purpose,
    role: r.role,
    client_address: r.client_address,
    user:
      r.user_id && r.user_email !== null && r.user_name !== null
        ? { id: r.user_id, email: r.user_email, display_name: r.user_name }
        : null,
    agency:
      r.agency_id && r.agency_code !== null && r.agency_name !== null
        ? { id: r.agency_id, code: r.agency_code, name: r.agency_name }
        : null,
    record: r.record_kind ? { kind: r.record_kind, id: r.record_id, agency_id: r.record_agency_id } : null,
    detail: isObject(r.detail) ? r.detail : null,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
