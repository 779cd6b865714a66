// The decision flip matrix between two versions of a product backtested on the same data: how
// many applications move from each outcome to each other, with bads and example row ids.
import type { DecisionOutcome } from '../decision/decision.ts';
import type { BacktestReport } from './backtest-report.ts';

export const OUTCOMES: readonly DecisionOutcome[] = Object.freeze(['approve', 'refer', 'decline']);

export interface FlipCell {
  readonly count: number;
  /** Of them, observed bads. */
  readonly bads: number;
  /** Up to `examples` row ids, in file order. */
  readonly examples: readonly string[];
}

export interface BacktestComparison {
  readonly before: { readonly code: string; readonly hash: string };
  readonly after: { readonly code: string; readonly hash: string };
  /** `matrix[before][after]`: applications decided `before` by the first and `after` by the second. */
  readonly matrix: Readonly<Record<DecisionOutcome, Readonly<Record<DecisionOutcome, FlipCell>>>>;
  /** Rows decided by both (matched by id). */
  readonly matched: number;
  /** Rows whose outcome differs. */
  readonly changed: number;
  /** Ids decided by only one of the two (unmappable in the other). */
  readonly onlyBefore: readonly string[];
  readonly onlyAfter: readonly string[];
}

/**
 * Compares two backtests of the same data (by row id): the 3×3 flip matrix approve/refer/decline ×
 * approve/refer/decline with counts, bads and up to `examples` (default 5) row ids per cell.
 * @example compareBacktests(current, raisedCutoff).matrix.approve.decline.count // newly declined
 */
export function compareBacktests(before: BacktestReport, after: BacktestReport, options: { readonly examples?: number } = {}): BacktestComparison {
  const limit = options.examples ?? 5;
  const cells = Object.fromEntries(OUTCOMES.map((a) => [a, Object.fromEntries(OUTCOMES.map((b) => [b, { count: 0, bads: 0, examples: [] as string[] }]))])) as Record<
    DecisionOutcome,
    Record<DecisionOutcome, { count: number; bads: number; examples: string[] }>
  >;
  const afterById = new Map(after.decisions.map((d) => [d.id, d] as const));
  const seen = new Set<string>();
  const onlyBefore: string[] = [];
  let matched = 0;
  let changed = 0;
  for (const d of before.decisions) {
    const other = afterById.get(d.id);
    if (!other) {
      onlyBefore.push(d.id);
      continue;
    }
    seen.add(d.id);
    matched++;
    if (other.outcome !== d.outcome) changed++;
    const cell = cells[d.outcome][other.outcome];
    cell.count++;
    if (d.bad) cell.bads++;
    if (cell.examples.length < limit) cell.examples.push(d.id);
  }
  const onlyAfter = after.decisions.filter((d) => !seen.has(d.id)).map((d) => d.id);
  const frozen = Object.fromEntries(
    OUTCOMES.map((a) => [a, Object.freeze(Object.fromEntries(OUTCOMES.map((b) => [b, Object.freeze({ ...cells[a][b], examples: Object.freeze(cells[a][b].examples) })])))]),
  ) as BacktestComparison['matrix'];
  return Object.freeze({
    before: Object.freeze({ code: before.product.code, hash: before.product.hash }),
    after: Object.freeze({ code: after.product.code, hash: after.product.hash }),
    matrix: Object.freeze(frozen),
    matched,
    changed,
    onlyBefore: Object.freeze(onlyBefore),
    onlyAfter: Object.freeze(onlyAfter),
  });
}
