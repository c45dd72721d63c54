import { en } from './en.ts';

/** Every user-visible string has a key here, so Hindi and Telugu can be added as further dictionaries. */
export type MessageKey = keyof typeof en;
export type Dictionary = Record<MessageKey, string>;
export type Locale = 'en';

const dictionaries: Record<Locale, Dictionary> = { en };
let current: Dictionary = dictionaries.en;

/** The BCP 47 tag used for number and date formatting. */
export const formatLocale = 'en-IN';

export function setLocale(locale: Locale): void {
  current = dictionaries[locale];
  document.documentElement.lang = locale;
}

/**
 * Translate a key, filling `{name}` placeholders.
 * @example t('cases.count', { count: 12 }) // "12 cases"
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = current[key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Translate a value of an enumerated field (status, role, kind…). When the dictionary has no entry, so
 * that a new server-side value never shows a blank, it falls back to `fallback` (a label the API sent)
 * or else to the raw value.
 * @example tValue('status', 'charge_sheeted') // "Charge-sheeted"
 * @example tValue('userRole', user.role, user.role_label)
 */
export function tValue(group: string, value: string, fallback?: string): string {
  const key = `${group}.${value}`;
  return key in current ? current[key as MessageKey] : (fallback ?? value.replaceAll('_', ' '));
}
