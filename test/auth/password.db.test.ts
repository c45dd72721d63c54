import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { addUser } from '../../src/modules/auth/auth.service.ts';
import { passwordProblem } from '../../src/modules/auth/password.ts';
import { forEachDatabase, newAgency, newUser, TEST_PASSWORD, testApp } from '../harness.ts';
import { auditOf, authConfig, browserSignIn, signInAttempt } from './helpers.ts';

test('password rules (NIST SP 800-63B): length, common passwords, context words; no composition rules', () => {
  assert.equal(passwordProblem('short one'), 'must be at least 12 characters');
  assert.equal(passwordProblem('x'.repeat(257)), 'must be at most 256 characters');
  // Length is counted in characters: twelve Devanagari letters are enough, eleven are not.
  assert.equal(passwordProblem('कखगघङचछजझञटठ'), null);
  assert.equal(passwordProblem('कखगघङचछजझञट'), 'must be at least 12 characters');
  assert.match(passwordProblem('qwerty123456') ?? '', /most common passwords/);
  assert.match(passwordProblem('Password@2024!') ?? '', /most common passwords/, 'a common word decorated');
  assert.match(passwordProblem('sunshinesunshine') ?? '', /most common passwords/, 'a common word twice');
  assert.match(passwordProblem('aaaaaaaaaaaaaaaa') ?? '', /repeats too few characters/);
  assert.match(passwordProblem('my ChildGrid password') ?? '', /name of this service/);
  assert.match(
    passwordProblem('rajesh.kumar is here', { email: 'Rajesh.Kumar@ps.mh.example' }) ?? '',
    /email address/,
  );
  assert.match(
    passwordProblem('my name is Patil okay', { email: 'sp@x.example', displayName: 'SI Vinod Patil' }) ?? '',
    /your name/,
  );
  // No composition rules: lower-case words with spaces are fine.
  assert.equal(
    passwordProblem('correct horse battery staple', { email: 'io@x.example', displayName: 'SI Vinod Patil' }),
    null,
  );
});

forEachDatabase('passwords: rules on every path, change, lockout', (ctx) => {
  let app: FastifyInstance;
  let agency: { id: string; code: string };
  before(async () => {
    app = await testApp(ctx.database, authConfig());
    agency = await newAgency(ctx.database);
  });

  test('accounts cannot be created with a common password, a short one, or one containing the email', async () => {
    const base = { agencyCode: agency.code, role: 'state_analyst', displayName: 'Asha Rao' };
    await assert.rejects(
      addUser(ctx.database.db, { ...base, email: 'asha1@x.example', password: 'iloveyou1234' }),
      (e: Error & { issues?: { field: string }[] }) =>
        e.issues?.[0]?.field === 'password' && /common/.test(e.message),
    );
    await assert.rejects(
      addUser(ctx.database.db, { ...base, email: 'asha2@x.example', password: 'tooshort' }),
      /at least 12/,
    );
    await assert.rejects(
      addUser(ctx.database.db, { ...base, email: 'ashwini.k@x.example', password: 'ashwini.k secret words' }),
      /email address/,
    );
    const ok = await addUser(ctx.database.db, { ...base, email: 'asha3@x.example', password: TEST_PASSWORD });
    assert.ok(ok.id);
  });

  test('changing the password checks the current one and the rules, and ends every other session', async () => {
    const u = await newUser(ctx.database, agency, 'state_analyst');
    const mine = await browserSignIn(app, u.email);
    const other = await browserSignIn(app, u.email);
    const change = (payload: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: mine.headers, payload });

    const wrongCurrent = await change({
      current_password: 'not my password!',
      new_password: 'a new long passphrase',
    });
    assert.equal(wrongCurrent.statusCode, 400);
    assert.equal(wrongCurrent.json().error.issues[0].field, 'current_password');
    const common = await change({ current_password: TEST_PASSWORD, new_password: 'password1234' });
    assert.equal(common.statusCode, 400);
    assert.equal(common.json().error.issues[0].field, 'new_password');
    assert.match(common.json().error.message, /common/);
    const short = await change({ current_password: TEST_PASSWORD, new_password: 'short' });
    assert.equal(short.json().error.issues[0].field, 'new_password');
    const local = u.email.split('@')[0]!;
    const withEmail = await change({
      current_password: TEST_PASSWORD,
      new_password: `${local} and more words`,
    });
    assert.equal(withEmail.statusCode, 400);
    assert.match(withEmail.json().error.message, /email/);
    const same = await change({ current_password: TEST_PASSWORD, new_password: TEST_PASSWORD });
    assert.match(same.json().error.message, /differ/);

    const ok = await change({ current_password: TEST_PASSWORD, new_password: 'a new long passphrase' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().revoked_sessions, 2, 'the other browser session and the API token');
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: mine.headers })).statusCode,
      200,
    );
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: other.headers })).statusCode,
      401,
    );
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: u.headers })).statusCode,
      401,
    );
    assert.equal((await signInAttempt(app, u.email, TEST_PASSWORD)).statusCode, 401);
    await browserSignIn(app, u.email, 'a new long passphrase');

    const changed = await auditOf(ctx.database, u.id, 'auth.password_changed');
    assert.deepEqual(
      changed.map((e) => e.detail),
      [{ revoked_sessions: 2 }],
    );
    assert.equal((await auditOf(ctx.database, u.id, 'auth.password_change_failed')).length, 1);
  });

  test('ten wrong passwords lock the account; the console unlocks it', async () => {
    const u = await newUser(ctx.database, agency, 'ngo_caseworker');
    for (let i = 0; i < 10; i++) {
      const res = await signInAttempt(app, u.email, `wrong password ${i}`);
      assert.equal(res.statusCode, 401);
    }
    const locked = await signInAttempt(app, u.email, TEST_PASSWORD);
    assert.equal(locked.statusCode, 401);
    assert.equal(locked.json().error.code, 'unauthenticated');
    // The same answer as a wrong password: a guesser does not learn the account is locked.
    assert.equal(
      locked.json().error.message,
      (await signInAttempt(app, u.email, 'wrong again')).json().error.message,
    );

    const { unlockUser } = await import('../../src/modules/auth/auth.service.ts');
    const { systemActor } = await import('../../src/modules/access/system-actor.ts');
    const r = await unlockUser(ctx.database.db, await systemActor(ctx.database.db), u.email.toUpperCase());
    assert.equal(r.failedAttempts, 11);
    await browserSignIn(app, u.email);
    await assert.rejects(
      unlockUser(ctx.database.db, await systemActor(ctx.database.db), 'nobody@x.example'),
      /email: no user/,
    );
  });
});
