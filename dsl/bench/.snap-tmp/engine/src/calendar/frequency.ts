// Payment frequencies: periods per year and the nominal due dates of a schedule.
import { addMonthsClamped, civilDate, dayNumber, daysInMonth, isLastDayOfMonth } from './iso-date.ts';

/** How often installments fall due. */
export type Frequency = 'weekly' | 'biweekly' | 'semimonthly' | 'monthly' | { readonly everyDays: number };

/** Periods per year as an exact ratio num/den: 52, 26, 24, 12, or 365/N. */
export function periodsPerYear(frequency: Frequency): { readonly num: number; readonly den: number } {
  if (typeof frequency === 'object') return { num: 365, den: frequency.everyDays };
  switch (frequency) {
    case 'weekly':
      return { num: 52, den: 1 };
    case 'biweekly':
      return { num: 26, den: 1 };
    case 'semimonthly':
      return { num: 24, den: 1 };
    case 'monthly':
      return { num: 12, den: 1 };
  }
}

/** Whether a day is a semimonthly due day: the 15th or the last day of its month. */
export function isSemimonthlyDay(day: number): boolean {
  return civilDate(day).day === 15 || isLastDayOfMonth(day);
}

/** The first 15th or month end strictly after `day`. */
function nextSemimonthly(day: number): number {
  const { year, month, day: d } = civilDate(day);
  if (d < 15) return dayNumber(year, month, 15);
  const last = daysInMonth(year, month);
  if (d < last) return dayNumber(year, month, last);
  const ny = month === 12 ? year + 1 : year;
  const nm = month === 12 ? 1 : month + 1;
  return dayNumber(ny, nm, 15);
}

/**
 * The default first due date, one period after disbursement: +7, +14, +N days, one month
 * (clamped), or for semimonthly the first 15th or month end at least 15 days after disbursement.
 */
export function defaultFirstDueDate(disbursement: number, frequency: Frequency): number {
  if (typeof frequency === 'object') return disbursement + frequency.everyDays;
  switch (frequency) {
    case 'weekly':
      return disbursement + 7;
    case 'biweekly':
      return disbursement + 14;
    case 'monthly':
      return addMonthsClamped(disbursement, 1, civilDate(disbursement).day);
    case 'semimonthly': {
      const from = disbursement + 15;
      return isSemimonthlyDay(from) ? from : nextSemimonthly(from);
    }
  }
}

/**
 * The `count` nominal due dates (before business-day adjustment) starting at `first`: fixed steps
 * for weekly, biweekly and every N days; monthly anchored on the first due date's day and clamped
 * to month end; semimonthly alternating the 15th and the month's last day.
 */
export function nominalDueDates(first: number, frequency: Frequency, count: number): number[] {
  const dates: number[] = new Array<number>(Math.max(count, 1));
  dates[0] = first;
  if (typeof frequency === 'object' || frequency === 'weekly' || frequency === 'biweekly') {
    const step = typeof frequency === 'object' ? frequency.everyDays : frequency === 'weekly' ? 7 : 14;
    for (let k = 1; k < count; k++) dates[k] = first + k * step;
  } else if (frequency === 'monthly') {
    const anchor = civilDate(first).day;
    for (let k = 1; k < count; k++) dates[k] = addMonthsClamped(first, k, anchor);
  } else {
    let d = first;
    for (let k = 1; k < count; k++) dates[k] = d = nextSemimonthly(d);
  }
  return dates;
}
