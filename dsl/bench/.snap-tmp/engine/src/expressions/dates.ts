// Date functions of the language: days and whole years between two ISO dates, parsed from the
// characters directly (they run once per rule per decision). Missing in, missing out; a string
// that is not a real `YYYY-MM-DD` date is a type error.
import { dayNumber, daysInMonth } from '../calendar/iso-date.ts';
import { ExpressionTypeError, describeValue, type ExpressionValue } from './values.ts';

/** A real calendar date `YYYY-MM-DD` packed as the integer yyyymmdd, or −1. */
export function packedDate(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  let packed = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    packed = packed * 10 + c;
  }
  const y = Math.floor(packed / 10_000);
  const m = Math.floor(packed / 100) % 100;
  const d = packed % 100;
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? packed : -1;
}

function packedOf(value: ExpressionValue, op: string): number | null {
  if (value === null) return null;
  const p = typeof value === 'string' ? packedDate(value) : -1;
  if (p < 0) throw new ExpressionTypeError(`\`${op}\` expects dates as "YYYY-MM-DD", got ${describeValue(value)}`);
  return p;
}

/**
 * A date function with a one-entry memo per argument: the same birth date and decision date recur
 * across the rules and decisions of a run, so most calls skip parsing. Pure: a memo, not state.
 */
export function memoizedDateFunction(f: (a: number, b: number) => number, op: string): (from: ExpressionValue, to: ExpressionValue) => number | null {
  let lastA: ExpressionValue = null;
  let packedA = -1;
  let lastB: ExpressionValue = null;
  let packedB = -1;
  return (from, to) => {
    if (from === null || to === null) return null;
    if (from !== lastA) {
      packedA = packedOf(from, op)!;
      lastA = from;
    }
    if (to !== lastB) {
      packedB = packedOf(to, op)!;
      lastB = to;
    }
    return f(packedA, packedB);
  };
}

function dayOf(packed: number): number {
  return dayNumber(Math.floor(packed / 10_000), Math.floor(packed / 100) % 100, packed % 100);
}

/** Days from packed date a to packed date b. */
export function packedDaysBetween(a: number, b: number): number {
  return dayOf(b) - dayOf(a);
}

/** Completed years from packed date a to packed date b; negative, truncated toward zero, when b is earlier. */
export function packedYearsBetween(a: number, b: number): number {
  // On yyyymmdd integers a year is 10000 and month-day comparisons come for free.
  if (b >= a) return Math.floor((b - a) / 10_000);
  const back = Math.floor((a - b) / 10_000);
  return back === 0 ? 0 : -back;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); null when either is missing. */
export function daysBetween(from: ExpressionValue, to: ExpressionValue): number | null {
  const a = packedOf(from, 'days_between');
  const b = packedOf(to, 'days_between');
  return a === null || b === null ? null : packedDaysBetween(a, b);
}

/**
 * Whole years completed from `from` to `to`, as an age is counted (a February 29 anniversary
 * completes on March 1 in common years); negative, truncated toward zero, when `to` is earlier.
 */
export function yearsBetween(from: ExpressionValue, to: ExpressionValue): number | null {
  const a = packedOf(from, 'years_between');
  const b = packedOf(to, 'years_between');
  return a === null || b === null ? null : packedYearsBetween(a, b);
}
