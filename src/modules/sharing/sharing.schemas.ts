import { z } from 'zod';
import { isoDateTime, uuid } from '../cases/case.schemas.ts';
import { tooCommonOut, warningListedOut } from '../grid/flags.schemas.ts';

/** The parts of a case an owner can grant on a disclosure or referral (the case's own details always come). */
export const fieldGroups = ['summary', 'persons', 'identifiers'] as const;

const purpose = z
  .string()
  .trim()
  .min(15, 'state the purpose in at least 15 characters, e.g. "same phone in our FIR 12/2025 (trafficking)"')
  .max(1000);

export const disclosureRequestInput = z.strictObject({
  record_kind: z.literal('case'),
  record_id: uuid,
  purpose,
  case_reference: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('Your case this request is for, e.g. FIR 12/2025'),
  fields: z.array(z.enum(fieldGroups)).max(3).optional(),
});

export const disclosureDecisionInput = z
  .strictObject({
    decision: z.enum(['approve', 'refuse']),
    reason: z.string().trim().min(5).max(1000).optional(),
    fields: z.array(z.enum(fieldGroups)).max(3).optional(),
    expires_at: isoDateTime.optional(),
  })
  .refine((d) => d.decision === 'approve' || d.reason, {
    message: 'a refusal needs a reason',
    path: ['reason'],
  });

export const referralInput = z.strictObject({
  to_agency_id: uuid,
  purpose,
  fields: z.array(z.enum(fieldGroups)).max(3).optional(),
  expires_at: isoDateTime.optional(),
  consent_override_reason: z
    .string()
    .trim()
    .min(15, 'explain in at least 15 characters why the referral cannot wait for consent')
    .max(1000)
    .optional(),
});

export const consentInput = z.strictObject({
  given_by: z.enum(['child', 'guardian']),
  purpose: z.enum(['referral', 'transfer']),
  to_agency_id: uuid.nullish(),
  notes: z.string().trim().min(1).max(1000).optional(),
});

export const disclosureListQuery = z.strictObject({
  box: z.enum(['inbox', 'outbox']).default('inbox'),
  status: z.enum(['pending', 'approved', 'refused', 'withdrawn']).optional(),
});

/** An agency as a hit or an alert shows it: name and whom to call. */
export const agencyContact = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  contact_officer: z.string().nullable(),
  contact_phone: z.string().nullable(),
  contact_email: z.string().nullable(),
});

export const disclosureOut = z
  .object({
    id: z.string(),
    kind: z.enum(['request', 'referral']),
    record_kind: z.string(),
    record_id: z.string(),
    fir_number: z
      .string()
      .nullable()
      .describe('The case’s FIR number, only when you may read the case (the owner, or an approved grant)'),
    owner: agencyContact,
    requester: agencyContact,
    requested_by: z
      .object({ id: z.string(), display_name: z.string(), role: z.string(), role_label: z.string() })
      .nullable()
      .describe('Who asked (for a referral: who referred); name and role, never the email'),
    purpose: z.string(),
    case_reference: z.string().nullable(),
    fields_requested: z.array(z.string()),
    status: z.string(),
    fields_granted: z.array(z.string()),
    expires_at: z.string().nullable(),
    decided_at: z.string().nullable(),
    decision_reason: z.string().nullable(),
    consent_override_reason: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'Disclosure' });

export const hitOut = z
  .object({
    record_kind: z.literal('case'),
    record_id: z.string(),
    match: z.object({ kind: z.string(), on: z.string() }),
    strength: z.enum(['exact']),
    agency: agencyContact,
    disclosure_status: z.string().nullable(),
    disclosure_id: z
      .string()
      .nullable()
      .describe('Your latest request for this record, if any (to follow or withdraw it)'),
  })
  .meta({
    id: 'Hit',
    description: 'A record you may not read matched: that it exists, how, and whom to contact',
  });

export const linkOut = z.object({
  case_id: z.string(),
  fir_number: z.string().nullable(),
  agency: agencyContact,
  match: z.object({ kind: z.string(), on: z.string() }),
});

export const matchesOut = z.object({
  links: z.array(linkOut),
  hits: z.array(hitOut),
  too_common: z.array(tooCommonOut),
  warning_listed: z.array(warningListedOut),
});

export const consentOut = z.object({
  id: z.string(),
  person_id: z.string(),
  given_by: z.string(),
  purpose: z.string(),
  to_agency_id: z.string().nullable(),
  recorded_at: z.string(),
  withdrawn_at: z.string().nullable(),
  notes: z.string().nullable(),
});

export const notificationOut = z.object({
  id: z.string(),
  kind: z.string(),
  subject_kind: z.string().nullable(),
  subject_id: z.string().nullable(),
  message: z.string(),
  created_at: z.string(),
  read_at: z.string().nullable(),
});

export const sharingGroupInput = z.strictObject({
  name: z.string().trim().min(3).max(120),
  description: z.string().trim().max(1000).optional(),
  member_agency_ids: z.array(uuid).max(500).default([]),
});

export const sharingGroupOut = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    owner_agency_id: z.string(),
    members: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
    created_at: z.string(),
  })
  .meta({ id: 'SharingGroup' });
