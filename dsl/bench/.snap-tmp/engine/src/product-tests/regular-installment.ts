// The installment a product test's `expect installment` means: the level installment as the client
// pays it, i.e. the total that repeats through the schedule, not an irregular first or last one.
import type { Schedule } from '../schedule/schedule.ts';

/**
 * The regular installment of a schedule: the most frequent installment `total` among all but the
 * last (which absorbs rounding); on a tie the earliest. Totals include IVA and per-installment fees,
 * so for a product that levels the installment including IVA this is that level payment; where the
 * first installment also carries the IVA of a financed fee (or grace makes the first ones
 * interest-only) it is the repeated payment after them. For declining (german) schedules every
 * total differs and this is the first, the largest: the decision's `offer.installment`. For a
 * single payment it is that payment.
 * @example regularInstallment(schedule) // '2969.71' for totals 3161.71, 2969.71 × 46, 2969.70
 */
export function regularInstallment(schedule: Schedule): string {
  const rows = schedule.installments;
  const upTo = rows.length === 1 ? 1 : rows.length - 1;
  const counts = new Map<string, number>();
  for (let i = 0; i < upTo; i++) counts.set(rows[i]!.total, (counts.get(rows[i]!.total) ?? 0) + 1);
  let best = rows[0]!.total;
  // Strictly more: on a tie the earlier total keeps its place.
  for (let i = 1; i < upTo; i++) if (counts.get(rows[i]!.total)! > counts.get(best)!) best = rows[i]!.total;
  return best;
}
