import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';

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

/** Opens the configured database and brings its schema and reference data up to date. */
export async function openAndMigrate(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
