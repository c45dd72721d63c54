import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseStatus } from '../../db/schema.ts';
import type { CaseInput, PersonInput } from '../cases/case.schemas.ts';
import { buildAgencies, type StateAgencies, type SyntheticAgency } from './agencies.ts';
import {
  buildCase,
  type CaseContext,
  NEW_LAW_FROM_MS,
  ownerKinds,
  type Registration,
  scenarioWeights,
} from './cases.ts';
import { loadGeography, regionProfile } from './geography.ts';
import { IdentifierFactory, SLOTS_PER_CASE } from './identifiers.ts';
import { istDate, istIso } from './people.ts';
import { buildPlan, type CaseOverride, PLAN_SERIALS_PER_CASE } from './plan.ts';
import { Rng, type Weighted } from './random.ts';
import { type GroundTruth, TruthBuilder, writeTruth } from './truth.ts';

export type { SyntheticAgency } from './agencies.ts';
export { indianMobileDigits } from './identifiers.ts';
export type {
  ClusterRef,
  GroundTruth,
  Household,
  PersonCluster,
  PersonRef,
  ReTraffickedChild,
  SharedIdentifier,
  SharedIdentifierOccurrence,
} from './truth.ts';
export { writeTruth } from './truth.ts';

/** One line of the JSON-Lines import format: a case as the API takes it, plus its owner and external id. */
export type ImportRecord = CaseInput & { agency_code: string; external_id: string };

export interface SyntheticOptions {
  cases: number;
  seed: number;
  /** ISO 3166-2:IN state codes ('MH', 'TG', 'WB'…); default DEFAULT_STATES. */
  states?: string[];
}

export interface SyntheticDataset {
  agencies: SyntheticAgency[];
  records: ImportRecord[];
  truth: GroundTruth;
}

export interface SyntheticStream {
  /** All agencies the records refer to; insert them (under the seeded state and district agencies) first. */
  readonly agencies: readonly SyntheticAgency[];
  /** The records in registration order. Single use: a second call throws. Memory stays bounded. */
  records(): Generator<ImportRecord, void, undefined>;
  /** The ground truth; available once records() has been run to the end. */
  truth(): GroundTruth;
}

/** Metros, source and transit states: Maharashtra, Telangana, West Bengal, Uttar Pradesh, Delhi, Karnataka. */
export const DEFAULT_STATES: readonly string[] = ['MH', 'TG', 'WB', 'UP', 'DL', 'KA'];

/** "Today" for the synthetic world: cases are registered 2021-01-01 … 2026-11-24 and aged against this. */
export const REFERENCE_DATE = '2026-11-25';
const START_MS = Date.parse('2021-01-01T00:00:00+05:30');
const END_MS = Date.parse(`${REFERENCE_DATE}T00:00:00+05:30`);
const DAY = 86_400_000;

/** Serial numbers reserved for the agencies' contact phones, between the cases' and the plan's. */
const AGENCY_SERIALS = 20_000;

interface Setup {
  seed: number;
  cases: number;
  states: string[];
  agencies: SyntheticAgency[];
  stateAgencies: StateAgencies[];
  ids: IdentifierFactory;
  overrides: Map<number, CaseOverride>;
  truth: TruthBuilder;
  caseSeq: Map<string, number>;
  firSeq: Map<string, number>;
  geo: ReturnType<typeof loadGeography>;
}

function validate(options: SyntheticOptions): { cases: number; seed: number; states: string[] } {
  const { cases, seed } = options;
  if (!Number.isInteger(cases) || cases < 0) throw new RangeError('cases must be a non-negative integer');
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  const states = [...new Set((options.states ?? DEFAULT_STATES).map((s) => s.trim().toUpperCase()))];
  if (states.length === 0) throw new RangeError('at least one state is needed');
  const geo = loadGeography();
  for (const s of states) if (!geo.states.has(s)) throw new RangeError(`unknown state code ${s}`);
  return { cases, seed: seed >>> 0, states };
}

/**
 * When case `index` was registered. Indices run in time order (so FIR numbers rise through each year and a
 * re-trafficked child's second case is later than the first); the density rises towards the present, as
 * registration of CSEC cases has.
 */
function registrationFor(seed: number, cases: number, index: number): Registration {
  const rng = Rng.derive(seed, 'registered', index);
  const t = (index + rng.next()) / Math.max(1, cases);
  const x = t ** (1 / 1.3);
  const instant = START_MS + x * (END_MS - START_MS);
  const dayStart = START_MS + Math.floor((instant - START_MS) / DAY) * DAY;
  const hour = rng.weighted<number>(hourWeights);
  const ms = dayStart + hour * 3_600_000 + rng.int(0, 59) * 60_000;
  return { iso: istIso(ms), date: istDate(ms), ms };
}
const hourWeights: Weighted<number> = Array.from(
  { length: 24 },
  (_, h) => [h, h < 6 ? 2 : h < 10 ? 3 : h < 18 ? 6 : 5] as const,
);

function prepare(options: SyntheticOptions): Setup {
  const { cases, seed, states } = validate(options);
  const geo = loadGeography();
  const caseSerials = cases * SLOTS_PER_CASE;
  const planBase = caseSerials + AGENCY_SERIALS;
  const ids = new IdentifierFactory(seed, planBase + Math.max(1000, cases * PLAN_SERIALS_PER_CASE));
  const { agencies, states: stateAgencies } = buildAgencies(seed, geo, states, cases, ids, caseSerials);
  const truth = new TruthBuilder();
  const overrides = buildPlan({
    seed,
    cases,
    geo,
    states: stateAgencies,
    ids,
    serialBase: planBase,
    registration: (i) => registrationFor(seed, cases, i),
    truth,
  });
  return {
    seed,
    cases,
    states,
    agencies,
    stateAgencies,
    ids,
    overrides,
    truth,
    caseSeq: new Map(),
    firSeq: new Map(),
    geo,
  };
}

function statusFor(rng: Rng, ageDays: number): CaseStatus {
  // Pendency as NCRB reports it: most recent cases under investigation, older ones mostly in trial, with
  // conviction and acquittal in roughly equal measure.
  if (ageDays < 60) {
    return rng.weighted<CaseStatus>([
      ['registered', 30],
      ['under_investigation', 70],
    ]);
  }
  if (ageDays < 365) {
    return rng.weighted<CaseStatus>([
      ['under_investigation', 45],
      ['charge_sheeted', 30],
      ['final_report', 5],
      ['in_trial', 17],
      ['transferred', 3],
    ]);
  }
  if (ageDays < 3 * 365) {
    return rng.weighted<CaseStatus>([
      ['under_investigation', 10],
      ['charge_sheeted', 12],
      ['final_report', 8],
      ['in_trial', 45],
      ['convicted', 10],
      ['acquitted', 12],
      ['transferred', 2],
      ['closed', 1],
    ]);
  }
  return rng.weighted<CaseStatus>([
    ['charge_sheeted', 4],
    ['final_report', 8],
    ['in_trial', 38],
    ['convicted', 20],
    ['acquitted', 26],
    ['transferred', 1],
    ['closed', 3],
  ]);
}

const roleOrder: Readonly<Record<PersonInput['role'], number>> = {
  victim: 0,
  guardian: 1,
  accused: 2,
  trafficker: 3,
  buyer: 4,
  witness: 5,
  informant: 6,
};

function makeRecord(setup: Setup, index: number): ImportRecord {
  const registered = registrationFor(setup.seed, setup.cases, index);
  const rng = Rng.derive(setup.seed, 'case', index);
  const override = setup.overrides.get(index);
  let ctx: CaseContext;
  if (override) {
    ctx = {
      index,
      rng,
      ids: setup.ids,
      geo: setup.geo,
      owner: override.owner,
      stateAgencies: override.stateAgencies,
      district: override.district,
      profile: regionProfile(override.stateAgencies.state.iso),
      registered,
      newLaw: registered.ms >= NEW_LAW_FROM_MS,
      scenario: override.scenario,
      slot: 0,
    };
  } else {
    const scenario = rng.weighted(scenarioWeights);
    const st = rng.pick(setup.stateAgencies);
    const da = rng.pick(st.districts);
    const kind = rng.weighted(ownerKinds[scenario]);
    // The first stations of a district (city stations) register more cases than the outlying ones.
    const owner =
      kind === 'cyber_cell'
        ? st.cyberCell
        : kind === 'ahtu'
          ? da.ahtu
          : rng.weighted(da.stations.map((s, j) => [s, 1 / (j + 1) + 0.5] as const));
    ctx = {
      index,
      rng,
      ids: setup.ids,
      geo: setup.geo,
      owner,
      stateAgencies: st,
      district: da.district,
      profile: regionProfile(st.state.iso),
      registered,
      newLaw: registered.ms >= NEW_LAW_FROM_MS,
      scenario,
      slot: 0,
    };
  }
  const draft = buildCase(ctx, override?.persons ?? [], override?.identifiers ?? []);

  const owner = ctx.owner.code;
  const seq = (setup.caseSeq.get(owner) ?? 0) + 1;
  setup.caseSeq.set(owner, seq);
  const externalId = `SYN-${owner}-${seq}`;
  const year = registered.date.slice(0, 4);
  const firKey = `${owner}|${year}`;
  // FIR numbers run through all crime at a station; CSEC cases are a few of them, hence the gaps.
  const fir = (setup.firSeq.get(firKey) ?? 0) + 1 + rng.int(0, 9);
  setup.firSeq.set(firKey, fir);
  const status = statusFor(rng, (END_MS - registered.ms) / DAY);

  const ordered = draft.persons
    .map((p) => ({ p, key: roleOrder[p.body.role] * 1000 + rng.int(0, 999) }))
    .sort((a, b) => a.key - b.key)
    .map(({ p }) => p);
  const persons: PersonInput[] = [];
  ordered.forEach(({ body, planted }, k) => {
    const personId = `${externalId}-P${k + 1}`;
    persons.push({ external_id: personId, ...body });
    if (!planted) return;
    const ref = { agency_code: owner, case_external_id: externalId, person_external_id: personId };
    const at = {
      ref,
      stateIso: ctx.stateAgencies.state.iso,
      districtLgd: ctx.district.lgd,
      registeredMs: registered.ms,
    };
    if (planted.cluster) setup.truth.addToCluster(planted.cluster, at, body.full_name, body.role);
    if (planted.household) setup.truth.addToHousehold(planted.household, ref);
    for (const pid of planted.identifiers) {
      if (pid.shared)
        setup.truth.addShared(pid.shared, {
          agency_code: owner,
          case_external_id: externalId,
          person_external_id: personId,
          value: pid.value,
        });
    }
  });
  for (const { planted } of draft.caseIdentifiers) {
    if (planted?.shared) {
      setup.truth.addShared(planted.shared, {
        agency_code: owner,
        case_external_id: externalId,
        person_external_id: null,
        value: planted.value,
      });
    }
  }

  const b = draft.body;
  // Explicit key order keeps the JSON readable (and stable) line by line.
  const record: ImportRecord = {
    agency_code: owner,
    external_id: externalId,
    fir_number: `${fir}/${year}`,
    fir_kind: b.fir_kind,
    ...(b.gd_entry ? { gd_entry: b.gd_entry } : {}),
    registered_at: b.registered_at,
    ...(b.occurred_from ? { occurred_from: b.occurred_from } : {}),
    ...(b.occurred_to ? { occurred_to: b.occurred_to } : {}),
    place: b.place,
    pincode: b.pincode,
    district_lgd_code: b.district_lgd_code,
    status,
    procedure_code: b.procedure_code,
    offences: b.offences,
    summary: b.summary,
    distribution: b.distribution,
    persons,
  };
  if (draft.caseIdentifiers.length > 0) record.identifiers = draft.caseIdentifiers.map((c) => c.input);
  return record;
}

/** The streaming generator: agencies and the plan up front, records one at a time, truth at the end. */
export function createSyntheticStream(options: SyntheticOptions): SyntheticStream {
  const setup = prepare(options);
  let started = false;
  let truth: GroundTruth | undefined;
  return {
    agencies: setup.agencies,
    *records() {
      if (started) throw new Error('records() of a synthetic stream can be iterated only once');
      started = true;
      for (let i = 0; i < setup.cases; i++) yield makeRecord(setup, i);
      truth = setup.truth.finish({ seed: setup.seed, cases: setup.cases, states: setup.states });
    },
    truth() {
      if (!truth) throw new Error('the ground truth is known only after all records have been generated');
      return truth;
    },
  };
}

/** Streams the records; the generator's return value is the ground truth. */
export function* generateSyntheticRecords(
  options: SyntheticOptions,
): Generator<ImportRecord, GroundTruth, undefined> {
  const stream = createSyntheticStream(options);
  yield* stream.records();
  return stream.truth();
}

/** The agencies a data set with these options uses (cheap: no records are generated). */
export function syntheticAgencies(options: SyntheticOptions): SyntheticAgency[] {
  return prepare({ ...options }).agencies;
}

/** Everything in memory: fine for demos and tests (a few thousand cases); use the stream for 100k. */
export function generateSynthetic(options: SyntheticOptions): SyntheticDataset {
  const stream = createSyntheticStream(options);
  const records = [...stream.records()];
  return { agencies: [...stream.agencies], records, truth: stream.truth() };
}

/**
 * Writes `agencies.json`, `cases.jsonl` (one ImportRecord per line) and `truth.json` into `dir`, streaming
 * the records in 1 MB chunks so 100,000 cases never sit in memory together.
 */
export function writeSyntheticFiles(
  dir: string,
  options: SyntheticOptions,
): { agencies: string; records: string; truth: string; count: number } {
  mkdirSync(dir, { recursive: true });
  const stream = createSyntheticStream(options);
  const paths = {
    agencies: join(dir, 'agencies.json'),
    records: join(dir, 'cases.jsonl'),
    truth: join(dir, 'truth.json'),
  };
  const fd = openSync(paths.agencies, 'w');
  writeSync(fd, `${JSON.stringify(stream.agencies, null, 2)}\n`);
  closeSync(fd);
  const out = openSync(paths.records, 'w');
  let count = 0;
  try {
    let buffer = '';
    for (const record of stream.records()) {
      buffer += `${JSON.stringify(record)}\n`;
      count++;
      if (buffer.length > 1_000_000) {
        writeSync(out, buffer);
        buffer = '';
      }
    }
    if (buffer) writeSync(out, buffer);
  } finally {
    closeSync(out);
  }
  writeTruth(paths.truth, stream.truth());
  return { ...paths, count };
}
