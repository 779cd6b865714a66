// The level (french) installment over periods of possibly unequal length: the payment A that
// brings the balance to zero, A = P·Πf / Σ_k Π_{j>k} f_j with f = 1 + rate·fraction (× (1 + IVA)
// when the installment includes IVA), then rounded to the currency scale or a multiple.
import { Dec } from '../decimal.ts';
import { roundToMultiple, type RoundingMode } from '../rounding.ts';
import type { Ratio } from './plan.ts';

/**
 * The exact-as-decimal level payment in currency units over `fractions`, before rounding. Shared
 * by the decimal reference and the fast path's tie fallback, so both round the same value.
 */
export function levelPaymentDec(principal: Dec, rate: Dec, fractions: readonly Ratio[], grossUp: Dec): Dec {
  let sum = new Dec(0);
  let prod = new Dec(1);
  for (let k = fractions.length - 1; k >= 0; k--) {
    const f = fractions[k]!;
    sum = sum.plus(prod);
    prod = prod.times(new Dec(1).plus(rate.times(f.num).times(grossUp).div(f.den)));
  }
  return principal.times(prod).div(sum);
}

/** The level payment rounded to the multiple `step` (a currency amount, e.g. 0.01 or 5). */
export function roundedLevelPaymentDec(principal: Dec, rate: Dec, fractions: readonly Ratio[], grossUp: Dec, step: Dec, mode: RoundingMode): Dec {
  return roundToMultiple(levelPaymentDec(principal, rate, fractions, grossUp), step, mode);
}

/**
 * The rounded level payment in integer units over `fractions[from..]`, computed in binary floating
 * point and proven equal to the decimal computation: when the float lands within its error bound
 * of a rounding tie it defers to {@link roundedLevelPaymentDec}.
 */
export function roundedLevelPaymentUnits(
  principalUnits: number, rate: Ratio, fractions: readonly Ratio[], from: number, grossUp: Ratio, stepUnits: number, scale: number, mode: RoundingMode,
): number {
  const r = rate.num / rate.den;
  const g = grossUp.num / grossUp.den;
  let sum = 0;
  let prod = 1;
  for (let k = fractions.length - 1; k >= from; k--) {
    const f = fractions[k]!;
    sum += prod;
    prod *= 1 + (r * f.num * g) / f.den;
  }
  const x = (principalUnits * prod) / sum / stepUnits;
  const tol = 1e-9 + x * 1e-11;
  const fl = Math.floor(x);
  const dist = x - fl - 0.5;
  if (Number.isFinite(x) && tol < 0.25 && Math.abs(dist) > tol) return (dist > 0 ? fl + 1 : fl) * stepUnits;
  const unit = new Dec(10).pow(-scale);
  const a = roundedLevelPaymentDec(
    new Dec(principalUnits).times(unit),
    new Dec(rate.num).div(rate.den),
    fractions.slice(from),
    new Dec(grossUp.num).div(grossUp.den),
    new Dec(stepUnits).times(unit),
    mode,
  );
  return a.div(unit).toNumber();
}
