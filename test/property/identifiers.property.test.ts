import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { IdentifierKind } from '../../src/db/schema.ts';
import { extractIdentifiers, isNumberWord } from '../../src/modules/identifiers/extract.ts';
import {
  InvalidIdentifierError,
  looksLikeAadhaar,
  normaliseIdentifier,
  verhoeffValid,
} from '../../src/modules/identifiers/normalise.ts';

/** Property tests of the identifier normalisers and the free-text extractor (fast-check). */

const digit = fc.integer({ min: 0, max: 9 });
const mobile = fc
  .tuple(fc.integer({ min: 6, max: 9 }), fc.array(digit, { minLength: 9, maxLength: 9 }))
  .map(([first, rest]) => `${first}${rest.join('')}`);

const english = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const hindi = ['shunya', 'ek', 'do', 'teen', 'char', 'paanch', 'chhe', 'saat', 'aath', 'nau'];
const devanagariWords = ['शून्य', 'एक', 'दो', 'तीन', 'चार', 'पांच', 'छह', 'सात', 'आठ', 'नौ'];
const devanagariDigits = '०१२३४५६७८९';

/** Ways of writing a ten-digit mobile that the extractor must read. */
const writings: Record<string, (d: string) => string> = {
  plain: (d) => d,
  split: (d) => `${d.slice(0, 5)} ${d.slice(5)}`,
  dashes: (d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  dots: (d) => `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}.${d.slice(6, 8)}.${d.slice(8)}`,
  plus91: (d) => `+91 ${d.slice(0, 5)} ${d.slice(5)}`,
  brackets: (d) => `(+91) ${d.slice(0, 5)}-${d.slice(5)}`,
  trunk: (d) => `0${d}`,
  english: (d) => [...d].map((c) => english[Number(c)]).join(' '),
  hindi: (d) => [...d].map((c) => hindi[Number(c)]).join(' '),
  devanagariWords: (d) => [...d].map((c) => devanagariWords[Number(c)]).join(' '),
  devanagariDigits: (d) => [...d].map((c) => devanagariDigits[Number(c)]).join(''),
  mixed: (d) =>
    `${d.slice(0, 5)} ${[...d.slice(5, 7)].map((c) => english[Number(c)]).join(' ')} ${d.slice(7)}`,
  doubled: (d) => {
    const parts: string[] = [];
    for (let i = 0; i < d.length; i++) {
      const c = d[i] ?? '';
      if (d[i + 1] === c) {
        parts.push(`double ${english[Number(c)]}`);
        i++;
      } else parts.push(c);
    }
    return parts.join(' ');
  },
};

/** Words around the phone: letters only, never a number word or a word that makes the number something else. */
const notIdentifierWords = new Set([
  'rs',
  'inr',
  'hrs',
  'yrs',
  'ncr',
  'fir',
  'cr',
  'gd',
  'dd',
  'cc',
  'sc',
  'pin',
]);
const fillerWord = fc
  .oneof(
    fc.constantFrom(
      'accused',
      'called',
      'the',
      'victim',
      'from',
      'number',
      'mobile',
      'पर',
      'फोन',
      'कॉल',
      'kiya',
    ),
    fc.stringMatching(/^[a-z]{1,10}$/),
  )
  .filter(
    (w) => !isNumberWord(w) && !notIdentifierWords.has(w) && !/^(?:x|oh|at|dot|triple|double)$/.test(w),
  );
const filler = fc.array(fillerWord, { maxLength: 8 }).map((ws) => ws.join(' '));
const punctuation = fc.constantFrom(' ', ', ', ': ', ' - ', '; ', '\n');

test('property: a mobile embedded in random text, written any supported way, is found', () => {
  fc.assert(
    fc.property(
      mobile,
      fc.constantFrom(...Object.keys(writings)),
      filler,
      punctuation,
      filler,
      punctuation,
      (d, how, before, sep1, after, sep2) => {
        const written = writings[how]?.(d) ?? d;
        const text = `${before}${before ? sep1 : ''}${written}${after ? sep2 : ''}${after}`;
        const phones = extractIdentifiers(text).filter((f) => f.kind === 'phone');
        assert.deepEqual(
          phones.map((p) => p.normalised),
          [`+91${d}`],
          JSON.stringify(text),
        );
      },
    ),
    { numRuns: 2000 },
  );
});

test('property: the extractor never throws, and its spans and values are consistent', () => {
  const soup = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '@',
            '[at]',
            ' dot ',
            '.',
            '-',
            '+91',
            '98765',
            '43210',
            'MH 12',
            'AB',
            '1234',
            'nine',
            'double',
            '२३४५',
            'http://',
            'www.',
            '::',
            'a/c',
            'IFSC',
            'HDFC0001234',
            ' ',
            '/',
            'Rs',
            'FIR No.',
          ),
          fc.stringMatching(/^[a-z0-9]{1,6}$/),
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join('')),
  );
  fc.assert(
    fc.property(soup, (text) => {
      const items = extractIdentifiers(text);
      let last = 0;
      for (const f of items) {
        assert.ok(f.start >= last && f.end > f.start && f.end <= text.length, JSON.stringify(text));
        last = f.end;
        assert.equal(normaliseIdentifier(f.kind, f.value), f.normalised, JSON.stringify(f));
      }
    }),
    { numRuns: 3000 },
  );
});

/** Twelve digits, the first 2–9, with the Verhoeff check digit appended: an Aadhaar number. */
const aadhaar = fc
  .tuple(fc.integer({ min: 2, max: 9 }), fc.array(digit, { minLength: 10, maxLength: 10 }))
  .map(([first, rest]) => {
    const body = `${first}${rest.join('')}`;
    for (let c = 0; c <= 9; c++) if (verhoeffValid(body + c)) return body + c;
    throw new Error('no Verhoeff check digit');
  });

test('property: an Aadhaar number in text never comes out in full', () => {
  const aadhaarWritings = [
    (a: string) => a,
    (a: string) => `${a.slice(0, 4)} ${a.slice(4, 8)} ${a.slice(8)}`,
    (a: string) => `${a.slice(0, 4)}-${a.slice(4, 8)}-${a.slice(8)}`,
    (a: string) => [...a].map((c) => devanagariDigits[Number(c)]).join(''),
    (a: string) => [...a].map((c) => english[Number(c)]).join(' '),
  ];
  fc.assert(
    fc.property(
      aadhaar,
      fc.integer({ min: 0, max: aadhaarWritings.length - 1 }),
      fc.constantFrom('Aadhaar', 'A/c', 'bank account', 'phone', 'mobile', 'UID', 'no.', ''),
      filler,
      (a, how, label, after) => {
        assert.ok(looksLikeAadhaar(a));
        const text = `${label} ${aadhaarWritings[how]?.(a)} ${after}`;
        const out = JSON.stringify(extractIdentifiers(text));
        assert.ok(!out.includes(a), `${text} → ${out}`);
      },
    ),
    { numRuns: 2000 },
  );
  // And the normaliser refuses it whatever the kind says, except where it cannot be one (with a bank's IFSC).
  fc.assert(
    fc.property(aadhaar, (a) => {
      for (const kind of ['aadhaar_masked', 'bank_account'] as const) {
        assert.throws(() => normaliseIdentifier(kind, a), InvalidIdentifierError);
      }
    }),
  );
});

/** Values of each kind, in the shapes records write them. */
const samples: Record<Exclude<IdentifierKind, 'address'>, fc.Arbitrary<string>> = {
  phone: fc.tuple(mobile, fc.constantFrom(...Object.values(writings).slice(0, 7))).map(([d, w]) => w(d)),
  email: fc
    .tuple(
      fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,15}[A-Za-z0-9]$/),
      fc.constantFrom('Gmail.com', 'mail.example', 'x.co.in'),
    )
    .filter(([l]) => !l.includes('..'))
    .map(([l, d]) => ` ${l}@${d} `),
  upi: fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9._-]{2,20}$/), fc.constantFrom('okaxis', 'YBL', 'paytm'))
    .map(([h, p]) => `${h}@${p}`),
  bank_account: fc
    .tuple(fc.stringMatching(/^[1-9]\d{10,15}$/), fc.constantFrom('', ' IFSC SBIN0001234', '@HDFC'))
    .map(([a, i]) => a + i)
    // Twelve bare digits with a valid Aadhaar check digit are refused (tested above).
    .filter((v) => !looksLikeAadhaar(v)),
  vehicle: fc
    .tuple(
      fc.constantFrom('MH', 'dl', 'KA', 'up', 'TS'),
      fc.integer({ min: 1, max: 99 }),
      fc.stringMatching(/^[A-HJ-NP-Z]{1,3}$/),
      fc.integer({ min: 1, max: 9999 }),
      fc.constantFrom(' ', '-', ''),
    )
    .map(([s, r, l, n, sep]) => [s, r, l, n].join(sep)),
  social_handle: fc
    .tuple(fc.constantFrom('', 'ig:', 'Telegram: ', 'twitter:'), fc.stringMatching(/^@?[A-Za-z0-9_]{5,15}$/))
    .map(([p, h]) => p + h),
  url: fc
    .tuple(
      fc.constantFrom('', 'http://', 'HTTPS://www.'),
      fc.constantFrom('Ads.example', 'fileshare.example'),
      fc.stringMatching(/^(\/[A-Za-z0-9_-]{1,8}){0,3}\/?$/),
      fc.constantFrom('', '?utm_source=wa', '?b=2&a=1', '#x'),
    )
    .map((p) => p.join('')),
  domain: fc.constantFrom('Example.com', 'https://www.ads.example/x', 'sub.domain.co.in'),
  ip: fc.oneof(fc.ipV4(), fc.ipV6()),
  pincode: fc.stringMatching(/^[1-9]\d{2} ?\d{3}$/),
  aadhaar_masked: fc.stringMatching(/^[Xx*]{4}[ -]?[Xx*]{4}[ -]?\d{4}$/),
};

test('property: normalising is idempotent for every kind', () => {
  for (const [kind, arb] of Object.entries(samples) as [IdentifierKind, fc.Arbitrary<string>][]) {
    fc.assert(
      fc.property(arb, (v) => {
        const once = normaliseIdentifier(kind, v);
        assert.equal(normaliseIdentifier(kind, once), once, `${kind} ${v}`);
      }),
      { numRuns: 300 },
    );
  }
});

test('property: normalising arbitrary text either gives a value or refuses it, never crashes', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...(Object.keys(samples) as IdentifierKind[])),
      fc.string({ maxLength: 80 }),
      (kind, v) => {
        try {
          const once = normaliseIdentifier(kind, v);
          assert.equal(normaliseIdentifier(kind, once), once);
        } catch (err) {
          assert.ok(err instanceof InvalidIdentifierError, `${kind} ${JSON.stringify(v)}: ${err}`);
        }
      },
    ),
    { numRuns: 3000 },
  );
});
