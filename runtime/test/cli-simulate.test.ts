// `plazo simulate` in-process through runCli, on the microcredit example product.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/cli.ts';
import type { CliIo } from '../src/cli/command.ts';

const product = resolve(import.meta.dirname, '../../examples/microcredito_grupal.plazo');

function setup(payments: unknown, application: unknown = APPLICATION) {
  const dir = mkdtempSync(join(tmpdir(), 'plazo-sim-'));
  writeFileSync(join(dir, 'app.json'), JSON.stringify(application));
  writeFileSync(join(dir, 'pay.json'), JSON.stringify(payments));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => '', cwd: dir };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

// The example's first test: approved in band B at 48% flat, 6,000 over 16 weeks.
const APPLICATION = {
  applicant: { age: 35, weekly_income: '3000', has_business: true, business_months: 24 },
  group: { cycle: 1, members: 15, attendance: '1', prev_max_dpd: 0, approved_by_assembly: true },
  request: { amount: '6000', payments: 16 },
};
const ARGS = [product, '--application', 'app.json', '--payments', 'pay.json', '--disburse', '2025-01-06'];

describe('plazo simulate', () => {
  it('disburses today in the institution’s time zone without --disburse, never UTC’s', async () => {
    // 20:48 on 2025-01-06 in Mexico City is 02:48 UTC on the 7th.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-07T02:48:00Z'));
    try {
      const c = setup([]);
      expect(await runCli(['simulate', product, '--application', 'app.json', '--payments', 'pay.json', '--until', '2025-01-06', '--json'], c.io), c.err()).toBe(0);
      expect(JSON.parse(c.out()).terms.disbursementDate).toBe('2025-01-06');
    } finally {
      vi.useRealTimers();
    }
  });

  it('prints the day-by-day timeline as JSON', async () => {
    // Installment 1 paid on time; installment 2 (due 01-20) paid 7 days late on 01-27.
    const c = setup([{ date: '2025-01-13', amount: '438.86' }, { date: '2025-01-27', amount: '438.86' }]);
    expect(await runCli(['simulate', ...ARGS, '--until', '2025-01-28', '--json'], c.io)).toBe(0);
    const r = JSON.parse(c.out());
    const day = (d: string) => r.days.find((x: { date: string }) => x.date === d)?.events ?? [];
    // Paid on its due date: the `at 0 days` reminder of installment 1 no longer fires.
    expect(day('2025-01-13').map((e: { type: string }) => e.type)).toEqual(['due', 'paid']);
    expect(day('2025-01-21')).toEqual(expect.arrayContaining([
      { type: 'stage-changed', from: null, to: 'solidaria' },
      { type: 'notification', installment: 2, step: 'stage solidaria', channel: 'whatsapp', template: 'grupal_atraso_grupo' },
    ]));
    // Installment 2's principal is 374.62 (level 430.00 before IVA − flat interest 55.38).
    // Moratorium 60% actual/360 for 7 days: 374.62 × 0.6 × 7 / 360 = 4.3706 → 4.37; IVA
    // 4.37 × 0.16 = 0.6992 → 0.70.
    const paid = day('2025-01-27').find((e: { type: string }) => e.type === 'paid');
    expect(paid.allocation[0]).toEqual({ installment: 2, component: 'moratorium', amount: '4.37' });
    expect(paid.allocation[1]).toEqual({ installment: 2, component: 'moratoriumIva', amount: '0.70' });
    // The 438.86 paid the moratorium and its IVA first (5.07), so 5.07 of installment 2's principal
    // is still overdue on 01-28: 8 days past due, stage `temprana` (8 to 30).
    expect(r.final).toMatchObject({ status: 'active', daysPastDue: 8, stage: 'temprana' });
    // On 01-28 one more day on those 5.07: (374.62 × 0.6 × 7 + 5.07 × 0.6) / 360 = 4.379 → 4.38,
    // IVA 0.7008 → 0.70; and installment 3 (due 01-27, unpaid) its first day: 374.62 × 0.6 / 360
    // = 0.624 → 0.62, IVA 0.0992 → 0.10. Charged: 5.00 + IVA 0.80.
    expect(r.final.penaltiesCharged).toEqual({ lateFees: '0.00', lateFeesIva: '0.00', moratorium: '5.00', moratoriumIva: '0.80' });
    expect(c.err()).toBe('');
  });

  it('shows the books: accrual day by day, the transfer to cartera vencida at 90 days, the write-off; every entry balanced', async () => {
    // Installment 1 paid; installment 2 (due 01-20) never: 90 days past due on 2025-04-20 (periodic
    // payments), the product's `write off` from 91 days on 04-21.
    const c = setup([{ date: '2025-01-13', amount: '438.86' }]);
    expect(await runCli(['simulate', ...ARGS, '--until', '2025-04-22', '--json'], c.io)).toBe(0);
    const { accounting } = JSON.parse(c.out());
    // Every day from the disbursement (01-06) through 04-22: 107 days.
    expect(accounting.days).toHaveLength(107);
    // Flat 48%: 55.38 of interest a week; day 1 accrues 55.38 / 7 = 7.911 → 7.91. No opening fee, no reserves policy.
    expect(accounting.days[1]).toEqual({ date: '2025-01-07', stage: 'vigente', accruedInterest: '7.91', deferredFees: '0.00', reserve: '0.00', memorandum: '0.00' });
    const day = (d: string) => accounting.days.find((x: { date: string }) => x.date === d);
    expect(day('2025-04-19').stage).toBe('vigente');
    expect(day('2025-04-20').stage).toBe('vencida');
    // The interest accrued and unpaid at the transfer is reserved 100%.
    expect(day('2025-04-20').reserve).toBe(day('2025-04-20').accruedInterest);
    const memos = accounting.journal.map((e: { memo: string }) => e.memo);
    expect(memos).toContain('transfer to cartera vencida');
    expect(memos).toContain('write-off');
    for (const entry of accounting.journal) {
      const cents = (k: 'debit' | 'credit') => entry.lines.reduce((s: bigint, l: Record<string, string>) => s + BigInt(l[k]!.replace('.', '')), 0n);
      expect(cents('debit'), entry.date).toBe(cents('credit'));
      expect(entry.lines.length).toBeGreaterThan(1);
    }
    // The disbursement: the principal against cash.
    expect(accounting.journal[0]).toEqual({ date: '2025-01-06', memo: 'disbursement', lines: [{ account: '1000', debit: '0.00', credit: '6000.00' }, { account: '1100', debit: '6000.00', credit: '0.00' }] });
  });

  it('prints a readable table without --json', async () => {
    const c = setup([]);
    expect(await runCli(['simulate', ...ARGS, '--until', '2025-01-22'], c.io)).toBe(0);
    expect(c.out()).toContain('2025-01-13  installment 1 due');
    expect(c.out()).toContain('stage (none) → solidaria');
    // Nothing paid: installment 1 (due 01-13) is 9 days late, past `solidaria` (1–7) into `temprana`.
    expect(c.out()).toContain('stage solidaria → temprana');
    expect(c.out()).toMatch(/on 2025-01-22: active, 9 days past due \(1-30\), stage temprana/);
    // A books line each day something moved: 55.38 / 7 = 7.91 of interest on the first day.
    expect(c.out()).toContain('2025-01-07  books: accrual → vigente, accrued interest 7.91, deferred fees 0.00, reserve 0.00');
    expect(c.out()).toMatch(/books: vigente, accrued interest [\d.]+, deferred fees 0\.00, reserve 0\.00, memorandum 0\.00; interest income [\d.]+, opening fees 0\.00/);
  });

  it('exits 2 naming the bad field', async () => {
    const c = setup([{ date: '2025-01-13', amount: 438.86 }, { date: '2024-12-31', amount: '10.00' }]);
    expect(await runCli(['simulate', ...ARGS, '--until', '2025-02-01'], c.io)).toBe(2);
    expect(c.err()).toContain('payments[0].amount: must be a positive decimal string');
    expect(c.err()).toContain('payments[1].date: must not be before the disbursement date 2025-01-06');
    const u = setup([]);
    expect(await runCli(['simulate', ...ARGS], u.io)).toBe(2);
    expect(u.err()).toContain('missing --until DATE');
  });

  it('the payoff nets the IVA paid ahead (financiamiento_tienda, issue 12)', async () => {
    // The example product's first test: 10,000 in 26 biweekly german payments at 55%, IVA 16%,
    // allocation penalties → iva → … → principal. 726.90 on 01-22 pays installment 1 (696.89, due
    // 01-20) and 30.01 of installment 2's IVA on interest ahead. On 01-23 the period's interest is
    // 9903.85 × 0.55/26 × 3/14 = 44.89, its IVA 7.18: 52.07 − 30.01 = 22.06 still owed, as interest.
    const tienda = resolve(import.meta.dirname, '../../examples/financiamiento_tienda.plazo');
    const application = {
      applicant: { age: 34, monthly_income: '12000', income_verified: true, months_at_address: 72 },
      history: { store_loans_paid: 3, store_max_dpd: 5 }, bureau: { score: 650 },
      purchase: { price: '12000', down_payment: '2000', category: 'electronica' }, request: { amount: '10000', payments: 26 },
    };
    const quote = setup([{ date: '2025-01-22', amount: '726.90' }], application);
    const args = [tienda, '--application', 'app.json', '--payments', 'pay.json', '--disburse', '2025-01-06', '--until', '2025-01-23', '--json'];
    expect(await runCli(['simulate', ...args], quote.io)).toBe(0);
    const before = JSON.parse(quote.out()).final;
    expect(before.payoff).toMatchObject({ principal: '9903.85', interest: '22.06', iva: '0.00', total: '9925.91' });
    // Paying it: installment 2 bears 44.89 of interest and exactly its 7.18 of IVA.
    const paid = setup([{ date: '2025-01-22', amount: '726.90' }, { date: '2025-01-23', amount: before.payoff.total }], application);
    expect(await runCli(['simulate', ...args], paid.io)).toBe(0);
    const after = JSON.parse(paid.out());
    expect(after.final).toMatchObject({ status: 'paid-off', creditBalance: '0.00', paid: '10652.81' });
    const settled = after.days.find((d: { date: string }) => d.date === '2025-01-23').events.find((e: { type: string }) => e.type === 'paid');
    expect(settled.allocation).toEqual([{ installment: 2, component: 'interest', amount: '22.06' }, { installment: 2, component: 'principal', amount: '9903.85' }]);
  });
});
