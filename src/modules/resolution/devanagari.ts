/**
 * Devanagari → roman transliteration for person names, so that "लक्ष्मी" and "Lakshmi" reach the same
 * phonetic key (names.ts `foldToken`). The output follows the way Indian records spell names in English
 * (ISO 15919 without diacritics, long vowels doubled: आ → aa, ई → ee, ऊ → oo; श and ष → sh; ज्ञ → gy),
 * because the folding that follows was tuned on such spellings. A word-final inherent vowel is dropped
 * ("राम" → "ram"), as Hindi pronounces and records write it; other schwas are kept and left to the folding.
 *
 * @example transliterateDevanagari('लक्ष्मी देवी') // → 'lakshmee devee'
 */

const VOWELS: Record<string, string> = {
  अ: 'a',
  आ: 'aa',
  इ: 'i',
  ई: 'ee',
  उ: 'u',
  ऊ: 'oo',
  ऋ: 'ri',
  ॠ: 'ri',
  ऌ: 'li',
  ऍ: 'e',
  ऎ: 'e',
  ए: 'e',
  ऐ: 'ai',
  ऑ: 'o',
  ऒ: 'o',
  ओ: 'o',
  औ: 'au',
};

const SIGNS: Record<string, string> = {
  'ा': 'aa',
  'ि': 'i',
  'ी': 'ee',
  'ु': 'u',
  'ू': 'oo',
  'ृ': 'ri',
  'ॄ': 'ri',
  'ॅ': 'e',
  'ॆ': 'e',
  'े': 'e',
  'ै': 'ai',
  'ॉ': 'o',
  'ॊ': 'o',
  'ो': 'o',
  'ौ': 'au',
};

const CONSONANTS: Record<string, string> = {
  क: 'k',
  ख: 'kh',
  ग: 'g',
  घ: 'gh',
  ङ: 'n',
  च: 'ch',
  छ: 'chh',
  ज: 'j',
  झ: 'jh',
  ञ: 'n',
  ट: 't',
  ठ: 'th',
  ड: 'd',
  ढ: 'dh',
  ण: 'n',
  त: 't',
  थ: 'th',
  द: 'd',
  ध: 'dh',
  न: 'n',
  ऩ: 'n',
  प: 'p',
  फ: 'ph',
  ब: 'b',
  भ: 'bh',
  म: 'm',
  य: 'y',
  र: 'r',
  ऱ: 'r',
  ल: 'l',
  ळ: 'l',
  ऴ: 'l',
  व: 'v',
  श: 'sh',
  ष: 'sh',
  स: 's',
  ह: 'h',
  // Precomposed nukta letters (Urdu and Persian sounds).
  क़: 'q',
  ख़: 'kh',
  ग़: 'g',
  ज़: 'z',
  ड़: 'd',
  ढ़: 'dh',
  फ़: 'f',
  य़: 'y',
};

/** A consonant followed by the combining nukta (U+093C) changes sound: ज़ is z, फ़ is f. */
const NUKTA_FORMS: Record<string, string> = { k: 'q', j: 'z', ph: 'f', kh: 'kh', g: 'g', d: 'd', dh: 'dh' };

const VIRAMA = '्';
const NUKTA = '़';
const ANUSVARA = 'ं';
const CHANDRABINDU = 'ँ';
const VISARGA = 'ः';

/** True when the text has at least one Devanagari letter (U+0900–U+097F). */
export function hasDevanagari(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0900 && c <= 0x097f) return true;
  }
  return false;
}

/** Roman (lower-case ASCII) spelling of Devanagari text; other characters pass through unchanged. */
export function transliterateDevanagari(text: string): string {
  let out = '';
  // Whether the last output was a consonant still carrying its inherent "a" (not yet written), and whether
  // that consonant ends a conjunct (joined by a virama to the one before).
  let pending = false;
  let conjunct = false;
  let afterVirama = false;
  let wordStart = 0;
  const flush = () => {
    if (pending) out += 'a';
    pending = false;
  };
  const endWord = () => {
    // Word-final schwa deletion: "राम" is "ram"; a one-letter word keeps it ("क" → "ka"), and so does a final
    // conjunct, as Hindi says it ("आदित्य" → "aaditya", "मित्र" → "mitra").
    if (pending && out.length - wordStart > 1 && !conjunct) pending = false;
    flush();
    afterVirama = false;
  };
  const chars = Array.from(text.normalize('NFC'));
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const next = chars[i + 1];
    const consonant = CONSONANTS[ch];
    if (consonant !== undefined) {
      flush();
      let roman = consonant;
      // ज्ञ is said "gy" across the Hindi belt: Gyan, Gyaneshwar.
      if (ch === 'ज' && next === VIRAMA && chars[i + 2] === 'ञ') {
        roman = 'gy';
        i += 2;
        afterVirama = true;
      } else if (next === NUKTA) {
        roman = NUKTA_FORMS[consonant] ?? consonant;
        i++;
      }
      out += roman;
      pending = true;
      conjunct = afterVirama;
      afterVirama = false;
      continue;
    }
    const sign = SIGNS[ch];
    if (sign !== undefined) {
      pending = false;
      out += sign;
      continue;
    }
    if (ch === VIRAMA) {
      pending = false;
      afterVirama = true;
      continue;
    }
    if (ch === NUKTA || ch === '\u200c' || ch === '\u200d' || ch === 'ऽ') continue;
    if (ch === ANUSVARA || ch === CHANDRABINDU) {
      flush();
      out += 'n';
      continue;
    }
    if (ch === VISARGA) {
      flush();
      out += 'h';
      continue;
    }
    const vowel = VOWELS[ch];
    if (vowel !== undefined) {
      flush();
      out += vowel;
      continue;
    }
    const code = ch.charCodeAt(0);
    if (code >= 0x0966 && code <= 0x096f) {
      endWord();
      out += String(code - 0x0966);
      wordStart = out.length;
      continue;
    }
    // Danda, spaces, Latin letters, punctuation: a word boundary.
    endWord();
    out += ch === '।' || ch === '॥' ? ' ' : ch;
    wordStart = out.length;
  }
  endWord();
  return out;
}
