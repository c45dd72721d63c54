import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { checkWatchlists } from '../../src/modules/grid/alerts.ts';
import { linkRecords } from '../../src/modules/profiles/profile.repository.ts';
import {
  agencyByCode,
  caseBody,
  forEachDatabase,
  newAgency,
  newUser,
  type TestUser,
  testApp,
} from '../harness.ts';

const GROUNDS = 'Synthetic grounds: arrested in three trafficking cases across two districts since 2022';

forEachDatabase('history-sheet register', (ctx) => {
  let app: FastifyInstance;
  let shoA: TestUser;
  let ioA: TestUser;
  let shoB: TestUser;
  let shoPunjab: TestUser;
  let ngoA: TestUser;
  let accusedA: string;
  let victimA: string;
  let juvenileA: string;
  let accusedPunjab: string;
  const send = (u: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: u.headers, ...(payload ? { payload } : {}) });
  const sheet = (person_id: string, extra: Record<string, unknown> = {}) => ({
    person_id,
    rule_id: 'default-history-sheet',
    grounds: GROUNDS,
    convicted: false,
    ordered_by_name: 'Insp. Synthetic Rao',
    ordered_by_rank: 'inspector',
    opened_on: '2025-04-01',
    ...extra,
  });

  before(async () => {
    app = await testApp(ctx.database);
    const a = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const b = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const pb = await newAgency(ctx.database, { parentCode: 'PB-D27' });
    [shoA, ioA, shoB, shoPunjab, ngoA] = await Promise.all([
      newUser(ctx.database, a, 'station_house_officer'),
      newUser(ctx.database, a, 'investigating_officer'),
      newUser(ctx.database, b, 'station_house_officer'),
      newUser(ctx.database, pb, 'station_house_officer'),
      newUser(ctx.database, a, 'ngo_caseworker'),
    ]);
    const persons = [
      { role: 'victim', full_name: 'Synthetic Victim Two', gender: 'female', age: 15 },
      { role: 'accused', full_name: 'Synthetic Accused Adult', gender: 'male', age: 40 },
      { role: 'accused', full_name: 'Synthetic Accused Juvenile', gender: 'male', age: 16 },
    ];
    const res = await send(shoA, 'POST', '/api/v1/cases', caseBody({ persons }));
    assert.equal(res.statusCode, 201, res.body);
    type P = { id: string; role: string; age_band?: string; full_name?: string };
    const ps = res.json().persons as P[];
    victimA = ps.find((p) => p.role === 'victim')!.id;
    accusedA = ps.find((p) => p.full_name === 'Synthetic Accused Adult')!.id;
    juvenileA = ps.find((p) => p.full_name === 'Synthetic Accused Juvenile')!.id;
    const pbCase = await send(
      shoPunjab,
      'POST',
      '/api/v1/cases',
      caseBody({
        district_lgd_code: 27,
        pincode: '143001',
        persons: [{ role: 'accused', full_name: 'Synthetic Punjab Accused', gender: 'male', age: 45 }],
      }),
    );
    assert.equal(pbCase.statusCode, 201, pbCase.body);
    accusedPunjab = (pbCase.json().persons as P[])[0]!.id;
  });

  test('an SHO opens a sheet; the grounds are encrypted at rest and shown only in the audited single read', async () => {
    const res = await send(shoA, 'POST', '/api/v1/history-sheets', sheet(accusedA));
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json();
    assert.equal(created.number, 1);
    assert.equal(created.review_due_on, '2026-04-01', 'the rule’s 12-month review interval');
    assert.equal(created.grounds, undefined);
    const stored = await ctx.database.db
      .selectFrom('history_sheets')
      .select('grounds')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    assert.ok(!stored.grounds.includes('trafficking'), 'grounds are not stored in clear');

    const one = await send(ioA, 'GET', `/api/v1/history-sheets/${created.id}`);
    assert.equal(one.statusCode, 200, one.body);
    assert.equal(one.json().grounds, GROUNDS);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', created.id)
      .execute();
    assert.deepEqual(audit.map((e) => e.action).sort(), ['history_sheet.open', 'history_sheet.read']);

    const again = await send(shoA, 'POST', '/api/v1/history-sheets', sheet(accusedA));
    assert.equal(again.statusCode, 409, 'one open sheet per person per agency');
    assert.match(again.json().error.message, new RegExp(`open history sheet no\\. ${created.number} here`));
  });

  test('the ordering officer must hold the rule’s minimum rank', async () => {
    const res = await send(
      shoA,
      'POST',
      '/api/v1/history-sheets',
      sheet(accusedA, { ordered_by_rank: 'si' }),
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /ordered_by_rank/);
  });

  test('no sheet for a person who was a child at the time, nor for a victim (JJ Act s.74(2))', async () => {
    const child = await send(shoA, 'POST', '/api/v1/history-sheets', sheet(juvenileA));
    assert.equal(child.statusCode, 400);
    assert.match(child.body, /child/);
    const victim = await send(shoA, 'POST', '/api/v1/history-sheets', sheet(victimA));
    assert.equal(victim.statusCode, 400);
    assert.match(victim.body, /victim/);
  });

  test('state rules apply: Punjab has Register No. 10 Part II, ordered by an SP', async () => {
    const rules = await send(shoPunjab, 'GET', '/api/v1/history-sheet-rules');
    const ids = (rules.json().items as { id: string }[]).map((r) => r.id);
    assert.ok(ids.includes('pb-register-10-ii'));
    assert.ok(!ids.includes('default-history-sheet'), 'a state with its own rules does not use the defaults');
    // The officer sees the legal citation, not ChildGrid's domain-file references (migration 0017).
    for (const r of rules.json().items as { id: string; source: string }[]) {
      assert.match(r.source, /Punjab Police Rules 1934/, r.id);
      assert.doesNotMatch(r.source, /domain file|interval U/i, r.id);
    }
    const byInspector = await send(
      shoPunjab,
      'POST',
      '/api/v1/history-sheets',
      sheet(accusedPunjab, { rule_id: 'pb-register-10-ii', convicted: false }),
    );
    assert.equal(byInspector.statusCode, 400, 'Register No. 10 needs an SP');
    const wrongState = await send(
      shoPunjab,
      'POST',
      '/api/v1/history-sheets',
      sheet(accusedPunjab, { rule_id: 'up-class-a' }),
    );
    assert.equal(wrongState.statusCode, 400);
    assert.match(wrongState.body, /rule_id/);
    const bySp = await send(
      shoPunjab,
      'POST',
      '/api/v1/history-sheets',
      sheet(accusedPunjab, { rule_id: 'pb-register-10-ii', ordered_by_rank: 'sp' }),
    );
    assert.equal(bySp.statusCode, 201, bySp.body);
  });

  test('visibility: police of the same state read the register; another state and non-police roles do not', async () => {
    const list = await send(shoB, 'GET', '/api/v1/history-sheets');
    assert.equal(list.statusCode, 200);
    const seen = list.json().items as { person_name: string; agency_id: string }[];
    assert.equal(seen.length, 1, 'B sees A’s sheet (same state), not Punjab’s');
    assert.match(seen[0]!.person_name, /^Record of /, 'B may not read A’s case, so the name is not shown');
    const punjab = await send(shoPunjab, 'GET', '/api/v1/history-sheets');
    assert.equal(punjab.json().items.length, 1);
    const ngo = await send(ngoA, 'GET', '/api/v1/history-sheets');
    assert.equal(ngo.statusCode, 403);
  });

  test('review and closure: by the opening agency only, with versions', async () => {
    const [mine] = (await send(shoA, 'GET', '/api/v1/history-sheets')).json().items as {
      id: string;
      version: number;
    }[];
    const byB = await send(shoB, 'POST', `/api/v1/history-sheets/${mine!.id}/reviews`, {
      version: mine!.version,
      reviewed_on: '2026-03-30',
    });
    assert.equal(byB.statusCode, 404, 'another agency may read but not change the sheet');
    const reviewed = await send(shoA, 'POST', `/api/v1/history-sheets/${mine!.id}/reviews`, {
      version: mine!.version,
      reviewed_on: '2026-03-30',
    });
    assert.equal(reviewed.statusCode, 200, reviewed.body);
    assert.equal(reviewed.json().review_due_on, '2027-03-30');
    const stale = await send(shoA, 'POST', `/api/v1/history-sheets/${mine!.id}/closure`, {
      version: mine!.version,
      closed_on: '2026-04-02',
      reason: 'No offence in four years; reformed',
    });
    assert.equal(stale.statusCode, 409);
    const closed = await send(shoA, 'POST', `/api/v1/history-sheets/${mine!.id}/closure`, {
      version: reviewed.json().version,
      closed_on: '2026-04-02',
      reason: 'No offence in four years; reformed',
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().status, 'closed');
    const reopened = await send(shoA, 'POST', '/api/v1/history-sheets', sheet(accusedA));
    assert.equal(reopened.statusCode, 201, 'a closed sheet does not block a new one');
    assert.equal(reopened.json().number, 2);
  });

  test('a role whose allow-list leaves out informants sees nothing of an informant through the register or a profile watch', async () => {
    const agencyOf = (code: string) => agencyByCode(ctx.database, code);
    // Analysts read the case file without informants (access/fields.ts caseFile); the state's covers station A.
    const [stateAnalyst, nationalAnalyst] = await Promise.all([
      agencyOf('MH').then((a) => newUser(ctx.database, a, 'state_analyst')),
      agencyOf('IN').then((a) => newUser(ctx.database, a, 'national_analyst')),
    ]);
    const NAME = 'Synthetic Source Later Informant';
    const created = await send(
      shoA,
      'POST',
      '/api/v1/cases',
      caseBody({
        distribution: 'national',
        persons: [{ role: 'accused', full_name: NAME, gender: 'male', age: 38 }],
      }),
    );
    assert.equal(created.statusCode, 201, created.body);
    const person = created.json().persons[0] as { id: string; version: number };
    const opened = await send(shoA, 'POST', '/api/v1/history-sheets', sheet(person.id));
    assert.equal(opened.statusCode, 201, opened.body);
    const { id: sheetId, profile_id: profileId } = opened.json() as { id: string; profile_id: string };

    // While the person is an accused, the analyst reads the sheet and may watch the person.
    const before = await send(stateAnalyst, 'GET', `/api/v1/history-sheets?profile_id=${profileId}`);
    assert.equal(before.json().items[0]?.person_name, NAME);
    const watchBody = { profile_id: profileId, reason: 'repeat trafficker across districts' };
    assert.equal((await send(stateAnalyst, 'POST', '/api/v1/grid/watches', watchBody)).statusCode, 201);
    assert.equal((await send(ioA, 'POST', '/api/v1/grid/watches', watchBody)).statusCode, 201);

    // The accused turns informant: the record says so.
    const turned = await send(shoA, 'PATCH', `/api/v1/persons/${person.id}`, {
      version: person.version,
      role: 'informant',
    });
    assert.equal(turned.statusCode, 200, turned.body);

    for (const analyst of [stateAnalyst, nationalAnalyst]) {
      const list = await send(analyst, 'GET', '/api/v1/history-sheets');
      assert.equal(list.statusCode, 200);
      assert.ok(!(list.json().items as { id: string }[]).some((s) => s.id === sheetId), analyst.role);
      assert.ok(!list.body.includes(NAME));
      const byProfile = await send(analyst, 'GET', `/api/v1/history-sheets?profile_id=${profileId}`);
      assert.deepEqual(byProfile.json().items, [], analyst.role);
      const one = await send(analyst, 'GET', `/api/v1/history-sheets/${sheetId}`);
      assert.equal(one.statusCode, 404, analyst.role);
      assert.ok(!one.body.includes(NAME));
    }
    // A new watch on the person is refused as if the profile did not exist; police still see it all.
    const refused = await send(nationalAnalyst, 'POST', '/api/v1/grid/watches', watchBody);
    assert.equal(refused.statusCode, 404, refused.body);
    const police = await send(ioA, 'GET', `/api/v1/history-sheets/${sheetId}`);
    assert.equal(police.statusCode, 200);
    assert.equal(police.json().person_name, NAME);

    // Records joining the watched profile: an informant's alerts only the police watcher, an accused's both.
    const joining = async (role: 'informant' | 'accused') => {
      const c = await send(
        shoB,
        'POST',
        '/api/v1/cases',
        caseBody({ persons: [{ role, full_name: NAME, gender: 'male', age: 39 }] }),
      );
      assert.equal(c.statusCode, 201, c.body);
      const joined = { agencyId: shoB.agencyId, personId: (c.json().persons[0] as { id: string }).id };
      await ctx.database.db.transaction().execute(async (tx) => {
        const profile = await linkRecords(tx, { agencyId: shoA.agencyId, personId: person.id }, joined, {
          method: 'model',
          score: 14,
          modelVersion: 'test',
          reviewerId: null,
        });
        assert.equal(profile, profileId);
        await checkWatchlists(tx, {
          match: { profileId, personId: joined.personId },
          record: { agencyId: shoB.agencyId, caseId: c.json().id },
          on: 'profile',
          writtenBy: null,
        });
      });
      return c.json().id as string;
    };
    const watchAlerts = async (u: TestUser) =>
      (
        (await send(u, 'GET', '/api/v1/grid/alerts?kind=watchlist')).json().items as {
          other: { record_id: string };
        }[]
      ).map((a) => a.other.record_id);
    const informantCase = await joining('informant');
    assert.ok((await watchAlerts(ioA)).includes(informantCase), 'the police watcher is alerted');
    assert.ok(!(await watchAlerts(stateAnalyst)).includes(informantCase), 'the analyst is not');
    const accusedCase = await joining('accused');
    assert.ok(
      (await watchAlerts(stateAnalyst)).includes(accusedCase),
      'an accused joining alerts the analyst',
    );
    // The profile, now readable through that accused, lists no sheet on the informant's record.
    const profile = await send(stateAnalyst, 'GET', `/api/v1/profiles/${profileId}`);
    assert.equal(profile.statusCode, 200, profile.body);
    assert.deepEqual(profile.json().history_sheets, []);
    const policeView = await send(ioA, 'GET', `/api/v1/profiles/${profileId}`);
    assert.equal((policeView.json().history_sheets as { id: string }[])[0]?.id, sheetId);

    // A watched phone turning up on an informant, in a case the analyst reads, is not listed for the analyst at
    // all: a link would show the phone, a hit on a case it reads would say who in it holds the number.
    const phone = '98123 60001';
    const watched = await send(stateAnalyst, 'POST', '/api/v1/grid/watches', {
      kind: 'phone',
      value: phone,
      reason: 'number on the seized diary',
    });
    assert.equal(watched.statusCode, 201, watched.body);
    const sourceCase = await send(
      shoB,
      'POST',
      '/api/v1/cases',
      caseBody({
        persons: [
          {
            role: 'informant',
            full_name: 'Synthetic Other Source',
            gender: 'female',
            age: 30,
            identifiers: [{ kind: 'phone', value: phone }],
          },
        ],
      }),
    );
    assert.equal(sourceCase.statusCode, 201, sourceCase.body);
    const alerts = (await send(stateAnalyst, 'GET', '/api/v1/grid/alerts?kind=watchlist')).json().items as {
      other: { record_id: string; readable: boolean; fir_number: string | null };
    }[];
    assert.ok(!alerts.some((a) => a.other.record_id === sourceCase.json().id), JSON.stringify(alerts));
    const unread = (await send(stateAnalyst, 'GET', '/api/v1/grid/alerts?kind=watchlist')).json().unread;
    assert.equal(unread, alerts.length, 'nor counted as unread');
    const accusedSeen = alerts.find((a) => a.other.record_id === accusedCase);
    assert.equal(accusedSeen?.other.readable, true, 'an accused’s record stays a link');
  });
});
