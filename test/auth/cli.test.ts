import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openDatabase } from '../../src/db/database.ts';

/** `childgrid user unlock` and `user reset-mfa`, run as the operator would, on an embedded database. */
const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'childgrid-auth-cli-'));
const dataDir = join(dir, 'data');
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
const email = 'locked.out@mh.example';

function childgrid(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [join(root, 'src/cli/index.ts'), ...args], {
    env,
    input,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Opens the data directory between commands (the CLI has released its lock by then). */
async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

describe('childgrid user unlock / reset-mfa', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('unlock clears the failure count; reset-mfa removes the factor and recovery codes; both audited', async () => {
    const add = childgrid(
      ['user', 'add', '--agency', 'MH', '--role', 'state_analyst', '--email', email, '--password-stdin'],
      'a long enough passphrase\n',
    );
    assert.equal(add.code, 0, add.err);
    const id = await withDb(async (db) => {
      const u = await db
        .updateTable('users')
        .set({
          failed_sign_ins: 10,
          totp_secret: 'cg1.x.y.z',
          totp_enabled_at: new Date(),
          totp_last_step: 5,
        })
        .where('email', '=', email)
        .returning('id')
        .executeTakeFirstOrThrow();
      return u.id;
    });

    const unlock = childgrid(['user', 'unlock', '--email', email.toUpperCase()]);
    assert.equal(unlock.code, 0, unlock.err);
    assert.match(unlock.out, /Unlocked LOCKED\.OUT@MH\.EXAMPLE \(it had 10 failed attempt/);
    const reset = childgrid(['user', 'reset-mfa', '--email', email]);
    assert.equal(reset.code, 0, reset.err);
    assert.match(reset.out, /Removed the second factor/);
    const unknown = childgrid(['user', 'unlock', '--email', 'nobody@mh.example']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /email: no user nobody@mh\.example/);

    await withDb(async (db) => {
      const u = await db
        .selectFrom('users')
        .select(['failed_sign_ins', 'totp_secret', 'totp_enabled_at', 'totp_last_step'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(u, {
        failed_sign_ins: 0,
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
      });
      const events = await db
        .selectFrom('audit_events')
        .select(['action', 'client_address', 'detail'])
        .where('record_id', '=', id)
        .where('action', 'in', ['auth.unlocked', 'auth.mfa_reset'])
        .orderBy('occurred_at')
        .execute();
      assert.deepEqual(
        events.map((e) => [e.action, e.client_address]),
        [
          ['auth.unlocked', 'cli'],
          ['auth.mfa_reset', 'cli'],
        ],
      );
    });
  });
});
