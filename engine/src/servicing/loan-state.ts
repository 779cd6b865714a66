// The shape of a loan's state on a date, as loanState returns it: frozen, amounts as decimal
// strings at the currency scale, with every payment's allocation so the runtime can post entries.
import type { CollectionAction, DecimalString, IsoDate, PrepaymentPolicy } from '../ir/product-ir.ts';

/**
 * The parts an installment owes. IVA is kept per base so the ledger can post it by concept; the
 * allocation component `iva` covers the four `*Iva` parts.
 */
export const COMPONENTS = [
  'principal',
  'interest',
  'interestIva',
  'fees',
  'feesIva',
  'lateFees',
  'lateFeesIva',
  'moratorium',
  'moratoriumIva',
] as const;

export type Component = (typeof COMPONENTS)[number];

/** One amount per component plus their total. */
export type ComponentAmounts = Readonly<Record<Component, DecimalString>> & { readonly total: DecimalString };

/** pending: not due yet; due: due today; overdue: past due and not fully paid; restructured: closed into a new schedule. */
export type InstallmentStatus = 'pending' | 'due' | 'overdue' | 'paid' | 'restructured';

export interface InstallmentState {
  readonly number: number;
  readonly dueDate: IsoDate;
  readonly status: InstallmentStatus;
  /** The day it became fully paid, or null. */
  readonly paidOn: IsoDate | null;
  /** Days from the due date to asOf while unpaid (0 when paid or not yet due). */
  readonly daysPastDue: number;
  /** What it owes so far (penalties grow while it is overdue). */
  readonly due: ComponentAmounts;
  readonly paid: ComponentAmounts;
  readonly outstanding: ComponentAmounts;
  /** The day its late fee was charged, or null. */
  readonly lateFeeChargedOn: IsoDate | null;
}

/** One slice of a payment: which installment (null for a principal prepayment) and component. */
export interface AllocationLine {
  readonly installment: number | null;
  readonly component: Component;
  readonly amount: DecimalString;
}

/** How one payment (or the credit balance) was applied; lines + prepaid + toCredit = amount. */
export interface PaymentAllocation {
  /** The payment's id, or `credit` when the credit balance was applied. */
  readonly paymentId: string;
  readonly date: IsoDate;
  readonly amount: DecimalString;
  readonly lines: readonly AllocationLine[];
  /** Principal prepaid beyond the current installment (reduce-term / reduce-installment). */
  readonly prepaidPrincipal: DecimalString;
  /** Kept as credit balance (prepayment not allowed, or more than the loan owed). */
  readonly toCredit: DecimalString;
  /** The remaining schedule was re-solved by this policy, or null. */
  readonly rescheduled: Exclude<PrepaymentPolicy, 'not-allowed'> | null;
  /** This payment settled the loan. */
  readonly settled: boolean;
}

/** A collection action that fired: once per installment and step, derived from the events. */
export interface FiredAction {
  readonly date: IsoDate;
  readonly installment: number;
  /** `at -3` (days from the due date) or `stage temprana`. */
  readonly step: string;
  readonly action: CollectionAction;
}

export type JournalEntry =
  | { readonly date: IsoDate; readonly kind: 'disbursed'; readonly amount: DecimalString }
  | { readonly date: IsoDate; readonly kind: 'installment-due'; readonly installment: number; readonly amount: DecimalString }
  | { readonly date: IsoDate; readonly kind: 'payment'; readonly allocation: PaymentAllocation }
  | { readonly date: IsoDate; readonly kind: 'credit-applied'; readonly allocation: PaymentAllocation }
  | { readonly date: IsoDate; readonly kind: 'late-fee'; readonly installment: number; readonly amount: DecimalString; readonly iva: DecimalString }
  | { readonly date: IsoDate; readonly kind: 'moratorium'; readonly amount: DecimalString; readonly iva: DecimalString }
  | { readonly date: IsoDate; readonly kind: 'fee-charged'; readonly installment: number; readonly name: string; readonly amount: DecimalString; readonly iva: DecimalString }
  | { readonly date: IsoDate; readonly kind: 'stage-changed'; readonly from: string | null; readonly to: string | null }
  | { readonly date: IsoDate; readonly kind: 'action'; readonly action: FiredAction }
  | { readonly date: IsoDate; readonly kind: 'rescheduled'; readonly policy: Exclude<PrepaymentPolicy, 'not-allowed'>; readonly installments: number; readonly principal: DecimalString }
  | { readonly date: IsoDate; readonly kind: 'restructured'; readonly principal: DecimalString; readonly installments: number }
  | { readonly date: IsoDate; readonly kind: 'paid-off' }
  | { readonly date: IsoDate; readonly kind: 'written-off'; readonly amount: DecimalString }
  | {
      readonly date: IsoDate;
      readonly kind: 'day-close';
      /** Penalties charged since the previous close (or the disbursement), without and with IVA. */
      readonly lateFees: DecimalString;
      readonly lateFeesIva: DecimalString;
      readonly moratorium: DecimalString;
      readonly moratoriumIva: DecimalString;
    };

/** current (0 DPD), then by days past due of the oldest unpaid installment. */
export type AgingBucket = 'current' | '1-30' | '31-60' | '61-90' | '91+';

export type LoanStatus = 'active' | 'paid-off' | 'written-off';

/** What settles the loan on asOf, by part; `total` is net of the credit balance. */
export interface PayoffAmount {
  readonly date: IsoDate;
  /** Outstanding principal, overdue and future. */
  readonly principal: DecimalString;
  /** Ordinary interest of overdue installments plus the current period's accrued to the date. */
  readonly interest: DecimalString;
  readonly fees: DecimalString;
  /** Late fees and moratorium interest (without IVA). */
  readonly penalties: DecimalString;
  readonly iva: DecimalString;
  readonly creditApplied: DecimalString;
  readonly total: DecimalString;
}

/**
 * A restructure the loan went through: what it moved into the new schedule's principal, by
 * component. `capitalised.principal` is the outstanding principal it carried over, the other parts
 * what was owed of each (interest accrued to the day included) and capitalised; `principal` =
 * `capitalised.total` − `creditApplied`.
 */
export interface Restructuring {
  readonly date: IsoDate;
  /** Principal of the new schedule. */
  readonly principal: DecimalString;
  readonly capitalised: ComponentAmounts;
  /** Credit balance it consumed (it lowered the new principal). */
  readonly creditApplied: DecimalString;
  /** Number of the new schedule's first installment. */
  readonly firstInstallment: number;
  /** Longest period of the new schedule (disbursement or due date to the next due date), days. */
  readonly periodDays: number;
  /** The new schedule is one payment of principal and interest. */
  readonly singlePayment: boolean;
}

/**
 * How the loan repays, as the regulatory books classify it (DOMAIN.md "Regulatory accounting"):
 * `single` one payment of principal and interest, `periodic` periodic payments of both,
 * `single-principal` principal at maturity with periodic interest (principal grace on every
 * installment but the last). The schedule in force decides: the last restructure's, else the loan's.
 */
export interface RepaymentFacts {
  readonly pattern: 'single' | 'periodic' | 'single-principal';
  /** Days past due of the last installment (0 unless it is overdue). */
  readonly maturityDaysPastDue: number;
  /**
   * Installments of the last restructure's schedule paid on or before their due date, in a row up
   * to the latest one due (one due today and unpaid neither counts nor breaks the run); 0 without
   * a restructure.
   */
  readonly onTimeInstallments: number;
}

export interface LoanState {
  readonly asOf: IsoDate;
  readonly status: LoanStatus;
  readonly disbursementDate: IsoDate;
  /** Installments of the schedule as it stands (re-solved or restructured ones replace the old). */
  readonly installments: readonly InstallmentState[];
  readonly outstanding: ComponentAmounts;
  /** Outstanding of installments due on or before asOf. */
  readonly overdue: ComponentAmounts;
  /** Everything received and applied, by component (credit balance excluded). */
  readonly paid: ComponentAmounts;
  /** Penalties charged to date (late fees, moratorium and their IVA), paid or not. */
  readonly penaltiesCharged: {
    readonly lateFees: DecimalString;
    readonly lateFeesIva: DecimalString;
    readonly moratorium: DecimalString;
    readonly moratoriumIva: DecimalString;
  };
  readonly daysPastDue: number;
  readonly agingBucket: AgingBucket;
  /** The collection stage on asOf (by days past due), or null. */
  readonly stage: string | null;
  /** The stage says `stop-accrual` (or the loan is written off): no moratorium, no late fees. */
  readonly accrualStopped: boolean;
  /** Actions that fire on asOf. */
  readonly actionsDue: readonly FiredAction[];
  /** Every action fired since disbursement, in order. */
  readonly firedActions: readonly FiredAction[];
  readonly payoff: PayoffAmount;
  readonly creditBalance: DecimalString;
  /** Each applied payment and credit application, in order. */
  readonly allocations: readonly PaymentAllocation[];
  readonly reversedPayments: readonly string[];
  readonly lastDayClose: IsoDate | null;
  readonly writtenOff: { readonly date: IsoDate; readonly amount: DecimalString } | null;
  /** Every dated fact of the loan's life, in order: the day-by-day timeline. */
  readonly journal: readonly JournalEntry[];
  /**
   * Earned to date, by component: what the installments due by asOf bear (restructured ones at
   * what they received) plus, for the current period, the interest accrued to asOf and its IVA,
   * fees charged on it and the financed fees' IVA — exactly what the payoff charges. A paid-off
   * loan: everything its installments bore. A written-off loan: as on its write-off date. What a
   * restructure capitalised is no longer earned here (see `restructures`); `principal` is the
   * principal made due.
   */
  readonly earned: ComponentAmounts;
  /** Every restructure, in order. */
  readonly restructures: readonly Restructuring[];
  readonly repayment: RepaymentFacts;
}

/**
 * What the regulatory books (booksOn) read of a loan on a date: LoanState has all of it, and so
 * does closeDay's result (`booksFacts`) without building the whole state.
 */
export type BooksFacts = Pick<LoanState, 'asOf' | 'status' | 'daysPastDue' | 'paid' | 'earned' | 'creditBalance' | 'writtenOff' | 'restructures' | 'repayment'> & {
  readonly outstanding: Pick<ComponentAmounts, 'principal' | 'total'>;
};
