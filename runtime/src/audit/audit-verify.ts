// Verifies the whole audit chain: every entry present in order, each hash matching its content
// and linking to the previous one, and the head pointing at the last entry.
import type { Executor } from '../db/database.ts';
import { auditRowHash, GENESIS_HASH } from './audit-chain.ts';

export type AuditVerification =
  | { readonly ok: true; readonly entries: number; readonly lastHash: string }
  | {
      readonly ok: false;
      readonly entries: number;
      /** The first broken link: the entry's sequence number and what is wrong with it. */
      readonly brokenAt: number;
      readonly problem: 'edited' | 'missing' | 'relinked' | 'truncated';
      readonly message: string;
    };

const PAGE = 1000;

/** Reads the chain from the start, a page at a time, and reports the first broken link. */
export async function verifyAuditChain(db: Executor): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return broken(checked, expectedSeq, 'missing', `entry ${expectedSeq} is missing (deleted): the chain jumps from ${expectedSeq - 1} to ${seq}`);
      }
      if (row.prev_hash !== prevHash) {
        return broken(checked, seq, 'relinked', `entry ${seq} does not link to entry ${seq - 1}: its prev hash differs`);
      }
      if (auditRowHash(row) !== row.row_hash) {
        return broken(checked, seq, 'edited', `entry ${seq} was edited: its content no longer matches its hash`);
      }
      prevHash = row.row_hash;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < PAGE) break;
  }
  const head = await db.selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirst();
  const headSeq = head ? Number(head.last_seq) : -1;
  if (!head || headSeq !== checked || head.last_hash !== prevHash) {
    const first = Math.min(checked, Math.max(headSeq, 0)) + 1;
    return broken(
      checked,
      first,
      'truncated',
      `the chain ends at entry ${checked} but its head records ${head ? headSeq : 'nothing'}: entries from ${first} on were deleted or the head was altered`,
    );
  }
  return { ok: true, entries: checked, lastHash: prevHash };
}

function broken(entries: number, brokenAt: number, problem: 'edited' | 'missing' | 'relinked' | 'truncated', message: string): AuditVerification {
  return { ok: false, entries, brokenAt, problem, message };
}
