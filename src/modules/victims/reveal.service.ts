import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { type Actor, assertCan } from '../access/actor.ts';
import { ownRecords, readable, visiblePersons } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { identifierAad, openFields } from './protection.ts';

export const revealInput = z.strictObject({
  purpose: z
    .string()
    .trim()
    .min(
      10,
      'state why you need the identity (at least 10 characters), e.g. "production before CWC on 3 Dec"',
    )
    .max(500),
});

/** How recent the second factor must be for a reveal. */
export const REVEAL_MFA_MINUTES = 15;

export const revealOut = z.object({
  person_id: z.string(),
  pseudonym: z.string(),
  full_name: z.string(),
  aliases: z.array(z.string()),
  relation_name: z.string().nullable(),
  birth_date: z.string().nullable(),
  age: z.number().nullable(),
  address: z.string().nullable(),
  pincode: z.string().nullable(),
  notes: z.string().nullable(),
  identifiers: z.array(z.object({ id: z.string(), kind: z.string(), value: z.string() })),
});

/**
 * Reveals a protected person's identity: a role allowed to (`victim:reveal`), a stated purpose, a second factor
 * verified in this session within the last 15 minutes, and a record the caller may read. Every reveal is in the
 * audit log with its purpose, and the owning agency can list them.
 */
export async function revealPerson(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  personId: string,
  purpose: string,
  mfaVerifiedAt: Date | null,
): Promise<z.infer<typeof revealOut>> {
  assertCan(actor, 'victim:reveal');
  if (!mfaVerifiedAt || Date.now() - mfaVerifiedAt.getTime() > REVEAL_MFA_MINUTES * 60_000) {
    throw new AppError(
      'mfa_required',
      `Revealing a victim's identity needs a second factor verified in this browser session within the last ${REVEAL_MFA_MINUTES} minutes`,
    );
  }
  const p = await db
    .selectFrom('persons as p')
    .selectAll('p')
    .where(readable(actor, 'p', 'p.case_id', 'persons'))
    .where(visiblePersons(actor, 'p'))
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!p) throw notFound('Person');
  const fields = p.protected
    ? openFields(keyring, p.agency_id, p.id, p.sealed!)
    : {
        full_name: p.full_name,
        aliases: p.aliases,
        relation_name: p.relation_name,
        birth_date: p.birth_date,
        address: p.address,
        pincode: p.pincode,
        notes: p.notes,
      };
  const identifiers = await db
    .selectFrom('identifiers')
    .select(['id', 'agency_id', 'kind', 'value', 'protected'])
    .where('agency_id', '=', p.agency_id)
    .where('person_id', '=', p.id)
    .orderBy('id')
    .execute();
  await recordAudit(db, actor, {
    action: 'victim.reveal',
    recordKind: 'person',
    recordId: p.id,
    recordAgencyId: p.agency_id,
    // The purpose is the point of the log; the revealed values are never written to it.
    detail: { purpose, fields: Object.keys(fields), identifiers: identifiers.length },
  });
  return {
    person_id: p.id,
    pseudonym: p.full_name,
    ...fields,
    age: p.age,
    identifiers: identifiers.map((i) => ({
      id: i.id,
      kind: i.kind,
      value: i.protected ? keyring.decrypt(i.value, identifierAad(i.agency_id, i.id)) : i.value,
    })),
  };
}

export const revealLogOut = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      user_id: z.string().nullable(),
      user_name: z.string().nullable(),
      agency: z.string().nullable(),
      role: z.string().nullable(),
      purpose: z.string().nullable(),
      client_address: z.string().nullable(),
    }),
  ),
});

/** Who revealed this person's identity, when and why — for the agency that owns the record (and those above it). */
export async function listReveals(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
): Promise<z.infer<typeof revealLogOut>> {
  assertCan(actor, 'case:read');
  const p = await db
    .selectFrom('persons as p')
    .select(['p.id', 'p.agency_id'])
    .where('p.id', '=', personId)
    .where(ownRecords(actor, 'p', 'p.case_id'))
    .executeTakeFirst();
  if (!p) throw notFound('Person');
  const rows = await db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .leftJoin('agencies as a', 'a.id', 'e.agency_id')
    .select([
      'e.occurred_at',
      'e.user_id',
      'u.display_name',
      'a.name as agency_name',
      'e.role',
      'e.detail',
      'e.client_address',
    ])
    .where('e.action', '=', 'victim.reveal')
    .where('e.record_id', '=', p.id)
    .orderBy('e.occurred_at', 'desc')
    .limit(500)
    .execute();
  return {
    items: rows.map((r) => {
      const detail = (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as {
        purpose?: string;
      } | null;
      return {
        at: new Date(r.occurred_at).toISOString(),
        user_id: r.user_id,
        user_name: r.display_name,
        agency: r.agency_name,
        role: r.role,
        purpose: detail?.purpose ?? null,
        client_address: r.client_address,
      };
    }),
  };
}
