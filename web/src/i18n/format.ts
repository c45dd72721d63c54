import { formatLocale } from './t.ts';

/** Dates are shown in India Standard Time whatever the PC's clock zone is set to. */
const timeZone = 'Asia/Kolkata';

const dateFormat = new Intl.DateTimeFormat(formatLocale, {
  timeZone,
  day: '2-digit',
  month: 'short',
  year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat(formatLocale, {
  timeZone,
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const numberFormat = new Intl.NumberFormat(formatLocale);

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00+05:30` : iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${dateTimeFormat.format(date)} IST`;
}

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/**
 * A `datetime-local` value is wall-clock time as the officer typed it; FIRs are registered in IST.
 * @example istInputToIso('2025-03-04T10:15') // "2025-03-04T10:15:00+05:30"
 */
export function istInputToIso(value: string): string {
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  return `${withSeconds}+05:30`;
}

/** The current IST wall-clock time as a `datetime-local` value (minutes precision). */
export function nowIstInput(now: Date = new Date()): string {
  const ist = new Date(now.getTime() + 330 * 60_000);
  return ist.toISOString().slice(0, 16);
}

/**
 * A date field's value spelled out ("10 Jun 2025"), shown beside the browser's date picker: its digits follow the
 * browser's language, and an English (US) browser shows 10 June as 06/10 — read in India as 6 October.
 */
export function spelled(iso: string | null | undefined): string | undefined {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso) : undefined;
}
