// Money inside the servicing fold as scaled big integers: an amount at the currency scale s is
// the integer amount × 10^s, a rate is a mantissa and its own scale. Exact like Decimal (and
// rounded at the same named points with the same modes), without a Decimal per operation.
import type { Dec } from '../decimal.ts';
import type { RoundingMode } from '../rounding.ts';

/** 10^k as bigint for k = 0..80. */
export const POW10: readonly bigint[] = Array.from({ length: 81 }, (_, k) => 10n ** BigInt(k));

const ZEROS: readonly string[] = Array.from({ length: 21 }, (_, k) => (0).toFixed(k));

/** A decimal value m / 10^e, exact. */
export interface Scaled {
  readonly m: bigint;
  readonly e: number;
}

/** The exact value of a plain decimal string ("0.16", "-12.5", "150"). */
export function scaledOf(text: string): Scaled {
  const dot = text.indexOf('.');
  if (dot < 0) return { m: BigInt(text), e: 0 };
  return { m: BigInt(text.slice(0, dot) + text.slice(dot + 1)), e: text.length - dot - 1 };
}

/** The exact value of a Dec (no exponent notation: toFixed without places). */
export function scaledOfDec(x: Dec): Scaled {
  return scaledOf(x.toFixed());
}

/**
 * A decimal string with at most `scale` decimals as an integer at that scale ("706.5", 2 → 70650n).
 * Throws RangeError when the text has more decimals (it would need rounding).
 */
export function parseMoney(text: string, scale: number): bigint {
  const dot = text.indexOf('.');
  if (dot < 0) return BigInt(text) * POW10[scale]!;
  let end = text.length;
  // Zeros beyond the scale are not decimals ("1.500" at 2 is 150).
  while (end - dot - 1 > scale && text.charCodeAt(end - 1) === 48) end--;
  if (end < text.length) return parseMoney(text.slice(0, end === dot + 1 ? dot : end), scale);
  const frac = text.length - dot - 1;
  if (frac > scale) throw new RangeError(`${text} has more than ${scale} decimals`);
  const m = BigInt(text.slice(0, dot) + text.slice(dot + 1));
  return frac === scale ? m : m * POW10[scale - frac]!;
}

/** An integer at `scale` as a decimal string with exactly `scale` decimals, as Decimal#toFixed prints it. */
export function formatMoney(x: bigint, scale: number): string {
  if (x === 0n) return ZEROS[scale] ?? (0).toFixed(scale);
  if (scale === 0) return x.toString();
  const neg = x < 0n;
  let t = (neg ? -x : x).toString();
  if (t.length <= scale) t = '0'.repeat(scale - t.length + 1) + t;
  const cut = t.length - scale;
  const out = `${t.slice(0, cut)}.${t.slice(cut)}`;
  return neg ? `-${out}` : out;
}

/** n / d rounded to an integer by `mode` (half-even, or half-up = ties away from zero); d > 0. */
export function roundDiv(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d;
  const r = n - q * d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < d) return q;
  if (twice > d || mode === 'half-up' || (q & 1n) !== 0n) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/** A decimal value rounded to `scale` places by `mode`, as an integer at that scale. */
export function roundScaled(x: Scaled, scale: number, mode: RoundingMode): bigint {
  return x.e <= scale ? x.m * POW10[scale - x.e]! : roundDiv(x.m, POW10[x.e - scale]!, mode);
}

/** amount (at `scale`) × rate, rounded back to `scale`. */
export function timesRate(amount: bigint, rate: Scaled, mode: RoundingMode): bigint {
  return rate.e === 0 ? amount * rate.m : roundDiv(amount * rate.m, POW10[rate.e]!, mode);
}

/** Compares an integer at `scale` with an exact decimal: −1, 0 or 1. */
export function compareScaled(amount: bigint, scale: number, x: Scaled): number {
  const a = x.e <= scale ? amount : amount * POW10[x.e - scale]!;
  const b = x.e <= scale ? x.m * POW10[scale - x.e]! : x.m;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether n / d is far enough from the nearest rounding tie that a computation carrying a relative
 * error below 2·10^-39 (Decimal at 40 significant digits, a few operations) rounds it the same way
 * as the exact ratio. n ≥ 0, d > 0.
 */
export function clearOfTie(n: bigint, d: bigint): boolean {
  const r = n % d;
  const dist = r * 2n - d;
  return (dist < 0n ? -dist : dist) * POW10[39]! > 4n * n;
}

/** Integers at or above this many digits could have been rounded by Decimal's 40-digit precision. */
export const EXACT_LIMIT: bigint = POW10[37]!;
