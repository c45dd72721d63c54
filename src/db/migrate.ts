import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Database } from './database.ts';
import { seedReferenceData } from './reference/seed-reference.ts';

const migrationsDir = new URL('./migrations/', import.meta.url);

/** Migration files in order: `NNNN-name.sql`, each applied once, in one transaction. */
export function listMigrations(): { version: number; name: string; sql: string }[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{4}-.+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number.parseInt(f.slice(0, 4), 10),
      name: f.replace(/\.sql$/, ''),
      sql: readFileSync(new URL(f, migrationsDir), 'utf8'),
    }));
}

// Any constant works; it only has to be the same for every ChildGrid process on one server.
const MIGRATION_LOCK = 782_114_001;

/**
 * Brings the schema up to date and refreshes reference data (states, districts, offence codes,
 * the national/state/district agencies). Safe to run from several processes at once on PostgreSQL:
 * an advisory lock serialises them.
 */
export async function migrate(database: Database): Promise<{ applied: string[] }> {
  const { db } = database;
  const applied: string[] = [];
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      await sql`create table if not exists schema_migrations (
        version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(
        conn,
      );
      const done = new Set(
        (await sql<{ version: number }>`select version from schema_migrations`.execute(conn)).rows.map(
          (r) => r.version,
        ),
      );
      for (const m of listMigrations()) {
        if (done.has(m.version)) continue;
        await conn.transaction().execute(async (tx) => {
          for (const statement of splitStatements(m.sql)) await sql.raw(statement).execute(tx);
          await sql`insert into schema_migrations (version, name) values (${m.version}, ${m.name})`.execute(
            tx,
          );
        });
        applied.push(m.name);
      }
      await seedReferenceData(conn);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
  return { applied };
}

/**
 * Splits a migration into statements at semicolons that end a line, keeping `$$ … $$` bodies whole.
 * Our migrations are written to that rule; PGlite's extended protocol takes one statement at a time.
 */
export function splitStatements(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let inDollar = false;
  for (const line of text.split('\n')) {
    if (/^\s*--/.test(line) && !inDollar) continue;
    current.push(line);
    const dollars = line.match(/\$\$/g)?.length ?? 0;
    if (dollars % 2 === 1) inDollar = !inDollar;
    if (!inDollar && /;\s*$/.test(line)) {
      const statement = current.join('\n').trim();
      if (statement !== ';') out.push(statement.replace(/;\s*$/, ''));
      current = [];
    }
  }
  const rest = current.join('\n').trim();
  if (rest) out.push(rest);
  return out;
}
