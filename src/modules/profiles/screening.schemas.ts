import { z } from 'zod';
import { genders, identifierKinds, personRoles } from '../../db/schema.ts';
import { isoDate, uuid } from '../cases/case.schemas.ts';
import { tooCommonOut, warningListedOut } from '../grid/flags.schemas.ts';
import { hitOut, linkOut } from '../sharing/sharing.schemas.ts';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const screenInput = z
  .strictObject({
    full_name: text(200)
      .optional()
      .describe('Any spelling, any order, with or without honorifics or initials'),
    aliases: z
      .array(text(100))
      .max(10)
      .optional()
      .describe('Other names the person goes by ("Kalia" in "Ramesh @ Kalia", urf, alias)'),
    relation_name: text(200)
      .optional()
      .describe('Father’s, husband’s or guardian’s name (s/o, d/o, w/o, c/o)'),
    gender: z.enum(genders).optional(),
    birth_date: isoDate.optional(),
    age: z
      .number()
      .int()
      .min(0)
      .max(120)
      .optional()
      .describe('Age as stated today, when the birth date is unknown'),
    place: text(200).optional().describe('A 6-digit PIN code, or an address or locality'),
    identifiers: z
      .array(z.strictObject({ kind: z.enum(identifierKinds), value: text(500) }))
      .max(20)
      .optional(),
    purpose: z
      .string()
      .trim()
      .min(10, 'state why you screen this person (at least 10 characters); it is kept in the audit log')
      .max(500),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .refine((v) => v.full_name || (v.identifiers && v.identifiers.length > 0), {
    message: 'give a name or at least one identifier',
    path: ['full_name'],
  });
export type ScreenInput = z.infer<typeof screenInput>;

export const explanationTermOut = z.object({
  field: z.string(),
  level: z.string(),
  weight: z.number().describe('Bits of evidence: positive for agreement, negative for disagreement'),
});

export const personCandidateOut = z
  .object({
    score: z.number().describe('Match weight in bits (≥ 8: same person; 2–8: worth a review)'),
    probability: z.number(),
    band: z.enum(['match', 'review']),
    via: z.array(z.enum(['name', 'identifier'])),
    access: z.enum(['link', 'hit']),
    case_id: uuid,
    agency: hitOut.shape.agency,
    person: z
      .object({
        id: uuid,
        role: z.enum(personRoles),
        full_name: z.string().describe('A pseudonym for a victim or child witness'),
        gender: z.string().nullable(),
        age: z.number().nullable(),
        profile_id: uuid.nullable(),
      })
      .nullable()
      .describe('Only for records you may read'),
    explanation: z
      .array(explanationTermOut)
      .nullable()
      .describe('Which fields agreed and how much (only for records you may read)'),
  })
  .meta({ id: 'PersonCandidate' });

export const screenOut = z.object({
  persons: z.array(personCandidateOut),
  identifiers: z.object({
    links: z.array(linkOut),
    hits: z.array(hitOut),
    too_common: z.array(tooCommonOut),
    warning_listed: z.array(warningListedOut),
  }),
  name_too_common: z
    .boolean()
    .describe('Every part of the name is so common that a name alone finds no candidates: add more'),
  model_version: z.string(),
});

/* ---------- the review queue ---------- */

export const reviewListQuery = z.strictObject({
  status: z.enum(['pending', 'confirmed', 'rejected', 'unsure']).default('pending'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const reviewSide = z.object({
  person_id: uuid,
  case_id: uuid,
  agency: hitOut.shape.agency,
  full_name: z.string().describe('A pseudonym for a victim or child witness'),
  role: z.enum(personRoles),
  gender: z.string().nullable(),
  age: z.number().nullable(),
  relation_name: z.string().nullable(),
  profile_id: uuid.nullable(),
});

export const reviewOut = z
  .object({
    id: uuid,
    score: z
      .number()
      .nullable()
      .describe('Match weight in bits; null for a pair rejected by unlinking a record (no model scored it)'),
    status: z.enum(['pending', 'confirmed', 'rejected', 'unsure']),
    origin: z
      .enum(['model', 'unlink'])
      .describe(
        '`model`: queued by the model; `unlink`: rejected when an officer took a record out of a profile',
      ),
    explanation: z.array(explanationTermOut),
    model_version: z.string().nullable(),
    note: z.string().nullable(),
    reviewed_at: z.string().nullable(),
    a: reviewSide,
    b: reviewSide,
  })
  .meta({ id: 'MatchReview' });

export const reviewDecisionInput = z.strictObject({
  decision: z.enum(['confirmed', 'rejected', 'unsure']),
  note: z.string().trim().min(1).max(1000).optional(),
});

/* ---------- a canonical profile ---------- */

export const profileOut = z
  .object({
    id: uuid,
    records: z.array(
      z.object({
        access: z.enum(['link', 'hit']),
        case_id: uuid,
        agency: hitOut.shape.agency,
        state_lgd_code: z.number().nullable(),
        person: reviewSide.omit({ case_id: true, agency: true, profile_id: true }).nullable(),
        link: z
          .object({
            method: z.enum(['single', 'model', 'review', 'rule']),
            score: z.number().nullable(),
            model_version: z
              .string()
              .nullable()
              .describe('The model that linked the record, or for a rule link the rule (`case-transfer`)'),
            linked_at: z.string(),
          })
          .describe(
            "How this record joined the profile: its first record (`single`), the model, an officer's review, or a rule (a transferred case's copy joins its original)",
          ),
        may_unlink: z
          .boolean()
          .describe(
            'Whether you may take this record out of the profile (POST /api/v1/profiles/{id}/members/{person_id}/unlink)',
          ),
      }),
    ),
    flags: z.object({
      repeat_offender: z
        .boolean()
        .describe(
          'Accused, trafficker or buyer in two or more cases (a transferred case and its copy are one case)',
        ),
      across_states: z
        .boolean()
        .describe(
          'Accused, trafficker or buyer in records of two or more states (other roles do not count; a transferred case counts in the state that holds it now)',
        ),
      cases: z
        .number()
        .int()
        .describe('Cases of the records listed (links and hits; a transfer family is one case)'),
      states: z.number().int().describe('States of the records listed (links and hits), in any role'),
    }),
    history_sheets: z
      .array(
        z.object({
          id: uuid,
          agency_name: z.string(),
          number: z.number(),
          status: z.enum(['open', 'closed']),
        }),
      )
      .describe('Only for roles that read the register'),
    network: z.object({
      nodes: z.array(
        z.object({
          id: z.string(),
          kind: z.enum(['person', 'case', 'identifier', 'place', 'agency']),
          label: z.string(),
        }),
      ),
      edges: z.array(z.object({ from: z.string(), to: z.string(), kind: z.string() })),
    }),
  })
  .meta({ id: 'PersonProfile' });

/* ---------- taking a record out of a profile ---------- */

export const unlinkInput = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(10, 'state why the record is not this person (at least 10 characters); it is kept in the audit log')
    .max(1000),
});

export const unlinkOut = z
  .object({
    profile_id: uuid.describe('The profile the record left'),
    person_id: uuid,
    new_profile_id: uuid.describe('The record’s own profile now'),
    records_moved: z
      .number()
      .int()
      .describe('The record and the copies of it that case transfers made (they are one record)'),
    rejected_pair_id: uuid.describe(
      'The rejected pair recorded, which keeps automatic linking from joining the record again',
    ),
    profile_readable: z
      .boolean()
      .describe(
        'Whether you still read a record of the profile the record left (else it answers 404 to you)',
      ),
  })
  .meta({ id: 'ProfileUnlink' });

/* ---------- the history of a profile's links ---------- */

export const profileEventsOut = z
  .object({
    items: z.array(
      z.object({
        id: uuid,
        occurred_at: z.string(),
        kind: z.enum(['link', 'merge', 'unlink']),
        profile_id: uuid.describe(
          'link, merge: the profile that remains; unlink: the profile the record left',
        ),
        other_profile_id: uuid
          .nullable()
          .describe('link, merge: the profile merged away; unlink: the record’s new profile'),
        person_id: uuid.describe('The record that joined, or was taken out (one you may read)'),
        person_name: z.string().describe('Its name as stored (a victim’s or child witness’s pseudonym)'),
        other_person_id: uuid
          .nullable()
          .describe('The record it was linked to or judged apart from, when you may read it; else null'),
        other_person_name: z.string().nullable().describe('That record’s name, when you may read it'),
        records: z.number().int().describe('How many records changed profile'),
        method: z.enum(['model', 'review', 'rule']).nullable(),
        score: z.number().nullable(),
        model_version: z.string().nullable(),
        by: z
          .object({ name: z.string(), role: z.string() })
          .nullable()
          .describe('The reviewer who confirmed the pair, or the officer who unlinked'),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ProfileEvents' });
