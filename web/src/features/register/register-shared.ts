import type { PoliceRank } from '../../api/types.ts';

/** Ranks from the lowest, as the server orders them (a rule's minimum rank compares in this order). */
export const policeRanks = [
  'constable',
  'head_constable',
  'asi',
  'si',
  'inspector',
  'dsp',
  'addl_sp',
  'sp',
  'ssp',
  'dig',
  'ig',
  'adgp',
  'dgp',
] as const satisfies readonly PoliceRank[];

// If the server's ranks and this list ever differ, this line stops compiling.
export type RanksMatchApi = [PoliceRank] extends [(typeof policeRanks)[number]] ? true : never;
const _ranksMatch: RanksMatchApi = true;
void _ranksMatch;

/** Today's date in India Standard Time, as an ISO date (`2025-06-01`). */
export function todayIst(now: Date = new Date()): string {
  return new Date(now.getTime() + 330 * 60_000).toISOString().slice(0, 10);
}

/** An ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
