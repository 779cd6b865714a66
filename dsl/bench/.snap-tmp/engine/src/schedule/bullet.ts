// Bullet: one payment at maturity of the principal and the interest for the whole term.
import { roundProductRatio } from '../rounding.ts';
import type { MethodParts, UnitsContext } from './method-parts.ts';

/** Interest for the single period by the basis (actual days, or one period under `period`). */
export function bulletParts(ctx: UnitsContext): MethodParts {
  const f = ctx.fractions[0]!;
  return {
    principal: [ctx.financed],
    accrued: [roundProductRatio(ctx.financed, ctx.rate.num, f.num, ctx.rate.den * f.den, ctx.mode)],
  };
}
