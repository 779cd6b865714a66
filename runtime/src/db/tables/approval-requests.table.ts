// A maker's request that an approver publish the product's draft at one revision (issue 19).
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ActorRef, Timestamp } from './columns.ts';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'superseded';

export interface ApprovalRequestsTable {
  id: string;
  product_id: string;
  /** The draft revision the request was made from, and the SHA-256 of its source. */
  draft_revision: number;
  source_hash: string;
  /** The person who asked (principal.ts `personOf`). */
  maker: ActorRef;
  note: string;
  status: ApprovalStatus;
  /** Who approved, rejected or withdrew it, or whose change superseded it; null while pending. */
  decided_by: ActorRef | null;
  decided_at: Timestamp | null;
  comment: string | null;
  /** The version an approval published. */
  version: number | null;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type ApprovalRequestRow = Selectable<ApprovalRequestsTable>;
export type NewApprovalRequestRow = Insertable<ApprovalRequestsTable>;
export type ApprovalRequestUpdate = Updateable<ApprovalRequestsTable>;
