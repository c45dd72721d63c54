import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  agencyCodes,
  auditColumns,
  auditTriggers,
  type ChainHeadRow,
  type ChainPosition,
  type ChainRow,
  chainEventsPage,
  chainHeads,
} from './audit.repository.ts';
import { type ChainedEvent, eventHash, genesisHash, hashedColumns } from './audit-chain.ts';

/**
 * `childgrid audit verify`: walks every chain in (chain, sequence) order, page by page, recomputing each hash.
 * Memory holds one page and one result per chain, so millions of events take seconds, not gigabytes.
 *
 * ```ts
 * const report = await verifyAuditLog(db);
 * if (!report.ok) for (const c of report.chains) if (c.break) console.error(c.break.message);
 * ```
 */

export type BreakKind =
  /** An event's columns no longer match its hash, or it was re-hashed after a change. */
  | 'altered'
  /** Sequence numbers are missing in the middle: events were removed. */
  | 'missing'
  /** The tail is gone: the chain head records more events than there are. */
  | 'truncated'
  /** Events stand at each other's places. */
  | 'reordered'
  /** Two events claim one sequence number. */
  | 'forked'
  /** An event the chain head does not know, or that does not start from the genesis: written around the trigger. */
  | 'forged'
  /** Events without a chain head: the head row was removed. */
  | 'head_missing';

export interface ChainBreak {
  kind: BreakKind;
  /** The first bad position in the chain. */
  seq: number;
  /** The first bad event, when it is still in the table. */
  eventId: string | null;
  occurredAt: string | null;
  message: string;
}

export interface ChainReport {
  chainId: string;
  agencyCode: string | null;
  /** Events checked (up to the break). */
  events: number;
  headSeq: number | null;
  /** The verified end of an intact chain: what to keep outside the database (`--save-heads`). */
  end: ChainAnchor | null;
  break: ChainBreak | null;
}

/** A chain's end as recorded outside the database on an earlier run. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

export interface VerifyReport {
  ok: boolean;
  chains: ChainReport[];
  events: number;
  /** Problems with the database's guards: triggers missing or disabled, columns outside the hash. */
  guards: string[];
}

export interface VerifyOptions {
  /** Verify one chain only (an agency's id). */
  chainId?: string | undefined;
  pageSize?: number | undefined;
  /**
   * Chain ends saved on an earlier run, outside the database. Each must still be in its chain with the same hash:
   * this catches what the chain alone cannot — a tail removed, or a chain rewritten, together with its head row.
   */
  anchors?: ReadonlyMap<string, ChainAnchor> | undefined;
}

/** How far ahead to look for the event that belongs at a broken position (reordering). */
const REORDER_WINDOW = 32;

export async function verifyAuditLog(db: Kysely<DB>, options: VerifyOptions = {}): Promise<VerifyReport> {
  // One snapshot: events and heads written while we walk are not half-seen.
  return db.transaction().execute(async (tx) => {
    await sql`set transaction isolation level repeatable read, read only`.execute(tx);
    const guards = await checkGuards(tx);
    const heads = new Map((await chainHeads(tx, options.chainId)).map((h) => [h.chain_id, h]));
    const anchors = new Map(options.anchors ?? []);
    if (options.chainId) for (const id of anchors.keys()) if (id !== options.chainId) anchors.delete(id);
    const stream = new EventStream(tx, options.pageSize ?? 5000, options.chainId);
    const chains: ChainReport[] = [];
    let events = 0;
    for (let first = await stream.peek(); first; first = await stream.peek()) {
      const chainId = first.chain_id;
      const head = heads.get(chainId) ?? null;
      const anchor = anchors.get(chainId) ?? null;
      heads.delete(chainId);
      anchors.delete(chainId);
      const result = await checkChain(stream, chainId, head, anchor);
      events += result.events;
      chains.push({
        chainId,
        agencyCode: head?.agency_code ?? null,
        events: result.events,
        headSeq: head?.seq ?? null,
        end: result.break ? null : result.end,
        break: result.break,
      });
      if (result.break) stream.skipChain(chainId);
    }
    // Chains without a single event: empty, or emptied.
    for (const head of heads.values()) {
      const anchor = anchors.get(head.chain_id);
      anchors.delete(head.chain_id);
      const genesis = genesisHash(head.chain_id);
      const removed = Math.max(head.seq, anchor?.seq ?? 0);
      chains.push({
        chainId: head.chain_id,
        agencyCode: head.agency_code,
        events: 0,
        headSeq: head.seq,
        end: removed === 0 && head.hash === genesis ? { seq: 0, hash: genesis } : null,
        break:
          removed > 0
            ? {
                kind: 'truncated',
                seq: 1,
                eventId: null,
                occurredAt: null,
                message: `all ${removed} events are missing (removed)${head.seq > 0 ? `; the chain head records the last as event ${head.last_event_id} at ${head.last_occurred_at}` : '; the saved head records them, the chain head was reset'}`,
              }
            : head.hash === genesis
              ? null
              : {
                  kind: 'altered',
                  seq: 0,
                  eventId: null,
                  occurredAt: null,
                  message: 'the empty chain head does not hold the genesis hash (altered)',
                },
      });
    }
    // Chains saved on an earlier run of which nothing is left.
    for (const [chainId, anchor] of anchors) {
      if (anchor.seq === 0) continue;
      chains.push({
        chainId,
        agencyCode: null,
        events: 0,
        headSeq: null,
        end: null,
        break: {
          kind: 'truncated',
          seq: 1,
          eventId: null,
          occurredAt: null,
          message: `the chain is gone: the saved head records ${anchor.seq} events, the database has neither them nor a chain head`,
        },
      });
    }
    const missingCodes = chains.filter((c) => c.agencyCode === null).map((c) => c.chainId);
    const codes = await agencyCodes(tx, missingCodes);
    for (const c of chains) c.agencyCode ??= codes.get(c.chainId) ?? null;
    chains.sort((a, b) => (a.chainId < b.chainId ? -1 : a.chainId > b.chainId ? 1 : 0));
    return { ok: guards.length === 0 && chains.every((c) => !c.break), chains, events, guards };
  });
}

/**
 * Events in chain order, fetched a page at a time, with look-ahead for forks and reordering. The next page is
 * requested as soon as one arrives, so on PostgreSQL the server reads while this process hashes.
 */
class EventStream {
  #db: Kysely<DB>;
  #pageSize: number;
  #onlyChain: string | undefined;
  #buffer: ChainRow[] = [];
  #pos = 0;
  #from: ChainPosition | null = null;
  #done = false;
  #next: Promise<ChainRow[]> | null = null;
  /** A broken chain whose remaining rows are dropped as they arrive. */
  #skip: string | null = null;

  constructor(db: Kysely<DB>, pageSize: number, onlyChain: string | undefined) {
    this.#db = db;
    this.#pageSize = pageSize;
    this.#onlyChain = onlyChain;
  }

  #request(): void {
    if (this.#done || this.#next) return;
    this.#next = chainEventsPage(this.#db, this.#from, this.#pageSize, this.#onlyChain);
    // Awaited in #fill; a failure must not surface as an unhandled rejection before then.
    this.#next.catch(() => {});
  }

  async #fill(): Promise<boolean> {
    for (;;) {
      this.#request();
      if (!this.#next) return false;
      const rows = await this.#next;
      this.#next = null;
      if (rows.length < this.#pageSize) this.#done = true;
      const last = rows.at(-1);
      if (last) this.#from = { chainId: last.chain_id, seq: last.seq, id: last.id };
      let start = 0;
      if (this.#skip) {
        while (start < rows.length && rows[start]?.chain_id === this.#skip) start++;
        if (start === rows.length && !this.#done) {
          // The whole page was the skipped chain: jump past it.
          this.#from = { afterChain: this.#skip };
          continue;
        }
        this.#skip = null;
      }
      if (this.#pos > this.#pageSize) {
        this.#buffer = this.#buffer.slice(this.#pos);
        this.#pos = 0;
      }
      for (let i = start; i < rows.length; i++) this.#buffer.push(rows[i] as ChainRow);
      this.#request();
      if (start < rows.length) return true;
      if (this.#done) return false;
    }
  }

  async peek(ahead = 0): Promise<ChainRow | undefined> {
    while (this.#pos + ahead >= this.#buffer.length) {
      if (!(await this.#fill())) return undefined;
    }
    return this.#buffer[this.#pos + ahead];
  }

  async next(): Promise<ChainRow | undefined> {
    const row = await this.peek();
    if (row) this.#pos++;
    return row;
  }

  /** Drops the rest of a chain without checking it. */
  skipChain(chainId: string): void {
    while (this.#pos < this.#buffer.length && this.#buffer[this.#pos]?.chain_id === chainId) this.#pos++;
    if (this.#pos === this.#buffer.length) this.#skip = chainId;
  }
}

const at = (r: { id: string; occurred_at: string; seq: number }) =>
  `event ${r.id} (sequence ${r.seq}, ${r.occurred_at})`;

function breakAt(kind: BreakKind, r: ChainRow, what: string): ChainBreak {
  return { kind, seq: r.seq, eventId: r.id, occurredAt: r.occurred_at, message: `${at(r)}: ${what}` };
}

/** The hash this event would have if it stood at `seq` after `prevHash`. */
const hashAt = (e: ChainedEvent, seq: number, prevHash: string) =>
  eventHash({ ...e, seq, prev_hash: prevHash });

async function checkChain(
  stream: EventStream,
  chainId: string,
  head: ChainHeadRow | null,
  anchor: ChainAnchor | null,
): Promise<{ events: number; end: ChainAnchor; break: ChainBreak | null }> {
  let expectedSeq = 1;
  let expectedPrev = genesisHash(chainId);
  let previous: ChainRow | null = null;
  let events = 0;
  const inChain = (r: ChainRow | undefined): r is ChainRow => r?.chain_id === chainId;
  const fail = (b: ChainBreak) => ({ events, end: { seq: expectedSeq - 1, hash: expectedPrev }, break: b });

  for (let r = await stream.peek(); inChain(r); r = await stream.peek()) {
    // Every event claiming this sequence number.
    const group: ChainRow[] = [r];
    for (let s = await stream.peek(1); inChain(s) && s.seq === r.seq; s = await stream.peek(group.length)) {
      group.push(s);
    }
    if (r.seq > expectedSeq) {
      const gap = r.seq - expectedSeq === 1 ? `${expectedSeq} is` : `${expectedSeq}–${r.seq - 1} are`;
      return fail({
        kind: 'missing',
        seq: expectedSeq,
        eventId: null,
        occurredAt: null,
        message: `sequence ${gap} missing (removed)${previous ? ` after ${at(previous)}` : ' at the start'}; the next event present is ${at(r)}`,
      });
    }
    if (group.length > 1) {
      const next = await stream.peek(group.length);
      const linked = group.filter((g) => eventHash(g) === g.hash && g.prev_hash === expectedPrev);
      const genuine = inChain(next) ? linked.find((g) => g.hash === next.prev_hash) : linked[0];
      const extra = group.find((g) => g !== genuine) ?? r;
      return fail(
        breakAt(
          'forked',
          extra,
          `${group.length} events claim sequence ${r.seq}${genuine ? `; the chain continues through event ${genuine.id}, this one was added beside it` : ''}`,
        ),
      );
    }
    if (head && r.seq > head.seq) {
      return fail(
        breakAt(
          'forged',
          r,
          `the chain head ends at sequence ${head.seq}: this event was written around the application (forged)`,
        ),
      );
    }
    const selfConsistent = eventHash(r) === r.hash;
    if (!selfConsistent || r.prev_hash !== expectedPrev) {
      // Does a later event belong here? Then events were moved, not edited.
      for (let i = 1; i <= REORDER_WINDOW; i++) {
        const s = await stream.peek(i);
        if (!inChain(s)) break;
        const h = hashAt(s, expectedSeq, expectedPrev);
        if (h === r.hash || h === s.hash) {
          return fail(
            breakAt(
              'reordered',
              r,
              `events were reordered: ${at(s)} belongs at sequence ${expectedSeq}, where this event now stands`,
            ),
          );
        }
      }
      if (!selfConsistent) {
        return fail(breakAt('altered', r, 'its contents no longer match its hash (altered)'));
      }
      if (previous) {
        return fail(
          breakAt(
            'altered',
            previous,
            `altered or replaced, and its hash recomputed: ${at(r)} was chained to a different event`,
          ),
        );
      }
      return fail(breakAt('forged', r, "it does not start from the chain's genesis (forged)"));
    }
    if (anchor && r.seq === anchor.seq && r.hash !== anchor.hash) {
      return fail(
        breakAt(
          'altered',
          r,
          `its hash differs from the head saved outside the database for sequence ${anchor.seq}: the chain was rewritten at or before this event, its hashes recomputed`,
        ),
      );
    }
    await stream.next();
    events++;
    expectedSeq = r.seq + 1;
    expectedPrev = r.hash;
    previous = r;
  }

  if (!head) {
    return fail({
      kind: 'head_missing',
      seq: expectedSeq,
      eventId: null,
      occurredAt: null,
      message: `${events} events have no chain head: the head was removed, so removals at the end cannot be told`,
    });
  }
  const lastSeq = expectedSeq - 1;
  if (anchor && anchor.seq > Math.max(lastSeq, head.seq)) {
    return fail({
      kind: 'truncated',
      seq: lastSeq + 1,
      eventId: null,
      occurredAt: null,
      message: `the head saved outside the database records sequence ${anchor.seq}, the chain ends at ${lastSeq}${previous ? ` with ${at(previous)}` : ''}: events were removed from the end and the chain head set back (truncated)`,
    });
  }
  if (head.seq > lastSeq) {
    const gap = head.seq - lastSeq === 1 ? `${head.seq} is` : `${lastSeq + 1}–${head.seq} are`;
    return fail({
      kind: 'truncated',
      seq: lastSeq + 1,
      eventId: head.seq === lastSeq + 1 ? head.last_event_id : null,
      occurredAt: head.seq === lastSeq + 1 ? head.last_occurred_at : null,
      message: `sequence ${gap} missing from the end (truncated)${previous ? ` after ${at(previous)}` : ''}; the chain head records the last as event ${head.last_event_id} at ${head.last_occurred_at}`,
    });
  }
  if (head.hash !== expectedPrev) {
    return fail(
      previous
        ? breakAt(
            'altered',
            previous,
            'altered or replaced, and its hash recomputed: the chain head holds another hash',
          )
        : { kind: 'altered', seq: 0, eventId: null, occurredAt: null, message: 'the chain head was altered' },
    );
  }
  return { events, end: { seq: lastSeq, hash: expectedPrev }, break: null };
}

/** Every partition guarded and every guard enabled; every column of audit_events covered by the hash. */
async function checkGuards(db: Kysely<DB>): Promise<string[]> {
  const problems: string[] = [];
  const rows = await auditTriggers(db);
  const byRelation = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const triggers = byRelation.get(r.relation) ?? new Map<string, string>();
    if (r.trigger) triggers.set(r.trigger, r.enabled ?? 'D');
    byRelation.set(r.relation, triggers);
  }
  for (const [relation, triggers] of byRelation) {
    const expected =
      relation === 'audit_chain_heads'
        ? { audit_chain_heads_guard: 'A', audit_chain_heads_no_truncate: 'A' }
        : {
            audit_events_chain: 'O',
            audit_events_flush_heads: 'O',
            audit_events_no_change: 'A',
            audit_events_no_truncate: 'A',
          };
    for (const [name, mode] of Object.entries(expected)) {
      const state = triggers.get(name);
      if (state === undefined) problems.push(`trigger ${name} is missing on ${relation}`);
      else if (state === 'D') problems.push(`trigger ${name} is disabled on ${relation}`);
      else if (mode === 'A' && state !== 'A')
        problems.push(
          `trigger ${name} on ${relation} is not ENABLE ALWAYS: session_replication_role = replica gets around it`,
        );
    }
  }
  const covered = new Set<string>([...hashedColumns, 'hash']);
  for (const column of await auditColumns(db)) {
    if (!covered.has(column)) problems.push(`column audit_events.${column} is not covered by the hash`);
  }
  return problems;
}
