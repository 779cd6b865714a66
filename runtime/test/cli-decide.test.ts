// `plazo decide` in-process, and decide() over every example product: each compiled from its
// .plazo file, each application taken from the product's own tests.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileText, isPolicyText } from '@plazo/dsl';
import { decide } from '@plazo/engine';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/cli.ts';
import type { CliIo } from '../src/cli/command.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

function capture(stdin = '', cwd = EXAMPLES) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => stdin, cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const approved = {
  applicant: { birth_date: '1985-05-10' },
  payroll: { net_pay: '18000', existing_deductions: '0' },
  employment: { months: 48, contract: 'planta', employer_in_agreement: true },
  bureau: { score: 735, worst_dpd_12m: 0, monthly_payments: '3000' },
  request: { amount: '60000', payments: 24 },
};

describe('decide over the example products', () => {
  // Products only: pld.plazo is the institution's PLD policy, not a product (examples/test/pld-policy.test.ts).
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.plazo') && !isPolicyText(readFileSync(join(EXAMPLES, f), 'utf8')));

  it('finds the examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of files) {
    it(`${file}: decides every test application as the test expects`, () => {
      const { ir } = compileText(readFileSync(join(EXAMPLES, file), 'utf8'));
      expect(ir).toBeDefined();
      let decided = 0;
      for (const t of ir!.tests) {
        const d = decide(ir!, t.given, t.asOf ?? t.disburseOn ?? '2025-01-01');
        decided++;
        expect(d.product.hash).toBe(ir!.hash);
        expect(Object.isFrozen(d)).toBe(true);
        for (const e of t.expect) {
          if (e.kind === 'outcome') expect(d.outcome, `${file} "${t.name}"`).toBe(e.outcome);
          if (e.kind === 'band') expect(d.band, `${file} "${t.name}"`).toBe(e.band);
          if (e.kind === 'offer-amount') expect(d.offer?.amount, `${file} "${t.name}"`).toBe(e.amount);
          if (e.kind === 'counteroffer') expect([d.offer?.kind, d.offer?.amount], `${file} "${t.name}"`).toEqual(['counteroffer', e.amount]);
          if (e.kind === 'cat') expect(d.offer?.cat, `${file} "${t.name}"`).toBe(e.cat);
        }
      }
      expect(decided).toBe(ir!.tests.length);
    });
  }
});

describe('plazo decide', () => {
  afterEach(() => {
    vi.useRealTimers();
    delete process.env.PLAZO_TIME_ZONE;
  });

  it('decides as of today in the institution’s time zone without --as-of, never UTC’s', async () => {
    // 20:48 on 2025-03-03 in Mexico City is 02:48 UTC on the 4th.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-04T02:48:00Z'));
    const c = capture(JSON.stringify(approved));
    expect(await runCli(['decide', 'nomina.plazo', '--application', '-'], c.io)).toBe(0);
    expect(c.out()).toContain('Calculado el 2025-03-03.');
    process.env.PLAZO_TIME_ZONE = 'Asia/Tokyo';
    const tokyo = capture(JSON.stringify(approved));
    expect(await runCli(['decide', 'nomina.plazo', '--application', '-'], tokyo.io)).toBe(0);
    expect(tokyo.out()).toContain('Calculado el 2025-03-04.');
    process.env.PLAZO_TIME_ZONE = 'Mars/Olympus';
    const unknown = capture(JSON.stringify(approved));
    expect(await runCli(['decide', 'nomina.plazo', '--application', '-'], unknown.io)).toBe(2);
    expect(unknown.err()).toContain('PLAZO_TIME_ZONE `Mars/Olympus` is not a known time zone');
  });

  it('prints the outcome, score breakdown, offer and CAT, exit 0 on approval', async () => {
    const c = capture(JSON.stringify(approved));
    expect(await runCli(['decide', 'nomina.plazo', '--application', '-', '--as-of', '2025-03-03'], c.io)).toBe(0);
    const text = c.out();
    expect(text).toContain('outcome: APPROVE');
    expect(text).toContain('score 730 (base 600), band A');
    expect(text).toMatch(/bureau\.score\s+735\s+bureau\.score#4\s+\+60/);
    expect(text).toContain('offer: 60,000 in 24 semimonthly payments at 26% a year (french)');
    expect(text).toContain('CAT 34.7% Sin IVA. Para fines informativos y de comparación. Calculado el 2025-03-03.');
    expect(c.err()).toBe('');
  });

  it('prints the decision record with --json, exit 1 on decline with its reasons', async () => {
    const c = capture(JSON.stringify({ ...approved, employment: { ...approved.employment, employer_in_agreement: false }, request: { amount: '260000', payments: 24 } }));
    expect(await runCli(['decide', 'nomina.plazo', '--application', '-', '--as-of', '2025-03-03', '--json'], c.io)).toBe(1);
    const d = JSON.parse(c.out());
    expect(d.outcome).toBe('decline');
    expect(d.reasons.map((r: { code: string }) => r.code)).toEqual(['CONVENIO', 'MONTO_FUERA_DE_LIMITES']);
    expect(d.offer).toBe(null);
    expect(d.trace.length).toBeGreaterThan(10);
  });

  it('refuses an offer whose CAT is beyond 10^6 % with exit 1 (issue 12)', async () => {
    // nomina with an 86% opening fee deducted, 6 payments: 8,400 received (IVA aside) against
    // six fortnightly installments of about 10,500 — a CAT near 10^10 %.
    const dir = mkdtempSync(join(tmpdir(), 'plazo-cat-'));
    const source = readFileSync(join(EXAMPLES, 'nomina.plazo'), 'utf8').replace('fee apertura 2% of amount min 200 max 3_000 financed iva', 'fee apertura 86% of amount deducted iva');
    writeFileSync(join(dir, 'abusiva.plazo'), source);
    const c = capture(JSON.stringify({ ...approved, request: { amount: '60000', payments: 6 } }), dir);
    expect(await runCli(['decide', 'abusiva.plazo', '--application', '-', '--as-of', '2025-03-03'], c.io)).toBe(1);
    expect(c.out()).toBe('');
    expect(c.err()).toContain('plazo decide: cat: the CAT exceeds 1000000% a year');
  });

  it('exits 2 listing every invalid field path, and on bad usage', async () => {
    const c = capture(JSON.stringify({ applicant: { birth_date: '1985-02-30' }, payroll: { net_pay: 'abc' }, extra: 1 }));
    expect(await runCli(['decide', 'nomina.plazo', '--application', '-', '--as-of', '2025-03-03'], c.io)).toBe(2);
    const err = c.err();
    for (const path of ['extra', 'applicant.birth_date', 'payroll.net_pay', 'employment.months', 'request.amount']) {
      expect(err).toContain(`plazo decide: ${path}: `);
    }
    expect(c.out()).toBe('');
    const u = capture();
    expect(await runCli(['decide', 'nomina.plazo'], u.io)).toBe(2);
    expect(u.err()).toContain('missing --application');
    const d = capture('{}');
    expect(await runCli(['decide', 'nomina.plazo', '--application', '-', '--as-of', '2025-13-01'], d.io)).toBe(2);
    const m = capture('{}');
    expect(await runCli(['decide', 'no-such.plazo', '--application', '-'], m.io)).toBe(2);
    expect(m.err()).toContain('no such file');
  });
});
