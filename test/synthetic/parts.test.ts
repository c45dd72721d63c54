import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatPhone,
  IdentifierFactory,
  indianMobileDigits,
} from '../../src/modules/synthetic/identifiers.ts';
import {
  birthDateForAge,
  fullYears,
  isoDate,
  istIso,
  newIdentity,
  renderName,
  spellingVariants,
} from '../../src/modules/synthetic/people.ts';
import { deriveSeed, Permutation, Rng } from '../../src/modules/synthetic/random.ts';

describe('synthetic parts: randomness', () => {
  it('repeats a stream for the same seed and differs for another', () => {
    const take = (r: Rng) => Array.from({ length: 8 }, () => r.nextUint32());
    assert.deepEqual(take(new Rng(1)), take(new Rng(1)));
    assert.notDeepEqual(take(new Rng(1)), take(new Rng(2)));
    assert.notEqual(deriveSeed(7, 'case', 1), deriveSeed(7, 'case', 2));
    assert.notEqual(deriveSeed(7, 'case', 1), deriveSeed(8, 'case', 1));
  });

  it('draws integers inside the bounds and roughly uniformly', () => {
    const r = new Rng(99);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) {
      const v = r.int(0, 5);
      assert.ok(v >= 0 && v <= 5);
      counts[v] = (counts[v] ?? 0) + 1;
    }
    for (const c of counts) assert.ok(c > 9_000 && c < 11_000, String(counts));
  });

  it('permutes without collisions (that is what keeps unplanted identifiers unique)', () => {
    const p = new Permutation(100_000, 5);
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(p.apply(i));
    assert.equal(seen.size, 100_000);
    assert.throws(() => p.apply(100_000), RangeError);
  });
});

describe('synthetic parts: identifiers', () => {
  it('formats phones many ways that all normalise back to the same 10 digits', () => {
    const r = new Rng(3);
    const ids = new IdentifierFactory(3, 10_000);
    for (let i = 0; i < 2000; i++) {
      const phone = ids.phone(i);
      assert.match(phone, /^[6-9]\d{9}$/);
      const written = formatPhone(r, phone);
      assert.equal(indianMobileDigits(written), phone, written);
      assert.doesNotMatch(written, /\b\d{12}\b/);
    }
    assert.equal(indianMobileDigits('12345'), null);
    assert.equal(indianMobileDigits('5812345678'), null);
  });

  it('never makes a 12-digit bank account and keeps vehicles unique', () => {
    const r = new Rng(4);
    const ids = new IdentifierFactory(4, 100_000);
    const vehicles = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      assert.notEqual(ids.bankAccount(r, i).length, 12);
      vehicles.add(ids.vehicle(r, i, ['MH']).replace(/[\s-]/g, ''));
    }
    assert.equal(vehicles.size, 20_000);
  });
});

describe('synthetic parts: people and dates', () => {
  it('formats dates and IST times like the Date API does', () => {
    for (let ms = Date.parse('1990-01-01'); ms < Date.parse('2030-01-01'); ms += 9_876_543_21) {
      assert.equal(isoDate(ms), new Date(ms).toISOString().slice(0, 10));
      assert.equal(istIso(ms), `${new Date(ms + 19_800_000).toISOString().slice(0, 19)}+05:30`);
    }
  });

  it('makes birth dates that give exactly the requested age', () => {
    const r = new Rng(8);
    for (let age = 0; age < 80; age++) {
      for (const on of ['2024-02-29', '2021-01-01', '2026-11-24']) {
        assert.equal(fullYears(birthDateForAge(r, age, on), on), age, `${age} on ${on}`);
      }
    }
  });

  it('knows transliteration variants from the CMU pairs and the hand-made groups', () => {
    assert.ok(spellingVariants('Laxmi').includes('Lakshmi'));
    assert.ok(spellingVariants('Mohammed').includes('Md.'));
    assert.ok(spellingVariants('Shaikh').includes('Sk'));
    assert.ok(spellingVariants('Srinivas').includes('Shrinivas'));
    assert.ok(!spellingVariants('Laxmi').includes('Laxmi'));
  });

  it('writes one identity in recognisably different ways', () => {
    const r = new Rng(11);
    const id = newIdentity(r, {
      community: 'north_hindu',
      gender: 'male',
      given: 'Rajesh',
      surname: 'Sharma',
      birthDate: '1985-05-05',
      address: { text: 'H.No. 1, Gandhi Nagar, Lucknow', pincode: '226001', districtLgd: 162 },
    });
    assert.equal(
      renderName(r, { ...id, middle: 'Kumar', prefix: null }, 'initials', 40).replace('R.K.', 'R. K.'),
      'R. K. Sharma',
    );
    assert.match(renderName(r, id, 'surname_first', 40), /^(SHARMA|Sharma),? Rajesh/);
    assert.match(renderName(r, id, 'honorific', 40), /^(Shri|Sri|Mr\.) Rajesh/);
    assert.equal(renderName(r, id, 'upper', 40), renderName(r, id, 'plain', 40).toUpperCase());
    const girl = newIdentity(r, {
      community: 'bengali',
      gender: 'female',
      given: 'Laxmi',
      surname: 'Das',
      birthDate: '2010-05-05',
      address: { text: 'Vill. X', pincode: null, districtLgd: null },
    });
    assert.match(renderName(r, girl, 'honorific', 14), /^(Kumari|Km\.|Miss) /);
    assert.notEqual(renderName(r, girl, 'respelled', 14), 'Laxmi Das');
  });

  it('never writes Mohammed twice for a man named Mohammed, and still prefixes other Muslim men', () => {
    const r = new Rng(12);
    const spec = {
      community: 'muslim',
      gender: 'male',
      surname: 'Shaikh',
      birthDate: '1990-01-01',
      address: { text: 'Room No. 4, Kurla', pincode: null, districtLgd: null },
    } as const;
    let prefixed = 0;
    for (let i = 0; i < 200; i++) {
      const given = i % 2 === 0 ? 'Mohammed' : 'Md. Irfan';
      const named = newIdentity(r, { ...spec, given });
      assert.equal(named.prefix, null);
      assert.doesNotMatch(renderName(r, named, 'full', 30), /Mohammed (Mohammed|Md\.)/i);
      if (newIdentity(r, { ...spec, given: 'Rizwan' }).prefix === 'Mohammed') prefixed++;
    }
    assert.ok(prefixed > 20, `only ${prefixed} of 200 men named Rizwan had the Mohammed prefix`);
  });
});
