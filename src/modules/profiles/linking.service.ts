import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { AppError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { allTransferRoots, sameCase } from '../cases/transfer-family.ts';
import {
  checkWatchlists,
  type GridLink,
  type ReTraffickingLink,
  raiseDeconfliction,
  raiseReTrafficking,
  type WatchMatch,
} from '../grid/alerts.ts';
import { resolve } from '../resolution/resolve.ts';
import {
  gridModelOf,
  MIN_REAL_RECORDS,
  personRecordOf,
  personRowsQuery,
  rememberGridModel,
  syntheticPopulation,
} from './grid-model.ts';
import { strongDisagreement } from './person-matching.ts';
import { linkRecords, personLinkAlerts } from './profile.repository.ts';

/**
 * Batch person linking over the whole database (`childgrid grid link`, after a large import, and after the demo
 * is seeded): Fellegi–Sunter resolution (resolution/resolve.ts) with m and u learnt by EM on these very records.
 *
 * - a pair at or above the auto-link weight, kept together by the chain-resistant clustering, joins one canonical
 *   profile (provenance: `model`, score, model version);
 * - a pair in the review band goes to the review queue (`match_candidates`), once;
 * - a person link between two agencies' open cases raises deconfliction alerts for both; a victim (a rescued
 *   child) linked to another case raises the re-trafficking alert for her owner and CWC/DCPU only.
 *
 * Records an officer has already placed (`review`) are never moved by the model, and no link joins two profiles
 * that a rejected pair (an officer's "not the same", or an unlink) holds apart. A transferred case's copy and its
 * original are one case: never queued as a pair, never alerted. Running it twice changes nothing.
 */
export interface LinkSummary {
  records: number;
  candidatePairs: number;
  autoLinks: number;
  queued: number;
  profilesTouched: number;
  deconflictionAlerts: number;
  reTraffickingAlerts: number;
  watchAlerts: number;
  modelVersion: string;
  seconds: number;
}

export async function linkAllPersons(db: Kysely<DB>, keyring: Keyring): Promise<LinkSummary> {
  const started = performance.now();
  const rows = await personRowsQuery(db)
    .select(['p.case_id', 'p.role'])
    .orderBy('p.agency_id')
    .orderBy('p.id')
    .execute();
  const records = rows.map((r) => personRecordOf(keyring, r));
  const real = records.length;
  // Too few records to learn from: synthetic ones join the run as a population, and their pairs are dropped.
  const synthetic = real < MIN_REAL_RECORDS ? syntheticPopulation() : [];
  const result = resolve([...records, ...synthetic]);
  const isReal = (i: number) => i < real;
  // What this run learnt is the grid's model from now on: screening and matching use it without training again.
  const learnt = gridModelOf(result.model, real, synthetic.length);
  rememberGridModel(learnt);
  const modelVersion = learnt.version;

  // Clusters of auto-linked records: link each member to the cluster's first record.
  const reviewed = new Set(
    (
      await db
        .selectFrom('profile_members')
        .select(['agency_id', 'person_id'])
        .where('method', '=', 'review')
        .execute()
    ).map((r) => `${r.agency_id}/${r.person_id}`),
  );
  const clusterOf = new Map<number, number>();
  const summary: LinkSummary = {
    records: records.length,
    candidatePairs: result.blocking.candidatePairs,
    autoLinks: 0,
    queued: 0,
    profilesTouched: 0,
    deconflictionAlerts: 0,
    reTraffickingAlerts: 0,
    watchAlerts: 0,
    modelVersion,
    seconds: 0,
  };
  const transfers = await allTransferRoots(db);
  const profileOf = new Map(
    (await db.selectFrom('profile_members').select(['agency_id', 'person_id', 'profile_id']).execute()).map(
      (r) => [`${r.agency_id}/${r.person_id}`, r.profile_id],
    ),
  );
  const conflicts: { a: number; b: number; score: number }[] = [];
  const watched: WatchMatch[] = [];
  const deconfliction: GridLink[] = [];
  const reTrafficking: ReTraffickingLink[] = [];
  result.pairs = result.pairs.filter((p) => isReal(p.a.index) && isReal(p.b.index));
  result.clusters = result.clusters.map((c) => c.filter((m) => isReal(m.index)));
  const scoreOf = new Map<string, number>();
  for (const p of result.pairs)
    scoreOf.set(`${Math.min(p.a.index, p.b.index)}:${Math.max(p.a.index, p.b.index)}`, p.score);

  await db.transaction().execute(async (tx) => {
    for (const [label, cluster] of result.clusters.entries()) {
      if (cluster.length < 2) continue;
      summary.profilesTouched++;
      const head = rows[cluster[0]!.index]!;
      for (const member of cluster) clusterOf.set(member.index, label);
      for (const member of cluster.slice(1)) {
        const r = rows[member.index]!;
        if (reviewed.has(`${r.agency_id}/${r.id}`)) continue;
        const known = profileOf.get(`${r.agency_id}/${r.id}`);
        if (known !== undefined && known === profileOf.get(`${head.agency_id}/${head.id}`)) continue;
        const key = `${Math.min(cluster[0]!.index, member.index)}:${Math.max(cluster[0]!.index, member.index)}`;
        try {
          // Two profiles that exist already (older runs, matching on write, reviews) may hold records this run's
          // clusters did not see: merging them must not put two strongly disagreeing records together either.
          const mergesProfiles =
            known !== undefined && profileOf.get(`${head.agency_id}/${head.id}`) !== undefined;
          const pair = [
            { agencyId: head.agency_id, personId: head.id },
            { agencyId: r.agency_id, personId: r.id },
          ] as const;
          if (mergesProfiles && (await strongDisagreement(tx, keyring, learnt, pair[0], pair[1]))) {
            throw new AppError('conflict', 'the two profiles hold records that strongly disagree');
          }
          const profile = await linkRecords(
            tx,
            { agencyId: head.agency_id, personId: head.id },
            { agencyId: r.agency_id, personId: r.id },
            { method: 'model', score: scoreOf.get(key) ?? null, modelVersion, reviewerId: null },
          );
          profileOf.set(`${head.agency_id}/${head.id}`, profile);
          watched.push({
            match: { profileId: profile, personId: r.id },
            record: { agencyId: r.agency_id, caseId: r.case_id },
            on: 'profile',
            writtenBy: null,
            detail: { model: modelVersion },
          });
          profileOf.set(`${r.agency_id}/${r.id}`, profile);
          summary.autoLinks++;
        } catch (err) {
          // A rejected pair between the two profiles (an officer's "not the same" binds the model), records that
          // strongly disagree, or two open history sheets in one agency: the pair goes to the review queue (once:
          // a decided pair stays decided).
          if (!(err instanceof AppError && err.code === 'conflict')) throw err;
          conflicts.push({ a: cluster[0]!.index, b: member.index, score: scoreOf.get(key) ?? 0 });
        }
      }
    }

    // Alerts between every two records of a cluster that now share a profile (a link refused — a rejected pair,
    // two open history sheets — alerts no one), in different cases; raiseDeconfliction and raiseReTrafficking
    // leave out a transferred case and its copy.
    const clustered = result.clusters.filter((c) => c.length >= 2);
    const finalProfile = new Map<string, string>();
    const refs = clustered.flatMap((c) =>
      c.map((m) => ({ agency_id: rows[m.index]!.agency_id, id: rows[m.index]!.id })),
    );
    for (let i = 0; i < refs.length; i += 5000) {
      const found = await sql<{ agency_id: string; person_id: string; profile_id: string }>`
        select m.agency_id, m.person_id, m.profile_id from profile_members m
        join jsonb_to_recordset(${JSON.stringify(refs.slice(i, i + 5000))}::jsonb) as r(agency_id uuid, id uuid)
          on r.agency_id = m.agency_id and r.id = m.person_id`.execute(tx);
      for (const f of found.rows) finalProfile.set(`${f.agency_id}/${f.person_id}`, f.profile_id);
    }
    for (const cluster of clustered) {
      for (let x = 0; x < cluster.length; x++) {
        for (let y = x + 1; y < cluster.length; y++) {
          const a = rows[cluster[x]!.index]!;
          const b = rows[cluster[y]!.index]!;
          const together = finalProfile.get(`${a.agency_id}/${a.id}`);
          if (together === undefined || together !== finalProfile.get(`${b.agency_id}/${b.id}`)) continue;
          const alerts = personLinkAlerts(a, b, { model: modelVersion, on: 'person' });
          deconfliction.push(...alerts.deconfliction);
          reTrafficking.push(...alerts.reTrafficking);
        }
      }
    }

    // The review band: pairs not already in one cluster.
    const held = conflicts.map((c) => ({
      a: { side: 'left' as const, index: c.a, id: records[c.a]!.id },
      b: { side: 'left' as const, index: c.b, id: records[c.b]!.id },
      score: c.score,
    }));
    const queue = [
      ...result.pairs
        .filter((p) => !p.autoLink)
        .filter(
          (p) =>
            clusterOf.get(p.a.index) === undefined || clusterOf.get(p.a.index) !== clusterOf.get(p.b.index),
        ),
      ...held,
    ]
      // A transferred case's copy and its original hold the same persons: nothing for an officer to decide.
      .filter((p) => !sameCase(transfers, rows[p.a.index]!.case_id, rows[p.b.index]!.case_id))
      .map((p) => {
        const [x, y] = [rows[p.a.index]!, rows[p.b.index]!].sort((m, n) =>
          m.agency_id === n.agency_id ? (m.id < n.id ? -1 : 1) : m.agency_id < n.agency_id ? -1 : 1,
        );
        const explanation = result.explain(p.a, p.b);
        return {
          id: newId(),
          a_agency_id: x!.agency_id,
          a_person_id: x!.id,
          b_agency_id: y!.agency_id,
          b_person_id: y!.id,
          score: p.score,
          explanation: JSON.stringify(
            explanation.terms.map((t) => ({ field: t.field, level: t.level, weight: t.weight })),
          ),
          model_version: modelVersion,
        };
      });
    for (let i = 0; i < queue.length; i += 2000) {
      const inserted = await sql<{ id: string }>`
        insert into match_candidates (id, a_agency_id, a_person_id, b_agency_id, b_person_id, score, explanation,
          model_version)
        select id, a_agency_id, a_person_id, b_agency_id, b_person_id, score, explanation::jsonb, model_version
        from jsonb_to_recordset(${JSON.stringify(queue.slice(i, i + 2000))}::jsonb) as q(id uuid, a_agency_id uuid,
          a_person_id uuid, b_agency_id uuid, b_person_id uuid, score real, explanation text, model_version text)
        on conflict (a_agency_id, a_person_id, b_agency_id, b_person_id) do nothing
        returning id`.execute(tx);
      summary.queued += inserted.rows.length;
    }
    summary.deconflictionAlerts = await raiseDeconfliction(tx, deconfliction);
    summary.reTraffickingAlerts = await raiseReTrafficking(tx, reTrafficking);
    summary.watchAlerts = await checkWatchlists(tx, watched);
  });
  summary.seconds = Math.round((performance.now() - started) / 100) / 10;
  return summary;
}
