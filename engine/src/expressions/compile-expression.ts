// Compiles a JSON Logic expression once into a tree of closures (no eval, no new Function: it
// runs under a strict CSP), with exact decimal arithmetic and "missing" propagation.
import type { IsoDate, JsonLogic } from '../ir/product-ir.ts';
import type { RoundingMode } from '../rounding.ts';
import { add, divide, extreme, multiply, negate, roundNumber, subtract } from './arithmetic.ts';
import { compileEquality, compileIn, compileOrdering } from './compile-comparison.ts';
import { compileMissing, compileVar } from './compile-var.ts';
import { arity, constant, fail, type Fn, type Node, type Options } from './compiled-node.ts';
import { memoizedDateFunction, packedDaysBetween, packedYearsBetween } from './dates.ts';
import { parseExact } from './fixed.ts';
import { ExpressionTypeError, asNumber, exactFromNumber, truthy, type ExactNumber, type ExpressionValue } from './values.ts';

/** A compiled expression: evaluates against application data and the decision date. */
export type CompiledExpression = (data: unknown, today?: IsoDate | null) => ExpressionValue;

/** The operators compileExpression understands (product-ir.ts documents them). */
export const EXPRESSION_OPERATORS = Object.freeze([
  'var', 'decimal', '+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!=', 'and', 'or', '!', '!!',
  'if', 'in', 'min', 'max', 'missing', 'round', 'days_between', 'years_between', 'today',
] as const);

/** How to compile: where the expression sits (for error paths) and the mode of `round`. */
export interface CompileOptions {
  /** Path of the expression in its document, prefixed to error paths: `eligibility[0].when`. */
  readonly path?: string;
  /** Rounding mode of `round` (the product's `pricing.rounding.mode`); default half-even. */
  readonly rounding?: RoundingMode;
}

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** Parses a decimal literal into an exact number (safe integer, Fixed or Dec); undefined if malformed. */
export function parseDecimalLiteral(text: string): ExactNumber | undefined {
  return DECIMAL.test(text) ? parseExact(text) : undefined;
}

function compileDecimal(args: readonly unknown[], path: string, options: Options): Node {
  arity('decimal', args, 1, 1, path);
  const text = args[0];
  if (typeof text === 'string') {
    const value = parseDecimalLiteral(text);
    if (value === undefined) fail(`${path}[0]`, `\`decimal\` takes a decimal string like "0.30", got ${JSON.stringify(text)}`);
    return constant(value);
  }
  if (typeof text === 'number') return constant(exactFromNumber(text, 'decimal'));
  const inner = compileNode(text, `${path}[0]`, options).fn;
  return {
    fn: (data, today) => {
      const v = inner(data, today);
      if (v === null) return null;
      if (typeof v === 'string') {
        const parsed = parseDecimalLiteral(v);
        if (parsed === undefined) throw new ExpressionTypeError(`\`decimal\` takes a decimal string, got ${JSON.stringify(v)}`);
        return parsed;
      }
      return asNumber(v, 'decimal');
    },
  };
}

function reduceNumbers(fns: readonly Fn[], step: (a: ExpressionValue, b: ExpressionValue) => ExpressionValue, op: string): Fn {
  if (fns.length === 1) {
    const only = fns[0]!;
    return (data, today) => asNumber(only(data, today), op);
  }
  if (fns.length === 2) {
    const [f, g] = fns as [Fn, Fn];
    return (data, today) => step(f(data, today), g(data, today));
  }
  return (data, today) => {
    let acc = fns[0]!(data, today);
    for (let i = 1; i < fns.length; i++) acc = step(acc, fns[i]!(data, today));
    return acc;
  };
}

type Arithmetic = '+' | '-' | '*' | '/';

/**
 * Two-operand arithmetic with the operator's function called directly (so the compiler can inline
 * it) and a literal right operand held as a value rather than called.
 */
function arithmetic(op: Arithmetic, args: readonly Node[]): Node {
  const f = args[0]!.fn;
  const k = args[1]!.constant;
  if (k) {
    const y = k.value;
    switch (op) {
      case '+':
        return { fn: (data, today) => add(f(data, today), y) };
      case '-':
        return { fn: (data, today) => subtract(f(data, today), y) };
      case '*':
        return { fn: (data, today) => multiply(f(data, today), y) };
      case '/':
        return { fn: (data, today) => divide(f(data, today), y) };
    }
  }
  const g = args[1]!.fn;
  switch (op) {
    case '+':
      return { fn: (data, today) => add(f(data, today), g(data, today)) };
    case '-':
      return { fn: (data, today) => subtract(f(data, today), g(data, today)) };
    case '*':
      return { fn: (data, today) => multiply(f(data, today), g(data, today)) };
    case '/':
      return { fn: (data, today) => divide(f(data, today), g(data, today)) };
  }
}

function binary(fns: readonly Fn[], step: (a: ExpressionValue, b: ExpressionValue) => ExpressionValue): Node {
  const [f, g] = fns as [Fn, Fn];
  return { fn: (data, today) => step(f(data, today), g(data, today)) };
}

function compileNot(arg: Node, negated: boolean): Node {
  const anyMissing = arg.anyMissing;
  if (anyMissing) return negated ? { fn: (data) => !anyMissing(data) } : { fn: (data) => anyMissing(data) };
  const f = arg.fn;
  return negated ? { fn: (data, today) => !truthy(f(data, today)) } : { fn: (data, today) => truthy(f(data, today)) };
}

function compileAndOr(fns: readonly Fn[], isAnd: boolean): Node {
  if (fns.length === 2) {
    const [f, g] = fns as [Fn, Fn];
    return isAnd
      ? { fn: (data, today) => { const v = f(data, today); return truthy(v) ? g(data, today) : v; } }
      : { fn: (data, today) => { const v = f(data, today); return truthy(v) ? v : g(data, today); } };
  }
  return {
    fn: (data, today) => {
      let v: ExpressionValue = null;
      for (const f of fns) {
        v = f(data, today);
        if (truthy(v) !== isAnd) return v;
      }
      return v;
    },
  };
}

function compileOperation(op: string, rawArgs: readonly unknown[], path: string, options: Options): Node {
  switch (op) {
    case 'var':
      return compileVar(rawArgs, path, options, compileNode);
    case 'decimal':
      return compileDecimal(rawArgs, path, options);
    case 'today':
      arity(op, rawArgs, 0, 0, path);
      return {
        fn: (_data, today) => {
          if (today === null || today === undefined) throw new ExpressionTypeError('`today` needs the decision date');
          return today;
        },
      };
    default:
      break;
  }
  const args = rawArgs.map((a, i) => compileNode(a, `${path}[${i}]`, options));
  const fns = args.map((a) => a.fn);
  switch (op) {
    case '+':
      if (fns.length === 0) return constant(0);
      if (fns.length === 2) return arithmetic('+', args);
      return { fn: reduceNumbers(fns, add, '+') };
    case '*':
      arity(op, args, 1, Infinity, path);
      if (fns.length === 2) return arithmetic('*', args);
      return { fn: reduceNumbers(fns, multiply, '*') };
    case '-': {
      arity(op, args, 1, 2, path);
      if (fns.length === 2) return arithmetic('-', args);
      const f = fns[0]!;
      return { fn: (data, today) => negate(f(data, today)) };
    }
    case '/':
      arity(op, args, 2, 2, path);
      return arithmetic('/', args);
    case 'min':
    case 'max':
      arity(op, args, 1, Infinity, path);
      return { fn: (data, today) => extreme(fns.map((f) => f(data, today)), op) };
    case 'round': {
      arity(op, args, 1, 2, path);
      const mode = options.rounding;
      const [f, g] = fns as [Fn, Fn | undefined];
      if (g === undefined) return { fn: (data, today) => roundNumber(f(data, today), 0, mode) };
      return { fn: (data, today) => roundNumber(f(data, today), g(data, today), mode) };
    }
    case '<':
    case '<=':
      arity(op, args, 2, 3, path);
      return compileOrdering(op, args, path);
    case '>':
    case '>=':
      return compileOrdering(op, args, path);
    case '==':
    case '!=':
      return compileEquality(op, args, path);
    case '!':
    case '!!':
      arity(op, args, 1, 1, path);
      return compileNot(args[0]!, op === '!');
    case 'and':
    case 'or':
      arity(op, args, 1, Infinity, path);
      return compileAndOr(fns, op === 'and');
    case 'if': {
      if (fns.length === 3) {
        const [c, a, b] = fns as [Fn, Fn, Fn];
        return { fn: (data, today) => (truthy(c(data, today)) ? a(data, today) : b(data, today)) };
      }
      return {
        fn: (data, today) => {
          let i = 0;
          for (; i < fns.length - 1; i += 2) if (truthy(fns[i]!(data, today))) return fns[i + 1]!(data, today);
          return i === fns.length - 1 ? fns[i]!(data, today) : null;
        },
      };
    }
    case 'in':
      return compileIn(args, path);
    case 'missing':
      return compileMissing(args);
    case 'days_between':
      arity(op, args, 2, 2, path);
      return binary(fns, memoizedDateFunction(packedDaysBetween, op));
    case 'years_between':
      arity(op, args, 2, 2, path);
      return binary(fns, memoizedDateFunction(packedYearsBetween, op));
    default:
      return fail(path, `unknown operator \`${op}\` (known: ${EXPRESSION_OPERATORS.join(' ')})`);
  }
}

/**
 * How deep an expression may nest (operations inside operations, arrays included): the compiler
 * and the compiled closures recurse once per level. Far above what the dsl emits (its
 * expressions nest at most 64 levels), far below what exhausts the stack.
 */
export const MAX_EXPRESSION_DEPTH = 256;

/** Levels of compileNode open now (compiling is synchronous). */
let depth = 0;

function compileNode(logic: unknown, path: string, options: Options): Node {
  if (depth >= MAX_EXPRESSION_DEPTH) fail(path, `the expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`);
  depth++;
  try {
    return compileLevel(logic, path, options);
  } finally {
    depth--;
  }
}

function compileLevel(logic: unknown, path: string, options: Options): Node {
  if (logic === null || typeof logic === 'string' || typeof logic === 'boolean') return constant(logic);
  if (typeof logic === 'number') {
    if (!Number.isFinite(logic)) fail(path, `${logic} is not a number`);
    return constant(exactFromNumber(logic, path));
  }
  if (Array.isArray(logic)) {
    const items = logic.map((item, i) => compileNode(item, `${path}[${i}]`, options));
    if (items.every((n) => n.constant)) return constant(Object.freeze(items.map((n) => n.constant!.value)));
    const fns = items.map((n) => n.fn);
    return { fn: (data, today) => fns.map((f) => f(data, today)) };
  }
  if (typeof logic !== 'object') return fail(path, `unexpected ${typeof logic} in an expression`);
  const keys = Object.keys(logic);
  if (keys.length !== 1) fail(path, `an operation is an object with exactly one operator key, got ${keys.length} keys`);
  const op = keys[0]!;
  const raw = (logic as Record<string, unknown>)[op];
  const args = Array.isArray(raw) ? (raw as readonly unknown[]) : [raw];
  return compileOperation(op, args, path ? `${path}.${op}` : op, options);
}

/**
 * Compiles JSON Logic (the operator set documented in product-ir.ts) into a closure. Numbers are
 * exact (safe integers as JS numbers, short decimals as Fixed, the rest Dec); a missing value is
 * null, arithmetic with it gives null and a comparison with it is false. Throws
 * InvalidInputError (with the path inside the logic, prefixed by `options.path`) for unknown
 * operators and wrong arities.
 * @example
 * const f = compileExpression({ '>': [{ var: 'applicant.age' }, { decimal: '70' }] });
 * f({ applicant: { age: 71 } }) // true
 */
export function compileExpression(logic: JsonLogic, options: CompileOptions = {}): CompiledExpression {
  // `today` may be left out: every operator but `today` itself passes it through untouched.
  return compileNode(logic, options.path ?? '', { rounding: options.rounding ?? 'half-even' }).fn as CompiledExpression;
}
