// Properties of the servicing fold on random products, loans and payment scenarios (fast-check,
// fixed seeds): allocations sum to payments, nothing goes negative, replay is deterministic, a
// reversal restores the state, the payoff settles, and paying on time never costs a penalty.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, Dec, generateSchedule, loanState, parseLoanTerms, COMPONENTS, type AllocationComponent, type LoanEvent, type LoanState, type Penalties, type ProductIR } from '../../src/index.ts';
import { product } from './fixtures.ts';
import { GENEROUS_TOLERANCE } from './scenarios.ts';

const ORDER: AllocationComponent[] = ['penalties', 'moratorium', 'iva', 'interest', 'fees', 'principal'];

const scenario = fc
  .record({
    method: fc.constantFrom('french', 'german', 'flat'),
    frequency: fc.constantFrom('weekly', 'biweekly', 'monthly'),
    basis: fc.constantFrom('period', 'actual/360'),
    n: fc.integer({ min: 1, max: 12 }),
    principal: fc.integer({ min: 1000, max: 50000 }),
    // From 0.01%: tiny flat rates spread their interest (1,001 at 0.13% over 8 weeks once gave the
    // last installment −0.01: 7 × 0.03 > round(0.2002) = 0.20).
    rateBp: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 12000 })),
    taxed: fc.boolean(),
    lateFee: fc.option(fc.record({ percent: fc.boolean(), grace: fc.integer({ min: 0, max: 5 }), taxable: fc.boolean() }), { nil: undefined }),
    moratorium: fc.option(fc.record({ multiple: fc.boolean(), onInstallment: fc.boolean(), basis: fc.constantFrom('actual/360', 'actual/365', '30/360', 'period'), taxable: fc.boolean() }), { nil: undefined }),
    stopAt: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    order: fc.shuffledSubarray(ORDER, { minLength: 6, maxLength: 6 }),
    prepayment: fc.constantFrom('reduce-term', 'reduce-installment', 'not-allowed'),
    payments: fc.array(fc.record({ day: fc.integer({ min: 0, max: 400 }), amount: fc.integer({ min: 1, max: 300_000 }) }), { maxLength: 8 }),
    horizon: fc.integer({ min: 0, max: 450 }),
  })
  .map((g) => {
    const terms = parseLoanTerms({
      principal: `${g.principal}.00`, annualRate: (g.rateBp / 10000).toFixed(4), installments: g.n, frequency: g.frequency,
      method: g.method, interestBasis: g.basis, disbursementDate: '2025-01-06',
      ...(g.taxed ? { tax: { rate: '0.16', on: ['interest', 'fees'] } } : {}),
    });
    const penalties: Penalties = {
      ...(g.lateFee ? { lateFee: { amount: g.lateFee.percent ? { kind: 'percent', rate: '0.10', of: 'overdue' } : { kind: 'fixed', value: '150' }, min: g.lateFee.percent ? '50' : undefined, max: g.lateFee.percent ? '400' : undefined, graceDays: g.lateFee.grace, taxable: g.lateFee.taxable } } : {}),
      ...(g.moratorium ? { moratorium: { rate: g.moratorium.multiple ? { kind: 'multiple', factor: '1.5' } : { kind: 'annual', rate: '0.9' }, on: g.moratorium.onInstallment ? 'overdue-installment' : 'overdue-principal', basis: g.moratorium.basis, taxable: g.moratorium.taxable } } : {}),
    } as Penalties;
    const ir: ProductIR = product({
      penalties,
      allocation: g.order,
      prepayment: g.prepayment,
      // These properties hold for whatever is paid: every generated payment is taken (the limit has its own properties).
      overpaymentTolerance: GENEROUS_TOLERANCE,
      collection: [
        { kind: 'at', day: -2, actions: [{ kind: 'notify', channel: 'sms', template: 'rec' }] },
        ...(g.stopAt === 1 ? [] : [{ kind: 'stage', stage: 'temprana', from: 1, to: (g.stopAt ?? 61) - 1, actions: [{ kind: 'queue', queue: 'q' }] } as const]),
        ...(g.stopAt ? [{ kind: 'stage', stage: 'judicial', from: g.stopAt, actions: [{ kind: 'stop-accrual' }] } as const] : []),
      ],
    });
    const days = [...g.payments].sort((a, b) => a.day - b.day);
    const events: LoanEvent[] = [{ kind: 'disbursement', date: '2025-01-06' }, ...days.map((p, i) => ({ kind: 'payment' as const, id: `p${i}`, date: addDays('2025-01-06', p.day), amount: (p.amount / 100).toFixed(2) }))];
    const asOf = addDays('2025-01-06', Math.max(g.horizon, days.at(-1)?.day ?? 0));
    return { ir, terms, events, asOf };
  });

const RUNS = { numRuns: 120 };

/**
 * Early payers: installments 1..j−1 paid up to 3 days before their due dates, installment j paid
 * 1..6 days ahead (plus, sometimes, an excess that prepays principal or goes to credit), and the
 * date of interest a few days later but before installment j falls due — so the current
 * installment is already closed when the payoff is quoted and paid (the case that once left the
 * principal unpaid behind a "paid-off" loan).
 */
const earlyPayer = fc
  .record({ s: scenario, k: fc.nat(), early: fc.integer({ min: 0, max: 3 }), ahead: fc.integer({ min: 1, max: 6 }), wait: fc.integer({ min: 0, max: 6 }), extra: fc.option(fc.integer({ min: 1, max: 500_000 }), { nil: undefined }) })
  .map(({ s, k, early, ahead, wait, extra }) => {
    const { ir, terms } = s;
    const rows = generateSchedule(terms).installments;
    const j = k % rows.length;
    const events: LoanEvent[] = [{ kind: 'disbursement', date: terms.disbursementDate }];
    let last = addDays(terms.disbursementDate, 1);
    const later = (d: string) => (d > last ? d : last);
    rows.slice(0, j).forEach((row, i) => {
      last = later(addDays(row.dueDate, -early));
      events.push({ kind: 'payment', id: `e${i}`, date: last, amount: row.total });
    });
    const row = rows[j]!;
    last = later(addDays(row.dueDate, -ahead));
    const amount = extra === undefined ? row.total : new Dec(row.total).plus(new Dec(extra).div(100)).toFixed(2);
    events.push({ kind: 'payment', id: `e${j}`, date: last, amount });
    const dayBefore = addDays(row.dueDate, -1);
    const waited = addDays(last, wait);
    const asOf = waited < dayBefore ? waited : dayBefore > last ? dayBefore : last;
    return { ir, terms, events, asOf };
  });


function sum(xs: readonly string[]): string {
  return xs.reduce((a, x) => a.plus(x), new Dec(0)).toFixed(2);
}

function stateWithoutReversals(s: LoanState) {
  return { ...s, reversedPayments: [] };
}

describe('servicing properties', () => {
  it('allocation parts sum to the payment', () => {
    fc.assert(
      fc.property(scenario, ({ ir, terms, events, asOf }) => {
        const s = loanState(ir, terms, events, asOf);
        for (const a of s.allocations) {
          expect(sum([...a.lines.map((l) => l.amount), a.prepaidPrincipal, a.toCredit])).toBe(new Dec(a.amount).toFixed(2));
          for (const l of a.lines) expect(new Dec(l.amount).gt(0)).toBe(true);
        }
        const received = events.filter((e) => e.kind === 'payment').reduce((x, e) => x.plus(e.kind === 'payment' ? e.amount : 0), new Dec(0));
        // Everything received is either applied (paid) or held as credit.
        expect(new Dec(s.paid.total).plus(s.creditBalance).toFixed(2)).toBe(received.toFixed(2));
      }),
      { ...RUNS, seed: 1 },
    );
  });

  it('no outstanding, due or paid amount is ever negative', () => {
    fc.assert(
      fc.property(scenario, ({ ir, terms, events, asOf }) => {
        const s = loanState(ir, terms, events, asOf);
        for (const i of s.installments) {
          for (const c of [...COMPONENTS, 'total'] as const) {
            expect(new Dec(i.outstanding[c]).gte(0)).toBe(true);
            expect(new Dec(i.paid[c]).gte(0)).toBe(true);
          }
        }
        expect(new Dec(s.payoff.total).gte(0)).toBe(true);
        expect(new Dec(s.creditBalance).gte(0)).toBe(true);
        // Nor anywhere else in the state: payoff parts, allocations, the journal.
        expect(JSON.stringify(s)).not.toMatch(/"-\d/);
      }),
      { ...RUNS, seed: 2 },
    );
  });

  it('replaying the same events gives the same state', () => {
    fc.assert(
      fc.property(scenario, ({ ir, terms, events, asOf }) => {
        expect(loanState(ir, terms, events, asOf)).toEqual(loanState(ir, terms, structuredClone(events), asOf));
      }),
      { ...RUNS, seed: 3 },
    );
  });

  it('a payment followed by its reversal restores the state', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 0, max: 30 }), ({ ir, terms, events, asOf }, at, cents, later) => {
        const last = events.at(-1)!.date;
        const date = addDays(last, at);
        const end = addDays(date, later);
        const extra: LoanEvent[] = [{ kind: 'payment', id: 'x', date, amount: (cents / 100).toFixed(2) }, { kind: 'payment-reversal', date: addDays(date, later), paymentId: 'x' }];
        const base = loanState(ir, terms, events, end > asOf ? end : asOf);
        const reversed = loanState(ir, terms, [...events, ...extra], end > asOf ? end : asOf);
        expect(stateWithoutReversals(reversed)).toEqual(stateWithoutReversals(base));
      }),
      { ...RUNS, seed: 4 },
    );
  });

  it('paying the payoff amount on a date leaves nothing outstanding (early payers and prepayments included)', () => {
    let closedCurrent = 0;
    fc.assert(
      fc.property(fc.oneof(scenario, earlyPayer), ({ ir, terms, events, asOf }) => {
        const s = loanState(ir, terms, events, asOf);
        fc.pre(s.status === 'active' && new Dec(s.payoff.total).gt(0));
        // The installment of the current period is already paid in advance.
        if (s.installments.find((i) => i.dueDate > asOf && i.status !== 'restructured')?.status === 'paid') closedCurrent++;
        const paid = loanState(ir, terms, [...events, { kind: 'payment', id: 'payoff', date: asOf, amount: s.payoff.total }], asOf);
        expect(paid.status).toBe('paid-off');
        expect(paid.outstanding.total).toBe('0.00');
        expect(paid.creditBalance).toBe(s.creditBalance === '0.00' ? '0.00' : paid.creditBalance);
        expect(new Dec(paid.creditBalance).lte(s.creditBalance)).toBe(true);
        // Every unit of the financed principal was paid (none left behind a paid-off status).
        expect(paid.paid.principal).toBe(generateSchedule(terms).totals.principal);
      }),
      { numRuns: 300, seed: 5 },
    );
    // The generator does reach the case: the current installment closed when the payoff is paid.
    expect(closedCurrent).toBeGreaterThan(30);
  });

  it('a loan paid on time never has penalties', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 3 }), ({ ir, terms }, early) => {
        const schedule = generateSchedule(terms);
        const events: LoanEvent[] = [{ kind: 'disbursement', date: terms.disbursementDate }];
        schedule.installments.forEach((i, k) => {
          const d = addDays(i.dueDate, -early);
          events.push({ kind: 'payment', id: `p${k}`, date: d > terms.disbursementDate ? d : i.dueDate, amount: i.total });
        });
        const end = addDays(schedule.installments.at(-1)!.dueDate, 45);
        const s = loanState(ir, terms, events, end);
        expect(s.penaltiesCharged).toEqual({ lateFees: '0.00', lateFeesIva: '0.00', moratorium: '0.00', moratoriumIva: '0.00' });
        expect(s.status).toBe('paid-off');
        expect(s.journal.some((e) => e.kind === 'stage-changed')).toBe(false);
      }),
      { ...RUNS, seed: 6 },
    );
  });
});
