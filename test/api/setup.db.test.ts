import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { issueSetupToken, userCount } from '../../src/modules/setup/setup.service.ts';
import { forEachDatabase, testApp, testConfig } from '../harness.ts';

forEachDatabase('first administrator from a one-time set-up token', (ctx) => {
  let app: FastifyInstance;
  before(async () => {
    app = await testApp(ctx.database);
  });

  test('a production installation starts with no users; only the newest token creates the first admin, once', async () => {
    assert.equal(await userCount(ctx.database.db), 0);
    const old = await issueSetupToken(ctx.database.db, testConfig());
    const token = await issueSetupToken(ctx.database.db, testConfig());
    const body = {
      email: 'admin@state.example',
      display_name: 'First Admin',
      password: 'a long enough passphrase',
    };
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...body, token: `${token}x` },
    });
    assert.equal(wrong.statusCode, 403);
    const stale = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...body, token: old },
    });
    assert.equal(stale.statusCode, 403, 'a restart voids the previous token');
    const weak = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...body, token, password: 'short' },
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().error.issues[0].field, 'password');
    const ok = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...body, token } });
    assert.equal(ok.statusCode, 201, ok.body);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...body, token, email: 'second@state.example' },
    });
    assert.equal(again.statusCode, 403);
    assert.equal(await userCount(ctx.database.db), 1);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: body.email, password: body.password },
    });
    assert.equal(signIn.statusCode, 200);
    assert.equal(signIn.json().user.role, 'system_admin');
    assert.equal(signIn.json().user.agency.code, 'IN');
  });

  test('ten wrong passwords lock the account, even against the right one', async () => {
    for (let i = 0; i < 10; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'admin@state.example', password: `wrong ${i}` },
      });
    }
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'admin@state.example', password: 'a long enough passphrase' },
    });
    assert.equal(res.statusCode, 401);
    const failures = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'auth.sign_in_failed')
      .execute();
    assert.equal(failures.length, 11);
  });
});
