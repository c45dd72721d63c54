import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/db/database.ts';
import { TEST_PASSWORD, testConfig } from '../harness.ts';

/** The production setting: roles marked `mfa` must use a second factor (the shared test default is off). */
export function authConfig(overrides: Record<string, string> = {}) {
  return testConfig({ MFA_REQUIRED: 'true', ...overrides });
}

export interface BrowserSession {
  res: LightMyRequestResponse;
  /** Cookie and CSRF headers, as the web app sends them. */
  headers: Record<string, string>;
  token: string;
}

/** Password sign-in as the browser does it; asserts 200. */
export async function browserSignIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
  remoteAddress?: string,
): Promise<BrowserSession> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === 'cg_session');
  assert.ok(cookie, 'sign-in sets the session cookie');
  return {
    res,
    token: cookie.value,
    headers: { cookie: `cg_session=${cookie.value}`, 'x-csrf-token': res.json().csrf_token },
  };
}

export function signInAttempt(app: FastifyInstance, email: string, password: string, remoteAddress?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

export function verifyCode(app: FastifyInstance, headers: Record<string, string>, code: string) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/mfa/verify', headers, payload: { code } });
}

/** Set up TOTP for the signed-in browser session; returns the secret and recovery codes. */
export async function enrol(
  app: FastifyInstance,
  headers: Record<string, string>,
  code: (secret: string) => string,
): Promise<{ secret: string; recoveryCodes: string[]; setup: Record<string, string> }> {
  const setup = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa/setup', headers });
  assert.equal(setup.statusCode, 200, setup.body);
  const body = setup.json();
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/mfa/confirm',
    headers,
    payload: { code: code(body.secret) },
  });
  assert.equal(confirm.statusCode, 200, confirm.body);
  return { secret: body.secret, recoveryCodes: confirm.json().recovery_codes, setup: body };
}

/** Audit events of one action for one user, oldest first. */
export async function auditOf(database: Database, userId: string, action: string) {
  return database.db
    .selectFrom('audit_events')
    .select(['action', 'detail', 'record_id', 'user_id', 'client_address'])
    .where('record_id', '=', userId)
    .where('action', '=', action)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}
