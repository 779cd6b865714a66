// French amortization (declining balance, level installment), fast path in integer units.
import { roundProductRatio } from '../rounding.ts';
import { roundedLevelPaymentUnits } from './level-payment.ts';
import { checkPrincipalPart, type MethodParts, type UnitsContext } from './method-parts.ts';

/**
 * Level installment rounded to the scale or multiple (solved after the principal grace, over the
 * actual period fractions), interest per period rounded, principal = installment − interest
 * (− its IVA when the installment includes IVA), the last installment takes the balance.
 */
export function frenchParts(ctx: UnitsContext): MethodParts {
  const { rate, fractions, mode, installments: n, gracePrincipal: gp, includedTax } = ctx;
  const principal: number[] = new Array<number>(n);
  const accrued: number[] = new Array<number>(n);
  const grossUp = includedTax ? { num: includedTax.den + includedTax.num, den: includedTax.den } : { num: 1, den: 1 };
  let balance = ctx.financed;
  let level = -1;
  for (let k = 0; k < n; k++) {
    const f = fractions[k]!;
    const interest = roundProductRatio(balance, rate.num, f.num, rate.den * f.den, mode);
    accrued[k] = interest;
    let part: number;
    if (k < gp) part = 0;
    else if (k === n - 1) part = balance;
    else {
      if (level < 0) level = roundedLevelPaymentUnits(balance, rate, fractions, gp, grossUp, ctx.step, ctx.scale, mode);
      const tax = includedTax ? roundProductRatio(interest, includedTax.num, 1, includedTax.den, mode) : 0;
      part = level - interest - tax;
      checkPrincipalPart(ctx, k + 1, part, balance);
    }
    principal[k] = part;
    balance -= part;
  }
  return { principal, accrued };
}
