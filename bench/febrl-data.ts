/** Reading the FEBRL files (../shared/data/febrl, see its README): ", " separators, truth in the record ids. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { PersonRecord } from '../src/modules/resolution/record.ts';

export const dataDir = process.env.FEBRL_DIR ?? new URL('../../shared/data/febrl/', import.meta.url).pathname;

/** FEBRL column → person field. */
const MAP: Record<string, keyof PersonRecord> = {
  given_name: 'given_name',
  surname: 'surname',
  street_number: 'street_number',
  address_1: 'address_line1',
  address_2: 'address_line2',
  suburb: 'locality',
  postcode: 'postcode',
  state: 'state',
  date_of_birth: 'birth_date',
  soc_sec_id: 'identifier',
};

export function readFebrl(name: string): PersonRecord[] {
  const rows: Record<string, string>[] = parse(readFileSync(join(dataDir, `${name}.csv`), 'utf8'), {
    columns: true,
    trim: true,
    skip_empty_lines: true,
  });
  return rows.map((row) => {
    const r: PersonRecord = { id: row.rec_id! };
    for (const [column, field] of Object.entries(MAP))
      if (row[column]) (r as Record<string, string>)[field] = row[column]!;
    return r;
  });
}

export function entity(id: string): string {
  return /^rec-(\d+)-/.exec(id)![1]!;
}
