import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../shared/errors.ts';
import { type Actor, assertCan, can } from '../access/actor.ts';
import { readable, readableIdentifier, visiblePersons } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { transferPlaces } from '../cases/transfer-family.ts';
import { agencyContacts } from '../grid/matches.ts';
import { copyGroups, unlinkRecords } from './profile.repository.ts';
import type { unlinkInput } from './screening.schemas.ts';

/** The roles that make a record an offence of the person's: the repeat-offender and across-states flags. */
const OFFENDER_ROLES: readonly string[] = ['accused', 'trafficker', 'buyer'];

/**
 * A canonical person profile as the caller may see it: every member record the caller reads (a link, with the
 * person's details and how it was linked), the others as hits (agency and contact officer only); the
 * repeat-offender and across-states flags; the register's sheets for roles that read it; and a network for link
 * analysis — persons, their cases, the identifiers the caller's role may see on readable records, places
 * (districts) and, for hits, the owning agency only.
 *
 * A record of a person whose role the caller's field allow-list leaves out (an informant, for most roles) is
 * neither a link nor a hit, and counts in no flag: its case id would tell an analyst which case the person
 * informed in.
 */
export async function getProfile(db: Kysely<DB>, actor: Actor, id: string) {
  assertCan(actor, 'case:read');
  const members = await db
    .selectFrom('profile_members as m')
    .innerJoin('persons as p', (j) =>
      j.onRef('p.agency_id', '=', 'm.agency_id').onRef('p.id', '=', 'm.person_id'),
    )
    .innerJoin('cases as c', (j) =>
      j.onRef('c.agency_id', '=', 'p.agency_id').onRef('c.id', '=', 'p.case_id'),
    )
    .innerJoin('agencies as g', 'g.id', 'p.agency_id')
    .leftJoin('districts as d', 'd.lgd_code', 'c.district_lgd_code')
    .select([
      'p.agency_id',
      'p.id',
      'p.case_id',
      'p.role',
      'p.full_name',
      'p.gender',
      'p.age',
      'p.relation_name',
      'm.method',
      'm.score',
      'm.model_version',
      'm.linked_at',
      'm.linked_to_agency_id',
      'm.linked_to_person_id',
      'c.fir_number',
      'c.district_lgd_code',
      'd.name as district_name',
      'g.state_lgd_code',
      sql<boolean>`${readable(actor, 'p', 'p.case_id', 'persons')}`.as('may_read'),
    ])
    .where('m.profile_id', '=', id)
    // A person the role's field allow-list leaves out (an informant, for most) is not shown at all.
    .where(visiblePersons(actor, 'p'))
    .orderBy('m.linked_at')
    .execute();
  // A profile is found only through a record the caller reads: its id alone reveals nothing.
  if (!members.some((m) => m.may_read)) throw notFound('Profile');
  const contacts = await agencyContacts(
    db,
    members.map((m) => m.agency_id),
  );

  const readableMembers = members.filter((m) => m.may_read);
  // The identifiers of the records shown, as the case view shows them: readable with the case's `identifiers`
  // granted, and only those the role sees (not an accused's phone for a CWC member); never a victim's (sealed).
  const identifiers = readableMembers.length
    ? await db
        .selectFrom('identifiers as i')
        .select(['i.id', 'i.kind', 'i.normalised', 'i.person_id', 'i.protected'])
        .where((eb) =>
          eb(
            eb.refTuple('i.agency_id', 'i.person_id'),
            'in',
            readableMembers.map((m) => eb.tuple(m.agency_id, m.id)),
          ),
        )
        .where('i.protected', '=', false)
        .where(readableIdentifier(actor, 'i'))
        .execute()
    : [];

  // A transferred case and the receiving agency's copy are one case (cases/transfer-family.ts): counted once, in
  // the state of the agency that holds it last.
  const places = await transferPlaces(
    db,
    members.map((m) => ({ agencyId: m.agency_id, caseId: m.case_id })),
  );
  const rootOf = (m: (typeof members)[number]) => places.get(m.case_id)?.root ?? m.case_id;
  const depthOf = (m: (typeof members)[number]) => places.get(m.case_id)?.depth ?? 0;
  const holder = new Map<string, (typeof members)[number]>();
  for (const m of members) {
    const known = holder.get(rootOf(m));
    if (!known || depthOf(m) > depthOf(known)) holder.set(rootOf(m), m);
  }
  // The flags speak of offences: records of the person as accused, trafficker or buyer (not as a victim rescued
  // in another state, a witness or a guardian).
  const offences = [...holder.values()].filter((m) => OFFENDER_ROLES.includes(m.role));
  const accusedCases = new Set(members.filter((m) => OFFENDER_ROLES.includes(m.role)).map(rootOf));
  const stateOf = (list: (typeof members)[number][]) =>
    new Set(list.map((m) => m.state_lgd_code).filter((s) => s !== null));
  const states = stateOf([...holder.values()]);
  const offenceStates = stateOf(offences);
  // Who may take a record out: a reviewer (match:review) who reads it, when the profile holds more than the record
  // and its transfer copies.
  const groups = copyGroups(members.map((m) => ({ ...m, person_id: m.id })));
  const groupOf = (m: (typeof members)[number]) => groups.get(`${m.agency_id}/${m.id}`);
  const mayUnlink = (m: (typeof members)[number]) =>
    can(actor, 'match:review') && m.may_read && members.some((o) => groupOf(o) !== groupOf(m));

  const sheets = can(actor, 'register:read')
    ? await db
        .selectFrom('history_sheets as hs')
        .innerJoin('agencies as a', 'a.id', 'hs.agency_id')
        .innerJoin('persons as sp', (j) =>
          j.onRef('sp.agency_id', '=', 'hs.person_agency_id').onRef('sp.id', '=', 'hs.person_id'),
        )
        .select(['hs.id', 'a.name as agency_name', 'hs.number', 'hs.status'])
        .where('hs.profile_id', '=', id)
        // As the register lists them: a sheet whose person the role may not see (an informant) is not shown.
        .where(visiblePersons(actor, 'sp'))
        .where(
          sql<boolean>`(hs.agency_id in (select descendant_id from agency_closure where ancestor_id = ${actor.agencyId})
            or exists (select 1 from agencies me where me.id = ${actor.agencyId} and me.state_lgd_code = a.state_lgd_code))`,
        )
        .execute()
    : [];

  const nodes = new Map<
    string,
    { id: string; kind: 'person' | 'case' | 'identifier' | 'place' | 'agency'; label: string }
  >();
  const edges: { from: string; to: string; kind: string }[] = [];
  const node = (n: {
    id: string;
    kind: 'person' | 'case' | 'identifier' | 'place' | 'agency';
    label: string;
  }) => {
    if (!nodes.has(n.id)) nodes.set(n.id, n);
    return n.id;
  };
  for (const m of members) {
    if (m.may_read) {
      const person = node({ id: `person:${m.id}`, kind: 'person', label: m.full_name });
      const kase = node({
        id: `case:${m.case_id}`,
        kind: 'case',
        label: m.fir_number ? `FIR ${m.fir_number}` : 'Case',
      });
      edges.push({ from: person, to: kase, kind: m.role });
      if (m.district_lgd_code && m.district_name) {
        const place = node({ id: `place:${m.district_lgd_code}`, kind: 'place', label: m.district_name });
        edges.push({ from: kase, to: place, kind: 'registered_in' });
      }
    } else {
      const agency = node({
        id: `agency:${m.agency_id}`,
        kind: 'agency',
        label: contacts.get(m.agency_id)?.name ?? 'Another agency',
      });
      edges.push({ from: `profile:${id}`, to: agency, kind: 'record_held_by' });
    }
  }
  if (members.some((m) => !m.may_read)) node({ id: `profile:${id}`, kind: 'person', label: 'This person' });
  for (const i of identifiers) {
    const idf = node({
      id: `identifier:${i.kind}:${i.normalised}`,
      kind: 'identifier',
      label: `${i.kind} ${i.normalised}`,
    });
    edges.push({ from: `person:${i.person_id}`, to: idf, kind: 'uses' });
  }

  await recordAudit(db, actor, {
    action: 'profile.read',
    recordKind: 'profile',
    recordId: id,
    detail: { records: readableMembers.map((m) => m.id) },
  });

  return {
    id,
    records: members.map((m) => ({
      access: m.may_read ? ('link' as const) : ('hit' as const),
      case_id: m.case_id,
      agency: contacts.get(m.agency_id)!,
      state_lgd_code: m.state_lgd_code,
      person: m.may_read
        ? {
            person_id: m.id,
            full_name: m.full_name,
            role: m.role,
            gender: m.gender,
            age: m.age,
            relation_name: m.relation_name,
          }
        : null,
      link: {
        method: m.method,
        score: m.score,
        model_version: m.model_version,
        linked_at: new Date(m.linked_at).toISOString(),
      },
      may_unlink: mayUnlink(m),
    })),
    flags: {
      repeat_offender: accusedCases.size >= 2,
      across_states: offenceStates.size >= 2,
      cases: holder.size,
      states: states.size,
    },
    history_sheets: sheets,
    network: { nodes: [...nodes.values()], edges },
  };
}

/**
 * Takes a record out of a profile (an officer found the link wrong): `POST /api/v1/profiles/:id/members/:person_id/unlink`.
 * For roles that decide review pairs (`match:review`), on a record of the profile they may read — anything else
 * is not found, as a missing record is. The record, with its transfer copies, gets a profile of its own; a
 * rejected pair keeps automatic linking from joining it again (profile.repository.ts unlinkRecords). Audited with
 * the reason.
 */
export async function unlinkProfileMember(
  db: Kysely<DB>,
  actor: Actor,
  profileId: string,
  personId: string,
  input: z.infer<typeof unlinkInput>,
) {
  assertCan(actor, 'match:review');
  return db.transaction().execute(async (tx) => {
    // One change to a profile at a time.
    const profile = await tx
      .selectFrom('person_profiles')
      .select('id')
      .where('id', '=', profileId)
      .forUpdate()
      .executeTakeFirst();
    if (!profile) throw notFound('Profile member');
    const members = await tx
      .selectFrom('profile_members as m')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.agency_id', '=', 'm.agency_id').onRef('p.id', '=', 'm.person_id'),
      )
      .select([
        'm.agency_id',
        'm.person_id',
        'p.case_id',
        sql<boolean>`(${readable(actor, 'p', 'p.case_id', 'persons')} and ${visiblePersons(actor, 'p')})`.as(
          'may_read',
        ),
      ])
      .where('m.profile_id', '=', profileId)
      .execute();
    const record = members.find((m) => m.person_id === personId && m.may_read);
    if (!record) throw notFound('Profile member');
    const readableKeys = new Set(
      members.filter((m) => m.may_read).map((m) => `${m.agency_id}/${m.person_id}`),
    );
    const result = await unlinkRecords(
      tx,
      { agencyId: record.agency_id, personId: record.person_id },
      {
        userId: actor.userId,
        reason: input.reason,
        prefer: (m) => readableKeys.has(`${m.agencyId}/${m.personId}`),
      },
    );
    const movedKeys = new Set(result.moved.map((m) => `${m.agencyId}/${m.personId}`));
    const stillReadable = [...readableKeys].some((k) => !movedKeys.has(k));
    await recordAudit(tx, actor, {
      action: 'profile.unlink',
      recordKind: 'profile',
      recordId: profileId,
      purpose: input.reason,
      detail: {
        person_id: record.person_id,
        person_agency_id: record.agency_id,
        records_moved: result.moved.map((m) => m.personId),
        new_profile_id: result.profileId,
        rejected_pair_id: result.rejectedPairId,
      },
    });
    return {
      profile_id: profileId,
      person_id: record.person_id,
      new_profile_id: result.profileId,
      records_moved: result.moved.length,
      rejected_pair_id: result.rejectedPairId,
      profile_readable: stillReadable,
    };
  });
}

/**
 * The history of a profile's links (`profile_events`): links, merges and unlinks touching it, newest first, at
 * most 200. Found, like the profile, only through a record the caller reads (404 otherwise); each event only when
 * the caller reads the record it is about (an event of a record it may not read, or of a person its role may not
 * see, is left out), and the other record's id only when it reads that one too. Audited.
 */
export async function getProfileEvents(db: Kysely<DB>, actor: Actor, id: string) {
  assertCan(actor, 'case:read');
  const reads = await db
    .selectFrom('profile_members as m')
    .innerJoin('persons as p', (j) =>
      j.onRef('p.agency_id', '=', 'm.agency_id').onRef('p.id', '=', 'm.person_id'),
    )
    .select('m.person_id')
    .where('m.profile_id', '=', id)
    .where(visiblePersons(actor, 'p'))
    .where(readable(actor, 'p', 'p.case_id', 'persons'))
    .limit(1)
    .execute();
  if (reads.length === 0) throw notFound('Profile');
  const rows = await sql<{
    id: string;
    occurred_at: Date;
    kind: 'link' | 'merge' | 'unlink';
    profile_id: string;
    other_profile_id: string | null;
    person_id: string;
    person_name: string;
    other_person_id: string | null;
    other_person_name: string | null;
    records: number;
    method: 'model' | 'review' | 'rule' | null;
    score: number | null;
    model_version: string | null;
    by_name: string | null;
    by_role: string | null;
    reason: string | null;
  }>`
    select e.id, e.occurred_at, e.kind, e.profile_id, e.other_profile_id, e.person_id, ep.full_name as person_name,
      op.id as other_person_id, op.full_name as other_person_name,
      e.records, e.method, e.score, e.model_version, u.display_name as by_name, u.role as by_role, e.reason
    from profile_events e
    join persons ep on ep.agency_id = e.agency_id and ep.id = e.person_id
    -- The other record only when the caller reads it too.
    left join persons op on op.agency_id = e.other_agency_id and op.id = e.other_person_id
      and ${visiblePersons(actor, 'op')} and ${readable(actor, 'op', 'op.case_id', 'persons')}
    left join users u on u.id = e.user_id
    where (e.profile_id = ${id} or e.other_profile_id = ${id})
      and ${visiblePersons(actor, 'ep')} and ${readable(actor, 'ep', 'ep.case_id', 'persons')}
    order by e.occurred_at desc, e.id desc
    limit 200`.execute(db);
  await recordAudit(db, actor, {
    action: 'profile.events_read',
    recordKind: 'profile',
    recordId: id,
    detail: { events: rows.rows.length },
  });
  return {
    items: rows.rows.map((r) => ({
      id: r.id,
      occurred_at: new Date(r.occurred_at).toISOString(),
      kind: r.kind,
      profile_id: r.profile_id,
      other_profile_id: r.other_profile_id,
      person_id: r.person_id,
      person_name: r.person_name,
      other_person_id: r.other_person_id,
      other_person_name: r.other_person_name,
      records: r.records,
      method: r.method,
      score: r.score,
      model_version: r.model_version,
      by: r.by_name ? { name: r.by_name, role: r.by_role ?? '' } : null,
      reason: r.reason,
    })),
  };
}
