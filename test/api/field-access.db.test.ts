import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import {
  caseKeys,
  caseRecordFields,
  personKeys,
  personRecordFields,
  seesIdentifier,
} from '../../src/modules/access/fields.ts';
import { type Role, roleNames, roles } from '../../src/modules/access/roles.ts';
import { ensureProfile } from '../../src/modules/profiles/profile.repository.ts';
import { caseBody, forEachDatabase, newAgency, newUser, type TestUser, testApp } from '../harness.ts';

/**
 * Field allow-lists (src/modules/access/fields.ts): every role reading one case of its own agency gets exactly
 * the fields on its list — of the case, and of each person it may see — and nothing else; the same holds for a
 * case read through a referral. Searches, person and identifier reads and matches do not find what the list
 * leaves out.
 */

const ACCUSED_PHONE = '+91 98111 40001';
const INFORMANT_PHONE = '+91 98111 40002';
const GUARDIAN_PHONE = '+91 98111 40003';
const INFORMANT_NAME = 'Synthetic Informant Khabri';
const PURPOSE = 'same accused in our FIR 7/2025 (trafficking)';

type Json = Record<string, unknown>;
type PersonJson = Json & { id: string; role: string; identifiers?: Json[] };

const sorted = (keys: Iterable<string>) => [...keys].sort();

forEachDatabase('field allow-lists per role', (ctx) => {
  let app: FastifyInstance;
  let caseId: string;
  let stationId: string;
  const users = {} as Record<Role, TestUser>;
  const ids: { informant: string; accused: string; accusedPhone: string; informantPhone: string } = {
    informant: '',
    accused: '',
    accusedPhone: '',
    informantPhone: '',
  };
  const get = (u: TestUser, url: string) => app.inject({ method: 'GET', url, headers: u.headers });

  before(async () => {
    app = await testApp(ctx.database);
    const station = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    stationId = station.id;
    // Every role sits in the station that owns the case: these are own-agency reads.
    const made = await Promise.all(roleNames.map((role) => newUser(ctx.database, station, role)));
    for (const u of made) users[u.role] = u;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: users.investigating_officer.headers,
      payload: caseBody({
        external_id: 'FA-1',
        gd_entry: 'GD 12/2025',
        summary: 'Synthetic summary: a raid at a lodge on information received',
        occurred_from: '2025-03-01T20:00:00+05:30',
        persons: [
          { role: 'victim', full_name: 'Synthetic Child Asha', gender: 'female', age: 14 },
          {
            role: 'guardian',
            full_name: 'Synthetic Guardian Meena',
            relation_kind: 'w/o',
            relation_name: 'Synthetic Ravi',
            address: 'Lane 2, Kasba Peth',
            notes: 'mother; works nights',
            identifiers: [{ kind: 'phone', value: GUARDIAN_PHONE }],
          },
          {
            role: 'accused',
            full_name: 'Synthetic Accused Salim',
            gender: 'male',
            age: 38,
            address: 'Room 4, Lodge Sagar',
            notes: 'runs the lodge; two earlier cases',
            identifiers: [{ kind: 'phone', value: ACCUSED_PHONE }],
          },
          {
            role: 'informant',
            full_name: INFORMANT_NAME,
            gender: 'male',
            age: 30,
            notes: 'paid source',
            identifiers: [{ kind: 'phone', value: INFORMANT_PHONE }],
          },
        ],
        identifiers: [{ kind: 'vehicle', value: 'MH 12 AB 4001' }],
      }),
    });
    assert.equal(res.statusCode, 201, res.body);
    const c = res.json();
    caseId = c.id;
    const persons = c.persons as PersonJson[];
    const of = (role: string) => persons.find((p) => p.role === role)!;
    ids.informant = of('informant').id;
    ids.accused = of('accused').id;
    ids.accusedPhone = (of('accused').identifiers![0] as { id: string }).id;
    ids.informantPhone = (of('informant').identifiers![0] as { id: string }).id;
    // The station writer reads the case once the station house officer puts it on it.
    const assign = await app.inject({
      method: 'PATCH',
      url: `/api/v1/cases/${caseId}`,
      headers: users.station_house_officer.headers,
      payload: { version: c.version, assigned_to: users.constable.id },
    });
    assert.equal(assign.statusCode, 200, assign.body);
  });

  test('each role reads exactly the case fields, persons and person fields on its list', async () => {
    for (const role of roleNames) {
      const res = await get(users[role], `/api/v1/cases/${caseId}`);
      const access = roles[role].fields;
      if (!(roles[role].actions as readonly string[]).includes('case:read')) {
        assert.equal(res.statusCode, 403, `${role}: ${res.body}`);
        assert.equal(caseKeys(access).size, 0, `${role} reads no case content`);
        continue;
      }
      assert.equal(res.statusCode, 200, `${role}: ${res.body}`);
      const body = res.json() as Json & { persons?: PersonJson[] };
      assert.deepEqual(sorted(Object.keys(body)), sorted(caseKeys(access)), `${role}: case fields`);
      for (const p of body.persons ?? []) {
        assert.deepEqual(
          sorted(Object.keys(p)),
          sorted(personKeys(access, p.role) ?? []),
          `${role}: fields of the ${p.role}`,
        );
      }
      assert.deepEqual(
        sorted((body.persons ?? []).map((p) => p.role)),
        sorted(['victim', 'guardian', 'accused', 'informant'].filter((r) => r in access.persons)),
        `${role}: persons shown`,
      );
      assert.deepEqual(
        sorted(Object.keys(body.person_counts as Json)),
        sorted(['victim', 'guardian', 'accused', 'informant'].filter((r) => r in access.persons)),
        `${role}: person counts only of the roles it sees`,
      );
    }
  });

  test('what the lists mean: informants for police only, the police file apart from child care', async () => {
    const read = async (role: Role) => {
      const body = (await get(users[role], `/api/v1/cases/${caseId}`)).json() as Json & {
        persons?: PersonJson[];
      };
      const person = (r: string) => body.persons?.find((p) => p.role === r);
      return { body, person };
    };
    // Record fields come to everyone who reads cases.
    for (const role of ['ngo_caseworker', 'cwc_member', 'prosecutor'] as const) {
      const { body } = await read(role);
      for (const f of caseRecordFields) assert.ok(f in body, `${role} sees ${f}`);
    }
    const io = await read('investigating_officer');
    assert.ok(io.person('informant'), 'the investigating officer sees the informant');
    assert.equal(io.person('accused')?.notes, 'runs the lodge; two earlier cases');

    for (const role of ['prosecutor', 'state_analyst', 'constable'] as const) {
      const r = await read(role);
      assert.equal(r.person('informant'), undefined, `${role}: no informant (BSA s.131)`);
      assert.equal(r.body.summary, 'Synthetic summary: a raid at a lodge on information received');
      assert.equal(r.person('accused')?.identifiers?.length, 1, `${role} sees the accused's phone`);
    }

    const cwc = await read('cwc_member');
    assert.equal(cwc.person('informant'), undefined);
    assert.ok('summary' in cwc.body && 'place' in cwc.body, 'CWC: what happened and where');
    assert.ok(!('gd_entry' in cwc.body) && !('identifiers' in cwc.body), 'CWC: no GD entry, no vehicle');
    assert.equal(cwc.person('accused')?.address, 'Room 4, Lodge Sagar', 'CWC: where the accused lives');
    assert.ok(!('notes' in cwc.person('accused')!), 'CWC: not the police notes on the accused');
    assert.ok(!('identifiers' in cwc.person('accused')!), "CWC: not the accused's phone");
    assert.equal(cwc.person('guardian')?.notes, 'mother; works nights', 'CWC: the guardian in full');

    const ngo = await read('ngo_caseworker');
    assert.ok(!('summary' in ngo.body) && !('place' in ngo.body), 'caseworker: no narrative, no place');
    assert.equal(
      ngo.person('accused')?.full_name,
      'Synthetic Accused Salim',
      'caseworker: who the accused is',
    );
    for (const f of ['address', 'notes', 'identifiers'])
      assert.ok(!(f in ngo.person('accused')!), `caseworker: no ${f} of the accused`);
    assert.equal(
      (ngo.person('guardian')?.identifiers as { value: string }[] | undefined)?.[0]?.value,
      GUARDIAN_PHONE,
      "caseworker: the guardian's phone (home visits)",
    );
    assert.ok(!('notes' in ngo.person('guardian')!), 'caseworker: no notes on the guardian');
    // The victim is a pseudonym for everyone, whatever the list.
    assert.match(ngo.person('victim')!.full_name as string, /^V-/);
  });

  test('persons, identifiers, searches and matches leave out what the list leaves out', async () => {
    const p = users.prosecutor;
    assert.equal((await get(p, `/api/v1/persons/${ids.informant}`)).statusCode, 404);
    assert.equal((await get(p, `/api/v1/identifiers/${ids.informantPhone}`)).statusCode, 404);
    const persons = (await get(p, `/api/v1/persons?case_id=${caseId}`)).json().items as PersonJson[];
    assert.ok(persons.length > 0 && !persons.some((x) => x.role === 'informant'));
    assert.equal(
      (await get(users.investigating_officer, `/api/v1/persons/${ids.informant}`)).statusCode,
      200,
    );

    // A name search finds the informant's case only for a role that may see informants.
    const search = (u: TestUser) =>
      get(
        u,
        `/api/v1/cases?q=${encodeURIComponent(INFORMANT_NAME)}&purpose=${encodeURIComponent(PURPOSE)}`,
      ).then((r) => (r.json().items as { id: string }[]).map((c) => c.id));
    assert.deepEqual(await search(users.investigating_officer), [caseId]);
    assert.deepEqual(await search(p), []);
    // …and a phone finds it only for a role that may see that phone.
    const byPhone = (u: TestUser, phone: string) =>
      get(u, `/api/v1/cases?q=${encodeURIComponent(phone)}`).then((r) =>
        (r.json().items as { id: string }[]).map((c) => c.id),
      );
    assert.deepEqual(await byPhone(p, INFORMANT_PHONE), []);
    assert.deepEqual(await byPhone(p, ACCUSED_PHONE), [caseId]);
    assert.deepEqual(await byPhone(users.ngo_caseworker, ACCUSED_PHONE), []);
    assert.deepEqual(await byPhone(users.ngo_caseworker, GUARDIAN_PHONE), [caseId]);

    const ngo = users.ngo_caseworker;
    assert.equal((await get(ngo, `/api/v1/identifiers/${ids.accusedPhone}`)).statusCode, 404);
    const listed = (await get(ngo, `/api/v1/identifiers?case_id=${caseId}`)).json().items as {
      kind: string;
      value: string;
    }[];
    assert.deepEqual(
      listed.map((i) => i.value),
      [GUARDIAN_PHONE],
      'caseworker: only the guardian’s phone',
    );
    // A grid search for the accused's phone: the caseworker's own case is neither a link nor a hit — a hit on a
    // case it reads would say that the phone it may not see is in that case.
    const grid = (
      await get(ngo, `/api/v1/grid/identifier?kind=phone&value=${encodeURIComponent(ACCUSED_PHONE)}`)
    ).json() as { links: { case_id: string }[]; hits: { record_id: string }[] };
    assert.ok(!grid.links.some((l) => l.case_id === caseId), 'no link through a phone it may not see');
    assert.ok(!grid.hits.some((h) => h.record_id === caseId), 'nor a hit on a case it reads');
    // The station's investigating officer, whose file has that phone, finds the case as a link.
    const police = (
      await get(
        users.investigating_officer,
        `/api/v1/grid/identifier?kind=phone&value=${encodeURIComponent(ACCUSED_PHONE)}`,
      )
    ).json() as { links: { case_id: string }[] };
    assert.ok(police.links.some((l) => l.case_id === caseId));
  });

  test('profiles and screening show each role only the persons and identifiers on its list', async () => {
    const accusedProfile = await ensureProfile(ctx.database.db, stationId, ids.accused);
    const informantProfile = await ensureProfile(ctx.database.db, stationId, ids.informant);
    const screen = (u: TestUser, body: Json) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/grid/screen',
        headers: u.headers,
        payload: { purpose: PURPOSE, ...body },
      });
    for (const role of roleNames) {
      const u = users[role];
      const access = roles[role].fields;
      if (!(roles[role].actions as readonly string[]).includes('case:read')) {
        assert.equal((await get(u, `/api/v1/profiles/${accusedProfile}`)).statusCode, 403, role);
        assert.equal((await screen(u, { full_name: INFORMANT_NAME })).statusCode, 403, role);
        continue;
      }
      const seesPhone = seesIdentifier(access, 'accused');
      const profile = await get(u, `/api/v1/profiles/${accusedProfile}`);
      assert.equal(profile.statusCode, 200, `${role}: ${profile.body}`);
      const phoneNodes = (profile.json().network.nodes as { kind: string }[]).filter(
        (n) => n.kind === 'identifier',
      );
      assert.equal(phoneNodes.length, seesPhone ? 1 : 0, `${role}: the accused's phone on the profile`);
      assert.equal(
        (await get(u, `/api/v1/profiles/${informantProfile}`)).statusCode,
        'informant' in access.persons ? 200 : 404,
        `${role}: the informant's profile`,
      );

      type Found = { case_id: string; via: string[]; person: { role: string } | null }[];
      const byPhone = await screen(u, { identifiers: [{ kind: 'phone', value: ACCUSED_PHONE }] });
      assert.equal(byPhone.statusCode, 200, `${role}: ${byPhone.body}`);
      assert.deepEqual(
        (byPhone.json().persons as Found).map((c) => [c.person?.role, c.via]),
        seesPhone ? [['accused', ['identifier']]] : [],
        `${role}: screening the accused's phone`,
      );
      const byName = await screen(u, { full_name: INFORMANT_NAME, age: 30 });
      assert.equal(byName.statusCode, 200, `${role}: ${byName.body}`);
      const found = (byName.json().persons as Found).filter((c) => c.case_id === caseId);
      if ('informant' in access.persons)
        assert.ok(
          found.some((c) => c.person?.role === 'informant'),
          `${role}: the informant is a link: ${byName.body}`,
        );
      else
        assert.ok(
          found.every((c) => c.person !== null && c.person.role !== 'informant'),
          `${role}: the informant is neither a link nor a hit: ${byName.body}`,
        );
    }
  });

  test('a referred case is cut to the receiving role’s list as well', async () => {
    const prosecution = await newAgency(ctx.database, { parentCode: 'MH-D490', kind: 'prosecution' });
    const app2 = app;
    const prosecutor = await newUser(ctx.database, prosecution, 'prosecutor');
    // The victim's consent to a referral first (child and guardian).
    const c = (await get(users.investigating_officer, `/api/v1/cases/${caseId}`)).json() as {
      persons: PersonJson[];
    };
    const victim = c.persons.find((x) => x.role === 'victim')!;
    for (const given_by of ['child', 'guardian']) {
      const r = await app2.inject({
        method: 'POST',
        url: `/api/v1/persons/${victim.id}/consents`,
        headers: users.investigating_officer.headers,
        payload: { given_by, purpose: 'referral' },
      });
      assert.equal(r.statusCode, 201, r.body);
    }
    const referral = await app2.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/referrals`,
      headers: users.investigating_officer.headers,
      payload: { to_agency_id: prosecution.id, purpose: 'charge-sheet scrutiny by the prosecutor' },
    });
    assert.equal(referral.statusCode, 201, referral.body);
    const seen = await get(prosecutor, `/api/v1/cases/${caseId}`);
    assert.equal(seen.statusCode, 200, seen.body);
    const body = seen.json() as Json & { persons: PersonJson[] };
    assert.equal(body.access, 'disclosed');
    assert.deepEqual(sorted(Object.keys(body)), sorted(caseKeys(roles.prosecutor.fields)));
    assert.ok(!body.persons.some((x) => x.role === 'informant'), 'referred: still no informant');
    assert.equal((await get(prosecutor, `/api/v1/persons/${ids.informant}`)).statusCode, 404);
  });
});

test('record fields are shared by every list; no list names a field twice', () => {
  for (const role of roleNames) {
    const access = roles[role].fields;
    assert.equal(new Set(access.case).size, access.case.length, `${role}: case fields`);
    for (const [personRole, fields] of Object.entries(access.persons)) {
      assert.equal(new Set(fields).size, fields!.length, `${role}: ${personRole} fields`);
      for (const f of fields!)
        assert.ok(!(personRecordFields as readonly string[]).includes(f), `${role}: ${f} is a record field`);
    }
  }
});
