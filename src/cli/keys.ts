import { Command } from 'commander';
import { loadKeyring, rotateKeys } from '../modules/keys/keyring.ts';
import { reportError, withDatabase } from './context.ts';

export function keysCommand() {
  const keys = new Command('keys').description(
    'Encryption keys for protected fields (victims’ identities, MFA secrets)',
  );
  keys
    .command('rotate')
    .description(
      'Re-wrap every data key under the first key in MASTER_KEYS and start a new data key. Put the new master key ' +
        'first in MASTER_KEYS (keeping the old one after it), run this, then the old master key can be removed. ' +
        'Runs while the server is up on PostgreSQL; values are not re-encrypted.',
    )
    .action(async () => {
      try {
        await withDatabase(async ({ db }, config) => {
          const result = await rotateKeys(db, config.masterKeys!);
          await loadKeyring(db, config.masterKeys!.split(',')[0]!);
          console.log(
            `Re-wrapped ${result.rewrapped} data key(s) under the active master key; new data key ${result.newDataKey}.`,
          );
          console.log(
            'Every data key now opens with the first master key alone: the others can be removed from MASTER_KEYS.',
          );
        });
      } catch (err) {
        reportError(err);
      }
    });
  return keys;
}
