import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import { linkAllPersons } from '../../src/modules/profiles/linking.service.ts';
import { ensureProfile } from '../../src/modules/profiles/profile.repository.ts';
import {
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
