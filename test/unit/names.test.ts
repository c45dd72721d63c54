import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { transliterateDevanagari } from '../../src/modules/resolution/devanagari.ts';
import {
  compareNames,
  foldToken,
  initialsCompatible,
  nameBlockingKeys,
  nameTokenFrequencies,
  parseName,
  parseRelation,
  rarestSharedFrequency,
} from '../../src/modules/resolution/names.ts';

const level = (a: string, b: string) => compareNames(parseName(a), parseName(b));

test('honorifics are stripped and remembered; a name with and without one is the same name', () => {
  const p = parseName('Smt. Sunita Devi');
  assert.deepEqual(p.display, ['sunita', 'devi']);
  assert.equal(p.honorific, 'smt');
  for (const [a, b] of [
    ['Shri Ramesh Yadav', 'Ramesh Yadav'],
    ['Kumari Pooja', 'Pooja'],
    ['Dr. Anil Gupta', 'Anil Gupta'],
    ['Mr. Vijay Kumar', 'Vijay Kumar'],
    ['Sardar Gurpreet Singh', 'Gurpreet Singh'],
    ['Janab Salim Qureshi', 'Salim Qureshi'],
    ['श्रीमती सुनीता देवी', 'Sunita Devi'],
  ] as const) {
    assert.ok(['exact', 'folded'].includes(level(a, b)), `${a} / ${b}: ${level(a, b)}`);
  }
});

test('a single name against the full name is a subset, not a disagreement', () => {
  assert.equal(level('Smt. Sunita Devi', 'Sunita'), 'subset');
  assert.equal(level('Rajesh', 'Rajesh Kumar Singh'), 'subset');
  assert.equal(level('Irfan', 'Mohammed Irfan'), 'subset');
});

test('a title that is also a name is kept when nothing but a gender word follows', () => {
  assert.deepEqual(parseName('Baby Kumari').display, ['baby', 'kumari']);
  assert.deepEqual(parseName('Shree').display, ['shree']);
  assert.deepEqual(parseName('Master Rahul').display, ['rahul']);
});

test('"Late" is a signal, not part of the name', () => {
  for (const raw of ['Late Ram Lal', 'Lt. Ram Lal', 'Swargiya Ram Lal', 'Ram Lal (Late)', 'स्व. राम लाल']) {
    const p = parseName(raw);
    assert.equal(p.late, true, raw);
    assert.ok(['exact', 'folded'].includes(compareNames(p, parseName('Ram Lal'))), raw);
  }
  assert.equal(parseName('Ram Lal').late, false);
});

test('Mohd, Md, Mohammed, Muhammad and Mohammad are one word', () => {
  assert.equal(level('Md. Irfan', 'Mohammed Irfan'), 'folded');
  const key = foldToken('Mohammed');
  for (const w of ['Mohd', 'Mohd.', 'Md', 'Muhammad', 'Mohammad', 'Mohamed', 'मोहम्मद']) {
    assert.equal(foldToken(w), key, w);
  }
  assert.equal(level('Sk. Rafiq', 'Shaikh Rafique'), 'folded');
});

test('transliteration variants reach the same key', () => {
  for (const [a, b] of [
    ['Laxmi', 'Lakshmi'],
    ['Geeta', 'Gita'],
    ['Geetha', 'Gita'],
    ['Pooja', 'Puja'],
    ['Vijay', 'Bijay'],
    ['Javed', 'Jawed'],
    ['Zainab', 'Jainab'],
    ['Phanindra', 'Fanindra'],
    ['Mondal', 'Mandal'],
    ['Kamlesh', 'Kamalesh'],
    ['Rachna', 'Rachana'],
    ['Srinivas', 'Shrinivas'],
    ['Pandey', 'Pande'],
    ['Tiwary', 'Tiwari'],
    ['Saurabh', 'Sourabh'],
    ['Dharmaveer', 'Dharmveer'],
    ['Narsimhulu', 'Narsimha'],
    ['Venkateswarlu', 'Venkateswara'],
    ['Nayudu', 'Naidu'],
    ['Sayed', 'Syed'],
  ] as const) {
    assert.equal(foldToken(a), foldToken(b), `${a} / ${b}`);
  }
  assert.equal(level('Laxmi', 'Lakshmi'), 'folded');
});

test('names that differ only in vowels are fuzzy, different names disagree', () => {
  assert.equal(level('Sundar Lal', 'Sunder Lal'), 'fuzzy');
  assert.equal(level('Ramesh', 'Rakesh'), 'disagree');
  assert.equal(level('Ramesh Kumar', 'Rajesh Kumar'), 'disagree');
  assert.equal(level('Sunil', 'Anil'), 'disagree');
  // An o is never silent, and a final vowel other than -a is not optional: Manoj and Manju are two people.
  assert.equal(level('Manoj', 'Manju'), 'disagree');
  assert.equal(level('Rani', 'Rina'), 'disagree');
});

test('Devanagari names are compared with their roman spelling', () => {
  assert.equal(transliterateDevanagari('लक्ष्मी'), 'lakshmee');
  assert.equal(transliterateDevanagari('आदित्य'), 'aaditya');
  assert.equal(transliterateDevanagari('राम'), 'raam');
  assert.equal(level('लक्ष्मी', 'Lakshmi'), 'folded');
  assert.equal(level('सुनीता देवी', 'Sunita Devi'), 'folded');
  assert.equal(level('मोहम्मद इरफ़ान', 'Md. Irfan'), 'folded');
  assert.equal(level('रानी देवी', 'Sita Devi'), 'disagree');
});

test('word order is ignored', () => {
  assert.equal(level('Kumar Rajesh', 'Rajesh Kumar'), 'exact');
  assert.equal(level('SHARMA, Rajesh', 'Rajesh Sharma'), 'exact');
  assert.equal(level('Yadav Laxmi', 'Lakshmi Yadav'), 'folded');
});

test('an initial is compatible with any word starting with that letter', () => {
  assert.deepEqual(parseName('R. Kumar').initials, ['r']);
  assert.deepEqual(parseName('R.K. Sharma').initials, ['r', 'k']);
  assert.deepEqual(parseName('A K Singh').initials, ['a', 'k']);
  assert.deepEqual(parseName('RK Sharma').initials, ['r', 'k']);
  assert.equal(level('R. Kumar', 'Rajesh Kumar'), 'initials');
  assert.equal(level('R. K. Sharma', 'Rajesh Kumar Sharma'), 'initials');
  assert.equal(level('V. Wasim', 'Wasim'), 'subset');
  assert.equal(level('R. Kumar', 'Suresh Kumar'), 'disagree');
  assert.equal(level('R. Kumar', 'S. Kumar'), 'disagree');
  assert.equal(level('Rohit', 'R. Rawat'), 'subset');
  assert.equal(level('Rohit', 'S. Rawat'), 'disagree');
});

test("an initial may stand for the father's name (South Indian style)", () => {
  const murugan = parseName('K. Murugan');
  const father = parseName('Kannan');
  assert.equal(initialsCompatible(murugan, father), true);
  assert.equal(initialsCompatible(murugan, parseName('Selvam')), false);
  assert.equal(initialsCompatible(parseName('Murugan'), null), true);
  // "K. Murugan s/o Kannan" and "S. Murugan s/o Kannan": the S stands for no one in the second record.
  assert.equal(compareNames(murugan, parseName('Murugan'), father, father), 'initials');
  assert.equal(compareNames(murugan, parseName('S. Murugan'), father, father), 'subset');
  assert.equal(compareNames(murugan, parseName('S. Murugan'), father, parseName('Selvam')), 'initials');
});

test("an initial stands for the father's own name, not for the family name the person carries too", () => {
  const father = parseName('Vishvesh Kulkarni');
  // "K." would stand for Kulkarni, which Harshaman Kulkarni's own name already has: it says nothing.
  assert.equal(
    compareNames(parseName('Kulkarni, Harshaman'), parseName('K. Kulkarni'), father, father),
    'disagree',
  );
  // An initial that stands only for the record's own father links nothing in the other name.
  assert.equal(
    compareNames(
      parseName('Sultana Bano'),
      parseName('R. Chitrali'),
      parseName('Ubaid Mondal'),
      parseName('Bhagyaraj Reddy'),
    ),
    'disagree',
  );
  assert.equal(
    compareNames(parseName('K. Murugan'), parseName('Murugan'), parseName('Kannan'), parseName('Kannan')),
    'initials',
  );
});

test('short names that differ in a vowel are different names', () => {
  assert.equal(level('Sheeba', 'Subba'), 'disagree');
  assert.equal(level('Sundar Lal', 'Sunder Lal'), 'fuzzy');
});

test('Urdu a/e spellings of one word pair up inside a longer name', () => {
  assert.equal(level('Anwar Ahmed Sk', 'Anwar Ahmad Sk'), 'fuzzy');
  assert.equal(level('Mehmood Khan', 'Mahmood Khan'), 'fuzzy');
  assert.equal(level('Anwar Ahmed', 'Anwar Hamid'), 'disagree');
});

test('siblings, spouses and twins with a shared surname disagree', () => {
  assert.equal(level('Rani Devi', 'Sita Devi'), 'disagree');
  assert.equal(level('Rahul Sharma', 'Rohit Sharma'), 'disagree');
  assert.equal(level('Gurpreet Kaur', 'Harpreet Kaur'), 'disagree');
  assert.equal(level('Md. Irfan Ansari', 'Md. Imran Ansari'), 'disagree');
});

test('gender words (Devi, Kumari, Begum, Kaur) may be missing or differ', () => {
  assert.equal(level('Sunita Devi', 'Sunita Kumari'), 'subset');
  assert.equal(level('Sunita', 'Sunita Devi'), 'subset');
  // Singh and Kumar are family names as well: different ones are a disagreement.
  assert.equal(level('Laxmi Singh', 'Laxmi Dubey'), 'disagree');
});

test('compound names split or joined are the same name', () => {
  assert.equal(level('Jai Dayal', 'Jaidayal'), 'folded');
  assert.equal(level('Kapil Dev', 'Kapildev'), 'folded');
});

test('missing names are missing, not a disagreement', () => {
  assert.equal(compareNames(null, parseName('Ram')), 'missing');
  assert.equal(level('', 'Ram'), 'missing');
  assert.equal(level('...', 'Ram'), 'missing');
});

test('relation names are split off as their own field', () => {
  const r = parseRelation('Ramesh Kumar s/o Shyam Lal r/o Vill. Kheri, aged 35');
  assert.equal(r.kind, 's/o');
  assert.equal(r.rest, 'Ramesh Kumar');
  assert.deepEqual(r.name?.display, ['shyam', 'lal']);
  assert.equal(parseRelation('Sunita Devi W/O Ramesh').kind, 'w/o');
  assert.equal(parseRelation('Pinki D/o. Suresh').kind, 'd/o');
  assert.equal(parseRelation('Ravi son of Mohan').kind, 's/o');
  assert.equal(parseRelation('Ravi S.O. Mohan').name?.display.join(' '), 'mohan');
  assert.equal(parseRelation('C/o Guru Rekha').kind, 'c/o');
  assert.equal(parseRelation('C/o Guru Rekha').rest, '');
  const hindi = parseRelation('राम पुत्र श्याम लाल');
  assert.equal(hindi.kind, 's/o');
  assert.equal(compareNames(hindi.name, parseName('Shyam Lal')), 'folded');
  assert.equal(parseRelation('S/o Late Ram Lal').name?.late, true);
  // A relation-name column often holds the name alone: all of it is the relation name.
  const none = parseRelation('Ramesh Soni');
  assert.equal(none.kind, null);
  assert.deepEqual(none.name?.display, ['ramesh', 'soni']);
  assert.equal(none.rest, '');
  assert.equal(parseRelation('Robin Sodhi').kind, null);
  assert.equal(parseRelation('').name, null);
});

test('aliases after @ or alias are kept apart from the name', () => {
  const p = parseName('Ramesh Yadav @ Pappu');
  assert.deepEqual(p.display, ['ramesh', 'yadav']);
  assert.deepEqual(p.aliases, ['Pappu']);
  assert.deepEqual(parseName('Salim urf Bablu').aliases, ['Bablu']);
});

test('blocking keys and term frequencies: common words are weak evidence', () => {
  const names = ['Rajesh Kumar', 'Suresh Kumar', 'Ramesh Kumar', 'Xalxo Tigga'].map(parseName);
  const freq = nameTokenFrequencies(names);
  assert.equal(freq.get(foldToken('Kumar')), 0.75);
  assert.equal(freq.get(foldToken('Xalxo')), 0.25);
  assert.equal(rarestSharedFrequency(names[0]!, parseName('Rajesh Kumar'), freq), 0.25);
  assert.equal(rarestSharedFrequency(names[0]!, names[1]!, freq), 0.75);
  const keys = nameBlockingKeys(parseName('Laxmi Devi'));
  assert.ok(keys.includes(foldToken('Lakshmi')));
  assert.ok(!keys.includes(foldToken('Devi')), 'gender words give no blocking key');
  assert.ok(nameBlockingKeys(parseName('Devi')).length > 0);
});

const nameLike = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc
    .array(
      fc.constantFrom(
        'Smt.',
        'Shri',
        'R.',
        'K',
        'Md.',
        'Mohammed',
        'Irfan',
        'Laxmi',
        'Lakshmi',
        'Devi',
        'Kumari',
        'Sunita',
        'Rajesh',
        'Kumar',
        'Late',
        'लक्ष्मी',
        'देवी',
        '@',
        's/o',
        'Ram',
        ',',
      ),
      { maxLength: 7 },
    )
    .map((words) => words.join(' ')),
);

test('property: parseName never throws, compareNames is symmetric, a name equals itself', () => {
  fc.assert(
    fc.property(nameLike, nameLike, (x, y) => {
      const a = parseName(x);
      const b = parseName(y);
      assert.equal(compareNames(a, b), compareNames(b, a), `${x} / ${y}`);
      const self = compareNames(a, parseName(x));
      assert.equal(self, a.tokens.length + a.initials.length === 0 ? 'missing' : 'exact');
      parseRelation(x);
    }),
    { numRuns: 2000 },
  );
});
