// The product templates the studio's "Nuevo producto" starts from (templates/): each compiles with
// no errors and no warnings and its own tests pass — under its own identity and under any valid
// code, name and currency a product manager may give it (retitleProduct, as the runtime does).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileText, formatDiagnostic, parse, productCodeProblem, retitleProduct } from '@plazo/dsl';
import { runProductTests } from '@plazo/engine';

const templatesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'templates');
const files = readdirSync(templatesDir).filter((name) => name.endsWith('.plazo')).sort();

/** Every finding (errors and warnings) and every failed test of a product text, one line each. */
function problems(file: string, text: string): string[] {
  const { ir, diagnostics } = compileText(text);
  const findings = diagnostics.filter((d) => d.severity !== 'info').map((d) => formatDiagnostic(`templates/${file}`, d));
  if (!ir) return [...findings, 'no IR'];
  const report = runProductTests(ir);
  const failed = report.results.filter((r) => r.status !== 'passed').map((r) => `test ${r.name}: ${r.status}`);
  if (report.results.length < 2) failed.push(`only ${report.results.length} tests`);
  return [...findings, ...failed];
}

const code = fc.stringMatching(/^[a-z_][a-z0-9_]{0,63}$/).filter((c) => productCodeProblem(c) === undefined);
// eslint-disable-next-line no-control-regex
const name = fc.string({ minLength: 1, maxLength: 120, unit: 'grapheme' }).filter((n) => n.trim().length > 0 && !/[\u0000-\u001f\u007f]/.test(n));
const currency = fc.stringMatching(/^[A-Z]{3}$/);

describe('product templates', () => {
  it('are the five of issue 19', () => {
    expect(files).toEqual(['adelanto_nomina.plazo', 'capital_trabajo.plazo', 'financiamiento_tienda.plazo', 'microcredito_grupal.plazo', 'nomina.plazo']);
  });

  describe.each(files)('%s', (file) => {
    const text = readFileSync(join(templatesDir, file), 'utf8');

    it('compiles with no errors or warnings and its tests pass', () => {
      expect(problems(file, text)).toEqual([]);
    });

    it('explains itself in Spanish: a name, a doc and a `///` above every section', () => {
      const { file, comments } = parse(text);
      const product = file.product!;
      expect(product.name?.value).toBeTruthy();
      expect(product.description?.value).toBeTruthy();
      const docLines = new Set(comments.filter((c) => c.doc).map((c) => c.range.start.line));
      const undocumented = product.sections.filter((s) => !docLines.has(s.range.start.line - 1)).map((s) => `${s.kind} at line ${s.range.start.line + 1}`);
      expect(undocumented).toEqual([]);
    });

    it('stays clean under any valid code, name and currency', () => {
      fc.assert(
        fc.property(code, name, currency, (c, n, cur) => {
          const retitled = retitleProduct(text, { code: c, name: n, currency: cur });
          expect(retitled.diagnostics).toEqual([]);
          expect(problems(file, retitled.text)).toEqual([]);
          const { ir } = compileText(retitled.text);
          expect([ir?.code, ir?.name, ir?.currency]).toEqual([c, n.trim(), cur]);
        }),
        { numRuns: 25 },
      );
    });
  });
});
