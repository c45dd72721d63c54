import { type Kysely, sql } from 'kysely';
import type { DB, IdentifierKind } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import {
  type CaseRef,
  checkWatchlists,
  type GridLink,
  type ReTraffickingLink,
  raiseDeconfliction,
  raiseReTrafficking,
  type WatchMatch,
} from './alerts.ts';
import {
  correlatedKinds,
  correlates,
  countValues,
  gridSettings,
  isOpenStatus,
  loadWarningList,
  type Probe,
  probeKey,
  probeOfStored,
} from './values.ts';

export interface CorrelationResult {
  deconfliction: number;
  reTrafficking: number;
  watchlist: number;
}

const CHUNK = 1000;

/**
 * Correlates cases just written (created, changed or imported) with every agency's records, in the writer's
 * transaction, and raises the alerts that follow: deconfliction for open cases of two agencies sharing a value,
 * re-trafficking when a value of a rescued child's record turns up in a written case, and watchlist alerts.
 * Hits need nothing here: they are a query over the identifier index and are visible as soon as the write
 * commits. Warning-listed values are skipped; values over the thresholds link nothing (watches still fire).
 *
 * ```ts
 * await correlateCases(tx, keyring, [{ agencyId, caseId }], { writtenBy: actor.userId });
 * ```
 */
export async function correlateCases(
  tx: Kysely<DB>,
  keyring: Keyring,
  cases: CaseRef[],
  options: { writtenBy: string | null },
): Promise<CorrelationResult> {
  const total: CorrelationResult = { deconfliction: 0, reTrafficking: 0, watchlist: 0 };
  const ids = [...new Map(cases.map((c) => [c.caseId, c])).values()];
  if (ids.length === 0) return total;
  const [warnings, settings] = await Promise.all([loadWarningList(tx, keyring), gridSettings(tx)]);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = await correlateChunk(tx, keyring, ids.slice(i, i + CHUNK), options, warnings, settings);
    total.deconfliction += part.deconfliction;
    total.reTrafficking += part.reTrafficking;
    total.watchlist += part.watchlist;
  }
  return total;
}

interface WrittenIdentifier {
  agency_id: string;
  id: string;
  case_id: string;
  kind: IdentifierKind;
  value: string;
  normalised: string;
  protected: boolean;
  status: string;
}

async function correlateChunk(
  tx: Kysely<DB>,
  keyring: Keyring,
  cases: CaseRef[],
  options: { writtenBy: string | null },
  warnings: Awaited<ReturnType<typeof loadWarningList>>,
  settings: Awaited<ReturnType<typeof gridSettings>>,
): Promise<CorrelationResult> {
  const refs = JSON.stringify(cases.map((c) => ({ agency_id: c.agencyId, case_id: c.caseId })));
  const written = await sql<WrittenIdentifier>`
    select i.agency_id, i.id, i.case_id, i.kind, i.value, i.normalised, i.protected, c.status
    from jsonb_to_recordset(${refs}::jsonb) as r(agency_id uuid, case_id uuid)
    join cases c on c.agency_id = r.agency_id and c.id = r.case_id
    join identifiers i on i.agency_id = c.agency_id and i.case_id = c.id
    where i.kind in (${sql.join(correlatedKinds.map((k) => sql.lit(k)))})`.execute(tx);
  // A transferred case and the receiving agency's copy of it are one case, not two that match.
  const transfers = await sql<{ a: string; b: string }>`
    select t.case_id as a, t.to_case_id as b
    from jsonb_to_recordset(${refs}::jsonb) as r(agency_id uuid, case_id uuid)
    join case_transfers t on (t.agency_id = r.agency_id and t.case_id = r.case_id)
      or (t.to_agency_id = r.agency_id and t.to_case_id = r.case_id)`.execute(tx);
  const sameCase = new Set(transfers.rows.flatMap((t) => [`${t.a}|${t.b}`, `${t.b}|${t.a}`]));

  // Each written identifier with its probe, unless the warning list stops it for its agency.
  const items: { row: WrittenIdentifier; probe: Probe }[] = [];
  const probes = new Map<string, Probe>();
  for (const row of written.rows) {
    const probe = probeOfStored(keyring, row);
    if (!correlates(probe) || warnings.stops(probe, row.agency_id)) continue;
    items.push({ row, probe });
    probes.set(probeKey(probe), probe);
  }
  if (items.length === 0) return { deconfliction: 0, reTrafficking: 0, watchlist: 0 };

  const watches: WatchMatch[] = items.map(({ row, probe }) => ({
    match: { kind: row.kind, blind: probe.blind },
    record: { agencyId: row.agency_id, caseId: row.case_id },
    on: 'identifier',
    writtenBy: options.writtenBy,
    detail: { identifier_id: row.id },
  }));

  const values = [...probes.values()];
  const exclusions = warnings.exclusions(values);
  const counts = await countValues(tx, values, settings, exclusions);
  const linkable = values.filter((p) => !counts.get(probeKey(p))?.tooCommon);

  // Every other record holding a linkable value (at most ten rows per case under the threshold, per value).
  const input = linkable.map((p, n) => ({ n, kind: p.kind, f1: p.forms[0], f2: p.forms[1] ?? null }));
  const others =
    input.length === 0
      ? []
      : (
          await sql<{
            n: number;
            agency_id: string;
            id: string;
            case_id: string;
            status: string;
            person_id: string | null;
            role: string | null;
          }>`
            select v.n, i.agency_id, i.id, i.case_id, c.status, p.id as person_id, p.role
            from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as v(n int, kind text, f1 text, f2 text)
            -- One row per form, so the join is an equality the identifier index serves; with
            -- normalised in (v.f1, v.f2) PostgreSQL scanned every identifier of the kind for each value.
            cross join lateral (values (v.f1), (v.f2)) as f(form)
            join identifiers i on i.kind = v.kind and i.normalised = f.form
            join cases c on c.agency_id = i.agency_id and c.id = i.case_id
            left join persons p on p.agency_id = i.agency_id and p.id = i.person_id
            where not exists (select 1 from jsonb_to_recordset(${JSON.stringify(exclusions)}::jsonb)
              as e(kind text, form text, agency_id uuid)
              where e.kind = i.kind and e.form = i.normalised and e.agency_id = i.agency_id)`.execute(tx)
        ).rows;
  const holders = new Map<string, typeof others>();
  for (const o of others) {
    const key = probeKey(linkable[o.n]!);
    const list = holders.get(key) ?? [];
    list.push(o);
    holders.set(key, list);
  }

  const deconfliction = new Map<string, GridLink>();
  const reTrafficking = new Map<string, ReTraffickingLink>();
  for (const { row, probe } of items) {
    for (const other of holders.get(probeKey(probe)) ?? []) {
      if (other.case_id === row.case_id || sameCase.has(`${row.case_id}|${other.case_id}`)) continue;
      const provenance = { rule: 'same identifier', identifier_ids: [row.id, other.id] };
      if (other.agency_id !== row.agency_id && isOpenStatus(row.status) && isOpenStatus(other.status)) {
        const pair =
          row.case_id < other.case_id ? `${row.case_id}|${other.case_id}` : `${other.case_id}|${row.case_id}`;
        if (!deconfliction.has(pair)) {
          deconfliction.set(pair, {
            a: { agencyId: row.agency_id, caseId: row.case_id },
            b: { agencyId: other.agency_id, caseId: other.case_id },
            on: 'identifier',
            kind: row.kind,
            detail: provenance,
          });
        }
      }
      // The other record's victim is a rescued child; this written record is where her value turned up.
      if (other.role === 'victim' && other.person_id) {
        const key = `${other.person_id}|${row.case_id}`;
        if (!reTrafficking.has(key)) {
          reTrafficking.set(key, {
            child: { agencyId: other.agency_id, caseId: other.case_id, personId: other.person_id },
            record: { agencyId: row.agency_id, caseId: row.case_id },
            on: 'identifier',
            kind: row.kind,
            detail: provenance,
          });
        }
      }
    }
  }
  return {
    deconfliction: await raiseDeconfliction(tx, [...deconfliction.values()]),
    reTrafficking: await raiseReTrafficking(tx, [...reTrafficking.values()]),
    watchlist: await checkWatchlists(tx, watches),
  };
}
