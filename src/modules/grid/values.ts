import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB, IdentifierKind } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { normaliseIdentifier } from '../identifiers/normalise.ts';
import { identifierAad } from '../victims/protection.ts';

/**
 * The values the grid correlates, and the two rules that keep it useful: the warning list (values that must
 * never correlate) and the cap on over-common values (MISP's lesson: a value in hundreds of cases links
 * everything to everything and hides the links that matter). See docs/grid.md.
 */

/**
 * Kinds that correlate. Two never do on their own: a masked Aadhaar keeps only the last four digits (Aadhaar Act
 * s.29), which one in ten thousand people share, and a PIN code is shared by a whole postal area. Both are
 * evidence for person resolution, not links.
 */
export const correlatedKinds = [
  'phone',
  'email',
  'upi',
  'bank_account',
  'vehicle',
  'social_handle',
  'url',
  'domain',
  'ip',
  'address',
] as const satisfies readonly IdentifierKind[];
export type CorrelatedKind = (typeof correlatedKinds)[number];

function isCorrelated(kind: string): kind is CorrelatedKind {
  return (correlatedKinds as readonly string[]).includes(kind);
}

/**
 * Whether a value links records on its own: its kind correlates, and an IP address is IPv6. An IPv4 address is
 * shared by thousands of mobile subscribers behind carrier-grade NAT (how Indian mobile networks connect their
 * users): without the time and source port it names no one, so it is kept, searched and shown, never linked.
 */
export function correlates(p: { kind: string; plain: string | null }): boolean {
  if (!isCorrelated(p.kind)) return false;
  if (p.kind === 'ip') return p.plain?.includes(':') === true;
  return true;
}

/**
 * Statuses of a case no longer worked on by its agency: no deconfliction is needed with it. A `transferred` case
 * is the sender's read-only trace of a case another agency now works on its own copy (the copy is the open one;
 * without this the trace and the copy would be deconflicted with each other).
 */
export const finishedStatuses = ['closed', 'convicted', 'acquitted', 'final_report', 'transferred'] as const;
export function isOpenStatus(status: string): boolean {
  return !(finishedStatuses as readonly string[]).includes(status);
}

/**
 * One value as the grid matches it: every form it can be stored in. A plain identifier is stored normalised; a
 * protected person's (a victim's) as a keyed blind index of that normalised form. A probe whose plain form is
 * unknown (only a blind index) matches only other blind indexes.
 */
export interface Probe {
  kind: IdentifierKind;
  plain: string | null;
  blind: string;
  forms: string[];
}

export const isBlindIndex = (stored: string) => stored.startsWith('bi:');

export function probeOf(keyring: Keyring, kind: IdentifierKind, normalised: string): Probe {
  if (isBlindIndex(normalised)) return { kind, plain: null, blind: normalised, forms: [normalised] };
  const blind = keyring.blindIndex(normalised);
  return { kind, plain: normalised, blind, forms: [normalised, blind] };
}

/**
 * The probe of a stored identifier row. A protected value is opened on the server to find its plain form, so a
 * victim's phone also matches the same number recorded in plain elsewhere; the plain form never leaves the
 * server.
 */
export function probeOfStored(
  keyring: Keyring,
  row: {
    agency_id: string;
    id: string;
    kind: IdentifierKind;
    value: string;
    normalised: string;
    protected: boolean;
  },
): Probe {
  if (row.protected) {
    try {
      const plain = normaliseIdentifier(
        row.kind,
        keyring.decrypt(row.value, identifierAad(row.agency_id, row.id)),
      );
      if (keyring.blindIndex(plain) === row.normalised) return probeOf(keyring, row.kind, plain);
    } catch {
      // An unreadable value still matches by its blind index.
    }
  }
  return probeOf(keyring, row.kind, row.normalised);
}

export const probeKey = (p: Probe) => `${p.kind}|${p.blind}`;

/* ---------- thresholds ---------- */

export interface GridSettings {
  /** A value held by more than this many cases is too common to link. */
  commonValueCases: number;
  /** … or by more than this many agencies. */
  commonValueAgencies: number;
}

export async function gridSettings(db: Kysely<DB>): Promise<GridSettings> {
  const rows = await db.selectFrom('grid_settings').select(['key', 'value']).execute();
  const get = (k: string, fallback: number) => rows.find((r) => r.key === k)?.value ?? fallback;
  return {
    commonValueCases: get('common_value_cases', 50),
    commonValueAgencies: get('common_value_agencies', 15),
  };
}

/* ---------- warning list ---------- */

export interface WarningEntry {
  id: string | null;
  /** Null: national (every record); otherwise only that agency's records. */
  agencyId: string | null;
  kind: IdentifierKind;
  reason: string;
}

/*
 * Normalising a phone (libphonenumber) and computing a blind index (HMAC) cost microseconds each, but the list is
 * rebuilt on every correlation from a few hundred values (every agency's contact phone): both are pure
 * functions of their input, so they are remembered.
 */
const normalisedMemo = new Map<string, string | null>();
function normalisedOrNull(kind: IdentifierKind, value: string): string | null {
  const key = `${kind}|${value}`;
  let form = normalisedMemo.get(key);
  if (form === undefined) {
    try {
      form = normaliseIdentifier(kind, value);
    } catch {
      form = null; // a value today's normaliser refuses can still be stored in its old form
    }
    if (normalisedMemo.size > 50_000) normalisedMemo.clear();
    normalisedMemo.set(key, form);
  }
  return form;
}
const blindMemo = new WeakMap<Keyring, Map<string, string>>();
function blindIndexOf(keyring: Keyring, form: string): string {
  let memo = blindMemo.get(keyring);
  if (!memo || memo.size > 50_000) {
    memo = new Map();
    blindMemo.set(keyring, memo);
  }
  let blind = memo.get(form);
  if (blind === undefined) {
    blind = keyring.blindIndex(form);
    memo.set(form, blind);
  }
  return blind;
}

/**
 * The warning list as matching uses it: every entry under each form its value can be stored in. Loaded per
 * correlation (a few hundred rows: the list and the agencies' own contact numbers).
 */
export class WarningList {
  readonly #byForm = new Map<string, WarningEntry[]>();

  add(keyring: Keyring, entry: WarningEntry, value: string, storedNormalised?: string): void {
    const forms = new Set<string>();
    const normalised = normalisedOrNull(entry.kind, value);
    if (normalised) forms.add(normalised);
    if (storedNormalised) forms.add(storedNormalised);
    for (const f of [...forms]) forms.add(blindIndexOf(keyring, f));
    for (const f of forms) {
      const key = `${entry.kind}|${f}`;
      const list = this.#byForm.get(key) ?? [];
      list.push(entry);
      this.#byForm.set(key, list);
    }
  }

  /** The entry that stops `probe` correlating for a record of `agencyId`: national, or that agency's own. */
  stops(probe: Probe, agencyId: string | null): WarningEntry | undefined {
    const entries = probe.forms.flatMap((f) => this.#byForm.get(`${probe.kind}|${f}`) ?? []);
    return entries.find((e) => e.agencyId === null) ?? entries.find((e) => e.agencyId === agencyId);
  }

  /** Agency entries for these probes, as (kind, stored form, agency) rows that matching leaves out. */
  exclusions(probes: Probe[]): { kind: string; form: string; agency_id: string }[] {
    const out: { kind: string; form: string; agency_id: string }[] = [];
    for (const p of probes) {
      for (const form of p.forms) {
        for (const e of this.#byForm.get(`${p.kind}|${form}`) ?? []) {
          if (e.agencyId) out.push({ kind: p.kind, form, agency_id: e.agencyId });
        }
      }
    }
    return out;
  }
}

/*
 * The list as last built, per database handle: rebuilding it (the entries and every agency's contact number, a few
 * hundred values) cost about a millisecond a call, twice per phone screening. A one-row stamp of both sources,
 * read each call, says whether it is still current, so an entry added or removed by another server process, or
 * an agency's new number, counts from the next call on.
 */
const builtLists = new WeakMap<Kysely<DB>, { stamp: string; keyring: Keyring; list: WarningList }>();

async function warningListStamp(db: Kysely<DB>): Promise<string> {
  const row = await sql<{ stamp: string }>`
    select (select count(*) || ':' || coalesce(max(created_at)::text, '') || ':' || count(removed_at) || ':'
              || coalesce(max(removed_at)::text, '') from grid_warning_list)
      || '|' || (select md5(coalesce(string_agg(id::text || '=' || contact_phone || '=' || name, ',' order by id), ''))
              from agencies where contact_phone is not null) as stamp`.execute(db);
  return row.rows[0]?.stamp ?? '';
}

export async function loadWarningList(db: Kysely<DB>, keyring: Keyring): Promise<WarningList> {
  // A transaction is a handle of its own, never reused: no stamp to read, the list is built for it.
  if (db.isTransaction) return buildWarningList(db, keyring);
  const stamp = await warningListStamp(db);
  const built = builtLists.get(db);
  if (built && built.stamp === stamp && built.keyring === keyring) return built.list;
  const list = await buildWarningList(db, keyring);
  builtLists.set(db, { stamp, keyring, list });
  return list;
}

async function buildWarningList(db: Kysely<DB>, keyring: Keyring): Promise<WarningList> {
  const list = new WarningList();
  const rows = await db
    .selectFrom('grid_warning_list')
    .select(['id', 'agency_id', 'kind', 'value', 'normalised', 'reason'])
    .where('removed_at', 'is', null)
    .execute();
  for (const r of rows) {
    list.add(
      keyring,
      { id: r.id, agencyId: r.agency_id, kind: r.kind, reason: r.reason },
      r.value,
      r.normalised,
    );
  }
  // An agency's own published number (a police station's, a CWC's) is in many records and links none of them.
  const agencies = await db
    .selectFrom('agencies')
    .select(['name', 'contact_phone'])
    .where('contact_phone', 'is not', null)
    .execute();
  for (const a of agencies) {
    list.add(
      keyring,
      { id: null, agencyId: null, kind: 'phone', reason: `Contact number of ${a.name}` },
      a.contact_phone as string,
    );
  }
  return list;
}

/* ---------- over-common values ---------- */

export interface ValueCount {
  /** Cases holding the value (counted up to a bound: "at least"). */
  cases: number;
  agencies: number;
  tooCommon: boolean;
}

/**
 * How many cases and agencies hold each value, reading at most ten rows per allowed case from the index
 * (identifiers_value_case), so a value held a million times costs no more than one just over the cap.
 */
export async function countValues(
  db: Kysely<DB>,
  probes: Probe[],
  settings: GridSettings,
  exclusions: { kind: string; form: string; agency_id: string }[],
): Promise<Map<string, ValueCount>> {
  const out = new Map<string, ValueCount>();
  if (probes.length === 0) return out;
  const bound = (settings.commonValueCases + 1) * 10;
  const values = probes.map((p, n) => ({ n, kind: p.kind, f1: p.forms[0], f2: p.forms[1] ?? null }));
  const rows = await sql<{ n: number; cases: number; agencies: number; total: number }>`
    select v.n, count(distinct x.case_id)::int as cases, count(distinct x.agency_id)::int as agencies,
      count(*)::int as total
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(n int, kind text, f1 text, f2 text)
    cross join lateral (
      select i.agency_id, i.case_id from identifiers i
      where i.kind = v.kind and i.normalised in (v.f1, v.f2)
        and not exists (select 1 from jsonb_to_recordset(${JSON.stringify(exclusions)}::jsonb)
          as e(kind text, form text, agency_id uuid)
          where e.kind = i.kind and e.form = i.normalised and e.agency_id = i.agency_id)
      limit ${bound}) x
    group by v.n`.execute(db);
  for (const r of rows.rows) {
    const p = probes[r.n]!;
    out.set(probeKey(p), {
      cases: r.cases,
      agencies: r.agencies,
      tooCommon:
        r.cases > settings.commonValueCases || r.agencies > settings.commonValueAgencies || r.total >= bound,
    });
  }
  return out;
}
