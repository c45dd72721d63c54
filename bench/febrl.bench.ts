/**
 * FEBRL deduplication benchmark: person resolution on FEBRL dataset1, 2 and 3 (../shared/data/febrl), scored
 * against the truth carried by the record ids. Prints pairwise precision, recall and F1 over all within-cluster
 * pairs, blocking recall, candidate pairs and end-to-end time, beside the anchors of issue 4.
 *
 *   npm run bench:febrl [-- --verbose]   (--verbose lists every wrong pair with its explanation)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolve } from '../src/modules/resolution/resolve.ts';
import { dataDir, entity, readFebrl } from './febrl-data.ts';

const verbose = process.argv.includes('--verbose');

const ANCHORS: Record<string, string> = {
  dataset1: 'goal F1 ≥ 0.9995',
  dataset2: 'goal F1 ≥ 0.9995',
  dataset3: 'goal F1 ≥ 0.999; Record Linkage Toolkit 0.9988, Splink 4 0.9965, third-party Splink 0.965',
};

function run(name: string) {
  const records = readFebrl(name);
  const n = records.length;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const result = resolve(records);
  const cpuUsed = process.cpuUsage(cpuStart);
  const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
  const seconds = (performance.now() - started) / 1000;

  // Truth: every pair of records of one entity.
  const byEntity = new Map<string, number[]>();
  records.forEach((r, k) => {
    const e = entity(r.id);
    const list = byEntity.get(e);
    if (list) list.push(k);
    else byEntity.set(e, [k]);
  });
  const truth = new Set<number>();
  for (const members of byEntity.values())
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const i = Math.min(members[x]!, members[y]!);
        const j = Math.max(members[x]!, members[y]!);
        truth.add(i * n + j);
      }
  const truthFile =
    readFileSync(join(dataDir, 'truth', `${name}_true_pairs.csv`), 'utf8')
      .trim()
      .split('\n').length - 1;
  if (truthFile !== truth.size)
    throw new Error(`${name}: ${truth.size} true pairs from ids, ${truthFile} in truth file`);

  // Predicted: every pair within a cluster.
  const predicted = new Set<number>();
  for (const cluster of result.clusters)
    for (let x = 0; x < cluster.length; x++)
      for (let y = x + 1; y < cluster.length; y++) {
        const i = Math.min(cluster[x]!.index, cluster[y]!.index);
        const j = Math.max(cluster[x]!.index, cluster[y]!.index);
        predicted.add(i * n + j);
      }
  let tp = 0;
  for (const p of predicted) if (truth.has(p)) tp++;
  const precision = predicted.size === 0 ? 1 : tp / predicted.size;
  const recall = tp / truth.size;
  const f1 = (2 * precision * recall) / (precision + recall);

  const codes = new Set(result.blocking.codes);
  let blocked = 0;
  for (const p of truth) if (codes.has(p)) blocked++;

  const steps = Object.entries(result.timings)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');
  console.log(
    `${name}: ${n.toLocaleString('en')} records, ${truth.size.toLocaleString('en')} true pairs\n` +
      `  pairwise P ${precision.toFixed(4)}  R ${recall.toFixed(4)}  F1 ${f1.toFixed(4)}   (${ANCHORS[name]})\n` +
      `  blocking recall ${(blocked / truth.size).toFixed(4)} over ${result.blocking.candidatePairs.toLocaleString('en')} candidate pairs\n` +
      `  end to end ${cpu.toFixed(2)} s CPU, ${seconds.toFixed(2)} s wall (${steps})` +
      `${name === 'dataset3' ? '   (goal < 1 s on one core)' : ''}\n` +
      `  EM ${result.model.em.iterations} iterations over ${result.model.em.patterns} patterns, λ ${result.model.lambda.toFixed(4)}`,
  );
  if (verbose) {
    const show = (code: number, kind: string) => {
      const i = Math.floor(code / n);
      const j = code - i * n;
      const e = result.explain(
        { side: 'left', index: i, id: records[i]!.id },
        { side: 'left', index: j, id: records[j]!.id },
      );
      console.log(
        `  ${kind} ${records[i]!.id} ~ ${records[j]!.id} score ${e.score.toFixed(2)}${codes.has(code) ? '' : ' (not blocked)'}`,
      );
      console.log(`    ${JSON.stringify(records[i])}\n    ${JSON.stringify(records[j])}`);
      console.log(
        `    ${e.terms.map((t) => `${t.field}:${t.level}:${t.weight.toFixed(1)}`).join(' ')} cap ${e.householdCap.toFixed(1)}`,
      );
    };
    for (const p of predicted) if (!truth.has(p)) show(p, 'FP');
    for (const p of truth) if (!predicted.has(p)) show(p, 'FN');
    console.log(
      result.model.fields
        .map(
          (f) => `  ${f.key}: ${f.levels.map((l, k) => `${l} ${f.weights[k + 1]!.toFixed(1)}`).join(', ')}`,
        )
        .join('\n'),
    );
    for (const r of result.blocking.rules)
      console.log(`  rule ${r.rule}: ${r.pairs} pairs, ${r.skippedBlocks} blocks skipped`);
  }
  return { name, precision, recall, f1, blockingRecall: blocked / truth.size, seconds };
}

const only = process.argv.find((a) => /^dataset\d$/.test(a));
for (const name of only ? [only] : ['dataset1', 'dataset2', 'dataset3']) run(name);
