import { writeFileSync } from 'node:fs';
import { normaliseIdentifier } from '../identifiers/normalise.ts';

/**
 * The answers the synthetic data hides: which records are the same real person, which identifiers are
 * shared on purpose, and which look-alike family members are different people. Later work (correlation,
 * person resolution, re-trafficking alerts) is scored against this file.
 */

/** One person in one record: the owning agency and the person's external id (unique within that agency). */
export interface PersonRef {
  agency_code: string;
  case_external_id: string;
  person_external_id: string;
}

export interface ClusterRef extends PersonRef {
  /** The name as written in that record, to see at a glance what the linker has to overcome. */
  full_name: string;
  role: string;
}

export type ClusterKind = 'repeat_offender' | 'repeat_buyer' | 're_trafficked_child';

export interface PersonCluster {
  id: string;
  kind: ClusterKind;
  /** Every appearance of this one real person, in registration order. */
  refs: ClusterRef[];
  /** State ISO codes and district LGD codes of the owning agencies' cases. */
  states: string[];
  district_lgd_codes: number[];
}

export interface ReTraffickedChild {
  cluster_id: string;
  rescued: PersonRef;
  reappeared: PersonRef;
  days_between: number;
}

export interface SharedIdentifierOccurrence {
  agency_code: string;
  case_external_id: string;
  /** null when the identifier is on the case (a number in an ad, a payee of payments), not on a person. */
  person_external_id: string | null;
  value: string;
}

export interface SharedIdentifier {
  id: string;
  kind: 'phone' | 'upi' | 'vehicle';
  /** As the application normalises it (identifiers/normalise.ts): phones in E.164, so it matches `identifiers.normalised`. */
  normalised: string;
  /**
   * same_person: carried by one real person across cases; household: family members who are different
   * people; network: one number or payee turning up in unrelated agencies' cases.
   */
  link: 'same_person' | 'household' | 'network';
  agencies: string[];
  occurrences: SharedIdentifierOccurrence[];
}

export interface Household {
  id: string;
  kind: 'siblings' | 'twins' | 'spouses';
  /** What the members have in common (the trap): never the same person. */
  shared: string[];
  members: PersonRef[];
}

export interface GroundTruth {
  format: 'childgrid-synthetic-truth/1';
  seed: number;
  cases: number;
  states: string[];
  person_clusters: PersonCluster[];
  /** Cluster ids by kind, for convenience; the clusters themselves are in person_clusters. */
  repeat_offenders: string[];
  repeat_buyers: string[];
  re_trafficked_children: ReTraffickedChild[];
  shared_identifiers: SharedIdentifier[];
  households: Household[];
  caveats: string[];
}

interface ClusterAcc {
  kind: ClusterKind;
  refs: (ClusterRef & { ms: number })[];
  states: Set<string>;
  districts: Set<number>;
}

export interface AppearanceContext {
  ref: PersonRef;
  stateIso: string;
  districtLgd: number;
  registeredMs: number;
}

/** Collects ground truth while records are generated (external ids are only known then). */
export class TruthBuilder {
  private readonly clusters = new Map<string, ClusterAcc>();
  private readonly households = new Map<
    string,
    { kind: Household['kind']; shared: string[]; members: PersonRef[] }
  >();
  private readonly shared = new Map<
    string,
    {
      kind: SharedIdentifier['kind'];
      link: SharedIdentifier['link'];
      occurrences: SharedIdentifierOccurrence[];
    }
  >();

  defineCluster(id: string, kind: ClusterKind): void {
    this.clusters.set(id, { kind, refs: [], states: new Set(), districts: new Set() });
  }

  defineHousehold(id: string, kind: Household['kind'], shared: string[]): void {
    this.households.set(id, { kind, shared, members: [] });
  }

  defineShared(id: string, kind: SharedIdentifier['kind'], link: SharedIdentifier['link']): void {
    this.shared.set(id, { kind, link, occurrences: [] });
  }

  addToCluster(id: string, at: AppearanceContext, fullName: string, role: string): void {
    const c = this.clusters.get(id);
    if (!c) throw new Error(`undefined cluster ${id}`);
    c.refs.push({ ...at.ref, full_name: fullName, role, ms: at.registeredMs });
    c.states.add(at.stateIso);
    c.districts.add(at.districtLgd);
  }

  addToHousehold(id: string, ref: PersonRef): void {
    const h = this.households.get(id);
    if (!h) throw new Error(`undefined household ${id}`);
    h.members.push(ref);
  }

  addShared(id: string, occurrence: SharedIdentifierOccurrence): void {
    const s = this.shared.get(id);
    if (!s) throw new Error(`undefined shared identifier ${id}`);
    s.occurrences.push(occurrence);
  }

  finish(meta: { seed: number; cases: number; states: string[] }): GroundTruth {
    const byId = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const clusters: PersonCluster[] = [];
    const retrafficked: ReTraffickedChild[] = [];
    for (const [id, c] of byId(this.clusters)) {
      // A plant whose cases did not all fit (tiny data sets) is not a cluster; drop it rather than lie.
      if (c.refs.length < 2) continue;
      const refs = c.refs.slice().sort((a, b) => a.ms - b.ms);
      clusters.push({
        id,
        kind: c.kind,
        refs: refs.map(({ ms: _ms, ...r }) => r),
        states: [...c.states].sort(),
        district_lgd_codes: [...c.districts].sort((a, b) => a - b),
      });
      if (c.kind === 're_trafficked_child') {
        const [first, last] = [refs[0], refs[refs.length - 1]] as [
          ClusterAcc['refs'][number],
          ClusterAcc['refs'][number],
        ];
        const pick = (r: ClusterRef): PersonRef => ({
          agency_code: r.agency_code,
          case_external_id: r.case_external_id,
          person_external_id: r.person_external_id,
        });
        retrafficked.push({
          cluster_id: id,
          rescued: pick(first),
          reappeared: pick(last),
          days_between: Math.round((last.ms - first.ms) / 86_400_000),
        });
      }
    }
    const shared: SharedIdentifier[] = [];
    for (const [id, s] of byId(this.shared)) {
      if (s.occurrences.length < 2) continue;
      const first = s.occurrences[0] as SharedIdentifierOccurrence;
      shared.push({
        id,
        kind: s.kind,
        normalised: normaliseIdentifier(s.kind, first.value),
        link: s.link,
        agencies: [...new Set(s.occurrences.map((o) => o.agency_code))].sort(),
        occurrences: s.occurrences,
      });
    }
    const households: Household[] = [];
    for (const [id, h] of byId(this.households)) {
      if (h.members.length < 2) continue;
      households.push({ id, kind: h.kind, shared: h.shared, members: h.members });
    }
    return {
      format: 'childgrid-synthetic-truth/1',
      seed: meta.seed,
      cases: meta.cases,
      states: meta.states,
      person_clusters: clusters,
      repeat_offenders: clusters.filter((c) => c.kind === 'repeat_offender').map((c) => c.id),
      repeat_buyers: clusters.filter((c) => c.kind === 'repeat_buyer').map((c) => c.id),
      re_trafficked_children: retrafficked,
      shared_identifiers: shared,
      households,
      caveats: [
        'Every person not in person_clusters appears exactly once: two records outside a cluster are different people, however alike their names.',
        'Phones, UPI ids, bank accounts, vehicles, emails, social handles, ad URLs and IPv6 addresses are unique unless listed in shared_identifiers.',
        'IPv4 addresses come from the three documentation ranges (762 addresses) and repeat by chance, like carrier-NAT addresses; they are not links.',
        'Masked Aadhaar values (XXXX-XXXX-nnnn) keep only four digits and repeat by chance; they are not links.',
        'Ages recorded instead of birth dates may be rounded to five years for people outside clusters; within clusters they are within one year of the truth.',
      ],
    };
  }
}

/** Writes the ground truth as pretty-printed JSON (stable key order, trailing newline). */
export function writeTruth(path: string, truth: GroundTruth): void {
  writeFileSync(path, `${JSON.stringify(truth, null, 2)}\n`);
}
