// Double-entry journal entries (append-only); a deferred trigger checks each balances at commit.
import type { Insertable, Selectable } from 'kysely';
import type { ActorRef, IsoDate, Timestamp } from './columns.ts';

export interface JournalEntriesTable {
  id: string;
  entry_date: IsoDate;
  description: string;
  currency: string;
  loan_id: string | null;
  loan_event_seq: number | null;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type JournalEntryRow = Selectable<JournalEntriesTable>;
export type NewJournalEntryRow = Insertable<JournalEntriesTable>;
