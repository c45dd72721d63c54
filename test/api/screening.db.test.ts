import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import { findCandidates } from '../../src/modules/profiles/candidates.ts';
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

const PURPOSE = 'Screening a suspect named in FIR 44/2026 (trafficking)';

forEachDatabase('screening persons against the grid', (ctx) => {
  let app: FastifyInstance;
  let ioA: TestUser;
  let ioB: TestUser;
  let auditor: TestUser;
  const screen = (u: TestUser, body: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/grid/screen',
      headers: u.headers,
      payload: { purpose: PURPOSE, ...body },
    });

  before(async () => {
    app = await testApp(ctx.database);
    const a = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const b = await newAgency(ctx.database, { parentCode: 'WB-D303' });
    [ioA, ioB, auditor] = await Promise.all([
      newUser(ctx.database, a, 'investigating_officer'),
      newUser(ctx.database, b, 'investigating_officer'),
      newUser(ctx.database, a, 'oversight_auditor'),
    ]);
    const accused = (full_name: string, relation_name: string, age: number, phone: string) => ({
      role: 'accused',
      full_name,
      relation_kind: 's/o',
      relation_name,
      gender: 'male',
      age,
      identifiers: [{ kind: 'phone', value: phone }],
    });
    for (const [user, persons] of [
      [ioA, [accused('Mohd. Irfan Shaikh', 'Abdul Rashid', 38, '9812300071')]],
      [ioB, [accused('Md Irfan Sheikh', 'Abdul Rasheed', 39, '9812300072')]],
      // A brother: same father, same surname, different given name; must not be a match.
      [ioA, [accused('Salim Shaikh', 'Abdul Rashid', 35, '9812300073')]],
      [ioA, [{ role: 'victim', full_name: 'Synthetic Screening Child', gender: 'female', age: 15 }]],
      // One man, written out in full here and with initials in another agency (the father written in full there).
      [ioA, [accused('Shri Rakesh Kumar Chaurasiya', 'Mahendra Chaurasiya', 42, '9812300091')]],
      [ioB, [accused('R. K. Chaurasiya', 'Mahendra Chaurasiya', 42, '9812300091')]],
      // Known by an alias: written into the name here, given apart there.
      [ioA, [accused('Bhola Prasad Yadav @ Kaalia', 'Ramdeo Yadav', 40, '9812300061')]],
      [ioA, [{ ...accused('Jagdish Mahto', 'Sukhdeo Mahto', 33, '9812300062'), aliases: ['Langda'] }]],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: user.headers,
        payload: caseBody({ persons }),
      });
      assert.equal(res.statusCode, 201, res.body);
    }
  });

  test('a record written with initials in another agency is found from the whole name: a hit for review', async () => {
    const res = await screen(ioA, {
      full_name: 'Rakesh Chaurasiya',
      relation_name: 'Mahendra',
      gender: 'male',
      age: 42,
    });
    assert.equal(res.statusCode, 200, res.body);
    const persons = res.json().persons as {
      access: string;
      band: string;
      person: { full_name: string } | null;
    }[];
    assert.ok(
      persons.some((c) => c.access === 'link' && c.person?.full_name === 'Shri Rakesh Kumar Chaurasiya'),
      res.body,
    );
    assert.ok(
      persons.some((c) => c.access === 'hit' && c.band === 'review'),
      `B’s "R. K. Chaurasiya" is a hit to review: ${res.body}`,
    );
  });

  test('spelling variants across agencies are found; another agency’s record is a hit without content', async () => {
    const res = await screen(ioA, {
      full_name: 'Mohammed Irfan Sheikh',
      relation_name: 'Abdul Rashid',
      age: 38,
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const links = body.persons.filter((c: { access: string }) => c.access === 'link');
    const hits = body.persons.filter((c: { access: string }) => c.access === 'hit');
    assert.ok(
      links.some(
        (c: { person: { full_name: string }; band: string }) =>
          c.person.full_name === 'Mohd. Irfan Shaikh' && c.band === 'match',
      ),
      JSON.stringify(body.persons),
    );
    assert.equal(hits.length, 1, 'B’s record (agency-only, another state) is a hit');
    assert.equal(hits[0].person, null);
    assert.equal(hits[0].explanation, null);
    assert.ok(hits[0].agency.name);
    assert.ok(
      !links.some(
        (c: { person: { full_name: string }; band: string }) =>
          c.person.full_name === 'Salim Shaikh' && c.band === 'match',
      ),
      'a brother sharing father and surname is not the same person',
    );
    const link = links.find(
      (c: { person: { full_name: string } }) => c.person.full_name === 'Mohd. Irfan Shaikh',
    );
    assert.ok(
      link.explanation.some((t: { field: string; weight: number }) => t.field === 'name' && t.weight > 0),
    );
  });

  test('a person known by an alias is found from the alias alone, and an alias given with the name is searched too', async () => {
    type Found = {
      access: string;
      person: { full_name: string } | null;
      explanation: { field: string; level: string }[];
    }[];
    const byAlias = await screen(ioA, { full_name: 'Kalia', gender: 'male', age: 40 });
    assert.equal(byAlias.statusCode, 200, byAlias.body);
    const kalia = (byAlias.json().persons as Found).find(
      (c) => c.person?.full_name === 'Bhola Prasad Yadav @ Kaalia',
    );
    assert.ok(kalia, `"Kalia" finds "Bhola Prasad Yadav @ Kaalia": ${byAlias.body}`);
    // The names meet only through the alias: at best "in part", never a whole-name agreement.
    assert.equal(kalia.explanation.find((t) => t.field === 'name')?.level, 'subset');

    const langda = await screen(ioA, { full_name: 'Langda', age: 33 });
    assert.ok(
      (langda.json().persons as Found).some((c) => c.person?.full_name === 'Jagdish Mahto'),
      `the aliases column is searched: ${langda.body}`,
    );
    const withAlias = await screen(ioA, { full_name: 'Suresh', aliases: ['Langda'], age: 33 });
    assert.equal(withAlias.statusCode, 200, withAlias.body);
    assert.ok(
      (withAlias.json().persons as Found).some((c) => c.person?.full_name === 'Jagdish Mahto'),
      `an alias given with another name meets the stored alias: ${withAlias.body}`,
    );
    const bad = await screen(ioA, { full_name: 'Suresh', aliases: [''] });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /aliases/);
  });

  test('an identifier alone finds the person holding it', async () => {
    const res = await screen(ioB, { identifiers: [{ kind: 'phone', value: '+91 98123 00072' }] });
    assert.equal(res.statusCode, 200, res.body);
    const mine = res.json().persons.find((c: { access: string }) => c.access === 'link');
    assert.equal(mine.person.full_name, 'Md Irfan Sheikh');
    assert.deepEqual(mine.via, ['identifier']);
  });

  test('a victim is found under her pseudonym only, and the audit keeps the purpose, not the name', async () => {
    const res = await screen(ioA, { full_name: 'Synthetic Screening Child', age: 15 });
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(!res.body.includes('Synthetic Screening Child'), 'the victim’s name never comes back');
    assert.match(res.json().persons[0].person.full_name, /^V-/);
    const events = await ctx.database.db
      .selectFrom('audit_events')
      .select(['purpose', 'detail'])
      .where('action', '=', 'grid.screen')
      .execute();
    assert.ok(events.length >= 1);
    assert.ok(events.every((e) => e.purpose === PURPOSE));
    assert.ok(!JSON.stringify(events).includes('Screening Child'));
  });

  test('among hundreds of namesakes the relation name and age find the one sought; the name alone is too common', async () => {
    const fathers = [
      'Ramesh',
      'Suresh',
      'Mahesh',
      'Dinesh',
      'Rajesh',
      'Mukesh',
      'Umesh',
      'Naresh',
      'Ganesh',
      'Lokesh',
    ];
    // 320 women named Manju Yadav — more than screening scores — with ten fathers' names and ages 20 to 59.
    for (let c = 0; c < 2; c++) {
      const persons = Array.from({ length: 160 }, (_, i) => ({
        role: 'accused',
        full_name: 'Manju Yadav',
        relation_kind: 'd/o',
        relation_name: `${fathers[(i + c) % fathers.length]} Yadav`,
        gender: 'female',
        age: 20 + ((i * 7 + c) % 40),
      }));
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: ioB.headers,
        payload: caseBody({ persons }),
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: ioB.headers,
      payload: caseBody({
        persons: [
          {
            role: 'accused',
            full_name: 'Manju Yadav',
            relation_kind: 'd/o',
            relation_name: 'Harikishan Yadav',
            gender: 'female',
            age: 31,
          },
        ],
      }),
    });
    assert.equal(res.statusCode, 201, res.body);
    const sought = res.json().id;

    const withRelation = await screen(ioB, { full_name: 'YADAV Manju', relation_name: 'Harikishan Yadav' });
    assert.equal(withRelation.statusCode, 200, withRelation.body);
    assert.equal(withRelation.json().persons[0].case_id, sought, 'the daughter of Harikishan comes first');
    assert.equal(withRelation.json().name_too_common, false);

    const withAge = await screen(ioB, { full_name: 'Manju Yadav', relation_name: 'Harikishan', age: 31 });
    // Uncorroborated pairs are capped at one score (a tie with her namesakes): the rarer name keys break it.
    assert.equal(withAge.json().persons[0].case_id, sought);

    const nameOnly = await screen(ioB, { full_name: 'Manju Yadav' });
    assert.equal(nameOnly.statusCode, 200, nameOnly.body);
    assert.equal(nameOnly.json().name_too_common, true, 'more namesakes than are scored: say so');
    assert.ok(nameOnly.json().persons.length > 0, 'and still show some of them');
  });

  test('purpose required, a name or identifier required, wrong role refused', async () => {
    const noPurpose = await app.inject({
      method: 'POST',
      url: '/api/v1/grid/screen',
      headers: ioA.headers,
      payload: { full_name: 'Irfan' },
    });
    assert.equal(noPurpose.statusCode, 400);
    assert.match(noPurpose.body, /purpose/);
    const empty = await screen(ioA, { age: 30 });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /full_name/);
    const badPhone = await screen(ioA, { identifiers: [{ kind: 'phone', value: '12' }] });
    assert.equal(badPhone.statusCode, 400);
    assert.match(badPhone.body, /identifiers\.0\.value/);
    const wrongRole = await screen(auditor, { full_name: 'Irfan Shaikh' });
    assert.equal(wrongRole.statusCode, 403);
  });
});

/**
 * Screening shows no more than the caller's field allow-list and grants (docs/security.md): a phone its role may
 * not see finds no record it reads and adds nothing to a link's score; a person whose role it may not see (an
 * informant, for most) is neither a link nor a hit.
 */
forEachDatabase('screening follows the field allow-lists', (ctx) => {
  let app: FastifyInstance;
  const u = {} as Record<'ioA' | 'ioW' | 'cwc' | 'prosecutor' | 'analyst', TestUser>;
  const cases = {} as Record<'referred' | 'otherStation' | 'informantMh' | 'informantWb', string>;
  const PHONE = '+919812377001';
  const INFORMANT_PHONE = '+919812377003';
  const ACCUSED = 'Probe Accused Xalxo';
  const INFORMANT = 'Sanjay Tirkey Kujur';
  type Candidate = {
    access: string;
    case_id: string;
    via: string[];
    person: { full_name: string; role: string } | null;
    explanation: { field: string; level: string; weight: number }[] | null;
  };
  const screen = async (who: keyof typeof u, body: Record<string, unknown>) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/grid/screen',
      headers: u[who].headers,
      payload: { purpose: PURPOSE, ...body },
    });
    assert.equal(res.statusCode, 200, res.body);
    return {
      body: res.body,
      persons: res.json().persons as Candidate[],
      identifiers: res.json().identifiers as { links: { case_id: string }[]; hits: { record_id: string }[] },
    };
  };

  before(async () => {
    app = await testApp(ctx.database);
    const db = ctx.database;
    const [stA, stB, stW, cwc, prosecution] = await Promise.all([
      newAgency(db, { parentCode: 'MH-D490' }),
      newAgency(db, { parentCode: 'MH-D482' }),
      newAgency(db, { parentCode: 'WB-D303' }),
      newAgency(db, { parentCode: 'MH-D490', kind: 'cwc' }),
      newAgency(db, { parentCode: 'MH-D490', kind: 'prosecution' }),
    ]);
    const mh = await agencyByCode(db, 'MH');
    const ioB = await newUser(db, stB, 'investigating_officer');
    [u.ioA, u.ioW, u.cwc, u.prosecutor, u.analyst] = await Promise.all([
      newUser(db, stA, 'investigating_officer'),
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
    const person = (role: string, full_name: string, father: string, age: number, phone?: string) => ({
      role,
      full_name,
      relation_kind: 's/o',
      relation_name: father,
      gender: 'male',
      age,
      ...(phone ? { identifiers: [{ kind: 'phone', value: phone }] } : {}),
    });
    const referred = await post(
      u.ioA,
      '/api/v1/cases',
      caseBody({
        persons: [
          { role: 'victim', full_name: 'Synthetic Victim Probe', gender: 'female', age: 14 },
          person('accused', ACCUSED, 'Budhu Xalxo', 40, PHONE),
        ],
      }),
    );
    cases.referred = referred.id;
    const victim = referred.persons.find((p: { role: string }) => p.role === 'victim');
    for (const given_by of ['child', 'guardian'])
      await post(u.ioA, `/api/v1/persons/${victim.id}/consents`, { given_by, purpose: 'referral' });
    await post(u.ioA, `/api/v1/cases/${referred.id}/referrals`, {
      to_agency_id: cwc.id,
      purpose: 'care, protection and rehabilitation of the child',
    });
    await post(u.ioA, `/api/v1/cases/${referred.id}/referrals`, {
      to_agency_id: prosecution.id,
      purpose: 'charge-sheet scrutiny by the prosecutor',
      fields: ['summary', 'persons'],
    });
    // The same phone with another station's accused: a case neither the CWC nor the prosecutor reads.
    cases.otherStation = (
      await post(
        ioB,
        '/api/v1/cases',
        caseBody({ persons: [person('accused', 'Dinesh Murmu', 'Somra Murmu', 35, PHONE)] }),
      )
    ).id;
    cases.informantMh = (
      await post(
        u.ioA,
        '/api/v1/cases',
        caseBody({
          distribution: 'national',
          persons: [
            person('accused', 'Harilal Oraon', 'Mangra Oraon', 30),
            person('informant', INFORMANT, 'Etwa Tirkey', 33, INFORMANT_PHONE),
          ],
        }),
      )
    ).id;
    cases.informantWb = (
      await post(
        u.ioW,
        '/api/v1/cases',
        caseBody({
          persons: [
            person('accused', 'Bijoy Mandi', 'Lakhan Mandi', 30),
            person('informant', INFORMANT, 'Etwa Tirkey', 33),
          ],
        }),
      )
    ).id;
  });

  test('a phone the role may not see finds no record the caller reads and adds nothing to its score', async () => {
    // The investigating officer sees the accused's phone: found through it, and it counts.
    const io = await screen('ioA', {
      full_name: ACCUSED,
      age: 40,
      identifiers: [{ kind: 'phone', value: PHONE }],
    });
    const mine = io.persons.find((c) => c.case_id === cases.referred);
    assert.equal(mine?.access, 'link', io.body);
    assert.deepEqual(mine.via, ['name', 'identifier']);
    assert.equal(mine.explanation?.find((t) => t.field === 'phone')?.level, 'exact');

    for (const who of ['cwc', 'prosecutor'] as const) {
      // The CWC's role never sees an accused's phone; the prosecutor's referral did not grant identifiers.
      const byPhone = await screen(who, { identifiers: [{ kind: 'phone', value: PHONE }] });
      assert.ok(
        !byPhone.persons.some((c) => c.case_id === cases.referred),
        `${who}: the accused of the referred case is not found through his phone: ${byPhone.body}`,
      );
      assert.ok(!byPhone.body.includes(ACCUSED), who);
      // Another station's record the caller does not read at all is a hit, as the identifier search says.
      const hit = byPhone.persons.find((c) => c.case_id === cases.otherStation);
      assert.equal(hit?.access, 'hit', `${who}: ${byPhone.body}`);
      assert.deepEqual(hit.via, ['identifier']);
      assert.equal(hit.person, null);
      assert.equal(hit.explanation, null);
      assert.deepEqual(byPhone.identifiers.links, [], who);
      // The identifier answer agrees: the case the caller reads holds the phone on someone whose phone it may
      // not see, so it is not even a hit (that would say the phone is in that case); the other station's is.
      assert.deepEqual(
        byPhone.identifiers.hits.map((h) => h.record_id),
        [cases.otherStation],
        who,
      );

      // By name he is a link, scored without the phone.
      const byName = await screen(who, {
        full_name: ACCUSED,
        age: 40,
        identifiers: [{ kind: 'phone', value: PHONE }],
      });
      const link = byName.persons.find((c) => c.case_id === cases.referred);
      assert.equal(link?.access, 'link', `${who}: ${byName.body}`);
      assert.deepEqual(link.via, ['name'], who);
      for (const t of link.explanation ?? [])
        if (t.field === 'phone')
          assert.deepEqual([t.level, t.weight], ['missing', 0], `${who}: ${byName.body}`);
      assert.ok(link.explanation!.length > 0);
    }
  });

  test('a person whose role the caller may not see is neither a link nor a hit', async () => {
    const informantCases = [cases.informantMh, cases.informantWb];
    for (const query of [
      { full_name: INFORMANT, age: 33 },
      { identifiers: [{ kind: 'phone', value: INFORMANT_PHONE }] },
    ]) {
      for (const who of ['analyst', 'prosecutor', 'cwc'] as const) {
        const res = await screen(who, query);
        assert.ok(
          !res.persons.some((c) => informantCases.includes(c.case_id)),
          `${who}, ${JSON.stringify(query)}: ${res.body}`,
        );
      }
    }
    const analyst = await screen('analyst', { full_name: INFORMANT, age: 33 });
    assert.deepEqual(analyst.persons, [], analyst.body);

    // Police roles see informants: one of their own agency a link, another agency's private record a hit.
    const io = await screen('ioA', { full_name: INFORMANT, age: 33 });
    const own = io.persons.find((c) => c.case_id === cases.informantMh);
    assert.equal(own?.access, 'link', io.body);
    assert.equal(own.person?.role, 'informant');
    assert.equal(io.persons.find((c) => c.case_id === cases.informantWb)?.access, 'hit', io.body);
  });

  test('an informant takes no name-candidate slot from a record the caller may see', async () => {
    // An accused whose name is a part of the informants' ("Sanjay Kujur" in "Sanjay Tirkey Kujur"): by name
    // weight the two informants come first and set the bar the others are measured against, so an analyst
    // would have found nothing to see.
    const accused = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: u.ioA.headers,
      payload: caseBody({
        distribution: 'national',
        persons: [
          {
            role: 'accused',
            full_name: 'Sanjay Kujur',
            relation_kind: 's/o',
            relation_name: 'Etwa Kujur',
            gender: 'male',
            age: 33,
          },
        ],
      }),
    });
    assert.equal(accused.statusCode, 201, accused.body);
    const accusedId = accused.json().persons[0].id as string;
    const keyring = await loadKeyring(ctx.database.db, testConfig().masterKeys!);
    const query = { fullName: INFORMANT, born: null, probes: [], limit: 1, minWeightShare: 0.9 };
    const top = async (actor?: TestUser['actor']) => [
      ...(
        await findCandidates(ctx.database.db, keyring, {
          ...query,
          agencyId: actor?.agencyId ?? null,
          ...(actor ? { actor } : {}),
        })
      ).byName.keys(),
    ];
    const everyone = await top();
    assert.equal(everyone.length, 1);
    assert.notEqual(
      everyone[0],
      `${u.ioA.agencyId}/${accusedId}`,
      'without a caller, an informant comes first',
    );
    assert.deepEqual(await top(u.analyst.actor), [`${u.ioA.agencyId}/${accusedId}`]);
    assert.notDeepEqual(
      await top(u.ioA.actor),
      [`${u.ioA.agencyId}/${accusedId}`],
      'the police see informants',
    );
  });
});
