import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gridModelOf, scoreAgainst } from '../../src/modules/profiles/grid-model.ts';
import { buildComparisons, valueFrequencies } from '../../src/modules/resolution/comparisons.ts';
import { prepareRecords } from '../../src/modules/resolution/features.ts';
import { seededRandom } from '../../src/modules/resolution/model.ts';
import { foldToken } from '../../src/modules/resolution/names.ts';
import type { PersonRecord } from '../../src/modules/resolution/record.ts';
import { resolve } from '../../src/modules/resolution/resolve.ts';

/** A population in which a third of the people are called Kumar and no one Xalxo. */
function population(count: number): PersonRecord[] {
  const random = seededRandom(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const given = [
    'Rajesh',
    'Suresh',
    'Mahesh',
    'Ramesh',
    'Dinesh',
    'Anil',
    'Sunil',
    'Vijay',
    'Ajay',
    'Sanjay',
  ];
  const more = ['Amit', 'Rohit', 'Mohit', 'Sumit', 'Rahul', 'Gaurav', 'Manoj', 'Pankaj', 'Deepak', 'Vikas'];
  const surnames = ['Sharma', 'Verma', 'Yadav', 'Gupta', 'Mishra', 'Tiwari', 'Pandey', 'Dubey', 'Jha', 'Rai'];
  const records: PersonRecord[] = [];
  for (let k = 0; k < count; k++) {
    const surname = random() < 0.35 ? 'Kumar' : pick(surnames);
    records.push({
      id: `p${k}`,
      full_name: `${pick([...given, ...more])} ${surname}`,
      relation_name: `s/o ${pick(more)} ${surname}`,
      gender: 'm',
      birth_date: `${1960 + Math.floor(random() * 40)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      phone: String(7000000000 + Math.floor(random() * 2_000_000_000)),
    });
  }
  // A few people written twice, so EM has matches to learn from.
  for (let k = 0; k < 60; k++)
    records.push({ ...records[k * 7]!, id: `d${k}`, full_name: records[k * 7]!.full_name!.toUpperCase() });
  return records;
}

describe('grid model scoring (scoreAgainst)', () => {
  const model = gridModelOf(resolve(population(1500)).model, 1560, 0);
  const pair = (surname: string): PersonRecord[] => [
    { id: 'q', full_name: `R. ${surname}`, gender: 'm', phone: '9845012345' },
    { id: 'c', full_name: `Rajesh ${surname}`, gender: 'm', phone: '+91 98450 12345' },
  ];
  const scoreOf = (m: typeof model, surname: string) => scoreAgainst(m, pair(surname))[0]!.explanation;

  test("keeps the training records' term frequencies", () => {
    assert.ok(model.frequencies);
    assert.ok((model.frequencies.nameWords?.shares.get(foldToken('Kumar')) ?? 0) > 0.25);
  });

  test('a shared rare word scores above a shared common one', () => {
    const rare = scoreOf(model, 'Xalxo');
    const common = scoreOf(model, 'Kumar');
    assert.equal(rare.terms.find((t) => t.field === 'name')?.level, 'initials');
    assert.equal(common.terms.find((t) => t.field === 'name')?.level, 'initials');
    assert.ok(rare.score > common.score + 1, `rare ${rare.score}, common ${common.score}`);
    assert.ok((common.terms.find((t) => t.field === 'name')?.tfAdjustment ?? 0) < 0);
  });

  test('keeps only the commonest values, and counts any other as no commoner than the least kept', () => {
    const features = prepareRecords(population(600));
    const frequencies = valueFrequencies(features, buildComparisons(features), 3);
    const names = frequencies.nameWords!;
    assert.equal(names.shares.size, 3);
    assert.equal(names.fallback, Math.min(...names.shares.values()));
    assert.ok(names.shares.has(foldToken('Kumar')), 'the commonest word is kept');
    const name = frequencies.columns.name!;
    assert.ok(name.counts.size <= 3);
    assert.ok([...name.counts.values()].every((n) => n >= name.fallback));
  });

  test('counts a value the run did not keep as held by at least the two records compared', () => {
    const features = prepareRecords(population(600));
    const frequencies = valueFrequencies(features, buildComparisons(features));
    const phone = frequencies.columns.phone!;
    assert.equal(phone.fallback, 2);
    const words = frequencies.nameWords!;
    assert.equal(words.fallback, 2 * Math.min(...words.shares.values()));
  });

  test('without stored frequencies the two weigh the same', () => {
    const plain = { ...model, frequencies: null };
    assert.equal(scoreOf(plain, 'Xalxo').score, scoreOf(plain, 'Kumar').score);
  });

  test('the version names the model: the same parameters the same version, other parameters another', () => {
    const learnt = resolve(population(1500)).model;
    assert.match(model.version, /^em-\d{4}-\d{2}-\d{2}-1560-[0-9a-f]{12}$/);
    assert.equal(gridModelOf(learnt, 1560, 0).version, model.version, 'learnt again on the same records');
    // As many records, learnt differently: the record count alone no longer names it.
    const other = gridModelOf(resolve(population(1499)).model, 1560, 0);
    assert.notEqual(other.version, model.version);
    const shifted = gridModelOf({ ...learnt, lambda: learnt.lambda * 1.01 }, 1560, 0);
    assert.notEqual(shifted.version, model.version);
  });
});
