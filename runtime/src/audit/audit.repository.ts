// Appends to and reads the audit log: one hash chain per entity stream. Append inside the
// transaction of the write it records: the stream's head row (`audit_streams`) is locked for the
// append, so each stream stays a single line under concurrency while writes to different
// entities (two loans, two decisions) never wait for each other.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { AuditLogRow } from '../db/tables/audit-log.table.ts';
import type { ActorRef, StoredJson } from '../db/tables/columns.ts';
import { auditRowHash, entityStream, GENESIS_HASH } from './audit-chain.ts';
import { hashOf } from './canonical-json.ts';
import type { BoundRows } from './row-binding.ts';

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
  /** The chain to append to; default `<entityType>:<entityId>`. */
  readonly stream?: string;
  /** The hashes of the rows the write stored, as stored (`bindRows`, row-binding.ts). */
  readonly bound?: BoundRows;
}

/** An entry ready to insert (everything but the global `seq`, which the database assigns). */
export type AuditEntry = Omit<AuditLogRow, 'seq'>;

/** A stream's newest link. */
export interface StreamHead {
  readonly seq: number;
  readonly hash: string;
}

/** The entry that follows `head` in the record's stream (`null`: the stream's first entry). */
export function auditEntry(record: AuditRecord, head: StreamHead | null): AuditEntry {
  const content = {
    stream: record.stream ?? entityStream(record.entityType, record.entityId),
    stream_seq: (head?.seq ?? 0) + 1,
    action: record.action,
    entity_type: record.entityType,
    entity_id: record.entityId,
    before_hash: record.before === null || record.before === undefined ? null : hashOf(record.before),
    after_hash: record.after === null || record.after === undefined ? null : hashOf(record.after),
    details: record.details ?? {},
    request_id: record.requestId ?? null,
    prev_hash: head?.hash ?? GENESIS_HASH,
    created_at: record.at,
    created_by: record.actor,
    bound: record.bound ?? null,
  };
  return { ...content, row_hash: auditRowHash(content) };
}

/** `audit_log` insert values of an entry (JSONB as text). */
export function auditLogValues(entry: AuditEntry) {
  return { ...entry, details: JSON.stringify(entry.details), bound: entry.bound === null ? null : JSON.stringify(entry.bound) };
}

/** `audit_streams` values of the head an entry leaves behind. */
export function streamHeadValues(entry: AuditEntry) {
  return { stream: entry.stream, last_seq: entry.stream_seq, last_hash: entry.row_hash, created_at: entry.created_at, created_by: entry.created_by };
}

/**
 * Locks a stream's head for an append (`null` when the stream has no entry yet). Lock order:
 * take the entity's own row lock first (a loan's `FOR UPDATE`), then its stream head.
 */
export async function lockStreamHead(tx: Executor, stream: string): Promise<StreamHead | null> {
  const row = await tx.selectFrom('audit_streams').select(['last_seq', 'last_hash']).where('stream', '=', stream).forUpdate().executeTakeFirst();
  return row ? { seq: Number(row.last_seq), hash: row.last_hash } : null;
}

/**
 * Appends an entry that follows a head locked in this transaction (`null`: the stream's first),
 * moving the head in the same statement. Returns the global `seq`.
 */
export async function insertAuditEntry(tx: Executor, entry: AuditEntry): Promise<number> {
  const head = streamHeadValues(entry);
  const query =
    entry.stream_seq === 1
      ? tx.with('head', (q) => q.insertInto('audit_streams').values(head))
      : tx.with('head', (q) => q.updateTable('audit_streams').set({ last_seq: head.last_seq, last_hash: head.last_hash }).where('stream', '=', head.stream));
  const row = await query.insertInto('audit_log').values(auditLogValues(entry)).returning('seq').executeTakeFirstOrThrow();
  return Number(row.seq);
}

/**
 * Appends `entry` as the first of its stream unless the stream exists (then nothing, `null`):
 * one statement, no lock to wait for unless another transaction is creating the same stream.
 */
async function insertFirstAuditEntry(tx: Executor, entry: AuditEntry): Promise<number | null> {
  const h = streamHeadValues(entry);
  const result = await sql<{ seq: number }>`
    with head as (
      insert into audit_streams (stream, last_seq, last_hash, created_at, created_by)
      values (${h.stream}, 1, ${h.last_hash}, ${h.created_at}, ${h.created_by})
      on conflict (stream) do nothing
      returning stream
    )
    insert into audit_log (stream, stream_seq, action, entity_type, entity_id, before_hash, after_hash, details, request_id, prev_hash, row_hash, created_at, created_by, bound)
    select ${entry.stream}, 1, ${entry.action}, ${entry.entity_type}, ${entry.entity_id}, ${entry.before_hash}::text, ${entry.after_hash}::text,
      ${JSON.stringify(entry.details)}::jsonb, ${entry.request_id}::text, ${entry.prev_hash}, ${entry.row_hash}, ${entry.created_at}::timestamptz, ${entry.created_by},
      ${entry.bound === null ? null : JSON.stringify(entry.bound)}::json
    from head
    returning seq
  `.execute(tx);
  const row = result.rows[0];
  return row ? Number(row.seq) : null;
}

/**
 * Appends one entry to its entity's audit stream. Call it inside the write's transaction.
 * A creation (`before` null) usually starts a new stream: one statement. Otherwise the stream's
 * head is locked, then the entry and the new head are written: two statements.
 *
 * @example
 * await db.transaction().execute(async (tx) => {
 *   await insertUser(tx, row);
 *   await appendAudit(tx, { actor, action: 'create', entityType: 'user', entityId: row.id, before: null, after: row, at });
 * });
 */
export async function appendAudit(tx: Executor, record: AuditRecord): Promise<AuditLogRow> {
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0 || record.before === null || record.before === undefined) {
      const entry = auditEntry(record, null);
      const seq = await insertFirstAuditEntry(tx, entry);
      if (seq !== null) return { ...entry, seq };
    }
    const head = await lockStreamHead(tx, record.stream ?? entityStream(record.entityType, record.entityId));
    if (head) {
      const entry = auditEntry(record, head);
      return { ...entry, seq: await insertAuditEntry(tx, entry) };
    }
    // The stream appeared and vanished between the two statements: only a deleted head does that.
    if (attempt >= 2) throw new Error(`audit stream of ${record.entityType} ${record.entityId} cannot be appended to`);
  }
}

export interface AuditPage {
  readonly entries: readonly AuditLogRow[];
  /** Pass as `after` for the next page; null at the end. */
  readonly nextAfter: number | null;
}

/** Entries in `seq` order after `after` (a seq), at most `limit`, optionally for one entity or stream. */
export async function listAudit(
  db: Executor,
  options: { after?: number; limit: number; entityType?: string; entityId?: string; stream?: string },
): Promise<AuditPage> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', options.after ?? 0)
    .orderBy('seq')
    .limit(options.limit + 1);
  if (options.entityType !== undefined) query = query.where('entity_type', '=', options.entityType);
  if (options.entityId !== undefined) query = query.where('entity_id', '=', options.entityId);
  if (options.stream !== undefined) query = query.where('stream', '=', options.stream);
  const rows = await query.execute();
  const entries = rows.slice(0, options.limit);
  const last = entries.at(-1);
  return { entries, nextAfter: rows.length > options.limit && last ? Number(last.seq) : null };
}

/** The number of entries in the log, from the stream heads. */
export async function auditLength(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_streams')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('last_seq'), sql<number>`0`).as('n'))
    .executeTakeFirst();
  return row ? Number(row.n) : 0;
}
