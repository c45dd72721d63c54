import { type Kysely, sql } from 'kysely';
import type { CaseRow, DB, IdentifierRow, PersonRow } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { isUuid } from '../../shared/ids.ts';
import { containsPattern } from '../../shared/paging.ts';
import type { Actor } from '../access/actor.ts';
import {
  accessKind,
  grantedFields,
  ownRecords,
  readable,
  visibleIdentifiers,
  visiblePersons,
} from '../access/policy.ts';
import { profileOfPerson } from '../profiles/profile.repository.ts';
import type { TransferRow } from './case.presenter.ts';
import type { CaseListQuery } from './case.schemas.ts';

/** Kysely only. Every query takes the actor and filters by its scope. */

export interface CaseListRow extends CaseRow {
  agency_code: string;
  agency_name: string;
  agency_kind: string;
  district_name: string | null;
  access: 'own' | 'shared' | 'disclosed';
  granted_fields: string[];
  offences: string[];
  person_counts: Record<string, number>;
  /** Only on a case read (not in lists). */
  transfer: TransferRow | null;
}

export interface Cursor {
  registeredAt: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.registeredAt}|${c.id}`).toString('base64url');
}

export function decodeCursor(value: string): Cursor | null {
  const text = Buffer.from(value, 'base64url').toString('utf8');
  const [registeredAt, id] = text.split('|');
  const time = registeredAt ? Date.parse(registeredAt) : Number.NaN;
  // Within the years any record can hold (see isoDateTime), so every driver can compare it.
  if (
    !registeredAt ||
    !id ||
    !isUuid(id) ||
    Number.isNaN(time) ||
    time < Date.UTC(1900, 0) ||
    time > Date.UTC(2101, 0)
  )
    return null;
  return { registeredAt, id };
}

/**
 * `read`: every case the caller may read (policy.ts); `write`: only the caller's own cases (`ownRecords`) — a
 * case shared with another agency is read there, never changed there.
 */
export type AccessMode = 'read' | 'write';

function caseSelect(db: Kysely<DB>, actor: Actor, mode: AccessMode = 'read', detail = false) {
  return db
    .selectFrom('cases as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .leftJoin('districts as d', 'd.lgd_code', 'c.district_lgd_code')
    .where(mode === 'read' ? readable(actor, 'c') : ownRecords(actor, 'c'))
    .selectAll('c')
    .select([
      accessKind(actor, 'c').as('access'),
      // Only the case page shows granted field groups; a list of 50 need not look them up 50 times.
      (detail ? grantedFields(actor, 'c') : sql<string[]>`'{}'::text[]`).as('granted_fields'),
      'a.code as agency_code',
      'a.name as agency_name',
      'a.kind as agency_kind',
      'd.name as district_name',
      (detail ? transferOf() : sql<TransferRow | null>`null`).as('transfer'),
      sql<string[]>`array(select o.offence_code from case_offences o
        where o.agency_id = c.agency_id and o.case_id = c.id order by o.offence_code)`.as('offences'),
      sql<
        Record<string, number>
      >`coalesce((select jsonb_object_agg(role, n) from (select p.role, count(*) as n
        from persons p where p.agency_id = c.agency_id and p.case_id = c.id group by p.role) x), '{}'::jsonb)`.as(
        'person_counts',
      ),
    ]);
}

export async function listCases(
  db: Kysely<DB>,
  actor: Actor,
  q: CaseListQuery,
  cursor: Cursor | null,
  /** Normalised forms (and blind indexes) of the search text as an identifier. */
  identifierForms: string[] = [],
): Promise<CaseListRow[]> {
  let query = caseSelect(db, actor);
  if (q.status) query = query.where('c.status', '=', q.status);
  if (q.agency_id) query = query.where('c.agency_id', '=', q.agency_id);
  if (q.state_lgd_code) query = query.where('c.state_lgd_code', '=', q.state_lgd_code);
  if (q.district_lgd_code) query = query.where('c.district_lgd_code', '=', q.district_lgd_code);
  if (q.registered_from) query = query.where('c.registered_at', '>=', sql<Date>`${q.registered_from}::date`);
  if (q.registered_to) {
    query = query.where('c.registered_at', '<', sql<Date>`${q.registered_to}::date + 1`);
  }
  if (q.offence) {
    const code = q.offence;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_offences as o')
          .select(sql`1`.as('one'))
          .whereRef('o.agency_id', '=', 'c.agency_id')
          .whereRef('o.case_id', '=', 'c.id')
          .where('o.offence_code', '=', code),
      ),
    );
  }
  if (q.q) {
    const like = containsPattern(q.q);
    const forms = identifierForms;
    // Names of accused, buyers and others match only with a stated purpose (a person search); victims' names
    // never do (POCSO s.23, BNS s.72): a child is not to be found by typing her name into a list.
    query = query.where((eb) =>
      eb.or([
        eb('c.fir_number', 'ilike', like),
        eb('c.external_id', 'ilike', like),
        eb('c.place', 'ilike', like),
        eb('c.gd_entry', 'ilike', like),
        eb('a.name', 'ilike', like),
        eb.exists(
          eb
            .selectFrom('persons as p')
            .where(sql<boolean>`${q.purpose ?? null}::text is not null`)
            .select(sql`1`.as('one'))
            .whereRef('p.agency_id', '=', 'c.agency_id')
            .whereRef('p.case_id', '=', 'c.id')
            .where('p.role', '<>', 'victim')
            .where(visiblePersons(actor, 'p'))
            .where((pb) =>
              pb.or([
                pb('p.full_name', 'ilike', like),
                pb(sql`array_to_string(p.aliases, ' ')`, 'ilike', like),
              ]),
            ),
        ),
        ...(forms.length > 0
          ? [
              eb.exists(
                eb
                  .selectFrom('identifiers as i')
                  .select(sql`1`.as('one'))
                  .whereRef('i.agency_id', '=', 'c.agency_id')
                  .whereRef('i.case_id', '=', 'c.id')
                  .where('i.normalised', 'in', forms)
                  // Finding a case by a phone the role may not see would tell it whose phone that is.
                  .where(visibleIdentifiers(actor, 'i')),
              ),
            ]
          : []),
      ]),
    );
  }
  if (cursor) {
    query = query.where((eb) =>
      eb.or([
        eb('c.registered_at', '<', new Date(cursor.registeredAt)),
        eb.and([eb('c.registered_at', '=', new Date(cursor.registeredAt)), eb('c.id', '<', cursor.id)]),
      ]),
    );
  }
  return (await query
    .orderBy('c.registered_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.limit + 1)
    .execute()) as CaseListRow[];
}

export async function findCase(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  mode: AccessMode = 'read',
): Promise<CaseListRow | undefined> {
  const row = (await caseSelect(db, actor, mode, true).where('c.id', '=', id).executeTakeFirst()) as
    | CaseListRow
    | undefined;
  if (row && mode === 'write') assertNotTransferred(row);
  return row;
}

/** A transferred case stays with the sending agency as a read-only trace; the receiving agency works on its copy. */
export function assertNotTransferred(c: { status: string }): void {
  if (c.status === 'transferred')
    throw new AppError(
      'conflict',
      'status: the case was transferred to another agency and is kept here read-only',
      [{ field: 'status', message: 'is transferred: the case is read-only here' }],
    );
}

/** The transfer a case was sent by (on the sender's case) or came by (on the receiver's copy), as JSON. */
function transferOf() {
  return sql<TransferRow | null>`coalesce(
    (select jsonb_build_object('direction', 'out', 'agency', jsonb_build_object('id', ta.id, 'code', ta.code,
        'name', ta.name), 'case_id', t.to_case_id, 'fir_number', null, 'reason', t.reason,
        'consent_override_reason', t.consent_override_reason, 'transferred_at', t.transferred_at)
      from case_transfers t join agencies ta on ta.id = t.to_agency_id
      where t.agency_id = c.agency_id and t.case_id = c.id),
    (select jsonb_build_object('direction', 'in', 'agency', jsonb_build_object('id', ta.id, 'code', ta.code,
        'name', ta.name), 'case_id', t.case_id, 'fir_number', src.fir_number, 'reason', t.reason,
        'consent_override_reason', t.consent_override_reason, 'transferred_at', t.transferred_at)
      from case_transfers t join agencies ta on ta.id = t.agency_id
        join cases src on src.agency_id = t.agency_id and src.id = t.case_id
      where t.to_agency_id = c.agency_id and t.to_case_id = c.id))`;
}

export async function caseChildren(
  db: Kysely<DB>,
  agencyId: string,
  caseId: string,
): Promise<{ persons: PersonRow[]; identifiers: IdentifierRow[] }> {
  const [persons, identifiers] = await Promise.all([
    db
      .selectFrom('persons')
      .selectAll()
      .select(profileOfPerson('persons').as('profile_id'))
      .where('agency_id', '=', agencyId)
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('identifiers')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  return { persons, identifiers };
}
