import { Command, Option } from 'commander';
import { roleNames } from '../modules/access/roles.ts';
import { addUser } from '../modules/auth/auth.service.ts';
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
  return user;
}
