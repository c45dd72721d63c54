import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { AgencyRow, DB } from '../../db/schema.ts';
import { agencyKinds } from '../../db/schema.ts';
import { mapDbError } from '../../shared/db-errors.ts';
import { notFound, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { containsPattern, decodeIdCursor, pageById } from '../../shared/paging.ts';
import { type Actor, agencyInScope, assertCan } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { cursorParam, listLimit, uuid } from '../cases/case.schemas.ts';

/** The agency directory is reference data: every signed-in user may read it (it is how they find whom to call). */

const contact = {
  contact_officer: z.string().trim().min(1).max(200).nullish(),
  contact_phone: z.string().trim().min(1).max(50).nullish(),
  contact_email: z.email({ message: 'must be an email address' }).nullish(),
};
export const agencyInput = z.strictObject({
  code: z
    .string()
    .regex(
      /^[A-Z0-9][A-Z0-9-]{1,39}$/,
      'must be 2–40 capital letters, digits and hyphens, e.g. MH-D519-PS07',
    ),
  name: z.string().trim().min(2).max(200),
  kind: z.enum(agencyKinds),
  parent_id: uuid,
  district_lgd_code: z.number().int().positive().max(2_147_483_647).nullish(),
  ...contact,
});
export const agencyPatch = z.strictObject({ name: z.string().trim().min(2).max(200).optional(), ...contact });
export const agencyListQuery = z.strictObject({
  kind: z.enum(agencyKinds).optional(),
  state_lgd_code: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  district_lgd_code: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  parent_id: uuid.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  cursor: cursorParam,
  limit: listLimit,
});
export const agencyOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  parent_id: z.string().nullable(),
  state_lgd_code: z.number().nullable(),
  district_lgd_code: z.number().nullable(),
  contact_officer: z.string().nullable(),
  contact_phone: z.string().nullable(),
  contact_email: z.string().nullable(),
});

export function presentAgency(a: AgencyRow): z.infer<typeof agencyOut> {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    kind: a.kind,
    parent_id: a.parent_id,
    state_lgd_code: a.state_lgd_code,
    district_lgd_code: a.district_lgd_code,
    contact_officer: a.contact_officer,
    contact_phone: a.contact_phone,
    contact_email: a.contact_email,
  };
}

export async function listAgenciesFor(db: Kysely<DB>, actor: Actor, q: z.infer<typeof agencyListQuery>) {
  assertCan(actor, 'agency:read');
  const after = decodeIdCursor(q.cursor);
  let query = db.selectFrom('agencies').selectAll();
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.state_lgd_code) query = query.where('state_lgd_code', '=', q.state_lgd_code);
  if (q.district_lgd_code) query = query.where('district_lgd_code', '=', q.district_lgd_code);
  if (q.parent_id) query = query.where('parent_id', '=', q.parent_id);
  if (q.q) {
    const like = containsPattern(q.q);
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('code', 'ilike', like)]));
  }
  if (after) query = query.where('id', '>', after);
  const rows = await query
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
  return pageById(rows, q.limit, presentAgency);
}

export async function getAgencyFor(db: Kysely<DB>, actor: Actor, id: string) {
  assertCan(actor, 'agency:read');
  const a = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound('Agency');
  return presentAgency(a);
}

/** New agencies go under a parent in the actor's scope; the state and district follow the parent unless given. */
export async function createAgencyFor(db: Kysely<DB>, actor: Actor, input: z.infer<typeof agencyInput>) {
  assertCan(actor, 'agency:write');
  const id = newId();
  await db.transaction().execute(async (tx) => {
    if (!(await agencyInScope(tx, actor, input.parent_id)))
      throw validationError('parent_id', 'is not an agency you administer');
    const parent = await tx
      .selectFrom('agencies')
      .selectAll()
      .where('id', '=', input.parent_id)
      .executeTakeFirstOrThrow();
    let stateLgd = parent.state_lgd_code;
    if (input.district_lgd_code) {
      const d = await tx
        .selectFrom('districts')
        .selectAll()
        .where('lgd_code', '=', input.district_lgd_code)
        .executeTakeFirst();
      if (!d) throw validationError('district_lgd_code', 'unknown district LGD code');
      if (parent.state_lgd_code && d.state_lgd_code !== parent.state_lgd_code) {
        throw validationError('district_lgd_code', "is not in the parent agency's state");
      }
      stateLgd = d.state_lgd_code;
    }
    try {
      await tx
        .insertInto('agencies')
        .values({
          id,
          code: input.code,
          name: input.name,
          kind: input.kind,
          parent_id: parent.id,
          state_lgd_code: stateLgd,
          district_lgd_code: input.district_lgd_code ?? parent.district_lgd_code,
          contact_officer: input.contact_officer ?? null,
          contact_phone: input.contact_phone ?? null,
          contact_email: input.contact_email ?? null,
        })
        .execute();
    } catch (err) {
      mapDbError(err);
    }
    // The new agency's closure rows: itself, and below each ancestor of its parent.
    await sql`insert into agency_closure (ancestor_id, descendant_id, depth)
      select ${id}::uuid, ${id}::uuid, 0
      union all
      select ancestor_id, ${id}::uuid, depth + 1 from agency_closure where descendant_id = ${parent.id}::uuid`.execute(
      tx,
    );
    await recordAudit(tx, actor, {
      action: 'agency.create',
      recordKind: 'agency',
      recordId: id,
      recordAgencyId: id,
    });
  });
  return getAgencyFor(db, actor, id);
}

export async function updateAgencyFor(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  patch: z.infer<typeof agencyPatch>,
) {
  assertCan(actor, 'agency:write');
  await db.transaction().execute(async (tx) => {
    if (!(await agencyInScope(tx, actor, id))) throw notFound('Agency');
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(changes).length > 0)
      await tx.updateTable('agencies').set(changes).where('id', '=', id).execute();
    await recordAudit(tx, actor, {
      action: 'agency.update',
      recordKind: 'agency',
      recordId: id,
      recordAgencyId: id,
      detail: { fields: Object.keys(changes) },
    });
  });
  return getAgencyFor(db, actor, id);
}
