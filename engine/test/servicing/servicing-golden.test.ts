// Servicing with hand-derived figures: each expected amount is derived in the comment beside it
// from the product rule, never read back from the code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, generateSchedule, InvalidInputError, lateFeeAmount, loanState, roundTo, moratoriumInterest, parseLoanTerms, payoffQuote, componentOrder, OverpaymentError, type LoanEvent, type ProductIR } from '../../src/index.ts';
import { disbursed, LATE_FEE_150, MORATORIUM_15X, pay, product, weeklyTerms } from './fixtures.ts';

// A 30-day bullet of 1,000 at 60% actual/360: interest 1000 × 0.60 × 30/360 = 50.00, IVA 8.00,
// due 2025-02-05 (2025-01-06 + 30 days), total 1,058.00.
const bullet = parseLoanTerms({
  principal: '1000.00', annualRate: '0.60', installments: 1, frequency: { everyDays: 30 }, method: 'bullet',
  interestBasis: 'actual/360', disbursementDate: '2025-01-06', tax: { rate: '0.16', on: ['interest'] },
});
const bulletEvents: LoanEvent[] = [disbursed(bullet)];

describe('moratorium interest', () => {
  it('1.5× of 60% on 1,000 overdue principal for 10 days actual/360 is 25.00 + IVA 4.00', () => {
    // 1000 × (1.5 × 0.60) × 10 / 360 = 1000 × 0.9 × 10 / 360 = 25.00; IVA 16% = 4.00.
    expect(moratoriumInterest(new Dec('1000'), new Dec('0.9'), { num: 10, den: 360 }).toFixed(2)).toBe('25.00');
    const s = loanState(product({ penalties: MORATORIUM_15X }), bullet, bulletEvents, '2025-02-15');
    expect(s.installments[0]!.due).toMatchObject({ moratorium: '25.00', moratoriumIva: '4.00' });
    expect(s.penaltiesCharged).toEqual({ lateFees: '0.00', lateFeesIva: '0.00', moratorium: '25.00', moratoriumIva: '4.00' });
    expect(s.daysPastDue).toBe(10);
    // Payoff: 1,000 + 50 + 25 penalties + IVA (8 + 4) = 1,087.00.
    expect(s.payoff).toMatchObject({ principal: '1000.00', interest: '50.00', penalties: '25.00', iva: '12.00', total: '1087.00' });
  });

  it('an annual 90% on the overdue installment, 30/360 across a month end, without IVA', () => {
    // Base: principal 1,000 + interest 50 = 1,050 (IVA excluded). 2025-02-05 → 2025-03-05 is
    // 30 days under 30E/360: 1050 × 0.90 × 30/360 = 78.75; not taxable → IVA 0.00.
    const ir = product({ penalties: { moratorium: { rate: { kind: 'annual', rate: '0.90' }, on: 'overdue-installment', basis: '30/360', taxable: false } } });
    const s = loanState(ir, bullet, bulletEvents, '2025-03-05');
    expect(s.installments[0]!.due).toMatchObject({ moratorium: '78.75', moratoriumIva: '0.00' });
  });

  it('accrues from the due date to the payment date, on the principal still overdue', () => {
    // Paid 500 on 2025-02-09 (4 days late): moratorium 1000 × 0.9 × 4/360 = 10.00, IVA 1.60.
    // The 500 pays (order) moratorium 10.00, its IVA 1.60, interest IVA 8.00, interest 50.00,
    // principal 430.40; overdue principal 569.60 for 6 more days to 2025-02-15:
    // 569.60 × 0.9 × 6/360 = 8.544; total numerator 1000×0.9×4 + 569.6×0.9×6 = 3600 + 3075.84
    // = 6675.84 / 360 = 18.544 → 18.54 charged, IVA round(18.54 × 0.16 = 2.9664) = 2.97.
    const s = loanState(product({ penalties: MORATORIUM_15X }), bullet, [...bulletEvents, pay('p', '2025-02-09', '500.00')], '2025-02-15');
    const i = s.installments[0]!;
    expect(i.paid).toMatchObject({ moratorium: '10.00', moratoriumIva: '1.60', interestIva: '8.00', interest: '50.00', principal: '430.40' });
    expect(i.due).toMatchObject({ moratorium: '18.54', moratoriumIva: '2.97' });
    expect(i.outstanding).toMatchObject({ principal: '569.60', moratorium: '8.54', moratoriumIva: '1.37', total: '579.51' });
  });

  it('stops when the stage says stop-accrual', () => {
    // Stage `from 3 dpd stop accrual`: the close of 2025-02-08 (3 DPD) enters it, so moratorium
    // accrues for 02-06, 02-07, 02-08 only: 1000 × 0.9 × 3/360 = 7.50, IVA 1.20.
    const ir = product({ penalties: MORATORIUM_15X, collection: [{ kind: 'stage', stage: 'judicial', from: 3, actions: [{ kind: 'stop-accrual' }] }] });
    const s = loanState(ir, bullet, bulletEvents, '2025-03-31');
    expect(s.installments[0]!.due).toMatchObject({ moratorium: '7.50', moratoriumIva: '1.20' });
    expect(s.accrualStopped).toBe(true);
    expect(s.stage).toBe('judicial');
    expect(s.agingBucket).toBe('31-60'); // 2025-02-05 → 2025-03-31 = 54 days
  });
});

describe('late fee', () => {
  const terms = weeklyTerms();
  const sched = generateSchedule(terms);
  const first = sched.installments[0]!; // due 2025-01-13, total 706.52 (572.68 + 115.38 + IVA 18.46)

  it('150 + IVA 24.00 once, on the first day after 3 days of grace', () => {
    const ir = product({ penalties: LATE_FEE_150 });
    // Due 01-13; grace 01-14..01-16; charged 01-17.
    expect(loanState(ir, terms, [disbursed(terms)], '2025-01-16').installments[0]!.due.lateFees).toBe('0.00');
    const s = loanState(ir, terms, [disbursed(terms)], '2025-01-17');
    expect(s.installments[0]!.due).toMatchObject({ lateFees: '150.00', lateFeesIva: '24.00' });
    expect(s.installments[0]!.lateFeeChargedOn).toBe('2025-01-17');
    // Later installments each get one fee: 01-20 + 4 = 01-24, 01-27 + 4 = 01-31 → three by 02-01.
    expect(loanState(ir, terms, [disbursed(terms)], '2025-02-01').penaltiesCharged).toMatchObject({ lateFees: '450.00', lateFeesIva: '72.00' });
  });

  it('is not charged when the installment is paid within the grace days', () => {
    const s = loanState(product({ penalties: LATE_FEE_150 }), terms, [disbursed(terms), pay('p', '2025-01-16', first.total)], '2025-01-19');
    expect(s.penaltiesCharged.lateFees).toBe('0.00');
    expect(s.daysPastDue).toBe(0);
  });

  it('never exceeds the unpaid amount of the period (Banxico 22/2010)', () => {
    // 5% of overdue, min 100, max 300. Unpaid 706.52 → 35.33 → raised to the min 100.00.
    const rule = { amount: { kind: 'percent', rate: '0.05', of: 'overdue' }, min: '100', max: '300', graceDays: 0, taxable: true } as const;
    expect(lateFeeAmount(rule, { unpaid: new Dec('706.52'), installmentTotal: new Dec('706.52') }, 2, 'half-even').toFixed(2)).toBe('100.00');
    // 80.00 unpaid: 5% = 4.00 → min 100.00 → capped so that fee + IVA ≤ 80.00: 80 / 1.16 =
    // 68.9655 → 68.96, IVA 11.0336 → 11.03, total 79.99 (68.97 + 11.04 = 80.01 would exceed it).
    // (Before issue 12 the fee alone was capped: 80.00 + IVA 12.80 = 92.80 on 80.00 unpaid.)
    const ir = product({ penalties: { lateFee: rule } });
    const s = loanState(ir, terms, [disbursed(terms), pay('p', '2025-01-13', '626.52')], '2025-01-14');
    expect(s.installments[0]!.outstanding.principal).toBe('80.00');
    expect(s.installments[0]!.due).toMatchObject({ lateFees: '68.96', lateFeesIva: '11.03' });
    // 10,000 unpaid → 500 → max 300.
    expect(lateFeeAmount(rule, { unpaid: new Dec('10000'), installmentTotal: new Dec('10000') }, 2, 'half-even').toFixed(2)).toBe('300.00');
  });

  it('caps the fee plus its IVA at the unpaid amount (issue 12): 100 on 30.00 unpaid is 25.86 + 4.14', () => {
    // 30 / 1.16 = 25.862 → 25.86, IVA 4.1376 → 4.14: 30.00 exactly. 25.87 + 4.14 = 30.01 would
    // exceed it. (Capping the fee alone gave 30.00 + 4.80 = 34.80 on 30.00 unpaid.)
    const fixed100 = { amount: { kind: 'fixed', value: '100' }, graceDays: 0, taxable: true } as const;
    const basis = { unpaid: new Dec('30.00'), installmentTotal: new Dec('706.52'), taxRate: new Dec('0.16') };
    expect(lateFeeAmount(fixed100, basis, 2, 'half-even').toFixed(2)).toBe('25.86');
    // Untaxed, the fee alone is capped; at scale 0, 30 / 1.16 = 25.86 → 25, IVA 4: 29 (26 + 4 = 30 fits too: 26 is the fee).
    expect(lateFeeAmount({ ...fixed100, taxable: false }, basis, 2, 'half-even').toFixed(2)).toBe('30.00');
    expect(lateFeeAmount(fixed100, { ...basis, unpaid: new Dec('30') }, 0, 'half-even').toFixed(0)).toBe('26');
    // In the fold: installment 1 (706.52) paid but 30.00 on its due date, fee charged the next day.
    const s = loanState(product({ penalties: { lateFee: fixed100 } }), terms, [disbursed(terms), pay('p', '2025-01-13', '676.52')], '2025-01-14');
    expect(s.installments[0]!.outstanding.principal).toBe('30.00');
    expect(s.installments[0]!.due).toMatchObject({ lateFees: '25.86', lateFeesIva: '4.14' });
    expect(s.journal.find((e) => e.kind === 'late-fee')).toMatchObject({ amount: '25.86', iva: '4.14' });
  });

  it('the fee plus its IVA is at most the unpaid amount, and the largest such fee when capped (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(0, 2, 3), fc.constantFrom('half-even', 'half-up') as fc.Arbitrary<'half-even' | 'half-up'>, fc.constantFrom('0.16', '0.08', '0'), (units, fee, scale, mode, rate) => {
        const unit = new Dec(10).pow(-scale);
        const unpaid = new Dec(units).times(unit);
        const rule = { amount: { kind: 'fixed', value: new Dec(fee).times(unit).toFixed() }, graceDays: 0, taxable: true } as const;
        const charged = lateFeeAmount(rule, { unpaid, installmentTotal: unpaid, taxRate: new Dec(rate) }, scale, mode);
        const total = (f: Dec) => f.plus(roundTo(f.times(rate), scale, mode));
        expect(charged.gte(0)).toBe(true);
        expect(total(charged).lte(unpaid)).toBe(true);
        if (charged.lt(rule.amount.value)) expect(total(charged.plus(unit)).gt(unpaid)).toBe(true);
      }),
      { numRuns: 500, seed: 22 },
    );
  });

  it('a percent late fee is a percent of the unpaid amount including its IVA', () => {
    // 10% of overdue on installment 1 unpaid in full: 706.52 (IVA 18.46 included) → 70.65, IVA 11.30.
    const rule = { amount: { kind: 'percent', rate: '0.10', of: 'overdue' }, graceDays: 0, taxable: true } as const;
    const s = loanState(product({ penalties: { lateFee: rule } }), terms, [disbursed(terms)], '2025-01-14');
    expect(s.installments[0]!.due).toMatchObject({ lateFees: '70.65', lateFeesIva: '11.30' });
  });
});

describe('allocation', () => {
  it('expands iva after the listed bases, and keeps the product order', () => {
    expect(componentOrder(['penalties', 'moratorium', 'iva', 'interest', 'fees', 'principal'])).toEqual([
      'lateFees', 'moratorium', 'lateFeesIva', 'moratoriumIva', 'interestIva', 'feesIva', 'interest', 'fees', 'principal',
    ]);
    expect(componentOrder(['penalties', 'moratorium', 'fees', 'interest', 'principal', 'iva']).slice(-4)).toEqual(['lateFeesIva', 'moratoriumIva', 'feesIva', 'interestIva']);
  });

  it('pays the oldest installment first, component by component, in the product order', () => {
    // Installment 1 (706.52) is 7 days late on 01-20 with a late fee of 150 + 24 (charged 01-17)
    // and no moratorium. Order penalties, iva, interest, principal: 150, 24 + 18.46, 115.38,
    // 572.68 = 880.52 for installment 1; the other 119.48 of 1,000 go to installment 2, due
    // that day: IVA 17.40, interest 102.08 of 108.78.
    const terms = weeklyTerms();
    const ir = product({ penalties: LATE_FEE_150, allocation: ['penalties', 'iva', 'interest', 'fees', 'principal', 'moratorium'] });
    const s = loanState(ir, terms, [disbursed(terms), pay('p', '2025-01-20', '1000.00')], '2025-01-20');
    expect(s.allocations[0]!.lines.map((l) => `${l.installment}:${l.component}=${l.amount}`)).toEqual([
      '1:lateFees=150.00', '1:lateFeesIva=24.00', '1:interestIva=18.46', '1:interest=115.38', '1:principal=572.68',
      '2:interestIva=17.40', '2:interest=102.08',
    ]);
  });
});

describe('prepayment policies', () => {
  const terms = weeklyTerms();
  const sched = generateSchedule(terms);
  const [i1, i2] = sched.installments;

  it('reduce-term: the principal beyond the current installment shortens the schedule', () => {
    // Paid on 01-10: installment 1 in advance (706.52) + 3,000 of principal. Balance after 1:
    // 9,427.32 − 3,000 = 6,427.32, re-solved from 01-13 at 0.60/52 with the fewest installments
    // whose first does not exceed installment 2's 705.46: 10 weekly (16 − 1 − 10 = 5 fewer).
    const s = loanState(product({ prepayment: 'reduce-term' }), terms, [disbursed(terms), pay('p', '2025-01-10', new Dec(i1!.total).plus(3000).toFixed(2))], '2025-01-10');
    const a = s.allocations[0]!;
    expect(a).toMatchObject({ prepaidPrincipal: '3000.00', toCredit: '0.00', rescheduled: 'reduce-term' });
    expect(s.installments).toHaveLength(11);
    expect(s.installments[1]!.dueDate).toBe('2025-01-20');
    expect(new Dec(s.installments[1]!.due.total).lte(i2!.total)).toBe(true);
    expect(s.outstanding.principal).toBe('6427.32');
  });

  it('reduce-installment: the same count, a lower installment', () => {
    const s = loanState(product({ prepayment: 'reduce-installment' }), terms, [disbursed(terms), pay('p', '2025-01-10', new Dec(i1!.total).plus(3000).toFixed(2))], '2025-01-10');
    expect(s.installments).toHaveLength(16);
    expect(s.installments[15]!.dueDate).toBe(sched.installments[15]!.dueDate);
    // 6,427.32 over 15 weeks at i = 0.60/52 = 0.0115385: (1+i)^15 = 1.18778, level = 6427.32 × i
    // / (1 − 1/1.18778) = 74.161 / 0.15809 ≈ 469.1 (before IVA), down from 688.06.
    expect(Number(s.installments[1]!.due.principal) + Number(s.installments[1]!.due.interest)).toBeCloseTo(469.1, 0);
  });

  it('not-allowed: the excess is credit, applied to the next installments as they fall due', () => {
    // 1,000 on 01-10: 706.52 to installment 1 in advance, 293.48 credit; on 01-20 the credit pays
    // 293.48 of installment 2 (705.46), leaving 411.98.
    const ir = product({ prepayment: 'not-allowed' });
    const before = loanState(ir, terms, [disbursed(terms), pay('p', '2025-01-10', '1000.00')], '2025-01-19');
    expect(before.creditBalance).toBe('293.48');
    expect(before.payoff.creditApplied).toBe('293.48');
    const s = loanState(ir, terms, [disbursed(terms), pay('p', '2025-01-10', '1000.00')], '2025-01-20');
    expect(s.creditBalance).toBe('0.00');
    expect(s.installments[1]!.outstanding.total).toBe('411.98');
    expect(s.allocations[1]).toMatchObject({ paymentId: 'credit', date: '2025-01-20', amount: '293.48' });
  });
});

describe('payoff, reversal, restructure, write-off', () => {
  const terms = weeklyTerms();
  const sched = generateSchedule(terms);
  const onTime: LoanEvent[] = [disbursed(terms), pay('p1', '2025-01-13', sched.installments[0]!.total), pay('p2', '2025-01-20', sched.installments[1]!.total)];

  it('the payoff of a loan paid on time is payoffQuote, and paying it settles the loan', () => {
    const s = loanState(product(), terms, onTime, '2025-01-23');
    const q = payoffQuote(terms, { date: '2025-01-23' });
    expect(s.payoff.total).toBe(q.total);
    expect(s.payoff.principal).toBe(q.principal);
    const paid = loanState(product(), terms, [...onTime, pay('p3', '2025-01-23', s.payoff.total)], '2025-01-23');
    expect(paid.status).toBe('paid-off');
    expect(paid.outstanding.total).toBe('0.00');
    expect(paid.creditBalance).toBe('0.00');
    expect(paid.allocations[2]!.settled).toBe(true);
  });

  it('a reversal recomputes the state as if the payment never happened', () => {
    const ir = product({ penalties: { ...LATE_FEE_150, ...MORATORIUM_15X } });
    const reversed = loanState(ir, terms, [...onTime, { kind: 'payment-reversal', date: '2025-01-30', paymentId: 'p2' }], '2025-02-05');
    const without = loanState(ir, terms, onTime.slice(0, 2), '2025-02-05');
    expect({ ...reversed, reversedPayments: [] }).toEqual({ ...without, reversedPayments: [] });
    expect(reversed.reversedPayments).toEqual(['p2']);
    // Without p2, installments 2 (due 01-20) and 3 (due 01-27) get their fee by 02-05: 2 × 150.
    expect(reversed.penaltiesCharged.lateFees).toBe('300.00');
  });

  it('restructure: what is owed becomes the principal of a new schedule', () => {
    const ir = product({ penalties: LATE_FEE_150 });
    const events: LoanEvent[] = [disbursed(terms), { kind: 'restructure', date: '2025-02-10', installments: 20 }];
    const before = loanState(ir, terms, [disbursed(terms)], '2025-02-10');
    const s = loanState(ir, terms, events, '2025-02-10');
    const restructured = s.journal.find((e) => e.kind === 'restructured');
    expect(restructured).toMatchObject({ principal: before.payoff.total, installments: 20 });
    expect(s.installments.filter((i) => i.status === 'restructured')).toHaveLength(5); // 01-13 … 02-10 were due
    expect(s.installments.filter((i) => i.status === 'pending')).toHaveLength(20);
    expect(s.outstanding.principal).toBe(before.payoff.total);
    expect(s.daysPastDue).toBe(0);
  });

  it('write-off stops accrual and actions; later payments are recoveries', () => {
    const ir = product({ penalties: MORATORIUM_15X, collection: [{ kind: 'stage', stage: 'temprana', from: 1, actions: [{ kind: 'queue', queue: 'q' }] }] });
    const events: LoanEvent[] = [disbursed(terms), { kind: 'write-off', date: '2025-02-01' }, pay('r', '2025-02-20', '300.00')];
    const atWriteOff = loanState(ir, terms, events, '2025-02-01');
    const later = loanState(ir, terms, events, '2025-03-01');
    expect(later.status).toBe('written-off');
    expect(later.penaltiesCharged).toEqual(atWriteOff.penaltiesCharged);
    expect(later.firedActions).toEqual(atWriteOff.firedActions);
    expect(later.writtenOff).toEqual({ date: '2025-02-01', amount: atWriteOff.outstanding.total });
    expect(new Dec(atWriteOff.outstanding.total).minus(later.outstanding.total).toFixed(2)).toBe('300.00');
  });

  it('a fee charged goes to the oldest open installment with its IVA', () => {
    const s = loanState(product(), terms, [disbursed(terms), { kind: 'fee-charged', date: '2025-01-15', name: 'visita', amount: '100.00' }], '2025-01-15');
    expect(s.installments[0]!.due).toMatchObject({ fees: '100.00', feesIva: '16.00' });
  });

  it('a day close reports the penalties charged since the previous close', () => {
    // Bullet overdue from 02-05: moratorium 2.50 + IVA 0.40 a day. Close 02-10: 5 days = 12.50
    // + 2.00; close 02-15: 5 more days.
    const s = loanState(product({ penalties: MORATORIUM_15X }), bullet, [...bulletEvents, { kind: 'day-close', date: '2025-02-10' }, { kind: 'day-close', date: '2025-02-15' }], '2025-02-15');
    const closes = s.journal.filter((e) => e.kind === 'day-close');
    expect(closes).toEqual([
      { date: '2025-02-10', kind: 'day-close', lateFees: '0.00', lateFeesIva: '0.00', moratorium: '12.50', moratoriumIva: '2.00' },
      { date: '2025-02-15', kind: 'day-close', lateFees: '0.00', lateFeesIva: '0.00', moratorium: '12.50', moratoriumIva: '2.00' },
    ]);
    expect(s.lastDayClose).toBe('2025-02-15');
  });
});

describe('collection', () => {
  const terms = weeklyTerms({ installments: 4 });
  const ir = product({
    collection: [
      { kind: 'at', day: -3, actions: [{ kind: 'notify', channel: 'whatsapp', template: 'recordatorio' }] },
      { kind: 'at', day: 0, actions: [{ kind: 'notify', channel: 'sms', template: 'vence_hoy' }] },
      { kind: 'stage', stage: 'temprana', from: 1, to: 30, actions: [{ kind: 'queue', queue: 'temprana' }, { kind: 'notify', channel: 'sms', template: 'atraso' }] },
      { kind: 'stage', stage: 'tardia', from: 31, actions: [{ kind: 'offer-restructure' }] },
    ],
  });

  it('fires each action once per installment and step, and the same on replay', () => {
    const s = loanState(ir, terms, [disbursed(terms)], '2025-02-20');
    const steps = s.firedActions.map((f) => `${f.date} #${f.installment} ${f.step} ${f.action.kind}`);
    expect(steps).toEqual([
      '2025-01-10 #1 at -3 notify', '2025-01-13 #1 at 0 notify', '2025-01-14 #1 stage temprana queue', '2025-01-14 #1 stage temprana notify',
      '2025-01-17 #2 at -3 notify', '2025-01-20 #2 at 0 notify', '2025-01-24 #3 at -3 notify', '2025-01-27 #3 at 0 notify',
      '2025-01-31 #4 at -3 notify', '2025-02-03 #4 at 0 notify', '2025-02-13 #1 stage tardia offer-restructure',
    ]);
    expect(loanState(ir, terms, [disbursed(terms)], '2025-02-20')).toEqual(s);
    expect(loanState(ir, terms, [disbursed(terms)], '2025-01-14').actionsDue.map((a) => a.action.kind)).toEqual(['queue', 'notify']);
    expect(s.journal.filter((e) => e.kind === 'stage-changed').map((e) => e.kind === 'stage-changed' && `${e.date} ${e.to}`)).toEqual(['2025-01-14 temprana', '2025-02-13 tardia']);
  });

  it('skips reminders of an installment paid in advance', () => {
    const first = generateSchedule(terms).installments[0]!;
    const s = loanState(ir, terms, [disbursed(terms), pay('p', '2025-01-08', first.total)], '2025-01-13');
    expect(s.firedActions).toEqual([]);
  });
});

describe('invalid input', () => {
  const terms = weeklyTerms();
  it('names each bad field', () => {
    const bad = [
      { kind: 'payment', id: 'p', date: '2025-01-10', amount: '10' },
      { kind: 'payment', id: 'p', date: '2025-01-09', amount: 12 },
      { kind: 'payment-reversal', date: '2025-01-11', paymentId: 'nope' },
      { kind: 'refund', date: '2025-01-11' },
    ] as unknown as LoanEvent[];
    try {
      loanState(product(), terms, bad, '2025-02-01');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      const paths = (error as InvalidInputError).issues.map((i) => i.path);
      expect(paths).toEqual(['events[0].kind', 'events[1].date', 'events[1].id', 'events[1].amount', 'events[2].paymentId', 'events[3].kind']);
    }
    expect(() => loanState(product(), terms, [disbursed(terms)], '2024-12-31')).toThrow(/asOf: must not be before/);
    expect(() => loanState(product(), terms, [disbursed(terms), pay('p', '2025-01-10', '1.001')], '2025-02-01')).toThrow(/events\[1\]\.amount: has more than 2 decimal places/);
  });
});

describe('settlement after an installment paid in advance', () => {
  // 10,000 at 60% weekly, 16 installments, period basis, IVA 16% on interest (weeklyTerms):
  // installment 1 due 2025-01-13: interest 10000 × 0.60 / 52 = 115.3846 → 115.38, IVA 18.46,
  // level payment 688.06 → principal 572.68, total 706.52; balance after it 9,427.32.
  // p1 706.52 on 2025-01-08 pays installment 1 in advance (it is closed, nothing is due yet).
  // On 2025-01-10 the payoff is: the principal outstanding 10,000 − 572.68 = 9,427.32, plus the
  // current period's interest accrued to the day 10000 × 0.60/52 × 4/7 = 65.93, less the 115.38
  // already paid on it (not refunded) → 0; no IVA, no fees: 9,427.32.
  // A payment of 20,000 on 2025-01-10 covers it: 9,427.32 goes to principal (on installment 2, the
  // first open one, which takes the principal of installments 3..16) and 20,000 − 9,427.32 =
  // 10,572.68 is kept as credit. (The bug: the settlement was put on installment 1, already closed,
  // so nothing was paid — 20,000 to credit, 9,427.32 principal still outstanding, yet "paid-off".)
  const terms = weeklyTerms();
  const ir = product();
  const first = generateSchedule(terms).installments[0]!;
  const events: LoanEvent[] = [disbursed(terms), pay('p1', '2025-01-08', first.total)];

  it('the payoff is the principal outstanding', () => {
    expect(first).toMatchObject({ principal: '572.68', interest: '115.38', taxOnInterest: '18.46', total: '706.52', balance: '9427.32' });
    const s = loanState(ir, terms, events, '2025-01-10');
    expect(s.installments[0]).toMatchObject({ status: 'paid', paidOn: '2025-01-08' });
    expect(s.payoff).toMatchObject({ principal: '9427.32', interest: '0.00', iva: '0.00', total: '9427.32' });
  });

  it('a payment covering the payoff pays the remaining principal and keeps only the excess as credit (within the tolerance)', () => {
    const tolerant = product({ overpaymentTolerance: '15000' });
    const s = loanState(tolerant, terms, [...events, pay('p2', '2025-01-10', '20000.00')], '2025-01-10');
    expect(s.status).toBe('paid-off');
    expect(s.outstanding.total).toBe('0.00');
    expect(s.creditBalance).toBe('10572.68');
    expect(s.allocations.at(-1)).toMatchObject({ paymentId: 'p2', settled: true, toCredit: '10572.68', lines: [{ installment: 2, component: 'principal', amount: '9427.32' }] });
    expect(s.installments.map((i) => [i.number, i.status, i.due.principal, i.due.interest])).toEqual([[1, 'paid', '572.68', '115.38'], [2, 'paid', '9427.32', '0.00']]);
    expect(s.paid.principal).toBe('10000.00');
  });

  it('refuses a payment beyond the payoff and the tolerance, naming the payoff (default tolerance 0)', () => {
    const refused = (ir: ProductIR, amount: string) => {
      try {
        loanState(ir, terms, [...events, pay('p2', '2025-01-10', amount)], '2025-01-10');
      } catch (error) {
        return error;
      }
      return null;
    };
    const error = refused(ir, '20000.00');
    expect(error).toBeInstanceOf(OverpaymentError);
    expect(error).toMatchObject({ payoff: '9427.32', maximum: '9427.32', tolerance: '0.00', issues: [{ path: 'events[2].amount' }] });
    expect(refused(ir, '9427.33')).toMatchObject({ maximum: '9427.32' });
    expect(refused(product({ overpaymentTolerance: '5' }), '9432.33')).toMatchObject({ payoff: '9427.32', maximum: '9432.32', tolerance: '5.00' });
    const within = loanState(product({ overpaymentTolerance: '5' }), terms, [...events, pay('p2', '2025-01-10', '9432.32')], '2025-01-10');
    expect(within).toMatchObject({ status: 'paid-off', creditBalance: '5.00' });
    // Paid off with the tolerance kept as credit: nothing more is taken.
    expect(() => loanState(product({ overpaymentTolerance: '5' }), terms, [...events, pay('p2', '2025-01-10', '9432.32'), pay('p3', '2025-01-11', '0.01')], '2025-01-11')).toThrow(OverpaymentError);
  });

  it('paying exactly the payoff leaves nothing outstanding and no credit', () => {
    const s = loanState(ir, terms, [...events, pay('p2', '2025-01-10', '9427.32')], '2025-01-10');
    expect(s).toMatchObject({ status: 'paid-off', creditBalance: '0.00' });
    expect(s.outstanding.total).toBe('0.00');
  });
});

describe('payoff after interest IVA paid ahead (financiamiento_tienda)', () => {
  // The example product's loan: 10,000 at 55% german, 26 biweekly, period basis, disbursed
  // 2025-01-06, a 3% opening fee financed (300.00) with IVA, IVA 16% on interest and fees,
  // allocation penalties → iva → moratorium → interest → fees → principal.
  // Installment 1 (due 2025-01-20): principal 10300/26 = 396.15, interest 10300 × 0.55/26 =
  // 217.8846 → 217.88, IVA 34.86 + the financed fee's IVA 48.00: total 696.89. Installment 2:
  // interest 9903.85 × 0.55/26 = 209.5045 → 209.50, IVA 33.52.
  // 726.90 on 2025-01-22 pays installment 1 (696.89) and 30.01 ahead on installment 2: IVA first.
  // On 2025-01-23, 3 of the period's 14 days: interest 209.5045 × 3/14 = 44.8938 → 44.89, its IVA
  // 7.1824 → 7.18; together 52.07, of which 30.01 is paid: 22.06 remains, all of it interest (the
  // 30.01 becomes 7.18 of IVA and 22.83 of interest). Payoff 9,903.85 + 22.06 = 9,925.91.
  // (The bug: IVA 7.18 charged again on top of the 30.01 → 9,955.92, 37.19 of IVA on 44.89.)
  const terms = parseLoanTerms({
    principal: '10000.00', annualRate: '0.55', installments: 26, frequency: 'biweekly', method: 'german', interestBasis: 'period',
    disbursementDate: '2025-01-06', tax: { rate: '0.16', on: ['interest', 'fees'] },
    fees: [{ name: 'apertura', timing: 'financed', percent: '0.03', min: '99' }],
  });
  const ir = product({ allocation: ['penalties', 'iva', 'moratorium', 'interest', 'fees', 'principal'] });
  const events: LoanEvent[] = [disbursed(terms), pay('p1', '2025-01-22', '726.90')];

  it('nets the IVA paid ahead: IVA 0.00, interest 22.06, total 9,925.91', () => {
    const rows = generateSchedule(terms).installments;
    expect(rows[0]).toMatchObject({ principal: '396.15', interest: '217.88', taxOnInterest: '34.86', taxOnFees: '48.00', total: '696.89' });
    expect(rows[1]).toMatchObject({ interest: '209.50', taxOnInterest: '33.52' });
    const s = loanState(ir, terms, events, '2025-01-23');
    expect(s.installments[1]!.paid).toMatchObject({ interestIva: '30.01', interest: '0.00' });
    expect(s.payoff).toMatchObject({ principal: '9903.85', interest: '22.06', iva: '0.00', total: '9925.91' });
  });

  it('paying it collects 44.89 of interest and exactly its 7.18 of IVA on installment 2', () => {
    const s = loanState(ir, terms, [...events, pay('p2', '2025-01-23', '9925.91')], '2025-01-23');
    expect(s).toMatchObject({ status: 'paid-off', creditBalance: '0.00' });
    expect(s.installments[1]!.paid).toMatchObject({ principal: '9903.85', interest: '44.89', interestIva: '7.18' });
    // Over the loan: interest 217.88 + 44.89 = 262.77, its IVA 34.86 + 7.18 = 42.04.
    expect(s.paid).toMatchObject({ interest: '262.77', interestIva: '42.04', feesIva: '48.00', principal: '10300.00' });
  });
});
