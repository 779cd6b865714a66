// The shape of an impact report: what changes for people when a product moves from one version to
// another (typically the published version to the draft). Decimal strings throughout.
import type { DecisionOutcome } from '../decision/decision.ts';
import type { DecimalString, Frequency, IsoDate } from '../ir/product-ir.ts';

/** An application to replay under both versions: a product test's applicant or a stored decision's. */
export interface ImpactApplication {
  /** The test's name, or the stored decision's id. */
  readonly id: string;
  readonly source: 'sample' | 'decision';
  readonly application: unknown;
  /** The decision date to replay it on (the test's date, or the stored decision's). */
  readonly asOf: IsoDate;
}

/** An outcome, or `invalid` when the version does not accept the application at all. */
export type ImpactOutcome = DecisionOutcome | 'invalid';

/** How one version decides one application: outcome, band and the offer's amount, rate and CAT. */
export interface ImpactSide {
  readonly outcome: ImpactOutcome;
  readonly band: string | null;
  readonly score: DecimalString | null;
  /** The offered amount (a counteroffer's when capped); null without an offer. */
  readonly amount: DecimalString | null;
  /** Nominal annual rate of the offer, a fraction. */
  readonly annualRate: DecimalString | null;
  readonly installment: DecimalString | null;
  /** CAT in percent, one decimal, without IVA. */
  readonly cat: DecimalString | null;
  /** Decline or refer reason codes; for `invalid`, the field paths refused. */
  readonly reasons: readonly string[];
}

export interface ImpactRow {
  readonly id: string;
  readonly source: ImpactApplication['source'];
  readonly asOf: IsoDate;
  readonly before: ImpactSide;
  readonly after: ImpactSide;
  /** The outcome differs (approve / refer / decline / invalid). */
  readonly outcomeChanged: boolean;
  /** after − before of the offered amount, when both versions offer and the amounts differ; else null. */
  readonly amountChange: DecimalString | null;
  /** after − before of the annual rate, when both offer and it differs; else null. */
  readonly rateChange: DecimalString | null;
  /** after − before of the CAT (percentage points), when both offer and it differs; else null. */
  readonly catChange: DecimalString | null;
  /** Anything above, or the band, differs. */
  readonly changed: boolean;
}

/** How many applications go from one outcome to another. */
export interface OutcomeFlip {
  readonly from: ImpactOutcome;
  readonly to: ImpactOutcome;
  readonly count: number;
}

export interface ImpactSummary {
  readonly applications: number;
  /** Applications where anything changes. */
  readonly changed: number;
  /** Applications whose outcome changes, and each direction with its count (largest first). */
  readonly outcomeChanges: number;
  readonly flips: readonly OutcomeFlip[];
  readonly amountChanges: number;
  readonly rateChanges: number;
  readonly catChanges: number;
  /** Sum of the amounts offered under each version. */
  readonly offeredBefore: DecimalString;
  readonly offeredAfter: DecimalString;
}

/** A loan that stands for the product's range: the smallest, a typical and the largest amount at a term. */
export interface RepresentativeLoan {
  readonly amount: 'min' | 'typical' | 'max';
  readonly term: 'shortest' | 'longest';
  readonly request: { readonly amount: DecimalString; readonly payments: number; readonly frequency: Frequency };
  /** The band whose rate applies (the first band) when the rate table is keyed by band; else null. */
  readonly band: string | null;
}

export interface ScheduleSide {
  readonly annualRate: DecimalString;
  readonly installment: DecimalString;
  readonly totalToPay: DecimalString;
  readonly cat: DecimalString;
}

/** One representative loan's schedule under both versions; `error` says why a version cannot build it. */
export interface ScheduleChange {
  readonly loan: RepresentativeLoan;
  readonly before: ScheduleSide | { readonly error: string };
  readonly after: ScheduleSide | { readonly error: string };
  readonly changed: boolean;
}

export interface ImpactReport {
  readonly applications: readonly ImpactRow[];
  readonly summary: ImpactSummary;
  /** The same summary over the product tests' applicants and over the stored decisions. */
  readonly bySource: { readonly sample: ImpactSummary; readonly decision: ImpactSummary };
  readonly schedules: readonly ScheduleChange[];
}
