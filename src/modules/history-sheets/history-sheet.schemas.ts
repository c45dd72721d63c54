import { z } from 'zod';
import { policeRanks } from '../../db/schema.ts';
import { cursorParam, isoDate, listLimit, uuid } from '../cases/case.schemas.ts';

/** History-sheet register: request and response shapes (domain file section (e)). */
const text = (min: number, max: number, what: string) =>
  z.string().trim().min(min, `${what} (at least ${min} characters)`).max(max);

export const historySheetInput = z.strictObject({
  person_id: uuid.describe('A person record you may read (an accused, trafficker or buyer)'),
  rule_id: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .describe('A rule of your state (GET /api/v1/history-sheet-rules)'),
  grounds: text(
    20,
    4000,
    'state the definite reasons for the entry; they are confidential and encrypted (PPR r.23.5)',
  ),
  convicted: z.boolean().describe('Whether the person was ever convicted (or bound over for good behaviour)'),
  ordered_by_name: text(3, 200, 'name the officer who ordered the entry'),
  ordered_by_rank: z.enum(policeRanks).describe('Rank of the ordering officer; the rule sets the minimum'),
  opened_on: isoDate,
});
export type HistorySheetInput = z.infer<typeof historySheetInput>;

export const historySheetReviewInput = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
  reviewed_on: isoDate,
  next_review_on: isoDate.optional().describe('Defaults to reviewed_on plus the rule’s review interval'),
});

export const historySheetCloseInput = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
  closed_on: isoDate,
  reason: text(10, 2000, 'state why the sheet is closed'),
});

export const historySheetListQuery = z.strictObject({
  status: z.enum(['open', 'closed']).optional(),
  review_due_by: isoDate.optional().describe('Only open sheets whose review falls on or before this date'),
  profile_id: uuid.optional(),
  cursor: cursorParam,
  limit: listLimit,
});
export type HistorySheetListQuery = z.infer<typeof historySheetListQuery>;

export const historySheetOut = z.object({
  id: uuid,
  agency_id: uuid,
  agency_name: z.string(),
  number: z.number().int(),
  profile_id: uuid,
  person_id: uuid,
  person_agency_id: uuid,
  person_name: z.string().describe('The name on the person record the sheet was opened from'),
  rule_id: z.string(),
  rule_label: z.string(),
  convicted: z.boolean(),
  ordered_by_name: z.string(),
  ordered_by_rank: z.enum(policeRanks),
  opened_on: z.string(),
  review_due_on: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  closed_on: z.string().nullable(),
  closure_reason: z.string().nullable(),
  version: z.number().int(),
  grounds: z.string().optional().describe('Only in the single-sheet read, which is audited'),
});
export type HistorySheetOut = z.infer<typeof historySheetOut>;

export const historySheetRuleOut = z.object({
  id: z.string(),
  state_lgd_code: z.number().int().nullable(),
  category: z.string(),
  label: z.string(),
  min_rank: z.enum(policeRanks),
  reasons_required: z.enum(['always', 'if_never_convicted']),
  review_months: z.number().int().nullable(),
  tag: z.enum(['V', 'S', 'U']),
  source: z.string(),
});

export const historySheetRulePatch = z
  .strictObject({
    min_rank: z.enum(policeRanks).optional(),
    review_months: z.number().int().min(1).max(120).nullable().optional(),
    source: text(5, 500, 'cite the state rule or order this change follows'),
  })
  .describe(
    'Rules differ by state and some are unverified (tag U): administrators set them, citing the source',
  );
