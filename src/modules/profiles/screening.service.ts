import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { type Actor, assertCan } from '../access/actor.ts';
import { identifierCounts, readable, visiblePersons } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { matchIdentifiers } from '../grid/matches.ts';
import { probeOf } from '../grid/values.ts';
import { normaliseForField } from '../identifiers/normalise.ts';
import { RESOLUTION_MODEL } from '../resolution/constants.ts';
import type { PersonRecord } from '../resolution/record.ts';
import type { hitOut } from '../sharing/sharing.schemas.ts';
import { candidateKeys, findCandidates } from './candidates.ts';
import {
  gridModel,
  personRecordOf,
  personRowsQuery,
  scoreAgainst,
  thresholds,
  withAliases,
} from './grid-model.ts';
import { bornOf } from './person-keys.ts';
import type { ScreenInput } from './screening.schemas.ts';

type AgencyContact = z.infer<typeof hitOut>['agency'];

/**
 * Screening (`POST /api/v1/grid/screen`): a person and/or identifiers in, ranked candidates out, in every agency
 * — records the caller may read as links with the explanation of their score, the others as hits (the agency and
 * whom to call; nothing of the record). Like a free-text person search it needs a stated purpose, and it is
 * audited without the query itself.
 *
 * Candidates come from two places: records sharing a name key (person_keys, keyed-hashed; the rarest keys first,
 * so a common name does not pull in thousands), and records holding one of the identifiers. Each is scored with
 * the grid model (grid-model.ts).
 *
 * What the caller's field allow-list leaves out stays out, in the SQL that finds and loads the candidates: a
 * person of a role it may not see (an informant, for most) is neither a link nor a hit; an identifier it may not
 * be shown on a record it reads (an accused's phone, for a CWC member; a referral without `identifiers`) neither
 * finds that record nor scores it. A record it does not read at all is a hit, found and scored as any other.
 */

export async function screenPersons(db: Kysely<DB>, keyring: Keyring, actor: Actor, input: ScreenInput) {
  assertCan(actor, 'case:read');
  const probes = (input.identifiers ?? []).map((idf, i) =>
    probeOf(keyring, idf.kind, normaliseForField(idf.kind, idf.value, `identifiers.${i}.value`)),
  );

  // The identifier matches and the model do not depend on the candidates: asked at the same time.
  const [identifiers, model, found] = await Promise.all([
    probes.length
      ? matchIdentifiers(
          db,
          keyring,
          actor,
          probes.map((probe) => ({ probe })),
        )
      : { links: [], hits: [], too_common: [], warning_listed: [] },
    gridModel(db, keyring),
    findCandidates(db, keyring, {
      fullName: input.full_name,
      aliases: input.aliases,
      relationName: input.relation_name,
      born: bornOf({ birth_date: input.birth_date, age: input.age }),
      probes,
      agencyId: actor.agencyId,
      actor,
    }),
  ]);
  const { byName, byIdentifier, nameTooCommon } = found;
  const wanted = candidateKeys(found);
  const mayRead = readable(actor, 'p', 'p.case_id', 'persons');
  const people = wanted.length
    ? await personRowsQuery(db, {
        phone: probes.some((p) => p.kind === 'phone'),
        // A phone the caller may not be shown never scores a record it reads (nor shows in its explanation);
        // a record it does not read is a hit, scored as before, with neither score terms nor person shown.
        phoneShown: identifierCounts(actor, 'i', mayRead),
      })
        .innerJoin(
          sql<{ agency_id: string; id: string }>`(select * from jsonb_to_recordset(${JSON.stringify(
            wanted,
          )}::jsonb) as w(agency_id uuid, id uuid))`.as('w'),
          (j) => j.onRef('w.agency_id', '=', 'p.agency_id').onRef('w.id', '=', 'p.id'),
        )
        .leftJoin('profile_members as m', (j) =>
          j.onRef('m.agency_id', '=', 'p.agency_id').onRef('m.person_id', '=', 'p.id'),
        )
        // The holding agency and whom to call, for hits (one statement rather than a second look-up).
        .innerJoin('agencies as a', 'a.id', 'p.agency_id')
        .select([
          'p.case_id',
          'p.role',
          'm.profile_id',
          'a.code as agency_code',
          'a.name as agency_name',
          'a.kind as agency_kind',
          'a.contact_officer',
          'a.contact_phone',
          'a.contact_email',
          sql<boolean>`${mayRead}`.as('may_read'),
        ])
        // A person the role's field allow-list leaves out (an informant, for most) is neither a link nor a hit:
        // the case id of a hit would tell an analyst which case he informed in.
        .where(visiblePersons(actor, 'p'))
        .execute()
    : [];

  const query: PersonRecord = {
    id: 'query',
    full_name: withAliases(input.full_name ?? null, input.aliases),
    relation_name: input.relation_name ?? null,
    gender: input.gender ?? null,
    birth_date: input.birth_date ?? null,
    age: input.age == null ? null : String(input.age),
    postcode: input.place && /^[1-9]\d{5}$/.test(input.place) ? input.place : null,
    address_line1: input.place && !/^[1-9]\d{5}$/.test(input.place) ? input.place : null,
    phone: probes.find((p) => p.kind === 'phone')?.plain ?? null,
    email: probes.find((p) => p.kind === 'email')?.plain ?? null,
  };
  const scored = scoreAgainst(model, [query, ...people.map((p) => personRecordOf(keyring, p))]);
  const contacts = new Map<string, AgencyContact>(
    people.map((p) => [
      p.agency_id,
      {
        id: p.agency_id,
        code: p.agency_code,
        name: p.agency_name,
        kind: p.agency_kind,
        contact_officer: p.contact_officer,
        contact_phone: p.contact_phone,
        contact_email: p.contact_email,
      },
    ]),
  );

  const persons = scored
    .map(({ index, explanation }) => {
      const p = people[index - 1]!;
      const key = `${p.agency_id}/${p.id}`;
      const viaIdentifier = byIdentifier.has(key);
      // A shared identifier is evidence the name model does not see: it lifts the pair into review at least.
      // An officer who asks is shown what the evidence says up to the review ceiling of a pair nothing
      // corroborates (6 bits), also when the names meet only in part ("R. K. Yadav" for "Rakesh Yadav"): the
      // lower ceiling of such pairs keeps the unsolicited review queue readable (resolution/constants.ts
      // uncorroboratedPartialNameMaxWeight), not a screening answer short.
      const score = explanation.corroborated
        ? explanation.score
        : Math.min(
            explanation.score - explanation.corroborationCap,
            RESOLUTION_MODEL.uncorroboratedMaxWeight,
          );
      const band: 'match' | 'review' | null =
        score >= thresholds.autoLinkWeight
          ? 'match'
          : score >= thresholds.reviewWeight || viaIdentifier
            ? 'review'
            : null;
      return {
        p,
        explanation,
        score,
        band,
        viaIdentifier,
        viaName: byName.has(key),
        keyWeight: byName.get(key) ?? 0,
      };
    })
    .filter((c) => c.band !== null)
    // Equal scores (the model caps a pair no identifying field corroborates): the record sharing rarer name keys first.
    .sort((a, b) => b.score - a.score || b.keyWeight - a.keyWeight)
    .slice(0, input.limit)
    .map(({ p, explanation, score, band, viaIdentifier, viaName }) => ({
      score: round(score),
      probability: round(explanation.probability),
      band: band!,
      via: [...(viaName ? (['name'] as const) : []), ...(viaIdentifier ? (['identifier'] as const) : [])],
      access: p.may_read ? ('link' as const) : ('hit' as const),
      case_id: p.case_id,
      agency: contacts.get(p.agency_id)!,
      person: p.may_read
        ? {
            id: p.id,
            role: p.role,
            // Victims and child witnesses keep their pseudonym (full_name holds it); a reveal is separate.
            full_name: p.full_name,
            gender: p.gender,
            age: p.age,
            profile_id: p.profile_id,
          }
        : null,
      explanation: p.may_read
        ? explanation.terms.map((t) => ({ field: t.field, level: t.level, weight: round(t.weight) }))
        : null,
    }));

  await recordAudit(db, actor, {
    action: 'grid.screen',
    purpose: input.purpose,
    detail: {
      persons: persons.length,
      links: persons.filter((c) => c.access === 'link').map((c) => c.person!.id),
      identifiers: probes.length,
    },
  });
  return { persons, identifiers, name_too_common: nameTooCommon, model_version: model.version };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
