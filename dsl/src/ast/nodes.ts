// The AST of a Plazo product: what the parser builds from the CST, what the checker, formatter and
// compiler read. Every node has a `kind` (passes switch on it exhaustively) and a source range.
// After a syntax error the parser still yields a tree: optional children may be absent and names
// may be empty; passes must cope.

/** A position in the text, 0-based line and column (UTF-16 units), and the absolute offset. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** [start, end) in the source text. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

interface NodeBase {
  readonly range: Range;
}

/** A name with its own range (for go-to-definition and precise diagnostics). */
export interface Identifier extends NodeBase {
  readonly kind: 'Identifier';
  /** Dotted names keep their dots: `applicant.net_income`. */
  readonly name: string;
}

export interface StringLiteral extends NodeBase {
  readonly kind: 'StringLiteral';
  /** Unescaped value. */
  readonly value: string;
}

/** A number as written, normalized to a decimal string without `_`: `5_000` → "5000". */
export interface NumberLiteral extends NodeBase {
  readonly kind: 'NumberLiteral';
  readonly value: string;
}

/** `36%`: `value` is the percent as written ("36"); `fraction` is "0.36". */
export interface PercentLiteral extends NodeBase {
  readonly kind: 'PercentLiteral';
  readonly value: string;
  readonly fraction: string;
}

export interface BooleanLiteral extends NodeBase {
  readonly kind: 'BooleanLiteral';
  readonly value: boolean;
}

export interface DateLiteral extends NodeBase {
  readonly kind: 'DateLiteral';
  readonly value: string;
}

// ---------------------------------------------------------------- expressions

export type BinaryOperator = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/';

export interface BinaryExpr extends NodeBase {
  readonly kind: 'BinaryExpr';
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}

export interface UnaryExpr extends NodeBase {
  readonly kind: 'UnaryExpr';
  readonly operator: 'not' | '-';
  readonly operand: Expr;
}

/** `x in { a, b }` */
export interface InExpr extends NodeBase {
  readonly kind: 'InExpr';
  readonly operand: Expr;
  readonly values: readonly Expr[];
}

/** `x is missing` / `x is present` */
export interface PresenceExpr extends NodeBase {
  readonly kind: 'PresenceExpr';
  readonly operand: Expr;
  readonly present: boolean;
}

export interface IfExpr extends NodeBase {
  readonly kind: 'IfExpr';
  readonly condition: Expr;
  readonly then: Expr;
  readonly otherwise: Expr;
}

export interface CallExpr extends NodeBase {
  readonly kind: 'CallExpr';
  readonly callee: Identifier;
  readonly args: readonly Expr[];
}

/** A reference to an input field, a `let`, `score`, `amount`, `today`...: resolved by the checker. */
export interface NameRef extends NodeBase {
  readonly kind: 'NameRef';
  readonly name: string;
}

export interface ParenExpr extends NodeBase {
  readonly kind: 'ParenExpr';
  readonly inner: Expr;
}

/** A hole left by error recovery. */
export interface ErrorExpr extends NodeBase {
  readonly kind: 'ErrorExpr';
}

export type Literal = StringLiteral | NumberLiteral | PercentLiteral | BooleanLiteral | DateLiteral;

export type Expr =
  | Literal
  | BinaryExpr
  | UnaryExpr
  | InExpr
  | PresenceExpr
  | IfExpr
  | CallExpr
  | NameRef
  | ParenExpr
  | ErrorExpr;

// ---------------------------------------------------------------- declarations

interface Documented {
  /** Text of the `///` doc comments (joined with newlines) before the declaration. */
  readonly doc?: string;
  /** Where those comments are: from the first `///` to the end of the last (with `doc`). */
  readonly docRange?: Range;
}

export type TypeName = 'number' | 'integer' | 'money' | 'percent' | 'string' | 'boolean' | 'date' | 'enum';

/** `a..b`, `..b`, `a..`, `a..<b`, `..`: bounds are NumberLiteral or PercentLiteral. */
export interface RangeExpr extends NodeBase {
  readonly kind: 'RangeExpr';
  readonly min?: NumberLiteral | PercentLiteral;
  readonly max?: NumberLiteral | PercentLiteral;
  readonly maxExclusive: boolean;
}

export interface InputFieldDecl extends NodeBase, Documented {
  readonly kind: 'InputFieldDecl';
  readonly name: Identifier;
  readonly type: TypeName;
  readonly typeRange: Range;
  readonly enumValues: readonly Identifier[];
  readonly bounds?: RangeExpr;
  readonly optional: boolean;
  /** `from client.cycle`: the client fact this input is filled from (a derived input, never typed). */
  readonly from?: Identifier;
}

export interface InputSection extends NodeBase, Documented {
  readonly kind: 'InputSection';
  readonly fields: readonly InputFieldDecl[];
}

export interface LetDecl extends NodeBase, Documented {
  readonly kind: 'LetDecl';
  readonly name: Identifier;
  readonly value: Expr;
}

export type FrequencyNode =
  | { readonly kind: 'weekly' | 'biweekly' | 'semimonthly' | 'monthly'; readonly range: Range }
  | { readonly kind: 'every'; readonly days: NumberLiteral; readonly range: Range };

export interface LimitsSection extends NodeBase, Documented {
  readonly kind: 'LimitsSection';
  readonly amount?: { readonly range: RangeExpr; readonly step?: NumberLiteral; readonly at: Range };
  readonly terms: readonly { readonly payments: RangeExpr; readonly frequency: FrequencyNode; readonly at: Range }[];
  readonly firstPayment?: { readonly days: RangeExpr; readonly at: Range };
}

/** A rate-table row: one cell per key (a band name or a range) and the rate. */
export interface RateRow extends NodeBase {
  readonly kind: 'RateRow';
  readonly cells: readonly (Identifier | RangeExpr)[];
  readonly rate: PercentLiteral;
}

export type RateNode =
  | { readonly kind: 'FixedRate'; readonly rate: PercentLiteral; readonly range: Range }
  | {
      readonly kind: 'RateTable';
      readonly keys: readonly Identifier[]; // band | payments | amount
      readonly rows: readonly RateRow[];
      readonly range: Range;
    };

export interface PricingSection extends NodeBase, Documented {
  readonly kind: 'PricingSection';
  readonly method?: Identifier;
  readonly basis?: Identifier; // period | actual/360 | actual/365 | 30/360 (name as written)
  readonly rate?: RateNode;
  readonly iva?: { readonly rate: PercentLiteral; readonly on: readonly Identifier[]; readonly range: Range };
  readonly rounding?: {
    readonly decimals: NumberLiteral;
    readonly mode?: Identifier;
    readonly multiple?: NumberLiteral;
    readonly range: Range;
  };
  readonly grace: readonly { readonly what: 'principal' | 'interest'; readonly count: NumberLiteral; readonly range: Range }[];
  readonly businessDays?: Identifier;
  readonly installmentIncludesIva: boolean;
}

export interface FeeDecl extends NodeBase, Documented {
  readonly kind: 'FeeDecl';
  readonly name: Identifier;
  readonly amount: NumberLiteral | PercentLiteral;
  /** For percents: amount | balance | principal | installment. */
  readonly of?: Identifier;
  readonly min?: NumberLiteral;
  readonly max?: NumberLiteral;
  readonly timing?: { readonly value: 'upfront' | 'deducted' | 'financed' | 'per-installment'; readonly range: Range };
  /** true: `iva`; false: `no iva`; undefined: the pricing default. */
  readonly taxable?: boolean;
}

export interface RuleDecl extends NodeBase, Documented {
  readonly kind: 'RuleDecl';
  readonly outcome: 'decline' | 'refer';
  readonly reason: StringLiteral;
  /** `when c` (negated: false) or `unless c` (negated: true). */
  readonly negated: boolean;
  readonly condition: Expr;
  readonly message?: StringLiteral;
}

export interface EligibilitySection extends NodeBase, Documented {
  readonly kind: 'EligibilitySection';
  readonly rules: readonly RuleDecl[];
}

export type BinMatchNode =
  | { readonly kind: 'missing'; readonly range: Range }
  | { readonly kind: 'otherwise'; readonly range: Range }
  | { readonly kind: 'range'; readonly value: RangeExpr; readonly range: Range }
  | { readonly kind: 'values'; readonly values: readonly (Identifier | BooleanLiteral | StringLiteral)[]; readonly range: Range };

export interface BinDecl extends NodeBase {
  readonly kind: 'BinDecl';
  readonly match: BinMatchNode;
  /** Signed number as written: "-40", "+50", "0". */
  readonly points: NumberLiteral;
  readonly reason?: StringLiteral;
}

export interface CharacteristicDecl extends NodeBase, Documented {
  readonly kind: 'CharacteristicDecl';
  readonly name: Identifier;
  readonly label?: StringLiteral;
  readonly bins: readonly BinDecl[];
}

export interface BandDecl extends NodeBase {
  readonly kind: 'BandDecl';
  readonly name: Identifier;
  readonly minScore: NumberLiteral;
}

export interface ScorecardSection extends NodeBase, Documented {
  readonly kind: 'ScorecardSection';
  readonly base?: NumberLiteral;
  readonly characteristics: readonly CharacteristicDecl[];
  readonly bands: readonly BandDecl[];
  readonly otherwise?: {
    readonly outcome: 'decline' | 'refer';
    readonly reason: StringLiteral;
    readonly message?: StringLiteral;
    readonly range: Range;
  };
}

export type OfferCapNode =
  | { readonly kind: 'installment'; readonly value: Expr; readonly range: Range }
  | { readonly kind: 'amount'; readonly value: Expr; readonly range: Range }
  | {
      readonly kind: 'amount-by-band';
      readonly entries: readonly { readonly band: Identifier; readonly amount: NumberLiteral }[];
      readonly range: Range;
    };

export interface OfferSection extends NodeBase, Documented {
  readonly kind: 'OfferSection';
  readonly caps: readonly OfferCapNode[];
  /** `counteroffer` true, `no counteroffer` false, absent: default true. */
  readonly counteroffer?: boolean;
}

export interface PenaltiesSection extends NodeBase, Documented {
  readonly kind: 'PenaltiesSection';
  readonly lateFee?: {
    readonly amount: NumberLiteral | PercentLiteral;
    readonly of?: Identifier; // overdue | installment
    readonly min?: NumberLiteral;
    readonly max?: NumberLiteral;
    readonly graceDays?: NumberLiteral;
    readonly taxable: boolean;
    readonly range: Range;
  };
  readonly moratorium?: {
    /** `1.5x ordinary` → multiple; `90% annual` → annual. */
    readonly rate: { readonly kind: 'multiple'; readonly factor: NumberLiteral } | { readonly kind: 'annual'; readonly rate: PercentLiteral };
    readonly on: 'overdue-principal' | 'overdue-installment';
    readonly basis?: Identifier;
    readonly taxable: boolean;
    readonly range: Range;
  };
}

export type ActionNode =
  | { readonly kind: 'notify'; readonly channel: Identifier; readonly template: StringLiteral; readonly range: Range }
  | { readonly kind: 'queue'; readonly queue: StringLiteral; readonly range: Range }
  | {
      /** `offer restructure payments 12 weekly rate 30%`: each term optional (default: the loan's). */
      readonly kind: 'offer-restructure';
      readonly payments?: NumberLiteral;
      readonly frequency?: FrequencyNode;
      readonly rate?: PercentLiteral;
      readonly range: Range;
    }
  | { readonly kind: 'stop-accrual' | 'write-off'; readonly range: Range };

export type CollectionStepNode =
  | { readonly kind: 'at'; readonly day: NumberLiteral; readonly actions: readonly ActionNode[]; readonly range: Range }
  | {
      readonly kind: 'stage';
      readonly from: NumberLiteral;
      readonly to?: NumberLiteral;
      readonly stage?: Identifier;
      readonly actions: readonly ActionNode[];
      readonly range: Range;
    };

export interface CollectionSection extends NodeBase, Documented {
  readonly kind: 'CollectionSection';
  readonly steps: readonly CollectionStepNode[];
}

/**
 * A reserve-table row: `[vigente|vencida] N dpd P%` (one day: no `to`, not `open`), `N to M dpd P%`
 * or `from N dpd P%` (`open`: no upper end).
 */
export interface ReserveRowNode extends NodeBase, Documented {
  readonly kind: 'ReserveRow';
  /** The book stage the row is for (`vigente` | `vencida`, as written); absent: either stage. */
  readonly stage?: Identifier;
  readonly from: NumberLiteral;
  readonly to?: NumberLiteral;
  readonly open: boolean;
  readonly rate: PercentLiteral;
}

/** `reserves { rows }` or `reserves { expected loss pd EXPR lgd EXPR }`: the loan-loss reserve policy. */
export interface ReservesSection extends NodeBase, Documented {
  readonly kind: 'ReservesSection';
  readonly rows: readonly ReserveRowNode[];
  readonly expectedLoss?: { readonly pd: Expr; readonly lgd: Expr; readonly range: Range };
}

export interface AllocationDecl extends NodeBase, Documented {
  readonly kind: 'AllocationDecl';
  readonly components: readonly Identifier[];
}

export interface PrepaymentDecl extends NodeBase, Documented {
  readonly kind: 'PrepaymentDecl';
  readonly policy: 'reduce-term' | 'reduce-installment' | 'not-allowed';
}

/** `overpayment tolerance 5`: how much a payment may exceed the payoff (absent when lost to a syntax error). */
export interface OverpaymentDecl extends NodeBase, Documented {
  readonly kind: 'OverpaymentDecl';
  readonly tolerance?: NumberLiteral;
}

export interface GivenEntry extends NodeBase {
  readonly kind: 'GivenEntry';
  readonly field: Identifier;
  readonly value: Literal | Identifier; // an identifier for enum values
}

export type ExpectNode =
  | { readonly kind: 'outcome'; readonly outcome: 'approve' | 'refer' | 'decline'; readonly reasons: readonly StringLiteral[]; readonly range: Range }
  | { readonly kind: 'band'; readonly band: Identifier; readonly range: Range }
  | { readonly kind: 'score' | 'offer' | 'counteroffer' | 'installment' | 'total'; readonly value: NumberLiteral; readonly range: Range }
  | { readonly kind: 'rate' | 'cat'; readonly value: PercentLiteral; readonly range: Range }
  | {
      readonly kind: 'state';
      readonly on: DateLiteral;
      readonly dpd?: NumberLiteral;
      readonly stage?: Identifier;
      readonly outstanding?: NumberLiteral;
      readonly lateFees?: NumberLiteral;
      readonly moratorium?: NumberLiteral;
      readonly range: Range;
    }
  | {
      /** `on DATE books stage vencida reserve N accrued N deferred N`: the loan's regulatory books. */
      readonly kind: 'books';
      readonly on: DateLiteral;
      readonly stage?: Identifier;
      readonly reserve?: NumberLiteral;
      readonly accrued?: NumberLiteral;
      readonly deferred?: NumberLiteral;
      readonly range: Range;
    };

export interface TestDecl extends NodeBase, Documented {
  readonly kind: 'TestDecl';
  readonly name: StringLiteral;
  readonly given: readonly GivenEntry[];
  readonly today?: DateLiteral;
  readonly disburse?: DateLiteral;
  readonly payments: readonly { readonly amount: NumberLiteral; readonly on: DateLiteral; readonly range: Range }[];
  readonly expects: readonly ExpectNode[];
}

export type Section =
  | InputSection
  | LetDecl
  | LimitsSection
  | PricingSection
  | FeeDecl
  | EligibilitySection
  | ScorecardSection
  | OfferSection
  | PenaltiesSection
  | CollectionSection
  | ReservesSection
  | AllocationDecl
  | PrepaymentDecl
  | OverpaymentDecl
  | TestDecl;

export interface ProductDecl extends NodeBase, Documented {
  readonly kind: 'ProductDecl';
  readonly code: Identifier;
  readonly name?: StringLiteral;
  readonly currency?: Identifier;
  readonly productKind?: Identifier; // consumer | business
  readonly description?: StringLiteral;
  /** In source order (the formatter reorders canonically). */
  readonly sections: readonly Section[];
}

/** A parsed file: the product (absent when the text has no `product` at all). */
export interface ProductFile extends NodeBase {
  readonly kind: 'ProductFile';
  readonly product?: ProductDecl;
}

export type Node = ProductFile | ProductDecl | Section | Expr | Identifier | RangeExpr | RateRow | BinDecl | BandDecl | CharacteristicDecl | InputFieldDecl | RuleDecl | GivenEntry | ReserveRowNode;
