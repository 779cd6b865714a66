// Adverse-action reasons: the reason codes of the characteristics that cost the applicant the
// most points, measured against the best bin of each characteristic.
import type { ScoredCharacteristic } from './decision.ts';
import { Dec } from '../decimal.ts';

/** At most this many reasons are given (as US adverse-action notices and bureaus do). */
export const MAX_ADVERSE_REASONS = 4;

/**
 * Reason codes ordered by points lost (`maxPoints − points`, largest first; ties in scorecard
 * order), from bins that carry a reason and lost points; each code once, at most four.
 * @example adverseActionReasons([{ name: 'bureau.score', value: '560', bin: 'bureau.score#1', points: '-60', maxPoints: '50', reason: 'BURO_BAJO' }]) // ['BURO_BAJO']
 */
export function adverseActionReasons(scored: readonly ScoredCharacteristic[]): readonly string[] {
  const costly: { reason: string; lost: Dec; order: number }[] = [];
  scored.forEach((c, order) => {
    if (c.reason === undefined || c.points === c.maxPoints) return;
    const lost = new Dec(c.maxPoints).minus(c.points);
    if (lost.gt(0)) costly.push({ reason: c.reason, lost, order });
  });
  costly.sort((a, b) => b.lost.cmp(a.lost) || a.order - b.order);
  const codes: string[] = [];
  for (const c of costly) {
    if (!codes.includes(c.reason)) codes.push(c.reason);
    if (codes.length === MAX_ADVERSE_REASONS) break;
  }
  return Object.freeze(codes);
}
