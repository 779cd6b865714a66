// Rounding at the engine's named points (interest per period, level installment, tax, fees):
// decimal rounding for the reference path and exact integer-ratio rounding for the fast path.
import { Dec } from './decimal.ts';

/** How a value exactly halfway between two steps is rounded. */
export type RoundingMode = 'half-even' | 'half-up';

/** Rounds to `decimals` places, ties to the even neighbour (banker's rounding). */
export function roundHalfEven(value: Dec, decimals: number): Dec {
  return value.toDecimalPlaces(decimals, Dec.ROUND_HALF_EVEN);
}

/** Rounds to `decimals` places, ties away from zero. */
export function roundHalfUp(value: Dec, decimals: number): Dec {
  return value.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
}

/** Rounds to `decimals` places with the given mode. */
export function roundTo(value: Dec, decimals: number, mode: RoundingMode): Dec {
  return mode === 'half-even' ? roundHalfEven(value, decimals) : roundHalfUp(value, decimals);
}

/**
 * Rounds to the nearest multiple of `step` (e.g. 304.91 → 305 with step 1), ties by `mode`.
 * @example roundToMultiple(new Dec('302.50'), new Dec('5'), 'half-even').toFixed(2) // '300.00'
 */
export function roundToMultiple(value: Dec, step: Dec, mode: RoundingMode): Dec {
  if (step.lte(0)) throw new RangeError('step must be positive');
  return roundTo(value.div(step), 0, mode).times(step);
}

/**
 * Rounds the exact ratio num/den of two non-negative safe integers to an integer, with no
 * floating-point error: the quotient and remainder are corrected to be exact before the tie test.
 */
export function roundRatio(num: number, den: number, mode: RoundingMode): number {
  let q = Math.floor(num / den);
  let rem = num - q * den;
  if (rem < 0) {
    q -= 1;
    rem += den;
  } else if (rem >= den) {
    q += 1;
    rem -= den;
  }
  const twice = rem * 2;
  if (twice > den) return q + 1;
  if (twice < den) return q;
  return mode === 'half-up' ? q + 1 : q % 2 === 0 ? q : q + 1;
}

/** {@link roundRatio} on big integers, for products too large for a safe integer. */
export function roundRatioBig(num: bigint, den: bigint, mode: RoundingMode): bigint {
  const q = num / den;
  const rem = num - q * den;
  const twice = rem * 2n;
  if (twice > den) return q + 1n;
  if (twice < den) return q;
  return mode === 'half-up' ? q + 1n : q % 2n === 0n ? q : q + 1n;
}

/**
 * round(a·b·c / den) for non-negative integers, exact: safe-integer arithmetic when the product
 * fits, big integers otherwise.
 */
export function roundProductRatio(a: number, b: number, c: number, den: number, mode: RoundingMode): number {
  const num = a * b * c;
  if (num <= Number.MAX_SAFE_INTEGER && den <= Number.MAX_SAFE_INTEGER) return roundRatio(num, den, mode);
  return Number(roundRatioBig(BigInt(a) * BigInt(b) * BigInt(c), BigInt(den), mode));
}
