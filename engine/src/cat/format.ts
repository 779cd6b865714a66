// How a CAT is printed: percent with one decimal (half-up, as disclosed) and with ten decimals.
import { Dec } from '../decimal.ts';
import type { CatResult } from './solve.ts';

/** Formats an annual rate (a fraction) as the CAT strings. */
export function formatCat(rate: number): CatResult {
  // The root is a binary float already; toFixed prints its exact binary value rounded to 10 places.
  const catExact = fixed(rate * 100, 10);
  return Object.freeze({ cat: new Dec(catExact).toDecimalPlaces(1, Dec.ROUND_HALF_UP).toFixed(1), catExact });
}

/** A float rate printed with `places` decimals, without "-0". */
export function fixed(value: number, places: number): string {
  const s = value.toFixed(places);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}
