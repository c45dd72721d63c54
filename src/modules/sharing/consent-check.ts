import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, type FieldIssue } from '../../shared/errors.ts';
import { type Actor, can } from '../access/actor.ts';

/**
 * Primero's rule: before a case that carries a child's identity goes to another agency — a referral or a
 * transfer — the consent of each protected person (child victim or child witness) and of a guardian is on record
 * for that purpose (and that agency, or any agency); otherwise a role with `consent:override` goes ahead only
 * with a reason, which the caller keeps with the referral or transfer. JJ Model Rules: U (configurable).
 *
 * Returns whether the consent was overridden. Throws 409 `consent_required` naming each missing consent as
 * `consent.<pseudonym>.<child|guardian>` (a pseudonym, never a name), or 403 when the role may not override.
 *
 * ```ts
 * const overridden = await requireConsent(tx, actor, c, target.id, 'transfer', input.consent_override_reason);
 * ```
 */
export async function requireConsent(
  tx: Kysely<DB>,
  actor: Actor,
  c: { agency_id: string; id: string },
  toAgencyId: string,
  purpose: 'referral' | 'transfer',
  overrideReason: string | null | undefined,
): Promise<boolean> {
  const children = await tx
    .selectFrom('persons')
    .select(['id', 'full_name'])
    .where('agency_id', '=', c.agency_id)
    .where('case_id', '=', c.id)
    .where('protected', '=', true)
    .execute();
  if (children.length === 0) return false;
  const given = await tx
    .selectFrom('consents')
    .select(['person_id', 'given_by'])
    .where('agency_id', '=', c.agency_id)
    .where(
      'person_id',
      'in',
      children.map((ch) => ch.id),
    )
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null)
    .where((eb) => eb.or([eb('to_agency_id', 'is', null), eb('to_agency_id', '=', toAgencyId)]))
    .execute();
  const missing: FieldIssue[] = [];
  for (const child of children) {
    for (const who of ['child', 'guardian'] as const) {
      if (!given.some((g) => g.person_id === child.id && g.given_by === who)) {
        missing.push({
          field: `consent.${child.full_name}.${who}`,
          message: `no ${who} consent recorded for ${child.full_name}`,
        });
      }
    }
  }
  if (missing.length === 0) return false;
  if (!overrideReason) {
    throw new AppError(
      'consent_required',
      `Consent is not recorded for ${missing.length} of the children's consents needed`,
      missing,
    );
  }
  if (!can(actor, 'consent:override')) {
    throw new AppError('forbidden', `Your role (${actor.role}) may not make a ${purpose} without consent`);
  }
  return true;
}
