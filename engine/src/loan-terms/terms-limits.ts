// The bounds LoanTerms accepts, in one place: parseLoanTerms enforces them, and the language
// checker (@plazo/dsl) holds every product line that flows into LoanTerms to the same ones, so a
// product that checks clean never has a decision fail on them.
import type { AmortizationMethod } from './loan-terms.ts';

/** The numeric bounds of LoanTerms (decimal strings for money and rates, as in the terms). */
export const LOAN_TERMS_LIMITS = Object.freeze({
  /** Largest principal (and installment multiple): 10^12. */
  maxPrincipal: '1000000000000',
  /** Highest nominal annual rate, a fraction: 10 is 1000%. */
  maxAnnualRate: '10',
  /** Most installments. */
  maxInstallments: 1000,
  /** Widest `{ everyDays: N }` period. */
  maxEveryDays: 366,
  /** Currency scale range is 0..maxDecimals. */
  maxDecimals: 10,
  /** Highest IVA rate and highest fee percentage, fractions: 1 is 100%. */
  maxTaxRate: '1',
  maxFeePercent: '1',
});

/** Methods with a level installment: the only ones `installmentMultipleOf` applies to. */
export const LEVEL_INSTALLMENT_METHODS: readonly AmortizationMethod[] = Object.freeze(['french', 'flat']);

/** Methods that can level the installment including IVA (`tax.includedInInstallment`). */
export const TAX_INCLUDED_METHODS: readonly AmortizationMethod[] = Object.freeze(['french']);

/** Bases of a per-installment percent fee the schedule generator computes (`LoanFee.of`). */
export const SCHEDULE_FEE_BASES = Object.freeze(['balance', 'principal'] as const);

/** The installments of a bullet loan: one payment at maturity. */
export const BULLET_INSTALLMENTS = 1;

/** Most grace installments (principal or interest) a loan of `installments` takes: all but the last. */
export function maxGraceInstallments(installments: number): number {
  return installments - 1;
}
