// A principal prepayment re-solves the rest of the schedule (reduce-term: fewer installments of
// at most the same amount; reduce-installment: the same count, a lower installment) with
// generateSchedule, starting at the due date of the installment paid in advance.
import { InvalidInputError } from '../errors.ts';
import { defaultFirstDueDate, nominalDueDates } from '../calendar/frequency.ts';
import { formatIsoDate, toDayNumber } from '../calendar/iso-date.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import { parseLoanTerms } from '../loan-terms/parse-loan-terms.ts';
import { generateSchedule } from '../schedule/generate-schedule.ts';
import type { Schedule } from '../schedule/schedule.ts';
import { segmentAccrual } from './accrual.ts';
import { installmentsOf, replaceInstallments, type Ledger, type WorkInstallment } from './ledger.ts';
import { formatMoney, parseMoney } from './money.ts';

/** The nominal (before business-day moves) due date of installment `k` (0-based) of a segment's terms. */
function nominalDueDate(terms: LoanTerms, k: number): string {
  const disb = toDayNumber(terms.disbursementDate);
  const first = terms.firstDueDate === undefined ? defaultFirstDueDate(disb, terms.frequency) : toDayNumber(terms.firstDueDate);
  return formatIsoDate(nominalDueDates(first, terms.frequency, k + 1)[k]!);
}

/** Terms for `count` installments of `principal` from `start`, first due `firstDue`, under `base`'s pricing. */
export function continuationTerms(base: LoanTerms, principal: bigint, count: number, start: string, firstDue: string): LoanTerms {
  return parseLoanTerms({
    principal: formatMoney(principal, base.decimals),
    annualRate: base.annualRate,
    installments: count,
    frequency: base.frequency,
    method: base.method,
    interestBasis: base.interestBasis,
    disbursementDate: start,
    firstDueDate: firstDue,
    decimals: base.decimals,
    rounding: base.rounding,
    ...(base.installmentMultipleOf !== undefined && count > 1 ? { installmentMultipleOf: base.installmentMultipleOf } : {}),
    ...(base.tax ? { tax: base.tax } : {}),
    fees: base.fees.filter((f) => f.timing === 'per-installment'),
    ...(base.businessDays ? { businessDays: base.businessDays } : {}),
  });
}

function tryTerms(base: LoanTerms, principal: bigint, count: number, start: string, firstDue: string): { terms: LoanTerms; schedule: Schedule } | null {
  try {
    const terms = continuationTerms(base, principal, count, start, firstDue);
    return { terms, schedule: generateSchedule(terms) };
  } catch (error) {
    if (error instanceof InvalidInputError) return null;
    throw error;
  }
}

/**
 * Replaces the installments after `current` with a schedule of `principal` re-solved by the
 * policy. reduce-term takes the fewest installments whose first installment does not exceed the
 * next scheduled one; the count is searched by bisection. Returns the new installment count, or
 * null when no schedule fits (the caller then keeps the money as credit).
 */
export function reschedule(ledger: Ledger, current: WorkInstallment, principal: bigint, policy: 'reduce-term' | 'reduce-installment'): number | null {
  const index = ledger.installments.indexOf(current);
  const later = ledger.installments.slice(index + 1);
  const next = later[0];
  if (next === undefined) return null;
  const seg = ledger.segments[current.segment]!;
  const k = current.number - ledger.installments.find((i) => i.segment === current.segment)!.number;
  const firstDue = next.segment === current.segment ? nominalDueDate(seg.terms, k + 1) : next.dueDate;
  const solve = (count: number) => tryTerms(seg.terms, principal, count, current.dueDate, firstDue);
  let chosen: { terms: LoanTerms; schedule: Schedule } | null = null;
  if (policy === 'reduce-installment') {
    chosen = solve(later.length);
  } else {
    const target = next.scheduledTotal;
    const fits = (count: number) => {
      const r = solve(count);
      return r !== null && parseMoney(r.schedule.installments[0]!.total, ledger.decimals) <= target ? r : null;
    };
    let lo = 1;
    let hi = later.length;
    chosen = fits(hi);
    if (chosen === null) chosen = solve(hi);
    else {
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        const r = fits(mid);
        if (r) {
          hi = mid;
          chosen = r;
        } else lo = mid + 1;
      }
    }
  }
  if (chosen === null) return null;
  const segment = ledger.segments.push({ terms: chosen.terms, startDay: current.dueDay, accrual: segmentAccrual(chosen.terms, chosen.schedule) }) - 1;
  replaceInstallments(ledger, [...ledger.installments.slice(0, index + 1), ...installmentsOf(ledger, chosen.schedule, segment, current.number + 1)]);
  return chosen.schedule.installments.length;
}
