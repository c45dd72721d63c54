import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { sha256Hex } from '../../shared/crypto.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { AppError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { type Actor, agencyInScope, assertCan } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { type CaseWrite, referenceProblems, writeCases } from '../cases/case-writer.ts';
import type { ImportRecord, RowError } from './import-format.ts';

export interface ImportSummary {
  batchId: string;
  cases: number;
  persons: number;
  identifiers: number;
  /** The persons written (created or updated), for what runs after the commit (person matching). */
  writtenPersons: { agencyId: string; personId: string }[];
}

/** Thrown when any row is bad: nothing was written, and every bad row is listed. */
export class ImportRejected extends AppError {
  readonly rows: RowError[];
  constructor(rows: RowError[]) {
    super(
      'validation_failed',
      `Import refused: ${rows.length} problem(s); nothing was written`,
      rows.map((r) => ({ field: `line ${r.line}: ${r.field}`, message: r.message })),
    );
    this.rows = rows;
  }
}

/**
 * Writes a whole validated file in one transaction: all of it or none of it.
 * Idempotent by (agency, external id): importing the same file twice leaves the database as after the first.
 */
export async function importRecords(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  records: { line: number; record: ImportRecord }[],
  source: { name: string; text: string; format: string },
): Promise<ImportSummary> {
  assertCan(actor, 'import:write');
  const codes = [...new Set(records.map((r) => r.record.agency_code))];
  const agencies = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 1000) {
    const rows = await db
      .selectFrom('agencies')
      .select(['code', 'id'])
      .where('code', 'in', codes.slice(i, i + 1000))
      .execute();
    for (const a of rows) agencies.set(a.code, a.id);
  }
  const errors: RowError[] = [];
  const allowed = new Map<string, boolean>();
  for (const [code, id] of agencies) allowed.set(code, await agencyInScope(db, actor, id));
  const writes: CaseWrite[] = [];
  for (const { line, record } of records) {
    const agencyId = agencies.get(record.agency_code);
    if (!agencyId || !allowed.get(record.agency_code)) {
      // An agency outside the importer's scope is reported exactly like a missing one.
      errors.push({
        line,
        field: 'agency_code',
        message: `no agency ${record.agency_code} that you may import for`,
      });
      continue;
    }
    if (record.sharing_group_id) {
      const member = await db
        .selectFrom('sharing_group_members')
        .select('group_id')
        .where('group_id', '=', record.sharing_group_id)
        .where('agency_id', '=', agencyId)
        .executeTakeFirst();
      if (!member) {
        errors.push({
          line,
          field: 'sharing_group_id',
          message: `is not a sharing group ${record.agency_code} belongs to`,
        });
        continue;
      }
    }
    const { agency_code: _code, ...input } = record;
    writes.push({ agencyId, input, createdBy: actor.userId, fieldPrefix: `line ${line}: ` });
  }
  for (const p of await referenceProblems(
    db,
    writes.map((w) => ({ prefix: w.fieldPrefix ?? '', input: w.input })),
  )) {
    const m = /^line (\d+): (.*)$/.exec(p.field);
    errors.push({ line: m ? Number(m[1]) : 0, field: m ? (m[2] as string) : p.field, message: p.message });
  }
  // A case transferred to another agency (by the transfer operation) is kept read-only by the sender: a re-import
  // does not change it. A record that merely says `transferred` (a legacy file's status) is an ordinary case.
  const keyed = writes.filter((w) => w.input.external_id);
  if (keyed.length > 0) {
    const transferred = await sql<{ agency_id: string; external_id: string }>`
      select c.agency_id, c.external_id
      from jsonb_to_recordset(${JSON.stringify(
        keyed.map((w) => ({ agency_id: w.agencyId, external_id: w.input.external_id })),
      )}::jsonb) as k(agency_id uuid, external_id text)
      join cases c on c.agency_id = k.agency_id and c.external_id = k.external_id
      where c.status = 'transferred'
        and exists (select 1 from case_transfers t where t.agency_id = c.agency_id and t.case_id = c.id)`.execute(
      db,
    );
    const readOnly = new Set(transferred.rows.map((r) => `${r.agency_id}|${r.external_id}`));
    for (const w of keyed) {
      if (readOnly.has(`${w.agencyId}|${w.input.external_id}`))
        errors.push({
          line: Number(/^line (\d+)/.exec(w.fieldPrefix ?? '')?.[1] ?? 0),
          field: 'external_id',
          message: 'is a case transferred to another agency: it is kept read-only',
        });
    }
  }
  if (errors.length > 0) throw new ImportRejected(errors.sort((a, b) => a.line - b.line));
  const batchId = newId();
  return db.transaction().execute(async (tx) => {
    let result: Awaited<ReturnType<typeof writeCases>>;
    try {
      result = await writeCases(tx, keyring, writes);
    } catch (err) {
      if (err instanceof AppError && err.issues) {
        throw new ImportRejected(
          err.issues.map((i) => {
            const m = /^line (\d+): (.*)$/.exec(i.field);
            return { line: m ? Number(m[1]) : 0, field: m ? (m[2] as string) : i.field, message: i.message };
          }),
        );
      }
      throw err;
    }
    await tx
      .insertInto('import_batches')
      .values({
        agency_id: actor.agencyId,
        id: batchId,
        source_name: source.name,
        source_sha256: sha256Hex(source.text),
        format: source.format,
        rows_total: records.length,
        cases_written: result.cases,
        persons_written: result.persons,
        identifiers_written: result.identifiers,
        created_by: actor.userId,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'import.batch',
      recordKind: 'import_batch',
      recordId: batchId,
      recordAgencyId: actor.agencyId,
      detail: {
        source: source.name,
        cases: result.cases,
        persons: result.persons,
        identifiers: result.identifiers,
      },
    });
    return {
      batchId,
      cases: result.cases,
      persons: result.persons,
      identifiers: result.identifiers,
      writtenPersons: result.personIds.flatMap((ids, i) =>
        ids.map((personId) => ({ agencyId: writes[i]!.agencyId, personId })),
      ),
    };
  });
}
