import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import {
  agencyByCode,
  caseBody,
  forEachDatabase,
  newAgency,
  newUser,
  type TestUser,
  testApp,
} from '../harness.ts';

forEachDatabase('persons, identifiers, agencies and reference API', (ctx) => {
  let app: FastifyInstance;
  let io: TestUser;
  let other: TestUser;
  let prosecutor: TestUser;
  let admin: TestUser;
  let caseId: string;
  let accusedId: string;

  before(async () => {
    app = await testApp(ctx.database);
    const station = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    io = await newUser(ctx.database, station, 'investigating_officer');
    other = await newUser(
      ctx.database,
      await newAgency(ctx.database, { parentCode: 'WB-D303' }),
      'investigating_officer',
    );
    prosecutor = await newUser(ctx.database, station, 'prosecutor');
    const state = await agencyByCode(ctx.database, 'MH');
    admin = await newUser(ctx.database, state, 'system_admin');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: io.headers,
      payload: caseBody(),
    });
    assert.equal(res.statusCode, 201, res.body);
    caseId = res.json().id;
    accusedId = res.json().persons.find((p: { role: string }) => p.role === 'accused').id;
  });

  test('add a buyer to a case, read and correct it', async () => {
    const add = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/persons`,
      headers: io.headers,
      payload: {
        role: 'buyer',
        full_name: 'Mohd. Salim',
        aliases: ['Salim bhai'],
        age: 41,
        identifiers: [{ kind: 'upi', value: 'Salim41@OKAXIS' }],
      },
    });
    assert.equal(add.statusCode, 201, add.body);
    const buyer = add.json();
    assert.equal(buyer.identifiers[0].normalised, 'salim41@okaxis');
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${buyer.id}`,
      headers: io.headers,
      payload: { version: 1, full_name: 'Mohammed Salim' },
    });
    assert.equal(patch.statusCode, 200, patch.body);
    assert.equal(patch.json().full_name, 'Mohammed Salim');
    assert.equal(patch.json().version, 2);
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${buyer.id}`,
      headers: io.headers,
      payload: { version: 1, age: 42 },
    });
    assert.equal(stale.statusCode, 409);
    const list = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/persons?case_id=${caseId}&role=buyer`,
        headers: io.headers,
      })
    ).json();
    assert.deepEqual(
      list.items.map((p: { id: string }) => p.id),
      [buyer.id],
    );
    const search = (
      await app.inject({
        method: 'GET',
        url: '/api/v1/persons?q=salim&purpose=Buyer%20named%20in%20a%20tip%20about%20our%20case',
        headers: io.headers,
      })
    ).json();
    assert.equal(search.items.length, 1);
    const noPurpose = await app.inject({
      method: 'GET',
      url: '/api/v1/persons?q=salim',
      headers: io.headers,
    });
    assert.equal(noPurpose.statusCode, 400);
    assert.equal(noPurpose.json().error.issues[0].field, 'purpose');
    const audited = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'person.search')
      .execute();
    assert.ok(audited.length >= 1, 'name searches are audited');
  });

  test('identifiers: add, find by any spelling, correct', async () => {
    const add = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/identifiers`,
      headers: io.headers,
      payload: { kind: 'vehicle', value: 'mh 12 ab 1234', person_id: accusedId },
    });
    assert.equal(add.statusCode, 201, add.body);
    assert.equal(add.json().normalised, 'MH12AB1234');
    const found = (
      await app.inject({
        method: 'GET',
        url: '/api/v1/identifiers?kind=phone&value=098765-43210',
        headers: io.headers,
      })
    ).json();
    assert.equal(found.items.length, 1);
    assert.equal(found.items[0].person_id, accusedId);
    const fix = await app.inject({
      method: 'PATCH',
      url: `/api/v1/identifiers/${add.json().id}`,
      headers: io.headers,
      payload: { value: 'MH-12-AB-1235' },
    });
    assert.equal(fix.json().normalised, 'MH12AB1235');
    const notInCase = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/identifiers`,
      headers: io.headers,
      payload: { kind: 'phone', value: '9000000001', person_id: '01900000-0000-7000-8000-000000000000' },
    });
    assert.equal(notInCase.statusCode, 400);
    assert.equal(notInCase.json().error.issues[0].field, 'person_id');
    const noKind = await app.inject({
      method: 'GET',
      url: '/api/v1/identifiers?value=123',
      headers: io.headers,
    });
    assert.equal(noKind.statusCode, 400);
    assert.equal(noKind.json().error.issues[0].field, 'kind');
  });

  test("another agency's persons and identifiers are not found", async () => {
    const mine = (
      await app.inject({
        method: 'GET',
        url: '/api/v1/identifiers?kind=phone&value=9876543210',
        headers: io.headers,
      })
    ).json();
    const idfId = mine.items[0].id;
    assert.equal(
      (await app.inject({ method: 'GET', url: `/api/v1/identifiers/${idfId}`, headers: other.headers }))
        .statusCode,
      404,
    );
    assert.equal(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/identifiers/${idfId}`,
          headers: other.headers,
          payload: { value: '9000000009' },
        })
      ).statusCode,
      404,
    );
    assert.equal(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/cases/${caseId}/identifiers`,
          headers: other.headers,
          payload: { kind: 'phone', value: '9000000009' },
        })
      ).statusCode,
      404,
    );
    assert.equal(
      (await app.inject({ method: 'GET', url: `/api/v1/persons/${accusedId}`, headers: other.headers }))
        .statusCode,
      404,
    );
    assert.equal(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/persons/${accusedId}`,
          headers: other.headers,
          payload: { version: 1, age: 1 },
        })
      ).statusCode,
      404,
    );
    assert.equal(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/cases/${caseId}/persons`,
          headers: other.headers,
          payload: { role: 'witness', full_name: 'X Y' },
        })
      ).statusCode,
      404,
    );
    const ids = (
      await app.inject({
        method: 'GET',
        url: '/api/v1/identifiers?kind=phone&value=9876543210',
        headers: other.headers,
      })
    ).json();
    assert.equal(ids.items.length, 0);
    const persons = (
      await app.inject({ method: 'GET', url: '/api/v1/persons', headers: other.headers })
    ).json();
    assert.equal(persons.items.length, 0);
  });

  test('a prosecutor reads but may not write', async () => {
    assert.equal(
      (await app.inject({ method: 'GET', url: `/api/v1/persons/${accusedId}`, headers: prosecutor.headers }))
        .statusCode,
      200,
    );
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/persons`,
      headers: prosecutor.headers,
      payload: { role: 'witness', full_name: 'X Y' },
    });
    assert.equal(res.statusCode, 403);
    const idf = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/identifiers`,
      headers: prosecutor.headers,
      payload: { kind: 'phone', value: '9000000001' },
    });
    assert.equal(idf.statusCode, 403);
    const person = await app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${accusedId}`,
      headers: prosecutor.headers,
      payload: { version: 1, age: 50 },
    });
    assert.equal(person.statusCode, 403);
    const caseChange = await app.inject({
      method: 'PATCH',
      url: `/api/v1/cases/${caseId}`,
      headers: prosecutor.headers,
      payload: { version: 1, status: 'closed' },
    });
    assert.equal(caseChange.statusCode, 403);
    const someId = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/identifiers?case_id=${caseId}`,
        headers: prosecutor.headers,
      })
    ).json().items[0].id;
    const idfChange = await app.inject({
      method: 'PATCH',
      url: `/api/v1/identifiers/${someId}`,
      headers: prosecutor.headers,
      payload: { value: '9000000002' },
    });
    assert.equal(idfChange.statusCode, 403);
  });

  test('agencies: directory, create below an agency in scope, not elsewhere', async () => {
    const list = (
      await app.inject({ method: 'GET', url: '/api/v1/agencies?kind=state&limit=200', headers: io.headers })
    ).json();
    assert.equal(list.items.length, 36, 'all 36 states and union territories');
    const districts = (
      await app.inject({
        method: 'GET',
        url: '/api/v1/reference/districts?state_lgd_code=27',
        headers: io.headers,
      })
    ).json();
    assert.equal(districts.items.length, 36, "Maharashtra's 36 districts");
    const pune = (
      await app.inject({ method: 'GET', url: '/api/v1/agencies?q=MH-D490', headers: io.headers })
    ).json().items[0];
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: admin.headers,
      payload: {
        code: 'MH-D490-PS99',
        name: 'Test Nagar Police Station',
        kind: 'police_station',
        parent_id: pune.id,
        contact_officer: 'PI Test',
      },
    });
    assert.equal(made.statusCode, 201, made.body);
    assert.equal(made.json().district_lgd_code, 490);
    const kolkata = (await app.inject({ method: 'GET', url: '/api/v1/agencies?q=WB', headers: io.headers }))
      .json()
      .items.find((a: { code: string }) => a.code === 'WB');
    const outside = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: admin.headers,
      payload: { code: 'WB-X1', name: 'Elsewhere PS', kind: 'police_station', parent_id: kolkata.id },
    });
    assert.equal(outside.statusCode, 400);
    assert.equal(outside.json().error.issues[0].field, 'parent_id');
    const byOfficer = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: io.headers,
      payload: { code: 'MH-X2', name: 'Nope PS', kind: 'police_station', parent_id: pune.id },
    });
    assert.equal(byOfficer.statusCode, 403);
    const badCode = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: admin.headers,
      payload: { code: 'bad code', name: 'Nope PS', kind: 'police_station', parent_id: pune.id },
    });
    assert.equal(badCode.json().error.issues[0].field, 'code');
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${made.json().id}`,
      headers: admin.headers,
      payload: { contact_phone: '020-2444 0000' },
    });
    assert.equal(patch.json().contact_phone, '020-2444 0000');
    const otherPatch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${kolkata.id}`,
      headers: admin.headers,
      payload: { name: 'Hijacked' },
    });
    assert.equal(otherPatch.statusCode, 404);
  });

  test('reference data carries legal sources and verification tags', async () => {
    const offences = (
      await app.inject({ method: 'GET', url: '/api/v1/reference/offences', headers: io.headers })
    ).json().items;
    const bns144 = offences.find((o: { code: string }) => o.code === 'BNS-144(1)');
    assert.equal(bns144.demand_side, 'yes');
    assert.equal(bns144.tag, 'V');
    assert.match(bns144.source, /BNS-144/);
    assert.ok(
      offences.every((o: { source: string; tag: string }) => o.source && ['V', 'S', 'U'].includes(o.tag)),
    );
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/reference/offences' })).statusCode, 401);
    const codes = offences.map((o: { code: string }) => o.code);
    assert.ok(codes.indexOf('POCSO-4') < codes.indexOf('POCSO-14'), 'sections in number order');
    assert.ok(codes.indexOf('POCSO-23(4)') < codes.indexOf('BNS-64'), 'POCSO first');
    const roles = (
      await app.inject({ method: 'GET', url: '/api/v1/reference/roles', headers: io.headers })
    ).json().items;
    const cwcRole = roles.find((r: { role: string }) => r.role === 'cwc_member');
    assert.equal(cwcRole.scope, 'agency');
    assert.ok(!cwcRole.actions.includes('case:write'));
    const me = (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: io.headers })).json();
    assert.equal(me.user.agency.state_lgd_code, 27);
    assert.equal(me.user.agency.district_lgd_code, 490);
    assert.equal(me.user.role_label, 'Investigating officer');
  });

  test('health, meta and the OpenAPI document', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    assert.deepEqual(health.json(), { status: 'ok' });
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.equal(doc.openapi, '3.1.0');
    for (const path of [
      '/api/v1/cases',
      '/api/v1/cases/{id}',
      '/api/v1/persons/{id}',
      '/api/v1/identifiers',
      '/api/v1/agencies',
    ]) {
      assert.ok(doc.paths[path], `${path} is documented`);
    }
    assert.ok(doc.paths['/api/v1/cases'].post.requestBody, 'request bodies are documented');
    const docs = await app.inject({ method: 'GET', url: '/api/docs' });
    assert.ok([200, 302].includes(docs.statusCode));
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, 'not_found');
  });
});
