// The nominal annual rate of a product for one loan: fixed, or the first rate-table row whose
// cells all match the band, the number of payments and the amount.
import { Dec } from '../decimal.ts';
import type { DecimalString, RateCell, RateKey, RateSpec } from '../ir/product-ir.ts';

/** What a rate table can be keyed by. */
export interface RateQuery {
  readonly band: string | null;
  readonly payments: number;
  readonly amount: DecimalString;
}

function cellMatches(key: RateKey, cell: RateCell, q: RateQuery): boolean {
  if ('band' in cell) return key === 'band' && q.band === cell.band;
  if (key === 'band') return false;
  const value = key === 'payments' ? new Dec(q.payments) : new Dec(q.amount);
  if (cell.min !== undefined && value.lt(cell.min)) return false;
  if (cell.max !== undefined && (cell.maxExclusive === true ? value.gte(cell.max) : value.gt(cell.max))) return false;
  return true;
}

/**
 * The annual rate (a fraction as a decimal string), or undefined when no table row matches.
 * @example selectRate({ kind: 'table', keys: ['band'], rows: [{ cells: [{ band: 'A' }], rate: '0.36' }] }, { band: 'A', payments: 12, amount: '5000' }) // '0.36'
 */
export function selectRate(spec: RateSpec, q: RateQuery): DecimalString | undefined {
  if (spec.kind === 'fixed') return spec.rate;
  for (const row of spec.rows) {
    if (spec.keys.every((key, i) => row.cells[i] !== undefined && cellMatches(key, row.cells[i]!, q))) return row.rate;
  }
  return undefined;
}
