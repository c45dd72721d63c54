/**
 * Import benchmark (issue 2): 100,000 synthetic cases with their persons and identifiers through the import
 * path (JSON Lines text → parse and validate → one all-or-nothing transaction), on PGlite and on PostgreSQL,
 * beside the raw COPY rate into the same tables, measured in the same run on the same rows.
 * Anchor: the import path should reach at least a third of raw COPY.
 *
 *   npm run bench:import -- [--cases 100000] [--only pglite|postgres]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { systemActor } from '../src/modules/access/system-actor.ts';
import { addAgencies } from '../src/modules/demo/demo.ts';
import { importRecords } from '../src/modules/imports/import.service.ts';
import { parseJsonLines } from '../src/modules/imports/import-format.ts';
import { loadKeyring } from '../src/modules/keys/keyring.ts';
import type { SyntheticAgency } from '../src/modules/synthetic/generate.ts';
import { writeSyntheticFiles } from '../src/modules/synthetic/generate.ts';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const cases = Number(arg('cases') ?? 100_000);
const only = arg('only');
const pgAdmin = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// Everything the import path writes per case: the records, the screening keys of every person (person_keys) and
// the grid alerts its correlation raises.
const tables = ['cases', 'case_offences', 'persons', 'identifiers', 'person_keys', 'grid_alerts'] as const;

const work = mkdtempSync(join(tmpdir(), 'childgrid-bench-'));
console.log(`Generating ${cases.toLocaleString('en-IN')} synthetic cases…`);
let t = performance.now();
const files = writeSyntheticFiles(join(work, 'data'), { cases, seed: 42 });
console.log(`  generated in ${((performance.now() - t) / 1000).toFixed(1)} s → ${files.records}`);
const text = readFileSync(files.records, 'utf8');
const agencies = JSON.parse(readFileSync(files.agencies, 'utf8')) as SyntheticAgency[];

async function rowCount(database: Database): Promise<number> {
  let n = 0;
  for (const table of tables) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(database.db);
    n += r.rows[0]?.n ?? 0;
  }
  return n;
}

async function copyOut(database: Database, table: string): Promise<Buffer> {
  if (database.pglite) {
    const r = await database.pglite.query(`copy ${table} to '/dev/blob' with (format binary)`);
    return Buffer.from(await (r.blob as Blob).arrayBuffer());
  }
  const client = await database.pool!.connect();
  try {
    const chunks: Buffer[] = [];
    await pipeline(
      client.query(copyTo(`copy ${table} to stdout with (format binary)`)),
      new Writable({
        write(chunk, _enc, cb) {
          chunks.push(chunk);
          cb();
        },
      }),
    );
    return Buffer.concat(chunks);
  } finally {
    client.release();
  }
}

async function copyIn(database: Database, table: string, data: Buffer): Promise<void> {
  if (database.pglite) {
    await database.pglite.query(`copy ${table} from '/dev/blob' with (format binary)`, [], {
      blob: new Blob([data]),
    });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await pipeline(
      Readable.from([data]),
      client.query(copyFrom(`copy ${table} from stdin with (format binary)`)),
    );
  } finally {
    client.release();
  }
}

async function measure(kind: 'pglite' | 'postgres') {
  let database: Database;
  let drop = async () => {};
  if (kind === 'pglite') {
    database = await openDatabase({ dataDir: join(work, 'pglite') });
  } else {
    const name = `childgrid_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgAdmin });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(pgAdmin);
    url.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: url.toString() });
    drop = async () => {
      const a = new pg.Client({ connectionString: pgAdmin });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  }
  try {
    await migrate(database);
    await addAgencies(database.db, agencies);
    const actor = await systemActor(database.db);
    const keyring = await loadKeyring(database.db, `bench:${Buffer.alloc(32, 1).toString('base64')}`);

    t = performance.now();
    const parsed = parseJsonLines(text);
    if (parsed.errors.length > 0)
      throw new Error(`generated data has errors: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
    const parseSeconds = (performance.now() - t) / 1000;
    const summary = await importRecords(database.db, keyring, actor, parsed.records, {
      name: 'bench',
      text: '',
      format: 'jsonl',
    });
    const importSeconds = (performance.now() - t) / 1000;
    const rows = await rowCount(database);

    // Raw COPY: the same rows, dumped with COPY TO, the tables emptied, then loaded with COPY FROM.
    const dumps = new Map<string, Buffer>();
    for (const table of tables) dumps.set(table, await copyOut(database, table));
    console.log(
      `  import path  ${importSeconds.toFixed(1)} s for ${rows.toLocaleString('en-IN')} rows (before COPY)`,
    );
    await sql`truncate grid_alerts, person_keys, consents, identifiers, persons, case_offences, cases cascade`.execute(
      database.db,
    );
    t = performance.now();
    for (const table of tables) await copyIn(database, table, dumps.get(table)!);
    const copySeconds = (performance.now() - t) / 1000;
    const copied = await rowCount(database);
    if (copied !== rows) throw new Error(`COPY loaded ${copied} rows, import wrote ${rows}`);

    const importRate = rows / importSeconds;
    const copyRate = rows / copySeconds;
    console.log(
      `\n${kind.padEnd(8)} ${summary.cases.toLocaleString('en-IN')} cases, ${summary.persons.toLocaleString('en-IN')} persons, ` +
        `${summary.identifiers.toLocaleString('en-IN')} identifiers (${rows.toLocaleString('en-IN')} rows incl. offences)`,
    );
    console.log(
      `  import path  ${importSeconds.toFixed(1)} s (parse+validate ${parseSeconds.toFixed(1)} s) = ${Math.round(summary.cases / importSeconds).toLocaleString('en-IN')} cases/s, ${Math.round(importRate).toLocaleString('en-IN')} rows/s`,
    );
    console.log(
      `  raw COPY     ${copySeconds.toFixed(1)} s = ${Math.round(copyRate).toLocaleString('en-IN')} rows/s`,
    );
    const ratio = importRate / copyRate;
    console.log(
      `  ratio        ${ratio.toFixed(2)} of raw COPY   (anchor: ≥ 0.33)   ${ratio >= 1 / 3 ? 'MET' : 'NOT MET'}`,
    );
  } finally {
    await database.close();
    await drop();
  }
}

try {
  if (only !== 'postgres') await measure('pglite');
  if (only !== 'pglite') await measure('postgres');
} finally {
  rmSync(work, { recursive: true, force: true });
}
