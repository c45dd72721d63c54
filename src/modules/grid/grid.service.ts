import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { DB, IdentifierKind } from '../../db/schema.ts';
import { mapDbError } from '../../shared/db-errors.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { AppError, notFound, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { type Actor, agencyInScope, agencyScope, assertCan } from '../access/actor.ts';
import { identifierCounts, readable, visiblePersons } from '../access/policy.ts';
import { roles } from '../access/roles.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { normaliseForField } from '../identifiers/normalise.ts';
import { seesInformantTips, tipReadable } from '../tips/tip.policy.ts';
import type {
  alertListQuery,
  alertOut,
  alertReadAllQuery,
  gridSettingsPatch,
  warningEntryInput,
  warningEntryOut,
  warningListQuery,
  watchInput,
  watchOut,
} from './grid.schemas.ts';
import { agencyContacts } from './matches.ts';
import { correlates, gridSettings, loadWarningList, probeOf } from './values.ts';

/**
 * Who may do what in the grid (docs/grid.md, "Who may do what"):
 * - read the thresholds and the warning list: every signed-in user (national entries and its own agency's);
 * - change the thresholds and national warning entries: system administrators;
 * - an agency's warning entries: its administrators (agency_admin, and system administrators for the agencies
 *   in their scope);
 * - watch identifiers: police and analyst roles that read cases (`case:read` and shared records) — a CWC, NGO or
 *   prosecutor receives cases by referral and has no business watching numbers;
 * - read alerts: roles that read cases, for their agency (and the agencies below it) and their own watches.
 */
function assertMayWatch(actor: Actor): void {
  assertCan(actor, 'case:read');
  if (!roles[actor.role].sharedRecords)
    throw new AppError('forbidden', `Your role (${actor.role}) may not keep watchlists`);
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/* ---------- thresholds ---------- */

export async function getGridSettings(db: Kysely<DB>, _actor: Actor) {
  const s = await gridSettings(db);
  return { common_value_cases: s.commonValueCases, common_value_agencies: s.commonValueAgencies };
}

export async function updateGridSettings(
  db: Kysely<DB>,
  actor: Actor,
  patch: z.infer<typeof gridSettingsPatch>,
) {
  if (actor.role !== 'system_admin')
    throw new AppError('forbidden', `Your role (${actor.role}) may not change the grid's thresholds`);
  await db.transaction().execute(async (tx) => {
    const before = await gridSettings(tx);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      await tx
        .insertInto('grid_settings')
        .values({ key: key as 'common_value_cases', value, updated_by: actor.userId })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value, updated_by: actor.userId, updated_at: new Date() }),
        )
        .execute();
    }
    await recordAudit(tx, actor, {
      action: 'grid.settings_update',
      detail: {
        before: {
          common_value_cases: before.commonValueCases,
          common_value_agencies: before.commonValueAgencies,
        },
        after: patch,
      },
    });
  });
  return getGridSettings(db, actor);
}

/* ---------- warning list ---------- */

type WarningEntryOut = z.infer<typeof warningEntryOut>;

async function presentWarnings(
  db: Kysely<DB>,
  rows: {
    id: string;
    agency_id: string | null;
    kind: string;
    value: string;
    normalised: string;
    reason: string;
    created_at: Date;
  }[],
): Promise<WarningEntryOut[]> {
  const agencies = await agencyContacts(
    db,
    rows.flatMap((r) => (r.agency_id ? [r.agency_id] : [])),
  );
  return rows.map((r) => {
    const a = r.agency_id ? agencies.get(r.agency_id) : undefined;
    return {
      id: r.id,
      scope: r.agency_id ? 'agency' : 'national',
      agency: a ? { id: a.id, code: a.code, name: a.name } : null,
      kind: r.kind,
      value: r.value,
      normalised: r.normalised,
      reason: r.reason,
      created_at: iso(r.created_at)!,
    };
  });
}

const warningColumns = ['id', 'agency_id', 'kind', 'value', 'normalised', 'reason', 'created_at'] as const;

/** National entries and those of the agencies in the caller's scope. */
export async function listWarningList(db: Kysely<DB>, actor: Actor, q: z.infer<typeof warningListQuery>) {
  let query = db
    .selectFrom('grid_warning_list')
    .select(warningColumns)
    .where('removed_at', 'is', null)
    .where((eb) => eb.or([eb('agency_id', 'is', null), agencyScope(actor, 'agency_id')]));
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.scope === 'national') query = query.where('agency_id', 'is', null);
  if (q.scope === 'agency') query = query.where('agency_id', 'is not', null);
  const rows = await query.orderBy('kind').orderBy('normalised').limit(5000).execute();
  return { items: await presentWarnings(db, rows) };
}

/** A value the normaliser refuses (a service short code such as 1098) is kept as its digits or its text. */
function warningForm(kind: IdentifierKind, value: string): string {
  try {
    return normaliseForField(kind, value, 'value');
  } catch (err) {
    if (kind === 'phone' && /^\d{3,6}$/.test(value.replace(/[\s-]/g, ''))) return value.replace(/[\s-]/g, '');
    throw err;
  }
}

export async function addWarningEntry(
  db: Kysely<DB>,
  actor: Actor,
  input: z.infer<typeof warningEntryInput>,
) {
  assertCan(actor, 'agency:write');
  if (input.scope === 'national' && actor.role !== 'system_admin')
    throw new AppError('forbidden', `Your role (${actor.role}) may not add national warning-list entries`);
  if (input.scope === 'national' && input.agency_id)
    throw validationError('agency_id', 'is given only for an agency entry');
  const agencyId = input.scope === 'national' ? null : (input.agency_id ?? actor.agencyId);
  if (agencyId && !(await agencyInScope(db, actor, agencyId))) throw notFound('Agency');
  const normalised = warningForm(input.kind, input.value);
  const id = newId();
  await db.transaction().execute(async (tx) => {
    try {
      await tx
        .insertInto('grid_warning_list')
        .values({
          id,
          agency_id: agencyId,
          kind: input.kind,
          value: input.value,
          normalised,
          reason: input.reason,
          created_by: actor.userId,
        })
        .execute();
    } catch (err) {
      mapDbError(err);
    }
    await recordAudit(tx, actor, {
      action: 'grid.warning_add',
      recordKind: 'warning_list',
      recordId: id,
      ...(agencyId ? { recordAgencyId: agencyId } : {}),
      detail: { kind: input.kind, scope: input.scope, reason: input.reason },
    });
  });
  const row = await db.selectFrom('grid_warning_list').select(warningColumns).where('id', '=', id).execute();
  return (await presentWarnings(db, row))[0]!;
}

export async function removeWarningEntry(db: Kysely<DB>, actor: Actor, id: string) {
  assertCan(actor, 'agency:write');
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('grid_warning_list')
      .select(['id', 'agency_id', 'kind'])
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('Warning-list entry');
    if (row.agency_id === null) {
      if (actor.role !== 'system_admin')
        throw new AppError(
          'forbidden',
          `Your role (${actor.role}) may not remove national warning-list entries`,
        );
    } else if (!(await agencyInScope(tx, actor, row.agency_id))) throw notFound('Warning-list entry');
    await tx
      .updateTable('grid_warning_list')
      .set({ removed_at: new Date(), removed_by: actor.userId })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(tx, actor, {
      action: 'grid.warning_remove',
      recordKind: 'warning_list',
      recordId: row.id,
      ...(row.agency_id ? { recordAgencyId: row.agency_id } : {}),
      detail: { kind: row.kind, scope: row.agency_id ? 'agency' : 'national' },
    });
  });
}

/* ---------- watches ---------- */

type WatchRow = {
  id: string;
  kind: string | null;
  value: string | null;
  normalised: string | null;
  profile_id: string | null;
  reason: string;
  created_at: Date;
};
const presentWatch = (w: WatchRow): z.infer<typeof watchOut> => ({
  id: w.id,
  kind: w.kind,
  value: w.value,
  normalised: w.normalised,
  profile_id: w.profile_id,
  reason: w.reason,
  created_at: iso(w.created_at)!,
});
const watchColumns = ['id', 'kind', 'value', 'normalised', 'profile_id', 'reason', 'created_at'] as const;

/** The caller's own watches. */
export async function listWatches(db: Kysely<DB>, actor: Actor) {
  assertMayWatch(actor);
  const rows = await db
    .selectFrom('grid_watches')
    .select(watchColumns)
    .where('agency_id', '=', actor.agencyId)
    .where('user_id', '=', actor.userId)
    .where('removed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1000)
    .execute();
  return { items: rows.map(presentWatch) };
}

/**
 * Watch an identifier: any new record or import holding it alerts the caller. Kept as typed and normalised (for
 * the caller's list) and as a blind index (what matching uses, so a victim's sealed identifier matches too).
 */
export async function addWatch(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  input: z.infer<typeof watchInput>,
) {
  assertMayWatch(actor);
  if (!actor.userId) throw new AppError('forbidden', 'A watch belongs to a user: sign in as one');
  if (input.profile_id) return addProfileWatch(db, actor, input.profile_id, input.reason);
  const kind = input.kind!;
  const normalised = normaliseForField(kind, input.value!, 'value');
  const probe = probeOf(keyring, kind, normalised);
  // A watch fires when the value correlates; one that never can would sit silent (values.ts `correlates`).
  if (!correlates(probe)) {
    throw validationError(
      'value',
      'is an IPv4 address, which thousands share behind carrier-grade NAT: it is kept and searchable but never links records, so it cannot be watched',
    );
  }
  const stop = (await loadWarningList(db, keyring)).stops(probe, actor.agencyId);
  if (stop) throw validationError('value', `is on the warning list (${stop.reason}) and never correlates`);
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('grid_watches')
      .select('id')
      .where('agency_id', '=', actor.agencyId)
      .where('user_id', '=', actor.userId)
      .where('kind', '=', kind)
      .where('blind', '=', probe.blind)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (existing)
      throw new AppError('conflict', 'value: you already watch this value', [
        { field: 'value', message: 'you already watch this value' },
      ]);
    await tx
      .insertInto('grid_watches')
      .values({
        agency_id: actor.agencyId,
        id,
        user_id: actor.userId!,
        kind,
        value: input.value!,
        normalised,
        blind: probe.blind,
        reason: input.reason,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'grid.watch_add',
      recordKind: 'watch',
      recordId: id,
      recordAgencyId: actor.agencyId,
      detail: { kind, reason: input.reason },
    });
  });
  return readWatch(db, actor, id);
}

async function readWatch(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await db
    .selectFrom('grid_watches')
    .select(watchColumns)
    .where('agency_id', '=', actor.agencyId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return presentWatch(row);
}

/**
 * Watch a canonical person: an alert whenever a new record joins the profile. The profile must contain a record
 * the watcher may read, of a person its role may see (a profile id alone, or one known only through an
 * informant's record, reveals nothing: 404 otherwise).
 */
async function addProfileWatch(db: Kysely<DB>, actor: Actor, profileId: string, reason: string) {
  const visible = await db
    .selectFrom('profile_members as m')
    .innerJoin('persons as p', (j) =>
      j.onRef('p.agency_id', '=', 'm.agency_id').onRef('p.id', '=', 'm.person_id'),
    )
    .select('m.profile_id')
    .where('m.profile_id', '=', profileId)
    .where(readable(actor, 'p', 'p.case_id', 'persons'))
    .where(visiblePersons(actor, 'p'))
    .executeTakeFirst();
  if (!visible) throw notFound('Profile');
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('grid_watches')
      .select('id')
      .where('agency_id', '=', actor.agencyId)
      .where('user_id', '=', actor.userId)
      .where('profile_id', '=', profileId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (existing)
      throw new AppError('conflict', 'profile_id: you already watch this person', [
        { field: 'profile_id', message: 'you already watch this person' },
      ]);
    await tx
      .insertInto('grid_watches')
      .values({ agency_id: actor.agencyId, id, user_id: actor.userId!, profile_id: profileId, reason })
      .execute();
    await recordAudit(tx, actor, {
      action: 'grid.watch_add',
      recordKind: 'watch',
      recordId: id,
      recordAgencyId: actor.agencyId,
      detail: { profile_id: profileId, reason },
    });
  });
  return readWatch(db, actor, id);
}

/** Stop watching: only the watcher's own watch (another's is not found). */
export async function removeWatch(db: Kysely<DB>, actor: Actor, id: string) {
  assertMayWatch(actor);
  await db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('grid_watches')
      .set({ removed_at: new Date() })
      .where('agency_id', '=', actor.agencyId)
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('Watch');
    await recordAudit(tx, actor, {
      action: 'grid.watch_remove',
      recordKind: 'watch',
      recordId: id,
      recordAgencyId: actor.agencyId,
    });
  });
}

/* ---------- alerts ---------- */

/**
 * Whom an alert is addressed to, and so who marks it read: the agency it was raised for (deconfliction,
 * re-trafficking: one row per agency, read for the whole agency once one of its officers marks it) or, for a watch
 * alert, the watcher alone. A supervisor lists the alerts of the agencies below it but leaves their read state to
 * them. `a` is the grid_alerts alias.
 */
function addressedTo(actor: Actor, a: string) {
  return sql<SqlBool>`(${sql.ref(`${a}.agency_id`)} = ${actor.agencyId}
    and (${sql.ref(`${a}.user_id`)} is null or ${sql.ref(`${a}.user_id`)} = ${actor.userId}))`;
}

/**
 * A watch alert on an identifier the watcher may not be shown, in a case it reads (an informant's phone, for an
 * analyst), or on an informant's tip, for a role that sees no informants: not listed at all. As a link it would show the hidden identifier; as a hit on a case the watcher reads
 * it would say that someone hidden from it there holds the watched value (grid.md, "Watchlists"). `a` is the
 * alert, `oc` the other case.
 */
function hiddenWatchAlert(actor: Actor): RawBuilder<SqlBool> {
  const inCase = sql<SqlBool>`(a.kind = 'watchlist' and a.other_record_kind = 'case' and a.match_on = 'identifier'
    and a.detail->>'identifier_id' is not null
    and exists (select 1 from identifiers hw
      where hw.agency_id = a.other_agency_id and hw.id = (a.detail->>'identifier_id')::uuid
        and not ${identifierCounts(actor, 'hw', sql<SqlBool>`coalesce(${readable(actor, 'oc')}, false)`)}))`;
  if (seesInformantTips(actor)) return inCase;
  // An informant's tip does not exist for a role that sees no informants (tip.policy.ts): nor does its alert.
  return sql<SqlBool>`(${inCase} or (a.other_record_kind = 'tip' and exists (select 1 from tips ht
    where ht.agency_id = a.other_agency_id and ht.id = a.other_case_id and ht.source = 'informant')))`;
}

/**
 * Alerts for the caller's agency (and, for supervisory roles, the agencies below it) and the caller's own
 * watches. The other record is shown by its agency's contact officer and its id; its FIR number only when the
 * caller may read it, exactly as hits are. `unread` counts the unread alerts addressed to the caller.
 */
export async function listAlerts(db: Kysely<DB>, actor: Actor, q: z.infer<typeof alertListQuery>) {
  assertCan(actor, 'case:read');
  const kind = q.kind ?? null;
  const unreadOnly = q.unread === 'true';
  const rows = await sql<{
    id: string;
    kind: 'deconfliction' | 'watchlist' | 're_trafficking';
    match_kind: string;
    match_on: string;
    case_agency_id: string | null;
    case_id: string | null;
    own_fir: string | null;
    own_readable: boolean | null;
    person_id: string | null;
    pseudonym: string | null;
    other_agency_id: string;
    other_case_id: string;
    other_record_kind: 'case' | 'tip';
    other_fir: string | null;
    other_readable: boolean | null;
    disclosure_status: string | null;
    disclosure_id: string | null;
    watch_id: string | null;
    watch_kind: string | null;
    watch_value: string | null;
    addressed: boolean;
    read_at: Date | null;
    created_at: Date;
  }>`
    select a.id, a.kind, a.match_kind, a.match_on, a.case_agency_id, a.case_id, mc.fir_number as own_fir,
      ${readable(actor, 'mc')} as own_readable, a.person_id,
      case when p.protected then p.full_name end as pseudonym,
      a.other_agency_id, a.other_case_id, a.other_record_kind, oc.fir_number as other_fir,
      -- A watch alert on an identifier the caller may not be shown, in a case it reads, is left out below
      -- (hiddenWatchAlert): what is listed is a link exactly when the other case (or tip) is readable.
      case when a.other_record_kind = 'tip' then ${tipReadable(actor, 'ot')}
        else ${readable(actor, 'oc')} end as other_readable,
      last.status as disclosure_status, last.id as disclosure_id,
      a.watch_id, w.kind as watch_kind, w.value as watch_value, ${addressedTo(actor, 'a')} as addressed,
      a.read_at, a.created_at
    from grid_alerts a
    left join cases mc on mc.agency_id = a.case_agency_id and mc.id = a.case_id
    left join persons p on p.agency_id = a.case_agency_id and p.id = a.person_id
    left join cases oc on a.other_record_kind = 'case' and oc.agency_id = a.other_agency_id
      and oc.id = a.other_case_id
    left join tips ot on a.other_record_kind = 'tip' and ot.agency_id = a.other_agency_id
      and ot.id = a.other_case_id
    left join grid_watches w on w.agency_id = a.agency_id and w.id = a.watch_id
    left join lateral (select d.status, d.id from disclosures d
      where a.other_record_kind = 'case' and d.agency_id = a.other_agency_id and d.record_id = a.other_case_id
        and d.requester_agency_id = ${actor.agencyId}
      order by d.created_at desc limit 1) last on true
    where ${agencyScope(actor, 'a.agency_id')}
      and (a.user_id is null or a.user_id = ${actor.userId})
      and not ${hiddenWatchAlert(actor)}
      -- A child-welfare agency's own re-trafficking alert (its copy of the police one) is its work alone: a police
      -- supervisor or analyst above it sees the owning station's row, not the CWC's or DCPU's.
      and (a.agency_id = ${actor.agencyId} or a.kind <> 're_trafficking' or not exists (
        select 1 from agencies wa where wa.id = a.agency_id and wa.kind in ('cwc', 'dcpu')))
      and (${kind}::text is null or a.kind = ${kind})
      and (not ${unreadOnly} or (a.read_at is null and ${addressedTo(actor, 'a')}))
    order by a.created_at desc, a.id desc
    limit ${q.limit}`.execute(db);
  const unread = await sql<{ n: number }>`
    select count(*)::int as n from grid_alerts a
    left join cases oc on a.other_record_kind = 'case' and oc.agency_id = a.other_agency_id
      and oc.id = a.other_case_id
    where ${addressedTo(actor, 'a')} and a.read_at is null and (${kind}::text is null or a.kind = ${kind})
      and not ${hiddenWatchAlert(actor)}`.execute(db);
  const agencies = await agencyContacts(
    db,
    rows.rows.map((r) => r.other_agency_id),
  );
  const items: z.infer<typeof alertOut>[] = rows.rows.map((r) => {
    const own = r.case_id && r.own_readable === true;
    const other = r.other_readable === true;
    return {
      id: r.id,
      kind: r.kind,
      match: { kind: r.match_kind, on: r.match_on },
      case: own ? { case_id: r.case_id!, fir_number: r.own_fir } : null,
      child: own && r.person_id && r.pseudonym ? { person_id: r.person_id, pseudonym: r.pseudonym } : null,
      other: {
        agency: agencies.get(r.other_agency_id)!,
        record_kind: r.other_record_kind,
        record_id: r.other_case_id,
        readable: other,
        fir_number: other ? r.other_fir : null,
        disclosure_status: r.disclosure_status,
        disclosure_id: r.disclosure_id,
      },
      watch: r.watch_id ? { id: r.watch_id, kind: r.watch_kind, value: r.watch_value } : null,
      addressed_to_you: r.addressed === true,
      read_at: iso(r.read_at),
      created_at: iso(r.created_at)!,
    };
  });
  // The list names other agencies' cases, a rescued child's pseudonym and watched values: audited like any read
  // of them (the alert ids; nothing when the list is empty), and, for each child shown, a read of her record that
  // "who saw this child" finds (`grid.re_trafficking_alert.read`, on the child's person record and agency).
  if (items.length > 0)
    await recordAudit(db, actor, [
      {
        action: 'grid.alert_list',
        detail: { kind, unread_only: unreadOnly, alerts: items.map((i) => i.id) },
      },
      ...rows.rows.flatMap((r, k) => {
        const child = items[k]!.child;
        return child && r.case_agency_id
          ? [
              {
                action: 'grid.re_trafficking_alert.read',
                recordKind: 'person',
                recordId: child.person_id,
                recordAgencyId: r.case_agency_id,
                detail: { alert: r.id, fields: ['pseudonym'] },
              },
            ]
          : [];
      }),
    ]);
  return { items, unread: Number(unread.rows[0]?.n ?? 0) };
}

/** The alerts' own notifications (`grid.deconfliction`, `grid.re_trafficking`) are read with them. */
async function readAlertNotifications(tx: Kysely<DB>, agencyId: string, alertIds: string[]) {
  if (alertIds.length === 0) return;
  await tx
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('agency_id', '=', agencyId)
    .where('subject_kind', '=', 'grid_alert')
    .where('subject_id', 'in', alertIds)
    .where('read_at', 'is', null)
    .execute();
}

/**
 * Mark one alert read, for its recipient (the agency, or the watcher). An alert the caller does not see is not
 * found; one it sees as a supervisor of the agency it is addressed to is that agency's to mark (403). Marking
 * an alert already read changes nothing.
 */
export async function markAlertRead(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'case:read');
  await db.transaction().execute(async (tx) => {
    const alert = await tx
      .selectFrom('grid_alerts as a')
      .select(['a.agency_id', 'a.id', 'a.kind', 'a.read_at'])
      .select(addressedTo(actor, 'a').as('addressed'))
      .where('a.id', '=', id)
      .where(agencyScope(actor, 'a.agency_id'))
      .where((eb) => eb.or([eb('a.user_id', 'is', null), eb('a.user_id', '=', actor.userId)]))
      .forUpdate()
      .executeTakeFirst();
    if (!alert) throw notFound('Alert');
    if (!alert.addressed)
      throw new AppError(
        'forbidden',
        'The alert is addressed to an agency below yours: its officers mark it read',
      );
    if (alert.read_at !== null) return;
    await tx
      .updateTable('grid_alerts')
      .set({ read_at: new Date() })
      .where('agency_id', '=', alert.agency_id)
      .where('id', '=', alert.id)
      .execute();
    await readAlertNotifications(tx, alert.agency_id, [alert.id]);
    await recordAudit(tx, actor, {
      action: 'grid.alert_read',
      recordKind: 'grid_alert',
      recordId: alert.id,
      recordAgencyId: alert.agency_id,
      detail: { kind: alert.kind },
    });
  });
}

/** Mark every unread alert addressed to the caller read (of one kind, if given); returns how many. */
export async function markAllAlertsRead(
  db: Kysely<DB>,
  actor: Actor,
  q: z.infer<typeof alertReadAllQuery>,
): Promise<{ marked: number }> {
  assertCan(actor, 'case:read');
  return db.transaction().execute(async (tx) => {
    let update = tx
      .updateTable('grid_alerts as a')
      .set({ read_at: new Date() })
      .where(addressedTo(actor, 'a'))
      .where('a.read_at', 'is', null);
    if (q.kind) update = update.where('a.kind', '=', q.kind);
    const marked = (await update.returning('a.id').execute()).map((r) => r.id);
    await readAlertNotifications(tx, actor.agencyId, marked);
    if (marked.length > 0)
      await recordAudit(tx, actor, {
        action: 'grid.alert_read_all',
        detail: { count: marked.length, ...(q.kind ? { kind: q.kind } : {}) },
      });
    return { marked: marked.length };
  });
}
