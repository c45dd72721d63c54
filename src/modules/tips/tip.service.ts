import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { DB, IdentifierKind } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { notFound, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { decodeIdCursor, pageById } from '../../shared/paging.ts';
import { type Actor, assertCan } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { checkWatchlists, type WatchMatch } from '../grid/alerts.ts';
import { matchIdentifiers } from '../grid/matches.ts';
import { correlates, loadWarningList, probeOf } from '../grid/values.ts';
import { extractIdentifiers } from '../identifiers/extract.ts';
import { normaliseForField, normaliseIdentifier } from '../identifiers/normalise.ts';
import { readsTipText, tipReadable } from './tip.policy.ts';
import type { TipInput, TipListQuery, TipOut, tipSummaryOut } from './tip.schemas.ts';

/**
 * Tips (docs/tips.md): what someone told a police agency, recorded by one of its officers with the identifiers
 * it holds. The text is sealed under the keyring and shown only in the single-tip read, which is audited; each
 * identifier is sealed too and kept as a blind index, which is what watches match. Recording a tip fires every
 * live watch on its identifiers, in the same transaction — the grid's watchlist promise (issue 4) for tips.
 *
 * Who may do what: record a tip — `case:write` (police officers who register cases); read tips — `tip:read`,
 * in the reader's scope (tip.policy.ts).
 */

const textAad = (agencyId: string, id: string) => `tip:${agencyId}:${id}:text`;
const identifierAad = (agencyId: string, id: string) => `tip_identifier:${agencyId}:${id}:value`;

/** Clock skew tolerated between the officer's PC and the server before a receipt time is "in the future". */
const FUTURE_SKEW_MS = 5 * 60_000;

const iso = (d: Date | string) => new Date(d).toISOString();

interface TipIdentifierDraft {
  kind: IdentifierKind;
  value: string;
  normalised: string;
  origin: 'text' | 'given';
}

/**
 * The tip's identifiers: those given (each validated by the case identifiers' normaliser, the error naming
 * `identifiers.<n>.value`) and — unless `extract` is false — those the extractor finds in the text, once each.
 * A given identifier the text also holds counts as found in the text (provenance).
 */
function tipIdentifiers(input: TipInput): TipIdentifierDraft[] {
  const found = extractIdentifiers(input.text);
  const inText = new Set(found.map((f) => `${f.kind}|${f.normalised}`));
  const out = new Map<string, TipIdentifierDraft>();
  (input.identifiers ?? []).forEach((idf, i) => {
    const normalised = normaliseForField(idf.kind, idf.value, `identifiers.${i}.value`);
    const key = `${idf.kind}|${normalised}`;
    if (!out.has(key))
      out.set(key, {
        kind: idf.kind,
        value: idf.value,
        normalised,
        origin: inText.has(key) ? 'text' : 'given',
      });
  });
  if (input.extract) {
    for (const f of found) {
      const key = `${f.kind}|${f.normalised}`;
      if (!out.has(key))
        out.set(key, { kind: f.kind, value: f.value, normalised: f.normalised, origin: 'text' });
    }
  }
  return [...out.values()];
}

/** A tip cannot have been received after now (give or take the PC's clock). */
function assertNotFuture(receivedAt: string): void {
  if (Date.parse(receivedAt) > Date.now() + FUTURE_SKEW_MS)
    throw validationError('received_at', 'must not be in the future');
}

/**
 * Record a tip: one transaction writes the tip, its identifiers, the watch alerts they raise and the audit event.
 * Returns the tip as the list shows it (no text).
 *
 * ```ts
 * await createTip(db, keyring, actor, { received_at: '2025-06-01T10:00:00+05:30', source: 'helpline_1098',
 *   text: 'Caller says girls are kept at a lodge; agent's number 98xxxxxxx1', extract: true });
 * ```
 */
export async function createTip(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  input: TipInput,
): Promise<z.infer<typeof tipSummaryOut>> {
  assertCan(actor, 'case:write');
  assertNotFuture(input.received_at);
  const drafts = tipIdentifiers(input);
  if (input.district_lgd_code != null) {
    const district = await db
      .selectFrom('districts')
      .select('lgd_code')
      .where('lgd_code', '=', input.district_lgd_code)
      .executeTakeFirst();
    if (!district) throw validationError('district_lgd_code', 'unknown district LGD code');
  }
  const id = newId();
  const agencyId = actor.agencyId;
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('tips')
      .values({
        agency_id: agencyId,
        id,
        received_at: input.received_at,
        source: input.source,
        text: keyring.encrypt(input.text, textAad(agencyId, id)),
        place: input.place ?? null,
        district_lgd_code: input.district_lgd_code ?? null,
        pincode: input.pincode ?? null,
        created_by: actor.userId,
      })
      .execute();
    const rows = drafts.map((d) => {
      const rowId = newId();
      return {
        draft: d,
        row: {
          agency_id: agencyId,
          id: rowId,
          tip_id: id,
          kind: d.kind,
          value: keyring.encrypt(d.value, identifierAad(agencyId, rowId)),
          normalised: keyring.blindIndex(d.normalised),
          origin: d.origin,
        },
      };
    });
    if (rows.length > 0)
      await tx
        .insertInto('tip_identifiers')
        .values(rows.map((r) => r.row))
        .execute();

    // Watches, as for a case (grid/correlate.ts): a value that never links (a masked Aadhaar, a PIN code, an IPv4
    // address) or that the warning list stops for this agency fires nothing; an over-common value still does
    // (the cap keeps values from linking records; a tip links none, and a watch is one officer's choice).
    const warnings = await loadWarningList(tx, keyring);
    const watches: WatchMatch[] = [];
    for (const { draft, row } of rows) {
      const probe = probeOf(keyring, draft.kind, draft.normalised);
      if (!correlates(probe) || warnings.stops(probe, agencyId)) continue;
      watches.push({
        match: { kind: draft.kind, blind: probe.blind },
        record: { agencyId, tipId: id },
        on: 'identifier',
        writtenBy: actor.userId,
        detail: { tip_identifier_id: row.id },
      });
    }
    const alerted = await checkWatchlists(tx, watches);
    await recordAudit(tx, actor, {
      action: 'tip.create',
      recordKind: 'tip',
      recordId: id,
      recordAgencyId: agencyId,
      detail: {
        source: input.source,
        identifiers: rows.length,
        found_in_text: rows.filter((r) => r.draft.origin === 'text').length,
        watch_alerts: alerted,
      },
    });
  });
  // The summary of what the caller just wrote, even where its role may not read the tip back (a station writer
  // recording an informant's tip: tip.policy.ts): it holds nothing the caller did not give.
  const [summary] = await summaries(db, actor, { justWritten: true })
    .where('t.agency_id', '=', agencyId)
    .where('t.id', '=', id)
    .execute();
  if (!summary) throw notFound('Tip');
  return presentSummary(summary);
}

/** Tips the caller may read, with their agency, district and recording officer; never the text. */
function summaries(db: Kysely<DB>, actor: Actor, options: { justWritten?: boolean } = {}) {
  return db
    .selectFrom('tips as t')
    .innerJoin('agencies as a', 'a.id', 't.agency_id')
    .leftJoin('districts as d', 'd.lgd_code', 't.district_lgd_code')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .select([
      't.agency_id',
      't.id',
      'a.code as agency_code',
      'a.name as agency_name',
      't.received_at',
      't.source',
      't.place',
      't.district_lgd_code',
      'd.name as district_name',
      't.pincode',
      't.created_by',
      'u.display_name as created_by_name',
      't.created_at',
      sql<number>`(select count(*)::int from tip_identifiers ti
        where ti.agency_id = t.agency_id and ti.tip_id = t.id)`.as('identifier_count'),
      sql<
        IdentifierKind[]
      >`coalesce((select array_agg(distinct ti.kind order by ti.kind) from tip_identifiers ti
        where ti.agency_id = t.agency_id and ti.tip_id = t.id), '{}')`.as('identifier_kinds'),
    ])
    .where(options.justWritten ? sql<boolean>`true` : tipReadable(actor, 't'));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirstOrThrow']>>;

function presentFields(r: SummaryRow) {
  return {
    id: r.id,
    agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
    received_at: iso(r.received_at),
    source: r.source,
    place: r.place,
    district_lgd_code: r.district_lgd_code,
    district_name: r.district_name,
    pincode: r.pincode,
    recorded_by:
      r.created_by && r.created_by_name ? { id: r.created_by, display_name: r.created_by_name } : null,
    created_at: iso(r.created_at),
  };
}

function presentSummary(r: SummaryRow): z.infer<typeof tipSummaryOut> {
  return {
    ...presentFields(r),
    identifier_count: Number(r.identifier_count),
    // PGlite and pg both parse text[]; an enum-like array of kinds.
    identifier_kinds: [...r.identifier_kinds],
  };
}

/**
 * The tips of the caller's scope, newest recorded first. Metadata and identifier counts only — no text, no
 * identifier values — so the list needs no read audit; the single-tip read is audited.
 */
export async function listTips(db: Kysely<DB>, actor: Actor, q: TipListQuery) {
  assertCan(actor, 'tip:read');
  const before = decodeIdCursor(q.cursor);
  let query = summaries(db, actor);
  if (q.source) query = query.where('t.source', '=', q.source);
  if (before) query = query.where('t.id', '<', before);
  const rows = await query
    .orderBy('t.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  return pageById(rows, q.limit, presentSummary);
}

/**
 * One tip with its text and identifiers, and for each identifier what the grid knows of the value — links to
 * the records the caller may read, hits (whom to contact) for the others, or that it is warning-listed or too
 * common — from the grid's own matching (grid/matches.ts), which applies the access rules. Another agency's tip,
 * or one outside the caller's scope, is not found. Audited (`tip.read`).
 */
export async function getTip(db: Kysely<DB>, keyring: Keyring, actor: Actor, id: string): Promise<TipOut> {
  assertCan(actor, 'tip:read');
  const row = await summaries(db, actor).select('t.text').where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Tip');
  const stored = await db
    .selectFrom('tip_identifiers')
    .select(['id', 'kind', 'value', 'origin'])
    .where('agency_id', '=', row.agency_id)
    .where('tip_id', '=', row.id)
    .orderBy('id')
    .execute();
  const identifiers = [];
  for (const s of stored) {
    const value = keyring.decrypt(s.value, identifierAad(row.agency_id, s.id));
    let normalised: string;
    try {
      normalised = normaliseIdentifier(s.kind, value);
    } catch {
      normalised = value; // refused by a stricter normaliser since: shown as written, matched as nothing
    }
    const matches = await matchIdentifiers(
      db,
      keyring,
      actor,
      [{ probe: probeOf(keyring, s.kind, normalised), identifierId: s.id }],
      { ownerAgencyId: row.agency_id },
    );
    identifiers.push({ id: s.id, kind: s.kind, value, normalised, origin: s.origin, matches });
  }
  const withText = readsTipText(actor);
  await recordAudit(db, actor, {
    action: 'tip.read',
    recordKind: 'tip',
    recordId: row.id,
    recordAgencyId: row.agency_id,
    detail: {
      fields: withText ? ['text', 'identifiers'] : ['identifiers'],
      links: identifiers.reduce((n, i) => n + i.matches.links.length, 0),
      hits: identifiers.reduce((n, i) => n + i.matches.hits.length, 0),
    },
  });
  return {
    ...presentFields(row),
    text: withText ? keyring.decrypt(row.text, textAad(row.agency_id, row.id)) : null,
    identifiers,
  };
}
