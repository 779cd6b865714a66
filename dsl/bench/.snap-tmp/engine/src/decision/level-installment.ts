// The installment of a schedule as a payment capacity is judged: the largest total of all
// installments but the last, which only absorbs rounding (the only one for a single payment).
import type { Schedule } from '../schedule/schedule.ts';

/** Whether a > b for non-negative decimal strings at the same scale (canonical, as schedules print them). */
function greater(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}

/**
 * The regular installment as a decimal string: the level payment for french and flat, the first
 * (largest) for german, the payment after an interest grace when it collects the deferred
 * interest, the single payment of a bullet loan. IVA and per-installment fees included.
 */
export function levelInstallment(schedule: Schedule): string {
  const rows = schedule.installments;
  const upTo = rows.length === 1 ? 1 : rows.length - 1;
  let max = rows[0]!.total;
  for (let i = 1; i < upTo; i++) if (greater(rows[i]!.total, max)) max = rows[i]!.total;
  return max;
}
