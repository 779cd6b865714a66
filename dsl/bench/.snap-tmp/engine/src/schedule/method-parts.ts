// What every amortization method computes in the fast path: for each installment, the principal
// part and the interest accrued in its period (before grace deferral), in integer units.
import { InvalidInputError } from '../errors.ts';
import { formatUnits } from './units.ts';
import type { RoundingMode } from '../rounding.ts';
import type { Ratio } from './plan.ts';

export interface UnitsContext {
  /** Financed principal in units. */
  readonly financed: number;
  readonly installments: number;
  readonly gracePrincipal: number;
  readonly mode: RoundingMode;
  readonly scale: number;
  readonly rate: Ratio;
  readonly fractions: readonly Ratio[];
  readonly term: Ratio;
  /** IVA rate when the french level installment includes IVA on interest. */
  readonly includedTax: Ratio | undefined;
  /** Rounding step of the level installment, in units (1 = the currency scale). */
  readonly step: number;
  readonly hasMultiple: boolean;
}

export interface MethodParts {
  readonly principal: number[];
  /** Interest accrued in each period, before grace deferral. */
  readonly accrued: number[];
}

/**
 * Rejects a principal part that would not strictly reduce the balance or would repay it before the
 * last installment: never a negative balance, never a silent zero.
 */
export function checkPrincipalPart(ctx: UnitsContext, k: number, part: number, balance: number): void {
  if (part > 0 && part < balance) return;
  const fmt = (u: number) => formatUnits(u, ctx.scale);
  const path = ctx.hasMultiple ? 'installmentMultipleOf' : 'principal';
  const message =
    part <= 0
      ? `installment ${k} would repay no principal (principal part ${fmt(part)}): the installment does not cover the interest${ctx.hasMultiple ? '; use a smaller multiple' : '; the principal is too small for this many installments'}`
      : `installment ${k} would repay the whole balance ${fmt(balance)} before the last installment${ctx.hasMultiple ? '; use a smaller multiple' : ''}`;
  throw new InvalidInputError([{ path, message }]);
}
