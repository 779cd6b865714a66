// Checks on fees: one per name, fixed or percent of a known base, caps in order, a base that makes
// sense for the timing, and an IVA rate when the fee is taxable.
import type { FeeDecl, PricingSection } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { literalValue } from './decimals.ts';
import { error, lineNumber } from './diagnostics.ts';
import { checkOption } from './options.ts';

export const FEE_BASES = ['amount', 'balance', 'principal', 'installment'] as const;

/** Every fee of the product, and duplicate names among them. */
export function checkFees(fees: readonly FeeDecl[], accept: Accept, pricing: PricingSection | undefined): void {
  const seen = new Map<string, FeeDecl>();
  for (const fee of fees) {
    const name = fee.name?.name;
    if (name) {
      const first = seen.get(name);
      if (first) accept(error('duplicate-name/fee', { name, line: lineNumber(first.range) }, fee.name.range));
      else seen.set(name, fee);
    }
    checkFee(fee, accept, pricing);
  }
}

/** One fee. */
export function checkFee(fee: FeeDecl, accept: Accept, pricing: PricingSection | undefined): void {
  const name = fee.name?.name ?? '';
  const amount = literalValue(fee.amount);
  if (amount?.isNegative()) accept(error('invalid-number/fee-negative', { name }, fee.amount.range));
  if (fee.amount?.kind === 'NumberLiteral') {
    if (fee.of) accept(error('fee-base/fixed', { base: fee.of.name }, fee.of.range));
    for (const cap of [fee.min, fee.max]) {
      if (cap) accept(error('invalid-cap', { amount: fee.amount.value }, cap.range));
    }
  } else if (fee.of) {
    checkOption(fee.of, FEE_BASES, 'feeBase', accept);
  }
  const min = literalValue(fee.min);
  const max = literalValue(fee.max);
  for (const [cap, value] of [[fee.min, min], [fee.max, max]] as const) {
    if (cap && value?.isNegative()) accept(error('invalid-number/fee-cap', { cap: cap.value, name }, cap.range));
  }
  if (min && max && min.gt(max)) {
    accept(error('range-inverted/fee', { name, min: fee.min!.value, max: fee.max!.value }, fee.max!.range));
  }
  const base = fee.of?.name;
  if ((base === 'balance' || base === 'installment') && fee.timing && fee.timing.value !== 'per-installment') {
    accept(error('fee-base/timing', { base, timing: fee.timing.value }, fee.timing.range));
  }
  if (fee.taxable === true && !pricing?.iva) {
    accept(error('iva-rate-missing/fee', { name }, fee.name?.range ?? fee.range));
  }
}
