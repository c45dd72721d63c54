import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import { linkAllPersons } from '../../src/modules/profiles/linking.service.ts';
import { ensureProfile, linkRecords } from '../../src/modules/profiles/profile.repository.ts';
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

/**
 * Batch linking into canonical profiles, the review queue and the profile view: one trafficker recorded by three
 * agencies in two states under three spellings; his brother, who shares father, surname, address and phone, is a
 * different person.
 */
forEachDatabase('person profiles, review queue and linking', (ctx) => {
  let app: FastifyInstance;
  let ioA: TestUser;
  let ioB: TestUser;
  let ioC: TestUser;
  let ngoA: TestUser;
  const ids: Record<string, { person: string; case: string }> = {};
  const get = (u: TestUser, url: string) => app.inject({ method: 'GET', url, headers: u.headers });

  before(async () => {
    app = await testApp(ctx.database);
    const a = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const b = await newAgency(ctx.database, { parentCode: 'MH-D482' });
    const c = await newAgency(ctx.database, { parentCode: 'WB-D303' });
    [ioA, ioB, ioC, ngoA] = await Promise.all([
      newUser(ctx.database, a, 'investigating_officer'),
      newUser(ctx.database, b, 'investigating_officer'),
      newUser(ctx.database, c, 'investigating_officer'),
      newUser(
        ctx.database,
        await newAgency(ctx.database, { parentCode: 'MH-D490', kind: 'ngo' }),
        'ngo_caseworker',
      ),
    ]);
    const add = async (
      label: string,
      u: TestUser,
      person: Record<string, unknown>,
      distribution = 'agency',
    ) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: u.headers,
        payload: caseBody({ distribution, persons: [{ role: 'trafficker', gender: 'male', ...person }] }),
      });
      assert.equal(res.statusCode, 201, res.body);
      ids[label] = { person: res.json().persons[0].id, case: res.json().id };
    };
    const address = '12 Bagan Bari Lane, Canning';
    await add('a', ioA, {
      full_name: 'Sheikh Rafiqul Islam',
      relation_kind: 's/o',
      relation_name: 'Sheikh Anwar Ali',
      birth_date: '1984-02-11',
      address,
      identifiers: [{ kind: 'phone', value: '9733000101' }],
    });
    await add(
      'b',
      ioB,
      {
        full_name: 'Rafikul Islam Sk',
        relation_kind: 's/o',
        relation_name: 'Anowar Ali',
        birth_date: '1984-02-11',
        address,
      },
      'state',
    );
    await add('c', ioC, {
      full_name: 'Md. Rafiqul Islam',
      relation_kind: 's/o',
      relation_name: 'Anwar Ali Sheikh',
      age: 41,
      identifiers: [{ kind: 'phone', value: '9733000101' }],
    });
    await add('brother', ioA, {
      full_name: 'Sheikh Saiful Islam',
      relation_kind: 's/o',
      relation_name: 'Sheikh Anwar Ali',
      birth_date: '1987-06-30',
      address,
      identifiers: [{ kind: 'phone', value: '9733000101' }],
    });
    // Background people so that EM has a population to learn from.
    const names = [
      'Ramesh Yadav',
      'Sunita Devi',
      'Pooja Kumari',
      'Arjun Mondal',
      'Fatima Khatun',
      'Vijay Patil',
      'Lakshmi Naidu',
      'Rohit Sharma',
      'Anjali Das',
      'Imran Khan',
      'Kavita Jadhav',
      'Suresh Gowda',
    ];
    for (const [i, full_name] of names.entries()) {
      await add(`bg${i}`, ioA, {
        full_name,
        birth_date: `19${70 + i}-0${(i % 9) + 1}-1${i % 9}`,
        address: `${i + 3} Station Road`,
      });
    }
  });

  test('linking joins one person’s records across agencies into a profile and keeps the brother apart', async () => {
    const keyring = await loadKeyring(ctx.database.db, testConfig().masterKeys!);
    const summary = await linkAllPersons(ctx.database.db, keyring);
    assert.ok(summary.records >= 16);
    const profile = async (label: string) =>
      await ctx.database.db
        .selectFrom('profile_members')
        .select(['profile_id', 'method', 'model_version'])
        .where('person_id', '=', ids[label]!.person)
        .executeTakeFirst();
    const pa = await profile('a');
    const pb = await profile('b');
    assert.ok(pa && pb, JSON.stringify(summary));
    assert.equal(pa.profile_id, pb.profile_id, 'the same trafficker in two districts is one profile');
    assert.equal(pb.method, 'model');
    assert.ok(pb.model_version);
    const brother = await profile('brother');
    assert.notEqual(brother?.profile_id, pa.profile_id, 'the brother is a different person');
    // A and B are open cases of two agencies linked through a person (no shared identifier): both are alerted.
    const alerts = await ctx.database.db
      .selectFrom('grid_alerts')
      .select(['case_id', 'other_case_id'])
      .where('kind', '=', 'deconfliction')
      .where('match_on', '=', 'person')
      .execute();
    assert.ok(
      alerts.some((x) => x.case_id === ids.a!.case && x.other_case_id === ids.b!.case),
      JSON.stringify(summary),
    );
    assert.ok(alerts.some((x) => x.case_id === ids.b!.case && x.other_case_id === ids.a!.case));

    const again = await linkAllPersons(ctx.database.db, keyring);
    assert.equal(again.autoLinks, 0, 'a second run changes nothing');
    assert.equal(again.queued, 0);
  });

  test('the profile shows readable records as links, the others as hits, with flags and a network', async () => {
    const { profile_id } = await ctx.database.db
      .selectFrom('profile_members')
      .select('profile_id')
      .where('person_id', '=', ids.a!.person)
      .executeTakeFirstOrThrow();
    const res = await get(ioA, `/api/v1/profiles/${profile_id}`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const links = body.records.filter((r: { access: string }) => r.access === 'link');
    const hits = body.records.filter((r: { access: string }) => r.access === 'hit');
    assert.ok(links.some((r: { person: { person_id: string } }) => r.person.person_id === ids.a!.person));
    assert.ok(
      links.some((r: { person: { person_id: string } }) => r.person.person_id === ids.b!.person),
      'B shares its case state-wide',
    );
    for (const h of hits) assert.equal(h.person, null);
    assert.equal(body.flags.repeat_offender, true);
    assert.ok(body.network.nodes.some((n: { kind: string }) => n.kind === 'identifier'));
    assert.ok(body.network.edges.length > 0);
    const events = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', profile_id)
      .execute();
    assert.ok(events.some((e) => e.action === 'profile.read'));

    // Someone who reads none of its records does not learn the profile exists.
    const other = await get(ioC, `/api/v1/profiles/${profile_id}`);
    const cReads = (
      await ctx.database.db
        .selectFrom('profile_members')
        .select('person_id')
        .where('profile_id', '=', profile_id)
        .execute()
    ).some((m) => m.person_id === ids.c!.person);
    assert.equal(other.statusCode, cReads ? 200 : 404);
    const ngo = await get(ngoA, `/api/v1/profiles/${profile_id}`);
    assert.equal(ngo.statusCode, 404, 'an NGO caseworker reads no police record of the trafficker');
  });

  test('review queue: a pending pair is shown to those who read both records; confirming links them', async () => {
    const [x, y] = [ids.a!, ids.brother!];
    const agency = (
      await ctx.database.db
        .selectFrom('persons')
        .select('agency_id')
        .where('id', '=', x.person)
        .executeTakeFirstOrThrow()
    ).agency_id;
    const [p, q] = [x.person, y.person].sort();
    await ctx.database.db
      .insertInto('match_candidates')
      .values({
        id: '01900000-0000-7000-8000-00000000abcd',
        a_agency_id: agency,
        a_person_id: p!,
        b_agency_id: agency,
        b_person_id: q!,
        score: 4.5,
        explanation: JSON.stringify([{ field: 'name', level: 'subset', weight: 1 }]),
        model_version: 'test',
      })
      .onConflict((oc) =>
        oc.columns(['a_agency_id', 'a_person_id', 'b_agency_id', 'b_person_id']).doNothing(),
      )
      .execute();
    const list = await get(ioA, '/api/v1/grid/reviews');
    assert.equal(list.statusCode, 200, list.body);
    const item = list
      .json()
      .items.find((i: { a: { person_id: string }; b: { person_id: string } }) =>
        [i.a.person_id, i.b.person_id].includes(ids.brother!.person),
      );
    assert.ok(item, list.body);
    const fromB = await get(ioB, '/api/v1/grid/reviews');
    assert.ok(
      !fromB.json().items.some((i: { id: string }) => i.id === item.id),
      'B cannot read A’s agency-only records',
    );

    const wrongRole = await app.inject({
      method: 'POST',
      url: `/api/v1/grid/reviews/${item.id}/decision`,
      headers: ngoA.headers,
      payload: { decision: 'rejected' },
    });
    assert.equal(wrongRole.statusCode, 403);
    const byB = await app.inject({
      method: 'POST',
      url: `/api/v1/grid/reviews/${item.id}/decision`,
      headers: ioB.headers,
      payload: { decision: 'rejected' },
    });
    assert.equal(byB.statusCode, 404);
    const bad = await app.inject({
      method: 'POST',
      url: `/api/v1/grid/reviews/${item.id}/decision`,
      headers: ioA.headers,
      payload: { decision: 'maybe' },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /decision/);
    const rejected = await app.inject({
      method: 'POST',
      url: `/api/v1/grid/reviews/${item.id}/decision`,
      headers: ioA.headers,
      payload: { decision: 'rejected', note: 'Brothers: different birth dates' },
    });
    assert.equal(rejected.statusCode, 200, rejected.body);
    assert.equal(rejected.json().status, 'rejected');
    const members = await ctx.database.db
      .selectFrom('profile_members')
      .select(['person_id', 'profile_id'])
      .where('person_id', 'in', [x.person, y.person])
      .execute();
    assert.equal(new Set(members.map((m) => m.profile_id)).size, members.length, 'rejecting links nothing');
    // A colleague watches the first record's person: confirming tells them the other record joined it.
    const { code } = await ctx.database.db
      .selectFrom('agencies')
      .select('code')
      .where('id', '=', ioA.agencyId)
      .executeTakeFirstOrThrow();
    const watcher = await newUser(ctx.database, { id: ioA.agencyId, code }, 'investigating_officer');
    const watchedProfile = await ensureProfile(ctx.database.db, agency, x.person);
    const watch = await app.inject({
      method: 'POST',
      url: '/api/v1/grid/watches',
      headers: watcher.headers,
      payload: { profile_id: watchedProfile, reason: 'the elder brother, in our FIR' },
    });
    assert.equal(watch.statusCode, 201, watch.body);
    const confirmed = await app.inject({
      method: 'POST',
      url: `/api/v1/grid/reviews/${item.id}/decision`,
      headers: ioA.headers,
      payload: { decision: 'confirmed' },
    });
    assert.equal(confirmed.statusCode, 200);
    const after = await ctx.database.db
      .selectFrom('profile_members')
      .select(['profile_id', 'method', 'reviewer_id'])
      .where('person_id', 'in', [x.person, y.person])
      .execute();
    assert.equal(after[0]?.profile_id, after[1]?.profile_id, 'confirming links the two records');
    assert.ok(after.some((m) => m.method === 'review' && m.reviewer_id === ioA.id));
    const told = (
      await app.inject({ method: 'GET', url: '/api/v1/grid/alerts?kind=watchlist', headers: watcher.headers })
    ).json().items as { watch: { id: string } | null; other: { record_id: string } }[];
    assert.equal(told.filter((a) => a.watch?.id === watch.json().id).length, 1, JSON.stringify(told));
    assert.equal(told[0]?.other.record_id, y.case);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', item.id)
      .execute();
    assert.equal(audit.filter((e) => e.action === 'match.review').length, 2);
  });

  test('a new record written through the API is matched at once: it joins the profile and both sides are alerted', async () => {
    const live = await testApp(ctx.database, testConfig({ GRID_MATCH_ON_WRITE: 'true' }));
    const { profile_id } = await ctx.database.db
      .selectFrom('profile_members')
      .select('profile_id')
      .where('person_id', '=', ids.a!.person)
      .executeTakeFirstOrThrow();
    const watch = await live.inject({
      method: 'POST',
      url: '/api/v1/grid/watches',
      headers: ioA.headers,
      payload: { profile_id, reason: 'Trafficker under investigation in FIR 12/2026' },
    });
    assert.equal(watch.statusCode, 201, watch.body);
    const both = await live.inject({
      method: 'POST',
      url: '/api/v1/grid/watches',
      headers: ioA.headers,
      payload: { profile_id, kind: 'phone', value: '9733000101', reason: 'Both at once' },
    });
    assert.equal(both.statusCode, 400);
    const unseen = await live.inject({
      method: 'POST',
      url: '/api/v1/grid/watches',
      headers: ngoA.headers,
      payload: { profile_id, reason: 'Curious about this person' },
    });
    assert.ok([403, 404].includes(unseen.statusCode), 'no watch on a profile one cannot read');
    const res = await live.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: ioC.headers,
      payload: caseBody({
        persons: [
          {
            role: 'trafficker',
            gender: 'male',
            full_name: 'Rafiqul Islam Sheikh',
            relation_kind: 's/o',
            relation_name: 'Anwar Ali',
            birth_date: '1984-02-11',
            address: '12 Bagan Bari Lane, Canning',
          },
        ],
      }),
    });
    assert.equal(res.statusCode, 201, res.body);
    const newPerson = res.json().persons[0].id as string;
    const profiles = await ctx.database.db
      .selectFrom('profile_members')
      .select(['person_id', 'profile_id', 'method'])
      .where('person_id', 'in', [newPerson, ids.a!.person])
      .execute();
    assert.equal(profiles.length, 2, JSON.stringify(profiles));
    assert.equal(profiles[0]!.profile_id, profiles[1]!.profile_id);
    const alerts = await ctx.database.db
      .selectFrom('grid_alerts')
      .select(['agency_id', 'case_id'])
      .where('kind', '=', 'deconfliction')
      .where('match_on', '=', 'person')
      .where((eb) => eb.or([eb('case_id', '=', res.json().id), eb('other_case_id', '=', res.json().id)]))
      .execute();
    assert.ok(alerts.length >= 2, 'the new case and the older ones are deconflicted');
    const watchAlerts = await ctx.database.db
      .selectFrom('grid_alerts')
      .select(['user_id', 'other_case_id'])
      .where('kind', '=', 'watchlist')
      .where('user_id', '=', ioA.id)
      .execute();
    assert.ok(
      watchAlerts.some((a) => a.other_case_id === res.json().id),
      'the watcher of the profile is told the person turned up in a new case',
    );
    await live.close();
  });
});

/**
 * What a profile shows follows the caller's field allow-list and grants (docs/security.md, docs/profiles.md): one
 * man recorded as the accused by two Maharashtra stations (one case referred to a CWC and, without identifiers,
 * to a prosecutor; the other shared state-wide) and as an informant by a third Maharashtra station and by a West
 * Bengal station.
 */
forEachDatabase('a profile shows only what the caller’s role may see', (ctx) => {
  let app: FastifyInstance;
  const u = {} as Record<'ioA' | 'ioB' | 'ioW' | 'cwc' | 'prosecutor' | 'analyst', TestUser>;
  const rec = {} as Record<
    'a' | 'b' | 'informantB' | 'informantW',
    { agency: string; case: string; person: string }
  >;
  const PHONE = {
    a: '+919812377001',
    b: '+919812377002',
    informantB: '+919812377003',
    informantW: '+919812377004',
  };
  let profileId: string;
  const NAME = 'Probe Accused Xalxo';
  type ProfileJson = {
    records: { access: string; case_id: string; person: { role: string } | null }[];
    flags: { repeat_offender: boolean; across_states: boolean; cases: number; states: number };
    network: { nodes: { id: string; kind: string }[] };
  };
  const view = async (who: keyof typeof u) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/profiles/${profileId}`,
      headers: u[who].headers,
    });
    return { res, body: res.json() as ProfileJson };
  };
  const phoneNodes = (body: ProfileJson) =>
    body.network.nodes
      .filter((n) => n.kind === 'identifier')
      .map((n) => n.id)
      .sort();
  const node = (phone: string) => `identifier:phone:${phone}`;

  before(async () => {
    app = await testApp(ctx.database);
    const db = ctx.database;
    const [stA, stB, stC, stW, cwc, prosecution] = await Promise.all([
      newAgency(db, { parentCode: 'MH-D490' }),
      newAgency(db, { parentCode: 'MH-D482' }),
      newAgency(db, { parentCode: 'MH-D482' }),
      newAgency(db, { parentCode: 'WB-D303' }),
      newAgency(db, { parentCode: 'MH-D490', kind: 'cwc' }),
      newAgency(db, { parentCode: 'MH-D490', kind: 'prosecution' }),
    ]);
    const mh = await agencyByCode(db, 'MH');
    const ioC = await newUser(db, stC, 'investigating_officer');
    [u.ioA, u.ioB, u.ioW, u.cwc, u.prosecutor, u.analyst] = await Promise.all([
      newUser(db, stA, 'investigating_officer'),
      newUser(db, stB, 'investigating_officer'),
      newUser(db, stW, 'investigating_officer'),
      newUser(db, cwc, 'cwc_member'),
      newUser(db, prosecution, 'prosecutor'),
      newUser(db, mh, 'state_analyst'),
    ]);
    const post = async (who: TestUser, url: string, payload: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url, headers: who.headers, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };
    const man = (role: string, phone: string) => ({
      role,
      full_name: NAME,
      gender: 'male',
      age: 40,
      identifiers: [{ kind: 'phone', value: phone }],
    });
    const k1 = await post(
      u.ioA,
      '/api/v1/cases',
      caseBody({
        persons: [
          { role: 'victim', full_name: 'Synthetic Victim Probe', gender: 'female', age: 14 },
          man('accused', PHONE.a),
        ],
      }),
    );
    const victim = k1.persons.find((p: { role: string }) => p.role === 'victim');
    for (const given_by of ['child', 'guardian'])
      await post(u.ioA, `/api/v1/persons/${victim.id}/consents`, { given_by, purpose: 'referral' });
    await post(u.ioA, `/api/v1/cases/${k1.id}/referrals`, {
      to_agency_id: cwc.id,
      purpose: 'care, protection and rehabilitation of the child',
    });
    await post(u.ioA, `/api/v1/cases/${k1.id}/referrals`, {
      to_agency_id: prosecution.id,
      purpose: 'charge-sheet scrutiny by the prosecutor',
      fields: ['summary', 'persons'],
    });
    const k2 = await post(
      u.ioB,
      '/api/v1/cases',
      caseBody({ distribution: 'state', persons: [man('accused', PHONE.b)] }),
    );
    const k3 = await post(
      ioC,
      '/api/v1/cases',
      caseBody({
        distribution: 'state',
        persons: [
          { role: 'accused', full_name: 'Probe Other Accused', gender: 'male', age: 30 },
          man('informant', PHONE.informantB),
        ],
      }),
    );
    const k4 = await post(
      u.ioW,
      '/api/v1/cases',
      caseBody({
        persons: [
          { role: 'accused', full_name: 'Probe Bengal Accused', gender: 'male', age: 30 },
          man('informant', PHONE.informantW),
        ],
      }),
    );
    const of = (
      k: { id: string; persons: { id: string; role: string }[] },
      role: string,
      agency: string,
    ) => ({
      agency,
      case: k.id,
      person: k.persons.find((p) => p.role === role)!.id,
    });
    rec.a = of(k1, 'accused', stA.id);
    rec.b = of(k2, 'accused', stB.id);
    rec.informantB = of(k3, 'informant', stC.id);
    rec.informantW = of(k4, 'informant', stW.id);
    profileId = await ctx.database.db.transaction().execute(async (tx) => {
      const how = { method: 'model' as const, score: 12, modelVersion: 'test', reviewerId: null };
      const side = (r: { agency: string; person: string }) => ({ agencyId: r.agency, personId: r.person });
      await linkRecords(tx, side(rec.a), side(rec.b), how);
      await linkRecords(tx, side(rec.a), side(rec.informantB), how);
      return linkRecords(tx, side(rec.a), side(rec.informantW), how);
    });
  });

  test('the network lists only identifiers the caller’s role may see, on records it reads and was granted', async () => {
    const io = await view('ioA');
    assert.equal(io.res.statusCode, 200, io.res.body);
    // Its own phone, the state-shared record's, and the informant's on a state-shared case: the police file.
    assert.deepEqual(phoneNodes(io.body), [node(PHONE.a), node(PHONE.b), node(PHONE.informantB)].sort());

    const analyst = await view('analyst');
    assert.equal(analyst.res.statusCode, 200, analyst.res.body);
    assert.deepEqual(phoneNodes(analyst.body), [node(PHONE.a), node(PHONE.b)].sort(), 'no informant’s phone');

    // The CWC reads the referred case, and the accused in it, but not his phones (the child-protection file).
    const cwc = await view('cwc');
    assert.equal(cwc.res.statusCode, 200, cwc.res.body);
    assert.ok(cwc.body.records.some((r) => r.access === 'link' && r.case_id === rec.a.case));
    assert.deepEqual(phoneNodes(cwc.body), []);
    assert.ok(!cwc.res.body.includes('9812377'), 'no phone anywhere in the answer');

    // The prosecutor's role reads an accused's phones, but the referral did not grant identifiers.
    const prosecutor = await view('prosecutor');
    assert.equal(prosecutor.res.statusCode, 200, prosecutor.res.body);
    assert.ok(prosecutor.body.records.some((r) => r.access === 'link' && r.case_id === rec.a.case));
    assert.deepEqual(phoneNodes(prosecutor.body), []);
  });

  test('a record of a person whose role the caller may not see is neither a link nor a hit', async () => {
    const informantCases = [rec.informantB.case, rec.informantW.case];
    for (const who of ['analyst', 'cwc', 'prosecutor'] as const) {
      const { res, body } = await view(who);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        body.records.map((r) => r.case_id).sort(),
        [rec.a.case, rec.b.case].sort(),
        `${who}: the two accused records only`,
      );
      for (const c of informantCases) assert.ok(!res.body.includes(c), `${who}: no trace of ${c}`);
      assert.ok(!res.body.includes(u.ioW.agencyId), `${who}: not even the West Bengal station's name`);
    }
    const analyst = (await view('analyst')).body;
    assert.ok(
      analyst.records.every((r) => r.access === 'link'),
      'the analyst reads both accused records',
    );
    const cwc = (await view('cwc')).body;
    assert.deepEqual(
      cwc.records.map((r) => [r.case_id, r.access]).sort(),
      [
        [rec.a.case, 'link'],
        [rec.b.case, 'hit'],
      ].sort(),
      'the CWC reads the referred case only; the state-shared one is a hit',
    );

    // Police roles see informants: a record they read is a link, another agency’s private case a hit.
    const io = (await view('ioA')).body;
    const informant = io.records.find((r) => r.case_id === rec.informantB.case);
    assert.equal(informant?.access, 'link');
    assert.equal(informant?.person?.role, 'informant');
    assert.equal(io.records.find((r) => r.case_id === rec.informantW.case)?.access, 'hit');
    const w = (await view('ioW')).body;
    assert.equal(w.records.find((r) => r.case_id === rec.informantW.case)?.access, 'link');
  });

  test('across states counts the states of records as accused, trafficker or buyer, not of other roles', async () => {
    const io = (await view('ioA')).body.flags;
    // Accused in two Maharashtra cases; an informant in West Bengal (a hit for this officer).
    assert.deepEqual(io, { repeat_offender: true, across_states: false, cases: 4, states: 2 });
    assert.deepEqual((await view('analyst')).body.flags, {
      repeat_offender: true,
      across_states: false,
      cases: 2,
      states: 1,
    });

    const join = async (role: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: u.ioW.headers,
        payload: caseBody({ persons: [{ role, full_name: NAME, gender: 'male', age: 17 }] }),
      });
      assert.equal(res.statusCode, 201, res.body);
      await ctx.database.db
        .transaction()
        .execute((tx) =>
          linkRecords(
            tx,
            { agencyId: rec.a.agency, personId: rec.a.person },
            { agencyId: u.ioW.agencyId, personId: res.json().persons[0].id },
            { method: 'review', score: null, modelVersion: null, reviewerId: u.ioW.id },
          ),
        );
    };
    // Rescued as a boy in West Bengal years ago: a victim's record is not an offence across states.
    await join('victim');
    assert.deepEqual((await view('analyst')).body.flags, {
      repeat_offender: true,
      across_states: false,
      cases: 3,
      states: 2,
    });
    await join('trafficker');
    for (const who of ['analyst', 'ioA'] as const) {
      const flags = (await view(who)).body.flags;
      assert.equal(flags.across_states, true, `${who}: an offender's records in Maharashtra and West Bengal`);
    }
  });
});
