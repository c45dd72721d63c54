import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractIdentifiers } from '../../src/modules/identifiers/extract.ts';

/** `kind normalised` of everything found, in order. */
const found = (text: string) => extractIdentifiers(text).map((f) => `${f.kind} ${f.normalised}`);

test('phones written with spaces, dashes, dots, brackets and prefixes', () => {
  assert.deepEqual(found('Mob: 98765-43210, alt (+91) 98765.43211 or 0 98765 43212 / 91 98765 43213'), [
    'phone +919876543210',
    'phone +919876543211',
    'phone +919876543212',
    'phone +919876543213',
  ]);
  assert.deepEqual(found('landline (022) 2345 6789, Delhi 011-23456789'), [
    'phone +912223456789',
    'phone +911123456789',
  ]);
  assert.deepEqual(found('called from Nepal +977 980-1234567'), ['phone +9779801234567']);
});

test('phones in Indic digits and number words, English and Hindi', () => {
  assert.deepEqual(found('मोबाइल नंबर ९८७६५ ४३२१० पर'), ['phone +919876543210']);
  assert.deepEqual(found('ফোন ৯৮৭৬৫৪৩২১০'), ['phone +919876543210']);
  assert.deepEqual(found('nine eight seven six five four three two one zero'), ['phone +919876543210']);
  assert.deepEqual(found('Nine-Eight-Seven-Six-Five-Double-Four-Three-Two-One'), ['phone +919876544321']);
  assert.deepEqual(found('98765 four three 210'), ['phone +919876543210']);
  assert.deepEqual(found('nau aath saat chhe paanch char teen do ek shunya'), ['phone +919876543210']);
  assert.deepEqual(found('नौ आठ सात छह पांच चार तीन दो एक शून्य'), ['phone +919876543210']);
  assert.deepEqual(found('9 8 7 triple six 5 4 3 2'), ['phone +919876665432']);
});

test('the span is what was written; the value is plain', () => {
  const text = 'call 98765 four three 210 now';
  const [phone] = extractIdentifiers(text);
  assert.ok(phone);
  assert.equal(text.slice(phone.start, phone.end), '98765 four three 210');
  assert.equal(phone.value, '9876543210');
});

test('no phones made of dates, times, FIR numbers, amounts, sections, ages, PIN codes or IMEIs', () => {
  const text =
    'FIR No. 0123/2024 dated 12.03.2024 at 10.30 hrs u/s 370, 372 IPC r/w 5, 6 ITPA and sec 17 POCSO; ' +
    'Cr. No. 45 of 2023; GD No 1234567; Rs. 1,50,000/- and 25,000 rupees and 98,76,543 lakh seized; ' +
    'victim aged 15 years, 14 yrs; IMEI 356938035643809; on 12/03/2024 and 2024-03-12; 12 March 2024; ' +
    '20 children rescued in 2023 from 3 hotels; Mumbai 400001 and Pune 411001 ; case 9876/2024';
  assert.deepEqual(
    found(text).filter((f) => !f.startsWith('pincode')),
    [],
  );
});

test('an age word after a phone written in groups does not eat its last group', () => {
  // Found by the property test (seed 300785355): "78 yo" was masked as an age, splitting the phone.
  assert.deepEqual(found('60.00.00.00.00 yo'), ['phone +916000000000']);
  assert.deepEqual(found('contact 98 12 34 56 78 yrs'), ['phone +919812345678']);
  assert.deepEqual(found('98-12-34-56-78 years'), ['phone +919812345678']);
  // An age alone is still not part of a phone.
  assert.deepEqual(found('Ramesh 9812345678 35 yrs'), ['phone +919812345678']);
});

test('a date next to a phone does not swallow it', () => {
  assert.deepEqual(found('on 12-03-2024 9876543210 called'), ['phone +919876543210']);
  assert.deepEqual(found('at 10.30 98765 43210'), ['phone +919876543210']);
  assert.deepEqual(found('Rs 5000 9876543210'), ['phone +919876543210']);
});

test('ten digits that are not a mobile, and digits glued to letters, are not phones', () => {
  assert.deepEqual(found('ref 1234567890 and 5876543210'), []);
  assert.deepEqual(found('user ravi9876543210'), []);
});

test('emails and UPI ids, plain and obfuscated', () => {
  assert.deepEqual(found('mail Ravi.Kumar@Gmail.com or priya [at] yahoo [dot] co [dot] in'), [
    'email ravi.kumar@gmail.com',
    'email priya@yahoo.co.in',
  ]);
  assert.deepEqual(found('ravi dot kumar at gmail dot com'), ['email ravi.kumar@gmail.com']);
  assert.deepEqual(found('sunita(at)rediffmail(dot)com'), ['email sunita@rediffmail.com']);
  assert.deepEqual(found('pay 9876543210@ybl or priya.k@okaxis or raju at paytm'), [
    'upi 9876543210@ybl',
    'upi priya.k@okaxis',
    'upi raju@paytm',
  ]);
  assert.deepEqual(found('he was found at home and met us at noon'), []);
  assert.deepEqual(found('met him at ravi@gmail.com'), ['email ravi@gmail.com']);
});

test('bank accounts with their IFSC, vehicles, IPs, URLs, domains, handles, PIN codes', () => {
  assert.deepEqual(found('A/c No. 50100012345678, IFSC HDFC0001234'), ['bank_account 50100012345678@HDFC']);
  assert.deepEqual(found('account 3 1234 567890'), ['bank_account 31234567890']);
  assert.deepEqual(found('car MH 12 AB 1234, bike dl-3c-ab-1234 no, van mh12ab1234, 22 BH 1234 AA'), [
    'vehicle MH12AB1234',
    'vehicle MH12AB1234',
    'vehicle 22BH1234AA',
  ]);
  assert.deepEqual(found('IP 192.0.2.15 and 2001:DB8::1, time 10:30:45'), [
    'ip 192.0.2.15',
    'ip 2001:db8::1',
  ]);
  assert.deepEqual(found('ad at https://www.Locanto.example/Ad/12?utm_source=wa. See cityescorts.example'), [
    'url locanto.example/Ad/12',
    'domain cityescorts.example',
  ]);
  assert.deepEqual(found('site escorts dot com'), ['domain escorts.com']);
  assert.deepEqual(found('insta id: Priya_99, Telegram - @deals4u, t.me/hotdeals and @raju.k'), [
    'social_handle instagram:priya_99',
    'social_handle telegram:deals4u',
    'social_handle telegram:hotdeals',
    'social_handle raju.k',
  ]);
  assert.deepEqual(found('Room 4, Kamathipura, Mumbai - 400008.'), ['pincode 400008']);
  assert.deepEqual(found('PIN code: 110 001'), ['pincode 110001']);
});

test('lower-case prose is not a vehicle number', () => {
  assert.deepEqual(found('as 1 of 3 and up 12 ab 1234'), []);
});

test('Aadhaar numbers come out masked, never in full', () => {
  const text = 'Aadhaar 2345 6789 0124, another 234567890124, her card XXXX XXXX 4321, UID 9999 8888 7777';
  const items = extractIdentifiers(text);
  assert.deepEqual(
    items.map((f) => `${f.kind} ${f.value}`),
    [
      'aadhaar_masked XXXXXXXX0124',
      'aadhaar_masked XXXXXXXX0124',
      'aadhaar_masked XXXXXXXX4321',
      'aadhaar_masked XXXXXXXX7777',
    ],
  );
  for (const f of items) assert.doesNotMatch(JSON.stringify(f), /\d{5}/);
  assert.deepEqual(found('A/c 234567890124'), ['aadhaar_masked XXXXXXXX0124'], 'an Aadhaar-shaped account');
});

test('results do not overlap and are in order', () => {
  const items = extractIdentifiers('9876543210@ybl 9876543210 MH12AB1234 https://a.example/9876543210');
  assert.deepEqual(
    items.map((f) => f.kind),
    ['upi', 'phone', 'vehicle', 'url'],
  );
  for (let i = 1; i < items.length; i++) assert.ok((items[i]?.start ?? 0) >= (items[i - 1]?.end ?? 0));
});
