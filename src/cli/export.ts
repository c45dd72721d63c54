import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { systemActor } from '../modules/access/system-actor.ts';
import { exportRecords, recordToCsvRows } from '../modules/imports/export.service.ts';
import { csvColumns } from '../modules/imports/import-format.ts';
import { loadKeyring } from '../modules/keys/keyring.ts';
import { reportError, withDatabase } from './context.ts';

function write(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(text)) resolve();
    else out.once('drain', resolve).once('error', reject);
  });
}

export function exportCommand() {
  return new Command('export')
    .description('Export cases in the import format (JSON Lines or CSV)')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
    .option('--agency <code>', "only this agency's cases")
    .option('--out <file>', 'write to this file instead of standard output')
    .option(
      '--include-protected',
      "decrypt victims' identities into the export (backup or migration; audited). Without it victims appear only as pseudonyms",
    )
    .action(
      async (opts: {
        format: 'jsonl' | 'csv';
        agency?: string;
        out?: string;
        includeProtected?: boolean;
      }) => {
        try {
          await withDatabase(async ({ db }, config) => {
            const actor = await systemActor(db);
            let agencyId: string | undefined;
            if (opts.agency) {
              const a = await db
                .selectFrom('agencies')
                .select('id')
                .where('code', '=', opts.agency)
                .executeTakeFirst();
              if (!a) throw new Error(`No agency ${opts.agency}`);
              agencyId = a.id;
            }
            const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
            let n = 0;
            if (opts.format === 'csv') await write(out, stringify([[...csvColumns]]));
            for await (const record of exportRecords(db, actor, {
              agencyId,
              revealWith: opts.includeProtected ? await loadKeyring(db, config.masterKeys!) : undefined,
            })) {
              n++;
              if (opts.format === 'jsonl') await write(out, `${JSON.stringify(record)}\n`);
              else await write(out, stringify(recordToCsvRows(record), { columns: [...csvColumns] }));
            }
            if (opts.out) {
              await new Promise<void>((resolve, reject) =>
                out.end((err?: Error | null) => (err ? reject(err) : resolve())),
              );
              console.error(`Exported ${n} cases to ${opts.out}.`);
            }
          });
        } catch (err) {
          reportError(err);
        }
      },
    );
}
