// Compiles a JSON Logic expression once into a tree of closures (no eval, no new Function: it
// runs under a strict CSP), with exact decimal arithmetic and "missing" propagation.
import { Dec } from '../decimal.ts';
import { InvalidInputError } from '../errors.ts';
import type { IsoDate, JsonLogic } from '../ir/product-ir.ts';
import type { RoundingMode } from '../rounding.ts';
import { add, divide, extreme, multiply, negate, roundNumber, subtract } from './arithmetic.ts';
import { equals, isIn, notEquals, order } from './comparison.ts';
import { daysBetween, yearsBetween } from './dates.ts';
import { exactNumber } from './exact-number.ts';
import { ExpressionTypeError, asNumber, exactFromNumber, fromData, truthy, type ExpressionValue } from './values.ts';

/** A compiled expression: evaluates against application data and the decision date. */
export type CompiledExpression = (data: unknown, today?: IsoDate | null) => ExpressionValue;

/** The operators compileExpression understands (product-ir.ts documents them). */
export const EXPRESSION_OPERATORS = Object.freeze([
  'var', 'decimal', '+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!=', 'and', 'or', '!', '!!',
  'if', 'in', 'min', 'max', 'missing', 'round', 'days_between', 'years_between', 'today',
] as const);

type Fn = (data: unknown, today: IsoDate | null) => ExpressionValue;

/** How to compile: where the expression sits (for error paths) and the mode of `round`. */
export interface CompileOptions {
  /** Path of the expression in its document, prefixed to error paths: `eligibility[0].when`. */
  readonly path?: string;
  /** Rounding mode of `round` (the product's `pricing.rounding.mode`); default half-even. */
  readonly rounding?: RoundingMode;
}

interface Options {
  readonly rounding: RoundingMode;
}

interface Node {
  readonly fn: Fn;
  /** Set when the node is a literal: its value, known at compile time. */
  readonly constant?: { readonly value: ExpressionValue };
}

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

function constant(value: ExpressionValue): Node {
  return { fn: () => value, constant: { value } };
}

function fail(path: string, message: string): never {
  throw new InvalidInputError([{ path, message }]);
}

function arity(op: string, args: readonly unknown[], min: number, max: number, path: string): void {
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    fail(path, `\`${op}\` takes ${want} argument${want === '1' ? '' : 's'}, got ${args.length}`);
  }
}

/** Parses a decimal literal into an exact number: a safe integer as a JS number, else a Dec. */
export function parseDecimalLiteral(text: string): number | Dec | undefined {
  if (!DECIMAL.test(text)) return undefined;
  return exactNumber(new Dec(text));
}

function lookup(data: unknown, segments: readonly string[]): unknown {
  let value: unknown = data;
  for (const s of segments) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[s];
  }
  return typeof value === 'function' ? undefined : value;
}

function compileVar(args: readonly unknown[], path: string, options: Options): Node {
  arity('var', args, 0, 2, path);
  const key = args[0];
  const fallback = args.length > 1 ? compileNode(args[1], `${path}[1]`, options) : constant(null);
  const dflt = fallback.fn;
  if (key === undefined || key === null || key === '') {
    return { fn: (data) => fromData(data, 'var') ?? null };
  }
  if (typeof key === 'string' || typeof key === 'number') {
    const name = String(key);
    const segments = name.split('.');
    if (segments.length === 1) {
      const s0 = segments[0]!;
      return {
        fn: (data, today) => {
          if (data === null || typeof data !== 'object') return dflt(data, today);
          const v = (data as Record<string, unknown>)[s0];
          return v === undefined || typeof v === 'function' ? dflt(data, today) : fromData(v, name);
        },
      };
    }
    if (segments.length === 2) {
      const s0 = segments[0]!;
      const s1 = segments[1]!;
      return {
        fn: (data, today) => {
          if (data === null || typeof data !== 'object') return dflt(data, today);
          const g = (data as Record<string, unknown>)[s0];
          if (g === null || g === undefined || typeof g !== 'object') return dflt(data, today);
          const v = (g as Record<string, unknown>)[s1];
          return v === undefined || typeof v === 'function' ? dflt(data, today) : fromData(v, name);
        },
      };
    }
    return {
      fn: (data, today) => {
        const v = lookup(data, segments);
        return v === undefined ? dflt(data, today) : fromData(v, name);
      },
    };
  }
  const keyNode = compileNode(key, `${path}[0]`, options).fn;
  return {
    fn: (data, today) => {
      const k = keyNode(data, today);
      if (k === null || k === '') return fromData(data, 'var');
      const name = typeof k === 'string' ? k : String(asNumber(k, 'var'));
      const v = lookup(data, name.split('.'));
      return v === undefined ? dflt(data, today) : fromData(v, name);
    },
  };
}

function compileMissing(args: readonly Node[]): Node {
  const fns = args.map((a) => a.fn);
  return {
    fn: (data, today) => {
      const values = fns.map((f) => f(data, today));
      const keys = values.length > 0 && Array.isArray(values[0]) ? (values[0] as readonly ExpressionValue[]) : values;
      const missing: ExpressionValue[] = [];
      for (const key of keys) {
        const name = typeof key === 'string' ? key : String(key);
        const v = lookup(data, name.split('.'));
        if (v === undefined || v === null || v === '') missing.push(key);
      }
      return missing;
    },
  };
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

function compileComparison(op: '<' | '<=' | '>' | '>=', args: readonly Node[], path: string): Node {
  const holds = op === '<' ? (c: number) => c < 0 : op === '<=' ? (c: number) => c <= 0 : op === '>' ? (c: number) => c > 0 : (c: number) => c >= 0;
  if (args.length === 3 && (op === '<' || op === '<=')) {
    const [a, b, c] = args.map((n) => n.fn) as [Fn, Fn, Fn];
    return {
      fn: (data, today) => {
        const x = a(data, today);
        const y = b(data, today);
        const z = c(data, today);
        const first = order(x, y, op);
        if (first === null || !holds(first)) return false;
        const second = order(y, z, op);
        return second !== null && holds(second);
      },
    };
  }
  arity(op, args, 2, 2, path);
  const [a, b] = args as [Node, Node];
  const fa = a.fn;
  const k = b.constant?.value;
  if (typeof k === 'number') {
    // The common rule shape `field OP literal`: compare safe integers natively.
    return {
      fn: (data, today) => {
        const x = fa(data, today);
        if (typeof x === 'number') return holds(x < k ? -1 : x > k ? 1 : 0);
        const c = order(x, k, op);
        return c !== null && holds(c);
      },
    };
  }
  const fb = b.fn;
  return {
    fn: (data, today) => {
      const c = order(fa(data, today), fb(data, today), op);
      return c !== null && holds(c);
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

function compileOperation(op: string, rawArgs: readonly unknown[], path: string, options: Options): Node {
  switch (op) {
    case 'var':
      return compileVar(rawArgs, path, options);
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
      return { fn: reduceNumbers(fns, add, '+') };
    case '*':
      arity(op, args, 1, Infinity, path);
      return { fn: reduceNumbers(fns, multiply, '*') };
    case '-': {
      arity(op, args, 1, 2, path);
      const [f, g] = fns as [Fn, Fn | undefined];
      if (g === undefined) return { fn: (data, today) => negate(f(data, today)) };
      return { fn: (data, today) => subtract(f(data, today), g(data, today)) };
    }
    case '/': {
      arity(op, args, 2, 2, path);
      const [f, g] = fns as [Fn, Fn];
      return { fn: (data, today) => divide(f(data, today), g(data, today)) };
    }
    case 'min':
    case 'max':
      arity(op, args, 1, Infinity, path);
      return { fn: (data, today) => extreme(fns.map((f) => f(data, today)), op) };
    case 'round': {
      arity(op, args, 1, 2, path);
      const [f, g] = fns as [Fn, Fn | undefined];
      const mode = options.rounding;
      if (g === undefined) return { fn: (data, today) => roundNumber(f(data, today), 0, mode) };
      return { fn: (data, today) => roundNumber(f(data, today), g(data, today), mode) };
    }
    case '<':
    case '<=':
      arity(op, args, 2, 3, path);
      return compileComparison(op, args, path);
    case '>':
    case '>=':
      return compileComparison(op, args, path);
    case '==':
    case '!=': {
      arity(op, args, 2, 2, path);
      const [a, b] = args as [Node, Node];
      // A literal null on either side makes the comparison a presence test (`x == null`: missing).
      const other = a.constant && a.constant.value === null ? b.fn : b.constant && b.constant.value === null ? a.fn : undefined;
      if (other) {
        return op === '==' ? { fn: (data, today) => other(data, today) === null } : { fn: (data, today) => other(data, today) !== null };
      }
      const [f, g] = fns as [Fn, Fn];
      const test = op === '==' ? equals : notEquals;
      return { fn: (data, today) => test(f(data, today), g(data, today)) };
    }
    case '!': {
      arity(op, args, 1, 1, path);
      const f = fns[0]!;
      return { fn: (data, today) => !truthy(f(data, today)) };
    }
    case '!!': {
      arity(op, args, 1, 1, path);
      const f = fns[0]!;
      return { fn: (data, today) => truthy(f(data, today)) };
    }
    case 'and':
      arity(op, args, 1, Infinity, path);
      return {
        fn: (data, today) => {
          let v: ExpressionValue = null;
          for (const f of fns) {
            v = f(data, today);
            if (!truthy(v)) return v;
          }
          return v;
        },
      };
    case 'or':
      arity(op, args, 1, Infinity, path);
      return {
        fn: (data, today) => {
          let v: ExpressionValue = null;
          for (const f of fns) {
            v = f(data, today);
            if (truthy(v)) return v;
          }
          return v;
        },
      };
    case 'if':
      return {
        fn: (data, today) => {
          let i = 0;
          for (; i < fns.length - 1; i += 2) if (truthy(fns[i]!(data, today))) return fns[i + 1]!(data, today);
          return i === fns.length - 1 ? fns[i]!(data, today) : null;
        },
      };
    case 'in': {
      arity(op, args, 2, 2, path);
      const [f, g] = fns as [Fn, Fn];
      return { fn: (data, today) => isIn(f(data, today), g(data, today)) };
    }
    case 'missing':
      return compileMissing(args);
    case 'days_between': {
      arity(op, args, 2, 2, path);
      const [f, g] = fns as [Fn, Fn];
      return { fn: (data, today) => daysBetween(f(data, today), g(data, today)) };
    }
    case 'years_between': {
      arity(op, args, 2, 2, path);
      const [f, g] = fns as [Fn, Fn];
      return { fn: (data, today) => yearsBetween(f(data, today), g(data, today)) };
    }
    default:
      return fail(path, `unknown operator \`${op}\` (known: ${EXPRESSION_OPERATORS.join(' ')})`);
  }
}

function compileNode(logic: unknown, path: string, options: Options): Node {
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
 * exact (safe integers as JS numbers, everything else Dec); a missing value is null, arithmetic
 * with it gives null and a comparison with it is false. Throws InvalidInputError (with the path
 * inside the logic, prefixed by `options.path`) for unknown operators and wrong arities.
 * @example
 * const f = compileExpression({ '>': [{ var: 'applicant.age' }, { decimal: '70' }] });
 * f({ applicant: { age: 71 } }) // true
 */
export function compileExpression(logic: JsonLogic, options: CompileOptions = {}): CompiledExpression {
  // `today` may be left out: every operator but `today` itself passes it through untouched.
  return compileNode(logic, options.path ?? '', { rounding: options.rounding ?? 'half-even' }).fn as CompiledExpression;
}
