import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clusterRecords } from '../../src/modules/resolution/cluster.ts';
import { textLevels } from '../../src/modules/resolution/comparisons.ts';
import { RESOLUTION_MODEL, RESOLUTION_THRESHOLDS } from '../../src/modules/resolution/constants.ts';
import { textColumn } from '../../src/modules/resolution/features.ts';
import { countPatterns, expectationMaximisation, seededRandom } from '../../src/modules/resolution/model.ts';
import {
  AGE_SLACK_YEARS,
  birthInterval,
  dayNumber,
  type PersonRecord,
  parseAge,
  parseDate,
} from '../../src/modules/resolution/record.ts';
import { resolve } from '../../src/modules/resolution/resolve.ts';
import { damerauLevenshtein, jaro, jaroWinkler } from '../../src/modules/resolution/similarity.ts';

const close = (actual: number, expected: number, tolerance = 1e-3) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected} ± ${tolerance}`);

/** Jaro as written in the literature, for checking the bit-parallel version. */
function referenceJaro(a: string, b: string): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, (Math.max(a.length, b.length) >> 1) - 1);
  const fa = new Array<boolean>(a.length).fill(false);
  const fb = new Array<boolean>(b.length).fill(false);
  let m = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++)
      if (!fb[j] && a[i] === b[j]) {
        fa[i] = fb[j] = true;
        m++;
        break;
      }
  if (m === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!fa[i]) continue;
    while (!fb[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  return (m / a.length + m / b.length + (m - t / 2) / m) / 3;
}

describe('string similarity', () => {
  test('Jaro–Winkler gives the published values', () => {
    // Winkler (1990) and the usual textbook examples.
    close(jaroWinkler('martha', 'marhta'), 0.9611);
    close(jaroWinkler('dwayne', 'duane'), 0.84);
    close(jaroWinkler('dixon', 'dicksonx'), 0.8133);
    close(jaro('martha', 'marhta'), 0.9444);
    assert.equal(jaroWinkler('lakshmi', 'lakshmi'), 1);
    assert.equal(jaroWinkler('', ''), 1);
    assert.equal(jaroWinkler('abc', ''), 0);
    assert.equal(jaro('abc', 'xyz'), 0);
  });

  test('the bit-parallel Jaro agrees with the textbook one, short and long strings', () => {
    const random = seededRandom(3);
    const word = (n: number) =>
      Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(random() * 5))).join('');
    for (let k = 0; k < 3000; k++) {
      const a = word(1 + Math.floor(random() * 40));
      const b = word(1 + Math.floor(random() * 40));
      close(jaro(a, b), referenceJaro(a, b), 1e-12);
    }
  });

  test('the multi-word bit-parallel Jaro is bit for bit the textbook one, up to and past 128 characters', () => {
    const random = seededRandom(11);
    const word = (n: number, letters: number) =>
      Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(random() * letters))).join('');
    for (let k = 0; k < 3000; k++) {
      const letters = 2 + Math.floor(random() * 25);
      const a = word(Math.floor(random() * 140), letters);
      // Half the time a copy of `a` with some characters dropped or replaced, so there are many matches.
      const b =
        random() < 0.5
          ? [...a].map((c) => (random() < 0.1 ? '' : random() < 0.1 ? word(1, letters) : c)).join('')
          : word(Math.floor(random() * 140), letters);
      assert.equal(jaro(a, b), referenceJaro(a, b), `${a} / ${b}`);
      assert.equal(jaro(b, a), referenceJaro(b, a), `${b} / ${a}`);
    }
  });

  test('text levels (addresses, localities) agree with a plain Jaro–Winkler and a plain word-set Dice', () => {
    const referenceJaroWinkler = (a: string, b: string) => {
      const j = referenceJaro(a, b);
      if (j <= 0.7) return j;
      let prefix = 0;
      while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++;
      return j + prefix * 0.1 * (1 - j);
    };
    const dice = (a: string, b: string) => {
      const x = new Set(a.split(' '));
      const y = new Set(b.split(' '));
      let common = 0;
      for (const w of x) if (y.has(w)) common++;
      return (2 * common) / (x.size + y.size);
    };
    const reference = (x: string, y: string, close: number, fuzzy: number) => {
      if (x === '' || y === '') return 0;
      if (x === y) return 1;
      const s = x.length > 48 && y.length > 48 ? dice(x, y) : referenceJaroWinkler(x, y);
      return s >= close ? 2 : s >= fuzzy ? 3 : 4;
    };
    const random = seededRandom(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const vocabulary = [
      'h',
      'no',
      '12',
      '4',
      'near',
      'mandir',
      'gandhi',
      'nagar',
      'road',
      'p',
      'o',
      'dist',
      'pune',
    ];
    const address = (words: number) => Array.from({ length: words }, () => pick(vocabulary)).join(' ');
    const edit = (s: string) =>
      [...s].map((c) => (random() < 0.08 ? '' : random() < 0.08 ? pick([...'aeinr ']) : c)).join('');
    const values: string[] = [
      '',
      'h no 12 gandhi nagar pune',
      'h no 12 gandhi nagar pune',
      'h no 12 gandhi nagar pnue',
      // Exactly 48 and 49 characters: the Jaro–Winkler / Dice boundary.
      'h no 12 near mandir gandhi nagar road dist punee',
      'h no 12 near mandir gandhi nagar road dist puneee',
      'h no 12 near mandir gandhi nagar road dist puneeee',
      // Long, with repeated words, empty words (two spaces, a leading and a trailing one) and equal lengths.
      'near near near mandir mandir gandhi nagar road dist pune p o',
      'near mandir gandhi nagar road dist pune p o near near mandir',
      ' h no 12  near mandir gandhi nagar road  dist pune p o 4 ',
      'h no 12 near mandir gandhi nagar road dist pune p o 4  ',
      'h no 4 near mandir gandhi nagar road dist pune p o 12 h no',
      'h no 4 near mandir gandhi nagar road dist pune p o 12 h nx',
      'a'.repeat(70),
      `${'a'.repeat(69)} `,
      'a'.repeat(130),
    ];
    while (values.length < 300) {
      const base = address(2 + Math.floor(random() * 14));
      values.push(base, edit(base));
    }
    const col = textColumn(values);
    const address1 = textLevels(col, 0.9, 0.75);
    const locality = textLevels(col, 0.92, 0.8);
    const check = (i: number, j: number) => {
      assert.equal(
        address1(i, j),
        reference(values[i]!, values[j]!, 0.9, 0.75),
        `${values[i]} / ${values[j]}`,
      );
      assert.equal(
        locality(i, j),
        reference(values[i]!, values[j]!, 0.92, 0.8),
        `${values[i]} / ${values[j]}`,
      );
    };
    const levels = new Set<number>();
    for (let i = 0; i < 17; i++) for (let j = 0; j < values.length; j++) check(i, j);
    for (let k = 0; k < 3000; k++) {
      const i = Math.floor(random() * values.length);
      const j = Math.floor(random() * values.length);
      check(i, j);
      levels.add(address1(i, j));
    }
    for (let i = 17; i + 1 < values.length; i += 2) {
      check(i, i + 1);
      levels.add(address1(i, i + 1));
    }
    // Every level was reached.
    assert.deepEqual([...levels].sort(), [0, 1, 2, 3, 4]);
  });

  test('Damerau–Levenshtein (optimal string alignment) distances', () => {
    assert.equal(damerauLevenshtein('kitten', 'sitting'), 3);
    assert.equal(damerauLevenshtein('ca', 'ac'), 1);
    assert.equal(damerauLevenshtein('ca', 'abc'), 3); // OSA, not unrestricted Damerau (2)
    assert.equal(damerauLevenshtein('1804974', '1809474'), 1);
    assert.equal(damerauLevenshtein('19560409', '19560490'), 1);
    assert.equal(damerauLevenshtein('', 'abc'), 3);
    assert.equal(damerauLevenshtein('same', 'same'), 0);
    // With a bound: anything beyond it is bound + 1, and the one-edit fast path agrees with the full one.
    assert.equal(damerauLevenshtein('1234567', '7654321', 2), 3);
    assert.equal(damerauLevenshtein('abcdef', 'abcxef', 1), 1);
    assert.equal(damerauLevenshtein('abcdef', 'abxyef', 1), 2);
    assert.equal(damerauLevenshtein('abcdef', 'abdcef', 1), 1);
    assert.equal(damerauLevenshtein('abcdef', 'abcdefg', 1), 1);
  });
});

describe('dates and ages', () => {
  test('common date formats parse to the same day; day before month is the Indian reading', () => {
    const want = { year: 1990, month: 8, day: 15 };
    for (const raw of [
      '19900815',
      '1990-08-15',
      '1990/08/15',
      '1990-08-15T00:00:00Z',
      '15/08/1990',
      '15-08-1990',
      '15.08.1990',
      '15 Aug 1990',
      '15th August 1990',
      'Aug 15, 1990',
      '१५/०८/१९९०',
    ])
      assert.deepEqual(parseDate(raw), want, raw);
    assert.deepEqual(parseDate('03/04/2001'), { year: 2001, month: 4, day: 3 });
    // A second number above 12 can only be a day: month first.
    assert.deepEqual(parseDate('04/23/2001'), { year: 2001, month: 4, day: 23 });
  });

  test('invalid dates are missing, not guessed', () => {
    for (const raw of ['19561309', '31/04/2001', '2001-02-29', 'yesterday', '', '12/13/14/15', '0000-00-00'])
      assert.equal(parseDate(raw), null, raw);
    assert.deepEqual(parseDate('2000-02-29'), { year: 2000, month: 2, day: 29 });
  });

  test('an age stated on a date becomes an interval of birth days, with slack', () => {
    assert.deepEqual(parseAge('34'), [34, 34]);
    assert.deepEqual(parseAge('about 34 yrs'), [34, 34]);
    assert.deepEqual(parseAge('30-35'), [30, 35]);
    assert.equal(parseAge('unknown'), null);
    const on = { year: 2020, month: 6, day: 1 };
    const [lo, hi] = birthInterval([30, 30], on, on);
    const slack = AGE_SLACK_YEARS;
    // Aged exactly 30 on 2020-06-01: born 1989-06-02 … 1990-06-01, widened by two years either side.
    assert.equal(lo, dayNumber({ year: 1989 - slack, month: 6, day: 2 }));
    assert.equal(hi, dayNumber({ year: 1990 + slack, month: 6, day: 1 }));
  });
});

describe('expectation–maximisation', () => {
  test('recovers planted m, u and λ', () => {
    // Three comparisons with three levels each; 10 % of pairs are matches.
    const m = [
      [0, 0.8, 0.15, 0.05],
      [0, 0.7, 0.2, 0.1],
      [0, 0.9, 0.05, 0.05],
    ];
    const u = [
      [0, 0.02, 0.08, 0.9],
      [0, 0.05, 0.1, 0.85],
      [0, 0.01, 0.04, 0.95],
    ];
    const random = seededRandom(11);
    const draw = (p: number[]) => {
      let x = random();
      for (let l = 1; l < p.length; l++) {
        x -= p[l]!;
        if (x < 0) return l;
      }
      return p.length - 1;
    };
    const pairs = 200_000;
    const vectors = new Uint8Array(pairs * 3);
    for (let k = 0; k < pairs; k++) {
      const match = random() < 0.1;
      for (let c = 0; c < 3; c++) vectors[k * 3 + c] = draw(match ? m[c]! : u[c]!);
    }
    const flat = (L: number) => [0, ...Array.from({ length: L }, () => 1 / L)];
    const result = expectationMaximisation(
      countPatterns(vectors, 3),
      [3, 3, 3],
      {
        m: [
          [0, 0.6, 0.3, 0.1],
          [0, 0.6, 0.3, 0.1],
          [0, 0.6, 0.3, 0.1],
        ],
        u: [flat(3), flat(3), flat(3)],
        lambda: 0.3,
      },
      { updateU: true, maxIterations: 500, tolerance: 1e-8 },
    );
    assert.ok(result.converged);
    close(result.lambda, 0.1, 0.01);
    for (let c = 0; c < 3; c++)
      for (let l = 1; l <= 3; l++) {
        close(result.m[c]![l]!, m[c]![l]!, 0.02);
        close(result.u[c]![l]!, u[c]![l]!, 0.01);
      }
  });
});

/** A few hundred distinct people with Indian names, so the model has something to learn from. */
function population(count: number, seed: number): PersonRecord[] {
  const random = seededRandom(seed);
  const given = ['Anil', 'Bhavna', 'Chetan', 'Deepa', 'Farhan', 'Gauri', 'Harish', 'Indu', 'Jatin', 'Kavita'];
  const family = ['Patil', 'Rao', 'Das', 'Khan', 'Joshi', 'Nair', 'Bose', 'Gill', 'Iyer', 'Mehta', 'Sen'];
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  const records: PersonRecord[] = [];
  for (let k = 0; k < count; k++) {
    const f = pick(family);
    records.push({
      id: `P${k}`,
      full_name: `${pick(given)} ${f}`,
      relation_name: `s/o ${pick(given)} ${f}`,
      birth_date: `${1950 + Math.floor(random() * 50)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      phone: String(6000000000 + Math.floor(random() * 3_999_999_999)),
      address_line1: `H.No. ${1 + Math.floor(random() * 900)}, ${pick(['Gandhi', 'Nehru', 'Tilak', 'Azad'])} Nagar`,
      postcode: String(110001 + Math.floor(random() * 80)),
    });
  }
  return records;
}

describe('namesakes and relations', () => {
  const today = { today: { year: 2024, month: 1, day: 1 } };
  const records: PersonRecord[] = [
    ...population(500, 11),
    // A shared PIN code, surname, gender and age, and nothing else: namesakes, not one person.
    {
      id: 'pin-a',
      full_name: 'Suresh Xalxo',
      gender: 'm',
      age: '30',
      record_date: '2023-06-01',
      postcode: '835209',
    },
    {
      id: 'pin-b',
      full_name: 'S. Xalxo',
      gender: 'm',
      age: '31',
      record_date: '2023-09-01',
      postcode: '835209',
    },
    // The same full name at the same age in one PIN code: still only a review.
    {
      id: 'same-a',
      full_name: 'Rinki Kumari',
      gender: 'f',
      age: '16',
      record_date: '2023-06-01',
      postcode: '110083',
    },
    {
      id: 'same-b',
      full_name: 'Km. Rinki Kumari',
      gender: 'f',
      age: '16',
      record_date: '2023-08-01',
      postcode: '110083',
    },
    // A wife recorded with her husband's name and with her father's: the relation names are not compared.
    { id: 'rel-a', full_name: 'Sunita Xaxa', relation_name: 'w/o Ramesh Xaxa', birth_date: '1990-01-01' },
    { id: 'rel-b', full_name: 'Sunita Xaxa', relation_name: 'd/o Mohan Tirkey', birth_date: '1990-01-01' },
  ];
  const result = resolve(records, undefined, today);
  const ref = (id: string) => ({ side: 'left' as const, index: records.findIndex((r) => r.id === id), id });

  test('a shared postcode and surname alone never auto-link', () => {
    const e = result.explain(ref('pin-a'), ref('pin-b'));
    assert.equal(e.corroborated, false);
    assert.ok(e.score <= RESOLUTION_MODEL.uncorroboratedMaxWeight, `scored ${e.score}`);
    assert.ok(e.score < RESOLUTION_THRESHOLDS.autoLinkWeight);
    const sum = e.terms.reduce((s, t) => s + t.weight, 0) + e.householdCap + e.corroborationCap;
    close(sum, e.score, 1e-9);
  });

  test('the same name, age and PIN code with nothing else is reviewed, not linked', () => {
    const e = result.explain(ref('same-a'), ref('same-b'));
    assert.equal(e.corroborated, false);
    assert.ok(e.score < RESOLUTION_THRESHOLDS.autoLinkWeight, `scored ${e.score}`);
    const pair = result.pairs.find((p) => [p.a.id, p.b.id].sort().join() === 'same-a,same-b');
    assert.ok(!pair?.autoLink);
  });

  test("a husband's name is not compared with a father's", () => {
    const e = result.explain(ref('rel-a'), ref('rel-b'));
    assert.equal(e.terms.find((t) => t.field === 'relation_name')?.level, 'missing');
    assert.ok(e.corroborated, 'the full birth date corroborates');
  });

  test('a name shared by many weighs less when the names share one word only', () => {
    const e = result.explain(ref('pin-a'), ref('pin-b'));
    const name = e.terms.find((t) => t.field === 'name')!;
    assert.equal(name.level, 'initials');
    assert.ok(name.tfAdjustment <= 0);
  });
});

describe('scores and explanations', () => {
  const records = population(600, 5);
  // One person written twice, and a pair of twins: same surname, father, address, phone, birth date.
  records.push(
    {
      id: 'dup-a',
      full_name: 'Ramesh Xalxo',
      relation_name: 's/o Shyam Xalxo',
      birth_date: '1990-08-15',
      phone: '98450 12345',
      address_line1: 'H.No. 12, Tilak Nagar',
      postcode: '110011',
    },
    {
      id: 'dup-b',
      full_name: 'XALXO Ramesh',
      relation_name: 'S/O Shyam Xalxo',
      birth_date: '15/08/1990',
      phone: '+91 98450 12345',
      address_line1: 'H No 12 Tilak Nagar',
      postcode: '110011',
    },
    {
      id: 'twin-a',
      full_name: 'Sita Kerketta',
      relation_name: 'd/o Birsa Kerketta',
      birth_date: '2010-01-05',
      phone: '9123400001',
      address_line1: 'Vill. Karra, P.O. Karra',
      postcode: '835209',
    },
    {
      id: 'twin-b',
      full_name: 'Gita Kerketta',
      relation_name: 'd/o Birsa Kerketta',
      birth_date: '2010-01-05',
      phone: '9123400001',
      address_line1: 'Vill. Karra, P.O. Karra',
      postcode: '835209',
    },
  );
  const result = resolve(records, undefined, { today: { year: 2024, month: 1, day: 1 } });
  const ref = (id: string) => {
    const index = records.findIndex((r) => r.id === id);
    return { side: 'left' as const, index, id };
  };
  const clusterOf = (id: string) => result.clusters.find((c) => c.some((r) => r.id === id))!;

  test('one person written two ways is auto-linked; twins who differ only in given name are not', () => {
    const dup = result.pairs.find((p) => [p.a.id, p.b.id].sort().join() === 'dup-a,dup-b');
    assert.ok(dup?.autoLink, 'duplicate auto-linked');
    assert.ok(clusterOf('dup-a').some((r) => r.id === 'dup-b'));
    const twins = result.explain(ref('twin-a'), ref('twin-b'));
    assert.ok(twins.score < RESOLUTION_THRESHOLDS.autoLinkWeight, `twins scored ${twins.score}`);
    assert.equal(twins.household, 'siblings');
    assert.ok(!clusterOf('twin-a').some((r) => r.id === 'twin-b'));
  });

  test('every explanation sums to its score', () => {
    for (const p of result.pairs.slice(0, 50)) {
      const e = result.explain(p.a, p.b);
      const sum = e.terms.reduce((s, t) => s + t.weight, 0) + e.householdCap + e.corroborationCap;
      close(sum, e.score, 1e-9);
      close(e.score, p.score, 1e-9);
      assert.ok(e.householdCap <= 0);
      assert.ok(e.corroborationCap <= 0);
      for (const t of e.terms) if (t.level === 'missing') assert.equal(t.weight, 0);
    }
    const twins = result.explain(ref('twin-a'), ref('twin-b'));
    const sum = twins.terms.reduce((s, t) => s + t.weight, 0) + twins.householdCap + twins.corroborationCap;
    close(sum, twins.score, 1e-9);
  });

  test('exact agreement on a common name is weaker evidence than on a rare one', () => {
    const common = resolve(
      [
        ...population(400, 9),
        { id: 'c1', full_name: 'Anil Patil', birth_date: '1961-01-01' },
        { id: 'c2', full_name: 'Anil Patil', birth_date: '1961-01-01' },
        { id: 'r1', full_name: 'Zorawar Xalxo', birth_date: '1961-01-01' },
        { id: 'r2', full_name: 'Zorawar Xalxo', birth_date: '1961-01-01' },
      ],
      undefined,
      { today: { year: 2024, month: 1, day: 1 } },
    );
    const side = 'left' as const;
    const term = (a: number, b: number) =>
      common
        .explain({ side, index: a, id: '' }, { side, index: b, id: '' })
        .terms.find((t) => t.field === 'name')!;
    const commonName = term(400, 401);
    const rareName = term(402, 403);
    assert.equal(commonName.level, 'exact');
    assert.equal(rareName.level, 'exact');
    assert.ok(commonName.tfAdjustment < 0, `common ${commonName.tfAdjustment}`);
    assert.ok(rareName.tfAdjustment > 0, `rare ${rareName.tfAdjustment}`);
    assert.ok(rareName.weight > commonName.weight);
  });
});

describe('clustering', () => {
  test('refuses to chain A–B–C when A and C strongly disagree', () => {
    const scores: Record<string, number> = { '0-1': 20, '1-2': 19, '0-2': -30 };
    const score = (i: number, j: number) => scores[`${Math.min(i, j)}-${Math.max(i, j)}`] ?? -50;
    const labels = clusterRecords(
      3,
      [
        { i: 0, j: 1, score: 20 },
        { i: 1, j: 2, score: 19 },
      ],
      score,
      RESOLUTION_THRESHOLDS.cannotLinkWeight,
    );
    assert.equal(labels[0], labels[1]);
    assert.notEqual(labels[1], labels[2]);
    // Only mildly apart (a missing field, a typo): the chain stands.
    scores['0-2'] = 0;
    const chained = clusterRecords(
      3,
      [
        { i: 0, j: 1, score: 20 },
        { i: 1, j: 2, score: 19 },
      ],
      score,
      RESOLUTION_THRESHOLDS.cannotLinkWeight,
    );
    assert.equal(chained[0], chained[2]);
  });
});

describe('thresholds', () => {
  test('are fixed constants, ordered, and not options of resolve', () => {
    assert.ok(Object.isFrozen(RESOLUTION_THRESHOLDS));
    assert.ok(Object.isFrozen(RESOLUTION_MODEL));
    assert.deepEqual(
      { ...RESOLUTION_THRESHOLDS },
      { autoLinkWeight: 8, reviewWeight: 2, cannotLinkWeight: -4 },
      'changed thresholds must be re-fixed on FEBRL dataset2 and documented in docs/resolution.md',
    );
    assert.ok(RESOLUTION_THRESHOLDS.autoLinkWeight > RESOLUTION_THRESHOLDS.reviewWeight);
    assert.ok(RESOLUTION_THRESHOLDS.reviewWeight > RESOLUTION_THRESHOLDS.cannotLinkWeight);
    assert.throws(() => {
      (RESOLUTION_THRESHOLDS as { autoLinkWeight: number }).autoLinkWeight = 1;
    });
  });
});

describe('what corroborates a match', () => {
  const today = { today: { year: 2026, month: 1, day: 1 } };
  const home = 'Vill. Shanti Nagar, P.O. Shanti Nagar, P.S. Netaji Nagar, Dist. Alipurduar';
  const records: PersonRecord[] = [
    ...population(500, 23),
    // Two sisters: the same father, an initial that fits, different phones.
    {
      id: 'sister-a',
      full_name: 'S. Meena',
      relation_name: 'd/o Devashish Meena',
      gender: 'f',
      age: '15',
      record_date: '2025-06-01',
      phone: '06912528772',
    },
    {
      id: 'sister-b',
      full_name: 'Saba Meena',
      relation_name: 'd/o Devashish Meena',
      gender: 'f',
      age: '13',
      record_date: '2025-06-01',
      phone: '8230350308',
    },
    // One girl twice: her own given name and her father's name agree.
    {
      id: 'girl-a',
      full_name: 'Sunaina Meena',
      relation_name: 'd/o Devashish Meena',
      gender: 'f',
      age: '15',
      record_date: '2025-06-01',
    },
    {
      id: 'girl-b',
      full_name: 'Kumari Sunaina',
      relation_name: 'd/o Devashish Meena',
      gender: 'f',
      age: '16',
      record_date: '2025-09-01',
    },
    // Two girls born the same day whose names meet only through an initial.
    { id: 'date-a', full_name: 'Rina', gender: 'f', birth_date: '2008-05-12' },
    { id: 'date-b', full_name: 'R. Vinoda', gender: 'f', birth_date: '2008-05-12' },
    // A re-trafficked child: name, age and her full home address, nothing else.
    {
      id: 'home-a',
      full_name: 'Ayesha Xalxo',
      gender: 'f',
      age: '15',
      record_date: '2024-06-01',
      address_line1: home,
    },
    {
      id: 'home-b',
      full_name: 'AYESHA XALXO',
      gender: 'f',
      age: '16',
      record_date: '2025-06-01',
      address_line1: home,
    },
    // The same, with only the district for an address.
    {
      id: 'dist-a',
      full_name: 'Bina Xalxo',
      gender: 'f',
      age: '15',
      record_date: '2024-06-01',
      address_line1: 'Dist. Alipurduar',
    },
    {
      id: 'dist-b',
      full_name: 'Bina Xalxo',
      gender: 'f',
      age: '16',
      record_date: '2025-06-01',
      address_line1: 'Dist. Alipurduar',
    },
    // One man, once in initials: his father's name and his full birth date both agree, as only a twin's would.
    {
      id: 'twice-a',
      full_name: 'Badshah Alam Pathan',
      relation_name: 's/o Adil Hussain Pathan',
      gender: 'm',
      birth_date: '1977-05-13',
      phone: '8380482645',
    },
    {
      id: 'twice-b',
      full_name: 'B. A. Pathan',
      relation_name: 's/o Adil Hussain Pathan',
      gender: 'm',
      birth_date: '1977-05-13',
    },
    // A given name alone against a whole name, nothing corroborating: two girls, most likely.
    { id: 'part-a', full_name: 'Devna', gender: 'f', age: '13', record_date: '2025-06-01' },
    {
      id: 'part-b',
      full_name: 'Devna Barman',
      relation_name: 'd/o Mukhtaar Barman',
      gender: 'f',
      age: '13',
      record_date: '2025-06-01',
    },
    // Born the same day, the names sharing only "Singh" and an initial: Singh says nothing of which man.
    { id: 'singh-a', full_name: 'Ravi Singh', gender: 'm', birth_date: '1990-03-04' },
    { id: 'singh-b', full_name: 'R. Singh', gender: 'm', birth_date: '1990-03-04' },
    // Sons of one father (or of two fathers of one name) sharing "Abdul", the first half of many given names
    // (Abdul Rahman, Abdul Karim), and the family name: "Abdul" says no more of which man than Singh does.
    {
      id: 'abdul-a',
      full_name: 'Saifi Abdul Rahman',
      relation_name: 's/o Feroz Alam Saifi',
      gender: 'm',
      age: '47',
      record_date: '2025-06-01',
      phone: '7908439652',
    },
    {
      id: 'abdul-b',
      full_name: 'Abdul Saifi @ Langda',
      relation_name: 's/o Firoz Alam Saifi',
      gender: 'm',
      age: '45',
      record_date: '2025-06-01',
      phone: '9173129122',
    },
    // One man through an initial, nothing corroborating: a rare family name, a common one.
    // (Birth dates one digit apart, which does not corroborate: this test population gives every record a birth
    // date, so an age interval would weigh 8 bits.)
    { id: 'rare-a', full_name: 'V. Nikam', gender: 'm', birth_date: '1985-03-04' },
    { id: 'rare-b', full_name: 'Vishva Nikam', gender: 'm', birth_date: '1985-03-14' },
    { id: 'common-a', full_name: 'R. Patil', gender: 'm', birth_date: '1985-03-04' },
    { id: 'common-b', full_name: 'Rajesh Patil', gender: 'm', birth_date: '1985-03-14' },
    // A sister and a brother: one father, one home, the family phone; his name written as a part of hers.
    {
      id: 'sister',
      full_name: 'Zarina Sultana Malik',
      relation_name: 'd/o Iqbal Malik',
      gender: 'f',
      birth_date: '2010-02-01',
      address_line1: home,
      phone: '9830012345',
    },
    {
      id: 'brother',
      full_name: 'Master Mohammed Malik',
      relation_name: 's/o Iqbal Malik',
      gender: 'm',
      birth_date: '2013-05-09',
      address_line1: home,
      phone: '9830012345',
    },
    // One man; one record gives the father's given name only.
    { id: 'father-short', full_name: 'Rakesh Chaurasiya', relation_name: 's/o Mahendra', gender: 'm' },
    {
      id: 'father-full',
      full_name: 'Shri Rakesh Kumar Chaurasiya',
      relation_name: 's/o Mahendra Chaurasiya',
      gender: 'm',
    },
    // A lone given name, nothing else: shared by thousands.
    { id: 'lone-a', full_name: 'Neha', gender: 'f', age: '12', record_date: '2025-06-01' },
    { id: 'lone-b', full_name: 'Kumari Neha', gender: 'f', age: '12', record_date: '2025-08-01' },
    // A mother and a daughter at one address, both written with an initial.
    {
      id: 'mother',
      full_name: 'G. Bairwa',
      gender: 'f',
      age: '34',
      record_date: '2025-06-01',
      address_line1: home,
    },
    { id: 'daughter', full_name: 'G. Bairwa', gender: 'f', birth_date: '2010-02-10', address_line1: home },
    // One man named once by his alias alone, the same phone both times.
    {
      id: 'alias-a',
      full_name: 'Bhola Prasad Yadav @ Kaalia',
      gender: 'm',
      age: '40',
      record_date: '2025-01-01',
      phone: '9812300061',
    },
    {
      id: 'alias-b',
      full_name: 'Kalia',
      gender: 'm',
      age: '41',
      record_date: '2025-09-01',
      phone: '9812300061',
    },
    // An initial that only fits a nickname: no evidence through the alias.
    { id: 'nick-initial-a', full_name: 'M. Baha', gender: 'f', birth_date: '2009-03-14' },
    { id: 'nick-initial-b', full_name: 'Sahiba Sultana Bano @ Mithi', gender: 'f', birth_date: '2009-03-14' },
    // Two men who share only a common nickname and an age.
    { id: 'nick-a', full_name: 'Suresh Pal @ Pappu', gender: 'm', age: '30', record_date: '2025-01-01' },
    { id: 'nick-b', full_name: 'Ramesh Gupta urf Pappu', gender: 'm', age: '30', record_date: '2025-01-01' },
  ];
  const result = resolve(records, undefined, today);
  const ref = (id: string) => ({ side: 'left' as const, index: records.findIndex((r) => r.id === id), id });
  const explain = (a: string, b: string) => result.explain(ref(a), ref(b));

  test("a father's name does not corroborate names that share only the family name and an initial", () => {
    const e = explain('sister-a', 'sister-b');
    assert.equal(e.terms.find((t) => t.field === 'relation_name')?.level, 'exact');
    assert.equal(e.corroborated, false);
    assert.ok(e.score < RESOLUTION_THRESHOLDS.autoLinkWeight, `scored ${e.score}`);
    // The person or a sister: an officer can tell, so the pair stays in the review band.
    assert.ok(e.score >= RESOLUTION_THRESHOLDS.reviewWeight, `scored ${e.score}`);
  });

  test("a father's name corroborates names that share the person's own given name", () => {
    const e = explain('girl-a', 'girl-b');
    assert.equal(e.corroborated, true);
    assert.ok(e.score >= RESOLUTION_THRESHOLDS.autoLinkWeight, `scored ${e.score}`);
  });

  test("the father's name and the full birth date together corroborate names that meet through initials", () => {
    const e = explain('twice-a', 'twice-b');
    assert.equal(e.terms.find((t) => t.field === 'name')?.level, 'initials');
    assert.equal(e.corroborated, true);
    assert.ok(e.score >= RESOLUTION_THRESHOLDS.autoLinkWeight, `scored ${e.score}`);
  });

  test('a shared birth date does not corroborate names that meet only through an initial', () => {
    const e = explain('date-a', 'date-b');
    assert.equal(e.terms.find((t) => t.field === 'birth_date')?.level, 'exact');
    assert.equal(e.corroborated, false);
    assert.ok(e.score < RESOLUTION_THRESHOLDS.autoLinkWeight, `scored ${e.score}`);
    // Nor names whose only shared word is Singh (or Kumar).
    const singh = explain('singh-a', 'singh-b');
    assert.equal(singh.terms.find((t) => t.field === 'birth_date')?.level, 'exact');
    assert.equal(singh.corroborated, false);
  });

  test('"Abdul" and the family name shared do not let the father\'s name corroborate', () => {
    const e = explain('abdul-a', 'abdul-b');
    assert.equal(e.terms.find((t) => t.field === 'name')?.level, 'subset');
    assert.ok(
      ['exact', 'folded'].includes(e.terms.find((t) => t.field === 'relation_name')?.level ?? ''),
      JSON.stringify(e.terms),
    );
    assert.equal(e.corroborated, false);
    assert.ok(e.score < RESOLUTION_THRESHOLDS.autoLinkWeight, `scored ${e.score}`);
  });

  test('a full home address corroborates a whole name written out in both records', () => {
    const e = explain('home-a', 'home-b');
    assert.equal(e.corroborated, true);
    assert.ok(e.score >= RESOLUTION_THRESHOLDS.autoLinkWeight, `scored ${e.score}`);
  });

  test('without corroboration, only whole names that agree in full reach the review band', () => {
    const whole = explain('dist-a', 'dist-b');
    assert.equal(whole.corroborated, false);
    assert.ok(whole.score >= RESOLUTION_THRESHOLDS.reviewWeight, `scored ${whole.score}`);
    assert.ok(whole.score < RESOLUTION_THRESHOLDS.autoLinkWeight);
    const part = explain('part-a', 'part-b');
    assert.equal(part.terms.find((t) => t.field === 'name')?.level, 'subset');
    assert.ok(part.score < RESOLUTION_THRESHOLDS.reviewWeight, `scored ${part.score}`);
    assert.ok(part.corroborationCap < 0, 'the name alone would have reached the review band');
    assert.ok(!result.pairs.some((p) => [p.a.id, p.b.id].sort().join() === 'part-a,part-b'));
    const lone = explain('lone-a', 'lone-b');
    assert.equal(lone.terms.find((t) => t.field === 'name')?.level, 'exact');
    assert.ok(lone.score < RESOLUTION_THRESHOLDS.reviewWeight, `a lone given name scored ${lone.score}`);
  });

  test('names that meet only through an alias agree in part: linked with a phone, nowhere near review without one', () => {
    const e = explain('alias-a', 'alias-b');
    assert.equal(e.terms.find((t) => t.field === 'name')?.level, 'subset');
    assert.equal(e.corroborated, true);
    assert.ok(e.score >= RESOLUTION_THRESHOLDS.autoLinkWeight, `Kalia and "… @ Kaalia" scored ${e.score}`);
    const nick = explain('nick-a', 'nick-b');
    assert.equal(nick.terms.find((t) => t.field === 'name')?.level, 'subset');
    assert.ok(nick.score < RESOLUTION_THRESHOLDS.reviewWeight, `two Pappus scored ${nick.score}`);
    // An alias must agree with a whole name: "M." fitting "Mithi" is not a match through the alias.
    assert.equal(
      explain('nick-initial-a', 'nick-initial-b').terms.find((t) => t.field === 'name')?.level,
      'disagree',
    );
  });

  test('an initial and a rare family name with nothing corroborating wait in review; a common family name does not', () => {
    const rare = explain('rare-a', 'rare-b');
    assert.equal(rare.terms.find((t) => t.field === 'name')?.level, 'initials');
    assert.equal(rare.corroborated, false);
    assert.ok(rare.score >= RESOLUTION_THRESHOLDS.reviewWeight, `V. Nikam scored ${rare.score}`);
    assert.ok(rare.score < RESOLUTION_THRESHOLDS.autoLinkWeight);
    const common = explain('common-a', 'common-b');
    assert.equal(common.terms.find((t) => t.field === 'name')?.level, 'initials');
    assert.ok(common.score < RESOLUTION_THRESHOLDS.reviewWeight, `R. Patil scored ${common.score}`);
  });

  test('a brother and a sister sharing father, home and phone are not linked: the household adds nothing across sexes', () => {
    const e = explain('sister', 'brother');
    assert.equal(e.terms.find((t) => t.field === 'gender')?.level, 'disagree');
    assert.equal(e.household, 'siblings');
    assert.ok(e.score < RESOLUTION_THRESHOLDS.autoLinkWeight, `scored ${e.score}`);
  });

  test("a father's name given without the family name is the same father, and corroborates", () => {
    const e = explain('father-short', 'father-full');
    assert.equal(e.terms.find((t) => t.field === 'relation_name')?.level, 'folded');
    assert.equal(e.corroborated, true);
    assert.ok(e.score >= RESOLUTION_THRESHOLDS.autoLinkWeight, `scored ${e.score}`);
  });

  test('a district alone, or a name with an initial, is not corroborated by the address', () => {
    assert.equal(explain('dist-a', 'dist-b').corroborated, false);
    const e = explain('mother', 'daughter');
    assert.equal(e.terms.find((t) => t.field === 'address_line1')?.level, 'exact');
    assert.equal(e.corroborated, false);
    assert.ok(e.score < RESOLUTION_THRESHOLDS.autoLinkWeight, `scored ${e.score}`);
  });
});
