// Checks on penalties: late fee and moratorium amounts, bases and caps, IVA, and the Banxico rule
// that a late fee and moratorium interest may not be charged for the same period.
import type { PenaltiesSection, PricingSection } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { literalValue } from './decimals.ts';
import { error, warning } from './diagnostics.ts';
import { checkOption } from './options.ts';
import { BASES } from './check-pricing.ts';

/** The penalties section. */
export function checkPenalties(penalties: PenaltiesSection, accept: Accept, pricing: PricingSection | undefined): void {
  const { lateFee, moratorium } = penalties;
  const taxedOn = (target: string) => pricing?.iva?.on.some((t) => t.name === target) ?? false;
  if (lateFee) {
    const amount = literalValue(lateFee.amount);
    if (amount?.isNegative()) accept(error('invalid-number', 'the late fee is negative', lateFee.amount.range));
    if (lateFee.amount?.kind === 'NumberLiteral' && lateFee.of) {
      accept(error('fee-base', `a fixed late fee is not a percent of \`${lateFee.of.name}\``, lateFee.of.range, `drop \`of ${lateFee.of.name}\`, or write a percent such as \`5% of ${lateFee.of.name}\``));
    } else if (lateFee.of) {
      checkOption(lateFee.of, ['overdue', 'installment'], 'late-fee base', accept);
    }
    const min = literalValue(lateFee.min);
    const max = literalValue(lateFee.max);
    if (min && max && min.gt(max)) accept(error('range-inverted', `the late fee has \`min ${lateFee.min!.value}\` above \`max ${lateFee.max!.value}\``, lateFee.max!.range, 'swap them'));
    const grace = literalValue(lateFee.graceDays);
    if (lateFee.graceDays && (!grace || !grace.isInteger() || grace.isNegative())) {
      accept(error('invalid-number', 'grace days must be a whole number', lateFee.graceDays.range));
    }
    if ((lateFee.taxable || taxedOn('penalties')) && !pricing?.iva) {
      accept(error('iva-rate-missing', 'the late fee is marked `iva` but the pricing declares no IVA rate', lateFee.range, 'add `iva 16% on interest, fees` to `pricing`'));
    }
  }
  if (moratorium) {
    if (moratorium.rate.kind === 'multiple') {
      const factor = literalValue(moratorium.rate.factor);
      if (moratorium.rate.factor && (!factor || factor.lte(0))) accept(error('invalid-number', 'the moratorium multiple must be positive', moratorium.rate.factor.range));
    } else {
      const rate = literalValue(moratorium.rate.rate);
      if (rate?.isNegative()) accept(error('invalid-number', 'the moratorium rate is negative', moratorium.rate.rate.range));
    }
    if (moratorium.basis?.name) checkOption(moratorium.basis, BASES, 'interest basis', accept);
    if ((moratorium.taxable || taxedOn('moratorium')) && !pricing?.iva) {
      accept(error('iva-rate-missing', 'moratorium interest is marked `iva` but the pricing declares no IVA rate', moratorium.range, 'add `iva 16% on interest, fees` to `pricing`'));
    }
  }
  if (lateFee && moratorium) {
    accept(
      warning(
        'late-fee-with-moratorium',
        'a late fee together with moratorium interest',
        lateFee.range,
        'Banxico Circular 22/2010: no late fee may be charged for a period in which moratorium interest is charged; keep one of them, or make sure servicing never charges both for the same installment',
      ),
    );
  }
}
