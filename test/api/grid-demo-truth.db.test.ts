import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { PersonInput } from '../../src/modules/cases/case.schemas.ts';
import { seedDemo } from '../../src/modules/demo/demo.ts';
import { finishedStatuses } from '../../src/modules/grid/values.ts';
import { normaliseIdentifier } from '../../src/modules/identifiers/normalise.ts';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import { linkAllPersons } from '../../src/modules/profiles/linking.service.ts';
import { compareNames, parseName } from '../../src/modules/resolution/names.ts';
import { generateSynthetic } from '../../src/modules/synthetic/generate.ts';
import type { GroundTruth, PersonCluster, PersonRef } from '../../src/modules/synthetic/truth.ts';
import type { Keyring } from '../../src/shared/envelope.ts';
import { forEachDatabase, newUser, type TestUser, testApp, testConfig } from '../harness.ts';

/**
 * Issue 4 is done when the demo's planted truth is found: the synthetic generator hides repeat offenders across
 * states, repeat buyers, shared phones (and UPI ids, vehicles) and a re-trafficked child, and writes down where
 * (src/modules/synthetic/truth.ts). A small demo is seeded as `npm start` seeds it — an import that correlates as
 * it goes, then batch person linking (`childgrid grid link`) — and every planted answer is looked for.
 *
 * 400 cases (three repeat offenders, two repeat buyers, a re-trafficked child, a dozen shared identifiers; about
 * ten seconds to seed on PGlite), twice: seed 1, the demo's own, and seed 5, whose data holds a trap the
 * resolution model once fell into (a sister and a brother, one written "Master Mohammed Malik", sharing father,
 * home and the family phone).
 *
 * What the data supports for persons: a record is linked automatically only with corroborating evidence (a
 * relation name, a phone, a birth date); one that agrees with the others on name, gender and age alone (`R. L.
 * Yadav`, 37, no father's name, no phone) is capped below the auto-link weight (resolution/constants.ts
 * `uncorroboratedMaxWeight`) and waits in the review queue, or, when its name meets theirs only through initials
 * or as a part and a common word, stays below even that (assertFound). So a planted person is found when its
 * records are in its profile or in a pending review pair with one that is, but for such records.
 */
const CASES = 400;

interface PersonRow {
  agency_id: string;
  id: string;
  case_id: string;
  role: string;
  profile_id: string | null;
}

for (const SEED of [1, 5]) {
  forEachDatabase(`grid: the demo’s planted truth is found (seed ${SEED})`, (ctx) => {
    let app: FastifyInstance;
    let keyring: Keyring;
    let truth: GroundTruth;
    let national: TestUser;
    const agencies = new Map<string, string>();
    const persons = new Map<string, PersonRow>();
    const cases = new Map<string, { id: string; agency_id: string; status: string }>();
    /** The generated person behind each record (`agency|case|person` external ids). */
    const planted = new Map<string, PersonInput>();
    const personOf = (r: PersonRef) => {
      const p = persons.get(`${r.agency_code}|${r.case_external_id}|${r.person_external_id}`);
      assert.ok(p, `the planted record ${JSON.stringify(r)} was imported`);
      return p;
    };
    const caseOf = (agencyCode: string, externalId: string) => {
      const c = cases.get(`${agencyCode}|${externalId}`);
      assert.ok(c, `the planted case ${agencyCode} ${externalId} was imported`);
      return c;
    };
    const userIn = async (agencyId: string, role: 'investigating_officer') => {
      const code = [...agencies].find(([, id]) => id === agencyId)![0];
      return newUser(ctx.database, { id: agencyId, code }, role);
    };

    let demoSheets = 0;
    let demoTips = 0;
    let firstStation = '';
    before(async () => {
      app = await testApp(ctx.database);
      keyring = await loadKeyring(ctx.database.db, testConfig().masterKeys!);
      const generated = generateSynthetic({ cases: CASES, seed: SEED });
      truth = generated.truth;
      firstStation = generated.agencies.find((a) => a.kind === 'police_station')!.code;
      for (const c of generated.records)
        for (const p of c.persons ?? []) planted.set(`${c.agency_code}|${c.external_id}|${p.external_id}`, p);
      const seeded = await seedDemo(ctx.database, keyring, { cases: CASES, seed: SEED });
      demoSheets = seeded.sheets;
      demoTips = seeded.tips;
      const { db } = ctx.database;
      for (const a of await db.selectFrom('agencies').select(['id', 'code']).execute())
        agencies.set(a.code, a.id);
      const rows = await db
        .selectFrom('persons as p')
        .innerJoin('agencies as a', 'a.id', 'p.agency_id')
        .innerJoin('cases as c', (j) =>
          j.onRef('c.agency_id', '=', 'p.agency_id').onRef('c.id', '=', 'p.case_id'),
        )
        .leftJoin('profile_members as m', (j) =>
          j.onRef('m.agency_id', '=', 'p.agency_id').onRef('m.person_id', '=', 'p.id'),
        )
        .select([
          'a.code',
          'c.external_id as case_external_id',
          'p.external_id',
          'p.agency_id',
          'p.id',
          'p.case_id',
          'p.role',
          'm.profile_id',
        ])
        .execute();
      for (const r of rows) persons.set(`${r.code}|${r.case_external_id}|${r.external_id}`, r);
      const caseRows = await db
        .selectFrom('cases as c')
        .innerJoin('agencies as a', 'a.id', 'c.agency_id')
        .select(['a.code', 'c.external_id', 'c.id', 'c.agency_id', 'c.status'])
        .execute();
      for (const c of caseRows) cases.set(`${c.code}|${c.external_id}`, c);
      national = await newUser(ctx.database, { id: agencies.get('IN')!, code: 'IN' }, 'national_analyst');
    });

    test('the demo plants what this test looks for', () => {
      assert.ok(truth.repeat_offenders.length >= 2, JSON.stringify(truth.repeat_offenders));
      assert.ok(truth.repeat_buyers.length >= 2, JSON.stringify(truth.repeat_buyers));
      assert.ok(truth.re_trafficked_children.length >= 1);
      assert.ok(truth.shared_identifiers.some((s) => s.link === 'same_person'));
      assert.ok(truth.shared_identifiers.some((s) => s.link === 'network'));
      assert.ok(
        truth.person_clusters.some((c) => c.kind === 'repeat_offender' && c.states.length > 1),
        'a repeat offender across states',
      );
    });

    /**
     * The planted person is found: its records are in one profile (holding no one else), except records without
     * corroborating evidence, each of which waits in a pending review pair with a record of that profile — or,
     * when even that is not so, a record that carries nothing the linked ones do but a name met only through
     * initials or as a part ("R. L. Yadav" or "Rahul" against "Rahul Yadav") and an age: thousands of namesakes
     * look like that, and the review band leaves them out by design (docs/resolution.md, step 8).
     */
    async function assertFound(cluster: PersonCluster) {
      const members = cluster.refs.map(personOf);
      const names = cluster.refs.map((r) => `${r.full_name} (${r.role}, ${r.agency_code})`).join(' | ');
      const counts = new Map<string, number>();
      for (const m of members)
        if (m.profile_id) counts.set(m.profile_id, (counts.get(m.profile_id) ?? 0) + 1);
      const [profile, linked] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
      assert.ok(profile && linked >= 2, `${cluster.id}: ${names} — no two records share a profile`);
      const inProfile = await ctx.database.db
        .selectFrom('profile_members')
        .select(['agency_id', 'person_id'])
        .where('profile_id', '=', profile)
        .execute();
      const mine = new Set(members.map((m) => `${m.agency_id}/${m.id}`));
      const strangers = inProfile.filter((m) => !mine.has(`${m.agency_id}/${m.person_id}`));
      assert.deepEqual(strangers, [], `${cluster.id}: the profile holds records of other people`);
      const linkedIds = members.filter((m) => m.profile_id === profile).map((m) => m.id);
      const input = (r: PersonRef) =>
        planted.get(`${r.agency_code}|${r.case_external_id}|${r.person_external_id}`)!;
      const linkedInputs = cluster.refs.filter((_, k) => members[k]!.profile_id === profile).map(input);
      const heldBy = (p: PersonInput) =>
        new Set((p.identifiers ?? []).map((i) => `${i.kind}:${normaliseIdentifier(i.kind, i.value)}`));
      let unfound = 0;
      for (const [k, m] of members.entries()) {
        if (m.profile_id === profile) continue;
        const queued = await ctx.database.db
          .selectFrom('match_candidates')
          .select('id')
          .where('status', '=', 'pending')
          .where((eb) =>
            eb.or([
              eb.and([eb('a_person_id', '=', m.id), eb('b_person_id', 'in', linkedIds)]),
              eb.and([eb('b_person_id', '=', m.id), eb('a_person_id', 'in', linkedIds)]),
            ]),
          )
          .execute();
        if (queued.length > 0) continue;
        const p = input(cluster.refs[k]!);
        const own = heldBy(p);
        const why = `${cluster.id}: ${names} — record ${m.id} (${p.full_name}) is neither linked nor in review`;
        for (const other of linkedInputs) {
          const level = compareNames(parseName(p.full_name ?? ''), parseName(other.full_name ?? ''));
          assert.ok(
            level === 'initials' || level === 'subset',
            `${why}, though its name is ${level} with ${other.full_name}`,
          );
          assert.ok(![...heldBy(other)].some((v) => own.has(v)), `${why}, though it shares an identifier`);
          assert.ok(
            !p.relation_name || p.relation_name !== other.relation_name,
            `${why}, though it names the same relation`,
          );
        }
        unfound++;
      }
      assert.ok(unfound < members.length - 1, `${cluster.id}: most of its records are found`);
    }

    test('each planted repeat offender is found: one profile across states, the uncorroborated records in review', async () => {
      for (const id of truth.repeat_offenders)
        await assertFound(truth.person_clusters.find((c) => c.id === id)!);
    });

    test('the register holds the SHO’s sheets on the planted repeat offenders of the demo station', async () => {
      const station = firstStation;
      const expected = truth.person_clusters
        .filter((c) => c.kind === 'repeat_offender')
        .flatMap((c) => c.refs.filter((r) => r.agency_code === station).slice(0, 1))
        .slice(0, 3)
        .map((r) => r.person_external_id)
        .sort();
      // Seed 1 (the demo's) plants a repeat offender at the station; seed 5 plants none there.
      assert.equal(expected.length, SEED === 1 ? 1 : 0);
      const sheets = await ctx.database.db
        .selectFrom('history_sheets as hs')
        .innerJoin('persons as p', (j) =>
          j.onRef('p.agency_id', '=', 'hs.person_agency_id').onRef('p.id', '=', 'hs.person_id'),
        )
        .select(['p.external_id', 'hs.status', 'hs.agency_id'])
        .execute();
      assert.equal(demoSheets, sheets.length);
      assert.deepEqual(sheets.map((s) => s.external_id).sort(), expected, `seed ${SEED}`);
      for (const s of sheets) {
        assert.equal(s.status, 'open');
        assert.equal(s.agency_id, agencies.get(station));
      }
    });

    test('the demo’s tips are recorded, and the one naming the watched planted phone alerts the watching officer', async () => {
      const { db } = ctx.database;
      const tips = await db.selectFrom('tips').select(['agency_id', 'id']).execute();
      assert.equal(tips.length, demoTips);
      assert.ok(demoTips >= 1, 'the generator plants shared phones, so the demo records tips');
      const alerts = await db
        .selectFrom('grid_alerts as a')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .select(['u.email', 'a.other_case_id', 'a.match_kind'])
        .where('a.kind', '=', 'watchlist')
        .where('a.other_record_kind', '=', 'tip')
        .execute();
      assert.deepEqual(
        alerts.map((a) => [a.email, a.match_kind]),
        [['io@demo.childgrid.example', 'phone']],
      );
      assert.ok(tips.some((t) => t.id === alerts[0]!.other_case_id));
    });

    test('each planted repeat buyer is found likewise', async () => {
      for (const id of truth.repeat_buyers)
        await assertFound(truth.person_clusters.find((c) => c.id === id)!);
    });

    test('no profile joins two people, look-alike family members (siblings, twins, spouses) least of all', async () => {
      for (const h of truth.households) {
        const profiles = h.members.map((m) => personOf(m).profile_id).filter((p) => p !== null);
        assert.equal(new Set(profiles).size, profiles.length, `${h.id} (${h.kind}) merged`);
      }
      // Outside the planted clusters every record is someone else (truth caveats).
      const who = new Map<string, string>();
      for (const c of truth.person_clusters) for (const r of c.refs) who.set(personOf(r).id, c.id);
      const byProfile = new Map<string, PersonRow[]>();
      for (const p of persons.values())
        if (p.profile_id) byProfile.set(p.profile_id, [...(byProfile.get(p.profile_id) ?? []), p]);
      for (const [profile, members] of byProfile) {
        const people = new Set(members.map((m) => who.get(m.id) ?? `unplanted ${m.id}`));
        assert.equal(people.size, 1, `profile ${profile} joins ${[...people].join(', ')}`);
      }
    });

    test('every planted shared identifier correlates across its cases: found from each, and open cases of two agencies deconflicted once', async () => {
      const alerts = await ctx.database.db
        .selectFrom('grid_alerts')
        .select(['agency_id', 'case_id', 'other_case_id'])
        .where('kind', '=', 'deconfliction')
        .execute();
      const open = (s: string) => !(finishedStatuses as readonly string[]).includes(s);
      for (const shared of truth.shared_identifiers) {
        const holders = shared.occurrences.map((o) => caseOf(o.agency_code, o.case_external_id));
        // A national analyst searching the value meets every case that holds it (as a link or a hit).
        const res = await app.inject({
          method: 'GET',
          url: `/api/v1/grid/identifier?kind=${shared.kind}&value=${encodeURIComponent(shared.normalised)}`,
          headers: national.headers,
        });
        assert.equal(res.statusCode, 200, res.body);
        const m = res.json() as {
          links: { case_id: string }[];
          hits: { record_id: string }[];
          too_common: unknown[];
          warning_listed: unknown[];
        };
        assert.deepEqual([m.too_common, m.warning_listed], [[], []], `${shared.id} is linked, not flagged`);
        const found = new Set([...m.links.map((l) => l.case_id), ...m.hits.map((h) => h.record_id)]);
        for (const h of holders) assert.ok(found.has(h.id), `${shared.id}: the case ${h.id} is found`);
        // Two agencies' open cases holding it: each agency is alerted about the other's case, once.
        for (const a of holders)
          for (const b of holders) {
            if (a.id === b.id || a.agency_id === b.agency_id || !open(a.status) || !open(b.status)) continue;
            const raised = alerts.filter(
              (x) => x.agency_id === a.agency_id && x.case_id === a.id && x.other_case_id === b.id,
            );
            assert.equal(
              raised.length,
              1,
              `${shared.id} (${shared.link}): deconfliction of ${a.id} with ${b.id}`,
            );
          }
      }
    });

    test('the re-trafficked child raises the re-trafficking alert for her agency (and her CWC/DCPU) only', async () => {
      for (const child of truth.re_trafficked_children) {
        const rescued = personOf(child.rescued);
        const reappeared = personOf(child.reappeared);
        assert.equal(rescued.role, 'victim');
        // The child's CWC and DCPU are those holding a live referral of her case (the demo makes none).
        const welfare = await ctx.database.db
          .selectFrom('disclosures as d')
          .innerJoin('agencies as w', 'w.id', 'd.requester_agency_id')
          .select('d.requester_agency_id')
          .where('d.agency_id', '=', rescued.agency_id)
          .where('d.record_id', '=', rescued.case_id)
          .where('d.kind', '=', 'referral')
          .where('d.status', '=', 'approved')
          .where('w.kind', 'in', ['cwc', 'dcpu'])
          .execute();
        const expected = [rescued.agency_id, ...welfare.map((w) => w.requester_agency_id)].sort();
        const raised = await ctx.database.db
          .selectFrom('grid_alerts')
          .select(['agency_id', 'match_on'])
          .where('kind', '=', 're_trafficking')
          .where('person_id', '=', rescued.id)
          .where('other_case_id', '=', reappeared.case_id)
          .execute();
        assert.deepEqual(
          raised.map((r) => r.agency_id).sort(),
          expected,
          `${child.cluster_id}: alerted once each, and no one else`,
        );
        // Through the API: her agency's officer reads it, by pseudonym; the agency where she reappeared does not.
        const owner = await userIn(rescued.agency_id, 'investigating_officer');
        const mine = (
          await app.inject({
            method: 'GET',
            url: '/api/v1/grid/alerts?kind=re_trafficking',
            headers: owner.headers,
          })
        ).json().items as {
          case: { case_id: string } | null;
          child: { pseudonym: string } | null;
          other: { record_id: string };
        }[];
        const alert = mine.find((a) => a.other.record_id === reappeared.case_id);
        assert.equal(alert?.case?.case_id, rescued.case_id);
        assert.match(alert?.child?.pseudonym ?? '', /^V-/);
        if (reappeared.agency_id !== rescued.agency_id) {
          const there = await userIn(reappeared.agency_id, 'investigating_officer');
          const theirs = (
            await app.inject({
              method: 'GET',
              url: '/api/v1/grid/alerts?kind=re_trafficking',
              headers: there.headers,
            })
          ).json().items as { child: { person_id: string } | null; other: { record_id: string } }[];
          assert.ok(
            !theirs.some((a) => a.other.record_id === reappeared.case_id),
            'the agency where she turned up is not told',
          );
        }
      }
    });

    test('the re-trafficked child’s two records are one profile or wait together in the review queue', async () => {
      for (const child of truth.re_trafficked_children) {
        const [a, b] = [personOf(child.rescued), personOf(child.reappeared)];
        if (a.profile_id !== null && a.profile_id === b.profile_id) continue;
        const queued = await ctx.database.db
          .selectFrom('match_candidates')
          .select('id')
          .where((eb) =>
            eb.or([
              eb.and([eb('a_person_id', '=', a.id), eb('b_person_id', '=', b.id)]),
              eb.and([eb('a_person_id', '=', b.id), eb('b_person_id', '=', a.id)]),
            ]),
          )
          .where('status', '=', 'pending')
          .execute();
        assert.equal(queued.length, 1, `${child.cluster_id}: neither one profile nor a pending review`);
      }
    });

    test('linking again (`childgrid grid link`) changes nothing and raises nothing twice', async () => {
      const count = async () =>
        Number(
          (
            await ctx.database.db
              .selectFrom('grid_alerts')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const again = await linkAllPersons(ctx.database.db, keyring);
      assert.equal(again.autoLinks, 0);
      assert.equal(again.queued, 0);
      assert.equal(again.deconflictionAlerts + again.reTraffickingAlerts + again.watchAlerts, 0);
      assert.equal(await count(), before);
    });
  });
}
