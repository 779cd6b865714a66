// What the worker does for the simulator, the tests panel, the loan timeline, the backtest view
// and the version comparison: plain functions of a compiled product, so they run in Node tests as
// they run in the worker. Engine errors about the input come back as field issues, never a throw.
import { compileText } from '@plazo/dsl';
import {
  backtest, compareBacktests, decide, generateSchedule, InvalidInputError, parseCsv, productImpact, runProductTests, sampleApplications, simulateLoan, timeline,
  type BacktestProgress, type FieldIssue, type ProductIR,
} from '@plazo/engine';
import type { ProductFile } from '@plazo/dsl';
import { sourceLocations } from '../tests/locations.ts';
import { summarizeTests, type TestsSummary } from '../tests/summary.ts';
import { scenarioPayments, scenarioUntil, type Scenario } from '../timeline/scenarios.ts';
import type { BacktestResult, CompareResult, DecideResult, ProductSource, TimelineResult } from './protocol.ts';

function issuesOf(e: unknown): readonly FieldIssue[] {
  if (e instanceof InvalidInputError) return e.issues;
  return [{ path: '', message: e instanceof Error ? e.message : String(e) }];
}

/** The IR of a product source; field issues when the text does not compile. */
export function productOf(source: ProductSource): { ir: ProductIR } | { issues: readonly FieldIssue[] } {
  if ('ir' in source) return { ir: source.ir };
  const { ir, diagnostics } = compileText(source.text);
  if (ir) return { ir };
  return { issues: diagnostics.filter((d) => d.severity === 'error').map((d) => ({ path: `line ${d.range.start.line + 1}`, message: d.message })) };
}

export function runDecide(ir: ProductIR, application: unknown, asOf: string): DecideResult {
  try {
    return { ok: true, decision: decide(ir, application, asOf) };
  } catch (e) {
    return { ok: false, issues: issuesOf(e) };
  }
}

export function runTests(ir: ProductIR, file: ProductFile): TestsSummary {
  return summarizeTests(runProductTests(ir), sourceLocations(file));
}

/** The applicant's offer opened on `asOf` and followed day by day under the scenario. */
export function runTimeline(ir: ProductIR, application: unknown, asOf: string, scenario: Scenario): TimelineResult {
  const decided = runDecide(ir, application, asOf);
  if (!decided.ok) return decided;
  const decision = decided.decision;
  const offer = decision.offer;
  if (!offer) return { ok: false, decision, issues: [{ path: '', message: `no loan: ${decision.outcome}` }] };
  try {
    const schedule = generateSchedule(offer.terms);
    const payments = scenarioPayments(schedule, scenario);
    const until = scenarioUntil(schedule, scenario);
    const state = simulateLoan(ir, offer.terms, payments, until);
    return {
      ok: true,
      decision,
      payments,
      until,
      days: timeline(state),
      final: { status: state.status, daysPastDue: state.daysPastDue, stage: state.stage, outstanding: state.outstanding.total, paid: state.paid.total, penaltiesCharged: state.penaltiesCharged },
    };
  } catch (e) {
    return { ok: false, decision, issues: issuesOf(e) };
  }
}

/** Backtest of `product` (and of `against`, with the flip matrix) on a CSV text through a map. */
export function runBacktest(
  product: ProductSource,
  csv: string,
  map: unknown,
  against: ProductSource | undefined,
  onProgress: (p: BacktestProgress, phase: 'current' | 'against') => void,
  now: () => number = () => performance.now(),
): BacktestResult {
  const started = now();
  const current = productOf(product);
  if ('issues' in current) return { ok: false, issues: current.issues };
  try {
    const table = parseCsv(csv);
    const report = backtest(current.ir, table, { map, onProgress: (p) => onProgress(p, 'current'), progressEvery: 50 });
    let comparison = null;
    let againstApprovalRate: string | null = null;
    if (against) {
      const other = productOf(against);
      if ('ir' in other) {
        const before = backtest(other.ir, table, { map, onProgress: (p) => onProgress(p, 'against'), progressEvery: 50 });
        comparison = compareBacktests(before, report);
        againstApprovalRate = before.approvalRate;
      }
    }
    const { decisions: _decisions, ...rest } = report;
    return { ok: true, report: rest, comparison, againstApprovalRate, ms: now() - started };
  } catch (e) {
    return { ok: false, issues: issuesOf(e) };
  }
}

/** The engine's impact report of going from `before` to `after` on both versions' test applicants. */
export function runCompare(before: ProductSource, after: ProductSource, disbursementDate: string): CompareResult {
  const a = productOf(before);
  const b = productOf(after);
  if ('issues' in a) return { ok: false, issues: a.issues };
  if ('issues' in b) return { ok: false, issues: b.issues };
  try {
    return { ok: true, comparison: productImpact(a.ir, b.ir, sampleApplications(a.ir, b.ir), { disbursementDate }) };
  } catch (e) {
    return { ok: false, issues: issuesOf(e) };
  }
}
