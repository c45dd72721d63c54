import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { listMigrations, migrate, splitStatements } from '../../src/db/migrate.ts';
import { chainEventsPage } from '../../src/modules/audit/audit.repository.ts';
import { SYSTEM_CHAIN_ID } from '../../src/modules/audit/audit-chain.ts';
import { verifyAuditLog } from '../../src/modules/audit/audit-verify.ts';
import { newId } from '../../src/shared/ids.ts';
import { PG_ADMIN_URL, postgresAvailable } from '../harness.ts';

/** An installation that logged events before the chain existed: migration 0003 chains them in time order. */
async function databaseBeforeTheChain(
  kind: 'pglite' | 'postgres',
): Promise<{ database: Database; drop(): Promise<void> }> {
  let database: Database;
  let drop: () => Promise<void>;
  if (kind === 'pglite') {
    database = await openDatabase({});
    drop = () => database.close();
  } else {
    const name = `childgrid_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    drop = async () => {
      await database.close();
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  }
  const { db } = database;
  await sql`create table schema_migrations (version integer primary key, name text not null,
    applied_at timestamptz not null default now())`.execute(db);
  for (const m of listMigrations().filter((m) => m.version < 3)) {
    for (const statement of splitStatements(m.sql)) await sql.raw(statement).execute(db);
    await sql`insert into schema_migrations (version, name) values (${m.version}, ${m.name})`.execute(db);
  }
  return { database, drop };
}

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`audit chain migration [${kind}]`, async () => {
    if (kind === 'postgres' && !(await postgresAvailable())) {
      describe.skip(`PostgreSQL not reachable at ${PG_ADMIN_URL}; suite skipped`, () => {});
      return;
    }
    test('events logged before the chain are chained in time order and verify', async () => {
      const { database, drop } = await databaseBeforeTheChain(kind);
      try {
        const { db } = database;
        const agency = newId();
        const old = [
          { at: '2025-01-03T10:00:00.000001Z', agency, action: 'case.read' },
          { at: '2025-01-01T10:00:00Z', agency, action: 'case.create' },
          { at: '2025-01-02T10:00:00Z', agency: null, action: 'auth.sign_in_failed' },
          { at: '2025-01-02T11:00:00Z', agency, action: 'person.read' },
        ].map((e) => ({ ...e, id: newId() }));
        for (const e of old) {
          await sql`insert into audit_events (occurred_at, id, agency_id, action, detail)
            values (${e.at}::timestamptz, ${e.id}::uuid, ${e.agency}::uuid, ${e.action}, '{"n": 1}')`.execute(
            db,
          );
        }
        await migrate(database);
        const rows = await chainEventsPage(db, null, 100, agency);
        assert.deepEqual(
          rows.map((r) => [r.seq, r.action]),
          [
            [1, 'case.create'],
            [2, 'person.read'],
            [3, 'case.read'],
          ],
        );
        assert.equal(rows[2]!.occurred_at, '2025-01-03T10:00:00.000001Z', 'microseconds are kept and hashed');
        const system = await chainEventsPage(db, null, 100, SYSTEM_CHAIN_ID);
        assert.deepEqual(
          system.map((r) => [r.seq, r.action]),
          [[1, 'auth.sign_in_failed']],
        );
        const report = await verifyAuditLog(db);
        assert.deepEqual(report.guards, []);
        assert.equal(report.ok, true, JSON.stringify(report.chains.filter((c) => c.break)));
        assert.equal(report.events, 4);
        // New events continue the migrated chain.
        await db
          .insertInto('audit_events')
          .values({ occurred_at: new Date(), id: newId(), agency_id: agency, action: 'case.read' })
          .execute();
        const after = await verifyAuditLog(db, { chainId: agency });
        assert.equal(after.ok, true);
        assert.equal(after.chains[0]?.events, 4);
      } finally {
        await drop();
      }
    });
  });
}
