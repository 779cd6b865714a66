// Exact numbers from decimals: the representation compiled expressions compute with.
import { Dec } from '../decimal.ts';
import { MAX_FIXED_SCALE, POW10, fixed } from './fixed.ts';
import type { ExactNumber } from './values.ts';

/** A Dec as an exact number: a JS number when a safe integer, a Fixed when short enough, else the Dec. */
export function exactNumber(d: Dec): ExactNumber {
  if (d.isInteger()) return d.abs().lte(Number.MAX_SAFE_INTEGER) ? d.toNumber() || 0 : d;
  const s = d.decimalPlaces();
  if (s <= MAX_FIXED_SCALE) {
    const m = d.times(POW10[s]!);
    if (m.abs().lte(Number.MAX_SAFE_INTEGER)) return fixed(m.toNumber(), s);
  }
  return d;
}
