// Expressions to JSON Logic, with the operator set documented in engine/src/ir/product-ir.ts:
// numbers as {"decimal": "..."}, percents as fractions, names as {"var": path}, enum values as
// strings. Runs only on checked trees (no unknown names, no error holes).
import type { BinaryOperator, Expr } from '../ast/nodes.ts';
import type { JsonLogic } from '@plazo/engine';
import { lookup, type Scope } from '../check/scope.ts';
import { decimalText, literalText } from './decimal-text.ts';

const OPERATORS: Record<BinaryOperator, string> = {
  or: 'or',
  and: 'and',
  '=': '==',
  '!=': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
};

/**
 * The JSON Logic of a checked expression.
 * @example toJsonLogic(parse('... applicant.age > 70 ...'), scope) // {">": [{"var": "applicant.age"}, {"decimal": "70"}]}
 */
export function toJsonLogic(expr: Expr, scope: Scope): JsonLogic {
  switch (expr.kind) {
    case 'NumberLiteral':
    case 'PercentLiteral':
      return { decimal: literalText(expr) };
    case 'StringLiteral':
    case 'DateLiteral':
    case 'BooleanLiteral':
      return expr.value;
    case 'ParenExpr':
      return toJsonLogic(expr.inner, scope);
    case 'NameRef':
      if (expr.name === 'today') return { today: [] };
      // A bare name the checker accepted without declaring it is an enum value.
      return lookup(scope, expr.name) ? { var: expr.name } : expr.name;
    case 'UnaryExpr':
      return expr.operator === 'not' ? { '!': toJsonLogic(expr.operand, scope) } : { '-': [toJsonLogic(expr.operand, scope)] };
    case 'BinaryExpr': {
      const operator = OPERATORS[expr.operator];
      if (expr.operator === 'and' || expr.operator === 'or') {
        // `a and b and c` is one {"and": [a, b, c]}.
        return { [operator]: [...chain(expr.left, expr.operator), ...chain(expr.right, expr.operator)].map((e) => toJsonLogic(e, scope)) };
      }
      return { [operator]: [toJsonLogic(expr.left, scope), toJsonLogic(expr.right, scope)] };
    }
    case 'InExpr':
      return { in: [toJsonLogic(expr.operand, scope), expr.values.map((value) => toJsonLogic(value, scope))] };
    case 'PresenceExpr': {
      const missing = { missing: [presencePath(expr.operand)] };
      return expr.present ? { '!': missing } : { '!!': missing };
    }
    case 'IfExpr':
      return { if: [toJsonLogic(expr.condition, scope), toJsonLogic(expr.then, scope), toJsonLogic(expr.otherwise, scope)] };
    case 'CallExpr':
      return { [expr.callee.name]: expr.args.map((arg) => toJsonLogic(arg, scope)) };
    case 'ErrorExpr':
      throw new Error('internal: compiling an expression with a syntax error (the checker should have refused it)');
  }
}

function chain(expr: Expr, operator: 'and' | 'or'): Expr[] {
  let inner = expr;
  while (inner.kind === 'ParenExpr') inner = inner.inner;
  if (inner.kind === 'BinaryExpr' && inner.operator === operator) return [...chain(inner.left, operator), ...chain(inner.right, operator)];
  return [expr];
}

function presencePath(operand: Expr): string {
  let inner = operand;
  while (inner.kind === 'ParenExpr') inner = inner.inner;
  if (inner.kind !== 'NameRef') throw new Error('internal: presence test on an expression (the checker should have refused it)');
  return inner.name;
}

