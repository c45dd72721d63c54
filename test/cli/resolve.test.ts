import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

/** `childgrid resolve`, run as a separate process on CSV files (no database). */
const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'childgrid-resolve-'));

function childgrid(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'src/cli/index.ts'), ...args], {
    env: { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function csvRows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

/** FEBRL-style: ", " separators, lower case; three people, one of them written three ways. */
const FEBRL_LIKE = `rec_id, given_name, surname, street_number, address_1, suburb, postcode, state, date_of_birth, soc_sec_id, notes
rec-1-org, mitchell, green, 7, wallaby place, cleveland, 2119, sa, 19560409, 1804974, x
rec-1-dup-0, mitchell, greeb, 7, wallaby pl, cleveland, 2119, sa, 19560409, 1804974, y
rec-1-dup-1, michell, green, 7, wallaby place, cleveland, 2119, , 19560490, 1804974,
rec-2-org, harley, mccarthy, 177, pridham street, marsden, 3165, nsw, 19080419, 6089216,
rec-3-org, madeline, mason, 54, hoseason street, granville, 4881, nsw, 19081128, 2185997,
rec-4-org, isabelle, white, 23, gundulu place, utakarra, 2193, wa, 19921119, 4314184,
rec-5-org, joshua, clarke, 9, banks street, mosman, 2088, nsw, 19750302, 5544321,
rec-6-org, emily, ryan, 41, ocean road, toowoomba, 4350, qld, 19831211, 7788123,
`;

/**
 * Distinct filler people, so that the model has data to estimate how often fields agree by chance (a handful of
 * records is too few: in three records, two sharing a phone looks common).
 */
const GIVEN = [
  'Anil',
  'Bhavna',
  'Chetan',
  'Deepa',
  'Farhan',
  'Gauri',
  'Harish',
  'Indu',
  'Jatin',
  'Kavita',
  'Lokesh',
];
const FAMILY = [
  'Patil',
  'Rao',
  'Das',
  'Khan',
  'Joshi',
  'Nair',
  'Bose',
  'Gill',
  'Iyer',
  'Mehta',
  'Kapoor',
  'Sen',
];
const FATHERS = ['Suresh', 'Prakash', 'Yusuf', 'Gopal', 'Harbans', 'Venkat', 'Dilip', 'Naresh', 'Om'];
function filler(prefix: string, count: number, offset: number): string {
  let rows = '';
  for (let k = 0; k < count; k++) {
    const g = GIVEN[(k + offset) % GIVEN.length]!;
    const f = FAMILY[(k * 7 + offset) % FAMILY.length]!;
    const father = FATHERS[(k * 5 + offset) % FATHERS.length]!;
    const day = String((k % 28) + 1).padStart(2, '0');
    const month = String(((k * 3 + offset) % 12) + 1).padStart(2, '0');
    const year = 1960 + ((k * 13 + offset) % 45);
    const phone = String(9000000000 + (k + offset) * 7919);
    rows += `${prefix}${k},${g} ${f},s/o ${father} ${f},${day}/${month}/${year},${phone}\n`;
  }
  return rows;
}

const FEBRL_MAP =
  'given_name=given_name,surname=surname,street_number=street_number,address_1=address_line1,suburb=locality,' +
  'postcode=postcode,state=state,date_of_birth=birth_date,soc_sec_id=identifier';

describe('childgrid resolve', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('deduplicates a FEBRL-like file: the three records of one person pair up and form one cluster', () => {
    const input = join(dir, 'febrl.csv');
    writeFileSync(input, FEBRL_LIKE);
    const out = join(dir, 'pairs.csv');
    const clusters = join(dir, 'clusters.csv');
    const r = childgrid([
      'resolve',
      '--input',
      input,
      '--id-column',
      'rec_id',
      '--map',
      FEBRL_MAP,
      '--out',
      out,
      '--clusters',
      clusters,
    ]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Deduplicated 8 records/);
    const pairs = csvRows(out);
    assert.deepEqual(pairs[0], ['left_id', 'right_id', 'score']);
    const linked = pairs.slice(1).map(([a, b]) => [a, b].sort().join(' '));
    assert.ok(linked.includes('rec-1-dup-0 rec-1-org'));
    assert.ok(linked.includes('rec-1-dup-1 rec-1-org'));
    for (const [a, b] of pairs.slice(1)) assert.equal(a!.split('-')[1], b!.split('-')[1], `${a} ~ ${b}`);
    for (const [, , score] of pairs.slice(1)) assert.ok(Number.isFinite(Number(score)));
    const rows = csvRows(clusters);
    assert.deepEqual(rows[0], ['cluster_id', 'id']);
    assert.equal(rows.length - 1, 8, 'every record is in a cluster');
    const byId = new Map(rows.slice(1).map(([c, id]) => [id!, c!]));
    assert.equal(byId.get('rec-1-org'), byId.get('rec-1-dup-0'));
    assert.equal(byId.get('rec-1-org'), byId.get('rec-1-dup-1'));
    assert.notEqual(byId.get('rec-1-org'), byId.get('rec-2-org'));
  });

  test('links two files: only pairs of one record from each, clusters say which input', () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(
      a,
      'id,name,father,dob,mobile\n' +
        'A1,Ramesh Kumar,s/o Shyam Lal,15/08/1990,98450 12345\n' +
        'A2,Sunita Devi,w/o Mahesh Prasad,1985-01-20,9123456780\n' +
        'A3,Mohd. Irfan,s/o Abdul Karim,03-03-1978,9988776655\n' +
        filler('AF', 300, 0),
    );
    writeFileSync(
      b,
      'ref,full name,relation,birth,phone\n' +
        'B1,KUMAR Ramesh,S/O Shyam Lal,1990-08-15,+91 98450 12345\n' +
        'B2,Anita Sharma,d/o Om Prakash,2001-07-07,9000011111\n' +
        'B3,Mohammed Irfan,s/o Abdul Kareem,1978-03-03,09988776655\n' +
        filler('BF', 300, 1000),
    );
    const out = join(dir, 'link.csv');
    const clusters = join(dir, 'link-clusters.csv');
    // Different headers in the two files: map both spellings to the same fields.
    const r = childgrid([
      'resolve',
      '--input',
      a,
      '--input',
      b,
      '--id-column',
      'id',
      '--map',
      'name=full_name,father=relation_name,dob=birth_date,mobile=phone',
      '--map',
      'full name=full_name,relation=relation_name,birth=birth_date,phone=phone',
      '--out',
      out,
      '--clusters',
      clusters,
    ]);
    // The second file has no "id" column.
    assert.equal(r.code, 1);
    assert.match(r.err, /b\.csv: no column "id"/);
    writeFileSync(b, readFileSync(b, 'utf8').replace(/^ref,/, 'id,'));
    const ok = childgrid([
      'resolve',
      '--input',
      a,
      '--input',
      b,
      '--id-column',
      'id',
      '--map',
      'name=full_name,father=relation_name,dob=birth_date,mobile=phone',
      '--map',
      'full name=full_name,relation=relation_name,birth=birth_date,phone=phone',
      '--out',
      out,
      '--clusters',
      clusters,
    ]);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /Linked 303 \+ 303 records/);
    const pairs = csvRows(out).slice(1);
    for (const [left, right] of pairs) {
      assert.match(left!, /^A/);
      assert.match(right!, /^B/);
    }
    // The filler people are all different: none of them is paired.
    assert.deepEqual(
      pairs.filter(([l, r2]) => l!.startsWith('AF') || r2!.startsWith('BF')),
      [],
    );
    const linked = pairs.map(([l, r2]) => `${l}-${r2}`);
    assert.ok(linked.includes('A1-B1'), linked.join(' '));
    assert.ok(linked.includes('A3-B3'), linked.join(' '));
    assert.ok(!linked.includes('A2-B2'));
    const rows = csvRows(clusters);
    assert.deepEqual(rows[0], ['cluster_id', 'input', 'id']);
    const a1 = rows.find((row) => row[2] === 'A1')!;
    const b1 = rows.find((row) => row[2] === 'B1')!;
    assert.equal(a1[0], b1[0]);
    assert.equal(a1[1], '1');
    assert.equal(b1[1], '2');
  });

  test('an unknown field in --map is an error naming it; unmapped columns are ignored', () => {
    const input = join(dir, 'febrl.csv');
    writeFileSync(input, FEBRL_LIKE);
    const r = childgrid([
      'resolve',
      '--input',
      input,
      '--id-column',
      'rec_id',
      '--map',
      'given_name=given_name,surname=last_name',
      '--out',
      join(dir, 'x.csv'),
    ]);
    assert.equal(r.code, 1);
    assert.match(r.err, /unknown field "last_name"/);
    const missing = childgrid([
      'resolve',
      '--input',
      input,
      '--id-column',
      'rec_id',
      '--map',
      'nickname=given_name',
      '--out',
      join(dir, 'x.csv'),
    ]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no input has a column "nickname"/);
  });
});
