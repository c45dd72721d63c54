import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { mapDbError } from '../../shared/db-errors.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { AppError, notFound, validationError, versionConflict } from '../../shared/errors.ts';
import { type Actor, assertCan } from '../access/actor.ts';
import { isRole, roles } from '../access/roles.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { correlateCases } from '../grid/correlate.ts';
import { identifierSearchForms } from '../identifiers/normalise.ts';
import { assertGroupMember } from '../sharing/sharing-group.service.ts';
import { presentCase, presentCaseSummary } from './case.presenter.ts';
import { caseChildren, decodeCursor, encodeCursor, findCase, listCases } from './case.repository.ts';
import type { CaseInput, CaseListQuery, CaseOut, CasePatch, CaseSummary } from './case.schemas.ts';
import { referenceProblems, writeCases } from './case-writer.ts';

export async function listCasesFor(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  query: CaseListQuery,
): Promise<{ items: CaseSummary[]; next_cursor: string | null }> {
  assertCan(actor, 'case:read');
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw validationError('cursor', 'is not a cursor this server issued');
  const forms = query.q ? identifierSearchForms(query.q) : [];
  const rows = await listCases(db, actor, query, cursor, [
    ...forms,
    ...forms.map((f) => keyring.blindIndex(f)),
  ]);
  const page = rows.slice(0, query.limit);
  // A free-text search may be a person's name: that it happened is audited, the text itself is not kept.
  if (query.q) {
    await recordAudit(db, actor, {
      action: 'case.search',
      detail: { results: page.length, purpose: query.purpose ?? null },
    });
  }
  const last = page.at(-1);
  return {
    items: page.map((r) => presentCaseSummary(r, roles[actor.role].fields)),
    next_cursor:
      rows.length > query.limit && last
        ? encodeCursor({ registeredAt: new Date(last.registered_at).toISOString(), id: last.id })
        : null,
  };
}

/** A case with its persons and identifiers. Reading it reads victims' data, so the read is audited. */
export async function getCaseFor(db: Kysely<DB>, actor: Actor, id: string): Promise<CaseOut> {
  assertCan(actor, 'case:read');
  const row = await findCase(db, actor, id);
  if (!row) throw notFound('Case');
  const { persons, identifiers } = await caseChildren(db, row.agency_id, row.id);
  await recordAudit(db, actor, {
    action: 'case.read',
    recordKind: 'case',
    recordId: row.id,
    recordAgencyId: row.agency_id,
  });
  return presentCase(row, persons, identifiers, roles[actor.role].fields);
}

/** Unknown offence or district codes, each reported with its field. */
async function assertReferences(db: Kysely<DB>, input: Partial<CaseInput>): Promise<void> {
  const problems = await referenceProblems(db, [{ prefix: '', input }]);
  const first = problems[0];
  if (first) throw new AppError('validation_failed', `${first.field}: ${first.message}`, problems);
}

function checkDates(input: Partial<CaseInput>) {
  // A transfer sets it (POST /cases/{id}/transfers), with the receiving agency's copy and the trail.
  if (input.status === 'transferred')
    throw validationError('status', 'is set by transferring the case (POST /api/v1/cases/{id}/transfers)');
  if (input.occurred_from && input.occurred_to && input.occurred_from > input.occurred_to) {
    throw validationError('occurred_to', 'must not be before occurred_from');
  }
  for (const [i, p] of (input.persons ?? []).entries()) {
    if (p.birth_date && p.age != null) {
      // Both may be given; a birth date wins, but they must not contradict each other by more than a year.
      const years =
        (Date.parse(input.registered_at ?? new Date().toISOString()) - Date.parse(p.birth_date)) / 3.15576e10;
      if (Math.abs(years - p.age) > 1.5) throw validationError(`persons.${i}.age`, 'contradicts birth_date');
    }
  }
}

export async function createCaseFor(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  input: CaseInput,
): Promise<CaseOut> {
  assertCan(actor, 'case:write');
  checkDates(input);
  await assertReferences(db, input);
  if (input.sharing_group_id)
    await assertGroupMember(db, actor.agencyId, input.sharing_group_id, 'sharing_group_id');
  const caseId = await db.transaction().execute(async (tx) => {
    if (input.external_id) {
      const taken = await tx
        .selectFrom('cases')
        .select('id')
        .where('agency_id', '=', actor.agencyId)
        .where('external_id', '=', input.external_id)
        .executeTakeFirst();
      if (taken)
        throw new AppError('conflict', 'external_id: this external id is already used by your agency', [
          { field: 'external_id', message: 'this external id is already used by your agency' },
        ]);
    }
    const result = await writeCases(tx, keyring, [
      { agencyId: actor.agencyId, input, createdBy: actor.userId },
    ]);
    const id = result.caseIds[0] as string;
    await recordAudit(tx, actor, {
      action: 'case.create',
      recordKind: 'case',
      recordId: id,
      recordAgencyId: actor.agencyId,
      detail: { persons: result.persons, identifiers: result.identifiers },
    });
    return id;
  });
  return getCaseFor(db, actor, caseId);
}

const patchableColumns = [
  'external_id',
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
  'distribution',
  'sharing_group_id',
  'assigned_to',
] as const;

/**
 * Optimistic concurrency: the caller sends the version it read; a stale version is a 409. The changed case is
 * correlated again in the same transaction, like every case write: a case reopened (or moved from closed to any
 * open status) raises the deconfliction it would have raised while open; one closed links no new work (both
 * sides must be open). Alerts already raised are not raised again.
 */
export async function updateCaseFor(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  id: string,
  patch: CasePatch,
): Promise<CaseOut> {
  assertCan(actor, 'case:write');
  // Who investigates is the station house officer's or supervisor's to decide, whatever the case.
  if (patch.assigned_to !== undefined) assertCan(actor, 'case:assign');
  await db.transaction().execute(async (tx) => {
    const row = await findCase(tx, actor, id, 'write');
    if (!row) throw notFound('Case');
    if (row.version !== patch.version) {
      throw versionConflict('case', patch.version, row.version);
    }
    if (patch.assigned_to) await assertOfficerOf(tx, row.agency_id, patch.assigned_to);
    const distribution = patch.distribution ?? row.distribution;
    const group = patch.sharing_group_id !== undefined ? patch.sharing_group_id : row.sharing_group_id;
    if (patch.sharing_group_id && distribution !== 'group') {
      throw validationError('sharing_group_id', 'is given only with distribution group');
    }
    await assertReferences(tx, {
      ...patch,
      distribution,
      sharing_group_id: distribution === 'group' ? group : null,
    });
    if (distribution === 'group' && group)
      await assertGroupMember(tx, row.agency_id, group, 'sharing_group_id');
    if (patch.distribution && patch.distribution !== 'group') patch = { ...patch, sharing_group_id: null };
    checkDates({
      occurred_from: patch.occurred_from ?? row.occurred_from?.toISOString() ?? null,
      occurred_to: patch.occurred_to ?? row.occurred_to?.toISOString() ?? null,
      ...(patch.status ? { status: patch.status } : {}),
    });
    const changes: Record<string, unknown> = {};
    for (const col of patchableColumns) {
      if (patch[col] !== undefined) changes[col] = patch[col];
    }
    try {
      await tx
        .updateTable('cases')
        .set({
          ...changes,
          ...(patch.district_lgd_code !== undefined
            ? {
                state_lgd_code: sql<
                  number | null
                >`(select state_lgd_code from districts where lgd_code = ${patch.district_lgd_code})`,
              }
            : {}),
          updated_at: new Date(),
          version: sql<number>`version + 1`,
        })
        .where('agency_id', '=', row.agency_id)
        .where('id', '=', row.id)
        .execute();
      if (patch.offences) {
        await tx
          .deleteFrom('case_offences')
          .where('agency_id', '=', row.agency_id)
          .where('case_id', '=', row.id)
          .execute();
        const codes = [...new Set(patch.offences)];
        if (codes.length > 0) {
          await tx
            .insertInto('case_offences')
            .values(
              codes.map((offence_code) => ({ agency_id: row.agency_id, case_id: row.id, offence_code })),
            )
            .execute();
        }
      }
    } catch (err) {
      mapDbError(err);
    }
    await correlateCases(tx, keyring, [{ agencyId: row.agency_id, caseId: row.id }], {
      writtenBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'case.update',
      recordKind: 'case',
      recordId: row.id,
      recordAgencyId: row.agency_id,
      detail: { fields: Object.keys(changes).concat(patch.offences ? ['offences'] : []) },
    });
  });
  return getCaseFor(db, actor, id);
}

/** The investigating officer must be an active user of the agency that owns the case, in a role that works cases. */
async function assertOfficerOf(db: Kysely<DB>, agencyId: string, userId: string): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select(['role', 'disabled_at'])
    .where('id', '=', userId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  const works =
    user && isRole(user.role) && (roles[user.role].actions as readonly string[]).includes('case:write');
  if (!user || user.disabled_at !== null || !works)
    throw validationError('assigned_to', 'is not an active officer of the agency that owns the case');
}
