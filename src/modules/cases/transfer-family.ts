import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * A case transferred to another agency (a zero FIR sent to the station with jurisdiction) and the receiving
 * agency's copy of it are one case, and so is a copy of that copy when it is transferred onwards: a *transfer
 * family*. Its root is the first case of the chain; a case never transferred is its own root. The grid never
 * treats two cases of one family as two cases: no deconfliction or re-trafficking between them, one case for the
 * repeat-offender and across-states flags, and their persons are the same records (docs/profiles.md).
 */
export interface TransferPlace {
  /** The first case of the chain (the case itself when it was never the copy of another). */
  root: string;
  /** How many transfers from the root to this case (0 for the root). */
  depth: number;
}

/** Copies are at most this many transfers from their original (a guard; real chains are one or two long). */
const MAX_DEPTH = 32;

/**
 * Where each case (by agency and id: the keys `case_transfers` is indexed on) sits in its transfer family, in one
 * statement. Cases never transferred answer themselves at depth 0. Keyed by case id.
 *
 * ```ts
 * const places = await transferPlaces(db, [{ agencyId, caseId }, { agencyId: other, caseId: theirs }]);
 * if (sameCase(places, caseId, theirs)) … // one case
 * ```
 */
export async function transferPlaces(
  db: Kysely<DB>,
  cases: readonly { agencyId: string; caseId: string }[],
): Promise<Map<string, TransferPlace>> {
  const refs = [
    ...new Map(cases.map((c) => [c.caseId, { agency_id: c.agencyId, case_id: c.caseId }])).values(),
  ];
  const out = new Map<string, TransferPlace>(refs.map((r) => [r.case_id, { root: r.case_id, depth: 0 }]));
  if (refs.length === 0) return out;
  // Walk up from each case to the original it was copied from, and that one's original, to the root.
  const rows = await sql<{ case_id: string; root: string; depth: number }>`
    with recursive up (case_id, agency_id, at, depth) as (
      select r.case_id, r.agency_id, r.case_id, 0
      from jsonb_to_recordset(${JSON.stringify(refs)}::jsonb) as r(agency_id uuid, case_id uuid)
      union all
      select up.case_id, t.agency_id, t.case_id, up.depth + 1
      from up join case_transfers t on t.to_agency_id = up.agency_id and t.to_case_id = up.at
      where up.depth < ${MAX_DEPTH}
    )
    select distinct on (case_id) case_id, at as root, depth from up order by case_id, depth desc`.execute(db);
  for (const r of rows.rows) out.set(r.case_id, { root: r.root, depth: Number(r.depth) });
  return out;
}

/** Whether two cases are one case for the grid (the same case, or one transfer family). */
export function sameCase(places: ReadonlyMap<string, TransferPlace>, a: string, b: string): boolean {
  if (a === b) return true;
  const ra = places.get(a)?.root ?? a;
  const rb = places.get(b)?.root ?? b;
  return ra === rb;
}

/**
 * Every transfer family in the database, as case → root, for batch work over all records (`childgrid grid link`):
 * one read of `case_transfers`, which holds a row per transfer (far fewer than cases). Cases never transferred are
 * not in the map (they are their own root).
 */
export async function allTransferRoots(db: Kysely<DB>): Promise<Map<string, TransferPlace>> {
  const rows = await db.selectFrom('case_transfers').select(['case_id', 'to_case_id']).execute();
  const parent = new Map(rows.map((r) => [r.to_case_id, r.case_id]));
  const out = new Map<string, TransferPlace>();
  const placeOf = (id: string): TransferPlace => {
    const known = out.get(id);
    if (known) return known;
    let root = id;
    let depth = 0;
    while (parent.has(root) && depth < MAX_DEPTH) {
      root = parent.get(root)!;
      depth++;
    }
    const place = { root, depth };
    out.set(id, place);
    return place;
  };
  for (const r of rows) {
    placeOf(r.case_id);
    placeOf(r.to_case_id);
  }
  return out;
}
