import { Kysely, PGliteDialect } from 'kysely';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { DB } from '../db/schema.ts';

/** The OpenAPI document as the routes declare it; no database is opened (routes are only registered). */
export async function generateOpenApi(): Promise<unknown> {
  const db = new Kysely<DB>({
    dialect: new PGliteDialect({
      pglite: () => {
        throw new Error('generating the OpenAPI document needs no database');
      },
    }),
  });
  const app = await buildApp({
    db,
    config: loadConfig({ DEMO: 'false', LOG_LEVEL: 'silent', SESSION_SECRET: 'x'.repeat(32) }),
    version: 'current',
  });
  await app.ready();
  const doc = app.swagger();
  await app.close();
  return doc;
}
