import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';

/**
 * Envelope encryption for protected fields (victims' identities, TOTP secrets).
 *
 * A value is encrypted with AES-256-GCM under a data key (DEK); each DEK is stored wrapped (AES-256-GCM) by a
 * master key from configuration. A ciphertext names its DEK, and a wrapped DEK names its master key, so both can
 * rotate: a new master key re-wraps the DEKs (no value is touched), a new DEK encrypts new values while old ones
 * stay readable.
 *
 * Stored form: `cg1.<dekId>.<iv>.<ciphertext+tag>` (base64url parts). The record's identity is bound in as
 * additional authenticated data, so a ciphertext copied onto another row or field does not decrypt.
 *
 * ```ts
 * const box = new Keyring(masterKeys, deks);
 * const stored = box.encrypt('Sunita', 'persons:<id>:full_name');
 * box.decrypt(stored, 'persons:<id>:full_name'); // 'Sunita'
 * ```
 */
export interface MasterKey {
  id: string;
  key: Buffer;
}

export interface WrappedDataKey {
  id: string;
  masterKeyId: string;
  /** `<iv>.<ciphertext+tag>` of the 32-byte DEK under the master key, base64url parts. */
  wrapped: string;
}

export class KeyError extends Error {}

const PREFIX = 'cg1';
const b64 = (b: Buffer) => b.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

function seal(key: Buffer | KeyObject, plaintext: Buffer, aad: string): { iv: Buffer; sealed: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, sealed };
}

function open(key: Buffer | KeyObject, iv: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < 16) throw new KeyError('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  } catch {
    throw new KeyError('value does not decrypt: wrong key, or it was altered or moved');
  }
}

export function wrapDataKey(master: MasterKey, dekId: string, dek: Buffer): WrappedDataKey {
  const { iv, sealed } = seal(master.key, dek, `dek:${dekId}`);
  return { id: dekId, masterKeyId: master.id, wrapped: `${b64(iv)}.${b64(sealed)}` };
}

export function unwrapDataKey(master: MasterKey, w: WrappedDataKey): Buffer {
  const [iv, sealed] = w.wrapped.split('.');
  if (!iv || !sealed) throw new KeyError(`data key ${w.id} is malformed`);
  return open(master.key, unb64(iv), unb64(sealed), `dek:${w.id}`);
}

/** Parses `MASTER_KEYS`: `id:base64key[,id:base64key…]`, the first one active. Keys are 32 bytes. */
export function parseMasterKeys(text: string): MasterKey[] {
  const keys = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf(':');
      const id = entry.slice(0, at);
      const key = Buffer.from(entry.slice(at + 1), 'base64');
      if (at < 1 || !/^[A-Za-z0-9_-]{1,32}$/.test(id))
        throw new KeyError(`master key "${entry.slice(0, 12)}…": write it as id:base64`);
      if (key.length !== 32)
        throw new KeyError(`master key ${id} must be 32 bytes (base64 of 32 random bytes)`);
      return { id, key };
    });
  if (keys.length === 0) throw new KeyError('no master key given');
  if (new Set(keys.map((k) => k.id)).size !== keys.length)
    throw new KeyError('master key ids must be unique');
  return keys;
}

/** A keyring with a fresh random key, held only in memory: for tests and for generating documents. */
export function memoryKeyring(): Keyring {
  const master = { id: 'memory', key: randomBytes(32) };
  return new Keyring(
    [master],
    [
      wrapDataKey(master, 'memory', randomBytes(32)),
      wrapDataKey(master, BLIND_INDEX_KEY_ID, randomBytes(32)),
    ],
    'memory',
  );
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${PREFIX}.`);
}

/** Id of the data key used for blind indexes; it is never rotated (that would break equality with old values). */
export const BLIND_INDEX_KEY_ID = 'blind-index-1';

/** The unwrapped data keys in memory, and the one new values are encrypted with. */
export class Keyring {
  /**
   * As KeyObjects: OpenSSL imports a raw key on every call, which made a blind index cost 20 µs and opening a
   * victim's fields 38 µs; with the key imported once, 3 and 5 µs.
   */
  readonly #deks = new Map<string, KeyObject>();
  readonly activeDekId: string;

  constructor(masterKeys: MasterKey[], wrapped: WrappedDataKey[], activeDekId: string) {
    const masters = new Map(masterKeys.map((k) => [k.id, k]));
    for (const w of wrapped) {
      const master = masters.get(w.masterKeyId);
      if (!master)
        throw new KeyError(
          `data key ${w.id} is wrapped by master key ${w.masterKeyId}, which is not configured`,
        );
      this.#deks.set(w.id, createSecretKey(unwrapDataKey(master, w)));
    }
    if (!this.#deks.has(activeDekId)) throw new KeyError(`active data key ${activeDekId} is not available`);
    this.activeDekId = activeDekId;
  }

  encrypt(plaintext: string, aad: string): string {
    const dek = this.#deks.get(this.activeDekId)!;
    const { iv, sealed } = seal(dek, Buffer.from(plaintext, 'utf8'), aad);
    return `${PREFIX}.${this.activeDekId}.${b64(iv)}.${b64(sealed)}`;
  }

  decrypt(stored: string, aad: string): string {
    const [prefix, dekId, iv, sealed] = stored.split('.');
    if (prefix !== PREFIX || !dekId || !iv || !sealed) throw new KeyError('not an encrypted value');
    const dek = this.#deks.get(dekId);
    if (!dek) throw new KeyError(`data key ${dekId} is not available`);
    return open(dek, unb64(iv), unb64(sealed), aad).toString('utf8');
  }

  /**
   * A keyed hash of a normalised identifier (`bi:…`): equal values give equal indexes, so a victim's phone still
   * matches the same phone elsewhere, but the number itself is not stored and cannot be recovered from it.
   */
  blindIndex(normalised: string): string {
    const key = this.#deks.get(BLIND_INDEX_KEY_ID);
    if (!key) throw new KeyError('the blind-index key is not available');
    return `bi:${createHmac('sha256', key).update(normalised).digest('base64url').slice(0, 32)}`;
  }

  /** Which data key a stored value uses (for re-encryption after rotation). */
  static dekIdOf(stored: string): string | null {
    const parts = stored.split('.');
    return parts[0] === PREFIX && parts[1] ? parts[1] : null;
  }
}
