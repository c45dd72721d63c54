/**
 * Indian-names benchmark (issue 4, "Quality and speed"): how well `compareNames` (src/modules/resolution/names.ts)
 * tells spelling variants of one name from different names, on the CMU English–Hindi list of Indian first names
 * (../shared/data/indian-names, CC BY 3.0).
 *
 * - Variant pairs: the 410 pairs of roman spellings of one Devanagari name (cmu_variant_pairs.tsv); the share
 *   scored as the same name (exact, folded or fuzzy). Goal ≥ 95 %.
 * - Different names: 100,000 pairs drawn with a fixed seed from cmu_indian_first_names_en_hi.tsv whose Devanagari
 *   differs; the share wrongly scored as the same name. Goal ≤ 1 %.
 * - Cross-script: each roman name against its own Devanagari spelling; the share scored as the same name.
 * - Speed: compareNames calls per second on parsed names (the linker needs ≥ 250,000 scored pairs/s per core).
 *
 *   npx node bench/indian-names.bench.ts [--data <dir>] [--pairs 100000] [--seed 4] [--verbose]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareNames, type NameLevel, type ParsedName, parseName } from '../src/modules/resolution/names.ts';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataDir = arg('data') ?? fileURLToPath(new URL('../../shared/data/indian-names/', import.meta.url));
const randomPairs = Number(arg('pairs') ?? 100_000);
const seed = Number(arg('seed') ?? 4);
const verbose = args.includes('--verbose');

const SAME: ReadonlySet<NameLevel> = new Set(['exact', 'folded', 'fuzzy']);

function readTsv(file: string): string[][] {
  return readFileSync(join(dataDir, file), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/\r$/, '').split('\t'))
    .filter((cols) => cols.length >= 2 && cols.every((c) => c.trim() !== ''));
}

/** mulberry32: a small seeded generator, so every run draws the same pairs. */
function rng(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(2)} %`;
const tally = (levels: NameLevel[]) => {
  const m = new Map<NameLevel, number>();
  for (const l of levels) m.set(l, (m.get(l) ?? 0) + 1);
  return [...m.entries()]
    .sort((x, y) => y[1] - x[1])
    .map(([l, n]) => `${l} ${n}`)
    .join(', ');
};

// 1. Variant pairs.
const variants = readTsv('cmu_variant_pairs.tsv').map(([hindi, a, b]) => ({
  hindi: hindi as string,
  a: a as string,
  b: b as string,
}));
const variantLevels = variants.map((v) => compareNames(parseName(v.a), parseName(v.b)));
const variantSame = variantLevels.filter((l) => SAME.has(l)).length;
const variantShare = variantSame / variants.length;

// 2. Different names.
const list = readTsv('cmu_indian_first_names_en_hi.tsv').map(([english, hindi]) => ({
  english: english as string,
  hindi: (hindi as string).normalize('NFC'),
}));
const parsedEnglish = list.map((r) => parseName(r.english));
const random = rng(seed);
const falseLevels: NameLevel[] = [];
const falseExamples: string[] = [];
let drawn = 0;
while (drawn < randomPairs) {
  const i = Math.floor(random() * list.length);
  const j = Math.floor(random() * list.length);
  const x = list[i] as (typeof list)[number];
  const y = list[j] as (typeof list)[number];
  if (x.hindi === y.hindi || x.english.toLowerCase() === y.english.toLowerCase()) continue;
  drawn++;
  const level = compareNames(parsedEnglish[i] as ParsedName, parsedEnglish[j] as ParsedName);
  if (SAME.has(level)) {
    falseLevels.push(level);
    if (falseExamples.length < 40)
      falseExamples.push(`${x.english} (${x.hindi}) ~ ${y.english} (${y.hindi}): ${level}`);
  }
}
const falseShare = falseLevels.length / drawn;

// 3. Cross-script.
const crossLevels = list.map((r, i) => compareNames(parsedEnglish[i] as ParsedName, parseName(r.hindi)));
const crossSame = crossLevels.filter((l) => SAME.has(l)).length;

// 4. Speed of compareNames on parsed names (pairs of different names: the common case for a linker).
const parsedPairs: [ParsedName, ParsedName][] = [];
for (let k = 0; k < 100_000; k++) {
  parsedPairs.push([
    parsedEnglish[Math.floor(random() * list.length)] as ParsedName,
    parsedEnglish[Math.floor(random() * list.length)] as ParsedName,
  ]);
}
let sink = 0;
const rounds = 20;
const t0 = performance.now();
for (let r = 0; r < rounds; r++) {
  for (const [p, q] of parsedPairs) if (compareNames(p, q) === 'folded') sink++;
}
const perSecond = (rounds * parsedPairs.length) / ((performance.now() - t0) / 1000);

console.log('Indian names (CMU English–Hindi first names)\n');
console.log(
  `  variant pairs scored the same name   ${variantSame} of ${variants.length} = ${pct(variantSame, variants.length)}   (goal ≥ 95 %)   ${variantShare >= 0.95 ? 'MET' : 'NOT MET'}`,
);
console.log(`    by level: ${tally(variantLevels)}`);
console.log(
  `  different names scored the same      ${falseLevels.length} of ${drawn.toLocaleString('en-IN')} = ${pct(falseLevels.length, drawn)}   (goal ≤ 1 %)   ${falseShare <= 0.01 ? 'MET' : 'NOT MET'}`,
);
if (falseLevels.length > 0) console.log(`    by level: ${tally(falseLevels)}`);
console.log(
  `  roman ↔ Devanagari, same name        ${crossSame} of ${list.length.toLocaleString('en-IN')} = ${pct(crossSame, list.length)}`,
);
console.log(
  `  compareNames on parsed names         ${Math.round(perSecond).toLocaleString('en-IN')} pairs/s on one core   (the linker's budget: ≥ 250,000 scored pairs/s)${sink < 0 ? '' : ''}`,
);

if (verbose) {
  console.log('\nVariant pairs not scored the same:');
  variants.forEach((v, k) => {
    const level = variantLevels[k] as NameLevel;
    if (!SAME.has(level))
      console.log(
        `  ${v.hindi}  ${v.a} / ${v.b}: ${level}  [${parseName(v.a).tokens.join(' ')} / ${parseName(v.b).tokens.join(' ')}]`,
      );
  });
  console.log('\nDifferent names scored the same (first 40):');
  for (const e of falseExamples) console.log(`  ${e}`);
  console.log('\nCross-script misses (first 60):');
  let shown = 0;
  list.forEach((r, i) => {
    if (shown >= 60 || SAME.has(crossLevels[i] as NameLevel)) return;
    shown++;
    console.log(
      `  ${r.english} / ${r.hindi}: ${crossLevels[i]}  [${parsedEnglish[i]?.tokens.join(' ')} / ${parseName(r.hindi).tokens.join(' ')} ← ${parseName(r.hindi).display.join(' ')}]`,
    );
  });
}
