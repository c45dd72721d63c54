import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ImportRejected, importRecords } from '../../src/modules/imports/import.service.ts';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import {
  caseBody,
  forEachDatabase,
  newAgency,
  newMfaSession,
  newUser,
  type TestUser,
  testApp,
  testConfig,
} from '../harness.ts';

/**
 * Transfer of a zero FIR to the station with jurisdiction (BNSS s.173(1); india-law.md §a.1 A7): the receiver
 * gets a copy, the sender keeps its case read-only; the consent of the child and a guardian first, or a
 * reasoned override; the receiver is notified; both ends are audited.
 */

const VICTIM_NAME = 'Synthetic Transfer Child Rani';
const PHONE = '+91 98111 50001';
const REASON = 'zero FIR: offence committed in the area of the other station';

forEachDatabase('case transfers', (ctx) => {
  let app: FastifyInstance;
  let stationA: { id: string; code: string };
  let stationB: { id: string; code: string };
  let cwcAgency: { id: string; code: string };
  let shoA: TestUser;
  let ioA: TestUser;
  let shoB: TestUser;
  let ioB: TestUser;
  const get = (u: TestUser, url: string) => app.inject({ method: 'GET', url, headers: u.headers });
  const post = (u: TestUser, url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: u.headers, payload });

  const newZeroFir = async (extra: Record<string, unknown> = {}) => {
    const res = await post(
      ioA,
      '/api/v1/cases',
      caseBody({
        fir_kind: 'zero_fir',
        summary: 'Synthetic zero FIR: the child was taken from a bus stand in the other station’s area',
        persons: [
          { role: 'victim', full_name: VICTIM_NAME, gender: 'female', age: 13, address: 'Synthetic Nagar' },
          {
            role: 'accused',
            full_name: 'Synthetic Accused Transfer',
            gender: 'male',
            age: 40,
            identifiers: [{ kind: 'phone', value: PHONE }],
          },
        ],
        identifiers: [{ kind: 'vehicle', value: 'MH 12 TR 5001' }],
        ...extra,
      }),
    );
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; version: number; persons: { id: string; role: string }[] };
  };

  before(async () => {
    app = await testApp(ctx.database);
    stationA = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    stationB = await newAgency(ctx.database, { parentCode: 'MH-D490' });
    cwcAgency = await newAgency(ctx.database, { parentCode: 'MH-D490', kind: 'cwc' });
    [shoA, ioA, shoB, ioB] = await Promise.all([
      newUser(ctx.database, stationA, 'station_house_officer'),
      newUser(ctx.database, stationA, 'investigating_officer'),
      newUser(ctx.database, stationB, 'station_house_officer'),
      newUser(ctx.database, stationB, 'investigating_officer'),
    ]);
  });

  test('who may transfer: the SHO of the owning station; others are refused or do not find the case', async () => {
    const c = await newZeroFir();
    const body = { to_agency_id: stationB.id, reason: REASON };
    const io = await post(ioA, `/api/v1/cases/${c.id}/transfers`, body);
    assert.equal(io.statusCode, 403, io.body);
    assert.equal(io.json().error.code, 'forbidden');
    const other = await post(shoB, `/api/v1/cases/${c.id}/transfers`, body);
    assert.equal(other.statusCode, 404, 'another station’s case is not found');
    const missing = await post(shoA, `/api/v1/cases/${ioB.id}/transfers`, body);
    assert.equal(missing.statusCode, 404);
  });

  test('the request names its wrong field', async () => {
    const c = await newZeroFir();
    const cases: [object, string][] = [
      [{ to_agency_id: stationB.id }, 'reason'],
      [{ to_agency_id: stationB.id, reason: 'too short' }, 'reason'],
      [{ to_agency_id: 'not-a-uuid', reason: REASON }, 'to_agency_id'],
      [{ to_agency_id: cwcAgency.id, reason: REASON }, 'to_agency_id'],
      [{ to_agency_id: stationA.id, reason: REASON }, 'to_agency_id'],
      [{ to_agency_id: shoA.id, reason: REASON }, 'to_agency_id'],
      [{ to_agency_id: stationB.id, reason: REASON, extra: 1 }, ''],
    ];
    for (const [payload, field] of cases) {
      const res = await post(shoA, `/api/v1/cases/${c.id}/transfers`, payload);
      assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
      const issues = (res.json().error.issues ?? []) as { field: string }[];
      if (field)
        assert.ok(
          issues.some((i) => i.field === field),
          `${field} named: ${res.body}`,
        );
    }
  });

  test('consent of the child and a guardian to the transfer first; then a copy for the receiver, the original read-only', async () => {
    const c = await newZeroFir();
    const victim = c.persons.find((p) => p.role === 'victim')!;
    const url = `/api/v1/cases/${c.id}/transfers`;
    const refused = await post(shoA, url, { to_agency_id: stationB.id, reason: REASON });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().error.code, 'consent_required');
    const fields = (refused.json().error.issues as { field: string }[]).map((i) => i.field).sort();
    assert.equal(fields.length, 2);
    assert.match(fields[0]!, /^consent\.V-.+\.child$/, 'named by pseudonym');
    assert.ok(!refused.body.includes(VICTIM_NAME), 'never by name');
    // Consent to a referral is not consent to a transfer.
    for (const given_by of ['child', 'guardian']) {
      const r = await post(ioA, `/api/v1/persons/${victim.id}/consents`, { given_by, purpose: 'referral' });
      assert.equal(r.statusCode, 201, r.body);
    }
    assert.equal((await post(shoA, url, { to_agency_id: stationB.id, reason: REASON })).statusCode, 409);
    for (const given_by of ['child', 'guardian']) {
      const r = await post(ioA, `/api/v1/persons/${victim.id}/consents`, { given_by, purpose: 'transfer' });
      assert.equal(r.statusCode, 201, r.body);
    }
    const done = await post(shoA, url, { to_agency_id: stationB.id, reason: REASON });
    assert.equal(done.statusCode, 201, done.body);
    const t = done.json();
    assert.equal(t.case_id, c.id);
    assert.equal(t.to_agency.id, stationB.id);
    assert.equal(t.consent_override_reason, null);
    assert.notEqual(t.to_case_id, c.id, 'the copy has an id of its own');

    // The sender: its case, status transferred, read-only, pointing at the receiver.
    const sent = (await get(ioA, `/api/v1/cases/${c.id}`)).json();
    assert.equal(sent.status, 'transferred');
    assert.equal(sent.transfer.direction, 'out');
    assert.equal(sent.transfer.agency.id, stationB.id);
    assert.equal(sent.transfer.reason, REASON);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/cases/${c.id}`,
      headers: ioA.headers,
      payload: { version: sent.version, place: 'elsewhere' },
    });
    assert.equal(patch.statusCode, 409, patch.body);
    assert.equal(patch.json().error.issues[0].field, 'status');
    const addPerson = await post(ioA, `/api/v1/cases/${c.id}/persons`, {
      role: 'buyer',
      full_name: 'Synthetic Buyer Late',
    });
    assert.equal(addPerson.statusCode, 409);
    const accusedA = sent.persons.find((p: { role: string }) => p.role === 'accused');
    const personPatch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${accusedA.id}`,
      headers: ioA.headers,
      payload: { version: accusedA.version, age: 41 },
    });
    assert.equal(personPatch.statusCode, 409);
    assert.equal((await post(shoA, url, { to_agency_id: stationB.id, reason: REASON })).statusCode, 409);
    // The sender does not read the receiver's copy.
    assert.equal((await get(ioA, `/api/v1/cases/${t.to_case_id}`)).statusCode, 404);

    // The receiver: a case of its own, a zero FIR from the sender, registered, with the persons and identifiers.
    const got = await get(ioB, `/api/v1/cases/${t.to_case_id}`);
    assert.equal(got.statusCode, 200, got.body);
    const copy = got.json();
    assert.equal(copy.agency.id, stationB.id);
    assert.equal(copy.fir_kind, 'zero_fir');
    assert.equal(copy.status, 'registered');
    assert.equal(copy.fir_number, null, 'the receiving station registers its own FIR number');
    assert.equal(copy.transfer.direction, 'in');
    assert.equal(copy.transfer.agency.id, stationA.id);
    assert.equal(copy.transfer.fir_number, sent.fir_number);
    assert.deepEqual(copy.offences, sent.offences);
    assert.equal(copy.summary, sent.summary);
    const copiedVictim = copy.persons.find((p: { role: string }) => p.role === 'victim');
    assert.match(copiedVictim.full_name, new RegExp(`^V-${stationB.code}-`), 'the receiver’s pseudonym');
    assert.ok(!got.body.includes(VICTIM_NAME));
    const accused = copy.persons.find((p: { role: string }) => p.role === 'accused');
    assert.equal(accused.identifiers[0].normalised, '+919811150001');
    assert.equal(copy.identifiers[0].kind, 'vehicle');
    // The copy can be worked on.
    const edit = await app.inject({
      method: 'PATCH',
      url: `/api/v1/cases/${t.to_case_id}`,
      headers: ioB.headers,
      payload: { version: copy.version, fir_number: '88/2025', status: 'under_investigation' },
    });
    assert.equal(edit.statusCode, 200, edit.body);

    // The victim's identity was sealed again under the receiver's record: its officer can reveal it.
    const session = await newMfaSession(app, ctx.database, stationB, 'investigating_officer');
    const reveal = await app.inject({
      method: 'POST',
      url: `/api/v1/persons/${copiedVictim.id}/reveal`,
      headers: session.headers,
      payload: { purpose: 'production before the CWC on 3 December' },
    });
    assert.equal(reveal.statusCode, 200, reveal.body);
    assert.equal(reveal.json().full_name, VICTIM_NAME);
    assert.equal(reveal.json().address, 'Synthetic Nagar');

    // Told, and audited at both ends.
    const notes = (await get(ioB, '/api/v1/notifications')).json().items as {
      kind: string;
      subject_kind: string;
      subject_id: string;
    }[];
    assert.ok(
      notes.some(
        (n) => n.kind === 'transfer.received' && n.subject_kind === 'case' && n.subject_id === t.to_case_id,
      ),
    );
    const events = await ctx.database.db
      .selectFrom('audit_events')
      .select(['action', 'record_id', 'record_agency_id', 'agency_id', 'detail'])
      .where('record_id', 'in', [c.id, t.to_case_id])
      .where('action', 'in', ['case.transfer', 'case.create'])
      .execute();
    const transferEvent = events.find((e) => e.action === 'case.transfer');
    assert.ok(transferEvent, 'the transfer is audited');
    assert.equal(transferEvent.record_agency_id, stationA.id);
    assert.ok(
      events.some((e) => e.action === 'case.create' && e.record_id === t.to_case_id),
      'the copy is audited',
    );
    assert.ok(!JSON.stringify(events).includes(VICTIM_NAME), 'no name in the audit log');
  });

  test('a re-import does not change a transferred case', async () => {
    const c = await newZeroFir({ external_id: 'TR-IMPORT-1', persons: [] });
    const done = await post(shoA, `/api/v1/cases/${c.id}/transfers`, {
      to_agency_id: stationB.id,
      reason: REASON,
    });
    assert.equal(done.statusCode, 201, done.body);
    const keyring = await loadKeyring(ctx.database.db, testConfig().masterKeys!);
    const record = {
      agency_code: stationA.code,
      external_id: 'TR-IMPORT-1',
      registered_at: '2025-03-04T10:15:00+05:30',
      procedure_code: 'BNSS' as const,
      place: 'changed by a re-import',
    };
    await assert.rejects(
      importRecords(ctx.database.db, keyring, shoA.actor, [{ line: 1, record }], {
        name: 'again.jsonl',
        text: JSON.stringify(record),
        format: 'jsonl',
      }),
      (err: unknown) =>
        err instanceof ImportRejected && (err.issues ?? []).some((i) => i.field.includes('external_id')),
    );
    const kept = (await get(ioA, `/api/v1/cases/${c.id}`)).json();
    assert.notEqual(kept.place, 'changed by a re-import');
    assert.equal(kept.status, 'transferred');
  });

  test('without consent: an SHO transfers giving a reason, which travels with the transfer', async () => {
    const c = await newZeroFir();
    const res = await post(shoA, `/api/v1/cases/${c.id}/transfers`, {
      to_agency_id: stationB.id,
      reason: REASON,
      consent_override_reason: 'zero FIR: BNSS s.173(1) requires the transfer without delay',
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(
      res.json().consent_override_reason,
      'zero FIR: BNSS s.173(1) requires the transfer without delay',
    );
    const copy = (await get(shoB, `/api/v1/cases/${res.json().to_case_id}`)).json();
    assert.match(copy.transfer.consent_override_reason, /BNSS/);
  });

  test('a case without a child needs no consent; a supervisor transfers for the stations below', async () => {
    const supervisor = await newUser(
      ctx.database,
      {
        id: (
          await ctx.database.db
            .selectFrom('agencies')
            .select('id')
            .where('code', '=', 'MH-D490')
            .executeTakeFirstOrThrow()
        ).id,
        code: 'MH-D490',
      },
      'district_supervisor',
    );
    const c = await newZeroFir({
      persons: [{ role: 'accused', full_name: 'Synthetic Accused Only', gender: 'male', age: 30 }],
    });
    const res = await post(supervisor, `/api/v1/cases/${c.id}/transfers`, {
      to_agency_id: stationB.id,
      reason: REASON,
    });
    assert.equal(res.statusCode, 201, res.body);
  });
});
