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
