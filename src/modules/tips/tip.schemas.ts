import { z } from 'zod';
import { identifierKinds, tipSources } from '../../db/schema.ts';
import {
  cursorParam,
  identifierInput,
  isoDateTime,
  listLimit,
  pincode,
  uuid,
} from '../cases/case.schemas.ts';
import { matchesOut } from '../sharing/sharing.schemas.ts';

/** Tips (docs/tips.md): request and response shapes. */

/** Longest tip text: a long helpline note or a platform report's narrative, well under the extractor's limit. */
export const MAX_TIP_TEXT = 20_000;

export const tipInput = z
  .strictObject({
    received_at: isoDateTime.describe('When the tip reached the agency (not when it is recorded)'),
    source: z.enum(tipSources),
    text: z
      .string()
      .trim()
      .min(10, 'write what was told, in at least 10 characters')
      .max(MAX_TIP_TEXT, `must be at most ${MAX_TIP_TEXT} characters`)
      .describe('The tip as told; encrypted at rest, shown only in the single-tip read (audited)'),
    place: z.string().trim().min(1, 'must not be empty').max(500).nullish(),
    district_lgd_code: z.number().int().positive().max(2_147_483_647).nullish(),
    pincode: pincode.nullish(),
    identifiers: z
      .array(identifierInput.omit({ external_id: true }))
      .max(100)
      .optional()
      .describe(
        'Identifiers the officer gives, validated as a case’s are (a full Aadhaar number is refused)',
      ),
    extract: z
      .boolean()
      .default(true)
      .describe(
        'Add the identifiers found in the text (POST /api/v1/grid/extract) to those given. The web form finds them first and sends the ones the officer kept, with extract false',
      ),
  })
  .meta({ id: 'NewTip' });
export type TipInput = z.infer<typeof tipInput>;

export const tipListQuery = z.strictObject({
  source: z.enum(tipSources).optional(),
  cursor: cursorParam,
  limit: listLimit,
});
export type TipListQuery = z.infer<typeof tipListQuery>;

const tipAgency = z.object({ id: z.string(), code: z.string(), name: z.string() });
const recordedBy = z.object({ id: z.string(), display_name: z.string() }).nullable();

/** What every view of a tip carries: its metadata, never its text. */
const tipFields = {
  id: uuid,
  agency: tipAgency,
  received_at: z.string(),
  source: z.enum(tipSources),
  place: z.string().nullable(),
  district_lgd_code: z.number().int().nullable(),
  district_name: z.string().nullable(),
  pincode: z.string().nullable(),
  recorded_by: recordedBy,
  created_at: z.string(),
};

export const tipSummaryOut = z
  .object({
    ...tipFields,
    identifier_count: z.number().int(),
    identifier_kinds: z.array(z.enum(identifierKinds)).describe('The kinds of its identifiers, each once'),
  })
  .meta({ id: 'TipSummary', description: 'A tip in a list: metadata and identifier counts, no text' });

export const tipIdentifierOut = z
  .object({
    id: z.string(),
    kind: z.enum(identifierKinds),
    value: z.string().describe('As written (found in the text, or given)'),
    normalised: z.string(),
    origin: z.enum(['text', 'given']),
    matches: matchesOut.describe(
      'What the grid knows of the value: links to records you may read, hits (whom to contact) for the others',
    ),
  })
  .meta({ id: 'TipIdentifier' });

export const tipOut = z
  .object({
    ...tipFields,
    text: z
      .string()
      .nullable()
      .describe(
        'What was told; null for roles that may not reveal a victim’s identity (the text may name a child)',
      ),
    identifiers: z.array(tipIdentifierOut),
  })
  .meta({ id: 'Tip', description: 'One tip with its text and identifiers (the read is audited)' });
export type TipOut = z.infer<typeof tipOut>;
