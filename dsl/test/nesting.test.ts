// Deep input never exhausts the stack: expressions nested deeper than MAX_NESTING get one
// `nesting-too-deep` at the token where the limit is crossed, in every phase (parse, check,
// format, compile), and long chains of `+`, `and`, `or` simply work, however long.
import { compileExpression, type JsonLogic } from '@plazo/engine';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/check.ts';
import { compile } from '../src/compile/compile.ts';
import { format } from '../src/format/format.ts';
import { parse } from '../src/parse.ts';
import { MAX_NESTING } from '../src/parser/nesting.ts';
import { PRODUCT, found, mutate, positionOf } from './check-helpers.ts';

/** The full product with `let deep = EXPR` before `limits`. */
function withLet(expr: string): string {
  return mutate('\n  limits {', `\n  let deep = ${expr}\n  limits {`);
}

/** Every phase on `text`: the diagnostics of parse + check, and what format and compile give. */
function allPhases(text: string) {
  const parsed = parse(text);
  const diagnostics = [...parsed.diagnostics, ...check(parsed.file)];
  const formatted = format(text);
  const compiled = compile(parsed.file, { parseDiagnostics: parsed.diagnostics });
  return { diagnostics, formatted, compiled };
}

/** `line:col` of the `n`-th (1-based) occurrence of `needle` after `anchor`. */
function nth(text: string, needle: string, n: number, anchor = 'let deep'): string {
  const before = text.slice(0, text.indexOf(anchor)).split(needle).length - 1;
  return positionOf(text, needle, before + n - 1);
}

const TOO_DEEP = `nesting-too-deep the expression nests more than ${MAX_NESTING} levels deep`;

describe('nesting limit', () => {
  it(`accepts ${MAX_NESTING} levels of parentheses and reports the ${MAX_NESTING + 1}th \`(\``, () => {
    const ok = withLet(`${'('.repeat(MAX_NESTING)}1${')'.repeat(MAX_NESTING)}`);
    expect(allPhases(ok).diagnostics).toEqual([]);
    expect(allPhases(ok).compiled.ir).toBeDefined();

    const over = withLet(`${'('.repeat(MAX_NESTING + 1)}1${')'.repeat(MAX_NESTING + 1)}`);
    expect(found(allPhases(over).diagnostics)).toEqual([`${nth(over, '(', MAX_NESTING + 1)} ${TOO_DEEP}`]);
  });

  it.each([
    ['1,500 nested parentheses', `${'('.repeat(1500)}1${')'.repeat(1500)}`, '(', MAX_NESTING + 1],
    ['1,500 nested `if … else`', `${'if applicant.age > 30 then 1 else '.repeat(1500)}0`, 'if', MAX_NESTING + 1],
    ['1,500 nested calls', `${'min(1, '.repeat(1500)}1${')'.repeat(1500)}`, '(', MAX_NESTING + 1],
    ['3,000 `-` prefixes', `${'-'.repeat(3000)}1`, '-', MAX_NESTING + 1],
    ['3,000 `not` prefixes', `${'not '.repeat(3000)}true`, 'not', MAX_NESTING + 1],
    ['3,000 terms of `-` (each one nests the chain before it)', Array.from({ length: 3000 }, (_, i) => `${i}`).join(' - '), '-', MAX_NESTING + 1],
    ['`in` lists nested in parentheses', `${'(1 in { '.repeat(1000)}1${' })'.repeat(1000)} = true`, '(', MAX_NESTING / 2 + 1],
  ])('%s: one error at the token where the limit is crossed, in every phase, the rest still checked', (_name, expr, token, n) => {
    // A second, unrelated mistake after the deep let is still found.
    const text = mutate('applicant.age > 70', 'applicant.ages > 70', withLet(expr));
    const { diagnostics, formatted, compiled } = allPhases(text);
    expect(found(diagnostics)).toEqual([
      `${nth(text, token, n)} ${TOO_DEEP}`,
      `${positionOf(text, 'applicant.ages')} unknown-name unknown name \`applicant.ages\``,
    ]);
    expect(formatted.text).toBe(text);
    expect(found(formatted.diagnostics)).toEqual([`${nth(text, token, n)} ${TOO_DEEP}`]);
    expect(compiled.ir).toBeUndefined();
    expect(found(compiled.diagnostics, 'nesting-too-deep')).toHaveLength(1);
  });

  it('stops the parser inside a deep `if` condition without losing the statements after it', () => {
    const text = mutate('decline "CONVENIO" unless employment.employer_in_agreement', `decline "CONVENIO" unless ${'if '.repeat(200)}true${' then true else false'.repeat(200)}\n    refer "X" when applicant.edad > 1`);
    const { diagnostics } = allPhases(text);
    expect(found(diagnostics)).toEqual([
      `${nth(text, 'if ', MAX_NESTING + 1, 'unless')} ${TOO_DEEP}`,
      `${positionOf(text, 'applicant.edad')} unknown-name unknown name \`applicant.edad\``,
    ]);
  });
});

describe('long chains of one operator', () => {
  const terms = Array.from({ length: 3000 }, (_, i) => `${i}`);

  it('3,000 terms of `+` check, format and compile, and the sum is exact', () => {
    const text = withLet(terms.join(' + '));
    const { diagnostics, formatted, compiled } = allPhases(text);
    expect(diagnostics).toEqual([]);
    expect(formatted.diagnostics).toEqual([]);
    expect(formatted.text).toContain(`  let deep = ${terms.join(' + ')}\n`);
    expect(format(formatted.text).text).toBe(formatted.text);
    const derived = compiled.ir!.derived.find((d) => d.name === 'deep')!;
    expect(compileExpression(derived.expr)({})).toBe(2999 * 1500);
    // The IR stays shallow enough for JSON and for the engine.
    expect(JSON.parse(JSON.stringify(compiled.ir))).toEqual(compiled.ir);
  });

  it('3,000 terms of `and` and of `or` compile to one flat operation each', () => {
    for (const op of ['and', 'or']) {
      const text = withLet(terms.map((i) => `applicant.age > ${i}`).join(` ${op} `));
      const { diagnostics, compiled } = allPhases(text);
      expect(diagnostics).toEqual([]);
      const expr = compiled.ir!.derived.find((d) => d.name === 'deep')!.expr as Record<string, JsonLogic[]>;
      expect(expr[op]).toHaveLength(3000);
      expect(expr[op]![2999]).toEqual({ '>': [{ var: 'applicant.age' }, { decimal: '2999' }] });
    }
  });

  it('keeps the left-nested IR of short chains (and with it the product hash)', () => {
    const { compiled } = allPhases(withLet('applicant.age + 1 + 2 + 3'));
    const expr = compiled.ir!.derived.find((d) => d.name === 'deep')!.expr;
    const age = { var: 'applicant.age' };
    expect(expr).toEqual({ '+': [{ '+': [{ '+': [age, { decimal: '1' }] }, { decimal: '2' }] }, { decimal: '3' }] });
  });

  it('reports a type error inside a long chain once', () => {
    const text = withLet([...terms.slice(0, 100), '"x"', ...terms.slice(100, 200)].join(' + '));
    expect(allPhases(text).diagnostics.map((d) => d.code)).toEqual(['type-mismatch']);
  });
});
