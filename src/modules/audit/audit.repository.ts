import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../shared/ids.ts';
import { type Actor, agencyScope } from '../access/actor.ts';
import type { ChainedEvent } from './audit-chain.ts';

export interface AuditEvent {
  action: string;
  recordKind?: string;
  recordId?: string;
  recordAgencyId?: string;
  /**
   * The purpose the actor stated, kept as given (issue 3: a reveal or a person search states why). A string
   * `detail.purpose` is taken as the purpose when this is absent.
   */
  purpose?: string;
  /** Never a victim's identifying data: ids, field names, counts, stated purposes. */
  detail?: Record<string, unknown>;
}

/**
 * Appends audit events. Call it with the transaction that performs the write, so the event and the write
 * commit or roll back together, and call it last: the database's insert trigger chains the event and holds the
 * agency's chain head (a row lock) until that transaction ends.
 *
 * ```ts
 * await recordAudit(tx, actor, { action: 'person.reveal', recordKind: 'person', recordId, purpose });
 * ```
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
        purpose: e.purpose ?? (typeof e.detail?.purpose === 'string' ? e.detail.purpose : null),
        detail: e.detail ? JSON.stringify(e.detail) : null,
        client_address: actor.clientAddress,
      })),
    )
    .execute();
}

/* ---------- oversight: reading the log ---------- */

/** Newest first; the cursor is the last row's (time with microseconds, id). */
export interface EventCursor {
  at: string;
  id: string;
}

export interface EventFilter {
  userId?: string | undefined;
  agencyId?: string | undefined;
  recordId?: string | undefined;
  recordKind?: string | undefined;
  /** Exact action, or a prefix ending in `.` (`person.` = every person action). */
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only events that showed a record's content: reads, reveals, exports (what "who saw" lists). */
  disclosuresOnly?: boolean;
}

/**
 * Actions that disclosed a record's content to the actor end in `.read`, `.reveal` or `.export`
 * (`case.read`, `person.reveal`). Name new actions to that rule and "who saw this record" finds them.
 */
const disclosure = sql<SqlBool>`(e.action like '%.read' or e.action like '%.reveal' or e.action like '%.export')`;

const utcMicros = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Events the actor may read: those by users of agencies in its scope, and those about records owned by agencies
 * in its scope (an outside user who read one of our records is shown to our auditor).
 */
export async function listEvents(
  db: Kysely<DB>,
  actor: Actor,
  filter: EventFilter,
  cursor: EventCursor | null,
  limit: number,
) {
  let q = db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .leftJoin('agencies as a', 'a.id', 'e.agency_id')
    .select([
      'e.id',
      utcMicros('e.occurred_at').as('occurred_at'),
      'e.seq',
      'e.agency_id',
      'e.user_id',
      'e.role',
      'e.action',
      'e.record_kind',
      'e.record_id',
      'e.record_agency_id',
      'e.purpose',
      'e.detail',
      'e.client_address',
      'u.email as user_email',
      'u.display_name as user_name',
      'a.code as agency_code',
      'a.name as agency_name',
    ])
    .where((eb) => eb.or([agencyScope(actor, 'e.agency_id'), agencyScope(actor, 'e.record_agency_id')]));
  if (filter.userId) q = q.where('e.user_id', '=', filter.userId);
  if (filter.agencyId) q = q.where('e.agency_id', '=', filter.agencyId);
  if (filter.recordId) q = q.where('e.record_id', '=', filter.recordId);
  if (filter.recordKind) q = q.where('e.record_kind', '=', filter.recordKind);
  if (filter.action?.endsWith('.')) q = q.where('e.action', 'like', `${filter.action}%`);
  else if (filter.action) q = q.where('e.action', '=', filter.action);
  if (filter.from) q = q.where('e.occurred_at', '>=', new Date(filter.from));
  if (filter.to) q = q.where('e.occurred_at', '<', new Date(filter.to));
  if (filter.disclosuresOnly) q = q.where(disclosure);
  if (cursor) {
    q = q.where(sql<SqlBool>`(e.occurred_at, e.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
  }
  return q
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit + 1)
    .execute();
}
export type EventListRow = Awaited<ReturnType<typeof listEvents>>[number];

/** A user in the actor's scope (for "what did this user look at"); another scope's user is not found. */
export async function findUserInScope(db: Kysely<DB>, actor: Actor, by: { id: string } | { email: string }) {
  let q = db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.agency_id',
      'a.code as agency_code',
      'a.name as agency_name',
    ])
    .where(agencyScope(actor, 'u.agency_id'));
  q = 'id' in by ? q.where('u.id', '=', by.id) : q.where(sql`lower(u.email)`, '=', by.email.toLowerCase());
  return q.executeTakeFirst();
}

/* ---------- verification: walking the chains ---------- */

export interface ChainRow extends ChainedEvent {
  hash: string;
}

/** Where the next page starts: after one event, or after a whole chain (to skip the rest of a broken one). */
export type ChainPosition = { chainId: string; seq: number; id: string } | { afterChain: string };

/** One page of events in chain order, every column as the hash covers it. */
export async function chainEventsPage(
  db: Kysely<DB>,
  from: ChainPosition | null,
  limit: number,
  onlyChain?: string,
): Promise<ChainRow[]> {
  let q = db
    .selectFrom('audit_events as e')
    .select([
      'e.chain_id',
      'e.seq',
      'e.prev_hash',
      'e.hash',
      'e.id',
      utcMicros('e.occurred_at').as('occurred_at'),
      'e.agency_id',
      'e.user_id',
      'e.role',
      'e.action',
      'e.record_kind',
      'e.record_id',
      'e.record_agency_id',
      'e.purpose',
      sql<string | null>`e.detail::text`.as('detail'),
      'e.client_address',
    ]);
  if (onlyChain) q = q.where('e.chain_id', '=', onlyChain);
  if (from && 'afterChain' in from) q = q.where('e.chain_id', '>', from.afterChain);
  else if (from) {
    q = q.where(
      sql<SqlBool>`(e.chain_id, e.seq, e.id) > (${from.chainId}::uuid, ${from.seq}::bigint, ${from.id}::uuid)`,
    );
  }
  return q.orderBy('e.chain_id').orderBy('e.seq').orderBy('e.id').limit(limit).execute();
}

export async function chainHeads(db: Kysely<DB>, onlyChain?: string) {
  let q = db
    .selectFrom('audit_chain_heads as h')
    .leftJoin('agencies as a', 'a.id', 'h.chain_id')
    .select([
      'h.chain_id',
      'h.seq',
      'h.hash',
      'h.last_event_id',
      utcMicros('h.last_occurred_at').as('last_occurred_at'),
      'a.code as agency_code',
    ]);
  if (onlyChain) q = q.where('h.chain_id', '=', onlyChain);
  return q.orderBy('h.chain_id').execute();
}
export type ChainHeadRow = Awaited<ReturnType<typeof chainHeads>>[number];

export async function agencyCodes(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('agencies').select(['id', 'code']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** The guard triggers on audit_events (every partition) and audit_chain_heads, with their enabled state. */
export async function auditTriggers(db: Kysely<DB>) {
  const { rows } = await sql<{ relation: string; trigger: string | null; enabled: string | null }>`
    with rels as (
      select relid from pg_partition_tree(to_regclass('audit_events'))
      union all select to_regclass('audit_chain_heads')
    )
    select r.relid::regclass::text as relation, t.tgname as trigger, t.tgenabled::text as enabled
    from rels r left join pg_trigger t on t.tgrelid = r.relid and t.tgname like 'audit%'
    order by 1, 2`.execute(db);
  return rows;
}

/** The columns of audit_events, to check that the hash covers every one. */
export async function auditColumns(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select attname as name from pg_attribute
    where attrelid = to_regclass('audit_events') and attnum > 0 and not attisdropped
    order by attnum`.execute(db);
  return rows.map((r) => r.name);
}
