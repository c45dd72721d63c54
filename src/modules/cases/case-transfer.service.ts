import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { notFound, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { type Actor, assertCan } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { checkWatchlists, type WatchMatch } from '../grid/alerts.ts';
import { correlateCases } from '../grid/correlate.ts';
import { linkRecords } from '../profiles/profile.repository.ts';
import { requireConsent } from '../sharing/consent-check.ts';
import { notify } from '../sharing/disclosure.service.ts';
import { identifierAad, openFields } from '../victims/protection.ts';
import { caseChildren, findCase } from './case.repository.ts';
import { type CaseInput, type IdentifierInput, type PersonInput, uuid } from './case.schemas.ts';
import { writeCases } from './case-writer.ts';

/**
 * Agencies a case can be transferred to: police units that register and investigate — the station with
 * jurisdiction for a zero FIR (BNSS s.173(1); india-law.md §a.1 A7), an AHTU or cyber police station, or the CID
 * or CBI taking over an investigation. CWCs, DCPUs, NGOs, courts and prosecutors receive a referral instead.
 */
export const transferTargets = ['police_station', 'ahtu', 'cyber_cell', 'cid', 'cbi'] as const;

export const transferInput = z.strictObject({
  to_agency_id: uuid.describe('The agency with jurisdiction: a police station, AHTU, cyber cell, CID or CBI'),
  reason: z
    .string()
    .trim()
    .min(
      15,
      'state the reason in at least 15 characters, e.g. "offence committed in the area of PS Kasba Peth"',
    )
    .max(1000),
  consent_override_reason: z
    .string()
    .trim()
    .min(15, 'explain in at least 15 characters why the transfer cannot wait for consent')
    .max(1000)
    .optional(),
});
export type TransferInput = z.infer<typeof transferInput>;

export const transferOut = z
  .object({
    id: z.string(),
    case_id: z.string().describe('Your case, now kept read-only with status `transferred`'),
    to_agency: z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() }),
    to_case_id: z.string().describe("The receiving agency's copy (its record; you cannot read it)"),
    reason: z.string(),
    consent_override_reason: z.string().nullable(),
    transferred_at: z.string(),
  })
  .meta({ id: 'CaseTransfer' });
export type TransferOut = z.infer<typeof transferOut>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * Transfers a case to the agency with jurisdiction. The receiving agency gets a copy of the case with its
 * offences, persons and identifiers, under new ids and its own pseudonyms (victims' identities are opened on the
 * server and sealed again under the receiver's record: a sealed value is bound to its row); the sending agency
 * keeps its case read-only, with status `transferred`, both ends linked by the transfer. Nothing is moved or
 * deleted: rows keep the agency in their keys (and their shard), and the audit trail of the original stays whole.
 *
 * As for a referral, the consent of each child (victim or child witness) and a guardian to a transfer is on
 * record first, unless a role with `consent:override` gives a reason (consent-check.ts).
 */
export async function transferCase(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  caseId: string,
  input: TransferInput,
): Promise<TransferOut> {
  assertCan(actor, 'case:transfer');
  if (input.consent_override_reason) assertCan(actor, 'consent:override');
  const id = newId();
  await db.transaction().execute(async (tx) => {
    // Only a case of the caller's own scope, not already transferred (409).
    const c = await findCase(tx, actor, caseId, 'write');
    if (!c) throw notFound('Case');
    const target = await tx
      .selectFrom('agencies')
      .select(['id', 'kind'])
      .where('id', '=', input.to_agency_id)
      .executeTakeFirst();
    if (!target) throw validationError('to_agency_id', 'is not an agency');
    if (target.id === c.agency_id) throw validationError('to_agency_id', 'is the agency that owns the case');
    if (!(transferTargets as readonly string[]).includes(target.kind))
      throw validationError(
        'to_agency_id',
        `is a ${target.kind}: a case is transferred to a police station, AHTU, cyber cell, CID or CBI (refer it to the others)`,
      );
    const overridden = await requireConsent(
      tx,
      actor,
      c,
      target.id,
      'transfer',
      input.consent_override_reason,
    );

    const { persons, identifiers } = await caseChildren(tx, c.agency_id, c.id);
    const identifierOf = (i: (typeof identifiers)[number]): IdentifierInput => ({
      kind: i.kind,
      value: i.protected ? keyring.decrypt(i.value, identifierAad(i.agency_id, i.id)) : i.value,
    });
    // A group the receiver may not belong to does not travel with the case: it decides whom to share with.
    const distribution = c.distribution === 'group' ? 'agency' : c.distribution;
    const copy: CaseInput = {
      fir_number: null,
      fir_kind: c.fir_kind as CaseInput['fir_kind'],
      registered_at: new Date(c.registered_at).toISOString(),
      occurred_from: iso(c.occurred_from),
      occurred_to: iso(c.occurred_to),
      place: c.place,
      pincode: c.pincode,
      district_lgd_code: c.district_lgd_code,
      status: 'registered',
      procedure_code: c.procedure_code as CaseInput['procedure_code'],
      summary: c.summary,
      offences: c.offences,
      distribution,
      persons: persons.map((p): PersonInput => {
        const f = p.protected ? openFields(keyring, p.agency_id, p.id, p.sealed!) : p;
        return {
          role: p.role,
          full_name: f.full_name,
          aliases: f.aliases,
          relation_kind: p.relation_kind as PersonInput['relation_kind'],
          relation_name: f.relation_name,
          gender: p.gender as PersonInput['gender'],
          birth_date: f.birth_date,
          age: p.age,
          age_recorded_on: p.age_recorded_on,
          address: f.address,
          pincode: f.pincode,
          district_lgd_code: p.district_lgd_code,
          notes: f.notes,
          distribution: p.distribution === 'group' ? 'agency' : p.distribution,
          identifiers: identifiers.filter((i) => i.person_id === p.id).map(identifierOf),
        };
      }),
      identifiers: identifiers.filter((i) => !i.person_id).map(identifierOf),
    };
    // Correlated below, once the transfer links the copy to its original: the grid takes them for one case.
    const written = await writeCases(tx, keyring, [{ agencyId: target.id, input: copy, createdBy: null }], {
      correlate: false,
    });
    const toCaseId = written.caseIds[0] as string;
    await tx
      .insertInto('case_transfers')
      .values({
        agency_id: c.agency_id,
        id,
        case_id: c.id,
        to_agency_id: target.id,
        to_case_id: toCaseId,
        reason: input.reason,
        consent_override_reason: overridden ? (input.consent_override_reason ?? null) : null,
        transferred_by: actor.userId,
      })
      .execute();
    await tx
      .updateTable('cases')
      .set({ status: 'transferred', updated_at: new Date(), version: sql<number>`version + 1` })
      .where('agency_id', '=', c.agency_id)
      .where('id', '=', c.id)
      .execute();
    // Each copied person is the same record as its original: linked into its profile by rule, never matched with
    // it (no deconfliction, re-trafficking or review between them; one case for the profile's flags). A watcher of
    // the person learns where the case is now, as an identifier watch does from the copy's identifiers.
    const copies = written.personIds[0] ?? [];
    const watched: WatchMatch[] = [];
    for (const [i, original] of persons.entries()) {
      const copy = copies[i];
      if (!copy) continue;
      const profileId = await linkRecords(
        tx,
        { agencyId: c.agency_id, personId: original.id },
        { agencyId: target.id, personId: copy },
        {
          method: 'rule',
          score: null,
          modelVersion: 'case-transfer',
          reviewerId: null,
          detail: { transfer_id: id },
        },
      );
      watched.push({
        match: { profileId, personId: copy },
        record: { agencyId: target.id, caseId: toCaseId },
        on: 'profile',
        writtenBy: actor.userId,
        detail: { transfer_id: id },
      });
    }
    await checkWatchlists(tx, watched);
    await correlateCases(tx, keyring, [{ agencyId: target.id, caseId: toCaseId }], {
      writtenBy: actor.userId,
    });
    await notify(
      tx,
      target.id,
      'transfer.received',
      toCaseId,
      'A case was transferred to your agency',
      'case',
    );
    await recordAudit(tx, actor, [
      {
        action: 'case.create',
        recordKind: 'case',
        recordId: toCaseId,
        recordAgencyId: target.id,
        detail: {
          transfer_id: id,
          transferred_from_case_id: c.id,
          persons: written.persons,
          identifiers: written.identifiers,
        },
      },
      {
        action: 'case.transfer',
        recordKind: 'case',
        recordId: c.id,
        recordAgencyId: c.agency_id,
        detail: {
          transfer_id: id,
          to_agency_id: target.id,
          to_case_id: toCaseId,
          consent_override: overridden,
          purpose: input.reason,
        },
      },
    ]);
  });
  return loadTransfer(db, id);
}

async function loadTransfer(db: Kysely<DB>, id: string): Promise<TransferOut> {
  const t = await db
    .selectFrom('case_transfers as t')
    .innerJoin('agencies as a', 'a.id', 't.to_agency_id')
    .select([
      't.id',
      't.case_id',
      't.to_case_id',
      't.reason',
      't.consent_override_reason',
      't.transferred_at',
      'a.id as agency_id',
      'a.code',
      'a.name',
      'a.kind',
    ])
    .where('t.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: t.id,
    case_id: t.case_id,
    to_agency: { id: t.agency_id, code: t.code, name: t.name, kind: t.kind },
    to_case_id: t.to_case_id,
    reason: t.reason,
    consent_override_reason: t.consent_override_reason,
    transferred_at: new Date(t.transferred_at).toISOString(),
  };
}
