// Restructuring offers: made only at a stage that says `offer restructure`, with the offer's terms
// (or the loan's), and exactly what posting the offered restructure event does to the loan.
import { describe, expect, it } from 'vitest';
import { generateSchedule, loanState, restructureOffer, stageRestructureOffer, type CollectionStep, type LoanEvent } from '../../src/index.ts';
import { disbursed, pay, product, weeklyTerms } from './fixtures.ts';

const stages = (offer: Record<string, unknown>): CollectionStep[] => [
  { kind: 'stage', stage: 'temprana', from: 1, to: 30, actions: [{ kind: 'queue', queue: 'q1' }] },
  { kind: 'stage', stage: 'tardia', from: 31, actions: [{ kind: 'queue', queue: 'q2' }, { kind: 'offer-restructure', ...offer }] },
];

describe('restructureOffer', () => {
  const terms = weeklyTerms(); // 10,000 at 60%, 16 weekly from 2025-01-13
  const events: LoanEvent[] = [disbursed(terms)];
  const ir = product({ collection: stages({ installments: 8, frequency: 'biweekly', annualRate: '0.30' }) });

  it('offers nothing while the stage makes no offer, nor to a loan that is current or paid off', () => {
    expect(restructureOffer(ir, terms, events, '2025-01-10')).toEqual({ date: '2025-01-10', status: 'active', stage: null, offer: null });
    expect(restructureOffer(ir, terms, events, '2025-01-20')).toEqual({ date: '2025-01-20', status: 'active', stage: 'temprana', offer: null });
    const payoff = loanState(ir, terms, events, '2025-01-08').payoff.total;
    const paidOff = restructureOffer(ir, terms, [...events, pay('p', '2025-01-08', payoff)], '2025-02-20');
    expect(paidOff).toMatchObject({ status: 'paid-off', stage: null, offer: null });
    expect(stageRestructureOffer(ir, 'temprana')).toBeUndefined();
    expect(stageRestructureOffer(ir, 'tardia')).toEqual({ kind: 'offer-restructure', installments: 8, frequency: 'biweekly', annualRate: '0.30' });
  });

  it('offers the stage terms on what is owed, and is exactly what posting its event does', () => {
    const date = '2025-02-20'; // installment 1 (2025-01-13) is 38 days past due: tardia
    const { stage, offer } = restructureOffer(ir, terms, events, date);
    expect(stage).toBe('tardia');
    expect(offer!.event).toEqual({ kind: 'restructure', date, installments: 8, frequency: 'biweekly', annualRate: '0.30' });
    const before = loanState(ir, terms, events, date);
    expect(offer!.principal).toBe(before.payoff.total);
    expect(offer!.terms).toMatchObject({ principal: before.payoff.total, annualRate: '0.30', installments: 8, frequency: 'biweekly', disbursementDate: date, method: 'french' });
    expect(offer!.schedule).toEqual(generateSchedule(offer!.terms));
    expect(offer!.schedule.installments.map((i) => i.dueDate)).toEqual(['2025-03-06', '2025-03-20', '2025-04-03', '2025-04-17', '2025-05-01', '2025-05-15', '2025-05-29', '2025-06-12']);
    const after = loanState(ir, terms, [...events, offer!.event], date);
    expect(after.journal.find((e) => e.kind === 'restructured')).toEqual({ date, kind: 'restructured', principal: offer!.principal, installments: 8 });
    const fresh = after.installments.filter((i) => i.status === 'pending');
    expect(fresh.map((i) => [i.dueDate, i.due.total])).toEqual(offer!.schedule.installments.map((i) => [i.dueDate, i.total]));
    expect(after.stage).toBeNull();
  });

  it('keeps the loan frequency and rate and its open installments when the offer names no terms', () => {
    const bare = product({ collection: stages({}) });
    // Two of sixteen weekly installments paid; fourteen open on 2025-03-10.
    const paid = [...events, pay('p1', '2025-01-13', '706.52'), pay('p2', '2025-01-20', '706.52')];
    const { offer } = restructureOffer(bare, terms, paid, '2025-03-10');
    expect(offer!.event).toEqual({ kind: 'restructure', date: '2025-03-10', installments: 14 });
    expect(offer!.terms).toMatchObject({ annualRate: '0.60', frequency: 'weekly', installments: 14 });
    expect(offer!.schedule.installments).toHaveLength(14);
  });

  it('ignores events after the date', () => {
    const later = [...events, pay('p', '2025-03-01', '100.00')];
    expect(restructureOffer(ir, terms, later, '2025-02-20')).toEqual(restructureOffer(ir, terms, events, '2025-02-20'));
  });
});
