// Expression CST → AST. The CST is flat (operand, then operator-operand tails); precedence climbing
// builds the tree here. A hole left by error recovery becomes an ErrorExpr.
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
import { child, children, cover, emptyAt, hasRealToken, nodeRange, token, tokenRange, tokens } from './cst.ts';
import type { BinaryOperator, Expr, Range } from './nodes.ts';

function errorExpr(range: Range): Expr {
  return Object.freeze({ kind: 'ErrorExpr', range });
}

/** Binding power of the binary operators: `or` < `and` < (`not`) < comparisons < `+ -` < `* /`. */
const PRECEDENCE: Record<string, number> = {
  or: 1,
  and: 2,
  '=': 4,
  '!=': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
};
/** `not x` takes everything that binds tighter than `and`: `not a = b` is `not (a = b)`. */
const NOT_OPERAND = 4;
const COMPARISON = 4;

function hasErrorOperand(expr: Expr): boolean {
  return expr.kind === 'BinaryExpr' && (expr.left.kind === 'ErrorExpr' || expr.right.kind === 'ErrorExpr');
}

/** The flat expression of the CST, consumed left to right by precedence climbing. */
class FlatExpression {
  private index = 0;
  private readonly tails: CstNode[];

  constructor(
    private readonly node: CstNode,
    private readonly ctx: BuildContext,
    private readonly here: Range,
  ) {
    this.tails = children(node, 'tails');
  }

  build(): Expr {
    const first = this.operand(child(this.node, 'operand'), 0, emptyAt(this.here.start));
    return this.climb(first, 0);
  }

  /** Extends `left` with every tail whose operator binds at least `minPrecedence`. */
  private climb(left: Expr, minPrecedence: number): Expr {
    let comparisonMade = false;
    while (this.index < this.tails.length) {
      const tail = this.tails[this.index]!;
      const operator = token(tail, 'operator');
      const precedence = operator ? (PRECEDENCE[operator.image] ?? 0) : COMPARISON;
      if (precedence < minPrecedence || (operator === undefined && !token(tail, 'in') && !token(tail, 'is'))) break;
      this.index++;
      if (precedence === COMPARISON) {
        // Comparisons do not chain: `a < b < c` is reported rather than read as `(a < b) < c`.
        // (After a recovered error the first comparison is a hole: not worth a second message.)
        if (comparisonMade && left.kind !== 'ErrorExpr' && !hasErrorOperand(left)) this.chained(tail);
        comparisonMade = true;
      }
      const tailRange = nodeRange(tail, emptyAt(left.range.end), this.ctx.lines);
      if (operator) {
        const right = this.climb(this.operand(child(tail, 'operand'), 0, emptyAt(tailRange.end)), precedence + 1);
        left = Object.freeze({
          kind: 'BinaryExpr',
          operator: operator.image as BinaryOperator,
          left,
          right,
          range: cover(left.range, right.range),
        });
      } else if (token(tail, 'in')) {
        const values = children(tail, 'values')
          .filter(hasRealToken)
          .map((value) => buildExpression(value, this.ctx, emptyAt(tailRange.end)));
        left = Object.freeze({ kind: 'InExpr', operand: left, values, range: cover(left.range, tailRange) });
      } else {
        const presence = token(tail, 'presence');
        left = Object.freeze({ kind: 'PresenceExpr', operand: left, present: presence?.image === 'present', range: cover(left.range, tailRange) });
      }
    }
    return left;
  }

  private chained(tail: CstNode): void {
    this.ctx.diagnostics.push({
      severity: 'error',
      code: 'chained-comparison',
      message: 'comparisons cannot be chained',
      range: nodeRange(tail, this.here, this.ctx.lines),
      help: 'join two comparisons with `and`: `a < b and b < c`',
    });
  }

  /** An operand: its prefix operators (from `prefix` on), applied to the atom. */
  private operand(node: CstNode | undefined, prefix: number, fallback: Range): Expr {
    if (!node || !hasRealToken(node)) return errorExpr(fallback);
    const prefixes = tokens(node, 'prefixes');
    const op = prefixes[prefix];
    if (!op) return atom(node, this.ctx, nodeRange(node, fallback, this.ctx.lines));
    const start = tokenRange(op, this.ctx.lines);
    if (op.image === '-') {
      const operand = this.operand(node, prefix + 1, fallback);
      return Object.freeze({ kind: 'UnaryExpr', operator: '-', operand, range: cover(start, operand.range) });
    }
    // `not` also takes the tails that bind tighter than `and`.
    const operand = this.climb(this.operand(node, prefix + 1, fallback), NOT_OPERAND);
    return Object.freeze({ kind: 'UnaryExpr', operator: 'not', operand, range: cover(start, operand.range) });
  }
}

/** An `expression` CST node (or its absence) → Expr. */
export function buildExpression(node: CstNode | undefined, ctx: BuildContext, fallback: Range): Expr {
  if (!node || !hasRealToken(node)) return errorExpr(fallback);
  return new FlatExpression(node, ctx, nodeRange(node, fallback, ctx.lines)).build();
}

/** The atom of an `operand` CST node. */
function atom(node: CstNode, ctx: BuildContext, here: Range): Expr {
  let t: IToken | undefined;
  if ((t = token(node, 'number'))) return numberLiteral(t, ctx);
  if ((t = token(node, 'percent'))) return percentLiteral(t, ctx);
  if ((t = token(node, 'string'))) return stringLiteral(t, ctx);
  if ((t = token(node, 'date'))) return dateLiteral(t, ctx);
  if ((t = token(node, 'boolean'))) return booleanLiteral(t, ctx);
  if ((t = token(node, 'name'))) return Object.freeze({ kind: 'NameRef', name: t.image, range: tokenRange(t, ctx.lines) });
  const call = child(node, 'call');
  if (call) {
    const callee = token(call, 'callee');
    const range = nodeRange(call, here, ctx.lines);
    if (!callee) return errorExpr(range);
    const args = children(call, 'args')
      .filter(hasRealToken)
      .map((arg) => buildExpression(arg, ctx, emptyAt(range.end)));
    return Object.freeze({ kind: 'CallExpr', callee: identifier(callee, ctx), args, range });
  }
  const paren = child(node, 'paren');
  if (paren) {
    const range = nodeRange(paren, here, ctx.lines);
    const inner = buildExpression(child(paren, 'inner'), ctx, emptyAt(range.end));
    return Object.freeze({ kind: 'ParenExpr', inner, range });
  }
  const ifNode = child(node, 'if');
  if (ifNode) {
    const range = nodeRange(ifNode, here, ctx.lines);
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
