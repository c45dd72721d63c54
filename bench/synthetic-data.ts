/**
 * The synthetic India data as person-resolution records and its truth, shared by the synthetic benchmarks.
 */
import { personRecordFromInput } from '../src/modules/profiles/grid-model.ts';
import type { PersonRecord } from '../src/modules/resolution/record.ts';
import { generateSynthetic, type ImportRecord } from '../src/modules/synthetic/generate.ts';

type PersonInput = NonNullable<ImportRecord['persons']>[number];

/**
 * One synthetic person as a resolution record, the way `childgrid resolve --map` would see an export of the
 * persons table: the grid's own mapping (relation written with its kind, "d/o Kartik Das").
 */
export function personRecord(agency: string, p: PersonInput): PersonRecord {
  return personRecordFromInput(`${agency}|${p.external_id}`, p);
}

export interface PairwiseScore {
  truePairs: number;
  predictedPairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Pairwise precision, recall and F1: every pair of records in one predicted cluster is a predicted match, every
 * pair in one true cluster a true match. `truth` maps a record id to its true cluster (records absent from it
 * are singletons); `predicted` lists clusters as arrays of record ids.
 */
export function pairwiseScore(
  truth: ReadonlyMap<string, string>,
  predicted: readonly (readonly string[])[],
): PairwiseScore {
  const trueSizes = new Map<string, number>();
  for (const c of truth.values()) trueSizes.set(c, (trueSizes.get(c) ?? 0) + 1);
  let truePairs = 0;
  for (const n of trueSizes.values()) truePairs += (n * (n - 1)) / 2;
  let predictedPairs = 0;
  let truePositives = 0;
  for (const cluster of predicted) {
    const n = cluster.length;
    predictedPairs += (n * (n - 1)) / 2;
    const byTruth = new Map<string, number>();
    for (const id of cluster) {
      const c = truth.get(id);
      if (c !== undefined) byTruth.set(c, (byTruth.get(c) ?? 0) + 1);
    }
    for (const k of byTruth.values()) truePositives += (k * (k - 1)) / 2;
  }
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, truePositives, precision, recall, f1 };
}

export interface SyntheticResolutionData {
  records: PersonRecord[];
  byId: Map<string, PersonRecord>;
  /** Record id → planted person (cluster id); records absent are singletons. */
  truth: Map<string, string>;
  /** Record id → look-alike household id. */
  household: Map<string, string>;
  data: ReturnType<typeof generateSynthetic>;
  refId: (r: { agency_code: string; person_external_id: string }) => string;
}

/** Every person of every generated case as one record, with the planted people and households. */
export function syntheticResolutionData(cases: number, seed: number): SyntheticResolutionData {
  const data = generateSynthetic({ cases, seed });
  const records: PersonRecord[] = [];
  const byId = new Map<string, PersonRecord>();
  for (const c of data.records) {
    for (const p of c.persons ?? []) {
      const r = personRecord(c.agency_code, p);
      records.push(r);
      byId.set(r.id, r);
    }
  }
  const refId = (r: { agency_code: string; person_external_id: string }) =>
    `${r.agency_code}|${r.person_external_id}`;
  const truth = new Map<string, string>();
  for (const cluster of data.truth.person_clusters)
    for (const ref of cluster.refs) truth.set(refId(ref), cluster.id);
  const household = new Map<string, string>();
  for (const h of data.truth.households) for (const m of h.members) household.set(refId(m), h.id);
  return { records, byId, truth, household, data, refId };
}
