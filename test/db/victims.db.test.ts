import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.ts';
import { systemActor } from '../../src/modules/access/system-actor.ts';
import { exportRecords } from '../../src/modules/imports/export.service.ts';
import { parseJsonLines } from '../../src/modules/imports/import-format.ts';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import { listReveals, revealPerson } from '../../src/modules/victims/reveal.service.ts';
import type { Keyring } from '../../src/shared/envelope.ts';
import { caseBody, forEachDatabase, newAgency, newUser, type TestUser, testConfig } from '../harness.ts';

// Distinctive synthetic names, so that any leak is found by a plain text search.
const VICTIM = 'Zeenatkumari Qwertyanova';
const VICTIM_PARENT = 'Xylophoneprasad Qwertyanova';
const VICTIM_PHONE = '9123456780';
const VICTIM_ADDRESS = 'Flat 77 Unicornvilla Lane';

forEachDatabase('victim identity protection', (ctx) => {
  let app: FastifyInstance;
  let keyring: Keyring;
  let io: TestUser;
  let ngo: TestUser;
  let other: TestUser;
  let caseId: string;
  let victimId: string;
  const logs: string[] = [];

  before(async () => {
    const config = testConfig();
    keyring = await loadKeyring(ctx.database.db, config.masterKeys!);
    const sink = new Writable({
      write(chunk, _enc, cb) {
        logs.push(String(chunk));
        cb();
      },
    });
    app = await buildApp(
      { db: ctx.database.db, config, version: 'test', keyring },
      { logger: { level: 'trace', stream: sink } },
    );
    const station = await newAgency(ctx.database, { parentCode: 'MH-D490', code: 'MH-D490-PSV' });
    io = await newUser(ctx.database, station, 'investigating_officer');
    ngo = await newUser(ctx.database, station, 'ngo_caseworker');
    other = await newUser(
      ctx.database,
      await newAgency(ctx.database, { parentCode: 'WB-D303' }),
      'investigating_officer',
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: io.headers,
      payload: caseBody({
        persons: [
          {
            role: 'victim',
            full_name: VICTIM,
            relation_kind: 'd/o',
            relation_name: VICTIM_PARENT,
            gender: 'female',
            age: 14,
            address: VICTIM_ADDRESS,
            identifiers: [
              { kind: 'phone', value: `+91 ${VICTIM_PHONE.slice(0, 5)} ${VICTIM_PHONE.slice(5)}` },
            ],
          },
          { role: 'accused', full_name: 'Bhola Nath', gender: 'male', age: 40 },
        ],
      }),
    });
    assert.equal(res.statusCode, 201, res.body);
    caseId = res.json().id;
    victimId = res.json().persons.find((p: { role: string }) => p.role === 'victim').id;
  });

  test('at rest: the name, relatives, address and phone are only in ciphertext', async () => {
    const dump = JSON.stringify(
      (
        await sql`select p.*, (select json_agg(i) from identifiers i where i.person_id = p.id) as ids
        from persons p where p.id = ${victimId}`.execute(ctx.database.db)
      ).rows,
    );
    for (const secret of [VICTIM, VICTIM_PARENT, VICTIM_ADDRESS, VICTIM_PHONE, 'Zeenat']) {
      assert.ok(!dump.includes(secret), `${secret} stored in clear`);
    }
    const row = await ctx.database.db
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', victimId)
      .executeTakeFirstOrThrow();
    assert.equal(row.full_name, 'V-MH-D490-PSV-1');
    assert.ok(row.protected);
    assert.match(row.sealed!, /^cg1\./);
    const idf = await ctx.database.db
      .selectFrom('identifiers')
      .selectAll()
      .where('person_id', '=', victimId)
      .executeTakeFirstOrThrow();
    assert.match(idf.normalised, /^bi:/);
  });

  test('everywhere by default: a pseudonym with age band and gender', async () => {
    const c = (
      await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: io.headers })
    ).json();
    const v = c.persons.find((p: { id: string }) => p.id === victimId);
    assert.equal(v.full_name, 'V-MH-D490-PSV-1');
    assert.equal(v.protected, true);
    assert.equal(v.age, null);
    assert.equal(v.age_band, '12–15');
    assert.equal(v.gender, 'female');
    assert.equal(v.relation_name, null);
    assert.equal(v.address, null);
    assert.equal(v.identifiers[0].value, '[protected]');
    const accused = c.persons.find((p: { role: string }) => p.role === 'accused');
    assert.equal(accused.full_name, 'Bhola Nath', 'other persons are not masked');
  });

  test("the victim's phone still matches, in any spelling, without being shown", async () => {
    const found = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/identifiers?kind=phone&value=0${VICTIM_PHONE}`,
        headers: io.headers,
      })
    ).json();
    assert.equal(found.items.length, 1);
    assert.equal(found.items[0].value, '[protected]');
    const cases = (
      await app.inject({ method: 'GET', url: `/api/v1/cases?q=${VICTIM_PHONE}`, headers: io.headers })
    ).json();
    assert.deepEqual(
      cases.items.map((x: { id: string }) => x.id),
      [caseId],
    );
  });

  test('reveal: permitted role, purpose and a recent second factor; logged and visible to the owner', async () => {
    await assert.rejects(
      revealPerson(ctx.database.db, keyring, io.actor, victimId, 'production before CWC', null),
      /second factor/,
    );
    const stale = new Date(Date.now() - 60 * 60_000);
    await assert.rejects(
      revealPerson(ctx.database.db, keyring, io.actor, victimId, 'production before CWC', stale),
      /second factor/,
    );
    await assert.rejects(
      revealPerson(ctx.database.db, keyring, ngo.actor, victimId, 'counselling session', new Date()),
      /may not perform victim:reveal/,
    );
    await assert.rejects(
      revealPerson(ctx.database.db, keyring, other.actor, victimId, 'checking a lead', new Date()),
      /not found/,
    );
    const shown = await revealPerson(
      ctx.database.db,
      keyring,
      io.actor,
      victimId,
      'production before CWC on 3 Dec',
      new Date(),
    );
    assert.equal(shown.full_name, VICTIM);
    assert.equal(shown.relation_name, VICTIM_PARENT);
    assert.equal(shown.address, VICTIM_ADDRESS);
    assert.equal(shown.identifiers[0]?.value, `+91 ${VICTIM_PHONE.slice(0, 5)} ${VICTIM_PHONE.slice(5)}`);
    const log = await listReveals(ctx.database.db, io.actor, victimId);
    assert.equal(log.items.length, 1);
    assert.equal(log.items[0]?.purpose, 'production before CWC on 3 Dec');
    assert.equal(log.items[0]?.user_id, io.id);
    await assert.rejects(listReveals(ctx.database.db, other.actor, victimId), /not found/);
  });

  test('through the API: an API token never reveals; bad purpose is named', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/persons/${victimId}/reveal`,
      headers: io.headers,
      payload: { purpose: 'production before CWC' },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'mfa_required');
    const short = await app.inject({
      method: 'POST',
      url: `/api/v1/persons/${victimId}/reveal`,
      headers: io.headers,
      payload: { purpose: 'x' },
    });
    assert.equal(short.statusCode, 400);
    assert.equal(short.json().error.issues[0].field, 'purpose');
  });

  test('correcting a victim keeps the identity sealed; the reveal shows the correction', async () => {
    const person = (
      await app.inject({ method: 'GET', url: `/api/v1/persons/${victimId}`, headers: io.headers })
    ).json();
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${victimId}`,
      headers: io.headers,
      payload: { version: person.version, address: 'Shelter home, Pune', age: 15 },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().address, null);
    assert.equal(res.json().full_name, 'V-MH-D490-PSV-1');
    const shown = await revealPerson(
      ctx.database.db,
      keyring,
      io.actor,
      victimId,
      'checking the correction',
      new Date(),
    );
    assert.equal(shown.address, 'Shelter home, Pune');
    assert.equal(shown.full_name, VICTIM, 'fields not in the patch are kept');
  });

  test('exports: masked unless the operator asks for identities; a masked export cannot be re-imported', async () => {
    const actor = await systemActor(ctx.database.db);
    const masked: string[] = [];
    for await (const r of exportRecords(ctx.database.db, actor)) masked.push(JSON.stringify(r));
    const text = masked.join('\n');
    assert.ok(!text.includes(VICTIM) && !text.includes(VICTIM_PHONE) && !text.includes('Zeenat'));
    assert.match(parseJsonLines(text).errors[0]?.message ?? '', /masked export/);
    const full: string[] = [];
    for await (const r of exportRecords(ctx.database.db, actor, { revealWith: keyring }))
      full.push(JSON.stringify(r));
    assert.ok(full.join('\n').includes(VICTIM));
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'export.cases')
      .execute();
    assert.ok(JSON.stringify(audit).includes('"protected_persons_revealed":1'));
  });

  test('leaks: nothing identifying the victim in logs, error bodies, lists, searches or the audit log', async () => {
    const bodies: string[] = [];
    const probe = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
      const r = await app.inject({ method, url, headers: io.headers, ...(payload ? { payload } : {}) });
      bodies.push(r.body);
    };
    await probe('GET', '/api/v1/cases');
    await probe('GET', `/api/v1/cases/${caseId}`);
    await probe('GET', `/api/v1/persons?case_id=${caseId}`);
    await probe('GET', `/api/v1/persons?q=${encodeURIComponent(VICTIM)}`);
    await probe('GET', `/api/v1/cases?q=${encodeURIComponent(VICTIM)}`);
    await probe('GET', `/api/v1/identifiers?case_id=${caseId}`);
    await probe('PATCH', `/api/v1/persons/${victimId}`, { version: 1, full_name: VICTIM, pincode: 'bad' });
    await probe('POST', '/api/v1/cases', {
      ...caseBody(),
      persons: [{ role: 'victim', full_name: VICTIM, age: 'fourteen' }],
    });
    await probe('POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'victim',
      full_name: VICTIM,
      identifiers: [{ kind: 'aadhaar_masked', value: '2345 6789 0123' }],
    });
    const audit = JSON.stringify(await ctx.database.db.selectFrom('audit_events').selectAll().execute());
    const everything = [...bodies, logs.join(''), audit].join('\n');
    for (const secret of [
      VICTIM,
      'Zeenatkumari',
      VICTIM_PARENT,
      VICTIM_PHONE,
      VICTIM_ADDRESS,
      '2345 6789 0123',
    ]) {
      assert.ok(!everything.includes(secret), `"${secret}" leaked`);
    }
    assert.ok(logs.length > 0, 'the logs were captured');
  });

  test('a person corrected into a victim or a child witness is sealed then: pseudonym, ciphertext, blind-indexed phone', async () => {
    const created = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/persons`,
      headers: io.headers,
      payload: {
        role: 'witness',
        full_name: 'Gudiya Parveen Rangrez',
        relation_kind: 'd/o',
        relation_name: 'Salim Rangrez',
        gender: 'female',
        address: 'Room 4, Bhiwandi Naka',
        identifiers: [{ kind: 'phone', value: '+91 93210 55874' }],
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const witness = created.json();
    assert.equal(
      witness.full_name,
      'Gudiya Parveen Rangrez',
      'an adult witness of unknown age is not sealed',
    );
    // The age found later: 16. She is a child witness.
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${witness.id}`,
      headers: io.headers,
      payload: { version: witness.version, age: 16 },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.json().full_name, /^W-MH-D490-PSV-\d+$/);
    assert.equal(res.json().address, null);
    const row = await ctx.database.db
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', witness.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.protected, true);
    const atRest = JSON.stringify(row);
    for (const clear of ['Gudiya', 'Rangrez', 'Bhiwandi']) assert.ok(!atRest.includes(clear), clear);
    const phones = await ctx.database.db
      .selectFrom('identifiers')
      .selectAll()
      .where('person_id', '=', witness.id)
      .execute();
    assert.equal(phones.length, 1);
    assert.equal(phones[0]!.protected, true);
    assert.ok(!JSON.stringify(phones).includes('93210'), 'the phone is only in ciphertext');
    const keys = await ctx.database.db
      .selectFrom('person_keys')
      .select('born')
      .where('person_id', '=', witness.id)
      .execute();
    assert.ok(keys.length > 0, 'she is still found by screening');
    const shown = await revealPerson(
      ctx.database.db,
      keyring,
      io.actor,
      witness.id,
      'checking the seal',
      new Date(),
    );
    assert.equal(shown.full_name, 'Gudiya Parveen Rangrez');
    assert.equal(shown.relation_name, 'Salim Rangrez');
    // The phone still matches, by its blind index.
    const search = await app.inject({
      method: 'GET',
      url: '/api/v1/grid/identifier?kind=phone&value=9321055874',
      headers: io.headers,
    });
    assert.equal(search.statusCode, 200, search.body);
    assert.ok(JSON.stringify(search.json()).includes(caseId), search.body);
  });
});
