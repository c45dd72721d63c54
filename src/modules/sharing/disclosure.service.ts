import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { DB, DisclosuresTable } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { AppError, notFound, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { type Actor, agencyInScope, agencyScope, assertCan, can } from '../access/actor.ts';
import { ownRecords, readable } from '../access/policy.ts';
import { isRole, roles } from '../access/roles.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findCase } from '../cases/case.repository.ts';
import { type Matches, matchCase, matchValues } from '../grid/matches.ts';
import { identifierSearchForms } from '../identifiers/normalise.ts';
import { requireConsent } from './consent-check.ts';
import type {
  consentInput,
  disclosureDecisionInput,
  disclosureListQuery,
  disclosureOut,
  disclosureRequestInput,
  hitOut,
  referralInput,
} from './sharing.schemas.ts';
import { fieldGroups } from './sharing.schemas.ts';

type DisclosureRow = Selectable<DisclosuresTable>;

const contactColumns = [
  'id',
  'code',
  'name',
  'kind',
  'contact_officer',
  'contact_phone',
  'contact_email',
] as const;

async function contacts(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return new Map<string, z.infer<typeof hitOut>['agency']>();
  const rows = await db
    .selectFrom('agencies')
    .select(contactColumns)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((a) => [a.id, a]));
}

export async function notify(
  db: Kysely<DB>,
  agencyId: string,
  kind: string,
  subjectId: string,
  message: string,
  subjectKind: 'disclosure' | 'case' = 'disclosure',
) {
  await db
    .insertInto('notifications')
    .values({
      agency_id: agencyId,
      id: newId(),
      kind,
      subject_kind: subjectKind,
      subject_id: subjectId,
      message,
    })
    .execute();
}

/**
 * The API shape of disclosures, for `actor`: the case's FIR number only when the caller may read the case, and
 * who asked by name and role (never the email).
 */
async function present(
  db: Kysely<DB>,
  actor: Actor,
  rows: DisclosureRow[],
): Promise<z.infer<typeof disclosureOut>[]> {
  const agencies = await contacts(
    db,
    rows.flatMap((r) => [r.agency_id, r.requester_agency_id]),
  );
  const caseIds = [...new Set(rows.filter((r) => r.record_kind === 'case').map((r) => r.record_id))];
  const cases = caseIds.length
    ? await db
        .selectFrom('cases as c')
        .select(['c.agency_id', 'c.id', 'c.fir_number', readable(actor, 'c').as('can_read')])
        .where('c.id', 'in', caseIds)
        .execute()
    : [];
  const firOf = new Map(cases.map((c) => [`${c.agency_id}:${c.id}`, c.can_read ? c.fir_number : null]));
  const userIds = [
    ...new Set(rows.map((r) => r.requester_user_id).filter((id): id is string => id !== null)),
  ];
  const users = userIds.length
    ? await db.selectFrom('users').select(['id', 'display_name', 'role']).where('id', 'in', userIds).execute()
    : [];
  const userOf = new Map(users.map((u) => [u.id, u]));
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return rows.map((r) => {
    const u = r.requester_user_id ? userOf.get(r.requester_user_id) : undefined;
    return {
      id: r.id,
      kind: r.kind,
      record_kind: r.record_kind,
      record_id: r.record_id,
      fir_number: firOf.get(`${r.agency_id}:${r.record_id}`) ?? null,
      owner: agencies.get(r.agency_id)!,
      requester: agencies.get(r.requester_agency_id)!,
      requested_by: u
        ? {
            id: u.id,
            display_name: u.display_name,
            role: u.role,
            role_label: isRole(u.role) ? roles[u.role].label : u.role,
          }
        : null,
      purpose: r.purpose,
      case_reference: r.case_reference,
      fields_requested: r.fields_requested,
      status: r.status,
      fields_granted: r.fields_granted,
      expires_at: iso(r.expires_at),
      decided_at: iso(r.decided_at),
      decision_reason: r.decision_reason,
      consent_override_reason: r.consent_override_reason,
      created_at: iso(r.created_at)!,
    };
  });
}

/**
 * Matches of identifiers against every agency's records: links to records the caller reads, hits for the others
 * (MISP's lesson), warning-listed and over-common values flagged instead (see src/modules/grid).
 */
export async function identifierMatches(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  probes: { kind: string; normalised: string }[],
  excludeCaseId?: string,
): Promise<Matches> {
  assertCan(actor, 'case:read');
  return matchValues(db, keyring, actor, probes, excludeCaseId ? { excludeCaseId } : {});
}

/** Matches for one typed value (any spelling); the search is audited without its text. */
export async function searchIdentifier(
  db: Kysely<DB>,
  keyring: Keyring,
  actor: Actor,
  kind: string,
  value: string,
) {
  const forms = identifierSearchForms(value);
  const result = await identifierMatches(
    db,
    keyring,
    actor,
    forms.map((normalised) => ({ kind, normalised })),
  );
  await recordAudit(db, actor, {
    action: 'grid.search_identifier',
    detail: { kind, links: result.links.length, hits: result.hits.length },
  });
  return result;
}

/** Links and hits for every identifier of a case the caller reads. */
export async function caseMatches(db: Kysely<DB>, keyring: Keyring, actor: Actor, caseId: string) {
  assertCan(actor, 'case:read');
  const c = await findCase(db, actor, caseId);
  if (!c) throw notFound('Case');
  return matchCase(db, keyring, actor, c);
}

export async function requestDisclosure(
  db: Kysely<DB>,
  actor: Actor,
  input: z.infer<typeof disclosureRequestInput>,
) {
  assertCan(actor, 'disclosure:request');
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const record = await tx
      .selectFrom('cases')
      .select(['agency_id', 'id'])
      .where('id', '=', input.record_id)
      .executeTakeFirst();
    if (!record) throw notFound('Case');
    if (await findCase(tx, actor, record.id)) {
      throw new AppError('conflict', 'record_id: you can already read this case', [
        { field: 'record_id', message: 'you can already read this case' },
      ]);
    }
    const pending = await tx
      .selectFrom('disclosures')
      .select('id')
      .where('agency_id', '=', record.agency_id)
      .where('record_id', '=', record.id)
      .where('requester_agency_id', '=', actor.agencyId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) {
      throw new AppError('conflict', 'record_id: your agency already has a pending request for this case', [
        { field: 'record_id', message: 'your agency already has a pending request for this case' },
      ]);
    }
    await tx
      .insertInto('disclosures')
      .values({
        agency_id: record.agency_id,
        id,
        kind: 'request',
        record_kind: 'case',
        record_id: record.id,
        requester_agency_id: actor.agencyId,
        requester_user_id: actor.userId,
        purpose: input.purpose,
        case_reference: input.case_reference,
        fields_requested: input.fields ?? [...fieldGroups],
      })
      .execute();
    await notify(
      tx,
      record.agency_id,
      'disclosure.requested',
      id,
      'Another agency asks to see one of your cases',
    );
    await recordAudit(tx, actor, {
      action: 'disclosure.request',
      recordKind: 'case',
      recordId: record.id,
      recordAgencyId: record.agency_id,
      detail: { disclosure_id: id, purpose: input.purpose, fields: input.fields ?? [...fieldGroups] },
    });
  });
  return (await present(db, actor, [await loadDisclosure(db, id)]))[0]!;
}

/**
 * One disclosure request or referral, for either side: the owner's (agencies in the caller's scope, with
 * `disclosure:decide`) or the requester's (the caller's own agency, with `disclosure:request`). Anyone else gets
 * 404, as for a missing one. Viewing it is audited (it names a case and, to those who may read it, its FIR).
 */
export async function getDisclosure(db: Kysely<DB>, actor: Actor, id: string) {
  const decides = can(actor, 'disclosure:decide');
  const requests = can(actor, 'disclosure:request');
  if (!decides && !requests) assertCan(actor, 'disclosure:request');
  const row = await db
    .selectFrom('disclosures')
    .selectAll()
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        ...(decides ? [agencyScope(actor, 'agency_id')] : []),
        ...(requests ? [eb('requester_agency_id', '=', actor.agencyId)] : []),
      ]),
    )
    .executeTakeFirst();
  if (!row) throw notFound('Disclosure');
  const d = row as DisclosureRow;
  await recordAudit(db, actor, {
    action: 'disclosure.view',
    recordKind: 'case',
    recordId: d.record_id,
    recordAgencyId: d.agency_id,
    detail: { disclosure_id: d.id },
  });
  return (await present(db, actor, [d]))[0]!;
}

async function loadDisclosure(db: Kysely<DB>, id: string): Promise<DisclosureRow> {
  const row = await db.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Disclosure');
  return row as DisclosureRow;
}

export async function listDisclosures(db: Kysely<DB>, actor: Actor, q: z.infer<typeof disclosureListQuery>) {
  assertCan(actor, q.box === 'inbox' ? 'disclosure:decide' : 'disclosure:request');
  let query = db.selectFrom('disclosures').selectAll();
  query =
    q.box === 'inbox'
      ? // Requests to the caller's agency, and for supervisors to the agencies below it (they may decide them).
        query.where(agencyScope(actor, 'agency_id'))
      : query.where('requester_agency_id', '=', actor.agencyId);
  if (q.status) query = query.where('status', '=', q.status);
  const rows = (await query.orderBy('created_at', 'desc').limit(200).execute()) as DisclosureRow[];
  return { items: await present(db, actor, rows) };
}

/** Only the agency that owns the record decides; a refusal carries a reason, an approval its field groups. */
export async function decideDisclosure(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.infer<typeof disclosureDecisionInput>,
) {
  assertCan(actor, 'disclosure:decide');
  await db.transaction().execute(async (tx) => {
    const d = await tx
      .selectFrom('disclosures')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!d || !(await agencyInScope(tx, actor, d.agency_id))) throw notFound('Disclosure');
    if (d.status !== 'pending')
      throw new AppError('conflict', `status: the request is already ${d.status}`, [
        { field: 'status', message: `is already ${d.status}` },
      ]);
    if (input.expires_at && Date.parse(input.expires_at) <= Date.now())
      throw validationError('expires_at', 'must be in the future');
    const approve = input.decision === 'approve';
    const fields = approve ? (input.fields ?? d.fields_requested) : [];
    await tx
      .updateTable('disclosures')
      .set({
        status: approve ? 'approved' : 'refused',
        fields_granted: fields,
        expires_at: input.expires_at ?? null,
        decided_by: actor.userId,
        decided_at: new Date(),
        decision_reason: input.reason ?? null,
      })
      .where('agency_id', '=', d.agency_id)
      .where('id', '=', d.id)
      .execute();
    await notify(
      tx,
      d.requester_agency_id,
      approve ? 'disclosure.approved' : 'disclosure.refused',
      d.id,
      approve ? 'Your disclosure request was approved' : 'Your disclosure request was refused',
    );
    await recordAudit(tx, actor, {
      action: approve ? 'disclosure.approve' : 'disclosure.refuse',
      recordKind: 'case',
      recordId: d.record_id,
      recordAgencyId: d.agency_id,
      detail: { disclosure_id: d.id, fields, reason: input.reason ?? null },
    });
  });
  return (await present(db, actor, [await loadDisclosure(db, id)]))[0]!;
}

export async function withdrawDisclosure(db: Kysely<DB>, actor: Actor, id: string) {
  assertCan(actor, 'disclosure:request');
  await db.transaction().execute(async (tx) => {
    const d = await tx
      .selectFrom('disclosures')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!d || d.requester_agency_id !== actor.agencyId) throw notFound('Disclosure');
    if (d.status !== 'pending' && d.status !== 'approved') {
      throw new AppError('conflict', `status: the request is already ${d.status}`, [
        { field: 'status', message: `is already ${d.status}` },
      ]);
    }
    await tx
      .updateTable('disclosures')
      .set({ status: 'withdrawn' })
      .where('agency_id', '=', d.agency_id)
      .where('id', '=', d.id)
      .execute();
    await recordAudit(tx, actor, {
      action: 'disclosure.withdraw',
      recordKind: 'case',
      recordId: d.record_id,
      recordAgencyId: d.agency_id,
      detail: { disclosure_id: d.id },
    });
  });
  return (await present(db, actor, [await loadDisclosure(db, id)]))[0]!;
}

/**
 * The owner refers a case to another agency (a CWC, a DCPU, a court). Primero's rule: the consent of each child
 * victim and of a guardian is recorded first, unless a permitted role overrides with a reason.
 */
export async function referCase(
  db: Kysely<DB>,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof referralInput>,
) {
  assertCan(actor, 'case:write');
  // Asking to go ahead without consent is for the roles that may, whatever the case.
  if (input.consent_override_reason) assertCan(actor, 'consent:override');
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const c = await findCase(tx, actor, caseId, 'write');
    if (!c) throw notFound('Case');
    const target = await tx
      .selectFrom('agencies')
      .select(['id'])
      .where('id', '=', input.to_agency_id)
      .executeTakeFirst();
    if (!target) throw validationError('to_agency_id', 'is not an agency');
    if (target.id === c.agency_id) throw validationError('to_agency_id', 'is the agency that owns the case');
    const overridden = await requireConsent(
      tx,
      actor,
      c,
      target.id,
      'referral',
      input.consent_override_reason,
    );
    await tx
      .insertInto('disclosures')
      .values({
        agency_id: c.agency_id,
        id,
        kind: 'referral',
        record_kind: 'case',
        record_id: c.id,
        requester_agency_id: target.id,
        requester_user_id: actor.userId,
        purpose: input.purpose,
        fields_requested: input.fields ?? [...fieldGroups],
        status: 'approved',
        fields_granted: input.fields ?? [...fieldGroups],
        expires_at: input.expires_at ?? null,
        decided_by: actor.userId,
        decided_at: new Date(),
        consent_override_reason: overridden ? (input.consent_override_reason ?? null) : null,
      })
      .execute();
    await notify(tx, target.id, 'referral.received', id, 'A case was referred to your agency');
    await recordAudit(tx, actor, {
      action: 'case.refer',
      recordKind: 'case',
      recordId: c.id,
      recordAgencyId: c.agency_id,
      detail: {
        disclosure_id: id,
        to_agency_id: target.id,
        consent_override: overridden,
        purpose: input.purpose,
      },
    });
  });
  return (await present(db, actor, [await loadDisclosure(db, id)]))[0]!;
}

/** Consent of a child victim (or child witness) or of the guardian, recorded by the agency that owns the case. */
export async function recordConsent(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  input: z.infer<typeof consentInput>,
) {
  assertCan(actor, 'case:write');
  const id = newId();
  const person = await db.transaction().execute(async (tx) => {
    const p = await tx
      .selectFrom('persons as p')
      .select(['p.agency_id', 'p.id', 'p.protected'])
      .where('p.id', '=', personId)
      .where(ownRecords(actor, 'p', 'p.case_id'))
      .executeTakeFirst();
    if (!p) throw notFound('Person');
    if (!p.protected)
      throw validationError('person_id', 'consent is recorded for child victims and child witnesses');
    if (input.to_agency_id) {
      const to = await tx
        .selectFrom('agencies')
        .select('id')
        .where('id', '=', input.to_agency_id)
        .executeTakeFirst();
      if (!to) throw validationError('to_agency_id', 'is not an agency');
    }
    await tx
      .insertInto('consents')
      .values({
        agency_id: p.agency_id,
        id,
        person_id: p.id,
        given_by: input.given_by,
        purpose: input.purpose,
        to_agency_id: input.to_agency_id ?? null,
        recorded_by: actor.userId,
        notes: input.notes ?? null,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: 'consent.record',
      recordKind: 'person',
      recordId: p.id,
      recordAgencyId: p.agency_id,
      detail: { given_by: input.given_by, purpose: input.purpose },
    });
    return p;
  });
  return listConsents(db, actor, person.id).then((l) => l.items.find((c) => c.id === id)!);
}

export async function listConsents(db: Kysely<DB>, actor: Actor, personId: string) {
  assertCan(actor, 'case:read');
  const p = await db
    .selectFrom('persons as p')
    .select(['p.agency_id', 'p.id'])
    .where('p.id', '=', personId)
    .where(ownRecords(actor, 'p', 'p.case_id'))
    .executeTakeFirst();
  if (!p) throw notFound('Person');
  const rows = await db
    .selectFrom('consents')
    .selectAll()
    .where('agency_id', '=', p.agency_id)
    .where('person_id', '=', p.id)
    .orderBy('recorded_at')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      person_id: r.person_id,
      given_by: r.given_by,
      purpose: r.purpose,
      to_agency_id: r.to_agency_id,
      recorded_at: new Date(r.recorded_at).toISOString(),
      withdrawn_at: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null,
      notes: r.notes,
    })),
  };
}

export async function listNotifications(db: Kysely<DB>, actor: Actor, unreadOnly: boolean) {
  let q = db.selectFrom('notifications').selectAll().where('agency_id', '=', actor.agencyId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('created_at', 'desc').limit(200).execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      subject_kind: r.subject_kind,
      subject_id: r.subject_id,
      message: r.message,
      created_at: new Date(r.created_at).toISOString(),
      read_at: r.read_at ? new Date(r.read_at).toISOString() : null,
    })),
  };
}

/** Marks every unread notification of the caller's agency read; returns how many. */
export async function markAllNotificationsRead(db: Kysely<DB>, actor: Actor): Promise<{ marked: number }> {
  return db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('agency_id', '=', actor.agencyId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    const marked = Number(r.numUpdatedRows);
    if (marked > 0)
      await recordAudit(tx, actor, { action: 'notification.read_all', detail: { count: marked } });
    return { marked };
  });
}

export async function markNotificationRead(db: Kysely<DB>, actor: Actor, id: string) {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('agency_id', '=', actor.agencyId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw notFound('Notification');
}
