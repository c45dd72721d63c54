import { Command } from 'commander';
import { sql } from 'kysely';
import { withOwner } from '../bootstrap.ts';
import { loadKeyring } from '../modules/keys/keyring.ts';
import { linkAllPersons } from '../modules/profiles/linking.service.ts';
import { personKeysVersion, rekeyPersons } from '../modules/profiles/rekey.ts';
import { reportError, withDatabase } from './context.ts';

/** `childgrid grid …`: the grid's batch work on the whole database. */
export function gridCommand() {
  const grid = new Command('grid').description('The grid: person profiles built across every agency');
  grid
    .command('link')
    .description(
      'Resolve every person record in the database into canonical profiles (Fellegi–Sunter, m and u learnt by EM ' +
        'on these records): auto-links join profiles, the review band goes to the review queue, and person links ' +
        'raise deconfliction and re-trafficking alerts. Officers’ review decisions are kept. Safe to run again.',
    )
    .action(async () => {
      try {
        await withDatabase(async ({ db }, config) => {
          const keyring = await loadKeyring(db, config.masterKeys!);
          const s = await linkAllPersons(db, keyring);
          console.log(
            `${s.records} person records, ${s.candidatePairs} candidate pairs scored in ${s.seconds} s: ` +
              `${s.autoLinks} linked into ${s.profilesTouched} profiles, ${s.queued} pairs queued for review, ` +
              `${s.deconflictionAlerts} deconfliction and ${s.reTraffickingAlerts} re-trafficking alerts (model ${s.modelVersion}).`,
          );
        });
      } catch (err) {
        reportError(err);
      }
    });
  grid
    .command('rekey')
    .description(
      'Rebuild every person’s screening keys (person_keys) with the current code: needed once after an upgrade ' +
        'that changed the keys (the server says so at start), safe to run again. One transaction per batch; an ' +
        'interrupted run resumes where it stopped; screening keeps working while it runs.',
    )
    .option('--batch <n>', 'persons per transaction', '5000')
    .option('--restart', 'start from the first person even if an interrupted run could resume')
    .option('--check', 'only say whether a rebuild is needed (exit code 1 if it is)')
    .action(async (opts: { batch: string; restart?: boolean; check?: boolean }) => {
      try {
        await withDatabase(async ({ db }, config) => {
          const v = await personKeysVersion(db);
          if (opts.check) {
            console.log(
              v.stale
                ? `Person keys are version ${v.stored}; this code writes version ${v.current}: run \`childgrid grid rekey\`.`
                : `Person keys are up to date (version ${v.stored}).`,
            );
            if (v.stale) process.exitCode = 1;
            return;
          }
          const batch = Number(opts.batch);
          if (!Number.isInteger(batch) || batch < 1)
            throw new Error('--batch must be a positive whole number');
          const keyring = await loadKeyring(db, config.masterKeys!);
          const s = await rekeyPersons(db, keyring, {
            batch,
            restart: opts.restart === true,
            onBatch: (done, seconds) => {
              if (process.stdout.isTTY || done % (batch * 20) === 0)
                console.log(`  ${done} persons rekeyed in ${seconds.toFixed(0)} s`);
            },
          });
          console.log(
            `${s.persons} persons${s.resumed ? ' (resumed)' : ''}: ${s.keys} keys written in ${s.batches} batches, ` +
              `${s.seconds} s; person keys are version ${s.version}.`,
          );
          // The rebuild leaves every old key as a dead row; reclaim them and refresh the planner's statistics. Only
          // the table's owner may: with an application role (MIGRATION_DATABASE_URL set), as the owner.
          if (config.migrationDatabaseUrl)
            await withOwner(config, (owner) => sql`vacuum (analyze) person_keys`.execute(owner.db));
          else await sql`vacuum (analyze) person_keys`.execute(db);
        });
      } catch (err) {
        reportError(err);
      }
    });
  return grid;
}
