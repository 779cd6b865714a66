// Differential test: compileExpression returns what json-logic-js (the reference JSON Logic
// evaluator) returns, over 100,000+ seeded random (expression, data) pairs drawn from the domains
// where exact decimals and binary floats agree (measured mix: ~55% numbers, ~40% booleans, the rest
// strings, lists and null; ~18% of the cases are real-valued, compared within 1e-12 relative). The designed differences have their own tests in
// compile-expression.test.ts.
import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.ts';
import type { JsonLogic } from '../ir/product-ir.ts';
import { compileExpression } from './compile-expression.ts';
import { isExactNumber, toDec, type ExpressionValue } from './values.ts';

// --- the reference: json-logic-js plus float implementations of the custom operators ----------

let referenceToday = '2025-01-01';

let referenceMode: 'half-even' | 'half-up' = 'half-even';

/** Rounds a float's shortest decimal string on its digits: half-even, or half-up (ties away from zero). */
function referenceRound(x: number, k: number = 0): number {
  const [intPart, frac = ''] = String(Math.abs(x)).split('.');
  if (frac.length <= k) return x;
  let digits = BigInt(intPart! + frac.slice(0, k));
  const next = Number(frac[k]);
  const tie = next === 5 && /^0*$/.test(frac.slice(k + 1));
  const up = next > 5 || (next === 5 && !tie) || (tie && (referenceMode === 'half-up' || digits % 2n === 1n));
  if (up) digits += 1n;
  const text = digits.toString().padStart(k + 1, '0');
  const rounded = Number(k === 0 ? text : `${text.slice(0, -k)}.${text.slice(-k)}`);
  return x < 0 ? -rounded : rounded;
}

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function referenceYears(from: string, to: string): number {
  const a = utc(from);
  const b = utc(to);
  const [x, y, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let years = y.getUTCFullYear() - x.getUTCFullYear();
  const md = (d: Date) => (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
  if (md(y) < md(x)) years -= 1;
  return years === 0 ? 0 : sign * years;
}

jsonLogic.add_operation('decimal', (s: string | number) => parseFloat(String(s)));
jsonLogic.add_operation('round', referenceRound);
jsonLogic.add_operation('days_between', (a: string, b: string) => (utc(b).getTime() - utc(a).getTime()) / 86_400_000);
jsonLogic.add_operation('years_between', referenceYears);
jsonLogic.add_operation('today', () => referenceToday);

// --- generators -----------------------------------------------------------------------------------

const STRINGS = ['a', 'b', 'CDMX', 'JAL', 'NL', 'other', ''] as const;
const intLit = fc.integer({ min: -50, max: 50 });
const smallLit = fc.integer({ min: -9, max: 9 });
/** A positive decimal with up to three places, as a string: "0.001".."99.999". */
const posDecText = fc.integer({ min: 1, max: 99_999 }).map((c) => new Dec(c).div(1000).toString());
const decText = fc.integer({ min: -99_999, max: 99_999 }).map((c) => new Dec(c).div(100).toString());
const dateText = fc.integer({ min: 0, max: 4_000 }).map((d) => new Date(Date.UTC(2015, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

const data = fc.record({
  i1: intLit,
  i2: intLit,
  i3: fc.integer({ min: -1_000, max: 1_000 }),
  nz: fc.integer({ min: 1, max: 50 }),
  d1: decText.map(Number),
  d2: decText.map(Number),
  p1: posDecText.map(Number),
  p2: posDecText.map(Number),
  s1: fc.constantFrom(...STRINGS),
  s2: fc.constantFrom(...STRINGS),
  b1: fc.boolean(),
  dt1: dateText,
  dt2: dateText,
  g: fc.record({ i4: intLit, s3: fc.constantFrom(...STRINGS), dt3: dateText }),
});
type Data = typeof data extends fc.Arbitrary<infer T> ? T : never;

const v = (name: string): JsonLogic => ({ var: name });
const decimal = (text: string): JsonLogic => ({ decimal: text });
/** A number literal: the IR's `decimal` form or a plain JSON number (both are accepted). */
const numLit = (n: fc.Arbitrary<number>): fc.Arbitrary<JsonLogic> =>
  fc.oneof(n.map((x) => decimal(String(x))), n as unknown as fc.Arbitrary<JsonLogic>);

const dateExpr: fc.Arbitrary<JsonLogic> = fc.oneof(
  fc.constantFrom(v('dt1'), v('dt2'), v('g.dt3'), { today: [] } as JsonLogic),
  dateText as fc.Arbitrary<JsonLogic>,
);
const stringLeaf: fc.Arbitrary<JsonLogic> = fc.oneof(
  fc.constantFrom(v('s1'), v('s2'), v('g.s3')),
  fc.constantFrom(...STRINGS) as fc.Arbitrary<JsonLogic>,
);
const intLeaf: fc.Arbitrary<JsonLogic> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(v('i1'), v('i2'), v('i3'), v('g.i4'), v('nz')) },
  { weight: 2, arbitrary: numLit(intLit) },
  { weight: 1, arbitrary: fc.tuple(dateExpr, dateExpr).map(([a, b]) => ({ days_between: [a, b] }) as JsonLogic) },
  { weight: 1, arbitrary: fc.tuple(dateExpr, dateExpr).map(([a, b]) => ({ years_between: [a, b] }) as JsonLogic) },
);
const decLeaf: fc.Arbitrary<JsonLogic> = fc.oneof(fc.constantFrom(v('d1'), v('d2')), numLit(decText.map(Number)));
const posLeaf: fc.Arbitrary<JsonLogic> = fc.oneof(fc.constantFrom(v('p1'), v('p2'), v('nz')), numLit(posDecText.map(Number)));

function memo<T>(f: (depth: number) => fc.Arbitrary<T>): (depth: number) => fc.Arbitrary<T> {
  const cache = new Map<number, fc.Arbitrary<T>>();
  return (depth) => {
    let a = cache.get(depth);
    if (!a) cache.set(depth, (a = f(depth)));
    return a;
  };
}

/** Integer-valued expressions: exact in floats too (magnitudes stay far below 2^53). */
const intExpr = memo((depth): fc.Arbitrary<JsonLogic> => {
  if (depth === 0) return intLeaf;
  const sub = intExpr(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: intLeaf },
    { weight: 2, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((xs) => ({ '+': xs }) as JsonLogic) },
    { weight: 2, arbitrary: fc.tuple(sub, sub).map((xs) => ({ '-': xs }) as JsonLogic) },
    { weight: 1, arbitrary: sub.map((x) => ({ '-': x }) as JsonLogic) },
    { weight: 2, arbitrary: fc.tuple(sub, numLit(smallLit)).map((xs) => ({ '*': xs }) as JsonLogic) },
    { weight: 1, arbitrary: fc.tuple(intLeaf, intLeaf).map((xs) => ({ '*': xs }) as JsonLogic) },
    { weight: 1, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((xs) => ({ min: xs }) as JsonLogic) },
    { weight: 1, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((xs) => ({ max: xs }) as JsonLogic) },
    { weight: 1, arbitrary: fc.tuple(sub, fc.integer({ min: 0, max: 3 })).map(([x, k]) => ({ round: [x, decimal(String(k))] }) as JsonLogic) },
    { weight: 2, arbitrary: fc.tuple(boolExpr(depth - 1), sub, sub).map((xs) => ({ if: xs }) as JsonLogic) },
  );
});

/** Positive real expressions: + * / min max on positive values, compared with a relative tolerance. */
const posExpr = memo((depth): fc.Arbitrary<JsonLogic> => {
  if (depth === 0) return posLeaf;
  const sub = posExpr(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: posLeaf },
    { weight: 2, arbitrary: fc.array(sub, { minLength: 2, maxLength: 3 }).map((xs) => ({ '+': xs }) as JsonLogic) },
    { weight: 2, arbitrary: fc.array(sub, { minLength: 2, maxLength: 3 }).map((xs) => ({ '*': xs }) as JsonLogic) },
    { weight: 2, arbitrary: fc.tuple(sub, posLeaf).map((xs) => ({ '/': xs }) as JsonLogic) },
    { weight: 1, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((xs) => ({ min: xs }) as JsonLogic) },
    { weight: 1, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((xs) => ({ max: xs }) as JsonLogic) },
    { weight: 1, arbitrary: fc.tuple(posLeaf, fc.integer({ min: 0, max: 2 })).map(([x, k]) => ({ round: [x, decimal(String(k))] }) as JsonLogic) },
    { weight: 1, arbitrary: fc.tuple(decLeaf, decLeaf).map((xs) => ({ '-': xs }) as JsonLogic) },
    { weight: 1, arbitrary: fc.tuple(boolExpr(depth - 1), sub, sub).map((xs) => ({ if: xs }) as JsonLogic) },
  );
});

const cmpOp = fc.constantFrom('<', '<=', '>', '>=', '==', '!=');
const ordOp = fc.constantFrom('<', '<=', '>', '>=');
const eqOp = fc.constantFrom('==', '!=');

/** Boolean expressions: comparisons only of exact operands (integers, decimal leaves, strings, dates). */
const boolExpr = memo((depth): fc.Arbitrary<JsonLogic> => {
  const atoms = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(cmpOp, intExpr(Math.max(0, depth - 1)), intExpr(Math.max(0, depth - 1))).map(([op, a, b]) => ({ [op]: [a, b] }) as JsonLogic) },
    { weight: 2, arbitrary: fc.tuple(cmpOp, decLeaf, decLeaf).map(([op, a, b]) => ({ [op]: [a, b] }) as JsonLogic) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('<', '<='), decLeaf, decLeaf, decLeaf).map(([op, a, b, c]) => ({ [op]: [a, b, c] }) as JsonLogic) },
    { weight: 2, arbitrary: fc.tuple(eqOp, stringLeaf, stringLeaf).map(([op, a, b]) => ({ [op]: [a, b] }) as JsonLogic) },
    { weight: 1, arbitrary: fc.tuple(ordOp, dateExpr, dateExpr).map(([op, a, b]) => ({ [op]: [a, b] }) as JsonLogic) },
    { weight: 1, arbitrary: fc.tuple(stringLeaf, fc.subarray([...STRINGS])).map(([a, list]) => ({ in: [a, list] }) as JsonLogic) },
    { weight: 1, arbitrary: fc.tuple(intLeaf, fc.array(intLit, { maxLength: 4 })).map(([a, list]) => ({ in: [a, list] }) as JsonLogic) },
    { weight: 1, arbitrary: fc.tuple(stringLeaf, stringLeaf).map(([a, b]) => ({ in: [a, b] }) as JsonLogic) },
    { weight: 1, arbitrary: fc.constantFrom(v('b1'), true, false) as fc.Arbitrary<JsonLogic> },
    {
      weight: 1,
      arbitrary: fc.subarray(['s1', 's2', 'g.s3', 'absent', 'g.absent'], { minLength: 1 }).map((keys) => ({ '!': { missing: keys } }) as JsonLogic),
    },
  );
  if (depth === 0) return atoms;
  const sub = boolExpr(depth - 1);
  return fc.oneof(
    { weight: 4, arbitrary: atoms },
    { weight: 2, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((xs) => ({ and: xs }) as JsonLogic) },
    { weight: 2, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((xs) => ({ or: xs }) as JsonLogic) },
    { weight: 1, arbitrary: sub.map((x) => ({ '!': [x] }) as JsonLogic) },
    { weight: 1, arbitrary: intExpr(depth - 1).map((x) => ({ '!!': [x] }) as JsonLogic) },
    { weight: 1, arbitrary: fc.tuple(sub, sub, sub).map((xs) => ({ if: xs }) as JsonLogic) },
  );
});

/** Values of mixed kinds through and/or/if/missing: exact. */
const mixedExpr = memo((depth): fc.Arbitrary<JsonLogic> => {
  const leaf = fc.oneof(intExpr(Math.min(depth, 1)), stringLeaf, boolExpr(0), dateExpr);
  if (depth === 0) return leaf;
  const sub = mixedExpr(depth - 1);
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    { weight: 2, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((xs) => ({ and: xs }) as JsonLogic) },
    { weight: 2, arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((xs) => ({ or: xs }) as JsonLogic) },
    { weight: 1, arbitrary: fc.array(sub, { minLength: 1, maxLength: 5 }).map((xs) => ({ if: xs }) as JsonLogic) },
    {
      weight: 1,
      arbitrary: fc.subarray(['i1', 's1', 's2', 'g.s3', 'absent', 'g.i4', 'g.absent']).map((keys) => ({ missing: keys }) as JsonLogic),
    },
  );
});

type Kind = 'exact' | 'approx';
const cases = fc.oneof(
  { weight: 3, arbitrary: intExpr(3).map((e) => ['exact', e] as const) },
  { weight: 2, arbitrary: posExpr(3).map((e) => ['approx', e] as const) },
  { weight: 4, arbitrary: boolExpr(3).map((e) => ['exact', e] as const) },
  { weight: 2, arbitrary: mixedExpr(3).map((e) => ['exact', e] as const) },
);

// --- comparison of results --------------------------------------------------------------------------

const TOLERANCE = new Dec('1e-12');

/** Whether our value matches the reference's; numbers exactly, or within 1e-12 relative for `approx`. */
function agrees(ours: ExpressionValue, reference: unknown, kind: Kind): boolean {
  if (typeof reference === 'number') {
    if (!isExactNumber(ours)) return false;
    const mine = toDec(ours);
    const theirs = new Dec(reference === 0 ? 0 : reference);
    if (kind === 'exact') return mine.eq(theirs);
    return mine.minus(theirs).abs().lte(mine.abs().times(TOLERANCE));
  }
  if (Array.isArray(reference)) {
    return Array.isArray(ours) && ours.length === reference.length && reference.every((r, i) => agrees(ours[i] as ExpressionValue, r, kind));
  }
  return ours === reference;
}

const RUNS = 110_000;

describe('compileExpression against json-logic-js', () => {
  it(`agrees on ${RUNS.toLocaleString('en')} seeded random (expression, data) pairs`, () => {
    const counts = { exact: 0, approx: 0 };
    const today = dateText;
    fc.assert(
      fc.property(cases, data, today, fc.constantFrom('half-even', 'half-up' as const), ([kind, logic], d: Data, t, mode) => {
        counts[kind]++;
        referenceToday = t;
        referenceMode = mode;
        const reference: unknown = jsonLogic.apply(logic as jsonLogic.RulesLogic, d);
        const ours = compileExpression(logic, { rounding: mode })(d, t);
        if (!agrees(ours, reference, kind)) {
          throw new Error(`differs: ${JSON.stringify(logic)}\nreference ${JSON.stringify(reference)}, compiled ${String(ours)}`);
        }
      }),
      { seed: 20_250_106, numRuns: RUNS },
    );
    expect(counts.exact + counts.approx).toBe(RUNS);
    expect(counts.approx).toBeGreaterThan(RUNS / 10);
  });
});
