// A decision's outcome from its reasons — one rule for the engine's own reasons and for those the
// runtime adds from outside the product (a watchlist hit): any decline declines, any other reason
// refers, none approves.
import type { Decision, DecisionOutcome, DecisionReason } from './decision.ts';

export function outcomeOf(reasons: readonly DecisionReason[]): DecisionOutcome {
  if (reasons.some((r) => r.outcome === 'decline')) return 'decline';
  return reasons.length > 0 ? 'refer' : 'approve';
}

/**
 * The decision with more reasons (after the product's), its outcome taken again from all of them;
 * a decision that becomes a decline loses its offer, a referred one keeps it for the reviewer.
 * @example
 * withReasons(d, [{ code: 'PLD_LISTA', outcome: 'refer', source: 'screening' }]).outcome // 'refer' (was 'approve')
 */
export function withReasons(decision: Decision, extra: readonly DecisionReason[]): Decision {
  if (extra.length === 0) return decision;
  const reasons = Object.freeze([...decision.reasons, ...extra.map((r) => Object.freeze({ ...r }))]);
  const outcome = outcomeOf(reasons);
  return Object.freeze({ ...decision, outcome, reasons, offer: outcome === 'decline' ? null : decision.offer });
}
