// The installment of a schedule as a payment capacity is judged: the largest total of all
// installments but the last, which only absorbs rounding (the only one for a single payment).
import { Dec } from '../decimal.ts';
import type { Schedule } from '../schedule/schedule.ts';

/**
 * The regular installment: the level payment for french and flat, the first (largest) for german,
 * the payment after an interest grace when it collects the deferred interest, the single payment
 * of a bullet loan. IVA and per-installment fees included.
 */
export function levelInstallment(schedule: Schedule): Dec {
  const rows = schedule.installments;
  const upTo = rows.length === 1 ? 1 : rows.length - 1;
  let max = new Dec(rows[0]!.total);
  for (let i = 1; i < upTo; i++) {
    const t = new Dec(rows[i]!.total);
    if (t.gt(max)) max = t;
  }
  return max;
}
