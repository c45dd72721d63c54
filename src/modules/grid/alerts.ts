import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../shared/ids.ts';
import { visiblePersonRoles } from '../access/fields.ts';
import { roleNames, roles } from '../access/roles.ts';
import { sameCase, type TransferPlace, transferPlaces } from '../cases/transfer-family.ts';
import { finishedStatuses } from './values.ts';

/**
 * What the grid tells people (docs/grid.md): deconfliction (two agencies work open cases on the same target),
 * re-trafficking (a rescued child turns up in a new record) and watchlist alerts. Each is raised once — per pair
 * of cases, per child and record, per watch and record — and names the other side only by agency, contact
 * officer and case id: what the recipient may read of it is decided when the alert is read (grid.service.ts).
 *
 * These functions take the writer's transaction and are the hooks other matchers call (person resolution,
 * profiles): an alert commits or rolls back with the write that caused it.
 */

/** A case on one side of a link. */
export interface CaseRef {
  agencyId: string;
  caseId: string;
}

/** Two records linked by an identifier, a person match or a canonical profile. */
export interface GridLink {
  a: CaseRef;
  b: CaseRef;
  on: 'identifier' | 'person' | 'profile';
  /** The identifier kind (`phone`, `upi` …), or `person`. */
  kind: string;
  /** Provenance: identifier ids, or the rule/model, score and data version of a person link. */
  detail?: Record<string, unknown>;
}

const finished = sql.join(finishedStatuses.map((s) => sql.lit(s)));

interface Inserted {
  agency_id: string;
  id: string;
  kind: string;
  case_id: string | null;
  other_agency_id: string;
  match_kind: string;
}

/**
 * Links between two cases of one transfer family (a transferred case and the receiving agency's copy: one case,
 * cases/transfer-family.ts) left out: whoever links them — identifiers, person matching, batch linking, a review —
 * they alert no one.
 */
async function acrossCases<T>(
  tx: Kysely<DB>,
  list: T[],
  sides: (l: T) => [CaseRef, CaseRef],
): Promise<{ list: T[]; places: Map<string, TransferPlace> }> {
  if (list.length === 0) return { list, places: new Map() };
  const places = await transferPlaces(tx, list.flatMap(sides));
  return {
    list: list.filter((l) => {
      const [a, b] = sides(l);
      return !sameCase(places, a.caseId, b.caseId);
    }),
    places,
  };
}

/**
 * Deconfliction: when both cases are open (not closed, convicted, acquitted or ended by a final report) and
 * belong to different agencies, each agency is alerted once for the pair, with the other's contact officer.
 * Links that do not qualify are ignored, and so are links between a transferred case and its copy. Returns the
 * number of alerts raised.
 *
 * ```ts
 * await raiseDeconfliction(tx, { a: { agencyId, caseId }, b: { agencyId: other, caseId: theirs },
 *   on: 'person', kind: 'person', detail: { score: 0.97, model: 'fs-2025-07' } });
 * ```
 */
export async function raiseDeconfliction(tx: Kysely<DB>, links: GridLink | GridLink[]): Promise<number> {
  const { list } = await acrossCases(
    tx,
    (Array.isArray(links) ? links : [links]).filter(
      (l) => l.a.agencyId !== l.b.agencyId && l.a.caseId !== l.b.caseId,
    ),
    (l) => [l.a, l.b],
  );
  if (list.length === 0) return 0;
  const rows = list.map((l) => {
    const [first, second] = l.a.caseId < l.b.caseId ? [l.a, l.b] : [l.b, l.a];
    return {
      a_agency: l.a.agencyId,
      a_case: l.a.caseId,
      b_agency: l.b.agencyId,
      b_case: l.b.caseId,
      id_a: newId(),
      id_b: newId(),
      match_kind: l.kind,
      match_on: l.on,
      dedupe: `deconfliction:${first.caseId}:${second.caseId}`,
      detail: l.detail ?? null,
    };
  });
  const inserted = await sql<Inserted>`
    with l as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as l(a_agency uuid, a_case uuid, b_agency uuid,
        b_case uuid, id_a uuid, id_b uuid, match_kind text, match_on text, dedupe text, detail jsonb)
    ), open_pairs as (
      select l.* from l
      join cases ca on ca.agency_id = l.a_agency and ca.id = l.a_case
      join cases cb on cb.agency_id = l.b_agency and cb.id = l.b_case
      where ca.status not in (${finished}) and cb.status not in (${finished})
    )
    insert into grid_alerts (agency_id, id, kind, dedupe_key, case_agency_id, case_id, other_agency_id,
      other_case_id, match_kind, match_on, detail)
    select s.agency_id, s.id, 'deconfliction', s.dedupe, s.agency_id, s.case_id, s.other_agency_id, s.other_case_id,
      s.match_kind, s.match_on, s.detail
    from (
      select a_agency as agency_id, id_a as id, a_case as case_id, b_agency as other_agency_id,
        b_case as other_case_id, match_kind, match_on, dedupe, detail from open_pairs
      union all
      select b_agency, id_b, b_case, a_agency, a_case, match_kind, match_on, dedupe, detail from open_pairs
    ) s
    on conflict (agency_id, dedupe_key) do nothing
    returning agency_id, id, kind, case_id, other_agency_id, match_kind`.execute(tx);
  await notifyAlerts(tx, inserted.rows);
  return inserted.rows.length;
}

/** A victim (treated as a rescued child: see docs/grid.md) in one record, and the record she turned up in. */
export interface ReTraffickingLink {
  child: CaseRef & { personId: string };
  record: CaseRef;
  on: 'identifier' | 'person' | 'profile';
  kind: string;
  detail?: Record<string, unknown>;
}

/**
 * Re-trafficking: a rescued child matching another record alerts the agency that owns the child's case and the
 * child's CWC and DCPU — the child-welfare agencies holding a live referral of that case — and no one else
 * (not the agency of the new record, which learns of the match, if at all, as an ordinary hit). Once per child
 * and record; never between a transferred case and its copy (the same child in the same case). Returns the number
 * of alerts raised.
 */
export async function raiseReTrafficking(
  tx: Kysely<DB>,
  links: ReTraffickingLink | ReTraffickingLink[],
): Promise<number> {
  const { list, places } = await acrossCases(
    tx,
    (Array.isArray(links) ? links : [links]).filter((l) => l.child.caseId !== l.record.caseId),
    (l) => [l.child, l.record],
  );
  if (list.length === 0) return 0;
  const input = list.map((l) => ({
    child_agency: l.child.agencyId,
    child_case: l.child.caseId,
    child_person: l.child.personId,
    record_agency: l.record.agencyId,
    record_case: l.record.caseId,
    match_kind: l.kind,
    match_on: l.on,
    detail: l.detail ?? null,
  }));
  // The recipients first (the owner, and CWC/DCPU referral holders), so that each alert gets its own id.
  const targets = await sql<{
    recipient: string;
    child_agency: string;
    child_case: string;
    child_person: string;
    child_profile: string | null;
    record_agency: string;
    record_case: string;
    match_kind: string;
    match_on: 'identifier' | 'person' | 'profile';
    detail: unknown;
  }>`
    with l as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as l(child_agency uuid, child_case uuid,
        child_person uuid, record_agency uuid, record_case uuid, match_kind text, match_on text, detail jsonb)
    ), children as (
      -- The child's profile: a transferred case's copy of her is linked to her original by rule, so the two
      -- records of one child share it (oneAlertPerFamily).
      select l.*, pm.profile_id as child_profile from l
      join persons p on p.agency_id = l.child_agency and p.id = l.child_person and p.case_id = l.child_case
      left join profile_members pm on pm.agency_id = l.child_agency and pm.person_id = l.child_person
      where p.role = 'victim'
    )
    select c.child_agency as recipient, c.* from children c
    union
    select d.requester_agency_id, c.* from children c
    join disclosures d on d.agency_id = c.child_agency and d.record_kind = 'case' and d.record_id = c.child_case
      and d.kind = 'referral' and d.status = 'approved' and (d.expires_at is null or d.expires_at > now())
    join agencies w on w.id = d.requester_agency_id and w.kind in ('cwc', 'dcpu')`.execute(tx);
  if (targets.rows.length === 0) return 0;
  const rows = oneAlertPerFamily(targets.rows, places).map((t) => ({
    agency_id: t.recipient,
    id: newId(),
    dedupe: `re_trafficking:${t.child_person}:${t.record_case}`,
    case_agency_id: t.child_agency,
    case_id: t.child_case,
    person_id: t.child_person,
    other_agency_id: t.record_agency,
    other_case_id: t.record_case,
    match_kind: t.match_kind,
    match_on: t.match_on,
    detail: t.detail,
  }));
  const inserted = await sql<Inserted>`
    insert into grid_alerts (agency_id, id, kind, dedupe_key, case_agency_id, case_id, person_id, other_agency_id,
      other_case_id, match_kind, match_on, detail)
    select r.agency_id, r.id, 're_trafficking', r.dedupe, r.case_agency_id, r.case_id, r.person_id,
      r.other_agency_id, r.other_case_id, r.match_kind, r.match_on, r.detail
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(agency_id uuid, id uuid, dedupe text,
      case_agency_id uuid, case_id uuid, person_id uuid, other_agency_id uuid, other_case_id uuid, match_kind text,
      match_on text, detail jsonb)
    on conflict (agency_id, dedupe_key) do nothing
    returning agency_id, id, kind, case_id, other_agency_id, match_kind`.execute(tx);
  await notifyAlerts(tx, inserted.rows);
  return inserted.rows.length;
}

/**
 * A record matching both a transferred child's original (the sender's read-only trace) and the receiving agency's
 * copy is one match of one child: the agency holding the case now (the copy furthest down the transfer chain) is
 * alerted, not also the station that sent it away, and a CWC or DCPU holding referrals of several cases of the
 * family is alerted once, about the most recent copy it was referred. One child is one profile (the copy is
 * linked to the original by rule); two children of one case are two, and each is alerted for. Decided within one
 * write's links: a later write that links only the copy alerts its holder then.
 */
function oneAlertPerFamily<
  T extends {
    recipient: string;
    child_agency: string;
    child_case: string;
    child_person: string;
    child_profile: string | null;
    record_case: string;
  },
>(targets: readonly T[], places: ReadonlyMap<string, TransferPlace>): T[] {
  const place = (t: T) => places.get(t.child_case) ?? { root: t.child_case, depth: 0 };
  const family = (t: T) => `${place(t).root}|${t.record_case}|${t.child_profile ?? t.child_person}`;
  const deepest = new Map<string, number>();
  for (const t of targets) deepest.set(family(t), Math.max(deepest.get(family(t)) ?? 0, place(t).depth));
  const kept = new Map<string, T>();
  for (const t of targets) {
    // The owning station: only the current holder's.
    if (t.recipient === t.child_agency && place(t).depth < (deepest.get(family(t)) ?? 0)) continue;
    const key = `${t.recipient}|${family(t)}`;
    const had = kept.get(key);
    if (!had || place(had).depth < place(t).depth) kept.set(key, t);
  }
  return [...kept.values()];
}

/** A tip (modules/tips) on the other side of a watch alert. */
export interface TipRef {
  agencyId: string;
  tipId: string;
}

/**
 * A watched thing appeared: an identifier (by kind and blind index), or a canonical person profile that the
 * record's person (`personId`, in the record's agency) joined. The record is a case, or — for an identifier — a
 * tip.
 */
export interface WatchMatch {
  match: { kind: string; blind: string } | { profileId: string; personId: string };
  record: CaseRef | TipRef;
  on: 'identifier' | 'person' | 'profile';
  /** The user whose write it was: not alerted about their own record. */
  writtenBy: string | null;
  detail?: Record<string, unknown>;
}

/** Which persons each role sees, by their role in the case (fields.ts), as rows for SQL. */
const personVisibility = JSON.stringify(
  roleNames.flatMap((role) =>
    visiblePersonRoles(roles[role].fields).map((person_role) => ({ role, person_role })),
  ),
);

/**
 * Watchlists: every live watch on the value (or profile) alerts its watcher, once per watch and record — a case,
 * or a tip (modules/tips) holding a watched identifier. The alert names the record's agency and contact officer;
 * whether it links to the record is decided when the watcher reads it (only if they may read the record). A profile watch does not fire for a person the watcher's
 * role may not see (an informant, for an analyst: fields.ts): the alert would tell whose source the watched
 * person is. Returns the number of alerts raised.
 *
 * ```ts
 * await checkWatchlists(tx, [
 *   { match: { profileId, personId }, record: { agencyId, caseId }, on: 'profile', writtenBy },
 * ]);
 * ```
 */
export async function checkWatchlists(tx: Kysely<DB>, matches: WatchMatch | WatchMatch[]): Promise<number> {
  const list = Array.isArray(matches) ? matches : [matches];
  if (list.length === 0) return 0;
  const input = list.map((m) => ({
    kind: 'kind' in m.match ? m.match.kind : null,
    blind: 'blind' in m.match ? m.match.blind : null,
    profile_id: 'profileId' in m.match ? m.match.profileId : null,
    person_id: 'personId' in m.match ? m.match.personId : null,
    record_agency: m.record.agencyId,
    record_case: 'tipId' in m.record ? m.record.tipId : m.record.caseId,
    record_kind: 'tipId' in m.record ? 'tip' : 'case',
    match_on: m.on,
    written_by: m.writtenBy,
    detail: m.detail ?? null,
  }));
  const found = await sql<{
    watch_agency: string;
    watch_id: string;
    user_id: string;
    kind: string | null;
    record_agency: string;
    record_case: string;
    record_kind: 'case' | 'tip';
    match_on: 'identifier' | 'person' | 'profile';
    detail: unknown;
  }>`
    select distinct on (w.agency_id, w.id, m.record_case) w.agency_id as watch_agency, w.id as watch_id, w.user_id,
      coalesce(w.kind, 'person') as kind, m.record_agency, m.record_case, m.record_kind, m.match_on, m.detail
    from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as m(kind text, blind text, profile_id uuid,
      person_id uuid, record_agency uuid, record_case uuid, record_kind text, match_on text, written_by uuid,
      detail jsonb)
    join grid_watches w on w.removed_at is null
      and ((m.blind is not null and w.kind = m.kind and w.blind = m.blind)
        or (m.profile_id is not null and w.profile_id = m.profile_id))
    join users u on u.id = w.user_id and u.disabled_at is null
    left join persons jp on jp.agency_id = m.record_agency and jp.id = m.person_id
    where (m.written_by is null or m.written_by <> w.user_id)
      and (m.profile_id is null or jp.role in (select v.person_role
        from jsonb_to_recordset(${personVisibility}::jsonb) as v(role text, person_role text)
        where v.role = u.role))`.execute(tx);
  if (found.rows.length === 0) return 0;
  const rows = found.rows.map((f) => ({
    agency_id: f.watch_agency,
    id: newId(),
    user_id: f.user_id,
    dedupe: `watch:${f.watch_id}:${f.record_kind === 'tip' ? 'tip:' : ''}${f.record_case}`,
    other_agency_id: f.record_agency,
    other_case_id: f.record_case,
    other_record_kind: f.record_kind,
    match_kind: f.kind ?? 'person',
    match_on: f.match_on,
    watch_id: f.watch_id,
    detail: f.detail,
  }));
  const inserted = await sql<{ id: string }>`
    insert into grid_alerts (agency_id, id, kind, user_id, dedupe_key, other_agency_id, other_case_id,
      other_record_kind, match_kind, match_on, watch_id, detail)
    select r.agency_id, r.id, 'watchlist', r.user_id, r.dedupe, r.other_agency_id, r.other_case_id,
      r.other_record_kind, r.match_kind, r.match_on, r.watch_id, r.detail
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(agency_id uuid, id uuid, user_id uuid, dedupe text,
      other_agency_id uuid, other_case_id uuid, other_record_kind text, match_kind text, match_on text,
      watch_id uuid, detail jsonb)
    on conflict (agency_id, dedupe_key) do nothing
    returning id`.execute(tx);
  // A watch is personal: its alerts are listed for the watcher only (GET /api/v1/grid/alerts), not the agency.
  return inserted.rows.length;
}

/**
 * The agency's notification for each new deconfliction or re-trafficking alert: whom to call, and the
 * recipient's own case — nothing of the other record.
 */
async function notifyAlerts(tx: Kysely<DB>, alerts: Inserted[]): Promise<void> {
  if (alerts.length === 0) return;
  const agencies = new Map(
    (
      await tx
        .selectFrom('agencies')
        .select(['id', 'name', 'contact_officer', 'contact_phone'])
        .where('id', 'in', [...new Set(alerts.map((a) => a.other_agency_id))])
        .execute()
    ).map((a) => [a.id, a]),
  );
  const rows = alerts.map((a) => {
    const other = agencies.get(a.other_agency_id);
    const contact = [other?.contact_officer, other?.contact_phone].filter(Boolean).join(', ');
    const who = `${other?.name ?? 'another agency'}${contact ? ` (contact: ${contact})` : ''}`;
    const via = a.match_kind === 'person' ? 'a person' : `a ${a.match_kind.replace('_', ' ')}`;
    return {
      agency_id: a.agency_id,
      id: newId(),
      kind: `grid.${a.kind}`,
      subject_kind: 'grid_alert',
      subject_id: a.id,
      message:
        a.kind === 'deconfliction'
          ? `Deconfliction: ${who} has an open case linked to one of yours through ${via}`
          : `Re-trafficking: a rescued child of one of your cases matches a record of ${who} through ${via}`,
    };
  });
  await tx.insertInto('notifications').values(rows).execute();
}
