import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/modules/access/roles.ts';
import { issueApiToken } from '../../src/modules/auth/auth.service.ts';
import { ensureProfile, linkRecords } from '../../src/modules/profiles/profile.repository.ts';
import { newId } from '../../src/shared/ids.ts';
import { caseBody, TEST_PASSWORD, testConfig } from '../harness.ts';
import { type CaseRecord, insertDisclosure, SHARED_PHONE, type World } from './fixtures.ts';
import type { DistributedTarget, Target } from './route-policy.ts';

/** One request of the matrix. `headers` replaces the caller's (for calls that must not spend its session). */
export interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface Caller {
  role: Role;
  userId: string;
}

/** How to call a route on a target, as the caller. May prepare state (a fresh pending request, a token). */
export type RequestBuilder = (w: World, target: Target, caller: Caller) => Call | Promise<Call>;

const rec = (w: World, t: Target): CaseRecord => w.records[t as DistributedTarget];
const unique = () => randomBytes(4).toString('hex');
/** A mobile number nobody else uses (warning-list entries and watches must not collide). */
const uniquePhone = () => `98${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0')}`;
const PURPOSE = 'same phone in our FIR 12/2025 (trafficking)';

async function version(w: World, table: 'cases' | 'persons', id: string): Promise<number> {
  const row = await w.database.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst();
  // Another agency's record: any version will do, the answer is 404 before the version is looked at.
  return row?.version ?? 1;
}

async function freshToken(w: World, userId: string) {
  return issueApiToken(w.database.db, testConfig(), userId, 'matrix throwaway', 1);
}

const agencyOf = (w: World, t: Target) =>
  t === 'own' ? w.agencies.A : t === 'below' ? w.agencies.A1 : w.agencies.B;
const userOf = (w: World, t: Target) =>
  t === 'own' ? w.managedUser : t === 'below' ? w.belowUser : w.otherUser;
const groupOf = (w: World, t: Target) => w.groups[t as keyof World['groups']];

async function pendingReview(w: World, t: Target): Promise<string> {
  const mine = { agency: w.noConsentCase.ownerAgencyId, person: w.noConsentCase.accusedId };
  const theirs = { agency: rec(w, t).ownerAgencyId, person: rec(w, t).accusedId };
  const [a, b] = [mine, theirs].sort((x, y) =>
    x.agency === y.agency ? (x.person < y.person ? -1 : 1) : x.agency < y.agency ? -1 : 1,
  );
  const row = await w.database.db
    .insertInto('match_candidates')
    .values({
      id: newId(),
      a_agency_id: a!.agency,
      a_person_id: a!.person,
      b_agency_id: b!.agency,
      b_person_id: b!.person,
      score: 5,
      explanation: JSON.stringify([{ field: 'name', level: 'folded', weight: 5 }]),
      model_version: 'matrix',
    })
    .onConflict((oc) =>
      oc
        .columns(['a_agency_id', 'a_person_id', 'b_agency_id', 'b_person_id'])
        .doUpdateSet({ status: 'pending', reviewer_id: null, reviewed_at: null }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const sheetOf = (w: World, t: Target) => w.sheets[t as keyof World['sheets']];
const tipOf = (w: World, t: Target) => w.tips[t as keyof World['tips']];

/**
 * The target's accused, in one profile with another adult of its case (made once per target): each call links
 * them again — forgetting the rejected pair the last unlink recorded — so that every allowed call has a link to
 * undo. Targets do not share a profile, so the calls of one role, side by side, do not meet.
 */
const partners = new WeakMap<World, Map<Target, string>>();
async function linkedAccused(w: World, t: Target): Promise<{ profileId: string; personId: string }> {
  const r = rec(w, t);
  const known = partners.get(w) ?? new Map<Target, string>();
  partners.set(w, known);
  let partner = known.get(t);
  if (!partner) {
    partner = newId();
    await w.database.db
      .insertInto('persons')
      .columns([
        'agency_id',
        'id',
        'case_id',
        'role',
        'full_name',
        'gender',
        'distribution',
        'sharing_group_id',
      ])
      .expression((eb) =>
        eb
          .selectFrom('persons')
          .select([
            'agency_id',
            eb.val(partner!).as('id'),
            'case_id',
            eb.val('buyer').as('role'),
            eb.val('Synthetic Matrix Partner').as('full_name'),
            'gender',
            'distribution',
            'sharing_group_id',
          ])
          .where('agency_id', '=', r.ownerAgencyId)
          .where('id', '=', r.accusedId),
      )
      .execute();
    known.set(t, partner);
  }
  await w.database.db
    .deleteFrom('match_candidates')
    .where('a_person_id', 'in', [partner, r.accusedId])
    .where('b_person_id', 'in', [partner, r.accusedId])
    .execute();
  const profileId = await linkRecords(
    w.database.db,
    { agencyId: r.ownerAgencyId, personId: partner },
    { agencyId: r.ownerAgencyId, personId: r.accusedId },
    { method: 'model', score: 9, modelVersion: 'matrix', reviewerId: null },
  );
  return { profileId, personId: r.accusedId };
}

async function closeSheetsOf(w: World, agencyId: string) {
  await w.database.db
    .updateTable('history_sheets')
    .set({ status: 'closed', closed_on: '2025-01-31', closure_reason: 'matrix' })
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'open')
    .execute();
}

/** Opens the target's sheet again (closing its agency's others) and returns its version. */
async function reopenSheet(w: World, t: Target): Promise<number> {
  const row = await w.database.db
    .selectFrom('history_sheets')
    .select(['agency_id', 'version'])
    .where('id', '=', sheetOf(w, t))
    .executeTakeFirstOrThrow();
  await closeSheetsOf(w, row.agency_id);
  await w.database.db
    .updateTable('history_sheets')
    .set({ status: 'open', closed_on: null, closure_reason: null })
    .where('id', '=', sheetOf(w, t))
    .execute();
  return row.version;
}

/** A fresh case of A (or A1) for targets in A's scope; the fixture's case for the others (404 either way). */
async function transferable(w: World, t: Target, persons?: unknown[]): Promise<string> {
  if (t !== 'own' && t !== 'assigned' && t !== 'below') return rec(w, t).caseId;
  const owner = t === 'below' ? w.belowUser : w.users.investigating_officer;
  const res = await w.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: owner.headers,
    payload: caseBody(persons ? { persons } : {}),
  });
  return (res.json() as { id: string }).id;
}

/** Keyed by policyName(): the route, and the variant in parentheses. */
export const requests: Record<string, RequestBuilder> = {
  'GET /api/v1/reference/offences': () => ({ method: 'GET', url: '/api/v1/reference/offences' }),
  'GET /api/v1/reference/roles': () => ({ method: 'GET', url: '/api/v1/reference/roles' }),
  'GET /api/v1/reference/states': () => ({ method: 'GET', url: '/api/v1/reference/states' }),
  'GET /api/v1/reference/districts': () => ({
    method: 'GET',
    url: '/api/v1/reference/districts?state_lgd_code=27',
  }),
  'GET /api/v1/agencies': () => ({ method: 'GET', url: '/api/v1/agencies?limit=5' }),
  'GET /api/v1/agencies/:id': (w, t) => ({ method: 'GET', url: `/api/v1/agencies/${agencyOf(w, t).id}` }),
  'POST /api/v1/agencies': (w) => ({
    method: 'POST',
    url: '/api/v1/agencies',
    payload: {
      code: `MX-${unique().toUpperCase()}`,
      name: 'Matrix outpost',
      kind: 'police_station',
      parent_id: w.agencies.A.id,
    },
  }),
  'PATCH /api/v1/agencies/:id': (w, t) => ({
    method: 'PATCH',
    url: `/api/v1/agencies/${agencyOf(w, t).id}`,
    payload: { contact_officer: 'SI Matrix' },
  }),

  'GET /api/v1/auth/me': () => ({ method: 'GET', url: '/api/v1/auth/me' }),
  // Signing out ends the session: spend a throwaway token of the same user, not the caller's.
  'POST /api/v1/auth/sign-out': async (w, _t, caller) => ({
    method: 'POST',
    url: '/api/v1/auth/sign-out',
    headers: { authorization: `Bearer ${(await freshToken(w, caller.userId)).token}` },
  }),
  // Ends the user's other sessions, never the current one: the caller's token survives.
  'POST /api/v1/auth/password': () => ({
    method: 'POST',
    url: '/api/v1/auth/password',
    payload: { current_password: TEST_PASSWORD, new_password: `matrix passphrase ${unique()} walks on` },
  }),
  'GET /api/v1/auth/sessions': () => ({ method: 'GET', url: '/api/v1/auth/sessions' }),
  'DELETE /api/v1/auth/sessions/:id': async (w, t, caller) => ({
    method: 'DELETE',
    url: `/api/v1/auth/sessions/${t === 'own' ? (await freshToken(w, caller.userId)).id : w.otherSessionId}`,
  }),
  'POST /api/v1/auth/tokens': () => ({
    method: 'POST',
    url: '/api/v1/auth/tokens',
    payload: { label: 'matrix' },
  }),
  'POST /api/v1/auth/mfa/setup': () => ({ method: 'POST', url: '/api/v1/auth/mfa/setup' }),
  'POST /api/v1/auth/mfa/confirm': () => ({
    method: 'POST',
    url: '/api/v1/auth/mfa/confirm',
    payload: { code: '123456' },
  }),
  'POST /api/v1/auth/mfa/recovery-codes': () => ({ method: 'POST', url: '/api/v1/auth/mfa/recovery-codes' }),
  'POST /api/v1/auth/mfa/verify': () => ({
    method: 'POST',
    url: '/api/v1/auth/mfa/verify',
    payload: { code: '123456' },
  }),

  'GET /api/v1/cases': (w, t) => ({
    method: 'GET',
    url: `/api/v1/cases?agency_id=${rec(w, t).ownerAgencyId}&limit=200`,
  }),
  'POST /api/v1/cases': () => ({ method: 'POST', url: '/api/v1/cases', payload: caseBody() }),
  'GET /api/v1/cases/:id': (w, t) => ({ method: 'GET', url: `/api/v1/cases/${rec(w, t).caseId}` }),
  'PATCH /api/v1/cases/:id': async (w, t) => ({
    method: 'PATCH',
    url: `/api/v1/cases/${rec(w, t).caseId}`,
    payload: { version: await version(w, 'cases', rec(w, t).caseId), place: 'Near the railway station' },
  }),
  // Each case keeps who holds it: A's stays the investigating officer's, the assigned one the constable's.
  'PATCH /api/v1/cases/:id (assign the investigating officer)': async (w, t) => ({
    method: 'PATCH',
    url: `/api/v1/cases/${rec(w, t).caseId}`,
    payload: {
      version: await version(w, 'cases', rec(w, t).caseId),
      assigned_to:
        t === 'own'
          ? w.users.investigating_officer.id
          : t === 'below'
            ? w.belowUser.id
            : w.users.constable.id,
    },
  }),
  // A transfer is made once: each call on a case the caller may transfer gets a fresh one (no victim).
  'POST /api/v1/cases/:id/transfers': async (w, t) => ({
    method: 'POST',
    url: `/api/v1/cases/${await transferable(w, t, [])}/transfers`,
    payload: { to_agency_id: w.agencies.B.id, reason: 'offence committed in the area of the other station' },
  }),
  'POST /api/v1/cases/:id/transfers (a victim without consent, overridden with a reason)': async (w, t) => ({
    method: 'POST',
    url: `/api/v1/cases/${await transferable(w, t)}/transfers`,
    payload: {
      to_agency_id: w.agencies.B.id,
      reason: 'offence committed in the area of the other station',
      consent_override_reason: 'zero FIR: BNSS s.173(1) requires the transfer without delay',
    },
  }),
  'GET /api/v1/persons': (w, t) => ({ method: 'GET', url: `/api/v1/persons?case_id=${rec(w, t).caseId}` }),
  'POST /api/v1/cases/:id/persons': (w, t) => ({
    method: 'POST',
    url: `/api/v1/cases/${rec(w, t).caseId}/persons`,
    payload: { role: 'buyer', full_name: 'Synthetic Matrix Buyer', age: 40 },
  }),
  'GET /api/v1/persons/:id': (w, t) => ({ method: 'GET', url: `/api/v1/persons/${rec(w, t).accusedId}` }),
  'PATCH /api/v1/persons/:id': async (w, t) => ({
    method: 'PATCH',
    url: `/api/v1/persons/${rec(w, t).accusedId}`,
    payload: { version: await version(w, 'persons', rec(w, t).accusedId), age: 36 },
  }),
  'GET /api/v1/identifiers': (w, t) => ({
    method: 'GET',
    url: `/api/v1/identifiers?case_id=${rec(w, t).caseId}`,
  }),
  'POST /api/v1/cases/:id/identifiers': (w, t) => ({
    method: 'POST',
    url: `/api/v1/cases/${rec(w, t).caseId}/identifiers`,
    payload: { kind: 'upi', value: `matrix${unique()}@okaxis` },
  }),
  'GET /api/v1/identifiers/:id': (w, t) => ({
    method: 'GET',
    url: `/api/v1/identifiers/${rec(w, t).phoneId}`,
  }),
  'PATCH /api/v1/identifiers/:id': (w, t) => ({
    method: 'PATCH',
    url: `/api/v1/identifiers/${rec(w, t).vehicleId}`,
    payload: { value: 'MH-12-AB-1234' },
  }),

  'POST /api/v1/persons/:id/reveal': (w, t) => ({
    method: 'POST',
    url: `/api/v1/persons/${rec(w, t).victimId}/reveal`,
    payload: { purpose: 'production before the CWC on 3 December' },
  }),
  'GET /api/v1/persons/:id/reveals': (w, t) => ({
    method: 'GET',
    url: `/api/v1/persons/${rec(w, t).victimId}/reveals`,
  }),
  'GET /api/v1/grid/identifier': () => ({
    method: 'GET',
    url: `/api/v1/grid/identifier?kind=phone&value=${encodeURIComponent(SHARED_PHONE)}`,
  }),
  'POST /api/v1/grid/screen': () => ({
    method: 'POST',
    url: '/api/v1/grid/screen',
    payload: {
      full_name: 'Synthetic Matrix Accused',
      age: 35,
      identifiers: [{ kind: 'phone', value: SHARED_PHONE }],
      purpose: PURPOSE,
      limit: 50,
    },
  }),
  'POST /api/v1/grid/extract': () => ({
    method: 'POST',
    url: '/api/v1/grid/extract',
    payload: { text: `Accused called from ${SHARED_PHONE}; UPI matrix.buyer@okaxis` },
  }),
  'GET /api/v1/grid/settings': () => ({ method: 'GET', url: '/api/v1/grid/settings' }),
  // The default value again: the matrix changes nothing other probes depend on.
  'PATCH /api/v1/grid/settings': () => ({
    method: 'PATCH',
    url: '/api/v1/grid/settings',
    payload: { common_value_cases: 50 },
  }),
  'GET /api/v1/grid/warning-list': () => ({ method: 'GET', url: '/api/v1/grid/warning-list?kind=phone' }),
  'POST /api/v1/grid/warning-list': () => ({
    method: 'POST',
    url: '/api/v1/grid/warning-list',
    payload: { kind: 'phone', value: uniquePhone(), reason: 'station duty mobile' },
  }),
  // A fresh entry of A's (A1's, B's) for each call.
  'DELETE /api/v1/grid/warning-list/:id': async (w, t) => {
    const id = newId();
    await w.database.db
      .insertInto('grid_warning_list')
      .values({
        id,
        agency_id: agencyOf(w, t).id,
        kind: 'phone',
        value: `matrix-${id}`,
        normalised: `matrix-${id}`,
        reason: 'matrix entry',
      })
      .execute();
    return { method: 'DELETE', url: `/api/v1/grid/warning-list/${id}` };
  },
  'GET /api/v1/grid/watches': () => ({ method: 'GET', url: '/api/v1/grid/watches' }),
  'POST /api/v1/grid/watches': () => ({
    method: 'POST',
    url: '/api/v1/grid/watches',
    payload: { kind: 'phone', value: uniquePhone(), reason: 'the trafficker’s second phone' },
  }),
  // A fresh watch of the caller's own, or of a user of B.
  'DELETE /api/v1/grid/watches/:id': async (w, t, caller) => {
    const id = newId();
    const [agencyId, userId] =
      t === 'own' ? [w.agencies.A.id, caller.userId] : [w.agencies.B.id, w.otherUser.id];
    await w.database.db
      .insertInto('grid_watches')
      .values({
        agency_id: agencyId,
        id,
        user_id: userId,
        kind: 'phone',
        value: 'matrix',
        normalised: `matrix-${id}`,
        blind: `matrix-${id}`,
        reason: 'matrix watch',
      })
      .execute();
    return { method: 'DELETE', url: `/api/v1/grid/watches/${id}` };
  },
  'GET /api/v1/grid/alerts': () => ({ method: 'GET', url: '/api/v1/grid/alerts' }),
  'POST /api/v1/grid/alerts/read-all': () => ({ method: 'POST', url: '/api/v1/grid/alerts/read-all' }),
  // A fresh deconfliction alert for A (its own) or for B, about the other's case.
  'POST /api/v1/grid/alerts/:id/read': async (w, t) => {
    const id = newId();
    const [mine, theirs] = t === 'own' ? [w.agencies.A, w.agencies.B] : [w.agencies.B, w.agencies.A];
    await w.database.db
      .insertInto('grid_alerts')
      .values({
        agency_id: mine.id,
        id,
        kind: 'deconfliction',
        dedupe_key: `matrix:${id}`,
        other_agency_id: theirs.id,
        other_case_id: newId(),
        match_kind: 'phone',
        match_on: 'identifier',
      })
      .execute();
    return { method: 'POST', url: `/api/v1/grid/alerts/${id}/read` };
  },
  'GET /api/v1/cases/:id/matches': (w, t) => ({
    method: 'GET',
    url: `/api/v1/cases/${rec(w, t).caseId}/matches`,
  }),

  // Every caller is in A, and an agency has one pending request per case: withdraw A's earlier one first.
  'POST /api/v1/disclosures': async (w, t) => {
    await w.database.db
      .updateTable('disclosures')
      .set({ status: 'withdrawn' })
      .where('record_id', '=', rec(w, t).caseId)
      .where('requester_agency_id', '=', w.agencies.A.id)
      .where('status', '=', 'pending')
      .execute();
    return {
      method: 'POST',
      url: '/api/v1/disclosures',
      payload: {
        record_kind: 'case',
        record_id: rec(w, t).caseId,
        purpose: PURPOSE,
        case_reference: 'FIR 12/2025',
      },
    };
  },
  'GET /api/v1/disclosures': () => ({ method: 'GET', url: '/api/v1/disclosures' }),
  'GET /api/v1/disclosures (outbox)': () => ({ method: 'GET', url: '/api/v1/disclosures?box=outbox' }),
  // B's request to A's (A1's) case; E's request to B's (neither side is A); A's request to B's case.
  'GET /api/v1/disclosures/:id': async (w, t) => ({
    method: 'GET',
    url: `/api/v1/disclosures/${
      t === 'own' || t === 'below'
        ? await insertDisclosure(w.database, {
            owner: rec(w, t).ownerAgencyId,
            caseId: rec(w, t).caseId,
            requester: w.agencies.B.id,
          })
        : t === 'sent'
          ? await insertDisclosure(w.database, {
              owner: w.agencies.B.id,
              caseId: w.records.other_agency.caseId,
              requester: w.agencies.A.id,
            })
          : w.foreignDisclosureId
    }`,
  }),
  // A fresh pending request for each call: B asks for A's (or A1's) case, or E's request to B (not A's).
  'POST /api/v1/disclosures/:id/decision': async (w, t) => ({
    method: 'POST',
    url: `/api/v1/disclosures/${
      t === 'own' || t === 'below'
        ? await insertDisclosure(w.database, {
            owner: rec(w, t).ownerAgencyId,
            caseId: rec(w, t).caseId,
            requester: w.agencies.B.id,
          })
        : w.foreignDisclosureId
    }/decision`,
    payload: { decision: 'refuse', reason: 'not shared outside the district' },
  }),
  // A's fresh pending request to B (A's outbox), or E's request (not A's).
  'POST /api/v1/disclosures/:id/withdraw': async (w, t) => ({
    method: 'POST',
    url: `/api/v1/disclosures/${
      t === 'own'
        ? await insertDisclosure(w.database, {
            owner: w.agencies.B.id,
            caseId: w.records.other_agency.caseId,
            requester: w.agencies.A.id,
          })
        : w.foreignDisclosureId
    }/withdraw`,
  }),

  'POST /api/v1/cases/:id/referrals': (w, t) => ({
    method: 'POST',
    url: `/api/v1/cases/${rec(w, t).caseId}/referrals`,
    payload: { to_agency_id: w.agencies.T.id, purpose: 'care and protection of the child by the CWC' },
  }),
  'POST /api/v1/cases/:id/referrals (without consent, overridden with a reason)': (w) => ({
    method: 'POST',
    url: `/api/v1/cases/${w.noConsentCase.caseId}/referrals`,
    payload: {
      to_agency_id: w.agencies.T.id,
      purpose: 'care and protection of the child by the CWC',
      consent_override_reason: 'the child must be produced before the CWC within 24 hours',
    },
  }),
  'POST /api/v1/persons/:id/consents': (w, t) => ({
    method: 'POST',
    url: `/api/v1/persons/${rec(w, t).victimId}/consents`,
    payload: { given_by: 'guardian', purpose: 'transfer' },
  }),
  'GET /api/v1/persons/:id/consents': (w, t) => ({
    method: 'GET',
    url: `/api/v1/persons/${rec(w, t).victimId}/consents`,
  }),

  'GET /api/v1/notifications': () => ({ method: 'GET', url: '/api/v1/notifications' }),
  'POST /api/v1/notifications/read-all': () => ({ method: 'POST', url: '/api/v1/notifications/read-all' }),
  'POST /api/v1/notifications/:id/read': (w, t) => ({
    method: 'POST',
    url: `/api/v1/notifications/${w.notifications[t as 'own' | 'other_agency']}/read`,
  }),

  'GET /api/v1/sharing-groups': () => ({ method: 'GET', url: '/api/v1/sharing-groups' }),
  'POST /api/v1/sharing-groups': () => ({
    method: 'POST',
    url: '/api/v1/sharing-groups',
    payload: { name: `Matrix group ${unique()}` },
  }),
  'GET /api/v1/sharing-groups/:id': (w, t) => ({
    method: 'GET',
    url: `/api/v1/sharing-groups/${groupOf(w, t)}`,
  }),
  'POST /api/v1/sharing-groups/:id/members': (w, t) => ({
    method: 'POST',
    url: `/api/v1/sharing-groups/${groupOf(w, t)}/members`,
    payload: { agency_id: w.agencies.X.id },
  }),
  'DELETE /api/v1/sharing-groups/:id/members/:agency_id': (w, t) => ({
    method: 'DELETE',
    url: `/api/v1/sharing-groups/${groupOf(w, t)}/members/${w.agencies.X.id}`,
  }),

  'GET /api/v1/users': () => ({ method: 'GET', url: '/api/v1/users' }),
  'GET /api/v1/users (search, locked and disabled filters)': () => ({
    method: 'GET',
    url: '/api/v1/users?q=test&locked=false&disabled=false',
  }),
  'POST /api/v1/users': (w) => ({
    method: 'POST',
    url: '/api/v1/users',
    payload: {
      agency_id: w.agencies.A.id,
      role: 'ngo_caseworker',
      email: `matrix.${unique()}@test.example`,
      display_name: 'Matrix Caseworker',
      password: TEST_PASSWORD,
    },
  }),
  'GET /api/v1/users/:id': (w, t) => ({ method: 'GET', url: `/api/v1/users/${userOf(w, t).id}` }),
  'PATCH /api/v1/users/:id': (w, t) => ({
    method: 'PATCH',
    url: `/api/v1/users/${userOf(w, t).id}`,
    payload: { display_name: 'Renamed By Matrix' },
  }),
  'POST /api/v1/users/:id/unlock': (w, t) => ({
    method: 'POST',
    url: `/api/v1/users/${userOf(w, t).id}/unlock`,
  }),
  'POST /api/v1/users/:id/reset-mfa': (w, t) => ({
    method: 'POST',
    url: `/api/v1/users/${userOf(w, t).id}/reset-mfa`,
  }),

  'GET /api/v1/grid/reviews': () => ({ method: 'GET', url: '/api/v1/grid/reviews?limit=5' }),
  // A pending pair of A's accused (always readable) and the target's accused: readable both ways or 404.
  'POST /api/v1/grid/reviews/:id/decision': async (w, t) => ({
    method: 'POST',
    url: `/api/v1/grid/reviews/${await pendingReview(w, t)}/decision`,
    payload: { decision: 'unsure', note: 'matrix probe' },
  }),
  'GET /api/v1/profiles/:id': async (w, t) => ({
    method: 'GET',
    url: `/api/v1/profiles/${await ensureProfile(w.database.db, rec(w, t).ownerAgencyId, rec(w, t).victimId)}`,
  }),
  'GET /api/v1/profiles/:id/events': async (w, t) => ({
    method: 'GET',
    url: `/api/v1/profiles/${await ensureProfile(w.database.db, rec(w, t).ownerAgencyId, rec(w, t).victimId)}/events`,
  }),
  'POST /api/v1/profiles/:id/members/:person_id/unlink': async (w, t) => {
    const { profileId, personId } = await linkedAccused(w, t);
    return {
      method: 'POST',
      url: `/api/v1/profiles/${profileId}/members/${personId}/unlink`,
      payload: { reason: 'Matrix probe: not the same person' },
    };
  },
  'GET /api/v1/history-sheet-rules': () => ({ method: 'GET', url: '/api/v1/history-sheet-rules' }),
  'PATCH /api/v1/history-sheet-rules/:id': () => ({
    method: 'PATCH',
    url: '/api/v1/history-sheet-rules/default-history-sheet',
    payload: { review_months: 12, source: 'Matrix: unchanged interval, domain file (e) U' },
  }),
  'GET /api/v1/history-sheets': () => ({ method: 'GET', url: '/api/v1/history-sheets?limit=5' }),
  // One open sheet per person per agency: close A's sheets first, so each allowed call can open one.
  'POST /api/v1/history-sheets': async (w, t) => {
    await closeSheetsOf(w, w.agencies.A.id);
    return {
      method: 'POST',
      url: '/api/v1/history-sheets',
      payload: {
        person_id: rec(w, t).accusedId,
        rule_id: 'default-history-sheet',
        grounds: 'Synthetic grounds: matrix probe of the register',
        convicted: true,
        ordered_by_name: 'Insp. Matrix',
        ordered_by_rank: 'inspector',
        opened_on: '2025-02-01',
      },
    };
  },
  'GET /api/v1/history-sheets/:id': (w, t) => ({
    method: 'GET',
    url: `/api/v1/history-sheets/${sheetOf(w, t)}`,
  }),
  'POST /api/v1/history-sheets/:id/reviews': async (w, t) => ({
    method: 'POST',
    url: `/api/v1/history-sheets/${sheetOf(w, t)}/reviews`,
    payload: { version: await reopenSheet(w, t), reviewed_on: '2025-06-01' },
  }),
  'POST /api/v1/history-sheets/:id/closure': async (w, t) => ({
    method: 'POST',
    url: `/api/v1/history-sheets/${sheetOf(w, t)}/closure`,
    payload: {
      version: await reopenSheet(w, t),
      closed_on: '2025-06-01',
      reason: 'Matrix: reformed, no case in two years',
    },
  }),

  'POST /api/v1/tips': () => ({
    method: 'POST',
    url: '/api/v1/tips',
    payload: {
      received_at: '2025-06-01T10:00:00+05:30',
      source: 'helpline_1098',
      text: `Matrix probe: a caller names a lodge and the agent's number ${uniquePhone()}.`,
    },
  }),
  'GET /api/v1/tips': () => ({ method: 'GET', url: '/api/v1/tips?limit=200' }),
  'GET /api/v1/tips/:id': (w, t) => ({ method: 'GET', url: `/api/v1/tips/${tipOf(w, t)}` }),

  'GET /api/v1/audit/events': () => ({ method: 'GET', url: '/api/v1/audit/events?limit=5' }),
  'GET /api/v1/audit/records/:kind/:id': (w) => ({
    method: 'GET',
    url: `/api/v1/audit/records/case/${w.records.own.caseId}?limit=5`,
  }),
  'GET /api/v1/audit/users/:id': (w, t) => ({
    method: 'GET',
    url: `/api/v1/audit/users/${userOf(w, t).id}?limit=5`,
  }),
};
