// Fee amounts in integer units for the fast path: fixed, or a percentage of a base rounded to the
// scale and clamped to the fee's min and max.
import { Dec } from '../decimal.ts';
import { roundProductRatio, type RoundingMode } from '../rounding.ts';
import type { LoanFee } from '../loan-terms/loan-terms.ts';
import { toRatio, toUnits } from './units.ts';

/** A fee prepared for unit arithmetic; undefined fields mean "not applicable". */
export interface UnitsFee {
  readonly fee: LoanFee;
  readonly fixed: number | undefined;
  readonly percent: { num: number; den: number } | undefined;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly taxable: boolean;
}

/** Prepares a fee, or returns undefined when an amount does not fit safe integers. */
export function prepareFee(fee: LoanFee, scale: number, taxesFees: boolean): UnitsFee | undefined {
  const fixed = fee.amount === undefined ? undefined : toUnits(fee.amount, scale);
  const percent = fee.percent === undefined ? undefined : toRatio(fee.percent);
  const min = fee.min === undefined ? undefined : toUnits(fee.min, scale);
  const max = fee.max === undefined ? undefined : toUnits(fee.max, scale);
  if ((fee.amount !== undefined && fixed === undefined) || (fee.percent !== undefined && percent === undefined)) return undefined;
  if ((fee.min !== undefined && min === undefined) || (fee.max !== undefined && max === undefined)) return undefined;
  return { fee, fixed, percent, min, max, taxable: taxesFees && fee.taxable !== false };
}

/** The fee on `base` units: fixed, or round(base × percent) clamped to [min, max]. */
export function feeUnits(f: UnitsFee, base: number, mode: RoundingMode): number {
  if (f.fixed !== undefined) return f.fixed;
  let v = roundProductRatio(base, f.percent!.num, 1, f.percent!.den, mode);
  if (f.min !== undefined && v < f.min) v = f.min;
  if (f.max !== undefined && v > f.max) v = f.max;
  return v;
}

/** The fee on `base` in decimals: fixed, or round(base × percent) clamped to [min, max] (the unit path's rule). */
export function feeAmount(f: LoanFee, base: Dec, round: (x: Dec) => Dec): Dec {
  if (f.amount !== undefined) return new Dec(f.amount);
  let v = round(base.times(f.percent!));
  if (f.min !== undefined && v.lt(f.min)) v = new Dec(f.min);
  if (f.max !== undefined && v.gt(f.max)) v = new Dec(f.max);
  return v;
}
