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

/**
 * What the web pages need from the API (issue 3): a disclosure's FIR number (only for whom may read the case)
 * and its requester by name and role; one disclosure for either side; the browser of each session; new recovery
 * codes with a fresh second factor; marking all notifications read; users filtered by locked and disabled, and
 * searched by oversight auditors in their scope, read-only.
 */
forEachDatabase('API for the web: disclosures, sessions, recovery codes, notifications, users', (ctx) => {
  let app: FastifyInstance;
  let station: { id: string; code: string };
  let ioA: TestUser;
  let adminA: TestUser;
  let ioB: TestUser;
  let ngoB: TestUser;
  let ioE: TestUser;
  let caseA: string;
  const get = (u: TestUser | Record<string, string>, url: string) =>
    app.inject({ method: 'GET', url, headers: 'headers' in u ? (u.headers as Record<string, string>) : u });
  const post = (u: TestUser, url: string, payload?: Record<string, unknown>) =>
    app.inject({ method: 'POST', url, headers: u.headers, ...(payload ? { payload } : {}) });

  before(async () => {
    app = await testApp(ctx.database);
    station = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const stationB = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const stationE = await newAgency(ctx.database, { parentCode: 'WB-D303' });
    [ioA, adminA, ioB, ngoB, ioE] = await Promise.all([
      newUser(ctx.database, station, 'investigating_officer'),
      newUser(ctx.database, station, 'agency_admin'),
      newUser(ctx.database, stationB, 'investigating_officer'),
      newUser(ctx.database, stationB, 'ngo_caseworker'),
      newUser(ctx.database, stationE, 'investigating_officer'),
    ]);
    const res = await post(ioA, '/api/v1/cases', caseBody({ fir_number: '77/2025' }));
    assert.equal(res.statusCode, 201, res.body);
    caseA = res.json().id;
  });

  test('a disclosure shows the FIR number only to whom may read the case, and the requester without email', async () => {
    const asked = await post(ioB, '/api/v1/disclosures', {
      record_kind: 'case',
      record_id: caseA,
      purpose: 'same phone in our FIR 12/2025 (trafficking)',
      case_reference: 'FIR 12/2025',
    });
    assert.equal(asked.statusCode, 201, asked.body);
    const d = asked.json();
    // The requester does not read the case yet: no FIR number.
    assert.equal(d.fir_number, null);
    assert.equal(d.requested_by.id, ioB.id);
    assert.equal(d.requested_by.display_name, 'Test investigating_officer');
    assert.equal(d.requested_by.role_label, 'Investigating officer');
    assert.ok(!JSON.stringify(d).includes(ioB.email), 'no email of the requester');

    // The owner's inbox and detail: FIR number and requester.
    const inbox = await get(adminA, '/api/v1/disclosures?box=inbox');
    const mine = inbox.json().items.find((i: { id: string }) => i.id === d.id);
    assert.equal(mine.fir_number, '77/2025');
    assert.equal(mine.requested_by.role, 'investigating_officer');
    const detail = await get(ioA, `/api/v1/disclosures/${d.id}`);
    assert.equal(detail.statusCode, 200, detail.body);
    assert.equal(detail.json().fir_number, '77/2025');
    // The requester's side, before and after approval.
    const outbox = await get(ioB, `/api/v1/disclosures/${d.id}`);
    assert.equal(outbox.statusCode, 200, outbox.body);
    assert.equal(outbox.json().fir_number, null);
    const approved = await post(ioA, `/api/v1/disclosures/${d.id}/decision`, { decision: 'approve' });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().fir_number, '77/2025');
    assert.equal((await get(ioB, `/api/v1/disclosures/${d.id}`)).json().fir_number, '77/2025');
    const listed = (await get(ioB, '/api/v1/disclosures?box=outbox')).json().items;
    assert.equal(listed.find((i: { id: string }) => i.id === d.id).fir_number, '77/2025');

    // Another agency: not found. A role of the requesting agency without the right: 403 or its own side only.
    assert.equal((await get(ioE, `/api/v1/disclosures/${d.id}`)).statusCode, 404);
    assert.equal((await get(ngoB, `/api/v1/disclosures/${d.id}`)).statusCode, 200);
    const auditor = await newUser(ctx.database, station, 'oversight_auditor');
    const refused = await get(auditor, `/api/v1/disclosures/${d.id}`);
    assert.equal(refused.statusCode, 403);
    assert.equal((await get(ioA, '/api/v1/disclosures/not-a-uuid')).json().error.issues[0].field, 'id');
    assert.equal(
      (await get(ioA, '/api/v1/disclosures/0190a0f0-0000-7000-8000-000000000000')).statusCode,
      404,
    );
    // Viewing it is audited on the owner's side of the record.
    const events = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'record_id', 'detail'])
      .where('user_id', '=', ioA.id)
      .where('action', '=', 'disclosure.view')
      .execute();
    assert.equal(events.length, 1);
    assert.equal(events[0]!.record_id, caseA);
  });

  test('the session list shows the browser each session signed in from, cut to 200 characters', async () => {
    const agent = `Mozilla/5.0 (X11; Linux x86_64) ChildGridTest/1.0 ${'x'.repeat(300)}\u0007`;
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'user-agent': agent },
      payload: { email: ngoB.email, password: TEST_PASSWORD },
    });
    assert.equal(signIn.statusCode, 200, signIn.body);
    const cookie = signIn.cookies.find((c) => c.name === 'cg_session')!.value;
    const list = await get({ cookie: `cg_session=${cookie}` }, '/api/v1/auth/sessions');
    assert.equal(list.statusCode, 200, list.body);
    const sessions = list.json().sessions as { current: boolean; kind: string; user_agent: string | null }[];
    const current = sessions.find((s) => s.current)!;
    assert.equal(current.user_agent?.length, 200);
    assert.ok(current.user_agent?.startsWith('Mozilla/5.0 (X11; Linux x86_64) ChildGridTest/1.0'));
    assert.ok(!current.user_agent?.includes('\u0007'));
    // The API token made by the harness has none.
    assert.equal(sessions.find((s) => s.kind === 'api')?.user_agent, null);
  });

  test('new recovery codes need a fresh second factor; the old ones stop working; audited', async () => {
    const s = await newMfaSession(app, ctx.database, station, 'investigating_officer');
    // An API token of the same user may not.
    const byToken = await post(s.user, '/api/v1/auth/mfa/recovery-codes');
    assert.equal(byToken.statusCode, 403);
    assert.equal(byToken.json().error.code, 'mfa_required');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/recovery-codes',
      headers: s.headers,
    });
    assert.equal(res.statusCode, 200, res.body);
    const fresh = res.json().recovery_codes as string[];
    assert.equal(fresh.length, 10);
    assert.equal(new Set([...fresh, ...s.recoveryCodes]).size, 20, 'all new');
    // Sign in again: an old code is refused, a new one works.
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: s.user.email, password: TEST_PASSWORD },
    });
    const headers = {
      cookie: `cg_session=${again.cookies.find((c) => c.name === 'cg_session')!.value}`,
      'x-csrf-token': again.json().csrf_token as string,
    };
    const verify = (code: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/mfa/verify', headers, payload: { code } });
    assert.equal((await verify(s.recoveryCodes[0]!)).statusCode, 400);
    const ok = await verify(fresh[0]!);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().recovery_codes_left, 9);
    const events = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('user_id', '=', s.user.id)
      .where('action', '=', 'auth.recovery_codes_regenerated')
      .execute();
    assert.equal(events.length, 1);
    assert.ok(!JSON.stringify(events).includes(fresh[0]!), 'no code in the audit log');
    // A session whose second factor is older than 15 minutes must prove it again.
    await ctx.database.db
      .updateTable('sessions')
      .set({ mfa_verified_at: new Date(Date.now() - 16 * 60_000) })
      .where('user_id', '=', s.user.id)
      .execute();
    const stale = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/recovery-codes',
      headers: s.headers,
    });
    assert.equal(stale.statusCode, 403);
    assert.equal(stale.json().error.code, 'mfa_required');
  });

  test("mark all read marks the caller's agency's notifications, not another agency's", async () => {
    // ioB's request above notified A; A's decision notified B.
    const unreadOf = async (u: TestUser) =>
      (await get(u, '/api/v1/notifications?unread=true')).json().items.length as number;
    assert.ok((await unreadOf(ioA)) > 0);
    const unreadB = await unreadOf(ioB);
    assert.ok(unreadB > 0);
    const res = await post(ioA, '/api/v1/notifications/read-all');
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(res.json().marked > 0);
    assert.equal(await unreadOf(ioA), 0);
    assert.equal(await unreadOf(adminA), 0, "the whole agency's");
    assert.equal(await unreadOf(ioB), unreadB, "another agency's untouched");
    assert.equal((await post(ioA, '/api/v1/notifications/read-all')).json().marked, 0);
  });

  test('users: filters by locked and disabled; oversight auditors search their scope, read-only', async () => {
    const locked = await newUser(ctx.database, station, 'prosecutor');
    const disabled = await newUser(ctx.database, station, 'cwc_member');
    await ctx.database.db
      .updateTable('users')
      .set({ failed_sign_ins: 10 })
      .where('id', '=', locked.id)
      .execute();
    await ctx.database.db
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('id', '=', disabled.id)
      .execute();
    const ids = async (u: TestUser, query: string) => {
      const res = await get(u, `/api/v1/users?${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return (res.json().items as { id: string }[]).map((i) => i.id);
    };
    const lockedOnly = await ids(adminA, 'locked=true&limit=200');
    assert.ok(lockedOnly.includes(locked.id));
    assert.ok(!lockedOnly.includes(disabled.id));
    const disabledOnly = await ids(adminA, 'disabled=true&limit=200');
    assert.deepEqual(disabledOnly, [disabled.id]);
    const active = await ids(adminA, 'disabled=false&locked=false&limit=200');
    assert.ok(active.includes(ioA.id) && !active.includes(locked.id) && !active.includes(disabled.id));
    const bad = await get(adminA, '/api/v1/users?locked=maybe');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.issues[0].field, 'locked');

    // An auditor of the district sees A's users, searches by name or email, and changes nothing.
    const district = await agencyByCode(ctx.database, 'MH-D490');
    const auditor = await newUser(ctx.database, district, 'oversight_auditor');
    assert.ok((await ids(auditor, `q=${encodeURIComponent(locked.email)}`)).includes(locked.id));
    assert.ok((await ids(auditor, 'q=Test%20prosecutor&limit=200')).includes(locked.id));
    assert.equal((await get(auditor, `/api/v1/users/${ioA.id}`)).statusCode, 200);
    // Outside the district: not found, not listed.
    assert.equal((await get(auditor, `/api/v1/users/${ioE.id}`)).statusCode, 404);
    assert.ok(!(await ids(auditor, `q=${encodeURIComponent(ioE.email)}`)).includes(ioE.id));
    for (const [method, url, payload] of [
      ['PATCH', `/api/v1/users/${ioA.id}`, { display_name: 'Renamed' }],
      ['POST', `/api/v1/users/${locked.id}/unlock`, undefined],
      ['POST', `/api/v1/users/${ioA.id}/reset-mfa`, undefined],
    ] as const) {
      const res = await app.inject({
        method,
        url,
        headers: auditor.headers,
        ...(payload ? { payload } : {}),
      });
      assert.equal(res.statusCode, 403, `${method} ${url}: ${res.body}`);
    }
    // An investigating officer may not list users at all.
    assert.equal((await get(ioA, '/api/v1/users')).statusCode, 403);
  });
});
