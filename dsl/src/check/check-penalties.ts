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
    if (amount?.isNegative()) accept(error('invalid-number/late-fee', {}, lateFee.amount.range));
    if (lateFee.amount?.kind === 'NumberLiteral' && lateFee.of) {
      accept(error('fee-base/late-fee', { base: lateFee.of.name }, lateFee.of.range));
    } else if (lateFee.of) {
      checkOption(lateFee.of, ['overdue', 'installment'], 'lateFeeBase', accept);
    }
    const min = literalValue(lateFee.min);
    const max = literalValue(lateFee.max);
    if (min && max && min.gt(max)) accept(error('range-inverted/late-fee', { min: lateFee.min!.value, max: lateFee.max!.value }, lateFee.max!.range));
    const grace = literalValue(lateFee.graceDays);
    if (lateFee.graceDays && (!grace || !grace.isInteger() || grace.isNegative())) {
      accept(error('invalid-number/grace-days', {}, lateFee.graceDays.range));
    }
    if ((lateFee.taxable || taxedOn('penalties')) && !pricing?.iva) {
      accept(error('iva-rate-missing/late-fee', {}, lateFee.range));
    }
  }
  if (moratorium) {
    if (moratorium.rate.kind === 'multiple') {
      const factor = literalValue(moratorium.rate.factor);
      if (moratorium.rate.factor && (!factor || factor.lte(0))) accept(error('invalid-number/moratorium-multiple', {}, moratorium.rate.factor.range));
    } else {
      const rate = literalValue(moratorium.rate.rate);
      if (rate?.isNegative()) accept(error('invalid-number/moratorium-rate', {}, moratorium.rate.rate.range));
    }
    if (moratorium.basis?.name) checkOption(moratorium.basis, BASES, 'basis', accept);
    if ((moratorium.taxable || taxedOn('moratorium')) && !pricing?.iva) {
      accept(error('iva-rate-missing/moratorium', {}, moratorium.range));
    }
  }
  if (lateFee && moratorium) {
    accept(warning('late-fee-with-moratorium', {}, lateFee.range));
  }
}
