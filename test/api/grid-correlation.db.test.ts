import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { correlateCases } from '../../src/modules/grid/correlate.ts';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import type { Keyring } from '../../src/shared/envelope.ts';
import { newId } from '../../src/shared/ids.ts';
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

interface Alert {
  id: string;
  kind: string;
  match: { kind: string; on: string };
  case: { case_id: string; fir_number: string | null } | null;
  other: {
    agency: { id: string; name: string; contact_officer: string | null };
    record_id: string;
    readable: boolean;
    fir_number: string | null;
  };
}

forEachDatabase('grid: correlation, deconfliction, warning list, thresholds', (ctx) => {
  let app: FastifyInstance;
  let keyring: Keyring;
  let stationA: { id: string; code: string };
  let stationB: { id: string; code: string };
  let ioA: TestUser;
  let ioB: TestUser;
  let ioE: TestUser;
  let adminA: TestUser;
  let sysadmin: TestUser;
  let cwc: TestUser;
  const get = (u: TestUser, url: string) => app.inject({ method: 'GET', url, headers: u.headers });
  const send = (u: TestUser, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: u.headers, ...(payload ? { payload } : {}) });

  async function newCase(u: TestUser, phone: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await send(
      u,
      'POST',
      '/api/v1/cases',
      caseBody({
        persons: [
          {
            role: 'accused',
            full_name: 'Synthetic Grid Accused',
            gender: 'male',
            age: 33,
            identifiers: [{ kind: 'phone', value: phone }],
          },
        ],
        ...extra,
      }),
    );
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  }
  const alerts = async (u: TestUser, kind = 'deconfliction') =>
    (await get(u, `/api/v1/grid/alerts?kind=${kind}`)).json().items as Alert[];

  before(async () => {
    app = await testApp(ctx.database);
    keyring = await loadKeyring(ctx.database.db, testConfig().masterKeys!);
    stationA = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    stationB = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const stationE = await newAgency(ctx.database, { parentCode: 'WB-D303' });
    const cwcAgency = await newAgency(ctx.database, { parentCode: 'MH-D490', kind: 'cwc' });
    for (const [a, officer] of [
      [stationA, 'SI Asha Pawar'],
      [stationB, 'SI Vikram Bhosale'],
    ] as const) {
      await ctx.database.db
        .updateTable('agencies')
        .set({ contact_officer: officer })
        .where('id', '=', a.id)
        .execute();
    }
    const national = await agencyByCode(ctx.database, 'IN');
    [ioA, ioB, ioE, adminA, sysadmin, cwc] = await Promise.all([
      newUser(ctx.database, stationA, 'investigating_officer'),
      newUser(ctx.database, stationB, 'investigating_officer'),
      newUser(ctx.database, stationE, 'investigating_officer'),
      newUser(ctx.database, stationA, 'agency_admin'),
      newUser(ctx.database, national, 'system_admin'),
      newUser(ctx.database, cwcAgency, 'cwc_member'),
    ]);
  });

  test('a phone shared by two agencies’ open cases alerts both, once, with the other’s contact officer and nothing of its case', async () => {
    const phone = '98123 40001';
    const caseA = await newCase(ioA, phone, { summary: 'Secret summary of station A' });
    const caseB = await newCase(ioB, `+91-${phone}`, { summary: 'Secret summary of station B' });

    const forA = await alerts(ioA);
    assert.equal(forA.length, 1, JSON.stringify(forA));
    assert.equal(forA[0]!.other.agency.id, stationB.id);
    assert.equal(forA[0]!.other.agency.contact_officer, 'SI Vikram Bhosale');
    assert.equal(forA[0]!.other.record_id, caseB);
    assert.equal(forA[0]!.other.readable, false);
    assert.equal(forA[0]!.other.fir_number, null, 'no content of a case A may not read');
    assert.equal(forA[0]!.case?.case_id, caseA);
    assert.deepEqual(forA[0]!.match, { kind: 'phone', on: 'identifier' });
    const forB = await alerts(ioB);
    assert.equal(forB.length, 1);
    assert.equal(forB[0]!.other.agency.contact_officer, 'SI Asha Pawar');
    assert.equal(forB[0]!.other.record_id, caseA);
    const bodies = JSON.stringify(forA) + JSON.stringify(forB);
    assert.ok(!bodies.includes('Secret summary'), 'alerts carry no case content');

    // The agency's notifications say whom to call, nothing more.
    const notes = (await get(ioA, '/api/v1/notifications')).json().items as {
      kind: string;
      message: string;
    }[];
    const note = notes.find((n) => n.kind === 'grid.deconfliction');
    assert.ok(note?.message.includes('SI Vikram Bhosale'), JSON.stringify(notes));

    // Correlating the same cases again (a re-import, an edit) raises nothing new.
    const again = await ctx.database.db.transaction().execute((tx) =>
      correlateCases(
        tx,
        keyring,
        [
          { agencyId: stationA.id, caseId: caseA },
          { agencyId: stationB.id, caseId: caseB },
        ],
        { writtenBy: null },
      ),
    );
    assert.equal(again.deconfliction, 0);
    assert.equal((await alerts(ioA)).length, 1);
    assert.equal((await alerts(ioB)).length, 1);
  });

  test('no deconfliction with a closed case, nor between two cases of one agency', async () => {
    const phone = '98123 40002';
    await newCase(ioA, phone);
    await newCase(ioB, phone, { status: 'closed' });
    await newCase(ioA, phone);
    const forA = await alerts(ioA);
    const forB = await alerts(ioB);
    assert.equal(forA.length, 1, 'only the pair of the first test');
    assert.equal(forB.length, 1);
    // Hits still show the closed case: deconfliction is about work in progress, hits about knowledge.
    const found = (
      await get(ioA, `/api/v1/grid/identifier?kind=phone&value=${encodeURIComponent(phone)}`)
    ).json();
    assert.equal(found.hits.length, 1);
    assert.equal(found.links.length, 2, "A's own two cases");
  });

  test('every case write correlates: reopening a case, adding or correcting an identifier raise deconfliction once; a closed case raises none; a transfer is not its own match', async () => {
    // Stations of their own, so that the counts of the other tests stay as they are.
    const stationP = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const stationQ = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const stationR = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const [ioP, ioQ, ioR, shoP] = await Promise.all([
      newUser(ctx.database, stationP, 'investigating_officer'),
      newUser(ctx.database, stationQ, 'investigating_officer'),
      newUser(ctx.database, stationR, 'investigating_officer'),
      newUser(ctx.database, stationP, 'station_house_officer'),
    ]);
    const pairs = async (u: TestUser, other: string) =>
      (await alerts(u)).filter((a) => a.other.record_id === other);
    const patch = async (u: TestUser, caseId: string, body: Record<string, unknown>) => {
      const current = await get(u, `/api/v1/cases/${caseId}`);
      const res = await send(u, 'PATCH', `/api/v1/cases/${caseId}`, {
        version: current.json().version,
        ...body,
      });
      assert.equal(res.statusCode, 200, res.body);
    };

    // Q's case was closed when P's case with the same phone was written: no alert.
    const phone = '98123 40101';
    const caseQ = await newCase(ioQ, phone, { status: 'closed' });
    const caseP = await newCase(ioP, phone);
    assert.deepEqual(await pairs(ioP, caseQ), []);
    // Q reopens it: both are alerted, in the same transaction as the change.
    await patch(ioQ, caseQ, { status: 'under_investigation' });
    assert.equal((await pairs(ioP, caseQ)).length, 1, 'P is told of the reopened case');
    assert.equal((await pairs(ioQ, caseP)).length, 1, 'Q is told of P’s open case');
    // Further edits (and closing and reopening again) raise nothing twice.
    await patch(ioQ, caseQ, { summary: 'Synthetic: the number is still in use' });
    await patch(ioQ, caseQ, { status: 'closed' });
    await patch(ioQ, caseQ, { status: 'registered' });
    assert.equal((await pairs(ioP, caseQ)).length, 1);
    assert.equal((await pairs(ioQ, caseP)).length, 1);
    // Closed again, it links no new work: R's new case is deconflicted with P's only.
    await patch(ioQ, caseQ, { status: 'closed' });
    const caseR = await newCase(ioR, phone);
    assert.equal((await pairs(ioR, caseP)).length, 1);
    assert.deepEqual(await pairs(ioR, caseQ), []);
    assert.deepEqual(await pairs(ioQ, caseR), []);

    // An edit that adds the shared phone to a case that had none.
    const other = '98123 40102';
    const caseQ2 = await newCase(ioQ, other);
    const caseP2 = await newCase(ioP, '98123 40103');
    assert.deepEqual(await pairs(ioP, caseQ2), []);
    const accused = (await get(ioP, `/api/v1/cases/${caseP2}`)).json().persons[0] as { id: string };
    const added = await send(ioP, 'POST', `/api/v1/cases/${caseP2}/identifiers`, {
      kind: 'phone',
      value: `0${other.replace(' ', '')}`,
    });
    assert.equal(added.statusCode, 201, added.body);
    assert.equal((await pairs(ioP, caseQ2)).length, 1);
    assert.equal((await pairs(ioQ, caseP2)).length, 1);
    // The same number again, on the accused: still one alert per side.
    const again = await send(ioP, 'POST', `/api/v1/cases/${caseP2}/identifiers`, {
      kind: 'phone',
      value: other,
      person_id: accused.id,
    });
    assert.equal(again.statusCode, 201, again.body);
    assert.equal((await pairs(ioP, caseQ2)).length, 1);
    assert.equal((await pairs(ioQ, caseP2)).length, 1);

    // Correcting a mistyped number into a shared one.
    const third = '98123 40104';
    const caseQ3 = await newCase(ioQ, third);
    const caseP3 = await newCase(ioP, '98123 40105');
    const typo = (
      (await get(ioP, `/api/v1/cases/${caseP3}`)).json().persons[0].identifiers as { id: string }[]
    )[0]!;
    const corrected = await send(ioP, 'PATCH', `/api/v1/identifiers/${typo.id}`, { value: third });
    assert.equal(corrected.statusCode, 200, corrected.body);
    assert.equal((await pairs(ioP, caseQ3)).length, 1);

    // A zero FIR transferred to Q: Q's copy and P's original are one case, never deconflicted with each other.
    const zero = await newCase(shoP, '98123 40106', { fir_kind: 'zero_fir' });
    const transfer = await send(shoP, 'POST', `/api/v1/cases/${zero}/transfers`, {
      to_agency_id: stationQ.id,
      reason: 'zero FIR: offence committed in the area of the other station',
    });
    assert.equal(transfer.statusCode, 201, transfer.body);
    const copy = transfer.json().to_case_id as string;
    assert.deepEqual(await pairs(ioQ, zero), [], 'the copy is not deconflicted with its original');
    assert.deepEqual(await pairs(ioP, copy), []);
  });

  test('a warning-listed number never links: 1098 held by old records, the placeholder 9876543210 recorded today', async () => {
    // Records imported before today's phone validation may hold a helpline number.
    const legacy: string[] = [];
    for (const [u, agency, phone] of [
      [ioA, stationA, '98123 40013'],
      [ioB, stationB, '98123 40023'],
    ] as const) {
      const caseId = await newCase(u, phone);
      await ctx.database.db
        .insertInto('identifiers')
        .values({
          agency_id: agency.id,
          id: newId(),
          case_id: caseId,
          kind: 'phone',
          value: '1098',
          normalised: '1098',
        })
        .execute();
      legacy.push(caseId);
    }
    const before = (await alerts(ioA)).length;
    const raised = await ctx.database.db.transaction().execute((tx) =>
      correlateCases(
        tx,
        keyring,
        [
          { agencyId: stationA.id, caseId: legacy[0]! },
          { agencyId: stationB.id, caseId: legacy[1]! },
        ],
        { writtenBy: null },
      ),
    );
    assert.equal(raised.deconfliction, 0, 'two open cases of two agencies, linked only by 1098: no alert');
    assert.equal((await alerts(ioA)).length, before);
    const search = (await get(ioA, '/api/v1/grid/identifier?kind=phone&value=1098')).json();
    assert.deepEqual(search.hits, []);
    assert.deepEqual(search.links, []);
    assert.equal(search.warning_listed[0]?.reason, 'Child Helpline (Childline)');
    assert.equal(search.warning_listed[0]?.scope, 'national');
    const matches = (await get(ioA, `/api/v1/cases/${legacy[0]}/matches`)).json();
    assert.ok(matches.warning_listed.some((w: { reason: string }) => w.reason.includes('Childline')));
    assert.deepEqual(matches.hits, []);
    assert.deepEqual(matches.links, []);

    // Today's records: the placeholder every form-filler types.
    const p1 = await newCase(ioA, '+91 98765 43210');
    await newCase(ioB, '98765 43210');
    assert.equal((await alerts(ioA)).length, before, 'no deconfliction through a placeholder');
    const m = (await get(ioA, `/api/v1/cases/${p1}/matches`)).json();
    assert.deepEqual(m.hits, []);
    assert.equal(m.warning_listed.length, 1);
    assert.equal(m.warning_listed[0].identifier_ids.length, 1);
  });

  test("an agency's own warning entry keeps its records out of correlation; its contact number never links", async () => {
    const phone = '98123 40004';
    const entry = await send(adminA, 'POST', '/api/v1/grid/warning-list', {
      kind: 'phone',
      value: phone,
      reason: 'Station A duty officer mobile',
    });
    assert.equal(entry.statusCode, 201, entry.body);
    assert.equal(entry.json().scope, 'agency');
    assert.equal(entry.json().normalised, '+919812340004');
    await newCase(ioA, phone);
    const caseB = await newCase(ioB, phone);
    const m = (await get(ioB, `/api/v1/cases/${caseB}/matches`)).json();
    assert.deepEqual(m.hits, [], "A's record with its own listed number is not a hit");
    // B's view of the list: national entries only (A's entry is A's business).
    const listB = (await get(ioB, '/api/v1/grid/warning-list?kind=phone')).json().items as { id: string }[];
    assert.ok(!listB.some((e) => e.id === entry.json().id));
    const listA = (await get(ioA, '/api/v1/grid/warning-list?scope=agency')).json().items as { id: string }[];
    assert.deepEqual(
      listA.map((e) => e.id),
      [entry.json().id],
    );

    // An agency's published number is on the list without anyone adding it.
    await ctx.database.db
      .updateTable('agencies')
      .set({ contact_phone: '020 2612 3456' })
      .where('id', '=', stationB.id)
      .execute();
    const search = (await get(ioA, '/api/v1/grid/identifier?kind=phone&value=02026123456')).json();
    assert.match(search.warning_listed[0]?.reason ?? '', /Contact number of/);

    // Removing the entry lets the value correlate again.
    assert.equal(
      (await send(adminA, 'DELETE', `/api/v1/grid/warning-list/${entry.json().id}`)).statusCode,
      204,
    );
    const after = (await get(ioB, `/api/v1/cases/${caseB}/matches`)).json();
    assert.equal(after.hits.length, 1);
  });

  test('a value held by more cases than the threshold is flagged as too common, not linked', async () => {
    const phone = '98123 40005';
    const set = await send(sysadmin, 'PATCH', '/api/v1/grid/settings', { common_value_cases: 3 });
    assert.equal(set.statusCode, 200, set.body);
    try {
      const first = await newCase(ioA, phone);
      await newCase(ioB, phone);
      await newCase(ioE, phone);
      const deconflictedBefore = (await alerts(ioE)).length;
      const fourth = await newCase(ioE, phone);
      const m = (await get(ioA, `/api/v1/cases/${first}/matches`)).json();
      assert.deepEqual(m.links, []);
      assert.deepEqual(m.hits, []);
      assert.equal(m.too_common.length, 1);
      assert.equal(m.too_common[0].kind, 'phone');
      assert.equal(m.too_common[0].cases, 4);
      assert.deepEqual(m.too_common[0].threshold, { cases: 3, agencies: 15 });
      const s = (
        await get(ioB, `/api/v1/grid/identifier?kind=phone&value=${encodeURIComponent(phone)}`)
      ).json();
      assert.equal(s.too_common.length, 1);
      assert.deepEqual(s.hits, []);
      const forE = await alerts(ioE);
      assert.equal(forE.length, deconflictedBefore, 'the case over the threshold raised no deconfliction');
      assert.ok(!forE.some((a) => a.case?.case_id === fourth));
    } finally {
      await send(sysadmin, 'PATCH', '/api/v1/grid/settings', { common_value_cases: 50 });
    }
    const settings = (await get(ioA, '/api/v1/grid/settings')).json();
    assert.deepEqual(settings, { common_value_cases: 50, common_value_agencies: 15 });
  });

  test('wrong roles are refused; national entries and thresholds are for system administrators', async () => {
    const cases: [TestUser, 'POST' | 'PATCH' | 'DELETE' | 'GET', string, object | undefined, number][] = [
      [
        ioA,
        'POST',
        '/api/v1/grid/warning-list',
        { kind: 'phone', value: '98123 40006', reason: 'not mine' },
        403,
      ],
      [
        adminA,
        'POST',
        '/api/v1/grid/warning-list',
        { kind: 'phone', value: '98123 40006', reason: 'national?', scope: 'national' },
        403,
      ],
      [ioA, 'PATCH', '/api/v1/grid/settings', { common_value_cases: 2 }, 403],
      [adminA, 'PATCH', '/api/v1/grid/settings', { common_value_cases: 2 }, 403],
      [adminA, 'GET', '/api/v1/grid/alerts', undefined, 403],
      [cwc, 'POST', '/api/v1/grid/watches', { kind: 'phone', value: '98123 40006', reason: 'curious' }, 403],
      [cwc, 'GET', '/api/v1/grid/watches', undefined, 403],
    ];
    for (const [u, method, url, body, status] of cases) {
      const res =
        method === 'GET' ? await get(u, url) : await send(u, method, url, body as Record<string, unknown>);
      assert.equal(res.statusCode, status, `${u.role} ${method} ${url}: ${res.body}`);
    }
    const national = (await get(ioA, '/api/v1/grid/warning-list?scope=national')).json().items as {
      id: string;
      value: string;
    }[];
    const childline = national.find((e) => e.value === '1098')!;
    assert.equal((await send(adminA, 'DELETE', `/api/v1/grid/warning-list/${childline.id}`)).statusCode, 403);
    const bad = await send(sysadmin, 'POST', '/api/v1/grid/warning-list', {
      kind: 'phone',
      value: '12',
      reason: 'too short',
      scope: 'national',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.issues[0].field, 'value');
  });
});
