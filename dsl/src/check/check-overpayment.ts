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
    accept(error('invalid-number/overpayment-negative', { tolerance: literal.value }, literal.range));
    return;
  }
  const decimals = pricing?.rounding ? Number(literalValue(pricing.rounding.decimals)?.toFixed() ?? 2) : 2;
  if (Number.isInteger(decimals) && tolerance.decimalPlaces() > decimals) {
    accept(error('invalid-number/overpayment-decimals', { tolerance: literal.value, decimals }, literal.range));
  }
  const smallest = limits?.amount?.range.min;
  const smallestLoan = smallest?.kind === 'NumberLiteral' ? literalValue(smallest) : undefined;
  if (smallestLoan?.gt(0) && tolerance.gte(smallestLoan)) {
    accept(error('overpayment-too-large', { tolerance: literal.value, smallest: smallest!.value }, literal.range));
  }
}
