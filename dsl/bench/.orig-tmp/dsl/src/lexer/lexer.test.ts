import { describe, expect, it } from 'vitest';
import { lex } from './lexer.ts';
import { keywords, softKeywords } from './tokens.ts';

/** `Type:image` for each significant token. */
function kinds(text: string): string[] {
  return lex(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe('lexer', () => {
  it('lexes a dotted name as one identifier, keyword segments included', () => {
    expect(kinds('applicant.net_income request.amount bureau.score')).toEqual([
      'Identifier:applicant.net_income',
      'Identifier:request.amount',
      'Identifier:bureau.score',
    ]);
  });

  it('prefers a longer identifier over a keyword prefix, and the longest keyword', () => {
    expect(kinds('amounts input in installment payments pay')).toEqual([
      'Identifier:amounts',
      'Kw_input:input',
      'Kw_in:in',
      'Kw_installment:installment',
      'Kw_payments:payments',
      'Kw_pay:pay',
    ]);
  });

  it('lexes dates before numbers and keeps digit grouping in the image', () => {
    expect(kinds('2025-01-06 5_000 12.50 2_731.52')).toEqual([
      'DateLiteral:2025-01-06',
      'NumberLiteral:5_000',
      'NumberLiteral:12.50',
      'NumberLiteral:2_731.52',
    ]);
  });

  it('lexes percents, multiples and ranges', () => {
    expect(kinds('36% 2.5% 1.5x 580..679 ..<30% 680..')).toEqual([
      'PercentLiteral:36%',
      'PercentLiteral:2.5%',
      'MultipleLiteral:1.5x',
      'NumberLiteral:580',
      'RangeDots:..',
      'NumberLiteral:679',
      'RangeExclusive:..<',
      'PercentLiteral:30%',
      'NumberLiteral:680',
      'RangeDots:..',
    ]);
  });

  it('lexes signs as operators so `-3` and `a -3` both work', () => {
    expect(kinds('at -3 days')).toEqual(['Kw_at:at', 'Minus:-', 'NumberLiteral:3', 'Kw_days:days']);
    expect(kinds('-> -40 +50')).toEqual(['Arrow:->', 'Minus:-', 'NumberLiteral:40', 'Plus:+', 'NumberLiteral:50']);
  });

  it('lexes an interest basis only after `basis`, so `30/360` elsewhere divides', () => {
    expect(kinds('basis actual/360 basis 30/360')).toEqual(['Kw_basis:basis', 'BasisName:actual/360', 'Kw_basis:basis', 'BasisName:30/360']);
    expect(kinds('x * 30/360')).toEqual(['Identifier:x', 'Star:*', 'NumberLiteral:30', 'Slash:/', 'NumberLiteral:360']);
  });

  it('lexes a rounding mode only after `rounding N`', () => {
    expect(kinds('rounding 2 half-even')).toEqual(['Kw_rounding:rounding', 'NumberLiteral:2', 'RoundingMode:half-even']);
    expect(kinds('half-even')).toEqual(['Identifier:half', 'Minus:-', 'Identifier:even']);
  });

  it('puts comments and doc comments in their own group, in order', () => {
    const result = lex('/// doc\nx // note\n//// not a doc');
    expect(result.tokens.map((t) => t.image)).toEqual(['x']);
    expect(result.comments.map((c) => [c.tokenType.name, c.image])).toEqual([
      ['DocComment', '/// doc'],
      ['LineComment', '// note'],
      ['LineComment', '//// not a doc'],
    ]);
  });

  it('lexes strings with escapes and Spanish text', () => {
    expect(kinds('"Crédito \\"nómina\\" \\\\"')).toEqual(['StringLiteral:"Crédito \\"nómina\\" \\\\"']);
  });

  it('reports an unterminated string and still hands the parser a string', () => {
    const result = lex('doc "abc\nx');
    expect(result.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column, d.range.end.column])).toEqual([
      ['unterminated-string', 0, 4, 8],
    ]);
    expect(result.tokens.map((t) => t.tokenType.name)).toEqual(['Kw_doc', 'StringLiteral', 'Identifier']);
  });

  it('reports invalid characters with their place and skips them', () => {
    const result = lex('a @ b\n  #$ c');
    expect(result.diagnostics.map((d) => [d.code, d.message, d.range.start.line, d.range.start.column])).toEqual([
      ['invalid-character', 'invalid character `@`', 0, 2],
      ['invalid-character', 'invalid characters `#$`', 1, 2],
    ]);
    expect(result.tokens.map((t) => t.image)).toEqual(['a', 'b', 'c']);
  });

  it('exports every keyword for the studio, sorted, with the soft ones a subset', () => {
    expect(keywords).toContain('product');
    expect(keywords).toContain('characteristic');
    expect([...keywords]).toEqual([...keywords].sort());
    for (const word of softKeywords) expect(keywords).toContain(word);
    expect(softKeywords.has('score')).toBe(true);
    expect(softKeywords.has('fee')).toBe(false);
  });
});
