// A flat (tasa global) loan's payoff accrues the running period's scheduled interest pro rata, not
// round(P·r·T/n): where the schedule spreads the total unit by unit (or its last installment takes
// less than the per-period amount), round(P·r·T/n) pro rata charged a unit more than the row.
// For any flat loan and payoff date, in the payoff quote, in loanState, and from a compact
// checkpoint (closeDay's path): the running period's interest ≤ its scheduled interest, and the
// interest over the life ≤ the schedule's total.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays, advanceLoan, compactCheckpoint, Dec, generateSchedule, loanState, parseLoanTerms, payoffQuote, type LoanEvent, type LoanTerms, type RoundingMode,
} from '../../src/index.ts';
import { product } from './fixtures.ts';

const START = '2025-01-06';

const flatLoan = fc
  .record({
    frequency: fc.constantFrom<unknown>('weekly', 'biweekly', 'monthly', { everyDays: 10 }),
    n: fc.integer({ min: 2, max: 24 }),
    principal: fc.integer({ min: 100, max: 50000 }),
    // Tiny rates reach the spread (11 × 0.01 > 0.10); the others round per period up or down.
    rate: fc.oneof(fc.integer({ min: 1, max: 40 }).map((x) => (x / 100000).toFixed(5)), fc.integer({ min: 1, max: 12000 }).map((bp) => (bp / 10000).toFixed(4))),
    decimals: fc.constantFrom(0, 2, 2, 3),
    rounding: fc.constantFrom<RoundingMode>('half-even', 'half-up'),
    fee: fc.boolean(),
    day: fc.nat({ max: 800 }),
    // Half the dates in the last period, where a Fineract last installment or a spread row bears less.
    last: fc.boolean(),
  })
  .map((g) => {
    let terms: LoanTerms;
    try {
      terms = parseLoanTerms({
        principal: String(g.principal), annualRate: g.rate, installments: g.n, frequency: g.frequency, method: 'flat', interestBasis: 'period',
        disbursementDate: START, decimals: g.decimals, rounding: g.rounding, tax: { rate: '0.16', on: ['interest', 'fees'] },
        fees: g.fee ? [{ name: 'apertura', timing: 'financed', percent: '0.03' }] : [],
      });
      const schedule = generateSchedule(terms);
      const rows = schedule.installments;
      const from = g.last ? rows[rows.length - 2]!.dueDate : START;
      const span = (Date.parse(rows[rows.length - 1]!.dueDate) - Date.parse(from)) / 86_400_000 - 1;
      return { terms, schedule, date: addDays(from, 1 + (g.day % span)) };
    } catch {
      return null;
    }
  })
  .filter((x): x is NonNullable<typeof x> => x !== null);

describe('the payoff of a flat loan', () => {
  it('charges no more interest for the running period than its scheduled interest, nor over the life than the schedule', () => {
    let below = 0;
    fc.assert(
      fc.property(flatLoan, ({ terms, schedule, date }) => {
        const rows = schedule.installments;
        const current = rows.findIndex((r) => r.dueDate > date);
        fc.pre(current >= 0);
        const row = rows[current]!;
        const before = rows.slice(0, current).reduce((acc, r) => acc.plus(r.interest), new Dec(0));
        const quote = payoffQuote(terms, { date });
        expect(new Dec(quote.interest).lte(row.interest), `quote ${quote.interest} > row ${current + 1} ${row.interest}`).toBe(true);
        expect(before.plus(quote.interest).lte(schedule.totals.interest)).toBe(true);
        if (new Dec(row.interest).lt(new Dec(schedule.financed).times(terms.annualRate).div(terms.installments))) below++;

        // Servicing: every due installment paid on its date, the payoff asked on `date`.
        const ir = product();
        const events: LoanEvent[] = [{ kind: 'disbursement', date: START }, ...rows.slice(0, current).map((r, i): LoanEvent => ({ kind: 'payment', id: `t${i}`, date: r.dueDate, amount: r.total }))];
        const state = loanState(ir, terms, events, date);
        expect(state.payoff.interest).toBe(quote.interest);
        // From a compact checkpoint of the day before (closeDay's path: the packed accrual table).
        const previous = addDays(date, -1);
        const compact = compactCheckpoint(ir, terms, events.filter((e) => e.date <= previous), previous);
        const advanced = advanceLoan(ir, terms, JSON.parse(JSON.stringify(compact)), events.filter((e) => e.date > previous), date);
        expect(advanced.state.payoff.interest).toBe(quote.interest);
      }),
      { numRuns: 300, seed: 7 },
    );
    expect(below).toBeGreaterThan(5);
  });

  it('accrues the last period of a spread schedule from its own interest (1,000.00 at 0.01% over 12 months)', () => {
    const terms = parseLoanTerms({
      principal: '1000.00', annualRate: '0.0001', installments: 12, frequency: 'monthly', method: 'flat', interestBasis: 'period', disbursementDate: '2025-01-01', decimals: 2, rounding: 'half-even',
    });
    const schedule = generateSchedule(terms);
    expect(schedule.installments.map((r) => r.interest)).toEqual([...Array(10).fill('0.01'), '0.00', '0.00']);
    // The 12th period bears 0.00; 27 of its 30 days pro rata of round(P·r·T/n) = 0.01 would charge 0.01.
    const q = payoffQuote(terms, { date: '2025-12-28' });
    expect(q.interest).toBe('0.00');
    const ir = product();
    const events: LoanEvent[] = [{ kind: 'disbursement', date: '2025-01-01' }, ...schedule.installments.slice(0, 11).map((r, i): LoanEvent => ({ kind: 'payment', id: `t${i}`, date: r.dueDate, amount: r.total }))];
    const compact = compactCheckpoint(ir, terms, events, '2025-12-27');
    const fields = compact.segments[0]!.split('|');
    expect(fields[6]).toBe('=0');
    expect(advanceLoan(ir, terms, compact, [], '2025-12-28').state.payoff.interest).toBe('0.00');
    // A checkpoint written before the fix (its flat field round(P·r·T/n) alone) is still read, as it was.
    const legacy = { ...compact, segments: [[...fields.slice(0, 6), '1', ...fields.slice(7)].join('|')] };
    expect(advanceLoan(ir, terms, legacy, [], '2025-12-28').state.payoff.interest).toBe('0.01');
  });
});
