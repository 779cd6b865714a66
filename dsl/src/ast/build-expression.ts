// Expression CST → AST. The CST is flat (operand, then operator-operand tails); precedence climbing
// builds the tree here, without recursion per operand or per prefix. A hole left by error recovery
// becomes an ErrorExpr. Every node's height is tracked: an expression nested deeper than
// MAX_NESTING is reported once (`nesting-too-deep`) and its too-deep part becomes an ErrorExpr, so
// no later phase recurses deeper than that. A long run of one associative operator
// (`a + b + c + …`, `x and y and …`, `p or q or …`) is built as a balanced tree (see `run`).
import { diagnostic } from '../messages/catalogue.ts';
import type { CstNode, IToken } from 'chevrotain';
import { spelling } from '../lexer/lexer.ts';
import { MAX_NESTING } from '../parser/nesting.ts';
import {
  booleanLiteral,
  dateLiteral,
  identifier,
  numberLiteral,
  percentLiteral,
  stringLiteral,
  type BuildContext,
} from './build-literals.ts';
import { child, children, cover, emptyAt, hasRealToken, nodeRange, token, tokenRange, tokens, type PlazoCstNode } from './cst.ts';
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

/**
 * Operators whose grouping does not change the value: `+` (exact decimals), `and`, `or`. A run
 * of one of them longer than BALANCE_AFTER operands is built as a balanced tree, so its height
 * grows with the logarithm of its length; shorter runs keep the usual left-nested shape (and
 * their IR, hence the product hash). The formatter prints both the same way.
 */
const ASSOCIATIVE = new Set<string>(['+', 'and', 'or']);
const BALANCE_AFTER = 16;

function hasErrorOperand(expr: Expr): boolean {
  return expr.kind === 'BinaryExpr' && (expr.left.kind === 'ErrorExpr' || expr.right.kind === 'ErrorExpr');
}

/** The height of each composite node built (a leaf is 0): nodes are frozen, so it lives here. */
const heights = new WeakMap<Expr, number>();

function heightOf(expr: Expr): number {
  return heights.get(expr) ?? 0;
}

/** What the parts of one top-level expression share: whether its nesting was reported. */
class Nesting {
  private reported = false;

  constructor(private readonly ctx: BuildContext) {}

  /**
   * `node`, one level above `parts`; past MAX_NESTING an ErrorExpr in its place, reported at
   * `at` (the token where the limit is crossed) unless this expression was reported already.
   */
  level(node: Expr, parts: readonly Expr[], at: IToken | undefined): Expr {
    let height = 0;
    for (const part of parts) height = Math.max(height, heightOf(part));
    height++;
    if (height <= MAX_NESTING) {
      heights.set(node, height);
      return node;
    }
    this.report(at ? tokenRange(at, this.ctx.lines) : node.range);
    return errorExpr(node.range);
  }

  /** Reports `nesting-too-deep` at `at`, once per top-level expression. */
  report(at: Range): void {
    if (this.reported) return;
    this.reported = true;
    this.ctx.diagnostics.push(diagnostic('error', 'nesting-too-deep', { max: MAX_NESTING }, at));
  }
}

/** The flat expression of the CST, consumed left to right by precedence climbing. */
class FlatExpression {
  private index = 0;
  private readonly tails: CstNode[];

  constructor(
    private readonly node: CstNode,
    private readonly ctx: BuildContext,
    private readonly here: Range,
    private readonly nesting: Nesting,
  ) {
    this.tails = children(node, 'tails');
  }

  build(): Expr {
    const first = this.operand(child(this.node, 'operand'), emptyAt(this.here.start));
    return this.climb(first, 0);
  }

  /** Extends `left` with every tail whose operator binds at least `minPrecedence`. */
  private climb(left: Expr, minPrecedence: number): Expr {
    let comparisonMade = false;
    while (this.index < this.tails.length) {
      const tail = this.tails[this.index]!;
      const operator = token(tail, 'operator');
      const precedence = operator ? (PRECEDENCE[spelling(operator)] ?? 0) : COMPARISON;
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
        const right = this.climb(this.operand(child(tail, 'operand'), emptyAt(tailRange.end)), precedence + 1);
        left = ASSOCIATIVE.has(spelling(operator)) ? this.run(left, operator, right, precedence) : this.binary(left, operator, right);
      } else if (token(tail, 'in')) {
        const values = children(tail, 'values')
          .filter(isWritten)
          .map((value) => this.nested(value, emptyAt(tailRange.end)));
        const node = Object.freeze({ kind: 'InExpr', operand: left, values, range: cover(left.range, tailRange) }) as Expr;
        left = this.nesting.level(node, [left, ...values], token(tail, 'in'));
      } else {
        const presence = token(tail, 'presence');
        const node = Object.freeze({ kind: 'PresenceExpr', operand: left, present: presence?.image === 'present', range: cover(left.range, tailRange) }) as Expr;
        left = this.nesting.level(node, [left], token(tail, 'is'));
      }
    }
    return left;
  }

  /**
   * `left op right`, then every following tail with the same operator: a run `a op b op c …`.
   * Up to BALANCE_AFTER operands it nests to the left as usual; longer, neighbours are paired
   * level by level (`((a op b) op (c op d)) op e`), in order, so the run is walked with a stack
   * depth of its logarithm.
   */
  private run(left: Expr, operator: IToken, right: Expr, precedence: number): Expr {
    let operands = [left, right];
    let operators = [operator];
    for (;;) {
      const tail = this.tails[this.index];
      const next = tail && token(tail, 'operator');
      if (next === undefined || spelling(next) !== spelling(operator)) break;
      this.index++;
      const tailRange = nodeRange(tail, emptyAt(operands[operands.length - 1]!.range.end), this.ctx.lines);
      operands.push(this.climb(this.operand(child(tail, 'operand'), emptyAt(tailRange.end)), precedence + 1));
      operators.push(next);
    }
    if (operands.length <= BALANCE_AFTER) {
      let result = operands[0]!;
      for (let i = 0; i < operators.length; i++) result = this.binary(result, operators[i]!, operands[i + 1]!);
      return result;
    }
    while (operands.length > 1) {
      const paired: Expr[] = [];
      const between: IToken[] = [];
      for (let i = 0; i < operands.length; i += 2) {
        if (i + 1 < operands.length) paired.push(this.binary(operands[i]!, operators[i]!, operands[i + 1]!));
        else paired.push(operands[i]!);
        if (i + 1 < operators.length) between.push(operators[i + 1]!);
      }
      operands = paired;
      operators = between;
    }
    return operands[0]!;
  }

  private binary(left: Expr, operator: IToken, right: Expr): Expr {
    const node = Object.freeze({
      kind: 'BinaryExpr',
      operator: spelling(operator) as BinaryOperator,
      left,
      right,
      range: cover(left.range, right.range),
    }) as Expr;
    return this.nesting.level(node, [left, right], operator);
  }

  private chained(tail: CstNode): void {
    this.ctx.diagnostics.push(diagnostic('error', 'chained-comparison', {}, nodeRange(tail, this.here, this.ctx.lines)));
  }

  /** An operand: its atom, then its prefix operators from the innermost out. */
  private operand(node: CstNode | undefined, fallback: Range): Expr {
    if (!node || !hasRealToken(node)) return errorExpr(fallback);
    const prefixes = tokens(node, 'prefixes');
    let expr = this.atom(node, nodeRange(node, fallback, this.ctx.lines));
    for (let i = prefixes.length - 1; i >= 0; i--) {
      const op = prefixes[i]!;
      // `not` also takes the tails that bind tighter than `and`; `-` only its atom.
      const minus = spelling(op) === '-';
      const operand = minus ? expr : this.climb(expr, NOT_OPERAND);
      const node = Object.freeze({ kind: 'UnaryExpr', operator: minus ? '-' : 'not', operand, range: cover(tokenRange(op, this.ctx.lines), operand.range) }) as Expr;
      // Levels are counted from the atom out; a reader counts prefixes from the left.
      expr = this.nesting.level(node, [operand], prefixes[prefixes.length - 1 - i]);
    }
    return expr;
  }

  /** An `expression` CST node nested in this one (in parentheses, `if`, a call, an `in` list). */
  private nested(node: CstNode | undefined, fallback: Range): Expr {
    return buildNested(node, this.ctx, fallback, this.nesting);
  }

  /** The atom of an `operand` CST node. */
  private atom(node: CstNode, here: Range): Expr {
    const ctx = this.ctx;
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
        .filter(isWritten)
        .map((arg) => this.nested(arg, emptyAt(range.end)));
      const callNode = Object.freeze({ kind: 'CallExpr', callee: identifier(callee, ctx), args, range }) as Expr;
      return this.nesting.level(callNode, args, callee);
    }
    const paren = child(node, 'paren');
    if (paren) {
      const range = nodeRange(paren, here, ctx.lines);
      const inner = this.nested(child(paren, 'inner'), emptyAt(range.end));
      return this.nesting.level(Object.freeze({ kind: 'ParenExpr', inner, range }), [inner], (paren as unknown as PlazoCstNode).first);
    }
    const ifNode = child(node, 'if');
    if (ifNode) {
      const range = nodeRange(ifNode, here, ctx.lines);
      const end = emptyAt(range.end);
      const condition = this.nested(child(ifNode, 'condition'), end);
      const then = this.nested(child(ifNode, 'then'), end);
      const otherwise = this.nested(child(ifNode, 'otherwise'), end);
      const node = Object.freeze({ kind: 'IfExpr', condition, then, otherwise, range }) as Expr;
      return this.nesting.level(node, [condition, then, otherwise], (ifNode as unknown as PlazoCstNode).first);
    }
    return errorExpr(here);
  }
}

/** A list element that was written: it holds tokens, or the parser stopped in it (too deep). */
function isWritten(node: CstNode): boolean {
  return hasRealToken(node) || (node as unknown as PlazoCstNode).tooDeep !== undefined;
}

function buildNested(node: CstNode | undefined, ctx: BuildContext, fallback: Range, nesting: Nesting): Expr {
  const tooDeep = (node as unknown as PlazoCstNode | undefined)?.tooDeep;
  if (tooDeep) {
    // The parser stopped here (parser.ts, `enterExpression`): `tooDeep` opened one level too many.
    const at = Number.isFinite(tooDeep.startOffset) ? tokenRange(tooDeep, ctx.lines) : fallback;
    nesting.report(at);
    return errorExpr(at);
  }
  if (!node || !hasRealToken(node)) return errorExpr(fallback);
  return new FlatExpression(node, ctx, nodeRange(node, fallback, ctx.lines), nesting).build();
}

/** An `expression` CST node (or its absence) → Expr, at most MAX_NESTING levels deep. */
export function buildExpression(node: CstNode | undefined, ctx: BuildContext, fallback: Range): Expr {
  return buildNested(node, ctx, fallback, new Nesting(ctx));
}
