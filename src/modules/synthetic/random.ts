/**
 * Seeded randomness for the synthetic generator. Math.random is never used: the same options must give
 * byte-identical output on every machine, and each case gets its own stream (derived from the seed and the
 * case index) so that a case looks the same whether it is generated alone, in a batch or in a 100k stream.
 */

/** 32-bit mixing (the finaliser of MurmurHash3); spreads nearby inputs such as consecutive case indices. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines a seed with any number of integer or string keys into one 32-bit stream seed. */
export function deriveSeed(seed: number, ...keys: (number | string)[]): number {
  let h = mix32(seed ^ 0x9e3779b9);
  for (const key of keys) {
    if (typeof key === 'number') {
      h = mix32(h ^ mix32(key + 0x632be5ab));
    } else {
      for (let i = 0; i < key.length; i++) h = mix32(h ^ (key.charCodeAt(i) + Math.imul(i, 0x27d4eb2d)));
    }
  }
  return h;
}

/** A weighted choice: `[value, weight]` pairs; weights need not sum to 1. */
export type Weighted<T> = readonly (readonly [T, number])[];

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): tiny state, fast in JS, passes PractRand
 * far beyond what a data generator needs.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    // Discard the first outputs: sfc32 needs a few rounds before nearby seeds decorrelate.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A new independent stream, keyed by the given labels (e.g. one per case or per planted actor). */
  static derive(seed: number, ...keys: (number | string)[]): Rng {
    return new Rng(deriveSeed(seed, ...keys));
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: Weighted<T>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('weighted choice from an empty list');
    return last[0];
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** `n` distinct items (or all of them if fewer). */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, n));
  }

  /** A string of `n` decimal digits (leading zeros allowed). */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

/**
 * A bijection on [0, modulus): x → (a·x + c) mod modulus with gcd(a, modulus) = 1. Used to turn a unique
 * counter (case index and slot) into a unique-but-random-looking number, so that two unrelated synthetic
 * people never share a phone or account by accident — every shared identifier in the data is planted and
 * therefore recorded in the ground truth.
 */
export class Permutation {
  private readonly modulus: bigint;
  private readonly a: bigint;
  private readonly c: bigint;

  constructor(modulus: number, seed: number) {
    this.modulus = BigInt(modulus);
    const rng = new Rng(seed);
    // Odd and not divisible by 5 is coprime with every modulus of the form 2^i·5^j (powers of ten and
    // 4·10^9) used here; the constructor checks anyway.
    let a = BigInt(rng.nextUint32()) * 4096n + BigInt(rng.nextUint32() % 4096);
    a = a % this.modulus;
    while (gcd(a, this.modulus) !== 1n || a < 2n) a += 1n;
    this.a = a;
    this.c = (BigInt(rng.nextUint32()) * 65536n + BigInt(rng.nextUint32() & 0xffff)) % this.modulus;
  }

  apply(x: number): number {
    const v = BigInt(x);
    if (v < 0n || v >= this.modulus)
      throw new RangeError(`permutation input ${x} outside [0, ${this.modulus})`);
    return Number((this.a * v + this.c) % this.modulus);
  }
}

function gcd(x: bigint, y: bigint): bigint {
  let a = x;
  let b = y;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}
