// Appends to and reads the audit chain. Append inside the transaction of the write it records:
// the head row's lock serializes appends, so the chain stays a single line under concurrency.
import type { Executor } from '../db/database.ts';
import type { AuditLogRow } from '../db/tables/audit-log.table.ts';
import type { ActorRef, StoredJson } from '../db/tables/columns.ts';
import { auditRowHash } from './audit-chain.ts';
import { hashOf } from './canonical-json.ts';

export interface AuditRecord {
  readonly actor: ActorRef;
  /** What was done: `create`, `update`, `publish`, `revoke`, `login`... */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  /** The entity's state before the write (null when created) and after (null when deleted). */
  readonly before: unknown;
  readonly after: unknown;
  /** A few non-secret facts worth reading without the entity (codes, versions, roles). */
  readonly details?: StoredJson;
  readonly requestId?: string | null;
  /** ISO-8601 instant of the write. */
  readonly at: string;
}

/**
 * Appends one entry to the audit chain. Call it inside the write's transaction.
 *
 * @example
 * await db.transaction().execute(async (tx) => {
 *   await insertUser(tx, row);
 *   await appendAudit(tx, { actor, action: 'create', entityType: 'user', entityId: row.id, before: null, after: row, at });
 * });
 */
export async function appendAudit(tx: Executor, record: AuditRecord): Promise<AuditLogRow> {
  const head = await tx
    .selectFrom('audit_head')
    .select(['last_seq', 'last_hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const content = {
    seq: Number(head.last_seq) + 1,
    action: record.action,
    entity_type: record.entityType,
    entity_id: record.entityId,
    before_hash: record.before === null || record.before === undefined ? null : hashOf(record.before),
    after_hash: record.after === null || record.after === undefined ? null : hashOf(record.after),
    details: record.details ?? {},
    request_id: record.requestId ?? null,
    prev_hash: head.last_hash,
    created_at: record.at,
    created_by: record.actor,
  };
  const row: AuditLogRow = { ...content, row_hash: auditRowHash(content) };
  await tx
    .insertInto('audit_log')
    .values({ ...row, details: JSON.stringify(row.details) })
    .execute();
  await tx.updateTable('audit_head').set({ last_seq: row.seq, last_hash: row.row_hash }).where('id', '=', 1).execute();
  return row;
}

export interface AuditPage {
  readonly entries: readonly AuditLogRow[];
  /** Pass as `after` for the next page; null at the end. */
  readonly nextAfter: number | null;
}

/** Entries in chain order after `after` (a seq), at most `limit`, optionally for one entity. */
export async function listAudit(
  db: Executor,
  options: { after?: number; limit: number; entityType?: string; entityId?: string },
): Promise<AuditPage> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', options.after ?? 0)
    .orderBy('seq')
    .limit(options.limit + 1);
  if (options.entityType !== undefined) query = query.where('entity_type', '=', options.entityType);
  if (options.entityId !== undefined) query = query.where('entity_id', '=', options.entityId);
  const rows = await query.execute();
  const entries = rows.slice(0, options.limit);
  const last = entries.at(-1);
  return { entries, nextAfter: rows.length > options.limit && last ? Number(last.seq) : null };
}

/** The number of entries in the chain (from its head). */
export async function auditLength(db: Executor): Promise<number> {
  const head = await db.selectFrom('audit_head').select('last_seq').where('id', '=', 1).executeTakeFirst();
  return head ? Number(head.last_seq) : 0;
}
