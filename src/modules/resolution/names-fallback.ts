/**
 * A stand-in for names.ts (Indian-name handling) with the same interface, used until that module lands.
 * Deliberately simple: honorifics stripped, tokens lower-cased, Jaro–Winkler between tokens.
 */
import { jaroWinkler } from './similarity.ts';

export interface ParsedName {
  raw: string;
  tokens: string[];
  display: string[];
  honorific: string | null;
  late: boolean;
  initials: string[];
}

export type NameLevel = 'exact' | 'folded' | 'fuzzy' | 'initials' | 'subset' | 'disagree' | 'missing';

const HONORIFICS = new Set(['shri', 'sri', 'smt', 'kumari', 'km', 'dr', 'mr', 'mrs', 'ms', 'miss', 'master']);

export function foldToken(token: string): string {
  const t = token.toLowerCase();
  if (t === 'mohd' || t === 'md' || t === 'mohammad' || t === 'muhammad' || t === 'mohammed')
    return 'mohammed';
  return t;
}

export function parseName(raw: string): ParsedName {
  const words = raw
    .toLowerCase()
    .replace(/[^\p{L}\p{M}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  let honorific: string | null = null;
  let late = false;
  const display: string[] = [];
  for (const w of words) {
    if (w === 'late') late = true;
    else if (HONORIFICS.has(w) && display.length === 0) honorific = w;
    else display.push(w);
  }
  const initials = display.filter((w) => w.length === 1);
  const tokens = display.filter((w) => w.length > 1).map(foldToken);
  return { raw, tokens, display, honorific, late, initials };
}

function tokenMatch(a: string, b: string): 0 | 1 | 2 {
  if (a === b) return 2;
  return jaroWinkler(a, b) >= 0.9 ? 1 : 0;
}

export function compareNames(a: ParsedName | null, b: ParsedName | null): NameLevel {
  if (
    !a ||
    !b ||
    (a.tokens.length === 0 && a.initials.length === 0) ||
    (b.tokens.length === 0 && b.initials.length === 0)
  )
    return 'missing';
  if (a.raw.trim().toLowerCase() === b.raw.trim().toLowerCase()) return 'exact';
  const [s, l] = a.tokens.length <= b.tokens.length ? [a, b] : [b, a];
  let exact = 0;
  let fuzzy = 0;
  for (const t of s.tokens) {
    let best = 0;
    for (const u of l.tokens) best = Math.max(best, tokenMatch(t, u));
    if (best === 2) exact++;
    else if (best === 1) fuzzy++;
  }
  const matched = exact + fuzzy;
  if (matched < s.tokens.length) {
    const unmatched = s.tokens.length - matched;
    const inits = new Set(l.initials);
    const ok = s.tokens.filter((t) => inits.has(t[0]!)).length;
    return ok >= unmatched && matched > 0 ? 'initials' : 'disagree';
  }
  if (s.tokens.length === 0) return 'disagree';
  if (s.tokens.length < l.tokens.length) return 'subset';
  return fuzzy === 0 ? 'folded' : 'fuzzy';
}

export function parseRelation(raw: string): {
  kind: 's/o' | 'd/o' | 'w/o' | 'c/o' | null;
  name: ParsedName | null;
  rest: string;
} {
  const m = /^\s*([sdwc])\s*[/.]?\s*o\.?\s+(.*)$/i.exec(raw);
  if (!m) return { kind: null, name: raw.trim() ? parseName(raw) : null, rest: '' };
  const kind = `${m[1]!.toLowerCase()}/o` as 's/o' | 'd/o' | 'w/o' | 'c/o';
  return { kind, name: parseName(m[2]!), rest: '' };
}

export function nameBlockingKeys(p: ParsedName): string[] {
  return p.tokens.map((t) => t.slice(0, 4));
}
