// Kysely type of the books settings (migration 2026-12-10-20-books): one row, absent until set.
import type { ColumnType } from 'kysely';
import type { ActorRef, Timestamp } from './columns.ts';

export interface AccountingSettingsTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  iva_on: 'collection' | 'accrual';
  vencida_days_single: number | null;
  vencida_days_periodic: number | null;
  updated_at: Timestamp;
  updated_by: ActorRef;
}
