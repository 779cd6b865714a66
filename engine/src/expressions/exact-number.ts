// Exact numbers from decimals: the representation compiled expressions compute with.
import { Dec } from '../decimal.ts';
import type { ExactNumber } from './values.ts';

/** A Dec as an exact number: a JS number when it is a safe integer, else the Dec itself. */
export function exactNumber(d: Dec): ExactNumber {
  return d.isInteger() && d.abs().lte(Number.MAX_SAFE_INTEGER) ? d.toNumber() || 0 : d;
}
