// The regulatory books of one loan with hand-derived figures: each expected amount is derived in
// the comment beside it from the rule (DOMAIN.md "Regulatory accounting", BOOKS.md), never read
// back from the code.
import { describe, expect, it } from 'vitest';
import { booksEntry, booksOn, booksTimeline, EMPTY_BOOKS_POSITION, loanState, parseLoanTerms, positionTotal, type BooksDay, type LoanEvent } from '../../src/index.ts';
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
