/**
 * `npm test`: lint, type check, then every test file with Node's test runner — unit tests, the database
 * suites on PGlite and on the PostgreSQL server, and the browser test in Debian's Chromium.
 *
 * In CI (CI=true) nothing may be skipped: a missing PostgreSQL or Chromium fails the run. On a laptop without
 * them those suites are skipped, each with a message saying so, and the rest still runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';

const inCi = process.env.CI === 'true';
const pgUrl = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(title: string, command: string, args: string[]): void {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(r.status ?? 1);
  }
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `ChildGrid needs Node >= 22 (this is ${process.version}). Run it through npm (npm test), which uses the project's Node.`,
  );
  process.exit(1);
}

const bin = (name: string) => `node_modules/.bin/${name}`;
run('lint and format (biome)', bin('biome'), ['check', '.']);
run('type check (server)', bin('tsc'), ['-p', 'tsconfig.json']);
if (existsSync('web/tsconfig.json')) run('type check (web)', bin('tsc'), ['-p', 'web/tsconfig.json']);

const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
const pgReachable = await client.connect().then(
  async () => {
    await client.end();
    return true;
  },
  () => false,
);
if (!pgReachable) {
  if (inCi) {
    console.error(`✖ PostgreSQL is not reachable at ${pgUrl}; CI runs every database suite on it.`);
    process.exit(1);
  }
  console.warn(
    `⚠ PostgreSQL not reachable at ${pgUrl}: the PostgreSQL copies of the database suites will be skipped.`,
  );
}
if (!existsSync(chromium)) {
  if (inCi) {
    console.error(
      `✖ Chromium not found at ${chromium}; CI runs the browser test (apt-get install -y chromium).`,
    );
    process.exit(1);
  }
  console.warn(
    `⚠ Chromium not found at ${chromium}: the browser test will be skipped (apt-get install chromium).`,
  );
}
run('build the web app', process.execPath, [
  'node_modules/vite/bin/vite.js',
  'build',
  '--config',
  'web/vite.config.ts',
  '--logLevel',
  'warn',
]);

const files = process.argv.slice(2);
run('tests (node:test)', process.execPath, [
  '--test',
  '--test-concurrency=2',
  '--test-reporter=spec',
  ...(files.length > 0 ? files : ['src/**/*.test.ts', 'test/**/*.test.ts']),
]);
