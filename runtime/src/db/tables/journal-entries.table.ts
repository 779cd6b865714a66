// Double-entry journal entries (append-only); a deferred trigger checks each balances at commit,
// and none may be dated inside a closed accounting period (migration 2026-12-10-30).
import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { ActorRef, IsoDate, Timestamp } from './columns.ts';

/** What posted an entry: a loan event, the day close, an approved manual entry, anything else. */
export type JournalSource = 'loan' | 'day-close' | 'manual' | 'other';
export const JOURNAL_SOURCES: readonly JournalSource[] = ['loan', 'day-close', 'manual', 'other'];

export interface JournalEntriesTable {
  id: string;
  entry_date: IsoDate;
  description: string;
  currency: string;
  loan_id: string | null;
  loan_event_seq: number | null;
  /** Given on insert or derived by the database (`plazo_journal_source`: day close, loan, other). */
  source: ColumnType<JournalSource, JournalSource | undefined, never>;
  /** The date the fact happened when the entry is dated later (its month was closed); else null. */
  economic_date: ColumnType<IsoDate | null, IsoDate | null | undefined, never>;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type JournalEntryRow = Selectable<JournalEntriesTable>;
export type NewJournalEntryRow = Insertable<JournalEntriesTable>;
