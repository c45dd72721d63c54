import { Command } from 'commander';
import { withDatabase } from './context.ts';

export function migrateCommand() {
  return new Command('migrate')
    .description('Bring the database schema and reference data up to date')
    .action(async () => {
      await withDatabase(async () => {
        console.log('Database is up to date.');
      });
    });
}
