// The audit log: one row per write, append-only, in one hash chain per entity stream
// (`loan:<id>`, `decision:<id>`, `user:<id>`...): each row hashes its content and the previous
// row of its stream. `audit_streams` holds each stream's newest link (see migration 03).
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { BoundRows } from '../../audit/row-binding.ts';
import type { ActorRef, Json, StoredJson, Timestamp } from './columns.ts';

export interface AuditLogTable {
  /** Global locator for listing (from a sequence: increasing, gaps allowed); not part of the chain. */
  seq: Generated<number>;
  /** The chain this entry belongs to: `<entity_type>:<entity_id>` unless the writer names another. */
  stream: string;
  /** Position in the stream: 1, 2, 3... without gaps. */
  stream_seq: number;
  action: string;
  entity_type: string;
  entity_id: string;
  before_hash: string | null;
  after_hash: string | null;
  details: Json<StoredJson>;
  request_id: string | null;
  /** Hash of the previous entry of the stream (64 zeros for the first). */
  prev_hash: string;
  row_hash: string;
  created_at: Timestamp;
  created_by: ActorRef;
  /** The hashes of the rows this entry wrote or changed, by table and key (row-binding.ts); null when none. */
  bound: ColumnType<BoundRows | null, string | null | undefined, never>;
}

/** Each stream's newest link: its row lock serializes the stream's appends. */
export interface AuditStreamsTable {
  stream: string;
  last_seq: number;
  last_hash: string;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;
