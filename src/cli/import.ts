import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { systemActor } from '../modules/access/system-actor.ts';
import { ImportRejected, importRecords } from '../modules/imports/import.service.ts';
import { detectFormat, type ImportFormat, parseImportFile } from '../modules/imports/import-format.ts';
import { loadKeyring } from '../modules/keys/keyring.ts';
import { matchNewPersons } from '../modules/profiles/person-matching.ts';
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
    .option(
      '--no-match',
      'do not match the imported persons against the grid now (for a bulk load: run `childgrid grid link` after it)',
    )
    .action(async (file: string, opts: { format?: ImportFormat; asAgency: string; match: boolean }) => {
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
          const keyring = await loadKeyring(db, config.masterKeys!);
          const summary = await importRecords(
            db,
            keyring,
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
          if (!opts.match) {
            console.log('Persons not matched (--no-match): run `childgrid grid link` to link them.');
            return;
          }
          // As an API write is (profiles/person-matching.ts): links, the review queue, person deconfliction,
          // re-trafficking and profile-watch alerts, now rather than at the next `grid link`. The import has
          // committed; a failure here leaves it in place and `grid link` catches up.
          const started = performance.now();
          const total = { persons: 0, linked: 0, queued: 0, alerts: 0 };
          try {
            await matchImported();
          } catch (err) {
            console.error(
              `The import is saved, but matching its persons failed (${err instanceof Error ? err.message : String(err)}): run \`childgrid grid link\`.`,
            );
            process.exitCode = 1;
            return;
          }
          console.log(
            `Matched ${total.persons} persons against the grid in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
              `${total.linked} linked, ${total.queued} pairs queued for review, ${total.alerts} alerts.`,
          );

          async function matchImported() {
            const written = summary.writtenPersons;
            for (let i = 0; i < written.length; i += MATCH_BATCH) {
              const persons = written.slice(i, i + MATCH_BATCH);
              const m = await matchNewPersons(db, keyring, persons, null);
              total.persons += persons.length;
              total.linked += m.linked;
              total.queued += m.queued;
              total.alerts += m.alerts;
              if (written.length > MATCH_BATCH)
                console.log(`  matched ${total.persons} persons of ${written.length}…`);
            }
          }
        });
      } catch (err) {
        if (err instanceof ImportRejected) printRejected(err);
        else reportError(err);
      }
    });
}

/** Persons matched per step (a progress line after each when there are more). */
const MATCH_BATCH = 5_000;

function printRejected(err: ImportRejected) {
  console.error(err.message);
  const shown = err.rows.slice(0, 1000);
  for (const r of shown) console.error(`  line ${r.line}: ${r.field}: ${r.message}`);
  if (err.rows.length > shown.length) console.error(`  … and ${err.rows.length - shown.length} more`);
  process.exitCode = 1;
}
