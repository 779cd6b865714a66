// Comparisons, equality and membership compiled with their common shapes specialised: a variable
// against a literal reads the data and compares safe integers or strings without further calls.
import { arity, type Fn, type Node } from './compiled-node.ts';
import { equals, isIn, notEquals, order } from './comparison.ts';
import { normalize, pathReader } from './read-path.ts';
import { Fixed, POW10 } from './fixed.ts';
import type { ExpressionValue } from './values.ts';

export type Ordering = '<' | '<=' | '>' | '>=';

const FLIPPED: Record<Ordering, Ordering> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function holds(op: Ordering, c: number): boolean {
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

function ordered(op: Ordering, x: ExpressionValue, y: ExpressionValue): boolean {
  const c = order(x, y, op);
  return c !== null && holds(op, c);
}

/** `path OP k` for a literal k: finite JS numbers compare natively against an integer k. */
function fusedOrdering(op: Ordering, segments: readonly string[], k: ExpressionValue): Fn {
  const read = pathReader(segments);
  const name = segments.join('.');
  const slow = (x: unknown) => ordered(op, normalize(x, name), k);
  if (typeof k !== 'number') return (data) => slow(read(data));
  // A double and an integer compare exactly, and the same way as the double's shortest decimal.
  // `x - x === 0` is true exactly for finite numbers. One closure per operator keeps the test
  // free of a per-call switch.
  switch (op) {
    case '<':
      return (data) => {
        const x = read(data);
        return typeof x === 'number' && x - x === 0 ? x < k : slow(x);
      };
    case '<=':
      return (data) => {
        const x = read(data);
        return typeof x === 'number' && x - x === 0 ? x <= k : slow(x);
      };
    case '>':
      return (data) => {
        const x = read(data);
        return typeof x === 'number' && x - x === 0 ? x > k : slow(x);
      };
    case '>=':
      return (data) => {
        const x = read(data);
        return typeof x === 'number' && x - x === 0 ? x >= k : slow(x);
      };
  }
}

/** `<`, `<=` (also with three arguments: between), `>`, `>=`. */
export function compileOrdering(op: Ordering, args: readonly Node[], path: string): Node {
  if (args.length === 3 && (op === '<' || op === '<=')) {
    const [a, b, c] = args.map((n) => n.fn) as [Fn, Fn, Fn];
    return {
      fn: (data, today) => {
        const y = b(data, today);
        return ordered(op, a(data, today), y) && ordered(op, y, c(data, today));
      },
    };
  }
  arity(op, args, 2, 2, path);
  const [a, b] = args as [Node, Node];
  if (a.varPath && b.constant) return { fn: fusedOrdering(op, a.varPath, b.constant.value) };
  if (b.varPath && a.constant) return { fn: fusedOrdering(FLIPPED[op], b.varPath, a.constant.value) };
  const fa = a.fn;
  if (b.constant && typeof b.constant.value === 'number') return { fn: orderingWithInteger(op, fa, b.constant.value) };
  if (b.constant && b.constant.value instanceof Fixed) return { fn: orderingWithFixed(op, fa, b.constant.value) };
  const fb = b.fn;
  return { fn: (data, today) => ordered(op, fa(data, today), fb(data, today)) };
}

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * x against the literal decimal k = m·10^−s: −1, 0 or 1, exactly, by scaling both to one scale in
 * safe integers (a product of safe integers is exact when it is itself safe); undefined when x is
 * not an integer or Fixed, or the scaled coefficients would leave safe integers.
 */
function againstFixed(x: ExpressionValue, m: number, s: number): number | undefined {
  let a: number;
  let b = m;
  if (typeof x === 'number') a = x * POW10[s]!;
  else if (x instanceof Fixed) {
    if (x.s === s) a = x.m;
    else if (x.s < s) a = x.m * POW10[s - x.s]!;
    else {
      a = x.m;
      b = m * POW10[x.s - s]!;
    }
  } else return undefined;
  if (a > SAFE || a < -SAFE || b > SAFE || b < -SAFE) return undefined;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `expr OP k` for a literal Fixed k: integer and Fixed results compare in safe integers, anything else exactly. */
function orderingWithFixed(op: Ordering, f: Fn, k: Fixed): Fn {
  const m = k.m;
  const s = k.s;
  switch (op) {
    case '<':
      return (data, today) => {
        const x = f(data, today);
        const c = againstFixed(x, m, s);
        return c === undefined ? ordered(op, x, k) : c < 0;
      };
    case '<=':
      return (data, today) => {
        const x = f(data, today);
        const c = againstFixed(x, m, s);
        return c === undefined ? ordered(op, x, k) : c <= 0;
      };
    case '>':
      return (data, today) => {
        const x = f(data, today);
        const c = againstFixed(x, m, s);
        return c === undefined ? ordered(op, x, k) : c > 0;
      };
    case '>=':
      return (data, today) => {
        const x = f(data, today);
        const c = againstFixed(x, m, s);
        return c === undefined ? ordered(op, x, k) : c >= 0;
      };
  }
}

/** `expr OP k` for a literal integer k: an integer result compares natively, anything else exactly. */
function orderingWithInteger(op: Ordering, f: Fn, k: number): Fn {
  switch (op) {
    case '<':
      return (data, today) => {
        const x = f(data, today);
        return typeof x === 'number' ? x < k : ordered(op, x, k);
      };
    case '<=':
      return (data, today) => {
        const x = f(data, today);
        return typeof x === 'number' ? x <= k : ordered(op, x, k);
      };
    case '>':
      return (data, today) => {
        const x = f(data, today);
        return typeof x === 'number' ? x > k : ordered(op, x, k);
      };
    case '>=':
      return (data, today) => {
        const x = f(data, today);
        return typeof x === 'number' ? x >= k : ordered(op, x, k);
      };
  }
}

/** `==` and `!=`; a literal null makes them presence tests, a literal string a direct comparison. */
export function compileEquality(op: '==' | '!=', args: readonly Node[], path: string): Node {
  arity(op, args, 2, 2, path);
  const [a, b] = args as [Node, Node];
  const other = a.constant?.value === null ? b.fn : b.constant?.value === null ? a.fn : undefined;
  if (other) return op === '==' ? { fn: (data, today) => other(data, today) === null } : { fn: (data, today) => other(data, today) !== null };
  const [v, k] = a.varPath && b.constant ? [a.varPath, b.constant.value] : b.varPath && a.constant ? [b.varPath, a.constant.value] : [undefined, undefined];
  if (v && (typeof k === 'string' || typeof k === 'boolean')) {
    const read = pathReader(v);
    if (op === '==') return { fn: (data) => read(data) === k };
    return {
      fn: (data) => {
        const x = read(data);
        return x !== undefined && x !== null && x !== k;
      },
    };
  }
  const fa = a.fn;
  const fb = b.fn;
  const test = op === '==' ? equals : notEquals;
  return { fn: (data, today) => test(fa(data, today), fb(data, today)) };
}

/** `in`: membership in a list (a literal list of strings is checked directly) or a substring. */
export function compileIn(args: readonly Node[], path: string): Node {
  arity('in', args, 2, 2, path);
  const [a, b] = args as [Node, Node];
  const fa = a.fn;
  const list = b.constant?.value;
  if (Array.isArray(list) && list.every((x) => typeof x === 'string')) {
    const strings = list as readonly string[];
    return {
      fn: (data, today) => {
        const x = fa(data, today);
        return typeof x === 'string' ? strings.includes(x) : isIn(x, strings);
      },
    };
  }
  const fb = b.fn;
  return { fn: (data, today) => isIn(fa(data, today), fb(data, today)) };
}
