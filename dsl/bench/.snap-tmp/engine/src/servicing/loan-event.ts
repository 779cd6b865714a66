// The events a loan's state is folded from, in the order they happened: what the runtime stores
// for each loan and replays through loanState.
import type { DecimalString, Frequency, IsoDate } from '../ir/product-ir.ts';

/** The loan is funded on `date` (must be the terms' disbursement date). Always the first event. */
export interface DisbursementEvent {
  readonly kind: 'disbursement';
  readonly date: IsoDate;
}

/** Money received from the client; `id` names it for a later reversal. */
export interface PaymentEvent {
  readonly kind: 'payment';
  readonly id: string;
  readonly date: IsoDate;
  readonly amount: DecimalString;
}

/** Undoes the payment `paymentId`: the state is recomputed as if it never happened. */
export interface PaymentReversalEvent {
  readonly kind: 'payment-reversal';
  readonly date: IsoDate;
  readonly paymentId: string;
}

/** End of day: penalties are accrued every day anyway; a close records what accrued since the last. */
export interface DayCloseEvent {
  readonly kind: 'day-close';
  readonly date: IsoDate;
}

/**
 * A fee charged to the loan (collection visit, statement...), added to an installment: the one
 * named, else the oldest one not fully paid. IVA at the product's rate when `taxable` (default:
 * the product taxes fees).
 */
export interface FeeChargedEvent {
  readonly kind: 'fee-charged';
  readonly date: IsoDate;
  readonly name: string;
  readonly amount: DecimalString;
  readonly taxable?: boolean;
  readonly installment?: number;
}

/**
 * Everything owed on `date` (the payoff amount, penalties and IVA included) becomes the principal
 * of a new schedule under the product's pricing: `installments` (required), and optionally a new
 * frequency, annual rate or first due date (defaults: the loan's frequency and rate, one period).
 */
export interface RestructureEvent {
  readonly kind: 'restructure';
  readonly date: IsoDate;
  readonly installments: number;
  readonly frequency?: Frequency;
  readonly annualRate?: DecimalString;
  readonly firstDueDate?: IsoDate;
}

/** The loan is written off: nothing accrues or fires afterwards; later payments are recoveries. */
export interface WriteOffEvent {
  readonly kind: 'write-off';
  readonly date: IsoDate;
}

export type LoanEvent =
  | DisbursementEvent
  | PaymentEvent
  | PaymentReversalEvent
  | DayCloseEvent
  | FeeChargedEvent
  | RestructureEvent
  | WriteOffEvent;
