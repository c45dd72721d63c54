import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { personRoles } from '../../db/schema.ts';
import { mapDbError } from '../../shared/db-errors.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { notFound, validationError, versionConflict } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { containsPattern, decodeIdCursor, pageById } from '../../shared/paging.ts';
import { type Actor, assertCan } from '../access/actor.ts';
import { ownRecords, readable, visiblePersons } from '../access/policy.ts';
import { roles } from '../access/roles.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { presentPerson } from '../cases/case.presenter.ts';
import { type AccessMode, assertNotTransferred, findCase } from '../cases/case.repository.ts';
import { cursorParam, listLimit, type PersonInput, type PersonPatch, uuid } from '../cases/case.schemas.ts';
import { correlateCases } from '../grid/correlate.ts';
import { storedIdentifier } from '../identifiers/normalise.ts';
import { rewritePersonKeys } from '../profiles/person-keys.ts';
import { profileOfPerson } from '../profiles/profile.repository.ts';
import {
  maskedFields,
  needsProtection,
  openFields,
  type ProtectedFields,
  protectedFieldNames,
  pseudonym,
  reservePseudonyms,
  sealFields,
} from '../victims/protection.ts';

export const searchPurpose = z
  .string()
  .trim()
  .min(10, 'state why you search for a person (at least 10 characters); it is kept in the audit log')
  .max(500);

export const personListQuery = z
  .strictObject({
    case_id: uuid.optional(),
    role: z.enum(personRoles).optional(),
    q: z.string().trim().min(2).max(200).optional(),
    purpose: searchPurpose.optional().describe('Required with q: why you search for this person (audited)'),
    cursor: cursorParam,
    limit: listLimit,
  })
  .refine((v) => !v.q || v.purpose, { message: 'a name search needs a stated purpose', path: ['purpose'] });
export type PersonListQuery = z.infer<typeof personListQuery>;

async function loadPerson(db: Kysely<DB>, actor: Actor, id: string, mode: AccessMode = 'read') {
  return (
    db
      .selectFrom('persons as p')
      .selectAll('p')
      .select(profileOfPerson('p').as('profile_id'))
      .where(
        mode === 'read' ? readable(actor, 'p', 'p.case_id', 'persons') : ownRecords(actor, 'p', 'p.case_id'),
      )
      // A person the role may not see (an informant, for most) is not found.
      .where(visiblePersons(actor, 'p'))
      .where('p.id', '=', id)
      .executeTakeFirst()
  );
}

/** Persons by id order (UUIDv7: creation order), scoped; the name search is audited (it searches protected data). */
export async function listPersonsFor(db: Kysely<DB>, actor: Actor, q: PersonListQuery) {
  assertCan(actor, 'case:read');
  const after = decodeIdCursor(q.cursor);
  let query = db
    .selectFrom('persons as p')
    .selectAll('p')
    .where(readable(actor, 'p', 'p.case_id', 'persons'))
    .where(visiblePersons(actor, 'p'));
  if (q.case_id) query = query.where('p.case_id', '=', q.case_id);
  if (q.role) query = query.where('p.role', '=', q.role);
  if (q.q) {
    const like = containsPattern(q.q);
    query = query.where((eb) =>
      eb.or([eb('p.full_name', 'ilike', like), eb(sql`array_to_string(p.aliases, ' ')`, 'ilike', like)]),
    );
  }
  if (after) query = query.where('p.id', '>', after);
  const rows = await query
    .orderBy('p.id')
    .limit(q.limit + 1)
    .execute();
  const result = pageById(rows, q.limit, (p) => presentPerson(p, roles[actor.role].fields));
  if (q.q)
    await recordAudit(db, actor, {
      action: 'person.search',
      detail: { results: result.items.length, purpose: q.purpose ?? null },
    });
  return result;
}

export async function getPersonFor(db: Kysely<DB>, actor: Actor, id: string) {
  assertCan(actor, 'case:read');
  const p = await loadPerson(db, actor, id);
  if (!p) throw notFound('Person');
  // Identifiers only as a disclosure granted them (the `identifiers` group); the role's fields decide the rest.
  const identifiers = await db
    .selectFrom('identifiers as i')
    .selectAll('i')
    .where('i.agency_id', '=', p.agency_id)
    .where('i.person_id', '=', p.id)
    .where(readable(actor, 'i', 'i.case_id', 'identifiers'))
    .orderBy('i.id')
    .execute();
  await recordAudit(db, actor, {
    action: 'person.read',
    recordKind: 'person',
    recordId: p.id,
    recordAgencyId: p.agency_id,
  });
  return presentPerson(p, roles[actor.role].fields, identifiers);
}

export async function addPersonFor(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  caseId: string,
  input: PersonInput,
) {
  assertCan(actor, 'case:write');
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const c = await findCase(tx, actor, caseId, 'write');
    if (!c) throw notFound('Case');
    try {
      const fields: ProtectedFields = {
        full_name: input.full_name,
        aliases: input.aliases ?? [],
        relation_name: input.relation_name ?? null,
        birth_date: input.birth_date ?? null,
        address: input.address ?? null,
        pincode: input.pincode ?? null,
        notes: input.notes ?? null,
      };
      const isProtected = needsProtection({ ...input, recordDate: new Date(c.registered_at).toISOString() });
      const shown = isProtected
        ? {
            ...maskedFields,
            full_name: pseudonym(input.role, c.agency_code, await reservePseudonyms(tx, c.agency_id, 1)),
          }
        : fields;
      await tx
        .insertInto('persons')
        .values({
          agency_id: c.agency_id,
          id,
          case_id: c.id,
          external_id: input.external_id ?? null,
          role: input.role,
          ...shown,
          protected: isProtected,
          sealed: isProtected ? sealFields(keyring, c.agency_id, id, fields) : null,
          relation_kind: input.relation_kind ?? null,
          gender: input.gender ?? null,
          age: input.age ?? null,
          age_recorded_on:
            input.age_recorded_on ?? (input.age != null ? new Date().toISOString().slice(0, 10) : null),
          district_lgd_code: input.district_lgd_code ?? null,
          distribution: input.distribution ?? c.distribution,
        })
        .execute();
      for (const [i, idf] of (input.identifiers ?? []).entries()) {
        const identifierId = newId();
        await tx
          .insertInto('identifiers')
          .values({
            agency_id: c.agency_id,
            id: identifierId,
            case_id: c.id,
            person_id: id,
            external_id: idf.external_id ?? null,
            kind: idf.kind,
            ...storedIdentifier(
              keyring,
              c.agency_id,
              identifierId,
              isProtected,
              idf,
              `identifiers.${i}.value`,
            ),
            distribution: input.distribution ?? c.distribution,
          })
          .execute();
      }
      await rewritePersonKeys(tx, keyring, [{ agency_id: c.agency_id, id }]);
    } catch (err) {
      mapDbError(err);
    }
    await correlateCases(tx, keyring, [{ agencyId: c.agency_id, caseId: c.id }], { writtenBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'person.create',
      recordKind: 'person',
      recordId: id,
      recordAgencyId: c.agency_id,
    });
  });
  return getPersonFor(db, actor, id);
}

/** The fields a person's screening keys are made of (person-keys.ts). */
const keyedFields = new Set([
  'full_name',
  'aliases',
  'relation_name',
  'birth_date',
  'age',
  'age_recorded_on',
]);

export async function updatePersonFor(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  id: string,
  patch: PersonPatch,
) {
  assertCan(actor, 'case:write');
  await db.transaction().execute(async (tx) => {
    const p = await loadPerson(tx, actor, id, 'write');
    if (!p) throw notFound('Person');
    // The person's case, once: whether it may change, its group, its date and its agency's code (a pseudonym).
    const c = await tx
      .selectFrom('cases as c')
      .innerJoin('agencies as a', 'a.id', 'c.agency_id')
      .select(['c.status', 'c.sharing_group_id', 'c.registered_at', 'a.code'])
      .where('c.agency_id', '=', p.agency_id)
      .where('c.id', '=', p.case_id)
      .executeTakeFirstOrThrow();
    assertNotTransferred(c);
    if (p.version !== patch.version) {
      throw versionConflict('person', patch.version, p.version);
    }
    const { version: _v, ...fields } = patch;
    let changes: Record<string, unknown> = Object.fromEntries(
      Object.entries(fields).filter(([, v]) => v !== undefined),
    );
    // An age given again is an age stated today, unless the patch says when (screening's birth year, person-keys.ts).
    if (changes.age !== undefined && changes.age_recorded_on === undefined)
      changes.age_recorded_on = changes.age === null ? null : new Date().toISOString().slice(0, 10);
    // A stated age keeps the date it was stated (migration 0013, check persons_age_dated).
    const ageAfter = changes.age !== undefined ? changes.age : p.age;
    const datedAfter = changes.age_recorded_on !== undefined ? changes.age_recorded_on : p.age_recorded_on;
    if (ageAfter != null && datedAfter == null) {
      throw validationError(
        'age_recorded_on',
        'cannot be removed while the person has an age (remove the age too)',
      );
    }
    const changedFields = Object.keys(changes);
    if (patch.distribution !== undefined) {
      // A person is shared with a group only through its case's group.
      if (patch.distribution === 'group' && !c.sharing_group_id) {
        throw validationError('distribution', 'a person can be shared with a group only when its case is');
      }
      changes.sharing_group_id = patch.distribution === 'group' ? c.sharing_group_id : null;
    }
    const becomesProtected =
      !p.protected &&
      needsProtection({
        role: (changes.role as string | undefined) ?? p.role,
        age: changes.age !== undefined ? (changes.age as number | null) : p.age,
        birth_date: changes.birth_date !== undefined ? (changes.birth_date as string | null) : p.birth_date,
        recordDate: new Date(c.registered_at).toISOString(),
      });
    if (becomesProtected) {
      // A person who becomes a victim or a child witness (a role corrected, an age found under 18) is sealed now,
      // as if so recorded: identity into the sealed value, a pseudonym shown, every identifier sealed with a blind
      // index (POCSO s.23, BNS s.72). It is never unsealed by a later change.
      const pick = <K extends keyof ProtectedFields>(k: K) =>
        (changes[k] !== undefined ? changes[k] : p[k]) as ProtectedFields[K];
      const fields: ProtectedFields = {
        full_name: pick('full_name'),
        aliases: pick('aliases') ?? [],
        relation_name: pick('relation_name'),
        birth_date: pick('birth_date'),
        address: pick('address'),
        pincode: pick('pincode'),
        notes: pick('notes'),
      };
      changes = Object.fromEntries(
        Object.entries(changes).filter(([k]) => !(protectedFieldNames as readonly string[]).includes(k)),
      );
      const role = (changes.role as string | undefined) ?? p.role;
      Object.assign(changes, maskedFields, {
        full_name: pseudonym(role, c.code, await reservePseudonyms(tx, p.agency_id, 1)),
        protected: true,
        sealed: sealFields(keyring, p.agency_id, p.id, fields),
      });
      const held = await tx
        .selectFrom('identifiers')
        .select(['id', 'kind', 'value'])
        .where('agency_id', '=', p.agency_id)
        .where('person_id', '=', p.id)
        .where('protected', '=', false)
        .execute();
      for (const idf of held) {
        await tx
          .updateTable('identifiers')
          .set(storedIdentifier(keyring, p.agency_id, idf.id, true, idf, 'identifiers'))
          .where('agency_id', '=', p.agency_id)
          .where('id', '=', idf.id)
          .execute();
      }
    } else if (p.protected) {
      // Identifying fields of a protected person change only inside the sealed value.
      const sealedChanges = Object.fromEntries(
        Object.entries(changes).filter(([k]) => (protectedFieldNames as readonly string[]).includes(k)),
      );
      changes = Object.fromEntries(
        Object.entries(changes).filter(([k]) => !(protectedFieldNames as readonly string[]).includes(k)),
      );
      if (Object.keys(sealedChanges).length > 0) {
        const merged = {
          ...openFields(keyring, p.agency_id, p.id, p.sealed!),
          ...sealedChanges,
        } as ProtectedFields;
        changes.sealed = sealFields(keyring, p.agency_id, p.id, merged);
      }
    }
    try {
      await tx
        .updateTable('persons')
        .set({ ...changes, updated_at: new Date(), version: sql<number>`version + 1` })
        .where('agency_id', '=', p.agency_id)
        .where('id', '=', p.id)
        .execute();
      // Sealed now, the keys' birth year may no longer come from the birth date.
      if (becomesProtected || changedFields.some((f) => keyedFields.has(f))) {
        await rewritePersonKeys(tx, keyring, [{ agency_id: p.agency_id, id: p.id }]);
      }
    } catch (err) {
      mapDbError(err);
    }
    await recordAudit(tx, actor, {
      action: 'person.update',
      recordKind: 'person',
      recordId: p.id,
      recordAgencyId: p.agency_id,
      detail: { fields: changedFields },
    });
  });
  return getPersonFor(db, actor, id);
}
