import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openHistorySheet } from '../../src/modules/history-sheets/history-sheet.service.ts';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import { linkAllPersons } from '../../src/modules/profiles/linking.service.ts';
import { ensureProfile, linkRecords } from '../../src/modules/profiles/profile.repository.ts';
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

/**
 * What binds person linking (docs/profiles.md): a transferred case's copy is the same record as its original;
 * an officer's "not the same" (a rejected pair, or an unlink) holds two profiles apart on every linking path; one
 * new record does not chain two different people into one profile; a wrong link can be undone; and every member
 * keeps the provenance of its own link when profiles merge.
 */
forEachDatabase('person linking: transfers, cannot-link, unlink and provenance', (ctx) => {
  let app: FastifyInstance;
  let live: FastifyInstance;
  let keyring: Keyring;
  let stationA: { id: string; code: string };
  let stationB: { id: string; code: string };
  let stationC: { id: string; code: string };
  let stationW: { id: string; code: string };
  let ioA: TestUser;
  let shoA: TestUser;
  let ioB: TestUser;
  let ioC: TestUser;
  let shoW: TestUser;
  let ioW: TestUser;
  let analyst: TestUser;
  let ngo: TestUser;
  const post = (a: FastifyInstance, u: TestUser, url: string, payload: object) =>
    a.inject({ method: 'POST', url, headers: u.headers, payload });
  const get = (u: TestUser, url: string) => app.inject({ method: 'GET', url, headers: u.headers });

  /** Writes a case with one person (through `via`: `live` matches on write, `app` does not). */
  async function person(
    via: FastifyInstance,
    u: TestUser,
    p: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) {
    const res = await post(
      via,
      u,
      '/api/v1/cases',
      caseBody({ persons: [{ gender: 'male', ...p }], ...extra }),
    );
    assert.equal(res.statusCode, 201, res.body);
    return {
      agencyId: u.agencyId,
      personId: res.json().persons[0].id as string,
      caseId: res.json().id as string,
    };
  }
  const profileOf = async (personId: string) =>
    (
      await ctx.database.db
        .selectFrom('profile_members')
        .select('profile_id')
        .where('person_id', '=', personId)
        .executeTakeFirst()
    )?.profile_id;
  const member = (personId: string) =>
    ctx.database.db
      .selectFrom('profile_members')
      .selectAll()
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
  const pairOf = (x: string, y: string) =>
    ctx.database.db
      .selectFrom('match_candidates')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('a_person_id', '=', x), eb('b_person_id', '=', y)]),
          eb.and([eb('a_person_id', '=', y), eb('b_person_id', '=', x)]),
        ]),
      )
      .executeTakeFirst();
  /** Deconfliction and re-trafficking alerts between two cases, either way round (by a person, or by anything). */
  const alertsBetween = (c1: string, c2: string, on: 'person' | 'any' = 'person') =>
    ctx.database.db
      .selectFrom('grid_alerts')
      .select(['agency_id', 'kind'])
      .where('kind', 'in', ['deconfliction', 're_trafficking'])
      .where('match_on', 'in', on === 'person' ? ['person', 'profile'] : ['person', 'profile', 'identifier'])
      .where((eb) =>
        eb.or([
          eb.and([eb('case_id', '=', c1), eb('other_case_id', '=', c2)]),
          eb.and([eb('case_id', '=', c2), eb('other_case_id', '=', c1)]),
        ]),
      )
      .execute();
  const queuePair = async (
    x: { agencyId: string; personId: string },
    y: { agencyId: string; personId: string },
  ) => {
    const [a, b] = [x, y].sort((p, q) =>
      p.agencyId === q.agencyId ? (p.personId < q.personId ? -1 : 1) : p.agencyId < q.agencyId ? -1 : 1,
    );
    const id = newId();
    await ctx.database.db
      .insertInto('match_candidates')
      .values({
        id,
        a_agency_id: a!.agencyId,
        a_person_id: a!.personId,
        b_agency_id: b!.agencyId,
        b_person_id: b!.personId,
        score: 5,
        explanation: JSON.stringify([{ field: 'name', level: 'exact', weight: 5 }]),
        model_version: 'test',
      })
      .execute();
    return id;
  };

  before(async () => {
    app = await testApp(ctx.database);
    live = await testApp(ctx.database, testConfig({ GRID_MATCH_ON_WRITE: 'true' }));
    keyring = await loadKeyring(ctx.database.db, testConfig().masterKeys!);
    stationA = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    stationB = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    stationC = await newAgency(ctx.database, { parentCode: 'MH-D482' });
    stationW = await newAgency(ctx.database, { parentCode: 'WB-D303' });
    const mh = await agencyByCode(ctx.database, 'MH');
    const ngoAgency = await newAgency(ctx.database, { parentCode: 'MH-D490', kind: 'ngo' });
    [ioA, shoA, ioB, ioC, shoW, ioW, analyst, ngo] = await Promise.all([
      newUser(ctx.database, stationA, 'investigating_officer'),
      newUser(ctx.database, stationA, 'station_house_officer'),
      newUser(ctx.database, stationB, 'investigating_officer'),
      newUser(ctx.database, stationC, 'investigating_officer'),
      newUser(ctx.database, stationW, 'station_house_officer'),
      newUser(ctx.database, stationW, 'investigating_officer'),
      newUser(ctx.database, mh, 'state_analyst'),
      newUser(ctx.database, ngoAgency, 'ngo_caseworker'),
    ]);
  });

  test('a transferred case’s copy is the same record: linked by rule, never alerted or queued, one case for the flags', async () => {
    const zero = await post(
      app,
      shoA,
      '/api/v1/cases',
      caseBody({
        fir_kind: 'zero_fir',
        persons: [
          {
            role: 'victim',
            full_name: 'Synthetic Transfer Girl Meena',
            gender: 'female',
            age: 14,
            relation_kind: 'd/o',
            relation_name: 'Rameshwar Meena',
            identifiers: [{ kind: 'phone', value: '9812388001' }],
          },
          {
            role: 'accused',
            full_name: 'Transfer Accused Gogoi',
            gender: 'male',
            age: 40,
            relation_kind: 's/o',
            relation_name: 'Binod Gogoi',
            identifiers: [{ kind: 'phone', value: '9812388002' }],
          },
        ],
      }),
    );
    assert.equal(zero.statusCode, 201, zero.body);
    const original = zero.json() as { id: string; persons: { id: string; role: string }[] };
    // A colleague watches the accused: the transfer tells them, once, who holds the case now.
    const accusedProfile = await ensureProfile(
      ctx.database.db,
      stationA.id,
      original.persons.find((p) => p.role === 'accused')!.id,
    );
    const watch = await post(app, ioA, '/api/v1/grid/watches', {
      profile_id: accusedProfile,
      reason: 'accused of our zero FIR',
    });
    assert.equal(watch.statusCode, 201, watch.body);
    const t = await post(app, shoA, `/api/v1/cases/${original.id}/transfers`, {
      to_agency_id: stationW.id,
      reason: 'zero FIR: the offence was committed in the area of the West Bengal station',
      consent_override_reason: 'zero FIR: BNSS s.173(1) requires the transfer without delay',
    });
    assert.equal(t.statusCode, 201, t.body);
    const copyCase = t.json().to_case_id as string;
    const copy = (await get(ioW, `/api/v1/cases/${copyCase}`)).json() as {
      persons: { id: string; role: string; version: number }[];
    };
    for (const role of ['victim', 'accused']) {
      const mine = original.persons.find((p) => p.role === role)!;
      const theirs = copy.persons.find((p) => p.role === role)!;
      assert.equal(await profileOf(theirs.id), await profileOf(mine.id), `${role}: one profile`);
      const m = await member(theirs.id);
      assert.equal(m.method, 'rule');
      assert.equal(m.model_version, 'case-transfer');
      assert.equal(m.linked_to_person_id, mine.id, 'linked to its original');
    }

    const told = (await get(ioA, '/api/v1/grid/alerts?kind=watchlist')).json().items as {
      other: { record_id: string; agency: { id: string } };
    }[];
    assert.deepEqual(
      told.map((a) => [a.other.record_id, a.other.agency.id]),
      [[copyCase, stationW.id]],
    );

    // Batch linking and matching on write find the copy and its original: they stay one record, unalerted.
    await linkAllPersons(ctx.database.db, keyring);
    const accusedCopy = copy.persons.find((p) => p.role === 'accused')!;
    const patched = await live.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${accusedCopy.id}`,
      headers: ioW.headers,
      payload: { version: accusedCopy.version, age: 41 },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.deepEqual(
      await alertsBetween(original.id, copyCase, 'any'),
      [],
      'no alert between a case and its copy',
    );
    for (const role of ['victim', 'accused']) {
      const mine = original.persons.find((p) => p.role === role)!;
      const theirs = copy.persons.find((p) => p.role === role)!;
      assert.equal(await pairOf(mine.id, theirs.id), undefined, `${role}: nothing for an officer to review`);
    }

    // The accused is in one case, held now in West Bengal: no repeat offender, no second state.
    const profileId = await profileOf(accusedCopy.id);
    const view = await get(ioW, `/api/v1/profiles/${profileId}`);
    assert.equal(view.statusCode, 200, view.body);
    assert.equal(view.json().flags.cases, 1);
    assert.equal(view.json().flags.repeat_offender, false);
    assert.equal(view.json().flags.states, 1);
    assert.equal(view.json().flags.across_states, false);
    const byRule = view.json().records.find((r: { case_id: string }) => r.case_id === copyCase);
    assert.equal(byRule.link.method, 'rule');

    // A genuinely new case of the accused (another agency, another state) is a second case.
    const again = await person(live, ioA, {
      role: 'accused',
      full_name: 'Transfer Accused Gogoi',
      age: 40,
      relation_kind: 's/o',
      relation_name: 'Binod Gogoi',
      identifiers: [{ kind: 'phone', value: '9812388002' }],
    });
    assert.equal(await profileOf(again.personId), profileId, 'the new record joins the profile');
    const after = (await get(ioW, `/api/v1/profiles/${profileId}`)).json();
    assert.equal(after.flags.cases, 2);
    assert.equal(after.flags.repeat_offender, true);
    assert.equal(after.flags.across_states, true);

    // The child turns up again, her phone and name in a new case of a third agency: the station that now holds
    // her case (the copy's) is alerted once, not also the station that sent it away (its read-only trace).
    const seen = await person(app, ioB, {
      role: 'victim',
      full_name: 'Synthetic Transfer Girl Meena',
      gender: 'female',
      age: 15,
      relation_kind: 'd/o',
      relation_name: 'Rameshwar Meena',
      identifiers: [{ kind: 'phone', value: '9812388001' }],
    });
    const retrafficking = await ctx.database.db
      .selectFrom('grid_alerts')
      .select(['agency_id', 'case_id'])
      .where('kind', '=', 're_trafficking')
      .where('other_case_id', '=', seen.caseId)
      .execute();
    assert.deepEqual(
      retrafficking.map((a) => [a.agency_id, a.case_id]),
      [[stationW.id, copyCase]],
      'one alert, to the holder of the copy',
    );
  });

  test('a rejected pair holds two profiles apart: batch linking, matching on write and review confirmation', async () => {
    const gopal = {
      role: 'accused',
      full_name: 'Gopal Singh Rathore',
      relation_kind: 's/o',
      relation_name: 'Bhanwar Singh Rathore',
      birth_date: '1979-04-02',
      address: '7 Kumhar Mohalla, Pali',
      identifiers: [{ kind: 'phone', value: '9812399101' }],
    };
    const x = await person(app, ioA, gopal);
    const y = await person(app, ioB, gopal, { distribution: 'district' });
    const pair = await queuePair(x, y);
    const rejected = await post(app, ioA, `/api/v1/grid/reviews/${pair}/decision`, {
      decision: 'rejected',
      note: 'Two men of one name: the FIR photographs differ',
    });
    assert.equal(rejected.statusCode, 200, rejected.body);

    await linkAllPersons(ctx.database.db, keyring);
    assert.notEqual(
      await profileOf(x.personId),
      await profileOf(y.personId),
      'batch linking obeys the officer',
    );
    assert.deepEqual(await alertsBetween(x.caseId, y.caseId), [], 'and no person alert between them');

    // A third record of the same name bridges them: it joins one, and the other pair waits for an officer.
    const z = await person(live, ioA, gopal);
    const [px, py, pz] = [
      await profileOf(x.personId),
      await profileOf(y.personId),
      await profileOf(z.personId),
    ];
    assert.notEqual(px, py, 'matching on write obeys the officer');
    assert.ok(pz === px || pz === py);
    const other = pz === px ? y : x;
    const waiting = await pairOf(z.personId, other.personId);
    assert.equal(waiting?.status, 'pending', 'the bridging pair is queued for review');

    // Confirming that pair would join what the officer held apart: refused, and nothing is kept of it.
    const confirm = await post(app, ioA, `/api/v1/grid/reviews/${waiting!.id}/decision`, {
      decision: 'confirmed',
    });
    assert.equal(confirm.statusCode, 409, confirm.body);
    assert.match(confirm.json().error.message, /not the same person/);
    assert.equal((await pairOf(z.personId, other.personId))?.status, 'pending');
    assert.notEqual(await profileOf(x.personId), await profileOf(y.personId));

    // Deciding the rejected pair again is how an officer changes their mind.
    const changed = await post(app, ioA, `/api/v1/grid/reviews/${pair}/decision`, { decision: 'confirmed' });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(await profileOf(x.personId), await profileOf(y.personId));
  });

  test('matching on write does not chain two different people into one profile through a new record', async () => {
    const mohan = {
      role: 'accused',
      full_name: 'Mohan Lal Verma',
      relation_kind: 's/o',
      relation_name: 'Kishan Lal Verma',
      age: 40,
      identifiers: [{ kind: 'phone', value: '9812377501' }],
    };
    // Two profiles: Mohan with a sparse record of him in A; Mohan in B, wrongly joined (by an officer) with a
    // record of another man. A new record of Mohan would bridge them.
    const a1 = await person(app, ioA, mohan);
    const a2 = await person(app, ioA, { role: 'accused', full_name: 'M. L. Verma', age: 40 });
    const b1 = await person(app, ioB, { ...mohan, age: 41 }, { distribution: 'district' });
    const b2 = await person(
      app,
      ioB,
      { role: 'buyer', full_name: 'Abdul Rahman Sheikh', age: 66 },
      {
        distribution: 'district',
      },
    );
    const how = { method: 'review' as const, score: null, modelVersion: null, reviewerId: ioA.id };
    await ctx.database.db.transaction().execute(async (tx) => {
      await linkRecords(tx, a1, a2, how);
      await linkRecords(tx, b1, b2, how);
    });
    const n = await person(live, ioA, mohan);
    const [p1, p2, pn] = [
      await profileOf(a1.personId),
      await profileOf(b1.personId),
      await profileOf(n.personId),
    ];
    assert.notEqual(p1, p2, 'the two profiles stay apart: records of them strongly disagree');
    assert.ok(pn === p1 || pn === p2, 'the new record joins one of them');
    const other = pn === p1 ? b1 : a1;
    assert.equal(
      (await pairOf(n.personId, other.personId))?.status,
      'pending',
      'and waits for review with the other',
    );
    assert.deepEqual(await alertsBetween(n.caseId, other.caseId), [], 'a link refused alerts no one');
  });

  test('unlink: a reviewer takes a record they read out of a profile, with a reason; linking does not join it again', async () => {
    const vikram = {
      role: 'accused',
      full_name: 'Vikram Singh Chauhan',
      relation_kind: 's/o',
      relation_name: 'Mahendra Singh Chauhan',
      birth_date: '1982-11-19',
      identifiers: [{ kind: 'phone', value: '9812366201' }],
    };
    const r1 = await person(app, ioA, vikram);
    const r2 = await person(app, ioB, vikram, { distribution: 'district' });
    const r3 = await person(app, ioC, vikram);
    const model = { method: 'model' as const, score: 14, modelVersion: 'em-test', reviewerId: null };
    const profileId = await ctx.database.db.transaction().execute(async (tx) => {
      await linkRecords(tx, r1, r2, model);
      return linkRecords(tx, r2, r3, model);
    });
    // A history sheet on r2 follows its person.
    const sheet = await openHistorySheet(
      ctx.database.db,
      keyring,
      { userId: null, agencyId: stationB.id, role: 'station_house_officer', clientAddress: null },
      {
        person_id: r2.personId,
        rule_id: 'default-history-sheet',
        grounds: 'Synthetic grounds: two trafficking cases',
        convicted: true,
        ordered_by_name: 'Insp. Test',
        ordered_by_rank: 'inspector',
        opened_on: '2025-01-15',
      },
    );

    const view = (await get(ioA, `/api/v1/profiles/${profileId}`)).json() as {
      records: { access: string; case_id: string; may_unlink: boolean }[];
    };
    const mayUnlink = (caseId: string) => view.records.find((r) => r.case_id === caseId)?.may_unlink;
    assert.equal(mayUnlink(r1.caseId), true);
    assert.equal(mayUnlink(r2.caseId), true);
    assert.equal(mayUnlink(r3.caseId), false, 'C’s record is a hit for A');
    const analystView = (await get(analyst, `/api/v1/profiles/${profileId}`)).json() as typeof view;
    assert.ok(
      analystView.records.every((r) => !r.may_unlink),
      'an analyst does not decide links',
    );

    const url = (p: string, personId: string) => `/api/v1/profiles/${p}/members/${personId}/unlink`;
    const reason = { reason: 'Different man: the FIR photograph and the birth mark differ' };
    for (const u of [analyst, ngo]) {
      const refused = await post(app, u, url(profileId, r2.personId), reason);
      assert.equal(refused.statusCode, 403, refused.body);
    }
    const hidden = await post(app, ioA, url(profileId, r3.personId), reason);
    assert.equal(hidden.statusCode, 404, 'another agency’s record A may not read is not found');
    const elsewhere = await post(app, ioA, url(newId(), r2.personId), reason);
    assert.equal(elsewhere.statusCode, 404, 'nor through another profile');
    const noReason = await post(app, ioA, url(profileId, r2.personId), { reason: 'wrong' });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.issues[0].field, 'reason');

    const done = await post(app, ioA, url(profileId, r2.personId), reason);
    assert.equal(done.statusCode, 200, done.body);
    const out = done.json();
    assert.equal(out.profile_id, profileId);
    assert.equal(out.records_moved, 1);
    assert.equal(out.profile_readable, true);
    assert.equal(await profileOf(r2.personId), out.new_profile_id);
    assert.equal(await profileOf(r1.personId), profileId);
    assert.equal(await profileOf(r3.personId), profileId, 'records linked through it stay');
    assert.equal((await member(r2.personId)).method, 'single');
    assert.equal((await member(r3.personId)).method, 'model', 'and keep their own provenance');
    const sheetRow = await ctx.database.db
      .selectFrom('history_sheets')
      .select('profile_id')
      .where('id', '=', sheet.id)
      .executeTakeFirstOrThrow();
    assert.equal(sheetRow.profile_id, out.new_profile_id, 'the history sheet follows its person');

    // The decision is kept as a rejected pair (with the record it was linked to), in the log and the history.
    const rejected = await pairOf(r1.personId, r2.personId);
    assert.equal(rejected?.status, 'rejected');
    assert.equal(rejected?.origin, 'unlink');
    assert.equal(rejected?.id, out.rejected_pair_id);
    assert.equal(rejected?.reviewer_id, ioA.id);
    assert.equal(rejected?.note, reason.reason);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'purpose', 'user_id'])
      .where('record_id', '=', profileId)
      .where('action', '=', 'profile.unlink')
      .execute();
    assert.deepEqual(audit, [{ action: 'profile.unlink', purpose: reason.reason, user_id: ioA.id }]);
    const events = await ctx.database.db
      .selectFrom('profile_events')
      .select(['kind', 'user_id', 'reason', 'other_profile_id'])
      .where('person_id', '=', r2.personId)
      .where('kind', '=', 'unlink')
      .execute();
    assert.deepEqual(events, [
      { kind: 'unlink', user_id: ioA.id, reason: reason.reason, other_profile_id: out.new_profile_id },
    ]);
    // The same history through the API, as A may see it: the events of records A reads, newest first; C's
    // record (a hit for A) and its link are left out. Audited.
    const history = await get(ioA, `/api/v1/profiles/${profileId}/events`);
    assert.equal(history.statusCode, 200, history.body);
    const items = history.json().items as {
      kind: string;
      person_id: string;
      other_person_id: string | null;
      method: string | null;
      by: { role: string } | null;
      reason: string | null;
    }[];
    assert.deepEqual(
      items.map((i) => [i.kind, i.person_id]),
      [
        ['unlink', r2.personId],
        ['link', r2.personId],
      ],
    );
    assert.equal(items[0]!.reason, reason.reason);
    assert.equal(items[0]!.by?.role, 'investigating_officer');
    assert.equal(items[1]!.method, 'model');
    assert.equal(items[1]!.other_person_id, r1.personId);
    assert.deepEqual(
      items.map((i) => (i as { person_name?: string }).person_name),
      ['Vikram Singh Chauhan', 'Vikram Singh Chauhan'],
    );
    assert.ok(!history.body.includes(r3.personId), 'nothing of C’s record');
    const readAudit = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', profileId)
      .where('action', '=', 'profile.events_read')
      .execute();
    assert.equal(readAudit.length, 1);
    // C reads only its own record: its link, with the record it joined hidden (A's, which C may not read).
    const cView = (await get(ioC, `/api/v1/profiles/${profileId}/events`)).json().items as typeof items;
    assert.deepEqual(
      cView.map((i) => [
        i.kind,
        i.person_id,
        i.other_person_id,
        (i as { other_person_name?: string | null }).other_person_name,
      ]),
      [['link', r3.personId, null, null]],
    );
    // Someone who reads no record of it does not find it; a role that reads no cases is refused.
    assert.equal((await get(ngo, `/api/v1/profiles/${profileId}/events`)).statusCode, 404);
    assert.equal((await get(ioA, `/api/v1/profiles/${newId()}/events`)).statusCode, 404);
    const admin = await newUser(ctx.database, stationA, 'agency_admin');
    assert.equal((await get(admin, `/api/v1/profiles/${profileId}/events`)).statusCode, 403);

    const decided = (await get(ioA, '/api/v1/grid/reviews?status=rejected')).json().items as {
      id: string;
      origin: string;
      score: number | null;
    }[];
    const listed = decided.find((i) => i.id === out.rejected_pair_id);
    assert.equal(listed?.origin, 'unlink');
    assert.equal(listed?.score, null);

    // Alone in its profile, there is nothing to take it out of.
    const alone = await post(app, ioB, url(out.new_profile_id, r2.personId), reason);
    assert.equal(alone.statusCode, 409, alone.body);

    // Automatic linking does not put it back.
    await linkAllPersons(ctx.database.db, keyring);
    assert.notEqual(await profileOf(r2.personId), await profileOf(r1.personId));
    await person(live, ioA, vikram);
    assert.notEqual(await profileOf(r2.personId), await profileOf(r1.personId));
  });

  test('unlinking a transferred record takes its copy with it', async () => {
    const zero = await post(
      app,
      shoA,
      '/api/v1/cases',
      caseBody({
        fir_kind: 'zero_fir',
        persons: [{ role: 'accused', full_name: 'Rakesh Copy Thakur', gender: 'male', age: 33 }],
      }),
    );
    assert.equal(zero.statusCode, 201, zero.body);
    const t = await post(app, shoA, `/api/v1/cases/${zero.json().id}/transfers`, {
      to_agency_id: stationW.id,
      reason: 'zero FIR: the offence was committed in the area of the West Bengal station',
    });
    assert.equal(t.statusCode, 201, t.body);
    const original = { agencyId: stationA.id, personId: zero.json().persons[0].id as string };
    const other = await person(app, ioA, { role: 'accused', full_name: 'Rakesh Thakur', age: 34 });
    const profileId = await linkRecords(ctx.database.db, other, original, {
      method: 'model',
      score: 9,
      modelVersion: 'em-test',
      reviewerId: null,
    });
    const copyPerson = (await get(shoW, `/api/v1/cases/${t.json().to_case_id}`)).json().persons[0]
      .id as string;
    assert.equal(await profileOf(copyPerson), profileId);
    const done = await post(app, ioA, `/api/v1/profiles/${profileId}/members/${original.personId}/unlink`, {
      reason: 'Another Rakesh: the accused of the zero FIR is not this man',
    });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().records_moved, 2);
    assert.equal(await profileOf(copyPerson), done.json().new_profile_id, 'the copy goes with its original');
    assert.equal((await member(copyPerson)).method, 'rule', 'still linked to it by rule');
    assert.equal(await profileOf(other.personId), profileId);
  });

  test('merging profiles keeps each member’s own provenance and records the merge', async () => {
    const rec = (name: string) => person(app, ioA, { role: 'accused', full_name: name, age: 30 });
    const [p, q, r, s, s2, t, u] = await Promise.all(
      ['Prov P', 'Prov Q', 'Prov R', 'Prov S', 'Prov S2', 'Prov T', 'Prov U'].map((n) =>
        rec(`Synthetic ${n}`),
      ),
    );
    const byModel = (version: string) => ({
      method: 'model' as const,
      score: 11,
      modelVersion: version,
      reviewerId: null,
    });
    await ctx.database.db.transaction().execute(async (tx) => {
      await linkRecords(tx, p!, q!, { method: 'review', score: 5, modelVersion: 'em-a', reviewerId: ioA.id });
      await linkRecords(tx, r!, s!, byModel('em-b'));
      await linkRecords(tx, r!, s2!, byModel('em-b'));
      // A model link merges the reviewed pair into the larger profile: the review is not erased.
      await linkRecords(tx, q!, r!, byModel('em-c'));
      await linkRecords(tx, t!, u!, byModel('em-d'));
    });
    const big = (await profileOf(p!.personId))!;
    const rows = () =>
      ctx.database.db
        .selectFrom('profile_members')
        .select(['person_id', 'method', 'reviewer_id', 'model_version'])
        .where('profile_id', '=', big)
        .execute();
    let members = await rows();
    assert.equal(members.length, 5);
    assert.equal(members.filter((m) => m.method === 'review' && m.reviewer_id === ioA.id).length, 1);
    assert.equal(
      members.filter((m) => m.model_version === 'em-b').length,
      2,
      'the larger profile’s links stay',
    );
    assert.equal(members.filter((m) => m.model_version === 'em-c').length, 1, 'the merge is one link');

    // An officer confirms one pair joining {t, u}: only one of that pair is marked as their review.
    const pair = await queuePair(u!, p!);
    const confirmed = await post(app, shoA, `/api/v1/grid/reviews/${pair}/decision`, {
      decision: 'confirmed',
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    members = await rows();
    assert.equal(members.length, 7);
    const bySho = members.filter((m) => m.reviewer_id === shoA.id);
    assert.equal(bySho.length, 1, JSON.stringify(members));
    assert.ok(
      [u!.personId, p!.personId].includes(bySho[0]!.person_id),
      'a record of the pair the officer saw',
    );
    assert.equal(members.filter((m) => m.model_version === 'em-d').length, 1, 't–u keeps its model link');
    assert.equal(members.filter((m) => m.reviewer_id === ioA.id).length, 1, 'the first review is kept too');
    assert.equal(members.filter((m) => m.method === 'single').length, 1, 'one first record');

    const history = await ctx.database.db
      .selectFrom('profile_events')
      .select(['kind', 'records', 'method', 'user_id'])
      .where('profile_id', '=', big)
      .orderBy('occurred_at')
      .execute();
    assert.deepEqual(history.at(-1), { kind: 'merge', records: 2, method: 'review', user_id: shoA.id });
    assert.ok(history.some((h) => h.kind === 'merge' && h.method === 'model' && h.records === 2));
  });

  test('reading the review queue is audited', async () => {
    const reader = await newUser(ctx.database, stationA, 'investigating_officer');
    const list = await get(reader, '/api/v1/grid/reviews?status=pending');
    assert.equal(list.statusCode, 200, list.body);
    const items = list.json().items as { id: string; a: { person_id: string }; b: { person_id: string } }[];
    assert.ok(items.length > 0);
    const events = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('user_id', '=', reader.id)
      .where('action', '=', 'match.review_list')
      .execute();
    assert.equal(events.length, 1);
    const detail = (
      typeof events[0]!.detail === 'string' ? JSON.parse(events[0]!.detail) : events[0]!.detail
    ) as {
      reviews: string[];
      persons: string[];
    };
    assert.deepEqual(
      detail.reviews,
      items.map((i) => i.id),
    );
    assert.ok(detail.persons.includes(items[0]!.a.person_id));
  });
});
