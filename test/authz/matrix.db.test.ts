import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/modules/access/roles.ts';
import { forEachDatabase, newMfaSession, newUser, TEST_PASSWORD, testApp, testConfig } from '../harness.ts';
import { buildWorld, type World } from './fixtures.ts';
import { type Call, type Caller, requests } from './requests.ts';
import {
  allRoles,
  type Expected,
  expected,
  type Policy,
  policies,
  policyName,
  type Target,
  targetsOf,
} from './route-policy.ts';
import { type DiscoveredRoute, discoverRoutes, isPublic } from './routes.ts';

/**
 * The authorization matrix: every API route × every role × own and other agencies' records × every distribution
 * level, against the policy table in route-policy.ts. A route the app serves that the table does not list fails
 * here, and so does a listed route that no longer exists.
 *
 * Callers use API tokens, which the API serves like a browser session that proved its second factor — except on
 * the routes that need a fresh second factor (revealing a victim, creating a token): there tokens get 403
 * `mfa_required`, and the matrix runs again with such browser sessions. The app runs with MFA_REQUIRED on (the
 * production default), and a last test checks the sessions that owe their second factor, and anonymous calls.
 * The world (fixtures.ts) is built once per database.
 */

async function send(w: World, call: Call, headers: Record<string, string>): Promise<LightMyRequestResponse> {
  return w.app.inject({
    method: call.method,
    url: call.url,
    headers: call.headers ?? headers,
    ...(call.payload === undefined ? {} : { payload: call.payload as object }),
  });
}

function errorCode(res: LightMyRequestResponse): string | undefined {
  try {
    return (res.json() as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

const describeExpected = (e: Expected) => (e.code ? `${e.status} ${e.code}` : `${e.status}`);
const describeActual = (res: LightMyRequestResponse) => {
  const code = res.statusCode >= 400 ? errorCode(res) : undefined;
  return code ? `${res.statusCode} ${code}` : `${res.statusCode}`;
};

/** Whether the answer is what the table says; for lists, whether the target's record is listed as it should be. */
function check(
  p: Policy,
  target: Target,
  want: Expected,
  res: LightMyRequestResponse,
  w: World,
): string | null {
  // A list answers 200 either way; a record the caller may not read is simply not in it.
  const unlisted = p.list !== undefined && want.status === 404;
  const answer = unlisted ? { status: p.ok } : want;
  if (res.statusCode !== answer.status || (answer.code && errorCode(res) !== answer.code))
    return `expected ${describeExpected(answer)}, got ${describeActual(res)}: ${res.body.slice(0, 200)}`;
  if (!p.list || answer.status !== p.ok) return null;
  // The record the list must (or must not) show: the target's tip, or its case.
  const caseId =
    p.records.on === 'tip'
      ? w.tips[target as keyof World['tips']]
      : w.records[target as keyof World['records']].caseId;
  const body = res.json() as {
    items?: { id: string; case_id?: string }[];
    links?: { case_id: string }[];
    hits?: { record_id: string }[];
    persons?: { case_id: string; access: 'link' | 'hit'; person: unknown }[];
  };
  const readable = !unlisted;
  if (p.list === 'items') {
    const shown = (body.items ?? []).some((i) => i.id === caseId || i.case_id === caseId);
    return shown === readable
      ? null
      : readable
        ? 'a readable record is missing from the list'
        : 'the list shows a record the caller may not read';
  }
  if (p.list === 'persons') {
    const found = (body.persons ?? []).filter((c) => c.case_id === caseId);
    const asLink = found.some((c) => c.access === 'link' && c.person !== null);
    const asHit = found.some((c) => c.access === 'hit' && c.person === null);
    if (readable && (!asLink || asHit))
      return `a readable person should be a link (link ${asLink}, hit ${asHit})`;
    if (!readable && (asLink || !asHit))
      return `a person the caller may not read should be a hit, not a link (link ${asLink}, hit ${asHit})`;
    return null;
  }
  const link = (body.links ?? []).some((l) => l.case_id === caseId);
  const hit = (body.hits ?? []).some((h) => h.record_id === caseId);
  if (want.hidden)
    return link || hit
      ? `a record the field allow-list hides, in a case the caller reads, should be neither a link nor a hit (link ${link}, hit ${hit})`
      : null;
  if (readable && (!link || hit))
    return `a readable case should be a link, not a hit (link ${link}, hit ${hit})`;
  if (!readable && (link || !hit))
    return `a case the caller may not read should be a hit, not a link (link ${link}, hit ${hit})`;
  return null;
}

forEachDatabase('authorization matrix', (ctx) => {
  let w: World;
  let routes: DiscoveredRoute[];
  /** Browser sessions that proved their second factor just now, one per role (for `fresh-mfa` routes). */
  let browser: Promise<Record<Role, { userId: string; headers: Record<string, string> }>> | undefined;

  before(async () => {
    // The production default: roles that must use a second factor are held to it (the harness turns it off).
    const app = await testApp(ctx.database, testConfig({ MFA_REQUIRED: 'true' }));
    routes = discoverRoutes(app);
    w = await buildWorld(app, ctx.database);
  });

  const browserSessions = () => {
    browser ??= Promise.all(
      allRoles.map((role) => newMfaSession(w.app, ctx.database, w.agencies.A, role)),
    ).then(
      (sessions) =>
        Object.fromEntries(
          sessions.map((s) => [s.user.role, { userId: s.user.id, headers: s.headers }]),
        ) as Record<Role, { userId: string; headers: Record<string, string> }>,
    );
    return browser;
  };

  test('every route the app serves has a policy, and every policy a route and a request', () => {
    const served = routes.filter((r) => !isPublic(r)).map((r) => r.key);
    const listed = [...new Set(policies.map((p) => p.route))];
    assert.deepEqual(
      served.filter((k) => !listed.includes(k)),
      [],
      'routes without a policy: add them to test/authz/route-policy.ts (and a request to requests.ts)',
    );
    assert.deepEqual(
      listed.filter((k) => !served.includes(k)),
      [],
      'policies for routes the app no longer serves: remove them from test/authz/route-policy.ts',
    );
    assert.deepEqual(
      policies.map(policyName).filter((n) => !Object.hasOwn(requests, n)),
      [],
      'policies without a request in test/authz/requests.ts',
    );
    assert.deepEqual(
      Object.keys(requests).filter((n) => !policies.some((p) => policyName(p) === n)),
      [],
      'requests without a policy',
    );
  });

  for (const p of policies) {
    test(`${policyName(p)}: every role × ${targetsOf(p).join(', ')}`, async () => {
      const mismatches: string[] = [];
      // Roles one after another (some calls change what the next one finds); a role's targets side by side.
      const probe = async (
        role: Role,
        caller: Caller,
        headers: Record<string, string>,
        via: 'token' | 'browser',
      ) => {
        // A role the route refuses is refused whatever the record: own, another agency's and a shared one
        // make the point (the full set of targets for the roles it admits).
        const refused = !p.roles.includes(role) || (p.session === 'fresh-mfa' && via === 'token');
        const targets = refused
          ? targetsOf(p).filter((t) => ['own', 'other_agency', 'national', 'not_member'].includes(t))
          : targetsOf(p);
        const problems = await Promise.all(
          targets.map(async (target) => {
            const res = await send(w, await requests[policyName(p)]!(w, target, caller), headers);
            const problem = check(p, target, expected(p, role, target, via), res, w);
            const how = via === 'token' ? 'API token' : 'browser, fresh second factor';
            return problem ? `${role} (${how}) on ${target}: ${problem}` : null;
          }),
        );
        mismatches.push(...problems.filter((m) => m !== null));
      };
      for (const role of allRoles) {
        const user = w.users[role];
        await probe(role, { role, userId: user.id }, user.headers, 'token');
      }
      if (p.session === 'fresh-mfa') {
        const sessions = await browserSessions();
        for (const role of allRoles) {
          await probe(role, { role, userId: sessions[role].userId }, sessions[role].headers, 'browser');
        }
      }
      assert.deepEqual(mismatches, []);
    });
  }

  test('not signed in: 401 everywhere; a browser session that owes its second factor: 403 until it proves it', async () => {
    // An investigating officer's role must use a second factor: signed in with a password only, the session
    // must set one up; a user who has one and signed in again must enter a code.
    const owesSetup = await newUser(ctx.database, w.agencies.A, 'investigating_officer');
    const signIn = await w.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: owesSetup.email, password: TEST_PASSWORD },
    });
    assert.equal(signIn.statusCode, 200, signIn.body);
    const cookieOf = (res: LightMyRequestResponse) => ({
      cookie: `cg_session=${res.cookies.find((c) => c.name === 'cg_session')?.value}`,
      'x-csrf-token': (res.json() as { csrf_token: string }).csrf_token,
    });
    const enrolled = await newMfaSession(w.app, ctx.database, w.agencies.A, 'investigating_officer');
    const again = await w.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: enrolled.user.email, password: TEST_PASSWORD },
    });
    assert.equal(again.statusCode, 200, again.body);
    const sessions: {
      name: string;
      headers: Record<string, string>;
      status: number;
      code: string;
      userId: string;
    }[] = [
      {
        name: 'not signed in',
        headers: {},
        code: 'unauthenticated',
        status: 401,
        userId: w.users.investigating_officer.id,
      },
      {
        name: 'second factor not set up',
        headers: cookieOf(signIn),
        code: 'mfa_setup_required',
        status: 403,
        userId: owesSetup.id,
      },
      {
        name: 'second factor not entered',
        headers: cookieOf(again),
        code: 'mfa_required',
        status: 403,
        userId: enrolled.user.id,
      },
      // A browser write without the page's CSRF token.
      {
        name: 'browser write without x-csrf-token',
        headers: { cookie: enrolled.headers.cookie! },
        code: 'forbidden',
        status: 403,
        userId: enrolled.user.id,
      },
    ];

    const mismatches: string[] = [];
    const seen = new Set<string>();
    for (const p of policies) {
      if (seen.has(p.route)) continue;
      seen.add(p.route);
      for (const s of sessions) {
        const call = await requests[policyName(p)]!(w, targetsOf(p)[0]!, {
          role: 'investigating_officer',
          userId: s.userId,
        });
        if (s.name.startsWith('browser write') && call.method === 'GET') continue;
        // A call that brings its own session (sign-out) is made without one when not signed in.
        if (call.headers && s.status !== 401) continue;
        const res = await send(w, { ...call, headers: s.headers }, s.headers);
        const pendingOk =
          s.status === 403 &&
          s.code !== 'forbidden' &&
          (p.session === 'pending-ok' || p.session === 'browser');
        if (pendingOk) {
          if (res.statusCode === 401 || ['mfa_required', 'mfa_setup_required'].includes(errorCode(res) ?? ''))
            mismatches.push(
              `${p.route}, ${s.name}: this route serves such a session, got ${describeActual(res)}`,
            );
          continue;
        }
        if (res.statusCode !== s.status || errorCode(res) !== s.code)
          mismatches.push(
            `${p.route}, ${s.name}: expected ${s.status} ${s.code}, got ${describeActual(res)}`,
          );
      }
    }
    assert.deepEqual(mismatches, []);
  });

  test('public routes answer without signing in', async () => {
    for (const url of ['/api/health', '/api/v1/meta', '/api/openapi.json', '/api/v1/auth/oidc']) {
      const res = await w.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    }
  });
});
