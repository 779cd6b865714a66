// Eligibility conditions the form can edit: `field op value` clauses joined by `and` (and the
// shorthands `field in { a, b }`, `field is present`, `field is missing`, a boolean `field` and
// `not field`). Anything else — `or`, arithmetic, calls, parentheses, two fields compared — is a
// complex condition the form shows read-only and leaves to the text.
import type { Expr } from '@plazo/dsl';

export type ClauseOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'present' | 'missing' | 'true' | 'false';

export const CLAUSE_OPS: readonly ClauseOp[] = ['=', '!=', '<', '<=', '>', '>=', 'in', 'present', 'missing', 'true', 'false'];

/** Operators that take no value. */
export function opTakesValue(op: ClauseOp): boolean {
  return op !== 'present' && op !== 'missing' && op !== 'true' && op !== 'false';
}

/** One clause as read from the text: the field, the operator, the value as written (strings unescaped). */
export interface ClauseValue {
  readonly field: string;
  readonly op: ClauseOp;
  /** The literal as written (`4_000`, `60%`, `planta`, `2025-01-01`), a string's text unescaped; '' when the op takes none. */
  readonly value: string;
  /** For `in`: the values listed. */
  readonly values?: readonly string[];
  /** How the value is written: decides how a new value is spelled. */
  readonly literal: 'number' | 'percent' | 'string' | 'boolean' | 'date' | 'name' | 'none';
}

/** The `and`-joined parts of a condition, left to right. */
function conjuncts(expr: Expr): Expr[] {
  if (expr.kind === 'BinaryExpr' && expr.operator === 'and') return [...conjuncts(expr.left), ...conjuncts(expr.right)];
  return [expr];
}

const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);

function literalOf(expr: Expr, text: string): { value: string; literal: ClauseValue['literal'] } | undefined {
  const written = text.slice(expr.range.start.offset, expr.range.end.offset);
  switch (expr.kind) {
    case 'NumberLiteral':
      return { value: written, literal: 'number' };
    case 'PercentLiteral':
      return { value: written, literal: 'percent' };
    case 'StringLiteral':
      return { value: expr.value, literal: 'string' };
    case 'BooleanLiteral':
      return { value: String(expr.value), literal: 'boolean' };
    case 'DateLiteral':
      return { value: expr.value, literal: 'date' };
    case 'NameRef':
      return { value: expr.name, literal: 'name' };
    case 'UnaryExpr':
      return expr.operator === '-' && expr.operand.kind === 'NumberLiteral' ? { value: written.replace(/\s+/g, ''), literal: 'number' } : undefined;
    default:
      return undefined;
  }
}

/**
 * The clauses of a simple condition, or undefined when the condition is complex. `isField` says
 * whether a name is a declared input or `let` (a name on the right of `=` that is not one is an enum value).
 * @example simpleClauses(rule.condition, text, isField) // [{ field: 'payroll.net_pay', op: '<', value: '4_000', literal: 'number' }]
 */
export function simpleClauses(condition: Expr, text: string, isField: (name: string) => boolean): ClauseValue[] | undefined {
  const clauses: ClauseValue[] = [];
  for (const part of conjuncts(condition)) {
    const clause = simpleClause(part, text, isField);
    if (!clause) return undefined;
    clauses.push(clause);
  }
  return clauses;
}

function simpleClause(expr: Expr, text: string, isField: (name: string) => boolean): ClauseValue | undefined {
  switch (expr.kind) {
    case 'NameRef':
      return isField(expr.name) ? { field: expr.name, op: 'true', value: '', literal: 'none' } : undefined;
    case 'UnaryExpr':
      return expr.operator === 'not' && expr.operand.kind === 'NameRef' && isField(expr.operand.name)
        ? { field: expr.operand.name, op: 'false', value: '', literal: 'none' }
        : undefined;
    case 'PresenceExpr':
      return expr.operand.kind === 'NameRef' && isField(expr.operand.name)
        ? { field: expr.operand.name, op: expr.present ? 'present' : 'missing', value: '', literal: 'none' }
        : undefined;
    case 'InExpr': {
      if (expr.operand.kind !== 'NameRef' || !isField(expr.operand.name) || expr.values.length === 0) return undefined;
      const values = expr.values.map((v) => literalOf(v, text));
      if (values.some((v) => v === undefined || (v.literal === 'name' && isField(v.value)))) return undefined;
      const literal = values[0]!.literal;
      if (values.some((v) => v!.literal !== literal)) return undefined;
      const written = values.map((v) => v!.value);
      return { field: expr.operand.name, op: 'in', value: written.join(', '), values: written, literal };
    }
    case 'BinaryExpr': {
      if (!COMPARISONS.has(expr.operator) || expr.left.kind !== 'NameRef' || !isField(expr.left.name)) return undefined;
      const value = literalOf(expr.right, text);
      if (!value || (value.literal === 'name' && isField(value.value))) return undefined;
      return { field: expr.left.name, op: expr.operator as ClauseOp, value: value.value, literal: value.literal };
    }
    default:
      return undefined;
  }
}

/** The operators the form offers for a field of this type (presence only for optional fields). */
export function opsFor(type: string, optional: boolean): ClauseOp[] {
  const presence: ClauseOp[] = optional ? ['present', 'missing'] : [];
  switch (type) {
    case 'enum':
      return ['=', '!=', 'in', ...presence];
    case 'boolean':
      return ['true', 'false', ...presence];
    case 'string':
      return ['=', '!=', ...presence];
    default:
      return ['<', '<=', '>', '>=', '=', '!=', ...presence];
  }
}
