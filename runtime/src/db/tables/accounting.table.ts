// Accounting periods (a month open or closed) and manual journal entries with maker-checker
// (migration 2026-12-10-30-accounting-periods).
import type { Insertable, Selectable } from 'kysely';
import type { ActorRef, IsoDate, Json, Timestamp } from './columns.ts';

export interface AccountingPeriodsTable {
  /** `YYYY-MM`. */
  period: string;
  status: 'open' | 'closed';
  closed_at: Timestamp | null;
  closed_by: ActorRef | null;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type ManualEntryStatus = 'pending' | 'approved' | 'rejected';

/** One line of a manual entry as proposed: an account and one side, decimal strings. */
export interface ManualEntryLine {
  readonly account: string;
  readonly debit: string;
  readonly credit: string;
}

export interface ManualEntriesTable {
  id: string;
  entry_date: IsoDate;
  description: string;
  currency: string;
  lines: Json<ManualEntryLine[]>;
  status: ManualEntryStatus;
  /** The person who proposed it (principal.ts `personOf`). */
  maker: ActorRef;
  /** The person who approved or rejected it; never the maker. */
  checker: ActorRef | null;
  decided_at: Timestamp | null;
  /** Why it was rejected. */
  reason: string | null;
  /** The journal entry an approval posted. */
  journal_entry_id: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type AccountingPeriodRow = Selectable<AccountingPeriodsTable>;
export type ManualEntryRow = Selectable<ManualEntriesTable>;
export type NewManualEntryRow = Insertable<ManualEntriesTable>;
