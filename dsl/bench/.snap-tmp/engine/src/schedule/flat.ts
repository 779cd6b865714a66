// Flat amortization (tasa global: interest on the original principal), fast path in integer units.
import { roundProductRatio, roundRatio } from '../rounding.ts';
import { checkPrincipalPart, type MethodParts, type UnitsContext } from './method-parts.ts';

/**
 * Total interest I = round(P·r·T) (T the term in years), per period round(P·r·T/n), the last period
 * takes I minus the others; level installment round((P + I − grace interest) / (n − grace)) to the
 * scale or multiple; principal = installment − interest, the last takes the balance.
 */
export function flatParts(ctx: UnitsContext): MethodParts {
  const { rate, term, mode, installments: n, gracePrincipal: gp, financed } = ctx;
  const total = roundProductRatio(financed, rate.num, term.num, rate.den * term.den, mode);
  const per = roundProductRatio(financed, rate.num, term.num, rate.den * term.den * n, mode);
  const principal: number[] = new Array<number>(n);
  const accrued: number[] = new Array<number>(n);
  const level = roundRatio(financed + total - gp * per, (n - gp) * ctx.step, mode) * ctx.step;
  let balance = financed;
  for (let k = 0; k < n; k++) {
    accrued[k] = k === n - 1 ? total - per * (n - 1) : per;
    let part: number;
    if (k < gp) part = 0;
    else if (k === n - 1) part = balance;
    else {
      part = level - per;
      checkPrincipalPart(ctx, k + 1, part, balance);
    }
    principal[k] = part;
    balance -= part;
  }
  return { principal, accrued };
}
