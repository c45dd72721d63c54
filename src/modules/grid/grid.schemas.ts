import { z } from 'zod';
import { identifierKinds } from '../../db/schema.ts';
import { uuid } from '../cases/case.schemas.ts';
import { agencyContact } from '../sharing/sharing.schemas.ts';
import { correlatedKinds } from './values.ts';

/** Request and response shapes of the grid's routes (correlation settings, warning list, watches, alerts). */

const reason = z.string().trim().min(5, 'say why in at least 5 characters').max(500);
const value = z.string().trim().min(1, 'must not be empty').max(500);

export const gridSettingsOut = z
  .object({
    common_value_cases: z
      .number()
      .int()
      .describe('A value held by more cases than this is flagged, not linked'),
    common_value_agencies: z.number().int().describe('… or by more agencies than this'),
  })
  .meta({ id: 'GridSettings' });

export const gridSettingsPatch = z
  .strictObject({
    common_value_cases: z.number().int().min(2).max(1_000_000).optional(),
    common_value_agencies: z.number().int().min(2).max(1_000_000).optional(),
  })
  .refine((p) => p.common_value_cases !== undefined || p.common_value_agencies !== undefined, {
    message: 'give common_value_cases or common_value_agencies',
    path: ['common_value_cases'],
  });

export const warningEntryInput = z.strictObject({
  kind: z.enum(identifierKinds),
  value,
  reason,
  scope: z
    .enum(['national', 'agency'])
    .default('agency')
    .describe(
      'national: no record anywhere correlates on the value (system administrators); agency: your records',
    ),
  agency_id: uuid
    .optional()
    .describe('For an agency entry: the agency whose records it covers (default: yours; one in your scope)'),
});

export const warningListQuery = z.strictObject({
  kind: z.enum(identifierKinds).optional(),
  scope: z.enum(['national', 'agency']).optional(),
});

export const warningEntryOut = z
  .object({
    id: z.string(),
    scope: z.enum(['national', 'agency']),
    agency: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
    kind: z.string(),
    value: z.string(),
    normalised: z.string(),
    reason: z.string(),
    created_at: z.string(),
  })
  .meta({ id: 'WarningListEntry' });

export const watchInput = z
  .strictObject({
    kind: z.enum(correlatedKinds).optional().describe('With value: watch an identifier'),
    value: value.optional(),
    profile_id: z
      .uuid({ message: 'must be a UUID' })
      .optional()
      .describe('Or watch a canonical person profile'),
    reason,
  })
  .refine((w) => (w.profile_id ? !w.kind && !w.value : w.kind && w.value), {
    message: 'give either kind and value (an identifier) or profile_id (a person), not both',
    path: ['kind'],
  });

export const watchOut = z
  .object({
    id: z.string(),
    kind: z.string().nullable(),
    value: z.string().nullable(),
    normalised: z.string().nullable(),
    profile_id: z.string().nullable(),
    reason: z.string(),
    created_at: z.string(),
  })
  .meta({ id: 'Watch' });

export const alertListQuery = z.strictObject({
  kind: z.enum(['deconfliction', 'watchlist', 're_trafficking']).optional(),
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true: only the unread alerts addressed to you (your agency’s and your watches’)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const alertReadAllQuery = z.strictObject({
  kind: z.enum(['deconfliction', 'watchlist', 're_trafficking']).optional(),
});

export const alertOut = z
  .object({
    id: z.string(),
    kind: z.enum(['deconfliction', 'watchlist', 're_trafficking']),
    match: z.object({ kind: z.string(), on: z.string() }),
    case: z
      .object({ case_id: z.string(), fir_number: z.string().nullable() })
      .nullable()
      .describe(
        'Your side: your case (deconfliction) or the child’s case (re-trafficking), when you read it',
      ),
    child: z
      .object({ person_id: z.string(), pseudonym: z.string() })
      .nullable()
      .describe('Re-trafficking: the child, by pseudonym'),
    other: z.object({
      agency: agencyContact,
      record_kind: z
        .enum(['case', 'tip'])
        .describe('What matched: a case, or (a watch alert) a tip another officer recorded'),
      record_id: z
        .string()
        .describe(
          'The matching case (ask its agency to disclose it if you may not read it) or tip (call its agency)',
        ),
      readable: z.boolean().describe('Whether you may read the case or tip'),
      fir_number: z.string().nullable().describe('Only when you may read the case'),
      disclosure_status: z.string().nullable(),
      disclosure_id: z.string().nullable(),
    }),
    watch: z.object({ id: z.string(), kind: z.string().nullable(), value: z.string().nullable() }).nullable(),
    addressed_to_you: z
      .boolean()
      .describe(
        'Your agency’s alert or your watch’s: you mark it read. A supervisor also sees the alerts of the agencies below it, and their read state, but does not mark them read',
      ),
    read_at: z
      .string()
      .nullable()
      .describe('When the recipient (the agency, or for a watch alert the watcher) marked it read'),
    created_at: z.string(),
  })
  .meta({
    id: 'GridAlert',
    description:
      "Deconfliction, re-trafficking or watchlist alert: whom to contact, and the other record's content only if you may read it",
  });

export const alertListOut = z
  .object({
    items: z.array(alertOut),
    unread: z
      .number()
      .int()
      .describe(
        'How many alerts addressed to you (of the kind asked for, if any) are unread, however many are listed',
      ),
  })
  .meta({ id: 'GridAlertList' });
