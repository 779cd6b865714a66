import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparableAst } from '../../test/ast-equality.ts';
import { allProducts } from '../../test/texts.ts';
import { lex } from '../lexer/lexer.ts';
import { parse } from '../parse.ts';
import { format } from './format.ts';

const golden = join(dirname(fileURLToPath(import.meta.url)), '../../test/golden');
const products = allProducts();

function commentTexts(text: string): string[] {
  return parse(text).comments.map((c) => c.text.trimEnd()).sort();
}

describe('format: golden files', () => {
  it.each(['messy', 'comments'])('%s', (name) => {
    const input = readFileSync(join(golden, `${name}.input.plazo`), 'utf8');
    const expected = readFileSync(join(golden, `${name}.formatted.plazo`), 'utf8');
    expect(format(input)).toEqual({ text: expected, diagnostics: [] });
    expect(format(expected).text).toBe(expected);
  });
});

describe('format: on every real product', () => {
  it('has products to check (examples, test products, README)', () => {
    expect(products.length).toBeGreaterThanOrEqual(2);
  });

  it.each(products.map((p) => [p.name, p.text] as const))('%s: sound, idempotent, keeps every comment', (_name, text) => {
    const before = parse(text);
    expect(before.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const once = format(text);
    expect(once.diagnostics).toEqual([]);
    const after = parse(once.text);
    expect(after.diagnostics).toEqual([]);
    expect(comparableAst(after.file)).toEqual(comparableAst(before.file));
    expect(format(once.text).text).toBe(once.text);
    expect(commentTexts(once.text)).toEqual(commentTexts(text));
  });
});

describe('format: rules', () => {
  it('refuses a file with syntax errors and returns it unchanged', () => {
    const text = 'product p "P" {\n  limits { amount 1..2\n';
    const result = format(text);
    expect(result.text).toBe(text);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unexpected-end-of-file']);
  });

  it('keeps number spelling as written', () => {
    const { text } = format('product p "P" { limits { amount 5000..150_000 step 0500 } }');
    expect(text).toContain('amount 5000..150_000 step 0500');
  });

  it('aligns trailing comments of consecutive lines', () => {
    const { text } = format('product p "P" { limits {\n amount 1..2 // a\n payments 1..12 monthly // b\n} }');
    expect(text).toContain('    amount 1..2             // a\n    payments 1..12 monthly  // b\n');
  });

  it('wraps a long rule before `message`', () => {
    const long = 'x'.repeat(80);
    const { text } = format(`product p "P" { eligibility { decline "R" when a > 1 message "${long}" } }`);
    expect(text).toContain(`    decline "R" when a > 1\n      message "${long}"\n`);
  });

  it('writes a restructuring offer with payments (and frequency) before the rate', () => {
    const { text, diagnostics } = format('product p "P" { collection { from 31 dpd stage tardia offer restructure rate 30%  payments 12 every 10 days queue "q" } }');
    expect(diagnostics).toEqual([]);
    expect(text).toContain('    from 31 dpd stage tardia offer restructure payments 12 every 10 days rate 30% queue "q"\n');
    expect(format('product p "P" { collection { from 31 dpd stage t offer restructure } }').text).toContain('stage t offer restructure\n');
  });

  it('formats a product independently of its whitespace, blank lines aside (property)', () => {
    const sample = products.find((p) => p.name.includes('nomina-quincenal'))!;
    const tokens = lex(sample.text).tokens.map((t) => t.image);
    const canonical = format(tokens.join(' ')).text;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\n', '  ', '\t', ' \n  '), { minLength: tokens.length, maxLength: tokens.length }), (gaps) => {
        const text = tokens.map((t, i) => t + gaps[i]).join('');
        expect(format(text).text).toBe(canonical);
      }),
      { numRuns: 30, seed: 42 },
    );
  });
});
