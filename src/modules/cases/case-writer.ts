import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { mapDbError } from '../../shared/db-errors.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { newId } from '../../shared/ids.ts';
import { correlateCases } from '../grid/correlate.ts';
import { storedIdentifier } from '../identifiers/normalise.ts';
import { bornOf, type KeyedPerson, writePersonKeys } from '../profiles/person-keys.ts';
import {
  canonicalFields,
  maskedFields,
  needsProtection,
  type ProtectedFields,
  personAad,
  pseudonym,
  resealIfChanged,
  reservePseudonyms,
} from '../victims/protection.ts';
import type { CaseInput, IdentifierInput } from './case.schemas.ts';

/**
 * The one write path for whole cases (a case with its offences, persons and identifiers), used by the API's
 * create and by bulk import. Rows are sent as one JSON document per table and chunk and expanded in SQL with
 * `jsonb_to_recordset`: a few statements per thousand cases instead of one per row, on both drivers.
 *
 * Records that carry an `external_id` are upserted by (agency, external id): re-importing the same file
 * changes nothing, and a changed record replaces its offences, persons and identifiers with the new ones.
 * Persons and identifiers without an external id get one derived from their position in the record.
 */
export interface CaseWrite {
  agencyId: string;
  input: CaseInput;
  createdBy: string | null;
  /** Prefix for error fields, e.g. `line 12: ` for imports. */
  fieldPrefix?: string;
}

export interface WriteResult {
  caseIds: string[];
  /** The ids of each case's persons, in the order of its input (a transfer pairs each copy with its original). */
  personIds: string[][];
  cases: number;
  persons: number;
  identifiers: number;
}

const CHUNK = 1000;

export async function writeCases(
  tx: Kysely<DB>,
  keyring: Keyring,
  writes: CaseWrite[],
  /** `correlate: false`: the caller correlates once the write is complete (a transfer links its copy first). */
  options: { correlate?: boolean } = {},
): Promise<WriteResult> {
  const result: WriteResult = { caseIds: [], personIds: [], cases: 0, persons: 0, identifiers: 0 };
  for (let i = 0; i < writes.length; i += CHUNK) {
    const part = await writeChunk(tx, keyring, writes.slice(i, i + CHUNK));
    result.caseIds.push(...part.caseIds);
    result.personIds.push(...part.personIds);
    result.cases += part.cases;
    result.persons += part.persons;
    result.identifiers += part.identifiers;
  }
  // The grid: deconfliction, re-trafficking and watchlist alerts for what was written (src/modules/grid).
  if (options.correlate === false) return result;
  const written = result.caseIds.map((caseId, i) => ({ agencyId: writes[i]!.agencyId, caseId }));
  await correlateCases(tx, keyring, written, { writtenBy: writes[0]?.createdBy ?? null });
  return result;
}

type Json = Record<string, unknown>;

/** What an existing row needs to be updated in place: its id, and for protected rows the stored ciphertext. */
interface Existing {
  id: string;
  protected: boolean;
  /** persons: the pseudonym in full_name; */
  full_name: string | null;
  /** persons: sealed identifying fields; identifiers: the sealed value. */
  sealed: string | null;
}

async function existingRows(
  tx: Kysely<DB>,
  table: 'cases' | 'persons' | 'identifiers',
  keys: { agency_id: string; external_id: string }[],
): Promise<Map<string, Existing>> {
  if (keys.length === 0) return new Map();
  const rows = await sql<Existing & { agency_id: string; external_id: string }>`
    select t.agency_id, t.external_id, t.id, coalesce((to_jsonb(t) ->> 'protected')::boolean, false) as protected,
      to_jsonb(t) ->> 'full_name' as full_name,
      coalesce(to_jsonb(t) ->> 'sealed', case when (to_jsonb(t) ->> 'protected')::boolean then to_jsonb(t) ->> 'value' end)
        as sealed
    from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(agency_id uuid, external_id text)
    join ${sql.table(table)} t on t.agency_id = k.agency_id and t.external_id = k.external_id`.execute(tx);
  return new Map(rows.rows.map((r) => [`${r.agency_id}|${r.external_id}`, r]));
}

async function writeChunk(tx: Kysely<DB>, keyring: Keyring, writes: CaseWrite[]): Promise<WriteResult> {
  const caseKeys = writes
    .filter((w) => w.input.external_id)
    .map((w) => ({ agency_id: w.agencyId, external_id: w.input.external_id as string }));
  const caseIdByKey = await existingRows(tx, 'cases', caseKeys);

  const caseRows: Json[] = [];
  const offenceRows: Json[] = [];
  const personRows: Json[] = [];
  const identifierRows: Json[] = [];
  const personKeys: { agency_id: string; external_id: string }[] = [];
  const identifierKeys: { agency_id: string; external_id: string }[] = [];

  // First pass: external ids of children, so existing rows keep their ids.
  const plans = writes.map((w) => {
    const caseExt = w.input.external_id ?? null;
    const persons = (w.input.persons ?? []).map((p, pi) => {
      const ext = p.external_id ?? (caseExt ? `${caseExt}/p${pi + 1}` : null);
      if (ext) personKeys.push({ agency_id: w.agencyId, external_id: ext });
      const ids = (p.identifiers ?? []).map((idf, ii) => {
        const iext = idf.external_id ?? (ext ? `${ext}/i${ii + 1}` : null);
        if (iext) identifierKeys.push({ agency_id: w.agencyId, external_id: iext });
        return { idf, ext: iext };
      });
      return { p, ext, ids };
    });
    const caseIdentifiers = (w.input.identifiers ?? []).map((idf, ii) => {
      const iext = idf.external_id ?? (caseExt ? `${caseExt}/i${ii + 1}` : null);
      if (iext) identifierKeys.push({ agency_id: w.agencyId, external_id: iext });
      return { idf, ext: iext };
    });
    return { w, caseExt, persons, caseIdentifiers };
  });
  const personIdByKey = await existingRows(tx, 'persons', personKeys);
  const identifierIdByKey = await existingRows(tx, 'identifiers', identifierKeys);
  const existing = (map: Map<string, Existing>, agencyId: string, ext: string | null) =>
    ext ? map.get(`${agencyId}|${ext}`) : undefined;
  const idFor = (map: Map<string, Existing>, agencyId: string, ext: string | null) =>
    existing(map, agencyId, ext)?.id ?? newId();

  // Pseudonyms for protected persons seen for the first time, reserved per agency in one statement each.
  const newProtected = new Map<string, number>();
  for (const { w, persons } of plans) {
    for (const { p, ext } of persons) {
      const known = existing(personIdByKey, w.agencyId, ext);
      if (needsProtection({ ...p, recordDate: w.input.registered_at }) && !known?.protected) {
        newProtected.set(w.agencyId, (newProtected.get(w.agencyId) ?? 0) + 1);
      }
    }
  }
  const nextPseudonym = new Map<string, { code: string; next: number }>();
  if (newProtected.size > 0) {
    const codes = await tx
      .selectFrom('agencies')
      .select(['id', 'code'])
      .where('id', 'in', [...newProtected.keys()])
      .execute();
    for (const a of codes) {
      nextPseudonym.set(a.id, {
        code: a.code,
        next: await reservePseudonyms(tx, a.id, newProtected.get(a.id) ?? 0),
      });
    }
  }

  const caseIds: string[] = [];
  const personIds: string[][] = [];
  // Plain names for the screening keys (hashed before they are stored; victims' names never in clear).
  const keyed: KeyedPerson[] = [];
  for (const { w, caseExt, persons, caseIdentifiers } of plans) {
    const c = w.input;
    const pre = w.fieldPrefix ?? '';
    const agencyId = w.agencyId;
    const caseId = idFor(caseIdByKey, agencyId, caseExt);
    caseIds.push(caseId);
    const casePersonIds: string[] = [];
    personIds.push(casePersonIds);
    caseRows.push({
      agency_id: agencyId,
      id: caseId,
      external_id: caseExt,
      fir_number: c.fir_number ?? null,
      fir_kind: c.fir_kind ?? 'fir',
      gd_entry: c.gd_entry ?? null,
      registered_at: c.registered_at,
      occurred_from: c.occurred_from ?? null,
      occurred_to: c.occurred_to ?? null,
      place: c.place ?? null,
      pincode: c.pincode ?? null,
      district_lgd_code: c.district_lgd_code ?? null,
      status: c.status ?? 'registered',
      procedure_code: c.procedure_code,
      summary: c.summary ?? null,
      distribution: c.distribution ?? 'agency',
      sharing_group_id: c.distribution === 'group' ? (c.sharing_group_id ?? null) : null,
      created_by: w.createdBy,
    });
    for (const code of new Set(c.offences ?? [])) {
      offenceRows.push({ agency_id: agencyId, case_id: caseId, offence_code: code });
    }
    const pushIdentifier = (
      item: { idf: IdentifierInput; ext: string | null },
      personId: string | null,
      field: string,
      isProtected: boolean,
    ) => {
      const known = existing(identifierIdByKey, agencyId, item.ext);
      const id = known?.id ?? newId();
      identifierRows.push({
        agency_id: agencyId,
        id,
        case_id: caseId,
        person_id: personId,
        external_id: item.ext,
        kind: item.idf.kind,
        // A protected person's phone or UPI id is stored sealed, and matched through a blind index.
        ...storedIdentifier(keyring, agencyId, id, isProtected, item.idf, `${field}.value`, known?.sealed),
        distribution: c.distribution ?? 'agency',
        sharing_group_id: c.distribution === 'group' ? (c.sharing_group_id ?? null) : null,
      });
    };
    persons.forEach(({ p, ext, ids }, pi) => {
      const known = existing(personIdByKey, agencyId, ext);
      const personId = known?.id ?? newId();
      casePersonIds.push(personId);
      const isProtected = known?.protected === true || needsProtection({ ...p, recordDate: c.registered_at });
      const fields: ProtectedFields = {
        full_name: p.full_name,
        aliases: p.aliases ?? [],
        relation_name: p.relation_name ?? null,
        birth_date: p.birth_date ?? null,
        address: p.address ?? null,
        pincode: p.pincode ?? null,
        notes: p.notes ?? null,
      };
      const ageRecordedOn = p.age_recorded_on ?? (p.age != null ? c.registered_at.slice(0, 10) : null);
      keyed.push({
        agency_id: agencyId,
        id: personId,
        full_name: fields.full_name,
        aliases: fields.aliases,
        relation_name: fields.relation_name,
        // A protected person's birth date is sealed: her keys' birth year comes from her age only.
        born: bornOf({
          birth_date: isProtected ? null : p.birth_date,
          age: p.age,
          age_recorded_on: ageRecordedOn,
        }),
      });
      let shown = fields;
      let sealed: string | null = null;
      if (isProtected) {
        let name = known?.protected ? known.full_name : null;
        if (!name) {
          const counter = nextPseudonym.get(agencyId)!;
          name = pseudonym(p.role, counter.code, counter.next++);
        }
        shown = { ...maskedFields, full_name: name };
        sealed = resealIfChanged(
          keyring,
          personAad(agencyId, personId),
          canonicalFields(fields),
          known?.sealed,
        );
      }
      personRows.push({
        agency_id: agencyId,
        id: personId,
        case_id: caseId,
        external_id: ext,
        role: p.role,
        ...shown,
        relation_kind: p.relation_kind ?? null,
        gender: p.gender ?? null,
        age: p.age ?? null,
        age_recorded_on: ageRecordedOn,
        district_lgd_code: p.district_lgd_code ?? null,
        distribution: p.distribution ?? c.distribution ?? 'agency',
        sharing_group_id:
          (p.distribution ?? c.distribution) === 'group' ? (c.sharing_group_id ?? null) : null,
        protected: isProtected,
        sealed,
      });
      ids.forEach((item, ii) => {
        pushIdentifier(item, personId, `${pre}persons.${pi}.identifiers.${ii}`, isProtected);
      });
    });
    caseIdentifiers.forEach((item, ii) => {
      pushIdentifier(item, null, `${pre}identifiers.${ii}`, false);
    });
  }

  try {
    await upsertCases(tx, caseRows);
    const caseSet = JSON.stringify(caseRows.map((r) => ({ agency_id: r.agency_id, id: r.id })));
    // Children not in the new version of a case are removed: the record in the file is the truth.
    await sql`delete from case_offences o using jsonb_to_recordset(${caseSet}::jsonb) as k(agency_id uuid, id uuid)
      where o.agency_id = k.agency_id and o.case_id = k.id`.execute(tx);
    if (offenceRows.length > 0) {
      await sql`insert into case_offences (agency_id, case_id, offence_code)
        select agency_id, case_id, offence_code
        from jsonb_to_recordset(${JSON.stringify(offenceRows)}::jsonb) as r(agency_id uuid, case_id uuid, offence_code text)`.execute(
        tx,
      );
    }
    await deleteOrphans(tx, 'identifiers', caseSet, identifierRows);
    await deleteOrphans(tx, 'persons', caseSet, personRows);
    if (personRows.length > 0) await upsertPersons(tx, personRows);
    if (identifierRows.length > 0) await upsertIdentifiers(tx, identifierRows);
    await writePersonKeys(tx, keyring, keyed);
  } catch (err) {
    mapDbError(err);
  }
  return {
    caseIds,
    personIds,
    cases: caseRows.length,
    persons: personRows.length,
    identifiers: identifierRows.length,
  };
}

async function deleteOrphans(
  tx: Kysely<DB>,
  table: 'persons' | 'identifiers',
  caseSet: string,
  keep: Json[],
) {
  const kept = JSON.stringify(keep.map((r) => ({ id: r.id })));
  await sql`delete from ${sql.table(table)} t using jsonb_to_recordset(${caseSet}::jsonb) as k(agency_id uuid, id uuid)
    where t.agency_id = k.agency_id and t.case_id = k.id
      and not exists (select 1 from jsonb_to_recordset(${kept}::jsonb) as n(id uuid) where n.id = t.id)`.execute(
    tx,
  );
}

async function upsertCases(tx: Kysely<DB>, rows: Json[]) {
  await sql`
    insert into cases (agency_id, id, external_id, fir_number, fir_kind, gd_entry, registered_at, occurred_from,
      occurred_to, place, pincode, state_lgd_code, district_lgd_code, status, procedure_code, summary, distribution,
      sharing_group_id, created_by)
    select r.agency_id, r.id, r.external_id, r.fir_number, r.fir_kind, r.gd_entry, r.registered_at, r.occurred_from,
      r.occurred_to, r.place, r.pincode, d.state_lgd_code, r.district_lgd_code, r.status, r.procedure_code, r.summary,
      r.distribution, r.sharing_group_id, r.created_by
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(agency_id uuid, id uuid, external_id text,
      fir_number text, fir_kind text, gd_entry text, registered_at timestamptz, occurred_from timestamptz,
      occurred_to timestamptz, place text, pincode text, district_lgd_code integer, status text, procedure_code text,
      summary text, distribution text, sharing_group_id uuid, created_by uuid)
    left join districts d on d.lgd_code = r.district_lgd_code
    on conflict (agency_id, id) do update set
      external_id = excluded.external_id, fir_number = excluded.fir_number, fir_kind = excluded.fir_kind,
      gd_entry = excluded.gd_entry, registered_at = excluded.registered_at, occurred_from = excluded.occurred_from,
      occurred_to = excluded.occurred_to, place = excluded.place, pincode = excluded.pincode,
      state_lgd_code = excluded.state_lgd_code, district_lgd_code = excluded.district_lgd_code,
      status = excluded.status, procedure_code = excluded.procedure_code, summary = excluded.summary,
      distribution = excluded.distribution, sharing_group_id = excluded.sharing_group_id, updated_at = now(),
      version = cases.version + 1
    where (cases.external_id, cases.fir_number, cases.fir_kind, cases.gd_entry, cases.registered_at,
      cases.occurred_from, cases.occurred_to, cases.place, cases.pincode, cases.district_lgd_code, cases.status,
      cases.procedure_code, cases.summary, cases.distribution, cases.sharing_group_id)
      is distinct from (excluded.external_id, excluded.fir_number, excluded.fir_kind, excluded.gd_entry,
      excluded.registered_at, excluded.occurred_from, excluded.occurred_to, excluded.place, excluded.pincode,
      excluded.district_lgd_code, excluded.status, excluded.procedure_code, excluded.summary, excluded.distribution,
      excluded.sharing_group_id)`.execute(tx);
}

async function upsertPersons(tx: Kysely<DB>, rows: Json[]) {
  await sql`
    insert into persons (agency_id, id, case_id, external_id, role, full_name, aliases, relation_kind, relation_name,
      gender, birth_date, age, age_recorded_on, address, pincode, district_lgd_code, notes, distribution,
      sharing_group_id, protected, sealed)
    select agency_id, id, case_id, external_id, role, full_name, aliases, relation_kind, relation_name, gender,
      birth_date, age, age_recorded_on, address, pincode, district_lgd_code, notes, distribution, sharing_group_id,
      protected, sealed
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(agency_id uuid, id uuid, case_id uuid,
      external_id text, role text, full_name text, aliases text[], relation_kind text, relation_name text,
      gender text, birth_date date, age integer, age_recorded_on date, address text, pincode text,
      district_lgd_code integer, notes text, distribution text, sharing_group_id uuid, protected boolean, sealed text)
    on conflict (agency_id, id) do update set
      case_id = excluded.case_id, external_id = excluded.external_id, role = excluded.role,
      full_name = excluded.full_name, aliases = excluded.aliases, relation_kind = excluded.relation_kind,
      relation_name = excluded.relation_name, gender = excluded.gender, birth_date = excluded.birth_date,
      age = excluded.age, age_recorded_on = excluded.age_recorded_on, address = excluded.address,
      pincode = excluded.pincode, district_lgd_code = excluded.district_lgd_code, notes = excluded.notes,
      distribution = excluded.distribution, sharing_group_id = excluded.sharing_group_id,
      protected = excluded.protected, sealed = excluded.sealed,
      updated_at = now(), version = persons.version + 1
    where (persons.sealed, persons.case_id, persons.role, persons.full_name, persons.aliases, persons.relation_kind,
      persons.relation_name, persons.gender, persons.birth_date, persons.age, persons.age_recorded_on,
      persons.address, persons.pincode, persons.district_lgd_code, persons.notes, persons.distribution,
      persons.sharing_group_id)
      is distinct from (excluded.sealed, excluded.case_id, excluded.role, excluded.full_name, excluded.aliases,
      excluded.relation_kind, excluded.relation_name, excluded.gender, excluded.birth_date, excluded.age,
      excluded.age_recorded_on, excluded.address, excluded.pincode, excluded.district_lgd_code, excluded.notes,
      excluded.distribution, excluded.sharing_group_id)`.execute(tx);
}

async function upsertIdentifiers(tx: Kysely<DB>, rows: Json[]) {
  await sql`
    insert into identifiers (agency_id, id, case_id, person_id, external_id, kind, value, normalised, protected,
      distribution, sharing_group_id)
    select agency_id, id, case_id, person_id, external_id, kind, value, normalised, protected, distribution,
      sharing_group_id
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(agency_id uuid, id uuid, case_id uuid,
      person_id uuid, external_id text, kind text, value text, normalised text, protected boolean,
      distribution text, sharing_group_id uuid)
    on conflict (agency_id, id) do update set
      case_id = excluded.case_id, person_id = excluded.person_id, external_id = excluded.external_id,
      kind = excluded.kind, value = excluded.value, normalised = excluded.normalised,
      protected = excluded.protected, distribution = excluded.distribution,
      sharing_group_id = excluded.sharing_group_id
    where (identifiers.case_id, identifiers.person_id, identifiers.kind, identifiers.value, identifiers.distribution)
      is distinct from (excluded.case_id, excluded.person_id, excluded.kind, excluded.value, excluded.distribution)`.execute(
    tx,
  );
}

/**
 * Offence codes and district codes checked before writing, so each bad one is reported with its field
 * (`offences.2`, `persons.0.district_lgd_code`) rather than as a foreign-key failure of the whole batch.
 */
export async function referenceProblems(
  db: Kysely<DB>,
  inputs: { prefix: string; input: Partial<CaseInput> }[],
): Promise<{ field: string; message: string }[]> {
  const [offences, districts] = await Promise.all([
    db.selectFrom('offence_codes').select('code').execute(),
    db.selectFrom('districts').select('lgd_code').execute(),
  ]);
  const offenceSet = new Set(offences.map((o) => o.code));
  const districtSet = new Set(districts.map((d) => d.lgd_code));
  const problems: { field: string; message: string }[] = [];
  for (const { prefix, input } of inputs) {
    (input.offences ?? []).forEach((code, i) => {
      if (!offenceSet.has(code))
        problems.push({ field: `${prefix}offences.${i}`, message: `unknown offence code ${code}` });
    });
    if ((input.distribution === 'group') !== (input.sharing_group_id != null)) {
      problems.push({
        field: `${prefix}sharing_group_id`,
        message: 'is given exactly when distribution is group',
      });
    }
    if (input.distribution !== 'group' && (input.persons ?? []).some((p) => p.distribution === 'group')) {
      problems.push({
        field: `${prefix}persons`,
        message: 'a person can be shared with a group only when the case is',
      });
    }
    if (input.district_lgd_code != null && !districtSet.has(input.district_lgd_code)) {
      problems.push({ field: `${prefix}district_lgd_code`, message: 'unknown district LGD code' });
    }
    (input.persons ?? []).forEach((p, i) => {
      if (p.district_lgd_code != null && !districtSet.has(p.district_lgd_code)) {
        problems.push({
          field: `${prefix}persons.${i}.district_lgd_code`,
          message: 'unknown district LGD code',
        });
      }
    });
  }
  return problems;
}
