import { Command, Option } from 'commander';
import { roleNames } from '../modules/access/roles.ts';
import { systemActor } from '../modules/access/system-actor.ts';
import { addUser, unlockUser } from '../modules/auth/auth.service.ts';
import { resetMfa } from '../modules/auth/mfa.service.ts';
import { readStdin, reportError, withDatabase } from './context.ts';

export function userCommand() {
  const user = new Command('user').description('Manage user accounts');
  user
    .command('add')
    .description('Add a user; the password is read from standard input so it never appears in shell history')
    .requiredOption('--agency <code>', 'agency code, e.g. MH-D519-PS01')
    .addOption(new Option('--role <role>', 'role').choices(roleNames).makeOptionMandatory())
    .requiredOption('--email <email>', 'sign-in email')
    .option('--name <name>', 'display name (defaults to the email)')
    .option('--password-stdin', 'read the password from standard input (required)')
    .action(
      async (opts: {
        agency: string;
        role: string;
        email: string;
        name?: string;
        passwordStdin?: boolean;
      }) => {
        if (!opts.passwordStdin) {
          console.error(
            'Give --password-stdin and pipe the password in, e.g.: read -s P; echo "$P" | childgrid user add …',
          );
          process.exitCode = 2;
          return;
        }
        const password = (await readStdin()).replace(/\r?\n$/, '');
        try {
          await withDatabase(async ({ db }) => {
            const { id } = await addUser(db, {
              agencyCode: opts.agency,
              role: opts.role,
              email: opts.email,
              displayName: opts.name ?? opts.email,
              password,
            });
            console.log(`Added user ${opts.email} (${opts.role}, ${opts.agency}) with id ${id}.`);
          });
        } catch (err) {
          reportError(err);
        }
      },
    );
  user
    .command('unlock')
    .description('Clear the failure count that locks an account after ten wrong passwords or codes (audited)')
    .requiredOption('--email <email>', 'the locked account')
    .action(async (opts: { email: string }) => {
      try {
        await withDatabase(async ({ db }) => {
          const { failedAttempts } = await unlockUser(db, await systemActor(db), opts.email);
          console.log(`Unlocked ${opts.email} (it had ${failedAttempts} failed attempt(s) in a row).`);
        });
      } catch (err) {
        reportError(err);
      }
    });
  user
    .command('reset-mfa')
    .description(
      "Remove a user's second factor and recovery codes (a lost phone) and end their browser sessions; " +
        'at the next sign-in they set up a new one (audited)',
    )
    .requiredOption('--email <email>', 'the account')
    .action(async (opts: { email: string }) => {
      try {
        await withDatabase(async ({ db }) => {
          const r = await resetMfa(db, await systemActor(db), opts.email);
          console.log(
            r.wasEnrolled
              ? `Removed the second factor of ${opts.email}; ended ${r.endedSessions} browser session(s).`
              : `${opts.email} had no second factor set up; ended ${r.endedSessions} browser session(s).`,
          );
        });
      } catch (err) {
        reportError(err);
      }
    });
  return user;
}
