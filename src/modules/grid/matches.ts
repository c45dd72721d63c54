import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { DB, IdentifierKind } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import type { Actor } from '../access/actor.ts';
import { identifierCounts, readable, visibleIdentifiers } from '../access/policy.ts';
import type { hitOut, linkOut } from '../sharing/sharing.schemas.ts';
import type { tooCommonOut, warningListedOut } from './flags.schemas.ts';
import {
  correlates,
  countValues,
  gridSettings,
  loadWarningList,
  type Probe,
  probeKey,
  probeOf,
  probeOfStored,
} from './values.ts';

type AgencyContact = z.infer<typeof hitOut>['agency'];

export interface Matches {
  links: z.infer<typeof linkOut>[];
  hits: z.infer<typeof hitOut>[];
  too_common: z.infer<typeof tooCommonOut>[];
  warning_listed: z.infer<typeof warningListedOut>[];
}

/** Agencies as a hit shows them: name and whom to call. */
export async function agencyContacts(db: Kysely<DB>, ids: string[]): Promise<Map<string, AgencyContact>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'code', 'name', 'kind', 'contact_officer', 'contact_phone', 'contact_email'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((a) => [a.id, a]));
}

export interface MatchInput {
  probe: Probe;
  /** The case's own identifier with this value, when matching a case. */
  identifierId?: string;
}

/**
 * Matches of values against every agency's records: those the caller may read are links; the others are hits —
 * that a record exists, how it matched and whom to contact, never its content. Values on the warning list and
 * values too common to mean anything are reported as such instead of linked.
 *
 * ```ts
 * const m = await matchIdentifiers(db, keyring, actor, [{ probe: probeOf(keyring, 'phone', '+919812300001') }]);
 * m.links; m.hits; m.too_common; m.warning_listed;
 * ```
 */
export async function matchIdentifiers(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  inputs: MatchInput[],
  options: { excludeCaseId?: string; ownerAgencyId?: string } = {},
): Promise<Matches> {
  const out: Matches = { links: [], hits: [], too_common: [], warning_listed: [] };
  // One entry per distinct value, with the case's identifiers that hold it.
  const byValue = new Map<string, { probe: Probe; ids: string[] }>();
  for (const { probe, identifierId } of inputs) {
    if (!correlates(probe)) continue;
    const entry = byValue.get(probeKey(probe)) ?? { probe, ids: [] };
    if (identifierId) entry.ids.push(identifierId);
    byValue.set(probeKey(probe), entry);
  }
  if (byValue.size === 0) return out;
  const [warnings, settings] = await Promise.all([loadWarningList(db, keyring), gridSettings(db)]);
  const candidates: { probe: Probe; ids: string[] }[] = [];
  for (const v of byValue.values()) {
    const stop = warnings.stops(v.probe, options.ownerAgencyId ?? actor.agencyId);
    if (stop) {
      out.warning_listed.push({
        kind: v.probe.kind,
        identifier_ids: v.ids,
        reason: stop.reason,
        scope: stop.agencyId ? 'agency' : 'national',
      });
    } else candidates.push(v);
  }
  const exclusions = warnings.exclusions(candidates.map((c) => c.probe));
  const counts = await countValues(
    db,
    candidates.map((c) => c.probe),
    settings,
    exclusions,
  );
  const linked: Probe[] = [];
  for (const c of candidates) {
    const count = counts.get(probeKey(c.probe));
    if (count?.tooCommon) {
      out.too_common.push({
        kind: c.probe.kind,
        identifier_ids: c.ids,
        cases: count.cases,
        agencies: count.agencies,
        threshold: { cases: settings.commonValueCases, agencies: settings.commonValueAgencies },
      });
    } else linked.push(c.probe);
  }
  if (linked.length === 0) return out;
  const values = linked.flatMap((p) => p.forms.map((normalised) => ({ kind: p.kind, normalised })));
  const rows = await sql<{
    case_id: string;
    agency_id: string;
    kind: string;
    fir_number: string | null;
    can_read: boolean;
    disclosure_status: string | null;
    disclosure_id: string | null;
  }>`
    select distinct on (i.case_id, i.kind) i.case_id, i.agency_id, i.kind, c.fir_number,
      -- A link: the case is readable (the identifiers the caller may not be shown there are left out below).
      ${readable(actor, 'c')} as can_read, last.status as disclosure_status, last.id as disclosure_id
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(kind text, normalised text)
    join identifiers i on i.kind = v.kind and i.normalised = v.normalised
    join cases c on c.agency_id = i.agency_id and c.id = i.case_id
    -- The caller's latest request for this case, if any.
    left join lateral (select d.status, d.id from disclosures d
      where d.agency_id = i.agency_id and d.record_id = i.case_id and d.requester_agency_id = ${actor.agencyId}
      order by d.created_at desc limit 1) last on true
    where (${options.excludeCaseId ?? null}::uuid is null or i.case_id <> ${options.excludeCaseId ?? null}::uuid)
      -- An identifier the caller may not be shown on a case it reads — not granted by the disclosure or referral,
      -- or not on its role's field list (access/fields.ts) — is neither a link nor a hit: a hit on a case it reads
      -- would say that someone hidden from it there (an informant, for an analyst) holds the value.
      and ${identifierCounts(actor, 'i', readable(actor, 'c'))}
      and not exists (select 1 from jsonb_to_recordset(${JSON.stringify(exclusions)}::jsonb)
        as e(kind text, form text, agency_id uuid)
        where e.kind = i.kind and e.form = i.normalised and e.agency_id = i.agency_id)
    order by i.case_id, i.kind
    limit 500`.execute(db);
  const agencies = await agencyContacts(
    db,
    rows.rows.map((r) => r.agency_id),
  );
  for (const r of rows.rows) {
    const agency = agencies.get(r.agency_id)!;
    const match = { kind: r.kind, on: 'identifier' };
    if (r.can_read) out.links.push({ case_id: r.case_id, fir_number: r.fir_number, agency, match });
    else {
      out.hits.push({
        record_kind: 'case',
        record_id: r.case_id,
        match,
        strength: 'exact',
        agency,
        disclosure_status: r.disclosure_status,
        disclosure_id: r.disclosure_id,
      });
    }
  }
  return out;
}

/** Matches for typed values (already normalised), e.g. a search box. */
export function matchValues(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  values: { kind: string; normalised: string }[],
  options: { excludeCaseId?: string } = {},
): Promise<Matches> {
  return matchIdentifiers(
    db,
    keyring,
    actor,
    values.map((v) => ({ probe: probeOf(keyring, v.kind as IdentifierKind, v.normalised) })),
    options,
  );
}

/**
 * Matches for every identifier of a case the caller reads. A victim's identifiers (stored sealed, matched by
 * blind index) are opened on the server so that they also match the same value recorded in plain elsewhere.
 */
export async function matchCase(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  c: { agency_id: string; id: string },
): Promise<Matches> {
  // Only the identifiers the caller's role may see are looked for elsewhere.
  const rows = await db
    .selectFrom('identifiers as i')
    .select(['i.agency_id', 'i.id', 'i.kind', 'i.value', 'i.normalised', 'i.protected'])
    .where('i.agency_id', '=', c.agency_id)
    .where('i.case_id', '=', c.id)
    .where(visibleIdentifiers(actor, 'i'))
    .execute();
  return matchIdentifiers(
    db,
    keyring,
    actor,
    rows.map((r) => ({ probe: probeOfStored(keyring, r), identifierId: r.id })),
    { excludeCaseId: c.id, ownerAgencyId: c.agency_id },
  );
}
