import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { recordAudit } from '../../src/modules/audit/audit.repository.ts';
import { newId } from '../../src/shared/ids.ts';
import { newAgency, newUser, type TestUser } from '../harness.ts';
import { asAttacker } from './attacker.ts';

/** `childgrid audit …` as the operator runs it: a separate process on an embedded database directory. */
const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'childgrid-audit-cli-'));
const dataDir = join(dir, 'data');
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };

function childgrid(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'src/cli/index.ts'), ...args], { env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Opens the directory in this process (the CLI must not be running), and closes it to release the lock. */
async function withData<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir });
  try {
    await migrate(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

describe('childgrid audit (command line)', () => {
  let officer: TestUser;
  const victimId = newId();
  let eventIds: string[] = [];

  before(async () => {
    await withData(async (database) => {
      const station = await newAgency(database, { parentCode: 'MH-D490' });
      officer = await newUser(database, station, 'cwc_member');
      const actor = { ...officer.actor, clientAddress: '10.1.2.3' };
      await recordAudit(database.db, actor, {
        action: 'person.read',
        recordKind: 'person',
        recordId: victimId,
      });
      await recordAudit(database.db, actor, {
        action: 'person.reveal',
        recordKind: 'person',
        recordId: victimId,
        recordAgencyId: station.id,
        purpose: 'Care plan review | CWC sitting',
      });
      await recordAudit(database.db, actor, { action: 'case.read', recordKind: 'case', recordId: newId() });
      const rows = await database.db
        .selectFrom('audit_events')
        .select('id')
        .where('agency_id', '=', station.id)
        .orderBy('seq')
        .execute();
      eventIds = rows.map((r) => r.id);
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('verify exits 0 with a summary on an intact log, saving the chain heads and checking them next time', () => {
    const heads = join(dir, 'heads.json');
    const r = childgrid(['audit', 'verify', '--save-heads', heads]);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /Audit log intact: \d+ chain\(s\), \d+ event\(s\) checked/);
    const saved = JSON.parse(readFileSync(heads, 'utf8'));
    assert.equal(saved.format, 'childgrid-audit-heads-v1');
    assert.ok(Object.values(saved.chains).some((c) => (c as { seq: number }).seq === 3));
    const again = childgrid(['audit', 'verify', '--heads', heads]);
    assert.equal(again.code, 0, again.out + again.err);
    assert.match(again.out, /every saved head still in its chain/);
    writeFileSync(heads, '{"format": "something else"}');
    const bad = childgrid(['audit', 'verify', '--heads', heads]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /--heads: .*heads\.json is not a heads file \(format: /);
  });

  test("who-saw prints who read and revealed a child's record, why and from where", () => {
    const r = childgrid(['audit', 'who-saw', '--record', victimId]);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    assert.match(lines[0] ?? '', /^when \(IST\)\s+user\s+agency\s+role\s+action\s+purpose\s+from$/);
    assert.match(lines[2] ?? '', /person\.reveal\s+Care plan review \| CWC sitting\s+10\.1\.2\.3$/);
    assert.match(lines[2] ?? '', new RegExp(officer.email.replace(/\./g, '\\.')));
    assert.match(lines[3] ?? '', /cwc_member\s+person\.read\s+10\.1\.2\.3$/);
    assert.equal(lines.length, 4, 'the case read is not about this record');
  });

  test('user prints what a user looked at', () => {
    const r = childgrid(['audit', 'user', '--email', officer.email.toUpperCase()]);
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.out,
      new RegExp(`Test cwc_member <${officer.email.replace(/\./g, '\\.')}>, cwc_member, T-`),
    );
    assert.match(r.out, /case\.read\s+case [0-9a-f-]{36}\s+10\.1\.2\.3/);
    assert.match(r.out, new RegExp(`person\\.reveal\\s+person ${victimId}\\s+Care plan review`));
  });

  test('bad arguments are refused naming the option', () => {
    const bad = childgrid(['audit', 'who-saw', '--record', 'not-a-uuid']);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /--record: must be a UUID/);
    const noAgency = childgrid(['audit', 'verify', '--agency', 'NOPE']);
    assert.equal(noAgency.code, 1);
    assert.match(noAgency.err, /--agency: no agency with code NOPE/);
    const nobody = childgrid(['audit', 'user', '--email', 'nobody@example.org']);
    assert.equal(nobody.code, 1);
    assert.match(nobody.err, /User not found/);
  });

  test('partitions makes the months ahead and moves old events out of the default; verify still passes', async () => {
    await withData(async (database) => {
      await database.db
        .insertInto('audit_events')
        .values({
          occurred_at: '2018-03-10T04:30:00.123456Z',
          id: newId(),
          agency_id: officer.agencyId,
          role: 'cwc_member',
          action: 'case.read',
        })
        .execute();
    });
    const r = childgrid(['audit', 'partitions', '--months-ahead', '5', '--move-default']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Moved 1 event\(s\) into audit_events_2018_03\./);
    assert.match(r.out, /Created audit_events_\d{4}_\d\d, audit_events_\d{4}_\d\d\./);
    assert.match(r.out, /audit_events_2018_03 +2018-03-01 to 2018-04-01/);
    assert.equal(childgrid(['audit', 'verify']).code, 0);
    const again = childgrid(['audit', 'partitions']);
    assert.match(again.out, /No partition to create\./);
    assert.match(childgrid(['audit', 'partitions', '--months-ahead', '40']).err, /--months-ahead/);
  });

  test('verify exits 1 naming the first altered event', async () => {
    const target = eventIds[1]!;
    await withData((database) =>
      asAttacker(database.db, async (tx) => {
        await sql`update audit_events set purpose = 'Routine' where id = ${target}`.execute(tx);
      }),
    );
    const r = childgrid(['audit', 'verify']);
    assert.equal(r.code, 1, r.out + r.err);
    assert.match(
      r.out,
      new RegExp(`BROKEN chain of T-\\w+ \\(agency [0-9a-f-]+\\): altered: event ${target} \\(sequence 2, `),
    );
    assert.match(r.out, /Audit log NOT intact: 1 broken chain\(s\)/);
  });
});
