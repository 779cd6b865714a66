// Splits an amount over amounts owed, in order, each taking at most what it owes: the waterfall
// behind every payment allocation. Parts always sum to the amount taken.
import { Dec } from '../../decimal.ts';

/** What the waterfall took from each amount owed, and what is left of the payment. */
export interface WaterfallResult {
  readonly taken: readonly Dec[];
  readonly remaining: Dec;
}

/**
 * Pays `owed` in order from `amount`: each entry takes min(owed, what is left). Both inputs are
 * non-negative amounts at the currency scale, so no rounding happens here.
 * @example waterfall(new Dec('100'), [new Dec('30'), new Dec('90')]) // taken 30, 70; remaining 0
 */
export function waterfall(amount: Dec, owed: readonly Dec[]): WaterfallResult {
  let left = amount;
  const taken: Dec[] = [];
  for (const o of owed) {
    const t = left.gt(0) && o.gt(0) ? Dec.min(left, o) : new Dec(0);
    taken.push(t);
    left = left.minus(t);
  }
  return Object.freeze({ taken: Object.freeze(taken), remaining: left });
}
