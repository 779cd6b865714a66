// compileExpression: exact decimal semantics, missing values, the custom operators, compile
// errors, and each designed difference from json-logic-js shown side by side with it.
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.ts';
import { InvalidInputError } from '../errors.ts';
import type { JsonLogic } from '../ir/product-ir.ts';
import { compileExpression, MAX_EXPRESSION_DEPTH } from './compile-expression.ts';
import { expressionReads } from './expression-reads.ts';
import { ExpressionTypeError, toJsonValue } from './values.ts';

const run = (logic: JsonLogic, data: unknown = {}, today?: string) => toJsonValue(compileExpression(logic)(data, today));
const ref = (logic: unknown, data: unknown = {}) => jsonLogic.apply(logic as jsonLogic.RulesLogic, data) as unknown;
const d = (text: string): JsonLogic => ({ decimal: text });
const v = (path: string): JsonLogic => ({ var: path });

describe('exact decimal arithmetic', () => {
  it('adds 0.1 and 0.2 to exactly 0.3 (json-logic-js: 0.30000000000000004)', () => {
    const logic = { '==': [{ '+': [d('0.1'), d('0.2')] }, d('0.3')] };
    expect(run(logic)).toBe(true);
    jsonLogic.add_operation('decimal', (s: string) => parseFloat(s));
    expect(ref(logic)).toBe(false);
    expect(ref({ '+': [0.1, 0.2] })).toBe(0.30000000000000004);
    expect(run({ '+': [d('0.1'), d('0.2')] })).toBe('0.3');
  });

  it('keeps integers beyond 2^53 exact (json-logic-js rounds them)', () => {
    expect(run({ '*': [d('9007199254740991'), d('3')] })).toBe('27021597764222973');
    expect(run({ '+': [d('9007199254740993'), d('1')] })).toBe('9007199254740994');
    expect(ref({ '*': [9007199254740991, 3] })).toBe(27021597764222972);
  });

  it('divides to 40 significant digits', () => {
    expect(run({ '/': [d('1'), d('3')] })).toBe('0.3333333333333333333333333333333333333333');
    expect(run({ '/': [d('10'), d('4')] })).toBe('2.5');
    expect(run({ '*': [{ '/': [v('income'), d('2')] }, d('0.3')] }, { income: 24000.5 })).toBe('3600.075');
  });

  it('gives null for a division by zero (json-logic-js: Infinity)', () => {
    expect(run({ '/': [d('5'), d('0')] })).toBe(null);
    expect(run({ '/': [d('5'), d('0.00')] })).toBe(null);
    expect(ref({ '/': [5, 0] })).toBe(Infinity);
  });

  it('negates, subtracts and reduces n-ary sums and products', () => {
    expect(run({ '-': [d('2.5')] })).toBe('-2.5');
    expect(run({ '-': [d('10'), d('0.01')] })).toBe('9.99');
    expect(run({ '+': [d('1'), d('2'), d('3.5')] })).toBe('6.5');
    expect(run({ '*': [d('1.5'), d('2'), d('2')] })).toBe('6');
  });

  it('rounds with the given mode: half-even by default, half-up away from zero', () => {
    const r = (x: string, k: string, rounding?: 'half-even' | 'half-up') => toJsonValue(compileExpression({ round: [d(x), d(k)] }, rounding ? { rounding } : {})({}));
    expect(r('2.345', '2')).toBe('2.34');
    expect(r('2.355', '2')).toBe('2.36');
    expect(r('2.345', '2', 'half-up')).toBe('2.35');
    expect(r('-2.345', '2', 'half-up')).toBe('-2.35');
    expect(r('2.5', '0')).toBe('2');
    expect(r('2.5', '0', 'half-up')).toBe('3');
    expect(r('7', '2')).toBe('7');
  });

  it('takes min and max of exact numbers', () => {
    expect(run({ min: [d('3.5'), v('a'), d('10')] }, { a: 2 })).toBe('2');
    expect(run({ max: [d('3.5'), v('a'), d('10')] }, { a: 2 })).toBe('10');
  });
});

describe('missing values', () => {
  it('propagates null through arithmetic (json-logic-js gives NaN, or 0 in min)', () => {
    expect(run({ '+': [v('x'), d('1')] })).toBe(null);
    expect(run({ '*': [v('a.b'), d('2')] }, { a: {} })).toBe(null);
    expect(run({ min: [v('x'), d('3')] })).toBe(null);
    expect(run({ round: [v('x'), d('2')] })).toBe(null);
    expect(ref({ '+': [{ var: 'x' }, 1] })).toBeNaN();
    expect(ref({ '-': [{ var: 'x' }, 2] })).toBe(-2);
    expect(ref({ min: [{ var: 'x' }, 3] })).toBe(0);
  });

  it('makes every comparison with a missing value false, != included (json-logic-js: null < 5 is true)', () => {
    for (const op of ['<', '<=', '>', '>=', '==', '!=']) {
      expect(run({ [op]: [v('x'), d('5')] })).toBe(false);
      expect(run({ [op]: [d('5'), v('x')] })).toBe(false);
    }
    expect(run({ '==': [v('x'), v('y')] })).toBe(false);
    expect(ref({ '<': [{ var: 'x' }, 5] })).toBe(true);
    expect(ref({ '!=': [{ var: 'x' }, 5] })).toBe(true);
    expect(ref({ '==': [{ var: 'x' }, { var: 'y' }] })).toBe(true);
  });

  it('treats a literal null operand of == and != as a presence test', () => {
    expect(run({ '==': [v('x'), null] })).toBe(true);
    expect(run({ '!=': [v('x'), null] }, { x: 3 })).toBe(true);
    expect(run({ '==': [null, v('x')] }, { x: 3 })).toBe(false);
  });

  it('lists missing keys like json-logic-js (null and "" are missing)', () => {
    const data = { a: 1, b: null, c: '', g: { h: 0 } };
    const logic = { missing: ['a', 'b', 'c', 'g.h', 'g.i', 'z'] };
    expect(run(logic, data)).toEqual(['b', 'c', 'g.i', 'z']);
    expect(ref(logic, data)).toEqual(['b', 'c', 'g.i', 'z']);
    expect(run({ '!!': { missing: ['a'] } }, data)).toBe(false);
    expect(run({ '!': { missing: ['b'] } }, data)).toBe(false);
  });

  it('uses the var default only when the path is absent', () => {
    expect(run({ var: ['x', d('7')] })).toBe('7');
    expect(run({ var: ['x', d('7')] }, { x: 1 })).toBe('1');
    expect(run({ var: '' }, { x: 1 })).toEqual({ x: '1' });
  });
});

describe('types without coercion', () => {
  it('never equates a string with a number (json-logic-js: "5" == 5)', () => {
    expect(run({ '==': ['5', d('5')] })).toBe(false);
    expect(run({ '!=': ['5', d('5')] })).toBe(true);
    expect(ref({ '==': ['5', 5] })).toBe(true);
  });

  it('refuses arithmetic on strings and ordering of mixed kinds (json-logic-js coerces)', () => {
    expect(() => run({ '+': ['5', d('1')] })).toThrow(ExpressionTypeError);
    expect(() => run({ '<': ['a', d('1')] })).toThrow(/compares two numbers or two strings/);
    expect(ref({ '+': ['5', 1] })).toBe(6);
  });

  it('reads JSON numbers through their shortest decimal string', () => {
    expect(run({ '+': [v('a'), v('b')] }, { a: 0.1, b: 0.2 })).toBe('0.3');
    expect(run(v('a'), { a: new Dec('1.50') })).toBe('1.5');
  });

  it('compares equal decimals with different scales, strings by code units, dates as ISO strings', () => {
    expect(run({ '==': [d('0.10'), d('0.1')] })).toBe(true);
    expect(run({ '<': ['2024-12-31', '2025-01-01'] })).toBe(true);
    expect(run({ '<=': [d('1'), v('x'), d('3')] }, { x: 3 })).toBe(true);
    expect(run({ '<': [d('1'), v('x'), d('3')] }, { x: 3 })).toBe(false);
  });

  it('checks membership in a literal list by value and substring in a string', () => {
    expect(run({ in: [v('s'), ['CDMX', 'JAL']] }, { s: 'JAL' })).toBe(true);
    expect(run({ in: [v('n'), [d('12'), d('24')]] }, { n: 24 })).toBe(true);
    expect(run({ in: [v('n'), [d('12'), d('24')]] }, { n: '24' })).toBe(false);
    expect(run({ in: ['MX', 'CDMX'] })).toBe(true);
    expect(run({ in: [v('s'), ['CDMX']] })).toBe(false);
  });

  it('follows JSON Logic truthiness and returns operands from and/or', () => {
    expect(run({ and: [d('1'), 'x', d('0')] })).toBe('0');
    expect(run({ or: [d('0'), '', v('x'), 'last'] })).toBe('last');
    expect(run({ '!': [[]] })).toBe(true);
    expect(run({ '!!': d('0.00') })).toBe(false);
    expect(run({ if: [false, 'a', d('0'), 'b', 'c'] })).toBe('c');
    expect(run({ if: [false, 'a'] })).toBe(null);
  });
});

describe('dates and today', () => {
  it('counts days and completed years', () => {
    expect(run({ days_between: ['2025-01-06', '2025-02-06'] })).toBe('31');
    expect(run({ days_between: ['2025-02-06', '2025-01-06'] })).toBe('-31');
    expect(run({ years_between: ['1990-05-10', '2025-05-09'] })).toBe('34');
    expect(run({ years_between: ['1990-05-10', '2025-05-10'] })).toBe('35');
    expect(run({ years_between: ['2000-02-29', '2001-02-28'] })).toBe('0');
    expect(run({ years_between: ['2000-02-29', '2001-03-01'] })).toBe('1');
    expect(run({ years_between: ['2025-05-10', '1990-05-11'] })).toBe('-34');
  });

  it('reads the decision date with today and refuses to guess it', () => {
    const age = { years_between: [v('birth'), { today: [] }] } as JsonLogic;
    expect(run(age, { birth: '1990-05-10' }, '2025-01-06')).toBe('34');
    expect(() => run(age, { birth: '1990-05-10' })).toThrow(/decision date/);
    expect(run({ days_between: [v('x'), { today: [] }] }, {}, '2025-01-06')).toBe(null);
    expect(() => run({ days_between: ['2025-02-30', '2025-03-01'] })).toThrow(/YYYY-MM-DD/);
  });
});

describe('compile errors', () => {
  it('names the path of an unknown operator and a wrong arity', () => {
    const compile = (logic: unknown) => () => compileExpression(logic as JsonLogic, { path: 'eligibility[0].when' });
    expect(compile({ and: [{ '%': [1, 2] }] })).toThrow(InvalidInputError);
    expect(compile({ and: [{ '%': [1, 2] }] })).toThrow('eligibility[0].when.and[0].%: unknown operator `%`');
    expect(compile({ '/': [d('1')] })).toThrow('eligibility[0].when./: `/` takes 2 arguments, got 1');
    expect(compile({ decimal: '1e5' })).toThrow(/decimal string/);
    expect(compile({ a: 1, b: 2 })).toThrow(/exactly one operator key/);
  });

  it('refuses an expression nested deeper than MAX_EXPRESSION_DEPTH with its path, never a stack overflow', () => {
    const nested = (levels: number): JsonLogic => {
      let logic: JsonLogic = d('1');
      for (let i = 0; i < levels; i++) logic = { '-': [logic] };
      return logic;
    };
    // Each `-` is one level and its `decimal` literal one more.
    expect(run(nested(MAX_EXPRESSION_DEPTH - 1))).toBe('-1');
    for (const levels of [MAX_EXPRESSION_DEPTH, 20_000]) {
      const compile = () => compileExpression(nested(levels), { path: 'derived[0].expr' });
      expect(compile).toThrow(InvalidInputError);
      expect(compile).toThrow(new RegExp(`^derived\\[0\\]\\.expr(\\.-\\[0\\]){${MAX_EXPRESSION_DEPTH}}: the expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels$`));
    }
    // The compiler is usable afterwards: its depth count was unwound.
    expect(run({ '+': [d('1'), d('2')] })).toBe('3');
  });
});

describe('expressionReads', () => {
  it('lists var paths, literal missing keys and today once each, in order', () => {
    const logic = { and: [{ '<': [v('a.b'), v('c')] }, { '!': { missing: ['d'] } }, { '>': [v('a.b'), { days_between: [v('e'), { today: [] }] }] }] } as JsonLogic;
    expect(expressionReads(logic)).toEqual(['a.b', 'c', 'd', 'e', 'today']);
  });
});
