import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import type { AgencyKind } from '../src/db/schema.ts';
import type { Actor } from '../src/modules/access/actor.ts';
import type { Role } from '../src/modules/access/roles.ts';
import { addUser, createApiToken } from '../src/modules/auth/auth.service.ts';
import { loadKeyring } from '../src/modules/keys/keyring.ts';
import { newId } from '../src/shared/ids.ts';

/**
 * Test tiers (house style): small tests import modules directly; medium tests run the same suite on every
 * database — PGlite always, and the PostgreSQL server when reachable (always in CI, where its absence fails).
 */
export const PG_ADMIN_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const inCi = process.env.CI === 'true';

let pgAvailable: Promise<boolean> | undefined;
export function postgresAvailable(): Promise<boolean> {
  pgAvailable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  })();
  return pgAvailable;
}

export interface TestDatabase {
  database: Database;
  drop(): Promise<void>;
}

/** A fresh, migrated database: in-memory PGlite, or a new PostgreSQL database dropped afterwards. */
export async function freshDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    await migrate(database);
    return { database, drop: () => database.close() };
  }
  const name = `childgrid_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrate(database);
  return {
    database,
    drop: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface DbContext {
  kind: 'pglite' | 'postgres';
  database: Database;
}

/**
 * Declares the suite once per database. `ctx.database` is set in `before`.
 * Without a reachable PostgreSQL the second copy is skipped with a message — except in CI, where it fails.
 */
export function forEachDatabase(title: string, body: (ctx: DbContext) => void): void {
  for (const kind of ['pglite', 'postgres'] as const) {
    describe(`${title} [${kind}]`, async () => {
      if (kind === 'postgres' && !(await postgresAvailable())) {
        if (inCi)
          throw new Error(
            `PostgreSQL is not reachable at ${PG_ADMIN_URL}, and CI must run every suite on it`,
          );
        describe.skip(`PostgreSQL not reachable at ${PG_ADMIN_URL} (set PG_TEST_URL); suite skipped`, () => {});
        return;
      }
      const ctx = { kind } as DbContext;
      let handle: TestDatabase;
      before(async () => {
        handle = await freshDatabase(kind);
        ctx.database = handle.database;
      });
      after(async () => {
        await handle?.drop();
      });
      body(ctx);
    });
  }
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    MASTER_KEYS: `test:${Buffer.alloc(32, 7).toString('base64')}`,
    DEMO: 'false',
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'silent',
    // Tests sign in many users from one address (127.0.0.1); the per-address limit has its own test.
    SIGN_IN_LIMIT_PER_ADDRESS: '10000',
    // The production default: roles that can reveal or administer must use a second factor (newMfaSession).
    MFA_REQUIRED: 'true',
    // Person matching on write learns a model first (seconds); the grid's own tests turn it on.
    GRID_MATCH_ON_WRITE: 'false',
    ...overrides,
  });
}

export async function testApp(database: Database, config = testConfig()) {
  const keyring = await loadKeyring(database.db, config.masterKeys!);
  return buildApp({ db: database.db, config, version: 'test', keyring });
}

/** An agency of the reference tree or the seed by its code ('MH', 'MH-D490', 'IN'), to make users in. */
export function agencyByCode(database: Database, code: string): Promise<{ id: string; code: string }> {
  return database.db
    .selectFrom('agencies')
    .select(['id', 'code'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
}

/** Factories. */
export async function newAgency(
  database: Database,
  options: { parentCode?: string; kind?: AgencyKind; code?: string } = {},
): Promise<{ id: string; code: string }> {
  const { db } = database;
  const parent = await db
    .selectFrom('agencies')
    .selectAll()
    .where('code', '=', options.parentCode ?? 'MH-D490')
    .executeTakeFirstOrThrow();
  const id = newId();
  const code = options.code ?? `T-${randomBytes(4).toString('hex').toUpperCase()}`;
  await db
    .insertInto('agencies')
    .values({
      id,
      code,
      name: `Test ${options.kind ?? 'police_station'} ${code}`,
      kind: options.kind ?? 'police_station',
      parent_id: parent.id,
      state_lgd_code: parent.state_lgd_code,
      district_lgd_code: parent.district_lgd_code,
    })
    .execute();
  await db
    .insertInto('agency_closure')
    .columns(['ancestor_id', 'descendant_id', 'depth'])
    .expression((eb) =>
      eb
        .selectFrom('agency_closure')
        .select(['ancestor_id', eb.val(id).as('descendant_id'), eb(eb.ref('depth'), '+', 1).as('depth')])
        .where('descendant_id', '=', parent.id),
    )
    .execute();
  await db.insertInto('agency_closure').values({ ancestor_id: id, descendant_id: id, depth: 0 }).execute();
  return { id, code };
}

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  agencyId: string;
  role: Role;
  actor: Actor;
  /** Headers for app.inject with an API token. */
  headers: Record<string, string>;
}

export async function newUser(
  database: Database,
  agency: { id: string; code: string },
  role: Role,
  config = testConfig(),
): Promise<TestUser> {
  const email = `${role}.${randomBytes(4).toString('hex')}@test.example`;
  const { id } = await addUser(database.db, {
    agencyCode: agency.code,
    role,
    email,
    displayName: `Test ${role}`,
    password: TEST_PASSWORD,
  });
  const token = await createApiToken(database.db, config, id, 'test', 1);
  return {
    id,
    email,
    agencyId: agency.id,
    role,
    actor: { userId: id, agencyId: agency.id, role, clientAddress: '127.0.0.1' },
    headers: { authorization: `Bearer ${token}` },
  };
}

/** The TOTP code an authenticator app shows for `secret`, `steps` 30-second steps from now (±1 is accepted). */
export function totpCode(secret: string, steps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + steps * 30_000,
  });
}

export interface MfaSession {
  user: TestUser;
  /** Cookie and CSRF headers of a browser session that proved its second factor just now. */
  headers: Record<string, string>;
  /** The TOTP secret (base32) and the one-time recovery codes. */
  secret: string;
  recoveryCodes: string[];
}

/**
 * A user who set up TOTP, signed in through the browser flow and proved the second factor just now: what routes
 * guarded by `requireFreshMfa` (revealing a victim's identity, creating API tokens) need. `user.headers` still
 * holds an API token, which such routes refuse.
 *
 * ```ts
 * const { headers } = await newMfaSession(app, ctx.database, agency, 'investigating_officer');
 * await app.inject({ method: 'POST', url: `/api/v1/persons/${id}/reveal`, headers, payload });
 * ```
 */
export async function newMfaSession(
  app: FastifyInstance,
  database: Database,
  agency: { id: string; code: string },
  role: Role,
  config = testConfig(),
): Promise<MfaSession> {
  const user = await newUser(database, agency, role, config);
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: user.email, password: TEST_PASSWORD },
  });
  if (signIn.statusCode !== 200) throw new Error(`sign-in failed: ${signIn.body}`);
  const cookie = signIn.cookies.find((c) => c.name === 'cg_session');
  if (!cookie) throw new Error('sign-in set no session cookie');
  const headers = {
    cookie: `cg_session=${cookie.value}`,
    'x-csrf-token': signIn.json().csrf_token as string,
  };
  const setup = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa/setup', headers });
  if (setup.statusCode !== 200) throw new Error(`MFA set-up failed: ${setup.body}`);
  const secret = setup.json().secret as string;
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/mfa/confirm',
    headers,
    payload: { code: totpCode(secret) },
  });
  if (confirm.statusCode !== 200) throw new Error(`MFA confirmation failed: ${confirm.body}`);
  return { user, headers, secret, recoveryCodes: confirm.json().recovery_codes as string[] };
}

/** A minimal valid case body; override any field. */
export function caseBody(overrides: Record<string, unknown> = {}) {
  return {
    fir_number: `${Math.floor(Math.random() * 900 + 100)}/${randomBytes(3).toString('hex')}`,
    registered_at: '2025-03-04T10:15:00+05:30',
    procedure_code: 'BNSS',
    place: 'Near bus stand, Shivajinagar',
    pincode: '411005',
    district_lgd_code: 490,
    offences: ['POCSO-6', 'BNS-143'],
    persons: [
      { role: 'victim', full_name: 'Synthetic Victim One', gender: 'female', age: 15 },
      {
        role: 'accused',
        full_name: 'Ramesh Kumar',
        relation_kind: 's/o',
        relation_name: 'Suresh Kumar',
        gender: 'male',
        age: 34,
        identifiers: [{ kind: 'phone', value: '+91 98765 43210' }],
      },
    ],
    ...overrides,
  };
}
