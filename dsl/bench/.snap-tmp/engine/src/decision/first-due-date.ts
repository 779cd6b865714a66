// The first due date of an offer: one period after disbursement, unless the product's
// first-payment window (days from disbursement) moves it to the nearest day inside the window.
import { defaultFirstDueDate, isSemimonthlyDay } from '../calendar/frequency.ts';
import { formatIsoDate, toDayNumber } from '../calendar/iso-date.ts';
import type { Frequency, IntegerRange, IsoDate } from '../ir/product-ir.ts';

/**
 * The first due date to put in the loan terms: undefined when the default (one period after
 * disbursement) is fine, an ISO date when the window moves it, null when no date fits the window
 * (a semimonthly loan needs a 15th or month end inside it).
 */
export function firstDueDateFor(disbursement: IsoDate, frequency: Frequency, window: IntegerRange | undefined): IsoDate | undefined | null {
  if (window === undefined) return undefined;
  const disb = toDayNumber(disbursement);
  const lo = disb + Math.max(1, window.min);
  const hi = disb + window.max;
  if (lo > hi) return null;
  const fallback = defaultFirstDueDate(disb, frequency);
  if (fallback >= lo && fallback <= hi) return undefined;
  if (frequency === 'semimonthly') {
    for (let d = lo; d <= hi; d++) if (isSemimonthlyDay(d)) return formatIsoDate(d);
    return null;
  }
  return formatIsoDate(fallback < lo ? lo : hi);
}
