/**
 * String similarity for record comparison: Jaro, Jaro–Winkler and Damerau–Levenshtein (optimal string alignment).
 *
 * They run inside the pair loop of person resolution, hundreds of thousands of times a second, so they allocate
 * nothing: they read characters with `charCodeAt` and work in scratch buffers kept by this module (grown when a
 * longer string arrives). They are not re-entrant, which is fine in single-threaded JavaScript.
 *
 * @example
 * jaroWinkler('martha', 'marhta'); // 0.9611…
 * damerauLevenshtein('ca', 'ac'); // 1
 */

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);
let row0 = new Int32Array(65);
let row1 = new Int32Array(65);
let row2 = new Int32Array(65);

function ensureFlags(n: number): void {
  if (n <= flagsA.length) return;
  flagsA = new Uint8Array(n * 2);
  flagsB = new Uint8Array(n * 2);
}

function ensureRows(n: number): void {
  if (n + 1 <= row0.length) return;
  row0 = new Int32Array(n * 2 + 1);
  row1 = new Int32Array(n * 2 + 1);
  row2 = new Int32Array(n * 2 + 1);
}

/** Bit masks of the positions of each character in the current `b` (bit-parallel Jaro, strings ≤ 31 long). */
const positions = new Int32Array(65_536);

/**
 * Jaro similarity in [0, 1]; two empty strings are 1. Bit-parallel up to 128 characters (one word up to 31, two
 * words up to 64, four up to 128: a 40-character address beside a 60-character one costs about half a
 * microsecond, against three and a half for the character-by-character scan of `jaroLong`, still used beyond).
 * Every version finds the same matches and transpositions and computes the result with the same expression, so
 * they agree to the last bit.
 */
export function jaro(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 && lb === 0) return 1;
  if (la === 0 || lb === 0) return 0;
  if (a === b) return 1;
  if (la <= 31 && lb <= 31) return jaroBits(a, b, la, lb);
  if (la <= 64 && lb <= 64) return jaro64(a, b, la, lb);
  if (la <= WIDE && lb <= WIDE) return jaroWide(a, b, la, lb);
  return jaroLong(a, b, la, lb);
}

/**
 * Jaro with bit masks: for each character of `a`, the unmatched positions of the same character in `b` within the
 * match window are one AND of masks, and the first of them is found with `Math.clz32`. Linear in the lengths.
 */
function jaroBits(a: string, b: string, la: number, lb: number): number {
  for (let j = 0; j < lb; j++) positions[b.charCodeAt(j)]! |= 1 << j;
  let window = (Math.max(la, lb) >> 1) - 1;
  if (window < 0) window = 0;
  let matchedA = 0;
  let matchedB = 0;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(i - window, 0);
    const hi = Math.min(i + window + 1, lb);
    if (lo >= hi) continue;
    const range = (hi >= 31 ? 0x7fffffff : (1 << hi) - 1) & ~((1 << lo) - 1);
    const free = positions[a.charCodeAt(i)]! & range & ~matchedB;
    if (free !== 0) {
      matchedB |= free & -free;
      matchedA |= 1 << i;
      matches++;
    }
  }
  for (let j = 0; j < lb; j++) positions[b.charCodeAt(j)] = 0;
  if (matches === 0) return 0;
  let half = 0;
  while (matchedA !== 0) {
    const i = 31 - Math.clz32(matchedA & -matchedA);
    const j = 31 - Math.clz32(matchedB & -matchedB);
    if (a.charCodeAt(i) !== b.charCodeAt(j)) half++;
    matchedA &= matchedA - 1;
    matchedB &= matchedB - 1;
  }
  return (matches / la + matches / lb + (matches - half / 2) / matches) / 3;
}

/** Longest strings `jaroWide` takes: its masks are WIDE / 32 = 4 words of 32 bits. */
const WIDE = 128;
/** Per character, WIDE / 32 words of position masks in the current `b` (character c at c * 4). */
const positionsWide = new Int32Array(65_536 * (WIDE >> 5));
/** Matched positions of `a` and of `b`, one bit each. */
const matchedAWide = new Int32Array(WIDE >> 5);
const matchedBWide = new Int32Array(WIDE >> 5);

/** Bits lo..hi-1 of a 32-bit word (0 ≤ lo < hi ≤ 32). */
function bitRange(lo: number, hi: number): number {
  return (hi >= 32 ? -1 : (1 << hi) - 1) & (-1 << lo);
}

/**
 * `jaroWide` for strings up to 64 long: two words, held in locals, and no data-dependent branches (whether a
 * character matches is as good as random, and a mispredicted branch costs more than the work). A match in word 0
 * masks word 1 out, so the lowest free position is taken, as in `jaroLong`.
 */
function jaro64(a: string, b: string, la: number, lb: number): number {
  const pos = positionsWide;
  for (let j = 0; j < lb; j++) pos[(b.charCodeAt(j) << 2) | (j >> 5)]! |= 1 << (j & 31);
  let window = (Math.max(la, lb) >> 1) - 1;
  if (window < 0) window = 0;
  let ma0 = 0;
  let ma1 = 0;
  let mb0 = 0;
  let mb1 = 0;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = Math.min(i + window + 1, lb);
    if (lo >= hi) continue;
    const r0 = lo < 32 ? bitRange(lo, Math.min(hi, 32)) : 0;
    const r1 = hi > 32 ? bitRange(lo > 32 ? lo - 32 : 0, hi - 32) : 0;
    const base = a.charCodeAt(i) << 2;
    const f0 = pos[base]! & ~mb0 & r0;
    const low0 = f0 & -f0;
    // -1 when word 0 had a match, else 0.
    const had0 = (low0 | -low0) >> 31;
    const f1 = pos[base + 1]! & ~mb1 & r1 & ~had0;
    const low1 = f1 & -f1;
    mb0 |= low0;
    mb1 |= low1;
    const hit = (low0 | low1 | -(low0 | low1)) >>> 31;
    matches += hit;
    if (i < 32) ma0 |= hit << i;
    else ma1 |= hit << (i - 32);
  }
  for (let j = 0; j < lb; j++) pos[(b.charCodeAt(j) << 2) | (j >> 5)] = 0;
  if (matches === 0) return 0;
  let half = 0;
  let wa = 0;
  let wb = 0;
  let xa = ma0;
  let xb = mb0;
  for (let k = 0; k < matches; k++) {
    if (xa === 0) {
      xa = ma1;
      wa = 32;
    }
    if (xb === 0) {
      xb = mb1;
      wb = 32;
    }
    const d = a.charCodeAt(wa + 31 - Math.clz32(xa & -xa)) ^ b.charCodeAt(wb + 31 - Math.clz32(xb & -xb));
    half += (d + 0xffff) >>> 16;
    xa &= xa - 1;
    xb &= xb - 1;
  }
  return (matches / la + matches / lb + (matches - half / 2) / matches) / 3;
}

/**
 * `jaroBits` for strings up to WIDE long, with masks of several 32-bit words: for each character of `a`, the
 * unmatched positions of the same character in `b` within the window are found word by word, the lowest first,
 * so the matches and transpositions are exactly those of `jaroLong`'s scan.
 */
function jaroWide(a: string, b: string, la: number, lb: number): number {
  const pos = positionsWide;
  const ma = matchedAWide;
  const mb = matchedBWide;
  for (let j = 0; j < lb; j++) pos[(b.charCodeAt(j) << 2) | (j >> 5)]! |= 1 << (j & 31);
  let window = (Math.max(la, lb) >> 1) - 1;
  if (window < 0) window = 0;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = Math.min(i + window + 1, lb);
    if (lo >= hi) continue;
    const base = a.charCodeAt(i) << 2;
    const first = lo >> 5;
    const last = (hi - 1) >> 5;
    for (let w = first; w <= last; w++) {
      let free = pos[base + w]! & ~mb[w]!;
      if (free === 0) continue;
      if (w === first) free &= -1 << (lo & 31);
      if (w === last) {
        const top = hi - (w << 5);
        if (top < 32) free &= (1 << top) - 1;
      }
      if (free !== 0) {
        mb[w]! |= free & -free;
        ma[i >> 5]! |= 1 << (i & 31);
        matches++;
        break;
      }
    }
  }
  for (let j = 0; j < lb; j++) pos[(b.charCodeAt(j) << 2) | (j >> 5)] = 0;
  let half = 0;
  if (matches !== 0) {
    let wa = 0;
    let wb = 0;
    let xa = ma[0]!;
    let xb = mb[0]!;
    for (let k = 0; k < matches; k++) {
      while (xa === 0) xa = ma[++wa]!;
      while (xb === 0) xb = mb[++wb]!;
      const i = (wa << 5) | (31 - Math.clz32(xa & -xa));
      const j = (wb << 5) | (31 - Math.clz32(xb & -xb));
      if (a.charCodeAt(i) !== b.charCodeAt(j)) half++;
      xa &= xa - 1;
      xb &= xb - 1;
    }
  }
  const words = WIDE >> 5;
  for (let w = 0; w < words; w++) {
    ma[w] = 0;
    mb[w] = 0;
  }
  if (matches === 0) return 0;
  return (matches / la + matches / lb + (matches - half / 2) / matches) / 3;
}

function jaroLong(a: string, b: string, la: number, lb: number): number {
  ensureFlags(Math.max(la, lb));
  const fa = flagsA;
  const fb = flagsB;
  fa.fill(0, 0, la);
  fb.fill(0, 0, lb);
  let window = (Math.max(la, lb) >> 1) - 1;
  if (window < 0) window = 0;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(i - window, 0);
    const hi = Math.min(i + window + 1, lb);
    const c = a.charCodeAt(i);
    for (let j = lo; j < hi; j++) {
      if (fb[j] === 0 && b.charCodeAt(j) === c) {
        fa[i] = 1;
        fb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let half = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (fa[i] === 0) continue;
    while (fb[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) half++;
    k++;
  }
  return (matches / la + matches / lb + (matches - half / 2) / matches) / 3;
}

/**
 * Jaro–Winkler similarity: Jaro plus a bonus for a common prefix of up to four characters (scale 0.1), given only
 * when Jaro is above 0.7, as in Winkler's original and in the Python Record Linkage Toolkit.
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= 0.7) return j;
  const max = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and transpositions
 * of adjacent characters, no substring edited twice). With `max`, returns `max + 1` as soon as the distance is
 * known to exceed it.
 */
export function damerauLevenshtein(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  let la = a.length;
  let lb = b.length;
  if (a === b) return 0;
  const diff = la > lb ? la - lb : lb - la;
  if (diff > max) return max + 1;
  // Common prefix and suffix cost nothing.
  let start = 0;
  while (start < la && start < lb && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (la > start && lb > start && a.charCodeAt(la - 1) === b.charCodeAt(lb - 1)) {
    la--;
    lb--;
  }
  const n = la - start;
  const m = lb - start;
  if (n === 0) return m;
  if (m === 0) return n;
  if (max <= 1) {
    // One edit at most: what is left after the common prefix and suffix is one substitution, or two characters
    // transposed; insertions and deletions left an empty side above.
    if (n === 1 && m === 1) return 1;
    if (
      n === 2 &&
      m === 2 &&
      a.charCodeAt(start) === b.charCodeAt(start + 1) &&
      a.charCodeAt(start + 1) === b.charCodeAt(start)
    )
      return 1;
    return max + 1;
  }
  ensureRows(m);
  let prev2 = row0; // row i-2
  let prev = row1; // row i-1
  let cur = row2;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(start + i - 1);
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(start + j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = prev[j - 1]! + cost;
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (
        i > 1 &&
        j > 1 &&
        ca === b.charCodeAt(start + j - 2) &&
        a.charCodeAt(start + i - 2) === cb &&
        prev2[j - 2]! + 1 < v
      )
        v = prev2[j - 2]! + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** Levenshtein-style similarity 1 − distance / longer length, using the Damerau–Levenshtein distance. */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - damerauLevenshtein(a, b) / longer;
}
