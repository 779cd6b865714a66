// Whether a condition can be true at all, given the declared ranges of the inputs it compares:
// `applicant.age > 120` with age 18..99 is never true, `applicant.age >= 18` always is.
import type { Dec } from '@plazo/engine';
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

const FLIPPED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };
const UNBOUNDED = interval(undefined, undefined);

/** The values of `x` that make `x operator value` true, or undefined for other operators. */
function truthSet(operator: string, value: Dec): Interval[] | undefined {
  const open = (o: boolean): Bound => ({ value, open: o });
  switch (operator) {
    case '>':
      return [{ lo: open(true), hi: UNBOUNDED.hi }];
    case '>=':
      return [{ lo: open(false), hi: UNBOUNDED.hi }];
    case '<':
      return [{ lo: UNBOUNDED.lo, hi: open(true) }];
    case '<=':
      return [{ lo: UNBOUNDED.lo, hi: open(false) }];
    case '=':
      return [{ lo: open(false), hi: open(false) }];
    case '!=':
      return [
        { lo: UNBOUNDED.lo, hi: open(true) },
        { lo: open(true), hi: UNBOUNDED.hi },
      ];
    default:
      return undefined;
  }
}

function compareWithBounds(operator: string, left: Expr, right: Expr, scope: Scope): Verdict {
  if (left.kind !== 'NameRef' && right.kind === 'NameRef') return compareWithBounds(FLIPPED[operator] ?? operator, right, left, scope);
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
  const truths = truthSet(operator, value);
  if (!truths) return MAYBE;
  const domain = interval(lo, hi, bounds.maxExclusive);
  // The reason is spelled only for a decided verdict (most conditions are `maybe`).
  const because = () => `\`${left.name}\` is declared ${lo ? showValue(lo, percent) : ''}..${bounds.maxExclusive ? '<' : ''}${hi ? showValue(hi, percent) : ''}`;
  if (truths.every((t) => isEmpty(intersect(domain, t)))) return { truth: 'never', because: because() };
  // A missing optional value makes every comparison false, so it is never "always".
  if (uncovered(domain, truths).length === 0 && !symbol.optional) return { truth: 'always', because: because() };
  return MAYBE;
}
