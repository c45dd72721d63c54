/**
 * The person record that resolution compares, and the parsing of its values: dates in any common format, ages
 * stated on a date (turned into an interval of birth dates), phones, and plain text.
 *
 * A record is a bag of optional strings under the field names below; a missing or blank value is neutral (it
 * neither adds nor removes evidence). Everything that can be worked out once per record is worked out in
 * `prepareRecords` (features.ts), never in the pair loop.
 */

/** The fields a column can be mapped to (issue 4, `childgrid resolve --map`). */
export const PERSON_FIELDS = [
  'full_name',
  'given_name',
  'surname',
  'relation_name',
  'gender',
  'birth_date',
  'age',
  'record_date',
  'street_number',
  'address_line1',
  'address_line2',
  'locality',
  'postcode',
  'state',
  'phone',
  'email',
  'identifier',
] as const;

export type PersonField = (typeof PERSON_FIELDS)[number];

/** One record to resolve: a caller-chosen id and any of the person fields. */
export type PersonRecord = { id: string } & { [K in PersonField]?: string | null };

export function isPersonField(name: string): name is PersonField {
  return (PERSON_FIELDS as readonly string[]).includes(name);
}

/** A calendar date, validated. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Devanagari (and other Indic) digits to ASCII, so "१५/०८/१९९०" parses. */
function asciiDigits(s: string): string {
  return s.replace(/[\u0966-\u096f]/g, (d) => String(d.charCodeAt(0) - 0x0966));
}

function valid(year: number, month: number, day: number): DateParts | null {
  if (!Number.isInteger(year) || year < 1850 || year > 2100) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last ? { year, month, day } : null;
}

function fullYear(yy: number, pivot: number): number {
  return yy <= pivot ? 2000 + yy : 1900 + yy;
}

/**
 * Parses a date written in any common way: `YYYYMMDD`, `YYYY-MM-DD` (also with a time), `DD/MM/YYYY`,
 * `DD-MM-YYYY`, `DD.MM.YYYY`, `DD/MM/YY`, `D Mon YYYY`, `Mon D, YYYY`, with ASCII or Devanagari digits. Day
 * before month is the Indian convention; `MM/DD/YYYY` is taken only when the first number cannot be a month's
 * day-first reading (a second number above 12). Anything invalid (month 13, 31 April) is `null`, i.e. missing.
 *
 * @example
 * parseDate('15/08/1990'); // { year: 1990, month: 8, day: 15 }
 */
export function parseDate(raw: string | null | undefined): DateParts | null {
  if (!raw) return null;
  const s = asciiDigits(raw).trim().toLowerCase();
  if (s === '') return null;
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!) ?? valid(+s.slice(4), +s.slice(2, 4), +s.slice(0, 2));
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t\s].*)?$/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{4}|\d{2})$/.exec(s);
  if (m) {
    const year = m[3]!.length === 2 ? fullYear(+m[3]!, new Date().getUTCFullYear() % 100) : +m[3]!;
    const a = +m[1]!;
    const b = +m[2]!;
    return valid(year, b, a) ?? (b > 12 ? valid(year, a, b) : null);
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[m[2]!];
    return month ? valid(+m[3]!, month, +m[1]!) : null;
  }
  m = /^([a-z]+)\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[m[1]!];
    return month ? valid(+m[3]!, month, +m[2]!) : null;
  }
  return null;
}

/** Days since 1970-01-01 (UTC) of a date. */
export function dayNumber(d: DateParts): number {
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
}

/**
 * How many years either side of a stated age still counts as agreement. Ages in police and CWC records are often
 * estimated ("about 30") or rounded; two years either side keeps "age 30 in 2020" compatible with a birth date in
 * 1987–1992.
 */
export const AGE_SLACK_YEARS = 2;

/** An age such as "34", "34 yrs", "about 34" or "30-35" as a [low, high] range of whole years, or null. */
export function parseAge(raw: string | null | undefined): [number, number] | null {
  if (!raw) return null;
  const s = asciiDigits(raw).trim().toLowerCase();
  const m = /(\d{1,3})(?:\s*(?:-|–|to)\s*(\d{1,3}))?/.exec(s);
  if (!m) return null;
  const lo = +m[1]!;
  const hi = m[2] ? +m[2] : lo;
  if (lo > 120 || hi > 120 || hi < lo) return null;
  return [lo, hi];
}

/**
 * The interval of birth days (day numbers) compatible with an age stated on a date: someone aged 30 on
 * 2020-06-01 was born between 1989-06-02 and 1990-06-01, widened by `AGE_SLACK_YEARS` either side. Without a
 * record date the age is taken as stated on `today`.
 */
export function birthInterval(
  age: [number, number],
  recordDate: DateParts | null,
  today: DateParts,
): [number, number] {
  const on = recordDate ?? today;
  const latest = Date.UTC(on.year - age[0] + AGE_SLACK_YEARS, on.month - 1, on.day) / 86_400_000;
  const earliest = Date.UTC(on.year - age[1] - 1 - AGE_SLACK_YEARS, on.month - 1, on.day) / 86_400_000 + 1;
  return [earliest, latest];
}

/** Lower case, accents removed, anything but letters, digits and Devanagari turned to single spaces. */
export function normaliseText(raw: string | null | undefined): string {
  if (!raw) return '';
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}

/** Only the digits (ASCII or Devanagari) of a value: postcodes, street numbers, identifiers. */
export function digitsAndLetters(raw: string | null | undefined): string {
  return normaliseText(raw).replace(/ /g, '');
}

/** A phone as its last ten digits (Indian mobiles and landlines with STD code), or fewer when shorter. */
export function phoneKey(raw: string | null | undefined): string {
  if (!raw) return '';
  const d = asciiDigits(raw).replace(/\D/g, '');
  if (d.length < 6) return '';
  return d.length > 10 ? d.slice(-10) : d;
}

/** m/male/पुरुष → 'm', f/female/महिला → 'f', t/transgender → 't'; anything else missing. */
export function genderKey(raw: string | null | undefined): string {
  const s = normaliseText(raw);
  if (s === '') return '';
  if (/^(m|male|man|boy|पुरुष|लड़का|लडका)$/.test(s)) return 'm';
  if (/^(f|female|woman|girl|महिला|स्त्री|लड़की|लडकी)$/.test(s)) return 'f';
  if (/^(t|tg|transgender|third gender|किन्नर)$/.test(s)) return 't';
  return '';
}
