// The LoanTerms contract (DESIGN.md), extended additively with business days, IVA-inclusive level
// installments, fee percentages, caps and the taxable flag. Input of generateSchedule.
import type { BusinessDayRule } from '../calendar/business-days.ts';
import type { Frequency } from '../calendar/frequency.ts';
import type { RoundingMode } from '../rounding.ts';

export type { Frequency, RoundingMode, BusinessDayRule };

/** french: level installment; german: equal principal; flat: tasa global; bullet: one payment. */
export type AmortizationMethod = 'french' | 'german' | 'flat' | 'bullet';

/** period: annualRate / periods per year; the others accrue by days. */
export type InterestBasis = 'period' | 'actual/360' | 'actual/365' | '30/360';

/** upfront: paid at signing; deducted: from the disbursement; financed: added to the principal. */
export type FeeTiming = 'upfront' | 'deducted' | 'financed' | 'per-installment';

export interface LoanFee {
  readonly name: string;
  readonly timing: FeeTiming;
  /** Fixed amount (per installment for `per-installment`). Exactly one of amount and percent. */
  readonly amount?: string;
  /** Fraction (0.03 = 3%) of the principal, or per installment of `of`. */
  readonly percent?: string;
  /** Base of a per-installment percent: the balance at the period start or the financed principal. */
  readonly of?: 'balance' | 'principal';
  /** Caps on a computed fee (per installment for `per-installment`). */
  readonly min?: string;
  readonly max?: string;
  /** Whether IVA applies when `tax.on` includes "fees" (default true). */
  readonly taxable?: boolean;
}

export interface LoanTax {
  /** IVA rate as a fraction, e.g. "0.16". */
  readonly rate: string;
  readonly on: readonly ('interest' | 'fees')[];
  /** french only: level the installment including IVA on interest (rate grossed up by 1 + IVA). */
  readonly includedInInstallment?: boolean;
}

export interface BusinessDays {
  readonly rule: BusinessDayRule;
  /** Holiday calendar: Mexican banking holidays ("mx", default) or none (weekends only). */
  readonly calendar?: 'mx' | 'none';
  /** Extra non-business ISO dates. */
  readonly holidays?: readonly string[];
}

/** Validated loan terms; build with {@link parseLoanTerms}. Optional keys have the defaults shown. */
export interface LoanTerms {
  readonly principal: string;
  /** Nominal annual rate as a fraction: "0.60" is 60%. */
  readonly annualRate: string;
  readonly installments: number;
  readonly frequency: Frequency;
  /** Default "french". */
  readonly method: AmortizationMethod;
  /** Default "period". */
  readonly interestBasis: InterestBasis;
  readonly disbursementDate: string;
  /** Default: one period after disbursement. */
  readonly firstDueDate?: string;
  /** Currency scale, 0..10; default 2. */
  readonly decimals: number;
  /** Default "half-even". */
  readonly rounding: RoundingMode;
  readonly installmentMultipleOf?: string;
  readonly tax?: LoanTax;
  /** Default []. */
  readonly fees: readonly LoanFee[];
  /** Default { principal: 0, interest: 0 }. */
  readonly graceInstallments: { readonly principal: number; readonly interest: number };
  /** Default: no adjustment. */
  readonly businessDays?: BusinessDays;
}
