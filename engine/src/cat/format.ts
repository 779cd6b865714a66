// How a CAT is printed: percent with one decimal (half-up, as disclosed) and with ten decimals.
import { Dec } from '../decimal.ts';
import { CAT_MAX_PERCENT, CatOutOfRangeError } from '../errors.ts';
import type { CatResult } from './solve.ts';

/** Formats an annual rate (a fraction) as the CAT strings. */
export function formatCat(rate: number): CatResult {
  return Object.freeze(catStrings(rate));
}

const MAX_PERCENT = Number(CAT_MAX_PERCENT);

/**
 * {@link formatCat} without the freeze, for callers that copy the two strings elsewhere. A CAT
 * beyond 10^6 % throws CatOutOfRangeError: every CAT printed is a plain decimal string.
 */
export function catStrings(rate: number): { cat: string; catExact: string } {
  if (!(rate * 100 <= MAX_PERCENT)) throw new CatOutOfRangeError();
  // The root is a binary float already; toFixed prints its exact binary value rounded to 10 places.
  const catExact = fixed(rate * 100, 10);
  return { cat: roundTenthHalfUp(catExact), catExact };
}

/**
 * A decimal string rounded half-up (ties away from zero) to one decimal, exactly as
 * `new Dec(text).toDecimalPlaces(1, Dec.ROUND_HALF_UP).toFixed(1)` (a rounded zero prints "0.0"):
 * digit arithmetic on the plain `-?\d+\.\d{10}` form of {@link fixed}, decimal.js otherwise.
 */
export function roundTenthHalfUp(text: string): string {
  const neg = text.charCodeAt(0) === 45;
  const start = neg ? 1 : 0;
  const dot = text.indexOf('.');
  if (dot <= start || dot - start > 14 || text.length - dot !== 11) return new Dec(text).toDecimalPlaces(1, Dec.ROUND_HALF_UP).toFixed(1);
  // Rounding to tenths half-up depends only on the hundredths digit: ≥ 5 means ≥ 0.05 away.
  const tenths = Number(text.slice(start, dot)) * 10 + (text.charCodeAt(dot + 1) - 48) + (text.charCodeAt(dot + 2) >= 53 ? 1 : 0);
  if (tenths === 0) return '0.0';
  const whole = Math.floor(tenths / 10);
  return `${neg ? '-' : ''}${whole}.${tenths - whole * 10}`;
}

/** A float rate printed with `places` decimals, without "-0". */
export function fixed(value: number, places: number): string {
  const s = value.toFixed(places);
  // Drop the sign of a negative value that prints as zero (/^-0\.?0*$/, without the regex).
  if (s.charCodeAt(0) !== 45 || s.charCodeAt(1) !== 48) return s;
  for (let i = 2; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 48 && !(c === 46 && i === 2)) return s;
  }
  return s.slice(1);
}
