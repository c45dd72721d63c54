import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCaseFlow } from './case-flow.ts';

/**
 * End to end, as a user would start it: `src/main.ts` on an empty DATA_DIR (so the demo is seeded), then
 * Chromium signs in, registers a case and finds it; then the server is stopped with SIGTERM and started
 * again on the same directory, and the case is still there.
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

describe('browser: sign in, register a case, find it; restart keeps it', () => {
  if (!existsSync(chromium)) {
    if (inCi) throw new Error(`Chromium not found at ${chromium}; CI must run the browser test`);
    test.skip(`Chromium not found at ${chromium} (apt-get install chromium); browser test skipped`);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'childgrid-e2e-'));
  let port: number;
  let server: Server;
  let firNumber = '';
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

  test('an officer signs in, registers a case and finds it in the list', async () => {
    const shots = process.env.E2E_SCREENSHOTS ?? join(root, 'test-results');
    const result = await runCaseFlow(
      `http://127.0.0.1:${port}`,
      'io@demo.childgrid.example',
      'childgrid-demo',
      shots,
    );
    assert.match(result.caseId, /^[0-9a-f-]{36}$/);
    firNumber = result.firNumber;
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
    const signIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'io@demo.childgrid.example', password: 'childgrid-demo' }),
    });
    assert.equal(signIn.status, 200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const list = await fetch(`http://127.0.0.1:${port}/api/v1/cases?q=${encodeURIComponent(firNumber)}`, {
      headers: { cookie },
    });
    const body = (await list.json()) as { items: { fir_number: string }[] };
    assert.deepEqual(
      body.items.map((c) => c.fir_number),
      [firNumber],
      'the case made in the browser survived the restart',
    );
  });
});
