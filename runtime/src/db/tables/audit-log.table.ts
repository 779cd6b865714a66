// The audit chain: one row per write, each hashing its content and the previous row's hash;
// append-only. `audit_head` holds the newest link and serializes appends.
import type { Insertable, Selectable } from 'kysely';
import type { ActorRef, Json, StoredJson, Timestamp } from './columns.ts';

export interface AuditLogTable {
  seq: number;
  action: string;
  entity_type: string;
  entity_id: string;
  before_hash: string | null;
  after_hash: string | null;
  details: Json<StoredJson>;
  request_id: string | null;
  prev_hash: string;
  row_hash: string;
  created_at: Timestamp;
  created_by: ActorRef;
}

export interface AuditHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;
