import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { forEachDatabase, newAgency, newUser, testApp } from '../harness.ts';
import { type FakeIdentity, type FakeProvider, startFakeProvider } from './fake-oidc-provider.ts';
import { auditOf, authConfig } from './helpers.ts';

const CLIENT_ID = 'childgrid';
const CLIENT_SECRET = 'test-client-secret-0123456789';
const REDIRECT = 'http://127.0.0.1:8080/api/v1/auth/oidc/callback';

forEachDatabase('single sign-on with OpenID Connect (fake provider on 127.0.0.1)', (ctx) => {
  let op: FakeProvider;
  let app: FastifyInstance;
  let agency: { id: string; code: string };
  before(async () => {
    op = await startFakeProvider(CLIENT_ID, CLIENT_SECRET);
    app = await testApp(
      ctx.database,
      authConfig({
        OIDC_ISSUER: op.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_REDIRECT_URI: REDIRECT,
        OIDC_MFA_AMR: 'otp,hwk',
      }),
    );
    agency = await newAgency(ctx.database);
  });
  after(async () => {
    await app?.close();
    await op?.close();
  });

  /** The browser's round trip: start → provider's page → callback. Returns the callback's answer. */
  async function roundTrip(identity: FakeIdentity, tamper?: (path: string) => string, keepCookie = true) {
    const start = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    assert.equal(start.statusCode, 302, start.body);
    const login = start.cookies.find((c) => c.name === 'cg_oidc');
    assert.ok(login, 'the login cookie is set');
    assert.equal(login.httpOnly, true);
    assert.equal(login.sameSite, 'Lax');
    assert.equal(login.path, '/api/v1/auth/oidc');
    let back = op.authorize(String(start.headers.location), identity);
    if (tamper) back = tamper(back);
    return app.inject({
      method: 'GET',
      url: back,
      headers: keepCookie ? { cookie: `cg_oidc=${login.value}` } : {},
    });
  }

  const sessionCookie = (res: Awaited<ReturnType<typeof roundTrip>>) =>
    res.cookies.find((c) => c.name === 'cg_session' && c.value !== '');

  test('the web app can tell single sign-on is on', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc' });
    assert.deepEqual(res.json(), { enabled: true, start_url: '/api/v1/auth/oidc/start' });
    const plain = await testApp(ctx.database, authConfig());
    assert.deepEqual((await plain.inject({ method: 'GET', url: '/api/v1/auth/oidc' })).json(), {
      enabled: false,
      start_url: null,
    });
    assert.equal((await plain.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' })).statusCode, 404);
    await plain.close();
  });

  test('a verified email matching an account signs in (code flow with PKCE, nonce and state)', async () => {
    const u = await newUser(ctx.database, agency, 'state_analyst');
    const issuedBefore = op.tokensIssued();
    const res = await roundTrip({ sub: 'kc-user-1', email: u.email.toUpperCase(), email_verified: true });
    assert.equal(res.statusCode, 302, res.body);
    assert.equal(res.headers.location, '/');
    assert.equal(op.tokensIssued(), issuedBefore + 1);
    const cookie = sessionCookie(res);
    assert.ok(cookie, 'the session cookie is set');
    assert.equal(cookie.sameSite, 'Strict');
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `cg_session=${cookie.value}` },
    });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.id, u.id);
    assert.equal(me.json().mfa.verified_at, null, 'no MFA claimed by the provider');
    const cases = await app.inject({
      method: 'GET',
      url: '/api/v1/cases',
      headers: { cookie: `cg_session=${cookie.value}` },
    });
    assert.equal(cases.statusCode, 200);
    const row = await ctx.database.db
      .selectFrom('users')
      .select('oidc_subject')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.oidc_subject, `${op.issuer}|kc-user-1`);
    const signIns = await auditOf(ctx.database, u.id, 'auth.sign_in');
    assert.equal((signIns.at(-1)!.detail as { method: string }).method, 'oidc');
    const sessions = await ctx.database.db
      .selectFrom('sessions')
      .select('method')
      .where('user_id', '=', u.id)
      .where('kind', '=', 'cookie')
      .execute();
    assert.deepEqual(sessions, [{ method: 'oidc' }]);

    // Linked to that subject: the same email from another subject is refused.
    const other = await roundTrip({ sub: 'kc-user-2', email: u.email, email_verified: true });
    assert.equal(other.headers.location, '/?sign_in_error=sso_subject_mismatch');
    assert.equal(sessionCookie(other), undefined);
    const failed = await auditOf(ctx.database, u.id, 'auth.sign_in_failed');
    assert.deepEqual(failed.at(-1)!.detail, { method: 'oidc', reason: 'sso_subject_mismatch' });
  });

  test('an unknown email is refused: no account is created, no session', async () => {
    const before = await ctx.database.db.selectFrom('users').select('id').execute();
    const res = await roundTrip({ sub: 'kc-stranger', email: 'stranger@idp.example', email_verified: true });
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, '/?sign_in_error=sso_unknown_user');
    assert.equal(sessionCookie(res), undefined);
    const users = await ctx.database.db.selectFrom('users').select('id').execute();
    assert.equal(users.length, before.length);
  });

  test('an unverified email, a tampered state, or a callback without the login cookie is refused', async () => {
    const u = await newUser(ctx.database, agency, 'state_analyst');
    const unverified = await roundTrip({ sub: 'kc-u3', email: u.email, email_verified: false });
    assert.equal(unverified.headers.location, '/?sign_in_error=sso_email_unverified');
    const tampered = await roundTrip({ sub: 'kc-u3', email: u.email, email_verified: true }, (path) =>
      path.replace(/state=[^&]+/, 'state=forged'),
    );
    assert.equal(tampered.headers.location, '/?sign_in_error=sso_failed');
    assert.equal(sessionCookie(tampered), undefined);
    const noCookie = await roundTrip(
      { sub: 'kc-u3', email: u.email, email_verified: true },
      undefined,
      false,
    );
    assert.equal(noCookie.headers.location, '/?sign_in_error=sso_failed');
    const sessions = await ctx.database.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', u.id)
      .where('kind', '=', 'cookie')
      .execute();
    assert.equal(sessions.length, 0);
  });

  test("the provider's MFA (amr) counts when configured; otherwise an MFA role is asked to set up TOTP", async () => {
    const io = await newUser(ctx.database, agency, 'investigating_officer');
    const withOtp = await roundTrip({
      sub: 'kc-io',
      email: io.email,
      email_verified: true,
      amr: ['pwd', 'otp'],
    });
    const c1 = sessionCookie(withOtp)!;
    const me1 = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `cg_session=${c1.value}` },
    });
    assert.equal(me1.json().mfa.pending, null);
    assert.ok(me1.json().mfa.verified_at);
    assert.equal(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/cases',
          headers: { cookie: `cg_session=${c1.value}` },
        })
      ).statusCode,
      200,
    );

    const pwdOnly = await roundTrip({ sub: 'kc-io', email: io.email, email_verified: true, amr: ['pwd'] });
    const c2 = sessionCookie(pwdOnly)!;
    const blocked = await app.inject({
      method: 'GET',
      url: '/api/v1/cases',
      headers: { cookie: `cg_session=${c2.value}` },
    });
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json().error.code, 'mfa_setup_required');
  });
});
