// Exact arithmetic on expression numbers: safe integers stay JS numbers while every result is
// exact, anything else is done in Dec (40 significant digits). Missing in, missing out.
import { Dec } from '../decimal.ts';
import type { RoundingMode } from '../rounding.ts';
import { exactNumber } from './exact-number.ts';
import { ExpressionTypeError, asNumber, isDec, toDec, type ExactNumber, type ExpressionValue } from './values.ts';

function settle(r: number, exact: () => Dec): ExactNumber {
  // A float result of two safe integers is exact whenever it is itself a safe integer.
  return Number.isSafeInteger(r) ? (r === 0 ? 0 : r) : exact();
}

/** a + b; null when either is missing. */
export function add(a: ExpressionValue, b: ExpressionValue): ExactNumber | null {
  const x = asNumber(a, '+');
  const y = asNumber(b, '+');
  if (x === null || y === null) return null;
  if (typeof x === 'number' && typeof y === 'number') return settle(x + y, () => new Dec(x).plus(y));
  return toDec(x).plus(toDec(y));
}

/** a − b; null when either is missing. */
export function subtract(a: ExpressionValue, b: ExpressionValue): ExactNumber | null {
  const x = asNumber(a, '-');
  const y = asNumber(b, '-');
  if (x === null || y === null) return null;
  if (typeof x === 'number' && typeof y === 'number') return settle(x - y, () => new Dec(x).minus(y));
  return toDec(x).minus(toDec(y));
}

/** a × b; null when either is missing. */
export function multiply(a: ExpressionValue, b: ExpressionValue): ExactNumber | null {
  const x = asNumber(a, '*');
  const y = asNumber(b, '*');
  if (x === null || y === null) return null;
  if (typeof x === 'number' && typeof y === 'number') return settle(x * y, () => new Dec(x).times(y));
  return toDec(x).times(toDec(y));
}

/**
 * a ÷ b to 40 significant digits (half-even); null when either is missing or b is zero:
 * a ratio with a zero denominator is unknown, not infinite.
 */
export function divide(a: ExpressionValue, b: ExpressionValue): ExactNumber | null {
  const x = asNumber(a, '/');
  const y = asNumber(b, '/');
  if (x === null || y === null) return null;
  if (typeof x === 'number' && typeof y === 'number') {
    if (y === 0) return null;
    if (x % y === 0) return x / y === 0 ? 0 : x / y;
    return new Dec(x).div(y);
  }
  const dy = toDec(y);
  if (dy.isZero()) return null;
  return toDec(x).div(dy);
}

/** −a; null when missing. */
export function negate(a: ExpressionValue): ExactNumber | null {
  const x = asNumber(a, '-');
  if (x === null) return null;
  return typeof x === 'number' ? (x === 0 ? 0 : -x) : x.neg();
}

/** Compares two exact numbers: −1, 0 or 1. */
export function compareNumbers(x: ExactNumber, y: ExactNumber): number {
  if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
  return isDec(x) ? x.cmp(y) : -(y as Dec).cmp(x);
}

/** The least (or greatest) of the values; null when any is missing. */
export function extreme(values: readonly ExpressionValue[], op: 'min' | 'max'): ExactNumber | null {
  let best: ExactNumber | null = null;
  for (const v of values) {
    const x = asNumber(v, op);
    if (x === null) return null;
    if (best === null || (op === 'min' ? compareNumbers(x, best) < 0 : compareNumbers(x, best) > 0)) best = x;
  }
  return best;
}

/**
 * Rounds to `scale` decimal places with the product's rounding mode: half-even (2.345 → 2.34) or
 * half-up, ties away from zero (2.345 → 2.35, −2.345 → −2.35). Null when either is missing.
 */
export function roundNumber(a: ExpressionValue, scale: ExpressionValue, mode: RoundingMode): ExactNumber | null {
  const x = asNumber(a, 'round');
  const s = asNumber(scale, 'round');
  if (x === null || s === null) return null;
  const places = typeof s === 'number' ? s : s.toNumber();
  if (!Number.isInteger(places) || places < 0 || places > 20) {
    throw new ExpressionTypeError(`\`round\` takes a scale between 0 and 20, got ${String(s)}`);
  }
  if (typeof x === 'number') return x;
  const r = x.toDecimalPlaces(places, mode === 'half-even' ? Dec.ROUND_HALF_EVEN : Dec.ROUND_HALF_UP);
  return exactNumber(r);
}
