// The late-payment fee (comisión por pago tardío) of one missed installment: fixed or a percent,
// with the product's caps, and never — with its IVA — more than the installment's unpaid amount
// (Banxico 22/2010, the client-protective reading settled in DOMAIN.md).
import { Dec } from '../../decimal.ts';
import type { Penalties } from '../../ir/product-ir.ts';
import { roundTo, type RoundingMode } from '../../rounding.ts';

/** What the fee of one installment is computed from, at the currency scale. */
export interface LateFeeBasis {
  /** The installment's unpaid principal, interest, fees and their IVA when the fee is charged. */
  readonly unpaid: Dec;
  /** The installment's scheduled total (principal, interest, fees and IVA). */
  readonly installmentTotal: Dec;
  /** The IVA rate charged on the fee when the rule is taxable (default none): the cap holds for fee + IVA. */
  readonly taxRate?: Dec;
}

/**
 * The late fee, without IVA: the fixed value, or the percent of the unpaid amount (`overdue`, IVA
 * included) or of the installment, rounded to the scale; then the product's `min` and `max`; then
 * capped so the fee plus its IVA (rounded as charged) never exceeds the unpaid amount of the period,
 * as Banxico Circular 22/2010 requires (so the cap wins over `min`): the largest fee at the scale
 * whose total stays within it.
 * @example lateFeeAmount({ amount: { kind: 'fixed', value: '100' }, graceDays: 3, taxable: true }, { unpaid: new Dec('30'), installmentTotal: new Dec('700'), taxRate: new Dec('0.16') }, 2, 'half-even') // 25.86 (+ IVA 4.14 = 30.00)
 */
export function lateFeeAmount(rule: NonNullable<Penalties['lateFee']>, basis: LateFeeBasis, decimals: number, mode: RoundingMode): Dec {
  const a = rule.amount;
  let fee =
    a.kind === 'fixed'
      ? roundTo(new Dec(a.value), decimals, mode)
      : roundTo((a.of === 'overdue' ? basis.unpaid : basis.installmentTotal).times(a.rate), decimals, mode);
  if (rule.min !== undefined && fee.lt(rule.min)) fee = roundTo(new Dec(rule.min), decimals, mode);
  if (rule.max !== undefined && fee.gt(rule.max)) fee = roundTo(new Dec(rule.max), decimals, mode);
  const rate = rule.taxable && basis.taxRate !== undefined ? basis.taxRate : new Dec(0);
  const withIva = (f: Dec) => f.plus(roundTo(f.times(rate), decimals, mode));
  if (withIva(fee).gt(basis.unpaid)) {
    // From the largest fee below the exact cap unpaid / (1 + rate), up while the next unit still fits.
    const unit = new Dec(1).div(new Dec(10).pow(decimals));
    fee = Dec.max(0, basis.unpaid.div(rate.plus(1)).toDecimalPlaces(decimals, Dec.ROUND_FLOOR));
    while (fee.gt(0) && withIva(fee).gt(basis.unpaid)) fee = fee.minus(unit);
    while (withIva(fee.plus(unit)).lte(basis.unpaid)) fee = fee.plus(unit);
  }
  return Dec.max(0, fee);
}
