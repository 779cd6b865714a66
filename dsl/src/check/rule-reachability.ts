// Whether a condition can be true at all, given the declared ranges of the inputs it compares:
// `applicant.age > 120` with age 18..99 is never true, `applicant.age >= 18` always is, and
// `employment.months > 60 and employment.months < 30` never is (no value meets both sides).
import type { Dec } from '@plazo/engine';
import type { Expr } from '../ast/nodes.ts';
import { literalValue, showValue } from './decimals.ts';
import { interval, intersect, isEmpty, uncovered, type Bound, type Interval } from './intervals.ts';
import { lookup, type NameSymbol, type Scope } from './scope.ts';

export type Truth = 'always' | 'never' | 'maybe';

/** The truth of a condition over every application the schema allows, with why when decided. */
export interface Verdict {
  readonly truth: Truth;
  /** Why, for the message: "`applicant.age` is declared 18..99". */
  readonly because?: Because;
}

/** Why a condition is decided, as message args carry it. */
export type Because =
  | { readonly kind: 'literal'; readonly value: boolean }
  | { readonly kind: 'declared'; readonly name: string; readonly range: string }
  | { readonly kind: 'conflict'; readonly texts: readonly string[] };

const MAYBE: Verdict = { truth: 'maybe' };

/** Decides `expr` when it is built from comparisons of bounded inputs with literals; else `maybe`. */
export function truthOf(expr: Expr | undefined, scope: Scope): Verdict {
  if (expr === undefined) return MAYBE;
  switch (expr.kind) {
    case 'ParenExpr':
      return truthOf(expr.inner, scope);
    case 'BooleanLiteral':
      return { truth: expr.value ? 'always' : 'never', because: { kind: 'literal', value: expr.value } };
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
        return expr.operator === 'and' ? conjunctionVerdict(expr, scope) : MAYBE;
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
  const because = (): Because => ({ kind: 'declared', name: left.name, range: `${lo ? showValue(lo, percent) : ''}..${bounds.maxExclusive ? '<' : ''}${hi ? showValue(hi, percent) : ''}` });
  if (truths.every((t) => isEmpty(intersect(domain, t)))) return { truth: 'never', because: because() };
  // A missing optional value makes every comparison false, so it is never "always".
  if (uncovered(domain, truths).length === 0 && !symbol.optional) return { truth: 'always', because: because() };
  return MAYBE;
}

// ---------------------------------------------------------------- conjunctions

/**
 * The values of one name a condition allows: numeric intervals (a union), or enum/boolean/string
 * values (listed, or all but those listed); `missing` when a missing value satisfies it.
 */
interface ValueSet {
  readonly intervals?: readonly Interval[];
  readonly values?: { readonly members: ReadonlySet<string>; readonly negated: boolean };
  readonly missing: boolean;
}

/** A condition on one name: the values it allows and how it reads in a message. */
interface Constraint {
  readonly name: string;
  readonly set: ValueSet;
  readonly text: string;
}

/** `never` when the conditions joined by `and` ask incompatible things of one name. */
function conjunctionVerdict(expr: Expr, scope: Scope): Verdict {
  const byName = new Map<string, Constraint[]>();
  for (const conjunct of conjuncts(expr)) {
    const constraint = constraintOf(conjunct, scope);
    if (!constraint) continue;
    const list = byName.get(constraint.name);
    if (list) list.push(constraint);
    else byName.set(constraint.name, [constraint]);
  }
  for (const [name, list] of byName) {
    if (list.length < 2) continue;
    // Every constraint came from a name lookup() resolved.
    const symbol = lookup(scope, name)!;
    let set = list[0]!.set;
    for (const next of list.slice(1)) set = meet(set, next.set);
    if (isEmptySet(set, symbol)) {
      return { truth: 'never', because: { kind: 'conflict', texts: list.map((c) => c.text) } };
    }
  }
  return MAYBE;
}

/** The operands of a chain of `and`s (through parentheses). */
function conjuncts(expr: Expr): Expr[] {
  if (expr.kind === 'ParenExpr') return conjuncts(expr.inner);
  if (expr.kind === 'BinaryExpr' && expr.operator === 'and') return [...conjuncts(expr.left), ...conjuncts(expr.right)];
  return [expr];
}

/** The constraint a condition puts on one name, when it is a comparison with literals (or `not`, `or`, `and` of such on that name). */
function constraintOf(expr: Expr, scope: Scope): Constraint | undefined {
  switch (expr.kind) {
    case 'ParenExpr': {
      const inner = constraintOf(expr.inner, scope);
      return inner && { ...inner, text: inner.text.startsWith('(') ? inner.text : `(${inner.text})` };
    }
    case 'UnaryExpr': {
      if (expr.operator !== 'not') return undefined;
      const inner = constraintOf(expr.operand, scope);
      if (!inner) return undefined;
      return { name: inner.name, set: complement(inner.set, lookup(scope, inner.name)!), text: inner.text.startsWith('(') ? `not ${inner.text}` : `not (${inner.text})` };
    }
    case 'PresenceExpr': {
      const operand = expr.operand.kind === 'ParenExpr' ? expr.operand.inner : expr.operand;
      if (operand.kind !== 'NameRef' || !lookup(scope, operand.name)) return undefined;
      const symbol = lookup(scope, operand.name)!;
      const missing: ValueSet = isNumeric(symbol) ? { intervals: [], missing: true } : { values: { members: new Set(), negated: false }, missing: true };
      return { name: operand.name, set: expr.present ? complement(missing, symbol) : missing, text: `${operand.name} is ${expr.present ? 'present' : 'missing'}` };
    }
    case 'InExpr': {
      if (expr.operand.kind !== 'NameRef') return undefined;
      const symbol = lookup(scope, expr.operand.name);
      if (!symbol) return undefined;
      const members = expr.values.map((v) => valueKey(v, symbol));
      if (members.some((m) => m === undefined)) return undefined;
      const text = `${expr.operand.name} in { ${members.join(', ')} }`;
      if (isNumeric(symbol)) {
        const points = expr.values.map((v) => literalValue(v as Parameters<typeof literalValue>[0])!).map((d) => interval(d, d));
        return { name: expr.operand.name, set: { intervals: onDomain(points, symbol), missing: false }, text };
      }
      return { name: expr.operand.name, set: { values: { members: new Set(members as string[]), negated: false }, missing: false }, text };
    }
    case 'NameRef': {
      // A boolean read as a condition: `applicant.has_car` is `applicant.has_car = true`.
      const symbol = lookup(scope, expr.name);
      if (symbol?.type.kind !== 'boolean') return undefined;
      return { name: expr.name, set: { values: { members: new Set(['true']), negated: false }, missing: false }, text: expr.name };
    }
    case 'BinaryExpr': {
      if (expr.operator === 'or' || expr.operator === 'and') {
        const left = constraintOf(expr.left, scope);
        const right = constraintOf(expr.right, scope);
        if (!left || !right || left.name !== right.name) return undefined;
        const symbol = lookup(scope, left.name)!;
        const set = expr.operator === 'or' ? join(left.set, right.set, symbol) : meet(left.set, right.set);
        return { name: left.name, set, text: expr.operator === 'or' ? `(${left.text} or ${right.text})` : `${left.text} and ${right.text}` };
      }
      return comparisonConstraint(expr.operator, expr.left, expr.right, scope);
    }
    default:
      return undefined;
  }
}

/** `name OP literal` (either way round) as a constraint on `name`. */
function comparisonConstraint(operator: string, left: Expr, right: Expr, scope: Scope): Constraint | undefined {
  if (left.kind !== 'NameRef' && right.kind === 'NameRef') return comparisonConstraint(FLIPPED[operator] ?? operator, right, left, scope);
  if (left.kind !== 'NameRef') return undefined;
  const symbol = lookup(scope, left.name);
  if (!symbol) return undefined;
  const key = valueKey(right, symbol);
  if (key === undefined) return undefined;
  const text = `${left.name} ${operator} ${key}`;
  if (isNumeric(symbol)) {
    const truths = truthSet(operator, literalValue(right as Parameters<typeof literalValue>[0])!);
    return truths && { name: left.name, set: { intervals: onDomain(truths, symbol), missing: false }, text };
  }
  if (operator !== '=' && operator !== '!=') return undefined;
  return { name: left.name, set: { values: { members: new Set([key]), negated: operator === '!=' }, missing: false }, text };
}

/** A literal compared with `symbol`, spelt as in the source; undefined when it is not a literal of its kind. */
function valueKey(expr: Expr, symbol: NameSymbol): string | undefined {
  const kind = symbol.type.kind;
  if (isNumeric(symbol)) {
    if (expr.kind === 'NumberLiteral' && kind !== 'percent') return literalValue(expr) ? expr.value : undefined;
    if (expr.kind === 'PercentLiteral' && kind === 'percent') return literalValue(expr) ? `${expr.value}%` : undefined;
    return undefined;
  }
  if (kind === 'boolean' && expr.kind === 'BooleanLiteral') return String(expr.value);
  if (kind === 'string' && expr.kind === 'StringLiteral') return `"${expr.value}"`;
  if (kind === 'enum' && expr.kind === 'NameRef' && (symbol.type.values ?? []).includes(expr.name)) return expr.name;
  if (kind === 'enum' && expr.kind === 'StringLiteral' && (symbol.type.values ?? []).includes(expr.value)) return expr.value;
  return undefined;
}

function isNumeric(symbol: NameSymbol): boolean {
  return ['number', 'integer', 'money', 'percent'].includes(symbol.type.kind);
}

/** Every value the name can take: its declared range (whole numbers on integers), or all of them. */
function domainOf(symbol: NameSymbol): Interval {
  const bounds = symbol.kind === 'input' ? symbol.decl.bounds : undefined;
  const lo = literalValue(bounds?.min);
  const hi = literalValue(bounds?.max);
  const declared = interval(lo, hi, bounds?.maxExclusive ?? false);
  return symbol.type.kind === 'integer' ? wholeNumbers(declared) : declared;
}

/** The intervals cut to the name's domain (and, on integers, to the whole numbers in them). */
function onDomain(intervals: readonly Interval[], symbol: NameSymbol): Interval[] {
  const domain = domainOf(symbol);
  const integer = symbol.type.kind === 'integer';
  return intervals.map((i) => intersect(integer ? wholeNumbers(i) : i, domain)).filter((i) => !isEmpty(i));
}

/** The whole numbers of an interval, as the half-open [a, b+1) the coverage checks use. */
function wholeNumbers(i: Interval): Interval {
  const lo: Bound = !i.lo.value.isFinite() ? i.lo : { value: i.lo.open ? i.lo.value.floor().plus(1) : i.lo.value.ceil(), open: false };
  const hi: Bound = !i.hi.value.isFinite() ? i.hi : { value: (i.hi.open ? i.hi.value.ceil().minus(1) : i.hi.value.floor()).plus(1), open: true };
  return { lo, hi };
}

function meet(a: ValueSet, b: ValueSet): ValueSet {
  const missing = a.missing && b.missing;
  if (a.intervals && b.intervals) return { intervals: a.intervals.flatMap((x) => b.intervals!.map((y) => intersect(x, y))).filter((i) => !isEmpty(i)), missing };
  if (a.values && b.values) {
    const [x, y] = [a.values, b.values];
    if (!x.negated && !y.negated) return { values: { members: new Set([...x.members].filter((m) => y.members.has(m))), negated: false }, missing };
    if (x.negated && y.negated) return { values: { members: new Set([...x.members, ...y.members]), negated: true }, missing };
    const [listed, excluded] = x.negated ? [y, x] : [x, y];
    return { values: { members: new Set([...listed.members].filter((m) => !excluded.members.has(m))), negated: false }, missing };
  }
  return { ...(a.intervals ? { intervals: a.intervals } : { values: a.values! }), missing };
}

function join(a: ValueSet, b: ValueSet, symbol: NameSymbol): ValueSet {
  return complement(meet(complement(a, symbol), complement(b, symbol)), symbol);
}

function complement(set: ValueSet, symbol: NameSymbol): ValueSet {
  // A missing optional value makes every comparison false, so `not` of one holds for it.
  const missing = symbol.optional ? !set.missing : false;
  if (set.intervals) return { intervals: uncovered(domainOf(symbol), set.intervals), missing };
  const values = set.values!;
  return { values: { members: values.members, negated: !values.negated }, missing };
}

function isEmptySet(set: ValueSet, symbol: NameSymbol): boolean {
  if (set.missing && symbol.optional) return false;
  if (set.intervals) return set.intervals.every(isEmpty);
  const { members, negated } = set.values!;
  if (!negated) return members.size === 0;
  const all = symbol.type.kind === 'boolean' ? ['true', 'false'] : symbol.type.kind === 'enum' ? (symbol.type.values ?? []) : undefined;
  return all !== undefined && all.every((v) => members.has(v));
}
