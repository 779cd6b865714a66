// The root of the Banxico CAT equation A = Σ B_k (1+i)^(−t_k), searched in binary floating point on
// x = ln(1+i): Newton from a proven lower bound of the root (Jensen), safeguarded by bisection
// once the root is bracketed. Agreement with a decimal evaluation of the equation to 1e-9 is proven
// by cat/cat.test.ts and test/schedule.property.test.ts.

import { CatOutOfRangeError } from '../errors.ts';

/** Why no CAT exists for a set of flows. */
export class NoCatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoCatError';
  }
}

/** Past |x| = 4096 (1 + i = e^±4096) the rate is not a finite float: no CAT. */
const X_LIMIT = 4096;

/**
 * Σ B_k e^(−x t_k) − A. With `step` (t_k = (k+1)·step, periodic payments) the discount factors
 * are successive powers of one exponential. The Newton loop below evaluates the same sums inline
 * together with the derivative (no tuple allocated per step).
 */
function presentValueGap(x: number, net: number, amounts: ArrayLike<number>, times: ArrayLike<number>, step: number | undefined): number {
  let pv = 0;
  if (step !== undefined) {
    const v = Math.exp(-x * step);
    let f = 1;
    for (let k = 0; k < amounts.length; k++) {
      f *= v;
      pv += amounts[k]! * f;
    }
  } else {
    for (let k = 0; k < amounts.length; k++) pv += amounts[k]! * Math.exp(-x * times[k]!);
  }
  return pv - net;
}

/**
 * The effective annual rate i (a fraction, > −1) at which the payments `amounts` at times `times`
 * (years) are worth `net` at t = 0. Amounts are non-negative; any consistent unit works.
 * `step`, when given, says t_k = (k+1)·step (periodic payments) and speeds the search up.
 * Handles CATs from below 0% to above 1,000,000%; throws NoCatError when none exists and
 * CatOutOfRangeError when the root is beyond any finite rate.
 */
export function solveAnnualRate(net: number, amounts: ArrayLike<number>, times: ArrayLike<number>, step?: number): number {
  if (!(net > 0)) throw new NoCatError('the amount received at t = 0 must be positive');
  let total = 0;
  let moment = 0;
  for (let k = 0; k < amounts.length; k++) {
    const a = amounts[k]!;
    total += a;
    moment += a * (step !== undefined ? (k + 1) * step : times[k]!);
  }
  if (!(total > 0)) throw new NoCatError('there are no payments');
  const g0 = total - net;
  if (g0 === 0) return 0;

  // g(x) = Σ B e^(−x t) − A is convex and non-increasing in x. Known signs: g(0) = total − A.
  // Warm start: e^(−x t) is convex in t, so by Jensen Σ B e^(−x t) ≥ total · e^(−x t̄) with
  // t̄ = Σ B t / total, the payments' mean time; at x0 = ln(total / A) / t̄ the right side is A, so
  // g(x0) ≥ 0 and x0 ≤ root. Newton from a point left of the root of a convex decreasing function
  // climbs to it without overshooting; with one payment x0 is the root itself.
  let lo = g0 > 0 ? 0 : -Infinity;
  let hi = g0 > 0 ? Infinity : 0;
  let x = Math.log(total / net) / (moment / total);
  if (!(Number.isFinite(x) && x >= -X_LIMIT && x <= X_LIMIT)) {
    // No usable warm start (payments all at t = 0, or a rate near the limits): bracket by doubling.
    if (g0 > 0) {
      lo = 0;
      hi = 1;
      while (presentValueGap(hi, net, amounts, times, step) > 0) {
        lo = hi;
        hi *= 2;
        if (hi > X_LIMIT) throw new CatOutOfRangeError();
      }
    } else {
      hi = 0;
      lo = -1;
      while (presentValueGap(lo, net, amounts, times, step) < 0) {
        hi = lo;
        lo *= 2;
        if (lo < -X_LIMIT) throw new NoCatError('the payments are worth nothing at any rate');
      }
    }
    x = lo;
  }
  for (let iter = 0; iter < 200; iter++) {
    // g(x) and g'(x) = −Σ t B e^(−x t), the sums of presentValueGap.
    let pv = 0;
    let d = 0;
    if (step !== undefined) {
      const v = Math.exp(-x * step);
      let f = 1;
      for (let k = 0; k < amounts.length; k++) {
        f *= v;
        const a = amounts[k]! * f;
        pv += a;
        d -= (k + 1) * step * a;
      }
    } else {
      for (let k = 0; k < amounts.length; k++) {
        const t = times[k]!;
        const a = amounts[k]! * Math.exp(-x * t);
        pv += a;
        d -= t * a;
      }
    }
    const g = pv - net;
    if (g === 0) break;
    if (g > 0) {
      // The root is beyond x: past the limit there is no finite CAT (g(limit) ≥ g(x) > 0).
      if (x > X_LIMIT) throw new CatOutOfRangeError();
      lo = x;
    } else {
      if (x < -X_LIMIT) throw new NoCatError('the payments are worth nothing at any rate');
      hi = x;
    }
    let next = x - g / d;
    if (!(next > lo && next < hi)) {
      // Bisection once bracketed; doubling outward while a side is still open (float edge cases).
      if (hi === Infinity) next = lo < 1 ? lo + 1 : lo * 2;
      else if (lo === -Infinity) next = hi > -1 ? hi - 1 : hi * 2;
      else next = (lo + hi) / 2;
    }
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x))) {
      x = next;
      break;
    }
    x = next;
  }
  return Math.expm1(x);
}
