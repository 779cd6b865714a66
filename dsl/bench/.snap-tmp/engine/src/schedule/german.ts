// German amortization (declining balance, equal principal), fast path in integer units.
import { roundProductRatio, roundRatio } from '../rounding.ts';
import { checkPrincipalPart, type MethodParts, type UnitsContext } from './method-parts.ts';

/** Equal principal round(P / (n − grace)), interest on the balance, the last takes the balance. */
export function germanParts(ctx: UnitsContext): MethodParts {
  const { rate, fractions, mode, installments: n, gracePrincipal: gp } = ctx;
  const principal: number[] = new Array<number>(n);
  const accrued: number[] = new Array<number>(n);
  const equal = roundRatio(ctx.financed, n - gp, mode);
  let balance = ctx.financed;
  for (let k = 0; k < n; k++) {
    const f = fractions[k]!;
    accrued[k] = roundProductRatio(balance, rate.num, f.num, rate.den * f.den, mode);
    const part = k < gp ? 0 : k === n - 1 ? balance : equal;
    if (k >= gp && k < n - 1) checkPrincipalPart(ctx, k + 1, part, balance);
    principal[k] = part;
    balance -= part;
  }
  return { principal, accrued };
}
