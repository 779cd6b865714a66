import { describe, expect, it } from 'vitest';
import { compiledExample, exampleText, parsedExample } from '../testing/examples.ts';
import { runTests } from '../worker/requests.ts';
import { sourceLocations } from './locations.ts';

describe('tests panel', () => {
  it('locates every test of the product at its line, in report order', () => {
    const text = exampleText('nomina');
    const locations = sourceLocations(parsedExample('nomina', text));
    const lines = text.split('\n');
    expect(locations.tests.length).toBe(compiledExample('nomina').tests.length);
    for (const t of locations.tests) expect(lines[t.line - 1]!.slice(t.column - 1)).toMatch(new RegExp(`^test "${t.name.replace(/[()]/g, '.')}"`));
  });

  it('locates rules, bins and bands by their coverage ids', () => {
    const text = exampleText('german_credit');
    const { items } = sourceLocations(parsedExample('german_credit', text));
    const lines = text.split('\n');
    const rule = Object.keys(items).find((k) => k.startsWith('eligibility[0] '))!;
    expect(lines[items[rule]!.line - 1]).toMatch(/decline|refer/);
    expect(lines[items['account.checking_status#0']!.line - 1]).toMatch(/A11/);
  });

  it('reports green tests with expected vs actual, and a failing one red', () => {
    const text = exampleText('nomina');
    const good = runTests(compiledExample('nomina', text), parsedExample('nomina', text));
    expect(good.failed).toBe(0);
    expect(good.tests.every((t) => t.status === 'passed' && t.location !== null)).toBe(true);
    const broken = text.replace('expect score 730', 'expect score 731');
    const bad = runTests(compiledExample('nomina', broken), parsedExample('nomina', broken));
    expect(bad.failed).toBe(1);
    const red = bad.tests.find((t) => t.status === 'failed')!;
    expect(red.expectations.find((e) => !e.passed)).toMatchObject({ expected: 'score 731', actual: 'score 730' });
  });

  it('lists what no test covers, with where it is', () => {
    const text = exampleText('nomina');
    // The product without its tests: everything before the first test (and its doc comment).
    const lines = text.split('\n');
    let first = lines.findIndex((l) => l.trimStart().startsWith('test "'));
    while (lines[first - 1]?.trimStart().startsWith('///')) first--;
    const trimmed = `${lines.slice(0, first).join('\n')}\n}\n`;
    const summary = runTests(compiledExample('nomina', trimmed), parsedExample('nomina', trimmed));
    expect(summary.tests).toEqual([]);
    expect(summary.uncovered.length).toBeGreaterThan(0);
    expect(summary.uncovered.filter((u) => u.section === 'eligibility').every((u) => u.location !== null)).toBe(true);
    expect(summary.coverage.eligibility.covered).toBe(0);
  });
});
