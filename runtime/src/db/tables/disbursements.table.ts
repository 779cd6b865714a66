// Disbursement batches and their items (issue 16): see migrations/2026-12-11-40-disbursement-batches.ts.
import type { ColumnType, Selectable } from 'kysely';
import type { ActorRef, IsoDate, Money, Timestamp } from './columns.ts';

export type DisbursementBatchStatus = 'prepared' | 'approved' | 'sent' | 'closed' | 'cancelled';
export type DisbursementItemStatus = 'pending' | 'liquidated' | 'returned' | 'cancelled';
export type DisbursementChannelName = 'file' | 'spei-test';

export interface DisbursementBatchesTable {
  id: string;
  status: DisbursementBatchStatus;
  value_date: IsoDate;
  currency: ColumnType<string, string | undefined, never>;
  items_count: number;
  total_amount: Money;
  channel: DisbursementChannelName | null;
  maker: ActorRef;
  checker: ActorRef | null;
  approved_at: Timestamp | null;
  sent_at: Timestamp | null;
  sent_by: ActorRef | null;
  closed_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  cancelled_by: ActorRef | null;
  cancel_reason: string | null;
  created_at: Timestamp;
  created_by: ActorRef;
}

export interface DisbursementItemsTable {
  id: string;
  batch_id: string;
  seq: number;
  loan_id: string;
  amount: Money;
  clabe: string;
  holder_name: string;
  /** The SPEI tracking key (clave de rastreo): ≤ 30 alphanumerics, unique across batches. */
  tracking_key: string;
  /** The SPEI numeric reference: 7 digits. */
  numeric_reference: string;
  concept: string;
  status: DisbursementItemStatus;
  settled_on: IsoDate | null;
  /** The settlement time as the bank wrote it (local, Mexico City). */
  settlement_time: string | null;
  return_reason: string | null;
  answered_at: Timestamp | null;
  answered_by: ActorRef | null;
}

export type DisbursementBatchRow = Selectable<DisbursementBatchesTable>;
export type DisbursementItemRow = Selectable<DisbursementItemsTable>;
