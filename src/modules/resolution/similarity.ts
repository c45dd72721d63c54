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

/** Jaro similarity in [0, 1]; two empty strings are 1. */
export function jaro(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 && lb === 0) return 1;
  if (la === 0 || lb === 0) return 0;
  if (a === b) return 1;
  if (la <= 31 && lb <= 31) return jaroBits(a, b, la, lb);
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
