import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { systemActor } from '../modules/access/system-actor.ts';
import { ImportRejected, importRecords } from '../modules/imports/import.service.ts';
import { detectFormat, type ImportFormat, parseImportFile } from '../modules/imports/import-format.ts';
import { loadKeyring } from '../modules/keys/keyring.ts';
import { reportError, withDatabase } from './context.ts';

export function importCommand() {
  return new Command('import')
    .description(
      'Import cases from JSON Lines or CSV. All or nothing: one bad row and nothing is written, and every bad row ' +
        'is listed with its line and field. Idempotent by (agency, external id).',
    )
    .argument('<file>', '.jsonl or .csv file (see docs/import-export.md)')
    .addOption(
      new Option('--format <format>', 'file format (default: from the file name)').choices(['jsonl', 'csv']),
    )
    .option('--as-agency <code>', 'act with the scope of this agency instead of the national operator', 'IN')
    .action(async (file: string, opts: { format?: ImportFormat; asAgency: string }) => {
      const format = opts.format ?? detectFormat(file);
      if (!format)
        return reportError(new Error('Cannot tell the format from the file name; give --format jsonl|csv'));
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        return reportError(err);
      }
      const parsed = parseImportFile(text, format);
      if (parsed.errors.length > 0) return printRejected(new ImportRejected(parsed.errors));
      try {
        await withDatabase(async ({ db }, config) => {
          const summary = await importRecords(
            db,
            await loadKeyring(db, config.masterKeys!),
            await systemActor(db, opts.asAgency),
            parsed.records,
            {
              name: basename(file),
              text,
              format,
            },
          );
          console.log(
            `Imported ${parsed.records.length} records: ${summary.cases} cases, ${summary.persons} persons, ` +
              `${summary.identifiers} identifiers (batch ${summary.batchId}).`,
          );
        });
      } catch (err) {
        if (err instanceof ImportRejected) printRejected(err);
        else reportError(err);
      }
    });
}

function printRejected(err: ImportRejected) {
  console.error(err.message);
  const shown = err.rows.slice(0, 1000);
  for (const r of shown) console.error(`  line ${r.line}: ${r.field}: ${r.message}`);
  if (err.rows.length > shown.length) console.error(`  … and ${err.rows.length - shown.length} more`);
  process.exitCode = 1;
}
