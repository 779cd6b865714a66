// Bank accounts, file layouts, imported statements and their lines (migration 2026-12-11-20).
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ActorRef, IsoDate, Json, Money, StoredJson, Timestamp } from './columns.ts';
import type { StatementFormat } from '../../banking/statement-line.ts';

export interface BankAccountsTable {
  id: string;
  name: string;
  /** The bank's 3-digit code (as in a CLABE's first three digits). */
  bank_code: string;
  account_number: string | null;
  clabe: string | null;
  currency: ColumnType<string, string | undefined, string>;
  /** The ledger account its money is on (default 1000 Bancos). */
  ledger_account: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  created_by: ActorRef;
}

export interface BankFileLayoutsTable {
  id: string;
  name: string;
  format: StatementFormat;
  /** The format's options: a CSV's column mapping, date format, decimal separator… */
  options: Json<StoredJson>;
  created_at: Timestamp;
  created_by: ActorRef;
  updated_at: Timestamp;
  updated_by: ActorRef;
}

export type BankStatementStatus = 'importing' | 'imported' | 'failed';

export interface BankStatementsTable {
  id: string;
  bank_account_id: string;
  format: StatementFormat;
  layout_id: string | null;
  file_name: string;
  file_sha256: string;
  status: BankStatementStatus;
  period_from: IsoDate | null;
  period_to: IsoDate | null;
  opening_balance: Money | null;
  closing_balance: Money | null;
  lines_total: Generated<number>;
  lines_applied: Generated<number>;
  lines_exception: Generated<number>;
  lines_duplicate: Generated<number>;
  lines_other: Generated<number>;
  /** Direct-debit lines the bank rejected (no money moved); migration 2026-12-11-50. */
  lines_rejected: Generated<number>;
  failure: Json<StoredJson> | null;
  imported_at: Timestamp;
  imported_by: ActorRef;
  finished_at: Timestamp | null;
}

export type BankLineStatus = 'applied' | 'exception' | 'resolved' | 'rejected' | 'other';
export type BankLineMatchRule = 'reference' | 'clabe' | 'amount-date-name' | 'return';
export type BankLineResolution = 'applied' | 'split' | 'refunded' | 'not-ours' | 'reversed';

export interface BankStatementLinesTable {
  id: string;
  statement_id: string;
  bank_account_id: string;
  line_no: number;
  tracking_key: string;
  value_date: IsoDate;
  booking_date: IsoDate | null;
  direction: 'credit' | 'debit';
  amount: Money;
  currency: string;
  reference: string | null;
  beneficiary_clabe: string | null;
  payer_account: string | null;
  payer_name: string | null;
  description: string | null;
  return_of: string | null;
  outcome: 'paid' | 'rejected' | null;
  reject_reason: string | null;
  raw: Json<StoredJson>;
  status: BankLineStatus;
  match_loan_id: string | null;
  match_rule: BankLineMatchRule | null;
  match_score: string | null;
  resolution: BankLineResolution | null;
  resolution_note: string | null;
  resolved_at: Timestamp | null;
  resolved_by: ActorRef | null;
  /** The entry that put the line's money in 2210 (an exception), or took it out again. */
  suspense_entry_id: string | null;
  created_at: Timestamp;
  /** Why an exception is one (migration 2026-12-11-50); null for other statuses. */
  exception_reason: BankLineExceptionReason | null;
  /** The money 2210 holds for the line: all of it, or what the matched loan did not take. */
  exception_amount: Money | null;
  /** The matching's reasons: the score's components, the runner-up, the refusal's code. */
  match_details: Json<StoredJson> | null;
}

export type BankLineExceptionReason = 'no-match' | 'ambiguous' | 'low-score' | 'over-payment' | 'payment-refused';

export interface BankLineApplicationsTable {
  line_id: string;
  loan_id: string;
  /** The loan event's payment id. */
  payment_id: string;
  amount: Money;
  reversed_at: Timestamp | null;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type BankStatementLineRow = Selectable<BankStatementLinesTable>;

/** One action of the exceptions queue on a line (migration 2026-12-11-60): its first response, replayed by its key. */
export interface BankLineActionsTable {
  id: string;
  line_id: string;
  action: 'apply' | 'split' | 'refund' | 'not-ours' | 'return';
  idempotency_key: string | null;
  request_hash: string;
  response: Json<StoredJson>;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type BankLineEntryKind = 'hold' | 'release' | 'refund' | 'not-ours' | 'payment' | 'reversal';

/** Every journal entry written for a line (migration 2026-12-11-60). */
export interface BankLineEntriesTable {
  line_id: string;
  entry_id: string;
  kind: BankLineEntryKind;
}
