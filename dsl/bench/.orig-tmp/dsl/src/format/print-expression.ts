// Prints expressions and literals canonically: one space around binary operators, parentheses
// only where the source had them (the AST keeps them as ParenExpr), numbers spelled as written.
import type { Expr, Identifier, Literal, NumberLiteral, PercentLiteral, RangeExpr, StringLiteral } from '../ast/nodes.ts';

/** Reads literal spellings back from the source text. */
export class Spelling {
  constructor(private readonly text: string) {}

  /** A literal as written, whitespace between a sign and its digits removed: `5_000`, `-40`, `1.5x`. */
  literal(node: NumberLiteral | PercentLiteral | StringLiteral): string {
    const written = this.text.slice(node.range.start.offset, node.range.end.offset);
    return node.kind === 'StringLiteral' ? written : written.replace(/\s+/g, '');
  }

  /** Any literal or name, as written (booleans and dates have one spelling). */
  value(node: Literal | Identifier): string {
    switch (node.kind) {
      case 'NumberLiteral':
      case 'PercentLiteral':
      case 'StringLiteral':
        return this.literal(node);
      case 'BooleanLiteral':
        return node.value ? 'true' : 'false';
      case 'DateLiteral':
        return node.value;
      case 'Identifier':
        return node.name;
    }
  }

  /** `a..b`, `..<b`, `a..`, `..` */
  range(range: RangeExpr): string {
    const min = range.min ? this.literal(range.min) : '';
    const max = range.max ? this.literal(range.max) : '';
    return `${min}${range.maxExclusive ? '..<' : '..'}${max}`;
  }

  /** An expression on one line. */
  expression(expr: Expr): string {
    switch (expr.kind) {
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'PercentLiteral':
      case 'BooleanLiteral':
      case 'DateLiteral':
        return this.value(expr);
      case 'BinaryExpr':
        return `${this.expression(expr.left)} ${expr.operator} ${this.expression(expr.right)}`;
      case 'UnaryExpr':
        return expr.operator === 'not' ? `not ${this.expression(expr.operand)}` : `-${this.expression(expr.operand)}`;
      case 'InExpr':
        return expr.values.length === 0
          ? `${this.expression(expr.operand)} in {}`
          : `${this.expression(expr.operand)} in { ${expr.values.map((v) => this.expression(v)).join(', ')} }`;
      case 'PresenceExpr':
        return `${this.expression(expr.operand)} is ${expr.present ? 'present' : 'missing'}`;
      case 'IfExpr':
        return `if ${this.expression(expr.condition)} then ${this.expression(expr.then)} else ${this.expression(expr.otherwise)}`;
      case 'CallExpr':
        return `${expr.callee.name}(${expr.args.map((a) => this.expression(a)).join(', ')})`;
      case 'NameRef':
        return expr.name;
      case 'ParenExpr':
        return `(${this.expression(expr.inner)})`;
      case 'ErrorExpr':
        // The formatter refuses files with syntax errors, so no ErrorExpr reaches here.
        throw new Error('cannot print an expression with a syntax error');
    }
  }
}
