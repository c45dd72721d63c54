import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { apiSession } from './accounts.ts';
import { runCaseFlow } from './case-flow.ts';
import { runDisclosureFlow } from './disclosure-flow.ts';
import { runGridFlow } from './grid-flow.ts';
import { runRegisterFlow } from './register-flow.ts';
import { runRevealFlow } from './reveal-flow.ts';
import { runTipsFlow } from './tips-flow.ts';

/**
 * End to end, as a user would start it: `src/main.ts` on an empty DATA_DIR (so the demo is seeded), then
 * Chromium runs the main journeys — sign in with a second factor, register a case and find it; reveal a
 * victim's identity with a purpose and see it logged; ask another agency for disclosure from a hit and have
 * it approved; screen a person, open the profile and decide a review pair; open a history sheet from a case,
 * watch a phone and be alerted when another agency records it, add to the warning list; record a tip whose phone
 * a colleague watches — then the server is
 * stopped with SIGTERM and started again on the same directory, and the case is still there.
 */
const root = new URL('../../', import.meta.url).pathname;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const inCi = process.env.CI === 'true';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface Server {
  child: ChildProcess;
  output: () => string;
}

async function startServer(dataDir: string, port: number): Promise<Server> {
  const child = spawn(process.execPath, [join(root, 'src/main.ts')], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      DEMO_CASES: '120',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return { child, output: () => out };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy:\n${out}`);
}

function stop(server: Server): Promise<number | null> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve(server.child.exitCode);
    server.child.once('exit', (code) => resolve(code));
    server.child.kill('SIGTERM');
  });
}

const demo = (name: string) => ({ email: `${name}@demo.childgrid.example`, password: 'childgrid-demo' });

describe('browser: sign in, register a case, find it; reveal; disclosure; restart keeps it', () => {
  if (!existsSync(chromium)) {
    if (inCi) throw new Error(`Chromium not found at ${chromium}; CI must run the browser test`);
    test.skip(`Chromium not found at ${chromium} (apt-get install chromium); browser test skipped`);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'childgrid-e2e-'));
  let port: number;
  let server: Server;
  let firNumber = '';
  let caseId = '';
  let victimName = '';
  const shots = process.env.E2E_SCREENSHOTS ?? join(root, 'test-results');
  before(async () => {
    port = await freePort();
    server = await startServer(dataDir, port);
  });
  after(async () => {
    if (server) await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the demo starts and prints its sign-ins', () => {
    assert.match(server.output(), /Demo sign-ins/);
    assert.match(server.output(), /io@demo\.childgrid\.example/);
  });

  test('an officer signs in (setting up a second factor), registers a case and finds it in the list', async () => {
    const result = await runCaseFlow(
      `http://127.0.0.1:${port}`,
      demo('io').email,
      demo('io').password,
      shots,
    );
    assert.match(result.caseId, /^[0-9a-f-]{36}$/);
    firNumber = result.firNumber;
    caseId = result.caseId;
    victimName = result.victimName;
  });

  test("an officer reveals a victim's identity with a purpose; the reveal is logged and audited", async () => {
    assert.ok(caseId, 'needs the case from the first flow');
    const result = await runRevealFlow(
      `http://127.0.0.1:${port}`,
      demo('io'),
      demo('auditor'),
      caseId,
      victimName,
      shots,
    );
    assert.ok(result.purpose.length >= 10);
  });

  test('an AHTU officer asks a station for disclosure from a hit; the station approves it', async () => {
    const result = await runDisclosureFlow(
      `http://127.0.0.1:${port}`,
      demo('ahtu'),
      demo('io'),
      demo('sho'),
      shots,
    );
    assert.notEqual(result.ownerCaseId, result.requesterCaseId);
  });

  test('an officer screens a person, opens the profile and its network, and decides a review pair', async () => {
    const result = await runGridFlow(`http://127.0.0.1:${port}`, demo('io'), demo('ahtu'), shots);
    assert.match(result.profileId, /^[0-9a-f-]{36}$/);
  });

  test('an SHO opens a history sheet from a case, watches a phone and is alerted; an admin adds to the warning list', async () => {
    const result = await runRegisterFlow(
      `http://127.0.0.1:${port}`,
      demo('sho'),
      demo('ahtu'),
      demo('admin'),
      shots,
    );
    assert.match(result.sheetId, /^[0-9a-f-]{36}$/);
  });

  test('an SHO records a tip, keeps the agent’s phone found in it and opens the tip; a watching colleague is alerted', async () => {
    const result = await runTipsFlow(
      `http://127.0.0.1:${port}`,
      demo('sho'),
      demo('io'),
      demo('ahtu'),
      shots,
    );
    assert.match(result.tipId, /^[0-9a-f-]{36}$/);
  });

  test('a second server on the same data directory is refused', async () => {
    const second = spawn(process.execPath, [join(root, 'src/main.ts')], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(await freePort()), DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    second.stderr?.on('data', (d) => {
      err += d;
    });
    const code = await new Promise<number | null>((r) => second.once('exit', r));
    assert.equal(code, 1);
    assert.match(err, /in use by another ChildGrid process/);
  });

  test('SIGTERM closes cleanly, and after a restart the data is still there', async () => {
    const code = await stop(server);
    assert.equal(code, 0, server.output());
    server = await startServer(dataDir, port);
    assert.doesNotMatch(server.output(), /Demo sign-ins/, 'an existing DATA_DIR is not seeded again');
    // The officer set up a second factor in the browser; the API session proves it with the next code.
    const api = await apiSession(`http://127.0.0.1:${port}`, demo('io').email, demo('io').password);
    const body = await api.get<{ items: { fir_number: string }[] }>(
      `/cases?q=${encodeURIComponent(firNumber)}`,
    );
    assert.deepEqual(
      body.items.map((c) => c.fir_number),
      [firNumber],
      'the case made in the browser survived the restart',
    );
  });
});
