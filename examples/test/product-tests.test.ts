// Every example product's in-language tests, run by the engine under vitest: one vitest test per
// product test, so a failure names the product and the test, with expected vs actual.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileText, formatDiagnostic, isPolicyText } from '@plazo/dsl';
import { runProductTests, type TestResult } from '@plazo/engine';

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..');
// The six products, and the variants kept for `plazo backtest --against` (variants/).
const files = [
  ...readdirSync(examplesDir).filter((name) => name.endsWith('.plazo')).sort(),
  ...readdirSync(join(examplesDir, 'variants')).filter((name) => name.endsWith('.plazo')).sort().map((name) => `variants/${name}`),
].filter((file) => !isPolicyText(readFileSync(join(examplesDir, file), 'utf8'))); // pld.plazo is a policy, not a product

/** What went wrong in a test, one line per problem: the assertion message when it fails. */
function problems(result: TestResult): string[] {
  return [
    ...result.errors.map((e) => `error ${e.path}: ${e.message}`),
    ...result.expectations.filter((e) => !e.passed).map((e) => `expected ${e.expected}, got ${e.actual}${e.note ? ` (${e.note})` : ''}`),
  ];
}

describe.each(files)('%s', (file) => {
  const { ir, diagnostics } = compileText(readFileSync(join(examplesDir, file), 'utf8'));
  const report = ir ? runProductTests(ir) : undefined;

  it('compiles', () => {
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(`examples/${file}`, d))).toEqual([]);
    expect(report?.results.length).toBeGreaterThanOrEqual(5);
  });

  describe.each((report?.results ?? []).map((r) => [r.name, r] as const))('test %s', (_name, result) => {
    it('passes', () => {
      expect(problems(result)).toEqual([]);
      expect(result.status).toBe('passed');
      // Every test checks something: an expectation-free test would pass vacuously.
      expect(result.expectations.length).toBeGreaterThan(0);
    });
  });
});
