// The interest of each period of a flat (tasa global) schedule on decimal amounts: the one rule the
// decimal reference schedule, the payoff quote and the servicing accrual table share (the fast path
// computes the same in integer units, schedule/flat.ts).
import { Dec } from '../decimal.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import { roundTo } from '../rounding.ts';
import type { SchedulePlan } from './plan.ts';

/**
 * Per period (before grace deferral): round(P·r·T/n) each and the rest of round(P·r·T) on the last
 * (Fineract) while that rest is not negative; otherwise the total spread one unit of the scale at a
 * time, the earliest periods taking the extra units. Never negative; sums to round(P·r·T).
 * @example flatPeriodInterests(terms, plan, new Dec('1000.00')) // 0.01 × 10, 0.00 × 2 at 0.01% over 12 months
 */
export function flatPeriodInterests(terms: LoanTerms, plan: SchedulePlan, financed: Dec): Dec[] {
  const s = terms.decimals;
  const round = (x: Dec) => roundTo(x, s, terms.rounding);
  const n = terms.installments;
  const r = new Dec(terms.annualRate);
  const T = plan.term;
  const total = round(financed.times(r).times(T.num).div(T.den));
  const per = round(financed.times(r).times(T.num).div(T.den * n));
  const last = total.minus(per.times(n - 1));
  if (!last.isNegative()) return Array.from({ length: n }, (_, k) => (k === n - 1 ? last : per));
  const unit = new Dec(10).pow(-s);
  const units = total.div(unit);
  const base = units.div(n).floor();
  const extra = units.minus(base.times(n));
  return Array.from({ length: n }, (_, k) => base.plus(extra.gt(k) ? 1 : 0).times(unit));
}
