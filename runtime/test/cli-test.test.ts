// `plazo test` in-process through runCli: the example scorecard's tests pass; a wrong expectation
// fails with its position, expected vs actual and the trace; compile errors, coverage, --json, usage.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.ts';
import type { CliIo } from '../src/cli/command.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const german = readFileSync(join(root, 'examples', 'german_credit.plazo'), 'utf8');

function capture(cwd = root) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => '', cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

/** A scratch directory holding `name` with `text`. */
function scratch(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'plazo-test-'));
  writeFileSync(join(dir, name), text);
  return dir;
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('plazo test', () => {
  it('runs every test of a product: ✓ per test and the summary alone on the last line, exit 0', async () => {
    const c = capture();
    expect(await runCli(['test', 'examples/german_credit.plazo'], c.io)).toBe(0);
    expect(c.out().match(/^ {2}✓ /gm)).toHaveLength(7);
    expect(c.out()).toContain('  ✓ row 22: band B\n');
    expect(lastLine(c.out())).toBe('7 passed, 0 failed');
    expect(c.err()).toBe('');
  });

  it('fails a wrong expectation with its file:line:col, expected vs actual and the rule trace, exit 1', async () => {
    // Row 22 scores 651: band B, not A.
    const wrong = german.replace('    expect band B\n    expect score 651', '    expect band A\n    expect score 651');
    expect(wrong).not.toBe(german);
    const line = wrong.split('\n').findIndex((l) => l.includes('test "row 22: band B"')) + 1;
    const c = capture(scratch('p.plazo', wrong));
    expect(await runCli(['test', 'p.plazo'], c.io)).toBe(1);
    const out = c.out();
    expect(out).toContain(`  ✗ row 22: band B  (p.plazo:${line}:3)\n`);
    expect(out).toContain('      expected band A, got band B\n');
    expect(out).toContain('      decision on 2025-01-01: approve, score 651, band B, requested 2647\n');
    expect(out).toContain('      trace:\n');
    expect(out).toContain('        eligibility[1] CODEUDOR  loan.other_debtors=A101 → false\n');
    expect(out).toContain('        scorecard.bands  score=651 → B\n');
    expect(lastLine(out)).toBe('6 passed, 1 failed');
  });

  it('prints compile errors as file:line:col and exits 1, still running the other files', async () => {
    const dir = scratch('broken.plazo', 'product broken "B" {\n  currency MXN\n  limits { amount 1..\n}\n');
    writeFileSync(join(dir, 'german.plazo'), german);
    const c = capture(dir);
    expect(await runCli(['test', 'broken.plazo', 'german.plazo'], c.io)).toBe(1);
    expect(c.err()).toMatch(/^broken\.plazo:\d+:\d+: error [a-z-]+: /m);
    expect(lastLine(c.out())).toBe('7 passed, 0 failed, 1 file did not compile');
  });

  it('--coverage lists the bins no test reaches', async () => {
    const c = capture();
    expect(await runCli(['test', '--coverage', 'examples/german_credit.plazo'], c.io)).toBe(0);
    // The seven tests use purposes A43 and A41 only, and never housing A153.
    expect(c.out()).toContain('      loan.purpose#0  (loan.purpose A40 -> -10)\n');
    expect(c.out()).toContain('      applicant.housing#2  (applicant.housing A153 -> -14)\n');
    expect(c.out()).toContain('    eligibility rules: 2/2 exercised\n');
    expect(lastLine(c.out())).toBe('7 passed, 0 failed');
  });

  it('--json prints one document with each test, its position and the coverage', async () => {
    const c = capture();
    expect(await runCli(['test', '--json', 'examples/german_credit.plazo'], c.io)).toBe(0);
    const doc = JSON.parse(c.out());
    expect(doc).toMatchObject({ passed: 7, failed: 0, uncompiled: 0 });
    const file = doc.files[0];
    expect(file.tests).toHaveLength(7);
    expect(file.tests[0]).toMatchObject({ name: 'row 1: long-standing worker, critical account elsewhere', status: 'passed', asOf: '2025-01-01' });
    expect(file.tests[0].line).toBeGreaterThan(1);
    expect(file.tests[0].decision).toBeUndefined();
    expect(file.coverage.bins.total).toBe(41);
  });

  it('exits 2 without a file or with an unreadable one', async () => {
    const none = capture();
    expect(await runCli(['test'], none.io)).toBe(2);
    expect(none.err()).toContain('missing FILE');
    const missing = capture();
    expect(await runCli(['test', 'no-such.plazo'], missing.io)).toBe(2);
    expect(missing.err()).toContain('no such file');
  });
});
