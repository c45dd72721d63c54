import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { rebuildAgencyClosure } from '../../db/reference/seed-reference.ts';
import type { DB } from '../../db/schema.ts';
import type { Keyring } from '../../shared/envelope.ts';
import { AppError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../access/actor.ts';
import type { Role } from '../access/roles.ts';
import { systemActor } from '../access/system-actor.ts';
import { addUser } from '../auth/auth.service.ts';
import { addWatch } from '../grid/grid.service.ts';
import { dateInIndia, listRulesFor, openHistorySheet } from '../history-sheets/history-sheet.service.ts';
import { importRecords } from '../imports/import.service.ts';
import { type LinkSummary, linkAllPersons } from '../profiles/linking.service.ts';
import { generateSynthetic, type SyntheticAgency } from '../synthetic/generate.ts';
import { createTip } from '../tips/tip.service.ts';

export const DEMO_PASSWORD = 'childgrid-demo';

/** Adds generated agencies below their parents (idempotent by code) and refreshes the hierarchy. */
export async function addAgencies(db: Kysely<DB>, agencies: SyntheticAgency[]): Promise<void> {
  if (agencies.length === 0) return;
  await db.transaction().execute(async (tx) => {
    const known = new Map(
      (await tx.selectFrom('agencies').select(['code', 'id']).execute()).map((a) => [a.code, a.id] as const),
    );
    const rows = [];
    for (const a of agencies) {
      if (known.has(a.code)) continue;
      const parentId = known.get(a.parent_code);
      if (!parentId) throw new Error(`Agency ${a.code}: unknown parent ${a.parent_code}`);
      const id = newId();
      known.set(a.code, id);
      rows.push({
        id,
        code: a.code,
        name: a.name,
        kind: a.kind,
        parent_id: parentId,
        state_lgd_code: a.state_lgd_code,
        district_lgd_code: a.district_lgd_code,
        contact_officer: a.contact_officer,
        contact_phone: a.contact_phone,
        contact_email: a.contact_email,
      });
    }
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('agencies')
        .values(rows.slice(i, i + 500))
        .execute();
    await rebuildAgencyClosure(tx);
  });
}

export interface DemoResult {
  password: string;
  users: { email: string; role: Role; agency: string }[];
  cases: number;
  /** What person linking made of the demo (profiles, review queue, alerts). */
  linked: LinkSummary;
  /** History sheets the demo station's SHO opened on planted repeat offenders. */
  sheets: number;
  /** Tips the demo station's SHO recorded (one fires the investigating officer's watch). */
  tips: number;
}

/**
 * The synthetic demo: fictional agencies, cases and people, and one user per role with a known password.
 * Only ever run on an empty installation that asked for a demo.
 */
export async function seedDemo(
  database: Database,
  keyring: Keyring,
  options: { cases: number; seed: number },
): Promise<DemoResult> {
  const { db } = database;
  const data = generateSynthetic({ cases: options.cases, seed: options.seed });
  await addAgencies(db, data.agencies);
  const actor = await systemActor(db);
  const summary = await importRecords(
    db,
    keyring,
    actor,
    data.records.map((record, i) => ({ line: i + 1, record })),
    {
      name: `synthetic-demo-seed-${options.seed}`,
      text: `${options.cases}:${options.seed}`,
      format: 'synthetic',
    },
  );
  // The grid's person profiles, review queue and person alerts, as `childgrid grid link` makes them.
  const linked = await linkAllPersons(db, keyring);
  const station = data.agencies.find((a) => a.kind === 'police_station')!;
  const districtCode = station.parent_code;
  const stateCode = districtCode.split('-')[0]!;
  const inDistrict = (kind: SyntheticAgency['kind']) =>
    data.agencies.find((a) => a.kind === kind && a.parent_code === districtCode)?.code ??
    data.agencies.find((a) => a.kind === kind)?.code ??
    districtCode;
  const plan: { email: string; role: Role; agency: string; name: string }[] = [
    {
      email: 'io@demo.childgrid.example',
      role: 'investigating_officer',
      agency: station.code,
      name: 'SI Meera Kulkarni',
    },
    {
      email: 'constable@demo.childgrid.example',
      role: 'constable',
      agency: station.code,
      name: 'PC Ganesh Shinde',
    },
    {
      email: 'sho@demo.childgrid.example',
      role: 'station_house_officer',
      agency: station.code,
      name: 'Insp. Arvind Patil',
    },
    {
      email: 'district@demo.childgrid.example',
      role: 'district_supervisor',
      agency: districtCode,
      name: 'SP Kavita Rao',
    },
    {
      email: 'ahtu@demo.childgrid.example',
      role: 'district_supervisor',
      agency: inDistrict('ahtu'),
      name: 'DSP Imran Shaikh',
    },
    {
      email: 'state@demo.childgrid.example',
      role: 'state_analyst',
      agency: stateCode,
      name: 'Analyst Priya Nair',
    },
    {
      email: 'national@demo.childgrid.example',
      role: 'national_analyst',
      agency: 'IN',
      name: 'Analyst Rohan Verma',
    },
    {
      email: 'cwc@demo.childgrid.example',
      role: 'cwc_member',
      agency: inDistrict('cwc'),
      name: 'Dr. Sunita Deshmukh',
    },
    {
      email: 'dcpu@demo.childgrid.example',
      role: 'dcpu_officer',
      agency: inDistrict('dcpu'),
      name: 'Anil Jadhav',
    },
    {
      email: 'ngo@demo.childgrid.example',
      role: 'ngo_caseworker',
      agency: inDistrict('ngo'),
      name: 'Fatima Sayyed',
    },
    {
      email: 'prosecutor@demo.childgrid.example',
      role: 'prosecutor',
      agency: inDistrict('prosecution'),
      name: 'Adv. Ramesh Iyer',
    },
    {
      email: 'auditor@demo.childgrid.example',
      role: 'oversight_auditor',
      agency: 'IN',
      name: 'Auditor Neha Singh',
    },
    {
      email: 'admin@demo.childgrid.example',
      role: 'agency_admin',
      agency: station.code,
      name: 'HC Suresh More',
    },
    {
      email: 'sysadmin@demo.childgrid.example',
      role: 'system_admin',
      agency: 'IN',
      name: 'Sysadmin Grid Ops',
    },
  ];
  const ids = new Map<string, string>();
  for (const u of plan) {
    const { id } = await addUser(
      db,
      {
        agencyCode: u.agency,
        role: u.role,
        email: u.email,
        displayName: u.name,
        password: DEMO_PASSWORD,
      },
      { demo: true },
    );
    ids.set(u.email, id);
  }
  // The station writer reads only the cases it is put on: the SHO assigns it the station's three newest.
  await db
    .updateTable('cases')
    .set({ assigned_to: ids.get('constable@demo.childgrid.example') ?? null })
    .where(
      'id',
      'in',
      db
        .selectFrom('cases as c')
        .innerJoin('agencies as a', 'a.id', 'c.agency_id')
        .select('c.id')
        .where('a.code', '=', station.code)
        .orderBy('c.registered_at', 'desc')
        .limit(3),
    )
    .execute();
  // The demo station's officers at work: sheets in the register, a watch, tips.
  const stationId = (
    await db.selectFrom('agencies').select('id').where('code', '=', station.code).executeTakeFirstOrThrow()
  ).id;
  const officer = (email: string, role: Role): Actor => ({
    userId: ids.get(email)!,
    agencyId: stationId,
    role,
    clientAddress: null,
  });
  const sho = officer('sho@demo.childgrid.example', 'station_house_officer');
  const sheets = await demoHistorySheets(db, keyring, data, station.code, sho);
  const tips = await demoTips(
    db,
    keyring,
    data,
    station.code,
    officer('io@demo.childgrid.example', 'investigating_officer'),
    sho,
  );
  return {
    password: DEMO_PASSWORD,
    users: plan.map(({ email, role, agency }) => ({ email, role, agency })),
    cases: summary.cases,
    linked,
    sheets,
    tips,
  };
}

/**
 * Tips in the demo (docs/tips.md): the investigating officer watches a phone the generator planted across agencies
 * (one at her station when there is one), and the station's SHO records two tips — a 1098 helpline call naming
 * that phone, written with a space as a caller says it, and a member of the public's note naming another planted
 * phone and a planted UPI id. The first raises a watch alert for the officer; both tips' pages show what the grid
 * knows of each number. Synthetic: the places and numbers are the generator's.
 */
async function demoTips(
  db: Kysely<DB>,
  keyring: Keyring,
  data: ReturnType<typeof generateSynthetic>,
  stationCode: string,
  io: Actor,
  sho: Actor,
): Promise<number> {
  const here = (s: { occurrences: { agency_code: string }[] }) =>
    s.occurrences.some((o) => o.agency_code === stationCode);
  const planted = (kind: 'phone' | 'upi') => {
    const all = data.truth.shared_identifiers.filter((s) => s.kind === kind);
    return [...all.filter(here), ...all.filter((s) => !here(s))];
  };
  const [watched, other] = planted('phone');
  const [upi] = planted('upi');
  if (!watched) return 0;
  // "+916802672745" as a caller says it: "68026 72745".
  const spoken = (e164: string) => `${e164.slice(-10, -5)} ${e164.slice(-5)}`;
  await addWatch(db, keyring, io, {
    kind: 'phone',
    value: watched.normalised,
    reason: 'Number seized in our lodge raid: tell me wherever else it turns up',
  });
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  await createTip(db, keyring, sho, {
    received_at: ago(3),
    source: 'helpline_1098',
    text:
      'Childline 1098 forwarded a call: two girls of about 14 from the bus stand were taken to a lodge behind the ' +
      `market by a man who calls himself Pappu. The caller heard him give his number as ${spoken(watched.normalised)}. ` +
      'The caller did not give a name.',
    place: 'Lodge behind the vegetable market',
    extract: true,
  });
  if (!other) return 1;
  await createTip(db, keyring, sho, {
    received_at: ago(9),
    source: 'public',
    text:
      'A shopkeeper says a car comes to the spa on the highway every evening and young girls are brought in. ' +
      `The spa's advertisement gives ${spoken(other.normalised)}` +
      (upi ? ` and payments are asked to ${upi.normalised}.` : '.'),
    place: 'Spa on the highway',
    extract: true,
  });
  return 2;
}

/**
 * The register is not empty in the demo: the station's SHO has opened history sheets on the planted repeat
 * offenders with a record at the station (the generator's truth, `RO-…`), through the same service and checks as
 * the API (rank, never for a child, one open sheet per person). One was opened eleven months ago, so its yearly
 * review falls due within the month. A planted person the checks refuse is left without a sheet.
 */
async function demoHistorySheets(
  db: Kysely<DB>,
  keyring: Keyring,
  data: ReturnType<typeof generateSynthetic>,
  stationCode: string,
  sho: Actor,
): Promise<number> {
  const rule = (await listRulesFor(db, sho)).find((r) => r.category === 'history_sheet');
  if (!rule) return 0;
  const refs = data.truth.person_clusters
    .filter((c) => c.kind === 'repeat_offender')
    .flatMap((c) => c.refs.filter((r) => r.agency_code === stationCode).slice(0, 1));
  const ago = (days: number) => dateInIndia(new Date(Date.now() - days * 86_400_000));
  let opened = 0;
  for (const [i, ref] of refs.slice(0, 3).entries()) {
    const person = await db
      .selectFrom('persons')
      .select('id')
      .where('agency_id', '=', sho.agencyId)
      .where('external_id', '=', ref.person_external_id)
      .executeTakeFirst();
    if (!person) continue;
    try {
      await openHistorySheet(db, keyring, sho, {
        person_id: person.id,
        rule_id: rule.id,
        grounds:
          'Synthetic demo: named as trafficker or accused in cases of more than one agency; habitual procurer ' +
          'of minors for the lodge trade, by the grid profile and the station’s own enquiry.',
        convicted: i === 0,
        ordered_by_name: 'Insp. Arvind Patil',
        ordered_by_rank: 'inspector',
        opened_on: ago(i === 0 ? 340 : 60 + i * 30),
      });
      opened++;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
    }
  }
  return opened;
}
