import { hasDevanagari, transliterateDevanagari } from './devanagari.ts';
import {
  GENDER_WORDS,
  HONORIFICS,
  LATE_WORDS,
  RELATION_MARKERS,
  RELATION_STOPS,
  WORD_SYNONYMS,
} from './names-data.ts';

/**
 * Indian person names for record linkage. Records of one person differ in honorifics ("Smt. Sunita Devi"),
 * initials ("R. K. Sharma"), word order ("SHARMA, Rajesh"), transliteration ("Laxmi", "Lakshmi", "लक्ष्मी"),
 * abbreviation ("Md.", "Mohd.", "Mohammed") and completeness ("Sunita" alone). `parseName` does the costly work
 * once per record; `compareNames` then only compares precomputed strings, so the linker can score hundreds
 * of thousands of pairs a second.
 *
 * @example
 * compareNames(parseName('Smt. Laxmi Devi'), parseName('लक्ष्मी देवी')) // → 'folded'
 * compareNames(parseName('Rani Devi'), parseName('Sita Devi'))         // → 'disagree'
 */

export interface ParsedName {
  raw: string;
  /** Phonetic keys (`foldToken`) of the name's words, in the order written; initials are not here. */
  tokens: string[];
  /** The same words cleaned: lower-case roman (Devanagari transliterated), no punctuation. */
  display: string[];
  /** The honorific(s) stripped from the front, space-separated ("smt", "late shri" gives "shri"). */
  honorific: string | null;
  /** "Late", "Lt.", "Swargiya", "स्व.": the person has died. */
  late: boolean;
  /** Single letters ("R." in "R. Kumar", "A K Singh", "R.K."), lower-case roman. */
  initials: string[];
  /** Text after "@", "alias" or "urf": another name of the person, not part of this one. */
  aliases: string[];
  /** The aliases parsed as names ("Ramesh @ Kalia": Kalia), compared when the names themselves disagree. */
  aliasNames: ParsedName[];
  /** Precomputed for `compareNames`; not meant for display. */
  readonly compare: NameCompareData;
}

/** What compareNames reads: strings and numbers only, built once in parseName. */
export interface NameCompareData {
  /** Sorted display words, then "|" and sorted initials: equal strings mean the same words in any order. */
  displayKey: string;
  /** The same with phonetic keys. */
  foldedKey: string;
  /** Key of all words written as one ("Jai Dayal" → key of "jaidayal"), for compound names split or joined. */
  joinedKey: string;
  joinedSkeleton: string;
  /** Keys with vowels removed, per token. */
  skeletons: string[];
  /**
   * The written words with vowels removed (before folding): Urdu a/e spellings of one word ("Ahmed"/"Ahmad",
   * "Rehman"/"Rahman") keep the same consonants even where folding treats the two vowels differently.
   */
  displaySkeletons: string[];
  /** First character code of each token's display form and of its key. */
  firstDisplay: number[];
  firstKey: number[];
  /** Whether each token is a gender or status word (Devi, Kumari, Begum…), which may be absent or differ. */
  gender: boolean[];
  /** Char codes of the initials, and of their folded letter (b/w → v, z → j, c/q → k). */
  initialCodes: number[];
  initialFolded: number[];
}

export type NameLevel = 'exact' | 'folded' | 'fuzzy' | 'initials' | 'subset' | 'disagree' | 'missing';

// -------------------------------------------------------------------------------------------------------
// Folding

const VOWEL = /[aeiou]/;

/**
 * The transliteration key of one name word: spellings of the same word in roman script reach the same key
 * (Laxmi/Lakshmi, Geeta/Gita/Geetha, Pooja/Puja, Vijay/Bijay, Mondal/Mandal, Kamlesh/Kamalesh, Pandey/Pande).
 * Rules, in order: abbreviations expanded (Md/Mohd → Mohammed, Sk → Shaikh, Kr → Kumar); ksh/x; c → k, ch/chh → c;
 * sh → s; ph → f; w/b → v; z → j; q → k; an aspirate h after a consonant dropped (th/t, dh/d, bh/b, kh/k…);
 * long vowels shortened (aa/a, ee/i, oo/u); au/ou → o, other o → a, e → i; the schwa Hindi drops between
 * consonants dropped (Rachana/Rachna); final -a and -h dropped; m before a consonant → n; doubles collapsed.
 * The key is for comparing, not for showing.
 *
 * @example foldToken('Lakshmi') === foldToken('Laxmi') // true
 */
export function foldToken(token: string): string {
  let word = token;
  if (hasDevanagari(word)) word = transliterateDevanagari(word);
  word = asciiLower(word).replace(/[^a-z]/g, '');
  return phoneticKey(WORD_SYNONYMS.get(word) ?? word);
}

const keyCache = new Map<string, string>();

/** Key of a clean lower-case a–z word (cached: a data set repeats its names). */
function phoneticKey(word: string): string {
  const cached = keyCache.get(word);
  if (cached !== undefined) return cached;
  let s = word;
  s = s.replace(/([^aeiou])\1+/g, '$1');
  s = s.replace(/^(dn|jn)y/, 'gy'); // Dnyaneshwar, Gyaneshwar
  // Telugu -ulu: Narsimhulu is Narsimha, Venkateswarlu is Venkateswara.
  if (s.length >= 6) s = s.replace(/(?<=[^aeiou])ulu$/, '').replace(/(?<=[aeiou])rlu$/, 'ra');
  s = s.replace(/ksh|ks/g, 'x');
  s = s.replace(/qu(?=[aeiouy])/g, 'k'); // Rafique/Rafiq, Siddiqui/Siddiqi
  // "c" before i, e or y is the ISO spelling of ch (Acintya/Achintya); elsewhere it is k (Cauvery/Kaveri).
  s = s
    .replace(/c(?![hiey])/g, 'k')
    .replace(/chh?/g, 'c')
    .replace(/q/g, 'k');
  s = s.replace(/sh/g, 's').replace(/ph/g, 'f');
  s = s.replace(/ow(?![aeiouy])/g, 'ou'); // Chowdhury, Mownika: a vowel, not a v
  s = s.replace(/[wb]/g, 'v').replace(/z/g, 'j');
  s = s.replace(/([^aeiou])\1+/g, '$1');
  s = dropAspirates(s);
  s = s.replace(/(?<=[aeiou])h$/, ''); // Hansdah/Hansda
  s = s.replace(/ey$/, 'e').replace(/(?<=...[^aeiou])e$/, ''); // Pandey/Pande, Kishore/Kishor
  s = s.replace(/(?<=[^aeiou])y$/, 'i'); // Tiwary/Tiwari, Maitry/Maitri
  s = s.replace(/aa|ee|ii|oo|uu|au|ou|o|e/g, (m) => VOWEL_FOLD[m] ?? m);
  s = s.replace(/(?<=[^aeiouO])ru/g, 'ri'); // Kruti/Kriti, Amrutha/Amrita
  s = s.replace(/iy(?=[aeiouO])/g, 'i'); // Riya/Ria, Aliya/Alia
  s = s.replace(/(?<=[aeiouO])y(?=i)/g, ''); // Sayid/Saeed
  s = s.replace(/(.)\1+/g, '$1');
  s = dropSchwas(s);
  // o and a are one letter in the key (Mondal/Mandal), but only once the schwas are gone: an o is never
  // silent, so "Manoj" keeps its second vowel and does not come near "Manju".
  s = s.replace(/O/g, 'a');
  s = s.replace(/ay(?![aeiou])/g, 'ai'); // Jay/Jai, Jaydeep/Jaideep
  s = s.replace(/(?<=..[^aeiou])a$/, ''); // Ananta/Anant, Abhijata/Abhijat
  s = dropAspirates(s); // "dh" made by a dropped schwa: Adaham/Adham
  s = s.replace(/m(?=[^aeiouy])/g, 'n'); // Priyamvada/Priyanvada, Ambar/Anbar
  s = s.replace(/(.)\1+/g, '$1');
  if (s === '') s = word;
  if (keyCache.size < 200_000) keyCache.set(word, s);
  return s;
}

/** The h of an aspirate (kh, gh, ch, jh, th, dh, ph, bh) is written or not; h after n, m, l, r is a sound (Sinha). */
function dropAspirates(s: string): string {
  return s.replace(/(?<=[kgcjtdpv])h/g, '');
}

/**
 * Hindi schwa deletion, left to right: an "a" after a vowel and a consonant, and before a consonant, is not
 * said, and records write it or not (Kamalesh/Kamlesh, Rachana/Rachna, Vanamala/Vanmala); so is one after a
 * vowel and two consonants (Dharmaveer/Dharmveer). A consonant at the
 * end counts as followed by a vowel, because the final -a is optional too (Anand/Ananda, Amar/Amr).
 */
function dropSchwas(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === 'a' && out.length >= 2 && i + 1 < s.length && !isVowel(s.charAt(i + 1))) {
      const n = out.length;
      // After a vowel and one consonant (Kamalesh), or two (Dharmaveer/Dharmveer).
      if (!isVowel(out.charAt(n - 1))) {
        if (isVowel(out.charAt(n - 2))) continue;
        if (n >= 3 && !isVowel(out.charAt(n - 2)) && isVowel(out.charAt(n - 3))) continue;
      }
    }
    out += c;
  }
  return out;
}

function isVowel(c: string): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'O';
}

const VOWEL_FOLD: Record<string, string> = {
  aa: 'a',
  ee: 'i',
  ii: 'i',
  oo: 'u',
  uu: 'u',
  au: 'o',
  ou: 'o',
  o: 'O',
  e: 'i',
};

/** Lower-case ASCII: accents removed ("Śrī" → "sri"). */
function asciiLower(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The letter an initial stands for, folded like keys: "B." may be written for a "V" name and back. */
function foldLetter(code: number): number {
  switch (code) {
    case 98: // b
    case 119: // w
      return 118; // v
    case 122: // z
      return 106; // j
    case 99: // c
    case 113: // q
      return 107; // k
    default:
      return code;
  }
}

// -------------------------------------------------------------------------------------------------------
// Parsing

const ALIAS_SPLIT = /\s+(?:@|alias|urf|a\/k\/a|aka|उर्फ)\s+|\s*@\s*/i;

/**
 * Parses a name as written in a record. Never throws; an empty or unreadable name gives no tokens.
 *
 * @example parseName('Late Shri R. K. Sharma') // tokens ['sarma'], initials ['r', 'k'], honorific 'shri', late
 */
export function parseName(raw: string): ParsedName {
  const text = typeof raw === 'string' ? raw : '';
  const [main = '', ...aliasParts] = text.split(ALIAS_SPLIT);
  const aliases = aliasParts.map((a) => a.trim()).filter((a) => a.length > 0);
  let roman = hasDevanagari(main) ? transliterateDevanagari(main) : main;
  roman = asciiLower(roman).replace(/['’`]/g, '');
  const words = roman.split(/[^a-z]+/).filter((w) => w.length > 0);

  let late = false;
  const kept: string[] = [];
  for (const w of words) {
    if (LATE_WORDS.has(w)) late = true;
    else kept.push(w);
  }

  // Honorifics come first; one is stripped only if a real name word would remain after it.
  const honorifics: string[] = [];
  while (kept.length > 1) {
    const first = kept[0] as string;
    if (!HONORIFICS.has(first)) break;
    // "Sri Devi" and "Baby Kumari" are names, not a title and a gender word; a bare "Shree" is kept too.
    const restHasName = kept.slice(1).some((w) => !GENDER_WORDS.has(w) && !HONORIFICS.has(w));
    if (!restHasName) break;
    honorifics.push(first);
    kept.shift();
  }
  const display: string[] = [];
  const initials: string[] = [];
  for (const w of kept) {
    if (w.length === 1) initials.push(w);
    else if (isInitialsRun(w)) for (const c of w) initials.push(c);
    else display.push(w);
  }
  const tokens = display.map((w) => phoneticKey(WORD_SYNONYMS.get(w) ?? w));
  return {
    raw: text,
    tokens,
    display,
    honorific: honorifics.length > 0 ? honorifics.join(' ') : null,
    late,
    initials,
    aliases,
    aliasNames: aliases.map((a) => parseName(a)),
    compare: compareData(display, tokens, initials),
  };
}

/** "RK" or "AKS" in "RK Sharma": a run of two or three consonants that is no word or known abbreviation. */
function isInitialsRun(w: string): boolean {
  return w.length <= 3 && !VOWEL.test(w) && !w.includes('y') && !WORD_SYNONYMS.has(w);
}

function compareData(display: string[], tokens: string[], initials: string[]): NameCompareData {
  const sortedInitials = [...initials].sort().join(' ');
  const joinedKey = display.length > 0 ? phoneticKey(display.join('')) : '';
  return {
    displayKey: `${[...display].sort().join(' ')}|${sortedInitials}`,
    foldedKey: `${[...tokens].sort().join(' ')}|${sortedInitials}`,
    joinedKey,
    joinedSkeleton: joinedKey.replace(/[aeiou]/g, ''),
    skeletons: tokens.map((t) => t.replace(/[aeiou]/g, '')),
    displaySkeletons: display.map((w) => w.replace(/[aeiouy]/g, '')),
    firstDisplay: display.map((w) => w.charCodeAt(0)),
    firstKey: tokens.map((t) => t.charCodeAt(0)),
    gender: display.map((w, i) => GENDER_WORDS.has(w) || GENDER_WORDS.has(tokens[i] as string)),
    initialCodes: initials.map((c) => c.charCodeAt(0)),
    initialFolded: initials.map((c) => foldLetter(c.charCodeAt(0))),
  };
}

// -------------------------------------------------------------------------------------------------------
// Comparing

/**
 * How far two names agree, ignoring word order:
 * - `exact`: the same words; `folded`: the same phonetic keys (Laxmi/Lakshmi, Md/Mohammed);
 * - `fuzzy`: every word pairs up, some only closely (keys differ only in vowels, or by one edit in a long word);
 * - `initials`: every word pairs up, some through an initial ("R. Kumar" / "Rajesh Kumar");
 * - `subset`: one name is part of the other ("Sunita" / "Sunita Devi"); gender words such as Devi, Kumari,
 *   Begum, Kaur may be missing or differ without disagreement;
 * - `disagree`: each name has a word the other lacks ("Rani Devi" / "Sita Devi"); `missing`: no name to compare.
 * An initial left over on one side is also accepted if it is the initial of that side's relation name
 * (Tamil "K. Murugan" s/o Kannan), when the relation names are given.
 */
export function compareNames(
  a: ParsedName | null,
  b: ParsedName | null,
  aRelation: ParsedName | null = null,
  bRelation: ParsedName | null = null,
): NameLevel {
  if (a === null || b === null) return 'missing';
  const ca = a.compare;
  const cb = b.compare;
  if (a.tokens.length + a.initials.length === 0 || b.tokens.length + b.initials.length === 0)
    return 'missing';
  if (ca.displayKey === cb.displayKey) return 'exact';
  if (ca.foldedKey === cb.foldedKey) return 'folded';
  // "Jaidayal" and "Jai Dayal", "Kapil Dev" and "Kapildev": one compound name, split or not.
  if (a.tokens.length !== b.tokens.length && a.initials.length === 0 && b.initials.length === 0) {
    if (ca.joinedKey === cb.joinedKey) return 'folded';
    if (keysClose(ca.joinedKey, cb.joinedKey, ca.joinedSkeleton, cb.joinedSkeleton)) return 'fuzzy';
  }
  // Greedy matching depends on which side leads; lead with the smaller key so the result is symmetric.
  return ca.foldedKey < cb.foldedKey
    ? matchTokens(a, b, aRelation, bRelation)
    : matchTokens(b, a, bRelation, aRelation);
}

function matchTokens(
  a: ParsedName,
  b: ParsedName,
  aRel: ParsedName | null,
  bRel: ParsedName | null,
): NameLevel {
  const ca = a.compare;
  const cb = b.compare;
  const na = a.tokens.length;
  const nb = b.tokens.length;
  const ia = a.initials.length;
  const ib = b.initials.length;
  if (na > 30 || nb > 30 || ia > 30 || ib > 30) return 'disagree';
  let usedA = 0; // bit i: token i of a is matched
  let usedB = 0;
  let usedIA = 0; // bit i: initial i of a is matched
  let usedIB = 0;
  let full = 0;
  let fuzzy = false;
  let viaInitial = false;
  // An initial of one name stood for a word of the other (not only for a relation name's word).
  let crossInitial = false;

  // 1. Equal keys.
  for (let i = 0; i < na; i++) {
    const key = a.tokens[i];
    for (let j = 0; j < nb; j++) {
      if ((usedB & (1 << j)) === 0 && b.tokens[j] === key) {
        usedA |= 1 << i;
        usedB |= 1 << j;
        full++;
        break;
      }
    }
  }
  // 2. Close keys.
  if (full < na && full < nb) {
    for (let i = 0; i < na; i++) {
      if ((usedA & (1 << i)) !== 0) continue;
      for (let j = 0; j < nb; j++) {
        if ((usedB & (1 << j)) !== 0) continue;
        if (wordsClose(a, i, b, j)) {
          usedA |= 1 << i;
          usedB |= 1 << j;
          full++;
          fuzzy = true;
          break;
        }
      }
    }
  }
  // 3. Initials against initials, then against the other side's words.
  for (let i = 0; i < ia; i++) {
    const code = ca.initialCodes[i] as number;
    for (let j = 0; j < ib; j++) {
      if ((usedIB & (1 << j)) === 0 && cb.initialCodes[j] === code) {
        usedIA |= 1 << i;
        usedIB |= 1 << j;
        break;
      }
    }
  }
  for (let i = 0; i < ia; i++) {
    if ((usedIA & (1 << i)) !== 0) continue;
    const j = initialMatch(ca.initialCodes[i] as number, ca.initialFolded[i] as number, cb, nb, usedB);
    if (j >= 0) {
      usedIA |= 1 << i;
      usedB |= 1 << j;
      viaInitial = true;
      crossInitial = true;
    }
  }
  for (let j = 0; j < ib; j++) {
    if ((usedIB & (1 << j)) !== 0) continue;
    const i = initialMatch(cb.initialCodes[j] as number, cb.initialFolded[j] as number, ca, na, usedA);
    if (i >= 0) {
      usedIB |= 1 << j;
      usedA |= 1 << i;
      viaInitial = true;
      crossInitial = true;
    }
  }

  // Leftovers: words and initials of one side that found no partner on the other.
  let leftA = 0;
  let leftB = 0;
  let leftGender = false;
  for (let i = 0; i < na; i++) {
    if ((usedA & (1 << i)) !== 0) continue;
    if (ca.gender[i]) leftGender = true;
    else leftA++;
  }
  for (let j = 0; j < nb; j++) {
    if ((usedB & (1 << j)) !== 0) continue;
    if (cb.gender[j]) leftGender = true;
    else leftB++;
  }
  for (let i = 0; i < ia; i++) {
    if ((usedIA & (1 << i)) !== 0) continue;
    if (
      aRel !== null &&
      initialOfRelation(ca.initialCodes[i] as number, ca.initialFolded[i] as number, aRel, a)
    )
      viaInitial = true;
    else leftA++;
  }
  for (let j = 0; j < ib; j++) {
    if ((usedIB & (1 << j)) !== 0) continue;
    if (
      bRel !== null &&
      initialOfRelation(cb.initialCodes[j] as number, cb.initialFolded[j] as number, bRel, b)
    )
      viaInitial = true;
    else leftB++;
  }

  if (leftA > 0 && leftB > 0) return 'disagree';
  if (full === 0) {
    // Nothing but initials in common: "R. K." against "Rajesh Kumar" is weak but consistent, and so is
    // "Rohit" against "R. Rawat" (one name given, the other initialled with a surname). An initial that only
    // stands for the record's own father ("R. Chitrali" d/o Bhagyaraj) links nothing in the other name.
    if (!crossInitial) return 'disagree';
    return leftA === 0 && leftB === 0 && !leftGender ? 'initials' : 'subset';
  }
  if (leftA > 0 || leftB > 0 || leftGender) return 'subset';
  if (viaInitial) return 'initials';
  if (fuzzy) return 'fuzzy';
  return 'folded';
}

/** Index of an unused word of `c` that the initial may stand for, or -1. */
function initialMatch(code: number, folded: number, c: NameCompareData, n: number, used: number): number {
  for (let j = 0; j < n; j++) {
    if ((used & (1 << j)) !== 0) continue;
    if (c.firstDisplay[j] === code || c.firstKey[j] === folded) return j;
  }
  return -1;
}

/**
 * Whether the initial stands for a word of the relation name that is not also in the person's own name: the
 * father's given name ("K. Murugan" s/o Kannan), not the family name the person carries too ("K. Kulkarni" s/o
 * Vishvesh Kulkarni says nothing about a Harshaman Kulkarni).
 */
function initialOfRelation(code: number, folded: number, relation: ParsedName, own: ParsedName): boolean {
  const c = relation.compare;
  for (let j = 0; j < relation.tokens.length; j++) {
    if (own.tokens.includes(relation.tokens[j] as string)) continue;
    if (c.firstDisplay[j] === code || c.firstKey[j] === folded) return true;
  }
  return false;
}

function initialOfAny(code: number, folded: number, p: ParsedName): boolean {
  const c = p.compare;
  for (let j = 0; j < p.tokens.length; j++) {
    if (c.firstDisplay[j] === code || c.firstKey[j] === folded) return true;
  }
  return false;
}

/**
 * Whether every initial in `name` stands for a word of `relation` (the father's or husband's name): Tamil and
 * Telugu records put the father's initial before the given name ("K. Murugan" s/o Kannan).
 */
export function initialsCompatible(name: ParsedName, relation: ParsedName | null): boolean {
  if (name.initials.length === 0) return true;
  if (relation === null) return false;
  const c = name.compare;
  for (let i = 0; i < name.initials.length; i++) {
    if (!initialOfAny(c.initialCodes[i] as number, c.initialFolded[i] as number, relation)) return false;
  }
  return true;
}

/** Whether word x of name a and word y of name b pair up as compareNames pairs close words (fuzzy). */
export function wordsClose(a: ParsedName, x: number, b: ParsedName, y: number): boolean {
  const ca = a.compare;
  const cb = b.compare;
  return (
    keysClose(
      a.tokens[x] as string,
      b.tokens[y] as string,
      ca.skeletons[x] as string,
      cb.skeletons[y] as string,
    ) ||
    writtenClose(
      a.display[x] as string,
      b.display[y] as string,
      ca.displaySkeletons[x] as string,
      cb.displaySkeletons[y] as string,
    )
  );
}

/**
 * Two keys are close when they differ only in vowels (the consonant skeletons agree: Sundar/Sunder, Amar/Amr)
 * and one of them has four letters or more — in keys of three letters a vowel is a third of the name (Sheeba
 * and Subba fold to "siv" and "suv") — or, for words of six letters or more, by one edit (a typing slip).
 * Allocation-free.
 */
export function keysClose(a: string, b: string, skA: string, skB: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la < 2 || lb < 2 || a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  if (
    skA === skB &&
    (la >= 4 || lb >= 4) &&
    skA.length >= 2 &&
    Math.abs(la - lb) <= 2 &&
    (withinOneEdit(a, b) || (la >= 6 && lb >= 6))
  )
    return true;
  if (la >= 6 && lb >= 6 && Math.abs(la - lb) <= 1) return withinOneEdit(a, b);
  return false;
}

/**
 * Two written words of five letters or more that start alike, have the same consonants in the same order and are
 * one edit apart: Urdu names transliterate a short vowel as a or e ("Ahmed"/"Ahmad", "Rehman"/"Rahman"), which
 * folding can push apart (the schwa rule drops the a of "Ahmad" but not the e of "Ahmed").
 */
function writtenClose(a: string, b: string, skA: string, skB: string): boolean {
  return (
    a.length >= 5 &&
    b.length >= 5 &&
    a.charCodeAt(0) === b.charCodeAt(0) &&
    skA === skB &&
    skA.length >= 2 &&
    withinOneEdit(a, b)
  );
}

/** Levenshtein distance ≤ 1, or one transposition of neighbours. */
function withinOneEdit(a: string, b: string): boolean {
  let la = a.length;
  let lb = b.length;
  let start = 0;
  while (start < la && start < lb && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (la > start && lb > start && a.charCodeAt(la - 1) === b.charCodeAt(lb - 1)) {
    la--;
    lb--;
  }
  const ra = la - start;
  const rb = lb - start;
  if (ra <= 1 && rb <= 1) return true;
  return (
    ra === 2 &&
    rb === 2 &&
    a.charCodeAt(start) === b.charCodeAt(start + 1) &&
    a.charCodeAt(start + 1) === b.charCodeAt(start)
  );
}

// -------------------------------------------------------------------------------------------------------
// Relation names

export type RelationKind = 's/o' | 'd/o' | 'w/o' | 'c/o';

export interface ParsedRelation {
  /** null when the text has no relation marker. */
  kind: RelationKind | null;
  /**
   * The father's, husband's or guardian's name. Without a marker the whole text is taken as that name (a
   * relation-name column often holds just "Shyam Lal"); null only when there is no name at all.
   */
  name: ParsedName | null;
  /** The text before the marker (the person's own name, when a full name carries its relation); else ''. */
  rest: string;
}

/**
 * Splits "Ramesh Kumar s/o Shyam Lal r/o Vill. Kheri" into the person's name ("Ramesh Kumar"), the relation
 * kind ('s/o') and the relation name ("Shyam Lal"); an address (r/o), age or comma after the relation name
 * ends it. Understands S/O, S.O., "son of", D/o, W/o, C/o, H/o, walad and पुत्र, पुत्री, पत्नी, वल्द.
 * Text without a marker is all relation name: to split a full name, check that `kind` is not null.
 *
 * @example parseRelation('Sunita Devi W/o Ramesh').kind // → 'w/o'
 */
export function parseRelation(raw: string): ParsedRelation {
  const text = typeof raw === 'string' ? raw : '';
  const lower = text.toLowerCase();
  let best = -1;
  let bestLength = 0;
  let kind: RelationKind | null = null;
  for (const [marker, k] of RELATION_MARKERS) {
    let from = 0;
    while (from <= lower.length) {
      const at = lower.indexOf(marker, from);
      if (at < 0) break;
      if (isBoundary(lower, at - 1) && isBoundary(lower, at + marker.length, marker)) {
        if (best < 0 || at < best) {
          best = at;
          bestLength = marker.length;
          kind = k;
        }
        break;
      }
      from = at + 1;
    }
  }
  if (best < 0 || kind === null) {
    const whole = parseName(cutAtStop(text));
    return { kind: null, name: whole.tokens.length + whole.initials.length > 0 ? whole : null, rest: '' };
  }
  const rest = text
    .slice(0, best)
    .trim()
    .replace(/[,;:\-–]+$/, '')
    .trim();
  const name = parseName(cutAtStop(text.slice(best + bestLength)).replace(/^[\s.:\-–]+/, ''));
  return { kind, name: name.tokens.length + name.initials.length > 0 ? name : null, rest };
}

/** The relation name ends where an address (r/o), an age or a comma begins. */
function cutAtStop(text: string): string {
  const padded = ` ${text}`;
  const lower = padded.toLowerCase();
  let end = padded.length;
  for (const stop of RELATION_STOPS) {
    const at = lower.indexOf(stop);
    if (at >= 0 && at < end) end = at;
  }
  const digit = lower.search(/[0-9०-९]/);
  if (digit >= 0 && digit < end) end = digit;
  return padded.slice(0, end).trim();
}

/** A marker must stand alone: "so" inside "Soni" or "bin" inside "Robin" is no marker. */
function isBoundary(text: string, index: number, marker?: string): boolean {
  if (index < 0 || index >= text.length) return true;
  // A marker ending in a dot or slash may run straight into the name: "S/O.Ram", "s.o.Ram".
  if (marker !== undefined && /[./\\]$/.test(marker)) return true;
  return !/[a-z0-9\u0900-\u097f]/.test(text.charAt(index));
}

// -------------------------------------------------------------------------------------------------------
// Blocking and term frequencies

/**
 * Cheap keys for blocking: each word's phonetic key, and its consonant skeleton (prefixed "~") so that names
 * differing only in vowels still meet. Initials and gender words (Devi, Kumar, Singh…) give no key: they are
 * too common to block on.
 */
export function nameBlockingKeys(p: ParsedName): string[] {
  const keys: string[] = [];
  const c = p.compare;
  for (let i = 0; i < p.tokens.length; i++) {
    if (c.gender[i]) continue;
    const key = p.tokens[i] as string;
    if (!keys.includes(key)) keys.push(key);
    const skeleton = `~${c.skeletons[i]}`;
    if (skeleton.length > 2 && !keys.includes(skeleton)) keys.push(skeleton);
  }
  // A name of gender words only ("Kumari", "Devi") still needs a key.
  if (keys.length === 0) for (const key of p.tokens) if (!keys.includes(key)) keys.push(key);
  return keys;
}

/**
 * Share of names that contain each phonetic key (a name counts once per key): Kumar, Singh, Devi and
 * Mohammed come out common, and a match on them is weak evidence (term-frequency adjustment).
 */
export function nameTokenFrequencies(names: readonly (ParsedName | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const p of names) {
    if (p === null || p.tokens.length === 0) continue;
    total++;
    for (let i = 0; i < p.tokens.length; i++) {
      const key = p.tokens[i] as string;
      if (p.tokens.indexOf(key) !== i) continue;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    // A word of an alias the name does not have counts too: how common "Pappu" is as anyone's name or alias.
    if (p.aliasNames.length === 0) continue;
    const extra = new Set<string>();
    for (const alias of p.aliasNames)
      for (const key of alias.tokens) if (!p.tokens.includes(key)) extra.add(key);
    for (const key of extra) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const shares = new Map<string, number>();
  for (const [key, n] of counts) shares.set(key, n / Math.max(1, total));
  return shares;
}

/**
 * For a pair that agrees on some words: the share (from `nameTokenFrequencies`) of the rarest key both names
 * have, or 1 when they share no key. A Fellegi–Sunter engine uses it in place of u for the agreeing level:
 * two "Kumar"s say little, two "Xalxo"s a lot. Allocation-free.
 */
export function rarestSharedFrequency(
  a: ParsedName,
  b: ParsedName,
  frequencies: Pick<ReadonlyMap<string, number>, 'get'>,
): number {
  let best = 1;
  for (let i = 0; i < a.tokens.length; i++) {
    const key = a.tokens[i] as string;
    if (!b.tokens.includes(key)) continue;
    const f = frequencies.get(key);
    if (f !== undefined && f < best) best = f;
  }
  return best;
}
