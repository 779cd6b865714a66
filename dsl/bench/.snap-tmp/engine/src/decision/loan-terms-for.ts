// Turns a product and one loan request into the LoanTerms the schedule generator takes: the
// product's pricing, fees, IVA, rounding, grace and business days, the request's amount and term.
import { InvalidInputError, type FieldIssue } from '../errors.ts';
import type { Fee, IsoDate, ProductIR } from '../ir/product-ir.ts';
import type { LoanFee, LoanTerms } from '../loan-terms/loan-terms.ts';
import { parseLoanTerms } from '../loan-terms/parse-loan-terms.ts';
import type { LoanRequest } from './decision.ts';
import { firstDueDateFor } from './first-due-date.ts';
import { selectRate } from './select-rate.ts';

function loanFee(fee: Fee, i: number, issues: FieldIssue[]): LoanFee {
  const base: { name: string; timing: Fee['timing']; taxable: boolean } = { name: fee.name, timing: fee.timing, taxable: fee.taxable };
  if (fee.amount.kind === 'fixed') return { ...base, amount: fee.amount.value };
  const of = fee.amount.of;
  if (of === 'installment') {
    issues.push({ path: `fees[${i}].amount.of`, message: `a fee as a percent of the installment is not supported by the schedule generator (fee \`${fee.name}\`)` });
  }
  const caps = { ...(fee.min !== undefined ? { min: fee.min } : {}), ...(fee.max !== undefined ? { max: fee.max } : {}) };
  if (fee.timing !== 'per-installment') return { ...base, percent: fee.amount.rate, ...caps };
  return { ...base, percent: fee.amount.rate, of: of === 'balance' ? 'balance' : 'principal', ...caps };
}

/**
 * The loan terms of a request under a product, disbursed on `asOf` (the first due date one period
 * later, or inside the product's first-payment window). The rate comes from `pricing.rate` for
 * the band, payments and amount. Throws InvalidInputError when no rate row matches, no first due
 * date fits the window, or the terms are invalid for the schedule generator.
 * @example loanTermsFor(ir, { amount: '20000', payments: 24, frequency: 'semimonthly' }, 'A', '2025-01-06')
 */
export function loanTermsFor(ir: ProductIR, request: LoanRequest, band: string | null, asOf: IsoDate): LoanTerms {
  const issues: FieldIssue[] = [];
  const p = ir.pricing;
  const annualRate = selectRate(p.rate, { band, payments: request.payments, amount: request.amount });
  if (annualRate === undefined) {
    issues.push({ path: 'pricing.rate', message: `no rate-table row matches band \`${band ?? 'none'}\`, ${request.payments} payments and amount ${request.amount}` });
  }
  const firstDueDate = firstDueDateFor(asOf, request.frequency, ir.limits.firstPaymentDays);
  if (firstDueDate === null) issues.push({ path: 'limits.firstPaymentDays', message: `no ${typeof request.frequency === 'string' ? request.frequency : 'periodic'} due date falls inside the first-payment window` });
  const fees = ir.fees.map((f, i) => loanFee(f, i, issues));
  if (issues.length > 0) throw new InvalidInputError(issues);
  const on = (p.tax?.on ?? []).filter((t): t is 'interest' | 'fees' => t === 'interest' || t === 'fees');
  // A fee marked taxable is taxed even when `iva ... on` does not list fees: each fee says so itself.
  if (p.tax && !on.includes('fees') && fees.some((f) => f.taxable)) on.push('fees');
  const terms: Record<string, unknown> = {
    principal: request.amount,
    annualRate,
    installments: request.payments,
    frequency: request.frequency,
    method: p.method,
    interestBasis: p.basis,
    disbursementDate: asOf,
    decimals: p.rounding.decimals,
    rounding: p.rounding.mode,
    fees,
    graceInstallments: { principal: p.grace.principal, interest: p.grace.interest },
  };
  if (firstDueDate !== undefined) terms['firstDueDate'] = firstDueDate;
  if (p.rounding.installmentMultipleOf !== undefined) terms['installmentMultipleOf'] = p.rounding.installmentMultipleOf;
  if (p.tax && on.length > 0) terms['tax'] = { rate: p.tax.rate, on, ...(p.installmentIncludesTax ? { includedInInstallment: true } : {}) };
  if (p.businessDays !== 'none') terms['businessDays'] = { rule: p.businessDays, calendar: 'mx' };
  return parseLoanTerms(terms);
}
