// The audit chain's link rule: each entry's hash covers its content and the previous entry's
// hash, so editing or removing any entry breaks every link after it.
import type { AuditLogRow } from '../db/tables/audit-log.table.ts';
import { hashOf } from './canonical-json.ts';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash covers: everything but the hash itself. */
export type AuditContent = Omit<AuditLogRow, 'row_hash'>;

/** The hash of one audit entry. */
export function auditRowHash(entry: AuditContent): string {
  return hashOf({
    seq: Number(entry.seq),
    action: entry.action,
    entity_type: entry.entity_type,
    entity_id: entry.entity_id,
    before_hash: entry.before_hash,
    after_hash: entry.after_hash,
    details: entry.details,
    request_id: entry.request_id,
    prev_hash: entry.prev_hash,
    created_at: entry.created_at,
    created_by: entry.created_by,
  });
}
