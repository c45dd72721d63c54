import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Config, ConfigError } from './config.ts';
import { connectionRole, grantAppRole } from './db/app-role.ts';
import { type Database, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { ensureAuditPartitions } from './modules/audit/audit-partitions.ts';

/**
 * The session secret: from SESSION_SECRET, or generated once and kept in DATA_DIR (mode 600) so that
 * sessions survive restarts. Several servers sharing one PostgreSQL must be given the same SESSION_SECRET.
 */
export function resolveSessionSecret(config: Config): Config {
  if (config.sessionSecret) return config;
  const dir = resolve(config.dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return Object.freeze({ ...config, sessionSecret: readFileSync(file, 'utf8').trim() });
}

/**
 * The master keys: from MASTER_KEYS, or for a single-machine installation one generated once into
 * DATA_DIR/master-keys (mode 600). Whoever loses it loses the victims' identities: back it up apart from the data.
 */
export function resolveMasterKeys(config: Config): Config {
  if (config.masterKeys) return config;
  const dir = resolve(config.dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'master-keys');
  if (!existsSync(file)) {
    writeFileSync(file, `m1:${randomBytes(32).toString('base64')}`, { mode: 0o600 });
  }
  return Object.freeze({ ...config, masterKeys: readFileSync(file, 'utf8').trim() });
}

/** Secrets that are generated on first start when not configured. */
export function resolveSecrets(config: Config): Config {
  return resolveMasterKeys(resolveSessionSecret(config));
}

/**
 * Opens the configured database and brings its schema and reference data up to date, and the audit log's
 * monthly partitions ahead of time. With MIGRATION_DATABASE_URL the owner's connection does that work and grants
 * the application's role (DATABASE_URL's user) its rights, then closes; the returned database is the
 * application's, which owns nothing.
 */
export async function openAndMigrate(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (config.migrationDatabaseUrl) {
      const app = await connectionRole(database.db);
      await withOwner(config, async (owner) => {
        await grantAppRole(owner.db, app.role);
      });
      const after = await connectionRole(database.db);
      if (after.superuser || after.ownsTables) {
        throw new ConfigError(
          `DATABASE_URL connects as ${after.role}, which ${after.superuser ? 'is a superuser' : 'owns the tables'}: ` +
            'with MIGRATION_DATABASE_URL set, give the application a role that owns nothing (childgrid db grant-app-role)',
        );
      }
    } else {
      await migrate(database);
      await ensureAuditPartitions(database.db);
    }
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/**
 * Runs `fn` with the tables' owner: MIGRATION_DATABASE_URL when set, else the configured database. The schema is
 * brought up to date and the audit partitions made first.
 */
export async function withOwner<T>(config: Config, fn: (owner: Database) => Promise<T>): Promise<T> {
  const owner = await openDatabase({
    databaseUrl: config.migrationDatabaseUrl ?? config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 1,
  });
  try {
    await migrate(owner);
    await ensureAuditPartitions(owner.db);
    return await fn(owner);
  } finally {
    await owner.close();
  }
}
