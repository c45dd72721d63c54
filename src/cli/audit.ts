import { readFileSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { resolveSecrets, withOwner } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { systemActor } from '../modules/access/system-actor.ts';
import type { AuditEventOut } from '../modules/audit/audit.schemas.ts';
import { recordAccessFor, userActivityFor } from '../modules/audit/audit.service.ts';
import { SYSTEM_CHAIN_ID } from '../modules/audit/audit-chain.ts';
import {
  DEFAULT_MONTHS_AHEAD,
  ensureAuditPartitions,
  listAuditPartitions,
  moveDefaultAuditRows,
} from '../modules/audit/audit-partitions.ts';
import { type ChainAnchor, type ChainReport, verifyAuditLog } from '../modules/audit/audit-verify.ts';
import { validationError } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';
import { reportError, withDatabase } from './context.ts';

/** `childgrid audit …`: verify the hash chains; who saw a record; what a user looked at. */
export function auditCommand() {
  const audit = new Command('audit').description('The tamper-evident audit log');

  audit
    .command('verify')
    .description(
      'Recompute every hash chain (one per agency) and check it against its head; exits 1 naming the first bad ' +
        'event of each broken chain (altered, missing, truncated, reordered, forked, forged), or if a guard ' +
        'trigger is missing or disabled',
    )
    .option('--agency <code>', "only this agency's chain")
    .option(
      '--heads <file>',
      'also check the chain heads saved by an earlier --save-heads: catches a tail removed, or a chain rewritten, ' +
        'together with its head row',
    )
    .option(
      '--save-heads <file>',
      'when the log is intact, write the chain heads here; keep it off the database server',
    )
    .addOption(new Option('--page-size <n>', 'events read per query').argParser(Number).default(5000))
    .action(async (opts: { agency?: string; heads?: string; saveHeads?: string; pageSize: number }) => {
      try {
        if (opts.saveHeads && opts.agency) {
          throw validationError('--save-heads', 'saves every chain: leave out --agency');
        }
        const anchors = opts.heads ? readHeads(opts.heads) : undefined;
        await withDatabase(async ({ db }) => {
          let chainId: string | undefined;
          if (opts.agency) {
            const a = await db
              .selectFrom('agencies')
              .select('id')
              .where('code', '=', opts.agency)
              .executeTakeFirst();
            if (!a) throw validationError('--agency', `no agency with code ${opts.agency}`);
            chainId = a.id;
          }
          const started = performance.now();
          const report = await verifyAuditLog(db, { chainId, pageSize: opts.pageSize, anchors });
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          const broken = report.chains.filter((c) => c.break);
          for (const c of broken) {
            const b = c.break!;
            console.log(`BROKEN chain of ${chainName(c)}: ${b.kind}: ${b.message}`);
          }
          for (const g of report.guards) console.log(`GUARD ${g}`);
          const counts = `${report.chains.length} chain(s), ${report.events.toLocaleString('en-IN')} event(s) checked in ${seconds} s`;
          if (!report.ok) {
            console.log(
              `Audit log NOT intact: ${broken.length} broken chain(s), ${report.guards.length} guard problem(s); ${counts}.`,
            );
            process.exitCode = 1;
            return;
          }
          console.log(
            `Audit log intact: ${counts}${anchors ? ', every saved head still in its chain' : ''}.`,
          );
          if (opts.saveHeads) {
            writeHeads(opts.saveHeads, report.chains);
            console.log(`Chain heads written to ${opts.saveHeads}.`);
          }
        });
      } catch (err) {
        reportError(err);
      }
    });

  audit
    .command('partitions')
    .description(
      "Make the audit log's monthly partitions ahead of time (the server also does it at start-up and daily) and " +
        'list them. Runs as the owner (MIGRATION_DATABASE_URL when set)',
    )
    .addOption(
      new Option('--months-ahead <n>', 'months after this one to prepare')
        .argParser(Number)
        .default(DEFAULT_MONTHS_AHEAD),
    )
    .option(
      '--move-default',
      'also move events written before the partitions existed from the default partition into their months, ' +
        'unchanged (one transaction; writers wait; needs a superuser). Run `audit verify` before and after',
    )
    .action(async (opts: { monthsAhead: number; moveDefault?: boolean }) => {
      try {
        if (!Number.isInteger(opts.monthsAhead) || opts.monthsAhead < 0 || opts.monthsAhead > 36)
          throw validationError('--months-ahead', 'must be a whole number from 0 to 36');
        const config = resolveSecrets(loadConfig(process.env));
        await withOwner(config, async ({ db }) => {
          if (opts.moveDefault) {
            const moved = await moveDefaultAuditRows(db);
            console.log(
              moved.moved === 0
                ? 'The default partition holds no events: nothing to move.'
                : `Moved ${moved.moved.toLocaleString('en-IN')} event(s) into ${moved.partitions.join(', ')}.`,
            );
          }
          const made = await ensureAuditPartitions(db, opts.monthsAhead);
          console.log(made.length ? `Created ${made.join(', ')}.` : 'No partition to create.');
          for (const p of await listAuditPartitions(db)) {
            const range = p.from ? `${p.from.slice(0, 10)} to ${p.to?.slice(0, 10)}` : 'anything else';
            const rows =
              p.estimatedRows >= 0 ? `about ${Math.round(p.estimatedRows).toLocaleString('en-IN')} rows` : '';
            console.log(`  ${p.name.padEnd(24)} ${range.padEnd(26)} ${rows}`.trimEnd());
          }
        });
      } catch (err) {
        reportError(err);
      }
    });

  audit
    .command('who-saw')
    .description(
      "Who read, revealed or exported this record (e.g. a child's identity), when and why; newest first",
    )
    .requiredOption('--record <uuid>', 'the record id')
    .option('--kind <kind>', 'record kind (person, case, …); any kind when left out')
    .addOption(new Option('--limit <n>', 'at most this many events').argParser(Number).default(100))
    .action(async (opts: { record: string; kind?: string; limit: number }) => {
      try {
        if (!isUuid(opts.record)) throw validationError('--record', 'must be a UUID');
        const limit = clampLimit(opts.limit);
        await withDatabase(async ({ db }) => {
          const actor = await systemActor(db);
          const result = await recordAccessFor(
            db,
            actor,
            { id: opts.record.toLowerCase(), kind: opts.kind },
            { limit },
          );
          if (result.items.length === 0) {
            console.log(`Nobody has read or revealed record ${opts.record}.`);
            return;
          }
          printTable(result.items, ['when (IST)', 'user', 'agency', 'role', 'action', 'purpose', 'from']);
        });
      } catch (err) {
        reportError(err);
      }
    });

  audit
    .command('user')
    .description('What this user looked at and did; newest first')
    .requiredOption('--email <email>', 'the user’s sign-in email')
    .addOption(new Option('--limit <n>', 'at most this many events').argParser(Number).default(100))
    .action(async (opts: { email: string; limit: number }) => {
      try {
        const limit = clampLimit(opts.limit);
        await withDatabase(async ({ db }) => {
          const actor = await systemActor(db);
          const result = await userActivityFor(db, actor, { email: opts.email }, { limit });
          const u = result.user;
          console.log(`${u.display_name} <${u.email}>, ${u.role}, ${u.agency.code} (${u.agency.name})`);
          if (result.items.length === 0) {
            console.log('No audit events.');
            return;
          }
          printTable(result.items, ['when (IST)', 'action', 'record', 'purpose', 'from']);
        });
      } catch (err) {
        reportError(err);
      }
    });
  return audit;
}

const headsFile = z.object({
  format: z.literal('childgrid-audit-heads-v1'),
  saved_at: z.string(),
  chains: z.record(
    z.uuid(),
    z.object({
      seq: z.number().int().nonnegative(),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      agency: z.string().nullable().optional(),
    }),
  ),
});

function readHeads(file: string): Map<string, ChainAnchor> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw validationError('--heads', `cannot read ${file}: ${(err as Error).message}`);
  }
  const result = headsFile.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw validationError(
      '--heads',
      `${file} is not a heads file (${issue?.path.join('.')}: ${issue?.message})`,
    );
  }
  return new Map(Object.entries(result.data.chains).map(([id, a]) => [id, { seq: a.seq, hash: a.hash }]));
}

/** Every chain's verified end, for the next run's --heads. */
function writeHeads(file: string, chains: ChainReport[]): void {
  const out: Record<string, { seq: number; hash: string; agency: string | null }> = {};
  for (const c of chains) if (c.end) out[c.chainId] = { ...c.end, agency: c.agencyCode };
  const body = { format: 'childgrid-audit-heads-v1', saved_at: new Date().toISOString(), chains: out };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
}

function clampLimit(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 200)
    throw validationError('--limit', 'must be a whole number from 1 to 200');
  return n;
}

function chainName(c: { chainId: string; agencyCode: string | null }): string {
  if (c.chainId === SYSTEM_CHAIN_ID) return 'events without an agency';
  return c.agencyCode ? `${c.agencyCode} (agency ${c.chainId})` : `agency ${c.chainId}`;
}

const ist = (utc: string) => `${new Date(utc).toLocaleString('sv-SE', { timeZone: 'Asia/Kolkata' })}`;

const cells: Record<string, (e: AuditEventOut) => string> = {
  'when (IST)': (e) => ist(e.occurred_at),
  user: (e) => (e.user ? `${e.user.display_name} <${e.user.email}>` : '(console)'),
  agency: (e) => e.agency?.code ?? '',
  role: (e) => e.role ?? '',
  action: (e) => e.action,
  record: (e) => (e.record ? `${e.record.kind} ${e.record.id ?? ''}`.trim() : ''),
  purpose: (e) => e.purpose ?? '',
  from: (e) => e.client_address ?? '',
};

/** Columns padded to their widest cell; text is single-line. */
function printTable(items: AuditEventOut[], columns: string[]): void {
  const rows = items.map((e) => columns.map((c) => (cells[c]?.(e) ?? '').replace(/\s+/g, ' ')));
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]) =>
    r
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}
