import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { KeyError, Keyring, parseMasterKeys, wrapDataKey } from '../../src/shared/envelope.ts';

const master = { id: 'm1', key: randomBytes(32) };
const dek = randomBytes(32);
const ring = new Keyring([master], [wrapDataKey(master, 'd1', dek)], 'd1');

test('round trip, any text', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'grapheme' }),
      (text) => ring.decrypt(ring.encrypt(text, 'persons:1:full_name'), 'persons:1:full_name') === text,
    ),
  );
});

test('the same text encrypts differently each time and never shows in the stored form', () => {
  const a = ring.encrypt('Sunita Kumari', 'x');
  const b = ring.encrypt('Sunita Kumari', 'x');
  assert.notEqual(a, b);
  assert.ok(!a.includes('Sunita'));
  assert.match(a, /^cg1\.d1\./);
});

test('a value moved to another record or field, or altered, does not decrypt', () => {
  const stored = ring.encrypt('Sunita Kumari', 'persons:1:full_name');
  assert.throws(() => ring.decrypt(stored, 'persons:2:full_name'), KeyError);
  const parts = stored.split('.');
  const tampered = [...parts.slice(0, 3), `${parts[3]!.slice(0, -2)}AA`].join('.');
  assert.throws(() => ring.decrypt(tampered, 'persons:1:full_name'), KeyError);
});

test('master key rotation: data keys re-wrapped under a new master key still open old values', () => {
  const stored = ring.encrypt('Rekha', 'a');
  const m2 = { id: 'm2', key: randomBytes(32) };
  const rewrapped = wrapDataKey(m2, 'd1', dek);
  const after = new Keyring([m2], [rewrapped], 'd1');
  assert.equal(after.decrypt(stored, 'a'), 'Rekha');
  assert.throws(() => new Keyring([{ id: 'm3', key: randomBytes(32) }], [rewrapped], 'd1'), /not configured/);
  assert.throws(
    () => new Keyring([{ id: 'm2', key: randomBytes(32) }], [rewrapped], 'd1'),
    KeyError,
    'a wrong master key is refused',
  );
});

test('master keys from configuration', () => {
  const k = randomBytes(32).toString('base64');
  assert.deepEqual(
    parseMasterKeys(`new:${k}, old:${k}`).map((m) => m.id),
    ['new', 'old'],
  );
  assert.throws(() => parseMasterKeys('x:abcd'), /32 bytes/);
  assert.throws(() => parseMasterKeys(`a:${k},a:${k}`), /unique/);
  assert.throws(() => parseMasterKeys(''), /no master key/);
});
