// Counts over replayed applications: who changes, each outcome flip, and the amounts offered.
import { Dec } from '../decimal.ts';
import type { ImpactOutcome, ImpactRow, ImpactSummary, OutcomeFlip } from './impact-report.ts';

const ORDER: readonly ImpactOutcome[] = ['approve', 'refer', 'decline', 'invalid'];

/**
 * @example summarizeImpact(rows).flips // [{ from: 'approve', to: 'decline', count: 3 }]
 */
export function summarizeImpact(rows: readonly ImpactRow[]): ImpactSummary {
  const flips = new Map<string, OutcomeFlip>();
  let offeredBefore = new Dec(0);
  let offeredAfter = new Dec(0);
  let changed = 0;
  let amountChanges = 0;
  let rateChanges = 0;
  let catChanges = 0;
  for (const r of rows) {
    if (r.changed) changed++;
    if (r.amountChange !== null) amountChanges++;
    if (r.rateChange !== null) rateChanges++;
    if (r.catChange !== null) catChanges++;
    if (r.before.amount !== null) offeredBefore = offeredBefore.plus(r.before.amount);
    if (r.after.amount !== null) offeredAfter = offeredAfter.plus(r.after.amount);
    if (!r.outcomeChanged) continue;
    const key = `${r.before.outcome}>${r.after.outcome}`;
    const seen = flips.get(key);
    flips.set(key, { from: r.before.outcome, to: r.after.outcome, count: (seen?.count ?? 0) + 1 });
  }
  const list = [...flips.values()].sort((x, y) => y.count - x.count || ORDER.indexOf(x.from) - ORDER.indexOf(y.from) || ORDER.indexOf(x.to) - ORDER.indexOf(y.to));
  return {
    applications: rows.length,
    changed,
    outcomeChanges: list.reduce((n, f) => n + f.count, 0),
    flips: list,
    amountChanges,
    rateChanges,
    catChanges,
    offeredBefore: offeredBefore.toFixed(),
    offeredAfter: offeredAfter.toFixed(),
  };
}
