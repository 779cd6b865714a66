// The AST of a PLD policy document (`policy CODE "Name" { risk grade { ... } unusual ... }`):
// every node keeps its source range, for diagnostics at file:line:col and for the formatter.
import type { BooleanLiteral, Expr, Identifier, NumberLiteral, Range, StringLiteral } from '../ast/nodes.ts';

export interface PolicyFile {
  readonly policy?: PolicyDecl;
}

export interface PolicyDecl {
  readonly kind: 'PolicyDecl';
  readonly code?: Identifier;
  readonly name?: StringLiteral;
  readonly doc?: StringLiteral;
  readonly risk?: RiskGradeSection;
  readonly rules: readonly UnusualRuleDecl[];
  readonly range: Range;
  /** Offset just after `{`. */
  readonly bodyStart: number;
}

/** `risk grade { factor ... when ... -> N reason "..." high when points >= 50 otherwise low }` */
export interface RiskGradeSection {
  readonly kind: 'RiskGradeSection';
  readonly items: readonly RiskItem[];
  readonly range: Range;
  readonly bodyStart: number;
}

export type RiskItem = FactorDecl | ConditionDecl | GradeCutoffDecl | GradeOtherwiseDecl;

/** `factor client.occupation { "cambista" -> 40  otherwise -> 0 }` */
export interface FactorDecl {
  readonly kind: 'FactorDecl';
  readonly fact: Identifier;
  readonly bins: readonly FactorBinDecl[];
  readonly range: Range;
  readonly bodyStart: number;
}

export type FactorBinMatch =
  | { readonly kind: 'missing' }
  | { readonly kind: 'otherwise' }
  | { readonly kind: 'range'; readonly min?: NumberLiteral; readonly max?: NumberLiteral; readonly maxExclusive: boolean }
  | { readonly kind: 'values'; readonly values: readonly (StringLiteral | Identifier | BooleanLiteral)[] };

export interface FactorBinDecl {
  readonly kind: 'FactorBinDecl';
  readonly match: FactorBinMatch;
  readonly points: NumberLiteral;
  readonly range: Range;
}

/** `when client.kind = company and client.nationality != "MX" -> +20 reason "EMPRESA_EXTRANJERA"` */
export interface ConditionDecl {
  readonly kind: 'ConditionDecl';
  readonly condition: Expr;
  readonly points: NumberLiteral;
  readonly reason: StringLiteral;
  readonly range: Range;
}

/** `high when points >= 50` */
export interface GradeCutoffDecl {
  readonly kind: 'GradeCutoffDecl';
  readonly grade: Identifier;
  readonly min: NumberLiteral;
  readonly range: Range;
}

/** `otherwise low` */
export interface GradeOtherwiseDecl {
  readonly kind: 'GradeOtherwiseDecl';
  readonly grade: Identifier;
  readonly range: Range;
}

/** `unusual "FRACCIONAMIENTO" when ... message "..."` */
export interface UnusualRuleDecl {
  readonly kind: 'UnusualRuleDecl';
  readonly code: StringLiteral;
  readonly condition: Expr;
  readonly message?: StringLiteral;
  readonly range: Range;
}
