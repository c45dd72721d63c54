import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { importRecords } from '../../src/modules/imports/import.service.ts';
import type { ImportRecord } from '../../src/modules/imports/import-format.ts';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import type { Keyring } from '../../src/shared/envelope.ts';
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
  kind: string;
  case: { case_id: string } | null;
  child: { person_id: string; pseudonym: string } | null;
  other: { agency: { id: string }; record_id: string; readable: boolean; fir_number: string | null };
  watch: { id: string } | null;
}

forEachDatabase('grid: watchlists and re-trafficking alerts', (ctx) => {
  let app: FastifyInstance;
  let keyring: Keyring;
  let stationA: { id: string; code: string };
  let stationB: { id: string; code: string };
  let ioA: TestUser;
  let ioB: TestUser;
  let ioE: TestUser;
  let ioE2: TestUser;
  let cwcUser: TestUser;
  let dcpuUser: TestUser;
  let ngoUser: TestUser;
  let cwcAgency: { id: string; code: string };
  let dcpuAgency: { id: string; code: string };
  let ngoAgency: { id: string; code: string };
  const get = (u: TestUser, url: string) => app.inject({ method: 'GET', url, headers: u.headers });
  const send = (u: TestUser, method: 'POST' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: u.headers, ...(payload ? { payload } : {}) });
  const alerts = async (u: TestUser, kind: string) =>
    (await get(u, `/api/v1/grid/alerts?kind=${kind}`)).json().items as Alert[];
  async function newCase(u: TestUser, body: Record<string, unknown>) {
    const res = await send(u, 'POST', '/api/v1/cases', caseBody(body));
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; fir_number: string; persons: { id: string; role: string }[] };
  }
  const accusedWith = (phone: string) => ({
    persons: [
      {
        role: 'accused',
        full_name: 'Synthetic Watch Accused',
        age: 30,
        identifiers: [{ kind: 'phone', value: phone }],
      },
    ],
  });

  before(async () => {
    app = await testApp(ctx.database);
    keyring = await loadKeyring(ctx.database.db, testConfig().masterKeys!);
    stationA = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    stationB = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const stationE = await newAgency(ctx.database, { parentCode: 'WB-D303' });
    cwcAgency = await newAgency(ctx.database, { parentCode: 'MH-D490', kind: 'cwc' });
    dcpuAgency = await newAgency(ctx.database, { parentCode: 'MH-D490', kind: 'dcpu' });
    ngoAgency = await newAgency(ctx.database, { parentCode: 'MH-D490', kind: 'ngo' });
    [ioA, ioB, ioE, ioE2, cwcUser, dcpuUser, ngoUser] = await Promise.all([
      newUser(ctx.database, stationA, 'investigating_officer'),
      newUser(ctx.database, stationB, 'investigating_officer'),
      newUser(ctx.database, stationE, 'investigating_officer'),
      newUser(ctx.database, stationE, 'investigating_officer'),
      newUser(ctx.database, cwcAgency, 'cwc_member'),
      newUser(ctx.database, dcpuAgency, 'dcpu_officer'),
      newUser(ctx.database, ngoAgency, 'ngo_caseworker'),
    ]);
  });

  test('a watch fires on an API create and on an import, and shows another agency’s record only as whom to call', async () => {
    const phone = '98123 50001';
    const watch = await send(ioE, 'POST', '/api/v1/grid/watches', {
      kind: 'phone',
      value: `+91 ${phone}`,
      reason: 'second phone of the trafficker in our FIR 7/2025',
    });
    assert.equal(watch.statusCode, 201, watch.body);
    assert.equal(watch.json().normalised, '+919812350001');
    const dup = await send(ioE, 'POST', '/api/v1/grid/watches', {
      kind: 'phone',
      value: phone,
      reason: 'again!',
    });
    assert.equal(dup.statusCode, 409);

    const created = await newCase(ioA, {
      ...accusedWith(phone),
      summary: 'Confidential narrative of station A',
    });
    let mine = await alerts(ioE, 'watchlist');
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.other.agency.id, stationA.id);
    assert.equal(mine[0]!.other.record_id, created.id);
    assert.equal(mine[0]!.other.readable, false);
    assert.equal(mine[0]!.other.fir_number, null, 'E may not read A’s case: no FIR number');
    assert.equal(mine[0]!.watch?.id, watch.json().id);
    const raw = (await get(ioE, '/api/v1/grid/alerts')).json();
    assert.ok(!JSON.stringify(raw).includes('Confidential narrative'), 'no content of the record');
    assert.ok(!JSON.stringify(raw).includes(created.fir_number), 'no FIR number of the record');

    // An import by another agency holding the value.
    const actorB = { userId: ioB.id, agencyId: stationB.id, role: ioB.role, clientAddress: '127.0.0.1' };
    await importRecords(
      ctx.database.db,
      keyring,
      actorB,
      [
        {
          line: 1,
          record: {
            ...caseBody(accusedWith(`0${phone.replace(' ', '')}`)),
            agency_code: stationB.code,
            external_id: 'WATCH-1',
          } as ImportRecord,
        },
      ],
      { name: 'watch-test.jsonl', text: 'watch-test', format: 'jsonl' },
    );
    mine = await alerts(ioE, 'watchlist');
    assert.equal(mine.length, 2);
    assert.equal(mine[0]!.other.agency.id, stationB.id);

    // A watch is personal: a colleague of the watcher and the owners of the records see none of it.
    assert.deepEqual(await alerts(ioE2, 'watchlist'), []);
    assert.deepEqual(await alerts(ioA, 'watchlist'), []);
    assert.deepEqual(await alerts(ioB, 'watchlist'), []);
    // Someone else's watch cannot be removed (nor seen): not found.
    assert.equal((await send(ioE2, 'DELETE', `/api/v1/grid/watches/${watch.json().id}`)).statusCode, 404);
    assert.equal((await send(ioE, 'DELETE', `/api/v1/grid/watches/${watch.json().id}`)).statusCode, 204);
    await newCase(ioB, accusedWith(phone));
    assert.equal((await alerts(ioE, 'watchlist')).length, 2, 'a removed watch fires no more');
  });

  test('a record the watcher may read is linked; a warning-listed value cannot be watched', async () => {
    const phone = '98123 50002';
    assert.equal(
      (
        await send(ioE, 'POST', '/api/v1/grid/watches', {
          kind: 'phone',
          value: phone,
          reason: 'hawala agent',
        })
      ).statusCode,
      201,
    );
    const shared = await newCase(ioA, { ...accusedWith(phone), distribution: 'national' });
    const [alert] = await alerts(ioE, 'watchlist');
    assert.equal(alert?.other.record_id, shared.id);
    assert.equal(alert?.other.readable, true);
    assert.equal(alert?.other.fir_number, shared.fir_number);
    const listed = await send(ioE, 'POST', '/api/v1/grid/watches', {
      kind: 'phone',
      value: '99999 99999',
      reason: 'placeholder',
    });
    assert.equal(listed.statusCode, 400);
    assert.equal(listed.json().error.issues[0].field, 'value');
    // An IPv4 address never links records (carrier-grade NAT), so a watch on it could never fire: refused.
    const ipv4 = await send(ioE, 'POST', '/api/v1/grid/watches', {
      kind: 'ip',
      value: '49.36.128.7',
      reason: 'login IP from the ad site',
    });
    assert.equal(ipv4.statusCode, 400, ipv4.body);
    assert.equal(ipv4.json().error.issues[0].field, 'value');
    assert.match(ipv4.json().error.issues[0].message, /IPv4/);
    const ipv6 = await send(ioE, 'POST', '/api/v1/grid/watches', {
      kind: 'ip',
      value: '2401:4900:1c2a:5b3e::1',
      reason: 'login IP from the ad site',
    });
    assert.equal(ipv6.statusCode, 201, ipv6.body);
  });

  test("re-trafficking: a rescued child's phone in a new record alerts her agency and her CWC and DCPU only", async () => {
    const phone = '98123 50003';
    const rescue = await newCase(ioA, {
      persons: [
        {
          role: 'victim',
          full_name: 'Synthetic Rescued Girl',
          gender: 'female',
          age: 14,
          identifiers: [{ kind: 'phone', value: phone }],
        },
      ],
    });
    const child = rescue.persons.find((p) => p.role === 'victim')!;
    for (const given_by of ['child', 'guardian']) {
      const c = await send(ioA, 'POST', `/api/v1/persons/${child.id}/consents`, {
        given_by,
        purpose: 'referral',
      });
      assert.equal(c.statusCode, 201, c.body);
    }
    for (const to of [cwcAgency, dcpuAgency, ngoAgency]) {
      const r = await send(ioA, 'POST', `/api/v1/cases/${rescue.id}/referrals`, {
        to_agency_id: to.id,
        purpose: 'care, protection and rehabilitation of the child',
      });
      assert.equal(r.statusCode, 201, r.body);
    }
    // Months later, another state: the number on an advertisement seized in a raid.
    const raid = await newCase(ioE, {
      ...accusedWith(`+91-${phone}`),
      summary: 'Raid on a lodge, ads seized',
    });

    for (const u of [ioA, cwcUser, dcpuUser]) {
      const got = await alerts(u, 're_trafficking');
      assert.equal(got.length, 1, `${u.role}: ${JSON.stringify(got)}`);
      assert.equal(got[0]!.other.record_id, raid.id);
      assert.equal(got[0]!.other.readable, false);
      assert.equal(got[0]!.other.fir_number, null);
      assert.equal(got[0]!.case?.case_id, rescue.id, 'the child’s case, which the recipient reads');
      assert.match(got[0]!.child?.pseudonym ?? '', /^V-/);
      assert.ok(!JSON.stringify(got).includes('Synthetic Rescued Girl'));
    }
    // Listing them is audited, and each child shown is a read of her record that "who saw this child" finds.
    const listed = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'record_kind', 'record_id', 'record_agency_id'])
      .where('action', 'in', ['grid.alert_list', 'grid.re_trafficking_alert.read'])
      .where('user_id', '=', cwcUser.id)
      .execute();
    assert.ok(
      listed.some((e) => e.action === 'grid.alert_list'),
      'the CWC member’s list is audited',
    );
    const childReads = listed.filter((e) => e.action === 'grid.re_trafficking_alert.read');
    assert.ok(childReads.length > 0, 'the child shown is audited as read');
    for (const e of childReads)
      assert.deepEqual([e.record_kind, e.record_id, e.record_agency_id], ['person', child.id, stationA.id]);
    const auditor = await newUser(ctx.database, await agencyByCode(ctx.database, 'MH'), 'oversight_auditor');
    const whoSaw = await get(auditor, `/api/v1/audit/records/person/${child.id}`);
    assert.equal(whoSaw.statusCode, 200, whoSaw.body);
    assert.ok(whoSaw.body.includes(cwcUser.id), 'the oversight view of the child lists the CWC member');
    for (const u of [ngoUser, ioE, ioB]) assert.deepEqual(await alerts(u, 're_trafficking'), [], u.role);
    // Supervisors and analysts above the owning station see its row (as every alert of the agencies below them),
    // not the CWC's and DCPU's copies; above the new record's station, nothing.
    const above = async (code: string, role: 'district_supervisor' | 'state_analyst') =>
      newUser(ctx.database, await agencyByCode(ctx.database, code), role);
    const district = await above('MH-D490', 'district_supervisor');
    const seen = await alerts(district, 're_trafficking');
    assert.equal(seen.length, 1, JSON.stringify(seen));
    assert.equal(seen[0]!.case?.case_id, rescue.id);
    assert.equal((await alerts(await above('MH', 'state_analyst'), 're_trafficking')).length, 1);
    assert.deepEqual(await alerts(await above('WB-D303', 'district_supervisor'), 're_trafficking'), []);
    const notes = (await get(cwcUser, '/api/v1/notifications')).json().items as { kind: string }[];
    assert.ok(notes.some((n) => n.kind === 'grid.re_trafficking'));
  });

  test('re-trafficking: two children of one case found again together are two alerts', async () => {
    const phone = '98123 50005';
    const sisters = await newCase(ioA, {
      persons: ['Synthetic Sister Asha', 'Synthetic Sister Usha'].map((full_name, i) => ({
        role: 'victim',
        full_name,
        gender: 'female',
        age: 13 + i,
        identifiers: [{ kind: 'phone', value: phone }],
      })),
    });
    const raid = await newCase(ioE, accusedWith(`+91 ${phone}`));
    const rows = await ctx.database.db
      .selectFrom('grid_alerts')
      .select(['agency_id', 'person_id'])
      .where('kind', '=', 're_trafficking')
      .where('other_case_id', '=', raid.id)
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.agency_id, r.person_id]).sort(),
      sisters.persons.map((p) => [stationA.id, p.id]).sort(),
      'one alert per child, both to her station',
    );
  });

  test('re-trafficking after a transfer: the station holding the case and her CWC are alerted once, the sender not', async () => {
    const phone = '98123 50006';
    const sho = await newUser(ctx.database, stationA, 'station_house_officer');
    const rescue = await newCase(ioA, {
      fir_kind: 'zero_fir',
      persons: [
        {
          role: 'victim',
          full_name: 'Synthetic Transferred Girl',
          gender: 'female',
          age: 15,
          identifiers: [{ kind: 'phone', value: phone }],
        },
      ],
    });
    const child = rescue.persons[0]!;
    for (const purpose of ['referral', 'transfer'])
      for (const given_by of ['child', 'guardian']) {
        const c = await send(ioA, 'POST', `/api/v1/persons/${child.id}/consents`, { given_by, purpose });
        assert.equal(c.statusCode, 201, c.body);
      }
    const referred = await send(ioA, 'POST', `/api/v1/cases/${rescue.id}/referrals`, {
      to_agency_id: cwcAgency.id,
      purpose: 'care, protection and rehabilitation of the child',
    });
    assert.equal(referred.statusCode, 201, referred.body);
    const moved = await send(sho, 'POST', `/api/v1/cases/${rescue.id}/transfers`, {
      to_agency_id: stationB.id,
      reason: 'zero FIR: the offence was committed in the area of station B',
    });
    assert.equal(moved.statusCode, 201, moved.body);
    const copy = moved.json().to_case_id as string;

    const raid = await newCase(ioE, accusedWith(phone));
    const rows = await ctx.database.db
      .selectFrom('grid_alerts')
      .select(['agency_id', 'case_id'])
      .where('kind', '=', 're_trafficking')
      .where('other_case_id', '=', raid.id)
      .execute();
    // The CWC's referral is of the original case; the copy holds none: its alert is about the original.
    assert.deepEqual(
      rows.map((r) => [r.agency_id, r.case_id]).sort(),
      [
        [stationB.id, copy],
        [cwcAgency.id, rescue.id],
      ].sort(),
    );
  });

  test('an alert is marked read by its recipient: the agency, or the watcher alone; the list counts and filters unread', async () => {
    const phone = '98123 50004';
    const post = (u: TestUser, url: string) => send(u, 'POST', url);
    const list = async (u: TestUser, query = '') =>
      (await get(u, `/api/v1/grid/alerts${query}`)).json() as {
        items: (Alert & { id: string; read_at: string | null; addressed_to_you: boolean })[];
        unread: number;
      };
    const [ioA2, adminA, district] = await Promise.all([
      newUser(ctx.database, stationA, 'investigating_officer'),
      newUser(ctx.database, stationA, 'agency_admin'),
      agencyByCode(ctx.database, 'MH-D490').then((d) => newUser(ctx.database, d, 'district_supervisor')),
    ]);
    assert.equal(
      (
        await send(ioE, 'POST', '/api/v1/grid/watches', {
          kind: 'phone',
          value: phone,
          reason: 'the lodge manager’s number',
        })
      ).statusCode,
      201,
    );
    const unreadBefore = {
      a: (await list(ioA)).unread,
      e: (await list(ioE)).unread,
      e2: (await list(ioE2)).unread,
    };
    const caseA = await newCase(ioA, accusedWith(phone));
    const caseB = await newCase(ioB, accusedWith(phone));
    // A and B are both alerted (deconfliction); E's officer through the watch, twice.
    const ofA = (await list(ioA, '?kind=deconfliction')).items.find((a) => a.other.record_id === caseB.id)!;
    assert.ok(ofA, 'A is alerted about B’s case');
    assert.equal(ofA.read_at, null);
    assert.equal(ofA.addressed_to_you, true);
    assert.equal((await list(ioA)).unread, unreadBefore.a + 1);
    assert.equal((await list(ioE)).unread, unreadBefore.e + 2);
    assert.equal((await list(ioE2)).unread, unreadBefore.e2, 'a colleague’s watch is not yours');
    const unreadOnly = await list(ioA, '?unread=true');
    assert.ok(unreadOnly.items.some((a) => a.id === ofA.id));
    assert.ok(unreadOnly.items.every((a) => a.read_at === null && a.addressed_to_you));

    // The district supervisor sees A's alert (below it) but leaves its read state to A.
    const seen = (await list(district, '?kind=deconfliction')).items.find((a) => a.id === ofA.id);
    assert.equal(seen?.addressed_to_you, false);
    const bySupervisor = await post(district, `/api/v1/grid/alerts/${ofA.id}/read`);
    assert.equal(bySupervisor.statusCode, 403, bySupervisor.body);
    // A role that reads no cases marks nothing; another agency's alert is not found.
    assert.equal((await post(adminA, `/api/v1/grid/alerts/${ofA.id}/read`)).statusCode, 403);
    assert.equal((await post(ioB, `/api/v1/grid/alerts/${ofA.id}/read`)).statusCode, 404);
    assert.equal((await post(ioE, `/api/v1/grid/alerts/${ofA.id}/read`)).statusCode, 404);
    const bad = await post(ioA, '/api/v1/grid/alerts/not-a-uuid/read');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.issues[0].field, 'id');

    // One officer of A reads it: it is read for the whole agency, and its notification with it.
    assert.equal((await post(ioA2, `/api/v1/grid/alerts/${ofA.id}/read`)).statusCode, 204);
    const after = await list(ioA, '?kind=deconfliction');
    assert.ok(after.items.find((a) => a.id === ofA.id)?.read_at);
    assert.equal((await list(ioA)).unread, unreadBefore.a);
    assert.ok(!(await list(ioA, '?unread=true')).items.some((a) => a.id === ofA.id));
    const notes = (await get(ioA, '/api/v1/notifications')).json().items as {
      subject_id: string | null;
      read_at: string | null;
    }[];
    assert.ok(notes.find((n) => n.subject_id === ofA.id)?.read_at, 'the alert’s notification is read too');
    assert.equal((await post(ioA, `/api/v1/grid/alerts/${ofA.id}/read`)).statusCode, 204, 'again: no change');
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'user_id'])
      .where('record_id', '=', ofA.id)
      .execute();
    assert.deepEqual(audit, [{ action: 'grid.alert_read', user_id: ioA2.id }]);
    // B's side of the pair is B's to read.
    const ofB = (await list(ioB, '?kind=deconfliction')).items.find((a) => a.other.record_id === caseA.id);
    assert.equal(ofB?.read_at, null);

    // Watch alerts are the watcher's: a colleague cannot mark them; "mark all" reads the watcher's own.
    const watchAlert = (await list(ioE, '?kind=watchlist&unread=true')).items[0]!;
    assert.equal((await post(ioE2, `/api/v1/grid/alerts/${watchAlert.id}/read`)).statusCode, 404);
    const all = await post(ioE, '/api/v1/grid/alerts/read-all?kind=watchlist');
    assert.equal(all.statusCode, 200, all.body);
    assert.ok(all.json().marked >= 2);
    assert.equal((await list(ioE, '?kind=watchlist')).unread, 0);
    assert.equal((await post(ioE, '/api/v1/grid/alerts/read-all?kind=nonsense')).statusCode, 400);
    const everything = await post(ioB, '/api/v1/grid/alerts/read-all');
    assert.ok(everything.json().marked >= 1);
    assert.equal((await list(ioB)).unread, 0);
    assert.equal((await post(adminA, '/api/v1/grid/alerts/read-all')).statusCode, 403);
  });
});
