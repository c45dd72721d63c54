import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { listMigrations, splitStatements } from '../../src/db/migrate.ts';
import { offenceCodes } from '../../src/db/reference/offence-codes.ts';
import { readDistrictsCsv, titleCase } from '../../src/db/reference/seed-reference.ts';

test('configuration: defaults, demo only on the embedded database, frozen', () => {
  const c = loadConfig({});
  assert.equal(c.port, 8080);
  assert.equal(c.dataDir, './data');
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.demo, true);
  assert.ok(Object.isFrozen(c));
  const prod = loadConfig({ DATABASE_URL: 'postgres://u@db/childgrid' });
  assert.equal(prod.demo, false, 'a server database gets no demo unless asked');
  assert.equal(loadConfig({ DEMO: 'false' }).demo, false);
});

test('configuration errors name the variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty' }),
    (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message),
  );
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  assert.throws(() => loadConfig({ SESSION_SECRET: 'short' }), /SESSION_SECRET/);
});

test('migrations split into statements, keeping $$ bodies whole', () => {
  const parts = splitStatements(
    `-- comment\ncreate table a (x int);\ncreate function f() returns int as $$\nbegin\n  return 1;\nend;\n$$ language plpgsql;\nselect 1;`,
  );
  assert.equal(parts.length, 3);
  assert.match(parts[1]!, /return 1;\nend;\n\$\$ language plpgsql$/);
  const all = listMigrations();
  assert.ok(all.length >= 1);
  assert.deepEqual(
    all.map((m) => m.version),
    [...all.map((m) => m.version)].sort((a, b) => a - b),
  );
});

test('offence codes cite a source and a verification tag; codes are unique', () => {
  const codes = new Set(offenceCodes.map((o) => o.code));
  assert.equal(codes.size, offenceCodes.length);
  for (const o of offenceCodes) {
    assert.ok(o.source.length > 0, o.code);
    assert.ok(['V', 'S', 'U'].includes(o.tag), o.code);
  }
  for (const demand of ['POCSO-4', 'BNS-144(1)', 'BNS-99', 'ITPA-7', 'JJ-81', 'IT-67B']) {
    assert.equal(offenceCodes.find((o) => o.code === demand)?.demandSide, 'yes', demand);
  }
});

test('districts file: 763 districts in 36 states; names title-cased for display', () => {
  const rows = readDistrictsCsv();
  assert.equal(rows.length, 763);
  assert.equal(new Set(rows.map((r) => r.state_lgd_code)).size, 36);
  assert.equal(titleCase('24 PARAGANAS NORTH'), '24 Paraganas North');
  assert.equal(titleCase('Alluri Sitharama Raju'), 'Alluri Sitharama Raju');
});
