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
  method: Exclude<LinkMethod, 'single'>;
  score: number | null;
  /** The model's version, or for a rule link the rule (`case-transfer`). */
  modelVersion: string | null;
  reviewerId: string | null;
  /** Kept with the link's history event (a review id, a transfer id). */
  detail?: Record<string, unknown>;
}

export interface RecordRef {
  agencyId: string;
  personId: string;
}

/**
 * The reason a merge is refused because of an officer's decision: a pair of records, one in each profile, that an
 * officer judged not to be the same person ("not the same" in the review queue, or an unlink). Every linking path
 * goes through linkRecords, so none can join them.
 */
export const CANNOT_LINK_MESSAGE =
  'An officer decided that a record of one of these profiles is not the same person as a record of the other; they stay apart until that pair is decided again';

/** A rejected pair joining a member of one profile with a member of the other, if there is one. */
export async function rejectedPairBetween(
  db: Kysely<DB>,
  profileA: string,
  profileB: string,
): Promise<{ id: string } | undefined> {
  if (profileA === profileB) return undefined;
  // From the members of the two profiles, along the rejected pairs (partial indexes), to a member of the other.
  const found = await sql<{ id: string }>`
    select mc.id from profile_members x
    join match_candidates mc on mc.status = 'rejected'
      and mc.a_agency_id = x.agency_id and mc.a_person_id = x.person_id
    join profile_members y on y.agency_id = mc.b_agency_id and y.person_id = mc.b_person_id
    where x.profile_id in (${profileA}, ${profileB}) and y.profile_id in (${profileA}, ${profileB})
      and x.profile_id <> y.profile_id
    limit 1`.execute(db);
  return found.rows[0];
}

interface MemberRow {
  agency_id: string;
  person_id: string;
  method: LinkMethod;
  score: number | null;
  model_version: string | null;
  reviewer_id: string | null;
  linked_at: Date;
  linked_to_agency_id: string | null;
  linked_to_person_id: string | null;
}

const keyOf = (agencyId: string, personId: string) => `${agencyId}/${personId}`;

/**
 * The members of a profile grouped into records that are one record: a person and the copies of it case
 * transfers made (joined by `rule` links). Each member's key (`agency/person`) → its group's key.
 */
export function copyGroups(
  members: readonly Pick<
    MemberRow,
    'agency_id' | 'person_id' | 'method' | 'linked_to_agency_id' | 'linked_to_person_id'
  >[],
): Map<string, string> {
  const parent = new Map(
    members.map((m) => [keyOf(m.agency_id, m.person_id), keyOf(m.agency_id, m.person_id)]),
  );
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  for (const m of members) {
    if (m.method !== 'rule' || !m.linked_to_agency_id || !m.linked_to_person_id) continue;
    const other = keyOf(m.linked_to_agency_id, m.linked_to_person_id);
    if (!parent.has(other)) continue;
    parent.set(find(keyOf(m.agency_id, m.person_id)), find(other));
  }
  return new Map([...parent.keys()].map((k) => [k, find(k)]));
}

/**
 * Puts two records in one profile. When both already have profiles, the smaller joins the larger. Refused
 * (`conflict`) when a rejected pair joins a member of one with a member of the other (CANNOT_LINK_MESSAGE), or
 * when both hold an open history sheet of one agency.
 *
 * Provenance: each member keeps the link that joined it — the record it was linked to, method, score, model
 * version or rule, reviewer, when. The link made now is one more: the record of the pair in the profile that is
 * merged away gets it. Its own earlier link, and those on the way to that profile's first record, are turned
 * round rather than dropped (a tree re-rooted at the joining record), so no one's provenance is overwritten and
 * no record is marked with a link it was never part of. The event is kept in `profile_events`. History sheets
 * and profile watches follow their person into the merged profile. Returns the surviving profile id.
 */
export async function linkRecords(
  db: Kysely<DB>,
  a: RecordRef,
  b: RecordRef,
  how: LinkProvenance,
): Promise<string> {
  const pa = await ensureProfile(db, a.agencyId, a.personId);
  const pb = await ensureProfile(db, b.agencyId, b.personId);
  if (pa === pb) return pa;
  // One change to a profile at a time (an unlink takes the same lock), in a fixed order against deadlocks.
  await db
    .selectFrom('person_profiles')
    .select('id')
    .where('id', 'in', [pa, pb])
    .orderBy('id')
    .forUpdate()
    .execute();
  const sizes = await db
    .selectFrom('profile_members')
    .select(['profile_id', sql<number>`count(*)::int`.as('n')])
    .where('profile_id', 'in', [pa, pb])
    .groupBy('profile_id')
    .execute();
  const size = (id: string) => sizes.find((s) => s.profile_id === id)?.n ?? 0;
  const [keep, drop, stay, joining] = size(pa) >= size(pb) ? [pa, pb, a, b] : [pb, pa, b, a];
  if (await rejectedPairBetween(db, keep, drop)) throw new AppError('conflict', CANNOT_LINK_MESSAGE);
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
  const moved = await db
    .selectFrom('profile_members')
    .select([
      'agency_id',
      'person_id',
      'method',
      'score',
      'model_version',
      'reviewer_id',
      'linked_at',
      'linked_to_agency_id',
      'linked_to_person_id',
    ])
    .where('profile_id', '=', drop)
    .execute();
  const before = moved.find((m) => m.agency_id === joining.agencyId && m.person_id === joining.personId);
  const turned = await rerootAt(db, moved, joining);
  await db
    .updateTable('profile_members')
    .set({
      method: how.method,
      score: how.score,
      model_version: how.modelVersion,
      reviewer_id: how.reviewerId,
      linked_at: new Date(),
      linked_to_agency_id: stay.agencyId,
      linked_to_person_id: stay.personId,
    })
    .where('agency_id', '=', joining.agencyId)
    .where('person_id', '=', joining.personId)
    .execute();
  await db.updateTable('profile_members').set({ profile_id: keep }).where('profile_id', '=', drop).execute();
  await db.updateTable('history_sheets').set({ profile_id: keep }).where('profile_id', '=', drop).execute();
  // Watches on either person keep watching the merged one.
  await db.updateTable('grid_watches').set({ profile_id: keep }).where('profile_id', '=', drop).execute();
  await db.updateTable('person_profiles').set({ updated_at: new Date() }).where('id', '=', keep).execute();
  await db.deleteFrom('person_profiles').where('id', '=', drop).execute();
  await db
    .insertInto('profile_events')
    .values({
      id: newId(),
      kind: moved.length > 1 && size(keep) > 1 ? 'merge' : 'link',
      profile_id: keep,
      other_profile_id: drop,
      agency_id: joining.agencyId,
      person_id: joining.personId,
      other_agency_id: stay.agencyId,
      other_person_id: stay.personId,
      records: moved.length,
      method: how.method,
      score: how.score,
      model_version: how.modelVersion,
      user_id: how.reviewerId,
      detail: JSON.stringify({
        ...how.detail,
        // A link with no partner to turn round onto (a row older than migration 0015) is kept here.
        ...(!turned && before && before.method !== 'single'
          ? {
              replaced: {
                method: before.method,
                score: before.score,
                model_version: before.model_version,
                reviewer_id: before.reviewer_id,
                linked_at: before.linked_at,
              },
            }
          : {}),
      }),
    })
    .execute();
  return keep;
}

/**
 * Turns the links on the way from `at` to its profile's first record round, so that `at` becomes the first record
 * and every link keeps its provenance (now held by the other record of the pair). Rows without a link partner
 * (the first record, rows older than migration 0015) end the walk. Whether any link was turned round.
 */
async function rerootAt(db: Kysely<DB>, members: readonly MemberRow[], at: RecordRef): Promise<boolean> {
  const byKey = new Map(members.map((m) => [keyOf(m.agency_id, m.person_id), m]));
  const path: MemberRow[] = [];
  let node = byKey.get(keyOf(at.agencyId, at.personId));
  const seen = new Set<string>();
  while (node && !seen.has(keyOf(node.agency_id, node.person_id))) {
    seen.add(keyOf(node.agency_id, node.person_id));
    path.push(node);
    if (!node.linked_to_agency_id || !node.linked_to_person_id) break;
    node = byKey.get(keyOf(node.linked_to_agency_id, node.linked_to_person_id));
  }
  // path[0] = at, …, path[k] = the first record: path[i + 1] takes the link path[i] held, pointing back to it.
  for (let i = path.length - 1; i >= 1; i--) {
    const from = path[i - 1]!;
    const to = path[i]!;
    await db
      .updateTable('profile_members')
      .set({
        method: from.method,
        score: from.score,
        model_version: from.model_version,
        reviewer_id: from.reviewer_id,
        linked_at: from.linked_at,
        linked_to_agency_id: from.agency_id,
        linked_to_person_id: from.person_id,
      })
      .where('agency_id', '=', to.agency_id)
      .where('person_id', '=', to.person_id)
      .execute();
  }
  return path.length > 1;
}

/** What unlinking a record did. */
export interface UnlinkResult {
  /** The profile the record left. */
  fromProfileId: string;
  /** The record's profile now (with the transfer copies that went with it). */
  profileId: string;
  /** The records moved: the record, and the copies of it a case transfer linked to it. */
  moved: RecordRef[];
  /** The rejected pair recorded (the record, and the one it was linked to in the profile it left). */
  rejectedPairId: string;
}

/**
 * Takes a record out of its profile into a profile of its own (an officer found the link wrong). Its transfer
 * copies — records linked to it by the `case-transfer` rule, the same record in another agency — go with it. The
 * officer's decision binds every linking path: a rejected pair is recorded between the record and the record it
 * was linked to (or, for the profile's first record, the earliest other member), and the confirmed pairs between
 * the records moved and those that stay are rejected too. Records linked through the one taken out stay (their
 * own provenance kept, without a partner). History sheets on the records moved follow them. Refused (`conflict`)
 * when nothing else is in the profile.
 */
export async function unlinkRecords(
  db: Kysely<DB>,
  record: RecordRef,
  by: { userId: string | null; reason: string; prefer?: (m: RecordRef) => boolean },
): Promise<UnlinkResult> {
  const own = await db
    .selectFrom('profile_members')
    .select('profile_id')
    .where('agency_id', '=', record.agencyId)
    .where('person_id', '=', record.personId)
    .executeTakeFirst();
  if (!own) throw new AppError('conflict', 'The record is in no profile');
  const from = own.profile_id;
  const members = await db
    .selectFrom('profile_members')
    .select([
      'agency_id',
      'person_id',
      'method',
      'score',
      'model_version',
      'reviewer_id',
      'linked_at',
      'linked_to_agency_id',
      'linked_to_person_id',
    ])
    .where('profile_id', '=', from)
    .orderBy('linked_at')
    .orderBy('agency_id')
    .orderBy('person_id')
    .execute();
  // The record and its copies: the records joined to it by transfer-rule links, either way round.
  const groups = copyGroups(members);
  const group = groups.get(keyOf(record.agencyId, record.personId));
  const movedKeys = new Set(
    members.map((m) => keyOf(m.agency_id, m.person_id)).filter((k) => groups.get(k) === group),
  );
  const moved = members.filter((m) => movedKeys.has(keyOf(m.agency_id, m.person_id)));
  const staying = members.filter((m) => !movedKeys.has(keyOf(m.agency_id, m.person_id)));
  if (staying.length === 0) {
    throw new AppError('conflict', 'The record is the only record of its profile (with its transfer copies)');
  }
  // Whom the record is judged not to be: its link partner in the profile it leaves, else a record linked to it,
  // else the earliest member — one the caller reads when there is one (so that they find the pair in the queue,
  // and can decide it again).
  const partnerKey = (m: MemberRow) =>
    m.linked_to_agency_id && m.linked_to_person_id
      ? keyOf(m.linked_to_agency_id, m.linked_to_person_id)
      : null;
  const candidates = [
    ...staying.filter((s) => moved.some((m) => partnerKey(m) === keyOf(s.agency_id, s.person_id))),
    ...staying.filter((s) => movedKeys.has(partnerKey(s) ?? '')),
    ...staying,
  ];
  const prefer = by.prefer ?? (() => true);
  const partner =
    candidates.find((m) => prefer({ agencyId: m.agency_id, personId: m.person_id })) ?? candidates[0]!;

  const to = newId();
  await db.insertInto('person_profiles').values({ id: to }).execute();
  // The moved records keep their links among themselves; the one whose link led out of them starts the profile.
  for (const m of moved) {
    const inside =
      m.linked_to_agency_id !== null &&
      m.linked_to_person_id !== null &&
      movedKeys.has(keyOf(m.linked_to_agency_id, m.linked_to_person_id));
    await db
      .updateTable('profile_members')
      .set(
        inside
          ? { profile_id: to }
          : {
              profile_id: to,
              method: 'single',
              score: null,
              model_version: null,
              reviewer_id: null,
              linked_at: new Date(),
              linked_to_agency_id: null,
              linked_to_person_id: null,
            },
      )
      .where('agency_id', '=', m.agency_id)
      .where('person_id', '=', m.person_id)
      .execute();
  }
  // Records that were linked through a moved one stay, with their own provenance and no partner.
  for (const s of staying) {
    if (!s.linked_to_agency_id || !s.linked_to_person_id) continue;
    if (!movedKeys.has(keyOf(s.linked_to_agency_id, s.linked_to_person_id))) continue;
    await db
      .updateTable('profile_members')
      .set({ linked_to_agency_id: null, linked_to_person_id: null })
      .where('agency_id', '=', s.agency_id)
      .where('person_id', '=', s.person_id)
      .execute();
  }
  for (const m of moved) {
    await db
      .updateTable('history_sheets')
      .set({ profile_id: to })
      .where('person_agency_id', '=', m.agency_id)
      .where('person_id', '=', m.person_id)
      .execute();
  }
  await db.updateTable('person_profiles').set({ updated_at: new Date() }).where('id', '=', from).execute();

  // The officer's decision, as the review queue keeps decisions: it binds batch linking, matching and reviews.
  const movedList = JSON.stringify(moved.map((m) => ({ agency_id: m.agency_id, person_id: m.person_id })));
  const stayingList = JSON.stringify(
    staying.map((m) => ({ agency_id: m.agency_id, person_id: m.person_id })),
  );
  await sql`
    update match_candidates mc set status = 'rejected', reviewer_id = ${by.userId}, reviewed_at = now(),
      note = ${by.reason}
    from jsonb_to_recordset(${movedList}::jsonb) as m(agency_id uuid, person_id uuid),
      jsonb_to_recordset(${stayingList}::jsonb) as s(agency_id uuid, person_id uuid)
    where mc.status = 'confirmed'
      and (((mc.a_agency_id, mc.a_person_id) = (m.agency_id, m.person_id)
          and (mc.b_agency_id, mc.b_person_id) = (s.agency_id, s.person_id))
        or ((mc.a_agency_id, mc.a_person_id) = (s.agency_id, s.person_id)
          and (mc.b_agency_id, mc.b_person_id) = (m.agency_id, m.person_id)))`.execute(db);
  const [x, y] = [
    { agency: record.agencyId, person: record.personId },
    { agency: partner.agency_id, person: partner.person_id },
  ].sort((p, q) => (p.agency === q.agency ? (p.person < q.person ? -1 : 1) : p.agency < q.agency ? -1 : 1));
  const pair = await db
    .insertInto('match_candidates')
    .values({
      id: newId(),
      a_agency_id: x!.agency,
      a_person_id: x!.person,
      b_agency_id: y!.agency,
      b_person_id: y!.person,
      score: null,
      explanation: '[]',
      model_version: null,
      origin: 'unlink',
      status: 'rejected',
      reviewer_id: by.userId,
      reviewed_at: new Date(),
      note: by.reason,
    })
    .onConflict((oc) =>
      oc.columns(['a_agency_id', 'a_person_id', 'b_agency_id', 'b_person_id']).doUpdateSet({
        status: 'rejected',
        reviewer_id: by.userId,
        reviewed_at: new Date(),
        note: by.reason,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('profile_events')
    .values({
      id: newId(),
      kind: 'unlink',
      profile_id: from,
      other_profile_id: to,
      agency_id: record.agencyId,
      person_id: record.personId,
      other_agency_id: partner.agency_id,
      other_person_id: partner.person_id,
      records: moved.length,
      user_id: by.userId,
      reason: by.reason,
      detail: JSON.stringify({ rejected_pair: pair.id }),
    })
    .execute();
  return {
    fromProfileId: from,
    profileId: to,
    moved: moved.map((m) => ({ agencyId: m.agency_id, personId: m.person_id })),
    rejectedPairId: pair.id,
  };
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
