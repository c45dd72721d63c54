import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { RESOLUTION_THRESHOLDS } from '../modules/resolution/constants.ts';
import {
  isPersonField,
  PERSON_FIELDS,
  type PersonField,
  type PersonRecord,
} from '../modules/resolution/record.ts';
import { resolve } from '../modules/resolution/resolve.ts';
import { reportError } from './context.ts';

/** `--map given=given_name,surname=surname` → column → field; an unknown field is an error naming it. */
export function parseFieldMap(specs: readonly string[]): Map<string, PersonField> {
  const map = new Map<string, PersonField>();
  for (const spec of specs)
    for (const part of spec.split(',')) {
      const item = part.trim();
      if (item === '') continue;
      const eq = item.lastIndexOf('=');
      if (eq <= 0 || eq === item.length - 1) throw new Error(`--map: "${item}" is not <csv-column>=<field>`);
      const column = item.slice(0, eq).trim();
      const field = item.slice(eq + 1).trim();
      if (!isPersonField(field))
        throw new Error(
          `--map: unknown field "${field}" (for column "${column}"); fields are ${PERSON_FIELDS.join(', ')}`,
        );
      map.set(column, field);
    }
  if (map.size === 0) throw new Error('--map: map at least one column to a field');
  return map;
}

/** Reads one CSV file into person records (fields trimmed, so ", "-separated files such as FEBRL read as they are). */
export function readPersonCsv(
  file: string,
  idColumn: string,
  map: ReadonlyMap<string, PersonField>,
): { records: PersonRecord[]; columns: string[] } {
  const rows: Record<string, string>[] = parse(readFileSync(file, 'utf8'), {
    columns: true,
    trim: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const columns = rows.length > 0 ? Object.keys(rows[0]!) : [];
  if (rows.length > 0 && !columns.includes(idColumn))
    throw new Error(`${file}: no column "${idColumn}" (--id-column); columns are ${columns.join(', ')}`);
  const seen = new Set<string>();
  const records = rows.map((row, k) => {
    const id = row[idColumn] ?? '';
    if (id === '') throw new Error(`${file}: line ${k + 2}: empty ${idColumn}`);
    if (seen.has(id)) throw new Error(`${file}: line ${k + 2}: ${idColumn} "${id}" appears twice`);
    seen.add(id);
    const record: PersonRecord = { id };
    for (const [column, field] of map) {
      const value = row[column];
      if (value !== undefined && value !== '') record[field] = value;
    }
    return record;
  });
  return { records, columns };
}

export function resolveCommand() {
  return new Command('resolve')
    .description(
      'Deduplicate one CSV file of person records, or link two, with the person-resolution model ' +
        '(docs/resolution.md). Writes left_id,right_id,score for every pair at or above the review weight ' +
        `(${RESOLUTION_THRESHOLDS.reviewWeight}; auto-link at ${RESOLUTION_THRESHOLDS.autoLinkWeight}), and ` +
        'optionally the clusters. Needs no database.',
    )
    .requiredOption(
      '--input <file>',
      'CSV file with a header row (give twice to link two files)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .requiredOption('--id-column <column>', 'column holding each record’s id')
    .requiredOption(
      '--map <column=field,…>',
      `columns to compare, as <csv-column>=<field> (fields: ${PERSON_FIELDS.join(', ')}); other columns are ignored`,
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .requiredOption('--out <file>', 'where to write the pairs (CSV)')
    .option('--clusters <file>', 'where to write the clusters (CSV: cluster_id, [input,] id)')
    .action((opts: { input: string[]; idColumn: string; map: string[]; out: string; clusters?: string }) => {
      try {
        if (opts.input.length < 1 || opts.input.length > 2)
          throw new Error('--input: give one file to deduplicate or two to link');
        const map = parseFieldMap(opts.map);
        const files = opts.input.map((file) => readPersonCsv(file, opts.idColumn, map));
        for (const column of map.keys())
          if (!files.some((f) => f.columns.includes(column)))
            throw new Error(`--map: no input has a column "${column}"`);
        const started = performance.now();
        const result = resolve(files[0]!.records, files[1]?.records);
        const seconds = (performance.now() - started) / 1000;
        const round = (x: number) => Math.round(x * 100) / 100;
        writeFileSync(
          opts.out,
          stringify(
            result.pairs.map((p) => [p.a.id, p.b.id, round(p.score)]),
            { header: true, columns: ['left_id', 'right_id', 'score'] },
          ),
        );
        const linking = files.length === 2;
        if (opts.clusters) {
          const ordered = [...result.clusters].sort((x, y) => y.length - x.length);
          const rows: (string | number)[][] = [];
          ordered.forEach((cluster, k) => {
            for (const r of cluster)
              rows.push(linking ? [k + 1, r.side === 'left' ? 1 : 2, r.id] : [k + 1, r.id]);
          });
          writeFileSync(
            opts.clusters,
            stringify(rows, {
              header: true,
              columns: linking ? ['cluster_id', 'input', 'id'] : ['cluster_id', 'id'],
            }),
          );
        }
        const auto = result.pairs.filter((p) => p.autoLink).length;
        const multi = result.clusters.filter((c) => c.length > 1).length;
        console.log(
          `${linking ? 'Linked' : 'Deduplicated'} ${files.map((f) => f.records.length).join(' + ')} records in ` +
            `${seconds.toFixed(2)} s: ${result.blocking.candidatePairs} candidate pairs, ${result.pairs.length} pairs ` +
            `written (${auto} auto-linked, ${result.pairs.length - auto} to review), ${multi} clusters of two or more.`,
        );
      } catch (err) {
        reportError(err);
      }
    });
}
