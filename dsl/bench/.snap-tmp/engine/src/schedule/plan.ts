// The calendar side of a schedule, shared by every method and by both arithmetic paths: due
// dates after the business-day rule, each period's year fraction for interest, CAT times.
import { InvalidInputError } from '../errors.ts';
import { adjustToBusinessDay, holidayCalendar } from '../calendar/business-days.ts';
import { defaultFirstDueDate, nominalDueDates, periodsPerYear } from '../calendar/frequency.ts';
import { days360, formatIsoDate, formatIsoDates, toDayNumber } from '../calendar/iso-date.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';

/** An exact non-negative ratio of safe integers. */
export interface Ratio {
  readonly num: number;
  readonly den: number;
}

export interface SchedulePlan {
  readonly disbursementDay: number;
  readonly dueDays: readonly number[];
  readonly dueDates: readonly string[];
  /** Year fraction over which installment k's interest accrues (index k − 1). */
  readonly fractions: readonly Ratio[];
  /** The loan term in years, for flat interest. */
  readonly term: Ratio;
  readonly periodsPerYear: Ratio;
  /** Time in years of each payment for the CAT: k/periodsPerYear or days/365. */
  readonly catTimes: readonly number[];
  /** Whether catTimes are k/periodsPerYear (a regular weekly…monthly schedule) or days/365. */
  readonly catPeriodic: boolean;
}

/**
 * Plans the dates of a schedule. Due dates are generated on the nominal calendar and then moved
 * by the business-day rule, so an adjustment never drifts the following dates.
 */
export function planSchedule(terms: LoanTerms): SchedulePlan {
  const disb = toDayNumber(terms.disbursementDate);
  const ppy = periodsPerYear(terms.frequency);
  const defaultFirst = defaultFirstDueDate(disb, terms.frequency);
  const first = terms.firstDueDate === undefined ? defaultFirst : toDayNumber(terms.firstDueDate);
  let due = nominalDueDates(first, terms.frequency, terms.installments);
  const bd = terms.businessDays;
  if (bd && bd.rule !== 'none') {
    const cal = holidayCalendar(bd.calendar ?? 'mx', bd.holidays ?? []);
    due = due.map((d) => adjustToBusinessDay(d, bd.rule, cal));
    let prev = disb;
    for (const d of due) {
      if (d <= prev) {
        throw new InvalidInputError([
          { path: 'businessDays.rule', message: `moving due dates to the ${bd.rule} business day puts ${formatIsoDate(d)} on or before the previous date; the period is too short for this rule` },
        ]);
      }
      prev = d;
    }
  }
  const n = due.length;
  const perPeriod: Ratio = Object.freeze({ num: ppy.den, den: ppy.num });
  const fractions: Ratio[] = new Array<Ratio>(n);
  const basis = terms.interestBasis;
  let prev = disb;
  for (let k = 0; k < n; k++) {
    const d = due[k]!;
    // Year fraction of the period under the interest basis.
    fractions[k] =
      basis === 'period'
        ? perPeriod
        : basis === '30/360'
          ? { num: days360(prev, d), den: 360 }
          : { num: d - prev, den: basis === 'actual/360' ? 360 : 365 };
    prev = d;
  }
  const last = due[n - 1] ?? first;
  const term: Ratio =
    basis === 'period'
      ? { num: terms.installments * ppy.den, den: ppy.num }
      : basis === '30/360'
        ? { num: days360(disb, last), den: 360 }
        : { num: last - disb, den: basis === 'actual/360' ? 360 : 365 };
  const periodic = typeof terms.frequency === 'string' && first === defaultFirst;
  const catTimes: number[] = new Array<number>(n);
  for (let k = 0; k < n; k++) catTimes[k] = periodic ? ((k + 1) * ppy.den) / ppy.num : (due[k]! - disb) / 365;
  const dueDates = formatIsoDates(due);
  return Object.freeze({
    disbursementDay: disb,
    dueDays: due,
    dueDates,
    fractions,
    term,
    periodsPerYear: ppy,
    catTimes,
    catPeriodic: periodic,
  });
}
