// The one decimal constructor of the engine: every money, rate and tax computation goes through it.
// Rounding to the currency scale is always explicit (see rounding.ts); this precision only bounds
// intermediate results.
import { Decimal } from 'decimal.js';

/** Decimal with 40 significant digits, half-even by default, never printing exponents. */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 60,
});

/** An instance of {@link Dec}. */
export type Dec = Decimal;

/** What callers may pass where a decimal is expected: a decimal string or a Dec. */
export type DecimalInput = string | Decimal;
