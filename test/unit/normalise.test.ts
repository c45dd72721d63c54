import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  InvalidIdentifierError,
  normaliseIdentifier,
  normalisePhone,
} from '../../src/modules/identifiers/normalise.ts';

test('Indian mobile numbers in any common spelling become one E.164 value', () => {
  for (const v of [
    '+91 98765 43210',
    '098765-43210',
    '9876543210',
    '91 9876543210',
    '(+91) 98765.43210',
    '+91-98765-43210',
  ]) {
    assert.equal(normalisePhone(v), '+919876543210', v);
  }
  assert.equal(
    normalisePhone('+44 20 7946 0018'),
    '+442079460018',
    'foreign numbers keep their country code',
  );
});

test('property: formatting noise never changes a normalised mobile', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 6, max: 9 }),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
      fc.constantFrom('', '+91', '0', '91', '+91 '),
      fc.array(fc.constantFrom(' ', '-', '.'), { minLength: 0, maxLength: 3 }),
      (first, rest, prefix, seps) => {
        const digits = `${first}${rest.join('')}`;
        const noisy = prefix + digits.slice(0, 5) + (seps[0] ?? '') + digits.slice(5);
        return normalisePhone(noisy) === `+91${digits}`;
      },
    ),
  );
});

test('other kinds fold case, spacing and decoration', () => {
  assert.equal(normaliseIdentifier('upi', ' Ravi.K@OkAxis '), 'ravi.k@okaxis');
  assert.equal(normaliseIdentifier('vehicle', 'mh 12-ab 1234'), 'MH12AB1234');
  assert.equal(normaliseIdentifier('url', 'HTTPS://www.Ads.example/post/1/'), 'ads.example/post/1');
  assert.equal(normaliseIdentifier('social_handle', '@Some_Handle'), 'some_handle');
});

test('Aadhaar is never kept in full', () => {
  assert.throws(() => normaliseIdentifier('aadhaar_masked', '2345 6789 0123'), InvalidIdentifierError);
  assert.equal(normaliseIdentifier('aadhaar_masked', 'XXXX-XXXX-0123'), 'XXXXXXXX0123');
  assert.throws(() => normaliseIdentifier('aadhaar_masked', 'XXXX'), InvalidIdentifierError);
});
