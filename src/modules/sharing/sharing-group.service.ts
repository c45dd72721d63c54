import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { type Actor, assertCan } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { sharingGroupInput, sharingGroupOut } from './sharing.schemas.ts';

/**
 * Named groups of agencies (a task force, an inter-state operation) that records can be shared with.
 * A group, its members and even its existence are visible only to its members.
 */
async function memberGroup(db: Kysely<DB>, actor: Actor, groupId: string) {
  const g = await db
    .selectFrom('sharing_groups as g')
    .selectAll('g')
    .where('g.id', '=', groupId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('sharing_group_members as m')
          .select('m.agency_id')
          .whereRef('m.group_id', '=', 'g.id')
          .where('m.agency_id', '=', actor.agencyId),
      ),
    )
    .executeTakeFirst();
  if (!g) throw notFound('Sharing group');
  return g;
}

async function present(db: Kysely<DB>, ids: string[]): Promise<z.infer<typeof sharingGroupOut>[]> {
  if (ids.length === 0) return [];
  const groups = await db
    .selectFrom('sharing_groups')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
  const members = await db
    .selectFrom('sharing_group_members as m')
    .innerJoin('agencies as a', 'a.id', 'm.agency_id')
    .select(['m.group_id', 'a.id', 'a.code', 'a.name'])
    .where('m.group_id', 'in', ids)
    .orderBy('a.code')
    .execute();
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    owner_agency_id: g.owner_agency_id,
    members: members.filter((m) => m.group_id === g.id).map(({ id, code, name }) => ({ id, code, name })),
    created_at: new Date(g.created_at).toISOString(),
  }));
}

export async function listSharingGroups(db: Kysely<DB>, actor: Actor) {
  const ids = await db
    .selectFrom('sharing_group_members')
    .select('group_id')
    .where('agency_id', '=', actor.agencyId)
    .execute();
  return {
    items: await present(
      db,
      ids.map((r) => r.group_id),
    ),
  };
}

export async function getSharingGroup(db: Kysely<DB>, actor: Actor, id: string) {
  await memberGroup(db, actor, id);
  return (await present(db, [id]))[0]!;
}

async function checkAgencies(db: Kysely<DB>, ids: string[], field: string) {
  if (ids.length === 0) return;
  const found = await db.selectFrom('agencies').select('id').where('id', 'in', ids).execute();
  const known = new Set(found.map((a) => a.id));
  ids.forEach((id, i) => {
    if (!known.has(id)) throw validationError(`${field}.${i}`, 'is not an agency');
  });
}

export async function createSharingGroup(
  db: Kysely<DB>,
  actor: Actor,
  input: z.infer<typeof sharingGroupInput>,
) {
  assertCan(actor, 'group:manage');
  await checkAgencies(db, input.member_agency_ids, 'member_agency_ids');
  const id = newId();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('sharing_groups')
      .values({
        id,
        name: input.name,
        description: input.description ?? null,
        owner_agency_id: actor.agencyId,
        created_by: actor.userId,
      })
      .execute();
    const members = [...new Set([actor.agencyId, ...input.member_agency_ids])];
    await tx
      .insertInto('sharing_group_members')
      .values(members.map((agency_id) => ({ group_id: id, agency_id, added_by: actor.userId })))
      .execute();
    await recordAudit(tx, actor, {
      action: 'group.create',
      recordKind: 'sharing_group',
      recordId: id,
      detail: { members: members.length },
    });
  });
  return getSharingGroup(db, actor, id);
}

/** Only the owning agency's administrators change membership. */
async function ownedGroup(db: Kysely<DB>, actor: Actor, id: string) {
  assertCan(actor, 'group:manage');
  const g = await memberGroup(db, actor, id);
  if (g.owner_agency_id !== actor.agencyId)
    throw new AppError('forbidden', 'Only the agency that owns the group changes its members');
  return g;
}

export async function addGroupMember(db: Kysely<DB>, actor: Actor, id: string, agencyId: string) {
  await ownedGroup(db, actor, id);
  await checkAgencies(db, [agencyId], 'agency_id');
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('sharing_group_members')
      .values({ group_id: id, agency_id: agencyId, added_by: actor.userId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await recordAudit(tx, actor, {
      action: 'group.add_member',
      recordKind: 'sharing_group',
      recordId: id,
      detail: { agency_id: agencyId },
    });
  });
  return getSharingGroup(db, actor, id);
}

export async function removeGroupMember(db: Kysely<DB>, actor: Actor, id: string, agencyId: string) {
  const g = await ownedGroup(db, actor, id);
  if (agencyId === g.owner_agency_id) throw validationError('agency_id', 'the owning agency stays a member');
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('sharing_group_members')
      .where('group_id', '=', id)
      .where('agency_id', '=', agencyId)
      .execute();
    await recordAudit(tx, actor, {
      action: 'group.remove_member',
      recordKind: 'sharing_group',
      recordId: id,
      detail: { agency_id: agencyId },
    });
  });
  return getSharingGroup(db, actor, id);
}

/** A record may be shared with a group only by an agency that is a member of it. */
export async function assertGroupMember(db: Kysely<DB>, agencyId: string, groupId: string, field: string) {
  const m = await db
    .selectFrom('sharing_group_members')
    .select('group_id')
    .where('group_id', '=', groupId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!m) throw validationError(field, 'is not a sharing group your agency belongs to');
}
