// Flat amortization (tasa global: interest on the original principal), fast path in integer units.
import { roundProductRatio, roundRatio } from '../rounding.ts';
import { checkPrincipalPart, type MethodParts, type UnitsContext } from './method-parts.ts';

/**
 * Total interest I = round(P·r·T) (T the term in years), per period round(P·r·T/n), the last period
 * takes I minus the others (Fineract) — unless that would be negative: then I is spread unit by
 * unit, the earliest periods taking one unit more. Level installment
 * round((P + I − grace interest) / (n − grace)) to the scale or multiple; principal = installment −
 * interest, the last takes the balance.
 */
export function flatParts(ctx: UnitsContext): MethodParts {
  const { rate, term, mode, installments: n, gracePrincipal: gp, financed } = ctx;
  const total = roundProductRatio(financed, rate.num, term.num, rate.den * term.den, mode);
  const per = roundProductRatio(financed, rate.num, term.num, rate.den * term.den * n, mode);
  const principal: number[] = new Array<number>(n);
  const accrued = flatInterests(total, per, n);
  let graceInterest = 0;
  for (let k = 0; k < gp; k++) graceInterest += accrued[k]!;
  const level = roundRatio(financed + total - graceInterest, (n - gp) * ctx.step, mode) * ctx.step;
  let balance = financed;
  for (let k = 0; k < n; k++) {
    let part: number;
    if (k < gp) part = 0;
    else if (k === n - 1) part = balance;
    else {
      part = level - accrued[k]!;
      checkPrincipalPart(ctx, k + 1, part, balance);
    }
    principal[k] = part;
    balance -= part;
  }
  return { principal, accrued };
}

/**
 * The interest of each period of a flat schedule, in units: `per` each and the rest on the last
 * (Fineract's rounding) while the last stays non-negative; otherwise `total` spread unit by unit,
 * the earliest periods taking the extra units. Never negative; sums to `total`.
 * @example flatInterests(10, 1, 12) // [1 × 10, 0, 0]: 11 × 1 > 10 would leave the last −1
 */
export function flatInterests(total: number, per: number, n: number): number[] {
  const out = new Array<number>(n);
  const last = total - per * (n - 1);
  if (last >= 0) {
    out.fill(per, 0, n - 1);
    out[n - 1] = last;
    return out;
  }
  const q = Math.floor(total / n);
  const extra = total - q * n;
  for (let k = 0; k < n; k++) out[k] = k < extra ? q + 1 : q;
  return out;
}
