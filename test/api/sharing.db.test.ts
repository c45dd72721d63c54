import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import { revealPerson } from '../../src/modules/victims/reveal.service.ts';
import {
  agencyByCode,
  caseBody,
  forEachDatabase,
  newAgency,
  newUser,
  type TestUser,
  testApp,
  testConfig,
} from '../harness.ts';

const PHONE = '9812300001';

forEachDatabase('sharing without leaking: distribution, hits, disclosures, groups, referrals', (ctx) => {
  let app: FastifyInstance;
  let ioA: TestUser;
  let adminA: TestUser;
  let ioB: TestUser;
  let ioOtherDistrict: TestUser;
  let ioC: TestUser;
  let cwc: TestUser;
  let cwcAgencyId: string;
  let privateCase: string;
  const get = (u: TestUser, url: string) => app.inject({ method: 'GET', url, headers: u.headers });
  const post = (u: TestUser, url: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url, headers: u.headers, payload });

  before(async () => {
    app = await testApp(ctx.database);
    const stationA = await newAgency(ctx.database, { parentCode: 'MH-D490', code: 'MH-D490-PSA' });
    ioA = await newUser(ctx.database, stationA, 'investigating_officer');
    adminA = await newUser(ctx.database, stationA, 'agency_admin');
    ioB = await newUser(
      ctx.database,
      await newAgency(ctx.database, { parentCode: 'MH-D490', code: 'MH-D490-PSB' }),
      'investigating_officer',
    );
    ioOtherDistrict = await newUser(
      ctx.database,
      await newAgency(ctx.database, { parentCode: 'MH-D482', code: 'MH-D482-PSX' }),
      'investigating_officer',
    );
    ioC = await newUser(
      ctx.database,
      await newAgency(ctx.database, { parentCode: 'WB-D303', code: 'WB-D303-PSC' }),
      'investigating_officer',
    );
    const cwcAgency = await newAgency(ctx.database, {
      parentCode: 'MH-D490',
      code: 'MH-D490-CWCT',
      kind: 'cwc',
    });
    cwcAgencyId = cwcAgency.id;
    cwc = await newUser(ctx.database, cwcAgency, 'cwc_member');
    const res = await post(
      ioA,
      '/api/v1/cases',
      caseBody({
        fir_number: '1/2025',
        summary: 'Synthetic summary: raid at a lodge',
        persons: [
          { role: 'victim', full_name: 'Synthetic Girl One', age: 14, gender: 'female' },
          {
            role: 'accused',
            full_name: 'Synthetic Trafficker',
            identifiers: [{ kind: 'phone', value: PHONE }],
          },
        ],
      }),
    );
    assert.equal(res.statusCode, 201, res.body);
    privateCase = res.json().id;
  });

  test("another agency's search shows a hit — who to call — and nothing of the case", async () => {
    assert.equal((await get(ioB, `/api/v1/cases/${privateCase}`)).statusCode, 404);
    const found = (await get(ioB, `/api/v1/grid/identifier?kind=phone&value=%2B91-${PHONE}`)).json();
    assert.equal(found.links.length, 0);
    assert.equal(found.hits.length, 1);
    const hit = found.hits[0];
    assert.equal(hit.record_id, privateCase);
    assert.equal(hit.agency.code, 'MH-D490-PSA');
    assert.equal(hit.match.kind, 'phone');
    const text = JSON.stringify(found);
    for (const secret of ['1/2025', 'Synthetic Trafficker', 'lodge', 'Synthetic Girl'])
      assert.ok(!text.includes(secret), secret);
    const own = (await get(ioA, `/api/v1/grid/identifier?kind=phone&value=${PHONE}`)).json();
    assert.equal(own.links.length, 1, 'the owner sees a link, not a hit');
    assert.equal(own.hits.length, 0);
  });

  test('a disclosure request, approved with chosen fields and an expiry, lets the requester read just those', async () => {
    const bad = await post(ioB, '/api/v1/disclosures', {
      record_kind: 'case',
      record_id: privateCase,
      purpose: 'short',
      case_reference: 'FIR 9/2025',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.issues[0].field, 'purpose');
    const req = await post(ioB, '/api/v1/disclosures', {
      record_kind: 'case',
      record_id: privateCase,
      purpose: 'Same phone as the accused in our FIR 9/2025 (trafficking)',
      case_reference: 'FIR 9/2025',
    });
    assert.equal(req.statusCode, 201, req.body);
    const id = req.json().id;
    assert.equal(
      (
        await post(ioB, '/api/v1/disclosures', {
          record_kind: 'case',
          record_id: privateCase,
          purpose: 'Same phone as the accused again',
          case_reference: 'x',
        })
      ).statusCode,
      409,
    );
    const inbox = (await get(ioA, '/api/v1/disclosures?box=inbox&status=pending')).json();
    assert.deepEqual(
      inbox.items.map((d: { id: string }) => d.id),
      [id],
    );
    assert.equal(inbox.items[0].requester.code, 'MH-D490-PSB');
    const notes = (await get(ioA, '/api/v1/notifications?unread=true')).json();
    assert.ok(notes.items.some((n: { kind: string }) => n.kind === 'disclosure.requested'));
    assert.equal(
      (await post(ioC, `/api/v1/disclosures/${id}/decision`, { decision: 'approve' })).statusCode,
      404,
      'only the owner decides',
    );
    const noReason = await post(ioA, `/api/v1/disclosures/${id}/decision`, { decision: 'refuse' });
    assert.equal(noReason.json().error.issues[0].field, 'reason');
    const ok = await post(ioA, `/api/v1/disclosures/${id}/decision`, {
      decision: 'approve',
      fields: ['summary'],
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const c = await get(ioB, `/api/v1/cases/${privateCase}`);
    assert.equal(c.statusCode, 200);
    assert.equal(c.json().access, 'disclosed');
    assert.equal(c.json().summary, 'Synthetic summary: raid at a lodge');
    assert.deepEqual(c.json().persons, [], 'persons were not granted');
    assert.equal((await get(ioB, `/api/v1/persons?case_id=${privateCase}`)).json().items.length, 0);
    assert.equal(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/cases/${privateCase}`,
          headers: ioB.headers,
          payload: { version: 1, status: 'closed' },
        })
      ).statusCode,
      404,
      'read, never write',
    );
    const outbox = (await get(ioB, '/api/v1/disclosures?box=outbox')).json();
    assert.equal(outbox.items[0].status, 'approved');
  });

  test('distribution levels: district, state, national reach exactly their agencies; CWC roles only by referral', async () => {
    const make = async (distribution: string) =>
      (await post(ioA, '/api/v1/cases', caseBody({ distribution, persons: [] }))).json().id as string;
    const district = await make('district');
    const state = await make('state');
    const national = await make('national');
    const status = async (u: TestUser, id: string) => (await get(u, `/api/v1/cases/${id}`)).statusCode;
    assert.deepEqual(
      [
        await status(ioB, district),
        await status(ioOtherDistrict, district),
        await status(ioC, district),
        await status(cwc, district),
      ],
      [200, 404, 404, 404],
    );
    assert.deepEqual([await status(ioOtherDistrict, state), await status(ioC, state)], [200, 404]);
    assert.equal(await status(ioC, national), 200);
    assert.equal((await get(ioB, `/api/v1/cases/${district}`)).json().access, 'shared');
  });

  test('sharing groups: only administrators create them; members see the records and the group, others nothing', async () => {
    assert.equal(
      (await post(ioA, '/api/v1/sharing-groups', { name: 'Op Lodge', member_agency_ids: [ioC.agencyId] }))
        .statusCode,
      403,
    );
    const g = await post(adminA, '/api/v1/sharing-groups', {
      name: 'Operation Lodge',
      member_agency_ids: [ioC.agencyId],
    });
    assert.equal(g.statusCode, 201, g.body);
    const groupId = g.json().id;
    const noGroup = await post(ioA, '/api/v1/cases', caseBody({ distribution: 'group', persons: [] }));
    assert.equal(noGroup.json().error.issues[0].field, 'sharing_group_id');
    const shared = await post(
      ioA,
      '/api/v1/cases',
      caseBody({ distribution: 'group', sharing_group_id: groupId, persons: [] }),
    );
    assert.equal(shared.statusCode, 201, shared.body);
    assert.equal((await get(ioC, `/api/v1/cases/${shared.json().id}`)).statusCode, 200);
    assert.equal((await get(ioB, `/api/v1/cases/${shared.json().id}`)).statusCode, 404);
    assert.equal((await get(ioC, `/api/v1/sharing-groups/${groupId}`)).statusCode, 200);
    assert.equal(
      (await get(ioB, `/api/v1/sharing-groups/${groupId}`)).statusCode,
      404,
      'not even its existence',
    );
    assert.equal((await get(ioB, '/api/v1/sharing-groups')).json().items.length, 0);
    const notMine = await post(
      ioB,
      '/api/v1/cases',
      caseBody({ distribution: 'group', sharing_group_id: groupId, persons: [] }),
    );
    assert.equal(notMine.statusCode, 400);
  });

  test("referral to the CWC needs the child's and the guardian's consent, or a permitted override", async () => {
    const c = (await get(ioA, `/api/v1/cases/${privateCase}`)).json();
    const victim = c.persons.find((p: { role: string }) => p.role === 'victim');
    const refer = (payload: Record<string, unknown>) =>
      post(ioA, `/api/v1/cases/${privateCase}/referrals`, {
        to_agency_id: cwcAgencyId,
        purpose: 'Production of the rescued child before the CWC',
        ...payload,
      });
    const blocked = await refer({});
    assert.equal(blocked.statusCode, 409);
    assert.equal(blocked.json().error.code, 'consent_required');
    assert.equal(blocked.json().error.issues.length, 2);
    assert.ok(
      !blocked.body.includes('Synthetic Girl'),
      'the consent error names the pseudonym, not the child',
    );
    const override = await refer({
      consent_override_reason: 'Child in immediate danger; guardian unreachable',
    });
    assert.equal(override.statusCode, 403, 'an investigating officer may not override consent');
    for (const given_by of ['child', 'guardian']) {
      const r = await post(ioA, `/api/v1/persons/${victim.id}/consents`, { given_by, purpose: 'referral' });
      assert.equal(r.statusCode, 201, r.body);
    }
    const accused = c.persons.find((p: { role: string }) => p.role === 'accused');
    assert.equal(
      (await post(ioA, `/api/v1/persons/${accused.id}/consents`, { given_by: 'child', purpose: 'referral' }))
        .statusCode,
      400,
    );
    const ok = await refer({});
    assert.equal(ok.statusCode, 201, ok.body);
    const seen = await get(cwc, `/api/v1/cases/${privateCase}`);
    assert.equal(seen.statusCode, 200);
    assert.equal(seen.json().access, 'disclosed');
    const child = seen.json().persons.find((p: { role: string }) => p.role === 'victim');
    assert.match(child.full_name, /^V-MH-D490-PSA-\d+$/);
    const keyring = await loadKeyring(ctx.database.db, testConfig().masterKeys!);
    const shown = await revealPerson(
      ctx.database.db,
      keyring,
      cwc.actor,
      child.id,
      'Production before the CWC bench',
      new Date(),
    );
    assert.equal(shown.full_name, 'Synthetic Girl One');
    const notes = (await get(cwc, '/api/v1/notifications')).json();
    assert.ok(notes.items.some((n: { kind: string }) => n.kind === 'referral.received'));
  });
  test("a district supervisor sees and decides requests to the stations below; a hit carries the request's id", async () => {
    const district = await agencyByCode(ctx.database, 'MH-D490');
    const supervisor = await newUser(ctx.database, district, 'district_supervisor');
    const phone = '9812300077';
    const made = await post(
      ioA,
      '/api/v1/cases',
      caseBody({
        persons: [
          { role: 'accused', full_name: 'Synthetic Pimp', identifiers: [{ kind: 'phone', value: phone }] },
        ],
      }),
    );
    const req = await post(ioC, '/api/v1/disclosures', {
      record_kind: 'case',
      record_id: made.json().id,
      purpose: 'Same phone as a trafficker in our FIR 3/2025',
      case_reference: 'FIR 3/2025',
    });
    assert.equal(req.statusCode, 201, req.body);
    const hits = (await get(ioC, `/api/v1/grid/identifier?kind=phone&value=${phone}`)).json().hits;
    assert.equal(hits[0].disclosure_id, req.json().id);
    assert.equal(hits[0].disclosure_status, 'pending');
    const inbox = (await get(supervisor, '/api/v1/disclosures?box=inbox&status=pending')).json();
    assert.ok(inbox.items.some((d: { id: string }) => d.id === req.json().id));
    const refused = await post(supervisor, `/api/v1/disclosures/${req.json().id}/decision`, {
      decision: 'refuse',
      reason: 'Operation in progress',
    });
    assert.equal(refused.statusCode, 200, refused.body);
    assert.equal(refused.json().status, 'refused');
    assert.equal((await get(ioC, `/api/v1/cases/${made.json().id}`)).statusCode, 404);
  });
});
