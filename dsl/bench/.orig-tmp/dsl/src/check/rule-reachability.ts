// Whether a condition can be true at all, given the declared ranges of the inputs it compares:
// `applicant.age > 120` with age 18..99 is never true, `applicant.age >= 18` always is.
import type { Expr } from '../ast/nodes.ts';
import { literalValue, showValue } from './decimals.ts';
import { interval, intersect, isEmpty, uncovered, type Bound, type Interval } from './intervals.ts';
import { lookup, type Scope } from './scope.ts';

export type Truth = 'always' | 'never' | 'maybe';

/** The truth of a condition over every application the schema allows, with why when decided. */
export interface Verdict {
  readonly truth: Truth;
  /** Why, for the message: "`applicant.age` is declared 18..99". */
  readonly because?: string;
}

const MAYBE: Verdict = { truth: 'maybe' };

/** Decides `expr` when it is built from comparisons of bounded inputs with literals; else `maybe`. */
export function truthOf(expr: Expr | undefined, scope: Scope): Verdict {
  if (expr === undefined) return MAYBE;
  switch (expr.kind) {
    case 'ParenExpr':
      return truthOf(expr.inner, scope);
    case 'BooleanLiteral':
      return { truth: expr.value ? 'always' : 'never', because: `it is \`${expr.value}\`` };
    case 'UnaryExpr': {
      if (expr.operator !== 'not') return MAYBE;
      const inner = truthOf(expr.operand, scope);
      return inner.truth === 'maybe' ? MAYBE : { ...inner, truth: inner.truth === 'always' ? 'never' : 'always' };
    }
    case 'BinaryExpr': {
      if (expr.operator === 'and' || expr.operator === 'or') {
        const left = truthOf(expr.left, scope);
        const right = truthOf(expr.right, scope);
        const decisive = expr.operator === 'and' ? 'never' : 'always';
        if (left.truth === decisive) return left;
        if (right.truth === decisive) return right;
        if (left.truth !== 'maybe' && right.truth !== 'maybe') return left;
        return MAYBE;
      }
      return compareWithBounds(expr.operator, expr.left, expr.right, scope);
    }
    default:
      return MAYBE;
  }
}

function compareWithBounds(operator: string, left: Expr, right: Expr, scope: Scope): Verdict {
  const flipped: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };
  if (left.kind !== 'NameRef' && right.kind === 'NameRef') return compareWithBounds(flipped[operator] ?? operator, right, left, scope);
  if (left.kind !== 'NameRef' || (right.kind !== 'NumberLiteral' && right.kind !== 'PercentLiteral')) return MAYBE;
  const symbol = lookup(scope, left.name);
  if (symbol?.kind !== 'input' || !symbol.decl.bounds) return MAYBE;
  const bounds = symbol.decl.bounds;
  const percent = symbol.type.kind === 'percent';
  if (percent !== (right.kind === 'PercentLiteral')) return MAYBE; // a type error, reported elsewhere
  const value = literalValue(right);
  const lo = literalValue(bounds.min);
  const hi = literalValue(bounds.max);
  if (!value) return MAYBE;
  const because = `\`${left.name}\` is declared ${lo ? showValue(lo, percent) : ''}..${bounds.maxExclusive ? '<' : ''}${hi ? showValue(hi, percent) : ''}`;
  const domain = interval(lo, hi, bounds.maxExclusive);
  const open = (o: boolean): Bound => ({ value, open: o });
  const truthSets: Record<string, Interval[]> = {
    '>': [{ lo: open(true), hi: interval(undefined, undefined).hi }],
    '>=': [{ lo: open(false), hi: interval(undefined, undefined).hi }],
    '<': [{ lo: interval(undefined, undefined).lo, hi: open(true) }],
    '<=': [{ lo: interval(undefined, undefined).lo, hi: open(false) }],
    '=': [{ lo: open(false), hi: open(false) }],
    '!=': [
      { lo: interval(undefined, undefined).lo, hi: open(true) },
      { lo: open(true), hi: interval(undefined, undefined).hi },
    ],
  };
  const truths = truthSets[operator];
  if (!truths) return MAYBE;
  if (truths.every((t) => isEmpty(intersect(domain, t)))) return { truth: 'never', because };
  // A missing optional value makes every comparison false, so it is never "always".
  if (uncovered(domain, truths).length === 0 && !symbol.optional) return { truth: 'always', because };
  return MAYBE;
}
