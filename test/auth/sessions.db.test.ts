import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { forEachDatabase, newAgency, newUser, testApp, testConfig } from '../harness.ts';
import { authConfig, browserSignIn } from './helpers.ts';

forEachDatabase('sessions: list, revoke, idle and absolute timeouts', (ctx) => {
  let app: FastifyInstance;
  let agency: { id: string; code: string };
  before(async () => {
    app = await testApp(ctx.database, authConfig());
    agency = await newAgency(ctx.database);
  });

  const me = (headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
  const sessionsOf = (headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers });

  test('I see my sessions and tokens with a public id, never the token or its hash', async () => {
    const u = await newUser(ctx.database, agency, 'state_analyst');
    const a = await browserSignIn(app, u.email, undefined, '10.1.2.3');
    const b = await browserSignIn(app, u.email, undefined, '10.9.8.7');
    const res = await sessionsOf(a.headers);
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json().sessions as Array<Record<string, unknown>>;
    assert.equal(list.length, 3, 'two browser sessions and the API token');
    const current = list.filter((s) => s.current);
    assert.equal(current.length, 1);
    assert.equal(current[0]!.client_address, '10.1.2.3');
    assert.equal(current[0]!.kind, 'cookie');
    assert.equal(current[0]!.method, 'password');
    assert.deepEqual(list.map((s) => s.kind).sort(), ['api', 'cookie', 'cookie']);
    for (const s of list) {
      assert.match(String(s.id), /^[0-9a-f-]{36}$/);
      assert.ok(!Number.isNaN(Date.parse(String(s.created_at))));
      assert.ok(!Number.isNaN(Date.parse(String(s.last_seen_at))));
    }
    const text = res.body;
    for (const secret of [a.token, b.token, u.headers.authorization!.slice(7)])
      assert.ok(!text.includes(secret));
    const hashes = await ctx.database.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', u.id)
      .execute();
    for (const h of hashes) assert.ok(!text.includes(h.token_hash));
  });

  test('I revoke one of my sessions; another user’s session is not found and stays alive', async () => {
    const u = await newUser(ctx.database, agency, 'state_analyst');
    const v = await newUser(ctx.database, agency, 'state_analyst');
    const mine = await browserSignIn(app, u.email);
    const myOther = await browserSignIn(app, u.email);
    const theirs = await browserSignIn(app, v.email);
    const otherId = (await sessionsOf(myOther.headers))
      .json()
      .sessions.find((s: { current: boolean }) => s.current).id;
    const theirId = (await sessionsOf(theirs.headers))
      .json()
      .sessions.find((s: { current: boolean }) => s.current).id;

    const foreign = await app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${theirId}`,
      headers: mine.headers,
    });
    assert.equal(foreign.statusCode, 404);
    assert.equal(foreign.json().error.code, 'not_found');
    assert.equal((await me(theirs.headers)).statusCode, 200, 'their session is untouched');
    const missing = await app.inject({
      method: 'DELETE',
      url: '/api/v1/auth/sessions/0190a1b2-0000-7000-8000-000000000000',
      headers: mine.headers,
    });
    assert.equal(missing.statusCode, 404);
    const bad = await app.inject({
      method: 'DELETE',
      url: '/api/v1/auth/sessions/not-an-id',
      headers: mine.headers,
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.issues[0].field, 'id');

    const ok = await app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${otherId}`,
      headers: mine.headers,
    });
    assert.equal(ok.statusCode, 204);
    assert.equal((await me(myOther.headers)).statusCode, 401);
    assert.equal((await me(mine.headers)).statusCode, 200);
    const again = await app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${otherId}`,
      headers: mine.headers,
    });
    assert.equal(again.statusCode, 404, 'already ended');
    const listed = (await sessionsOf(mine.headers)).json().sessions.map((s: { id: string }) => s.id);
    assert.ok(!listed.includes(otherId));

    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(['user_id', 'record_id'])
      .where('action', '=', 'auth.session_revoked')
      .where('record_id', 'in', [otherId, theirId])
      .execute();
    assert.deepEqual(audit, [{ user_id: u.id, record_id: otherId }]);
  });

  test('revoking the API token ends it', async () => {
    const u = await newUser(ctx.database, agency, 'state_analyst');
    const s = await browserSignIn(app, u.email);
    const token = (await sessionsOf(s.headers))
      .json()
      .sessions.find((x: { kind: string }) => x.kind === 'api');
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${token.id}`,
      headers: s.headers,
    });
    assert.equal(res.statusCode, 204);
    assert.equal((await me(u.headers)).statusCode, 401);
  });

  test('a browser session idle for SESSION_IDLE_MINUTES ends; activity within it keeps it', async () => {
    const u = await newUser(ctx.database, agency, 'state_analyst');
    const s = await browserSignIn(app, u.email);
    const idle = testConfig().sessionIdleMinutes;
    const setLastSeen = (minutesAgo: number) =>
      ctx.database.db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(Date.now() - minutesAgo * 60_000) })
        .where('user_id', '=', u.id)
        .where('kind', '=', 'cookie')
        .execute();
    await setLastSeen(idle - 2);
    assert.equal((await me(s.headers)).statusCode, 200);
    const touched = await ctx.database.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('user_id', '=', u.id)
      .where('kind', '=', 'cookie')
      .executeTakeFirstOrThrow();
    assert.ok(Date.now() - new Date(touched.last_seen_at).getTime() < 60_000, 'a request renews last seen');
    await setLastSeen(idle + 1);
    const res = await me(s.headers);
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'unauthenticated');
    const listed = await sessionsOf(u.headers);
    assert.ok(
      listed.json().sessions.every((x: { kind: string }) => x.kind === 'api'),
      'an idle session is no longer listed',
    );
    // API tokens have no idle timeout (a weekly script), only their expiry.
    await ctx.database.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 7 * 86_400_000) })
      .where('user_id', '=', u.id)
      .where('kind', '=', 'api')
      .execute();
    assert.equal((await me(u.headers)).statusCode, 200);
  });

  test('no session outlives SESSION_ABSOLUTE_HOURS, however active; an expired token ends too', async () => {
    const u = await newUser(ctx.database, agency, 'state_analyst');
    const s = await browserSignIn(app, u.email);
    const row = await ctx.database.db
      .selectFrom('sessions')
      .select(['created_at', 'expires_at'])
      .where('user_id', '=', u.id)
      .where('kind', '=', 'cookie')
      .executeTakeFirstOrThrow();
    const lifetimeHours =
      (new Date(row.expires_at!).getTime() - new Date(row.created_at).getTime()) / 3_600_000;
    assert.ok(Math.abs(lifetimeHours - testConfig().sessionAbsoluteHours) < 0.01);
    const cookie = s.res.cookies.find((c) => c.name === 'cg_session')!;
    assert.equal(cookie.maxAge, testConfig().sessionAbsoluteHours * 3600);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');

    // Active a minute ago, but created 12 hours and a minute ago.
    await ctx.database.db
      .updateTable('sessions')
      .set({
        created_at: new Date(Date.now() - (12 * 60 + 1) * 60_000),
        expires_at: new Date(Date.now() - 60_000),
        last_seen_at: new Date(),
      })
      .where('user_id', '=', u.id)
      .execute();
    assert.equal((await me(s.headers)).statusCode, 401);
    assert.equal((await me(u.headers)).statusCode, 401, 'the API token expired too');
  });
});
