import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 30 ms here, slow enough to
 * make offline guessing expensive and fast enough for a station PC signing in.
 */
const options = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of nothing, verified against when the email is unknown, so timing does not reveal which emails exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  return dummyHash;
}

/** 49,000 passwords seen most often in breaches (zxcvbn's list), shipped with the code: no network lookup. */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary as Record<string, string[]>)['passwords-common'] ?? []);
  return common;
}

/** Whose password it is: the words a guesser tries first. */
export interface PasswordContext {
  email?: string;
  displayName?: string;
}

/**
 * Why a password may not be used, or null. NIST SP 800-63B §3.1.1.2: at least 12 characters (we ask more than
 * its 8), up to 256, any characters, no composition rules; refuse values from a list of common or breached
 * passwords, repetitive values, and context-specific words (the service's name, the user's email and name).
 *
 * ```ts
 * passwordProblem('password1234!'); // 'is one of the most common passwords; choose another'
 * passwordProblem('correct horse battery staple', { email: 'asha@ps.example' }); // null
 * ```
 */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const lengthProblem = passwordLengthProblem(password);
  if (lengthProblem) return lengthProblem;
  const folded = password.normalize('NFKC').toLowerCase();
  if (new Set(folded).size < 4) return 'repeats too few characters; choose another';
  const list = commonPasswords();
  // "Password@2024" is "password" with decoration: strip digits and symbols from both ends before the lookup.
  const core = folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (list.has(folded) || (core.length >= 4 && list.has(core)) || isRepeatOfCommon(folded, list))
    return 'is one of the most common passwords; choose another';
  if (folded.includes('childgrid')) return 'may not contain the name of this service';
  const local = context.email?.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && folded.includes(local)) return 'may not contain your email address';
  for (const part of (context.displayName ?? '').toLowerCase().split(/[\s.,'-]+/)) {
    if (part.length >= 4 && folded.includes(part)) return 'may not contain your name';
  }
  return null;
}

/** The length rule alone (characters counted as a person does: code points, not UTF-16 units). */
export function passwordLengthProblem(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  return null;
}

/** "passwordpassword", "qwertyqwerty": a common password written twice or more. */
function isRepeatOfCommon(folded: string, list: Set<string>): boolean {
  for (let size = 3; size <= folded.length / 2; size++) {
    if (folded.length % size !== 0) continue;
    const unit = folded.slice(0, size);
    if (unit.repeat(folded.length / size) === folded && list.has(unit)) return true;
  }
  return false;
}
