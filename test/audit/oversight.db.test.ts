import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../src/modules/audit/audit.repository.ts';
import { verifyAuditLog } from '../../src/modules/audit/audit-verify.ts';
import {
  agencyByCode,
  caseBody,
  forEachDatabase,
  newAgency,
  newUser,
  type TestUser,
  testApp,
} from '../harness.ts';

interface EventOut {
  id: string;
  occurred_at: string;
  action: string;
  purpose: string | null;
  role: string | null;
  client_address: string | null;
  user: { id: string; email: string; display_name: string } | null;
  agency: { id: string; code: string; name: string } | null;
  record: { kind: string; id: string | null; agency_id: string | null } | null;
}

forEachDatabase('audit oversight view', (ctx) => {
  let app: FastifyInstance;
  let io: TestUser;
  let outsider: TestUser;
  let auditorMh: TestUser;
  let auditorWb: TestUser;
  let station: { id: string; code: string };
  let victimId: string;

  const get = (url: string, user?: TestUser) =>
    app.inject({ method: 'GET', url, ...(user ? { headers: user.headers } : {}) });

  before(async () => {
    app = await testApp(ctx.database);
    station = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const wbStation = await newAgency(ctx.database, { parentCode: 'WB-D303' });
    io = await newUser(ctx.database, station, 'investigating_officer');
    outsider = await newUser(ctx.database, wbStation, 'investigating_officer');
    const state = async (code: string) => agencyByCode(ctx.database, code);
    auditorMh = await newUser(ctx.database, await state('MH'), 'oversight_auditor');
    auditorWb = await newUser(ctx.database, await state('WB'), 'oversight_auditor');

    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: io.headers,
      payload: caseBody(),
    });
    assert.equal(created.statusCode, 201, created.body);
    victimId = created.json().persons.find((p: { role: string }) => p.role === 'victim').id;
    const read = await get(`/api/v1/persons/${victimId}`, io);
    assert.equal(read.statusCode, 200, read.body);
    // Reveals with a stated purpose: by the owning station, then by an officer of another state (after a disclosure).
    await recordAudit(ctx.database.db, io.actor, {
      action: 'person.reveal',
      recordKind: 'person',
      recordId: victimId,
      recordAgencyId: station.id,
      purpose: 'Statement before the magistrate, s.183 BNSS',
    });
    // This caller puts the purpose in `detail`, as the victims module does: the oversight view shows it all the same.
    await recordAudit(
      ctx.database.db,
      { ...outsider.actor, clientAddress: '203.0.113.9' },
      {
        action: 'victim.reveal',
        recordKind: 'person',
        recordId: victimId,
        recordAgencyId: station.id,
        detail: { purpose: 'Joint rescue operation, disclosure approved', fields: ['full_name'] },
      },
    );
  });

  test("who saw a child's record: reads and reveals, newest first, with user, agency, role, purpose and address", async () => {
    const res = await get(`/api/v1/audit/records/person/${victimId}`, auditorMh);
    assert.equal(res.statusCode, 200, res.body);
    const items: EventOut[] = res.json().items;
    assert.deepEqual(
      items.map((e) => [e.action, e.user?.email]),
      [
        ['victim.reveal', outsider.email],
        ['person.reveal', io.email],
        ['person.read', io.email],
      ],
    );
    const [foreign, own] = items;
    assert.equal(foreign?.purpose, 'Joint rescue operation, disclosure approved');
    assert.equal(foreign?.client_address, '203.0.113.9');
    assert.equal(foreign?.role, 'investigating_officer');
    assert.match(foreign?.agency?.code ?? '', /^T-/);
    assert.notEqual(foreign?.agency?.id, station.id);
    assert.equal(own?.purpose, 'Statement before the magistrate, s.183 BNSS');
    assert.equal(own?.agency?.id, station.id);
    assert.deepEqual(own?.record, { kind: 'person', id: victimId, agency_id: station.id });
    const times = items.map((e) => e.occurred_at);
    assert.deepEqual([...times].sort().reverse(), times);
  });

  test("another state's auditor sees only what touches their state", async () => {
    const seen: EventOut[] = (await get(`/api/v1/audit/records/person/${victimId}`, auditorWb)).json().items;
    assert.deepEqual(
      seen.map((e) => e.user?.email),
      [outsider.email],
      'their officer’s reveal, not the owning station’s reads',
    );
    const byIo = await get(`/api/v1/audit/events?user_id=${io.id}`, auditorWb);
    assert.equal(byIo.statusCode, 200);
    assert.deepEqual(byIo.json().items, []);
    assert.ok((await get(`/api/v1/audit/events?user_id=${io.id}`, auditorMh)).json().items.length >= 3);
    assert.equal((await get(`/api/v1/audit/users/${io.id}`, auditorWb)).statusCode, 404);
  });

  test('what a user looked at', async () => {
    const res = await get(`/api/v1/audit/users/${io.id}`, auditorMh);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.user.email, io.email);
    assert.equal(body.user.agency.id, station.id);
    const actions = (body.items as EventOut[]).map((e) => e.action);
    assert.ok(actions.includes('person.read'));
    assert.ok(actions.includes('person.reveal'));
    assert.ok(actions.includes('case.create'));
    assert.ok((body.items as EventOut[]).every((e) => e.user?.id === io.id));
  });

  test('only oversight roles read the log; without a session it is 401', async () => {
    for (const url of [
      '/api/v1/audit/events',
      `/api/v1/audit/records/person/${victimId}`,
      `/api/v1/audit/users/${io.id}`,
    ]) {
      const wrongRole = await get(url, io);
      assert.equal(wrongRole.statusCode, 403, url);
      assert.equal(wrongRole.json().error.code, 'forbidden');
      assert.equal((await get(url)).statusCode, 401, url);
    }
  });

  test('filters and cursor pages', async () => {
    const all: EventOut[] = (
      await get(`/api/v1/audit/events?agency_id=${station.id}&limit=200`, auditorMh)
    ).json().items;
    assert.ok(all.length >= 4);
    assert.ok(all.every((e) => e.agency?.id === station.id));
    const paged: string[] = [];
    let url = `/api/v1/audit/events?agency_id=${station.id}&limit=2`;
    for (let i = 0; i < 50; i++) {
      const page = (await get(url, auditorMh)).json();
      paged.push(...page.items.map((e: EventOut) => e.id));
      if (!page.next_cursor) break;
      url = `/api/v1/audit/events?agency_id=${station.id}&limit=2&cursor=${page.next_cursor}`;
    }
    assert.deepEqual(
      paged,
      all.map((e) => e.id),
    );
    const persons: EventOut[] = (
      await get(`/api/v1/audit/events?action=person.&record_kind=person&record_id=${victimId}`, auditorMh)
    ).json().items;
    assert.ok(persons.length >= 2);
    assert.ok(persons.every((e) => e.action.startsWith('person.') && e.record?.id === victimId));
    const reveals: EventOut[] = (await get(`/api/v1/audit/events?action=person.reveal`, auditorMh)).json()
      .items;
    assert.deepEqual(
      reveals.map((e) => [e.action, e.user?.id]),
      [['person.reveal', io.id]],
    );
    const future = await get('/api/v1/audit/events?from=2099-01-01T00:00:00Z', auditorMh);
    assert.deepEqual(future.json().items, []);
    const past = await get('/api/v1/audit/events?to=2000-01-01T00:00:00%2B05:30', auditorMh);
    assert.deepEqual(past.json().items, []);
  });

  test('bad input is refused naming the field', async () => {
    const cases: [string, string][] = [
      ['/api/v1/audit/events?user_id=nope', 'user_id'],
      ['/api/v1/audit/events?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z', 'to'],
      ['/api/v1/audit/events?from=yesterday', 'from'],
      ['/api/v1/audit/events?action=DROP%20TABLE', 'action'],
      ['/api/v1/audit/events?cursor=bm9wZQ', 'cursor'],
      ['/api/v1/audit/events?colour=red', 'querystring'],
      [`/api/v1/audit/records/Person!/${victimId}`, 'kind'],
      ['/api/v1/audit/records/person/42', 'id'],
      ['/api/v1/audit/users/42', 'id'],
      [`/api/v1/audit/users/${io.id}?limit=0`, 'limit'],
    ];
    for (const [url, field] of cases) {
      const res = await get(url, auditorMh);
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      const fields = (res.json().error.issues ?? []).map((i: { field: string }) => i.field);
      assert.ok(fields.includes(field) || res.json().error.message.startsWith(field), `${url}: ${res.body}`);
    }
  });

  test('reading the log is itself audited, and the chains stay intact', async () => {
    await get(`/api/v1/audit/records/person/${victimId}`, auditorMh);
    const own: EventOut[] = (
      await get(`/api/v1/audit/events?user_id=${auditorMh.id}&action=audit.`, auditorMh)
    ).json().items;
    const history = own.find((e) => e.action === 'audit.record_history');
    assert.ok(history, 'the look at the record’s history is logged');
    assert.equal(history.record?.id, victimId);
    assert.ok(own.some((e) => e.action === 'audit.search'));
    assert.ok(own.some((e) => e.action === 'audit.user_activity' && e.record?.id === io.id));
    // An auditor looking at the history is not someone who saw the child's record.
    const whoSaw: EventOut[] = (await get(`/api/v1/audit/records/person/${victimId}`, auditorMh)).json()
      .items;
    assert.ok(whoSaw.every((e) => e.user?.id !== auditorMh.id));
    const report = await verifyAuditLog(ctx.database.db);
    assert.equal(report.ok, true, JSON.stringify(report));
  });
});
