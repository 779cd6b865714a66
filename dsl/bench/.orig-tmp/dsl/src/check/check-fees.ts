// Checks on fees: one per name, fixed or percent of a known base, caps in order, a base that makes
// sense for the timing, and an IVA rate when the fee is taxable.
import type { FeeDecl, PricingSection } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { literalValue } from './decimals.ts';
import { error, lineOf } from './diagnostics.ts';
import { checkOption } from './options.ts';

export const FEE_BASES = ['amount', 'balance', 'principal', 'installment'] as const;

/** Every fee of the product, and duplicate names among them. */
export function checkFees(fees: readonly FeeDecl[], accept: Accept, pricing: PricingSection | undefined): void {
  const seen = new Map<string, FeeDecl>();
  for (const fee of fees) {
    const name = fee.name?.name;
    if (name) {
      const first = seen.get(name);
      if (first) accept(error('duplicate-name', `fee \`${name}\` is declared twice`, fee.name.range, `the first is on ${lineOf(first.range)}; rename or merge them`));
      else seen.set(name, fee);
    }
    checkFee(fee, accept, pricing);
  }
}

/** One fee. */
export function checkFee(fee: FeeDecl, accept: Accept, pricing: PricingSection | undefined): void {
  const name = fee.name?.name ?? '';
  const amount = literalValue(fee.amount);
  if (amount?.isNegative()) accept(error('invalid-number', `fee \`${name}\` is negative`, fee.amount.range));
  if (fee.amount?.kind === 'NumberLiteral') {
    if (fee.of) accept(error('fee-base', `a fixed fee is not a percent of \`${fee.of.name}\``, fee.of.range, `drop \`of ${fee.of.name}\`, or write a percent such as \`2.5% of ${fee.of.name}\``));
    for (const cap of [fee.min, fee.max]) {
      if (cap) accept(error('invalid-cap', `a fixed fee of ${fee.amount.value} cannot have a \`min\` or \`max\``, cap.range, 'caps bound percent fees'));
    }
  } else if (fee.of) {
    checkOption(fee.of, FEE_BASES, 'fee base', accept);
  }
  const min = literalValue(fee.min);
  const max = literalValue(fee.max);
  for (const [cap, value] of [[fee.min, min], [fee.max, max]] as const) {
    if (cap && value?.isNegative()) accept(error('invalid-number', `the cap ${cap.value} of fee \`${name}\` is negative`, cap.range));
  }
  if (min && max && min.gt(max)) {
    accept(error('range-inverted', `fee \`${name}\` has \`min ${fee.min!.value}\` above \`max ${fee.max!.value}\``, fee.max!.range, 'swap them'));
  }
  const base = fee.of?.name;
  if ((base === 'balance' || base === 'installment') && fee.timing && fee.timing.value !== 'per-installment') {
    accept(error('fee-base', `a fee on the \`${base}\` is charged with each installment, not \`${fee.timing.value}\``, fee.timing.range, 'write `per installment`'));
  }
  if (fee.taxable === true && !pricing?.iva) {
    accept(error('iva-rate-missing', `fee \`${name}\` is marked \`iva\` but the pricing declares no IVA rate`, fee.name?.range ?? fee.range, 'add `iva 16% on interest, fees` to `pricing`'));
  }
}
