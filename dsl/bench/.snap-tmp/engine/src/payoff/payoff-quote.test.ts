import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.ts';
import { InvalidInputError } from '../errors.ts';
import { parseLoanTerms } from '../loan-terms/parse-loan-terms.ts';
import { generateSchedule } from '../schedule/generate-schedule.ts';
import { payoffQuote } from './payoff-quote.ts';

const weekly = parseLoanTerms({ principal: '10000.00', annualRate: '0.60', installments: 16, frequency: 'weekly', disbursementDate: '2025-01-06', tax: { rate: '0.16', on: ['interest', 'fees'] } });

describe('payoffQuote', () => {
  it('on the disbursement date is the principal', () => {
    expect(payoffQuote(weekly, { date: '2025-01-06' })).toMatchObject({ principal: '10000.00', interest: '0.00', tax: '0.00', total: '10000.00', installmentsPaid: 0 });
  });
  it('mid-period accrues the period interest pro rata of days (period basis), plus IVA', () => {
    // 3 days into week 1: 115.3846… × 3/7 = 49.45; IVA 7.91.
    expect(payoffQuote(weekly, { date: '2025-01-09' })).toMatchObject({ principal: '10000.00', interest: '49.45', tax: '7.91', total: '10057.36' });
  });
  it('after paying installments, it is the balance plus accrued interest', () => {
    const s = generateSchedule(weekly);
    const q = payoffQuote(weekly, { date: '2025-01-20', schedule: s });
    expect(q.installmentsPaid).toBe(2);
    expect(q.principal).toBe(s.installments[1]!.balance);
    expect(q.interest).toBe('0.00');
  });
  it('overdue installments are owed in full', () => {
    const s = generateSchedule(weekly);
    const q = payoffQuote(weekly, { date: '2025-01-20', installmentsPaid: 0 });
    const owed = new Dec(s.installments[0]!.interest).plus(s.installments[1]!.interest);
    expect(q.principal).toBe('10000.00');
    expect(q.interest).toBe(owed.toFixed(2));
  });
  it('by days on a day basis', () => {
    // 12,000 at 36% actual/360, 10 days: 12000 × 0.36 × 10 / 360 = 120.00.
    const t = parseLoanTerms({ principal: '12000.00', annualRate: '0.36', installments: 6, frequency: 'monthly', interestBasis: 'actual/360', disbursementDate: '2025-01-10' });
    expect(payoffQuote(t, { date: '2025-01-20' })).toMatchObject({ interest: '120.00', total: '12120.00' });
  });
  it('after maturity with everything paid is zero', () => {
    expect(payoffQuote(weekly, { date: '2026-01-01' }).total).toBe('0.00');
  });
  it('rejects a date before disbursement', () => {
    expect(() => payoffQuote(weekly, { date: '2024-12-31' })).toThrow(InvalidInputError);
    expect(() => payoffQuote(weekly, { date: '2025-01-10', installmentsPaid: 17 })).toThrow(InvalidInputError);
  });
});
