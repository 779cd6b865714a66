// Verifies the audit log, stream by stream: every stream's entries numbered 1, 2, 3... without a
// gap, each hash matching its content and linking to the previous entry of the stream, and the
// stream's head (`audit_streams`) pointing at its last entry — so an edited entry, a deleted one
// (in the middle or the newest), a rewritten one and a deleted head are all found. Decisions and
// loans must each have their stream, so deleting a whole stream with its head is found too.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { AuditLogRow } from '../db/tables/audit-log.table.ts';
import { auditRowHash, entityStream, GENESIS_HASH } from './audit-chain.ts';

export type AuditProblem = 'edited' | 'missing' | 'relinked' | 'truncated' | 'head-missing';

export type AuditVerification =
  | {
      readonly ok: true;
      readonly entries: number;
      readonly streams: number;
      /** SHA-256 over every stream's last hash, in stream order: one fingerprint of the whole log. */
      readonly lastHash: string;
    }
  | {
      readonly ok: false;
      readonly entries: number;
      /** The global `seq` of the first broken entry (for a truncated stream: its last surviving entry; 0 when none). */
      readonly brokenAt: number;
      /** The stream and the position in it where the chain breaks. */
      readonly stream: string;
      readonly streamSeq: number;
      readonly problem: AuditProblem;
      readonly message: string;
    };

const PAGE = 1000;

type Row = AuditLogRow & { head_seq: number | null; head_hash: string | null };

/** Entities that always have an audit stream (their creation is audited in the same transaction). */
const AUDITED_TABLES = [
  { table: 'decisions', entityType: 'decision' },
  { table: 'loans', entityType: 'loan' },
] as const;

/** Reads every stream in (stream, position) order, a page at a time; reports the first broken link. */
export async function verifyAuditChain(db: Executor): Promise<AuditVerification> {
  let checked = 0;
  let streams = 0;
  const digest = createHash('sha256');
  let current: { stream: string; seq: number; hash: string; globalSeq: number; headSeq: number | null; headHash: string | null } | null = null;
  let cursor: { stream: string; seq: number } | null = null;

  const closeStream = (): AuditVerification | null => {
    if (!current) return null;
    streams++;
    if (current.headSeq === null) {
      return broken(checked, current.globalSeq, current.stream, current.seq, 'head-missing', `stream ${current.stream} has ${current.seq} entries but no head: its head was deleted`);
    }
    if (current.headSeq !== current.seq || current.headHash !== current.hash) {
      const first = Math.min(current.seq, current.headSeq) + 1;
      return broken(
        checked,
        current.globalSeq,
        current.stream,
        first,
        'truncated',
        `stream ${current.stream} ends at entry ${current.seq} but its head records ${current.headSeq}: entries from ${first} on were deleted or the head was altered`,
      );
    }
    digest.update(`${current.stream}\n${current.hash}\n`);
    return null;
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
      if (!current || current.stream !== row.stream) {
        const problem = closeStream();
        if (problem) return problem;
        current = { stream: row.stream, seq: 0, hash: GENESIS_HASH, globalSeq: 0, headSeq: row.head_seq === null ? null : Number(row.head_seq), headHash: row.head_hash };
      }
      const expected = current.seq + 1;
      if (streamSeq !== expected) {
        return broken(checked, seq, row.stream, expected, 'missing', `entry ${row.stream} #${expected} is missing (deleted): the stream jumps from #${expected - 1} to #${streamSeq} (entry ${seq})`);
      }
      if (row.prev_hash !== current.hash) {
        return broken(checked, seq, row.stream, streamSeq, 'relinked', `entry ${seq} (${row.stream} #${streamSeq}) does not link to the previous entry of its stream: its prev hash differs`);
      }
      if (auditRowHash(row) !== row.row_hash) {
        return broken(checked, seq, row.stream, streamSeq, 'edited', `entry ${seq} (${row.stream} #${streamSeq}) was edited: its content no longer matches its hash`);
      }
      current.seq = streamSeq;
      current.hash = row.row_hash;
      current.globalSeq = seq;
      checked++;
      cursor = { stream: row.stream, seq: streamSeq };
    }
    if (rows.length < PAGE) break;
  }
  const problem = closeStream();
  if (problem) return problem;

  // A head whose stream has no entry left: every entry of the stream was deleted.
  const orphan = await sql<{ stream: string; last_seq: number }>`
    select h.stream, h.last_seq from audit_streams h
    where not exists (select 1 from audit_log l where l.stream = h.stream) order by h.stream limit 1
  `.execute(db);
  if (orphan.rows[0]) {
    const { stream, last_seq } = orphan.rows[0];
    return broken(checked, 0, stream, 1, 'truncated', `stream ${stream} has no entries but its head records ${Number(last_seq)}: all of them were deleted`);
  }
  // A decision or loan without a stream: its whole stream, head included, was deleted.
  for (const { table, entityType } of AUDITED_TABLES) {
    const unaudited = await sql<{ id: string }>`
      select t.id::text as id from ${sql.table(table)} t
      where not exists (select 1 from audit_streams h where h.stream = ${entityType + ':'} || t.id::text) limit 1
    `.execute(db);
    if (unaudited.rows[0]) {
      const stream = entityStream(entityType, unaudited.rows[0].id);
      return broken(checked, 0, stream, 1, 'missing', `${entityType} ${unaudited.rows[0].id} has no audit stream: its entries and head were deleted`);
    }
  }
  return { ok: true, entries: checked, streams, lastHash: digest.digest('hex') };
}

function broken(entries: number, brokenAt: number, stream: string, streamSeq: number, problem: AuditProblem, message: string): AuditVerification {
  return { ok: false, entries, brokenAt, stream, streamSeq, problem, message };
}
