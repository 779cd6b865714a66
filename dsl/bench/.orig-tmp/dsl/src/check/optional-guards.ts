// Which optional values an expression reads without an `is present` / `is missing` test: a
// comparison with a missing value is false, so such a rule silently never fires for those clients.
import type { Expr, NameRef } from '../ast/nodes.ts';
import { lookup, type Scope } from './scope.ts';

/** References to optional inputs (or lets that may be missing) whose name is never tested for presence in `expr`. */
export function unguardedOptionalRefs(expr: Expr | undefined, scope: Scope): NameRef[] {
  if (expr === undefined) return [];
  const guarded = new Set<string>();
  const refs: NameRef[] = [];
  visit(expr, (node) => {
    if (node.kind === 'PresenceExpr' && node.operand.kind === 'NameRef') guarded.add(node.operand.name);
    if (node.kind === 'NameRef') refs.push(node);
  });
  return refs.filter((ref) => {
    if (guarded.has(ref.name)) return false;
    const symbol = lookup(scope, ref.name);
    return symbol !== undefined && symbol.kind !== 'builtin' && symbol.optional;
  });
}

/** Calls `f` on every expression node of `expr`, outermost first. */
export function visit(expr: Expr | undefined, f: (node: Expr) => void): void {
  if (expr === undefined) return;
  f(expr);
  switch (expr.kind) {
    case 'BinaryExpr':
      visit(expr.left, f);
      visit(expr.right, f);
      break;
    case 'UnaryExpr':
      visit(expr.operand, f);
      break;
    case 'InExpr':
      visit(expr.operand, f);
      for (const value of expr.values) visit(value, f);
      break;
    case 'PresenceExpr':
      // The operand of a presence test is a guard, not a read.
      if (expr.operand.kind !== 'NameRef') visit(expr.operand, f);
      break;
    case 'IfExpr':
      visit(expr.condition, f);
      visit(expr.then, f);
      visit(expr.otherwise, f);
      break;
    case 'CallExpr':
      for (const arg of expr.args) visit(arg, f);
      break;
    case 'ParenExpr':
      visit(expr.inner, f);
      break;
    default:
      break;
  }
}

/** A structural key of an expression, ignoring ranges and parentheses: equal keys mean the same condition. */
export function expressionKey(expr: Expr | undefined): string {
  if (expr === undefined) return '?';
  switch (expr.kind) {
    case 'NumberLiteral':
    case 'DateLiteral':
      return expr.value;
    case 'PercentLiteral':
      return `${expr.fraction}f`;
    case 'StringLiteral':
      return JSON.stringify(expr.value);
    case 'BooleanLiteral':
      return String(expr.value);
    case 'NameRef':
      return expr.name;
    case 'ParenExpr':
      return expressionKey(expr.inner);
    case 'BinaryExpr':
      return `(${expressionKey(expr.left)} ${expr.operator} ${expressionKey(expr.right)})`;
    case 'UnaryExpr':
      return `(${expr.operator} ${expressionKey(expr.operand)})`;
    case 'InExpr':
      return `(${expressionKey(expr.operand)} in ${expr.values.map(expressionKey).join(',')})`;
    case 'PresenceExpr':
      return `(${expressionKey(expr.operand)} is ${expr.present ? 'present' : 'missing'})`;
    case 'IfExpr':
      return `(if ${expressionKey(expr.condition)} ${expressionKey(expr.then)} ${expressionKey(expr.otherwise)})`;
    case 'CallExpr':
      return `${expr.callee?.name ?? '?'}(${expr.args.map(expressionKey).join(',')})`;
    case 'ErrorExpr':
      return `?${expr.range.start.offset}`;
  }
}
