import { hash } from 'node:crypto';

/**
 * The audit log's hash chain, computed in TypeScript for `childgrid audit verify`. The database computes the same
 * hashes when it writes (src/db/migrations/0003-audit-chain.sql); the verifier must not trust those SQL functions,
 * so it recomputes from the stored columns with its own code.
 *
 * ```ts
 * const prev = genesisHash(chainId);
 * eventHash({ ...columns, chain_id: chainId, seq: 1, prev_hash: prev }) === storedHash;
 * ```
 */

/** Events written without an agency form one chain under the nil UUID. */
export const SYSTEM_CHAIN_ID = '00000000-0000-0000-0000-000000000000';

/** An event's columns as text, exactly as the verifier selects them (see `chainRowColumns`). */
export interface ChainedEvent {
  chain_id: string;
  seq: number;
  prev_hash: string;
  id: string;
  /** UTC with microseconds: `2025-03-04T04:45:00.123456Z`. */
  occurred_at: string;
  agency_id: string | null;
  user_id: string | null;
  role: string | null;
  action: string;
  record_kind: string | null;
  record_id: string | null;
  record_agency_id: string | null;
  purpose: string | null;
  /** `detail::text`: PostgreSQL's own rendering of the jsonb value. */
  detail: string | null;
  client_address: string | null;
}

/**
 * Every column of `audit_events`, in hash order, besides `hash` itself. A column added to the table and not to this
 * list would go unprotected: `verify` reports such a column.
 */
export const hashedColumns = [
  'chain_id',
  'seq',
  'prev_hash',
  'id',
  'occurred_at',
  'agency_id',
  'user_id',
  'role',
  'action',
  'record_kind',
  'record_id',
  'record_agency_id',
  'purpose',
  'detail',
  'client_address',
] as const satisfies readonly (keyof ChainedEvent)[];

const sha256Hex = (text: string) => hash('sha256', text, 'hex');

/** What sequence 1 of a chain links to. */
export function genesisHash(chainId: string): string {
  return sha256Hex(`childgrid-audit-genesis-v1:${chainId}`);
}

/**
 * The canonical form: the JSON array PostgreSQL's `jsonb_build_array(…)::text` renders — elements separated by
 * `", "`, strings escaped as `JSON.stringify` escapes them (both escape `"`, `\` and control characters alike and
 * leave every other character as it is).
 */
export function canonicalEvent(e: ChainedEvent): string {
  const parts: (string | number | null)[] = [
    'childgrid-audit-v1',
    e.chain_id,
    e.seq,
    e.prev_hash,
    e.id,
    e.occurred_at,
    e.agency_id,
    e.user_id,
    e.role,
    e.action,
    e.record_kind,
    e.record_id,
    e.record_agency_id,
    e.purpose,
    e.detail,
    e.client_address,
  ];
  return `[${parts.map((p) => JSON.stringify(p ?? null)).join(', ')}]`;
}

export function eventHash(e: ChainedEvent): string {
  return sha256Hex(canonicalEvent(e));
}
