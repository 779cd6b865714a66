// The payoff quote: what settles a loan on a given date, from its terms and schedule, assuming the
// first `installmentsPaid` installments were paid in full and nothing else was.
import { Dec } from '../decimal.ts';
import { InvalidInputError } from '../errors.ts';
import { days360, parseIsoDate } from '../calendar/iso-date.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import { roundTo } from '../rounding.ts';
import { feeAmount } from '../schedule/fee-amounts.ts';
import { flatPeriodInterests } from '../schedule/flat-interest.ts';
import { generateSchedule } from '../schedule/generate-schedule.ts';
import { planSchedule } from '../schedule/plan.ts';
import type { Schedule } from '../schedule/schedule.ts';

export interface PayoffOptions {
  /** Settlement date, ISO. */
  readonly date: string;
  /** Installments paid in full so far; default: every installment due on or before `date`. */
  readonly installmentsPaid?: number;
  /** The schedule of `terms`, if the caller already has it. */
  readonly schedule?: Schedule;
}

export interface PayoffQuote {
  readonly date: string;
  readonly installmentsPaid: number;
  /** Outstanding principal, overdue principal included. */
  readonly principal: string;
  /** Interest of overdue installments, deferred grace interest and interest accrued to the date. */
  readonly interest: string;
  /** Per-installment fees of overdue installments. */
  readonly fees: string;
  /** IVA on all of the above (and on financed fees while installment 1 is unpaid). */
  readonly tax: string;
  readonly total: string;
}

/**
 * The amount that settles the loan on `date`: outstanding principal + interest accrued to that
 * date by the product's rule + unpaid fees and their IVA. Overdue installments are owed in full
 * (moratorium interest and late fees are contingent and not included); the current period's
 * interest accrues by days (day bases: balance × rate × days / basis; `period` basis and flat:
 * the period's interest pro rata of its actual days — flat: the schedule's interest of the period); future per-installment fees are not owed.
 * @example payoffQuote(terms, { date: '2025-02-01', installmentsPaid: 3 }).total
 */
export function payoffQuote(terms: LoanTerms, options: PayoffOptions): PayoffQuote {
  const schedule = options.schedule ?? generateSchedule(terms);
  const plan = planSchedule(terms);
  const n = terms.installments;
  const day = parseIsoDate(options.date);
  if (day === undefined) throw new InvalidInputError([{ path: 'date', message: `must be a calendar date as "YYYY-MM-DD", got ${JSON.stringify(options.date)}` }]);
  if (day < plan.disbursementDay) throw new InvalidInputError([{ path: 'date', message: `must not be before the disbursement date ${terms.disbursementDate}` }]);
  const due = plan.dueDays.filter((d) => d <= day).length;
  const paid = options.installmentsPaid ?? due;
  if (!Number.isInteger(paid) || paid < 0 || paid > n) throw new InvalidInputError([{ path: 'installmentsPaid', message: `must be a whole number between 0 and ${n}, got ${paid}` }]);

  const s = terms.decimals;
  const round = (x: Dec) => roundTo(x, s, terms.rounding);
  const r = new Dec(terms.annualRate);
  const taxRate = new Dec(terms.tax?.rate ?? '0');
  const taxesInterest = terms.tax?.on.includes('interest') ?? false;
  const taxesFees = terms.tax?.on.includes('fees') ?? false;
  const rows = schedule.installments;
  const balanceAfter = (k: number) => new Dec(k === 0 ? schedule.financed : rows[k - 1]!.balance);

  let principal = new Dec(0);
  let interest = new Dec(0);
  let fees = new Dec(0);
  let tax = new Dec(0);
  // Overdue installments: owed in full.
  for (let k = paid; k < due; k++) {
    const row = rows[k]!;
    principal = principal.plus(row.principal);
    interest = interest.plus(row.interest);
    fees = fees.plus(row.fees);
    tax = tax.plus(row.tax);
  }
  const current = Math.max(paid, due);
  if (current < n) {
    principal = principal.plus(balanceAfter(current));
    const start = current === 0 ? plan.disbursementDay : plan.dueDays[current - 1]!;
    const end = plan.dueDays[current]!;
    // Interest accrued in period k over its whole length, before grace deferral. Flat: the
    // schedule's own interest of the period (spread unit by unit when Fineract's would go negative).
    const flat = terms.method === 'flat' ? flatPeriodInterests(terms, plan, new Dec(schedule.financed)) : null;
    const periodInterest = (k: number): Dec => {
      if (flat !== null) return flat[k]!;
      const f = plan.fractions[k]!;
      return round(balanceAfter(k).times(r).times(f.num).div(f.den));
    };
    let accrued = new Dec(0);
    if (day > start) {
      const elapsed = day - start;
      if (terms.method !== 'flat' && terms.interestBasis !== 'period') {
        const num = terms.interestBasis === '30/360' ? days360(start, day) : elapsed;
        const den = terms.interestBasis === 'actual/365' ? 365 : 360;
        accrued = round(balanceAfter(current).times(r).times(num).div(den));
      } else {
        const full = flat !== null ? flat[current]! : balanceAfter(current).times(r).times(plan.fractions[current]!.num).div(plan.fractions[current]!.den);
        accrued = round(full.times(elapsed).div(end - start));
      }
    }
    // Grace interest deferred from earlier periods and not yet collected.
    const gi = terms.graceInstallments.interest;
    let deferred = new Dec(0);
    if (current <= gi) for (let k = 0; k < current; k++) deferred = deferred.plus(periodInterest(k));
    const owed = accrued.plus(deferred);
    interest = interest.plus(owed);
    if (taxesInterest) tax = tax.plus(round(owed.times(taxRate)));
    if (current === 0 && taxesFees) {
      const financedTaxable = terms.fees
        .filter((f) => f.timing === 'financed' && f.taxable !== false)
        .reduce((acc, f) => acc.plus(feeAmount(f, new Dec(terms.principal), round)), new Dec(0));
      if (!financedTaxable.isZero()) tax = tax.plus(round(financedTaxable.times(taxRate)));
    }
  }
  const str = (x: Dec) => x.toFixed(s);
  return Object.freeze({
    date: options.date,
    installmentsPaid: paid,
    principal: str(principal),
    interest: str(interest),
    fees: str(fees),
    tax: str(tax),
    total: str(principal.plus(interest).plus(fees).plus(tax)),
  });
}
