/**
 * The Fellegi–Sunter model: for every comparison level, m (how often records of one person reach it) and u (how
 * often records of two different people do), estimated on the data being resolved; a pair's score is the sum of
 * log2(m / u) over its comparisons (its match weight), with
 *  - u of exact agreement computed from value counts and u of the other levels from random pairs;
 *  - m and the share of matches λ estimated by expectation–maximisation over the candidate pairs' comparison
 *    patterns (u kept fixed, as Splink does, because blocked pairs over-agree on the blocking fields);
 *  - a term-frequency adjustment of exact agreements (Kumar and Singh are weak evidence, a rare name strong);
 *  - the given-name disagreement weight clamped to a floor and the household fields' sum capped (constants.ts).
 */
import type { Comparison, ComparisonKey, ValueFrequencies } from './comparisons.ts';
import { GIVEN_NAME_COMPARISONS, NAME_GATED_CORROBORATION } from './comparisons.ts';
import { RESOLUTION_MODEL, RESOLUTION_THRESHOLDS } from './constants.ts';

export interface FieldModel {
  key: ComparisonKey;
  levels: readonly string[];
  household: boolean;
  /** Indexed by level; index 0 (missing) is 0. */
  m: number[];
  u: number[];
  /** log2(m / u) per level after any clamp; index 0 is 0. */
  weights: number[];
}

export interface ResolutionModel {
  /** Estimated share of candidate pairs that are matches. */
  lambda: number;
  fields: FieldModel[];
  em: { iterations: number; converged: boolean; candidatePairs: number; patterns: number };
  /** The run's term frequencies, for scoring other records with this model later (set by `resolve`). */
  frequencies?: ValueFrequencies;
}

/** Comparison patterns of many pairs, grouped: `levels[p * C + c]` is pattern p's level on comparison c. */
export interface PatternCounts {
  comparisons: number;
  levels: Uint8Array;
  counts: Float64Array;
}

/** Groups the level vectors of pairs (`vectors[k * C + c]`) into distinct patterns with counts. */
export function countPatterns(vectors: Uint8Array, comparisons: number): PatternCounts {
  const pairs = comparisons === 0 ? 0 : vectors.length / comparisons;
  const index = new Map<number, number>();
  const levels: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < pairs; k++) {
    let code = 0;
    const base = k * comparisons;
    for (let c = 0; c < comparisons; c++) code = code * 8 + vectors[base + c]!;
    let p = index.get(code);
    if (p === undefined) {
      p = counts.length;
      index.set(code, p);
      counts.push(0);
      for (let c = 0; c < comparisons; c++) levels.push(vectors[base + c]!);
    }
    counts[p]!++;
  }
  return { comparisons, levels: Uint8Array.from(levels), counts: Float64Array.from(counts) };
}

/** Level frequencies (index 0 ignored), smoothed and normalised over the non-missing levels. */
function normalise(counts: number[], smoothing: number): number[] {
  let total = 0;
  for (let l = 1; l < counts.length; l++) total += counts[l]! + smoothing;
  const out = [0];
  for (let l = 1; l < counts.length; l++) out.push((counts[l]! + smoothing) / total);
  return out;
}

export interface EmResult {
  m: number[][];
  u: number[][];
  lambda: number;
  iterations: number;
  converged: boolean;
}

/**
 * Expectation–maximisation of m, λ (and u when `updateU`) over comparison patterns, under conditional
 * independence; missing levels carry no evidence. `levelCounts[c]` is the number of non-missing levels of c.
 */
export function expectationMaximisation(
  patterns: PatternCounts,
  levelCounts: readonly number[],
  start: { m: number[][]; u: number[][]; lambda: number },
  options: {
    updateU: boolean;
    maxIterations?: number;
    tolerance?: number;
    smoothing?: number;
    /** Upper bound on λ (the share of matches), see `resolve`. */
    lambdaMax?: number;
    /** Upper bound on m of the last level ("disagree") per comparison (NaN: none). */
    disagreeMaxM?: readonly number[];
    /**
     * How a pattern's level weights (bits, `weights[c][l]`) add up to its score, when not a plain sum: the
     * scorer's own limits (household cap, corroboration), so EM's match class is what the scorer would link.
     */
    combine?: (levels: Uint8Array, offset: number, weights: readonly Float64Array[]) => number;
  },
): EmResult {
  const C = patterns.comparisons;
  const P = patterns.counts.length;
  const maxIterations = options.maxIterations ?? RESOLUTION_MODEL.emMaxIterations;
  const tolerance = options.tolerance ?? RESOLUTION_MODEL.emTolerance;
  const smoothing = options.smoothing ?? RESOLUTION_MODEL.smoothing;
  let m = start.m.map((a) => [...a]);
  let u = start.u.map((a) => [...a]);
  let lambda = start.lambda;
  const posterior = new Float64Array(P);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    // E-step: posterior probability that each pattern is a match.
    const logPrior = Math.log(lambda) - Math.log(1 - lambda);
    const combine = options.combine;
    if (combine) {
      const bits = m.map((mc, c) =>
        Float64Array.from(mc, (x, l) => (l === 0 ? 0 : Math.log2(x / u[c]![l]!))),
      );
      for (let p = 0; p < P; p++) {
        const logit = logPrior + Math.LN2 * combine(patterns.levels, p * C, bits);
        posterior[p] = 1 / (1 + Math.exp(-logit));
      }
    } else
      for (let p = 0; p < P; p++) {
        let logit = logPrior;
        for (let c = 0; c < C; c++) {
          const l = patterns.levels[p * C + c]!;
          if (l !== 0) logit += Math.log(m[c]![l]!) - Math.log(u[c]![l]!);
        }
        posterior[p] = 1 / (1 + Math.exp(-logit));
      }
    // M-step.
    const mCounts = levelCounts.map((L) => new Array<number>(L + 1).fill(0));
    const uCounts = levelCounts.map((L) => new Array<number>(L + 1).fill(0));
    let matches = 0;
    let total = 0;
    for (let p = 0; p < P; p++) {
      const n = patterns.counts[p]!;
      const w = posterior[p]! * n;
      matches += w;
      total += n;
      for (let c = 0; c < C; c++) {
        const l = patterns.levels[p * C + c]!;
        mCounts[c]![l]! += w;
        uCounts[c]![l]! += n - w;
      }
    }
    const nextM = mCounts.map((counts, c) => {
      const m = normalise(counts, smoothing);
      const cap = options.disagreeMaxM?.[c] ?? Number.NaN;
      const L = m.length - 1;
      if (m[L]! > cap) {
        const scale = (1 - cap) / (1 - m[L]!);
        for (let l = 1; l < L; l++) m[l] = m[l]! * scale;
        m[L] = cap;
      }
      return m;
    });
    const nextU = options.updateU ? uCounts.map((counts) => normalise(counts, smoothing)) : u;
    const nextLambda = Math.min(Math.max(matches / total, 1e-9), options.lambdaMax ?? 1 - 1e-9);
    let change = Math.abs(nextLambda - lambda);
    for (let c = 0; c < C; c++)
      for (let l = 1; l < nextM[c]!.length; l++) {
        change = Math.max(change, Math.abs(nextM[c]![l]! - m[c]![l]!));
        if (options.updateU) change = Math.max(change, Math.abs(nextU[c]![l]! - u[c]![l]!));
      }
    m = nextM;
    u = nextU;
    lambda = nextLambda;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  return { m, u, lambda, iterations, converged };
}

/** A small deterministic generator (mulberry32) so the same input always gives the same model. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * u for every comparison: level frequencies among random pairs of records (from `left` × `right`, or within one
 * set when they are the same range), with level 1 computed exactly from value counts where level 1 means "same
 * value": Σ n_v (n_v − 1) / (N (N − 1)).
 */
export function estimateU(
  comparisons: readonly Comparison[],
  left: [number, number],
  right: [number, number],
  samplePairs: number = RESOLUTION_MODEL.uSamplePairs,
): number[][] {
  const random = seededRandom(0x5eed);
  const counts = comparisons.map((c) => new Array<number>(c.levels.length + 1).fill(0));
  const leftSize = left[1] - left[0];
  const rightSize = right[1] - right[0];
  if (leftSize > 0 && rightSize > 0 && !(leftSize === 1 && left[0] === right[0] && rightSize === 1))
    for (let k = 0; k < samplePairs; k++) {
      const i = left[0] + Math.floor(random() * leftSize);
      const j = right[0] + Math.floor(random() * rightSize);
      if (i === j) continue;
      for (let c = 0; c < comparisons.length; c++) counts[c]![comparisons[c]!.level(i, j)]!++;
    }
  return comparisons.map((comparison, c) => {
    const u = normalise(counts[c]!, RESOLUTION_MODEL.smoothing);
    const col = comparison.tf;
    if (comparison.exactIsSameId && col && col.present >= 2) {
      let same = 0;
      for (let v = 0; v < col.counts.length; v++) same += col.counts[v]! * (col.counts[v]! - 1);
      const exact = Math.max(same / (col.present * (col.present - 1)), 1e-9);
      const rest = 1 - u[1]!;
      for (let l = 2; l < u.length; l++) u[l] = rest > 0 ? (u[l]! / rest) * (1 - exact) : u[l]!;
      u[1] = exact;
    }
    return u;
  });
}

/** Starting m: most matches agree exactly, few disagree. */
export function startingM(levelCounts: readonly number[]): number[][] {
  return levelCounts.map((L) => {
    const m = [0];
    for (let l = 1; l <= L; l++) m.push(l === 1 ? 0.85 : l === L ? 0.03 : 0.12 / Math.max(L - 2, 1));
    return m;
  });
}

/** Weights from m and u, with the given-name disagreement floor applied. */
export function fieldModels(comparisons: readonly Comparison[], m: number[][], u: number[][]): FieldModel[] {
  return comparisons.map((comparison, c) => {
    const L = comparison.levels.length;
    const weights = [0];
    for (let l = 1; l <= L; l++) {
      let w = Math.log2(m[c]![l]! / u[c]![l]!);
      if (l === L && comparison.key === 'name') w = Math.min(w, RESOLUTION_MODEL.nameDisagreeMaxWeight);
      else if (l === L && GIVEN_NAME_COMPARISONS.has(comparison.key))
        w = Math.min(w, RESOLUTION_MODEL.givenNameDisagreeMaxWeight);
      weights.push(w);
    }
    return {
      key: comparison.key,
      levels: comparison.levels,
      household: comparison.household,
      m: m[c]!,
      u: u[c]!,
      weights,
    };
  });
}

/** One field's part in a score. */
export interface ExplanationTerm {
  field: ComparisonKey;
  level: string;
  /** Weight of the level plus the term-frequency adjustment, in bits. */
  weight: number;
  /** The part of `weight` that came from how common the agreeing value is (0 when none). */
  tfAdjustment: number;
}

/**
 * Why a pair scored what it did. `score` is exactly the sum of the terms' weights plus `householdCap` (≤ 0: the
 * part of the household fields' sum above their limit) plus `corroborationCap`. `probability` adds the prior λ.
 */
export interface Explanation {
  score: number;
  probability: number;
  terms: ExplanationTerm[];
  householdCap: number;
  /**
   * ≤ 0: what was taken off because nothing corroborated the match (no phone, identifier, email, relation name
   * or full birth date agreed): such a pair scores at most RESOLUTION_MODEL.uncorroboratedMaxWeight.
   */
  corroborationCap: number;
  /** Whether some field agreed at a corroborating level (comparisons.ts, CORROBORATING_LEVELS). */
  corroborated: boolean;
  /**
   * Which limit applied to the household fields: `cap` (RESOLUTION_MODEL.householdMaxWeight) or `siblings` (the
   * relation names agree and the given names disagree: the household adds nothing).
   */
  household: 'cap' | 'siblings';
}

/** What the scorer needs to know about each comparison to apply its limits. */
export interface ScoreLimits {
  household: Uint8Array;
  corroborates: Uint8Array;
  /** Index of the given-name comparison and its disagree level; index of the relation-name comparison. */
  givenIndex: number;
  givenDisagree: number;
  relationIndex: number;
  /** Index of the gender comparison and its disagree level (−1 without one). */
  genderIndex: number;
  genderDisagree: number;
  /**
   * 1 where a comparison's corroboration depends on the pair (comparisons.ts NAME_GATED_CORROBORATION: the names
   * must share an own word; `corroboratesPair`: a further condition such as a full address).
   */
  gated: Uint8Array;
  sharesOwnWord: ((i: number, j: number) => boolean) | null;
  corroboratesPair: (((i: number, j: number) => boolean) | null)[];
  /** Whole names are compared (givenIndex is the name comparison; levels 4–6: initials, subset, disagree). */
  partialName: boolean;
  /** Whole names only: whether either name holds fewer than two words of its own (comparisons.ts loneName). */
  loneName: ((i: number, j: number) => boolean) | null;
}

export function scoreLimits(comparisons: readonly Comparison[]): ScoreLimits {
  const givenIndex = comparisons.findIndex((c) => GIVEN_NAME_COMPARISONS.has(c.key));
  const sharesOwnWord = comparisons.find((c) => c.sharesOwnWord !== null)?.sharesOwnWord ?? null;
  return {
    household: Uint8Array.from(comparisons.map((c) => (c.household ? 1 : 0))),
    corroborates: Uint8Array.from(comparisons.map((c) => c.corroborates)),
    givenIndex,
    givenDisagree: givenIndex >= 0 ? comparisons[givenIndex]!.levels.length : -1,
    relationIndex: comparisons.findIndex((c) => c.key === 'relation_name'),
    genderIndex: comparisons.findIndex((c) => c.key === 'gender'),
    genderDisagree: comparisons.find((c) => c.key === 'gender')?.levels.length ?? -1,
    gated: Uint8Array.from(
      comparisons.map((c) =>
        (sharesOwnWord !== null && NAME_GATED_CORROBORATION.has(c.key)) || c.corroboratesPair !== null
          ? 1
          : 0,
      ),
    ),
    sharesOwnWord,
    corroboratesPair: comparisons.map((c) => c.corroboratesPair),
    partialName: givenIndex >= 0 && comparisons[givenIndex]!.key === 'name',
    loneName: comparisons.find((c) => c.loneName !== null)?.loneName ?? null,
  };
}

/**
 * What a pair whose only corroborating agreements are gated ones (bit c of `pending`) comes to: corroborated
 * when at least one of the fields meets its own condition and the names share an own word (or two fields meet
 * theirs); `NoOwnWord` when a field met its condition but the names share no own word.
 */
function gatedCorroboration(limits: ScoreLimits, pending: number, i: number, j: number): Gated {
  let met = 0;
  for (let c = 0; pending !== 0; c++, pending >>>= 1) {
    if ((pending & 1) === 0) continue;
    const check = limits.corroboratesPair[c];
    if (!check || check(i, j)) met++;
  }
  if (met === 0) return Gated.None;
  // Two of them at once (the father's name and the full birth date): only a twin shares both with the person,
  // and a twin's own name must then still fit the initials, so the names need no shared word.
  return met >= 2 || limits.sharesOwnWord === null || limits.sharesOwnWord(i, j)
    ? Gated.Corroborated
    : Gated.NoOwnWord;
}

/**
 * What the gated fields of a pair came to: nothing, an agreement the names could not back (no own word shared:
 * the person or a sibling, for an officer to tell), or corroboration.
 */
const Gated = { None: 0, NoOwnWord: 1, Corroborated: 2 } as const;
type Gated = (typeof Gated)[keyof typeof Gated];

/**
 * The most the household fields may add for a pair: nothing when it looks like two siblings (relation names
 * agree at least fuzzily, given names disagree) or two members of one family of different sex (the genders
 * disagree: a brother and a sister share the father, the address and the family phone), else the household cap.
 */
function householdLimit(
  limits: ScoreLimits,
  givenLevel: number,
  relationLevel: number,
  genderLevel: number,
): number {
  return (givenLevel === limits.givenDisagree && relationLevel >= 1 && relationLevel <= 3) ||
    genderLevel === limits.genderDisagree
    ? RESOLUTION_MODEL.siblingHouseholdMaxWeight
    : RESOLUTION_MODEL.householdMaxWeight;
}

/** A pair's score from the own and household sums, with the household and corroboration limits applied. */
function limitedScore(
  limits: ScoreLimits,
  own: number,
  household: number,
  givenLevel: number,
  relationLevel: number,
  genderLevel: number,
  corroborated: boolean,
  gatedOnly = false,
  i = -1,
  j = -1,
): number {
  const score = own + Math.min(household, householdLimit(limits, givenLevel, relationLevel, genderLevel));
  return corroborated
    ? score
    : Math.min(score, uncorroboratedLimit(limits, givenLevel, gatedOnly, i, j, own));
}

/**
 * The most an uncorroborated pair may score: RESOLUTION_MODEL.uncorroboratedMaxWeight, or, when whole names
 * agree only in part (through initials, or one name a part of the other), not at all, or in full but on a lone
 * given name, uncorroboratedPartialNameMaxWeight — except for names agreeing (in part or in full) whose father's
 * name, birth date or full address agrees but which share no own word (`gatedOnly`: the person or a brother,
 * for an officer to tell), and for names agreeing through initials whose own evidence (`own`: name, gender, birth or age,
 * without the household fields a family or a brothel's inmates share) reaches the auto-link weight: "V. Nikam"
 * and "Vishva Nikam", same age, where Nikam is rare — strong but unconfirmed, which is what review is for;
 * "R. Yadav" and "Rajesh Yadav" share a common word and stay below it.
 */
function uncorroboratedLimit(
  limits: ScoreLimits,
  givenLevel: number,
  gatedOnly: boolean,
  i: number,
  j: number,
  own: number,
): number {
  const review = RESOLUTION_MODEL.uncorroboratedMaxWeight;
  const below = RESOLUTION_MODEL.uncorroboratedPartialNameMaxWeight;
  if (!limits.partialName) return review;
  if (givenLevel === 6) return below; // the names disagree
  if (gatedOnly) return review; // the person or a sibling
  if (givenLevel === 4) return own >= RESOLUTION_THRESHOLDS.autoLinkWeight ? review : below; // initials
  if (givenLevel === 5) return below; // one name a part of the other
  // Names that agree in full but hold a single word of their own: a lone given name ("Neha" / "Neha").
  return givenLevel >= 1 && i >= 0 && limits.loneName?.(i, j) ? below : review;
}

/**
 * EM's way of adding up a pattern (`combine` of expectationMaximisation): the scorer's limits without the
 * term-frequency adjustment, and a pattern nothing corroborates is never a match (−∞): such a pair can never be
 * linked, and counting it would let EM learn "same name and age" (thousands of namesakes) as the match class.
 */
export function patternCombiner(comparisons: readonly Comparison[]) {
  const limits = scoreLimits(comparisons);
  const C = comparisons.length;
  return (levels: Uint8Array, offset: number, weights: readonly Float64Array[]): number => {
    let own = 0;
    let household = 0;
    let givenLevel = 0;
    let relationLevel = 0;
    let genderLevel = 0;
    let corroborated = false;
    let gated = false;
    for (let c = 0; c < C; c++) {
      const l = levels[offset + c]!;
      if (c === limits.givenIndex) givenLevel = l;
      else if (c === limits.relationIndex) relationLevel = l;
      else if (c === limits.genderIndex) genderLevel = l;
      if (l === 0) continue;
      if (l <= limits.corroborates[c]!) {
        if (limits.gated[c] === 1) gated = true;
        else corroborated = true;
      }
      const w = weights[c]![l]!;
      if (limits.household[c] === 1) household += w;
      else own += w;
    }
    // A pattern does not say which words two names share; EM takes names that pair up in full or as a subset
    // ("Sunita" / "Sunita Devi") to share an own word, and names that meet only through initials not to.
    if (!corroborated && gated)
      corroborated =
        limits.sharesOwnWord === null || (givenLevel >= 1 && givenLevel <= 5 && givenLevel !== 4);
    if (!corroborated) return Number.NEGATIVE_INFINITY;
    return limitedScore(limits, own, household, givenLevel, relationLevel, genderLevel, corroborated);
  };
}

/**
 * A trained model bound to the features of one run: scores any pair of records, allocating nothing.
 */
export class PairScorer {
  readonly comparisons: readonly Comparison[];
  readonly model: ResolutionModel;
  private readonly weights: Float64Array[];
  private readonly logU: Float64Array[];
  private readonly tfAdjust: (Float64Array | null)[];
  private readonly tfIds: (Int32Array | null)[];
  private readonly tfLevels: Int8Array;
  private readonly pairFrequency: Comparison['pairFrequency'][];
  private readonly limits: ScoreLimits;
  private readonly level: ((i: number, j: number) => number)[];
  private readonly logPrior: number;

  constructor(comparisons: readonly Comparison[], model: ResolutionModel) {
    this.comparisons = comparisons;
    this.model = model;
    this.weights = model.fields.map((f) => Float64Array.from(f.weights));
    this.logU = model.fields.map((f) => Float64Array.from(f.u, (x) => Math.log2(x)));
    this.level = comparisons.map((c) => c.level);
    this.limits = scoreLimits(comparisons);
    this.tfLevels = Int8Array.from(comparisons.map((c) => (c.tf ? c.tfLevels : 0)));
    this.tfIds = comparisons.map((c) => (c.tf ? c.tf.ids : null));
    // The pair frequency stands in for term frequencies, so it goes with them (a caller scoring a few
    // candidates without term frequencies drops both by setting `tf` to null).
    this.pairFrequency = comparisons.map((c) => (c.tf ? (c.pairFrequency ?? null) : null));
    this.tfAdjust = comparisons.map((c, k) => {
      const col = c.tf;
      if (!col) return null;
      const uExact = model.fields[k]!.u[1]!;
      const adjust = new Float64Array(col.counts.length);
      for (let v = 0; v < col.counts.length; v++) {
        const frequency = col.counts[v]! / col.present;
        const a = Math.log2(uExact / frequency);
        adjust[v] = Math.min(Math.max(a, RESOLUTION_MODEL.tfMinAdjustment), RESOLUTION_MODEL.tfMaxAdjustment);
      }
      return adjust;
    });
    this.logPrior = Math.log2(model.lambda / (1 - model.lambda));
  }

  /**
   * The term-frequency adjustment of comparison c at level l for the pair (bits; 0 when none): from the pair
   * frequency when it applies (only ever lowers the weight), else from the value's frequency on exact agreement.
   */
  private tf(c: number, l: number, i: number, j: number): number {
    if (l > this.tfLevels[c]!) return 0;
    const pf = this.pairFrequency[c];
    if (pf) {
      const f = pf(i, j, l);
      if (!Number.isNaN(f)) return Math.min(0, this.logU[c]![l]! - Math.log2(f));
    }
    const ids = this.tfIds[c]!;
    const v = ids[i]!;
    return v === ids[j] ? this.tfAdjust[c]![v]! : 0;
  }

  /** The pair's match weight in bits. */
  score(i: number, j: number): number {
    let own = 0;
    let household = 0;
    const C = this.level.length;
    const limits = this.limits;
    let givenLevel = 0;
    let relationLevel = 0;
    let genderLevel = 0;
    let corroborated = false;
    let pending = 0;
    for (let c = 0; c < C; c++) {
      const l = this.level[c]!(i, j);
      if (c === limits.givenIndex) givenLevel = l;
      else if (c === limits.relationIndex) relationLevel = l;
      else if (c === limits.genderIndex) genderLevel = l;
      if (l === 0) continue;
      if (l <= limits.corroborates[c]!) {
        if (limits.gated[c] === 1) pending |= 1 << c;
        else corroborated = true;
      }
      const w = this.weights[c]![l]! + this.tf(c, l, i, j);
      if (limits.household[c] === 1) household += w;
      else own += w;
    }
    const gated = !corroborated && pending !== 0 ? gatedCorroboration(limits, pending, i, j) : Gated.None;
    if (gated === Gated.Corroborated) corroborated = true;
    return limitedScore(
      limits,
      own,
      household,
      givenLevel,
      relationLevel,
      genderLevel,
      corroborated,
      gated === Gated.NoOwnWord,
      i,
      j,
    );
  }

  /** Writes the pair's level on every comparison into `out` (length ≥ comparisons) at `offset`. */
  levels(i: number, j: number, out: Uint8Array, offset: number): void {
    const C = this.level.length;
    for (let c = 0; c < C; c++) out[offset + c] = this.level[c]!(i, j);
  }

  /** Match weight from already computed levels (the same sum as `score`). */
  scoreLevels(i: number, j: number, levels: Uint8Array, offset: number): number {
    let own = 0;
    let household = 0;
    const C = this.level.length;
    const limits = this.limits;
    let givenLevel = 0;
    let relationLevel = 0;
    let genderLevel = 0;
    let corroborated = false;
    let pending = 0;
    for (let c = 0; c < C; c++) {
      const l = levels[offset + c]!;
      if (c === limits.givenIndex) givenLevel = l;
      else if (c === limits.relationIndex) relationLevel = l;
      else if (c === limits.genderIndex) genderLevel = l;
      if (l === 0) continue;
      if (l <= limits.corroborates[c]!) {
        if (limits.gated[c] === 1) pending |= 1 << c;
        else corroborated = true;
      }
      const w = this.weights[c]![l]! + this.tf(c, l, i, j);
      if (limits.household[c] === 1) household += w;
      else own += w;
    }
    const gated = !corroborated && pending !== 0 ? gatedCorroboration(limits, pending, i, j) : Gated.None;
    if (gated === Gated.Corroborated) corroborated = true;
    return limitedScore(
      limits,
      own,
      household,
      givenLevel,
      relationLevel,
      genderLevel,
      corroborated,
      gated === Gated.NoOwnWord,
      i,
      j,
    );
  }

  /** Probability of a match given the score and the estimated share of matches among candidates. */
  probability(score: number): number {
    return 1 / (1 + 2 ** -(score + this.logPrior));
  }

  /** Every field's level and weight for one pair; the weights and the caps sum to the score. */
  explain(i: number, j: number): Explanation {
    const terms: ExplanationTerm[] = [];
    const limits = this.limits;
    let household = 0;
    let total = 0;
    let givenLevel = 0;
    let relationLevel = 0;
    let genderLevel = 0;
    let corroborated = false;
    let pending = 0;
    for (let c = 0; c < this.level.length; c++) {
      const comparison = this.comparisons[c]!;
      const l = this.level[c]!(i, j);
      if (c === limits.givenIndex) givenLevel = l;
      else if (c === limits.relationIndex) relationLevel = l;
      else if (c === limits.genderIndex) genderLevel = l;
      if (l !== 0 && l <= limits.corroborates[c]!) {
        if (limits.gated[c] === 1) pending |= 1 << c;
        else corroborated = true;
      }
      const tfAdjustment = l === 0 ? 0 : this.tf(c, l, i, j);
      const weight = this.weights[c]![l]! + tfAdjustment;
      terms.push({
        field: comparison.key,
        level: l === 0 ? 'missing' : comparison.levels[l - 1]!,
        weight,
        tfAdjustment,
      });
      if (comparison.household) household += weight;
      total += weight;
    }
    const gated = !corroborated && pending !== 0 ? gatedCorroboration(limits, pending, i, j) : Gated.None;
    if (gated === Gated.Corroborated) corroborated = true;
    const limit = householdLimit(limits, givenLevel, relationLevel, genderLevel);
    const householdCap = household > limit ? limit - household : 0;
    const capped = total + householdCap;
    const uncorroborated = uncorroboratedLimit(
      limits,
      givenLevel,
      gated === Gated.NoOwnWord,
      i,
      j,
      total - household,
    );
    const corroborationCap = !corroborated && capped > uncorroborated ? uncorroborated - capped : 0;
    const score = capped + corroborationCap;
    return {
      score,
      probability: this.probability(score),
      terms,
      householdCap,
      corroborationCap,
      corroborated,
      household: limit === RESOLUTION_MODEL.householdMaxWeight ? 'cap' : 'siblings',
    };
  }
}
