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

interface TipIdentifier {
  id: string;
  kind: string;
  value: string;
  normalised: string;
  origin: 'text' | 'given';
  matches: {
    links: { case_id: string }[];
    hits: { record_id: string; agency: { id: string; contact_officer: string | null } }[];
    warning_listed: unknown[];
  };
}
interface Tip {
  id: string;
  agency: { id: string };
  text: string;
  identifiers: TipIdentifier[];
}
interface TipSummary {
  id: string;
  identifier_count: number;
  identifier_kinds: string[];
  recorded_by: { id: string } | null;
}
interface Alert {
  kind: string;
  other: {
    agency: { id: string; name: string; contact_officer: string | null };
    record_kind: 'case' | 'tip';
    record_id: string;
    readable: boolean;
    fir_number: string | null;
  };
  watch: { id: string } | null;
}

/** Synthetic mobile numbers, unique per run of the file (each database gets its own). */
let serial = 0;
const phone = () => `98124${String(Date.now() % 10_000).padStart(4, '0')}${serial++ % 10}`;

forEachDatabase('tips: recording, reading, scope and watch alerts', (ctx) => {
  let app: FastifyInstance;
  let stationA: { id: string; code: string };
  let ioA: TestUser;
  let ioA2: TestUser;
  let constableA: TestUser;
  let adminA: TestUser;
  let supervisor: TestUser;
  let ioB: TestUser;
  let ioE: TestUser;
  let ngo: TestUser;
  let cwc: TestUser;
  const get = (u: TestUser, url: string) => app.inject({ method: 'GET', url, headers: u.headers });
  const post = (u: TestUser, url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: u.headers, payload });
  const tipBody = (overrides: Record<string, unknown> = {}) => ({
    received_at: '2025-06-01T10:00:00+05:30',
    source: 'helpline_1098',
    text: 'Caller says two girls are kept at a lodge near the bus stand.',
    place: 'Near bus stand, Shivajinagar',
    district_lgd_code: 490,
    pincode: '411005',
    ...overrides,
  });
  async function newTip(u: TestUser, overrides: Record<string, unknown> = {}) {
    const res = await post(u, '/api/v1/tips', tipBody(overrides));
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as TipSummary;
  }
  const watchAlerts = async (u: TestUser) =>
    (await get(u, '/api/v1/grid/alerts?kind=watchlist')).json().items as Alert[];
  async function watch(u: TestUser, kind: string, value: string) {
    const res = await post(u, '/api/v1/grid/watches', { kind, value, reason: 'agent in our FIR 7/2025' });
    assert.equal(res.statusCode, 201, res.body);
  }
  const listed = async (u: TestUser) => {
    const res = await get(u, '/api/v1/tips?limit=200');
    assert.equal(res.statusCode, 200, res.body);
    return (res.json().items as TipSummary[]).map((t) => t.id);
  };

  before(async () => {
    app = await testApp(ctx.database);
    stationA = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const stationB = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const stationE = await newAgency(ctx.database, { parentCode: 'WB-D303' });
    const ngoAgency = await newAgency(ctx.database, { parentCode: 'MH-D490', kind: 'ngo' });
    const cwcAgency = await newAgency(ctx.database, { parentCode: 'MH-D490', kind: 'cwc' });
    const district = await agencyByCode(ctx.database, 'MH-D490');
    await ctx.database.db
      .updateTable('agencies')
      .set({ contact_officer: 'Insp. Synthetic Contact' })
      .where('id', '=', stationA.id)
      .execute();
    [ioA, ioA2, constableA, adminA, supervisor, ioB, ioE, ngo, cwc] = await Promise.all([
      newUser(ctx.database, stationA, 'investigating_officer'),
      newUser(ctx.database, stationA, 'investigating_officer'),
      newUser(ctx.database, stationA, 'constable'),
      newUser(ctx.database, stationA, 'agency_admin'),
      newUser(ctx.database, district, 'district_supervisor'),
      newUser(ctx.database, stationB, 'investigating_officer'),
      newUser(ctx.database, stationE, 'investigating_officer'),
      newUser(ctx.database, ngoAgency, 'ngo_caseworker'),
      newUser(ctx.database, cwcAgency, 'cwc_member'),
    ]);
  });

  test('identifiers are found in the text (Devanagari digits, spelled-out numbers) and added to those given', async () => {
    const text =
      'Caller says girls are kept at Lodge Sai Palace; agent phone ९८१२३ ६०००१, also nine eight one two three ' +
      'six zero zero zero two. Pays by UPI agent.sai@okaxis. Mail sai.lodge [at] example [dot] com';
    const created = await newTip(ioA, {
      text,
      identifiers: [
        { kind: 'vehicle', value: 'mh 12 ab 1234' },
        { kind: 'phone', value: '+91 98123-60001' },
      ],
    });
    assert.equal(created.identifier_count, 5);
    assert.deepEqual(created.identifier_kinds, ['email', 'phone', 'upi', 'vehicle']);
    assert.equal(created.recorded_by?.id, ioA.id);
    assert.ok(!('text' in created), 'the answer to a create carries no text');

    const res = await get(ioA, `/api/v1/tips/${created.id}`);
    assert.equal(res.statusCode, 200, res.body);
    const tip = res.json() as Tip;
    assert.equal(tip.text, text);
    const byValue = new Map(tip.identifiers.map((i) => [`${i.kind} ${i.normalised}`, i]));
    assert.deepEqual([...byValue.keys()].sort(), [
      'email sai.lodge@example.com',
      'phone +919812360001',
      'phone +919812360002',
      'upi agent.sai@okaxis',
      'vehicle MH12AB1234',
    ]);
    // The phone given and also in the text is one identifier, found in the text; the vehicle only given.
    assert.equal(byValue.get('phone +919812360001')?.origin, 'text');
    assert.equal(byValue.get('vehicle MH12AB1234')?.origin, 'given');
    assert.equal(byValue.get('vehicle MH12AB1234')?.value, 'mh 12 ab 1234');

    // extract: false keeps only what the officer gave (the web form's "keep or drop" step).
    const kept = await newTip(ioA, {
      text,
      extract: false,
      identifiers: [{ kind: 'upi', value: 'agent.sai@okaxis' }],
    });
    assert.equal(kept.identifier_count, 1);
    const keptTip = (await get(ioA, `/api/v1/tips/${kept.id}`)).json() as Tip;
    assert.deepEqual(
      keptTip.identifiers.map((i) => [i.kind, i.origin]),
      [['upi', 'text']],
    );
  });

  test('a full Aadhaar number is masked when found in the text and refused when given', async () => {
    const created = await newTip(ioA, {
      text: 'The caller read out the girl’s Aadhaar 2345 6789 0124 twice.',
    });
    const tip = (await get(ioA, `/api/v1/tips/${created.id}`)).json() as Tip;
    assert.deepEqual(
      tip.identifiers.map((i) => [i.kind, i.value, i.normalised]),
      [['aadhaar_masked', 'XXXXXXXX0124', 'XXXXXXXX0124']],
    );
    const refused = await post(
      ioA,
      '/api/v1/tips',
      tipBody({ identifiers: [{ kind: 'aadhaar_masked', value: '2345 6789 0124' }] }),
    );
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal(refused.json().error.issues[0].field, 'identifiers.0.value');
    assert.match(refused.json().error.issues[0].message, /full Aadhaar/);
  });

  test('every validation error names its field, and a refused tip leaves no row', async () => {
    const count = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('tips')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('agency_id', '=', stationA.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const field = async (body: object) => {
      const res = await post(ioA, '/api/v1/tips', body);
      assert.equal(res.statusCode, 400, res.body);
      return res.json().error.issues[0].field as string;
    };
    const { text: _text, ...withoutText } = tipBody();
    assert.equal(await field(withoutText), 'text');
    assert.equal(await field(tipBody({ text: 'short' })), 'text');
    assert.equal(await field(tipBody({ received_at: 'yesterday evening' })), 'received_at');
    assert.equal(await field(tipBody({ received_at: '2099-01-01T10:00:00+05:30' })), 'received_at');
    assert.equal(await field(tipBody({ source: 'rumour' })), 'source');
    assert.equal(await field(tipBody({ pincode: '0110' })), 'pincode');
    assert.equal(await field(tipBody({ district_lgd_code: 999_999 })), 'district_lgd_code');
    assert.equal(
      await field(tipBody({ identifiers: [{ kind: 'telegram', value: '@x' }] })),
      'identifiers.0.kind',
    );
    // The second of two given identifiers is not a phone number: nothing of the tip is written.
    assert.equal(
      await field(
        tipBody({
          text: 'Agent’s number is 98123 60005, and he takes payments by UPI sai.pay@okaxis.',
          identifiers: [
            { kind: 'upi', value: 'sai.pay@okaxis' },
            { kind: 'phone', value: '12' },
          ],
        }),
      ),
      'identifiers.1.value',
    );
    assert.equal(await count(), before, 'no tip row for a refused request');
  });

  test('only police officers record tips; child-welfare, NGO and administrators are refused', async () => {
    for (const u of [ngo, cwc, adminA]) {
      const res = await post(u, '/api/v1/tips', tipBody());
      assert.equal(res.statusCode, 403, `${u.role}: ${res.body}`);
      assert.equal(res.json().error.code, 'forbidden');
      assert.equal((await get(u, '/api/v1/tips')).statusCode, 403, `${u.role} lists no tips`);
    }
  });

  test('scope: another agency’s tip is not found; a constable reads only its own; the district reads the station’s', async () => {
    const ofA = await newTip(ioA);
    const ofConstable = await newTip(constableA, { source: 'public' });
    const ofB = await newTip(ioB);

    const other = await get(ioA, `/api/v1/tips/${ofB.id}`);
    assert.equal(other.statusCode, 404, other.body);
    assert.equal(other.json().error.code, 'not_found');
    assert.equal((await get(ioB, `/api/v1/tips/${ofA.id}`)).statusCode, 404);
    assert.ok(!(await listed(ioB)).includes(ofA.id));
    assert.ok((await listed(ioB)).includes(ofB.id));

    const mine = await listed(constableA);
    assert.deepEqual(mine, [ofConstable.id], 'a constable lists the tips it entered, no others');
    assert.equal((await get(constableA, `/api/v1/tips/${ofA.id}`)).statusCode, 404);
    assert.equal((await get(constableA, `/api/v1/tips/${ofConstable.id}`)).statusCode, 200);

    const station = await listed(ioA);
    assert.ok(station.includes(ofA.id) && station.includes(ofConstable.id));
    assert.ok(!station.includes(ofB.id));
    assert.ok(station.indexOf(ofConstable.id) < station.indexOf(ofA.id), 'newest first');

    const above = await listed(supervisor);
    assert.ok(above.includes(ofA.id) && above.includes(ofB.id), 'the district reads its stations’ tips');
    assert.equal((await get(supervisor, `/api/v1/tips/${ofA.id}`)).statusCode, 200);

    const bySource = (await get(ioA, '/api/v1/tips?source=public')).json().items as TipSummary[];
    assert.deepEqual(
      bySource.map((t) => t.id),
      [ofConstable.id],
    );
    const page = (await get(ioA, '/api/v1/tips?limit=1')).json();
    assert.equal(page.items.length, 1);
    const next = (await get(ioA, `/api/v1/tips?limit=1&cursor=${page.next_cursor}`)).json();
    assert.notEqual(next.items[0].id, page.items[0].id);
  });

  test('the text and identifiers are sealed at rest; create and read are audited, the list shows no text', async () => {
    const secret = 'Synthetic tip: a girl called Meena is brought to the spa every Friday night';
    const p = phone();
    const created = await newTip(ioA, { text: `${secret}; the driver's number is ${p}.` });
    const raw = await ctx.database.db
      .selectFrom('tips')
      .select('text')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    assert.ok(!raw.text.includes('Meena') && !raw.text.includes(p.slice(-6)), 'no plaintext in tips.text');
    const ids = await ctx.database.db
      .selectFrom('tip_identifiers')
      .select(['value', 'normalised'])
      .where('tip_id', '=', created.id)
      .execute();
    assert.equal(ids.length, 1);
    assert.ok(!ids[0]!.value.includes(p.slice(-6)), 'the value is sealed');
    assert.match(ids[0]!.normalised, /^bi:/);

    const list = await get(ioA, '/api/v1/tips');
    assert.ok(!list.body.includes('Meena') && !list.body.includes(p.slice(-6)), 'the list shows no text');

    await get(ioA, `/api/v1/tips/${created.id}`);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'user_id', 'record_kind', 'record_agency_id', 'detail'])
      .where('record_id', '=', created.id)
      .orderBy('occurred_at')
      .execute();
    assert.deepEqual(
      audit.map((a) => [a.action, a.user_id, a.record_kind, a.record_agency_id]),
      [
        ['tip.create', ioA.id, 'tip', stationA.id],
        ['tip.read', ioA.id, 'tip', stationA.id],
      ],
    );
    assert.ok(!JSON.stringify(audit).includes('Meena'), 'the audit log holds no text');
  });

  test('a watch fires on a tip: another agency’s watcher sees whom to call, a colleague a link; never the writer', async () => {
    const p = phone();
    await Promise.all([watch(ioE, 'phone', p), watch(ioA2, 'phone', p), watch(ioA, 'phone', p)]);
    // B holds the number in a case of its own: the tip's reader sees it as a hit.
    const caseB = await post(
      ioB,
      '/api/v1/cases',
      caseBody({
        persons: [
          {
            role: 'accused',
            full_name: 'Synthetic Tip Agent',
            age: 40,
            identifiers: [{ kind: 'phone', value: p }],
          },
        ],
      }),
    );
    assert.equal(caseB.statusCode, 201, caseB.body);
    const before = await watchAlerts(ioE);
    const created = await newTip(ioA, {
      text: `Synthetic caller: the agent answers on ${p.slice(0, 5)} ${p.slice(5)} after dark.`,
    });

    const [forE] = (await watchAlerts(ioE)).filter((a) => a.other.record_id === created.id);
    assert.ok(forE, 'the watcher in another agency is alerted');
    assert.equal((await watchAlerts(ioE)).length, before.length + 1);
    assert.equal(forE.other.record_kind, 'tip');
    assert.equal(forE.other.readable, false);
    assert.equal(forE.other.fir_number, null);
    assert.equal(forE.other.agency.id, stationA.id);
    assert.equal(forE.other.agency.contact_officer, 'Insp. Synthetic Contact');
    const rawE = (await get(ioE, '/api/v1/grid/alerts')).body;
    assert.ok(!rawE.includes('after dark'), 'no text of the tip in the alert');
    assert.equal((await get(ioE, `/api/v1/tips/${created.id}`)).statusCode, 404, 'nor can E read it');

    const [forColleague] = (await watchAlerts(ioA2)).filter((a) => a.other.record_id === created.id);
    assert.equal(forColleague?.other.record_kind, 'tip');
    assert.equal(forColleague?.other.readable, true, 'a watcher in the tip’s own agency may open it');
    assert.equal((await get(ioA2, `/api/v1/tips/${created.id}`)).statusCode, 200);

    assert.deepEqual(
      (await watchAlerts(ioA)).filter((a) => a.other.record_id === created.id),
      [],
      'the writer is not alerted about their own tip',
    );

    // What the grid knows of the number, from the tip: B's case, which A may not read, as a hit.
    const tip = (await get(ioA, `/api/v1/tips/${created.id}`)).json() as Tip;
    const id = tip.identifiers.find((i) => i.kind === 'phone');
    assert.deepEqual(
      id?.matches.hits.map((h) => h.record_id),
      [caseB.json().id],
    );
    assert.deepEqual(id?.matches.links, []);
  });

  test('an informant’s tip is for the police file’s roles; what was told, for roles that may reveal a victim', async () => {
    const mh = await agencyByCode(ctx.database, 'MH');
    const analyst = await newUser(ctx.database, mh, 'state_analyst');
    const [p, q] = [phone(), phone()];
    await Promise.all([watch(analyst, 'phone', p), watch(analyst, 'phone', q)]);
    const told = 'Synthetic informant: the agent keeps two girls at the back of the dhaba';
    const informant = await newTip(ioA, { source: 'informant', text: `${told}; he answers ${p}.` });
    const publicTip = await newTip(ioA, {
      source: 'public',
      text: `Synthetic caller: the spa number is ${q}.`,
    });

    // The analyst: no informant's tip, listed, found or alerted about; the others without what was told.
    assert.ok(!(await listed(analyst)).includes(informant.id));
    assert.ok((await listed(analyst)).includes(publicTip.id));
    assert.equal((await get(analyst, `/api/v1/tips/${informant.id}`)).statusCode, 404);
    const read = await get(analyst, `/api/v1/tips/${publicTip.id}`);
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.json().text, null);
    assert.ok(!read.body.includes('spa number'), 'the text is not in the answer');
    assert.deepEqual(
      (read.json() as Tip).identifiers.map((i) => i.normalised),
      [`+91${q}`],
    );
    const alerted = (await watchAlerts(analyst)).map((a) => a.other.record_id);
    assert.ok(alerted.includes(publicTip.id), 'the analyst’s watch fires on the public tip');
    assert.ok(!alerted.includes(informant.id), 'but says nothing of the informant’s');
    const unread = (await get(analyst, '/api/v1/grid/alerts')).json().unread as number;
    assert.equal(unread, alerted.length, 'nor counts it');
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'tip.read')
      .where('user_id', '=', analyst.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual((audit.detail as { fields: string[] }).fields, ['identifiers']);

    // The investigating officer reads both in full; a station writer its own tip's facts, not what was told.
    const full = (await get(ioA, `/api/v1/tips/${informant.id}`)).json() as Tip;
    assert.match(full.text, /back of the dhaba/);
    const own = await newTip(constableA, { source: 'public' });
    const byWriter = await get(constableA, `/api/v1/tips/${own.id}`);
    assert.equal(byWriter.statusCode, 200, byWriter.body);
    assert.equal(byWriter.json().text, null);
    const ofWriter = await newTip(constableA, { source: 'informant' });
    assert.ok(!(await listed(constableA)).includes(ofWriter.id), 'a station writer sees no informant’s tip');
  });

  test('a value on the tip agency’s warning list alerts no one; the same value elsewhere still does', async () => {
    const p = phone();
    await watch(ioE, 'phone', p);
    const entry = await post(adminA, '/api/v1/grid/warning-list', {
      kind: 'phone',
      value: p,
      reason: 'Synthetic: the lodge’s reception number, in every complaint',
      scope: 'agency',
    });
    assert.equal(entry.statusCode, 201, entry.body);
    const fromA = await newTip(ioA, { text: `Caller gave the lodge reception number ${p} again.` });
    assert.equal(fromA.identifier_count, 1);
    const alerts = await watchAlerts(ioE);
    assert.ok(!alerts.some((a) => a.other.record_id === fromA.id), 'A’s warning list stops it');
    const fromB = await newTip(ioB, { text: `Caller gave the lodge reception number ${p} again.` });
    assert.ok(
      (await watchAlerts(ioE)).some((a) => a.other.record_id === fromB.id),
      'B has no such entry: its tip alerts the watcher',
    );
  });
});
