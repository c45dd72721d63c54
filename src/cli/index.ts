import { Command } from 'commander';
import { version } from '../version.ts';
import { auditCommand } from './audit.ts';
import { dbCommand } from './db.ts';
import { exportCommand } from './export.ts';
import { gridCommand } from './grid.ts';
import { importCommand } from './import.ts';
import { keysCommand } from './keys.ts';
import { migrateCommand } from './migrate.ts';
import { resolveCommand } from './resolve.ts';
import { seedCommand } from './seed.ts';
import { tokenCommand } from './token.ts';
import { userCommand } from './user.ts';

/** `childgrid` — operator commands. They use the same DATA_DIR / DATABASE_URL as the server. */
const program = new Command()
  .name('childgrid')
  .description('ChildGrid operator commands (use the same DATA_DIR / DATABASE_URL as the server)')
  .version(version);
program.addCommand(migrateCommand());
program.addCommand(userCommand());
program.addCommand(tokenCommand());
program.addCommand(seedCommand());
program.addCommand(importCommand());
program.addCommand(exportCommand());
program.addCommand(keysCommand());
program.addCommand(auditCommand());
program.addCommand(resolveCommand());
program.addCommand(dbCommand());
program.addCommand(gridCommand());

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
