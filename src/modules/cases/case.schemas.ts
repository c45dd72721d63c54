import { z } from 'zod';
import {
  caseStatuses,
  distributionLevels,
  firKinds,
  genders,
  identifierKinds,
  personRoles,
  procedureCodes,
  relationKinds,
} from '../../db/schema.ts';

/** Request and response shapes for cases, persons and identifiers; the OpenAPI document is generated from these. */
const trimmed = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const optionalText = (max: number) => trimmed(max).nullish();
/** Dates the records can plausibly hold: wider than any case, narrow enough for every driver and for JS Dates. */
const inRange = (v: string) => {
  const year = Number(v.slice(0, 4));
  return year >= 1900 && year <= 2100;
};
export const isoDate = z.iso
  .date({ message: 'must be a date as YYYY-MM-DD' })
  .refine(inRange, 'must be between the years 1900 and 2100');
export const isoDateTime = z.iso
  .datetime({
    offset: true,
    message: 'must be a date-time with offset, e.g. 2025-03-04T10:15:00+05:30',
  })
  .refine(inRange, 'must be between the years 1900 and 2100');

export const pincode = z.string().regex(/^[1-9][0-9]{5}$/, 'must be a 6-digit Indian PIN code');
export const uuid = z.uuid({ message: 'must be a UUID' });
export const offenceCode = z
  .string()
  .regex(/^(POCSO|BNS|IPC|ITPA|JJ|IT)-[0-9A-Z()]+$/, 'must be an offence code such as POCSO-6 or BNS-143');

export const identifierInput = z
  .strictObject({
    kind: z.enum(identifierKinds),
    value: trimmed(500),
    external_id: optionalText(200),
  })
  .meta({ id: 'NewIdentifier' });
export type IdentifierInput = z.infer<typeof identifierInput>;

const personFields = {
  external_id: optionalText(200),
  role: z.enum(personRoles),
  full_name: trimmed(300),
  aliases: z.array(trimmed(300)).max(50).optional(),
  relation_kind: z.enum(relationKinds).nullish(),
  relation_name: optionalText(300),
  gender: z.enum(genders).nullish(),
  birth_date: isoDate.nullish(),
  age: z.number().int().min(0).max(120).nullish(),
  age_recorded_on: isoDate.nullish(),
  address: optionalText(1000),
  pincode: pincode.nullish(),
  district_lgd_code: z.number().int().positive().max(2_147_483_647).nullish(),
  notes: optionalText(5000),
  distribution: z.enum(distributionLevels).optional(),
};
export const personInput = z
  .strictObject({
    ...personFields,
    identifiers: z.array(identifierInput).max(200).optional(),
  })
  .meta({ id: 'NewPerson' });
export type PersonInput = z.infer<typeof personInput>;
export const personPatch = z
  .strictObject(personFields)
  .partial()
  .extend({ version: z.number().int().positive().max(2_147_483_647) });
export type PersonPatch = z.infer<typeof personPatch>;

const caseFields = {
  external_id: optionalText(200),
  fir_number: optionalText(100),
  fir_kind: z.enum(firKinds).optional(),
  gd_entry: optionalText(100),
  registered_at: isoDateTime,
  occurred_from: isoDateTime.nullish(),
  occurred_to: isoDateTime.nullish(),
  place: optionalText(500),
  pincode: pincode.nullish(),
  district_lgd_code: z.number().int().positive().max(2_147_483_647).nullish(),
  status: z.enum(caseStatuses).optional(),
  procedure_code: z.enum(procedureCodes),
  summary: optionalText(20000),
  offences: z.array(offenceCode).max(50).optional(),
  distribution: z.enum(distributionLevels).optional(),
  sharing_group_id: uuid
    .nullish()
    .describe('With distribution `group`: the sharing group the case is shared with'),
};
export const caseInput = z
  .strictObject({
    ...caseFields,
    persons: z.array(personInput).max(500).optional(),
    identifiers: z.array(identifierInput).max(500).optional(),
  })
  .meta({ id: 'NewCase' });
export type CaseInput = z.infer<typeof caseInput>;

export const casePatch = z
  .strictObject(caseFields)
  .partial()
  .extend({
    version: z.number().int().positive().max(2_147_483_647),
    assigned_to: uuid
      .nullish()
      .describe(
        'The investigating officer: a user of the agency that owns the case (station house officer or supervisor only)',
      ),
  });
export type CasePatch = z.infer<typeof casePatch>;

export const listLimit = z.coerce.number().int().min(1).max(200).default(50);
export const cursorParam = z.string().max(200).optional();

export const caseListQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe(
      "Free text: FIR number, GD entry, place, station, names of accused, buyers and others (never victims'), or an identifier in any spelling",
    ),
  status: z.enum(caseStatuses).optional(),
  offence: offenceCode.optional(),
  agency_id: uuid.optional(),
  state_lgd_code: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  district_lgd_code: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  purpose: z
    .string()
    .trim()
    .min(10, 'state why you search for a person (at least 10 characters); it is kept in the audit log')
    .max(500)
    .optional()
    .describe('With q: also match names of accused, buyers and others, for this stated purpose (audited)'),
  registered_from: isoDate.optional(),
  registered_to: isoDate.optional(),
  cursor: cursorParam,
  limit: listLimit,
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const agencyRef = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() });

export const identifierOut = z
  .object({
    id: z.string(),
    agency_id: z.string(),
    case_id: z.string(),
    person_id: z.string().nullable(),
    external_id: z.string().nullable(),
    kind: z.string(),
    value: z.string(),
    normalised: z.string(),
    protected: z.boolean(),
    distribution: z.string(),
    created_at: z.string(),
  })
  .meta({ id: 'Identifier' });

/** Fields some roles may not read (access/fields.ts): left out of the answer for them. */
const allowListed = 'Left out when your role may not read it';

export const personOut = z
  .object({
    id: z.string(),
    agency_id: z.string(),
    case_id: z.string(),
    external_id: z.string().nullable().optional().describe(allowListed),
    role: z.string(),
    full_name: z.string(),
    aliases: z.array(z.string()).optional().describe(allowListed),
    relation_kind: z.string().nullable().optional().describe(allowListed),
    relation_name: z.string().nullable().optional().describe(allowListed),
    gender: z.string().nullable(),
    birth_date: z.string().nullable().optional().describe(allowListed),
    age: z.number().nullable().optional().describe(allowListed),
    age_band: z.string().nullable(),
    age_recorded_on: z.string().nullable().optional().describe(allowListed),
    protected: z
      .boolean()
      .describe(
        'A victim or child witness: names and identifying fields are shown only through a logged reveal',
      ),
    address: z.string().nullable().optional().describe(allowListed),
    pincode: z.string().nullable().optional().describe(allowListed),
    district_lgd_code: z.number().nullable().optional().describe(allowListed),
    notes: z.string().nullable().optional().describe(allowListed),
    distribution: z.string(),
    profile_id: z
      .string()
      .nullable()
      .optional()
      .describe(
        'The canonical person profile this record belongs to (on case and person reads); null when none',
      ),
    version: z.number(),
    created_at: z.string(),
    updated_at: z.string(),
    identifiers: z
      .array(identifierOut)
      .optional()
      .describe('On a case or person read, when your role may read this person’s identifiers'),
  })
  .meta({ id: 'Person' });
export type PersonOut = z.infer<typeof personOut>;

export const caseSummaryOut = z
  .object({
    id: z.string(),
    agency: agencyRef,
    external_id: z.string().nullable().optional().describe(allowListed),
    fir_number: z.string().nullable(),
    fir_kind: z.string(),
    registered_at: z.string(),
    place: z.string().nullable().optional().describe(allowListed),
    pincode: z.string().nullable().optional().describe(allowListed),
    state_lgd_code: z.number().nullable(),
    district_lgd_code: z.number().nullable(),
    district_name: z.string().nullable(),
    status: z.string(),
    procedure_code: z.string(),
    offences: z.array(z.string()),
    distribution: z.string(),
    sharing_group_id: z.string().nullable().optional().describe(allowListed),
    access: z
      .enum(['own', 'shared', 'disclosed'])
      .describe(
        'own: your agency or below; shared: its distribution reaches you; disclosed: granted to you on request',
      ),
    person_counts: z
      .record(z.string(), z.number())
      .describe('Persons by role in the case, of the roles your role may see'),
    updated_at: z.string(),
    version: z.number(),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof caseSummaryOut>;

export const transferTraceOut = z
  .object({
    direction: z
      .enum(['in', 'out'])
      .describe(
        'out: this agency sent the case (this is its read-only trace); in: this is the copy it received',
      ),
    agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    case_id: z.string().describe('The case at the other end (the copy, or the case it was copied from)'),
    fir_number: z.string().nullable().describe('The sending station’s FIR number (on the copy)'),
    reason: z.string(),
    consent_override_reason: z.string().nullable(),
    transferred_at: z.string(),
  })
  .meta({ id: 'CaseTransferTrace' });

export const caseOut = caseSummaryOut
  .extend({
    gd_entry: z.string().nullable().optional().describe(allowListed),
    occurred_from: z.string().nullable().optional().describe(allowListed),
    occurred_to: z.string().nullable().optional().describe(allowListed),
    summary: z.string().nullable().optional().describe(allowListed),
    created_at: z.string(),
    created_by: z.string().nullable().optional().describe(allowListed),
    assigned_to: z.string().nullable().optional().describe('The investigating officer (user id)'),
    transfer: transferTraceOut.nullable().optional().describe(allowListed),
    persons: z.array(personOut).optional().describe(allowListed),
    identifiers: z
      .array(identifierOut)
      .optional()
      .describe(
        'Identifiers on the case itself (not on a person); left out when your role may not read them',
      ),
  })
  .meta({ id: 'Case' });
export type CaseOut = z.infer<typeof caseOut>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next_cursor: z.string().nullable() });
