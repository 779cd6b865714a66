// `plazo schedule` and `plazo cat` run in-process through runCli with captured streams.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.ts';
import type { CliIo } from '../src/cli/command.ts';

function capture(stdin = '', cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => stdin, cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const terms = {
  principal: '10000.00', annualRate: '0.60', installments: 16, frequency: 'weekly', method: 'french', interestBasis: 'period',
  disbursementDate: '2025-01-06', firstDueDate: '2025-01-13', decimals: 2, rounding: 'half-even', installmentMultipleOf: '1',
  tax: { rate: '0.16', on: ['interest', 'fees'] }, fees: [{ name: 'apertura', amount: '300.00', timing: 'deducted' }],
  graceInstallments: { principal: 0, interest: 0 },
};

describe('plazo schedule', () => {
  it('prints the DESIGN.md JSON for a terms file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plazo-'));
    writeFileSync(join(dir, 'terms.json'), JSON.stringify(terms));
    const c = capture('', dir);
    expect(await runCli(['schedule', '--terms', 'terms.json', '--json'], c.io)).toBe(0);
    const s = JSON.parse(c.out());
    expect(s.installments).toHaveLength(16);
    expect(Object.keys(s.installments[0])).toEqual(expect.arrayContaining(['number', 'dueDate', 'principal', 'interest', 'tax', 'fees', 'total', 'balance']));
    expect(s.installments[0]).toMatchObject({ number: 1, dueDate: '2025-01-13', principal: '572.62', total: '706.46' });
    expect(s.installments[15].balance).toBe('0.00');
    expect(Object.keys(s.totals)).toEqual(['principal', 'interest', 'tax', 'fees', 'total']);
    expect(s.disbursed).toBe('9652.00');
    expect(s.cat).toMatch(/^\d+\.\d$/);
    expect(c.err()).toBe('');
  });

  it('reads stdin with - and prints a table without --json', async () => {
    const c = capture(JSON.stringify(terms));
    expect(await runCli(['schedule', '--terms', '-'], c.io)).toBe(0);
    expect(c.out()).toMatch(/due date\s+principal\s+interest\s+IVA\s+fees\s+total\s+balance/);
    expect(c.out()).toMatch(/CAT \d+\.\d% sin IVA/);
    expect(c.out()).toContain('2025-04-28');
  });

  it('exits 2 naming the field for invalid terms', async () => {
    const c = capture(JSON.stringify({ ...terms, annualRate: '60%', fees: [{ name: 'apertura', amount: '-1', timing: 'deducted' }] }));
    expect(await runCli(['schedule', '--terms', '-', '--json'], c.io)).toBe(2);
    expect(c.err()).toContain('annualRate: must be a fraction, not a percentage: write "0.60" for 60%');
    expect(c.err()).toContain('fees[0].amount: must not be negative');
    expect(c.out()).toBe('');
  });

  it('refuses a schedule whose CAT is beyond 10^6 % with exit 1 (1000% a year, paid every day: ≈ 2,202,546%)', async () => {
    const c = capture(JSON.stringify({ principal: '1000000.00', annualRate: '10', installments: 365, frequency: { everyDays: 1 }, disbursementDate: '2025-01-06' }));
    expect(await runCli(['schedule', '--terms', '-'], c.io)).toBe(1);
    expect(c.out()).toBe('');
    expect(c.err()).toContain('plazo schedule: cat: the CAT exceeds 1000000% a year');
  });

  it('exits 2 on unreadable input or bad usage', async () => {
    const missing = capture();
    expect(await runCli(['schedule', '--terms', 'no-such-file.json'], missing.io)).toBe(2);
    expect(missing.err()).toContain('no such file');
    const badJson = capture('{ nope');
    expect(await runCli(['schedule', '--terms', '-'], badJson.io)).toBe(2);
    expect(badJson.err()).toContain('not valid JSON');
    const noArg = capture();
    expect(await runCli(['schedule'], noArg.io)).toBe(2);
    expect(noArg.err()).toContain('missing --terms');
  });
});

describe('plazo cat', () => {
  it('prints { cat, catExact } for periodic payments', async () => {
    const c = capture(JSON.stringify({ periodsPerYear: 12, disbursed: '1000.00', payments: ['1100.00'] }));
    expect(await runCli(['cat', '--flows', '-', '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out())).toEqual({ cat: '213.8', catExact: '213.8428376721' });
  });

  it('accepts dated flows and prints a line without --json', async () => {
    const c = capture(JSON.stringify({ disbursed: '1000', upfrontCharges: '100', flows: [{ days: 365, amount: '1000' }] }));
    expect(await runCli(['cat', '--flows', '-'], c.io)).toBe(0);
    expect(c.out()).toBe('CAT 11.1% sin IVA (exact 11.1111111111%)\n');
  });

  it('refuses a CAT beyond 10^6 % with exit 1, never exponent notation nor Infinity (issue 12)', async () => {
    // 1,000 a week after 1 received: 1000^52 − 1 ≈ 10^156, which printed `1e+158`; 10^12 a day
    // after 1 is past 1e308 and printed `Infinity`, both with exit 0.
    for (const flows of [{ periodsPerYear: 52, disbursed: '1', payments: ['1000'] }, { disbursed: '1', flows: [{ days: 1, amount: '1000000000000' }] }]) {
      const c = capture(JSON.stringify(flows));
      expect(await runCli(['cat', '--flows', '-', '--json'], c.io)).toBe(1);
      expect(c.out()).toBe('');
      expect(c.err()).toContain('plazo cat: cat: the CAT exceeds 1000000% a year');
    }
    // Up to the bound it is a plain decimal string: 9,001 a year after 1 is 900,000%.
    const ok = capture(JSON.stringify({ periodsPerYear: 1, disbursed: '1', payments: ['9001'] }));
    expect(await runCli(['cat', '--flows', '-', '--json'], ok.io)).toBe(0);
    expect(JSON.parse(ok.out()).catExact).toMatch(/^900000\.\d{10}$/);
  });

  it('exits 2 naming the field for invalid flows', async () => {
    const c = capture(JSON.stringify({ periodsPerYear: 12, disbursed: '1000', payments: ['x'] }));
    expect(await runCli(['cat', '--flows', '-', '--json'], c.io)).toBe(2);
    expect(c.err()).toContain('payments[0]:');
  });
});
