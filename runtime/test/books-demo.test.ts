// The demo portfolio's books (what a first start shows: 150 loans on the example products, with
// their reserve tables, originated over four months, day by day with that night's close; seed 130,
// whose stopped payers leave loans in cartera vencida — the default seed's are all written off). The journal agrees with
// the engine in the figures a regulator reads: accrued interest on the books = Σ of the loans'
// accrued interest by the engine (and, for a performing loan, its interest earned less paid),
// the allowance = Σ of the loans' reserves, cartera vencida = Σ of the outstanding principal of the
// loans the books hold vencida (vigente likewise), and every night's entries balanced.
import { Dec, loanState, type LoanEvent, type LoanTerms } from '@plazo/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { seedDemoPortfolio } from '../src/bootstrap/demo-portfolio.ts';
import { loadExampleProducts } from '../src/bootstrap/first-start.ts';
import { fixedClock } from '../src/clock.ts';
import { booksSettings } from '../src/ledger/books-settings.ts';
import { memoryLogger } from '../src/logger.ts';
import { irOf } from '../src/products/product-versions.ts';
import { booksAsKnown, expectBooksAgree } from './eod-support.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from './support/test-database.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

describe.each(DATABASE_KINDS)('the demo portfolio on %s', (kind) => {
  let t: TestDatabase;
  let through: string;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    const clock = fixedClock('2025-06-10T18:00:00Z');
    await loadExampleProducts(t.db, EXAMPLES, clock, memoryLogger('warn'), { demoPortfolio: false });
    const seeded = await seedDemoPortfolio(t.db, clock, memoryLogger('warn'), { seed: 130 });
    expect(seeded.loans).toBe(150);
    through = seeded.eodThrough!;
  }, 900_000);
  afterAll(async () => t?.destroy());

  it('books = the engine: accrued interest, allowance, cartera vigente and vencida; balanced every night', async () => {
    const settings = await booksSettings(t.db);
    const loans = await sql<{ id: string; status: string; product_version_id: string; terms: LoanTerms; books: { date: string } }>`
      select id, status, product_version_id, terms, state->'books' as books from loans where jsonb_typeof(state->'books') = 'object'`.execute(t.db);
    expect(loans.rows).toHaveLength(150);
    let accrued = new Dec(0);
    let reserves = new Dec(0);
    let vencida = new Dec(0);
    let vigente = new Dec(0);
    let vencidaLoans = 0;
    for (const loan of loans.rows) {
      const events = (await sql<{ payload: LoanEvent }>`select payload from loan_events where loan_id = ${loan.id} order by seq`.execute(t.db)).rows.map((e) => e.payload);
      const ir = await irOf(t.db, loan.product_version_id);
      const books = booksAsKnown(loan.id, ir, loan.terms, events, loan.books.date, settings);
      const state = loanState(ir, loan.terms, events, loan.books.date);
      accrued = accrued.plus(books.accruedInterest);
      reserves = reserves.plus(books.reserve);
      if (state.status === 'active') {
        if (books.stage === 'vencida') (vencida = vencida.plus(state.outstanding.principal)), vencidaLoans++;
        else vigente = vigente.plus(state.outstanding.principal);
      }
      // A performing loan's accrued interest is what the engine says it earned and was not paid.
      if (state.status === 'active' && books.stage === 'vigente') {
        const unpaid = new Dec(state.earned.interest).minus(state.paid.interest);
        expect(new Dec(books.accruedInterest).eq(Dec.max(unpaid, 0)), `${loan.id} accrued`).toBe(true);
      }
    }
    const gl = async (codes: string[]) =>
      new Dec((await sql<{ b: string }>`select coalesce(sum(debit - credit), 0)::text as b from journal_lines where account_code = any(${codes})`.execute(t.db)).rows[0]!.b);
    expect((await gl(['1110', '1310'])).toFixed(2)).toBe(accrued.toFixed(2));
    expect((await gl(['1190'])).negated().toFixed(2)).toBe(reserves.toFixed(2));
    expect((await gl(['1300'])).toFixed(2)).toBe(vencida.toFixed(2));
    expect((await gl(['1100'])).toFixed(2)).toBe(vigente.toFixed(2));
    // The portfolio holds what these figures are about.
    expect(accrued.gt(0)).toBe(true);
    expect(reserves.gt(0)).toBe(true);
    expect(vencidaLoans).toBeGreaterThan(0);
    // Every night's entries balance (and so the trial balance of every night).
    const nights = await sql<{ d: string; debits: string; credits: string }>`
      select e.entry_date::text as d, sum(l.debit)::text as debits, sum(l.credit)::text as credits
      from journal_entries e join journal_lines l on l.entry_id = e.id group by e.entry_date order by 1`.execute(t.db);
    expect(nights.rows.length).toBeGreaterThan(100);
    for (const n of nights.rows) expect(new Dec(n.debits).eq(n.credits), n.d).toBe(true);
    expect(nights.rows.at(-1)!.d <= through).toBe(true);
    await expectBooksAgree(t);
  }, 900_000);
});
