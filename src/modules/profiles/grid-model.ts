import { createHash } from 'node:crypto';
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import type { PersonInput } from '../cases/case.schemas.ts';
import { normaliseIdentifier } from '../identifiers/normalise.ts';
import type { ComparisonKey } from '../resolution/comparisons.ts';
import { buildComparisons, type ValueFrequencies } from '../resolution/comparisons.ts';
import { RESOLUTION_THRESHOLDS } from '../resolution/constants.ts';
import { prepareRecords } from '../resolution/features.ts';
import { type Explanation, type FieldModel, PairScorer, type ResolutionModel } from '../resolution/model.ts';
import type { PersonRecord } from '../resolution/record.ts';
import { resolve } from '../resolution/resolve.ts';
import { generateSynthetic } from '../synthetic/generate.ts';
import { identifierAad, openFields } from '../victims/protection.ts';

/**
 * The model the grid scores persons with (screening, matching a new record, the review queue): m and u of each
 * comparison level, estimated by EM (resolution/resolve.ts) on a sample of the records in the database — the
 * agencies' own data. A database too small to learn from (a new install, a test) is topped up with synthetic
 * India records, so a first screening is not scored by a model learnt from ten people.
 *
 * Scoring a handful of candidates then builds features for just those records and applies the stored weights
 * and the term frequencies of the records the model learnt from (frequencies counted in a candidate list would
 * say nothing about the population), so a shared "Kumar" or "Devi" weighs as little as it does in `resolve()`.
 */
export interface GridModel {
  version: string;
  lambda: number;
  fields: Map<ComparisonKey, FieldModel>;
  trainedOn: { records: number; synthetic: number };
  /**
   * The training records' term frequencies: the commonest values of each field and the share of names holding
   * each name word, capped in size (resolution/comparisons.ts ValueFrequencies). Null: no adjustment.
   */
  frequencies: ValueFrequencies | null;
}

/** Records sampled to learn from, and the fewest real ones before synthetic records are added. */
const SAMPLE = 20_000;
const MIN_REAL = 2_000;
/** A model older than this is learnt again on the next use. */
const MAX_AGE_MS = 24 * 3_600_000;

export interface PersonRowForModel {
  agency_id: string;
  id: string;
  full_name: string;
  aliases: string[] | null;
  relation_kind: string | null;
  relation_name: string | null;
  gender: string | null;
  birth_date: string | null;
  age: number | null;
  age_recorded_on: string | null;
  address: string | null;
  pincode: string | null;
  protected: boolean;
  sealed: string | null;
  phone: string | null;
}

/**
 * The relation as resolution reads it, with its kind ("d/o Kartik Das"): a husband's name is never compared with
 * a father's (resolution/names.ts parseRelation).
 */
export function relationText(
  kind: string | null | undefined,
  name: string | null | undefined,
): string | null {
  return name ? `${kind ? `${kind} ` : ''}${name}` : null;
}

/**
 * The name with the person's aliases written the way records write them ("Ramesh Yadav @ Kalia @ Pappu"), which
 * resolution parses back into the name and its aliases (resolution/names.ts parseName).
 */
export function withAliases(
  name: string | null,
  aliases: readonly string[] | null | undefined,
): string | null {
  if (!name || !aliases || aliases.length === 0) return name;
  return [name, ...aliases.map((a) => a.replace(/@/g, ' ').trim()).filter((a) => a !== '')].join(' @ ');
}

/** Identifier kinds that say who a person is, offered to resolution's `identifier` field. */
const PERSONAL_IDENTIFIERS = ['upi', 'bank_account', 'vehicle', 'social_handle'];

/** A person as the case API or an import file gives it (before it is stored), as a resolution record. */
export function personRecordFromInput(id: string, p: PersonInput, recordDate?: string): PersonRecord {
  const ids = p.identifiers ?? [];
  const other = ids.find((i) => PERSONAL_IDENTIFIERS.includes(i.kind));
  return {
    id,
    full_name: withAliases(p.full_name ?? null, p.aliases),
    relation_name: relationText(p.relation_kind, p.relation_name),
    gender: p.gender ?? null,
    birth_date: p.birth_date ?? null,
    age: p.age == null ? null : String(p.age),
    record_date: p.age_recorded_on ?? (p.age == null ? null : (recordDate ?? null)),
    address_line1: p.address ?? null,
    postcode: p.pincode ?? null,
    phone: ids.find((i) => i.kind === 'phone')?.value ?? null,
    email: ids.find((i) => i.kind === 'email')?.value ?? null,
    identifier: other ? `${other.kind}:${other.value}` : null,
  };
}

/**
 * The phone personRowsQuery found: a plain one as stored, or a victim's sealed one (`~<identifier id>~<ciphertext>`)
 * opened in memory — a rescued child who gives the family phone again is the same child, and correlation already
 * matches that phone (grid/values.ts probeOfStored); person matching must see it too. Unreadable: no phone.
 */
function openPhone(keyring: Keyring, row: PersonRowForModel): string | null {
  const phone = row.phone;
  if (!phone?.startsWith('~')) return phone;
  const [, id, sealed] = phone.split('~');
  try {
    return normaliseIdentifier('phone', keyring.decrypt(sealed!, identifierAad(row.agency_id, id!)));
  } catch {
    return null;
  }
}

/** A stored person as a resolution record; a victim's sealed fields are opened in memory only. */
export function personRecordOf(keyring: Keyring, row: PersonRowForModel): PersonRecord {
  const plain = row.protected && row.sealed ? openFields(keyring, row.agency_id, row.id, row.sealed) : row;
  return {
    id: `${row.agency_id}/${row.id}`,
    full_name: withAliases(plain.full_name, plain.aliases),
    relation_name: relationText(row.relation_kind, plain.relation_name),
    gender: row.gender,
    birth_date: plain.birth_date,
    age: row.age == null ? null : String(row.age),
    record_date: row.age_recorded_on,
    address_line1: plain.address,
    postcode: plain.pincode,
    phone: openPhone(keyring, row),
  };
}

/**
 * The columns personRecordOf needs, with the person's first phone (sealed for a victim) — unless `phone: false` (a
 * query without a phone compares none, and the look-up is a good part of a candidate's cost). `phoneShown`, a
 * condition on the identifier `i` and the person `p`, keeps only the phones it allows (screening: none the
 * caller's role may not see on a record it reads, so such a phone never scores a link).
 */
export function personRowsQuery(
  db: Kysely<DB>,
  options: { phone?: boolean; phoneShown?: RawBuilder<SqlBool> } = {},
) {
  return db.selectFrom('persons as p').select([
    'p.agency_id',
    'p.id',
    'p.full_name',
    'p.aliases',
    'p.relation_kind',
    'p.relation_name',
    'p.gender',
    'p.birth_date',
    'p.age',
    'p.age_recorded_on',
    'p.address',
    'p.pincode',
    'p.protected',
    'p.sealed',
    options.phone === false
      ? sql<string | null>`null::text`.as('phone')
      : // A sealed phone comes as `~<id>~<ciphertext>` for personRecordOf to open (E.164 never starts with ~).
        sql<string | null>`(select case when i.protected then '~' || i.id::text || '~' || i.value
            else i.normalised end
          from identifiers i where i.agency_id = p.agency_id
          and i.person_id = p.id and i.kind = 'phone'${options.phoneShown ? sql` and ${options.phoneShown}` : sql``}
          order by i.id limit 1)`.as('phone'),
  ]);
}

let population: PersonRecord[] | null = null;

/**
 * Synthetic India persons (deterministic) to learn from when the database holds too few records of its own:
 * EM needs a population, and ten people are not one. Their pairs are never reported or linked.
 */
export function syntheticPopulation(): PersonRecord[] {
  if (population) return population;
  const data = generateSynthetic({ cases: 600, seed: 20_261_125 });
  population = data.records.flatMap((c) =>
    (c.persons ?? []).map((p, k) =>
      personRecordFromInput(`synthetic/${c.external_id}/${k}`, p, c.registered_at.slice(0, 10)),
    ),
  );
  return population;
}

export const MIN_REAL_RECORDS = MIN_REAL;

let cached: { model: GridModel; at: number } | null = null;
let training: Promise<GridModel> | null = null;

/** The current model, learnt on first use and again once a day. */
export async function gridModel(db: Kysely<DB>, keyring: Keyring): Promise<GridModel> {
  if (cached && Date.now() - cached.at < MAX_AGE_MS) return cached.model;
  training ??= trainGridModel(db, keyring).finally(() => {
    training = null;
  });
  const model = await training;
  cached = { model, at: Date.now() };
  return model;
}

/** Forgets the cached model (after a large import, or in tests). */
export function forgetGridModel(): void {
  cached = null;
}

export async function trainGridModel(db: Kysely<DB>, keyring: Keyring): Promise<GridModel> {
  // A deterministic spread sample: ids are UUIDv7 (time-ordered), so hash them to sample across time.
  const rows = await personRowsQuery(db).orderBy(sql`md5(p.id::text)`).limit(SAMPLE).execute();
  const records = rows.map((r) => personRecordOf(keyring, r));
  const synthetic = records.length < MIN_REAL ? syntheticPopulation() : [];
  records.push(...synthetic);
  return gridModelOf(resolve(records).model, records.length - synthetic.length, synthetic.length);
}

/**
 * The grid model a resolution run learnt. Its version names the day, how many records it saw and a digest of
 * what it learnt (λ, m and u of every level, the term frequencies): two models that score differently never share
 * a version, and the version stored with a link or a review item names the model that made it.
 */
export function gridModelOf(model: ResolutionModel, real: number, synthetic: number): GridModel {
  const fields = new Map<ComparisonKey, FieldModel>();
  for (const f of model.fields) fields.set(f.key, f);
  const frequencies = model.frequencies ?? null;
  return {
    version: `em-${new Date().toISOString().slice(0, 10)}-${real + synthetic}-${modelDigest(model.lambda, model.fields, frequencies)}`,
    lambda: model.lambda,
    fields,
    trainedOn: { records: real, synthetic },
    frequencies,
  };
}

/** 12 hex digits of SHA-256 over the model's parameters, in a fixed order (Maps sorted by key). */
export function modelDigest(
  lambda: number,
  fields: readonly FieldModel[],
  frequencies: ValueFrequencies | null,
): string {
  const hash = createHash('sha256');
  hash.update(`lambda ${lambda}\n`);
  for (const f of [...fields].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))) {
    hash.update(`${f.key} ${f.household} ${f.levels.join(',')} m ${f.m.join(',')} u ${f.u.join(',')}\n`);
  }
  const map = (name: string, m: ReadonlyMap<string, number>, fallback: number, extra = '') => {
    hash.update(`${name} ${fallback} ${extra}\n`);
    for (const key of [...m.keys()].sort()) hash.update(`${key}=${m.get(key)}\n`);
  };
  if (frequencies) {
    for (const key of Object.keys(frequencies.columns).sort() as ComparisonKey[]) {
      const c = frequencies.columns[key]!;
      map(`column ${key}`, c.counts, c.fallback, String(c.present));
    }
    if (frequencies.nameWords)
      map('name words', frequencies.nameWords.shares, frequencies.nameWords.fallback);
    if (frequencies.relationWords)
      map('relation words', frequencies.relationWords.shares, frequencies.relationWords.fallback);
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * Keeps a model learnt elsewhere as the current one: batch linking learns m and u on every record, so screening
 * and matching need not learn them again (the demo's first start would otherwise train twice).
 */
export function rememberGridModel(model: GridModel): void {
  cached = { model, at: Date.now() };
}

export interface CandidateScore {
  index: number;
  explanation: Explanation;
}

/**
 * Scores the query (records[0]) against every other record with the stored weights and the training records'
 * term frequencies (a model without them scores without the adjustment).
 */
export function scoreAgainst(model: GridModel, records: readonly PersonRecord[]): CandidateScore[] {
  if (records.length < 2) return [];
  const features = prepareRecords(records);
  const comparisons = buildComparisons(features, model.frequencies)
    .filter((c) => model.fields.has(c.key))
    .map((c) => (model.frequencies ? c : { ...c, tf: null, tfLevels: 0 }));
  const scorer = new PairScorer(comparisons, {
    lambda: model.lambda,
    fields: comparisons.map((c) => model.fields.get(c.key)!),
    em: { iterations: 0, converged: true, candidatePairs: 0, patterns: 0 },
  });
  const out: CandidateScore[] = [];
  for (let k = 1; k < records.length; k++) out.push({ index: k, explanation: scorer.explain(0, k) });
  return out;
}

export const thresholds = RESOLUTION_THRESHOLDS;
