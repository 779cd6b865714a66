// The chart of accounts, as data.
import type { Insertable, Selectable } from 'kysely';
import type { ActorRef, Timestamp } from './columns.ts';

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense' | 'memorandum';

export interface LedgerAccountsTable {
  code: string;
  name: string;
  type: AccountType;
  normal_balance: 'debit' | 'credit';
  created_at: Timestamp;
  created_by: ActorRef;
}

export type LedgerAccountRow = Selectable<LedgerAccountsTable>;
export type NewLedgerAccountRow = Insertable<LedgerAccountsTable>;
