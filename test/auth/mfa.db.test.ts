import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../src/modules/access/system-actor.ts';
import { resetMfa } from '../../src/modules/auth/mfa.service.ts';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import { Keyring } from '../../src/shared/envelope.ts';
import {
  forEachDatabase,
  newAgency,
  newMfaSession,
  newUser,
  TEST_PASSWORD,
  testApp,
  testConfig,
  totpCode,
} from '../harness.ts';
import { auditOf, authConfig, browserSignIn, enrol, signInAttempt, verifyCode } from './helpers.ts';

forEachDatabase('TOTP second factor', (ctx) => {
  let app: FastifyInstance;
  let agency: { id: string; code: string };
  before(async () => {
    app = await testApp(ctx.database, authConfig());
    agency = await newAgency(ctx.database);
  });

  test('enrolment gives a secret, an otpauth URI and a QR code; the secret is stored encrypted and bound to the user', async () => {
    const u = await newUser(ctx.database, agency, 'state_analyst');
    const s = await browserSignIn(app, u.email);
    assert.equal(s.res.json().mfa.pending, null, 'a role without mandatory MFA is not blocked');
    assert.equal(s.res.json().mfa.enrolled, false);
    const setup = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa/setup', headers: s.headers });
    assert.equal(setup.statusCode, 200, setup.body);
    const { secret, otpauth_uri, qr_svg } = setup.json();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.match(otpauth_uri, /^otpauth:\/\/totp\/ChildGrid:/);
    assert.ok(otpauth_uri.includes(`secret=${secret}`));
    assert.match(qr_svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);

    const row = await ctx.database.db
      .selectFrom('users')
      .select(['totp_secret', 'totp_enabled_at'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.totp_enabled_at, null, 'not enabled before a code is confirmed');
    assert.ok(row.totp_secret && !row.totp_secret.includes(secret), 'the secret is not stored in clear');
    const keyring = await loadKeyring(ctx.database.db, testConfig().masterKeys!);
    assert.equal(keyring.decrypt(row.totp_secret, `users:${u.id}:totp`), secret);
    assert.throws(() => keyring.decrypt(row.totp_secret!, 'users:someone-else:totp'), /does not decrypt/);
    assert.ok(Keyring.dekIdOf(row.totp_secret));

    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/confirm',
      headers: s.headers,
      payload: { code: totpCode(secret, 5) },
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().error.issues[0].field, 'code');

    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/confirm',
      headers: s.headers,
      payload: { code: totpCode(secret) },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const codes: string[] = ok.json().recovery_codes;
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const c of codes) assert.match(c, /^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored = await ctx.database.db
      .selectFrom('recovery_codes')
      .select('code_hash')
      .where('user_id', '=', u.id)
      .execute();
    assert.equal(stored.length, 10);
    for (const r of stored) for (const c of codes) assert.ok(!r.code_hash.includes(c.replace('-', '')));

    const again = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa/setup', headers: s.headers });
    assert.equal(again.statusCode, 409, 'a second enrolment needs an administrator reset');
    assert.equal((await auditOf(ctx.database, u.id, 'auth.mfa_enabled')).length, 1);
    assert.equal((await auditOf(ctx.database, u.id, 'auth.mfa_failed')).length, 1);
  });

  test('an enrolled user signs in in two steps; a code works once; an older code is refused', async () => {
    const u = await newUser(ctx.database, agency, 'state_analyst');
    const first = await browserSignIn(app, u.email);
    const { secret } = await enrol(app, first.headers, (s) => totpCode(s));

    const s = await browserSignIn(app, u.email);
    assert.equal(s.res.json().mfa.pending, 'mfa_required');
    const blocked = await app.inject({ method: 'GET', url: '/api/v1/cases', headers: s.headers });
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json().error.code, 'mfa_required');
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers });
    assert.equal(me.statusCode, 200, 'me answers while the second factor is pending');
    assert.equal(me.json().mfa.pending, 'mfa_required');

    const code = totpCode(secret, 1);
    const ok = await verifyCode(app, s.headers, code);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().method, 'totp');
    assert.equal(ok.json().mfa.pending, null);
    const cases = await app.inject({ method: 'GET', url: '/api/v1/cases', headers: s.headers });
    assert.equal(cases.statusCode, 200, cases.body);
    const verifiedAt = (
      await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })
    ).json().mfa.verified_at;
    assert.ok(Math.abs(Date.parse(verifiedAt) - Date.now()) < 60_000);

    // Replay: the same code, in another fresh session, inside its time step.
    const other = await browserSignIn(app, u.email);
    const replay = await verifyCode(app, other.headers, code);
    assert.equal(replay.statusCode, 400);
    assert.equal(replay.json().error.issues[0].field, 'code');
    const older = await verifyCode(app, other.headers, totpCode(secret, 0));
    assert.equal(older.statusCode, 400, 'a code from a step before the last one used is refused');
    const stillBlocked = await app.inject({ method: 'GET', url: '/api/v1/cases', headers: other.headers });
    assert.equal(stillBlocked.json().error.code, 'mfa_required');
    const failed = await auditOf(ctx.database, u.id, 'auth.mfa_failed');
    assert.equal(failed.length, 2);
  });

  test('a recovery code works once, in any case and spacing, and is counted down', async () => {
    const u = await newUser(ctx.database, agency, 'national_analyst');
    const first = await browserSignIn(app, u.email);
    const { recoveryCodes } = await enrol(app, first.headers, (s) => totpCode(s));
    const code = recoveryCodes[3]!;

    const s1 = await browserSignIn(app, u.email);
    const ok = await verifyCode(app, s1.headers, ` ${code.toUpperCase().replace('-', ' ')} `);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().method, 'recovery_code');
    assert.equal(ok.json().recovery_codes_left, 9);

    const s2 = await browserSignIn(app, u.email);
    const reused = await verifyCode(app, s2.headers, code);
    assert.equal(reused.statusCode, 400);
    const made = await verifyCode(app, s2.headers, 'abcde-fghjk');
    assert.equal(made.statusCode, 400);
    const another = await verifyCode(app, s2.headers, recoveryCodes[0]!);
    assert.equal(another.statusCode, 200);
    assert.equal(another.json().recovery_codes_left, 8);
    const verified = await auditOf(ctx.database, u.id, 'auth.mfa_verified');
    assert.deepEqual(
      verified.map((e) => (e.detail as { method: string }).method),
      ['recovery_code', 'recovery_code'],
    );
  });

  test('roles that must use MFA are blocked until they set it up, then until they verify it in each session', async () => {
    const io = await newUser(ctx.database, agency, 'investigating_officer');
    const s = await browserSignIn(app, io.email);
    assert.deepEqual(s.res.json().mfa, {
      enrolled: false,
      required: true,
      verified_at: null,
      pending: 'mfa_setup_required',
    });
    for (const [method, url] of [
      ['GET', '/api/v1/cases'],
      ['GET', '/api/v1/agencies'],
      ['GET', '/api/v1/auth/sessions'],
      ['POST', '/api/v1/auth/password'],
    ] as const) {
      const res = await app.inject({
        method,
        url,
        headers: s.headers,
        ...(method === 'POST'
          ? { payload: { current_password: TEST_PASSWORD, new_password: 'x'.repeat(20) } }
          : {}),
      });
      assert.equal(res.statusCode, 403, `${method} ${url}`);
      assert.equal(res.json().error.code, 'mfa_setup_required', `${method} ${url}`);
    }
    const verifyWithout = await verifyCode(app, s.headers, '123456');
    assert.equal(verifyWithout.statusCode, 409, 'nothing to verify before set-up');

    // The API token made for scripts is not interactive: not asked for a second factor.
    const byToken = await app.inject({ method: 'GET', url: '/api/v1/cases', headers: io.headers });
    assert.equal(byToken.statusCode, 200);

    const { secret } = await enrol(app, s.headers, (x) => totpCode(x));
    const now = await app.inject({ method: 'GET', url: '/api/v1/cases', headers: s.headers });
    assert.equal(now.statusCode, 200, 'the session that confirmed the factor counts as verified');

    const next = await browserSignIn(app, io.email);
    assert.equal(next.res.json().mfa.pending, 'mfa_required');
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/cases', headers: next.headers })).json().error.code,
      'mfa_required',
    );
    assert.equal((await verifyCode(app, next.headers, totpCode(secret, 1))).statusCode, 200);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/cases', headers: next.headers })).statusCode,
      200,
    );

    const signOut = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: s.headers });
    assert.equal(signOut.statusCode, 204);

    // A pending session may sign out.
    const pending = await browserSignIn(app, io.email);
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: pending.headers });
    assert.equal(out.statusCode, 204);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: pending.headers })).statusCode,
      401,
    );
  });

  test('with MFA_REQUIRED=false (a demo machine) those roles are not blocked', async () => {
    const relaxed = await testApp(ctx.database, authConfig({ MFA_REQUIRED: 'false' }));
    const io = await newUser(ctx.database, agency, 'investigating_officer');
    const s = await browserSignIn(relaxed, io.email);
    assert.equal(s.res.json().mfa.required, false);
    assert.equal(
      (await relaxed.inject({ method: 'GET', url: '/api/v1/cases', headers: s.headers })).statusCode,
      200,
    );
    await relaxed.close();
  });

  test('API tokens are made only by a session that proved its second factor in the last 15 minutes', async () => {
    const m = await newMfaSession(app, ctx.database, agency, 'investigating_officer');
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: m.headers,
      payload: { label: 'nightly export', days: 7 },
    });
    assert.equal(made.statusCode, 201, made.body);
    const { token, id } = made.json();
    const used = await app.inject({
      method: 'GET',
      url: '/api/v1/cases',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(used.statusCode, 200);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'auth.token_created')
      .where('record_id', '=', id)
      .execute();
    assert.equal(audit.length, 1);

    const byToken = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: m.user.headers,
      payload: { label: 'from a token' },
    });
    assert.equal(byToken.statusCode, 403);
    assert.equal(byToken.json().error.code, 'mfa_required');

    await ctx.database.db
      .updateTable('sessions')
      .set({ mfa_verified_at: new Date(Date.now() - 16 * 60_000) })
      .where('user_id', '=', m.user.id)
      .where('kind', '=', 'cookie')
      .execute();
    const stale = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: m.headers,
      payload: { label: 'later' },
    });
    assert.equal(stale.statusCode, 403);
    assert.equal(stale.json().error.code, 'mfa_required');
    assert.match(stale.json().error.message, /15 minutes/);
    // Step-up: a new code makes it fresh again.
    await ctx.database.db
      .updateTable('users')
      .set({ totp_last_step: null })
      .where('id', '=', m.user.id)
      .execute();
    assert.equal((await verifyCode(app, m.headers, totpCode(m.secret, 1))).statusCode, 200);
    const fresh = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: m.headers,
      payload: { label: 'later' },
    });
    assert.equal(fresh.statusCode, 201);

    const analyst = await newUser(ctx.database, agency, 'state_analyst');
    const a = await browserSignIn(app, analyst.email);
    const noFactor = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: a.headers,
      payload: { label: 'x' },
    });
    assert.equal(noFactor.statusCode, 403);
    assert.equal(noFactor.json().error.code, 'mfa_setup_required');
  });

  test('the MFA endpoints refuse API tokens', async () => {
    const u = await newUser(ctx.database, agency, 'state_analyst');
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/mfa/setup', headers: u.headers });
    assert.equal(res.statusCode, 403);
    const row = await ctx.database.db
      .selectFrom('users')
      .select('totp_secret')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.totp_secret, null);
  });

  test('ten wrong codes lock the account and end the session; unlock and reset-mfa are audited', async () => {
    const u = await newUser(ctx.database, agency, 'prosecutor');
    const first = await browserSignIn(app, u.email);
    const { secret } = await enrol(app, first.headers, (x) => totpCode(x));
    const s = await browserSignIn(app, u.email);
    let last = await verifyCode(app, s.headers, '000000');
    for (let i = 1; i < 10; i++) {
      assert.equal(last.statusCode, 400, `attempt ${i}`);
      last = await verifyCode(app, s.headers, String(100000 + i));
    }
    assert.equal(last.statusCode, 401, 'the tenth wrong code locks the account');
    assert.match(last.json().error.message, /locked/);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode,
      401,
    );
    const locked = await signInAttempt(app, u.email, TEST_PASSWORD);
    assert.equal(locked.statusCode, 401, 'the right password does not open a locked account');

    const admin = await systemActor(ctx.database.db);
    const { unlockUser } = await import('../../src/modules/auth/auth.service.ts');
    assert.deepEqual(await unlockUser(ctx.database.db, admin, u.email), { failedAttempts: 10 });
    const unlocked = await browserSignIn(app, u.email);
    assert.equal((await verifyCode(app, unlocked.headers, totpCode(secret, 1))).statusCode, 200);
    const events = await auditOf(ctx.database, u.id, 'auth.unlocked');
    assert.equal(events.length, 1);
    assert.equal(events[0]!.user_id, null, 'done at the console');
    assert.equal(events[0]!.client_address, 'cli');

    const reset = await resetMfa(ctx.database.db, admin, u.email);
    assert.equal(reset.wasEnrolled, true);
    assert.ok(reset.endedSessions >= 1);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: unlocked.headers })).statusCode,
      401,
      'reset ends the browser sessions',
    );
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/cases', headers: u.headers })).statusCode,
      200,
      'API tokens are kept',
    );
    const after = await browserSignIn(app, u.email);
    assert.equal(after.res.json().mfa.pending, 'mfa_setup_required');
    const codes = await ctx.database.db
      .selectFrom('recovery_codes')
      .select('id')
      .where('user_id', '=', u.id)
      .execute();
    assert.equal(codes.length, 0);
    assert.equal((await auditOf(ctx.database, u.id, 'auth.mfa_reset')).length, 1);
  });
});
