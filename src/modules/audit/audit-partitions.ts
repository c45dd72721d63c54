import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';

/**
 * Monthly partitions of the audit log (`audit_events_YYYY_MM`, UTC months). New months are made ahead of time by
 * `ensure_audit_partitions` (0008-audit-partitions.sql) — at start-up, once a day by the server, and by
 * `childgrid audit partitions` — so events never land in the default partition. Events written before the
 * partitions existed stay in the default until an operator moves them (`--move-default`).
 *
 * ```ts
 * await ensureAuditPartitions(db, 3); // ['audit_events_2026_03', …] — the ones made now
 * ```
 */
export const DEFAULT_MONTHS_AHEAD = 3;

export async function ensureAuditPartitions(
  db: Kysely<DB>,
  monthsAhead = DEFAULT_MONTHS_AHEAD,
): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select ensure_audit_partitions(${monthsAhead}::integer) as name`.execute(db);
  return rows.map((r) => r.name);
}

export interface AuditPartition {
  name: string;
  /** Inclusive lower bound (UTC), null for the default partition. */
  from: string | null;
  /** Exclusive upper bound (UTC), null for the default partition. */
  to: string | null;
  /** Rows, as PostgreSQL last estimated them (reltuples; -1 before the first ANALYZE). */
  estimatedRows: number;
}

/** The partitions of audit_events, the default first, then by month. */
export async function listAuditPartitions(db: Kysely<DB>): Promise<AuditPartition[]> {
  const { rows } = await sql<{ name: string; bound: string; estimated: number }>`
    select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound, c.reltuples::float8 as estimated
    from pg_partition_tree(to_regclass('audit_events')) t join pg_class c on c.oid = t.relid
    where t.isleaf order by c.relname`.execute(db);
  const parts = rows.map((r) => {
    const m = /FROM \('([^']+)'\) TO \('([^']+)'\)/.exec(r.bound);
    return {
      name: r.name,
      from: m ? new Date(m[1]!).toISOString() : null,
      to: m ? new Date(m[2]!).toISOString() : null,
      estimatedRows: Number(r.estimated),
    };
  });
  return parts.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
}

export interface MoveResult {
  /** Events moved from the default partition into their months. */
  moved: number;
  /** The monthly partitions made for them. */
  partitions: string[];
}

/**
 * Moves the events of the default partition into monthly partitions, unchanged: the hash chain covers every
 * column and the chain head is not touched, so `audit verify` gives the same answer before and after.
 *
 * The append-only triggers refuse DELETE on the default partition, so rows are not moved out of it: in one
 * transaction, holding an exclusive lock on audit_events (writers wait), the default partition is detached, an
 * empty default and the months' partitions are made, the rows are copied into audit_events with
 * `session_replication_role = replica` (which skips the chain trigger, so each row keeps its sequence number and
 * hashes; the ENABLE ALWAYS refusals still hold), the copy is counted and compared, and the detached table is
 * dropped. Dropping a table is not something a row trigger sees: hence this needs the owner *and* a superuser
 * (for the replication role), and is an operator's act at the console, never the application's.
 */
export async function moveDefaultAuditRows(db: Kysely<DB>): Promise<MoveResult> {
  return db.transaction().execute(async (tx) => {
    const su = await sql<{ su: boolean }>`
      select rolsuper as su from pg_roles where rolname = current_user`.execute(tx);
    if (!su.rows[0]?.su) {
      throw new AppError(
        'forbidden',
        'Moving audit events out of the default partition needs a superuser (session_replication_role): run it with MIGRATION_DATABASE_URL set to a superuser',
      );
    }
    await sql`lock table audit_events in access exclusive mode`.execute(tx);
    const months = await sql<{ month: string }>`
      select distinct to_char(date_trunc('month', occurred_at at time zone 'UTC'), 'YYYY-MM') as month
      from audit_events_default order by 1`.execute(tx);
    if (months.rows.length === 0) return { moved: 0, partitions: [] };
    const columns = await sql<{ name: string }>`
      select attname as name from pg_attribute
      where attrelid = to_regclass('audit_events') and attnum > 0 and not attisdropped order by attnum`.execute(
      tx,
    );
    const list = sql.join(columns.rows.map((c) => sql.ref(c.name)));
    await sql`alter table audit_events detach partition audit_events_default`.execute(tx);
    await sql`alter table audit_events_default rename to audit_events_moving`.execute(tx);
    await sql`create table audit_events_default partition of audit_events default`.execute(tx);
    const partitions: string[] = [];
    for (const { month } of months.rows) {
      const name = `audit_events_${month.replace('-', '_')}`;
      const from = `${month}-01T00:00:00Z`;
      const next = new Date(from);
      next.setUTCMonth(next.getUTCMonth() + 1);
      await sql`create table ${sql.id(name)} partition of audit_events
        for values from (${sql.lit(from)}) to (${sql.lit(next.toISOString())})`.execute(tx);
      partitions.push(name);
    }
    await sql`select audit_protect_partitions()`.execute(tx);
    await sql`set local session_replication_role = replica`.execute(tx);
    const copied = await sql`insert into audit_events (${list})
      select ${list} from audit_events_moving`.execute(tx);
    await sql`set local session_replication_role = origin`.execute(tx);
    // Every row arrived with its chain columns unchanged.
    const counts = await sql<{ before: number; after: number }>`
      select (select count(*) from audit_events_moving)::int as before,
        (select count(*) from audit_events_moving m join audit_events e on e.occurred_at = m.occurred_at
          and e.id = m.id and e.chain_id = m.chain_id and e.seq = m.seq and e.hash = m.hash)::int as after`.execute(
      tx,
    );
    const c = counts.rows[0]!;
    if (Number(copied.numAffectedRows) !== c.before || c.after !== c.before) {
      throw new AppError(
        'conflict',
        `Audit events not moved: ${c.before} in the default partition, ${c.after} copied intact; nothing changed`,
      );
    }
    await sql`drop table audit_events_moving`.execute(tx);
    return { moved: c.before, partitions };
  });
}
