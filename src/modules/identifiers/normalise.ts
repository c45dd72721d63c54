import { isIPv4, isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { IdentifierKind } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { validationError } from '../../shared/errors.ts';
import { identifierAad, resealIfChanged } from '../victims/protection.ts';

/** An identifier value that must not be stored; the caller names the field. */
export class InvalidIdentifierError extends Error {}

const invalid = (message: string) => new InvalidIdentifierError(message);

/**
 * Canonical form of an identifier, so that the same phone or UPI id written two ways is one value; a value that
 * cannot be one of its kind is refused with an `InvalidIdentifierError` saying why. Idempotent: the canonical
 * form normalises to itself. docs/identifiers.md lists every kind's form and checks.
 *
 * ```ts
 * normaliseIdentifier('phone', '+91 98765-43210'); // '+919876543210'
 * normaliseIdentifier('vehicle', 'dl 3c ab 1234'); // 'DL03CAB1234'
 * ```
 */
export function normaliseIdentifier(kind: IdentifierKind, value: string): string {
  const v = asciiDigits(value.normalize('NFKC')).trim();
  if (v === '') throw invalid('is empty');
  switch (kind) {
    case 'phone':
      return normalisePhone(v);
    case 'email':
      return normaliseEmail(v);
    case 'upi':
      return normaliseUpi(v);
    case 'social_handle':
      return normaliseSocialHandle(v);
    case 'vehicle':
      return normaliseVehicle(v);
    case 'bank_account':
      return normaliseBankAccount(v);
    case 'url':
      return normaliseUrl(v);
    case 'domain':
      return normaliseDomain(v);
    case 'ip':
      return normaliseIp(v);
    case 'pincode':
      return normalisePincode(v);
    case 'aadhaar_masked':
      return maskAadhaar(v);
    case 'address':
      return v
        .toLowerCase()
        .replace(/[\s,.]+/g, ' ')
        .trim();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Digits

/**
 * The first code point (digit zero) of each decimal-digit block an Indian record may be written in: Devanagari,
 * Bengali, Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam, Ol Chiki (Santali), Lepcha, Meetei Mayek,
 * Arabic-Indic and Extended Arabic-Indic (Urdu, Kashmiri). Full-width digits are folded by NFKC.
 */
const digitZeros = [
  0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x1c50, 0x1c40, 0xabf0, 0x0660,
  0x06f0, 0xff10,
];
const indicDigit = new RegExp(
  `[${digitZeros.map((z) => `\\u{${z.toString(16)}}-\\u{${(z + 9).toString(16)}}`).join('')}]`,
  'gu',
);

/**
 * Indic (and other) decimal digits replaced by ASCII ones, one character for one, so offsets stay valid.
 *
 * ```ts
 * asciiDigits('९८७६५ ४३२१०'); // '98765 43210'
 * ```
 */
export function asciiDigits(text: string): string {
  return text.replace(indicDigit, (c) => {
    const cp = c.codePointAt(0) ?? 0;
    for (const z of digitZeros) if (cp >= z && cp <= z + 9) return String(cp - z);
    return c;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Phones

/**
 * Phone numbers to E.164. Indian mobiles are any ten digits starting 6–9 (TRAI's National Numbering Plan; new
 * series are allotted faster than libphonenumber's tables follow), with or without +91 / 91 / 0. Other Indian
 * numbers (landlines) must carry their STD code with the trunk 0 or +91 — bare, `2223456789` cannot be told from a
 * mistyped mobile — and are checked against libphonenumber's tables. Foreign numbers need their `+` (or `00`)
 * and must be valid for their country (Nepal and Bangladesh numbers matter in cross-border cases).
 *
 * ```ts
 * normalisePhone('098765 43210'); // '+919876543210'
 * normalisePhone('(022) 2345 6789'); // '+912223456789'
 * normalisePhone('+977 980-1234567'); // '+9779801234567'
 * ```
 */
export function normalisePhone(value: string): string {
  const compact = asciiDigits(value.normalize('NFKC'))
    .trim()
    .replace(/^tel:/i, '')
    .replace(/[\s().\-[\]/]/g, '');
  if (!/^\+?\d+$/.test(compact)) {
    throw invalid('a phone number has only digits, spaces, dashes, dots and brackets, and may start with +');
  }
  const international = compact.startsWith('+')
    ? compact
    : /^00[1-9]/.test(compact)
      ? `+${compact.slice(2)}`
      : null;
  if (international) {
    const parsed = parsePhoneNumberFromString(international);
    if (!parsed) throw invalid(`${international} is not a phone number of any country`);
    if (parsed.countryCallingCode === '91') return indianPhone(String(parsed.nationalNumber), true);
    if (!parsed.isValid()) {
      throw invalid(`${international} is not a valid number for country code +${parsed.countryCallingCode}`);
    }
    return parsed.number;
  }
  if (compact.length === 12 && compact.startsWith('91')) return indianPhone(compact.slice(2), true);
  if (compact.length === 11 && compact.startsWith('0')) return indianPhone(compact.slice(1), true);
  return indianPhone(compact, false);
}

function indianPhone(national: string, prefixed: boolean): string {
  if (/^[6-9]\d{9}$/.test(national)) return `+91${national}`;
  if (national.length < 10) {
    throw invalid(
      `has ${national.length} digits: an Indian number has ten (a mobile, or the STD code and a landline number)`,
    );
  }
  if (national.length > 10) {
    throw invalid(`has ${national.length} digits: an Indian number has ten after +91 or 0`);
  }
  if (!prefixed) {
    throw invalid(
      'is not a mobile number (those start with 6, 7, 8 or 9); write a landline with its STD code and 0, e.g. 022 2345 6789',
    );
  }
  const parsed = parsePhoneNumberFromString(`+91${national}`);
  if (!parsed?.isValid()) {
    throw invalid(`+91 ${national} is not a valid Indian number: no such STD code or number length`);
  }
  return parsed.number;
}

// ---------------------------------------------------------------------------------------------------------------
// Email, domains, URLs

/**
 * Email addresses: trimmed and lower-cased, `mailto:` dropped, the domain in its ASCII (punycode) form. Gmail's
 * dots and `+tags` are kept: Gmail ignores them but other providers do not, and a request to a provider must
 * name the address as the record wrote it. `emailMailboxKey` gives the folded form for those that want it.
 */
function normaliseEmail(value: string): string {
  const s = value.replace(/^mailto:/i, '').toLowerCase();
  if (/\s/.test(s)) throw invalid('an email address has no spaces');
  const at = s.lastIndexOf('@');
  if (at < 1) throw invalid('an email address is name@domain');
  const local = s.slice(0, at);
  if (
    local.length > 64 ||
    !/^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u.test(local) ||
    local.startsWith('.') ||
    local.endsWith('.') ||
    local.includes('..')
  ) {
    throw invalid(`"${local}" is not a valid name before the @ of an email address`);
  }
  return `${local}@${asciiDomain(s.slice(at + 1), 'email domain')}`;
}

/**
 * The mailbox an address delivers to, for Gmail only: dots and `+tag` removed, googlemail.com folded to
 * gmail.com. Other providers' addresses are returned unchanged (dots and tags are significant there).
 *
 * ```ts
 * emailMailboxKey('ravi.kumar+ads@googlemail.com'); // 'ravikumar@gmail.com'
 * ```
 */
export function emailMailboxKey(normalisedEmail: string): string {
  const at = normalisedEmail.lastIndexOf('@');
  const domain = normalisedEmail.slice(at + 1);
  if (domain !== 'gmail.com' && domain !== 'googlemail.com') return normalisedEmail;
  const local = normalisedEmail.slice(0, at).replace(/\+.*$/, '').replaceAll('.', '');
  return `${local}@gmail.com`;
}

/** A host name in lower-case ASCII (punycode), without a trailing dot, checked label by label. */
function asciiDomain(host: string, what: string): string {
  const trimmed = host.toLowerCase().replace(/\.$/, '');
  const ascii = domainToASCII(trimmed);
  if (!ascii) throw invalid(`"${host}" is not a valid ${what}`);
  const labels = ascii.split('.');
  const tld = labels.at(-1) ?? '';
  if (
    ascii.length > 253 ||
    labels.length < 2 ||
    !labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l)) ||
    !/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)
  ) {
    throw invalid(`"${host}" is not a valid ${what}`);
  }
  return ascii;
}

/**
 * Domains: the host of a URL or a bare name, lower-case ASCII, `www.` dropped.
 *
 * ```ts
 * normaliseDomain('https://WWW.Example.co.in/x'); // 'example.co.in'
 * ```
 */
function normaliseDomain(value: string): string {
  const host = value
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^[^/?#]*@/, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '');
  return asciiDomain(host, 'domain').replace(/^www\./, '');
}

/** Query parameters that only say where a click came from: dropped, so a shared link matches the original. */
const trackingParams =
  /^(?:utm_[a-z_]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|igsh|mc_cid|mc_eid|_ga|_gl|ref_src|ref_url|si|s_cid|mkt_tok)$/i;

/**
 * URLs: scheme, `www.`, user name, fragment, default port, trailing slashes and tracking parameters dropped; the
 * host lower-cased (punycode); the remaining parameters sorted. The path keeps its case: file-sharing and invite
 * links are case-sensitive.
 *
 * ```ts
 * normaliseUrl('HTTPS://www.Ads.example/Post/1/?utm_source=wa&b=2&a=1#top'); // 'ads.example/Post/1?a=1&b=2'
 * ```
 */
function normaliseUrl(value: string): string {
  if (/\s/.test(value)) throw invalid('a web address has no spaces');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalid(`"${value.slice(0, 80)}" is not a web address`);
  }
  if (!['http:', 'https:', 'ftp:'].includes(url.protocol)) {
    throw invalid(`only http, https and ftp addresses are web addresses, not ${url.protocol}`);
  }
  const host = url.hostname.startsWith('[')
    ? url.hostname
    : isIPv4(url.hostname)
      ? url.hostname
      : asciiDomain(url.hostname, 'web address host').replace(/^www\./, '');
  const params = [...url.searchParams].filter(([k]) => !trackingParams.test(k));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  const scheme = url.protocol === 'ftp:' ? 'ftp://' : '';
  return `${scheme}${host}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

// ---------------------------------------------------------------------------------------------------------------
// UPI, bank accounts

/**
 * UPI ids (virtual payment addresses): `handle@provider`, case-insensitive. The handle is letters, digits, dots,
 * dashes and underscores; the provider (the bank or app's handle: okaxis, ybl, paytm …) has no dot — an address
 * with a dot after the @ is an email address.
 */
function normaliseUpi(value: string): string {
  const s = value.toLowerCase().replace(/\s+/g, '');
  const m = /^([a-z0-9._-]{2,256})@([a-z][a-z0-9]{1,63})$/.exec(s);
  if (m) return s;
  if (/^[^@]+@[^@]+\.[^@]+$/.test(s)) {
    throw invalid('looks like an email address; a UPI id is handle@provider with no dot after the @');
  }
  throw invalid('a UPI id is handle@provider, e.g. ravi.k@okaxis');
}

/** An IFSC: four letters (the bank), a zero, six letters or digits (the branch). */
export const ifscPattern = /\b([A-Z]{4}0[A-Z0-9]{6})\b/;

/**
 * Bank accounts: 9 to 18 digits, and the bank when an IFSC is given, as `<account>@<bank code>` (the IFSC's
 * first four letters). Not the whole IFSC: core-banking account numbers are unique within a bank, and an account
 * keeps its number when it moves branch, so the branch would split one account into two. Twelve bare digits that
 * pass the Aadhaar check digit are refused unless an IFSC comes with them (some banks do use 12-digit numbers).
 *
 * ```ts
 * normaliseBankAccount('A/c 5010 0012 3456 78, IFSC HDFC0001234'); // '50100012345678@HDFC'
 * ```
 */
function normaliseBankAccount(value: string): string {
  const s = value.toUpperCase();
  const ifsc = ifscPattern.exec(s)?.[1] ?? /@([A-Z]{4})$/.exec(s.replace(/\s+/g, ''))?.[1];
  const rest = s
    .replace(ifscPattern, ' ')
    .replace(/@[A-Z]{4}$/, ' ')
    .replace(/\b(?:A\/C|AC|ACCT|ACCOUNT|NO|NUMBER|IFSC|CODE)\b\.?/g, ' ')
    .replace(/[\s.\-/:,@#]+/g, '');
  if (!/^\d+$/.test(rest)) throw invalid('an account number has only digits (and an IFSC, if given)');
  if (rest.length < 9 || rest.length > 18) {
    throw invalid(`has ${rest.length} digits: Indian bank account numbers have 9 to 18`);
  }
  if (!ifsc && looksLikeAadhaar(rest)) {
    throw invalid(
      'looks like an Aadhaar number, which must not be stored; if it is a 12-digit account number, add the IFSC',
    );
  }
  return ifsc ? `${rest}@${ifsc.slice(0, 4)}` : rest;
}

/** The account number of a normalised bank account, without the bank: for looser matching. */
export function accountNumberOf(normalisedAccount: string): string {
  return normalisedAccount.replace(/@.*$/, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Vehicles

/**
 * The two-letter codes of the states and union territories on registration plates (Central Motor Vehicles Rules
 * r.50 and the Ministry of Road Transport's list), with the old codes still on the road: OR (Odisha before
 * 2012), UA (Uttarakhand before 2007), DN (Dadra and Nagar Haveli, merged into DD in 2020), TS/TG (Telangana).
 */
// biome-ignore format: a table
export const vehicleStateCodes: ReadonlySet<string> = new Set([
  'AN', 'AP', 'AR', 'AS', 'BR', 'CG', 'CH', 'DD', 'DL', 'DN', 'GA', 'GJ', 'HP', 'HR', 'JH', 'JK', 'KA', 'KL',
  'LA', 'LD', 'MH', 'ML', 'MN', 'MP', 'MZ', 'NL', 'OD', 'OR', 'PB', 'PY', 'RJ', 'SK', 'TG', 'TN', 'TR', 'TS',
  'UA', 'UK', 'UP', 'WB',
]);

/**
 * Registration numbers, compact and upper-case. State series `SS RR LLL NNNN` (RTO number padded to two digits,
 * up to three series letters, number padded to four): `MH 12 AB 123` → `MH12AB0123`, `DL 3C AB 1234` →
 * `DL03CAB1234` (Delhi's class letter is read as part of the series). Bharat series `YY BH NNNN LL` (since 2021):
 * `22 BH 1234 AA` → `22BH1234AA`.
 */
function normaliseVehicle(value: string): string {
  const s = value.toUpperCase().replace(/[\s.-]+/g, '');
  const bh = /^(\d{2})BH(\d{4})([A-Z]{1,2})$/.exec(s);
  if (bh) {
    const [, year, num, letters] = bh as unknown as [string, string, string, string];
    if (Number(year) < 21) throw invalid('a Bharat-series (BH) number starts with its year, 21 or later');
    if (/[IO]/.test(letters)) throw invalid('registration series letters never include I or O');
    return `${year}BH${num}${letters}`;
  }
  const m = /^([A-Z]{2})(\d{1,2})([A-Z]{0,3})(\d{1,4})$/.exec(s);
  if (!m) {
    throw invalid(
      'a registration number is like MH 12 AB 1234 (state, RTO, series, number) or 22 BH 1234 AA',
    );
  }
  const [, state, rto, series, num] = m as unknown as [string, string, string, string, string];
  if (!vehicleStateCodes.has(state)) throw invalid(`${state} is not a state or union territory code`);
  if (Number(rto) === 0) throw invalid('the RTO number after the state code cannot be 0');
  if (Number(num) === 0) throw invalid('the number at the end cannot be 0000');
  return `${state}${rto.padStart(2, '0')}${series}${num.padStart(4, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Social handles

/** Platform names and their common short forms → the name a handle is stored under. */
const platformAliases: Readonly<Record<string, string>> = {
  instagram: 'instagram',
  insta: 'instagram',
  ig: 'instagram',
  facebook: 'facebook',
  fb: 'facebook',
  x: 'x',
  twitter: 'x',
  telegram: 'telegram',
  tg: 'telegram',
  snapchat: 'snapchat',
  snap: 'snapchat',
  youtube: 'youtube',
  yt: 'youtube',
  tiktok: 'tiktok',
  sharechat: 'sharechat',
  moj: 'moj',
  threads: 'threads',
  linkedin: 'linkedin',
  reddit: 'reddit',
  discord: 'discord',
  koo: 'koo',
};

/** Profile-page hosts whose first path segment is the handle. */
const platformHosts: Readonly<Record<string, string>> = {
  'instagram.com': 'instagram',
  'facebook.com': 'facebook',
  'm.facebook.com': 'facebook',
  'fb.com': 'facebook',
  'x.com': 'x',
  'twitter.com': 'x',
  't.me': 'telegram',
  'telegram.me': 'telegram',
  'snapchat.com': 'snapchat',
  'youtube.com': 'youtube',
  'tiktok.com': 'tiktok',
  'threads.net': 'threads',
  'reddit.com': 'reddit',
};

/** What each platform allows in a handle (lower-cased); others get the general rule. */
const handleRules: Readonly<Record<string, RegExp>> = {
  instagram: /^[a-z0-9._]{1,30}$/,
  x: /^[a-z0-9_]{1,15}$/,
  telegram: /^[a-z0-9_]{4,32}$/,
  facebook: /^[a-z0-9.]{1,50}$/,
  snapchat: /^[a-z0-9._-]{3,15}$/,
};
const anyHandle = /^[\p{L}\p{N}._-]{1,64}$/u;

export function platformOf(name: string): string | undefined {
  return platformAliases[name.toLowerCase()];
}

/**
 * Social handles, lower-case without the `@`. A platform prefix (`instagram:`, `ig:`, `fb:`, `twitter:` …) or a
 * profile link (instagram.com/…, t.me/…) is kept as `platform:handle` and checked against that platform's rules;
 * a bare handle stays bare, since the record did not say where it lives.
 *
 * ```ts
 * normaliseSocialHandle('IG: @Some.Handle'); // 'instagram:some.handle'
 * normaliseSocialHandle('https://t.me/SomeChannel'); // 'telegram:somechannel'
 * ```
 */
function normaliseSocialHandle(value: string): string {
  let platform: string | undefined;
  let handle = value;
  const link = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})\/+(?:add\/|in\/)?@?([^/?#\s]+)/i.exec(
    value,
  );
  const prefixed = /^([a-z]+)\s*:\s*(.*)$/i.exec(value);
  if (link) {
    platform = platformHosts[(link[1] ?? '').toLowerCase()];
    if (!platform) throw invalid(`${link[1]} is not a social network this field knows; store it as a url`);
    handle = link[2] ?? '';
  } else if (prefixed) {
    platform = platformOf(prefixed[1] ?? '');
    if (!platform) {
      throw invalid(
        `"${prefixed[1]}" is not a known platform (${[...new Set(Object.values(platformAliases))].join(', ')})`,
      );
    }
    handle = prefixed[2] ?? '';
  }
  handle = handle.trim().replace(/^@/, '').toLowerCase();
  const rule = (platform ? handleRules[platform] : undefined) ?? anyHandle;
  if (!rule.test(handle)) {
    throw invalid(
      platform
        ? `"${handle.slice(0, 70)}" is not a valid ${platform} handle`
        : 'a handle is letters, digits, dots, dashes and underscores, without spaces',
    );
  }
  return platform ? `${platform}:${handle}` : handle;
}

// ---------------------------------------------------------------------------------------------------------------
// IP addresses, PIN codes

/**
 * IP addresses in their canonical text: IPv4 dotted decimal (zero-padded octets such as `010` read as decimal,
 * as logs pad them), IPv6 compressed lower-case (RFC 5952) without a zone, IPv4-mapped IPv6 as the IPv4 address.
 */
function normaliseIp(value: string): string {
  const s = value.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(s)) return s;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(s)) {
    const octets = s.split('.').map(Number);
    if (octets.every((o) => o <= 255)) return octets.join('.');
  }
  if (isIPv6(s)) {
    const canonical = new URL(`http://[${s}]`).hostname.slice(1, -1);
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
    if (mapped) {
      const hi = Number.parseInt(mapped[1] ?? '0', 16);
      const lo = Number.parseInt(mapped[2] ?? '0', 16);
      return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
    }
    return canonical;
  }
  throw invalid('is not an IPv4 or IPv6 address');
}

/** PIN codes: six digits, the first 1–9 (the postal zone; 9 is the Army Postal Service). */
function normalisePincode(value: string): string {
  const s = value.replace(/\s+/g, '');
  if (!/^[1-9]\d{5}$/.test(s)) throw invalid('a PIN code is six digits and does not start with 0');
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// Aadhaar

// Verhoeff's dihedral-group tables, as UIDAI uses for the Aadhaar check digit.
const verhoeffD = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const verhoeffP = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Whether a digit string ends in a valid Verhoeff check digit. */
export function verhoeffValid(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    c = verhoeffD[c]?.[verhoeffP[i % 8]?.[d] ?? 0] ?? 0;
  }
  return c === 0;
}

/** Twelve digits, the first 2–9, with a valid Verhoeff check digit: what an Aadhaar number is. */
export function looksLikeAadhaar(digits: string): boolean {
  return /^[2-9]\d{11}$/.test(digits) && verhoeffValid(digits);
}

/**
 * Aadhaar is never stored in full (Aadhaar Act 2016 s.29 and UIDAI's masking rule: only the last four digits may
 * be shown): a value with more than four digits is refused — a full number, a 16-digit Virtual ID or a partly
 * masked one alike — and a masked one is kept as its last four digits.
 *
 * ```ts
 * maskAadhaar('XXXX XXXX 0123'); // 'XXXXXXXX0123'
 * ```
 */
export function maskAadhaar(value: string): string {
  const v = asciiDigits(value.normalize('NFKC'));
  const digits = v.replace(/\D/g, '');
  if (digits.length >= 12) {
    throw invalid('a full Aadhaar number must not be stored; give only the last four digits');
  }
  if (digits.length > 4) {
    throw invalid('only the last four digits of an Aadhaar number may be given, e.g. XXXX XXXX 1234');
  }
  const last4 = v.replace(/[\s-]+/g, '').match(/(\d{4})$/)?.[1];
  if (!last4) throw invalid('a masked Aadhaar must end in four digits');
  return `XXXXXXXX${last4}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Callers

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
  for (const kind of [
    'phone',
    'upi',
    'email',
    'vehicle',
    'bank_account',
    'url',
    'domain',
    'social_handle',
    'ip',
  ] as const) {
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
