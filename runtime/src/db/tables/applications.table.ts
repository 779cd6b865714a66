// Applications (issue 14): referred decisions in the review queue, their history, and the
// amount each role may approve.
import type { ColumnType, Selectable } from 'kysely';
import type { ActorRef, Json, Money, StoredJson, Timestamp } from './columns.ts';

export const APPLICATION_STATUSES = ['pending', 'documents-requested', 'approved', 'declined', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type ApplicationEventKind = 'created' | 'documents-requested' | 'resumed' | 'approved' | 'declined' | 'withdrawn';

export interface ApplicationsTable {
  id: string;
  /** The referred decision (one application per decision). */
  decision_id: string;
  client_id: string | null;
  product_code: string;
  product_version: number;
  requested_amount: Money;
  requested_payments: number;
  /** The referred decision's offer amount (what an unchanged approval would lend). */
  offered_amount: Money | null;
  status: ApplicationStatus;
  /** The person who asked for the decision (maker-checker: never its reviewer). */
  requested_by: ActorRef;
  reviewer: ActorRef | null;
  reviewed_at: Timestamp | null;
  note: string | null;
  reason_code: string | null;
  /** Kinds of documents asked for (`documents-requested`). */
  documents: ColumnType<readonly string[] | null, string | null, string | null>;
  approved_decision_id: string | null;
  approved_amount: Money | null;
  approved_payments: number | null;
  loan_id: string | null;
  created_at: Timestamp;
  created_by: ActorRef;
  updated_at: Timestamp;
}

export interface ApplicationEventsTable {
  id: string;
  application_id: string;
  kind: ApplicationEventKind;
  note: string | null;
  details: Json<StoredJson>;
  created_at: Timestamp;
  created_by: ActorRef;
}

export interface AuthorityLimitsTable {
  role: string;
  /** Null: no limit. */
  max_amount: Money | null;
  updated_at: Timestamp;
  updated_by: ActorRef;
}

export type ApplicationRow = Selectable<ApplicationsTable>;
export type ApplicationEventRow = Selectable<ApplicationEventsTable>;
