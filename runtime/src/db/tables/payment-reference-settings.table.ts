// The institution's payment reference scheme and CLABE range (migration 2026-12-11-30): one row,
// absent = the defaults (banking/payment-settings.ts).
import type { ColumnType } from 'kysely';
import type { ActorRef, Timestamp } from './columns.ts';

export interface PaymentReferenceSettingsTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  scheme: 'mod10' | 'mod97';
  prefix: string;
  body_length: number;
  /** The CLABE range a SPEI participant assigned (all three null: none). */
  clabe_bank: string | null;
  clabe_plaza: string | null;
  clabe_fixed: string | null;
  updated_at: Timestamp;
  updated_by: ActorRef;
}
