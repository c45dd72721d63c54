import { adSites, csamSites, emailDomains, messengerInvites, upiHandles } from './data/places.ts';
import { deriveSeed, Permutation, type Rng } from './random.ts';

/**
 * Identifier values as Indian records write them. Every value that could link two records (phone, UPI id,
 * account, vehicle, email, handle, ad URL, IPv6) is made from a unique serial number through a bijection,
 * so unrelated synthetic people never share one by chance: each shared value in the output is planted on
 * purpose and listed in the ground truth.
 */

/** Serials are allotted per case (`case index × SLOTS + slot`) and, above all cases, per planted actor. */
export const SLOTS_PER_CASE = 96;

/** Lower-case ASCII letters and digits only, for building UPI ids, handles and emails from names. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 14);
}

/** Smallest power of ten ≥ n (at least 10^7), so a permutation's range covers every serial. */
function decimalRange(n: number): number {
  let m = 10_000_000;
  while (m < n) m *= 10;
  return m;
}

export class IdentifierFactory {
  private readonly phonePerm: Permutation;
  private readonly numberPerm: Permutation;
  private readonly accountPerm: Permutation;
  private readonly vehiclePerm: Permutation;
  private readonly ipv6Perm: Permutation;

  /** `serialSpace`: one more than the largest serial that will be asked for. */
  constructor(seed: number, serialSpace: number) {
    // 6000000000–9999999999: Indian mobile numbers begin with 6, 7, 8 or 9.
    this.phonePerm = new Permutation(4_000_000_000, deriveSeed(seed, 'phone'));
    this.numberPerm = new Permutation(decimalRange(serialSpace), deriveSeed(seed, 'number'));
    this.accountPerm = new Permutation(10_000_000_000, deriveSeed(seed, 'account'));
    // 50 RTOs × 24² series letters × 9999 numbers.
    this.vehiclePerm = new Permutation(50 * 576 * 9999, deriveSeed(seed, 'vehicle'));
    this.ipv6Perm = new Permutation(2 ** 32, deriveSeed(seed, 'ipv6'));
  }

  /** A 10-digit mobile number, canonical form (no prefix, no spaces). */
  phone(serial: number): string {
    return String(6_000_000_000 + this.phonePerm.apply(serial));
  }

  /** A unique number for building usernames: 1–8 digits, different for every serial. */
  uniqueNumber(serial: number): number {
    return this.numberPerm.apply(serial);
  }

  upi(rng: Rng, serial: number, nameHint: string): string {
    if (rng.chance(0.4)) return `${this.phone(serial)}@${rng.pick(['ybl', 'paytm', 'axl', 'ibl'])}`;
    const base = slug(nameHint) || 'user';
    const sep = rng.pick(['', '.', '']);
    return `${base}${sep}${this.uniqueNumber(serial)}@${rng.pick(upiHandles)}`;
  }

  /**
   * Bank account numbers of 11, 14, 15 or 16 digits. Never 12: a 12-digit number is what an Aadhaar number
   * looks like, and the data must not contain anything that could be one.
   */
  bankAccount(rng: Rng, serial: number): string {
    const body = String(this.accountPerm.apply(serial)).padStart(10, '0');
    return rng.pick(['3', '5010', '91701', '037700']) + body;
  }

  vehicle(rng: Rng, serial: number, stateCodes: readonly string[]): string {
    let x = this.vehiclePerm.apply(serial);
    const num = (x % 9999) + 1;
    x = Math.floor(x / 9999);
    const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I or O, as on Indian plates
    const series = (letters[x % 24] ?? 'A') + (letters[Math.floor(x / 24) % 24] ?? 'A');
    const rto = Math.floor(x / 576) + 1;
    const n4 = String(num).padStart(4, '0');
    if (rto <= 5) {
      // Bharat series (since 2021): year, BH, four digits, two letters. Tied to the serial (one RTO slot in
      // ten) rather than drawn at random, so BH plates stay unique too.
      return `${20 + rto} BH ${n4} ${series}`;
    }
    const st = rng.pick(stateCodes);
    const rto2 = String(rto - 5).padStart(2, '0');
    return rng.weighted<string>([
      [`${st} ${rto2} ${series} ${n4}`, 5],
      [`${st}${rto2}${series}${n4}`, 3],
      [`${st}-${rto2}-${series}-${n4}`, 2],
      [`${st} ${rto2} ${series}${n4}`, 1],
    ]);
  }

  email(rng: Rng, serial: number, nameHint: string): string {
    const base = slug(nameHint) || 'user';
    return `${base}${rng.pick(['', '.', '_'])}${this.uniqueNumber(serial)}@${rng.pick(emailDomains)}`;
  }

  socialHandle(rng: Rng, serial: number, nameHint: string): string {
    const base = slug(nameHint) || 'user';
    const n = this.uniqueNumber(serial);
    return rng.pick([`@${base}_${n}`, `@${base}.${n}`, `@${n}${base}`, `@the_${base}${n}`]);
  }

  adUrl(rng: Rng, serial: number, city: string): string {
    return `https://${rng.pick(adSites)}/${slug(city) || 'india'}/ad/${this.uniqueNumber(serial)}`;
  }

  csamUrl(rng: Rng, serial: number): string {
    const n = this.uniqueNumber(serial).toString(36);
    return rng.chance(0.3)
      ? `https://${rng.pick(messengerInvites)}/${n}`
      : `https://${rng.pick(csamSites)}/f/${n}${rng.pick(['', '.mp4', '.zip', '.jpg'])}`;
  }

  /**
   * Half IPv4 from the three documentation ranges (RFC 5737) — only 762 addresses, so these repeat by
   * chance, as carrier-NAT addresses do — and half IPv6 from 2001:db8::/32 (RFC 3849), unique per serial.
   */
  ip(rng: Rng, serial: number): string {
    if (rng.chance(0.5)) {
      return `${rng.pick(['192.0.2', '198.51.100', '203.0.113'])}.${rng.int(1, 254)}`;
    }
    const x = this.ipv6Perm.apply(serial % 2 ** 32);
    const hi = (x >>> 16).toString(16);
    const lo = (x & 0xffff).toString(16);
    return `2001:db8:${rng.int(1, 0xfff).toString(16)}::${hi}:${lo}`;
  }
}

/** How a 10-digit mobile number is written; no variant makes a bare 12-digit run (see bankAccount). */
export function formatPhone(rng: Rng, phone: string): string {
  const a = phone.slice(0, 5);
  const b = phone.slice(5);
  return rng.weighted<string>([
    [phone, 30],
    [`+91 ${a} ${b}`, 20],
    [`+91-${phone}`, 10],
    [`0${phone}`, 10],
    [`${a}-${b}`, 10],
    [`${a} ${b}`, 10],
    [`+91 ${phone}`, 5],
    [`(+91) ${a}-${b}`, 5],
  ]);
}

/** The canonical 10-digit form of a written Indian mobile number, or null if it is not one. */
export function indianMobileDigits(value: string): string | null {
  let d = value.replace(/\D/g, '');
  if (d.length === 12 && d.startsWith('91')) d = d.slice(2);
  else if (d.length === 11 && d.startsWith('0')) d = d.slice(1);
  return /^[6-9]\d{9}$/.test(d) ? d : null;
}

/** UPI ids are case-insensitive; people write them in any case. */
export function formatUpi(rng: Rng, upi: string): string {
  if (rng.chance(0.15)) return upi.toUpperCase();
  if (rng.chance(0.15)) return upi.charAt(0).toUpperCase() + upi.slice(1);
  return upi;
}

export function maskedAadhaar(rng: Rng): string {
  return `XXXX-XXXX-${rng.digits(4)}`;
}
