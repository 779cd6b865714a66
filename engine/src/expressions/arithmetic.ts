// Exact arithmetic on expression numbers: safe integers as JS numbers and short decimals as Fixed
// while every result stays exact in safe integers, Dec (40 significant digits) otherwise.
// Missing in, missing out.
import { Dec } from '../decimal.ts';
import type { RoundingMode } from '../rounding.ts';
import { roundRatio } from '../rounding.ts';
import { Fixed, MAX_FIXED_SCALE, POW10, fixed } from './fixed.ts';
import { ExpressionTypeError, asNumber, toDec, type ExactNumber, type ExpressionValue } from './values.ts';

const SAFE = Number.MAX_SAFE_INTEGER;

function settle(r: number): number | undefined {
  // A float result of two safe integers is exact whenever it is itself a safe integer.
  return Number.isSafeInteger(r) ? (r === 0 ? 0 : r) : undefined;
}

/** Coefficient and scale of a number or Fixed. */
function coef(x: number | Fixed): number {
  return typeof x === 'number' ? x : x.m;
}
function scale(x: number | Fixed): number {
  return typeof x === 'number' ? 0 : x.s;
}

/** m·10^k if it stays a safe integer, else undefined. */
function lift(m: number, k: number): number | undefined {
  if (k === 0) return m;
  const r = m * POW10[k]!;
  return r >= -SAFE && r <= SAFE ? r : undefined;
}

function isShort(x: ExactNumber): x is number | Fixed {
  return typeof x === 'number' || x instanceof Fixed;
}

function addShort(x: number | Fixed, y: number | Fixed, sign: 1 | -1): ExactNumber | undefined {
  const s = Math.max(scale(x), scale(y));
  const a = lift(coef(x), s - scale(x));
  const b = lift(coef(y), s - scale(y));
  if (a === undefined || b === undefined) return undefined;
  const r = a + sign * b;
  return Number.isSafeInteger(r) ? fixed(r, s) : undefined;
}

/** a + b; null when either is missing. */
export function add(a: ExpressionValue, b: ExpressionValue): ExactNumber | null {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  const x = asNumber(a, '+');
  const y = asNumber(b, '+');
  if (x === null || y === null) return null;
  if (typeof x === 'number' && typeof y === 'number') return settle(x + y) ?? new Dec(x).plus(y);
  return (isShort(x) && isShort(y) ? addShort(x, y, 1) : undefined) ?? toDec(x).plus(toDec(y));
}

/** a − b; null when either is missing. */
export function subtract(a: ExpressionValue, b: ExpressionValue): ExactNumber | null {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  const x = asNumber(a, '-');
  const y = asNumber(b, '-');
  if (x === null || y === null) return null;
  if (typeof x === 'number' && typeof y === 'number') return settle(x - y) ?? new Dec(x).minus(y);
  return (isShort(x) && isShort(y) ? addShort(x, y, -1) : undefined) ?? toDec(x).minus(toDec(y));
}

/** a × b; null when either is missing. */
export function multiply(a: ExpressionValue, b: ExpressionValue): ExactNumber | null {
  // The common shapes first, without the generic checks: integer × integer, integer × Fixed.
  if (typeof a === 'number') {
    if (typeof b === 'number') {
      const r = a * b;
      if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
    } else if (b instanceof Fixed) {
      const r = a * b.m;
      if (Number.isSafeInteger(r)) return fixed(r, b.s);
    }
  } else if (typeof b === 'number' && a instanceof Fixed) {
    const r = a.m * b;
    if (Number.isSafeInteger(r)) return fixed(r, a.s);
  }
  const x = asNumber(a, '*');
  const y = asNumber(b, '*');
  if (x === null || y === null) return null;
  if (typeof x === 'number' && typeof y === 'number') return settle(x * y) ?? new Dec(x).times(y);
  if (isShort(x) && isShort(y)) {
    const r = coef(x) * coef(y);
    const s = scale(x) + scale(y);
    if (Number.isSafeInteger(r) && s <= MAX_FIXED_SCALE) return fixed(r, s);
  }
  return toDec(x).times(toDec(y));
}

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/**
 * x ÷ y for safe integers, y ≠ 0, when the quotient is an integer or a terminating decimal whose
 * scaled coefficient x·10^s stays a safe integer; else undefined (divideShort and Dec decide).
 * For a safe integer n, `n / y` is an integer exactly when y divides n: a quotient off an integer
 * is at least 1/|y| away from it, more than the rounding error |n / y|·2^−53 (|n| < 2^53). So the
 * first scale s whose n = x·10^s divides gives the canonical coefficient (not a multiple of 10).
 */
function divideIntegers(x: number, y: number): ExactNumber | undefined {
  const q = x / y;
  if (Number.isInteger(q)) return q === 0 ? 0 : q;
  for (let s = 1; s <= MAX_FIXED_SCALE; s++) {
    const n = x * POW10[s]!;
    if (n > SAFE || n < -SAFE) return undefined;
    const m = n / y;
    if (Number.isInteger(m)) return new Fixed(m, s);
  }
  return undefined;
}

/** x ÷ y exactly in safe integers when the quotient is a terminating decimal that fits; else undefined. */
function divideShort(x: number | Fixed, y: number | Fixed): ExactNumber | undefined {
  const g = gcd(Math.abs(coef(x)), Math.abs(coef(y)));
  let n = coef(x) / g;
  let d = coef(y) / g;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  // n/d terminates iff d = 2^a·5^b; then n/d = n·2^(k−a)·5^(k−b) / 10^k with k = max(a, b).
  let twos = 0;
  let fives = 0;
  let rest = d;
  while (rest % 2 === 0) {
    rest /= 2;
    twos++;
  }
  while (rest % 5 === 0) {
    rest /= 5;
    fives++;
  }
  if (rest !== 1) return undefined;
  const k = Math.max(twos, fives);
  const m = n * 2 ** (k - twos) * 5 ** (k - fives);
  if (!Number.isSafeInteger(m)) return undefined;
  const s = k + scale(x) - scale(y);
  if (s < 0) {
    const lifted = lift(m, -s);
    return lifted === undefined ? undefined : lifted === 0 ? 0 : lifted;
  }
  return s <= MAX_FIXED_SCALE ? fixed(m, s) : undefined;
}

/**
 * a ÷ b, exact when the quotient is a terminating decimal, else to 40 significant digits
 * (half-even); null when either is missing or b is zero: a ratio with a zero denominator is
 * unknown, not infinite.
 */
export function divide(a: ExpressionValue, b: ExpressionValue): ExactNumber | null {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) return null;
    const q = divideIntegers(a, b);
    if (q !== undefined) return q;
  }
  const x = asNumber(a, '/');
  const y = asNumber(b, '/');
  if (x === null || y === null) return null;
  if (isShort(x) && isShort(y)) {
    if (coef(y) === 0) return null;
    const q = divideShort(x, y);
    if (q !== undefined) return q;
  }
  const dy = toDec(y);
  if (dy.isZero()) return null;
  return toDec(x).div(dy);
}

/** −a; null when missing. */
export function negate(a: ExpressionValue): ExactNumber | null {
  const x = asNumber(a, '-');
  if (x === null) return null;
  if (typeof x === 'number') return x === 0 ? 0 : -x;
  return x instanceof Fixed ? new Fixed(-x.m, x.s) : x.neg();
}

/** Compares two exact numbers: −1, 0 or 1. */
export function compareNumbers(x: ExactNumber, y: ExactNumber): number {
  if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
  if (x instanceof Fixed && y instanceof Fixed && x.s === y.s) return x.m < y.m ? -1 : x.m > y.m ? 1 : 0;
  if (isShort(x) && isShort(y)) {
    const s = Math.max(scale(x), scale(y));
    const a = lift(coef(x), s - scale(x));
    const b = lift(coef(y), s - scale(y));
    if (a !== undefined && b !== undefined) return a < b ? -1 : a > b ? 1 : 0;
  }
  return toDec(x).cmp(toDec(y));
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
export function roundNumber(a: ExpressionValue, places: ExpressionValue, mode: RoundingMode): ExactNumber | null {
  const x = asNumber(a, 'round');
  const p = asNumber(places, 'round');
  if (x === null || p === null) return null;
  const k = typeof p === 'number' ? p : toDec(p).toNumber();
  if (!Number.isInteger(k) || k < 0 || k > 20) {
    throw new ExpressionTypeError(`\`round\` takes a scale between 0 and 20, got ${String(p)}`);
  }
  if (typeof x === 'number') return x;
  if (x instanceof Fixed) {
    if (x.s <= k) return x;
    const r = roundRatio(Math.abs(x.m), POW10[x.s - k]!, mode);
    return fixed(x.m < 0 ? -r : r, k);
  }
  const r = x.toDecimalPlaces(k, mode === 'half-even' ? Dec.ROUND_HALF_EVEN : Dec.ROUND_HALF_UP);
  return r.isInteger() && r.abs().lte(SAFE) ? r.toNumber() || 0 : r;
}
