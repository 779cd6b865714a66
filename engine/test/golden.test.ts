// Golden schedules: each JSON in golden/ holds LoanTerms and the full schedule derived
// independently by golden/derive_golden.py (Python, exact fractions, datetime calendar, closed-form
// annuity, CAT by decimal bisection). One file per method × frequency × basis that matters.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchedule, parseLoanTerms } from '../src/index.ts';

const dir = join(import.meta.dirname, 'golden');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('golden schedules (independent derivation)', () => {
  it('has at least 12 golden cases', () => expect(files.length).toBeGreaterThanOrEqual(12));
  for (const file of files) {
    it(file.replace('.json', ''), () => {
      const { terms, expected } = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const s = generateSchedule(parseLoanTerms(terms));
      expect(s.installments).toEqual(expected.installments);
      expect(s.totals).toEqual(expected.totals);
      expect({ disbursed: s.disbursed, financed: s.financed, upfront: s.upfront, cat: s.cat }).toEqual({
        disbursed: expected.disbursed,
        financed: expected.financed,
        upfront: expected.upfront,
        cat: expected.cat,
      });
    });
  }
});

describe('hand-derived cases', () => {
  it('french weekly 10,000 at 60% over 16 weeks: the level installment and the first row', () => {
    // i = 0.60/52 = 0.0115384615…; (1+i)^16 = 1.201…; A = P·i/(1−(1+i)^−16) = 688.0593… → 688.06.
    // Row 1: interest 10000 × 0.60/52 = 115.3846… → 115.38; principal 688.06 − 115.38 = 572.68;
    // IVA 16% of 115.38 = 18.4608 → 18.46; total 706.52; balance 9427.32.
    // Deducted fee 300 + IVA 48 → disbursed 9652.00.
    const s = generateSchedule(parseLoanTerms({ principal: '10000.00', annualRate: '0.60', installments: 16, frequency: 'weekly', method: 'french', interestBasis: 'period', disbursementDate: '2025-01-06', decimals: 2, rounding: 'half-even', tax: { rate: '0.16', on: ['interest', 'fees'] }, fees: [{ name: 'apertura', amount: '300.00', timing: 'deducted' }] }));
    expect(s.installments[0]).toMatchObject({ dueDate: '2025-01-13', principal: '572.68', interest: '115.38', tax: '18.46', total: '706.52', balance: '9427.32' });
    expect(s.disbursed).toBe('9652.00');
  });

  it('flat: 1,200 at 60% over 12 monthly installments', () => {
    // T = 1 year; total interest 1200 × 0.60 × 1 = 720.00; per month 60.00; level (1200+720)/12 = 160.00;
    // principal 100.00 each; CAT: 160/month on 1200 → monthly IRR 0.08999…, CAT = 1.0899^12 − 1.
    const s = generateSchedule(parseLoanTerms({ principal: '1200.00', annualRate: '0.60', installments: 12, frequency: 'monthly', method: 'flat', disbursementDate: '2025-01-15' }));
    for (const row of s.installments) expect(row).toMatchObject({ principal: '100.00', interest: '60.00', total: '160.00' });
    expect(s.totals.interest).toBe('720.00');
    expect(Number(s.cat)).toBeGreaterThan(150);
  });

  it('zero rate french splits the principal and the last installment takes the cent', () => {
    // 100.00 / 3 = 33.333… → 33.33, 33.33, then 33.34.
    const s = generateSchedule(parseLoanTerms({ principal: '100.00', annualRate: '0', installments: 3, frequency: 'monthly', disbursementDate: '2025-01-15' }));
    expect(s.installments.map((r) => r.total)).toEqual(['33.33', '33.33', '33.34']);
    expect(s.cat).toBe('0.0');
  });

  it('half-even vs half-up at an exact tie', () => {
    // 0.02/52 × 13.00 = 0.005 exactly: half-even → 0.00, half-up → 0.01.
    const base = { principal: '13.00', annualRate: '0.02', installments: 1, frequency: 'weekly', method: 'bullet', disbursementDate: '2025-01-06' } as const;
    expect(generateSchedule(parseLoanTerms(base)).installments[0]!.interest).toBe('0.00');
    expect(generateSchedule(parseLoanTerms({ ...base, rounding: 'half-up' })).installments[0]!.interest).toBe('0.01');
  });
});
