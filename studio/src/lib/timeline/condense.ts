// The timeline as the studio lists it: moratorium accrues every day a loan is late, so runs of days
// where only moratorium happened become one row (from, to, total with IVA); every other day stays.
import { Dec, type TimelineDay, type TimelineEvent } from '@plazo/engine';

export type TimelineRow =
  | { readonly kind: 'day'; readonly date: string; readonly events: readonly TimelineEvent[] }
  | { readonly kind: 'accrual'; readonly from: string; readonly to: string; readonly days: number; readonly amount: string; readonly iva: string };

const scale = (s: string) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);

const onlyMoratorium = (d: TimelineDay) => d.events.every((e) => e.type === 'moratorium');

/**
 * @example condenseTimeline(days).filter((r) => r.kind === 'accrual') // [{ from: '2025-04-01', to: '2025-04-29', days: 29, amount: '412.50', iva: '66.00' }]
 */
export function condenseTimeline(days: readonly TimelineDay[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const d of days) {
    if (!onlyMoratorium(d)) {
      rows.push({ kind: 'day', date: d.date, events: d.events });
      continue;
    }
    let amount = new Dec(0);
    let iva = new Dec(0);
    let dp = 0;
    for (const e of d.events) if (e.type === 'moratorium') {
      amount = amount.plus(e.amount);
      iva = iva.plus(e.iva);
      dp = Math.max(dp, scale(e.amount));
    }
    const last = rows[rows.length - 1];
    if (last?.kind === 'accrual') {
      rows[rows.length - 1] = { ...last, to: d.date, days: last.days + 1, amount: amount.plus(last.amount).toFixed(dp), iva: iva.plus(last.iva).toFixed(dp) };
    } else rows.push({ kind: 'accrual', from: d.date, to: d.date, days: 1, amount: amount.toFixed(dp), iva: iva.toFixed(dp) });
  }
  return rows;
}
