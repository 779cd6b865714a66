import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileText, parse } from './index.ts';
import { keywords, softKeywords } from './lexer/tokens.ts';
import { productCodeProblem } from './product-code.ts';
import { retitleProduct } from './product-identity.ts';

const product = `/// Documentación del producto
product basico "Base" { // el encabezado
  currency MXN
  input {
    request.amount: money
    request.payments: integer
  }
  limits {
    amount 1_000..5_000 step 100
    payments 3..6 monthly
  }
  pricing {
    method french
    rate 40%
  }
}
`;

describe('productCodeProblem', () => {
  it('accepts lowercase identifiers and soft keywords, which parse as a product code', () => {
    for (const code of ['nomina', 'nomina_2026', '_x', 'a', 'amount', 'x'.repeat(64)]) {
      expect(productCodeProblem(code)).toBeUndefined();
      expect(parse(`product ${code} "X" { currency MXN }`).diagnostics).toEqual([]);
    }
  });

  it('refuses capitals, accents, dots, digits first, spaces, the empty code, over 64 characters', () => {
    for (const code of ['Nomina', 'nómina', 'a.b', '1a', 'a b', '', 'x'.repeat(65), 'a-b']) expect(productCodeProblem(code)).toBeDefined();
  });

  it('refuses every reserved keyword, each of which the parser refuses as a product code', () => {
    const reserved = keywords.filter((k) => !softKeywords.has(k));
    expect(reserved).toContain('input');
    for (const word of reserved) {
      expect(productCodeProblem(word)).toMatch(/keyword/);
      expect(parse(`product ${word} "X" { currency MXN }`).diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('is a checker error on a product written by hand', () => {
    const { diagnostics } = compileText(product.replace('product basico', 'product Basico'));
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.range.start.line])).toEqual([['invalid-product-code', 1]]);
  });
});

describe('retitleProduct', () => {
  it('replaces the code, name and currency, keeps the rest and comments, and formats', () => {
    const { text, diagnostics } = retitleProduct(product, { code: 'credito_2026', name: 'Crédito "2026" \\ bis', currency: 'USD' });
    expect(diagnostics).toEqual([]);
    expect(text.split('\n').slice(0, 3)).toEqual(['/// Documentación del producto', 'product credito_2026 "Crédito \\"2026\\" \\\\ bis" {  // el encabezado', '  currency USD']);
    const compiled = compileText(text);
    expect(compiled.ir?.code).toBe('credito_2026');
    expect(compiled.ir?.name).toBe('Crédito "2026" \\ bis');
    expect(compiled.ir?.currency).toBe('USD');
    expect(compiled.ir?.pricing.rate).toEqual(compileText(product).ir?.pricing.rate);
  });

  it('adds a missing name and currency', () => {
    const bare = product.replace(' "Base"', '').replace('  currency MXN\n', '');
    const { text, diagnostics } = retitleProduct(bare, { code: 'nuevo', name: 'Nuevo', currency: 'MXN' });
    expect(diagnostics).toEqual([]);
    const ir = compileText(text).ir;
    expect([ir?.code, ir?.name, ir?.currency]).toEqual(['nuevo', 'Nuevo', 'MXN']);
  });

  it('refuses an invalid code, name or currency, and a text with syntax errors, returning the text unchanged', () => {
    expect(retitleProduct(product, { code: 'Mal' }).diagnostics.map((d) => d.code)).toEqual(['invalid-product-code']);
    expect(retitleProduct(product, { name: 'dos\nlíneas' }).diagnostics.map((d) => d.code)).toEqual(['invalid-product-name']);
    expect(retitleProduct(product, { currency: 'mxn' }).diagnostics.map((d) => d.code)).toEqual(['invalid-currency']);
    const broken = product.replace('rate 40%', 'rate 40% {');
    const result = retitleProduct(broken, { code: 'ok' });
    expect(result.text).toBe(broken);
    expect(result.diagnostics.length).toBeGreaterThan(0);
  });

  it('any valid code and any one-line name give a product that compiles under that identity', () => {
    const code = fc.stringMatching(/^[a-z_][a-z0-9_]{0,63}$/).filter((c) => productCodeProblem(c) === undefined);
    const name = fc.string({ minLength: 1, maxLength: 80 }).filter((n) => n.trim().length > 0 && !/[\u0000-\u001f\u007f]/.test(n));
    fc.assert(
      fc.property(code, name, (c, n) => {
        const { text, diagnostics } = retitleProduct(product, { code: c, name: n });
        expect(diagnostics).toEqual([]);
        const ir = compileText(text).ir;
        expect(ir?.code).toBe(c);
        expect(ir?.name).toBe(n.trim());
      }),
      { numRuns: 200 },
    );
  });
});
