import { z } from 'zod';

/**
 * What matching says about a value it did not link (kept apart from the other schemas so that the sharing
 * module's match responses can carry them without an import cycle).
 */
export const tooCommonOut = z
  .object({
    kind: z.string(),
    identifier_ids: z
      .array(z.string())
      .describe("The case's own identifiers with this value (empty for a search)"),
    cases: z.number().int().describe('Cases holding the value, counted up to just past the threshold'),
    agencies: z.number().int(),
    threshold: z.object({ cases: z.number().int(), agencies: z.number().int() }),
  })
  .meta({
    id: 'TooCommon',
    description:
      'A value held by more cases or agencies than the thresholds: flagged, not linked (it would link everything)',
  });

export const warningListedOut = z
  .object({
    kind: z.string(),
    identifier_ids: z.array(z.string()),
    reason: z.string(),
    scope: z.enum(['national', 'agency']),
  })
  .meta({
    id: 'WarningListed',
    description:
      'A value on the warning list (a helpline, a placeholder, an agency number): never correlated',
  });
