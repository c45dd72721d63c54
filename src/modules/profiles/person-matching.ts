import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { AppError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import {
  checkWatchlists,
  type GridLink,
  type ReTraffickingLink,
  raiseDeconfliction,
  raiseReTrafficking,
} from '../grid/alerts.ts';
import { probeOfStored } from '../grid/values.ts';
import { candidateKeys, findCandidates } from './candidates.ts';
import { gridModel, personRecordOf, personRowsQuery, scoreAgainst, thresholds } from './grid-model.ts';
import { bornOf } from './person-keys.ts';
import { linkRecords, personLinkAlerts } from './profile.repository.ts';

/**
 * A new or changed person record is matched against the grid at once (after its write commits): candidates by
 * name keys and by the record's identifiers, scored with the grid model. At or above the auto-link weight the
 * record joins the candidate's profile (provenance `model`), and the links raise deconfliction, re-trafficking
 * and profile-watch alerts; in the review band the pair is queued for an officer. Returns what it did.
 *
 * It is the single-record counterpart of `linkAllPersons` (linking.service.ts), which large imports use.
 */
export interface MatchSummary {
  linked: number;
  queued: number;
  alerts: number;
}

export async function matchNewPersons(
  db: Kysely<DB>,
  keyring: Keyring,
  persons: { agencyId: string; personId: string }[],
  writtenBy: string | null,
): Promise<MatchSummary> {
  const summary: MatchSummary = { linked: 0, queued: 0, alerts: 0 };
  if (persons.length === 0) return summary;
  const model = await gridModel(db, keyring);
  const selves = await personRowsQuery(db)
    .select(['p.case_id', 'p.role'])
    .where(
      sql<boolean>`(p.agency_id, p.id) in (select agency_id, id from jsonb_to_recordset(${JSON.stringify(
        persons.map((p) => ({ agency_id: p.agencyId, id: p.personId })),
      )}::jsonb) as x(agency_id uuid, id uuid))`,
    )
    .execute();
  for (const self of selves) {
    const record = personRecordOf(keyring, self);
    const ids = await db
      .selectFrom('identifiers')
      .select(['agency_id', 'id', 'kind', 'value', 'normalised', 'protected'])
      .where('agency_id', '=', self.agency_id)
      .where('person_id', '=', self.id)
      .execute();
    const found = await findCandidates(db, keyring, {
      fullName: record.full_name,
      relationName: record.relation_name,
      born: bornOf({
        birth_date: record.birth_date,
        age: record.age == null ? null : Number(record.age),
        age_recorded_on: record.record_date,
      }),
      probes: ids.map((i) => probeOfStored(keyring, i)),
      agencyId: self.agency_id,
      exclude: { agency_id: self.agency_id, id: self.id },
    });
    const keys = candidateKeys(found);
    if (keys.length === 0) continue;
    const others = await personRowsQuery(db)
      .select(['p.case_id', 'p.role'])
      .where(
        sql<boolean>`(p.agency_id, p.id) in (select agency_id, id from jsonb_to_recordset(${JSON.stringify(
          keys,
        )}::jsonb) as x(agency_id uuid, id uuid))`,
      )
      .where('p.case_id', '<>', self.case_id)
      .execute();
    const scores = scoreAgainst(model, [record, ...others.map((o) => personRecordOf(keyring, o))]);
    await db.transaction().execute(async (tx) => {
      const deconfliction: GridLink[] = [];
      const reTrafficking: ReTraffickingLink[] = [];
      for (const { index, explanation } of scores) {
        const other = others[index - 1]!;
        const score = explanation.score;
        const me = { agencyId: self.agency_id, caseId: self.case_id };
        if (score >= thresholds.autoLinkWeight) {
          const profileId = await linkRecords(
            tx,
            { agencyId: other.agency_id, personId: other.id },
            { agencyId: self.agency_id, personId: self.id },
            { method: 'model', score, modelVersion: model.version, reviewerId: null },
          ).catch((err: unknown) => {
            // Two open history sheets in one agency: an officer decides (queued below).
            if (err instanceof AppError && err.code === 'conflict') return null;
            throw err;
          });
          if (profileId) {
            summary.linked++;
            const detail = { score, model: model.version };
            const alerts = personLinkAlerts(self, other, detail);
            deconfliction.push(...alerts.deconfliction);
            reTrafficking.push(...alerts.reTrafficking);
            summary.alerts += await checkWatchlists(tx, {
              match: { profileId, personId: self.id },
              record: me,
              on: 'profile',
              writtenBy,
              detail,
            });
            continue;
          }
        }
        if (score >= thresholds.reviewWeight || found.byIdentifier.has(`${other.agency_id}/${other.id}`)) {
          const [a, b] = [
            { agency: self.agency_id, person: self.id },
            { agency: other.agency_id, person: other.id },
          ].sort((x, y) =>
            x.agency === y.agency ? (x.person < y.person ? -1 : 1) : x.agency < y.agency ? -1 : 1,
          );
          const inserted = await tx
            .insertInto('match_candidates')
            .values({
              id: newId(),
              a_agency_id: a!.agency,
              a_person_id: a!.person,
              b_agency_id: b!.agency,
              b_person_id: b!.person,
              score,
              explanation: JSON.stringify(
                explanation.terms.map((t) => ({ field: t.field, level: t.level, weight: t.weight })),
              ),
              model_version: model.version,
            })
            .onConflict((oc) =>
              oc.columns(['a_agency_id', 'a_person_id', 'b_agency_id', 'b_person_id']).doNothing(),
            )
            .returning('id')
            .executeTakeFirst();
          if (inserted) summary.queued++;
        }
      }
      summary.alerts += await raiseDeconfliction(tx, deconfliction);
      summary.alerts += await raiseReTrafficking(tx, reTrafficking);
    });
  }
  return summary;
}

/**
 * After an API write has committed: match its persons, unless switched off (GRID_MATCH_ON_WRITE). A failure here
 * must not turn a saved case into an error the client would retry: it is logged, and `childgrid grid link`
 * catches the record up.
 */
export async function matchAfterWrite(
  deps: { db: Kysely<DB>; keyring: Keyring; config: { gridMatchOnWrite: boolean } },
  log: { error: (obj: object, msg: string) => void },
  written: { caseId: string } | { personId: string },
  writtenBy: string | null,
): Promise<void> {
  if (!deps.config.gridMatchOnWrite) return;
  try {
    const rows = await deps.db
      .selectFrom('persons')
      .select(['agency_id', 'id'])
      .where(
        'caseId' in written ? 'case_id' : 'id',
        '=',
        'caseId' in written ? written.caseId : written.personId,
      )
      .execute();
    await matchNewPersons(
      deps.db,
      deps.keyring,
      rows.map((r) => ({ agencyId: r.agency_id, personId: r.id })),
      writtenBy,
    );
  } catch (err) {
    log.error({ err }, 'person matching after a write failed; run childgrid grid link');
  }
}
