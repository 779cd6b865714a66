// Aging buckets of a loan by days past due of its oldest unpaid installment.
import type { AgingBucket } from './loan-state.ts';

/**
 * `current` at 0 days past due, then 1-30, 31-60, 61-90 and 91+ (the 90-day line is where
 * cartera vencida and write-off policies usually start).
 */
export function agingBucket(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return '1-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  return '91+';
}
