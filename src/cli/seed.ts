import { Command } from 'commander';
import { systemActor } from '../modules/access/system-actor.ts';
import { addAgencies } from '../modules/demo/demo.ts';
import { importRecords } from '../modules/imports/import.service.ts';
import { loadKeyring } from '../modules/keys/keyring.ts';
import { generateSynthetic, writeTruth } from '../modules/synthetic/generate.ts';
import { reportError, withDatabase } from './context.ts';

export function seedCommand() {
  return new Command('seed')
    .description('Load generated, entirely fictional data (for demos, tests and benchmarks)')
    .requiredOption('--synthetic', 'generate synthetic India data (the only kind there is)')
    .option('--cases <n>', 'number of cases', '3000')
    .option('--seed <s>', 'random seed: the same seed gives the same data', '1')
    .option(
      '--truth <file>',
      'write the planted ground truth (repeat offenders, shared phones …) to this JSON file',
    )
    .action(async (opts: { cases: string; seed: string; truth?: string }) => {
      const cases = Number.parseInt(opts.cases, 10);
      const seed = Number.parseInt(opts.seed, 10);
      if (!Number.isInteger(cases) || cases < 1)
        return reportError(new Error('--cases must be a positive whole number'));
      if (!Number.isInteger(seed)) return reportError(new Error('--seed must be a whole number'));
      try {
        await withDatabase(async ({ db }, config) => {
          const data = generateSynthetic({ cases, seed });
          await addAgencies(db, data.agencies);
          const summary = await importRecords(
            db,
            await loadKeyring(db, config.masterKeys!),
            await systemActor(db),
            data.records.map((record, i) => ({ line: i + 1, record })),
            { name: `synthetic seed ${seed}`, text: `${cases}:${seed}`, format: 'synthetic' },
          );
          console.log(
            `Seeded ${summary.cases} cases, ${summary.persons} persons, ${summary.identifiers} identifiers in ${data.agencies.length} agencies.`,
          );
          if (opts.truth) {
            writeTruth(opts.truth, data.truth);
            console.log(`Ground truth written to ${opts.truth}.`);
          }
        });
      } catch (err) {
        reportError(err);
      }
    });
}
