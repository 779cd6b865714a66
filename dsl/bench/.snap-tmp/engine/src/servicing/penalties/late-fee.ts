// The late-payment fee (comisión por pago tardío) of one missed installment: fixed or a percent,
// with the product's caps, and never more than the installment's unpaid amount (Banxico 22/2010).
import { Dec } from '../../decimal.ts';
import type { Penalties } from '../../ir/product-ir.ts';
import { roundTo, type RoundingMode } from '../../rounding.ts';

/** What the fee of one installment is computed from, at the currency scale. */
export interface LateFeeBasis {
  /** The installment's unpaid principal, interest, fees and their IVA when the fee is charged. */
  readonly unpaid: Dec;
  /** The installment's scheduled total (principal, interest, fees and IVA). */
  readonly installmentTotal: Dec;
}

/**
 * The late fee, without IVA: the fixed value, or the percent of the unpaid amount (`overdue`) or
 * of the installment, rounded to the scale; then the product's `min` and `max`; then capped at the
 * unpaid amount of the period, as Banxico Circular 22/2010 requires (so the cap wins over `min`).
 * @example lateFeeAmount({ amount: { kind: 'fixed', value: '150' }, graceDays: 3, taxable: true }, { unpaid: new Dec('80'), installmentTotal: new Dec('700') }, 2, 'half-even') // 80
 */
export function lateFeeAmount(rule: NonNullable<Penalties['lateFee']>, basis: LateFeeBasis, decimals: number, mode: RoundingMode): Dec {
  const a = rule.amount;
  let fee =
    a.kind === 'fixed'
      ? roundTo(new Dec(a.value), decimals, mode)
      : roundTo((a.of === 'overdue' ? basis.unpaid : basis.installmentTotal).times(a.rate), decimals, mode);
  if (rule.min !== undefined && fee.lt(rule.min)) fee = roundTo(new Dec(rule.min), decimals, mode);
  if (rule.max !== undefined && fee.gt(rule.max)) fee = roundTo(new Dec(rule.max), decimals, mode);
  return Dec.max(0, Dec.min(fee, basis.unpaid));
}
