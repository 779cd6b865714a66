// Expression CST → AST: left-associative folds per precedence level; a hole left by error
// recovery becomes an ErrorExpr so passes still see a complete tree.
import type { CstNode, IToken } from 'chevrotain';
import {
  booleanLiteral,
  dateLiteral,
  identifier,
  numberLiteral,
  percentLiteral,
  stringLiteral,
  type BuildContext,
} from './build-literals.ts';
import { child, children, cover, emptyAt, hasRealToken, nodeRange, token, tokens } from './cst.ts';
import type { BinaryOperator, Expr, Range } from './nodes.ts';

function errorExpr(range: Range): Expr {
  return Object.freeze({ kind: 'ErrorExpr', range });
}

/** Folds `operands[0] op[0] operands[1] ...` left-associatively. */
function fold(
  node: CstNode,
  ctx: BuildContext,
  fallback: Range,
  operand: (n: CstNode | undefined, ctx: BuildContext, fallback: Range) => Expr,
): Expr {
  const here = nodeRange(node, fallback);
  const operands = children(node, 'operands');
  const operators = tokens(node, 'operators');
  let result = operand(operands[0], ctx, emptyAt(here.start));
  for (let i = 0; i < operators.length; i++) {
    const op = operators[i]!;
    const right = operand(operands[i + 1], ctx, emptyAt(here.end));
    result = Object.freeze({
      kind: 'BinaryExpr',
      operator: op.image as BinaryOperator,
      left: result,
      right,
      range: cover(result.range, right.range),
    });
  }
  return result;
}

/** An `expression` CST node (or its absence) → Expr. */
export function buildExpression(node: CstNode | undefined, ctx: BuildContext, fallback: Range): Expr {
  if (!node || !hasRealToken(node)) return errorExpr(fallback);
  return fold(node, ctx, fallback, andExpr);
}

function andExpr(node: CstNode | undefined, ctx: BuildContext, fallback: Range): Expr {
  if (!node || !hasRealToken(node)) return errorExpr(fallback);
  return fold(node, ctx, fallback, notExpr);
}

function notExpr(node: CstNode | undefined, ctx: BuildContext, fallback: Range): Expr {
  if (!node || !hasRealToken(node)) return errorExpr(fallback);
  const here = nodeRange(node, fallback);
  const not = token(node, 'not');
  if (not) {
    const operand = notExpr(child(node, 'operand'), ctx, emptyAt(here.end));
    return Object.freeze({ kind: 'UnaryExpr', operator: 'not', operand, range: cover(here, operand.range) });
  }
  return comparison(child(node, 'comparison'), ctx, here);
}

function comparison(node: CstNode | undefined, ctx: BuildContext, fallback: Range): Expr {
  if (!node || !hasRealToken(node)) return errorExpr(fallback);
  const here = nodeRange(node, fallback);
  const left = additive(child(node, 'left'), ctx, emptyAt(here.start));
  const operator = token(node, 'operator');
  if (operator) {
    const right = additive(child(node, 'right'), ctx, emptyAt(here.end));
    return Object.freeze({
      kind: 'BinaryExpr',
      operator: operator.image as BinaryOperator,
      left,
      right,
      range: cover(left.range, right.range),
    });
  }
  if (token(node, 'in')) {
    const values = children(node, 'values')
      .filter(hasRealToken)
      .map((value) => buildExpression(value, ctx, emptyAt(here.end)));
    return Object.freeze({ kind: 'InExpr', operand: left, values, range: cover(left.range, here) });
  }
  if (token(node, 'is')) {
    const presence = token(node, 'presence');
    return Object.freeze({
      kind: 'PresenceExpr',
      operand: left,
      present: presence?.image === 'present',
      range: cover(left.range, here),
    });
  }
  return left;
}

function additive(node: CstNode | undefined, ctx: BuildContext, fallback: Range): Expr {
  if (!node || !hasRealToken(node)) return errorExpr(fallback);
  return fold(node, ctx, fallback, multiplicative);
}

function multiplicative(node: CstNode | undefined, ctx: BuildContext, fallback: Range): Expr {
  if (!node || !hasRealToken(node)) return errorExpr(fallback);
  return fold(node, ctx, fallback, unary);
}

function unary(node: CstNode | undefined, ctx: BuildContext, fallback: Range): Expr {
  if (!node || !hasRealToken(node)) return errorExpr(fallback);
  const here = nodeRange(node, fallback);
  if (token(node, 'minus')) {
    const operand = unary(child(node, 'operand'), ctx, emptyAt(here.end));
    return Object.freeze({ kind: 'UnaryExpr', operator: '-', operand, range: cover(here, operand.range) });
  }
  return atom(child(node, 'atom'), ctx, here);
}

function atom(node: CstNode | undefined, ctx: BuildContext, fallback: Range): Expr {
  if (!node || !hasRealToken(node)) return errorExpr(fallback);
  const here = nodeRange(node, fallback);
  const literal = (label: string): IToken | undefined => token(node, label);
  let t: IToken | undefined;
  if ((t = literal('number'))) return numberLiteral(t);
  if ((t = literal('percent'))) return percentLiteral(t);
  if ((t = literal('string'))) return stringLiteral(t, ctx);
  if ((t = literal('date'))) return dateLiteral(t);
  if ((t = literal('boolean'))) return booleanLiteral(t);
  if ((t = literal('name'))) return Object.freeze({ kind: 'NameRef', name: t.image, range: here });
  const call = child(node, 'call');
  if (call) {
    const callee = token(call, 'callee');
    const range = nodeRange(call, here);
    if (!callee) return errorExpr(range);
    const args = children(call, 'args')
      .filter(hasRealToken)
      .map((arg) => buildExpression(arg, ctx, emptyAt(range.end)));
    return Object.freeze({ kind: 'CallExpr', callee: identifier(callee), args, range });
  }
  const paren = child(node, 'paren');
  if (paren) {
    const range = nodeRange(paren, here);
    const inner = buildExpression(child(paren, 'inner'), ctx, emptyAt(range.end));
    return Object.freeze({ kind: 'ParenExpr', inner, range });
  }
  const ifNode = child(node, 'if');
  if (ifNode) {
    const range = nodeRange(ifNode, here);
    const end = emptyAt(range.end);
    return Object.freeze({
      kind: 'IfExpr',
      condition: buildExpression(child(ifNode, 'condition'), ctx, end),
      then: buildExpression(child(ifNode, 'then'), ctx, end),
      otherwise: buildExpression(child(ifNode, 'otherwise'), ctx, end),
      range,
    });
  }
  return errorExpr(here);
}
