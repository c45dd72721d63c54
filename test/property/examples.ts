import { caseBody, TEST_PASSWORD } from '../harness.ts';

/**
 * A request each operation accepts, so that a property run can change one part of it and see that part reach the
 * service and the database (a random body is usually refused long before). Keyed `METHOD /openapi/path`.
 *
 * `CURRENT_VERSION` stands for the version the record has when the request is sent, and `$unique` in a value for
 * something new each time (agency codes, emails), so that only the first request is not a conflict.
 */
export const CURRENT_VERSION = '$current-version';

export interface ExampleIds {
  stationId: string;
  otherAgencyId: string;
  cwcId: string;
  otherCaseId: string;
  adminEmail: string;
  groupMemberCandidate: string;
}

export interface Example {
  body?: unknown;
  query?: Record<string, string>;
}

const PURPOSE = 'same phone in our FIR 12/2025 (trafficking)';

export function examples(ids: ExampleIds): Record<string, Example> {
  return {
    'POST /api/v1/auth/sign-in': { body: { email: ids.adminEmail, password: 'not the password at all' } },
    'POST /api/v1/auth/password': {
      body: { current_password: 'not the password at all', new_password: 'a brand new passphrase 42' },
    },
    'POST /api/v1/auth/tokens': { body: { label: 'property', days: 1 } },
    'POST /api/v1/auth/mfa/confirm': { body: { code: '123456' } },
    'POST /api/v1/auth/mfa/verify': { body: { code: '123456' } },
    'GET /api/v1/auth/oidc/callback': { query: { code: 'abc', state: 'xyz' } },
    'POST /api/v1/setup': {
      body: {
        token: 'not-a-real-setup-token',
        email: 'first.admin@test.example',
        display_name: 'First Admin',
        password: TEST_PASSWORD,
      },
    },
    'GET /api/v1/reference/districts': { query: { state_lgd_code: '27' } },
    'GET /api/v1/agencies': { query: { q: 'Pune', limit: '5' } },
    'POST /api/v1/agencies': {
      body: {
        code: 'PX-$unique',
        name: 'Property outpost',
        kind: 'police_station',
        parent_id: ids.stationId,
      },
    },
    'PATCH /api/v1/agencies/{id}': { body: { name: 'Renamed station', contact_officer: 'SI Property' } },
    'GET /api/v1/cases': { query: { q: 'Ramesh', limit: '5' } },
    'POST /api/v1/cases': {
      body: caseBody({
        fir_number: 'PX-$unique/2025',
        summary: 'Synthetic summary',
        occurred_from: '2025-03-01T20:00:00+05:30',
      }),
    },
    'PATCH /api/v1/cases/{id}': { body: { version: CURRENT_VERSION, place: 'Near the railway station' } },
    'GET /api/v1/persons': { query: { q: 'Ramesh', purpose: PURPOSE, limit: '5' } },
    'POST /api/v1/cases/{id}/persons': {
      body: {
        role: 'buyer',
        full_name: 'Synthetic Buyer',
        aliases: ['Bhai'],
        gender: 'male',
        age: 40,
        address: 'Lane 4, Kasba Peth',
        pincode: '411011',
        identifiers: [{ kind: 'phone', value: '+91 98111 22233' }],
      },
    },
    'PATCH /api/v1/persons/{id}': { body: { version: CURRENT_VERSION, notes: 'seen at the lodge' } },
    'GET /api/v1/identifiers': { query: { kind: 'phone', value: '98765 43210', limit: '5' } },
    'POST /api/v1/cases/{id}/identifiers': { body: { kind: 'upi', value: 'salim41@okaxis' } },
    'PATCH /api/v1/identifiers/{id}': { body: { value: '+91 98765 43210' } },
    'GET /api/v1/audit/events': { query: { action: 'case.', limit: '5' } },
    'POST /api/v1/persons/{id}/reveal': { body: { purpose: 'production before the CWC on 3 December' } },
    'GET /api/v1/grid/identifier': { query: { kind: 'phone', value: '98765 43210' } },
    'PATCH /api/v1/grid/settings': { body: { common_value_cases: 50, common_value_agencies: 15 } },
    'GET /api/v1/grid/warning-list': { query: { kind: 'phone', scope: 'agency' } },
    'POST /api/v1/grid/warning-list': {
      body: { kind: 'phone', value: '98123 77777', reason: 'station duty mobile', scope: 'agency' },
    },
    'POST /api/v1/grid/watches': {
      body: { kind: 'phone', value: '98123 77778', reason: 'second phone of the trafficker' },
    },
    'GET /api/v1/grid/alerts': { query: { kind: 'deconfliction', limit: '5' } },
    'POST /api/v1/grid/screen': {
      body: {
        full_name: 'Mohd. Irfan Shaikh',
        relation_name: 'Abdul Rashid',
        age: 38,
        identifiers: [{ kind: 'phone', value: '98123 00071' }],
        purpose: PURPOSE,
      },
    },
    'GET /api/v1/grid/reviews': { query: { status: 'pending', limit: '5' } },
    'POST /api/v1/grid/reviews/{id}/decision': { body: { decision: 'unsure', note: 'property probe' } },
    'GET /api/v1/history-sheets': { query: { status: 'open', review_due_by: '2026-12-31', limit: '5' } },
    'POST /api/v1/history-sheets': {
      body: {
        person_id: ids.otherCaseId,
        rule_id: 'default-history-sheet',
        grounds: 'Synthetic grounds: three trafficking cases since 2022',
        convicted: false,
        ordered_by_name: 'Insp. Property',
        ordered_by_rank: 'inspector',
        opened_on: '2025-04-01',
      },
    },
    'POST /api/v1/history-sheets/{id}/reviews': { body: { version: 1, reviewed_on: '2025-06-01' } },
    'POST /api/v1/history-sheets/{id}/closure': {
      body: { version: 1, closed_on: '2025-06-01', reason: 'No offence in four years' },
    },
    'PATCH /api/v1/history-sheet-rules/{id}': {
      body: { review_months: 12, source: 'Property probe: domain file (e), interval U' },
    },
    'POST /api/v1/grid/extract': { body: { text: 'call nine eight 765 43210 or pay salim41@okaxis' } },
    'POST /api/v1/disclosures': {
      body: {
        record_kind: 'case',
        record_id: ids.otherCaseId,
        purpose: PURPOSE,
        case_reference: 'FIR 12/2025',
      },
    },
    'GET /api/v1/disclosures': { query: { box: 'outbox' } },
    'POST /api/v1/disclosures/{id}/decision': {
      body: { decision: 'approve', fields: ['summary'], expires_at: '2099-01-01T00:00:00+05:30' },
    },
    'POST /api/v1/cases/{id}/referrals': {
      body: {
        to_agency_id: ids.cwcId,
        purpose: 'care and protection of the child by the CWC',
        consent_override_reason: 'the child must be produced before the CWC within 24 hours',
      },
    },
    'POST /api/v1/cases/{id}/transfers': {
      body: {
        to_agency_id: ids.otherAgencyId,
        reason: 'offence committed in the area of the other station',
        consent_override_reason: 'zero FIR: BNSS s.173(1) requires the transfer without delay',
      },
    },
    'POST /api/v1/persons/{id}/consents': {
      body: { given_by: 'child', purpose: 'referral', notes: 'in Marathi' },
    },
    'GET /api/v1/notifications': { query: { unread: 'true' } },
    'POST /api/v1/sharing-groups': {
      body: {
        name: 'Property task force',
        description: 'inter-district',
        member_agency_ids: [ids.otherAgencyId],
      },
    },
    'POST /api/v1/sharing-groups/{id}/members': { body: { agency_id: ids.groupMemberCandidate } },
    'GET /api/v1/users': { query: { q: 'test', limit: '5' } },
    'POST /api/v1/users': {
      body: {
        agency_id: ids.stationId,
        role: 'ngo_caseworker',
        email: 'property.$unique@test.example',
        display_name: 'Property User',
        password: TEST_PASSWORD,
      },
    },
    'PATCH /api/v1/users/{id}': { body: { display_name: 'Renamed User' } },
  };
}
