// The lines of a journal entry: one side each, amounts as exact decimal strings.
import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { ActorRef, Money, Timestamp } from './columns.ts';

export interface JournalLinesTable {
  entry_id: string;
  line_no: number;
  account_code: string;
  debit: ColumnType<Money, Money | undefined, never>;
  credit: ColumnType<Money, Money | undefined, never>;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type JournalLineRow = Selectable<JournalLinesTable>;
export type NewJournalLineRow = Insertable<JournalLinesTable>;
