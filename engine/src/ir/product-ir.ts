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
 * A JSON Logic expression, as the dsl compiler writes it. Every operator is decimal-aware in the
 * engine (never binary floating point). The operator set is closed: the compiler emits only these.
 *
 * Values and literals
 * - `{"decimal": "0.30"}` — a numeric literal (number, integer, money or percent), always a
 *   normalized decimal string: no `_`, no leading `+`, no exponent, no trailing fractional zeros
 *   ("12.5", "-40", "0"). Percents are fractions: `30%` → `{"decimal": "0.3"}`. Never a JS number.
 * - a JSON string — a string literal, an enum value (`CDMX`), or a date literal (`"2025-01-06"`;
 *   ISO dates compare correctly as strings). `true` / `false` — booleans.
 * - `{"var": "applicant.net_income"}` — a value from the evaluation data (below), by dotted path.
 * - `{"today": []}` — the decision date (ISO string).
 *
 * Operators (arguments always in an array, except the unary `!` / `!!` which take one expression)
 * - arithmetic `{"+": [a, b]}`, `{"-": [a, b]}`, `{"*": [a, b]}`, `{"/": [a, b]}` (binary),
 *   negation `{"-": [a]}` (one argument); exact decimals; division by zero yields null.
 * - comparison `<`, `<=`, `>`, `>=`, `==`, `!=` — `[a, b]`; decimals compare numerically, strings
 *   and booleans by equality. A comparison with a null (missing) operand is false — `!=` too.
 * - logic `{"and": [a, b, ...]}`, `{"or": [a, b, ...]}` (JSON Logic truthiness; null is false),
 *   `{"!": c}` (not; `unless c` compiles to `{"!": c}`), `{"!!": c}` (to boolean).
 * - `{"if": [c, a, b]}` — a when c is true, else b.
 * - `{"in": [x, [v1, v2, ...]]}` — x equals one of the listed literals.
 * - `{"missing": ["path"]}` — JSON Logic `missing`: `[]` when the value is present, else
 *   `["path"]`; `x is missing` compiles to `{"!!": {"missing": ["x"]}}` and `x is present` to
 *   `{"!": {"missing": ["x"]}}`. The path may name an input or a derived value.
 * - `{"min": [a, b, ...]}`, `{"max": [a, b, ...]}`; `{"round": [x, {"decimal": "2"}]}` — x at that
 *   scale with the product's rounding mode (`pricing.rounding.mode`).
 * - `{"days_between": [from, to]}` — whole days from `from` to `to` (negative when before);
 *   `{"years_between": [from, to]}` — completed years (age from a birth date).
 * Arithmetic with a null operand yields null; `min`/`max`/`round` of null yield null.
 *
 * Evaluation data and order (how names are referenced)
 * 1. The application: each input path is nested by its segments, so `applicant.age` is
 *    `data.applicant.age`; values are decimal strings (or JSON numbers), strings, booleans, ISO
 *    dates; an absent optional value is null. Percents are fractions ("0.35").
 *    (The engine validates the application against `inputs` first and evaluates with exact
 *    numbers, so a numeric field is never compared as a string.)
 * 2. Derived values (`derived`), in array order: each `expr` is evaluated against the data so far
 *    and its result stored at the top-level key `data[name]` (names have no dots and never equal
 *    an input group such as `applicant`, nor `score`/`today`: the checker enforces it), so a later
 *    expression reads it with `{"var": "dti"}`. A derived value may be null (missing).
 * 3. Scorecard, when present: each characteristic's `expr` (`{"var": name}`) picks its first
 *    matching bin; score = base + points; stored at `data.score` (`{"var": "score"}`). Only
 *    eligibility conditions and offer caps may read `score` (the checker enforces it).
 * 4. Eligibility rules, all of them, in order; then the band; then the offer caps.
 */
export type JsonLogic =
  | string
  | boolean
  | null
  | readonly JsonLogic[]
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
  /** `a..<b` in the source: `max` itself is not allowed. Absent = false. */
  readonly maxExclusive?: boolean;
  readonly doc?: string;
  /**
   * A derived input (`from client.cycle`): the client fact it is filled from, by the runtime, from
   * the client's record at the decision date; an application never types it (fillDerivedInputs).
   * Absent for a typed input (so the hashes of products without derived inputs do not change).
   */
  readonly from?: string;
}

/** A named derived value (`let dti = ...`), in source order (a `let` uses only earlier ones). */
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
  /** Inclusive amount range; `step` (default "1") is the granularity of offers. */
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

/** One cell condition of a rate-table row: a band name or a range of the key (`min`, `max`
 * inclusive, absent = unbounded; `maxExclusive` for `a..<b`). `{}` (written `..`) matches all. */
export type RateCell =
  | { readonly band: string }
  | { readonly min?: DecimalString; readonly max?: DecimalString; readonly maxExclusive?: boolean };

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
  /** Default `upfront` (paid at signing) when the source names no timing. */
  readonly timing: FeeTiming;
  /** `iva` / `no iva` in the source; default: `pricing.tax.on` includes `fees`. */
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

/**
 * A scorecard bin: a condition on the characteristic's value and the points it gives. A null
 * (missing) value matches only `missing` or `otherwise`; `otherwise` matches anything.
 * Range bounds are inclusive unless the `*Exclusive` flag is set; percents are fractions.
 */
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
  /**
   * What happens below the lowest band. Absent when the source has no `otherwise`: the checker
   * then has proved that every reachable score falls in a band (or there are no bands).
   */
  readonly otherwise?: { readonly outcome: RuleOutcome; readonly reason: string; readonly message?: string };
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
  /**
   * The stage offers to restructure the loan: everything owed becomes the principal of a new
   * schedule with these terms (each absent one: the loan's own frequency and rate; as many
   * installments as the loan still has open).
   */
  | {
      readonly kind: 'offer-restructure';
      readonly installments?: number;
      readonly frequency?: Frequency;
      readonly annualRate?: DecimalString;
    }
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
  /** Nominal annual rate as a fraction (`rate 48%` → "0.48"). */
  | { readonly kind: 'rate'; readonly rate: DecimalString }
  /** CAT in percent as written (`cat 58.3%` → "58.3"), compared at one decimal like `plazo cat`. */
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
    }
  /**
   * The loan's regulatory books on a date (`expect on DATE books stage vencida reserve N accrued N
   * deferred N`, any subset): its book stage, its reserve (the allowance, −1190), its ordinary
   * interest earned unpaid on the books (1110 + 1310) and its opening fees not yet amortised (−2400).
   */
  | {
      readonly kind: 'books';
      readonly on: IsoDate;
      readonly stage?: 'vigente' | 'vencida';
      readonly reserve?: DecimalString;
      readonly accrued?: DecimalString;
      readonly deferred?: DecimalString;
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

/**
 * One row of a reserve table: the loans at `fromDays`..`toDays` days past due (both inclusive;
 * `toDays` null = no upper end) of a book stage (`stage` null: either stage, unless a row of that
 * stage covers the day) are reserved at `rate` (a fraction, "0.04") of their exposure.
 */
export interface ReserveRow {
  readonly stage: 'vigente' | 'vencida' | null;
  readonly fromDays: number;
  readonly toDays: number | null;
  readonly rate: DecimalString;
}

/**
 * How a loan's loan-loss reserve (estimación preventiva) is computed at a reserve date, over its
 * exposure (EAD = principal + ordinary interest earned unpaid on the books):
 * - `table`: the rate of the row covering the loan's days past due — a row of the loan's book
 *   stage first, else an unqualified row (the checker proves each stage has exactly one rate for
 *   every day 0..∞, non-decreasing in the days); reserve = round(rate × exposure).
 * - `expected-loss`: reserve = round(clamp(pd) × clamp(lgd) × exposure), each expression clamped to
 *   0..1. The expressions read only the reserve facts (`RESERVE_FACTS`, engine/src/books/reserve.ts):
 *   `loan.days_past_due`, `loan.vencida`, `loan.restructured`, `loan.principal`,
 *   `loan.accrued_interest`, `loan.exposure`.
 */
export type ReservesPolicy =
  | { readonly kind: 'table'; readonly rows: readonly ReserveRow[] }
  | { readonly kind: 'expected-loss'; readonly pd: JsonLogic; readonly lgd: JsonLogic };

/**
 * A compiled product. Everything but `hash` is hashed (canonical JSON, sorted keys, SHA-256; see
 * hash-product.ts). Defaults the compiler fills when the source is silent: `kind` consumer;
 * `pricing.basis` period; `pricing.rounding` 2 half-even; `pricing.businessDays` none; grace 0/0;
 * `prepayment` reduce-term; `allocation` penalties, moratorium, iva, interest, fees, principal;
 * `offer.counteroffer` true; `limits.amount.step` "1"; fee timing upfront; a percent fee is `of`
 * amount; a percent late fee is `of` overdue; late-fee grace 0 days; moratorium basis = pricing
 * basis. A fee or penalty is taxable when marked `iva` or when `pricing.tax.on` lists its target
 * (`fees`, `penalties` for the late fee, `moratorium`).
 */
export interface ProductIR {
  readonly irVersion: typeof IR_VERSION;
  readonly hash: string;
  readonly code: string;
  /** The product's display name; the code when the source gives none. */
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
  /**
   * How much a payment may go beyond what settles the loan (`overpayment tolerance 5`), kept as
   * credit balance; absent = "0" (absent when the source does not say it, so the hashes of
   * products written before it existed do not change). A larger payment is refused.
   */
  readonly overpaymentTolerance?: DecimalString;
  /**
   * The loan-loss reserve policy (`reserves { ... }`); absent when the product has none (every
   * reserve is 0) — and then absent from the JSON, so the hashes of products without it do not change.
   */
  readonly reserves?: ReservesPolicy;
  readonly tests: readonly ProductTest[];
}
