import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import type { Actor } from '../../src/modules/access/actor.ts';
import { type ChainRow, chainEventsPage, recordAudit } from '../../src/modules/audit/audit.repository.ts';
import { eventHash, genesisHash } from '../../src/modules/audit/audit-chain.ts';
import { type ChainReport, verifyAuditLog } from '../../src/modules/audit/audit-verify.ts';
import { newId } from '../../src/shared/ids.ts';
import { forEachDatabase, newAgency } from '../harness.ts';
import { asAttacker } from './attacker.ts';

/**
 * Tamper tests (issue 3): someone with database access changes the log behind the application's back — the way
 * a DBA would, switching the guard triggers off inside their own transaction — and `verify` must name the first
 * bad event. Each test tampers with its own agency's chain.
 */

async function chainOf(db: Kysely<DB>, chainId: string): Promise<ChainRow[]> {
  return chainEventsPage(db, null, 1000, chainId);
}

async function verifyChain(db: Kysely<DB>, chainId: string): Promise<ChainReport> {
  const report = await verifyAuditLog(db, { chainId, pageSize: 4 });
  assert.equal(report.chains.length, 1);
  return report.chains[0]!;
}

forEachDatabase('audit hash chain', (ctx) => {
  /** A fresh agency with `n` events in its chain, written one statement at a time as the application does. */
  async function chainWithEvents(n = 6): Promise<{ chainId: string; events: ChainRow[]; actor: Actor }> {
    const agency = await newAgency(ctx.database);
    const actor: Actor = {
      userId: null,
      agencyId: agency.id,
      role: 'investigating_officer',
      clientAddress: '10.0.0.7',
    };
    for (let i = 1; i <= n; i++) {
      await recordAudit(ctx.database.db, actor, {
        action: i % 2 ? 'case.read' : 'person.reveal',
        recordKind: 'case',
        recordId: newId(),
        recordAgencyId: agency.id,
        purpose: i % 2 ? undefined : `Charge-sheet ${i}`,
        detail: { i },
      });
    }
    const events = await chainOf(ctx.database.db, agency.id);
    assert.equal(events.length, n);
    const ok = await verifyChain(ctx.database.db, agency.id);
    assert.equal(ok.break, null, 'intact before tampering');
    return { chainId: agency.id, events, actor };
  }

  test('the verifier recomputes the hashes the database wrote, whatever the content', async () => {
    const { db } = ctx.database;
    const agency = await newAgency(ctx.database);
    const actor: Actor = { userId: null, agencyId: agency.id, role: 'cwc_member', clientAddress: null };
    await recordAudit(db, actor, [
      {
        action: 'person.reveal',
        recordKind: 'person',
        recordId: newId(),
        purpose: 'Produce the child before the CWC — "urgent"\n\\ दूसरा कारण \u0001 ✓ 😀',
        detail: { z: 1, a: [1.5, 'x"y', null, { nested: true }], ü: 'é', big: 12345678901234 },
      },
      { action: 'case.read' },
    ]);
    const rows = await chainOf(db, agency.id);
    assert.equal(rows.length, 2);
    assert.deepEqual(
      rows.map((r) => r.seq),
      [1, 2],
    );
    assert.equal(rows[0]!.prev_hash, genesisHash(agency.id), 'sequence 1 links to the genesis');
    assert.equal(rows[1]!.prev_hash, rows[0]!.hash);
    for (const r of rows) assert.equal(eventHash(r), r.hash);
    assert.match(rows[0]!.occurred_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const head = await db
      .selectFrom('audit_chain_heads')
      .selectAll()
      .where('chain_id', '=', agency.id)
      .executeTakeFirstOrThrow();
    assert.equal(head.seq, 2);
    assert.equal(head.hash, rows[1]!.hash);
    assert.equal(head.last_event_id, rows[1]!.id);
  });

  test('the chain columns are the database’s, whatever the writer sends', async () => {
    const { db } = ctx.database;
    const agency = await newAgency(ctx.database);
    await db
      .insertInto('audit_events')
      .values({
        occurred_at: new Date(),
        id: newId(),
        agency_id: agency.id,
        action: 'case.read',
        chain_id: newId(),
        seq: 99,
        prev_hash: 'f'.repeat(64),
        hash: '0'.repeat(64),
      })
      .execute();
    const [row] = await chainOf(db, agency.id);
    assert.equal(row?.seq, 1);
    assert.equal(row?.prev_hash, genesisHash(agency.id));
    assert.equal((await verifyChain(db, agency.id)).break, null);
  });

  test('altering a field of a middle event is caught, naming it', async () => {
    const { chainId, events } = await chainWithEvents();
    const target = events[2]!;
    await asAttacker(ctx.database.db, async (tx) => {
      await sql`update audit_events set purpose = 'Routine check' where id = ${target.id}`.execute(tx);
    });
    const r = await verifyChain(ctx.database.db, chainId);
    assert.equal(r.break?.kind, 'altered');
    assert.equal(r.break?.eventId, target.id);
    assert.equal(r.break?.seq, 3);
    assert.equal(r.break?.occurredAt, target.occurred_at);
    assert.match(r.break?.message ?? '', new RegExp(`event ${target.id} \\(sequence 3`));
    assert.equal(r.events, 2, 'the two events before it verified');
  });

  test('altering an event and recomputing its hash is caught by the next event’s link', async () => {
    const { chainId, events } = await chainWithEvents();
    const target = events[2]!;
    const altered: ChainRow = { ...target, user_id: newId() };
    await asAttacker(ctx.database.db, async (tx) => {
      await sql`update audit_events set user_id = ${altered.user_id}, hash = ${eventHash(altered)}
        where id = ${target.id}`.execute(tx);
    });
    const r = await verifyChain(ctx.database.db, chainId);
    assert.equal(r.break?.kind, 'altered');
    assert.equal(r.break?.eventId, target.id);
    assert.match(r.break?.message ?? '', /hash recomputed/);
    assert.match(r.break?.message ?? '', new RegExp(events[3]!.id));
  });

  test('deleting a middle event is caught, naming the gap and its neighbours', async () => {
    const { chainId, events } = await chainWithEvents();
    await asAttacker(ctx.database.db, async (tx) => {
      await sql`delete from audit_events where id = ${events[2]!.id}`.execute(tx);
    });
    const r = await verifyChain(ctx.database.db, chainId);
    assert.equal(r.break?.kind, 'missing');
    assert.equal(r.break?.seq, 3);
    assert.match(r.break?.message ?? '', /sequence 3 is missing/);
    assert.match(r.break?.message ?? '', new RegExp(`after event ${events[1]!.id}`));
    assert.match(r.break?.message ?? '', new RegExp(`next event present is event ${events[3]!.id}`));
  });

  test('swapping two events’ sequence numbers is caught as reordering', async () => {
    const { chainId, events } = await chainWithEvents();
    const [a, b] = [events[2]!, events[3]!];
    await asAttacker(ctx.database.db, async (tx) => {
      await sql`update audit_events set seq = case when id = ${a.id} then 4 else 3 end
        where id in (${a.id}, ${b.id})`.execute(tx);
    });
    const r = await verifyChain(ctx.database.db, chainId);
    assert.equal(r.break?.kind, 'reordered');
    assert.equal(r.break?.seq, 3);
    assert.equal(r.break?.eventId, b.id, 'the event now standing at sequence 3');
    assert.match(r.break?.message ?? '', new RegExp(`${a.id} \\(sequence 4.*belongs at sequence 3`));
  });

  test('swapping two events’ places with their hashes (seq, prev_hash, hash) is caught as reordering', async () => {
    const { chainId, events } = await chainWithEvents();
    const [a, b] = [events[1]!, events[2]!];
    await asAttacker(ctx.database.db, async (tx) => {
      for (const [row, place] of [
        [a, b],
        [b, a],
      ] as const) {
        await sql`update audit_events set seq = ${place.seq}, prev_hash = ${place.prev_hash}, hash = ${place.hash}
          where id = ${row.id}`.execute(tx);
      }
    });
    const r = await verifyChain(ctx.database.db, chainId);
    assert.equal(r.break?.kind, 'reordered');
    assert.equal(r.break?.seq, 2);
    assert.equal(r.break?.eventId, b.id);
  });

  test('a forged event inserted beside a real one is caught as a fork, naming the forgery', async () => {
    const { chainId, events } = await chainWithEvents();
    const real = events[2]!;
    // The attacker knows the algorithm (it is open source): the forgery is perfectly hashed and linked.
    const forged: ChainRow = { ...real, id: newId(), action: 'case.read', purpose: null, detail: null };
    forged.hash = eventHash(forged);
    await asAttacker(ctx.database.db, (tx) => insertRaw(tx, forged));
    const r = await verifyChain(ctx.database.db, chainId);
    assert.equal(r.break?.kind, 'forked');
    assert.equal(r.break?.seq, 3);
    assert.equal(r.break?.eventId, forged.id);
    assert.match(r.break?.message ?? '', new RegExp(`continues through event ${real.id}`));
  });

  test('a forged event appended after the last one is caught: the chain head does not know it', async () => {
    const { chainId, events } = await chainWithEvents();
    const last = events.at(-1)!;
    const forged: ChainRow = {
      ...last,
      id: newId(),
      seq: last.seq + 1,
      prev_hash: last.hash,
      action: 'case.read',
    };
    forged.hash = eventHash(forged);
    await asAttacker(ctx.database.db, (tx) => insertRaw(tx, forged));
    const r = await verifyChain(ctx.database.db, chainId);
    assert.equal(r.break?.kind, 'forged');
    assert.equal(r.break?.eventId, forged.id);
    assert.equal(r.break?.seq, 7);
  });

  test('truncating the tail is caught: the chain head remembers how long the chain was', async () => {
    const { chainId, events } = await chainWithEvents();
    await asAttacker(ctx.database.db, async (tx) => {
      await sql`delete from audit_events where chain_id = ${chainId} and seq >= 5`.execute(tx);
    });
    const r = await verifyChain(ctx.database.db, chainId);
    assert.equal(r.break?.kind, 'truncated');
    assert.equal(r.break?.seq, 5);
    assert.match(r.break?.message ?? '', /sequence 5–6 are missing from the end/);
    assert.match(r.break?.message ?? '', new RegExp(`records the last as event ${events[5]!.id}`));
  });

  test('removing the tail and setting the head back passes the chain alone, not the heads saved outside', async () => {
    const { db } = ctx.database;
    const { chainId, events } = await chainWithEvents();
    const saved = (await verifyAuditLog(db, { chainId })).chains[0]?.end;
    assert.deepEqual(saved, { seq: 6, hash: events[5]!.hash });
    await asAttacker(db, async (tx) => {
      await sql`delete from audit_events where chain_id = ${chainId} and seq >= 5`.execute(tx);
      await sql`alter table audit_chain_heads disable trigger audit_chain_heads_guard`.execute(tx);
      await sql`update audit_chain_heads set seq = 4, hash = ${events[3]!.hash}, last_event_id = ${events[3]!.id}
        where chain_id = ${chainId}`.execute(tx);
      await sql`alter table audit_chain_heads enable always trigger audit_chain_heads_guard`.execute(tx);
    });
    assert.equal(
      (await verifyChain(db, chainId)).break,
      null,
      'the limit of a chain kept in the same database',
    );
    const r = (await verifyAuditLog(db, { chainId, anchors: new Map([[chainId, saved!]]) })).chains[0];
    assert.equal(r?.break?.kind, 'truncated');
    assert.equal(r?.break?.seq, 5);
    assert.match(
      r?.break?.message ?? '',
      /saved outside the database records sequence 6, the chain ends at 4/,
    );
  });

  test('rewriting a chain with recomputed hashes passes the chain alone, not the heads saved outside', async () => {
    const { db } = ctx.database;
    const { chainId, events } = await chainWithEvents();
    const saved = new Map([[chainId, { seq: 6, hash: events[5]!.hash }]]);
    await asAttacker(db, async (tx) => {
      let prev = events[1]!.hash;
      for (const e of events.slice(2)) {
        const rewritten: ChainRow = {
          ...e,
          prev_hash: prev,
          purpose: e.seq === 3 ? 'Routine check' : e.purpose,
        };
        rewritten.hash = eventHash(rewritten);
        await sql`update audit_events set purpose = ${rewritten.purpose}, prev_hash = ${prev}, hash = ${rewritten.hash}
          where id = ${e.id}`.execute(tx);
        prev = rewritten.hash;
      }
      await sql`alter table audit_chain_heads disable trigger audit_chain_heads_guard`.execute(tx);
      await sql`update audit_chain_heads set hash = ${prev} where chain_id = ${chainId}`.execute(tx);
      await sql`alter table audit_chain_heads enable always trigger audit_chain_heads_guard`.execute(tx);
    });
    assert.equal(
      (await verifyChain(db, chainId)).break,
      null,
      'the limit of a chain kept in the same database',
    );
    const r = (await verifyAuditLog(db, { chainId, anchors: saved })).chains[0];
    assert.equal(r?.break?.kind, 'altered');
    assert.equal(r?.break?.eventId, events[5]!.id);
    assert.match(r?.break?.message ?? '', /rewritten at or before this event/);
  });

  test('a chain written on after a break still reports the first bad event, and the full report names every broken chain', async () => {
    const { db } = ctx.database;
    const intact = await chainWithEvents(3);
    const { chainId, events, actor } = await chainWithEvents();
    await asAttacker(db, async (tx) => {
      await sql`update audit_events set action = 'case.update' where id = ${events[1]!.id}`.execute(tx);
    });
    await recordAudit(db, actor, { action: 'case.read' });
    const r = await verifyChain(db, chainId);
    assert.equal(r.break?.eventId, events[1]!.id);
    const report = await verifyAuditLog(db, { pageSize: 7 });
    assert.equal(report.ok, false);
    assert.ok(report.chains.find((c) => c.chainId === chainId)?.break);
    assert.equal(report.chains.find((c) => c.chainId === intact.chainId)?.break, null);
    assert.deepEqual(report.guards, []);
  });

  test('UPDATE, DELETE and TRUNCATE are refused to the application’s connection, on every partition', async () => {
    const { db } = ctx.database;
    const { events } = await chainWithEvents(2);
    const id = events[0]!.id;
    const refused = /The audit log is append-only: (UPDATE|DELETE|TRUNCATE) on audit_\w+ is refused/;
    await assert.rejects(
      db.updateTable('audit_events').set({ action: 'x' }).where('id', '=', id).execute(),
      refused,
    );
    await assert.rejects(db.deleteFrom('audit_events').where('id', '=', id).execute(), refused);
    await assert.rejects(sql`truncate audit_events`.execute(db), refused);
    await assert.rejects(sql`truncate audit_events_default`.execute(db), refused);
    // Not even with replication-role tricks: the refusals are ENABLE ALWAYS.
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await sql`set local session_replication_role = replica`.execute(tx);
        await sql`delete from audit_events where id = ${id}`.execute(tx);
      }),
      refused,
    );
    // The chain head moves only forward, one event at a time.
    await assert.rejects(
      db.updateTable('audit_chain_heads').set({ seq: 1 }).execute(),
      /chain head only moves forward/,
    );
    await assert.rejects(db.deleteFrom('audit_chain_heads').execute(), /chain head only moves forward/);
    await assert.rejects(sql`truncate audit_chain_heads`.execute(db), refused);
    // A partition made later (next month's) is guarded too.
    await sql`create table audit_events_2031_01 partition of audit_events
      for values from ('2031-01-01') to ('2031-02-01')`.execute(db);
    const agency = await newAgency(ctx.database);
    await db
      .insertInto('audit_events')
      .values({ occurred_at: '2031-01-15T00:00:00Z', id: newId(), agency_id: agency.id, action: 'case.read' })
      .execute();
    await assert.rejects(sql`update audit_events_2031_01 set action = 'x'`.execute(db), refused);
    await assert.rejects(sql`delete from audit_events_2031_01`.execute(db), refused);
    await assert.rejects(sql`truncate audit_events_2031_01`.execute(db), refused);
    assert.equal((await verifyChain(db, agency.id)).break, null);
    assert.deepEqual((await verifyAuditLog(db, { chainId: agency.id })).guards, []);
    const still = await db
      .selectFrom('audit_events')
      .select('action')
      .where('id', '=', id)
      .executeTakeFirst();
    assert.notEqual(still?.action, 'x');
  });

  test('verify reports a disabled guard and a column the hash does not cover', async () => {
    const { db } = ctx.database;
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(db);
    await sql`alter table audit_events add column note text`.execute(db);
    try {
      const report = await verifyAuditLog(db, { chainId: newId() });
      assert.equal(report.ok, false);
      assert.ok(report.guards.includes('trigger audit_events_no_change is disabled on audit_events_default'));
      assert.ok(report.guards.includes('column audit_events.note is not covered by the hash'));
    } finally {
      await sql`alter table audit_events drop column note`.execute(db);
      await sql`alter table audit_events enable always trigger audit_events_no_change`.execute(db);
    }
    assert.deepEqual((await verifyAuditLog(db, { chainId: newId() })).guards, []);
  });

  test('concurrent writers leave one unbroken chain per agency', async () => {
    const { db } = ctx.database;
    const agencies = await Promise.all([1, 2, 3].map(() => newAgency(ctx.database)));
    const actorFor = (i: number): Actor => ({
      userId: null,
      agencyId: agencies[i % agencies.length]!.id,
      role: 'investigating_officer',
      clientAddress: null,
    });
    // 30 transactions at once (pool of 5 on PostgreSQL), each writing between other statements and
    // holding its transaction open a little after the audit insert.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        db.transaction().execute(async (tx) => {
          await sql`select pg_sleep(${(i % 4) * 0.005})`.execute(tx);
          await recordAudit(tx, actorFor(i), [
            { action: 'case.update', detail: { i } },
            { action: 'case.read' },
          ]);
          await sql`select pg_sleep(0.01)`.execute(tx);
        }),
      ),
    );
    for (const a of agencies) {
      const rows = await chainOf(db, a.id);
      assert.equal(rows.length, 20);
      assert.deepEqual(
        rows.map((r) => r.seq),
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      assert.equal((await verifyChain(db, a.id)).break, null);
    }
  });

  test('a role that is neither owner nor superuser cannot get around the refusals', async (t) => {
    const { db } = ctx.database;
    const role = `childgrid_app_${Math.random().toString(36).slice(2, 8)}`;
    await sql`create role ${sql.id(role)} nologin`.execute(db);
    try {
      await sql`grant select, insert, update, delete, truncate on audit_events, audit_events_default,
        audit_chain_heads to ${sql.id(role)}`.execute(db);
      const asApp = async (statement: ReturnType<typeof sql>) =>
        db.transaction().execute(async (tx) => {
          await sql`set local role ${sql.id(role)}`.execute(tx);
          await statement.execute(tx);
        });
      await assert.rejects(asApp(sql`update audit_events set action = 'x'`), /append-only/);
      await assert.rejects(asApp(sql`delete from audit_events`), /append-only/);
      await assert.rejects(asApp(sql`set session_replication_role = replica`), /permission denied/);
      await assert.rejects(asApp(sql`alter table audit_events disable trigger user`), /must be owner/);
    } catch (err) {
      if (ctx.kind === 'pglite' && /role|permission/i.test(String(err)) && !/append-only/.test(String(err))) {
        t.skip(`PGlite: ${String(err)}`);
        return;
      }
      throw err;
    } finally {
      await sql`revoke all on audit_events, audit_events_default, audit_chain_heads from ${sql.id(role)}`.execute(
        db,
      );
      await sql`drop role ${sql.id(role)}`.execute(db);
    }
  });
});

async function insertRaw(db: Kysely<DB>, e: ChainRow) {
  await sql`insert into audit_events (occurred_at, id, agency_id, user_id, role, action, record_kind, record_id,
      record_agency_id, purpose, detail, client_address, chain_id, seq, prev_hash, hash)
    values (${e.occurred_at}::timestamptz, ${e.id}::uuid, ${e.agency_id}::uuid, ${e.user_id}::uuid, ${e.role},
      ${e.action}, ${e.record_kind}, ${e.record_id}::uuid, ${e.record_agency_id}::uuid, ${e.purpose},
      ${e.detail}::jsonb, ${e.client_address}, ${e.chain_id}::uuid, ${e.seq}, ${e.prev_hash}, ${e.hash})`.execute(
    db,
  );
}
