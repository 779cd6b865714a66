// The Product IR: what the dsl compiles a `.plazo` product into and what the engine executes.
// Plain JSON (no class instances), decimal strings for every amount and rate, expressions as
// JSON Logic. Versioned by `irVersion`; identified by `hash` over its canonical JSON.

/** Version of the IR shape. Bump only with a migration path; additive changes keep it. */
export const IR_VERSION = 1 as const;

/** A decimal number as a string: "0.36", "150000", "-40". Never a JS number. */
export type DecimalString = string;

/** An ISO calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * A JSON Logic expression. Operators used by the compiler (all decimal-aware in the engine):
 * `var`, `decimal` ({"decimal": "0.30"} — a numeric literal, never a JS number), `+ - * /`,
 * `< <= > >= == !=`, `and or ! !!`, `if`, `in`, `min max`, `missing`, `round` ([x, scale]),
 * `days_between` ([from, to]), `years_between` ([from, to], whole years), `today` ([]: the
 * decision date). Strings, booleans and null are literals as themselves.
 */
export type JsonLogic =
  | string
  | boolean
  | null
  | { readonly [operator: string]: JsonLogic | readonly JsonLogic[] };

/** The value types of the language. */
export type ValueType =
  | 'number'
  | 'integer'
  | 'money'
  | 'percent'
  | 'string'
  | 'boolean'
  | 'date'
  | 'enum';

/** One field of the application data, addressed by a dotted path (`applicant.net_income`). */
export interface InputField {
  readonly path: string;
  readonly type: ValueType;
  readonly optional: boolean;
  /** Allowed values for `enum`. */
  readonly values?: readonly string[];
  /** Inclusive bounds for numeric types (percent bounds as fractions: "0.35"). */
  readonly min?: DecimalString;
  readonly max?: DecimalString;
  readonly doc?: string;
}

/** A named derived value (`let dti = ...`), listed in dependency order. */
export interface DerivedValue {
  readonly name: string;
  readonly type: ValueType;
  readonly expr: JsonLogic;
  readonly doc?: string;
}

export type Frequency =
  | 'weekly'
  | 'biweekly'
  | 'semimonthly'
  | 'monthly'
  | { readonly everyDays: number };

export interface DecimalRange {
  readonly min: DecimalString;
  readonly max: DecimalString;
}

export interface IntegerRange {
  readonly min: number;
  readonly max: number;
}

export interface Limits {
  readonly amount: DecimalRange & { readonly step: DecimalString };
  /** One entry per allowed frequency, in source order; the first is the default. */
  readonly terms: readonly { readonly frequency: Frequency; readonly payments: IntegerRange }[];
  /** Days from disbursement to the first due date (both inclusive), when the product restricts it. */
  readonly firstPaymentDays?: IntegerRange;
}

export type InterestMethod = 'french' | 'german' | 'flat' | 'bullet';
export type InterestBasis = 'period' | 'actual/360' | 'actual/365' | '30/360';
export type RoundingMode = 'half-even' | 'half-up';
export type BusinessDayRule = 'next' | 'previous' | 'none';

/** A dimension a rate table is keyed by. */
export type RateKey = 'band' | 'payments' | 'amount';

/** One cell condition of a rate-table row: a band name or an inclusive range of the key. */
export type RateCell =
  | { readonly band: string }
  | { readonly min?: DecimalString; readonly max?: DecimalString };

export type RateSpec =
  | { readonly kind: 'fixed'; readonly rate: DecimalString }
  | {
      readonly kind: 'table';
      readonly keys: readonly RateKey[];
      /** First matching row wins; `cells[i]` constrains `keys[i]`. */
      readonly rows: readonly { readonly cells: readonly RateCell[]; readonly rate: DecimalString }[];
    };

export type TaxTarget = 'interest' | 'fees' | 'moratorium' | 'penalties';

export interface Pricing {
  readonly method: InterestMethod;
  readonly basis: InterestBasis;
  /** Nominal annual rate(s) as fractions ("0.36"). */
  readonly rate: RateSpec;
  /** IVA rate as a fraction and what it applies to by default; absent = no IVA. */
  readonly tax?: { readonly rate: DecimalString; readonly on: readonly TaxTarget[] };
  readonly rounding: {
    readonly decimals: number;
    readonly mode: RoundingMode;
    readonly installmentMultipleOf?: DecimalString;
  };
  /** Level installment includes IVA (periodic rate grossed up by 1 + IVA). */
  readonly installmentIncludesTax: boolean;
  readonly grace: { readonly principal: number; readonly interest: number };
  readonly businessDays: BusinessDayRule;
}

export type FeeTiming = 'upfront' | 'deducted' | 'financed' | 'per-installment';
/** What a percent fee is a percent of. */
export type FeeBase = 'amount' | 'balance' | 'principal' | 'installment';

export interface Fee {
  readonly name: string;
  readonly amount:
    | { readonly kind: 'fixed'; readonly value: DecimalString }
    | { readonly kind: 'percent'; readonly rate: DecimalString; readonly of: FeeBase };
  readonly min?: DecimalString;
  readonly max?: DecimalString;
  readonly timing: FeeTiming;
  readonly taxable: boolean;
  /** Mandatory insurance or other cost that counts in the CAT (every fee does unless false). */
  readonly inCat: boolean;
  readonly doc?: string;
}

export type RuleOutcome = 'decline' | 'refer';

export interface EligibilityRule {
  readonly outcome: RuleOutcome;
  readonly reason: string;
  readonly message?: string;
  /** The rule fires (fails the applicant) when this is true. `unless c` compiles to `!c`. */
  readonly when: JsonLogic;
}

/** A scorecard bin: a condition on the characteristic's value and the points it gives. */
export type BinMatch =
  | { readonly kind: 'missing' }
  | {
      readonly kind: 'range';
      readonly min?: DecimalString;
      readonly max?: DecimalString;
      readonly minExclusive?: boolean;
      readonly maxExclusive?: boolean;
    }
  | { readonly kind: 'values'; readonly values: readonly (string | boolean)[] }
  | { readonly kind: 'otherwise' };

export interface ScoreBin {
  /** Stable id for traces and coverage: `<characteristic>#<index>`. */
  readonly id: string;
  readonly match: BinMatch;
  readonly points: DecimalString;
  readonly reason?: string;
}

export interface Characteristic {
  /** An input path or a derived value name. */
  readonly name: string;
  readonly label?: string;
  readonly expr: JsonLogic;
  readonly bins: readonly ScoreBin[];
}

export interface Band {
  readonly name: string;
  /** Lowest score (inclusive) of the band; bands are ordered by descending cutoff. */
  readonly minScore: DecimalString;
}

export interface Scorecard {
  readonly base: DecimalString;
  readonly characteristics: readonly Characteristic[];
  readonly bands: readonly Band[];
  /** What happens below the lowest band. */
  readonly otherwise: { readonly outcome: RuleOutcome; readonly reason: string; readonly message?: string };
}

/** A value fixed or chosen by band. */
export type ByBand<T> =
  | { readonly kind: 'fixed'; readonly value: T }
  | { readonly kind: 'by-band'; readonly values: Readonly<Record<string, T>> };

export type OfferCap =
  | { readonly kind: 'max-installment'; readonly expr: JsonLogic }
  | { readonly kind: 'max-amount'; readonly expr: JsonLogic }
  | { readonly kind: 'max-amount-by-band'; readonly values: Readonly<Record<string, DecimalString>> };

export interface Offer {
  readonly caps: readonly OfferCap[];
  /** When the request exceeds the caps: offer the maximum (true) or decline (false). */
  readonly counteroffer: boolean;
}

export interface Penalties {
  readonly lateFee?: {
    readonly amount:
      | { readonly kind: 'fixed'; readonly value: DecimalString }
      | { readonly kind: 'percent'; readonly rate: DecimalString; readonly of: 'overdue' | 'installment' };
    readonly min?: DecimalString;
    readonly max?: DecimalString;
    /** Days after the due date before the fee is charged. */
    readonly graceDays: number;
    readonly taxable: boolean;
  };
  readonly moratorium?: {
    readonly rate:
      | { readonly kind: 'annual'; readonly rate: DecimalString }
      | { readonly kind: 'multiple'; readonly factor: DecimalString };
    readonly on: 'overdue-principal' | 'overdue-installment';
    readonly basis: InterestBasis;
    readonly taxable: boolean;
  };
}

export type Channel = 'sms' | 'whatsapp' | 'email';

export type CollectionAction =
  | { readonly kind: 'notify'; readonly channel: Channel; readonly template: string }
  | { readonly kind: 'queue'; readonly queue: string }
  | { readonly kind: 'stop-accrual' }
  | { readonly kind: 'offer-restructure' }
  | { readonly kind: 'write-off' };

/**
 * A collection step, relative to the due date of the oldest unpaid installment: `at` one day
 * (negative = before due), or a stage over a range of days past due (`to` absent = open-ended).
 */
export type CollectionStep =
  | { readonly kind: 'at'; readonly day: number; readonly actions: readonly CollectionAction[] }
  | {
      readonly kind: 'stage';
      readonly stage: string;
      readonly from: number;
      readonly to?: number;
      readonly actions: readonly CollectionAction[];
    };

export type AllocationComponent = 'penalties' | 'moratorium' | 'iva' | 'interest' | 'fees' | 'principal';
export type PrepaymentPolicy = 'reduce-term' | 'reduce-installment' | 'not-allowed';

/** A value given in a test: the JSON value of an input field (decimals as strings). */
export type TestValue = string | boolean | null;

export interface TestPayment {
  readonly date: IsoDate;
  readonly amount: DecimalString;
}

export type TestExpectation =
  | { readonly kind: 'outcome'; readonly outcome: 'approve' | 'refer' | 'decline' }
  | { readonly kind: 'reasons'; readonly reasons: readonly string[] }
  | { readonly kind: 'band'; readonly band: string }
  | { readonly kind: 'score'; readonly score: DecimalString }
  | { readonly kind: 'offer-amount'; readonly amount: DecimalString }
  | { readonly kind: 'counteroffer'; readonly amount: DecimalString }
  | { readonly kind: 'installment'; readonly amount: DecimalString }
  | { readonly kind: 'rate'; readonly rate: DecimalString }
  | { readonly kind: 'cat'; readonly cat: DecimalString }
  | { readonly kind: 'total'; readonly amount: DecimalString }
  /** Loan state on a date after the scenario's payments (servicing tests). */
  | {
      readonly kind: 'state';
      readonly on: IsoDate;
      readonly dpd?: number;
      readonly stage?: string;
      readonly outstanding?: DecimalString;
      readonly lateFees?: DecimalString;
      readonly moratorium?: DecimalString;
    };

export interface ProductTest {
  readonly name: string;
  readonly given: Readonly<Record<string, TestValue>>;
  /** Decision date for the test (`today`); default: the disbursement date or 2025-01-01. */
  readonly asOf?: IsoDate;
  readonly disburseOn?: IsoDate;
  readonly payments: readonly TestPayment[];
  readonly expect: readonly TestExpectation[];
}

/** A compiled product. Everything but `hash` is hashed (canonical JSON, sorted keys, SHA-256). */
export interface ProductIR {
  readonly irVersion: typeof IR_VERSION;
  readonly hash: string;
  readonly code: string;
  readonly name: string;
  readonly currency: string;
  readonly description?: string;
  /** consumer: loans to individuals (IVA on interest expected); business: business activity. */
  readonly kind: 'consumer' | 'business';
  readonly inputs: readonly InputField[];
  readonly derived: readonly DerivedValue[];
  readonly limits: Limits;
  readonly pricing: Pricing;
  readonly fees: readonly Fee[];
  readonly eligibility: readonly EligibilityRule[];
  readonly scorecard?: Scorecard;
  readonly offer: Offer;
  readonly penalties: Penalties;
  readonly collection: readonly CollectionStep[];
  readonly allocation: readonly AllocationComponent[];
  readonly prepayment: PrepaymentPolicy;
  readonly tests: readonly ProductTest[];
}
