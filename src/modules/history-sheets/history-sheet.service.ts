import { type Kysely, type RawBuilder, type SqlBool, sql, type Updateable } from 'kysely';
import type { z } from 'zod';
import { type DB, type HistorySheetsTable, type PoliceRank, policeRanks } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { AppError, notFound, validationError, versionConflict } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { decodeIdCursor, pageById } from '../../shared/paging.ts';
import { type Actor, agencyScope, assertCan } from '../access/actor.ts';
import { readable, visiblePersons } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { ensureProfile } from '../profiles/profile.repository.ts';
import type {
  HistorySheetInput,
  HistorySheetListQuery,
  HistorySheetOut,
  historySheetCloseInput,
  historySheetReviewInput,
  historySheetRulePatch,
} from './history-sheet.schemas.ts';

/**
 * The history-sheet register (domain file section (e)). History sheets come from state police rules (PPR 1934
 * rr.23.4–23.14, UP Police Regulations paras 228 and 236), so every rule — category, the opening officer's
 * minimum rank, when reasons are required, the review interval — is a row of `history_sheet_rules`, per state.
 *
 * What the code enforces, whatever the state:
 * - an entry is ordered by an officer of at least the rule's rank (H1: SP for Register No. 10; H4: Inspector);
 * - the reasons are recorded (H2: required for a never-convicted person; ChildGrid records them always) and are
 *   confidential: encrypted at rest, shown only in the single-sheet read, which is audited (implication 5);
 * - never for a person who was a child at the time of the conduct (H7; JJ Act s.74(2));
 * - never for a victim, witness, guardian or informant: only accused persons, traffickers and buyers;
 * - police roles only (implication 3): the `register:*` actions; a sheet is visible in the opening agency's
 *   scope and to police of the same state (a state register);
 * - one open sheet per person per agency (the CAG found registers with duplicate ids per accused).
 */

const groundsAad = (agencyId: string, id: string) => `history_sheet:${agencyId}:${id}:grounds`;
const rankIndex = (r: PoliceRank) => policeRanks.indexOf(r);

/** Sheets the caller may see: its scope, or police of the same state as the opening agency. */
function sheetVisible(actor: Actor): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${agencyScope(actor, 'hs.agency_id')} or exists (
    select 1 from agencies o join agencies me on me.id = ${actor.agencyId}
    where o.id = hs.agency_id and o.state_lgd_code = me.state_lgd_code))`;
}

function sheetQuery(db: Kysely<DB>, actor: Actor) {
  return (
    db
      .selectFrom('history_sheets as hs')
      .innerJoin('agencies as a', 'a.id', 'hs.agency_id')
      .innerJoin('history_sheet_rules as r', 'r.id', 'hs.rule_id')
      .leftJoin('persons as p', (j) =>
        j.onRef('p.agency_id', '=', 'hs.person_agency_id').onRef('p.id', '=', 'hs.person_id'),
      )
      .select([
        'hs.id',
        'hs.agency_id',
        'a.name as agency_name',
        'hs.number',
        'hs.profile_id',
        'hs.person_id',
        'hs.person_agency_id',
        'hs.rule_id',
        'r.label as rule_label',
        'hs.convicted',
        'hs.ordered_by_name',
        'hs.ordered_by_rank',
        'hs.opened_on',
        'hs.review_due_on',
        'hs.status',
        'hs.closed_on',
        'hs.closure_reason',
        'hs.version',
        'hs.grounds',
        sql<string>`case when ${readable(actor, 'p', 'p.case_id', 'persons')} then p.full_name
        else 'Record of ' || a.name end`.as('person_name'),
      ])
      .where(sheetVisible(actor))
      // A sheet is about its person: a role that may not see that person's role in the case (an informant, for
      // an analyst: access/fields.ts) finds no sheet at all, not even a name-less one.
      .where(visiblePersons(actor, 'p'))
  );
}

type SheetRow = Awaited<ReturnType<ReturnType<typeof sheetQuery>['executeTakeFirstOrThrow']>>;

function present(row: SheetRow, grounds?: string): HistorySheetOut {
  const { grounds: _sealed, ...rest } = row;
  return { ...rest, ...(grounds === undefined ? {} : { grounds }) };
}

export async function listHistorySheets(db: Kysely<DB>, actor: Actor, q: HistorySheetListQuery) {
  assertCan(actor, 'register:read');
  const after = decodeIdCursor(q.cursor);
  let query = sheetQuery(db, actor);
  if (q.status) query = query.where('hs.status', '=', q.status);
  if (q.review_due_by)
    query = query.where('hs.status', '=', 'open').where('hs.review_due_on', '<=', q.review_due_by);
  if (q.profile_id) query = query.where('hs.profile_id', '=', q.profile_id);
  if (after) query = query.where('hs.id', '>', after);
  const rows = await query
    .orderBy('hs.id')
    .limit(q.limit + 1)
    .execute();
  const page = pageById(rows, q.limit, (r) => present(r));
  // Every access to the register is logged (Malak Singh: surveillance must stand judicial scrutiny).
  await recordAudit(db, actor, {
    action: 'history_sheet.list',
    detail: { results: page.items.length, ids: page.items.map((s) => s.id) },
  });
  return page;
}

export async function getHistorySheet(db: Kysely<DB>, keyring: Keyring, actor: Actor, id: string) {
  assertCan(actor, 'register:read');
  const row = await sheetQuery(db, actor).where('hs.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('History sheet');
  await recordAudit(db, actor, {
    action: 'history_sheet.read',
    recordKind: 'history_sheet',
    recordId: row.id,
    recordAgencyId: row.agency_id,
    detail: { fields: ['grounds'] },
  });
  return present(row, keyring.decrypt(row.grounds, groundsAad(row.agency_id, row.id)));
}

/** The rules that apply to an agency: its state's rows, or the default rows when its state has none. */
async function rulesFor(db: Kysely<DB>, agencyId: string) {
  const me = await db
    .selectFrom('agencies')
    .select('state_lgd_code')
    .where('id', '=', agencyId)
    .executeTakeFirstOrThrow();
  const all = await db
    .selectFrom('history_sheet_rules')
    .selectAll()
    .where((eb) =>
      eb.or([eb('state_lgd_code', 'is', null), eb('state_lgd_code', '=', me.state_lgd_code ?? -1)]),
    )
    .orderBy('id')
    .execute();
  const own = all.filter((r) => r.state_lgd_code !== null);
  return own.length > 0 ? own : all;
}

export async function listRulesFor(db: Kysely<DB>, actor: Actor) {
  assertCan(actor, 'register:read');
  return rulesFor(db, actor.agencyId);
}

const nonAccused = new Set(['victim', 'witness', 'guardian', 'informant']);

/** Age in whole years on a date, from a birth date or from an age stated on another date. */
function ageOn(
  p: { birth_date: string | null; age: number | null; age_recorded_on: string | null },
  on: string,
): number | null {
  const years = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3.15576e10;
  if (p.birth_date) return Math.floor(years(p.birth_date, on));
  if (p.age != null && p.age_recorded_on) return p.age + Math.floor(years(p.age_recorded_on, on));
  return null;
}

export async function openHistorySheet(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  input: HistorySheetInput,
): Promise<HistorySheetOut> {
  assertCan(actor, 'register:write');
  const person = await db
    .selectFrom('persons as p')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.agency_id', '=', 'p.agency_id').onRef('c.id', '=', 'p.case_id'),
    )
    .select([
      'p.agency_id',
      'p.id',
      'p.role',
      'p.birth_date',
      'p.age',
      'p.age_recorded_on',
      sql<string>`coalesce(c.occurred_from, c.registered_at)::date::text`.as('conduct_on'),
    ])
    .where(readable(actor, 'p', 'p.case_id', 'persons'))
    .where(visiblePersons(actor, 'p'))
    .where('p.id', '=', input.person_id)
    .executeTakeFirst();
  if (!person) throw notFound('Person');
  if (nonAccused.has(person.role)) {
    throw validationError('person_id', `a history sheet is for an accused person, not a ${person.role}`);
  }
  const rule = (await rulesFor(db, actor.agencyId)).find((r) => r.id === input.rule_id);
  if (!rule)
    throw validationError('rule_id', 'is not a rule of your state (GET /api/v1/history-sheet-rules)');
  if (rankIndex(input.ordered_by_rank) < rankIndex(rule.min_rank)) {
    throw validationError(
      'ordered_by_rank',
      `${rule.label} must be ordered by an officer not below ${rule.min_rank} (${rule.source})`,
    );
  }
  if (input.opened_on > dateInIndia()) {
    throw validationError('opened_on', 'must not be in the future');
  }

  return db.transaction().execute(async (tx) => {
    const profileId = await ensureProfile(tx, person.agency_id, person.id);
    // JJ Act s.74(2), domain file (e) H7: no sheet for anyone who was a child at the time of the conduct, on
    // any record of the profile.
    const members = await tx
      .selectFrom('profile_members as m')
      .innerJoin('persons as p', (j) =>
        j.onRef('p.agency_id', '=', 'm.agency_id').onRef('p.id', '=', 'm.person_id'),
      )
      .innerJoin('cases as c', (j) =>
        j.onRef('c.agency_id', '=', 'p.agency_id').onRef('c.id', '=', 'p.case_id'),
      )
      .select([
        'p.birth_date',
        'p.age',
        'p.age_recorded_on',
        sql<string>`coalesce(c.occurred_from, c.registered_at)::date::text`.as('conduct_on'),
      ])
      .where('m.profile_id', '=', profileId)
      .execute();
    if ([person, ...members].some((m) => (ageOn(m, m.conduct_on) ?? 99) < 18)) {
      throw validationError(
        'person_id',
        'the person was a child at the time of the conduct; a history sheet is not allowed (JJ Act s.74(2))',
      );
    }
    const open = await tx
      .selectFrom('history_sheets as hs')
      .leftJoin('persons as p', (j) =>
        j.onRef('p.agency_id', '=', 'hs.person_agency_id').onRef('p.id', '=', 'hs.person_id'),
      )
      // The number only when the caller could read that sheet (it may be on another record of the profile,
      // one the per-role person filter hides from this role); the refusal itself must stand either way.
      .select(['hs.number', sql<boolean>`${visiblePersons(actor, 'p')}`.as('visible')])
      .where('hs.agency_id', '=', actor.agencyId)
      .where('hs.profile_id', '=', profileId)
      .where('hs.status', '=', 'open')
      .executeTakeFirst();
    if (open) {
      throw new AppError(
        'conflict',
        open.visible
          ? `This person already has open history sheet no. ${open.number} here`
          : 'This person already has an open history sheet here',
      );
    }
    const counter = await sql<{ value: number }>`
      insert into agency_counters (agency_id, name, value) values (${actor.agencyId}, 'history_sheet', 1)
      on conflict (agency_id, name) do update set value = agency_counters.value + 1
      returning value::int as value`.execute(tx);
    const id = newId();
    const reviewDue = rule.review_months ? addMonths(input.opened_on, rule.review_months) : null;
    await tx
      .insertInto('history_sheets')
      .values({
        agency_id: actor.agencyId,
        id,
        number: counter.rows[0]!.value,
        profile_id: profileId,
        person_agency_id: person.agency_id,
        person_id: person.id,
        rule_id: rule.id,
        grounds: keyring.encrypt(input.grounds, groundsAad(actor.agencyId, id)),
        convicted: input.convicted,
        ordered_by_name: input.ordered_by_name,
        ordered_by_rank: input.ordered_by_rank,
        opened_on: input.opened_on,
        review_due_on: reviewDue,
        created_by: actor.userId,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'history_sheet.open',
      recordKind: 'history_sheet',
      recordId: id,
      recordAgencyId: actor.agencyId,
      detail: { rule: rule.id, person_id: person.id, profile_id: profileId },
    });
    const row = await sheetQuery(tx, actor).where('hs.id', '=', id).executeTakeFirstOrThrow();
    return present(row);
  });
}

/** The date where the officers are (IST), not UTC: between midnight and 05:30 IST the two differ. */
export function dateInIndia(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(at);
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** A sheet of the caller's own scope, for a change; 404 for anything else (another agency's sheet included). */
async function ownSheet(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await db
    .selectFrom('history_sheets as hs')
    .innerJoin('history_sheet_rules as r', 'r.id', 'hs.rule_id')
    .select(['hs.agency_id', 'hs.id', 'hs.version', 'hs.status', 'hs.opened_on', 'r.review_months'])
    .where(agencyScope(actor, 'hs.agency_id'))
    .where('hs.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('History sheet');
  return row;
}

/**
 * A change to an open sheet of the caller's scope, at the version the caller read: the update and its audit event
 * in one transaction; the sheet as it is now.
 */
async function changeOpenSheet(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  version: number,
  change: (sheet: Awaited<ReturnType<typeof ownSheet>>) => {
    set: Pick<Updateable<HistorySheetsTable>, 'review_due_on' | 'status' | 'closed_on' | 'closure_reason'>;
    action: string;
    detail?: Record<string, unknown>;
  },
) {
  assertCan(actor, 'register:write');
  const sheet = await ownSheet(db, actor, id);
  if (sheet.status !== 'open') throw new AppError('conflict', 'The sheet is closed');
  if (sheet.version !== version) throw versionConflict('History sheet', version, sheet.version);
  const { set, action, detail } = change(sheet);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('history_sheets')
      .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
      .where('agency_id', '=', sheet.agency_id)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, {
      action,
      recordKind: 'history_sheet',
      recordId: id,
      recordAgencyId: sheet.agency_id,
      ...(detail ? { detail } : {}),
    });
  });
  return present(await sheetQuery(db, actor).where('hs.id', '=', id).executeTakeFirstOrThrow());
}

export function reviewHistorySheet(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.infer<typeof historySheetReviewInput>,
) {
  return changeOpenSheet(db, actor, id, input.version, (sheet) => {
    if (input.reviewed_on < sheet.opened_on)
      throw validationError('reviewed_on', 'must not be before opened_on');
    const next =
      input.next_review_on ??
      (sheet.review_months ? addMonths(input.reviewed_on, sheet.review_months) : null);
    if (next && next <= input.reviewed_on)
      throw validationError('next_review_on', 'must be after reviewed_on');
    return {
      set: { review_due_on: next },
      action: 'history_sheet.review',
      detail: { reviewed_on: input.reviewed_on, next_review_on: next },
    };
  });
}

export function closeHistorySheet(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.infer<typeof historySheetCloseInput>,
) {
  return changeOpenSheet(db, actor, id, input.version, (sheet) => {
    if (input.closed_on < sheet.opened_on) throw validationError('closed_on', 'must not be before opened_on');
    return {
      set: {
        status: 'closed',
        closed_on: input.closed_on,
        closure_reason: input.reason,
        review_due_on: null,
      },
      action: 'history_sheet.close',
    };
  });
}

/** Administrators set a state's rule (rank, review interval), citing the rule or order they follow. */
export async function updateRule(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  patch: z.infer<typeof historySheetRulePatch>,
) {
  assertCan(actor, 'agency:write');
  if (actor.role !== 'system_admin') {
    throw new AppError('forbidden', 'Only a system administrator changes history-sheet rules');
  }
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('history_sheet_rules')
      .set({
        ...(patch.min_rank ? { min_rank: patch.min_rank } : {}),
        ...(patch.review_months !== undefined ? { review_months: patch.review_months } : {}),
        source: patch.source,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('Rule');
    await recordAudit(tx, actor, {
      action: 'history_sheet_rule.update',
      recordKind: 'history_sheet_rule',
      detail: { rule: id, ...patch },
    });
    return row;
  });
}
