// Money invariants of a loan's books over random loans and histories (payments of any size,
// reversals, fees, restructures, write-offs): every position sums to zero, the day-by-day entries
// add up to the last position, receivables are never negative (money paid ahead is 2410), a paid
// off loan leaves nothing on the books but cash, income and IVA, and the books agree with the
// engine's earned and paid figures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { booksOn, booksTimeline, Dec, loanState, parseLoanTerms, positionTotal, roundTo, type BooksContext, type LoanBooksTimeline, type LoanState, type LoanTerms, type ReserveFacts } from '../../src/index.ts';
import { scenarioArb, type Scenario } from '../servicing/scenarios.ts';

const cents = (x: string | undefined) => (x === undefined ? 0n : BigInt(x.replace('.', '')));

/** The scenario's terms with an opening fee deducted or paid upfront (when they still make a loan). */
function withOpeningFee(terms: LoanTerms, timing: 'deducted' | 'upfront' | null): LoanTerms {
  if (timing === null) return terms;
  try {
    return parseLoanTerms({ ...terms, fees: [...terms.fees, { name: 'apertura', percent: '0.02', timing }] });
  } catch {
    return terms;
  }
}

const caseArb = fc.record({
  s: scenarioArb,
  ivaOn: fc.constantFrom<BooksContext['ivaOn']>('collection', 'accrual'),
  reserveRate: fc.option(fc.constantFrom('0.01', '0.15', '0.5', '1'), { nil: undefined }),
  opening: fc.constantFrom<'deducted' | 'upfront' | null>(null, null, 'deducted', 'upfront'),
  probe: fc.nat(),
});

interface Case {
  readonly s: Scenario;
  readonly terms: LoanTerms;
  readonly ctx: Pick<BooksContext, 'ivaOn'>;
  readonly reserve: ((f: ReserveFacts) => string) | undefined;
  readonly t: LoanBooksTimeline;
}

function run(c: typeof caseArb extends fc.Arbitrary<infer T> ? T : never): Case | null {
  const terms = withOpeningFee(c.s.terms, c.opening);
  const reserve = c.reserveRate === undefined ? undefined : (f: ReserveFacts) => roundTo(new Dec(f.exposure).times(c.reserveRate!), terms.decimals, 'half-even').toFixed(terms.decimals);
  let t: LoanBooksTimeline;
  try {
    t = booksTimeline(c.s.ir, terms, c.s.events, c.s.asOf, { ivaOn: c.ivaOn, ...(reserve ? { reserve } : {}) });
  } catch (error) {
    // Histories the engine refuses (a restructure of a paid-off loan, an overpayment…) have no books.
    if (error instanceof Error && error.name === 'InvalidInputError') return null;
    if (error instanceof Error && (error.name === 'OverpaymentError' || error.name === 'CatOutOfRangeError')) return null;
    throw error;
  }
  return { s: c.s, terms, ctx: { ivaOn: c.ivaOn }, reserve, t };
}

const RECEIVABLES = ['1100', '1110', '1120', '1130', '1140', '1300', '1310', '1330', '7100'];
const CREDITS = ['1190', '2105', '2300', '2400', '2410', '7900'];

describe('books invariants', () => {
  it('positions sum to zero, entries add up to the last position, signs hold, a paid-off loan is clear', () => {
    let checked = 0;
    fc.assert(
      fc.property(caseArb, (raw) => {
        const c = run(raw);
        if (c === null) return;
        checked++;
        const d = c.terms.decimals;
        const sum = new Map<string, bigint>();
        for (const day of c.t.days) {
          const p = day.books.position;
          expect(positionTotal(p, d)).toBe((0).toFixed(d));
          for (const l of day.lines) {
            expect(cents(l.debit) === 0n || cents(l.credit) === 0n).toBe(true);
            sum.set(l.account, (sum.get(l.account) ?? 0n) + cents(l.debit) - cents(l.credit));
          }
          for (const a of RECEIVABLES) expect(cents(p[a]) >= 0n, `${day.date} ${a} ${p[a]}`).toBe(true);
          for (const a of CREDITS) expect(cents(p[a]) <= 0n, `${day.date} ${a} ${p[a]}`).toBe(true);
          expect(cents(p['1100']) === 0n || cents(p['1300']) === 0n).toBe(true);
          if (day.books.stage === 'vigente') expect(cents(p['7100'])).toBe(0n);
          if (c.ctx.ivaOn === 'accrual') expect(p['2105']).toBeUndefined();
          else expect(cents(p['2105'])).toBe(-cents(p['1140']));
        }
        const last = c.t.days.at(-1)!.books.position;
        const entries = Object.fromEntries([...sum].filter(([, v]) => v !== 0n).map(([a, v]) => [a, v]));
        expect(entries).toEqual(Object.fromEntries(Object.entries(last).map(([a, v]) => [a, cents(v)])));
        if (c.t.state.status === 'paid-off') {
          for (const a of [...RECEIVABLES, ...CREDITS]) expect(last[a], a).toBeUndefined();
        }
      }),
      { numRuns: 150, seed: 151 },
    );
    expect(checked).toBeGreaterThan(60);
  });

  it('agree with the engine: principal, credit, cash, and receivables + memorandum − paid ahead = earned − paid', () => {
    fc.assert(
      fc.property(caseArb, (raw) => {
        const c = run(raw);
        if (c === null) return;
        const state: LoanState = c.t.state;
        const p = c.t.days.at(-1)!.books.position;
        const d = c.terms.decimals;
        const collected = state.allocations.filter((a) => a.paymentId !== 'credit').reduce((s, a) => s + cents(a.amount), 0n);
        const consumed = state.restructures.reduce((s, r) => s + cents(r.creditApplied), 0n);
        const schedule = c.t.days[0]!.books.memory.opening;
        // Cash: received − paid out (disbursed net of what was collected at signing).
        expect(cents(p['1000'])).toBe(collected + consumed - cents(schedule.cash));
        expect(cents(p['2200'])).toBe(-cents(state.creditBalance));
        if (state.status === 'written-off') return;
        expect(cents(p['1100']) + cents(p['1300'])).toBe(cents(state.outstanding.principal));
        const comps = ['interest', 'interestIva', 'fees', 'feesIva', 'lateFees', 'lateFeesIva', 'moratorium', 'moratoriumIva'] as const;
        let owed = 0n;
        for (const k of comps) {
          const diff = cents(state.earned[k]) - cents(state.paid[k]);
          // On the collection basis IVA paid ahead of being earned is trasladado at once, not 2410.
          owed += k.endsWith('Iva') && c.ctx.ivaOn === 'collection' && diff < 0n ? 0n : diff;
        }
        const onBooks = ['1110', '1120', '1130', '1140', '1310', '1330', '7100', '2410'].reduce((s, a) => s + cents(p[a]), 0n);
        expect(onBooks).toBe(owed);
        const books = c.t.days.at(-1)!.books;
        if (books.stage === 'vigente' && state.restructures.length === 0 && state.status === 'active') {
          // Vigente: interest income is what was earned; the receivable is what is unpaid of it.
          expect(-cents(p['4100'])).toBe(cents(state.earned.interest));
          const unpaid = cents(state.earned.interest) - cents(state.paid.interest);
          expect(cents(books.accruedInterest)).toBe(unpaid > 0n ? unpaid : 0n);
        }
      }),
      { numRuns: 120, seed: 152 },
    );
  });

  it('booksOn on loanState of a day, from the books of the day before, gives the timeline\'s books', () => {
    fc.assert(
      fc.property(caseArb, (raw) => {
        const c = run(raw);
        if (c === null || c.t.days.length < 2) return;
        const k = 1 + (raw.probe % (c.t.days.length - 1));
        const day = c.t.days[k]!;
        // The timeline leaves a reversed payment out from the start (loanState's rule on its last day).
        const reversed = new Set(c.s.events.flatMap((e) => (e.kind === 'payment-reversal' && e.date <= c.s.asOf ? [e.paymentId] : [])));
        const events = c.s.events.filter((e) => e.kind !== 'payment-reversal' && !(e.kind === 'payment' && reversed.has(e.id)));
        const state = loanState(c.s.ir, c.terms, events, day.date);
        const reserveDate = c.reserve !== undefined && day.memo.includes('month-end reserve');
        const ctx: BooksContext = { decimals: c.terms.decimals, ivaOn: c.ctx.ivaOn, ...(reserveDate ? { reserve: c.reserve } : {}) };
        expect(booksOn(state, c.t.days[k - 1]!.books, ctx, c.terms)).toEqual(day.books);
      }),
      { numRuns: 150, seed: 153 },
    );
  });
});
