import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import type { Actor } from '../../src/modules/access/actor.ts';
import { recordAudit } from '../../src/modules/audit/audit.repository.ts';
import {
  ensureAuditPartitions,
  listAuditPartitions,
  moveDefaultAuditRows,
} from '../../src/modules/audit/audit-partitions.ts';
import { verifyAuditLog } from '../../src/modules/audit/audit-verify.ts';
import { newId } from '../../src/shared/ids.ts';
import { forEachDatabase, newAgency } from '../harness.ts';

/**
 * Monthly partitions of the audit log (0008-audit-partitions.sql): made ahead of time, events land in their
 * month, the chain runs across partitions, and moving old events out of the default partition keeps every hash.
 */

/** The first instant (UTC) of the month `offset` months from this one. */
function monthStart(offset: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
}
const partitionName = (d: Date) =>
  `audit_events_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
/** The timestamp with microseconds, as PostgreSQL takes it. */
const micro = (d: Date, extraMicros = 0) =>
  `${d.toISOString().slice(0, 19)}.${String(d.getUTCMilliseconds() * 1000 + extraMicros).padStart(6, '0')}Z`;

forEachDatabase('audit log partitions', (ctx) => {
  async function write(agencyId: string, at: string, action = 'case.read') {
    const id = newId();
    await ctx.database.db
      .insertInto('audit_events')
      .values({ occurred_at: at, id, agency_id: agencyId, role: 'investigating_officer', action })
      .execute();
    return id;
  }
  async function partitionOf(id: string): Promise<string> {
    const { rows } = await sql<{ p: string }>`
      select tableoid::regclass::text as p from audit_events where id = ${id}`.execute(ctx.database.db);
    return rows[0]!.p;
  }
  async function verifyOk(chainId?: string) {
    const report = await verifyAuditLog(ctx.database.db, { chainId, pageSize: 3 });
    assert.deepEqual(
      report.chains.filter((c) => c.break).map((c) => c.break?.message),
      [],
    );
    assert.deepEqual(report.guards, []);
    assert.equal(report.ok, true);
    return report;
  }

  test('the migration made this month and the three after it', async () => {
    const names = (await listAuditPartitions(ctx.database.db)).map((p) => p.name);
    for (let i = 0; i <= 3; i++) assert.ok(names.includes(partitionName(monthStart(i))), names.join(', '));
    assert.ok(names.includes('audit_events_default'));
    // Made already: asking again makes nothing.
    assert.deepEqual(await ensureAuditPartitions(ctx.database.db, 3), []);
  });

  test('events across a month boundary go to their months, and one chain runs across them', async () => {
    const agency = await newAgency(ctx.database);
    const boundary = monthStart(1);
    const lastOfThisMonth = micro(new Date(boundary.getTime() - 1), 999);
    const firstOfNext = micro(boundary);
    const a = await write(agency.id, lastOfThisMonth);
    const b = await write(agency.id, firstOfNext, 'person.reveal');
    const c = await write(agency.id, micro(monthStart(2)));
    const actor: Actor = {
      userId: null,
      agencyId: agency.id,
      role: 'investigating_officer',
      clientAddress: null,
    };
    await recordAudit(ctx.database.db, actor, { action: 'case.update' });
    assert.equal(await partitionOf(a), partitionName(monthStart(0)));
    assert.equal(await partitionOf(b), partitionName(monthStart(1)));
    assert.equal(await partitionOf(c), partitionName(monthStart(2)));
    const { rows } = await sql<{ seq: number; p: string }>`
      select seq, tableoid::regclass::text as p from audit_events where chain_id = ${agency.id} order by seq`.execute(
      ctx.database.db,
    );
    assert.deepEqual(
      rows.map((r) => r.seq),
      [1, 2, 3, 4],
    );
    const report = await verifyOk(agency.id);
    assert.equal(report.events, 4);
    // The refusals hold on every partition.
    const refused = /append-only/;
    for (const p of new Set(rows.map((r) => r.p))) {
      await assert.rejects(sql`update ${sql.table(p)} set action = 'x'`.execute(ctx.database.db), refused);
      await assert.rejects(sql`delete from ${sql.table(p)}`.execute(ctx.database.db), refused);
      await assert.rejects(sql`truncate ${sql.table(p)}`.execute(ctx.database.db), refused);
    }
  });

  test('more months on request; a month whose events sit in the default is left to it', async () => {
    const { db } = ctx.database;
    const agency = await newAgency(ctx.database);
    // An event ten months ahead, before its partition exists: it goes to the default.
    const far = await write(agency.id, micro(monthStart(10), 5));
    assert.equal(await partitionOf(far), 'audit_events_default');
    const made = await ensureAuditPartitions(db, 11);
    assert.deepEqual(
      made,
      [4, 5, 6, 7, 8, 9, 11].map((i) => partitionName(monthStart(i))),
    );
    assert.equal(await partitionOf(far), 'audit_events_default');
    await assert.rejects(ensureAuditPartitions(db, 37), /from 0 to 36/);
    await verifyOk();
  });

  test('old events moved out of the default keep their hashes; the log stays append-only', async () => {
    const { db } = ctx.database;
    const agency = await newAgency(ctx.database);
    const old = [
      await write(agency.id, '2019-05-31T23:59:59.999999Z'),
      await write(agency.id, '2019-06-01T00:00:00.000000Z', 'person.reveal'),
    ];
    for (const id of old) assert.equal(await partitionOf(id), 'audit_events_default');
    const before = await verifyOk();
    const heads = await db.selectFrom('audit_chain_heads').selectAll().orderBy('chain_id').execute();
    const hashes = await db.selectFrom('audit_events').select(['id', 'seq', 'hash']).orderBy('id').execute();

    const moved = await moveDefaultAuditRows(db);
    // The two 2019 events, and the one ten months ahead from the previous test.
    assert.equal(moved.moved, 3);
    assert.deepEqual(moved.partitions, [
      'audit_events_2019_05',
      'audit_events_2019_06',
      partitionName(monthStart(10)),
    ]);
    assert.equal(await partitionOf(old[0]!), 'audit_events_2019_05');
    assert.equal(await partitionOf(old[1]!), 'audit_events_2019_06');
    const inDefault = await sql<{ n: number }>`select count(*)::int as n from audit_events_default`.execute(
      db,
    );
    assert.equal(inDefault.rows[0]!.n, 0);
    assert.deepEqual(
      await db.selectFrom('audit_chain_heads').selectAll().orderBy('chain_id').execute(),
      heads,
    );
    assert.deepEqual(
      await db.selectFrom('audit_events').select(['id', 'seq', 'hash']).orderBy('id').execute(),
      hashes,
    );
    const after = await verifyOk();
    assert.equal(after.events, before.events);
    assert.ok(
      !(await sql<{ t: string | null }>`select to_regclass('audit_events_moving')::text as t`.execute(db))
        .rows[0]!.t,
    );

    // Still append-only on the new partitions and the new default; the chain goes on.
    await assert.rejects(sql`delete from audit_events_2019_05`.execute(db), /append-only/);
    await assert.rejects(sql`truncate audit_events_2019_06`.execute(db), /append-only/);
    await assert.rejects(sql`truncate audit_events_default`.execute(db), /append-only/);
    await write(agency.id, '2019-06-15T10:00:00Z');
    const actor: Actor = {
      userId: null,
      agencyId: agency.id,
      role: 'investigating_officer',
      clientAddress: null,
    };
    await recordAudit(db, actor, { action: 'case.read' });
    assert.equal((await verifyOk(agency.id)).events, 4);
    // Nothing left to move.
    assert.deepEqual(await moveDefaultAuditRows(db), { moved: 0, partitions: [] });
  });
});
