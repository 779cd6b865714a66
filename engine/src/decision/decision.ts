// The decision record: everything decide() concluded and why, as frozen JSON-ready data (decimal
// strings for every amount), carrying the product hash so the decision can be replayed exactly.
import type { JsonOutput } from '../expressions/values.ts';
import type { DecimalString, Frequency, IsoDate, RuleOutcome } from '../ir/product-ir.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import type { ScheduleTotals } from '../schedule/schedule.ts';

export type DecisionOutcome = 'approve' | 'refer' | 'decline';

/** Where a reason comes from: the product's sections, or `screening` (a watchlist hit the runtime adds). */
export type ReasonSource = 'eligibility' | 'scorecard' | 'limits' | 'pricing' | 'offer' | 'screening';

/** A reason the application was declined or referred. */
export interface DecisionReason {
  readonly code: string;
  readonly outcome: RuleOutcome;
  readonly source: ReasonSource;
  readonly message?: string;
}

/** An eligibility rule that fired (its `when` was true). */
export interface FiredRule {
  /** Position in `ir.eligibility`. */
  readonly index: number;
  readonly outcome: RuleOutcome;
  readonly reason: string;
  readonly message?: string;
}

/** One characteristic of the scorecard: its value, the bin it fell in and the points it gave. */
export interface ScoredCharacteristic {
  readonly name: string;
  readonly label?: string;
  readonly value: JsonOutput;
  readonly bin: string;
  readonly points: DecimalString;
  /** The most points any bin of the characteristic gives; `maxPoints − points` is what it cost. */
  readonly maxPoints: DecimalString;
  readonly reason?: string;
}

export interface ScoreRecord {
  readonly base: DecimalString;
  readonly total: DecimalString;
  readonly characteristics: readonly ScoredCharacteristic[];
}

/** What the client asked for, with the frequency resolved (default: the first in `limits`). */
export interface LoanRequest {
  readonly amount: DecimalString;
  readonly payments: number;
  readonly frequency: Frequency;
}

export interface ScheduleSummary {
  readonly installments: number;
  readonly firstDueDate: IsoDate;
  readonly lastDueDate: IsoDate;
  readonly totals: ScheduleTotals;
}

/** The loan offered: the request itself, or a counteroffer for the maximum amount the caps allow. */
export interface OfferRecord {
  readonly kind: 'requested' | 'counteroffer';
  readonly amount: DecimalString;
  readonly requestedAmount: DecimalString;
  readonly payments: number;
  readonly frequency: Frequency;
  /** Nominal annual rate, a fraction. */
  readonly annualRate: DecimalString;
  readonly method: LoanTerms['method'];
  readonly fees: LoanTerms['fees'];
  /** The regular installment: the largest installment total but the last (the only one for one payment). */
  readonly installment: DecimalString;
  /** Cash the client receives. */
  readonly disbursed: DecimalString;
  /** Paid at signing (upfront fees and their IVA). */
  readonly upfront: DecimalString;
  readonly totalToPay: DecimalString;
  /** CAT in percent, one decimal, without IVA ("57.4"). */
  readonly cat: DecimalString;
  readonly schedule: ScheduleSummary;
  /** The exact terms the offer was computed from: open the loan with them. */
  readonly terms: LoanTerms;
}

/** One evaluated rule, derived value, characteristic, cap or check, with what it read and gave. */
export interface TraceEntry {
  readonly step: 'derived' | 'eligibility' | 'characteristic' | 'band' | 'limit' | 'rate' | 'cap' | 'offer';
  /** Which one: `capacity`, `eligibility[0] EDAD`, `bureau.score`, `offer.caps[1]`. */
  readonly id: string;
  /** The variables it read and their values (decimal strings for numbers, null when missing). */
  readonly inputs: Readonly<Record<string, JsonOutput>>;
  readonly result: JsonOutput;
}

export interface Decision {
  readonly product: { readonly code: string; readonly name: string; readonly hash: string; readonly irVersion: number };
  readonly asOf: IsoDate;
  readonly outcome: DecisionOutcome;
  /** Every decline or refer reason, in evaluation order; empty on approval. */
  readonly reasons: readonly DecisionReason[];
  /** The eligibility rules that fired. */
  readonly eligibility: readonly FiredRule[];
  readonly score: ScoreRecord | null;
  /** Reason codes of the characteristics that cost the most points, most costly first, at most 4. */
  readonly adverseActionReasons: readonly string[];
  readonly band: string | null;
  readonly request: LoanRequest;
  /** The offer (requested or counteroffer) when not declined; null otherwise. */
  readonly offer: OfferRecord | null;
  /** The validated application, flat by field path (decimal strings, null when absent). */
  readonly application: Readonly<Record<string, JsonOutput>>;
  readonly trace: readonly TraceEntry[];
}
