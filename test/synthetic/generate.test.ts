import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { offenceCodes } from '../../src/db/reference/offence-codes.ts';
import { readDistrictsCsv, stateIsoByLgd } from '../../src/db/reference/seed-reference.ts';
import type { IdentifierKind } from '../../src/db/schema.ts';
import { caseInput } from '../../src/modules/cases/case.schemas.ts';
import { normaliseIdentifier } from '../../src/modules/identifiers/normalise.ts';
import {
  createSyntheticStream,
  generateSynthetic,
  generateSyntheticRecords,
  type ImportRecord,
  indianMobileDigits,
  type PersonRef,
  syntheticAgencies,
  writeSyntheticFiles,
  writeTruth,
} from '../../src/modules/synthetic/generate.ts';

type Person = NonNullable<ImportRecord['persons']>[number];

// One demo-sized data set shared by most tests (about half a second to generate).
const data = generateSynthetic({ cases: 3000, seed: 20250701 });
const { records, agencies, truth } = data;

const personByRef = new Map<string, { record: ImportRecord; person: Person }>();
for (const record of records) {
  for (const person of record.persons ?? []) {
    personByRef.set(`${record.agency_code}|${person.external_id}`, { record, person });
  }
}
const lookup = (ref: PersonRef) => {
  const hit = personByRef.get(`${ref.agency_code}|${ref.person_external_id}`);
  assert.ok(hit, `truth names a person that does not exist: ${ref.agency_code} ${ref.person_external_id}`);
  assert.equal(hit.record.external_id, ref.case_external_id, 'person is in the case the truth says');
  return hit;
};

const districts = readDistrictsCsv();
const pinDistrict = new Map(
  readFileSync(new URL('../../src/db/reference/pincodes.csv', import.meta.url), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [pin, , district] = line.split(',');
      return [pin as string, Number(district)] as const;
    }),
);
const NEW_LAW = Date.parse('2024-07-01T00:00:00+05:30');

describe('synthetic generator: determinism', () => {
  it('gives byte-identical output for the same options and different output for another seed', () => {
    const a = JSON.stringify(generateSynthetic({ cases: 500, seed: 42 }));
    const b = JSON.stringify(generateSynthetic({ cases: 500, seed: 42 }));
    const c = JSON.stringify(generateSynthetic({ cases: 500, seed: 43 }));
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  it('streams exactly the records the in-memory variant returns, with the same truth', () => {
    const small = generateSynthetic({ cases: 400, seed: 5 });
    const gen = generateSyntheticRecords({ cases: 400, seed: 5 });
    const streamed: ImportRecord[] = [];
    let step = gen.next();
    while (!step.done) {
      streamed.push(step.value);
      step = gen.next();
    }
    assert.deepEqual(streamed, small.records);
    assert.deepEqual(step.value, small.truth);
  });

  it('hands out the truth only after the stream is exhausted, and streams only once', () => {
    const stream = createSyntheticStream({ cases: 50, seed: 1 });
    assert.throws(() => stream.truth(), /only after all records/);
    const iterator = stream.records();
    iterator.next();
    assert.throws(() => stream.truth());
    for (const _ of iterator) {
      // drain
    }
    assert.equal(stream.truth().cases, 50);
    assert.throws(() => stream.records().next(), /only once/);
  });

  it('rejects unknown states and bad counts, and honours the chosen states', () => {
    assert.throws(() => generateSynthetic({ cases: 10, seed: 1, states: ['XX'] }), /unknown state/);
    assert.throws(() => generateSynthetic({ cases: -1, seed: 1 }), RangeError);
    const two = syntheticAgencies({ cases: 200, seed: 1, states: ['tg', 'WB'] });
    assert.deepEqual(new Set(two.map((a) => stateIsoByLgd[a.state_lgd_code])), new Set(['TG', 'WB']));
  });
});

describe('synthetic generator: records', () => {
  it('every record is a valid case input with an owning operational agency', () => {
    const owners = new Map(agencies.map((a) => [a.code, a]));
    for (const { agency_code, ...rest } of records) {
      const parsed = caseInput.safeParse(rest);
      assert.ok(parsed.success, `${rest.external_id}: ${JSON.stringify(parsed.error?.issues)}`);
      const owner = owners.get(agency_code);
      assert.ok(owner, `unknown agency ${agency_code}`);
      assert.ok(
        ['police_station', 'ahtu', 'cyber_cell'].includes(owner.kind),
        `${agency_code} cannot own cases`,
      );
    }
  });

  it('case and person external ids are present and unique within each agency', () => {
    const seen = new Set<string>();
    for (const r of records) {
      assert.ok(r.external_id.startsWith(`SYN-${r.agency_code}-`));
      const caseKey = `${r.agency_code}|case|${r.external_id}`;
      assert.ok(!seen.has(caseKey), `duplicate case id ${caseKey}`);
      seen.add(caseKey);
      for (const p of r.persons ?? []) {
        assert.ok(p.external_id, `person without external id in ${r.external_id}`);
        const key = `${r.agency_code}|person|${p.external_id}`;
        assert.ok(!seen.has(key), `duplicate person id ${key}`);
        seen.add(key);
      }
    }
  });

  it('spreads cases over at least three states and many stations', () => {
    const stateOf = new Map(agencies.map((a) => [a.code, stateIsoByLgd[a.state_lgd_code]]));
    const states = new Set(records.map((r) => stateOf.get(r.agency_code)));
    assert.ok(states.size >= 3, `only ${[...states].join(', ')}`);
    const stations = new Set(records.map((r) => r.agency_code).filter((c) => /-PS\d\d$/.test(c)));
    assert.ok(stations.size >= 30, `only ${stations.size} stations own cases`);
    assert.ok(records.some((r) => r.agency_code.endsWith('-AHTU')));
    assert.ok(records.some((r) => r.agency_code.endsWith('-CYBER')));
  });

  it('charges IPC under CrPC before 1 July 2024 and BNS under BNSS after, with known codes only', () => {
    const known = new Set(offenceCodes.map((o) => o.code));
    let before = 0;
    let after = 0;
    for (const r of records) {
      const newLaw = Date.parse(r.registered_at) >= NEW_LAW;
      assert.equal(r.procedure_code, newLaw ? 'BNSS' : 'CrPC', r.external_id);
      assert.ok((r.offences ?? []).length > 0, `${r.external_id} has no offence`);
      for (const code of r.offences ?? []) {
        assert.ok(known.has(code), `${code} is not in offence-codes.ts`);
        if (newLaw) assert.ok(!code.startsWith('IPC-'), `${r.external_id}: ${code} after the BNS came in`);
        else assert.ok(!code.startsWith('BNS-'), `${r.external_id}: ${code} before the BNS came in`);
      }
      if (newLaw) after++;
      else before++;
      for (const t of [r.occurred_from, r.occurred_to]) {
        if (t) assert.equal(Date.parse(t) >= NEW_LAW, newLaw, `${r.external_id} occurred across 1 July 2024`);
      }
    }
    assert.ok(before > 100 && after > 100);
  });

  it('looks like a real CSEC case mix', () => {
    const has = (code: string) => records.filter((r) => r.offences?.includes(code)).length;
    for (const code of [
      'ITPA-3',
      'ITPA-5',
      'POCSO-6',
      'POCSO-14',
      'IT-67B',
      'BNS-143',
      'IPC-370',
      'JJ-81',
      'BNS-99',
      'BNS-144(1)',
    ]) {
      assert.ok(has(code) > 0, `no case charged under ${code}`);
    }
    const statuses = new Set(records.map((r) => r.status));
    for (const s of [
      'registered',
      'under_investigation',
      'charge_sheeted',
      'final_report',
      'in_trial',
      'convicted',
      'acquitted',
    ]) {
      assert.ok(statuses.has(s as never), `no case is ${s}`);
    }
  });

  it('registers cases 2021–2026 in IST with FIR numbers unique per station and year', () => {
    const firs = new Set<string>();
    const years = new Set<string>();
    for (const r of records) {
      assert.match(r.registered_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/);
      const t = Date.parse(r.registered_at);
      assert.ok(t >= Date.parse('2021-01-01T00:00:00+05:30') && t < Date.parse('2026-11-25T00:00:00+05:30'));
      const year = r.registered_at.slice(0, 4);
      years.add(year);
      assert.match(r.fir_number ?? '', /^\d+\/\d{4}$/);
      assert.equal(r.fir_number?.split('/')[1], year);
      const key = `${r.agency_code}|${r.fir_number}`;
      assert.ok(!firs.has(key), `duplicate FIR ${key}`);
      firs.add(key);
    }
    assert.deepEqual([...years].sort(), ['2021', '2022', '2023', '2024', '2025', '2026']);
  });

  it('uses PIN codes of the district it names, on cases and on persons', () => {
    let checked = 0;
    for (const r of records) {
      assert.equal(
        pinDistrict.get(r.pincode ?? ''),
        r.district_lgd_code,
        `${r.external_id} PIN ${r.pincode}`,
      );
      for (const p of r.persons ?? []) {
        if (p.pincode && p.district_lgd_code) {
          assert.equal(pinDistrict.get(p.pincode), p.district_lgd_code, `${p.external_id} PIN ${p.pincode}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 1000);
  });

  it('names child victims, mostly girls, with some boys and transgender children', () => {
    const genders = new Map<string, number>();
    let aged = 0;
    for (const r of records) {
      const on = r.registered_at.slice(0, 10);
      for (const p of r.persons ?? []) {
        if (p.role !== 'victim') continue;
        genders.set(p.gender ?? 'none', (genders.get(p.gender ?? 'none') ?? 0) + 1);
        const age = p.age ?? (p.birth_date ? yearsBetween(p.birth_date, on) : null);
        if (age === null) continue;
        aged++;
        assert.ok(age >= 8 && age <= 18, `${p.external_id} is ${age}`);
      }
    }
    assert.ok(aged > 1000);
    assert.ok((genders.get('female') ?? 0) > 5 * (genders.get('male') ?? 0));
    assert.ok((genders.get('male') ?? 0) > 0 && (genders.get('transgender') ?? 0) > 0);
  });

  it('writes names with the noise of Indian records', () => {
    const persons = records.flatMap((r) => r.persons ?? []);
    const some = (what: string, test: (p: Person) => boolean, atLeast = 10) =>
      assert.ok(persons.filter(test).length >= atLeast, `too few names with ${what}`);
    some('honorifics', (p) =>
      /^(Shri|Sri|Smt\.|Kumari|Km\.|Mr\.|Mrs\.|Master|Janab|Sardar) /.test(p.full_name),
    );
    some('initials', (p) => /^([A-Z]\. ?)+[A-Z][a-z]+/.test(p.full_name));
    some('surname first in capitals', (p) => /^[A-Z]{3,},? [A-Z][a-z]/.test(p.full_name));
    some('single names', (p) => !p.full_name.includes(' '));
    some('Mohd./Md. forms', (p) => /\b(Mohd\.?|Md\.) /.test(p.full_name), 1);
    some('aliases', (p) => (p.aliases ?? []).length > 0);
    some('s/o', (p) => p.relation_kind === 's/o');
    some('d/o', (p) => p.relation_kind === 'd/o');
    some('w/o', (p) => p.relation_kind === 'w/o');
    some(
      'age instead of birth date',
      (p) => p.age != null && p.age_recorded_on != null && p.birth_date == null,
    );
    some('ages rounded to five', (p) => p.role !== 'victim' && p.age != null && p.age % 5 === 0);
    // A man is never recorded as someone's wife.
    assert.ok(!persons.some((p) => p.gender === 'male' && p.relation_kind === 'w/o'));
  });
});

describe('synthetic generator: identifiers', () => {
  const all = records.flatMap((r) => [
    ...(r.identifiers ?? []).map((i) => ({ ...i, case: r })),
    ...(r.persons ?? []).flatMap((p) => (p.identifiers ?? []).map((i) => ({ ...i, case: r }))),
  ]);

  it('uses every identifier kind', () => {
    const kinds = new Set(all.map((i) => i.kind));
    for (const k of [
      'phone',
      'email',
      'upi',
      'bank_account',
      'vehicle',
      'social_handle',
      'url',
      'ip',
      'address',
      'aadhaar_masked',
    ]) {
      assert.ok(kinds.has(k as never), `no ${k}`);
    }
  });

  it('writes phones as 10-digit Indian mobiles in several formats', () => {
    const formats = new Set<string>();
    for (const i of all.filter((x) => x.kind === 'phone')) {
      assert.ok(indianMobileDigits(i.value), `not an Indian mobile: ${i.value}`);
      formats.add(i.value.replace(/\d/g, '9'));
    }
    for (const a of agencies) assert.ok(indianMobileDigits(a.contact_phone), a.contact_phone);
    assert.ok(formats.size >= 5, `only ${[...formats].join(' ')}`);
  });

  it('keeps other identifiers in their documented shapes', () => {
    for (const { kind, value } of all) {
      if (kind === 'aadhaar_masked') assert.match(value, /^XXXX-XXXX-\d{4}$/);
      if (kind === 'ip') assert.match(value, /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$|^2001:db8:/);
      if (kind === 'url') assert.match(value, /^https:\/\/[a-z0-9.-]+\.example\//);
      if (kind === 'email') assert.match(value, /@(mail\.example|example\.com|example\.net|inbox\.example)$/);
      if (kind === 'upi') assert.match(value, /^[a-z0-9.]+@[a-z]+$/i);
      if (kind === 'bank_account') assert.match(value, /^(\d{11}|\d{14,16})$/);
      if (kind === 'vehicle')
        assert.match(value, /^([A-Z]{2}[ -]?\d\d[ -]?[A-Z]{2}[ -]?\d{4}|\d\d BH \d{4} [A-Z]{2})$/);
    }
  });

  it('never contains anything shaped like a full Aadhaar number', () => {
    // A phone in E.164 (+91 and ten digits) is not an Aadhaar number; twelve bare digits are.
    const aadhaar = /(?<![+\d])\d{4}\s?\d{4}\s?\d{4}\b/;
    for (const r of records) assert.doesNotMatch(JSON.stringify(r), aadhaar, r.external_id);
    assert.doesNotMatch(JSON.stringify(agencies), aadhaar);
    assert.doesNotMatch(JSON.stringify(truth), aadhaar);
  });

  it('shares linking identifiers only where the truth says so', () => {
    const linkKinds = new Set(['phone', 'upi', 'vehicle', 'bank_account', 'email', 'social_handle']);
    // The application's own normaliser: what the grid will correlate on.
    const norm = (kind: string, v: string) => normaliseIdentifier(kind as IdentifierKind, v);
    const cases = new Map<string, Set<string>>();
    for (const i of all) {
      if (!linkKinds.has(i.kind)) continue;
      const key = `${i.kind}:${norm(i.kind, i.value)}`;
      const set = cases.get(key) ?? new Set<string>();
      set.add(`${i.case.agency_code}|${i.case.external_id}`);
      cases.set(key, set);
    }
    const planted = new Set(truth.shared_identifiers.map((s) => `${s.kind}:${s.normalised}`));
    const unplanned = [...cases]
      .filter(([key, set]) => set.size > 1 && !planted.has(key))
      .map(([key]) => key);
    assert.deepEqual(unplanned, []);
    // …and every planted one really is shared, written in more than one way somewhere.
    for (const s of truth.shared_identifiers) {
      assert.ok(s.occurrences.length >= 2);
      for (const o of s.occurrences) assert.equal(norm(s.kind, o.value), s.normalised, s.id);
    }
    const phones = truth.shared_identifiers.filter((s) => s.kind === 'phone');
    assert.ok(
      phones.some((s) => new Set(s.occurrences.map((o) => o.value)).size > 1),
      'no phone written two ways',
    );
  });
});

describe('synthetic generator: agencies', () => {
  const stateCodes = new Map<string, number>();
  const districtCodes = new Map<string, { state: number; district: number }>();
  for (const d of districts) {
    const state = Number(d.state_lgd_code);
    const iso = stateIsoByLgd[state] as string;
    stateCodes.set(iso, state);
    districtCodes.set(`${iso}-D${d.district_lgd_code}`, { state, district: Number(d.district_lgd_code) });
  }

  it('hangs every agency under an existing state or district agency, consistently', () => {
    const codes = new Set<string>();
    for (const a of agencies) {
      assert.ok(!codes.has(a.code), `duplicate agency ${a.code}`);
      codes.add(a.code);
      const district = districtCodes.get(a.parent_code);
      if (district) {
        assert.equal(a.state_lgd_code, district.state, a.code);
        assert.equal(a.district_lgd_code, district.district, a.code);
        assert.ok(a.code.startsWith(`${a.parent_code}-`));
      } else {
        assert.equal(
          stateCodes.get(a.parent_code),
          a.state_lgd_code,
          `${a.code}: unknown parent ${a.parent_code}`,
        );
        assert.equal(a.district_lgd_code, null);
      }
      assert.ok(a.name && a.contact_officer && a.contact_email.endsWith('.example'));
    }
  });

  it('gives each chosen district 2–6 stations, an AHTU, a CWC and a DCPU, and each state a CID, cyber cell and NGO', () => {
    const byParent = new Map<string, string[]>();
    for (const a of agencies) byParent.set(a.parent_code, [...(byParent.get(a.parent_code) ?? []), a.kind]);
    let districtsSeen = 0;
    for (const [parent, kinds] of byParent) {
      const count = (k: string) => kinds.filter((x) => x === k).length;
      if (districtCodes.has(parent)) {
        districtsSeen++;
        assert.ok(count('police_station') >= 2 && count('police_station') <= 6, parent);
        for (const k of ['ahtu', 'cwc', 'dcpu']) assert.equal(count(k), 1, `${parent} ${k}`);
      } else {
        for (const k of ['cid', 'cyber_cell']) assert.equal(count(k), 1, `${parent} ${k}`);
        assert.ok(count('ngo') >= 1 && count('ngo') <= 2);
      }
    }
    assert.ok(districtsSeen >= 12);
    assert.ok(agencies.every((a) => !a.name.includes('undefined')));
    assert.ok(
      agencies.filter((a) => a.kind === 'police_station').every((a) => a.name.endsWith(' Police Station')),
    );
  });
});

describe('synthetic generator: planted ground truth', () => {
  it('refers only to persons and cases that exist', () => {
    for (const c of truth.person_clusters) {
      for (const ref of c.refs) assert.equal(lookup(ref).person.full_name, ref.full_name);
    }
    for (const h of truth.households) h.members.forEach(lookup);
    for (const t of truth.re_trafficked_children) [t.rescued, t.reappeared].forEach(lookup);
    const caseIds = new Set(records.map((r) => `${r.agency_code}|${r.external_id}`));
    for (const s of truth.shared_identifiers) {
      for (const o of s.occurrences) {
        assert.ok(caseIds.has(`${o.agency_code}|${o.case_external_id}`));
        const holder = o.person_external_id
          ? lookup({
              agency_code: o.agency_code,
              case_external_id: o.case_external_id,
              person_external_id: o.person_external_id,
            }).person.identifiers
          : records.find((r) => r.agency_code === o.agency_code && r.external_id === o.case_external_id)
              ?.identifiers;
        assert.ok(
          holder?.some((i) => i.value === o.value),
          `${s.id}: ${o.value} is not where the truth says`,
        );
      }
    }
  });

  it('puts each person in at most one cluster and makes clusters of two or more', () => {
    const seen = new Set<string>();
    for (const c of truth.person_clusters) {
      assert.ok(c.refs.length >= 2, c.id);
      for (const r of c.refs) {
        const key = `${r.agency_code}|${r.person_external_id}`;
        assert.ok(!seen.has(key), `${key} in two clusters`);
        seen.add(key);
      }
    }
  });

  it('plants repeat offenders across districts and states, under varying names, with consistent ages', () => {
    const offenders = truth.person_clusters.filter((c) => c.kind === 'repeat_offender');
    assert.deepEqual(
      offenders.map((c) => c.id),
      truth.repeat_offenders,
    );
    assert.ok(offenders.length >= 10);
    for (const c of offenders) {
      assert.ok(c.states.length >= 2, `${c.id} stays in ${c.states.join(',')}`);
      assert.ok(c.district_lgd_codes.length >= 2, c.id);
      for (const r of c.refs) assert.ok(['accused', 'trafficker'].includes(r.role));
      assertAgesConsistent(
        c.id,
        c.refs.map((r) => lookup(r).person),
        c.refs.map((r) => lookup(r).record),
      );
    }
    const varied = offenders.filter((c) => new Set(c.refs.map((r) => r.full_name)).size > 1);
    assert.ok(
      varied.length >= offenders.length * 0.6,
      `${varied.length} of ${offenders.length} vary their names`,
    );
    const withAge = offenders.filter((c) => c.refs.some((r) => lookup(r).person.age != null));
    assert.ok(withAge.length > 0);
  });

  it('plants repeat buyers in several cases', () => {
    const buyers = truth.person_clusters.filter((c) => c.kind === 'repeat_buyer');
    assert.ok(buyers.length >= 5);
    assert.deepEqual(
      buyers.map((c) => c.id),
      truth.repeat_buyers,
    );
    for (const c of buyers) {
      assert.ok(c.refs.every((r) => r.role === 'buyer'));
      assert.equal(new Set(c.refs.map((r) => r.case_external_id)).size, c.refs.length);
      assertAgesConsistent(
        c.id,
        c.refs.map((r) => lookup(r).person),
        c.refs.map((r) => lookup(r).record),
      );
    }
  });

  it('plants rescued children who are trafficked again, later and elsewhere, still children', () => {
    assert.ok(truth.re_trafficked_children.length >= 3);
    for (const t of truth.re_trafficked_children) {
      const a = lookup(t.rescued);
      const b = lookup(t.reappeared);
      assert.equal(a.person.role, 'victim');
      assert.equal(b.person.role, 'victim');
      assert.ok(Date.parse(b.record.registered_at) > Date.parse(a.record.registered_at));
      assert.notEqual(a.record.district_lgd_code, b.record.district_lgd_code);
      assert.ok(t.days_between > 0);
      assertAgesConsistent(t.cluster_id, [a.person, b.person], [a.record, b.record]);
      const ageB =
        b.person.age ?? yearsBetween(b.person.birth_date as string, b.record.registered_at.slice(0, 10));
      assert.ok(ageB < 18);
    }
  });

  it('plants phones and UPI ids shared across agencies, states and formats', () => {
    const network = truth.shared_identifiers.filter((s) => s.link === 'network');
    assert.ok(network.length >= 5);
    for (const s of network) assert.ok(s.agencies.length >= 2, `${s.id} stays in one agency`);
    assert.ok(truth.shared_identifiers.some((s) => s.kind === 'upi'));
    const stateOf = new Map(agencies.map((a) => [a.code, a.state_lgd_code]));
    assert.ok(
      truth.shared_identifiers.some(
        (s) => s.kind === 'phone' && new Set(s.occurrences.map((o) => stateOf.get(o.agency_code))).size >= 2,
      ),
    );
  });

  it('lists households of look-alike but different people', () => {
    const kinds = new Set(truth.households.map((h) => h.kind));
    assert.deepEqual([...kinds].sort(), ['siblings', 'spouses', 'twins']);
    const clustered = new Set(
      truth.person_clusters.flatMap((c) => c.refs.map((r) => `${r.agency_code}|${r.person_external_id}`)),
    );
    for (const h of truth.households) {
      const members = h.members.map(lookup).map((m) => m.person);
      assert.equal(
        new Set(h.members.map((m) => `${m.agency_code}|${m.person_external_id}`)).size,
        members.length,
      );
      for (const m of h.members) assert.ok(!clustered.has(`${m.agency_code}|${m.person_external_id}`));
      const phones = members.map((m) =>
        indianMobileDigits(m.identifiers?.find((i) => i.kind === 'phone')?.value ?? ''),
      );
      assert.ok(phones[0] && phones.every((p) => p === phones[0]), `${h.id} phones differ`);
      assert.ok(
        members.every((m) => m.address && m.address === members[0]?.address),
        `${h.id} addresses differ`,
      );
      assert.equal(
        new Set(members.map((m) => m.full_name)).size,
        members.length,
        `${h.id} has identical names`,
      );
      if (h.kind !== 'spouses') {
        const fathers = members.map((m) => m.relation_name?.replace(/^Late /, ''));
        assert.ok(
          fathers.every((f) => f && f === fathers[0]),
          `${h.id} relation names differ`,
        );
      } else {
        assert.ok(members.some((m) => m.relation_kind === 'w/o'));
      }
    }
  });
});

describe('synthetic generator: files', () => {
  it('writes the truth as pretty JSON and the records as JSON Lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'childgrid-synthetic-'));
    try {
      const path = join(dir, 'truth.json');
      writeTruth(path, truth);
      const text = readFileSync(path, 'utf8');
      assert.ok(text.startsWith('{\n  "format"'));
      assert.deepEqual(JSON.parse(text), truth);
      const out = writeSyntheticFiles(join(dir, 'set'), { cases: 120, seed: 9 });
      const lines = readFileSync(out.records, 'utf8').trimEnd().split('\n');
      assert.equal(lines.length, 120);
      assert.deepEqual(
        lines.map((l) => JSON.parse(l)),
        generateSynthetic({ cases: 120, seed: 9 }).records,
      );
      assert.equal(JSON.parse(readFileSync(out.truth, 'utf8')).cases, 120);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------------------

function yearsBetween(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/**
 * The appearances of one person must admit a common birth date: a birth date recorded exactly, an age
 * within one year of the truth. Each record gives an interval of possible birth instants; they must overlap.
 */
function assertAgesConsistent(id: string, persons: Person[], cases: ImportRecord[]): void {
  const YEAR = 365.25 * 86_400_000;
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  persons.forEach((p, i) => {
    if (p.birth_date) {
      const t = Date.parse(p.birth_date);
      lo = Math.max(lo, t - 86_400_000);
      hi = Math.min(hi, t + 86_400_000);
    } else if (p.age != null) {
      const on = Date.parse(p.age_recorded_on ?? (cases[i] as ImportRecord).registered_at.slice(0, 10));
      // Exact age a means born in (on − (a+1)y, on − a·y]; ±1 year of slack widens that by a year each side.
      lo = Math.max(lo, on - (p.age + 2) * YEAR - 2 * 86_400_000);
      hi = Math.min(hi, on - (p.age - 1) * YEAR + 2 * 86_400_000);
    }
  });
  assert.ok(lo <= hi, `${id}: recorded ages and birth dates do not fit one person`);
}
