import { Kysely, PGliteDialect } from 'kysely';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { memoryKeyring } from '../shared/envelope.ts';

/** The OpenAPI document as the routes declare it; no database is opened (routes are only registered). */
export async function generateOpenApi(): Promise<Record<string, unknown>> {
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
    keyring: memoryKeyring(),
  });
  await app.ready();
  const doc = JSON.parse(JSON.stringify(app.swagger())) as Record<string, unknown>;
  await app.close();
  return doc;
}

/** The web client's TypeScript types, generated from the document by openapi-typescript. */
export async function generateClientTypes(doc: Record<string, unknown>): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0]);
  return `// Generated from docs/openapi.json by \`npm run openapi\`; do not edit.\n${astToString(ast)}`;
}
