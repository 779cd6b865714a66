// Kysely types of the end-of-day, notification and collection tables (migrations 2026-11-27-04, 2026-11-28-20).
import type { ColumnType } from 'kysely';
import type { ActorRef, IsoDate, Money, StoredJson, Timestamp } from '../db/tables/columns.ts';

/**
 * The view `loan_servicing` (migration 2026-11-28-20): a loan's report summary with the date last
 * closed (`as_of`), for readers of the table it replaced. Written through the two tables below.
 */
export interface LoanServicingTable {
  loan_id: string;
  product_code: string | null;
  product_version_id: string;
  as_of: IsoDate;
  event_seq: number;
  status: string;
  days_past_due: number;
  aging_bucket: string;
  stage: string | null;
  collection_queue: string | null;
  accrual_stopped: boolean;
  principal: Money;
  disbursed_on: IsoDate;
  origination_month: IsoDate;
  principal_outstanding: Money;
  interest_outstanding: Money;
  fees_outstanding: Money;
  penalties_outstanding: Money;
  iva_outstanding: Money;
  total_outstanding: Money;
  overdue_total: Money;
  /** Cash received to date (payments, net of reversals). */
  received_total: Money;
  payoff_total: Money;
  credit_balance: Money;
  next_due_date: IsoDate | null;
  next_due_amount: Money | null;
  max_days_past_due: number;
  updated_at: Timestamp;
}

/** What the next close of a loan starts from (written every night for every loan closed). */
export interface LoanCheckpointsTable {
  loan_id: string;
  /** The last business date closed for the loan (a date is never closed twice). */
  closed_on: IsoDate;
  /** The date the checkpoint is folded through (closed_on, unless the loan had events dated after the close). */
  as_of: IsoDate;
  /** The last loan event folded in. */
  event_seq: number;
  /** The payoff on closed_on. */
  payoff_total: Money;
  /** Cash received to date (payments, net of reversals). */
  received_total: Money;
  /** The penalty accrual position of the cash-basis ledger (before migration 2026-12-10-20-books); no longer written. */
  accrued: string | null;
  /** The report figures of closed_on as one text (summary-row.ts): loan_summaries is rewritten when it changes. */
  summary: string;
  /** The engine's compact checkpoint (JSON); its `asOf` trails `as_of` after quiet days (stored-checkpoint.ts). */
  checkpoint: string;
}

/** A loan's report figures as of its last close (rewritten only when one changes). */
export interface LoanSummariesTable {
  loan_id: string;
  product_code: string | null;
  product_version_id: string;
  status: string;
  days_past_due: number;
  aging_bucket: string;
  stage: string | null;
  collection_queue: string | null;
  accrual_stopped: boolean;
  principal: Money;
  disbursed_on: IsoDate;
  origination_month: IsoDate;
  principal_outstanding: Money;
  interest_outstanding: Money;
  fees_outstanding: Money;
  penalties_outstanding: Money;
  iva_outstanding: Money;
  total_outstanding: Money;
  overdue_total: Money;
  credit_balance: Money;
  next_due_date: IsoDate | null;
  next_due_amount: Money | null;
  max_days_past_due: number;
  /** The business date these figures were first true on (unchanged since). */
  changed_on: IsoDate;
  updated_at: Timestamp;
}

export interface EodRunsTable {
  business_date: IsoDate;
  status: 'running' | 'done';
  chunk_size: number;
  chunks_total: number;
  chunks_done: number;
  loans_total: number;
  loans_done: number;
  loans_failed: number;
  events_written: number;
  entries_written: number;
  notifications_queued: number;
  errors: ColumnType<unknown[], string, string>;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  created_at: Timestamp;
  created_by: ActorRef;
}

export interface EodChunksTable {
  business_date: IsoDate;
  chunk_no: number;
  first_loan_id: string;
  next_loan_id: string | null;
  loans_planned: number;
  status: 'pending' | 'done';
  worker: string | null;
  loans_done: number;
  loans_failed: number;
  errors: ColumnType<unknown[], string, string>;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface NotificationTemplatesTable {
  name: string;
  channel: string;
  subject: string | null;
  body: string;
  created_at: Timestamp;
  created_by: ActorRef;
}

export interface NotificationOutboxTable {
  id: string;
  dedupe_key: string;
  loan_id: string | null;
  business_date: IsoDate;
  kind: string;
  channel: string;
  template: string;
  subject: string | null;
  body: string;
  payload: ColumnType<StoredJson, string, string>;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: Timestamp;
  created_by: ActorRef;
}

export interface CollectionAssignmentsTable {
  loan_id: string;
  /** The agent's user id (as text); for rows older than migration 2026-12-07 naming no user, their free text. */
  agent: string;
  /** The agent: a user of the institution; null only on such old rows. */
  agent_id: string | null;
  assigned_at: Timestamp;
  created_at: Timestamp;
  created_by: ActorRef;
}

export interface CollectionContactsTable {
  id: string;
  loan_id: string;
  /** As in collection_assignments. */
  agent: string;
  agent_id: string | null;
  channel: string;
  result: string;
  notes: string | null;
  promise_amount: Money | null;
  promise_date: IsoDate | null;
  contacted_at: Timestamp;
  created_at: Timestamp;
  created_by: ActorRef;
}
