import { type Kysely, sql } from 'kysely';
import type { DB, LinkMethod } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { GridLink, ReTraffickingLink } from '../grid/alerts.ts';

/**
 * Canonical person profiles: which person records (in any agency) are believed to be one human being.
 * A record belongs to at most one profile; a profile holds nothing but its members and their provenance.
 */

/** The profile of a person record, creating a one-record profile (`single`) when it has none yet. */
export async function ensureProfile(db: Kysely<DB>, agencyId: string, personId: string): Promise<string> {
  const existing = await db
    .selectFrom('profile_members')
    .select('profile_id')
    .where('agency_id', '=', agencyId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (existing) return existing.profile_id;
  const id = newId();
  await db.insertInto('person_profiles').values({ id }).execute();
  const inserted = await db
    .insertInto('profile_members')
    .values({ agency_id: agencyId, person_id: personId, profile_id: id, method: 'single' })
    .onConflict((oc) => oc.columns(['agency_id', 'person_id']).doNothing())
    .returning('profile_id')
    .executeTakeFirst();
  if (inserted) return id;
  // Another transaction linked the record first: use its profile and drop the empty one.
  await db.deleteFrom('person_profiles').where('id', '=', id).execute();
  return ensureProfile(db, agencyId, personId);
}

export interface LinkProvenance {
  method: LinkMethod;
  score: number | null;
  modelVersion: string | null;
  reviewerId: string | null;
}

/**
 * Puts two records in one profile. When both already have profiles, the smaller joins the larger (the merge is
 * recorded per moved member with the new provenance; history sheets follow their person into the merged profile).
 * Returns the surviving profile id.
 */
export async function linkRecords(
  db: Kysely<DB>,
  a: { agencyId: string; personId: string },
  b: { agencyId: string; personId: string },
  how: LinkProvenance,
): Promise<string> {
  const pa = await ensureProfile(db, a.agencyId, a.personId);
  const pb = await ensureProfile(db, b.agencyId, b.personId);
  if (pa === pb) return pa;
  const sizes = await db
    .selectFrom('profile_members')
    .select(['profile_id', sql<number>`count(*)::int`.as('n')])
    .where('profile_id', 'in', [pa, pb])
    .groupBy('profile_id')
    .execute();
  const size = (id: string) => sizes.find((s) => s.profile_id === id)?.n ?? 0;
  const [keep, drop] = size(pa) >= size(pb) ? [pa, pb] : [pb, pa];
  const clash = await db
    .selectFrom('history_sheets as k')
    .innerJoin('history_sheets as d', (j) => j.onRef('d.agency_id', '=', 'k.agency_id'))
    .select('k.agency_id')
    .where('k.profile_id', '=', keep)
    .where('d.profile_id', '=', drop)
    .where('k.status', '=', 'open')
    .where('d.status', '=', 'open')
    .executeTakeFirst();
  if (clash) {
    // Two open sheets of one agency would become one person's duplicate sheets: an officer closes one first.
    throw new AppError(
      'conflict',
      'Both records have an open history sheet in the same agency; close one of them before linking',
    );
  }
  await db
    .updateTable('profile_members')
    .set({
      profile_id: keep,
      method: how.method,
      score: how.score,
      model_version: how.modelVersion,
      reviewer_id: how.reviewerId,
      linked_at: new Date(),
    })
    .where('profile_id', '=', drop)
    .execute();
  await db.updateTable('history_sheets').set({ profile_id: keep }).where('profile_id', '=', drop).execute();
  // Watches on either person keep watching the merged one.
  await db.updateTable('grid_watches').set({ profile_id: keep }).where('profile_id', '=', drop).execute();
  await db.updateTable('person_profiles').set({ updated_at: new Date() }).where('id', '=', keep).execute();
  await db.deleteFrom('person_profiles').where('id', '=', drop).execute();
  return keep;
}

/** Takes a record out of its profile into a profile of its own (an officer found the link wrong). */
export async function unlinkRecord(
  db: Kysely<DB>,
  agencyId: string,
  personId: string,
  reviewerId: string | null,
): Promise<string> {
  const id = newId();
  await db.insertInto('person_profiles').values({ id }).execute();
  await db
    .updateTable('profile_members')
    .set({ profile_id: id, method: 'review', score: null, model_version: null, reviewer_id: reviewerId })
    .where('agency_id', '=', agencyId)
    .where('person_id', '=', personId)
    .execute();
  return id;
}

/** SQL: the profile of the person row aliased `t` (null when it has none), for reads that show it. */
export function profileOfPerson(t: string) {
  return sql<string | null>`(select m.profile_id from profile_members m
    where m.agency_id = ${sql.ref(`${t}.agency_id`)} and m.person_id = ${sql.ref(`${t}.id`)})`;
}

/** A person record as the alerts of a person link need it. */
export interface LinkedRecord {
  agency_id: string;
  id: string;
  case_id: string;
  role: string;
}

/**
 * The alerts two person records found to be one human being call for: deconfliction when they sit in two
 * agencies' cases, re-trafficking for either that is a victim (raiseDeconfliction and raiseReTrafficking decide
 * which cases are open and who is told). One place for batch linking, matching on write and review.
 */
export function personLinkAlerts(
  a: LinkedRecord,
  b: LinkedRecord,
  detail: Record<string, unknown>,
): { deconfliction: GridLink[]; reTrafficking: ReTraffickingLink[] } {
  const out: { deconfliction: GridLink[]; reTrafficking: ReTraffickingLink[] } = {
    deconfliction: [],
    reTrafficking: [],
  };
  if (a.case_id === b.case_id) return out;
  const ref = (r: LinkedRecord) => ({ agencyId: r.agency_id, caseId: r.case_id });
  if (a.agency_id !== b.agency_id) {
    out.deconfliction.push({ a: ref(a), b: ref(b), on: 'person', kind: 'person', detail });
  }
  for (const [child, other] of [
    [a, b],
    [b, a],
  ] as const) {
    if (child.role !== 'victim') continue;
    out.reTrafficking.push({
      child: { ...ref(child), personId: child.id },
      record: ref(other),
      on: 'person',
      kind: 'person',
      detail,
    });
  }
  return out;
}
