import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { listMigrations, splitStatements } from '../../src/db/migrate.ts';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import { forgetKeysState } from '../../src/modules/profiles/candidates.ts';
import {
  hashedKeysV1,
  keyedPersonOf,
  storedPersonForKeysColumns,
} from '../../src/modules/profiles/person-keys.ts';
import { personKeysVersion, rekeyPersons } from '../../src/modules/profiles/rekey.ts';
import type { Keyring } from '../../src/shared/envelope.ts';
import {
  caseBody,
  forEachDatabase,
  newAgency,
  newUser,
  type TestUser,
  testApp,
  testConfig,
} from '../harness.ts';

const PURPOSE = 'Screening a suspect named in FIR 45/2026 (trafficking)';

forEachDatabase('person keys: versions and the rekey', (ctx) => {
  let app: FastifyInstance;
  let io: TestUser;
  let keyring: Keyring;
  const storedKeys = async () =>
    (
      await sql<{ k: string }>`select key || ' ' || born || ' ' || agency_id || ' ' || person_id as k
        from person_keys order by 1`.execute(ctx.database.db)
    ).rows.map((r) => r.k);
  const screen = async (body: Record<string, unknown>) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/grid/screen',
      headers: io.headers,
      payload: { purpose: PURPOSE, ...body },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { persons: { person: { full_name: string } | null }[] };
  };

  before(async () => {
    app = await testApp(ctx.database);
    keyring = await loadKeyring(ctx.database.db, testConfig().masterKeys!);
    io = await newUser(ctx.database, await newAgency(ctx.database), 'investigating_officer');
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: io.headers,
        payload: caseBody({
          persons: [
            {
              role: 'victim',
              full_name: `Synthetic Rekey Child ${i}`,
              gender: 'female',
              // One also has an age (in clear, as for every victim): her birth year comes from it alone —
              // 13 on 4 March 2025 gives 2012, where her sealed birth date says 2011.
              ...(i === 0 ? { birth_date: '2011-12-30', age: 13 } : { birth_date: '2011-02-03' }),
            },
            {
              role: 'accused',
              full_name: ['Tarun Bhattacharjee', 'Imran Qureshi', 'Gurpreet Sandhu'][i],
              relation_kind: 's/o',
              relation_name: ['Ashok Bhattacharjee', 'Salim Qureshi', 'Harbhajan Sandhu'][i],
              gender: 'male',
              age: 30 + i,
            },
          ],
        }),
      });
      assert.equal(res.statusCode, 201, res.body);
    }
  });

  test('a new database records the current version; the rekey writes exactly what the writer wrote', async () => {
    const db = ctx.database.db;
    assert.deepEqual(await personKeysVersion(db), { stored: 3, current: 3, stale: false });
    const written = await storedKeys();
    assert.ok(written.length > 0);
    const first = await rekeyPersons(db, keyring, { batch: 2 });
    assert.equal(first.persons, 6);
    assert.equal(first.batches, 3);
    assert.deepEqual(await storedKeys(), written, 'the rebuild writes the keys the case writer wrote');
    const again = await rekeyPersons(db, keyring, { batch: 4 });
    assert.equal(again.persons, 6);
    assert.deepEqual(await storedKeys(), written, 'running it again changes nothing');
  });

  test('keys an older version wrote are still searched, and the rekey brings them to the current version', async () => {
    const db = ctx.database.db;
    const written = await storedKeys();
    // An upgraded database: version 1 keys only (the name keys, full blind index, no birth year).
    const persons = await db.selectFrom('persons as p').select(storedPersonForKeysColumns).execute();
    await sql`delete from person_keys`.execute(db);
    for (const p of persons) {
      const plain = keyedPersonOf(keyring, p);
      for (const key of new Set(hashedKeysV1(keyring, plain.full_name, plain.aliases))) {
        await db.insertInto('person_keys').values({ key, agency_id: p.agency_id, person_id: p.id }).execute();
      }
    }
    await db.updateTable('person_keys_state').set({ version: 1 }).execute();
    forgetKeysState();
    assert.equal((await personKeysVersion(db)).stale, true);
    const before = await screen({ full_name: 'Imran Qureshi', relation_name: 'Salim Qureshi', age: 31 });
    assert.equal(before.persons[0]?.person?.full_name, 'Imran Qureshi', 'found through the old keys');

    // Interrupted after the first batch: the next run resumes after the last person it rebuilt.
    const order = await db
      .selectFrom('persons')
      .select(['agency_id', 'id'])
      .orderBy('agency_id')
      .orderBy('id')
      .execute();
    await db
      .updateTable('person_keys_state')
      .set({ cursor_agency_id: order[1]!.agency_id, cursor_person_id: order[1]!.id })
      .execute();
    const resumed = await rekeyPersons(db, keyring, { batch: 3 });
    assert.equal(resumed.resumed, true);
    assert.equal(resumed.persons, 4, 'the two persons before the cursor are not done again');
    await rekeyPersons(db, keyring, { restart: true });
    assert.deepEqual(await storedKeys(), written);
    assert.deepEqual(await personKeysVersion(db), { stored: 3, current: 3, stale: false });
    const state = await db.selectFrom('person_keys_state').selectAll().executeTakeFirstOrThrow();
    assert.equal(state.cursor_person_id, null);
    assert.ok(state.rebuilt_at);
    const after = await screen({ full_name: 'Imran Qureshi', relation_name: 'Salim Qureshi', age: 31 });
    assert.equal(after.persons[0]?.person?.full_name, 'Imran Qureshi');
  });

  test('no name is in clear in person_keys, and a victim’s sealed birth date gives no birth year', async () => {
    const db = ctx.database.db;
    const all = (await storedKeys()).join('\n').toLowerCase();
    for (const word of ['rekey', 'child', 'imran', 'qureshi', 'salim', 'tarun'])
      assert.ok(!all.includes(word), word);
    const victims = await sql<{ born: number; recorded: string | null; age: number | null }>`
      select distinct k.born, p.age_recorded_on::text as recorded, p.age from person_keys k
      join persons p on p.agency_id = k.agency_id and p.id = k.person_id where p.role = 'victim'
      order by k.born`.execute(db);
    assert.equal(victims.rows.length, 2, JSON.stringify(victims.rows));
    assert.deepEqual(victims.rows[0], { born: 0, recorded: null, age: null });
    const withAge = victims.rows[1]!;
    assert.equal(
      withAge.born,
      Number(withAge.recorded!.slice(0, 4)) - 13,
      'from the age, not the sealed 2011',
    );
    assert.notEqual(withAge.born, 2011);
  });

  test('a stated age always carries its date: migration 0013 dates old rows from their case and the check refuses an undated age', async () => {
    const db = ctx.database.db;
    const accused = await db
      .selectFrom('persons as p')
      .innerJoin('cases as c', (j) =>
        j.onRef('c.agency_id', '=', 'p.agency_id').onRef('c.id', '=', 'p.case_id'),
      )
      .select(['p.agency_id', 'p.id', sql<string>`c.registered_at::date::text`.as('registered')])
      .where('p.full_name', '=', 'Imran Qureshi')
      .executeTakeFirstOrThrow();
    const undate = () =>
      db
        .updateTable('persons')
        .set({ age_recorded_on: null })
        .where('agency_id', '=', accused.agency_id)
        .where('id', '=', accused.id)
        .execute();
    await assert.rejects(undate(), /persons_age_dated/, 'an age without the date it was stated is refused');

    // A row written before the check existed: the migration dates it from its case's registration.
    await sql`alter table persons drop constraint persons_age_dated`.execute(db);
    await undate();
    const m13 = listMigrations().find((m) => m.version === 13)!;
    for (const statement of splitStatements(m13.sql)) await sql.raw(statement).execute(db);
    const row = await db
      .selectFrom('persons')
      .select(sql<string>`age_recorded_on::text`.as('recorded'))
      .where('agency_id', '=', accused.agency_id)
      .where('id', '=', accused.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.recorded, accused.registered);
    await assert.rejects(undate(), /persons_age_dated/);
  });
});
