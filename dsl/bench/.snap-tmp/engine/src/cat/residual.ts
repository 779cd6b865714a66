// The Banxico CAT equation evaluated in decimal arithmetic, to check a float root: the relative gap
// (Σ B_k (1+i)^(−t_k) − A) / A at a given i.
import { Dec } from '../decimal.ts';

export interface DecimalFlow {
  /** Time in years as an exact ratio num/den (k/52, days/365). */
  readonly timeNum: number;
  readonly timeDen: number;
  readonly amount: Dec;
}

/** Relative residual of the CAT equation at annual rate `rate` (a fraction), in decimal. */
export function catResidual(net: Dec, flows: readonly DecimalFlow[], rate: Dec): Dec {
  const base = new Dec(1).plus(rate);
  const ln = base.ln();
  let pv = new Dec(0);
  for (const f of flows) pv = pv.plus(f.amount.div(ln.times(f.timeNum).div(f.timeDen).exp()));
  return pv.minus(net).div(net);
}
