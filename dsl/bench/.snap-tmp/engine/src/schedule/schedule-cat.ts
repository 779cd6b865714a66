// The CAT of a schedule from its actual cash flows: the cash lent net of fees at signing (IVA
// excluded) against each installment's principal + interest + fees (IVA excluded).
import { catStrings, fixed } from '../cat/format.ts';
import { solveAnnualRate } from '../cat/irr.ts';
import type { SchedulePlan } from './plan.ts';

export interface ScheduleCat {
  readonly cat: string;
  readonly catExact: string;
  readonly effectivePeriodRate: string;
}

/** CAT of `net` units at t = 0 against `payments` units at the plan's CAT times. */
export function scheduleCat(net: number, payments: readonly number[], plan: SchedulePlan): ScheduleCat {
  const i = solveAnnualRate(net, payments, plan.catTimes, plan.catPeriodic ? plan.periodsPerYear.den / plan.periodsPerYear.num : undefined);
  const { cat, catExact } = catStrings(i);
  const perPeriod = Math.expm1((Math.log1p(i) * plan.periodsPerYear.den) / plan.periodsPerYear.num);
  return { cat, catExact, effectivePeriodRate: fixed(perPeriod * 100, 6) };
}
