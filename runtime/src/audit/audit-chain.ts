// The audit chain's link rule: each entry's hash covers its content, its stream and position,
// and the previous entry of its stream, so editing or removing any entry breaks its stream's
// links from there on. `seq` (the global locator) is not covered: the chain is (stream, stream_seq).
// `bound` (the hashes of the rows the entry wrote, row-binding.ts) is covered when present.
import type { AuditLogRow } from '../db/tables/audit-log.table.ts';
import { hashOf } from './canonical-json.ts';

/** The `prev_hash` of the first entry of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/** The stream of `plazo audit bind`: entries binding rows written before rows were bound. */
export const BACKFILL_STREAM = 'audit-backfill';

/** The fields of an entry that its hash covers: everything but the hash and the locator. */
export type AuditContent = Omit<AuditLogRow, 'row_hash' | 'seq'>;

/** The default stream of an entity: `<entityType>:<entityId>` (`loan:<id>`, `decision:<id>`). */
export function entityStream(entityType: string, entityId: string): string {
  return `${entityType}:${entityId}`;
}

/** The hash of one audit entry. */
export function auditRowHash(entry: AuditContent): string {
  return hashOf({
    stream: entry.stream,
    stream_seq: Number(entry.stream_seq),
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
    // Absent (not null) when the entry binds no row: entries written before binding keep their hash.
    bound: entry.bound ?? undefined,
  });
}
