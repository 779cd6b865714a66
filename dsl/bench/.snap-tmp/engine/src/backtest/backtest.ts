// Runs a product over historical applications with known outcomes (a CSV file read through a map)
// and reports what it would have done: approval and bad rates, score separation, expected cost
// under a cost matrix, a table per band, reason frequencies, and every row that could not be read.
import { Dec } from '../decimal.ts';
import { compileDecisionProgram } from '../decision/decision-program.ts';
import { decideWith } from '../decision/decide.ts';
import { InvalidInputError } from '../errors.ts';
import type { IsoDate, ProductIR } from '../ir/product-ir.ts';
import { parseIsoDate } from '../calendar/iso-date.ts';
import type { BacktestDecision, BacktestReport, BandRow, CostMatrix, CostReport, ReasonCount, UnmappableRow } from './backtest-report.ts';
import { defaultDataMap, parseDataMap, type DataMap } from './data-map.ts';
import type { CsvTable } from './parse-csv.ts';
import { rate } from './rate.ts';
import { rowReader } from './read-row.ts';
import { scoreSeparation } from './score-separation.ts';

/** The decision date when neither the options nor the map give one (as for product tests). */
export const DEFAULT_BACKTEST_DATE: IsoDate = '2025-01-01';

export interface BacktestProgress {
  readonly done: number;
  readonly total: number;
}

export interface BacktestOptions {
  /** The map JSON (validated here against the product and the header); absent = defaultDataMap. */
  readonly map?: unknown;
  /** Overrides the map's `cost`; absent with no map cost = no cost section. */
  readonly costMatrix?: CostMatrix;
  /** Decision date of rows without their own; overrides the map's constant. Default 2025-01-01. */
  readonly asOf?: IsoDate;
  /** Called every `progressEvery` rows (default 100) and after the last; the caller throttles output. */
  readonly onProgress?: (progress: BacktestProgress) => void;
  readonly progressEvery?: number;
}

function costReport(matrix: CostMatrix, decisions: readonly BacktestDecision[], goods: number, bads: number): CostReport {
  const referAs = matrix.referAs ?? 'approve';
  const accepted = (o: BacktestDecision['outcome']) => o === 'approve' || (o === 'refer' && referAs === 'approve');
  const badsApproved = decisions.filter((d) => d.bad && accepted(d.outcome)).length;
  const goodsDeclined = decisions.filter((d) => !d.bad && !accepted(d.outcome)).length;
  const total = new Dec(matrix.badApproved).times(badsApproved).plus(new Dec(matrix.goodDeclined).times(goodsDeclined));
  return Object.freeze({
    badApproved: matrix.badApproved,
    goodDeclined: matrix.goodDeclined,
    referAs,
    badsApproved,
    goodsDeclined,
    total: total.toString(),
    perApplication: decisions.length === 0 ? '0.0000' : total.div(decisions.length).toFixed(4),
    declineAll: new Dec(matrix.goodDeclined).times(goods).toString(),
    approveAll: new Dec(matrix.badApproved).times(bads).toString(),
  });
}

function bandTable(ir: ProductIR, decisions: readonly BacktestDecision[]): BandRow[] {
  const order = [...(ir.scorecard?.bands ?? []).map((b) => b.name), 'none'];
  const rows = new Map(order.map((b) => [b, { band: b, count: 0, approved: 0, referred: 0, declined: 0, bads: 0 }]));
  for (const d of decisions) {
    const row = rows.get(d.band ?? 'none')!;
    row.count++;
    if (d.outcome === 'approve') row.approved++;
    else if (d.outcome === 'refer') row.referred++;
    else row.declined++;
    if (d.bad) row.bads++;
  }
  return [...rows.values()].filter((r) => r.count > 0 || r.band !== 'none').map((r) => Object.freeze({ ...r, badRate: rate(r.bads, r.count) }));
}

/**
 * Backtests a product on a parsed CSV (parseCsv): each record is read through the map, decided on
 * its date, and compared with its observed outcome. Rows that cannot be read or decided (a cell
 * that does not convert, an invalid application, a value no bin covers) are counted and listed with
 * their field errors, never fatal. Throws InvalidInputError only for an invalid map or date.
 * Pure: the same product, data and options give the same report (frozen).
 * @example
 * const report = backtest(ir, parseCsv(text), { map, asOf: '2025-01-01' });
 * report.approvalRate // '0.4600'; report.separation?.gini // 0.626
 */
export function backtest(ir: ProductIR, data: CsvTable, options: BacktestOptions = {}): BacktestReport {
  const map: DataMap = options.map === undefined ? defaultDataMap(ir, data.header) : parseDataMap(options.map, ir, data.header);
  const asOf = options.asOf ?? (map.asOf?.kind === 'constant' ? map.asOf.date : DEFAULT_BACKTEST_DATE);
  if (parseIsoDate(asOf) === undefined) throw new InvalidInputError([{ path: 'asOf', message: `must be a date "YYYY-MM-DD", got ${JSON.stringify(asOf)}` }]);
  const program = compileDecisionProgram(ir);
  const read = rowReader(ir, map, data.header);
  const every = Math.max(1, Math.floor(options.progressEvery ?? 100));
  const total = data.records.length;
  const decisions: BacktestDecision[] = [];
  const unmappable: UnmappableRow[] = [];
  const reasonCounts = new Map<string, number>();
  data.records.forEach((record, i) => {
    const row = read(record, i + 1);
    if (!row.ok) unmappable.push(Object.freeze({ id: row.id, line: record.line, issues: Object.freeze(row.issues) }));
    else {
      try {
        const d = decideWith(program, row.application, row.asOf !== undefined && map.asOf?.kind === 'column' ? row.asOf : asOf);
        decisions.push(Object.freeze({ id: row.id, line: record.line, outcome: d.outcome, score: d.score?.total ?? null, band: d.band, bad: row.bad }));
        for (const code of new Set(d.reasons.map((r) => r.code))) reasonCounts.set(code, (reasonCounts.get(code) ?? 0) + 1);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        unmappable.push(Object.freeze({ id: row.id, line: record.line, issues: error.issues }));
      }
    }
    if (options.onProgress && ((i + 1) % every === 0 || i + 1 === total)) options.onProgress({ done: i + 1, total });
  });

  const count = (pred: (d: BacktestDecision) => boolean) => decisions.filter(pred).length;
  const bads = count((d) => d.bad);
  const goods = decisions.length - bads;
  const outcomes = { approve: count((d) => d.outcome === 'approve'), refer: count((d) => d.outcome === 'refer'), decline: count((d) => d.outcome === 'decline') };
  const badsBy = (o: BacktestDecision['outcome']) => count((d) => d.bad && d.outcome === o);
  // Scores are points (decimal strings); as numbers they only rank applicants for the statistics.
  const scored = decisions.flatMap((d) => (d.score === null ? [] : [{ score: Number(d.score), bad: d.bad }]));
  const matrix = options.costMatrix ?? map.cost;
  const reasons: ReasonCount[] = [...reasonCounts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code, n]) => Object.freeze({ code, count: n, share: rate(n, decisions.length) }));
  return Object.freeze({
    product: Object.freeze({ code: ir.code, name: ir.name, hash: ir.hash }),
    asOf,
    rows: total,
    decided: decisions.length,
    goods,
    bads,
    outcomes: Object.freeze(outcomes),
    approvalRate: rate(outcomes.approve, decisions.length),
    badRate: Object.freeze({
      approved: rate(badsBy('approve'), outcomes.approve),
      referred: rate(badsBy('refer'), outcomes.refer),
      declined: rate(badsBy('decline'), outcomes.decline),
      all: rate(bads, decisions.length),
    }),
    separation: ir.scorecard ? scoreSeparation(scored) : null,
    cost: matrix ? costReport(matrix, decisions, goods, bads) : null,
    bands: Object.freeze(bandTable(ir, decisions)),
    reasons: Object.freeze(reasons),
    unmappable: Object.freeze({ count: unmappable.length, rows: Object.freeze(unmappable) }),
    decisions: Object.freeze(decisions),
  });
}
