/**
 * Person resolution: deduplicate one set of person records or link two.
 *
 * Stable interface (other modules and the benchmarks depend on it; change it only additively):
 *
 * ```ts
 * resolve(left: readonly PersonRecord[], right?: readonly PersonRecord[], options?: ResolveOptions): Resolution
 * ```
 *
 * - `left` alone: every pair of records in it is a possible match (deduplication). With `right`: only pairs of one
 *   left and one right record (linking); duplicates within one side are not looked for.
 * - `Resolution.pairs`: every candidate pair scoring at or above the review weight, strongest first, each with
 *   both records (`RecordRef`: side, index in its array, id), its match weight `score` (bits), `probability` and
 *   whether it is at or above the auto-link weight.
 * - `Resolution.clusters`: every record in exactly one cluster (singletons too), from auto-link edges with
 *   chaining refused (cluster.ts).
 * - `Resolution.explain(a, b)`: each field's level and weight for any two records (not only candidates).
 * - `Resolution.model` (m, u, weights, λ, EM iterations) and `Resolution.blocking` (candidate pairs, per rule).
 *
 * Thresholds are fixed in constants.ts (RESOLUTION_THRESHOLDS) and are not options: they were set once on FEBRL
 * dataset2 and hold for every data set.
 *
 * @example
 * const { pairs, clusters } = resolve([
 *   { id: '1', full_name: 'Ramesh Kumar', birth_date: '1990-08-15', phone: '98450 12345' },
 *   { id: '2', full_name: 'Kumar Ramesh', age: '34', record_date: '2024-09-01', phone: '+91 9845012345' },
 * ]);
 */
import { blockingRules, type Candidates, candidatePairs } from './blocking.ts';
import { clusterRecords, type Edge } from './cluster.ts';
import { buildComparisons, type Comparison, valueFrequencies } from './comparisons.ts';
import { RESOLUTION_MODEL, RESOLUTION_THRESHOLDS } from './constants.ts';
import { type Features, prepareRecords } from './features.ts';
import {
  countPatterns,
  type Explanation,
  estimateU,
  expectationMaximisation,
  fieldModels,
  PairScorer,
  patternCombiner,
  type ResolutionModel,
  startingM,
} from './model.ts';
import type { DateParts, PersonRecord } from './record.ts';

export interface ResolveOptions {
  /** The date an age without a `record_date` is taken as stated on (default: today). */
  today?: DateParts;
}

export interface RecordRef {
  side: 'left' | 'right';
  /** Index in the array of its side. */
  index: number;
  id: string;
}

export interface ScoredPair {
  a: RecordRef;
  b: RecordRef;
  /** Match weight in bits (see constants.ts). */
  score: number;
  probability: number;
  autoLink: boolean;
}

export interface Resolution {
  pairs: ScoredPair[];
  clusters: RecordRef[][];
  model: ResolutionModel;
  blocking: {
    /** Distinct candidate pairs scored. */
    candidatePairs: number;
    rules: Candidates['rules'];
    /** Sorted candidate pair codes `i * n + j` over the joined index (left then right), for measuring recall. */
    codes: Float64Array;
  };
  /** Seconds spent in each step. */
  timings: { prepare: number; blocking: number; training: number; scoring: number; clustering: number };
  explain(a: RecordRef, b: RecordRef): Explanation;
}

function seconds(from: number): number {
  return (performance.now() - from) / 1000;
}

/**
 * Estimates the model on candidate pairs (codes `i * n + j`): every pair's comparison levels, u from value counts
 * and random pairs, m and λ by EM. Returns the scorer and the level vectors (`vectors[k * C + c]`).
 */
export function trainModel(
  comparisons: readonly Comparison[],
  codes: Float64Array,
  n: number,
  split: number | null,
): { scorer: PairScorer; vectors: Uint8Array } {
  const C = comparisons.length;
  const P = codes.length;
  const vectors = new Uint8Array(P * C);
  const level = comparisons.map((c) => c.level);
  for (let k = 0; k < P; k++) {
    const code = codes[k]!;
    const i = Math.floor(code / n);
    const j = code - i * n;
    for (let c = 0; c < C; c++) vectors[k * C + c] = level[c]!(i, j);
  }
  const levelCounts = comparisons.map((c) => c.levels.length);
  const u = estimateU(comparisons, [0, split ?? n], split === null ? [0, n] : [split, n]);
  // EM learns from the comparison patterns of at most RESOLUTION_MODEL.emSamplePairs candidates, an even
  // sample: m and λ are shares, which a sample of that size estimates as well as all the pairs do.
  const step = Math.max(1, Math.ceil(P / RESOLUTION_MODEL.emSamplePairs));
  const patterns = countPatterns(step === 1 ? vectors : sampleVectors(vectors, C, step), C);
  // A record has few true matches: at most twice as many matching pairs as records are allowed (FEBRL dataset3,
  // clusters of up to six, has 1.3 per record). Without the bound EM can settle on "same postcode" or "anything"
  // as the match class when true matches are rare among the candidates.
  const lambdaMax = Math.min(0.5, (2 * n) / Math.max(P, 1));
  const em = expectationMaximisation(
    patterns,
    levelCounts,
    { m: startingM(levelCounts), u, lambda: lambdaMax / 2 },
    {
      updateU: false,
      lambdaMax,
      disagreeMaxM: comparisons.map((c) => RESOLUTION_MODEL.disagreeMaxM[c.key] ?? Number.NaN),
      combine: patternCombiner(comparisons),
    },
  );
  const model: ResolutionModel = {
    lambda: em.lambda,
    fields: fieldModels(comparisons, em.m, em.u),
    em: {
      iterations: em.iterations,
      converged: em.converged,
      candidatePairs: P,
      patterns: patterns.counts.length,
    },
  };
  return { scorer: new PairScorer(comparisons, model), vectors };
}

/** Every `step`-th pair's level vector. */
function sampleVectors(vectors: Uint8Array, C: number, step: number): Uint8Array {
  const pairs = vectors.length / C;
  const out = new Uint8Array(Math.ceil(pairs / step) * C);
  let o = 0;
  for (let k = 0; k < pairs; k += step) {
    out.set(vectors.subarray(k * C, k * C + C), o);
    o += C;
  }
  return out.subarray(0, o);
}

export function resolve(
  left: readonly PersonRecord[],
  right?: readonly PersonRecord[],
  options: ResolveOptions = {},
): Resolution {
  const linking = right !== undefined;
  const all = linking ? [...left, ...right] : left;
  const n = all.length;
  const split = linking ? left.length : null;
  const ref = (k: number): RecordRef =>
    split !== null && k >= split
      ? { side: 'right', index: k - split, id: all[k]!.id }
      : { side: 'left', index: k, id: all[k]!.id };
  const joined = (r: RecordRef) => (r.side === 'right' ? (split ?? 0) + r.index : r.index);

  let t = performance.now();
  const features: Features = prepareRecords(all, options);
  const comparisons = buildComparisons(features);
  const prepare = seconds(t);

  t = performance.now();
  const candidates = candidatePairs(blockingRules(features), { n, split });
  const blocking = seconds(t);

  t = performance.now();
  const { scorer, vectors } = trainModel(comparisons, candidates.codes, n, split);
  const model = scorer.model;
  model.frequencies = valueFrequencies(features, comparisons);
  const training = seconds(t);

  t = performance.now();
  const P = candidates.codes.length;
  const C = comparisons.length;
  const scores = new Float64Array(P);
  for (let k = 0; k < P; k++) {
    const code = candidates.codes[k]!;
    const i = Math.floor(code / n);
    scores[k] = scorer.scoreLevels(i, code - i * n, vectors, k * C);
  }
  const scoring = seconds(t);

  t = performance.now();
  const edges: Edge[] = [];
  const pairs: ScoredPair[] = [];
  for (let k = 0; k < P; k++) {
    const score = scores[k]!;
    if (score < RESOLUTION_THRESHOLDS.reviewWeight) continue;
    const code = candidates.codes[k]!;
    const i = Math.floor(code / n);
    const j = code - i * n;
    const autoLink = score >= RESOLUTION_THRESHOLDS.autoLinkWeight;
    if (autoLink) edges.push({ i, j, score });
    pairs.push({ a: ref(i), b: ref(j), score, probability: scorer.probability(score), autoLink });
  }
  pairs.sort((x, y) => y.score - x.score);
  const labels = clusterRecords(
    n,
    edges,
    (i, j) => scorer.score(i, j),
    RESOLUTION_THRESHOLDS.cannotLinkWeight,
  );
  const byLabel = new Map<number, RecordRef[]>();
  for (let k = 0; k < n; k++) {
    const label = labels[k]!;
    const cluster = byLabel.get(label);
    if (cluster) cluster.push(ref(k));
    else byLabel.set(label, [ref(k)]);
  }
  const clustering = seconds(t);

  return {
    pairs,
    clusters: [...byLabel.values()],
    model,
    blocking: { candidatePairs: P, rules: candidates.rules, codes: candidates.codes },
    timings: { prepare, blocking, training, scoring, clustering },
    explain: (a, b) => scorer.explain(joined(a), joined(b)),
  };
}
