import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { identifierKinds } from '../../db/schema.ts';
import { mapDbError } from '../../shared/db-errors.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { notFound, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { decodeIdCursor, pageById } from '../../shared/paging.ts';
import { type Actor, assertCan } from '../access/actor.ts';
import { ownRecords, readable, visibleIdentifiers } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { presentIdentifier } from '../cases/case.presenter.ts';
import { type AccessMode, assertNotTransferred, findCase } from '../cases/case.repository.ts';
import { cursorParam, identifierInput, listLimit, uuid } from '../cases/case.schemas.ts';
import { correlateCases } from '../grid/correlate.ts';
import { normaliseForField, storedIdentifier } from './normalise.ts';

export const identifierCreate = identifierInput.extend({ person_id: uuid.nullish() });
export type IdentifierCreate = z.infer<typeof identifierCreate>;
export const identifierPatch = z.strictObject({ value: z.string().trim().min(1).max(500) });

export const identifierListQuery = z
  .strictObject({
    kind: z.enum(identifierKinds).optional(),
    value: z.string().trim().min(1).max(500).optional(),
    case_id: uuid.optional(),
    person_id: uuid.optional(),
    cursor: cursorParam,
    limit: listLimit,
  })
  .refine((q) => !q.value || q.kind, { message: 'kind is required when searching by value', path: ['kind'] });
export type IdentifierListQuery = z.infer<typeof identifierListQuery>;

/** Identifiers in scope; a search by value matches the normalised form, so any spelling of a phone finds it. */
export async function listIdentifiersFor(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  q: IdentifierListQuery,
) {
  assertCan(actor, 'case:read');
  const after = decodeIdCursor(q.cursor);
  let query = db
    .selectFrom('identifiers as i')
    .selectAll('i')
    .where(readable(actor, 'i', 'i.case_id', 'identifiers'))
    .where(visibleIdentifiers(actor, 'i'));
  if (q.kind) query = query.where('i.kind', '=', q.kind);
  if (q.kind && q.value) {
    // A victim's number is stored only as a blind index: search both forms.
    const normalised = normaliseForField(q.kind, q.value, 'value');
    query = query.where('i.normalised', 'in', [normalised, keyring.blindIndex(normalised)]);
  }
  if (q.case_id) query = query.where('i.case_id', '=', q.case_id);
  if (q.person_id) query = query.where('i.person_id', '=', q.person_id);
  if (after) query = query.where('i.id', '>', after);
  const rows = await query
    .orderBy('i.id')
    .limit(q.limit + 1)
    .execute();
  return pageById(rows, q.limit, presentIdentifier);
}

async function loadIdentifier(db: Kysely<DB>, actor: Actor, id: string, mode: AccessMode = 'read') {
  return (
    db
      .selectFrom('identifiers as i')
      .selectAll('i')
      .where(
        mode === 'read'
          ? readable(actor, 'i', 'i.case_id', 'identifiers')
          : ownRecords(actor, 'i', 'i.case_id'),
      )
      // An identifier of a person the role may not see (an accused's phone, for a caseworker) is not found.
      .where(visibleIdentifiers(actor, 'i'))
      .where('i.id', '=', id)
      .executeTakeFirst()
  );
}

export async function getIdentifierFor(db: Kysely<DB>, actor: Actor, id: string) {
  assertCan(actor, 'case:read');
  const row = await loadIdentifier(db, actor, id);
  if (!row) throw notFound('Identifier');
  return presentIdentifier(row);
}

export async function addIdentifierFor(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  caseId: string,
  input: IdentifierCreate,
) {
  assertCan(actor, 'case:write');
  normaliseForField(input.kind, input.value, 'value');
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const c = await findCase(tx, actor, caseId, 'write');
    if (!c) throw notFound('Case');
    let isProtected = false;
    if (input.person_id) {
      const p = await tx
        .selectFrom('persons')
        .select(['id', 'protected'])
        .where('agency_id', '=', c.agency_id)
        .where('case_id', '=', c.id)
        .where('id', '=', input.person_id)
        .executeTakeFirst();
      if (!p) throw validationError('person_id', 'is not a person in this case');
      isProtected = p.protected;
    }
    try {
      await tx
        .insertInto('identifiers')
        .values({
          agency_id: c.agency_id,
          id,
          case_id: c.id,
          person_id: input.person_id ?? null,
          external_id: input.external_id ?? null,
          kind: input.kind,
          ...storedIdentifier(keyring, c.agency_id, id, isProtected, input, 'value'),
          distribution: c.distribution,
        })
        .execute();
    } catch (err) {
      mapDbError(err);
    }
    await correlateCases(tx, keyring, [{ agencyId: c.agency_id, caseId: c.id }], { writtenBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'identifier.create',
      recordKind: 'identifier',
      recordId: id,
      recordAgencyId: c.agency_id,
    });
  });
  return getIdentifierFor(db, actor, id);
}

export async function updateIdentifierFor(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  id: string,
  patch: { value: string },
) {
  assertCan(actor, 'case:write');
  await db.transaction().execute(async (tx) => {
    const row = await loadIdentifier(tx, actor, id, 'write');
    if (!row) throw notFound('Identifier');
    assertNotTransferred(
      await tx
        .selectFrom('cases')
        .select('status')
        .where('agency_id', '=', row.agency_id)
        .where('id', '=', row.case_id)
        .executeTakeFirstOrThrow(),
    );
    const stored = storedIdentifier(
      keyring,
      row.agency_id,
      row.id,
      row.protected,
      { kind: row.kind, value: patch.value },
      'value',
    );
    await tx
      .updateTable('identifiers')
      .set(stored)
      .where('agency_id', '=', row.agency_id)
      .where('id', '=', row.id)
      .execute();
    await correlateCases(tx, keyring, [{ agencyId: row.agency_id, caseId: row.case_id }], {
      writtenBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'identifier.update',
      recordKind: 'identifier',
      recordId: row.id,
      recordAgencyId: row.agency_id,
    });
  });
  return getIdentifierFor(db, actor, id);
}
