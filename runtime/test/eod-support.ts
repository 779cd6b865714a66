// Shared steps of the end-of-day tests: publish the portfolio's products, open planned loans
// through the API (import + disbursement), a fingerprint of what the end of day writes, the
// comparison of what it stored with the engine's fold of the loans' events, and of the loans'
// stored books with their books from history (and of the journal with Σ of the books).
import { readFileSync } from 'node:fs';
import { addDays, booksOn, compactCheckpoint, Dec, loanState, loanSummary, type LoanEvent, type LoanTerms, type ProductIR } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { restoreCheckpoint } from '../src/eod/stored-checkpoint.ts';
import { checkBooks } from '../src/ledger/books-check.ts';
import { booksSettings, type BooksSettings } from '../src/ledger/books-settings.ts';
import { booksContext, booksFromHistory, productReserve, type LoanBooks } from '../src/ledger/loan-books.ts';
import { isMonthEnd } from '../src/reports/vintage-curves.ts';
import { irOf } from '../src/products/product-versions.ts';
import { PORTFOLIO_PRODUCTS, type LoanPlan } from '../bench/eod-portfolio.ts';
import type { Harness } from './support/harness.ts';
import { publishProduct } from './support/products.ts';
import { setToday } from './support/servicing.ts';

/** Publishes the portfolio's example products; returns their IR by code. */
export async function publishPortfolioProducts(db: Kysely<Database>, codes = PORTFOLIO_PRODUCTS.map((p) => p.code)): Promise<Map<string, ProductIR>> {
  const irs = new Map<string, ProductIR>();
  for (const code of codes) {
    const source = readFileSync(new URL(`../../examples/${code}.plazo`, import.meta.url), 'utf8');
    await publishProduct(db, code, source);
    const v = await db
      .selectFrom('product_versions')
      .innerJoin('products', 'products.id', 'product_versions.product_id')
      .select('product_versions.id')
      .where('products.code', '=', code)
      .executeTakeFirstOrThrow();
    irs.set(code, await irOf(db, v.id));
  }
  return irs;
}

/** Opens and disburses each planned loan through the API; returns the loan ids. */
export async function openPlannedLoans(h: Harness, plans: readonly LoanPlan[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [k, plan] of plans.entries()) {
    setToday(h, plan.terms.disbursementDate);
    const opened = await h.request('POST', '/api/v1/loans/import', { body: { product: plan.product, terms: plan.terms, externalRef: `EOD-${k + 1}` } });
    expect(opened.status, opened.text).toBe(201);
    const disbursed = await h.request('POST', `/api/v1/loans/${opened.body.loan.id}/disbursement`, { body: {} });
    expect(disbursed.status, disbursed.text).toBe(201);
    ids.push(opened.body.loan.id);
  }
  return ids;
}

/** Counts and maxima of everything the end of day writes. */
export async function eodFingerprint(h: { db: Kysely<Database> }) {
  const r = await sql`
    select (select count(*)::int from loan_events) as events,
           (select count(*)::int from journal_entries) as entries,
           (select count(*)::int from journal_lines) as lines,
           (select count(*)::int from notification_outbox) as outbox,
           (select count(*)::int from audit_log) as audit,
           (select max(updated_at)::text from loan_servicing) as servicing_updated,
           (select string_agg(loan_id::text || as_of::text || event_seq::text || total_outstanding::text || payoff_total::text, ',' order by loan_id) from loan_servicing) as servicing,
           (select string_agg(loan_id::text || as_of::text || event_seq::text || md5(checkpoint), ',' order by loan_id) from loan_checkpoints) as checkpoints,
           (select md5(string_agg(id::text || coalesce(state->>'books', 'legacy'), ',' order by id)) from loans) as books,
           (select count(*)::int from eod_runs) as runs
  `.execute(h.db);
  return r.rows[0];
}

/** Compares a stored summary row and checkpoint with the engine's fold of the loan's stored events. */
export async function expectMatchesEngine(h: { db: Kysely<Database> }, date: string): Promise<number> {
  const loans = await sql<Record<string, any>>`
    select l.id, l.product_version_id, l.terms, s.*, c.checkpoint, c.as_of as folded_on
    from loans l join loan_servicing s on s.loan_id = l.id join loan_checkpoints c on c.loan_id = l.id where s.as_of = ${date}
  `.execute(h.db);
  const eq = (a: string | null, b: string | null) => (a === null || b === null ? a === b : new Dec(a).eq(b));
  for (const loan of loans.rows) {
    const events = await sql<{ payload: LoanEvent }>`select payload from loan_events where loan_id = ${loan.id} order by seq`.execute(h.db);
    const ir = await irOf(h.db, loan.product_version_id);
    const list = events.rows.map((e) => e.payload);
    const state = loanState(ir, loan.terms as LoanTerms, list, date);
    const expected = loanSummary(state);
    // The stored checkpoint (its date put back after quiet days) is the engine's compact checkpoint of all the events.
    expect(loan.folded_on).toBe(date);
    expect(restoreCheckpoint(loan.checkpoint, loan.folded_on)).toEqual(compactCheckpoint(ir, loan.terms as LoanTerms, list, date));
    expect({ status: loan.status, dpd: loan.days_past_due, stage: loan.stage, bucket: loan.aging_bucket, stopped: loan.accrual_stopped, next: loan.next_due_date }).toEqual({
      status: expected.status,
      dpd: expected.daysPastDue,
      stage: expected.stage,
      bucket: expected.agingBucket,
      stopped: expected.accrualStopped,
      next: expected.nextDue?.date ?? null,
    });
    const money: [string, string | null, string | null][] = [
      ['principal', loan.principal_outstanding, expected.outstanding.principal],
      ['interest', loan.interest_outstanding, expected.outstanding.interest],
      ['iva', loan.iva_outstanding, expected.outstanding.iva],
      ['fees', loan.fees_outstanding, expected.outstanding.fees],
      ['penalties', loan.penalties_outstanding, expected.outstanding.penalties],
      ['total', loan.total_outstanding, expected.outstanding.total],
      ['overdue', loan.overdue_total, expected.overdue],
      ['payoff', loan.payoff_total, expected.payoff],
      ['credit', loan.credit_balance, expected.creditBalance],
      ['nextDue', loan.next_due_amount, expected.nextDue?.amount ?? null],
    ];
    for (const [name, got, want] of money) expect(eq(got, want), `${name}: ${got} vs ${want}`).toBe(true);
  }
  return loans.rows.length;
}

/** How the reference books of a loan are computed: from its product, terms and stored events, on its books' date. */
type BooksReference = (loan: { id: string; ir: ProductIR; terms: LoanTerms; events: readonly LoanEvent[]; date: string; settings: BooksSettings }) => LoanBooks;

/** Every loan's stored books at `date` (null: every loan with books, at its books' date) equal `reference`'s. Returns the number of loans compared. */
async function expectBooksMatch(h: { db: Kysely<Database> }, date: string | null, reference: BooksReference): Promise<number> {
  const settings = await booksSettings(h.db);
  const loans = await sql<{ id: string; product_version_id: string; terms: LoanTerms; books: LoanBooks }>`
    select id, product_version_id, terms, state->'books' as books from loans
    where jsonb_typeof(state->'books') = 'object' and (${date}::text is null or state->'books'->>'date' = ${date}::text)
  `.execute(h.db);
  for (const loan of loans.rows) {
    const events = await sql<{ payload: LoanEvent }>`select payload from loan_events where loan_id = ${loan.id} order by seq`.execute(h.db);
    const ir = await irOf(h.db, loan.product_version_id);
    const expected = reference({ id: loan.id, ir, terms: loan.terms, events: events.rows.map((e) => e.payload), date: loan.books.date, settings });
    expect(loan.books, `books of ${loan.id} on ${loan.books.date}`).toEqual(JSON.parse(JSON.stringify(expected)));
  }
  return loans.rows.length;
}

/**
 * Every loan's stored books at `date` (null: each at its books' date) equal its books from history
 * (the engine's booksTimeline of its stored events: what a conversion from the cash-basis ledger
 * gives). Returns the number of loans compared.
 */
export function expectBooksMatchHistory(h: { db: Kysely<Database> }, date: string | null): Promise<number> {
  return expectBooksMatch(h, date, (l) => booksFromHistory(l.ir, l.terms, l.events, l.date, l.settings));
}

/** Where the reference books of a loan got to: its books on `date` and how many of its events were known then. */
const references = new Map<string, { date: string; books: LoanBooks; known: number }>();

/**
 * A loan's books on `date` from fresh full folds, day by day as the loan's days went: each day's
 * books are booksOn of loanState (every event booked by then, dated up to the day; no checkpoint)
 * from the day before's, reserves on month ends. What the runtime's postings must come to: unlike
 * the engine's booksTimeline, a reversal changes the books from its own date on (a closed month's
 * reserve is not restated), as it does in the runtime.
 */
export function booksAsKnown(loanId: string, ir: ProductIR, terms: LoanTerms, events: readonly LoanEvent[], date: string, settings: BooksSettings): LoanBooks {
  const knownBy = (day: string) => events.filter((e) => e.kind === 'disbursement' || e.date <= day);
  let cached = references.get(loanId);
  if (cached && (cached.date > date || knownBy(cached.date).length !== cached.known)) cached = undefined;
  let books: LoanBooks | null = cached?.books ?? null;
  for (let day = cached ? addDays(cached.date, 1) : terms.disbursementDate; day <= date; day = addDays(day, 1)) {
    const state = loanState(ir, terms, knownBy(day), day);
    const reserve = isMonthEnd(day) && state.status === 'active' ? productReserve(ir, terms) : null;
    books = booksOn(state, books, booksContext(settings, terms, reserve), terms);
  }
  if (books === null) throw new Error(`loan ${loanId}: no books before its disbursement`);
  references.set(loanId, { date, books, known: knownBy(date).length });
  return books;
}

/** Every loan's stored books at `date` (null: each at its books' date) equal its books from fresh full folds day by day (booksAsKnown). */
export function expectBooksMatchFolds(h: { db: Kysely<Database> }, date: string | null): Promise<number> {
  return expectBooksMatch(h, date, (l) => booksAsKnown(l.id, l.ir, l.terms, l.events, l.date, l.settings));
}

/** The books check (the one `plazo eod` ends with) passes: the journal's loan accounts = Σ of the loans' books. */
export async function expectBooksAgree(h: { db: Kysely<Database> }): Promise<void> {
  const check = await checkBooks(h.db);
  expect({ ledger: check.ledgerDifferences, loans: check.loanDifferences }).toEqual({ ledger: [], loans: [] });
}

/** The trial balance of everything posted is balanced (debits = credits) and so is every entry. */
export async function expectBalanced(h: { db: Kysely<Database> }): Promise<void> {
  const totals = await sql<{ d: string; c: string }>`select coalesce(sum(debit), 0)::text as d, coalesce(sum(credit), 0)::text as c from journal_lines`.execute(h.db);
  expect(new Dec(totals.rows[0]!.d).eq(totals.rows[0]!.c)).toBe(true);
  const unbalanced = await sql`select e.id from journal_entries e join journal_lines l on l.entry_id = e.id group by e.id having sum(l.debit) <> sum(l.credit)`.execute(h.db);
  expect(unbalanced.rows).toEqual([]);
}
