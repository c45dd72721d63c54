import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { personRoles } from '../../shared/vocabulary.ts';
import { type Actor, agencyScope } from './actor.ts';
import { identifierOwnerRoles, visiblePersonRoles } from './fields.ts';
import { roles } from './roles.ts';

/**
 * The records the caller holds as its own — reads in full and, with `case:write`, changes: those of the agencies
 * in its scope (its agency, or the agencies below it) and, for a `self` role, of those only the cases it created
 * or is assigned to (and their persons and identifiers).
 *
 * `t` is the SQL alias of a table with `agency_id`; `caseId` the expression naming the case the row belongs to.
 */
export function ownRecords(actor: Actor, t: string, caseId = `${t}.id`): RawBuilder<SqlBool> {
  const agency = agencyScope(actor, `${t}.agency_id`);
  if (roles[actor.role].scope !== 'self') return agency;
  return sql<SqlBool>`(${agency} and exists (select 1 from cases mine
    where mine.agency_id = ${sql.ref(`${t}.agency_id`)} and mine.id = ${sql.ref(caseId)}
      and (mine.created_by = ${actor.userId} or mine.assigned_to = ${actor.userId})))`;
}

/**
 * Who may read a record (a case, a person, an identifier): the policy compiled to SQL, used by every list and
 * read so that a record the caller may not read is simply not found — and, in searches, becomes a hit.
 *
 * A record is readable by the caller when
 * 1. it is the caller's own (`ownRecords`: its agency, below it for supervisory roles, or for a `self` role the
 *    cases it created or is assigned to — a `self` role reads nothing else); or
 * 2. its distribution level reaches the caller's agency — `district` (same district), `state` (same state),
 *    `national`, or `group` (the caller's agency is a member of the record's sharing group) — and the caller's
 *    role reads shared records (police and analysts; child-welfare roles receive records by referral); or
 * 3. the owning agency approved a disclosure request or made a referral of that case to the caller's agency,
 *    and it has not expired.
 *
 * `t` is the SQL alias of a table with `agency_id`, `distribution`, `sharing_group_id`; `caseId` the expression
 * naming the case the row belongs to (`t.id` for cases, `t.case_id` for persons and identifiers).
 */
export function readable(
  actor: Actor,
  t: string,
  caseId = `${t}.id`,
  /** For persons and identifiers: the field group a disclosure must grant (`persons`, `identifiers`). */
  grantField?: string,
): RawBuilder<SqlBool> {
  const own = ownRecords(actor, t, caseId);
  // A `self` role holds its own cases; what is shared with or disclosed to its agency is for the others.
  if (roles[actor.role].scope === 'self') return own;
  const viaGrant = grantedCase(actor, t, caseId, grantField);
  if (!roles[actor.role].sharedRecords) return sql<SqlBool>`(${own} or ${viaGrant})`;
  const ref = (c: string) => sql.ref(`${t}.${c}`);
  return sql<SqlBool>`(${own}
    or ${ref('distribution')} = 'national'
    or (${ref('distribution')} in ('state', 'district') and exists (
      select 1 from agencies o join agencies me on me.id = ${actor.agencyId}
      where o.id = ${ref('agency_id')}
        and (case ${ref('distribution')} when 'state' then o.state_lgd_code = me.state_lgd_code
             else o.district_lgd_code = me.district_lgd_code end)))
    or (${ref('distribution')} = 'group' and ${ref('sharing_group_id')} in (
      select group_id from sharing_group_members where agency_id = ${actor.agencyId}))
    or ${viaGrant})`;
}

/** An approved, unexpired disclosure or referral of the case to the caller's agency. */
export function grantedCase(actor: Actor, t: string, caseId: string, field?: string): RawBuilder<SqlBool> {
  const fieldCheck = field ? sql`and ${field} = any(d.fields_granted)` : sql``;
  return sql<SqlBool>`exists (select 1 from disclosures d
    where d.agency_id = ${sql.ref(`${t}.agency_id`)} and d.record_kind = 'case' and d.record_id = ${sql.ref(caseId)}
      and d.requester_agency_id = ${actor.agencyId} and d.status = 'approved'
      and (d.expires_at is null or d.expires_at > now()) ${fieldCheck})`;
}

/** How the caller reads the row: `own` (in scope), `shared` (distribution), `disclosed` (a grant). */
export function accessKind(actor: Actor, t: string): RawBuilder<'own' | 'shared' | 'disclosed'> {
  return sql<'own' | 'shared' | 'disclosed'>`case when ${ownRecords(actor, t)} then 'own'
    when ${grantedCase(actor, t, `${t}.id`)} then 'disclosed' else 'shared' end`;
}

/** The field groups granted to the caller's agency on a disclosed case (empty when read otherwise). */
export function grantedFields(actor: Actor, t: string): RawBuilder<string[]> {
  return sql<string[]>`coalesce((select array_agg(distinct f) from disclosures d, unnest(d.fields_granted) f
    where d.agency_id = ${sql.ref(`${t}.agency_id`)} and d.record_kind = 'case' and d.record_id = ${sql.ref(`${t}.id`)}
      and d.requester_agency_id = ${actor.agencyId} and d.status = 'approved'
      and (d.expires_at is null or d.expires_at > now())), '{}')`;
}

/** Whether the caller's role sees persons of every role (`visiblePersons` is then true). */
export function seesEveryPerson(actor: Actor): boolean {
  return visiblePersonRoles(roles[actor.role].fields).length === personRoles.length;
}

/**
 * Persons whose role in the case the caller's role may see (its field allow-list, fields.ts): an analyst or a
 * prosecutor never finds an informant, a CWC member never an informant either. `p` is the persons alias.
 */
export function visiblePersons(actor: Actor, p: string): RawBuilder<SqlBool> {
  if (seesEveryPerson(actor)) return sql<SqlBool>`true`;
  const visible = visiblePersonRoles(roles[actor.role].fields);
  if (visible.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(`${p}.role`)} in (${sql.join(visible)})`;
}

/**
 * Identifiers the caller's role may see: those on the case itself if its list has the case's `identifiers`, and
 * those of persons whose role's fields include `identifiers`. `i` is the identifiers alias.
 */
export function visibleIdentifiers(actor: Actor, i: string): RawBuilder<SqlBool> {
  const access = roles[actor.role].fields;
  const owners = identifierOwnerRoles(access);
  const onCase = access.case.includes('identifiers');
  if (onCase && owners.length === personRoles.length) return sql<SqlBool>`true`;
  const ref = (c: string) => sql.ref(`${i}.${c}`);
  const caseLevel = onCase ? sql<SqlBool>`${ref('person_id')} is null` : sql<SqlBool>`false`;
  const ofPersons =
    owners.length > 0
      ? sql<SqlBool>`exists (select 1 from persons vp where vp.agency_id = ${ref('agency_id')}
          and vp.id = ${ref('person_id')} and vp.role in (${sql.join(owners)}))`
      : sql<SqlBool>`false`;
  return sql<SqlBool>`(${caseLevel} or ${ofPersons})`;
}

/**
 * A person record the caller may show in full — a link: readable with the case's `persons` granted, and of a role
 * on the caller's field allow-list. `p` is the persons alias. A readable record of a role the list leaves out
 * (an informant, for most) is not a hit either: where it sits would say who the police's source is, so callers
 * leave such records out with `visiblePersons`.
 */
export function readablePerson(actor: Actor, p: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${readable(actor, p, `${p}.case_id`, 'persons')} and ${visiblePersons(actor, p)})`;
}

/**
 * An identifier the caller may be shown, or found or scored by: readable with the case's `identifiers` granted,
 * and one its role sees (`visibleIdentifiers`: a CWC member reads the accused but not his phones). `i` is the
 * identifiers alias.
 */
export function readableIdentifier(actor: Actor, i: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${readable(actor, i, `${i}.case_id`, 'identifiers')} and ${visibleIdentifiers(actor, i)})`;
}

/**
 * Whether an identifier may count for the caller — find a record, score it, match it: on a record the caller does
 * not read at all it makes a hit (`recordReadable` false); on one it reads, only if the caller may be shown it
 * (`readableIdentifier`). A hit on a record the caller reads would say that the hidden value is there (an
 * informant's phone, for an analyst). `i` is the identifiers alias.
 */
export function identifierCounts(
  actor: Actor,
  i: string,
  recordReadable: RawBuilder<SqlBool>,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`(not ${recordReadable} or ${readableIdentifier(actor, i)})`;
}
