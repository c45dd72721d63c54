import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { acquireDirectoryLock, DatabaseLockedError, openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { forEachDatabase } from '../harness.ts';

const root = new URL('../../', import.meta.url).pathname;

forEachDatabase('database layer', (ctx) => {
  test('64-bit integers are numbers and dates are YYYY-MM-DD strings on every driver', async () => {
    const row = await sql<{ n: unknown; d: unknown; big: unknown }>`
      select count(*) as n, date '2024-07-01' as d, 9007199254740991::bigint as big from agencies`.execute(
      ctx.database.db,
    );
    const r = row.rows[0]!;
    assert.equal(typeof r.n, 'number');
    assert.equal(r.n, 1 + 36 + 763, 'national, state and district agencies seeded');
    assert.equal(r.d, '2024-07-01');
    assert.equal(r.big, Number.MAX_SAFE_INTEGER);
    await assert.rejects(sql`select 9007199254740993::bigint as x`.execute(ctx.database.db), /safe range/);
  });

  test('reference data: 36 states/UTs, 763 districts, every district under its state', async () => {
    const { db } = ctx.database;
    const states = await db
      .selectFrom('states')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const districts = await db
      .selectFrom('districts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(states.n, 36);
    assert.equal(districts.n, 763);
    const orphans = await sql<{ n: number }>`select count(*) as n from agencies a
      where a.kind = 'district' and not exists (select 1 from agency_closure c join agencies s on s.id = c.ancestor_id
        where c.descendant_id = a.id and s.kind = 'state' and s.state_lgd_code = a.state_lgd_code)`.execute(
      db,
    );
    assert.equal(orphans.rows[0]?.n, 0);
  });

  test('migrating again is a no-op that keeps agency ids', async () => {
    const before = await ctx.database.db
      .selectFrom('agencies')
      .select(['code', 'id'])
      .orderBy('code')
      .execute();
    const result = await migrate(ctx.database);
    assert.deepEqual(result.applied, []);
    const after = await ctx.database.db
      .selectFrom('agencies')
      .select(['code', 'id'])
      .orderBy('code')
      .execute();
    assert.deepEqual(after, before);
  });

  test('concurrent transactions never interleave: a rollback takes only its own writes', async () => {
    const { db } = ctx.database;
    await sql`create table if not exists tx_probe (label text)`.execute(db);
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const failing = db.transaction().execute(async (tx) => {
      await sql`insert into tx_probe values ('inside')`.execute(tx);
      await gate;
      throw new Error('roll back');
    });
    // Issued while the transaction above is open: on PGlite's single connection it must wait, not join it.
    const outside = sql`insert into tx_probe values ('outside')`.execute(db);
    const counter = Promise.all(
      Array.from({ length: 10 }, (_v, i) =>
        db.transaction().execute(async (tx) => {
          await sql`insert into tx_probe values (${`t${i}`})`.execute(tx);
        }),
      ),
    );
    setTimeout(release, 50);
    await assert.rejects(failing, /roll back/);
    await outside;
    await counter;
    const rows = await sql<{ label: string }>`select label from tx_probe order by label`.execute(db);
    const labels = rows.rows.map((r) => r.label);
    assert.ok(!labels.includes('inside'));
    assert.ok(labels.includes('outside'));
    assert.equal(labels.filter((l) => l.startsWith('t')).length, 10);
  });
});

test('the embedded database keeps its data across a restart, and a second process is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'childgrid-db-'));
  try {
    const first = await openDatabase({ dataDir: dir });
    await migrate(first);
    await sql`create table kept (v text)`.execute(first.db);
    await sql`insert into kept values ('still here')`.execute(first.db);

    // Same process, same directory: refused.
    assert.throws(() => acquireDirectoryLock(dir), DatabaseLockedError);
    // Another process (the CLI) on the same directory: refused with a message that says what to do.
    const other = spawnSync(process.execPath, [join(root, 'src/cli/index.ts'), 'migrate'], {
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    assert.equal(other.status, 1);
    assert.match(other.stderr, /in use by another ChildGrid process/);

    await first.close();
    const again = await openDatabase({ dataDir: dir });
    const rows = await sql<{ v: string }>`select v from kept`.execute(again.db);
    assert.deepEqual(rows.rows, [{ v: 'still here' }]);
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a lock left by a dead process is taken over', () => {
  const dir = mkdtempSync(join(tmpdir(), 'childgrid-lock-'));
  try {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(join(dir, 'childgrid.lock'), dead.stdout);
    const release = acquireDirectoryLock(dir);
    release();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
