// What happened to a loan, in order (per-loan sequence number); append-only. A payment's
// idempotency key is unique per loan, with the hash of the request that first used it.
import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { ActorRef, IsoDate, Json, StoredJson, Timestamp } from './columns.ts';

export interface LoanEventsTable {
  loan_id: string;
  seq: number;
  type: string;
  effective_on: IsoDate;
  payload: Json<StoredJson>;
  idempotency_key: string | null;
  request_hash: string | null;
  /** The response the event's request got first (status and body), replayed for its idempotency key. */
  response: ColumnType<StoredJson | null, string | null | undefined, never>;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type LoanEventRow = Selectable<LoanEventsTable>;
export type NewLoanEventRow = Insertable<LoanEventsTable>;
