// Loans: terms and the servicing state the engine computes, pinned to a product version;
// `last_event_seq` is the sequence number of the newest loan event.
import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { ActorRef, IsoDate, Json, Money, StoredJson, Timestamp } from './columns.ts';

export type LoanStatus = 'pending' | 'active' | 'paid-off' | 'written-off' | 'cancelled';

export interface LoansTable {
  id: string;
  product_version_id: string;
  /** The product's code (denormalized from the version, for filtering). */
  product_code: string | null;
  decision_id: string | null;
  external_ref: string | null;
  /** The client the application or loan is for (issue 14); null before clients existed. */
  client_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The reference a payment names the loan by: digits and a check digit (issue 16); null until assigned. */
  payment_reference: ColumnType<string | null, string | null | undefined, string | null>;
  /** The loan's own CLABE from the institution's SPEI range (issue 16); null when none is configured. */
  clabe: ColumnType<string | null, string | null | undefined, string | null>;
  /** The loan's account number (sequence `loan_account_numbers`): the body of its reference and CLABE. */
  account_number: ColumnType<number | null, number | null | undefined, number | null>;
  terms: Json<StoredJson>;
  status: LoanStatus;
  currency: string;
  principal: Money;
  opened_on: IsoDate;
  disbursed_on: IsoDate | null;
  closed_on: IsoDate | null;
  state: ColumnType<StoredJson, string | undefined, string>;
  last_event_seq: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
  updated_by: ActorRef;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type LoanRow = Selectable<LoansTable>;
export type NewLoanRow = Insertable<LoansTable>;
export type LoanUpdate = Updateable<LoansTable>;
