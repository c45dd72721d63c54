import { readFileSync } from 'node:fs';
import { type Community, communities, namesByCommunity } from './data/names.ts';
import { Rng } from './random.ts';

/**
 * Given names with a realistic spread. A real Indian population has tens of thousands of given names, a few
 * common and most rare; drawing from 30–50 names per community and gender made strangers share name,
 * father's name and age band far more often than real people do ("Rinki Kumari, 16" seven times in 3,000
 * cases), so a record linker was scored on look-alikes no record could tell apart.
 *
 * Each community and gender now draws from a ranked list with Zipf–Mandelbrot weights, weight(k) ∝ 1/(k + 30)
 * for rank k = 1, 2, …: the community's hand-made list (data/names.ts) is the frequent head, in its order, and
 * a long tail follows in a fixed shuffled order (a different order per community, so each has its own
 * favourites). With about 3,000 names the commonest name is about 0.7 % of people, the head about a fifth, and
 * two strangers share a given name with probability about 1 in 600 (1 in 45 before).
 *
 * Where the tail comes from (see data/README.md):
 * - Hindu communities (and tribal, whose records mostly carry Hindi names): first names from the CMU
 *   English–Hindi list (CC BY 3.0). The list has no gender; a name enters the female tail only if its
 *   Devanagari spelling ends in ā (ा) or ī (ी) — or ends in i (ि) with a -ti/-thi ending — and its roman
 *   spelling ends in a vowel; the male tail only if the Devanagari ends in a bare consonant. Endings that
 *   are male titles (-pati, -natha, -deva, -chandra…) and names in the other gender's head list are left
 *   out. The list also holds Arabic, Persian and a few Western names without marking them: names with a
 *   nukta or with z, q, f or x in the roman spelling are left out. Both rules are heuristics: a few unisex
 *   names (Kiran) land on one side and a few Arabic names without those sounds (Hashim) stay in; names the
 *   rules cannot place are not used.
 * - Muslim: the CMU "Abdul-" names (Abdul-Qadir → Abdul Qadir), "Abdul" with one of the divine names,
 *   -uddin and -ullah names and a hand-made list for men; -unnisa and -jahan names and a hand-made list for
 *   women (word lists below, ChildGrid's own). Muslim pools are smaller (about 240 and 140 names), so
 *   Muslim strangers share a given name more often (about 1 in 170 and 1 in 100), as they do in life.
 * - Sikh: compounds of the usual first and second parts (Gur-, Har-, Man-… with -preet, -deep, -jeet…);
 *   Sikh given names are largely unisex, Singh or Kaur marks gender.
 *
 * Everything is deterministic: the lists and their order depend on nothing but the data files.
 */

const OFFSET = 30;

const FEMALE_HINDI_END = new Set(['\u093e', '\u0940']); // ा ी
const SHORT_I = '\u093f'; // ि
const NUKTA = '\u093c';
const isConsonant = (ch: string) => ch >= '\u0915' && ch <= '\u0939';
const MALE_TITLE_END =
  /(pati|pathi|natha|nath|deva|swami|ananda|raja|atma|yoni|agni|chandra|ndra|suta|ratha|giri|anga|bheema)$/i;
/** Sounds Sanskrit-derived names do not have (z, q, f, x): Arabic, Persian and Western names in the list. */
const NOT_SANSKRIT = /[zqfx]|ou|aa[a-z]*h$/i;
const FEMALE_LOOKING_END = /(een|ine|elle|eth|ah|ia)$/i;

interface CmuPools {
  hinduMale: string[];
  hinduFemale: string[];
  /** "Abdul-Qadir" and the like, written "Abdul Qadir". */
  muslimMale: string[];
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function readCmu(): CmuPools {
  const tsv = readFileSync(new URL('./data/cmu_indian_first_names_en_hi.tsv', import.meta.url), 'utf8');
  const out: CmuPools = { hinduMale: [], hinduFemale: [], muslimMale: [] };
  const seen = new Set<string>();
  for (const line of tsv.split('\n').slice(1)) {
    const [rawRoman, rawHindi] = line.split('\t');
    const roman = rawRoman?.trim() ?? '';
    const hindi = rawHindi?.trim() ?? '';
    if (!roman || !hindi) continue;
    const abdul = /^Abdul-([A-Za-z]{3,12})$/i.exec(roman);
    if (abdul) {
      const name = `Abdul ${titleCase(abdul[1] as string)}`;
      if (!seen.has(name.toLowerCase())) {
        seen.add(name.toLowerCase());
        out.muslimMale.push(name);
      }
      continue;
    }
    if (!/^[A-Za-z]{3,12}$/.test(roman)) continue;
    const name = titleCase(roman);
    if (seen.has(name.toLowerCase())) continue;
    const last = hindi.charAt(hindi.length - 1);
    const beforeNukta = last === NUKTA ? hindi.charAt(hindi.length - 2) : last;
    const female =
      (FEMALE_HINDI_END.has(last) ||
        (last === SHORT_I && /(ti|thi)$/i.test(name) && !/pa(t|th)i$/i.test(name))) &&
      /[aie]$/i.test(name) &&
      !MALE_TITLE_END.test(name);
    const male = isConsonant(beforeNukta) && !FEMALE_LOOKING_END.test(name) && !MALE_TITLE_END.test(name);
    if (!female && !male) continue;
    seen.add(name.toLowerCase());
    // The list mixes Hindu, Muslim and a few Western names without saying which; only names that look
    // Sanskrit-derived join the Hindu tail. Muslim names are not taken from it: their gender and origin are
    // too often unclear from the spelling alone.
    if (hindi.includes(NUKTA) || NOT_SANSKRIT.test(name)) continue;
    (female ? out.hinduFemale : out.hinduMale).push(name);
  }
  return out;
}

// Hand-made word lists for Muslim and Sikh compound names (ChildGrid's own; common elements of such names).
const divineNames = [
  'Aziz',
  'Bari',
  'Basit',
  'Ghaffar',
  'Ghani',
  'Hadi',
  'Hafeez',
  'Hai',
  'Hakim',
  'Haleem',
  'Hameed',
  'Jabbar',
  'Jalil',
  'Kadir',
  'Kareem',
  'Khaliq',
  'Latif',
  'Majeed',
  'Malik',
  'Mannan',
  'Mateen',
  'Mujeeb',
  'Quddus',
  'Qayyum',
  'Raheem',
  'Rahman',
  'Rashid',
  'Rauf',
  'Razzaq',
  'Sabur',
  'Salam',
  'Samad',
  'Sattar',
  'Shakoor',
  'Subhan',
  'Wadood',
  'Wahab',
  'Wahid',
  'Wajid',
  'Wali',
];
const uddin = [
  'Alauddin',
  'Aminuddin',
  'Badruddin',
  'Fakhruddin',
  'Ghiasuddin',
  'Imamuddin',
  'Jalaluddin',
  'Kamaluddin',
  'Khairuddin',
  'Mehtabuddin',
  'Mohiuddin',
  'Moinuddin',
  'Najmuddin',
  'Nasiruddin',
  'Nizamuddin',
  'Qamaruddin',
  'Rafiuddin',
  'Riazuddin',
  'Salahuddin',
  'Shahabuddin',
  'Shamsuddin',
  'Sirajuddin',
  'Zahiruddin',
  'Zainuddin',
  'Ziauddin',
  'Azharuddin',
  'Gayasuddin',
  'Jamaluddin',
  'Sharfuddin',
  'Yaminuddin',
];
const ullah = [
  'Abdullah',
  'Amanullah',
  'Asadullah',
  'Ataullah',
  'Barkatullah',
  'Ehsanullah',
  'Fazlullah',
  'Habibullah',
  'Hidayatullah',
  'Inayatullah',
  'Kalimullah',
  'Kifayatullah',
  'Naimullah',
  'Obaidullah',
  'Rahmatullah',
  'Saifullah',
  'Samiullah',
  'Shafiullah',
  'Zabiullah',
  'Ziaullah',
  'Najibullah',
  'Sanaullah',
  'Ahsanullah',
];
const muslimMaleMore = [
  'Adil',
  'Afzal',
  'Ahmad',
  'Akbar',
  'Akram',
  'Ali',
  'Amjad',
  'Anees',
  'Arshad',
  'Asgar',
  'Ashfaq',
  'Ashraf',
  'Azhar',
  'Babar',
  'Danish',
  'Ehsan',
  'Faheem',
  'Faiyaz',
  'Farooq',
  'Feroz',
  'Ghulam',
  'Habib',
  'Hafiz',
  'Hamid',
  'Haroon',
  'Hasan',
  'Husain',
  'Ibrahim',
  'Idris',
  'Ilyas',
  'Imtiyaz',
  'Intezar',
  'Ishaq',
  'Jahangir',
  'Junaid',
  'Kaleem',
  'Kamran',
  'Khalid',
  'Khurshid',
  'Mahmood',
  'Maqsood',
  'Masood',
  'Mehboob',
  'Mehtab',
  'Mubarak',
  'Mujahid',
  'Mukhtar',
  'Munawwar',
  'Murtaza',
  'Mushtaq',
  'Naushad',
  'Nawab',
  'Nazir',
  'Noman',
  'Parvez',
  'Qamar',
  'Qasim',
  'Rafi',
  'Rahim',
  'Raza',
  'Rehan',
  'Riyaz',
  'Sabir',
  'Sadiq',
  'Saeed',
  'Sahil',
  'Sajjad',
  'Salman',
  'Sarfaraz',
  'Shabbir',
  'Shadab',
  'Shahbaz',
  'Shamim',
  'Sharif',
  'Shaukat',
  'Shoaib',
  'Sikandar',
  'Sultan',
  'Tabrez',
  'Tanveer',
  'Taufiq',
  'Umar',
  'Usman',
  'Wakil',
  'Yakub',
  'Yasin',
  'Zafar',
  'Zaheer',
  'Zahid',
  'Zubair',
  'Zulfiqar',
  'Mohsin',
  'Nasim',
  'Firoz',
  'Gulzar',
  'Ikram',
  'Inzamam',
  'Irshad',
  'Kaif',
];
const unnisa = [
  'Khairunnisa',
  'Mehrunnisa',
  'Qamarunnisa',
  'Shamsunnisa',
  'Zebunnisa',
  'Badrunnisa',
  'Fakhrunnisa',
  'Noorunnisa',
  'Azizunnisa',
  'Hafizunnisa',
  'Kaneez',
  'Noor Jahan',
  'Gul Jahan',
  'Roshan Ara',
  'Jahanara',
  'Gulnar',
  'Mehrjahan',
  'Khurshid Jahan',
  'Afroz Jahan',
];
const muslimFemaleMore = [
  'Aasma',
  'Afsana',
  'Alisha',
  'Alia',
  'Anam',
  'Aqsa',
  'Arshi',
  'Asifa',
  'Atiya',
  'Azra',
  'Bushra',
  'Dilshad',
  'Farah',
  'Farida',
  'Firdaus',
  'Gulnaz',
  'Gulshana',
  'Hafsa',
  'Hajra',
  'Halima',
  'Hamida',
  'Hina',
  'Huma',
  'Ishrat',
  'Jamila',
  'Jannat',
  'Jasmin',
  'Kahkashan',
  'Kainat',
  'Khadija',
  'Khushboo',
  'Lubna',
  'Mahjabeen',
  'Mahira',
  'Maryam',
  'Mehnaz',
  'Mehrun',
  'Muskan',
  'Nafisa',
  'Naghma',
  'Najma',
  'Nasima',
  'Naushaba',
  'Nazma',
  'Nilofar',
  'Nishat',
  'Rahila',
  'Raziya',
  'Rehnuma',
  'Roshni',
  'Rukhsana',
  'Saba',
  'Sabiha',
  'Sadaf',
  'Safiya',
  'Sahiba',
  'Saira',
  'Sajida',
  'Sakina',
  'Samina',
  'Sanjeeda',
  'Shagufta',
  'Shaista',
  'Shama',
  'Shamima',
  'Sharmin',
  'Shazia',
  'Shehnaz',
  'Shirin',
  'Sumaiya',
  'Tahira',
  'Tarannum',
  'Tasleem',
  'Uzma',
  'Wahida',
  'Yasmeen',
  'Zarina',
  'Zeenat',
  'Zohra',
  'Zubaida',
  'Zulekha',
  'Mehjabeen',
  'Nusrat',
  'Rashida',
  'Suraiya',
];
const sikhFirst = [
  'Gur',
  'Har',
  'Man',
  'Jas',
  'Kul',
  'Sukh',
  'Param',
  'Nav',
  'Aman',
  'Bal',
  'Dal',
  'Jag',
  'Ran',
  'Raj',
  'Kamal',
  'Tej',
  'Amar',
  'Dil',
  'Inder',
  'Prab',
  'Lakh',
  'Kir',
  'Bhupin',
  'Charan',
  'Ravin',
  'Sat',
  'Karam',
  'Hardil',
];
const sikhMaleEnd = [
  'preet',
  'deep',
  'jeet',
  'winder',
  'bir',
  'pal',
  'want',
  'meet',
  'jot',
  'dev',
  'inder',
  'jit',
];
const sikhFemaleEnd = ['preet', 'deep', 'jeet', 'leen', 'jot', 'want', 'meet', 'winder', 'jit', 'noor'];

function sikhCompounds(ends: readonly string[]): string[] {
  const out: string[] = [];
  for (const first of sikhFirst) {
    for (const end of ends) {
      // "Inderinder", "Harjitjit": skip doubled parts.
      if (first.toLowerCase().endsWith(end.slice(0, 3))) continue;
      out.push(`${first}${end}`);
    }
  }
  return out;
}

function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

interface Ranked {
  names: readonly string[];
  /** Cumulative weights, last = total. */
  cumulative: Float64Array;
}

function ranked(head: readonly string[], tail: readonly string[], exclude: ReadonlySet<string>): Ranked {
  const headNames = unique(head);
  const inHead = new Set(headNames.map((n) => n.toLowerCase()));
  const names = [
    ...headNames,
    ...unique(tail).filter((n) => !inHead.has(n.toLowerCase()) && !exclude.has(n.toLowerCase())),
  ];
  const cumulative = new Float64Array(names.length);
  let total = 0;
  for (let k = 0; k < names.length; k++) {
    total += 1 / (k + 1 + OFFSET);
    cumulative[k] = total;
  }
  return { names, cumulative };
}

type Sex = 'male' | 'female';

const pools: ReadonlyMap<string, Ranked> = (() => {
  const cmu = readCmu();
  const allMaleHeads = new Set(
    communities.flatMap((c) => namesByCommunity[c].male.map((n) => n.toLowerCase())),
  );
  const allFemaleHeads = new Set(
    communities.flatMap((c) => namesByCommunity[c].female.map((n) => n.toLowerCase())),
  );
  const out = new Map<string, Ranked>();
  for (const community of communities) {
    const names = namesByCommunity[community];
    for (const sex of ['male', 'female'] as const) {
      let tail: string[];
      if (community === 'muslim') {
        tail =
          sex === 'male'
            ? [
                ...muslimMaleMore,
                ...uddin,
                ...ullah,
                ...divineNames.map((d) => `Abdul ${d}`),
                ...cmu.muslimMale,
              ]
            : [...muslimFemaleMore, ...unnisa];
      } else if (community === 'sikh') {
        tail = sikhCompounds(sex === 'male' ? sikhMaleEnd : sikhFemaleEnd);
      } else {
        tail = sex === 'male' ? cmu.hinduMale : cmu.hinduFemale;
      }
      // A fixed order per community: its own favourites among the tail names.
      const shuffled = Rng.derive(20_251_125, 'given-tail', community, sex).shuffle(tail);
      const other = sex === 'male' ? allFemaleHeads : allMaleHeads;
      // Sikh names are unisex: the other gender's head list does not exclude them.
      out.set(
        `${community}/${sex}`,
        ranked(
          sex === 'male' ? names.male : names.female,
          shuffled,
          community === 'sikh' ? new Set() : other,
        ),
      );
    }
  }
  return out;
})();

function poolFor(community: Community, sex: Sex): Ranked {
  const pool = pools.get(`${community}/${sex}`);
  if (!pool) throw new Error(`no given names for ${community}/${sex}`);
  return pool;
}

/** The ranked given names of a community and gender, commonest first (for tests and statistics). */
export function givenNamePool(
  community: Community,
  sex: Sex,
): { names: readonly string[]; weights: number[] } {
  const { names, cumulative } = poolFor(community, sex);
  const weights = names.map(
    (_, k) => (cumulative[k] as number) - (k > 0 ? (cumulative[k - 1] as number) : 0),
  );
  const total = cumulative[names.length - 1] as number;
  return { names, weights: weights.map((w) => w / total) };
}

/** One given name of the community and gender, by its frequency; never one of `taken` (siblings' names). */
export function drawGivenName(rng: Rng, community: Community, sex: Sex, taken?: ReadonlySet<string>): string {
  const { names, cumulative } = poolFor(community, sex);
  const total = cumulative[names.length - 1] as number;
  for (;;) {
    const r = rng.next() * total;
    let lo = 0;
    let hi = names.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    const name = names[lo] as string;
    if (!taken?.has(name)) return name;
  }
}
