import type { Kysely } from 'kysely';
import type { DB, IdentifierRow, PersonRow } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { type Actor, agencyScope, assertCan } from '../access/actor.ts';
import { visibleIdentifiers, visiblePersons } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { identifierAad, openFields } from '../victims/protection.ts';
import type { ImportRecord } from './import-format.ts';

type PersonRecord = NonNullable<ImportRecord['persons']>[number];

const PAGE = 500;
const iso = (d: Date | string | null) => (d === null ? undefined : new Date(d).toISOString());
const orUndef = <T>(v: T | null) => (v === null ? undefined : v);

/**
 * Every case the actor may read, in the import format, page by page (bounded memory).
 * Export → import into another installation reproduces the same records: the round trip is tested.
 */
export async function* exportRecords(
  db: Kysely<DB>,
  actor: Actor,
  options: {
    agencyId?: string;
    /**
     * Decrypt victims' identities into the export (an operator's backup or migration). Without it, protected
     * persons appear under their pseudonyms and their identifiers are left out.
     */
    revealWith?: Keyring;
  } = {},
): AsyncGenerator<ImportRecord> {
  assertCan(actor, 'export:read');
  let after: { agency_id: string; id: string } | null = null;
  let total = 0;
  let revealed = 0;
  for (;;) {
    let q = db
      .selectFrom('cases as c')
      .innerJoin('agencies as a', 'a.id', 'c.agency_id')
      .selectAll('c')
      .select('a.code as agency_code')
      .where(agencyScope(actor, 'c.agency_id'));
    if (options.agencyId) q = q.where('c.agency_id', '=', options.agencyId);
    if (after) {
      const a = after;
      q = q.where((eb) =>
        eb.or([
          eb('c.agency_id', '>', a.agency_id),
          eb.and([eb('c.agency_id', '=', a.agency_id), eb('c.id', '>', a.id)]),
        ]),
      );
    }
    const cases = await q.orderBy('c.agency_id').orderBy('c.id').limit(PAGE).execute();
    if (cases.length === 0) break;
    const keys = cases.map((c) => c.id);
    const [offences, persons, identifiers] = await Promise.all([
      db
        .selectFrom('case_offences')
        .selectAll()
        .where('case_id', 'in', keys)
        .orderBy('offence_code')
        .execute(),
      // Only persons and identifiers the role may see (access/fields.ts): an analyst exports no informants.
      db
        .selectFrom('persons')
        .selectAll()
        .where('case_id', 'in', keys)
        .where(visiblePersons(actor, 'persons'))
        .orderBy('id')
        .execute(),
      db
        .selectFrom('identifiers')
        .selectAll()
        .where('case_id', 'in', keys)
        .where(visibleIdentifiers(actor, 'identifiers'))
        .orderBy('id')
        .execute(),
    ]);
    const group = <T extends { case_id: string }>(rows: T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(r.case_id, [...(m.get(r.case_id) ?? []), r]);
      return m;
    };
    const offencesBy = group(offences);
    const personsBy = group(persons);
    const identifiersBy = group(identifiers);
    for (const c of cases) {
      const ids = identifiersBy.get(c.id) ?? [];
      const reveal = options.revealWith;
      const idOut = (i: IdentifierRow) => ({
        kind: i.kind,
        value: i.protected && reveal ? reveal.decrypt(i.value, identifierAad(i.agency_id, i.id)) : i.value,
        external_id: i.external_id ?? `id:${i.id}`,
      });
      const personOut = (p: PersonRow) => {
        const f = p.protected && reveal ? openFields(reveal, p.agency_id, p.id, p.sealed!) : p;
        if (p.protected && reveal) revealed++;
        return {
          external_id: p.external_id ?? `id:${p.id}`,
          role: p.role,
          full_name: f.full_name,
          aliases: f.aliases,
          relation_kind: orUndef(p.relation_kind) as PersonRecord['relation_kind'],
          relation_name: orUndef(f.relation_name),
          gender: orUndef(p.gender) as PersonRecord['gender'],
          birth_date: orUndef(f.birth_date),
          age: orUndef(p.age),
          age_recorded_on: orUndef(p.age_recorded_on),
          address: orUndef(f.address),
          pincode: orUndef(f.pincode),
          district_lgd_code: orUndef(p.district_lgd_code),
          notes: orUndef(f.notes),
          distribution: p.distribution,
          identifiers: ids.filter((i) => i.person_id === p.id && (!i.protected || reveal)).map(idOut),
          ...(p.protected && !reveal ? { pseudonym_only: true as const } : {}),
        };
      };
      yield {
        agency_code: c.agency_code,
        external_id: c.external_id ?? `id:${c.id}`,
        fir_number: orUndef(c.fir_number),
        fir_kind: c.fir_kind as ImportRecord['fir_kind'],
        gd_entry: orUndef(c.gd_entry),
        registered_at: iso(c.registered_at) as string,
        occurred_from: iso(c.occurred_from),
        occurred_to: iso(c.occurred_to),
        place: orUndef(c.place),
        pincode: orUndef(c.pincode),
        district_lgd_code: orUndef(c.district_lgd_code),
        status: c.status,
        procedure_code: c.procedure_code as ImportRecord['procedure_code'],
        summary: orUndef(c.summary),
        offences: (offencesBy.get(c.id) ?? []).map((o) => o.offence_code),
        distribution: c.distribution,
        persons: (personsBy.get(c.id) ?? []).map(personOut),
        identifiers: ids.filter((i) => !i.person_id).map(idOut),
      };
    }
    total += cases.length;
    const last = cases.at(-1)!;
    after = { agency_id: last.agency_id, id: last.id };
  }
  await recordAudit(db, actor, {
    action: 'export.cases',
    detail: { cases: total, agency_id: options.agencyId ?? null, protected_persons_revealed: revealed },
  });
}

/** One CSV row per person (a case without persons gets one row), in the columns `parseCsv` reads. */
export function recordToCsvRows(r: ImportRecord): Record<string, string | number | undefined>[] {
  const idList = (ids: { kind: string; value: string }[] | undefined) =>
    (ids ?? []).map((i) => `${i.kind}:${i.value}`).join(';');
  const caseCols = {
    agency_code: r.agency_code,
    case_external_id: r.external_id,
    fir_number: r.fir_number ?? undefined,
    fir_kind: r.fir_kind,
    gd_entry: r.gd_entry ?? undefined,
    registered_at: r.registered_at,
    occurred_from: r.occurred_from ?? undefined,
    occurred_to: r.occurred_to ?? undefined,
    place: r.place ?? undefined,
    pincode: r.pincode ?? undefined,
    district_lgd_code: r.district_lgd_code ?? undefined,
    status: r.status,
    procedure_code: r.procedure_code,
    summary: r.summary ?? undefined,
    offences: (r.offences ?? []).join(';'),
    distribution: r.distribution,
    case_identifiers: idList(r.identifiers),
  };
  const persons = r.persons ?? [];
  if (persons.length === 0) return [caseCols];
  return persons.map((p) => ({
    ...caseCols,
    person_external_id: p.external_id ?? undefined,
    person_role: p.role,
    person_full_name: p.full_name,
    person_aliases: (p.aliases ?? []).join(';'),
    person_relation_kind: p.relation_kind ?? undefined,
    person_relation_name: p.relation_name ?? undefined,
    person_gender: p.gender ?? undefined,
    person_birth_date: p.birth_date ?? undefined,
    person_age: p.age ?? undefined,
    person_age_recorded_on: p.age_recorded_on ?? undefined,
    person_address: p.address ?? undefined,
    person_pincode: p.pincode ?? undefined,
    person_district_lgd_code: p.district_lgd_code ?? undefined,
    person_notes: p.notes ?? undefined,
    person_identifiers: idList(p.identifiers),
    person_pseudonym_only: (p as { pseudonym_only?: true }).pseudonym_only ? 'true' : undefined,
  }));
}
