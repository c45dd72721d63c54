import { Command } from 'commander';
import { withOwner } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { connectionRole, DEFAULT_APP_ROLE, grantAppRole, isRoleName } from '../db/app-role.ts';
import { validationError } from '../shared/errors.ts';
import { readStdin, reportError } from './context.ts';

/** `childgrid db …`: the application's database role. */
export function dbCommand() {
  const db = new Command('db').description('Database roles (PostgreSQL)');
  db.command('grant-app-role')
    .description(
      'Give the application role (default childgrid_app) the rights the server needs and no more: rows of every ' +
        'table, only SELECT and INSERT on the audit log, no ownership (so it cannot disable the audit triggers). ' +
        'Runs as the owner: MIGRATION_DATABASE_URL, or DATABASE_URL when that is unset',
    )
    .option('--role <name>', 'the role the server connects as (DATABASE_URL)', DEFAULT_APP_ROLE)
    .option('--create', 'create the role (LOGIN) when missing; needs CREATEROLE')
    .option('--password-stdin', 'with --create: read the new role’s password from standard input')
    .action(async (opts: { role: string; create?: boolean; passwordStdin?: boolean }) => {
      try {
        if (!isRoleName(opts.role))
          throw validationError('--role', 'must be a plain role name (lower case letters, digits, _)');
        // The owner's command: DATABASE_URL may be left out when MIGRATION_DATABASE_URL is given.
        const config = loadConfig({
          ...process.env,
          DATABASE_URL: process.env.DATABASE_URL || process.env.MIGRATION_DATABASE_URL,
        });
        if (!(config.migrationDatabaseUrl ?? config.databaseUrl)) {
          throw validationError(
            'DATABASE_URL',
            'the embedded database (PGlite) has one user: protect DATA_DIR instead (docs/security.md)',
          );
        }
        const password = opts.passwordStdin ? (await readStdin()).trim() : undefined;
        if (opts.passwordStdin && !password) throw validationError('--password-stdin', 'no password given');
        await withOwner(config, async (owner) => {
          const me = await connectionRole(owner.db);
          if (me.role === opts.role) {
            throw validationError('--role', `is the role these migrations run as (${me.role}): name another`);
          }
          const { created } = await grantAppRole(owner.db, opts.role, { create: opts.create, password });
          console.log(
            `${created ? `Role ${opts.role} created. ` : ''}Rights granted to ${opts.role}; connect the server ` +
              `with it in DATABASE_URL and keep ${me.role} in MIGRATION_DATABASE_URL.`,
          );
        });
      } catch (err) {
        reportError(err);
      }
    });
  return db;
}
