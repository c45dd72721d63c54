import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { caseBody, forEachDatabase, newAgency, newUser, type TestUser, testApp } from '../harness.ts';

/**
 * The `self` scope: a constable / station writer reads and changes the cases it entered and those the station
 * house officer assigned to it — not the rest of its station's cases, nothing of other agencies, nothing
 * disclosed or referred to its station. Only an SHO or supervisor assigns, and only an officer of the station.
 */

forEachDatabase('self scope: the constable and assigned cases', (ctx) => {
  let app: FastifyInstance;
  let constable: TestUser;
  let io: TestUser;
  let sho: TestUser;
  let otherIo: TestUser;
  let ngo: TestUser;
  let ioCase: { id: string; version: number; persons: { id: string; role: string }[] };
  const get = (u: TestUser, url: string) => app.inject({ method: 'GET', url, headers: u.headers });
  const post = (u: TestUser, url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: u.headers, payload });
  const patch = (u: TestUser, url: string, payload: object) =>
    app.inject({ method: 'PATCH', url, headers: u.headers, payload });
  const listed = async (u: TestUser) =>
    ((await get(u, '/api/v1/cases?limit=200')).json().items as { id: string }[]).map((c) => c.id);

  before(async () => {
    app = await testApp(ctx.database);
    const station = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const other = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    [constable, io, sho, otherIo, ngo] = await Promise.all([
      newUser(ctx.database, station, 'constable'),
      newUser(ctx.database, station, 'investigating_officer'),
      newUser(ctx.database, station, 'station_house_officer'),
      newUser(ctx.database, other, 'investigating_officer'),
      newUser(ctx.database, station, 'ngo_caseworker'),
    ]);
    const res = await post(io, '/api/v1/cases', caseBody({ distribution: 'district' }));
    assert.equal(res.statusCode, 201, res.body);
    ioCase = res.json();
  });

  test('the constable reads and changes the case it entered, not a colleague’s', async () => {
    const mine = await post(constable, '/api/v1/cases', caseBody());
    assert.equal(mine.statusCode, 201, mine.body);
    const id = mine.json().id as string;
    assert.equal(mine.json().access, 'own');
    assert.equal((await get(constable, `/api/v1/cases/${id}`)).statusCode, 200);
    const changed = await patch(constable, `/api/v1/cases/${id}`, {
      version: mine.json().version,
      place: 'Near the market',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    // The investigating officer's case of the same station: not found, not listed, its persons neither.
    assert.equal((await get(constable, `/api/v1/cases/${ioCase.id}`)).statusCode, 404);
    assert.equal((await get(constable, `/api/v1/persons/${ioCase.persons[0]!.id}`)).statusCode, 404);
    const ids = await listed(constable);
    assert.ok(ids.includes(id) && !ids.includes(ioCase.id));
    const persons = (await get(constable, `/api/v1/persons?case_id=${ioCase.id}`)).json().items;
    assert.deepEqual(persons, []);
    // The station's other officers still read the constable's case.
    assert.equal((await get(io, `/api/v1/cases/${id}`)).statusCode, 200);
    // Writing to a colleague's case is not found either.
    const refused = await post(constable, `/api/v1/cases/${ioCase.id}/persons`, {
      role: 'buyer',
      full_name: 'Synthetic Buyer',
    });
    assert.equal(refused.statusCode, 404);
    // Another station's case shared with the district: police read it, the constable does not.
    const shared = await post(otherIo, '/api/v1/cases', caseBody({ distribution: 'district' }));
    assert.equal((await get(io, `/api/v1/cases/${shared.json().id}`)).statusCode, 200);
    assert.equal((await get(constable, `/api/v1/cases/${shared.json().id}`)).statusCode, 404);
  });

  test('only an SHO or supervisor assigns, and only an active officer of the owning station', async () => {
    const url = `/api/v1/cases/${ioCase.id}`;
    const current = async () => (await get(io, url)).json().version as number;
    const byIo = await patch(io, url, { version: await current(), assigned_to: constable.id });
    assert.equal(byIo.statusCode, 403, byIo.body);
    const otherStation = await patch(sho, url, { version: await current(), assigned_to: otherIo.id });
    assert.equal(otherStation.statusCode, 400);
    assert.equal(otherStation.json().error.issues[0].field, 'assigned_to');
    const caseworker = await patch(sho, url, { version: await current(), assigned_to: ngo.id });
    assert.equal(caseworker.statusCode, 400, 'a caseworker does not investigate');
    const nobody = await patch(sho, url, {
      version: await current(),
      assigned_to: '01900000-0000-7000-8000-000000000000',
    });
    assert.equal(nobody.statusCode, 400);

    const assigned = await patch(sho, url, { version: await current(), assigned_to: constable.id });
    assert.equal(assigned.statusCode, 200, assigned.body);
    assert.equal(assigned.json().assigned_to, constable.id);
    const seen = await get(constable, url);
    assert.equal(seen.statusCode, 200, 'assigned: the constable reads it now');
    assert.ok(!seen.json().persons.some((p: { role: string }) => p.role === 'informant'));
    assert.ok((await listed(constable)).includes(ioCase.id));
    // The victim's consents and reveals log are the holder's too.
    const victim = ioCase.persons.find((p) => p.role === 'victim')!;
    assert.equal((await get(constable, `/api/v1/persons/${victim.id}/consents`)).statusCode, 200);

    // Taken off the case: not found again.
    const unassigned = await patch(sho, url, { version: await current(), assigned_to: null });
    assert.equal(unassigned.statusCode, 200);
    assert.equal((await get(constable, url)).statusCode, 404);
    assert.equal((await get(constable, `/api/v1/persons/${victim.id}/consents`)).statusCode, 404);
  });

  test('a case referred to the station is not the constable’s', async () => {
    const cwcLike = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    const ownerIo = await newUser(ctx.database, cwcLike, 'investigating_officer');
    const writer = await newUser(ctx.database, cwcLike, 'constable');
    const res = await post(ownerIo, '/api/v1/cases', caseBody({ persons: [] }));
    const referral = await post(ownerIo, `/api/v1/cases/${res.json().id}/referrals`, {
      to_agency_id: constable.agencyId,
      purpose: 'joint raid planned with the receiving station',
    });
    assert.equal(referral.statusCode, 201, referral.body);
    assert.equal((await get(io, `/api/v1/cases/${res.json().id}`)).statusCode, 200, 'the station reads it');
    assert.equal((await get(constable, `/api/v1/cases/${res.json().id}`)).statusCode, 404);
    // The writer of the owning station did not enter it either.
    assert.equal((await get(writer, `/api/v1/cases/${res.json().id}`)).statusCode, 404);
  });

  test('the constable may not transfer a case or ask for another’s', async () => {
    const mine = (await post(constable, '/api/v1/cases', caseBody({ persons: [] }))).json();
    const transfer = await post(constable, `/api/v1/cases/${mine.id}/transfers`, {
      to_agency_id: otherIo.agencyId,
      reason: 'zero FIR: offence in the other station’s area',
    });
    assert.equal(transfer.statusCode, 403);
    const ask = await post(constable, '/api/v1/disclosures', {
      record_kind: 'case',
      record_id: ioCase.id,
      purpose: 'same phone in our FIR 12/2025 (trafficking)',
      case_reference: 'FIR 12/2025',
    });
    assert.equal(ask.statusCode, 403);
  });
});
