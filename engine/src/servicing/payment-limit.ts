// The most a payment may be: what the loan still owes on the day, net of its credit balance, plus
// the product's overpayment tolerance. Beyond it the money is not owed and the payment is refused
// (OverpaymentError), so no payment leaves a negative owed amount or a credit balance larger than
// the tolerance behind.
import { InvalidInputError } from '../errors.ts';
import { isOpen, outstandingOf, type Ledger } from './ledger.ts';
import { formatMoney, POW10, scaledOf } from './money.ts';

/** A payment above the most the loan can take on its date; `payoff`, `maximum` and `tolerance` are decimal strings at the currency scale. */
export class OverpaymentError extends InvalidInputError {
  /** What settles the loan on the payment's date, net of its credit balance (on a written-off loan: what is left to recover). */
  readonly payoff: string;
  /** The largest payment the loan takes on that date: the payoff plus the tolerance, less any credit beyond what is owed. */
  readonly maximum: string;
  readonly tolerance: string;
  constructor(path: string, message: string, amounts: { readonly payoff: string; readonly maximum: string; readonly tolerance: string }) {
    super([{ path, message }]);
    this.name = 'OverpaymentError';
    this.payoff = amounts.payoff;
    this.maximum = amounts.maximum;
    this.tolerance = amounts.tolerance;
  }
}

/** The product's overpayment tolerance at the currency scale (cut, never rounded up, to the scale). */
export function overpaymentTolerance(ledger: Pick<Ledger, 'product' | 'decimals'>): bigint {
  const text = ledger.product.overpaymentTolerance;
  if (text === undefined) return 0n;
  const { m, e } = scaledOf(text);
  const s = ledger.decimals;
  const scaled = e <= s ? m * POW10[s - e]! : m / POW10[e - s]!;
  return scaled < 0n ? 0n : scaled;
}

/** What a recovery can still apply on a written-off loan: every open installment in full (what was written off, less what was recovered). */
export function recoverable(ledger: Ledger): bigint {
  let sum = 0n;
  for (const inst of ledger.installments) if (isOpen(inst)) sum += outstandingOf(inst);
  return sum;
}

/**
 * Throws OverpaymentError at `path` when `amount` is more than `owed` (what the loan owes on the
 * day, before its credit balance) plus the tolerance, less the credit balance it already holds.
 */
export function checkPaymentLimit(ledger: Ledger, owed: bigint, amount: bigint, path: string): void {
  const tolerance = overpaymentTolerance(ledger);
  const credit = ledger.credit;
  if (amount + credit <= owed + tolerance) return;
  const s = ledger.decimals;
  const payoff = owed > credit ? owed - credit : 0n;
  const maximum = owed + tolerance > credit ? owed + tolerance - credit : 0n;
  const amounts = { payoff: formatMoney(payoff, s), maximum: formatMoney(maximum, s), tolerance: formatMoney(tolerance, s) };
  const beyond = tolerance > 0n ? ` plus the product's overpayment tolerance of ${amounts.tolerance}` : '';
  throw new OverpaymentError(path, `must not exceed ${amounts.maximum}: what the loan owes on this date is ${amounts.payoff}${beyond}`, amounts);
}
