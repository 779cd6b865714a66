// Books expectations of a product test (`expect on DATE books stage vencida reserve N accrued N
// deferred N`): the test's loan is booked day by day from its disbursement (booksTimeline, with
// the product's `reserves` policy on month ends) and its books on DATE compared with the test's.
import { booksTimeline } from '../books/books-timeline.ts';
import { reserveOf } from '../books/reserve.ts';
import { Dec } from '../decimal.ts';
import type { Decision } from '../decision/decision.ts';
import { InvalidInputError } from '../errors.ts';
import type { ProductIR, ProductTest, TestExpectation } from '../ir/product-ir.ts';
import type { LoanBooks } from '../books/books-types.ts';
import { testLoan, type StateCheck } from './check-state-expectation.ts';

export type BooksExpectation = Extract<TestExpectation, { kind: 'books' }>;

/**
 * Checks a books expectation. The loan is the one a loan-state expectation services (the offer
 * disbursed on the test's `disburse` date, its payments as events), booked with the engine's books
 * (IVA on collection, vencida at the default 30 / 90 days past due) and the product's `reserves`
 * policy on every month's last day (reserveOf at the terms' scale and the product's rounding; no
 * policy: no reserve but the 100% of interest unpaid at a transfer to vencida). On DATE it gives:
 * `stage` the book stage, `reserve` the allowance (−1190), `accrued` the ordinary interest earned
 * unpaid on the books (1110 + 1310), `deferred` the opening fees not yet amortised (−2400). A
 * decision without an offer fails the expectation; a loan the servicing engine rejects, or a date
 * before the disbursement, is an error.
 */
export function checkBooksExpectation(ir: ProductIR, test: ProductTest, expectation: BooksExpectation, decision: Decision): StateCheck {
  const wanted = describe(expectation.on, expectation);
  if (!decision.offer) {
    return { result: Object.freeze({ expectation, passed: false, expected: wanted, actual: `no loan to book: no offer (${decision.outcome})` }) };
  }
  let books: LoanBooks;
  try {
    const { terms, events } = testLoan(ir, test, decision);
    const policy = ir.reserves;
    const mode = ir.pricing.rounding.mode;
    const timeline = booksTimeline(ir, terms, events, expectation.on, policy ? { reserve: (facts) => reserveOf(policy, facts, terms.decimals, mode) } : {});
    books = timeline.days[timeline.days.length - 1]!.books;
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return { error: `the loan cannot be booked: ${error.message}` };
  }
  const same = (a: string, b: string) => new Dec(a).eq(b);
  const passed =
    (expectation.stage === undefined || books.stage === expectation.stage) &&
    (expectation.reserve === undefined || same(books.reserve, expectation.reserve)) &&
    (expectation.accrued === undefined || same(books.accruedInterest, expectation.accrued)) &&
    (expectation.deferred === undefined || same(books.deferredFees, expectation.deferred));
  const actual = describe(expectation.on, {
    ...(expectation.stage !== undefined ? { stage: books.stage } : {}),
    ...(expectation.reserve !== undefined ? { reserve: books.reserve } : {}),
    ...(expectation.accrued !== undefined ? { accrued: books.accruedInterest } : {}),
    ...(expectation.deferred !== undefined ? { deferred: books.deferredFees } : {}),
  });
  return { result: Object.freeze({ expectation, passed, expected: wanted, actual }) };
}

/** `on DATE books stage S reserve N accrued N deferred N`, the figures given. */
function describe(on: string, figures: { readonly stage?: string; readonly reserve?: string; readonly accrued?: string; readonly deferred?: string }): string {
  const parts = [`on ${on} books`];
  if (figures.stage !== undefined) parts.push(`stage ${figures.stage}`);
  if (figures.reserve !== undefined) parts.push(`reserve ${figures.reserve}`);
  if (figures.accrued !== undefined) parts.push(`accrued ${figures.accrued}`);
  if (figures.deferred !== undefined) parts.push(`deferred ${figures.deferred}`);
  return parts.join(' ');
}
