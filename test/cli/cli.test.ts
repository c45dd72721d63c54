import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

/** The operator's command line, run as a separate process on an embedded database directory. */
const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'childgrid-cli-'));
const env = { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };

function childgrid(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [join(root, 'src/cli/index.ts'), ...args], {
    env,
    input,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('childgrid command line', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('seed writes synthetic data and its ground truth', () => {
    const truth = join(dir, 'truth.json');
    const r = childgrid(['seed', '--synthetic', '--cases', '60', '--seed', '7', '--truth', truth]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Seeded 60 cases/);
    const t = JSON.parse(readFileSync(truth, 'utf8'));
    assert.ok(Array.isArray(t.person_clusters) || typeof t === 'object');
  });

  test('user add reads the password from stdin and refuses bad input with the field named', () => {
    const ok = childgrid(
      [
        'user',
        'add',
        '--agency',
        'MH',
        '--role',
        'state_analyst',
        '--email',
        'analyst@mh.example',
        '--password-stdin',
      ],
      'a long enough passphrase\n',
    );
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /Added user analyst@mh\.example/);
    const short = childgrid(
      [
        'user',
        'add',
        '--agency',
        'MH',
        '--role',
        'state_analyst',
        '--email',
        'b@mh.example',
        '--password-stdin',
      ],
      'short\n',
    );
    assert.equal(short.code, 1);
    assert.match(short.err, /password: must be at least 12 characters/);
    const noAgency = childgrid(
      [
        'user',
        'add',
        '--agency',
        'NOPE',
        '--role',
        'state_analyst',
        '--email',
        'c@mh.example',
        '--password-stdin',
      ],
      'a long enough passphrase\n',
    );
    assert.equal(noAgency.code, 1);
    assert.match(noAgency.err, /agency: no agency with code NOPE/);
    const dup = childgrid(
      [
        'user',
        'add',
        '--agency',
        'MH',
        '--role',
        'state_analyst',
        '--email',
        'ANALYST@mh.example',
        '--password-stdin',
      ],
      'a long enough passphrase\n',
    );
    assert.equal(dup.code, 1);
    assert.match(dup.err, /email/);
    const badRole = childgrid(
      ['user', 'add', '--agency', 'MH', '--role', 'king', '--email', 'd@mh.example', '--password-stdin'],
      'x',
    );
    assert.notEqual(badRole.code, 0);
    assert.match(badRole.err, /king/);
  });

  test('export then re-import is idempotent; a malformed file changes nothing and names its rows', () => {
    const file = join(dir, 'all.jsonl');
    const masked = childgrid(['export', '--out', join(dir, 'masked.jsonl')]);
    assert.equal(masked.code, 0, masked.err);
    const refused = childgrid(['import', join(dir, 'masked.jsonl')]);
    assert.equal(refused.code, 1, 'a masked export would overwrite victims’ identities');
    assert.match(refused.err, /masked export/);
    const exp = childgrid(['export', '--include-protected', '--out', file]);
    assert.equal(exp.code, 0, exp.err);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    assert.equal(lines.length, 60);
    const again = childgrid(['import', file]);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /Imported 60 records/);

    const bad = join(dir, 'bad.jsonl');
    const first = JSON.parse(lines[0]!);
    writeFileSync(
      bad,
      [
        JSON.stringify({ ...first, external_id: 'NEW-1' }),
        '{oops',
        JSON.stringify({ ...first, external_id: 'NEW-2', pincode: 'x' }),
      ].join('\n'),
    );
    const r = childgrid(['import', bad]);
    assert.equal(r.code, 1);
    assert.match(r.err, /nothing was written/);
    assert.match(r.err, /line 2: \(line\): is not valid JSON/);
    assert.match(r.err, /line 3: pincode:/);
    const after = childgrid(['export', '--out', join(dir, 'after.jsonl')]);
    assert.equal(after.code, 0);
    assert.equal(
      readFileSync(join(dir, 'after.jsonl'), 'utf8').trim().split('\n').length,
      60,
      'no case was added',
    );

    const csv = childgrid([
      'export',
      '--format',
      'csv',
      '--include-protected',
      '--out',
      join(dir, 'all.csv'),
    ]);
    assert.equal(csv.code, 0, csv.err);
    const csvImport = childgrid(['import', join(dir, 'all.csv')]);
    assert.equal(csvImport.code, 0, csvImport.err);
    assert.match(csvImport.out, /Imported 60 records/);

    // An import matches its persons against the grid as an API write does (watches, deconfliction, links); a
    // bulk load may leave that to `grid link`.
    const accused = (n: number) => ({
      external_id: `MATCH-P-${n}`,
      role: 'accused',
      full_name: n === 1 ? 'Tarkeshwar Mahto' : 'MAHTO Tarkeshwar',
      relation_kind: 's/o',
      relation_name: 'Bhim Mahto',
      gender: 'male',
      age: 40,
      identifiers: [{ kind: 'phone', value: '98123 99001' }],
    });
    const pair = join(dir, 'pair.jsonl');
    writeFileSync(
      pair,
      [1, 2]
        .map((n) =>
          JSON.stringify({
            ...first,
            external_id: `MATCH-${n}`,
            fir_number: `90${n}/2025`,
            persons: [accused(n)],
            identifiers: [],
          }),
        )
        .join('\n'),
    );
    const unmatched = childgrid(['import', '--no-match', pair]);
    assert.equal(unmatched.code, 0, unmatched.err);
    assert.match(unmatched.out, /not matched \(--no-match\)/);
    const matched = childgrid(['import', pair]);
    assert.equal(matched.code, 0, matched.err);
    assert.match(matched.out, /Matched 2 persons against the grid in [\d.]+ s: [1-9]\d* linked/);
  });

  test('grid rekey rebuilds the person keys; --check says whether it is needed', () => {
    const check = childgrid(['grid', 'rekey', '--check']);
    assert.equal(check.code, 0, check.err);
    assert.match(check.out, /up to date \(version 3\)/);
    const r = childgrid(['grid', 'rekey', '--batch', '100']);
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.out,
      /^\d+ persons: \d+ keys written in \d+ batches, [\d.]+ s; person keys are version 3\.$/m,
    );
    const bad = childgrid(['grid', 'rekey', '--batch', 'many']);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /--batch/);
  });

  test('token create prints a token once', () => {
    const r = childgrid(['token', 'create', '--email', 'analyst@mh.example', '--days', '7']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out.trim(), /^cgt_[A-Za-z0-9_-]{40,}$/);
  });
});
