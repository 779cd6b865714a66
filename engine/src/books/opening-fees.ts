// The opening fees of a loan (comisiones por el otorgamiento: timing deducted, upfront or
// financed), deferred at disbursement and amortised straight line by days to the last due date,
// and what the disbursement moves in cash.
import { Dec } from '../decimal.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import { roundTo } from '../rounding.ts';
import { feeAmount } from '../schedule/fee-amounts.ts';
import { generateSchedule } from '../schedule/generate-schedule.ts';
import { planSchedule } from '../schedule/plan.ts';
import { roundDiv } from '../servicing/money.ts';
import type { BooksMemory } from './books-types.ts';

/**
 * The opening facts of `terms` (BooksMemory.opening): fees without IVA; the IVA on the deducted and
 * upfront ones (collected at signing, as the schedule computes it: per timing on the taxable sum);
 * the cash paid out net of what was collected at signing (disbursed − upfront); the days from
 * disbursement to the last due date (at least 1). The financed fees' IVA is owed with installment 1
 * (the servicing state carries it).
 */
export function openingFacts(terms: LoanTerms): BooksMemory['opening'] {
  const s = terms.decimals;
  const round = (x: Dec) => roundTo(x, s, terms.rounding);
  const principal = new Dec(terms.principal);
  const taxesFees = terms.tax?.on.includes('fees') ?? false;
  let fees = new Dec(0);
  let iva = new Dec(0);
  for (const timing of ['deducted', 'upfront', 'financed'] as const) {
    let taxable = new Dec(0);
    for (const f of terms.fees) {
      if (f.timing !== timing) continue;
      const amount = feeAmount(f, principal, round);
      fees = fees.plus(amount);
      if (taxesFees && f.taxable !== false) taxable = taxable.plus(amount);
    }
    if (timing !== 'financed' && !taxable.isZero()) iva = iva.plus(round(taxable.times(terms.tax!.rate)));
  }
  const schedule = generateSchedule(terms);
  const plan = planSchedule(terms);
  const days = Math.max(1, plan.dueDays[plan.dueDays.length - 1]! - plan.disbursementDay);
  return Object.freeze({ fees: fees.toFixed(s), iva: iva.toFixed(s), cash: new Dec(schedule.disbursed).minus(schedule.upfront).toFixed(s), days });
}

/** Cumulative amortised of `fees` (scaled) after `elapsed` of `days`: round(fees × elapsed / days), all of it from the last due date on. */
export function amortised(fees: bigint, elapsed: number, days: number, mode: LoanTerms['rounding']): bigint {
  if (elapsed <= 0) return 0n;
  if (elapsed >= days) return fees;
  return roundDiv(fees * BigInt(elapsed), BigInt(days), mode);
}
