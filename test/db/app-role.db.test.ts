import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openAndMigrate } from '../../src/bootstrap.ts';
import { ConfigError } from '../../src/config.ts';
import { connectionRole, DEFAULT_APP_ROLE, grantAppRole } from '../../src/db/app-role.ts';
import type { Database } from '../../src/db/database.ts';
import { ensureAuditPartitions } from '../../src/modules/audit/audit-partitions.ts';
import { verifyAuditLog } from '../../src/modules/audit/audit-verify.ts';
import {
  caseBody,
  newAgency,
  newUser,
  PG_ADMIN_URL,
  postgresAvailable,
  testApp,
  testConfig,
} from '../harness.ts';

/**
 * The application's database role (PostgreSQL): migrations run as the owner (MIGRATION_DATABASE_URL), the server
 * as `childgrid_app` (DATABASE_URL), which owns nothing. It does the application's work, and cannot change or
 * remove audit events, switch the audit triggers off, or take the replication role. PGlite has one user: there
 * the control is DATA_DIR's permissions and encryption at rest (docs/security.md).
 */

const inCi = process.env.CI === 'true';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the role when missing; roles belong to the server, so parallel test files may race to make it. */
async function ensureRole(role: string) {
  await admin(async (c) => {
    try {
      await c.query(
        `do $$ begin if not exists (select 1 from pg_roles where rolname = '${role}') then create role ${role} login; end if; end $$`,
      );
    } catch (err) {
      if (!/already exists|duplicate key/.test(String(err))) throw err;
    }
  });
}

const urlFor = (database: string, user?: string) => {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = '';
  }
  return url.toString();
};

describe('application database role [postgres]', async () => {
  if (!(await postgresAvailable())) {
    if (inCi) throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}, and CI must run this suite`);
    test.skip(`PostgreSQL not reachable at ${PG_ADMIN_URL} (set PG_TEST_URL)`, () => {});
    return;
  }
  const name = `childgrid_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  let database: Database;

  before(async () => {
    await ensureRole(DEFAULT_APP_ROLE);
    await admin((c) => c.query(`create database ${name}`));
    // What start-up does with both URLs: the owner migrates and grants, the server keeps the app's connection.
    const config = testConfig({
      DATABASE_URL: urlFor(name, DEFAULT_APP_ROLE),
      MIGRATION_DATABASE_URL: urlFor(name),
    });
    database = await openAndMigrate(config);
  });
  after(async () => {
    await database?.close();
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  });

  test('the server connects as a role that is neither owner nor superuser', async () => {
    assert.deepEqual(await connectionRole(database.db), {
      role: DEFAULT_APP_ROLE,
      superuser: false,
      ownsTables: false,
    });
  });

  test('it does the application’s work: users, cases, reads, audit, partitions, verify', async () => {
    const agency = await newAgency(database);
    const io = await newUser(database, agency, 'investigating_officer');
    const app = await testApp(database);
    try {
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: io.headers,
        payload: caseBody(),
      });
      assert.equal(created.statusCode, 201, created.body);
      const read = await app.inject({
        method: 'GET',
        url: `/api/v1/cases/${created.json().id}`,
        headers: io.headers,
      });
      assert.equal(read.statusCode, 200, read.body);
      // Tips (0018): the tip, its sealed identifiers and a watch alert on one are written as the app role.
      const colleague = await newUser(database, agency, 'investigating_officer');
      const watched = await app.inject({
        method: 'POST',
        url: '/api/v1/grid/watches',
        headers: colleague.headers,
        payload: { kind: 'phone', value: '98123 70001', reason: 'agent in our FIR 9/2025' },
      });
      assert.equal(watched.statusCode, 201, watched.body);
      const tip = await app.inject({
        method: 'POST',
        url: '/api/v1/tips',
        headers: io.headers,
        payload: {
          received_at: '2025-06-01T10:00:00+05:30',
          source: 'helpline_1098',
          text: 'Synthetic caller: the agent answers on 98123 70001 at night.',
        },
      });
      assert.equal(tip.statusCode, 201, tip.body);
      const tipRead = await app.inject({
        method: 'GET',
        url: `/api/v1/tips/${tip.json().id}`,
        headers: io.headers,
      });
      assert.equal(tipRead.statusCode, 200, tipRead.body);
      const alerts = await app.inject({
        method: 'GET',
        url: '/api/v1/grid/alerts?kind=watchlist',
        headers: colleague.headers,
      });
      assert.equal(alerts.json().items[0]?.other.record_kind, 'tip', alerts.body);
      const sessions = await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: io.headers });
      assert.equal(sessions.statusCode, 200, sessions.body);
    } finally {
      await app.close();
    }
    const events = await database.db
      .selectFrom('audit_events')
      .select('action')
      .where('agency_id', '=', agency.id)
      .execute();
    assert.ok(events.some((e) => e.action === 'case.read'));
    assert.ok(events.some((e) => e.action === 'tip.read'));
    // The daily job: ensure_audit_partitions runs as the owner on the app's behalf.
    assert.deepEqual(await ensureAuditPartitions(database.db, 3), []);
    assert.equal((await ensureAuditPartitions(database.db, 5)).length, 2);
    const report = await verifyAuditLog(database.db);
    assert.equal(report.ok, true, JSON.stringify(report.guards));
  });

  test('it cannot change, remove or truncate audit events, nor switch the triggers off', async () => {
    const { db } = database;
    const denied = /permission denied|must be owner/;
    const partition = (
      await sql<{ p: string }>`
      select relid::regclass::text as p from pg_partition_tree('audit_events') where isleaf limit 1`.execute(
        db,
      )
    ).rows[0]!.p;
    const attempts = [
      sql`alter table audit_events disable trigger audit_events_no_change`,
      sql`alter table audit_events disable trigger all`,
      sql`alter table audit_chain_heads disable trigger audit_chain_heads_guard`,
      sql`update audit_events set action = 'x'`,
      sql`delete from audit_events`,
      sql`truncate audit_events`,
      sql`update ${sql.table(partition)} set action = 'x'`,
      sql`delete from ${sql.table(partition)}`,
      sql`truncate ${sql.table(partition)}`,
      sql`delete from audit_chain_heads`,
      // The history of profile links is appended to, never rewritten (migration 0016).
      sql`update profile_events set reason = 'x'`,
      sql`delete from profile_events`,
      sql`truncate profile_events`,
      sql`set session_replication_role = replica`,
      sql`drop table audit_events`,
      sql`alter table audit_events detach partition audit_events_default`,
      sql`select grant_app_role('childgrid_app')`,
      sql`create table not_ours (x int)`,
    ];
    const passed: string[] = [];
    for (const attempt of attempts) {
      const text = attempt.compile(db).sql;
      try {
        await attempt.execute(db);
        passed.push(text);
      } catch (err) {
        assert.match(String(err), denied, text);
      }
    }
    assert.deepEqual(passed, [], 'statements the application role should not be allowed');
    // The head it may update only moves forward with a new event.
    await assert.rejects(db.updateTable('audit_chain_heads').set({ seq: 0 }).execute(), /only moves forward/);
  });

  test('start-up refuses an application role that owns the tables or is a superuser', async () => {
    const config = testConfig({ DATABASE_URL: urlFor(name), MIGRATION_DATABASE_URL: urlFor(name) });
    await assert.rejects(openAndMigrate(config), (err: unknown) => {
      assert.ok(err instanceof Error);
      assert.match(err.message, /superuser|owns the tables/);
      return true;
    });
    await assert.rejects(grantAppRole(database.db, 'no_such_role_here'), /does not exist|permission denied/);
  });

  test('MIGRATION_DATABASE_URL needs DATABASE_URL', () => {
    assert.throws(() => testConfig({ MIGRATION_DATABASE_URL: urlFor(name) }), ConfigError);
  });
});
