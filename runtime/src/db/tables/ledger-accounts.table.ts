// The chart of accounts, as data.
import type { Insertable, Selectable } from 'kysely';
import type { ActorRef, Timestamp } from './columns.ts';

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense' | 'memorandum';

export interface LedgerAccountsTable {
  code: string;
  name: string;
  type: AccountType;
  normal_balance: 'debit' | 'credit';
  /** Código agrupador del SAT (Anexo 24), e.g. `102.01`; null only for an account a later migration forgot (a test fails). */
  sat_code: string | null;
  /** Nature for the SAT files: D deudora, A acreedora. */
  sat_nature: 'D' | 'A' | null;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type LedgerAccountRow = Selectable<LedgerAccountsTable>;
export type NewLedgerAccountRow = Insertable<LedgerAccountsTable>;
