import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import {
  agencyByCode,
  caseBody,
  forEachDatabase,
  newAgency,
  newMfaSession,
  newUser,
  TEST_PASSWORD,
  type TestUser,
  testApp,
} from '../harness.ts';

forEachDatabase('cases API', (ctx) => {
  let app: FastifyInstance;
  let io: TestUser;
  let otherIo: TestUser;
  let supervisor: TestUser;
  let cwc: TestUser;
  let caseId: string;
  let station: { id: string; code: string };

  before(async () => {
    app = await testApp(ctx.database);
    station = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const otherStation = await newAgency(ctx.database, { parentCode: 'TG-D501' });
    io = await newUser(ctx.database, station, 'investigating_officer');
    otherIo = await newUser(ctx.database, otherStation, 'investigating_officer');
    const district = await agencyByCode(ctx.database, 'MH-D490');
    supervisor = await newUser(ctx.database, district, 'district_supervisor');
    cwc = await newUser(
      ctx.database,
      await newAgency(ctx.database, { parentCode: 'MH-D490', kind: 'cwc' }),
      'cwc_member',
    );
  });

  test('an officer registers a case with offences, persons and identifiers', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: io.headers,
      payload: caseBody({ fir_number: '101/2025' }),
    });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    caseId = body.id;
    assert.equal(body.fir_number, '101/2025');
    assert.equal(body.state_lgd_code, 27, 'state follows the district');
    assert.equal(body.district_name, 'Pune');
    assert.deepEqual(body.offences, ['BNS-143', 'POCSO-6']);
    assert.deepEqual(body.person_counts, { victim: 1, accused: 1 });
    const accused = body.persons.find((p: { role: string }) => p.role === 'accused');
    assert.equal(accused.identifiers[0].normalised, '+919876543210');
    assert.equal(accused.age_recorded_on, '2025-03-04', 'age is dated by the registration when not given');
    assert.equal(body.version, 1);

    // The date an age was stated cannot be taken away from the age (check persons_age_dated): a clear 400.
    const undated = await app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${accused.id}`,
      headers: io.headers,
      payload: { version: accused.version, age_recorded_on: null },
    });
    assert.equal(undated.statusCode, 400, undated.body);
    assert.match(undated.body, /age_recorded_on/);
    const both = await app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${accused.id}`,
      headers: io.headers,
      payload: { version: accused.version, age: null, age_recorded_on: null },
    });
    assert.equal(both.statusCode, 200, both.body);
    assert.equal(both.json().age, null);
  });

  test('the case is in the list, filterable and paginated by cursor', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: io.headers,
        payload: caseBody({
          fir_number: `20${i}/2025`,
          registered_at: `2025-0${i + 4}-01T09:00:00+05:30`,
          offences: ['ITPA-5'],
        }),
      });
      assert.equal(r.statusCode, 201, r.body);
    }
    const all = await app.inject({ method: 'GET', url: '/api/v1/cases?limit=2', headers: io.headers });
    assert.equal(all.statusCode, 200);
    const page1 = all.json();
    assert.equal(page1.items.length, 2);
    assert.ok(page1.next_cursor);
    assert.ok(page1.items[0].registered_at >= page1.items[1].registered_at, 'newest first');
    const page2 = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/cases?limit=2&cursor=${page1.next_cursor}`,
        headers: io.headers,
      })
    ).json();
    const page3 = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/cases?limit=2&cursor=${page2.next_cursor}`,
        headers: io.headers,
      })
    ).json();
    const ids = [...page1.items, ...page2.items, ...page3.items].map((c: { id: string }) => c.id);
    assert.equal(new Set(ids).size, 5, 'pages neither repeat nor skip');
    assert.equal(page3.next_cursor, null);
    const byFir = (
      await app.inject({ method: 'GET', url: '/api/v1/cases?q=101%2F2025', headers: io.headers })
    ).json();
    assert.deepEqual(
      byFir.items.map((c: { id: string }) => c.id),
      [caseId],
    );
    const search = async (q: string, purpose?: string) =>
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/cases?q=${encodeURIComponent(q)}${purpose ? `&purpose=${encodeURIComponent(purpose)}` : ''}`,
          headers: io.headers,
        })
      ).json().items.length;
    assert.equal(await search('ramesh kumar'), 0, 'without a stated purpose a name matches nothing');
    assert.equal(
      await search('ramesh kumar', 'Suspect in our FIR 77/2025'),
      5,
      "with a purpose, an accused's name finds the cases",
    );
    assert.equal(await search('098765-43210'), 5, 'a phone in another spelling finds the cases');
    assert.equal(
      await search('Synthetic Victim', 'Looking for the child'),
      0,
      "a victim's name never finds a case in the list",
    );
    const searches = await ctx.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'case.search')
      .execute();
    assert.ok(searches.length >= 3, 'list searches are audited');
    assert.ok(!JSON.stringify(searches).includes('Victim'), 'the search text is not kept in the audit log');
    const byOffence = (
      await app.inject({ method: 'GET', url: '/api/v1/cases?offence=ITPA-5', headers: io.headers })
    ).json();
    assert.equal(byOffence.items.length, 4);
    const byDate = (
      await app.inject({
        method: 'GET',
        url: '/api/v1/cases?registered_from=2025-05-01&registered_to=2025-06-01',
        headers: io.headers,
      })
    ).json();
    assert.equal(byDate.items.length, 2);
  });

  test("another agency's case is not found, not listed, not changeable", async () => {
    const get = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: otherIo.headers });
    assert.equal(get.statusCode, 404);
    assert.equal(get.json().error.code, 'not_found');
    const list = (await app.inject({ method: 'GET', url: '/api/v1/cases', headers: otherIo.headers })).json();
    assert.equal(list.items.length, 0);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/cases/${caseId}`,
      headers: otherIo.headers,
      payload: { version: 1, status: 'closed' },
    });
    assert.equal(patch.statusCode, 404);
  });

  test("a district supervisor sees the district's station cases", async () => {
    const get = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${caseId}`,
      headers: supervisor.headers,
    });
    assert.equal(get.statusCode, 200);
    const list = (
      await app.inject({ method: 'GET', url: '/api/v1/cases', headers: supervisor.headers })
    ).json();
    assert.equal(list.items.length, 5);
  });

  test('a CWC member may not register a case (wrong role) and sees no police cases', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: cwc.headers,
      payload: caseBody(),
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'forbidden');
    assert.equal(
      (await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: cwc.headers })).statusCode,
      404,
    );
  });

  test('without signing in: 401', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/cases' });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'unauthenticated');
  });

  test('bad input is refused with an error naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ procedure_code: undefined }, 'procedure_code'],
      [{ pincode: '0123' }, 'pincode'],
      [{ registered_at: 'yesterday' }, 'registered_at'],
      [{ offences: ['POCSO-6', 'POCSO-999'] }, 'offences.1'],
      [{ district_lgd_code: 999999 }, 'district_lgd_code'],
      [{ persons: [{ role: 'villain', full_name: 'X' }] }, 'persons.0.role'],
      [
        {
          persons: [
            {
              role: 'accused',
              full_name: 'X',
              identifiers: [{ kind: 'aadhaar_masked', value: '1234 5678 9012' }],
            },
          ],
        },
        'persons.0.identifiers.0.value',
      ],
      [{ unexpected: true }, 'unexpected'],
    ];
    for (const [override, field] of cases) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: io.headers,
        payload: caseBody(override),
      });
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      const err = res.json().error;
      assert.equal(err.code, 'validation_failed');
      assert.ok(
        err.issues.some((i: { field: string }) => i.field === field) || err.message.includes(field),
        `expected an issue naming ${field}, got ${JSON.stringify(err)}`,
      );
      assert.ok(!res.body.includes('    at '), 'no stack trace');
    }
    const dup = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: io.headers,
      payload: caseBody({ fir_number: '101/2025' }),
    });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().error.issues[0].field, 'fir_number');
  });

  test('updates use optimistic concurrency and are audited', async () => {
    const ok = await app.inject({
      method: 'PATCH',
      url: `/api/v1/cases/${caseId}`,
      headers: io.headers,
      payload: { version: 1, status: 'charge_sheeted', offences: ['POCSO-6'] },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, 'charge_sheeted');
    assert.equal(ok.json().version, 2);
    assert.deepEqual(ok.json().offences, ['POCSO-6']);
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/v1/cases/${caseId}`,
      headers: io.headers,
      payload: { version: 1, status: 'closed' },
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'version_conflict');
    const events = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'user_id'])
      .where('record_id', '=', caseId)
      .execute();
    const actions = events.map((e) => e.action);
    assert.ok(actions.includes('case.create'));
    assert.ok(actions.includes('case.update'));
    assert.ok(actions.includes('case.read'));
    assert.ok(events.every((e) => e.user_id !== null));
  });

  test('cookie sessions: sign in, CSRF required on writes, sign out revokes', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: io.email, password: 'wrong password!!' },
    });
    assert.equal(bad.statusCode, 401);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: io.email.toUpperCase(), password: TEST_PASSWORD },
    });
    assert.equal(res.statusCode, 200, res.body);
    const setCookie = String(res.headers['set-cookie']);
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Strict/i);
    const cookie = setCookie.split(';')[0]!;
    const csrf = res.json().csrf_token;
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    assert.equal(me.json().user.email, io.email);
    // An officer's role must use a second factor: until one is set up, writes are refused.
    const noFactor = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: caseBody(),
    });
    assert.equal(noFactor.statusCode, 403);
    assert.equal(noFactor.json().error.code, 'mfa_setup_required');
    const mfa = await newMfaSession(app, ctx.database, station, 'investigating_officer');
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { cookie: mfa.headers.cookie },
      payload: caseBody(),
    });
    assert.equal(noCsrf.statusCode, 403);
    assert.match(noCsrf.json().error.message, /csrf/i);
    const withCsrf = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: mfa.headers,
      payload: caseBody(),
    });
    assert.equal(withCsrf.statusCode, 201, withCsrf.body);
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    assert.equal(out.statusCode, 204);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode,
      401,
    );
  });
});
