// The institution's accounting settings (migration 2026-12-10-15): one row, absent = defaults.
import type { ColumnType } from 'kysely';
import type { ActorRef, Timestamp } from './columns.ts';

export interface AccountingSettingsTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  /** When IVA on interest, fees and penalties is owed: when collected (default) or when accrued. */
  iva_on: ColumnType<'collection' | 'accrual', 'collection' | 'accrual' | undefined, 'collection' | 'accrual'>;
  /** Days past due to cartera vencida, when not DOMAIN.md's 30 (single payment) / 90 (periodic). */
  vencida_days_single: number | null;
  vencida_days_periodic: number | null;
  /** The institution's RFC, as SAT's electronic accounting files carry it (null: not configured). */
  rfc: string | null;
  updated_at: Timestamp;
  updated_by: ActorRef;
}
