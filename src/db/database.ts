import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

/**
 * One Kysely database over either PGlite (embedded, persisted in a directory) or a PostgreSQL server.
 * Both drivers are given the same type parsers so that results are identical:
 * int8 becomes a JS number (counts and sums stay far below 2^53), `date` stays a `YYYY-MM-DD` string.
 *
 * ```ts
 * const database = await openDatabase({ dataDir: './data' });
 * await database.db.selectFrom('agencies').selectAll().execute();
 * await database.close();
 * ```
 */
export interface Database {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  /** Runs several SQL statements separated by semicolons, outside any transaction. */
  exec(sqlText: string): Promise<void>;
  /** Raw access for COPY in the benchmark and for tests. */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

const OID_INT8 = 20;
const OID_DATE = 1082;
const OID_NUMERIC = 1700;

function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds JavaScript's safe range`);
  return n;
}
const sharedParsers: Record<number, (value: string) => unknown> = {
  [OID_INT8]: parseInt8,
  [OID_DATE]: (v) => v,
  [OID_NUMERIC]: (v) => Number(v),
};

export interface OpenOptions {
  /** PostgreSQL server URL; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Directory for the embedded database; `undefined` with no URL means in memory (tests). */
  dataDir?: string | undefined;
  /** Pool size for the server driver. */
  poolSize?: number;
}

export class DatabaseLockedError extends Error {}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        sharedParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool
  // replaces it on the next query.
  pool.on('error', (err) => {
    console.error(`PostgreSQL connection lost: ${err.message}`);
  });
  // Fail fast with a clear message when the server is unreachable.
  const client = await pool.connect().catch((err: Error) => {
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${err.message}`);
  });
  client.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    pool,
    exec: async (sqlText) => {
      await pool.query(sqlText);
    },
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  let releaseLock = () => {};
  let pglite: PGlite;
  if (dataDir) {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    releaseLock = acquireDirectoryLock(dir);
    try {
      pglite = await PGlite.create(join(dir, 'pgdata'), { parsers: sharedParsers });
    } catch (err) {
      releaseLock();
      throw err;
    }
  } else {
    pglite = await PGlite.create({ parsers: sharedParsers });
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    pglite,
    exec: async (sqlText) => {
      await pglite.exec(sqlText);
    },
    close: async () => {
      try {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        releaseLock();
      }
    },
  };
}

/**
 * PGlite is a single-process database: two processes writing one directory would corrupt it.
 * A lock file holding the owner's PID refuses the second process; a lock left by a dead process is taken over.
 */
export function acquireDirectoryLock(dir: string): () => void {
  const lockPath = join(dir, 'childgrid.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && processIsAlive(owner)) {
        throw new DatabaseLockedError(
          `The data directory ${dir} is in use by another ChildGrid process (PID ${owner}). ` +
            'Stop that process first, or set DATA_DIR to another directory.',
        );
      }
      if (owner === process.pid) {
        throw new DatabaseLockedError(`The data directory ${dir} is already open in this process.`);
      }
      if (existsSync(lockPath)) rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseLockedError(`Could not lock the data directory ${dir}.`);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
