import type { IdentifierKind } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { validationError } from '../../shared/errors.ts';
import { identifierAad, resealIfChanged } from '../victims/protection.ts';

/** An identifier value that must not be stored; the caller names the field. */
export class InvalidIdentifierError extends Error {}

/**
 * Canonical form of an identifier, so that the same phone or UPI id written two ways is one value.
 * This is the foundation's version; the grid issue replaces it with full validators (libphonenumber etc.).
 *
 * ```ts
 * normaliseIdentifier('phone', '+91 98765-43210'); // '+919876543210'
 * ```
 */
export function normaliseIdentifier(kind: IdentifierKind, value: string): string {
  const v = value.normalize('NFKC').trim();
  switch (kind) {
    case 'phone':
      return normalisePhone(v);
    case 'email':
    case 'upi':
    case 'social_handle':
      return v.toLowerCase().replace(/^@/, '').replace(/\s+/g, '');
    case 'vehicle':
    case 'bank_account':
      return v.toUpperCase().replace(/[\s.-]+/g, '');
    case 'url':
      return v
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/^www\./, '')
        .replace(/\/+$/, '');
    case 'ip':
      return v.toLowerCase();
    case 'aadhaar_masked':
      return maskAadhaar(v);
    case 'address':
      return v
        .toLowerCase()
        .replace(/[\s,.]+/g, ' ')
        .trim();
  }
}

/** Indian numbers to E.164: 10-digit mobiles starting 6–9, with or without 0 / 91 / +91 prefixes. */
export function normalisePhone(value: string): string {
  const digits = value.replace(/[^\d+]/g, '');
  const bare = digits.replace(/^\+?91(?=\d{10}$)/, '').replace(/^0(?=\d{10}$)/, '');
  if (/^[6-9]\d{9}$/.test(bare)) return `+91${bare}`;
  if (/^\+\d{7,15}$/.test(digits)) return digits;
  return digits.replace(/\+/g, '');
}

/**
 * Aadhaar is never stored in full (Aadhaar Act s.29 and UIDAI's masking rules): a full 12-digit number is
 * refused, a masked one is kept as its last four digits.
 */
export function maskAadhaar(value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  if (/^\d{12}$/.test(digits)) {
    throw new InvalidIdentifierError(
      'a full Aadhaar number must not be stored; give only the last four digits',
    );
  }
  const last4 = digits.match(/(\d{4})$/)?.[1];
  if (!last4) {
    throw new InvalidIdentifierError('a masked Aadhaar must end in four digits');
  }
  return `XXXXXXXX${last4}`;
}

/** `normaliseIdentifier`, with a refusal reported as a validation error naming the request field. */
export function normaliseForField(kind: IdentifierKind, value: string, field: string): string {
  try {
    return normaliseIdentifier(kind, value);
  } catch (err) {
    if (err instanceof InvalidIdentifierError) throw validationError(field, err.message);
    throw err;
  }
}

/**
 * Every normalised form a typed search text could have as an identifier, so that one search box finds a phone,
 * a UPI id or a vehicle however it was written.
 */
export function identifierSearchForms(text: string): string[] {
  const forms = new Set<string>();
  for (const kind of ['phone', 'upi', 'email', 'vehicle', 'bank_account', 'url', 'social_handle'] as const) {
    try {
      const form = normaliseIdentifier(kind, text);
      if (form.length >= 4) forms.add(form);
    } catch {
      // not this kind
    }
  }
  return [...forms];
}

/**
 * The stored form of an identifier: as given, or — for a protected person (a victim, a child witness) — the value
 * sealed under the keyring and the normalised form replaced by a blind index, so it still matches but is not kept.
 */
export function storedIdentifier(
  keyring: Keyring,
  agencyId: string,
  identifierId: string,
  isProtected: boolean,
  idf: { kind: IdentifierKind; value: string },
  field: string,
  /** The ciphertext already stored for this identifier: kept when the value has not changed. */
  storedValue?: string | null,
): { value: string; normalised: string; protected: boolean } {
  const normalised = normaliseForField(idf.kind, idf.value, field);
  if (!isProtected) return { value: idf.value, normalised, protected: false };
  return {
    value: resealIfChanged(keyring, identifierAad(agencyId, identifierId), idf.value, storedValue),
    normalised: keyring.blindIndex(normalised),
    protected: true,
  };
}
