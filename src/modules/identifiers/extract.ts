import { isIPv4, isIPv6 } from 'node:net';
import type { IdentifierKind } from '../../db/schema.ts';
import { asciiDigits, InvalidIdentifierError, looksLikeAadhaar, normaliseIdentifier } from './normalise.ts';

/**
 * An identifier found in free text. `start`/`end` are UTF-16 offsets into the text as given (`text.slice(start,
 * end)` is what was written); `value` is the identifier spelled plainly (digits for number words, `@` for
 * `[at]`), so that `normaliseIdentifier(kind, value) === normalised`. An Aadhaar number is never returned in full:
 * its `value` is the masked form.
 */
export interface ExtractedIdentifier {
  kind: IdentifierKind;
  value: string;
  normalised: string;
  start: number;
  end: number;
}

/** Longest text the extractor reads (a long FIR narrative is ~20,000 characters). */
export const MAX_EXTRACT_LENGTH = 200_000;

/**
 * Finds phones, emails, UPI ids, bank accounts, vehicles, URLs, domains, social handles, IP addresses, PIN codes
 * and (masked) Aadhaar numbers in free text: an FIR narrative, a tip, a classified ad. Reads Indic digits, number
 * words in English and Hindi ("nine eight", "double five", "nau aath", "नौ आठ"), separators (spaces, dots,
 * dashes, brackets) and the usual obfuscations ("[at]", "(dot)", "gmail dot com"). Dates, times, FIR and case
 * numbers, amounts, sections of law, ages and IMEIs are recognised first and never read as identifiers. Never
 * throws; results are sorted by position and do not overlap.
 *
 * ```ts
 * extractIdentifiers('call 98765 four three 210 or mail ravi [at] gmail [dot] com');
 * // [{ kind: 'phone', value: '9876543210', normalised: '+919876543210', start: 5, end: 25 },
 * //  { kind: 'email', value: 'ravi@gmail.com', normalised: 'ravi@gmail.com', start: 34, end: 59 }]
 * ```
 */
export function extractIdentifiers(input: string): ExtractedIdentifier[] {
  const text = input.length > MAX_EXTRACT_LENGTH ? input.slice(0, MAX_EXTRACT_LENGTH) : input;
  const x = new Extraction(asciiDigits(text));
  x.emails();
  x.urls();
  x.maskedAadhaar();
  x.imeis();
  x.bankAccounts();
  x.vehicles();
  x.ips();
  x.nonIdentifiers();
  x.pincodes();
  x.digitRuns();
  x.handles();
  return x.found.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

/** Number words, English and Hindi (romanised and Devanagari), as people read a number aloud or hide it. */
const numberWords: Readonly<Record<string, string>> = nfcKeys({
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  shunya: '0',
  shoonya: '0',
  sunya: '0',
  sifar: '0',
  ek: '1',
  do: '2',
  teen: '3',
  tin: '3',
  char: '4',
  chaar: '4',
  paanch: '5',
  panch: '5',
  paach: '5',
  chhe: '6',
  chhah: '6',
  chah: '6',
  chhai: '6',
  cheh: '6',
  saat: '7',
  sat: '7',
  aath: '8',
  ath: '8',
  aat: '8',
  nau: '9',
  nou: '9',
  शून्य: '0',
  ज़ीरो: '0',
  जीरो: '0',
  एक: '1',
  दो: '2',
  तीन: '3',
  चार: '4',
  पांच: '5',
  पाँच: '5',
  छह: '6',
  छः: '6',
  छै: '6',
  सात: '7',
  आठ: '8',
  नौ: '9',
});
const repeatWords: Readonly<Record<string, number>> = nfcKeys({
  double: 2,
  dubble: 2,
  triple: 3,
  डबल: 2,
  ट्रिपल: 3,
});

/** Devanagari has two spellings of a nukta letter (ज़ = ज + ़); words are compared in NFC. */
function nfcKeys<T>(table: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k.normalize('NFC'), v]));
}

/** Whether a word is read as a digit (or a repeat) inside a number. */
export function isNumberWord(word: string): boolean {
  const w = word.toLowerCase().normalize('NFC');
  return Object.hasOwn(numberWords, w) || Object.hasOwn(repeatWords, w);
}

/** Top-level domains a bare name (no scheme, no www.) must end in to be read as a web address. */
const bareTlds =
  'com|in|net|org|info|biz|co|io|me|xyz|app|site|online|live|club|store|shop|top|link|ly|to|tk|ml|ga|cf|gq|cc|tv|ws|example';
const mailTlds = /\.(?:com|in|net|org|co\.in|co|io|me|info|biz|edu|gov\.in|nic\.in|ac\.in|example)$/;

/** UPI providers' handles, for ids written with a spaced or spelled-out "at". */
const knownPsps = new Set([
  'ybl',
  'ibl',
  'axl',
  'paytm',
  'ptyes',
  'ptaxis',
  'pthdfc',
  'ptsbi',
  'okaxis',
  'oksbi',
  'okicici',
  'okhdfcbank',
  'apl',
  'upi',
  'axisbank',
  'icici',
  'sbi',
  'hdfcbank',
  'kotak',
  'yesbank',
  'pingpay',
  'airtel',
  'jio',
  'freecharge',
  'mobikwik',
  'ikwik',
  'naviaxis',
  'waicici',
  'wasbi',
  'waaxis',
  'wahdfcbank',
  'fam',
  'slice',
  'jupiteraxis',
  'pnb',
  'barodampay',
  'unionbank',
  'cnrb',
  'boi',
  'idfcbank',
  'indus',
  'federal',
  'rbl',
  'aubank',
]);

const platformWords =
  'instagram|insta|ig|telegram|tg|twitter|snapchat|snap|facebook|fb|sharechat|moj|threads|youtube';

// Obfuscated separators of emails and domains.
const AT = String.raw`(?:\s*@\s*|\s*[[({<]\s*(?:at|@)\s*[\])}>]\s*|\s+at\s+|\s+at\s+the\s+rate(?:\s+of)?\s+)`;
const DOT = String.raw`(?:\.|\s*[[({<]\s*(?:dot|\.)\s*[\])}>]\s*|\s+dot\s+)`;
const WORD = '[a-z0-9_%+-]+';
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

const dotRe = new RegExp(DOT, 'giu');
const emailRe = new RegExp(
  `(?<![a-z0-9._%+-])(${WORD}(?:${DOT}${WORD})*)(${AT})(${LABEL}(?:${DOT}${LABEL})*)`,
  'giu',
);
const urlRe = /\b(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^]+/giu;
const bareDomainRe = new RegExp(
  `(?<![a-z0-9.@/-])(${LABEL}(?:${DOT}${LABEL})*${DOT}(?:${bareTlds}))(?![a-z0-9-])(/[^\\s<>"'\`{}|\\\\^]*)?`,
  'giu',
);

// ---------------------------------------------------------------------------------------------------------------

class Extraction {
  readonly found: ExtractedIdentifier[] = [];
  readonly t: string;
  private readonly claimed: Uint8Array;

  constructor(t: string) {
    this.t = t;
    this.claimed = new Uint8Array(t.length);
  }

  private free(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.claimed[i]) return false;
    return true;
  }

  private claim(start: number, end: number): void {
    this.claimed.fill(1, start, end);
  }

  /** Records an identifier if its span is free and its value normalises; returns whether it did. */
  private emit(kind: IdentifierKind, value: string, start: number, end: number): boolean {
    if (end <= start || !this.free(start, end)) return false;
    let normalised: string;
    try {
      normalised = normaliseIdentifier(kind, value);
    } catch (err) {
      if (err instanceof InvalidIdentifierError) return false;
      throw err;
    }
    this.claim(start, end);
    this.found.push({ kind, value, normalised, start, end });
    return true;
  }

  /** Claims every free match of a pattern without reporting it (things that only look like identifiers). */
  private mask(re: RegExp, accept: (m: RegExpExecArray) => boolean = () => true): void {
    for (const m of this.t.matchAll(re)) {
      if (accept(m)) this.claim(m.index, m.index + m[0].length);
    }
  }

  emails(): void {
    const re = new RegExp(emailRe.source, emailRe.flags);
    for (let m = re.exec(this.t); m; m = re.exec(this.t)) {
      // A rejected match ("met him at ravi") may hide a real one starting inside it ("ravi@gmail.com").
      if (!this.email(m)) re.lastIndex = m.index + 1;
    }
  }

  private email(m: RegExpExecArray): boolean {
    const [whole, localRaw = '', at = '', domainRaw = ''] = m;
    const local = localRaw.replace(dotRe, '.');
    const domain = domainRaw.replace(dotRe, '.').toLowerCase();
    const compactAt = at === '@';
    const spelledAt = !/^\s*@\s*$/.test(at) && !/[[({<]/.test(at);
    const start = m.index;
    const end = start + whole.length;
    if (domain.includes('.')) {
      // "at" as an English word is only an email's @ when a mail domain follows.
      if (spelledAt && !mailTlds.test(domain)) return false;
      return this.emit('email', `${local}@${domain}`, start, end);
    }
    // A UPI id: written compact (ravi@okaxis), or spaced or spelled out with a provider we know.
    if (local.length < 2 || !/^[a-z][a-z0-9]{1,63}$/i.test(domain)) return false;
    if (!compactAt && !knownPsps.has(domain)) return false;
    return this.emit('upi', `${local}@${domain}`, start, end);
  }

  urls(): void {
    for (const m of this.t.matchAll(urlRe)) {
      const raw = m[0].replace(/[.,;:!?'")\]]+$/, '');
      this.webAddress(raw, m.index, true);
    }
    for (const m of this.t.matchAll(bareDomainRe)) {
      const host = (m[1] ?? '').replace(dotRe, '.');
      const path = (m[2] ?? '').replace(/[.,;:!?'")\]]+$/, '');
      const length = (m[1] ?? '').length + path.length;
      this.webAddress(host + path, m.index, path.length > 1, length);
    }
  }

  /** A profile link of a known network is a handle; an address with a path a url; a bare host a domain. */
  private webAddress(raw: string, start: number, isUrl: boolean, length = raw.length): void {
    const end = start + length;
    if (/^(?:https?:\/\/)?(?:www\.)?[a-z0-9.-]+\/+@?[a-z0-9._-]+\/?$/i.test(raw)) {
      if (this.emit('social_handle', raw.replace(/\/$/, ''), start, end)) return;
    }
    if (isUrl) this.emit('url', raw, start, end);
    else this.emit('domain', raw, start, end);
  }

  maskedAadhaar(): void {
    for (const m of this.t.matchAll(/(?<![\w*•])(?:[xX*•]{4}[\s-]?){2}(\d{4})(?!\d)/gu)) {
      this.emit('aadhaar_masked', `XXXXXXXX${m[1]}`, m.index, m.index + m[0].length);
    }
  }

  imeis(): void {
    this.mask(/\b(?:imei|esn|meid|imsi|iccid)\s*(?:no\.?|number|#)?\s*[:.-]?\s*\d(?:[\s-]?\d){13,19}/giu);
  }

  bankAccounts(): void {
    const re =
      /(?:\b(?:a\/c|a\/c\.|acc?t\.?|acc(?:oun)?t|account|khata)|खाता)\s*(?:no\.?|number|num|#)?\s*[:.-]?\s*(\d(?:[\s-]?\d){8,17})(?!\d)/giu;
    for (const m of this.t.matchAll(re)) {
      const digits = m[1] ?? '';
      const start = m.index + m[0].length - digits.length;
      const end = start + digits.length;
      // The branch's IFSC, when written near the account (either side).
      const near = this.t.slice(Math.max(0, start - 80), Math.min(this.t.length, end + 80));
      const ifsc = /\b([A-Za-z]{4}0[A-Za-z0-9]{6})\b/.exec(near)?.[1]?.toUpperCase();
      const bare = digits.replace(/\D/g, '');
      if (!ifsc && looksLikeAadhaar(bare)) continue; // read as Aadhaar (masked) later
      this.emit('bank_account', ifsc ? `${bare} ${ifsc}` : bare, start, end);
    }
    // An IFSC is not an identifier of its own (a branch, not a person); keep its digits out of phones.
    this.mask(/\b[A-Z]{4}0[A-Z0-9]{6}\b/gu);
  }

  vehicles(): void {
    const sep = '[\\s.-]{0,2}';
    const state = new RegExp(
      `(?<![A-Za-z0-9])([A-Za-z]{2})${sep}(\\d{1,2})${sep}([A-Za-z](?:[\\s.-]?[A-Za-z]){0,2})${sep}(\\d{4})(?![A-Za-z0-9])`,
      'gu',
    );
    for (const m of this.t.matchAll(state)) {
      const whole = m[0];
      // Lower-case prose ("as 12 of 1234") is not a plate: letters must be upper case, or the plate written compact.
      const letters = whole.replace(/[^A-Za-z]/g, '');
      if (letters !== letters.toUpperCase() && /[\s.-]/.test(whole)) continue;
      if (letters.replace(/[^A-Za-z]/g, '').length - 2 > 3) continue;
      this.emit('vehicle', whole, m.index, m.index + whole.length);
    }
    const bh = new RegExp(
      `(?<![A-Za-z0-9])(\\d{2})${sep}(BH|bh)${sep}(\\d{4})${sep}([A-Za-z]{1,2})(?![A-Za-z0-9])`,
      'gu',
    );
    for (const m of this.t.matchAll(bh)) this.emit('vehicle', m[0], m.index, m.index + m[0].length);
  }

  ips(): void {
    for (const m of this.t.matchAll(/(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/gu)) {
      if (isIPv4(m[0])) this.emit('ip', m[0], m.index, m.index + m[0].length);
    }
    for (const m of this.t.matchAll(/(?<![0-9a-f:.])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![0-9a-f:])/giu)) {
      const v = m[0];
      if (v.length >= 6 && isIPv6(v) && /[a-f]|::/i.test(v) && /[0-9a-f]{2}/i.test(v)) {
        this.emit('ip', v, m.index, m.index + v.length);
      }
    }
  }

  /** Dates, times, FIR and case numbers, amounts, sections of law, ages: claimed so no phone is built from them. */
  nonIdentifiers(): void {
    const months =
      '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?';
    const day = '(?:0?[1-9]|[12]\\d|3[01])';
    this.mask(/(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](?:\d{4}|\d{2})(?!\d)/gu, (m) => plausibleDate(m[1], m[2]));
    this.mask(/(?<!\d)(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}(?!\d)/gu);
    this.mask(
      new RegExp(
        `(?<!\\d[\\s.-]?)\\b${day}(?:st|nd|rd|th)?\\s*(?:of\\s+)?${months},?(?:\\s*(?:19|20)\\d{2}\\b)?`,
        'giu',
      ),
    );
    this.mask(new RegExp(`\\b${months}\\s+${day}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}\\b`, 'giu'));
    this.mask(
      /(?<![\d.])(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[:.][0-5]\d)?(?!\d)(?:\s*(?:am|pm|a\.m\.|p\.m\.|hrs?|hours|baje))?/giu,
    );
    this.mask(
      /\b(?:f\.?i\.?r|cr|crime|case|c\.?c|s\.?c|g\.?d|d\.?d|ncr|complaint|sessions\s+case|spl\.?\s+case|pocso\s+case)\.?\s*(?:no\.?|number|num|#)?\s*[:.-]?\s*\d+(?:\s*[/-]\s*\d{2,4}|\s+of\s+\d{2,4})?/giu,
    );
    this.mask(/(?<![\d/])\d{1,6}\s*\/\s*(?:19|20)\d{2}(?!\d)/gu);
    this.mask(/(?:\b(?:rs|inr)\.?|₹|\brupees?|रु\.?|रुपये)\s*[:.-]?\s*\d[\d,]*(?:\.\d+)?(?:\s*\/-)?/giu);
    this.mask(
      /\b\d[\d,]*(?:\.\d+)?\s*(?:\/-|rupees?\b|rs\b\.?|lakhs?\b|lacs?\b|crores?\b|thousand\b|hazaa?r\b|रुपये|लाख|करोड़)/giu,
    );
    this.mask(
      /\b(?:u\/s|under\s+sections?|sections?|secs?\.?|ss?\.|r\/w|read\s+with|rule|r\.)\s*\d+[a-z]?(?:\s*\(\s*[\da-z]{1,4}\s*\))*(?:\s*(?:,|\/|&|and|r\/w)\s*\d+[a-z]?(?:\s*\(\s*[\da-z]{1,4}\s*\))*)*/giu,
    );
    this.mask(/\b(?:aged?|age\s+about|aged\s+about)\s*[:.-]?\s*\d{1,3}\b/giu);
    // Not the last group of a number written in groups ("98.12.34.56.78 yo", "98 12 34 56 78 yrs"): that is a
    // phone followed by an age word, and the age is elsewhere or missing.
    this.mask(/(?<!\d[ .-])\b\d{1,3}\s*(?:years?|yrs?|y\/o|yo|months?|साल|वर्ष|varsh|saal)\b/giu);
  }

  pincodes(): void {
    for (const m of this.t.matchAll(
      /(?:\b(?:pin|pincode|pin\s+code|postal\s+code)|पिन(?:\s*कोड)?)\s*(?:no\.?|code)?\s*[:.-]?\s*([1-9]\d{2}\s?\d{3})(?!\d)/giu,
    )) {
      const pin = m[1] ?? '';
      const start = m.index + m[0].length - pin.length;
      this.emit('pincode', pin, start, start + pin.length);
    }
    // "Mumbai - 400001", "Kolkata 700001": a capitalised place name, then six digits ending the address.
    for (const m of this.t.matchAll(
      /(?<=\b[A-Z][a-z]+\s*[-–,]?\s*)([1-9]\d{2}\s?\d{3})(?![\d\s-]*\d)(?=\s*(?:[.,;)]|$|\n))/gu,
    )) {
      this.emit('pincode', m[1] ?? '', m.index, m.index + m[0].length);
    }
  }

  /** Phones and (masked) Aadhaar numbers from runs of digit groups and number words. */
  digitRuns(): void {
    for (const run of this.runs()) this.readRun(run);
  }

  private *runs(): Generator<Unit[]> {
    const tokenRe = /\+?\d+|[A-Za-z]+|[\u0900-\u097F]+|[\s.\-()[\]]+|[\s\S]/gu;
    let run: Unit[] = [];
    let pendingRepeat: { times: number; start: number } | null = null;
    let lastWasSep = true;
    const flush = function* () {
      if (run.length > 0) yield run;
      run = [];
      pendingRepeat = null;
    };
    for (const m of this.t.matchAll(tokenRe)) {
      const tok = m[0];
      const start = m.index;
      const end = start + tok.length;
      if (!this.free(start, end)) {
        yield* flush();
        continue;
      }
      if (/^[\s.\-()[\]]+$/.test(tok)) {
        if (tok.length > 3 || /\n\s*\n/.test(tok)) yield* flush();
        lastWasSep = true;
        continue;
      }
      let digits: string | undefined;
      let plus = false;
      if (/^\+?\d+$/.test(tok)) {
        // Digits glued to letters (ravi9876543210, a user name or a code) are not a number read out.
        if (/[A-Za-z]/.test(this.t[start - 1] ?? '') || /[A-Za-z]/.test(this.t[end] ?? '')) {
          yield* flush();
          lastWasSep = false;
          continue;
        }
        if (!lastWasSep && run.length > 0) yield* flush();
        plus = tok.startsWith('+');
        digits = tok.replace('+', '');
      } else {
        const w = tok.toLowerCase().normalize('NFC');
        const repeat = repeatWords[w];
        if (repeat) {
          pendingRepeat = { times: repeat, start };
          lastWasSep = false;
          continue;
        }
        digits = numberWords[w];
      }
      if (digits === undefined) {
        yield* flush();
        lastWasSep = false;
        continue;
      }
      const repeat: { times: number; start: number } | null = pendingRepeat;
      if (repeat) {
        pendingRepeat = null;
        if (digits.length !== 1) {
          yield* flush();
          continue;
        }
        run.push({ digits: digits.repeat(repeat.times), start: repeat.start, end, plus: false });
      } else {
        run.push({ digits, start, end, plus });
      }
      lastWasSep = false;
    }
    yield* flush();
  }

  private readRun(run: Unit[]): void {
    let i = 0;
    while (i < run.length) {
      let taken = 0;
      let digits = '';
      const candidates: { j: number; digits: string }[] = [];
      for (let j = i; j < run.length; j++) {
        digits += run[j]?.digits ?? '';
        if (digits.length > 14) break;
        candidates.push({ j, digits });
      }
      for (const c of candidates.reverse()) {
        if (this.readCandidate(run, i, c.j, c.digits)) {
          taken = c.j - i + 1;
          break;
        }
      }
      i += taken || 1;
    }
  }

  private readCandidate(run: Unit[], i: number, j: number, digits: string): boolean {
    const first = run[i];
    const last = run[j];
    if (!first || !last) return false;
    const { start } = first;
    const { end } = last;
    if (first.plus || /^00[1-9]/.test(digits)) {
      if (digits.length < 8) return false;
      return this.emit('phone', `+${digits.replace(/^00/, '')}`, start, end);
    }
    if (digits.length === 12) {
      const before = this.t.slice(Math.max(0, start - 40), start);
      const saysAadhaar = /(?:aadh?aa?r|uidai|\buid\b|आधार)/i.test(before);
      const writtenAsPhone = first.digits === '91' && /^[6-9]/.test(digits.slice(2));
      if (saysAadhaar || (looksLikeAadhaar(digits) && !writtenAsPhone)) {
        return this.emit('aadhaar_masked', `XXXXXXXX${digits.slice(-4)}`, start, end);
      }
      if (digits.startsWith('91')) return this.emit('phone', digits, start, end);
      return false;
    }
    if (digits.length === 11 && digits.startsWith('0')) {
      // A landline: the trunk 0 and STD code as their own group (022 2345 6789), or written in one piece.
      const landline = !/^0[6-9]/.test(digits);
      if (landline && !(i === j || /^0\d{2,4}$/.test(first.digits))) return false;
      return this.emit('phone', digits, start, end);
    }
    if (digits.length === 10 && /^[6-9]/.test(digits)) return this.emit('phone', digits, start, end);
    return false;
  }

  handles(): void {
    // Labelled: "insta id: priya_99", "Telegram - @deals4u", "fb @some.page".
    const labelled = new RegExp(
      `\\b(${platformWords})\\b\\s*(?:id|handle|account|a\\/c|username|user\\s*name|page|channel|profile)?\\s*(?:[:=-]\\s*@?|@)\\s*([a-z0-9_][a-z0-9_.]{1,29})`,
      'giu',
    );
    for (const m of this.t.matchAll(labelled)) {
      const handle = (m[2] ?? '').replace(/\.+$/, '');
      if (/^\d+$/.test(handle)) continue;
      const end = m.index + m[0].length - ((m[2] ?? '').length - handle.length);
      this.emit('social_handle', `${m[1]}:${handle}`, m.index, end);
    }
    for (const m of this.t.matchAll(/(?<![\w.@/])@([a-z0-9_][a-z0-9_.]{1,29})/giu)) {
      const handle = (m[1] ?? '').replace(/\.+$/, '');
      if (/^\d+$/.test(handle)) continue;
      this.emit('social_handle', `@${handle}`, m.index, m.index + 1 + handle.length);
    }
  }
}

interface Unit {
  digits: string;
  start: number;
  end: number;
  plus: boolean;
}

function plausibleDate(a = '', b = ''): boolean {
  const x = Number(a);
  const y = Number(b);
  return (x >= 1 && x <= 31 && y >= 1 && y <= 12) || (x >= 1 && x <= 12 && y >= 1 && y <= 31);
}
