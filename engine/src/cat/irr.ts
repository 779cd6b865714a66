// The root of the Banxico CAT equation A = Σ B_k (1+i)^(−t_k), searched in binary floating point on
// x = ln(1+i): bracket, then Newton safeguarded by bisection. Agreement with a decimal evaluation
// of the equation to 1e-9 is proven by cat/irr.test.ts.

/** Why no CAT exists for a set of flows. */
export class NoCatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoCatError';
  }
}

/**
 * Σ B_k e^(−x t_k) − A and its derivative in x. With `step` (t_k = k·step, periodic payments) the
 * discount factors are successive powers of one exponential.
 */
function presentValueGap(x: number, net: number, amounts: ArrayLike<number>, times: ArrayLike<number>, step?: number): [number, number] {
  let pv = 0;
  if (step !== undefined) {
    const v = Math.exp(-x * step);
    let f = 1;
    let d = 0;
    for (let k = 0; k < amounts.length; k++) {
      f *= v;
      const a = amounts[k]! * f;
      pv += a;
      d -= (k + 1) * step * a;
    }
    return [pv - net, d];
  }
  let d = 0;
  for (let k = 0; k < amounts.length; k++) {
    const t = times[k]!;
    const v = amounts[k]! * Math.exp(-x * t);
    pv += v;
    d -= t * v;
  }
  return [pv - net, d];
}

/**
 * The effective annual rate i (a fraction, > −1) at which the payments `amounts` at times `times`
 * (years) are worth `net` at t = 0. Amounts are non-negative; any consistent unit works.
 * `step`, when given, says t_k = (k+1)·step (periodic payments) and speeds the search up.
 * Handles CATs from below 0% to above 1,000,000%; throws NoCatError when none exists.
 */
export function solveAnnualRate(net: number, amounts: ArrayLike<number>, times: ArrayLike<number>, step?: number): number {
  if (!(net > 0)) throw new NoCatError('the amount received at t = 0 must be positive');
  let total = 0;
  for (let k = 0; k < amounts.length; k++) total += amounts[k]!;
  if (!(total > 0)) throw new NoCatError('there are no payments');
  let lo: number;
  let hi: number;
  const g0 = total - net;
  if (g0 === 0) return 0;
  if (g0 > 0) {
    lo = 0;
    hi = 1;
    while (presentValueGap(hi, net, amounts, times, step)[0] > 0) {
      lo = hi;
      hi *= 2;
      if (hi > 4096) throw new NoCatError('the CAT is beyond any finite rate');
    }
  } else {
    hi = 0;
    lo = -1;
    while (presentValueGap(lo, net, amounts, times, step)[0] < 0) {
      hi = lo;
      lo *= 2;
      if (lo < -4096) throw new NoCatError('the payments are worth nothing at any rate');
    }
  }
  // The gap is convex and decreasing in x: Newton from the left bracket end never overshoots;
  // bisection guards the float edge cases.
  let x = lo;
  for (let iter = 0; iter < 200; iter++) {
    const [g, d] = presentValueGap(x, net, amounts, times, step);
    if (g === 0) break;
    if (g > 0) lo = x;
    else hi = x;
    let next = x - g / d;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x))) {
      x = next;
      break;
    }
    x = next;
  }
  return Math.expm1(x);
}
