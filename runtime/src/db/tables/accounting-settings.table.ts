// The institution's accounting settings, one row: see migrations/2026-12-10-40-sat-accounts.ts.
import type { ColumnType } from 'kysely';
import type { ActorRef, Timestamp } from './columns.ts';

export interface AccountingSettingsTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  /** The institution's RFC, as SAT's electronic accounting files carry it. */
  rfc: string;
  updated_at: Timestamp;
  updated_by: ActorRef;
}
