// The PLD (anti-money-laundering) policy an institution writes in the Plazo language (`policy`
// documents, dsl/README.md "PLD policy"): a client risk-grade matrix and unusual-operation rules.
// Plain JSON, content-hashed like a product; evaluated by gradeClient and findUnusualOperations.
import type { BinMatch, DecimalString, JsonLogic } from '../ir/product-ir.ts';

export const PLD_POLICY_IR_VERSION = 1;

/** A client's risk grade, lowest first. */
export type RiskGrade = 'low' | 'medium' | 'high';
export const RISK_GRADES: readonly RiskGrade[] = Object.freeze(['low', 'medium', 'high']);

/** Points per value (or range) of one fact: the first matching bin counts; none matching is 0. */
export interface RiskFactorIR {
  readonly kind: 'fact';
  /** A client fact path: `client.occupation`, `product.code`, `channel`... */
  readonly fact: string;
  readonly bins: readonly { readonly match: BinMatch; readonly points: DecimalString }[];
}

/** Points when a condition over the client facts holds. */
export interface RiskConditionIR {
  readonly kind: 'condition';
  /** What the reason says: the `reason` written after the points. */
  readonly label: string;
  readonly when: JsonLogic;
  readonly points: DecimalString;
}

export interface GradeCutoffIR {
  readonly grade: Exclude<RiskGrade, 'low'> | RiskGrade;
  /** The grade applies from this many points up (inclusive). */
  readonly minPoints: DecimalString;
}

export interface UnusualRuleIR {
  readonly code: string;
  /** JSON Logic over the operation facts; the rule fires when it is true. */
  readonly when: JsonLogic;
  /** As written by the institution (one language, like eligibility messages). */
  readonly message?: string;
}

export interface PldPolicyIR {
  readonly irVersion: typeof PLD_POLICY_IR_VERSION;
  /** SHA-256 of the canonical JSON without `hash` (hashProduct's rule). */
  readonly hash: string;
  readonly code: string;
  readonly name: string;
  readonly description?: string;
  readonly risk: {
    readonly factors: readonly (RiskFactorIR | RiskConditionIR)[];
    /** Highest grade first, cut-offs strictly descending (the checker enforces it). */
    readonly grades: readonly GradeCutoffIR[];
    /** The grade below every cut-off. */
    readonly otherwise: RiskGrade;
  };
  readonly unusual: readonly UnusualRuleIR[];
}

export type UnhashedPldPolicyIR = Omit<PldPolicyIR, 'hash'>;

/** The type of a fact, as the language's checker knows it. */
export type PldFactType =
  | { readonly kind: 'string' | 'boolean' | 'integer' | 'money' }
  | { readonly kind: 'enum'; readonly values: readonly string[] };

/** The facts a risk-grade matrix may read (ClientRiskFacts, as dotted paths). */
export const PLD_CLIENT_FACTS: Readonly<Record<string, PldFactType>> = Object.freeze({
  'client.occupation': { kind: 'string' },
  'client.nationality': { kind: 'string' },
  'client.pep': { kind: 'boolean' },
  'client.kind': { kind: 'enum', values: ['person', 'company'] },
  'client.age': { kind: 'integer' },
  'client.birth_state': { kind: 'string' },
  'product.code': { kind: 'string' },
  channel: { kind: 'string' },
});

/** The facts an unusual-operation rule may read (OperationFacts, as dotted paths). */
export const PLD_OPERATION_FACTS: Readonly<Record<string, PldFactType>> = Object.freeze({
  'operation.amount': { kind: 'money' },
  'operation.cash': { kind: 'boolean' },
  'operation.third_party': { kind: 'boolean' },
  'operation.days_since_disbursement': { kind: 'integer' },
  'operation.kind': { kind: 'string' },
  'loan.installment': { kind: 'money' },
  'loan.amount': { kind: 'money' },
  'month.cash_total': { kind: 'money' },
  'month.cash_count': { kind: 'integer' },
  'client.risk_grade': { kind: 'enum', values: ['low', 'medium', 'high'] },
  'client.pep': { kind: 'boolean' },
});

/** What the risk-grade matrix reads about a client. Absent values (`null`) match only `missing`/`otherwise` bins. */
export interface ClientRiskFacts {
  readonly client: {
    readonly occupation: string | null;
    /** ISO 3166 alpha-2 (`MX`). */
    readonly nationality: string | null;
    readonly pep: boolean;
    readonly kind: 'person' | 'company';
    readonly age: number | null;
    /** CURP state code (`VZ`, `DF`), `NE` born abroad. */
    readonly birth_state: string | null;
  };
  /** The products the client has or applies for; the highest-risk one counts. */
  readonly product: { readonly code: string | readonly string[] | null };
  /** branch | online | agent | payroll | … */
  readonly channel: string | null;
}

/** What the unusual-operation rules read about one operation (amounts: MXN decimal strings). */
export interface OperationFacts {
  readonly operation: {
    readonly amount: string;
    readonly cash: boolean;
    /** The payer is not the client. */
    readonly third_party: boolean;
    readonly days_since_disbursement: number | null;
    readonly kind: 'payment' | 'payoff' | 'disbursement';
  };
  readonly loan: { readonly installment: string | null; readonly amount: string };
  /** The client's (or, without a client, the loan's) cash operations in the calendar month, this one included. */
  readonly month: { readonly cash_total: string; readonly cash_count: number };
  readonly client: { readonly risk_grade: RiskGrade | null; readonly pep: boolean };
}

export interface RiskReason {
  /** The fact path (`client.occupation`) or the condition's reason. */
  readonly factor: string;
  /** The value that scored (`cambista`, `true`). */
  readonly value: string;
  readonly points: string;
}

export interface RiskGradeResult {
  readonly grade: RiskGrade;
  /** Total points, a decimal string. */
  readonly points: string;
  /** Every factor that scored points other than zero, in policy order. */
  readonly reasons: readonly RiskReason[];
}

export interface UnusualFinding {
  readonly code: string;
  /** The rule's message as the institution wrote it (its code when it wrote none). */
  readonly message: string;
}
