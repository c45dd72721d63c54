import { Command } from 'commander';
import { loadKeyring } from '../modules/keys/keyring.ts';
import { linkAllPersons } from '../modules/profiles/linking.service.ts';
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
  return grid;
}
