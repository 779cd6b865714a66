// A loan's books day by day from its disbursement: one fold of its events, the books of every day
// from the day before's, and the day's journal entry (the difference). What `plazo simulate`
// shows and what a product test's `books` expectation reads.
import { formatIsoDate, isLastDayOfMonth } from '../calendar/iso-date.ts';
import type { DecimalString, IsoDate, ProductIR } from '../ir/product-ir.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import { booksFactsOf } from '../servicing/books-facts.ts';
import { foldDays, foldPlan, newLedger } from '../servicing/compute-loan-state.ts';
import type { LoanEvent } from '../servicing/loan-event.ts';
import type { JournalEntry, LoanState } from '../servicing/loan-state.ts';
import { snapshot } from '../servicing/snapshot.ts';
import { EMPTY_BOOKS_POSITION } from './accounts.ts';
import { booksEntry } from './books-entry.ts';
import { booksOn } from './books-on.ts';
import type { BooksContext, IvaBasis, JournalLine, LoanBooks, ReserveFacts } from './books-types.ts';

export interface BooksTimelineOptions {
  /** Default 'collection'. */
  readonly ivaOn?: IvaBasis;
  readonly vencidaDays?: BooksContext['vencidaDays'];
  /**
   * The loan's reserve on a month's last day (the reserve dates), e.g. reserveOf with the product's
   * `reserves` policy. Absent: no reserve is set (only the 100% of interest unpaid at a transfer to vencida).
   */
  readonly reserve?: (facts: ReserveFacts) => DecimalString;
}

/** One day of a loan's books: its books and the day's entry (empty when nothing moved). */
export interface BooksDay {
  readonly date: IsoDate;
  readonly books: LoanBooks;
  /** What happened, for a reader: "disbursement", "payment p1", "accrual", "vencida", "reserve"… */
  readonly memo: string;
  readonly lines: readonly JournalLine[];
}

export interface LoanBooksTimeline {
  /** The loan's state on `until` (loanState's). */
  readonly state: LoanState;
  /** Every day from the disbursement through `until`. */
  readonly days: readonly BooksDay[];
}

function memoOf(entries: readonly JournalEntry[], before: LoanBooks | null, after: LoanBooks, reserveDate: boolean, moved: boolean): string {
  const parts: string[] = [];
  let paidOff = false;
  for (const e of entries) {
    if (e.kind === 'disbursed') parts.push('disbursement');
    else if (e.kind === 'payment') parts.push(`payment ${e.allocation.paymentId} ${e.allocation.amount}`);
    else if (e.kind === 'restructured') parts.push('restructure');
    else if (e.kind === 'written-off') parts.push('write-off');
    else if (e.kind === 'paid-off') paidOff = true;
    else if (e.kind === 'fee-charged') parts.push(`fee ${e.name}`);
  }
  // The fold marks a loan paid off before it records the payment that settled it.
  if (paidOff) parts.push('paid off');
  if (before !== null && before.stage !== after.stage) parts.push(after.stage === 'vencida' ? 'transfer to cartera vencida' : 'back to cartera vigente');
  if (reserveDate) parts.push('month-end reserve');
  if (parts.length === 0 && moved) parts.push('accrual');
  return parts.join(', ');
}

/**
 * The books of the loan on every day from its disbursement through `until`, from its `events`
 * (loanState's input: validated, a reversed payment left out): each day's books from the day
 * before's (booksOn), reserves on month ends through `options.reserve`, and the entry of the
 * day. Throws InvalidInputError as loanState does (paths `events[i]…`, `asOf` for `until`).
 */
export function booksTimeline(product: ProductIR, terms: LoanTerms, events: readonly LoanEvent[], until: IsoDate, options: BooksTimelineOptions = {}): LoanBooksTimeline {
  const { fold, start, end, reversed } = foldPlan(terms, events, until);
  const ledger = newLedger(product, terms);
  const base: BooksContext = { decimals: terms.decimals, ivaOn: options.ivaOn ?? 'collection', ...(options.vencidaDays ? { vencidaDays: options.vencidaDays } : {}) };
  const withReserve: BooksContext | null = options.reserve ? { ...base, reserve: options.reserve } : null;
  const days: BooksDay[] = [];
  let books: LoanBooks | null = null;
  let seen = 0;
  for (let day = start; day <= end; day++) {
    foldDays(ledger, fold, day, day);
    const date = formatIsoDate(day);
    const reserveDate = withReserve !== null && isLastDayOfMonth(day) && ledger.status === 'active';
    const next = booksOn(booksFactsOf(ledger, day, date, null), books, reserveDate ? withReserve : base, terms);
    const lines = booksEntry(books?.position ?? EMPTY_BOOKS_POSITION, next.position, terms.decimals);
    days.push(Object.freeze({ date, books: next, memo: memoOf(ledger.journal.slice(seen), books, next, reserveDate, lines.length > 0), lines: Object.freeze(lines) }));
    seen = ledger.journal.length;
    books = next;
  }
  return Object.freeze({ state: snapshot(ledger, end, reversed), days: Object.freeze(days) });
}
