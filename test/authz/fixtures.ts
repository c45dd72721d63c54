import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/database.ts';
import type { Role } from '../../src/modules/access/roles.ts';
import { openHistorySheet } from '../../src/modules/history-sheets/history-sheet.service.ts';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import { createTip } from '../../src/modules/tips/tip.service.ts';
import { newId } from '../../src/shared/ids.ts';
import { caseBody, newAgency, newUser, type TestUser, testConfig } from '../harness.ts';
import {
  allRoles,
  type DistributedTarget,
  distributedTargets,
  sheetTargets,
  tipTargets,
} from './route-policy.ts';

/** The accused's phone in every fixture case: a search for it touches every distribution level at once. */
export const SHARED_PHONE = '+91 99001 23456';

export interface Agency {
  id: string;
  code: string;
}

/** One case of the fixture: a victim (protected), an accused with a phone, and a vehicle on the case. */
export interface CaseRecord {
  caseId: string;
  ownerAgencyId: string;
  victimId: string;
  accusedId: string;
  /** The accused's phone. */
  phoneId: string;
  /** A vehicle on the case itself (the one PATCH changes, so the phone stays for searches). */
  vehicleId: string;
}

/**
 * The world every matrix probe runs in. Callers all sit in agency A, a police station of district 490 (MH);
 * B is another station of that district, C a station of another district of the same state (482), E a station
 * in another state (WB, 303). See route-policy.ts for the cases each distribution level gets.
 */
export interface World {
  app: FastifyInstance;
  database: Database;
  agencies: {
    A: Agency;
    B: Agency;
    C: Agency;
    E: Agency;
    /** An outpost under A: in the scope of A's supervisory roles. */
    A1: Agency;
    /** A child welfare committee in A's district: where referrals go. */
    T: Agency;
    /** An agency with no users, added to and removed from A's own group. */
    X: Agency;
  };
  records: Record<DistributedTarget, CaseRecord>;
  /** A's own case whose victim has no recorded consent (referral only with an override). */
  noConsentCase: CaseRecord;
  groups: { own: string; member: string; not_member: string };
  /** One user per role in A, with an API token. */
  users: Record<Role, TestUser>;
  /** A user in A whom administrators manage (never one of `users`). */
  managedUser: TestUser;
  /** A user in A1, below A. */
  belowUser: TestUser;
  /** A user in B: another agency's, for user, session and audit routes. */
  otherUser: TestUser;
  /** A session (API token) of `otherUser`. */
  otherSessionId: string;
  /** Notifications of A and of B. */
  notifications: { own: string; other_agency: string };
  /** A pending request to B's case from E (another agency's inbox), and one from E (another's outbox). */
  foreignDisclosureId: string;
  /** A history sheet on the accused of the own, below, other_agency and state_elsewhere cases, by their owners. */
  sheets: Record<(typeof sheetTargets)[number], string>;
  /** A tip recorded by A's investigating officer, A's constable, A1's officer and B's officer. */
  tips: Record<(typeof tipTargets)[number], string>;
}

async function post(app: FastifyInstance, user: TestUser, url: string, payload: unknown) {
  const res = await app.inject({ method: 'POST', url, headers: user.headers, payload: payload as object });
  assert.ok(res.statusCode < 300, `fixture: POST ${url} answered ${res.statusCode}: ${res.body}`);
  return res.json();
}

async function newCase(
  app: FastifyInstance,
  owner: TestUser,
  distribution: string,
  sharingGroupId?: string,
): Promise<CaseRecord> {
  const body = caseBody({
    distribution,
    ...(sharingGroupId ? { sharing_group_id: sharingGroupId } : {}),
    persons: [
      { role: 'victim', full_name: 'Synthetic Matrix Victim', gender: 'female', age: 14 },
      {
        role: 'accused',
        full_name: 'Synthetic Matrix Accused',
        gender: 'male',
        age: 35,
        identifiers: [{ kind: 'phone', value: SHARED_PHONE }],
      },
    ],
    identifiers: [{ kind: 'vehicle', value: 'MH 12 AB 1234' }],
  });
  const c = await post(app, owner, '/api/v1/cases', body);
  type I = { id: string; kind: string };
  type P = { id: string; role: string; identifiers: I[] };
  const victim = (c.persons as P[]).find((p) => p.role === 'victim');
  const accused = (c.persons as P[]).find((p) => p.role === 'accused');
  const phone = accused?.identifiers.find((i) => i.kind === 'phone');
  const vehicle = (c.identifiers as I[]).find((i) => i.kind === 'vehicle');
  assert.ok(victim && accused && phone && vehicle, 'fixture case has its persons and identifiers');
  return {
    caseId: c.id,
    ownerAgencyId: owner.agencyId,
    victimId: victim.id,
    accusedId: accused.id,
    phoneId: phone.id,
    vehicleId: vehicle.id,
  };
}

/** A disclosure row as the service writes it (status `pending` unless given). */
export async function insertDisclosure(
  database: Database,
  d: { owner: string; caseId: string; requester: string; status?: 'pending' | 'approved' },
): Promise<string> {
  const id = newId();
  await database.db
    .insertInto('disclosures')
    .values({
      agency_id: d.owner,
      id,
      kind: 'request',
      record_kind: 'case',
      record_id: d.caseId,
      requester_agency_id: d.requester,
      purpose: 'same phone in our FIR 12/2025 (trafficking)',
      case_reference: 'FIR 12/2025',
      fields_requested: ['summary', 'persons', 'identifiers'],
      status: d.status ?? 'pending',
    })
    .execute();
  return id;
}

async function insertNotification(database: Database, agencyId: string): Promise<string> {
  const id = newId();
  await database.db
    .insertInto('notifications')
    .values({ agency_id: agencyId, id, kind: 'disclosure.requested', message: 'matrix notification' })
    .execute();
  return id;
}

/** Builds the world once per database: agencies, users, groups, one case per distribution target. */
export async function buildWorld(app: FastifyInstance, database: Database): Promise<World> {
  const A = await newAgency(database, { parentCode: 'MH-D490' });
  const A1 = await newAgency(database, { parentCode: A.code });
  const B = await newAgency(database, { parentCode: 'MH-D490' });
  const C = await newAgency(database, { parentCode: 'MH-D482' });
  const E = await newAgency(database, { parentCode: 'WB-D303' });
  const T = await newAgency(database, { parentCode: 'MH-D490', kind: 'cwc' });
  const X = await newAgency(database, { parentCode: 'MH-D490' });

  // Password hashing runs off the main thread: make the users side by side.
  const roleUsers = await Promise.all(allRoles.map((role) => newUser(database, A, role)));
  const users = Object.fromEntries(roleUsers.map((u) => [u.role, u])) as Record<Role, TestUser>;
  const [managedUser, belowUser, otherUser, ioB, ioC, ioE, adminC, adminE] = await Promise.all([
    newUser(database, A, 'ngo_caseworker'),
    newUser(database, A1, 'investigating_officer'),
    newUser(database, B, 'investigating_officer'),
    newUser(database, B, 'investigating_officer'),
    newUser(database, C, 'investigating_officer'),
    newUser(database, E, 'investigating_officer'),
    newUser(database, C, 'agency_admin'),
    newUser(database, E, 'agency_admin'),
  ]);
  const otherSession = await database.db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', otherUser.id)
    .executeTakeFirstOrThrow();

  const own = await post(app, users.agency_admin, '/api/v1/sharing-groups', { name: 'A task force' });
  const member = await post(app, adminE, '/api/v1/sharing-groups', {
    name: 'Inter-state operation',
    member_agency_ids: [A.id],
  });
  const notMember = await post(app, adminC, '/api/v1/sharing-groups', {
    name: 'C and E only',
    member_agency_ids: [E.id],
  });

  const ioA = users.investigating_officer;
  const spec: Record<DistributedTarget, [TestUser, string, string?]> = {
    own: [ioA, 'agency'],
    assigned: [ioA, 'agency'],
    below: [belowUser, 'agency'],
    other_agency: [ioB, 'agency'],
    district: [ioB, 'district'],
    state: [ioC, 'state'],
    national: [ioE, 'national'],
    group: [ioE, 'group', member.id],
    district_elsewhere: [ioC, 'district'],
    state_elsewhere: [ioE, 'state'],
    group_not_member: [ioC, 'group', notMember.id],
  };
  const records = {} as Record<DistributedTarget, CaseRecord>;
  for (const target of distributedTargets) {
    const [owner, distribution, group] = spec[target];
    records[target] = await newCase(app, owner, distribution, group);
  }
  // The station house officer puts A's constable on one of A's cases: the constable's (`self`) scope.
  const assigned = await app.inject({
    method: 'PATCH',
    url: `/api/v1/cases/${records.assigned.caseId}`,
    headers: users.station_house_officer.headers,
    payload: { version: 1, assigned_to: users.constable.id },
  });
  assert.equal(assigned.statusCode, 200, `fixture: assigning the constable: ${assigned.body}`);
  const noConsentCase = await newCase(app, ioA, 'agency');
  // The victims of A's and A1's cases consented (child and guardian) to referral: referring needs no override.
  for (const [owner, target] of [
    [ioA, 'own'],
    [ioA, 'assigned'],
    [belowUser, 'below'],
  ] as const) {
    for (const given_by of ['child', 'guardian']) {
      await post(app, owner, `/api/v1/persons/${records[target].victimId}/consents`, {
        given_by,
        purpose: 'referral',
      });
    }
  }

  const keyring = await loadKeyring(database.db, testConfig().masterKeys!);
  const sheets = {} as World['sheets'];
  for (const target of sheetTargets) {
    const sheet = await openHistorySheet(
      database.db,
      keyring,
      {
        userId: null,
        agencyId: records[target].ownerAgencyId,
        role: 'station_house_officer',
        clientAddress: null,
      },
      {
        person_id: records[target].accusedId,
        rule_id: 'default-history-sheet',
        grounds: 'Synthetic grounds: three trafficking cases in two districts',
        convicted: true,
        ordered_by_name: 'Insp. Matrix',
        ordered_by_rank: 'inspector',
        opened_on: '2025-01-15',
      },
    );
    sheets[target] = sheet.id;
  }

  const tipWriters: Record<(typeof tipTargets)[number], TestUser> = {
    own: users.investigating_officer,
    assigned: users.constable,
    below: belowUser,
    other_agency: otherUser,
  };
  const tips = {} as World['tips'];
  for (const target of tipTargets) {
    const tip = await createTip(database.db, keyring, tipWriters[target].actor, {
      received_at: '2025-06-01T10:00:00+05:30',
      source: 'public',
      text: `Synthetic matrix tip (${target}): girls seen at a lodge near the station.`,
      extract: true,
    });
    tips[target] = tip.id;
  }

  return {
    app,
    database,
    sheets,
    tips,
    agencies: { A, A1, B, C, E, T, X },
    records,
    noConsentCase,
    groups: { own: own.id, member: member.id, not_member: notMember.id },
    users,
    managedUser,
    belowUser,
    otherUser,
    otherSessionId: otherSession.id,
    notifications: {
      own: await insertNotification(database, A.id),
      other_agency: await insertNotification(database, B.id),
    },
    foreignDisclosureId: await insertDisclosure(database, {
      owner: B.id,
      caseId: records.other_agency.caseId,
      requester: E.id,
    }),
  };
}
