// The report of a backtest: a product run over historical applications with known outcomes.
// Counts are integers; rates are exact ratios as decimal strings (fractions, 4 places); costs are
// decimal strings; score separation statistics are plain numbers (see score-separation.ts).
import type { DecisionOutcome } from '../decision/decision.ts';
import type { DecimalString, IsoDate } from '../ir/product-ir.ts';
import type { FieldIssue } from '../errors.ts';
import type { ScoreSeparation } from './score-separation.ts';

/** A ratio of counts as a fraction with 4 decimals ("0.4600"), or null when the denominator is 0. */
export type Rate = DecimalString | null;

/** What one historical application got. */
export interface BacktestDecision {
  /** The map's id column, or the data row number. */
  readonly id: string;
  readonly line: number;
  readonly outcome: DecisionOutcome;
  readonly score: DecimalString | null;
  readonly band: string | null;
  readonly bad: boolean;
}

/** A row that could not be decided: which, and each field error. */
export interface UnmappableRow {
  readonly id: string;
  readonly line: number;
  readonly issues: readonly FieldIssue[];
}

export interface OutcomeCounts {
  readonly approve: number;
  readonly refer: number;
  readonly decline: number;
}

export interface BandRow {
  /** The band name, or `none` for scores below the lowest band (and products without bands). */
  readonly band: string;
  readonly count: number;
  readonly approved: number;
  readonly referred: number;
  readonly declined: number;
  readonly bads: number;
  readonly badRate: Rate;
}

export interface ReasonCount {
  readonly code: string;
  /** Applications where the reason was given (once per application). */
  readonly count: number;
  /** count / applications decided. */
  readonly share: Rate;
}

/** A cost matrix: what approving a bad and declining a good cost; how refers count. */
export interface CostMatrix {
  readonly badApproved: DecimalString;
  readonly goodDeclined: DecimalString;
  /** A referred application counts as approved (default: the reviewer may approve it) or declined. */
  readonly referAs?: 'approve' | 'decline';
}

export interface CostReport {
  readonly badApproved: DecimalString;
  readonly goodDeclined: DecimalString;
  readonly referAs: 'approve' | 'decline';
  /** Bads accepted and goods rejected under the product (refers counted as referAs). */
  readonly badsApproved: number;
  readonly goodsDeclined: number;
  readonly total: DecimalString;
  /** total / applications decided, 4 decimals. */
  readonly perApplication: DecimalString;
  /** Baselines: the cost of declining everyone and of approving everyone. */
  readonly declineAll: DecimalString;
  readonly approveAll: DecimalString;
}

export interface BacktestReport {
  readonly product: { readonly code: string; readonly name: string; readonly hash: string };
  /** The decision date of rows without their own (map `asOf` column). */
  readonly asOf: IsoDate;
  /** Data records in the file, decided ones and unmappable ones. */
  readonly rows: number;
  readonly decided: number;
  readonly goods: number;
  readonly bads: number;
  readonly outcomes: OutcomeCounts;
  readonly approvalRate: Rate;
  /** Share of bads among approved, referred and declined applications, and in all the data. */
  readonly badRate: { readonly approved: Rate; readonly referred: Rate; readonly declined: Rate; readonly all: Rate };
  /** Null when the product has no scorecard, or the scored rows lack goods or bads. */
  readonly separation: ScoreSeparation | null;
  /** Null without a cost matrix. */
  readonly cost: CostReport | null;
  readonly bands: readonly BandRow[];
  /** Most frequent first; ties by code. */
  readonly reasons: readonly ReasonCount[];
  readonly unmappable: { readonly count: number; readonly rows: readonly UnmappableRow[] };
  /** Every decided row, in file order (what compareBacktests matches by id). */
  readonly decisions: readonly BacktestDecision[];
}
