/**
 * Word lists for Indian person names (names.ts). Lower-case roman forms, as they look after Devanagari is
 * transliterated (devanagari.ts) and punctuation is removed ("Smt." → "smt", "श्रीमती" → "shreematee").
 */

/** Titles written before a name; they say nothing about who the person is and are stripped. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  // Hindi and general
  'shri',
  'sri',
  'shree',
  'sree',
  'sh',
  'shriman',
  'shreeman',
  'smt',
  'smti',
  'shrimati',
  'srimati',
  'shreematee',
  'shreemati',
  'sushri',
  'sushree',
  'kumari',
  'kumaree',
  'km',
  'kum',
  'ku',
  'master',
  'mastr',
  'baby',
  'bebi',
  'miss',
  'mr',
  'mrs',
  'ms',
  'dr',
  'do',
  'prof',
  'adv',
  'er',
  'pt',
  'pandit',
  'sardar',
  'sardaar',
  'ch',
  'thiru',
  'thirumathi',
  'tmt',
  'selvi',
  'selvan',
  'janab',
  'janaab',
  'mst',
  'mohtarma',
  'hazi',
  'haji',
  'hajee',
  'maulana',
  'molvi',
  'maulvi',
  'guru',
]);

/**
 * Honorifics that may also be a name word ("Baby Kumari" is a girl called Baby; "Kumari" is also a surname):
 * stripped only when they come first and what follows still has a word that is not a gender word.
 */
export const AMBIGUOUS_HONORIFICS: ReadonlySet<string> = new Set([
  'kumari',
  'guru',
  'sardar',
  'master',
  'ch',
  'baby',
  'pandit',
  'pt',
  'miss',
  'do',
  'sh',
]);

/** "Late Ram Lal", "Lt. Ram Lal", "स्व. राम लाल", "Ram Lal (Late)": the person has died; a signal, not a name. */
export const LATE_WORDS: ReadonlySet<string> = new Set([
  'late',
  'lt',
  'swargiya',
  'swargiy',
  'swargeeya',
  'swargeey',
  'svargeey',
  'svargeeya',
  'sv',
  'marhoom',
  'marhum',
  'deceased',
  'decd',
  'dead',
  'mrit',
  'mritak',
]);

/**
 * Abbreviations and spellings of one name word, mapped to one form before folding. Mohammed's many forms are
 * the example; Sk/Shaikh and Kr/Kumar are just as common in police records.
 */
export const WORD_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['mohd', 'mohammed'],
  ['mohmd', 'mohammed'],
  ['mhd', 'mohammed'],
  ['md', 'mohammed'],
  ['mo', 'mohammed'],
  ['mohammad', 'mohammed'],
  ['mohamad', 'mohammed'],
  ['mohamed', 'mohammed'],
  ['mohammedd', 'mohammed'],
  ['muhammad', 'mohammed'],
  ['muhammed', 'mohammed'],
  ['muhamad', 'mohammed'],
  ['mohmed', 'mohammed'],
  ['mohmmad', 'mohammed'],
  ['mahammad', 'mohammed'],
  ['mohammadd', 'mohammed'],
  ['mukhammad', 'mohammed'],
  ['sk', 'shaikh'],
  ['shk', 'shaikh'],
  ['sheikh', 'shaikh'],
  ['shekh', 'shaikh'],
  ['sheik', 'shaikh'],
  ['kr', 'kumar'],
  ['kmr', 'kumar'],
  ['pd', 'prasad'],
  ['prasd', 'prasad'],
  ['bhd', 'bahadur'],
  ['bdr', 'bahadur'],
]);

/** Relation markers written between a person's name and a father's, husband's or guardian's name. */
export const RELATION_MARKERS: readonly (readonly [string, 's/o' | 'd/o' | 'w/o' | 'c/o'])[] = [
  ['s/o', 's/o'],
  ['s.o.', 's/o'],
  ['s\\o', 's/o'],
  ['son of', 's/o'],
  ['d/o', 'd/o'],
  ['d.o.', 'd/o'],
  ['d\\o', 'd/o'],
  ['daughter of', 'd/o'],
  ['w/o', 'w/o'],
  ['w.o.', 'w/o'],
  ['w\\o', 'w/o'],
  ['wife of', 'w/o'],
  ['c/o', 'c/o'],
  ['c.o.', 'c/o'],
  ['care of', 'c/o'],
  ['h/o', 'c/o'],
  ['husband of', 'c/o'],
  ['f/o', 'c/o'],
  ['m/o', 'c/o'],
  ['g/o', 'c/o'],
  ['walad', 's/o'],
  ['wald', 's/o'],
  ['bin', 's/o'],
  ['binti', 'd/o'],
  ['bint', 'd/o'],
  // Devanagari: पुत्र/सुपुत्र (son of), पुत्री/सुपुत्री (daughter of), पत्नी/धर्मपत्नी (wife of),
  // वल्द (Urdu walad), पिता (father: "X पिता Y"), द्वारा (care of).
  ['पुत्र', 's/o'],
  ['सुपुत्र', 's/o'],
  ['पुत्री', 'd/o'],
  ['सुपुत्री', 'd/o'],
  ['पत्नी', 'w/o'],
  ['धर्मपत्नी', 'w/o'],
  ['वल्द', 's/o'],
  ['पिता', 's/o'],
  ['बेटा', 's/o'],
  ['बेटी', 'd/o'],
  ['द्वारा', 'c/o'],
];

/**
 * Words that say more about gender or marital status than about the person (Devi for a wife, Kumari for a
 * girl, Begum, Khatoon…). A record that has one and another that lacks it are not in disagreement, and two
 * records that carry different ones ("Sunita Devi", "Sunita Kumari") may still be the same woman.
 */
export const GENDER_WORDS: ReadonlySet<string> = new Set([
  'devi',
  'kumari',
  'kumar',
  'bai',
  'ben',
  'behen',
  'begum',
  'bibi',
  'khatoon',
  'khatun',
  'bano',
  'banu',
  'kaur',
  'singh',
  'mohammed',
  'nisa',
  'nissa',
  'sultana',
]);

/** Words that end a relation name: the rest is an address or an age ("s/o Ram Lal r/o Vill. Kheri, aged 35"). */
export const RELATION_STOPS: readonly string[] = [
  ' r/o',
  ' r.o.',
  ' resident of',
  ' aged',
  ' age ',
  ' age:',
  ' निवासी',
  ' उम्र',
  ' आयु',
  ' साकिन',
  ',',
  ';',
  '(',
];
