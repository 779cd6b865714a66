// The reserves policy of the IR: table rows as written (days whole, rates as fractions, an
// unqualified row's stage null), or the expected-loss expressions as JSON Logic over the loan facts.
import type { ReservesPolicy } from '@plazo/engine';
import type { ReservesSection } from '../ast/nodes.ts';
import { RESERVE_SCOPE } from '../check/check-reserves.ts';
import { literalText, wholeNumber } from './decimal-text.ts';
import { toJsonLogic } from './expression.ts';

/** The policy of a checked `reserves` section. */
export function compileReserves(reserves: ReservesSection): ReservesPolicy {
  const el = reserves.expectedLoss;
  if (el) return { kind: 'expected-loss', pd: toJsonLogic(el.pd, RESERVE_SCOPE), lgd: toJsonLogic(el.lgd, RESERVE_SCOPE) };
  return {
    kind: 'table',
    rows: reserves.rows.map((row) => ({
      stage: (row.stage?.name ?? null) as 'vigente' | 'vencida' | null,
      fromDays: wholeNumber(row.from),
      toDays: row.open ? null : wholeNumber(row.to ?? row.from),
      rate: literalText(row.rate),
    })),
  };
}
