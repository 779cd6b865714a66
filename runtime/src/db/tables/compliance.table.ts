// PLD exchange rates, settings, alerts and report files: see migrations/2026-12-09-30-compliance-alerts.ts.
import type { ColumnType, Selectable } from 'kysely';
import type { ActorRef, IsoDate, Timestamp } from './columns.ts';

export type AlertKind = 'relevant' | 'unusual' | 'internal' | 'blocked-person';
export type AlertStatus = 'open' | 'reported' | 'dismissed';
export type ReportKind = 'relevant' | 'unusual' | 'internal';

export interface ComplianceExchangeRatesTable {
  rate_date: IsoDate;
  currency: 'USD';
  /** NUMERIC(18,6) as a string: MXN for one USD. */
  mxn_per_unit: string;
  set_at: Timestamp;
  set_by: ActorRef;
}

export interface ComplianceSettingsTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  cash_threshold_usd: string;
  updated_at: Timestamp;
  updated_by: ActorRef;
}

export interface ComplianceAlertsTable {
  id: string;
  kind: AlertKind;
  code: string;
  message: string;
  client_id: string | null;
  loan_id: string | null;
  /** A payment's id (its `payload.id`), for alerts raised by a payment. */
  event_id: string | null;
  operation_date: IsoDate;
  method: string | null;
  amount: string | null;
  amount_usd: string | null;
  rate: string | null;
  description: string | null;
  /** Notes added after the alert was raised (a reversal of its payment), oldest first. */
  notes: ColumnType<readonly AlertNote[], string | undefined, string>;
  detected_at: Timestamp;
  deadline: Timestamp;
  status: AlertStatus;
  disposition_note: string | null;
  decided_by: ActorRef | null;
  decided_at: Timestamp | null;
  reported_in: string | null;
  created_by: ActorRef;
  /** A filing's Idempotency-Key and the hash of its body (internal alerts). */
  idempotency_key: ColumnType<string | null, string | null | undefined, never>;
  request_hash: ColumnType<string | null, string | null | undefined, never>;
}

export interface ComplianceReportFilesTable {
  id: string;
  kind: ReportKind;
  period: string;
  version: number;
  generated_at: Timestamp;
  generated_by: ActorRef;
  sha256: string;
  row_count: number;
  content: string;
}

export type AlertRow = Selectable<ComplianceAlertsTable>;
export interface AlertNote {
  readonly at: Timestamp;
  readonly by: ActorRef;
  readonly text: string;
}
