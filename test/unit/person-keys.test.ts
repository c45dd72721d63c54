import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bornOf, personKeys } from '../../src/modules/profiles/person-keys.ts';

test('a relation name adds keys pairing each distinctive name word with the relation’s given name', () => {
  assert.ok(personKeys('Manju Yadav').every((k) => !k.startsWith('r:')));
  const relation = personKeys('Manju Yadav', [], 'Late Shri Ramesh Chand Yadav').filter((k) =>
    k.startsWith('r:'),
  );
  assert.equal(relation.length, 2);
  // Keys hold the words' phonetic keys (names.ts); "Late" and the honorific are not the given name.
  const ramesh = personKeys('Ramesh')[0]!.slice(2);
  assert.ok(
    relation.every((k) => k.endsWith(`|${ramesh}`)),
    relation.join(' '),
  );
  // Word order and capitals do not matter, nor the relation's surname.
  assert.deepEqual(
    personKeys('YADAV Manju', [], 'Ramesh Yadav').sort(),
    personKeys('Manju Yadav', [], 'Ramesh').sort(),
  );
});

test('the birth year comes from the birth date, else from the age and when it was recorded; 0 when unknown', () => {
  assert.equal(bornOf({ birth_date: '1994-07-01', age: 20, age_recorded_on: '2025-01-01' }), 1994);
  assert.equal(bornOf({ age: 31, age_recorded_on: '2025-03-04' }), 1994);
  assert.equal(bornOf({ age: 31 }), new Date().getUTCFullYear() - 31);
  assert.equal(bornOf({}), 0);
  assert.equal(bornOf({ birth_date: 'unknown' }), 0);
});

test('aliases are keyed, whether given apart or written into the name', () => {
  const kalia = personKeys('Kalia').filter((k) => k.startsWith('n:'));
  const written = personKeys('Bhola Prasad Yadav @ Kalia');
  const apart = personKeys('Bhola Prasad Yadav', ['Kalia']);
  for (const k of kalia) {
    assert.ok(written.includes(k), `${k} missing from ${written.join(' ')}`);
    assert.ok(apart.includes(k));
  }
  assert.deepEqual(written.sort(), apart.sort());
});
