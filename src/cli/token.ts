import { Command } from 'commander';
import { createApiToken } from '../modules/auth/auth.service.ts';
import { reportError, withDatabase } from './context.ts';

export function tokenCommand() {
  const token = new Command('token').description('API tokens for scripts');
  token
    .command('create')
    .description("Create an API token for a user (printed once; send it as 'Authorization: Bearer <token>')")
    .requiredOption('--email <email>', 'the user the token acts as')
    .option('--label <label>', 'what the token is for', 'script')
    .option('--days <n>', 'days until it expires', '90')
    .action(async (opts: { email: string; label: string; days: string }) => {
      try {
        await withDatabase(async ({ db }, config) => {
          const days = Number.parseInt(opts.days, 10);
          if (!Number.isInteger(days) || days < 1 || days > 366) throw new Error('--days must be 1 to 366');
          const u = await db
            .selectFrom('users')
            .select('id')
            .where((eb) => eb(eb.fn('lower', ['email']), '=', opts.email.toLowerCase()))
            .executeTakeFirst();
          if (!u) throw new Error(`No user ${opts.email}`);
          console.log(await createApiToken(db, config, u.id, opts.label, days));
        });
      } catch (err) {
        reportError(err);
      }
    });
  return token;
}
