// Ratios of counts for reports: exact decimal division, 4 decimals, null for an empty denominator.
import { Dec } from '../decimal.ts';
import type { Rate } from './backtest-report.ts';

/** `part / whole` as a fraction with 4 decimals (half-even), or null when `whole` is 0. */
export function rate(part: number, whole: number): Rate {
  return whole === 0 ? null : new Dec(part).div(whole).toFixed(4);
}
