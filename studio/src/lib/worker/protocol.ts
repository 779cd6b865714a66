// Messages between the editor (main thread) and the language worker. Everything is plain JSON:
// dsl diagnostics and ranges, the symbol index, the compiled IR, preview limits and results, test
// reports, decisions, loan timelines, backtests and version comparisons.
import type { Diagnostic } from '@plazo/dsl';
import type { EditResult, FormEdit } from '../forms/edits.ts';
import type { ProductForm } from '../forms/model.ts';
import type { BacktestComparison, BacktestReport, Decision, FieldIssue, ImpactReport, LoanState, ProductIR, TimelineDay } from '@plazo/engine';
import type { SymbolIndex } from '../language/symbols.ts';
import type { SectionSpan } from '@plazo/dsl';
import type { PreviewChoice, PreviewLimits } from '../preview/controls.ts';
import type { PreviewOutcome } from '../preview/preview.ts';
import type { TestsSummary } from '../tests/summary.ts';
import type { Scenario } from '../timeline/scenarios.ts';

/** A product to run a request on: the text (compiled in the worker) or an IR already compiled. */
export type ProductSource = { readonly text: string } | { readonly ir: ProductIR };

export type ToWorker =
  /** The text changed: parse, check, compile (only the latest text is analysed), then run the tests. */
  | { readonly type: 'analyze'; readonly version: number; readonly text: string }
  /** The preview controls changed: recompute the preview on the last compiled product. */
  | { readonly type: 'preview'; readonly choice: PreviewChoice }
  /** Format a text with the dsl formatter. */
  | { readonly type: 'format'; readonly id: number; readonly text: string }
  /** Apply a form edit to a text (the new text, formatted, or why not). */
  | { readonly type: 'formEdit'; readonly id: number; readonly text: string; readonly edit: FormEdit }
  /** Decide one application with the last compiled product. */
  | { readonly type: 'decide'; readonly id: number; readonly application: unknown; readonly asOf: string }
  /** The day-by-day life of the application's loan under a payment scenario (last compiled product). */
  | { readonly type: 'timeline'; readonly id: number; readonly application: unknown; readonly asOf: string; readonly scenario: Scenario }
  /** Backtest `product` on a CSV through a map; compare with `against` when given. Progress messages follow. */
  | { readonly type: 'backtest'; readonly id: number; readonly product: ProductSource; readonly csv: string; readonly map: unknown; readonly against?: ProductSource }
  /** What changes in decisions and in the preview loan between two versions. */
  | { readonly type: 'compare'; readonly id: number; readonly before: ProductSource; readonly after: ProductSource; readonly disbursementDate: string };

export interface AnalysisTimings {
  /** Parse, check and compile, in milliseconds, inside the worker. */
  readonly analyzeMs: number;
  /** Lines analysed. */
  readonly lines: number;
}

export type DecideResult = { readonly ok: true; readonly decision: Decision } | { readonly ok: false; readonly issues: readonly FieldIssue[] };

export interface TimelineSummary {
  readonly status: LoanState['status'];
  readonly daysPastDue: number;
  readonly stage: string | null;
  readonly outstanding: string;
  readonly paid: string;
  readonly penaltiesCharged: LoanState['penaltiesCharged'];
}

export type TimelineResult =
  | { readonly ok: true; readonly decision: Decision; readonly payments: readonly { readonly date: string; readonly amount: string }[]; readonly until: string; readonly days: readonly TimelineDay[]; readonly final: TimelineSummary }
  | { readonly ok: false; readonly issues: readonly FieldIssue[]; readonly decision?: Decision };

export type BacktestResult =
  | { readonly ok: true; readonly report: Omit<BacktestReport, 'decisions'>; readonly comparison: BacktestComparison | null; readonly againstApprovalRate: string | null; readonly ms: number }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

export type CompareResult = { readonly ok: true; readonly comparison: ImpactReport } | { readonly ok: false; readonly issues: readonly FieldIssue[] };

export type FromWorker =
  | {
      readonly type: 'analysis';
      readonly version: number;
      readonly diagnostics: readonly Diagnostic[];
      readonly symbols: SymbolIndex;
      /** The top-level sections (what a role limited to some sections may edit is computed from them). */
      readonly sections: readonly SectionSpan[];
      /** The form view's model of the text (forms/model.ts). */
      readonly form: ProductForm;
      /** Present when the product compiled (no errors). */
      readonly limits?: PreviewLimits;
      /** The compiled product, when it compiled. */
      readonly ir?: ProductIR;
      readonly timings: AnalysisTimings;
    }
  | { readonly type: 'preview'; readonly version: number; readonly outcome: PreviewOutcome; readonly previewMs: number }
  | { readonly type: 'formatted'; readonly id: number; readonly text: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly type: 'tests'; readonly version: number; readonly summary: TestsSummary; readonly ms: number }
  | { readonly type: 'decided'; readonly id: number; readonly result: DecideResult }
  | { readonly type: 'timeline'; readonly id: number; readonly result: TimelineResult }
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number; readonly phase: 'current' | 'against' }
  | { readonly type: 'backtested'; readonly id: number; readonly result: BacktestResult }
  | { readonly type: 'compared'; readonly id: number; readonly result: CompareResult }
  | { readonly type: 'formEdited'; readonly id: number; readonly result: EditResult };
