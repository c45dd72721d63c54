import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound, validationError } from '../../shared/errors.ts';
import { decodeIdCursor, pageById } from '../../shared/paging.ts';
import { type Actor, assertCan } from '../access/actor.ts';
import { readable } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { checkWatchlists, raiseDeconfliction, raiseReTrafficking } from '../grid/alerts.ts';
import { linkRecords, personLinkAlerts } from './profile.repository.ts';
import type { reviewDecisionInput, reviewListQuery } from './screening.schemas.ts';

/**
 * The review queue: pairs of person records the model placed in the review band. An officer who may read both
 * records confirms (the records join one profile, provenance `review` with the reviewer), rejects, or marks the
 * pair unsure. A pair one side of which the officer may not read is not shown to them at all.
 */

function side(alias: 'a' | 'b') {
  const p = `p${alias}`;
  return sql<Record<string, unknown>>`json_build_object(
    'person_id', ${sql.ref(`${p}.id`)}, 'case_id', ${sql.ref(`${p}.case_id`)},
    'agency', json_build_object('id', ${sql.ref(`g${alias}.id`)}, 'code', ${sql.ref(`g${alias}.code`)},
      'name', ${sql.ref(`g${alias}.name`)}, 'kind', ${sql.ref(`g${alias}.kind`)},
      'contact_officer', ${sql.ref(`g${alias}.contact_officer`)}, 'contact_phone', ${sql.ref(`g${alias}.contact_phone`)},
      'contact_email', ${sql.ref(`g${alias}.contact_email`)}),
    'full_name', ${sql.ref(`${p}.full_name`)}, 'role', ${sql.ref(`${p}.role`)}, 'gender', ${sql.ref(`${p}.gender`)},
    'age', ${sql.ref(`${p}.age`)}, 'relation_name', ${sql.ref(`${p}.relation_name`)},
    'profile_id', (select profile_id from profile_members m where m.agency_id = ${sql.ref(`${p}.agency_id`)}
      and m.person_id = ${sql.ref(`${p}.id`)}))`;
}

function reviewQuery(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('match_candidates as mc')
    .innerJoin('persons as pa', (j) =>
      j.onRef('pa.agency_id', '=', 'mc.a_agency_id').onRef('pa.id', '=', 'mc.a_person_id'),
    )
    .innerJoin('persons as pb', (j) =>
      j.onRef('pb.agency_id', '=', 'mc.b_agency_id').onRef('pb.id', '=', 'mc.b_person_id'),
    )
    .innerJoin('agencies as ga', 'ga.id', 'mc.a_agency_id')
    .innerJoin('agencies as gb', 'gb.id', 'mc.b_agency_id')
    .select([
      'mc.id',
      'mc.score',
      'mc.status',
      'mc.origin',
      'mc.explanation',
      'mc.model_version',
      'mc.note',
      'mc.reviewed_at',
      side('a').as('a'),
      side('b').as('b'),
    ])
    .where(readable(actor, 'pa', 'pa.case_id', 'persons'))
    .where(readable(actor, 'pb', 'pb.case_id', 'persons'));
}

type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewQuery>['executeTakeFirstOrThrow']>>;

function present(r: ReviewRow) {
  return {
    ...r,
    score: r.score === null ? null : Math.round(r.score * 1000) / 1000,
    reviewed_at: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
    explanation: (typeof r.explanation === 'string' ? JSON.parse(r.explanation) : r.explanation) as {
      field: string;
      level: string;
      weight: number;
    }[],
    a: r.a as never,
    b: r.b as never,
  };
}

export async function listReviews(db: Kysely<DB>, actor: Actor, q: z.infer<typeof reviewListQuery>) {
  assertCan(actor, 'match:review');
  const after = decodeIdCursor(q.cursor);
  if (q.cursor && !after) throw validationError('cursor', 'is not a cursor this server issued');
  let query = reviewQuery(db, actor).where('mc.status', '=', q.status);
  if (after) query = query.where('mc.id', '>', after);
  const rows = await query
    .orderBy('mc.id')
    .limit(q.limit + 1)
    .execute();
  const page = pageById(rows, q.limit, present);
  // The queue shows names, relation names and ages of persons of two agencies: audited like any read of them.
  await recordAudit(db, actor, {
    action: 'match.review_list',
    detail: {
      status: q.status,
      results: page.items.length,
      reviews: page.items.map((i) => i.id),
      persons: page.items.flatMap((i) => [
        (i.a as { person_id: string }).person_id,
        (i.b as { person_id: string }).person_id,
      ]),
    },
  });
  return page;
}

export async function decideReview(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.infer<typeof reviewDecisionInput>,
) {
  assertCan(actor, 'match:review');
  return db.transaction().execute(async (tx) => {
    const row = await reviewQuery(tx, actor)
      .select([
        'mc.a_agency_id',
        'mc.a_person_id',
        'mc.b_agency_id',
        'mc.b_person_id',
        'pa.case_id as a_case',
        'pb.case_id as b_case',
        'pa.role as a_role',
        'pb.role as b_role',
      ])
      .where('mc.id', '=', id)
      .forUpdate('mc')
      .executeTakeFirst();
    if (!row) throw notFound('Review');
    // Confirming links the records, unless an officer's earlier "not the same" holds their profiles apart
    // (linkRecords refuses: 409, and nothing of this decision is kept).
    if (row.status === 'confirmed' && input.decision !== 'confirmed') {
      throw new AppError(
        'conflict',
        'This pair was confirmed and the records linked; unlink a record from its profile instead',
      );
    }
    await tx
      .updateTable('match_candidates')
      .set({
        status: input.decision,
        note: input.note ?? null,
        reviewer_id: actor.userId,
        reviewed_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (input.decision === 'confirmed') {
      // Whoever watches either side's profile is told of the record joining it — before the link, while each
      // watch still names its own side's profile (linking moves them onto the merged one).
      const profiles = await tx
        .selectFrom('profile_members')
        .select(['agency_id', 'person_id', 'profile_id'])
        .where((eb) =>
          eb.or([
            eb.and([eb('agency_id', '=', row.a_agency_id), eb('person_id', '=', row.a_person_id)]),
            eb.and([eb('agency_id', '=', row.b_agency_id), eb('person_id', '=', row.b_person_id)]),
          ]),
        )
        .execute();
      const profileOf = (agencyId: string, personId: string) =>
        profiles.find((m) => m.agency_id === agencyId && m.person_id === personId)?.profile_id;
      const [pa, pb] = [
        profileOf(row.a_agency_id, row.a_person_id),
        profileOf(row.b_agency_id, row.b_person_id),
      ];
      const joins = [
        { profileId: pa, personId: row.b_person_id, agencyId: row.b_agency_id, caseId: row.b_case },
        { profileId: pb, personId: row.a_person_id, agencyId: row.a_agency_id, caseId: row.a_case },
      ].filter((j): j is typeof j & { profileId: string } => j.profileId !== undefined && pa !== pb);
      await checkWatchlists(
        tx,
        joins.map((j) => ({
          match: { profileId: j.profileId, personId: j.personId },
          record: { agencyId: j.agencyId, caseId: j.caseId },
          on: 'profile' as const,
          writtenBy: actor.userId,
          detail: { review: id },
        })),
      );
      await linkRecords(
        tx,
        { agencyId: row.a_agency_id, personId: row.a_person_id },
        { agencyId: row.b_agency_id, personId: row.b_person_id },
        {
          method: 'review',
          score: row.score,
          modelVersion: row.model_version,
          reviewerId: actor.userId,
          detail: { review: id },
        },
      );
      const alerts = personLinkAlerts(
        { agency_id: row.a_agency_id, id: row.a_person_id, case_id: row.a_case, role: row.a_role },
        { agency_id: row.b_agency_id, id: row.b_person_id, case_id: row.b_case, role: row.b_role },
        { review: id, reviewer: actor.userId },
      );
      await raiseDeconfliction(tx, alerts.deconfliction);
      await raiseReTrafficking(tx, alerts.reTrafficking);
    }
    await recordAudit(tx, actor, {
      action: 'match.review',
      recordKind: 'match_candidate',
      recordId: id,
      detail: { decision: input.decision, persons: [row.a_person_id, row.b_person_id] },
    });
    return present(await reviewQuery(tx, actor).where('mc.id', '=', id).executeTakeFirstOrThrow());
  });
}
