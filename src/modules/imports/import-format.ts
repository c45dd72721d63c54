import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { identifierKinds } from '../../db/schema.ts';
import type { FieldIssue } from '../../shared/errors.ts';
import { caseInput, type identifierInput, personInput } from '../cases/case.schemas.ts';

/**
 * The exchange format of `childgrid import` / `export`.
 *
 * JSON Lines: one case per line — the API's case body plus `agency_code` (the owning agency) and a required
 * `external_id` (the case's id in the source system; re-importing the same id updates instead of duplicating).
 *
 * CSV: one row per person in a case (spreadsheets cannot nest); case columns repeat on each row of the case.
 * Lists are separated by `;`, identifiers written `kind:value` (e.g. `phone:+91 98765 43210;upi:ravi@ybl`).
 */
export const MASKED_EXPORT_MESSAGE =
  'this is a masked export (victims under pseudonyms, their identifiers left out); re-importing it would overwrite ' +
  'their identities: export with --include-protected to move data between installations';

export const importRecord = caseInput
  .extend({
    agency_code: z.string().trim().min(1, 'must not be empty').max(40),
    external_id: z.string().trim().min(1, 'must not be empty').max(200),
    // Marks a masked export; such a file is refused (see MASKED_EXPORT_MESSAGE).
    persons: z
      .array(personInput.extend({ pseudonym_only: z.literal(true).optional() }))
      .max(500)
      .optional(),
  })
  .superRefine((r, ctx) => {
    r.persons?.forEach((p, i) => {
      if (p.pseudonym_only)
        ctx.addIssue({
          code: 'custom',
          path: ['persons', i, 'pseudonym_only'],
          message: MASKED_EXPORT_MESSAGE,
        });
    });
  });
export type ImportRecord = z.infer<typeof importRecord>;

export interface RowError extends FieldIssue {
  /** 1-based line of the file (for CSV, the line of the row; the header is line 1). */
  line: number;
}

export interface ParsedFile {
  records: { line: number; record: ImportRecord }[];
  errors: RowError[];
}

export type ImportFormat = 'jsonl' | 'csv';

export function detectFormat(fileName: string): ImportFormat | null {
  if (/\.(jsonl|ndjson|json)$/i.test(fileName)) return 'jsonl';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return null;
}

function issuesOf(line: number, error: z.ZodError): RowError[] {
  return error.issues.map((i) => ({ line, field: i.path.join('.') || '(record)', message: i.message }));
}

export function parseJsonLines(text: string): ParsedFile {
  const out: ParsedFile = { records: [], errors: [] };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]?.trim();
    if (!raw) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      out.errors.push({
        line: i + 1,
        field: '(line)',
        message: `is not valid JSON: ${(err as Error).message}`,
      });
      continue;
    }
    const parsed = importRecord.safeParse(value);
    if (parsed.success) out.records.push({ line: i + 1, record: parsed.data });
    else out.errors.push(...issuesOf(i + 1, parsed.error));
  }
  checkDuplicates(out);
  return out;
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
const opt = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
const num = (v: string | undefined) => (opt(v) === undefined ? undefined : Number(v));

function identifiersFrom(cell: string | undefined, field: string, line: number, errors: RowError[]) {
  const out: z.infer<typeof identifierInput>[] = [];
  for (const item of list(cell)) {
    const at = item.indexOf(':');
    const kind = item.slice(0, at);
    if (at < 1 || !(identifierKinds as readonly string[]).includes(kind)) {
      errors.push({
        line,
        field,
        message: `"${item.slice(0, 40)}" must be kind:value with kind one of ${identifierKinds.join(', ')}`,
      });
      continue;
    }
    out.push({ kind: kind as (typeof identifierKinds)[number], value: item.slice(at + 1).trim() });
  }
  return out;
}

export const csvColumns = [
  'agency_code',
  'case_external_id',
  'fir_number',
  'fir_kind',
  'gd_entry',
  'registered_at',
  'occurred_from',
  'occurred_to',
  'place',
  'pincode',
  'district_lgd_code',
  'status',
  'procedure_code',
  'summary',
  'offences',
  'distribution',
  'case_identifiers',
  'person_external_id',
  'person_role',
  'person_full_name',
  'person_aliases',
  'person_relation_kind',
  'person_relation_name',
  'person_gender',
  'person_birth_date',
  'person_age',
  'person_age_recorded_on',
  'person_address',
  'person_pincode',
  'person_district_lgd_code',
  'person_notes',
  'person_identifiers',
  'person_pseudonym_only',
] as const;

export function parseCsv(text: string): ParsedFile {
  const out: ParsedFile = { records: [], errors: [] };
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: false });
  } catch (err) {
    out.errors.push({
      line: (err as { lines?: number }).lines ?? 1,
      field: '(file)',
      message: (err as Error).message,
    });
    return out;
  }
  const header = Object.keys(rows[0] ?? {});
  const unknown = header.filter((h) => !(csvColumns as readonly string[]).includes(h));
  if (unknown.length > 0)
    out.errors.push({ line: 1, field: unknown.join(', '), message: 'unknown column(s)' });
  // Group rows by case; the first row of a case gives its case columns.
  const byCase = new Map<
    string,
    { line: number; draft: Record<string, unknown>; persons: unknown[]; personLines: number[] }
  >();
  rows.forEach((row, i) => {
    const line = i + 2;
    const key = `${row.agency_code ?? ''}|${row.case_external_id ?? ''}`;
    let entry = byCase.get(key);
    if (!entry) {
      entry = {
        line,
        personLines: [],
        persons: [],
        draft: {
          agency_code: row.agency_code,
          external_id: row.case_external_id,
          fir_number: opt(row.fir_number),
          fir_kind: opt(row.fir_kind),
          gd_entry: opt(row.gd_entry),
          registered_at: opt(row.registered_at),
          occurred_from: opt(row.occurred_from),
          occurred_to: opt(row.occurred_to),
          place: opt(row.place),
          pincode: opt(row.pincode),
          district_lgd_code: num(row.district_lgd_code),
          status: opt(row.status),
          procedure_code: opt(row.procedure_code),
          summary: opt(row.summary),
          offences: list(row.offences),
          distribution: opt(row.distribution),
          identifiers: identifiersFrom(row.case_identifiers, 'case_identifiers', line, out.errors),
        },
      };
      byCase.set(key, entry);
    }
    if (opt(row.person_role) || opt(row.person_full_name)) {
      entry.personLines.push(line);
      entry.persons.push({
        external_id: opt(row.person_external_id),
        role: opt(row.person_role),
        full_name: opt(row.person_full_name),
        aliases: list(row.person_aliases),
        relation_kind: opt(row.person_relation_kind),
        relation_name: opt(row.person_relation_name),
        gender: opt(row.person_gender),
        birth_date: opt(row.person_birth_date),
        age: num(row.person_age),
        age_recorded_on: opt(row.person_age_recorded_on),
        address: opt(row.person_address),
        pincode: opt(row.person_pincode),
        district_lgd_code: num(row.person_district_lgd_code),
        notes: opt(row.person_notes),
        identifiers: identifiersFrom(row.person_identifiers, 'person_identifiers', line, out.errors),
        ...(opt(row.person_pseudonym_only)
          ? { pseudonym_only: opt(row.person_pseudonym_only) === 'true' || row.person_pseudonym_only }
          : {}),
      });
    }
  });
  for (const entry of byCase.values()) {
    const parsed = importRecord.safeParse({ ...entry.draft, persons: entry.persons });
    if (parsed.success) {
      out.records.push({ line: entry.line, record: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      // persons.N.* errors belong to the N-th person row of the case: report that row's line and CSV column.
      const [head, index, ...rest] = issue.path.map(String);
      if (head === 'persons' && index !== undefined) {
        const line = entry.personLines[Number(index)] ?? entry.line;
        out.errors.push({ line, field: `person_${rest.join('.') || 'row'}`, message: issue.message });
      } else {
        const field = head === 'external_id' ? 'case_external_id' : issue.path.join('.') || '(row)';
        out.errors.push({ line: entry.line, field, message: issue.message });
      }
    }
  }
  checkDuplicates(out);
  return out;
}

/** The same (agency, external id) twice in one file is ambiguous: which one wins? Refuse it. */
function checkDuplicates(file: ParsedFile) {
  const seen = new Map<string, number>();
  for (const { line, record } of file.records) {
    const key = `${record.agency_code}|${record.external_id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      file.errors.push({ line, field: 'external_id', message: `duplicates the case on line ${first}` });
    } else seen.set(key, line);
  }
}

export function parseImportFile(text: string, format: ImportFormat): ParsedFile {
  return format === 'jsonl' ? parseJsonLines(text) : parseCsv(text);
}
