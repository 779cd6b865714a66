// Checks on `overpayment tolerance N`: how much a payment may go beyond what settles the loan (the
// engine keeps it as credit balance and refuses more). Money: not negative, no more decimals than
// the product rounds to, and less than the smallest loan — a tolerance is for a few pesos of
// rounding or cash, not for taking a loan's worth of money nobody owes.
import type { LimitsSection, OverpaymentDecl, PricingSection } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { literalValue } from './decimals.ts';
import { error } from './diagnostics.ts';

/** The `overpayment tolerance` line. */
export function checkOverpayment(overpayment: OverpaymentDecl, accept: Accept, limits: LimitsSection | undefined, pricing: PricingSection | undefined): void {
  const literal = overpayment.tolerance;
  const tolerance = literalValue(literal);
  if (!literal || !tolerance) return;
  if (tolerance.isNegative()) {
    accept(error('invalid-number', `the overpayment tolerance ${literal.value} is negative`, literal.range, 'write 0 to refuse any payment above the payoff'));
    return;
  }
  const decimals = pricing?.rounding ? Number(literalValue(pricing.rounding.decimals)?.toFixed() ?? 2) : 2;
  if (Number.isInteger(decimals) && tolerance.decimalPlaces() > decimals) {
    accept(error('invalid-number', `the overpayment tolerance ${literal.value} has more decimal places than the product rounds money to (${decimals})`, literal.range));
  }
  const smallest = limits?.amount?.range.min;
  const smallestLoan = smallest?.kind === 'NumberLiteral' ? literalValue(smallest) : undefined;
  if (smallestLoan?.gt(0) && tolerance.gte(smallestLoan)) {
    accept(
      error(
        'overpayment-too-large',
        `the overpayment tolerance ${literal.value} is not below the smallest loan (${smallest!.value})`,
        literal.range,
        'a tolerance covers a small excess of a payment (rounding, cash); write an amount below the smallest loan',
      ),
    );
  }
}
