// Verifies the audit log and the records bound to it.
// 1. The chains, stream by stream: every stream's entries numbered 1, 2, 3... without a gap, each
//    hash matching its content and linking to the previous entry of the stream, and the stream's
//    head (`audit_streams`) pointing at its last entry — so an edited entry, a deleted one (in the
//    middle or the newest), a rewritten one and a deleted head are all found. Decisions and loans
//    must each have their stream, so deleting a whole stream with its head is found too.
// 2. The bound rows (row-binding.ts): each row of users, api_keys, product_versions, loan_events,
//    journal_entries and journal_lines must hash to what the newest audit entry that bound it
//    recorded; a row without any is reported (inserted outside the runtime), and so is a bound
//    row that is gone.
// 3. With an anchor (audit-anchor.ts): its signature by the trusted key, and every anchored
//    stream still there, at least as long, holding the anchored entry.
import { createHash, type KeyObject } from 'node:crypto';
import { Dec } from '@plazo/engine';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { AuditLogRow } from '../db/tables/audit-log.table.ts';
import { anchorSignatureProblem, compareWithAnchor, type AuditAnchor } from './audit-anchor.ts';
import { auditRowHash, BACKFILL_STREAM, entityStream, GENESIS_HASH } from './audit-chain.ts';
import { BOUND_TABLES, displayRow, rowHash, rowKey, type BoundRows, type BoundTable } from './row-binding.ts';

export type AuditProblem =
  /** Chain problems. */
  | 'edited'
  | 'missing'
  | 'relinked'
  | 'truncated'
  | 'head-missing'
  /** Bound rows: content changed, no audit entry, or gone. */
  | 'row-edited'
  | 'row-unbound'
  | 'row-deleted'
  /** Against an anchor: a stream gone, rewritten from an anchored position, or a refused anchor. */
  | 'stream-deleted'
  | 'rewritten'
  | 'anchor-forged';

export interface AuditFinding {
  readonly problem: AuditProblem;
  readonly message: string;
  /** The global `seq` of the entry concerned (a chain break's first broken entry, a row's binding entry). */
  readonly brokenAt?: number;
  readonly stream?: string;
  readonly streamSeq?: number;
  /** For rows: the table and the row's key (`<id>`, `<loan id>/<seq>`, `<entry id>/<line no>`). */
  readonly table?: string;
  readonly key?: string;
  readonly recordedHash?: string;
  readonly actualHash?: string;
  /** What differs from the facts its audit entry recorded (`role is "admin"; the audit entry recorded "operator"`). */
  readonly differences?: readonly string[];
  /** The row as it is now. */
  readonly row?: Readonly<Record<string, unknown>>;
}

/** How the rows of one bound table are covered. */
export interface RowCoverage {
  readonly table: string;
  readonly rows: number;
  /** Rows bound by the audit entry written with them. */
  readonly bound: number;
  /** Rows bound by a backfill entry (`plazo audit bind`): proven unchanged since that entry only. */
  readonly backfilled: number;
  readonly unbound: number;
}

/** One entry of the backfill stream. */
export interface BackfillSummary {
  readonly streamSeq: number;
  readonly at: string;
  readonly actor: string;
  readonly rows: Readonly<Record<string, number>>;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly streams: number;
  /** SHA-256 over every intact stream's last hash, in stream order: one fingerprint of the whole log. */
  readonly lastHash: string;
  /** The first finding's problem, message and place (absent when ok). */
  readonly problem?: AuditProblem;
  readonly message?: string;
  readonly brokenAt?: number;
  readonly stream?: string;
  readonly streamSeq?: number;
  /** Findings in the order found (chains, then rows, then the anchor), the first MAX_FINDINGS. */
  readonly findings: readonly AuditFinding[];
  readonly findingCount: number;
  readonly rows: readonly RowCoverage[];
  readonly backfills: readonly BackfillSummary[];
  readonly anchor?: { readonly createdAt: string; readonly keyFingerprint: string; readonly streams: number; readonly signatureValid: boolean };
}

export interface VerifyOptions {
  /** An anchor and the public key it must be signed with. */
  readonly anchor?: { readonly document: AuditAnchor; readonly trustedKey: KeyObject };
  /** Called for each row no audit entry binds, with its hash (`plazo audit bind`). */
  readonly onUnbound?: (table: string, key: string, hash: string) => Promise<void>;
}

export const MAX_FINDINGS = 100;
const PAGE = 1000;

type Row = AuditLogRow & { head_seq: number | null; head_hash: string | null };

/** Entities that always have an audit stream (their creation is audited in the same transaction). */
const AUDITED_TABLES = [
  { table: 'decisions', entityType: 'decision' },
  { table: 'loans', entityType: 'loan' },
] as const;

/** The newest entry that bound a row. */
interface Binding {
  readonly hash: string;
  readonly stream: string;
  readonly streamSeq: number;
  readonly seq: number;
}

class Findings {
  readonly list: AuditFinding[] = [];
  count = 0;
  add(finding: AuditFinding): void {
    this.count++;
    if (this.list.length < MAX_FINDINGS) this.list.push(finding);
  }
}

/** Verifies the chains, the bound rows and, given one, an anchor. Read inside one snapshot for an exact answer. */
export async function verifyAuditChain(db: Executor, options: VerifyOptions = {}): Promise<AuditVerification> {
  const findings = new Findings();
  const bindings = new Map<string, Map<string, Binding>>(BOUND_TABLES.map((t) => [t.table, new Map()]));
  const backfills: BackfillSummary[] = [];
  const chain = await verifyChains(db, findings, bindings, backfills);
  await findUnauditedEntities(db, findings);
  const rows = await verifyRows(db, findings, bindings, options.onUnbound);
  let anchor: AuditVerification['anchor'];
  if (options.anchor) {
    const { document, trustedKey } = options.anchor;
    const refused = anchorSignatureProblem(document, trustedKey);
    if (refused) findings.add({ problem: 'anchor-forged', message: refused });
    else for (const finding of await compareWithAnchor(db, document)) findings.add(finding);
    anchor = { createdAt: document.createdAt, keyFingerprint: document.keyFingerprint, streams: document.heads.length, signatureValid: refused === null };
  }
  const first = findings.list[0];
  return {
    ok: findings.count === 0,
    ...chain,
    ...(first
      ? {
          problem: first.problem,
          message: first.message,
          brokenAt: first.brokenAt ?? 0,
          ...(first.stream === undefined ? {} : { stream: first.stream, streamSeq: first.streamSeq ?? 0 }),
        }
      : {}),
    findings: findings.list,
    findingCount: findings.count,
    rows,
    backfills,
    ...(anchor ? { anchor } : {}),
  };
}

/**
 * Reads every stream in (stream, position) order, a page at a time; reports each stream's first
 * broken link (the rest of a broken stream is skipped) and collects the row bindings of the
 * entries that check out.
 */
async function verifyChains(db: Executor, findings: Findings, bindings: Map<string, Map<string, Binding>>, backfills: BackfillSummary[]) {
  let checked = 0;
  let streams = 0;
  const digest = createHash('sha256');
  let current: { stream: string; seq: number; hash: string; globalSeq: number; headSeq: number | null; headHash: string | null; broken: boolean } | null = null;
  let cursor: { stream: string; seq: number } | null = null;

  const closeStream = (): void => {
    if (!current) return;
    streams++;
    if (current.broken) return;
    if (current.headSeq === null) {
      findings.add({
        problem: 'head-missing',
        brokenAt: current.globalSeq,
        stream: current.stream,
        streamSeq: current.seq,
        message: `stream ${current.stream} has ${current.seq} entries but no head: its head was deleted`,
      });
    } else if (current.headSeq !== current.seq || current.headHash !== current.hash) {
      const first = Math.min(current.seq, current.headSeq) + 1;
      findings.add({
        problem: 'truncated',
        brokenAt: current.globalSeq,
        stream: current.stream,
        streamSeq: first,
        message: `stream ${current.stream} ends at entry ${current.seq} but its head records ${current.headSeq}: entries from ${first} on were deleted or the head was altered`,
      });
    } else {
      digest.update(`${current.stream}\n${current.hash}\n`);
    }
  };
  const breakStream = (finding: AuditFinding): void => {
    findings.add(finding);
    current!.broken = true;
  };

  for (;;) {
    let query = db
      .selectFrom('audit_log as l')
      .leftJoin('audit_streams as h', 'h.stream', 'l.stream')
      .selectAll('l')
      .select(['h.last_seq as head_seq', 'h.last_hash as head_hash'])
      .orderBy('l.stream')
      .orderBy('l.stream_seq')
      .limit(PAGE);
    if (cursor) {
      const { stream, seq } = cursor;
      query = query.where((eb) => eb.or([eb('l.stream', '>', stream), eb.and([eb('l.stream', '=', stream), eb('l.stream_seq', '>', seq)])]));
    }
    const rows = (await query.execute()) as Row[];
    for (const row of rows) {
      const streamSeq = Number(row.stream_seq);
      const seq = Number(row.seq);
      cursor = { stream: row.stream, seq: streamSeq };
      if (!current || current.stream !== row.stream) {
        closeStream();
        current = { stream: row.stream, seq: 0, hash: GENESIS_HASH, globalSeq: 0, headSeq: row.head_seq === null ? null : Number(row.head_seq), headHash: row.head_hash, broken: false };
      }
      if (current.broken) continue;
      const expected = current.seq + 1;
      const at = { brokenAt: seq, stream: row.stream };
      if (streamSeq !== expected) {
        breakStream({ problem: 'missing', ...at, streamSeq: expected, message: `entry ${row.stream} #${expected} is missing (deleted): the stream jumps from #${expected - 1} to #${streamSeq} (entry ${seq})` });
        continue;
      }
      if (row.prev_hash !== current.hash) {
        breakStream({ problem: 'relinked', ...at, streamSeq, message: `entry ${seq} (${row.stream} #${streamSeq}) does not link to the previous entry of its stream: its prev hash differs` });
        continue;
      }
      if (auditRowHash(row) !== row.row_hash) {
        breakStream({ problem: 'edited', ...at, streamSeq, message: `entry ${seq} (${row.stream} #${streamSeq}) was edited: its content no longer matches its hash` });
        continue;
      }
      current.seq = streamSeq;
      current.hash = row.row_hash;
      current.globalSeq = seq;
      checked++;
      if (row.bound) collectBindings(row.bound, { stream: row.stream, streamSeq, seq }, bindings);
      if (row.stream === BACKFILL_STREAM && row.bound) {
        const counts: Record<string, number> = {};
        for (const [table, keys] of Object.entries(row.bound)) counts[table] = Object.keys(keys).length;
        backfills.push({ streamSeq, at: row.created_at, actor: row.created_by, rows: counts });
      }
    }
    if (rows.length < PAGE) break;
  }
  closeStream();

  // A head whose stream has no entry left: every entry of the stream was deleted.
  const orphans = await sql<{ stream: string; last_seq: number }>`
    select h.stream, h.last_seq from audit_streams h
    where not exists (select 1 from audit_log l where l.stream = h.stream) order by h.stream limit ${MAX_FINDINGS}
  `.execute(db);
  for (const { stream, last_seq } of orphans.rows) {
    findings.add({ problem: 'truncated', brokenAt: 0, stream, streamSeq: 1, message: `stream ${stream} has no entries but its head records ${Number(last_seq)}: all of them were deleted` });
  }
  return { entries: checked, streams, lastHash: digest.digest('hex') };
}

/**
 * Notes the rows an entry bound. A row's own entries (its entity's stream, in order) decide;
 * a backfill binding counts only for a row no other entry bound.
 */
function collectBindings(bound: BoundRows, at: Omit<Binding, 'hash'>, bindings: Map<string, Map<string, Binding>>): void {
  const backfill = at.stream === BACKFILL_STREAM;
  for (const [table, keys] of Object.entries(bound)) {
    const byKey = bindings.get(table);
    if (!byKey) continue;
    for (const [key, hash] of Object.entries(keys)) {
      const previous = byKey.get(key);
      if (backfill && previous && previous.stream !== BACKFILL_STREAM) continue;
      byKey.set(key, { hash, ...at });
    }
  }
}

/** A decision or loan without a stream: its whole stream, head included, was deleted. */
async function findUnauditedEntities(db: Executor, findings: Findings): Promise<void> {
  for (const { table, entityType } of AUDITED_TABLES) {
    const unaudited = await sql<{ id: string }>`
      select t.id::text as id from ${sql.table(table)} t
      where not exists (select 1 from audit_streams h where h.stream = ${entityType + ':'} || t.id::text) order by t.id limit ${MAX_FINDINGS}
    `.execute(db);
    for (const { id } of unaudited.rows) {
      const stream = entityStream(entityType, id);
      findings.add({ problem: 'missing', brokenAt: 0, stream, streamSeq: 1, message: `${entityType} ${id} has no audit stream: its entries and head were deleted` });
    }
  }
}

/** Every row of every bound table against its binding, a page at a time in key order; then the bindings whose row is gone. */
async function verifyRows(
  db: Executor,
  findings: Findings,
  bindings: Map<string, Map<string, Binding>>,
  onUnbound: VerifyOptions['onUnbound'],
): Promise<RowCoverage[]> {
  const coverage: RowCoverage[] = [];
  for (const table of BOUND_TABLES) {
    const byKey = bindings.get(table.table)!;
    let rows = 0;
    let bound = 0;
    let backfilled = 0;
    let unbound = 0;
    let after: unknown[] | null = null;
    for (;;) {
      const page = await readPage(db, table, after);
      for (const row of page) {
        rows++;
        const key = rowKey(table, row);
        const hash = rowHash(table, row);
        const binding = byKey.get(key);
        if (!binding) {
          unbound++;
          if (onUnbound) await onUnbound(table.table, key, hash);
          else {
            findings.add({
              problem: 'row-unbound',
              table: table.table,
              key,
              actualHash: hash,
              row: displayRow(table, row),
              message: `${table.table} ${key} has no audit entry: it was written outside the runtime (or before rows were bound: \`plazo audit bind\` covers those once)`,
            });
          }
          continue;
        }
        byKey.delete(key);
        if (binding.stream === BACKFILL_STREAM) backfilled++;
        else bound++;
        if (binding.hash !== hash) {
          const differences = findings.count < MAX_FINDINGS ? await differencesFrom(db, table, row, binding) : [];
          findings.add({
            problem: 'row-edited',
            brokenAt: binding.seq,
            stream: binding.stream,
            streamSeq: binding.streamSeq,
            table: table.table,
            key,
            recordedHash: binding.hash,
            actualHash: hash,
            differences,
            row: displayRow(table, row),
            message: `${table.table} ${key} was edited: it no longer matches the hash recorded by audit entry ${binding.stream} #${binding.streamSeq} (entry ${binding.seq})${differences.length > 0 ? ` — ${differences.join('; ')}` : ''}`,
          });
        }
      }
      if (page.length < PAGE) break;
      after = table.key.map(([column]) => page.at(-1)![column]);
    }
    for (const [key, binding] of byKey) {
      findings.add({
        problem: 'row-deleted',
        brokenAt: binding.seq,
        stream: binding.stream,
        streamSeq: binding.streamSeq,
        table: table.table,
        key,
        recordedHash: binding.hash,
        message: `${table.table} ${key} is gone: audit entry ${binding.stream} #${binding.streamSeq} (entry ${binding.seq}) recorded it`,
      });
    }
    coverage.push({ table: table.table, rows, bound, backfilled, unbound });
  }
  return coverage;
}

async function readPage(db: Executor, table: BoundTable, after: unknown[] | null): Promise<Record<string, unknown>[]> {
  const keys = sql.join(table.key.map(([column]) => sql.ref(column)));
  const where = after === null ? sql`` : sql`where (${keys}) > (${sql.join(table.key.map(([, type], i) => sql`${after[i]}::${sql.raw(type)}`))})`;
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.table)} ${where} order by ${keys} limit ${PAGE}`.execute(db);
  return rows;
}

/**
 * What an edited row says that its binding entry's details (a few facts written with it: a role,
 * an amount, a version) do not, plus a product version whose source no longer has its recorded
 * hash.
 */
async function differencesFrom(db: Executor, table: BoundTable, row: Record<string, unknown>, binding: Binding): Promise<string[]> {
  const out: string[] = [];
  if (table.table === 'product_versions') {
    const sourceHash = createHash('sha256').update(String(row.source), 'utf8').digest('hex');
    if (sourceHash !== row.content_hash) out.push('source no longer matches its content_hash');
    const ir = row.ir as { hash?: unknown } | null;
    if (ir && ir.hash !== row.ir_hash) out.push('ir no longer matches its ir_hash');
  }
  const entry = await db.selectFrom('audit_log').select('details').where('seq', '=', binding.seq).executeTakeFirst();
  const details = (entry?.details ?? {}) as Record<string, unknown>;
  const payload = (row.payload ?? {}) as Record<string, unknown>;
  const facts: Record<string, unknown> = { ...payload, ...row, ...(row.type === undefined ? {} : { kind: row.type }) };
  for (const [name, recorded] of Object.entries(details)) {
    if (typeof recorded !== 'string' && typeof recorded !== 'number') continue;
    const column = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const now = column in facts ? facts[column] : facts[name];
    if (now === undefined || (typeof now !== 'string' && typeof now !== 'number')) continue;
    if (!sameValue(now, recorded)) out.push(`${name} is ${JSON.stringify(now)}; its audit entry recorded ${JSON.stringify(recorded)}`);
  }
  return out;
}

function sameValue(a: string | number, b: string | number): boolean {
  if (String(a) === String(b)) return true;
  try {
    return new Dec(a).equals(new Dec(b));
  } catch {
    return false;
  }
}
