// The regulatory books of one loan with hand-derived figures: each expected amount is derived in
// the comment beside it from the rule (DOMAIN.md "Regulatory accounting", BOOKS.md), never read
// back from the code.
import { describe, expect, it } from 'vitest';
import { booksEntry, booksOn, booksTimeline, EMPTY_BOOKS_POSITION, loanState, parseLoanTerms, positionTotal, reachesVencida, type BooksDay, type LoanEvent } from '../../src/index.ts';
import { disbursed, MORATORIUM_15X, pay, product, weeklyTerms } from '../servicing/fixtures.ts';

/** The day `date` of a timeline. */
function on(days: readonly BooksDay[], date: string): BooksDay {
  const d = days.find((x) => x.date === date);
  if (!d) throw new Error(`no books on ${date}`);
  return d;
}

/** Lines as "account debit/credit" for compact expectations. */
const lines = (d: BooksDay) => d.lines.map((l) => `${l.account} ${l.debit}/${l.credit}`);

// A 30-day bullet of 1,000 at 60% actual/360 with IVA on interest: interest 1000 × 0.60 × 30/360 =
// 50.00, IVA 8.00, due 2025-02-05. Moratorium 1.5 × 60% = 90% a year on the overdue principal,
// actual/360: 1000 × 0.9 / 360 = 2.50 a day, IVA 0.40 a day, exactly.
const bullet = parseLoanTerms({
  principal: '1000.00', annualRate: '0.60', installments: 1, frequency: { everyDays: 30 }, method: 'bullet',
  interestBasis: 'actual/360', disbursementDate: '2025-01-06', tax: { rate: '0.16', on: ['interest'] },
});
const bulletIr = product({ penalties: MORATORIUM_15X });

describe('accrual of a vigente loan', () => {
  // Weekly 10,000 at 60% over 16 weeks (period basis) with a deducted opening fee of 300 + IVA 48:
  // disbursed 9,652.00; installment 1: interest 10000 × 0.60/52 = 115.38, IVA 18.46, principal 572.68.
  const terms = weeklyTerms({ fees: [{ name: 'apertura', amount: '300.00', timing: 'deducted' }] });
  const t = booksTimeline(product(), terms, [disbursed(terms), pay('p1', '2025-01-13', '706.52')], '2025-03-03');

  it('disbursement: principal against cash, the opening fee deferred, its IVA collected', () => {
    // Dr 1100 10,000.00 / Cr 1000 9,652.00, Cr 2400 300.00, Cr 2102 48.00.
    expect(lines(on(t.days, '2025-01-06'))).toEqual(['1000 0.00/9652.00', '1100 10000.00/0.00', '2102 0.00/48.00', '2400 0.00/300.00']);
    expect(on(t.days, '2025-01-06').memo).toBe('disbursement');
  });

  it('a day of accrual: interest, its IVA (collection basis) and the fee amortisation', () => {
    // Interest of day 1: 115.3846… × 1/7 = 16.48; IVA 16% = 2.6368 → 2.64 (1140 against 2105);
    // opening fee straight line over 112 days: 300 × 1/112 = 2.678… → 2.68.
    expect(lines(on(t.days, '2025-01-07'))).toEqual(['1110 16.48/0.00', '1140 2.64/0.00', '2105 0.00/2.64', '2400 2.68/0.00', '4100 0.00/16.48', '4150 0.00/2.68']);
  });

  it('a payment on the due date settles the accrued interest and makes its IVA trasladado', () => {
    // Six days accrued to 01-12: round(115.3846 × 6/7) = 98.90 (IVA 15.82 = round(98.90 × 0.16)).
    // On 01-13 the installment: Cr 1110 98.90 (the seventh day's 16.48 is income directly),
    // Cr 1100 572.68, IVA: Cr 1140 15.82 / Dr 2105 15.82 and Cr 2101 18.46; fee 2.68 more
    // (round(300 × 7/112) = 18.75 − round(300 × 6/112) = 16.07).
    expect(lines(on(t.days, '2025-01-13'))).toEqual([
      '1000 706.52/0.00', '1100 0.00/572.68', '1110 0.00/98.90', '1140 0.00/15.82', '2101 0.00/18.46', '2105 15.82/0.00', '2400 2.68/0.00', '4100 0.00/16.48', '4150 0.00/2.68',
    ]);
  });

  it('the opening fee is half amortised at half the term', () => {
    // 2025-03-03 is day 56 of 112: round(300 × 56/112) = 150.00 deferred left.
    expect(on(t.days, '2025-03-03').books.deferredFees).toBe('150.00');
  });

  it('every position sums to zero and the entries add up to the last position', () => {
    const sum: Record<string, string> = {};
    for (const d of t.days) {
      expect(positionTotal(d.books.position, 2)).toBe('0.00');
      for (const l of d.lines) {
        const debit = BigInt(l.debit.replace('.', '')) - BigInt(l.credit.replace('.', ''));
        sum[l.account] = String(BigInt(sum[l.account] ?? '0') + debit);
      }
    }
    const last = t.days.at(-1)!.books.position;
    for (const [account, v] of Object.entries(last)) expect(sum[account]).toBe(String(BigInt(v.replace('.', ''))));
  });
});

describe('cartera vencida', () => {
  const t = booksTimeline(bulletIr, bullet, [disbursed(bullet), pay('p1', '2025-03-17', '1174.00')], '2025-03-17');

  it('a bullet is vigente at 29 days past due, with interest, moratorium and their IVA receivable', () => {
    // 2025-03-06: 29 days past due; moratorium 29 × 2.50 = 72.50, IVA 29 × 0.40 = 11.60.
    const b = on(t.days, '2025-03-06').books;
    expect(b.stage).toBe('vigente');
    expect(b.position).toMatchObject({ '1100': '1000.00', '1110': '50.00', '1130': '72.50', '1140': '19.60', '2105': '-19.60', '4100': '-50.00', '4310': '-72.50' });
  });

  it('moves to vencida at 30 days past due (single payment): the whole balance moves, the interest is reserved 100%', () => {
    // 2025-03-07: 30 dpd. That day's moratorium (2.50 + 0.40) still accrues on the books (earned at
    // the transfer: 75.00 + IVA 12.00); then 1100 → 1300, 1110 → 1310, 1130 → 1330; reserve +50.00.
    const d = on(t.days, '2025-03-07');
    expect(d.books.stage).toBe('vencida');
    expect(d.memo).toBe('transfer to cartera vencida');
    expect(lines(d)).toEqual([
      '1100 0.00/1000.00', '1110 0.00/50.00', '1130 0.00/72.50', '1140 0.40/0.00', '1190 0.00/50.00', '1300 1000.00/0.00', '1310 50.00/0.00', '1330 75.00/0.00',
      '2105 0.00/0.40', '4310 0.00/2.50', '5200 50.00/0.00',
    ]);
    expect(d.books.reserve).toBe('50.00');
  });

  it('then accrues in memorandum accounts only: 2.50 + 0.40 a day', () => {
    expect(lines(on(t.days, '2025-03-08'))).toEqual(['7100 2.90/0.00', '7900 0.00/2.90']);
    // 03-08 … 03-16: 9 days × 2.90 = 26.10.
    expect(on(t.days, '2025-03-16').books.memorandum).toBe('26.10');
  });

  it('paid in full: what was off the books is income when collected, receivables, reserve and memorandum clear, back to vigente', () => {
    // 03-17: moratorium 40 days = 100.00 + IVA 16.00; payoff 1000 + 50 + 8 + 100 + 16 = 1,174.00.
    // Income 4310 from 75.00 to 100.00 (Cr 25.00); IVA trasladado 2101 8.00, 2104 16.00; 1140/2105
    // (20.00 on the books since the transfer) reverse; memorandum 26.10 clears; reserve 50.00 released.
    const d = on(t.days, '2025-03-17');
    expect(d.books.stage).toBe('vigente');
    expect(lines(d)).toEqual([
      '1000 1174.00/0.00', '1140 0.00/20.00', '1190 50.00/0.00', '1300 0.00/1000.00', '1310 0.00/50.00', '1330 0.00/75.00', '2101 0.00/8.00', '2104 0.00/16.00',
      '2105 20.00/0.00', '4310 0.00/25.00', '5200 0.00/50.00', '7100 0.00/26.10', '7900 26.10/0.00',
    ]);
    // Final: cash 174.00 net, income 50.00 + 100.00, IVA 8.00 + 16.00.
    expect(d.books.position).toEqual({ '1000': '174.00', '2101': '-8.00', '2104': '-16.00', '4100': '-50.00', '4310': '-100.00' });
  });
});

describe('a weekly loan that stops paying', () => {
  // 26 weekly installments of 10,000 at 60%; the first two paid on their due dates, then nothing.
  const terms = weeklyTerms({ installments: 26 });
  const first = loanState(product(), terms, [disbursed(terms)], '2025-01-06').installments[0]!.due.total;
  const events: LoanEvent[] = [disbursed(terms), pay('p1', '2025-01-13', first), pay('p2', '2025-01-20', first)];
  const t = booksTimeline(product(), terms, events, '2025-05-10');

  it('stays vigente up to 89 days past due and moves to vencida at 90 (periodic payments)', () => {
    // Installment 3 is due 2025-01-27: 89 days past due on 2025-04-26, 90 on 2025-04-27.
    expect(on(t.days, '2025-04-26').books).toMatchObject({ stage: 'vigente', daysPastDue: 89, memorandum: '0.00' });
    expect(on(t.days, '2025-04-27').books).toMatchObject({ stage: 'vencida', daysPastDue: 90 });
    expect(on(t.days, '2025-04-27').books.position['1100']).toBeUndefined();
  });

  it('after the transfer interest income stops and the memorandum grows by what the state earns', () => {
    const states = ['2025-04-28', '2025-05-10'].map((d) => loanState(product(), terms, events, d));
    const income = (d: string) => on(t.days, d).books.position['4100'];
    expect(income('2025-05-10')).toBe(income('2025-04-27'));
    // Memorandum = earned − paid − what stayed on the books (interest and IVA earned at the transfer, unpaid).
    const grew = (k: 'interest' | 'interestIva') => BigInt(states[1]!.earned[k].replace('.', '')) - BigInt(states[0]!.earned[k].replace('.', ''));
    const memo = (d: string) => BigInt(on(t.days, d).books.memorandum.replace('.', ''));
    expect(memo('2025-05-10') - memo('2025-04-28')).toBe(grew('interest') + grew('interestIva'));
    expect(memo('2025-05-10') > 0n).toBe(true);
  });

  it('is cured when everything overdue is paid: back to vigente, the memorandum becomes income', () => {
    const overdue = loanState(product(), terms, events, '2025-05-12').overdue.total;
    const cured = booksTimeline(product(), terms, [...events, pay('p3', '2025-05-12', overdue)], '2025-05-12').days;
    const before = on(cured, '2025-05-11').books;
    const after = on(cured, '2025-05-12').books;
    expect(before.stage).toBe('vencida');
    expect(after).toMatchObject({ stage: 'vigente', daysPastDue: 0, memorandum: '0.00' });
    expect(after.position['1300']).toBeUndefined();
    // Interest income is then everything earned (the state's figure: nothing of it is unpaid but the current period's accrual).
    const state = loanState(product(), terms, [...events, pay('p3', '2025-05-12', overdue)], '2025-05-12');
    expect(after.position['4100']).toBe(`-${state.earned.interest}`);
  });
});

describe('opening fees', () => {
  const terms = weeklyTerms({ fees: [{ name: 'apertura', amount: '300.00', timing: 'deducted' }] });

  it('a prepayment recognises what was still deferred', () => {
    // Day 13 (2025-01-19): round(300 × 13/112) = 34.82 amortised, 265.18 deferred; the payoff on
    // 2025-01-20 recognises the 265.18 left.
    const payoff = loanState(product(), terms, [disbursed(terms)], '2025-01-20').payoff.total;
    const t = booksTimeline(product(), terms, [disbursed(terms), pay('p1', '2025-01-20', payoff)], '2025-01-20');
    expect(on(t.days, '2025-01-19').books.deferredFees).toBe('265.18');
    const d = on(t.days, '2025-01-20');
    expect(d.memo).toBe('payment p1 ' + payoff + ', paid off');
    expect(d.lines.filter((l) => l.account === '2400' || l.account === '4150')).toEqual([
      { account: '2400', debit: '265.18', credit: '0.00' },
      { account: '4150', debit: '0.00', credit: '265.18' },
    ]);
    expect(d.books.position['4150']).toBe('-300.00');
  });

  it('financed fees are deferred too, their IVA owed with the first installment', () => {
    // 3% financed on 10,000 = 300.00 (principal 10,300 on the books), IVA 48.00 receivable from day 0.
    const f = weeklyTerms({ fees: [{ name: 'apertura', percent: '0.03', timing: 'financed' }] });
    const d = booksTimeline(product(), f, [disbursed(f)], '2025-01-06').days[0]!;
    expect(d.books.position).toEqual({ '1000': '-10000.00', '1100': '10300.00', '1140': '48.00', '2105': '-48.00', '2400': '-300.00' });
  });
});

describe('write-off', () => {
  it('without a reserve: principal and receivables to 5100, the IVA not collected reverses', () => {
    // Written off 2025-02-15 (10 dpd, vigente, no reserve): 1,000 + 50.00 + moratorium 25.00 = 1,075.00
    // to 5100; 1140/2105 (8.00 + 4.00) reverse.
    const t = booksTimeline(bulletIr, bullet, [disbursed(bullet), { kind: 'write-off', date: '2025-02-15' }], '2025-02-15');
    const d = on(t.days, '2025-02-15');
    expect(d.books.position).toEqual({ '1000': '-1000.00', '4100': '-50.00', '4310': '-25.00', '5100': '1075.00' });
  });

  it('with a reserve: charged to the reserve first; cash afterwards is a recovery', () => {
    // A reserve of 400.00 set on 2025-01-31; written off 2025-02-15: 400.00 from the reserve,
    // 675.00 to 5100. 100.00 received on 2025-03-01: 4400.
    const t = booksTimeline(bulletIr, bullet, [disbursed(bullet), { kind: 'write-off', date: '2025-02-15' }, pay('r1', '2025-03-01', '100.00')], '2025-03-01', { reserve: () => '400.00' });
    expect(on(t.days, '2025-01-31').books.reserve).toBe('400.00');
    expect(on(t.days, '2025-02-15').books.position).toEqual({ '1000': '-1000.00', '4100': '-50.00', '4310': '-25.00', '5100': '675.00', '5200': '400.00' });
    expect(lines(on(t.days, '2025-03-01'))).toEqual(['1000 100.00/0.00', '4400 0.00/100.00']);
  });

  it('of a vencida loan uses the 100% reserve on its interest', () => {
    // Vencida since 2025-03-07 (reserve 50.00); written off 2025-03-17: 1,000 + 50 + 75.00 (moratorium
    // earned at the transfer) = 1,125.00; 50.00 from the reserve, 1,075.00 to 5100; memorandum clears.
    const t = booksTimeline(bulletIr, bullet, [disbursed(bullet), { kind: 'write-off', date: '2025-03-17' }], '2025-03-17');
    expect(on(t.days, '2025-03-17').books.position).toEqual({ '1000': '-1000.00', '4100': '-50.00', '4310': '-75.00', '5100': '1075.00', '5200': '50.00' });
  });
});

describe('restructure', () => {
  it('of a loan with moratorium: capitalised interest, moratorium and IVA leave 1110/1130/1140/2105 for principal against 2300', () => {
    // 2025-02-15 (10 dpd): interest 50.00 + IVA 8.00 + moratorium 25.00 + IVA 4.00 = 87.00 capitalised;
    // new principal 1,087.00. The day: moratorium of 02-15 (2.50 + 0.40) accrues, then the restructure:
    // 1110 −50.00, 1130 −22.50 (as of 02-14), 1140 −11.60, 2105 +11.60, income reversed into 2300 (4100 +50.00, 4310 +22.50).
    const events: LoanEvent[] = [disbursed(bullet), { kind: 'restructure', date: '2025-02-15', installments: 1 }];
    const t = booksTimeline(bulletIr, bullet, events, '2025-02-15');
    const d = on(t.days, '2025-02-15');
    expect(d.books.stage).toBe('vigente');
    expect(lines(d)).toEqual(['1100 87.00/0.00', '1110 0.00/50.00', '1130 0.00/22.50', '1140 0.00/11.60', '2105 11.60/0.00', '2300 0.00/87.00', '4100 50.00/0.00', '4310 22.50/0.00']);
  });

  it('recognises what it capitalised as the new principal is collected', () => {
    // New bullet of 1,087.00 from 2025-02-15, 30 days: interest 1087 × 0.60 × 30/360 = 54.35, IVA 8.696 → 8.70;
    // paid in full 2025-03-17: 1,150.05. Income 54.35 + 50.00, 4310 25.00, IVA 8.70 + 8.00 and 4.00.
    const events: LoanEvent[] = [disbursed(bullet), { kind: 'restructure', date: '2025-02-15', installments: 1 }, pay('p1', '2025-03-17', '1150.05')];
    const t = booksTimeline(bulletIr, bullet, events, '2025-03-17');
    expect(on(t.days, '2025-03-17').books.position).toEqual({ '1000': '150.05', '2101': '-16.70', '2104': '-4.00', '4100': '-104.35', '4310': '-25.00' });
  });

  it('that consumes a credit balance: the cash stays what was received', () => {
    // Prepayment not allowed: 1,000.00 on 2025-01-08 pays installment 1 in full (IVA 18.46, interest
    // 115.38, principal 572.68) and leaves 293.48 as credit. Restructured 2025-01-10: nothing is
    // capitalised (the interest paid ahead covers the 4 days accrued, 65.93); new principal 10,000 −
    // 572.68 − 293.48 = 9,133.84. The paid installment stays as it is, due 01-13: of its interest 65.93
    // is earned, 49.45 collected in advance. Cash −10,000 + 1,000 = −9,000.00; IVA trasladado 18.46.
    const terms = weeklyTerms();
    const ir = product({ prepayment: 'not-allowed' });
    const events: LoanEvent[] = [disbursed(terms), pay('p1', '2025-01-08', '1000.00'), { kind: 'restructure', date: '2025-01-10', installments: 8 }];
    const t = booksTimeline(ir, terms, events, '2025-01-10');
    expect(on(t.days, '2025-01-08').books.position).toMatchObject({ '2200': '-293.48' });
    expect(on(t.days, '2025-01-10').books.position).toEqual({ '1000': '-9000.00', '1100': '9133.84', '2101': '-18.46', '2410': '-49.45', '4100': '-65.93' });
    expect(t.state.restructures[0]).toMatchObject({ principal: '9133.84', creditApplied: '293.48' });
  });

  it('a loan restructured while vencida needs 3 on-time installments (periods up to 60 days)', () => {
    // 4 weekly installments unpaid: installment 1 due 2025-01-13 → vencida on 2025-04-13 (90 dpd).
    // Restructured 2025-04-20 into 4 weekly installments (due 04-27, 05-04, 05-11, 05-18), each paid
    // on its date: still vencida after the first two, vigente on 05-11 with the third.
    const terms = weeklyTerms({ installments: 4 });
    const base: LoanEvent[] = [disbursed(terms), { kind: 'restructure', date: '2025-04-20', installments: 4 }];
    const plan = loanState(product(), terms, base, '2025-04-20').installments.filter((i) => i.status === 'pending');
    const events = [...base, ...plan.slice(0, 3).map((i, k) => pay(`r${k}`, i.dueDate, i.due.total))];
    const t = booksTimeline(product(), terms, events, '2025-05-11');
    expect(on(t.days, '2025-04-13').books.stage).toBe('vencida');
    expect(on(t.days, '2025-04-20').books.stage).toBe('vencida');
    expect(on(t.days, '2025-05-04').books.stage).toBe('vencida');
    expect(on(t.days, '2025-05-10').books.stage).toBe('vencida');
    expect(on(t.days, '2025-05-11').books.stage).toBe('vigente');
  });

  it('one on-time installment when the new periods exceed 60 days', () => {
    const terms = weeklyTerms({ installments: 4 });
    const base: LoanEvent[] = [disbursed(terms), { kind: 'restructure', date: '2025-04-20', installments: 2, frequency: { everyDays: 61 } }];
    const plan = loanState(product(), terms, base, '2025-04-20').installments.filter((i) => i.status === 'pending');
    const t = booksTimeline(product(), terms, [...base, pay('r0', plan[0]!.dueDate, plan[0]!.due.total)], plan[0]!.dueDate);
    expect(t.days.at(-2)!.books.stage).toBe('vencida');
    expect(t.days.at(-1)!.books.stage).toBe('vigente');
  });
});

describe('IVA on the accrual basis', () => {
  it('is trasladado when earned: no 2105', () => {
    // 2025-02-05, the bullet's due date: interest 50.00 and IVA 8.00 earned, unpaid.
    const t = booksTimeline(product(), bullet, [disbursed(bullet)], '2025-02-05', { ivaOn: 'accrual' });
    expect(t.days.at(-1)!.books.position).toEqual({ '1000': '-1000.00', '1100': '1000.00', '1110': '50.00', '1140': '8.00', '2101': '-8.00', '4100': '-50.00' });
  });
});

describe('booksOn and booksEntry', () => {
  it('refuses a context at another scale', () => {
    const state = loanState(product(), bullet, [disbursed(bullet)], '2025-01-06');
    expect(() => booksOn(state, null, { decimals: 3, ivaOn: 'collection' }, bullet)).toThrow(/ctx\.decimals|currency scale/);
  });

  it('refuses a reserve that is not a decimal at the currency scale', () => {
    const state = loanState(product(), bullet, [disbursed(bullet)], '2025-01-31');
    expect(() => booksOn(state, null, { decimals: 2, ivaOn: 'collection', reserve: () => '10.005' }, bullet)).toThrow(/ctx\.reserve: must return a decimal string with at most 2 decimals, got "10\.005"|ctx\.reserve/);
    expect(() => booksOn(state, null, { decimals: 2, ivaOn: 'collection', reserve: () => 'NaN' }, bullet)).toThrow(/ctx\.reserve/);
    expect(booksOn(state, null, { decimals: 2, ivaOn: 'collection', reserve: () => '12.5' }, bullet).reserve).toBe('12.50');
  });

  it('an entry is the difference of two positions, sorted by account', () => {
    expect(booksEntry({ '1100': '10.00', '1000': '-10.00' }, { '1100': '7.50', '1000': '-7.50', '4100': '0.00' }, 2)).toEqual([
      { account: '1000', debit: '2.50', credit: '0.00' },
      { account: '1100', debit: '0.00', credit: '2.50' },
    ]);
    expect(booksEntry(EMPTY_BOOKS_POSITION, EMPTY_BOOKS_POSITION, 2)).toEqual([]);
    expect(() => booksEntry({ '1100': '1.005' }, {}, 2)).toThrow(/before\.1100/);
  });
});

describe('payment patterns', () => {
  it('one payment: 30 days; periodic: 90; principal at maturity with periodic interest: 90 on interest or 30 on the principal', () => {
    const at = (pattern: 'single' | 'periodic' | 'single-principal', daysPastDue: number, maturityDaysPastDue = 0) => reachesVencida({ daysPastDue, repayment: { pattern, maturityDaysPastDue, onTimeInstallments: 0 } }, {});
    expect([at('single', 29), at('single', 30)]).toEqual([false, true]);
    expect([at('periodic', 89), at('periodic', 90)]).toEqual([false, true]);
    expect([at('single-principal', 89, 29), at('single-principal', 90, 0), at('single-principal', 45, 30)]).toEqual([false, true, true]);
    expect(reachesVencida({ daysPastDue: 45, repayment: { pattern: 'single', maturityDaysPastDue: 45, onTimeInstallments: 0 } }, { vencidaDays: { single: 60, periodic: 120 } })).toBe(false);
  });

  it('the state says which: bullet single, weekly periodic, principal grace on all but the last single-principal', () => {
    expect(loanState(product(), bullet, [disbursed(bullet)], '2025-01-06').repayment.pattern).toBe('single');
    expect(loanState(product(), weeklyTerms(), [disbursed(weeklyTerms())], '2025-01-06').repayment.pattern).toBe('periodic');
    const grace = weeklyTerms({ installments: 4, graceInstallments: { principal: 3, interest: 0 } });
    expect(loanState(product(), grace, [disbursed(grace)], '2025-01-06').repayment.pattern).toBe('single-principal');
  });
});
