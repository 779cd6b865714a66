import { describe, expect, it } from 'vitest';
import type { Expr, LetDecl } from '../ast/nodes.ts';
import { parse } from '../parse.ts';

/** Fully parenthesised rendering of an expression, to check precedence and associativity. */
function paren(e: Expr): string {
  switch (e.kind) {
    case 'BinaryExpr':
      return `(${paren(e.left)} ${e.operator} ${paren(e.right)})`;
    case 'UnaryExpr':
      return `(${e.operator === 'not' ? 'not ' : '-'}${paren(e.operand)})`;
    case 'InExpr':
      return `(${paren(e.operand)} in {${e.values.map(paren).join(', ')}})`;
    case 'PresenceExpr':
      return `(${paren(e.operand)} is ${e.present ? 'present' : 'missing'})`;
    case 'IfExpr':
      return `(if ${paren(e.condition)} then ${paren(e.then)} else ${paren(e.otherwise)})`;
    case 'CallExpr':
      return `${e.callee.name}(${e.args.map(paren).join(', ')})`;
    case 'ParenExpr':
      return `[${paren(e.inner)}]`;
    case 'NameRef':
      return e.name;
    case 'NumberLiteral':
    case 'DateLiteral':
      return e.value;
    case 'PercentLiteral':
      return `${e.value}%`;
    case 'StringLiteral':
      return JSON.stringify(e.value);
    case 'BooleanLiteral':
      return String(e.value);
    case 'ErrorExpr':
      return '<error>';
  }
}

function expression(source: string): string {
  const { file, diagnostics } = parse(`product p "P" { let x = ${source} }`);
  expect(diagnostics).toEqual([]);
  return paren((file.product!.sections[0] as LetDecl).value);
}

describe('expression precedence', () => {
  it.each([
    ['a or b and c', '(a or (b and c))'],
    ['not a = b and c', '((not (a = b)) and c)'],
    ['a + b * c - d / e', '((a + (b * c)) - (d / e))'],
    ['a - b - c', '((a - b) - c)'],
    ['-a * b', '((-a) * b)'],
    ['a * -3', '(a * (-3))'],
    ['a + b >= c * 2', '((a + b) >= (c * 2))'],
    ['x in { CDMX, JAL } or y is missing', '((x in {CDMX, JAL}) or (y is missing))'],
    ['bureau.score is present and bureau.score > 600', '((bureau.score is present) and (bureau.score > 600))'],
    ['(a + b) * c', '([(a + b)] * c)'],
    ['if a > 1 then b else c + 1', '(if (a > 1) then b else (c + 1))'],
    ['min(a, round(b * 30%, 2)) + days_between(today, applicant.birth_date)', '(min(a, round((b * 30%), 2)) + days_between(today, applicant.birth_date))'],
    ['score >= 680 and amount <= 5_000', '((score >= 680) and (amount <= 5000))'],
    ['d != 2025-01-06', '(d != 2025-01-06)'],
    ['s = "A" or t = true', '((s = "A") or (t = true))'],
  ])('%s', (source, expected) => {
    expect(expression(source)).toBe(expected);
  });
});

describe('syntax errors', () => {
  it('says what was expected and where, and keeps parsing the rest of the file', () => {
    const text = [
      'product p "P" {',
      '  eligibility {',
      '    decline "EDAD" when applicant.age > > 70',
      '    refer "X" when a < 3',
      '  }',
      '  scorecard { base 600 band A when score >= 680 }',
      '}',
    ].join('\n');
    const { file, diagnostics } = parse(text);
    expect(diagnostics.map((d) => [d.code, d.message, d.range.start.line, d.range.start.column])).toEqual([
      ['unexpected-token', 'expected an expression, found `>`', 2, 40],
    ]);
    const [eligibility, scorecard] = file.product!.sections;
    expect(eligibility?.kind === 'EligibilitySection' && eligibility.rules.map((r) => r.reason.value)).toEqual(['EDAD', 'X']);
    expect(scorecard?.kind === 'ScorecardSection' && scorecard.bands.map((b) => b.name.name)).toEqual(['A']);
  });

  it('names the section a missing `}` should close', () => {
    const { file, diagnostics } = parse('product p "P" {\n  limits { amount 5..10 step 5\n  pricing { method french }\n}');
    expect(diagnostics.map((d) => [d.code, d.message, d.range.start.line])).toEqual([
      ['unexpected-token', 'expected `}` to close `limits`, found `pricing`', 2],
    ]);
    expect(file.product!.sections.map((s) => s.kind)).toEqual(['LimitsSection', 'PricingSection']);
  });

  it('reports the end of the file inside the text', () => {
    const text = 'product p "P" {\n  input {\n    a: money\n';
    const { diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'unexpected-end-of-file', message: 'expected `}` to close `input`, found the end of the file' });
    expect(diagnostics[0]!.range.end.offset).toBeLessThanOrEqual(text.length);
  });

  it('asks for a product in an empty file', () => {
    const { file, diagnostics } = parse('');
    expect(file.product).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['unexpected-end-of-file', 'expected `product` (a file holds one product), found the end of the file'],
    ]);
  });

  it('rejects a second product', () => {
    const { diagnostics } = parse('product p "P" {}\nproduct q "Q" {}');
    expect(diagnostics.map((d) => [d.message, d.range.start.line])).toEqual([
      ['unexpected `product` after the end of the product (a file holds one product)', 1],
    ]);
  });

  it('lists the statements a section accepts', () => {
    const { diagnostics } = parse('product p "P" { limits { amount 1..2 bogus 3 } }');
    expect(diagnostics).toMatchObject([{ code: 'unexpected-token', message: 'unexpected `bogus` in `limits`', help: 'expected `amount`, `first`, `payments` or `}`' }]);
    const missingType = parse('product p "P" { input { a: 5 } }').diagnostics[0];
    expect(missingType?.message).toMatch(/^expected a type \(`number`, `integer`.*found `5`$/);
  });

  it('does not let a broken expression swallow the next declaration', () => {
    const { file, diagnostics } = parse('product p "P" {\n  let x = (a +\n  fee f 300 upfront\n}');
    expect(diagnostics[0]?.message).toBe('expected an expression, found `fee`');
    expect(file.product!.sections.map((s) => s.kind)).toEqual(['LetDecl', 'FeeDecl']);
  });
});

describe('flat expression grammar', () => {
  it('reports chained comparisons', () => {
    const { diagnostics } = parse('product p "P" { let x = a < b < c }');
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['chained-comparison', 'comparisons cannot be chained']]);
  });

  it('applies `not` to a whole comparison and `-` to one operand', () => {
    expect(expression('not not a = -b * c')).toBe('(not (not (a = ((-b) * c))))');
    expect(expression('- -a')).toBe('(-(-a))');
  });
});
