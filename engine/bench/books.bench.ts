// The regulatory books at the end of day, per loan: booksOn from closeDay's booksFacts and the
// loan's stored books (JSON.parse of the stored books, booksOn, booksEntry of the day, JSON.stringify
// of the new books), against the end of day's own hot path — closeDay on the compact checkpoint
// (JSON.parse + closeDay + JSON.stringify), the baseline — in the same run, and the two together
// (closeDay, its booksFacts — made when read — and the books), for the 52-week loan of
// the servicing benchmark at day 180: current, overdue (32 DPD, vigente), vencida (nothing paid
// since installment 5: 145 DPD, memorandum growing), and on a month end with a reserve.
import { addDays, booksEntry, booksOn, booksTimeline, closeDay, compactCheckpoint, Dec, generateSchedule, roundTo, type BooksContext, type CompactCheckpoint, type LoanBooks, type LoanEvent, type ReserveFacts } from '../src/index.ts';
import { compareRates, fmt, type Rates } from './measure.ts';
import { benchTerms } from './schedule.bench.ts';
import { benchProduct } from './servicing.bench.ts';

/** An illustrative table by days past due over the exposure (the product's policy in real use). */
function tableReserve(f: ReserveFacts): string {
  const rate = f.stage === 'vencida' ? '1' : f.daysPastDue === 0 ? '0.01' : f.daysPastDue <= 7 ? '0.04' : f.daysPastDue <= 30 ? '0.15' : f.daysPastDue <= 60 ? '0.30' : '0.50';
  return roundTo(new Dec(f.exposure).times(rate), 2, 'half-even').toFixed(2);
}

export function bench(): void {
  const product = benchProduct;
  const terms = benchTerms;
  const schedule = generateSchedule(terms);
  const payments: LoanEvent[] = schedule.installments.map((i, k) => ({ kind: 'payment', id: `p${k}`, date: i.dueDate, amount: i.total }));
  const today = addDays(terms.disbursementDate, 180);
  const tomorrow = addDays(today, 1);
  // 2025-06-30 is a month end: the reserve run's day.
  const monthEnd = '2025-06-30';
  const ctx: BooksContext = { decimals: terms.decimals, ivaOn: 'collection' };
  const withReserve: BooksContext = { ...ctx, reserve: tableReserve };

  interface Case {
    readonly checkpoint: string;
    readonly books: string;
    readonly date: string;
    readonly ctx: BooksContext;
  }
  const caseOf = (paid: readonly LoanEvent[], day: string, next: string, c: BooksContext): Case => {
    const events: LoanEvent[] = [{ kind: 'disbursement', date: terms.disbursementDate }, ...paid.filter((p) => p.date <= day)];
    const timeline = booksTimeline(product, terms, events, day, c.reserve ? { reserve: c.reserve } : {});
    const books = timeline.days.at(-1)!.books;
    // The day's books from closeDay's facts equal the timeline's.
    const closed = closeDay(product, terms, compactCheckpoint(product, terms, events, day), next);
    const check = booksTimeline(product, terms, events, next, c.reserve ? { reserve: c.reserve } : {}).days.at(-1)!.books;
    if (JSON.stringify(booksOn(closed.booksFacts, books, c, terms)) !== JSON.stringify(check)) throw new Error('booksOn on closeDay facts and the books timeline disagree');
    return { checkpoint: JSON.stringify(compactCheckpoint(product, terms, events, day)), books: JSON.stringify(books), date: next, ctx: c };
  };
  const current = caseOf(payments, today, tomorrow, ctx);
  const overdue = caseOf(payments.slice(0, 20), today, tomorrow, ctx);
  const vencida = caseOf(payments.slice(0, 5), today, tomorrow, ctx);
  const reserveDay = caseOf(payments.slice(0, 20), addDays(monthEnd, -1), monthEnd, withReserve);
  if (JSON.parse(vencida.books).stage !== 'vencida' || JSON.parse(overdue.books).stage !== 'vigente') throw new Error('bench books are not as described');

  const facts = (c: Case) => closeDay(product, terms, JSON.parse(c.checkpoint) as CompactCheckpoint, c.date).booksFacts;
  const factsOf = { current: facts(current), overdue: facts(overdue), vencida: facts(vencida), reserveDay: facts(reserveDay) };
  const eod = (c: Case) => JSON.stringify(closeDay(product, terms, JSON.parse(c.checkpoint) as CompactCheckpoint, c.date).checkpoint);
  const books = (c: Case, f: ReturnType<typeof facts>) => {
    const before = JSON.parse(c.books) as LoanBooks;
    const after = booksOn(f, before, c.ctx, terms);
    booksEntry(before.position, after.position, terms.decimals);
    return JSON.stringify(after);
  };
  const both = (c: Case) => {
    const day = closeDay(product, terms, JSON.parse(c.checkpoint) as CompactCheckpoint, c.date);
    const before = JSON.parse(c.books) as LoanBooks;
    const after = booksOn(day.booksFacts, before, c.ctx, terms);
    booksEntry(before.position, after.position, terms.decimals);
    return JSON.stringify(day.checkpoint) + JSON.stringify(after);
  };

  const r = compareRates({
    closeCurrent: () => eod(current),
    booksCurrent: () => books(current, factsOf.current),
    bothCurrent: () => both(current),
    closeOverdue: () => eod(overdue),
    booksOverdue: () => books(overdue, factsOf.overdue),
    closeVencida: () => eod(vencida),
    booksVencida: () => books(vencida, factsOf.vencida),
    bothVencida: () => both(vencida),
    closeReserve: () => eod(reserveDay),
    booksReserve: () => books(reserveDay, factsOf.reserveDay),
  });
  const line = (label: string, x: Rates, base: Rates, note = '') =>
    console.log(`  ${label.padEnd(50)}${fmt(x.wall)} /s wall ${fmt(x.cpu)} /s CPU   ${(base.cpu / x.cpu).toFixed(2).padStart(6)}× closeDay   ${note}`);
  console.log('52-week french loan of the servicing bench at day 180, per loan per day; baseline = closeDay on the compact');
  console.log('checkpoint (JSON.parse + closeDay + JSON.stringify), same run; "books" = JSON.parse of the stored books + booksOn');
  console.log('on closeDay\'s booksFacts (made beforehand) + booksEntry + JSON.stringify; "closeDay + books" also makes the facts;');
  console.log('costs relative to closeDay by CPU time');
  line('current loan: closeDay (baseline)', r.closeCurrent, r.closeCurrent, `${current.books.length.toLocaleString('en-US')} B stored books`);
  line('  books', r.booksCurrent, r.closeCurrent);
  line('  closeDay + books', r.bothCurrent, r.closeCurrent);
  line('overdue loan (32 DPD, vigente): closeDay', r.closeOverdue, r.closeOverdue);
  line('  books', r.booksOverdue, r.closeOverdue);
  line('vencida loan (145 DPD): closeDay', r.closeVencida, r.closeVencida, `${vencida.books.length.toLocaleString('en-US')} B stored books`);
  line('  books', r.booksVencida, r.closeVencida);
  line('  closeDay + books', r.bothVencida, r.closeVencida);
  line(`month end (${monthEnd}) with a reserve table: closeDay`, r.closeReserve, r.closeReserve);
  line('  books (reserve computed)', r.booksReserve, r.closeReserve);
}
