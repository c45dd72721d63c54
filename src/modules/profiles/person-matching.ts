import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { AppError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { sameCase, transferPlaces } from '../cases/transfer-family.ts';
import {
  checkWatchlists,
  type GridLink,
  type ReTraffickingLink,
  raiseDeconfliction,
  raiseReTrafficking,
} from '../grid/alerts.ts';
import { probeOfStored } from '../grid/values.ts';
import { candidateKeys, findCandidates } from './candidates.ts';
import {
  type GridModel,
  gridModel,
  personRecordOf,
  personRowsQuery,
  scoreAgainst,
  thresholds,
} from './grid-model.ts';
import { bornOf } from './person-keys.ts';
import { linkRecords, personLinkAlerts } from './profile.repository.ts';

/**
 * A new or changed person record is matched against the grid at once (after its write commits): candidates by
 * name keys and by the record's identifiers, scored with the grid model. At or above the auto-link weight the
 * record joins the candidate's profile (provenance `model`), strongest candidate first, and the links raise
 * deconfliction, re-trafficking and profile-watch alerts; in the review band the pair is queued for an officer.
 *
 * A link that would merge two profiles is refused, and the pair queued for review instead, when the merge would
 * put together two records an officer judged not the same person (a rejected pair: linkRecords refuses it), or
 * merge two profiles of several records that hold two records strongly disagreeing (a pair below the cannot-link
 * weight, as batch clustering refuses: one new record bridging two different people must not chain them). Records of the new record's own case, or of a
 * case in its transfer family (a transferred case and its copy), are the same records, not candidates.
 *
 * It is the single-record counterpart of `linkAllPersons` (linking.service.ts), which large imports use.
 */
export interface MatchSummary {
  linked: number;
  queued: number;
  alerts: number;
}

type PersonRow = Awaited<ReturnType<ReturnType<typeof matchRowsQuery>['execute']>>[number];

function matchRowsQuery(db: Kysely<DB>) {
  return personRowsQuery(db).select(['p.case_id', 'p.role']);
}

/** Person rows by (agency, id), in one statement. */
function rowsOf(db: Kysely<DB>, refs: readonly { agency_id: string; id: string }[]) {
  if (refs.length === 0) return Promise.resolve([] as PersonRow[]);
  return matchRowsQuery(db)
    .where(
      sql<boolean>`(p.agency_id, p.id) in (select agency_id, id from jsonb_to_recordset(${JSON.stringify(
        refs.map((r) => ({ agency_id: r.agency_id, id: r.id })),
      )}::jsonb) as x(agency_id uuid, id uuid))`,
    )
    .execute();
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
  const selves = await rowsOf(
    db,
    persons.map((p) => ({ agency_id: p.agencyId, id: p.personId })),
  );
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
    const candidates = (await rowsOf(db, keys)).filter((o) => o.case_id !== self.case_id);
    // A transferred case's copy holds the same persons: the copy and its original are one record, not a match.
    const places = await transferPlaces(db, [
      { agencyId: self.agency_id, caseId: self.case_id },
      ...candidates.map((o) => ({ agencyId: o.agency_id, caseId: o.case_id })),
    ]);
    const others = candidates.filter((o) => !sameCase(places, self.case_id, o.case_id));
    // Strongest first, as clustering merges: the best candidate decides the record's profile.
    const scores = scoreAgainst(model, [record, ...others.map((o) => personRecordOf(keyring, o))]).sort(
      (x, y) => y.explanation.score - x.explanation.score || x.index - y.index,
    );
    await db.transaction().execute(async (tx) => {
      const deconfliction: GridLink[] = [];
      const reTrafficking: ReTraffickingLink[] = [];
      for (const { index, explanation } of scores) {
        const other = others[index - 1]!;
        const score = explanation.score;
        const me = { agencyId: self.agency_id, caseId: self.case_id };
        if (score >= thresholds.autoLinkWeight) {
          const mine = { agencyId: self.agency_id, personId: self.id };
          const theirs = { agencyId: other.agency_id, personId: other.id };
          const profileId = (await strongDisagreement(tx, keyring, model, mine, theirs))
            ? null
            : await linkRecords(tx, theirs, mine, {
                method: 'model',
                score,
                modelVersion: model.version,
                reviewerId: null,
              }).catch((err: unknown) => {
                // A rejected pair between the two profiles, or two open history sheets in one agency: an
                // officer decides (queued below).
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
 * Whether linking `mine` to `theirs` would merge two profiles of several records each that hold two records
 * strongly disagreeing: any record of one scoring below the cannot-link weight against any record of the other
 * (the rule batch clustering applies, resolution/cluster.ts) — one record must not bridge two people into one.
 * A record joining a profile on its own is decided by its own score (the profile may hold a record an officer
 * placed there that the model would not have). Matching on write asks before every link; batch linking before a
 * link that would merge two profiles it did not build.
 */
export async function strongDisagreement(
  tx: Kysely<DB>,
  keyring: Keyring,
  model: GridModel,
  mine: { agencyId: string; personId: string },
  theirs: { agencyId: string; personId: string },
): Promise<boolean> {
  const profiles = await tx
    .selectFrom('profile_members')
    .select(['agency_id', 'person_id', 'profile_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('agency_id', '=', mine.agencyId), eb('person_id', '=', mine.personId)]),
        eb.and([eb('agency_id', '=', theirs.agencyId), eb('person_id', '=', theirs.personId)]),
      ]),
    )
    .execute();
  const profileOf = (r: { agencyId: string; personId: string }) =>
    profiles.find((p) => p.agency_id === r.agencyId && p.person_id === r.personId)?.profile_id;
  const [pm, pt] = [profileOf(mine), profileOf(theirs)];
  if (pm !== undefined && pm === pt) return false;
  const membersOf = async (profile: string | undefined, r: { agencyId: string; personId: string }) =>
    profile === undefined
      ? [{ agency_id: r.agencyId, id: r.personId }]
      : (
          await tx
            .selectFrom('profile_members')
            .select(['agency_id', 'person_id as id'])
            .where('profile_id', '=', profile)
            .execute()
        ).map((m) => ({ agency_id: m.agency_id, id: m.id }));
  const [left, right] = [await membersOf(pm, mine), await membersOf(pt, theirs)];
  if (left.length < 2 || right.length < 2) return false;
  const rows = await rowsOf(tx, [...left, ...right]);
  const recordOf = new Map(rows.map((r) => [`${r.agency_id}/${r.id}`, personRecordOf(keyring, r)]));
  const records = (side: { agency_id: string; id: string }[]) =>
    side.map((m) => recordOf.get(`${m.agency_id}/${m.id}`)).filter((r) => r !== undefined);
  const rightRecords = records(right);
  for (const l of records(left)) {
    for (const { explanation } of scoreAgainst(model, [l, ...rightRecords])) {
      if (explanation.score < thresholds.cannotLinkWeight) return true;
    }
  }
  return false;
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
