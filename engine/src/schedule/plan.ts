// The calendar side of a schedule, shared by every method and by both arithmetic paths: due
// dates after the business-day rule, each period's year fraction for interest, CAT times.
import { InvalidInputError } from '../errors.ts';
import { adjustToBusinessDay, holidayCalendar } from '../calendar/business-days.ts';
import { defaultFirstDueDate, nominalDueDates, periodsPerYear } from '../calendar/frequency.ts';
import { days360, formatIsoDate, toDayNumber } from '../calendar/iso-date.ts';
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

/** Year fraction of one period under the terms' interest basis. */
function fraction(terms: LoanTerms, perPeriod: Ratio, from: number, to: number): Ratio {
  switch (terms.interestBasis) {
    case 'period':
      return perPeriod;
    case 'actual/360':
      return { num: to - from, den: 360 };
    case 'actual/365':
      return { num: to - from, den: 365 };
    case '30/360':
      return { num: days360(from, to), den: 360 };
  }
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
  const fractions: Ratio[] = [];
  const perPeriod: Ratio = Object.freeze({ num: ppy.den, den: ppy.num });
  let prev = disb;
  for (const d of due) {
    fractions.push(fraction(terms, perPeriod, prev, d));
    prev = d;
  }
  const last = due[due.length - 1] ?? first;
  const term: Ratio =
    terms.interestBasis === 'period'
      ? { num: terms.installments * ppy.den, den: ppy.num }
      : terms.interestBasis === '30/360'
        ? { num: days360(disb, last), den: 360 }
        : { num: last - disb, den: terms.interestBasis === 'actual/360' ? 360 : 365 };
  const periodic = typeof terms.frequency === 'string' && first === defaultFirst;
  const catTimes = periodic ? due.map((_, k) => ((k + 1) * ppy.den) / ppy.num) : due.map((d) => (d - disb) / 365);
  return Object.freeze({
    disbursementDay: disb,
    dueDays: due,
    dueDates: due.map(formatIsoDate),
    fractions,
    term,
    periodsPerYear: ppy,
    catTimes,
    catPeriodic: periodic,
  });
}
