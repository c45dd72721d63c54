import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../../src/modules/access/actor.ts';
import { systemActor } from '../../src/modules/access/system-actor.ts';
import { exportRecords, recordToCsvRows } from '../../src/modules/imports/export.service.ts';
import { ImportRejected, importRecords } from '../../src/modules/imports/import.service.ts';
import {
  csvColumns,
  type ImportRecord,
  parseCsv,
  parseJsonLines,
} from '../../src/modules/imports/import-format.ts';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import type { Keyring } from '../../src/shared/envelope.ts';
import { forEachDatabase, freshDatabase, newAgency, newUser, testConfig } from '../harness.ts';

function record(i: number, agency: string, overrides: Partial<ImportRecord> = {}): ImportRecord {
  return {
    agency_code: agency,
    external_id: `EXT-${i}`,
    fir_number: `${i}/2024`,
    registered_at: `2024-08-0${(i % 9) + 1}T11:00:00.000Z`,
    procedure_code: 'BNSS',
    status: 'under_investigation',
    district_lgd_code: 490,
    offences: ['BNS-143', 'POCSO-4'],
    persons: [
      {
        external_id: `EXT-${i}-V`,
        role: 'victim',
        full_name: `Synthetic Child ${i}`,
        age: 14,
        gender: 'female',
      },
      {
        external_id: `EXT-${i}-A`,
        role: 'accused',
        full_name: `Accused Person ${i}`,
        aliases: ['Bablu'],
        relation_kind: 's/o',
        relation_name: 'Father Name',
        identifiers: [{ kind: 'phone', value: `98${String(i).padStart(8, '0')}` }],
      },
    ],
    identifiers: [{ kind: 'url', value: `https://ads.example/post/${i}` }],
    ...overrides,
  };
}

const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n');

async function counts(db: Parameters<typeof importRecords>[0]) {
  const one = async (t: 'cases' | 'persons' | 'identifiers' | 'case_offences') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    cases: await one('cases'),
    persons: await one('persons'),
    identifiers: await one('identifiers'),
    offences: await one('case_offences'),
  };
}

forEachDatabase('import and export', (ctx) => {
  let station: { id: string; code: string };
  let actor: Actor;
  let keyring: Keyring;
  before(async () => {
    station = await newAgency(ctx.database, { parentCode: 'MH-D490', code: 'MH-D490-PS01' });
    actor = await systemActor(ctx.database.db);
    keyring = await loadKeyring(ctx.database.db, testConfig().masterKeys!);
  });

  test('a valid file is imported whole, and importing it again changes nothing', async () => {
    const text = jsonl([1, 2, 3].map((i) => record(i, station.code)));
    const parsed = parseJsonLines(text);
    assert.deepEqual(parsed.errors, []);
    const first = await importRecords(ctx.database.db, keyring, actor, parsed.records, {
      name: 'a.jsonl',
      text,
      format: 'jsonl',
    });
    assert.deepEqual([first.cases, first.persons, first.identifiers], [3, 6, 6]);
    const after1 = await counts(ctx.database.db);
    const versions1 = await ctx.database.db
      .selectFrom('cases')
      .select(['id', 'version'])
      .orderBy('id')
      .execute();
    await importRecords(ctx.database.db, keyring, actor, parseJsonLines(text).records, {
      name: 'a.jsonl',
      text,
      format: 'jsonl',
    });
    assert.deepEqual(await counts(ctx.database.db), after1);
    const versions2 = await ctx.database.db
      .selectFrom('cases')
      .select(['id', 'version'])
      .orderBy('id')
      .execute();
    assert.deepEqual(versions2, versions1, 'same ids, no version churn');
  });

  test('a changed record replaces its persons and identifiers', async () => {
    const changed = record(1, station.code, {
      status: 'charge_sheeted',
      persons: [{ external_id: 'EXT-1-V', role: 'victim', full_name: 'Synthetic Child 1', age: 14 }],
    });
    const text = jsonl([changed]);
    await importRecords(ctx.database.db, keyring, actor, parseJsonLines(text).records, {
      name: 'b.jsonl',
      text,
      format: 'jsonl',
    });
    const c = await ctx.database.db
      .selectFrom('cases')
      .selectAll()
      .where('external_id', '=', 'EXT-1')
      .executeTakeFirstOrThrow();
    assert.equal(c.status, 'charge_sheeted');
    assert.equal(c.version, 2);
    const persons = await ctx.database.db
      .selectFrom('persons')
      .select('external_id')
      .where('case_id', '=', c.id)
      .execute();
    assert.deepEqual(
      persons.map((p) => p.external_id),
      ['EXT-1-V'],
    );
  });

  test('a malformed file changes nothing and names every bad row and field', async () => {
    const before = await counts(ctx.database.db);
    const lines = [
      JSON.stringify(record(10, station.code)),
      '{not json',
      JSON.stringify(record(11, station.code, { pincode: '12' })),
      JSON.stringify({ ...record(12, station.code), procedure_code: 'IPC' }),
      JSON.stringify(record(13, station.code, { persons: [{ role: 'accused', full_name: '' }] })),
      JSON.stringify(record(10, station.code)),
    ].join('\n');
    const parsed = parseJsonLines(lines);
    const got = parsed.errors.map((e) => `${e.line}:${e.field}`);
    assert.deepEqual(
      got.sort(),
      ['2:(line)', '3:pincode', '4:procedure_code', '5:persons.0.full_name', '6:external_id'].sort(),
    );
    // Errors found only against the database (unknown agency, offence, district) are reported the same way.
    const text = jsonl([
      record(20, station.code),
      record(21, 'NO-SUCH-AGENCY'),
      record(22, station.code, { offences: ['BNS-143', 'POCSO-77'] }),
      record(23, station.code, { district_lgd_code: 99999 }),
    ]);
    await assert.rejects(
      importRecords(ctx.database.db, keyring, actor, parseJsonLines(text).records, {
        name: 'c.jsonl',
        text,
        format: 'jsonl',
      }),
      (err: unknown) => {
        assert.ok(err instanceof ImportRejected);
        assert.deepEqual(
          err.rows.map((r) => `${r.line}:${r.field}`),
          ['2:agency_code', '3:offences.1', '4:district_lgd_code'],
        );
        return true;
      },
    );
    // A full Aadhaar deep in a record is found at write time; the transaction is rolled back.
    const aadhaar = jsonl([
      record(30, station.code),
      record(31, station.code, { identifiers: [{ kind: 'aadhaar_masked', value: '2345 6789 0123' }] }),
    ]);
    await assert.rejects(
      importRecords(ctx.database.db, keyring, actor, parseJsonLines(aadhaar).records, {
        name: 'd.jsonl',
        text: aadhaar,
        format: 'jsonl',
      }),
      (err: unknown) =>
        err instanceof ImportRejected &&
        err.rows[0]?.line === 2 &&
        err.rows[0]?.field === 'identifiers.0.value',
    );
    assert.deepEqual(await counts(ctx.database.db), before, 'nothing was written');
  });

  test('an importer may only write for agencies in its scope', async () => {
    const otherStation = await newAgency(ctx.database, { parentCode: 'TG-D501' });
    const officer = await newUser(ctx.database, station, 'investigating_officer');
    const text = jsonl([record(40, station.code), record(41, otherStation.code)]);
    await assert.rejects(
      importRecords(ctx.database.db, keyring, officer.actor, parseJsonLines(text).records, {
        name: 'e',
        text,
        format: 'jsonl',
      }),
      (err: unknown) => err instanceof ImportRejected && err.rows.length === 1 && err.rows[0]?.line === 2,
    );
    const cwc = await newUser(ctx.database, station, 'cwc_member');
    await assert.rejects(
      importRecords(ctx.database.db, keyring, cwc.actor, parseJsonLines(text).records, {
        name: 'e',
        text,
        format: 'jsonl',
      }),
      /may not perform import:write/,
    );
  });

  test('CSV: one row per person, grouped into cases; errors name the CSV line and column', async () => {
    const rows = [record(50, station.code), record(51, station.code, { persons: [] })].flatMap(
      recordToCsvRows,
    );
    const text = stringify(rows, { header: true, columns: [...csvColumns] });
    const parsed = parseCsv(text);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.records.length, 2);
    assert.equal(parsed.records[0]?.record.persons?.length, 2);
    assert.deepEqual(parsed.records[0]?.record.persons?.[1]?.identifiers, [
      { kind: 'phone', value: '9800000050' },
    ]);
    const bad = text.replace('accused', 'villain').replace(',BNSS,', ',XYZ,');
    const badParsed = parseCsv(bad);
    const fields = badParsed.errors.map((e) => `${e.line}:${e.field}`);
    assert.ok(fields.includes('3:person_role'), fields.join(' '));
    assert.ok(fields.includes('2:procedure_code'), fields.join(' '));
  });

  test('export → import into an empty database reproduces the same export', async () => {
    const first: ImportRecord[] = [];
    for await (const r of exportRecords(ctx.database.db, actor, { revealWith: keyring })) first.push(r);
    assert.ok(first.length >= 3);
    const target = await freshDatabase(ctx.kind);
    try {
      await newAgency(target.database, { parentCode: 'MH-D490', code: 'MH-D490-PS01' });
      const targetKeyring = await loadKeyring(target.database.db, testConfig().masterKeys!);
      const text = jsonl(first);
      const parsed = parseJsonLines(text);
      assert.deepEqual(parsed.errors, []);
      await importRecords(
        target.database.db,
        targetKeyring,
        await systemActor(target.database.db),
        parsed.records,
        {
          name: 'x',
          text,
          format: 'jsonl',
        },
      );
      const second: ImportRecord[] = [];
      for await (const r of exportRecords(target.database.db, await systemActor(target.database.db), {
        revealWith: targetKeyring,
      }))
        second.push(r);
      const key = (r: ImportRecord) => r.external_id;
      assert.deepEqual(
        second.sort((a, b) => key(a).localeCompare(key(b))),
        first.sort((a, b) => key(a).localeCompare(key(b))),
      );
    } finally {
      await target.drop();
    }
  });
});
