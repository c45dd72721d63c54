import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { forEachDatabase, newAgency, newUser, type TestUser, testApp } from '../harness.ts';

forEachDatabase('user administration', (ctx) => {
  let app: FastifyInstance;
  let admin: TestUser;
  let io: TestUser;
  let otherAdmin: TestUser;
  let stationId: string;
  before(async () => {
    app = await testApp(ctx.database);
    const station = await newAgency(ctx.database, { parentCode: 'MH-D490', code: 'MH-D490-PSU' });
    stationId = station.id;
    admin = await newUser(ctx.database, station, 'agency_admin');
    io = await newUser(ctx.database, station, 'investigating_officer');
    otherAdmin = await newUser(
      ctx.database,
      await newAgency(ctx.database, { parentCode: 'TG-D501' }),
      'agency_admin',
    );
  });

  test('an agency administrator lists and adds users of their own agency only', async () => {
    const list = (await app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers })).json();
    assert.deepEqual(
      list.items.map((u: { email: string }) => u.email).sort(),
      [admin.email, io.email].sort(),
    );
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        agency_id: stationId,
        role: 'station_house_officer',
        email: 'sho.new@test.example',
        display_name: 'Insp. New',
        password: 'a long enough passphrase',
      },
    });
    assert.equal(made.statusCode, 201, made.body);
    assert.equal(made.json().mfa_enabled, false);
    const sys = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        agency_id: stationId,
        role: 'system_admin',
        email: 'x@test.example',
        display_name: 'X Y',
        password: 'a long enough passphrase',
      },
    });
    assert.equal(sys.statusCode, 403);
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: otherAdmin.headers,
      payload: {
        agency_id: stationId,
        role: 'investigating_officer',
        email: 'y@test.example',
        display_name: 'Y Z',
        password: 'a long enough passphrase',
      },
    });
    assert.equal(elsewhere.statusCode, 400);
    assert.equal(elsewhere.json().error.issues[0].field, 'agency_id');
    const weak = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        agency_id: stationId,
        role: 'investigating_officer',
        email: 'z@test.example',
        display_name: 'Z Z',
        password: 'password1234',
      },
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().error.issues[0].field, 'password');
  });

  test("another agency's user is not found; an officer may not administer", async () => {
    assert.equal(
      (await app.inject({ method: 'GET', url: `/api/v1/users/${io.id}`, headers: otherAdmin.headers }))
        .statusCode,
      404,
    );
    assert.equal(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${io.id}`,
          headers: otherAdmin.headers,
          payload: { disabled: true },
        })
      ).statusCode,
      404,
    );
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/users', headers: io.headers })).statusCode,
      403,
    );
  });

  test('disabling a user ends their sessions and tokens; re-enabling and unlocking work', async () => {
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/cases', headers: io.headers })).statusCode,
      200,
    );
    const off = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${io.id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().disabled, true);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/cases', headers: io.headers })).statusCode,
      401,
    );
    const self = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${admin.id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    assert.equal(self.statusCode, 400);
    await ctx.database.db.updateTable('users').set({ failed_sign_ins: 10 }).where('id', '=', io.id).execute();
    const locked = (
      await app.inject({ method: 'GET', url: `/api/v1/users/${io.id}`, headers: admin.headers })
    ).json();
    assert.equal(locked.locked, true);
    const unlocked = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${io.id}/unlock`,
      headers: admin.headers,
    });
    assert.equal(unlocked.json().locked, false);
    const actions = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', io.id)
      .execute();
    assert.ok(actions.some((a) => a.action === 'user.update'));
  });
});
