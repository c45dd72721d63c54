import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { type Insertable, type Kysely, sql } from 'kysely';
import { newId } from '../../shared/ids.ts';
import type { AgenciesTable, DB } from '../schema.ts';
import { offenceCodes } from './offence-codes.ts';

/** ISO 3166-2:IN subdivision codes by LGD state code; used to make readable agency codes. */
export const stateIsoByLgd: Readonly<Record<number, string>> = {
  1: 'JK',
  2: 'HP',
  3: 'PB',
  4: 'CH',
  5: 'UK',
  6: 'HR',
  7: 'DL',
  8: 'RJ',
  9: 'UP',
  10: 'BR',
  11: 'SK',
  12: 'AR',
  13: 'NL',
  14: 'MN',
  15: 'MZ',
  16: 'TR',
  17: 'ML',
  18: 'AS',
  19: 'WB',
  20: 'JH',
  21: 'OD',
  22: 'CG',
  23: 'MP',
  24: 'GJ',
  27: 'MH',
  28: 'AP',
  29: 'KA',
  30: 'GA',
  31: 'LD',
  32: 'KL',
  33: 'TN',
  34: 'PY',
  35: 'AN',
  36: 'TG',
  37: 'LA',
  38: 'DH',
};

interface DistrictCsvRow {
  state_lgd_code: string;
  state_name: string;
  state_type: string;
  district_lgd_code: string;
  district_name: string;
  district_census2011_code: string;
}

export function readDistrictsCsv(): DistrictCsvRow[] {
  const text = readFileSync(new URL('./districts.csv', import.meta.url), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true }) as DistrictCsvRow[];
}

/** "24 PARAGANAS NORTH" → "24 Paraganas North"; keeps names already in mixed case. */
export function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s(.-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

export const NATIONAL_AGENCY_CODE = 'IN';
export const stateAgencyCode = (lgd: number) => stateIsoByLgd[lgd] ?? `S${lgd}`;
export const districtAgencyCode = (stateLgd: number, districtLgd: number) =>
  `${stateAgencyCode(stateLgd)}-D${districtLgd}`;

/**
 * Upserts the reference tables and the administrative agency tree (national → 36 states/UTs → 763 districts).
 * Idempotent: run on every start after migrations; ids of existing agencies are kept.
 */
export async function seedReferenceData(db: Kysely<DB>): Promise<void> {
  const rows = readDistrictsCsv();
  const states = new Map<number, { name: string; kind: 'state' | 'union_territory' }>();
  for (const r of rows) {
    states.set(Number(r.state_lgd_code), {
      name: titleCase(r.state_name),
      kind: r.state_type === 'State' ? 'state' : 'union_territory',
    });
  }
  await db
    .insertInto('states')
    .values(
      [...states].map(([lgd, s]) => ({
        lgd_code: lgd,
        name: s.name,
        kind: s.kind,
        iso_code: stateAgencyCode(lgd),
      })),
    )
    .onConflict((oc) =>
      oc
        .column('lgd_code')
        .doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), kind: eb.ref('excluded.kind') })),
    )
    .execute();
  await db
    .insertInto('districts')
    .values(
      rows.map((r) => ({
        lgd_code: Number(r.district_lgd_code),
        state_lgd_code: Number(r.state_lgd_code),
        name: titleCase(r.district_name),
        census2011_code: r.district_census2011_code ? Number(r.district_census2011_code) : null,
      })),
    )
    .onConflict((oc) => oc.column('lgd_code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
    .execute();
  await db
    .insertInto('offence_codes')
    .values(
      offenceCodes.map((c) => ({
        code: c.code,
        act: c.act,
        section: c.section,
        title: c.title,
        child_specific: c.childSpecific,
        demand_side: c.demandSide,
        equivalent: c.equivalent,
        tag: c.tag,
        source: c.source,
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        title: eb.ref('excluded.title'),
        child_specific: eb.ref('excluded.child_specific'),
        demand_side: eb.ref('excluded.demand_side'),
        equivalent: eb.ref('excluded.equivalent'),
        tag: eb.ref('excluded.tag'),
        source: eb.ref('excluded.source'),
      })),
    )
    .execute();

  const existing = new Map(
    (await db.selectFrom('agencies').select(['code', 'id']).execute()).map((a) => [a.code, a.id] as const),
  );
  const idFor = (code: string) => existing.get(code) ?? newId();
  const nationalId = idFor(NATIONAL_AGENCY_CODE);
  const agencies: Insertable<AgenciesTable>[] = [
    {
      id: nationalId,
      code: NATIONAL_AGENCY_CODE,
      name: 'National grid (MHA)',
      kind: 'national',
      parent_id: null,
      state_lgd_code: null,
      district_lgd_code: null,
    },
  ];
  const stateIds = new Map<number, string>();
  for (const [lgd, s] of states) {
    const id = idFor(stateAgencyCode(lgd));
    stateIds.set(lgd, id);
    agencies.push({
      id,
      code: stateAgencyCode(lgd),
      name: `${s.name} Police`,
      kind: 'state',
      parent_id: nationalId,
      state_lgd_code: lgd,
      district_lgd_code: null,
    });
  }
  for (const r of rows) {
    const stateLgd = Number(r.state_lgd_code);
    const code = districtAgencyCode(stateLgd, Number(r.district_lgd_code));
    agencies.push({
      id: idFor(code),
      code,
      name: `${titleCase(r.district_name)} District Police`,
      kind: 'district',
      parent_id: stateIds.get(stateLgd),
      state_lgd_code: stateLgd,
      district_lgd_code: Number(r.district_lgd_code),
    });
  }
  await db
    .insertInto('agencies')
    .values(agencies)
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
    .execute();
  await rebuildAgencyClosure(db);
}

/** Recomputes the ancestor/descendant pairs of the agency tree; called after any agency is added or moved. */
export async function rebuildAgencyClosure(db: Kysely<DB>): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((tx) => rebuildAgencyClosure(tx));
  await db.deleteFrom('agency_closure').execute();
  await sql`
    insert into agency_closure (ancestor_id, descendant_id, depth)
    with recursive tree (ancestor_id, descendant_id, depth) as (
      select id, id, 0 from agencies
      union all
      select t.ancestor_id, a.id, t.depth + 1 from tree t join agencies a on a.parent_id = t.descendant_id
    )
    select ancestor_id, descendant_id, depth from tree`.execute(db);
}
