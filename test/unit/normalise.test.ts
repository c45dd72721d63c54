import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  accountNumberOf,
  asciiDigits,
  emailMailboxKey,
  InvalidIdentifierError,
  looksLikeAadhaar,
  maskAadhaar,
  normaliseForField,
  normaliseIdentifier,
  normalisePhone,
  verhoeffValid,
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
  assert.equal(normaliseIdentifier('vehicle', 'MH12AB1234'), 'MH12AB1234');
  assert.equal(normaliseIdentifier('social_handle', '@Some_Handle'), 'some_handle');
});

test('Aadhaar is never kept in full', () => {
  assert.throws(() => normaliseIdentifier('aadhaar_masked', '2345 6789 0123'), InvalidIdentifierError);
  assert.equal(normaliseIdentifier('aadhaar_masked', 'XXXX-XXXX-0123'), 'XXXXXXXX0123');
  assert.throws(() => normaliseIdentifier('aadhaar_masked', 'XXXX'), InvalidIdentifierError);
});

const refuses = (kind: Parameters<typeof normaliseIdentifier>[0], value: string, message: RegExp) =>
  assert.throws(
    () => normaliseIdentifier(kind, value),
    (err: Error) => err instanceof InvalidIdentifierError && message.test(err.message),
    `${kind} ${value}`,
  );

test('landlines need their STD code; impossible numbers are refused with the reason', () => {
  assert.equal(normalisePhone('(022) 2345 6789'), '+912223456789');
  assert.equal(normalisePhone('011-23456789'), '+911123456789');
  assert.equal(normalisePhone('+91 124 234 5678'), '+911242345678');
  assert.equal(normalisePhone('०९८७६५ ४३२१०'), '+919876543210', 'Devanagari digits');
  assert.equal(normalisePhone('+977 980-1234567'), '+9779801234567', 'Nepal');
  assert.equal(normalisePhone('00880 1712 345678'), '+8801712345678', 'Bangladesh, 00 prefix');
  refuses('phone', '2223456789', /STD code and 0/);
  refuses('phone', '98765', /has 5 digits/);
  refuses('phone', '98765 432101', /has 11 digits/);
  refuses('phone', '+91 1111 111111', /not a valid Indian number/);
  refuses('phone', '0 10 00000000', /not a valid Indian number/);
  refuses('phone', 'call me', /only digits/);
  refuses('phone', '+44 1', /not a/);
});

test('emails are lower-cased and trimmed, but Gmail dots and tags are kept', () => {
  assert.equal(normaliseIdentifier('email', ' Ravi.Kumar+ads@GMail.com '), 'ravi.kumar+ads@gmail.com');
  assert.equal(normaliseIdentifier('email', 'mailto:a.b@Example.co.in'), 'a.b@example.co.in');
  assert.equal(emailMailboxKey('ravi.kumar+ads@googlemail.com'), 'ravikumar@gmail.com');
  assert.equal(emailMailboxKey('ravi.kumar+ads@example.com'), 'ravi.kumar+ads@example.com');
  refuses('email', 'ravi@localhost', /not a valid email domain/);
  refuses('email', 'ravi kumar@gmail.com', /no spaces/);
  refuses('email', '@gmail.com', /name@domain/);
  refuses('email', 'ravi..k@gmail.com', /not a valid name/);
});

test('UPI ids are handle@provider; an email address is not one', () => {
  assert.equal(normaliseIdentifier('upi', '98765 43210@YBL'), '9876543210@ybl');
  refuses('upi', 'ravi@gmail.com', /looks like an email address/);
  refuses('upi', 'ravi', /handle@provider/);
});

test('bank accounts keep the bank code of their IFSC; a bare Aadhaar-shaped number is refused', () => {
  assert.equal(
    normaliseIdentifier('bank_account', 'A/c 5010 0012 3456 78, IFSC HDFC0001234'),
    '50100012345678@HDFC',
  );
  assert.equal(normaliseIdentifier('bank_account', '50100012345678@HDFC'), '50100012345678@HDFC');
  assert.equal(normaliseIdentifier('bank_account', '3-1234567890'), '31234567890');
  assert.equal(accountNumberOf('50100012345678@HDFC'), '50100012345678');
  assert.ok(looksLikeAadhaar('234567890124'));
  refuses('bank_account', '234567890124', /looks like an Aadhaar number/);
  assert.equal(normaliseIdentifier('bank_account', '234567890124 ICIC0000001'), '234567890124@ICIC');
  refuses('bank_account', '12345678', /9 to 18/);
  refuses('bank_account', 'ABC123456789', /only digits/);
});

test('vehicles: state series and Bharat series in one compact form; unknown states refused', () => {
  assert.equal(normaliseIdentifier('vehicle', 'dl 3c ab 1234'), 'DL03CAB1234');
  assert.equal(normaliseIdentifier('vehicle', 'DL3CAB1234'), 'DL03CAB1234');
  assert.equal(normaliseIdentifier('vehicle', 'MH-12-AB-123'), 'MH12AB0123');
  assert.equal(normaliseIdentifier('vehicle', 'ka 1 m 77'), 'KA01M0077');
  assert.equal(normaliseIdentifier('vehicle', '22 BH 1234 AA'), '22BH1234AA');
  refuses('vehicle', 'XX 12 AB 1234', /XX is not a state/);
  refuses('vehicle', '19 BH 1234 AA', /21 or later/);
  refuses('vehicle', '22 BH 1234 IO', /never include I or O/);
  refuses('vehicle', 'MH 00 AB 1234', /cannot be 0/);
  refuses('vehicle', 'hello', /like MH 12 AB 1234/);
});

test('URLs and domains: scheme, www, tracking and trailing slash dropped; the path keeps its case', () => {
  assert.equal(
    normaliseIdentifier('url', 'HTTPS://www.Ads.example/Post/1/?utm_source=wa&b=2&a=1&fbclid=x#top'),
    'ads.example/Post/1?a=1&b=2',
  );
  assert.equal(normaliseIdentifier('url', 'fileshare.example/f/AbC'), 'fileshare.example/f/AbC');
  assert.equal(normaliseIdentifier('url', 'http://[2001:DB8::1]:8080/x'), '[2001:db8::1]:8080/x');
  assert.equal(normaliseIdentifier('domain', 'https://WWW.Example.co.in/x?y=1'), 'example.co.in');
  assert.equal(normaliseIdentifier('domain', 'बाज़ार.भारत'), 'xn--81b5an1cic.xn--h2brj9c');
  refuses('domain', 'localhost', /not a valid domain/);
  refuses('url', 'javascript://alert(1)', /only http/);
  refuses('url', 'two words', /no spaces/);
});

test('social handles: platform prefixes and profile links give platform:handle', () => {
  assert.equal(normaliseIdentifier('social_handle', 'IG: @Some.Handle'), 'instagram:some.handle');
  assert.equal(normaliseIdentifier('social_handle', 'twitter:@Some_One'), 'x:some_one');
  assert.equal(normaliseIdentifier('social_handle', 'https://t.me/SomeChannel'), 'telegram:somechannel');
  assert.equal(normaliseIdentifier('social_handle', 'instagram.com/priya_99/'), 'instagram:priya_99');
  refuses('social_handle', 'myspace:foo', /not a known platform/);
  refuses('social_handle', 'x:much_too_long_for_x', /not a valid x handle/);
  refuses('social_handle', 'two words', /without spaces/);
});

test('IP addresses in canonical form; PIN codes are six digits not starting with 0', () => {
  assert.equal(normaliseIdentifier('ip', '192.168.001.010'), '192.168.1.10');
  assert.equal(normaliseIdentifier('ip', '2001:0DB8:0000::0001'), '2001:db8::1');
  assert.equal(normaliseIdentifier('ip', '::ffff:192.0.2.1'), '192.0.2.1');
  assert.equal(normaliseIdentifier('ip', 'fe80::1%eth0'), 'fe80::1');
  refuses('ip', '999.1.1.1', /not an IPv4 or IPv6/);
  assert.equal(normaliseIdentifier('pincode', '400 001'), '400001');
  assert.equal(normaliseIdentifier('pincode', '४००००१'), '400001');
  refuses('pincode', '012345', /does not start with 0/);
  refuses('pincode', '40001', /six digits/);
});

test('Aadhaar: only the last four digits, never more; the Verhoeff check digit is recognised', () => {
  assert.equal(maskAadhaar('xxxx-xxxx-0123'), 'XXXXXXXX0123');
  assert.equal(maskAadhaar('********0123'), 'XXXXXXXX0123');
  refuses('aadhaar_masked', 'XXXX 6789 0123', /only the last four/);
  refuses('aadhaar_masked', '२३४५ ६७८९ ०१२४', /full Aadhaar/);
  refuses('aadhaar_masked', '1234 5678 9012 3456', /full Aadhaar/);
  assert.ok(verhoeffValid('2363'), 'the textbook example 236 with check digit 3');
  assert.ok(!verhoeffValid('2364'));
  assert.ok(!looksLikeAadhaar('123456789012'), 'Aadhaar never starts with 0 or 1');
});

test('a refusal names the request field', () => {
  assert.throws(
    () => normaliseForField('vehicle', 'XX 12 AB 1234', 'identifiers[0].value'),
    (err: Error & { code?: string }) =>
      err.code === 'validation_failed' && err.message.startsWith('identifiers[0].value: XX is not a state'),
  );
});

test('Indic digits of every supported script become ASCII, offsets unchanged', () => {
  const samples = ['९८७', '৯৮৭', '੯੮੭', '૯૮૭', '୯୮୭', '௯௮௭', '౯౮౭', '೯೮೭', '൯൮൭', '٩٨٧', '۹۸۷', '᱙᱘᱗'];
  for (const s of samples) assert.equal(asciiDigits(s), '987', s);
});
