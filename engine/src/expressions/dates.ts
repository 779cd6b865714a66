// Date functions of the language: days and whole years between two ISO dates. Missing in,
// missing out; a string that is not a real `YYYY-MM-DD` date is a type error.
import { civilDate, parseIsoDate } from '../calendar/iso-date.ts';
import { ExpressionTypeError, describeValue, type ExpressionValue } from './values.ts';

function dayOf(value: ExpressionValue, op: string): number | null {
  if (value === null) return null;
  const day = typeof value === 'string' ? parseIsoDate(value) : undefined;
  if (day === undefined) throw new ExpressionTypeError(`\`${op}\` expects dates as "YYYY-MM-DD", got ${describeValue(value)}`);
  return day;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); null when either is missing. */
export function daysBetween(from: ExpressionValue, to: ExpressionValue): number | null {
  const a = dayOf(from, 'days_between');
  const b = dayOf(to, 'days_between');
  return a === null || b === null ? null : b - a;
}

/**
 * Whole years completed from `from` to `to`, as an age is counted (a February 29 anniversary
 * completes on March 1 in common years); negative, truncated toward zero, when `to` is earlier.
 */
export function yearsBetween(from: ExpressionValue, to: ExpressionValue): number | null {
  const a = dayOf(from, 'years_between');
  const b = dayOf(to, 'years_between');
  if (a === null || b === null) return null;
  if (b < a) {
    const back = completedYears(b, a);
    return back === 0 ? 0 : -back;
  }
  return completedYears(a, b);
}

function completedYears(from: number, to: number): number {
  const x = civilDate(from);
  const y = civilDate(to);
  const before = y.month < x.month || (y.month === x.month && y.day < x.day);
  return y.year - x.year - (before ? 1 : 0);
}
