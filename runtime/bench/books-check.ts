// The books of a generated portfolio after the benchmark's closes (EOD_BENCH_BOOKS_CHECK=1), what
// issue 15 asks of a 100,000-loan portfolio: the books check `plazo eod` ends with (the journal's
// loan accounts = Σ of the stored books, every position summing to zero), every night's entries
// balanced, and the journal's accrued interest (1110 + 1310), allowance (−1190) and cartera vencida
// (1300) equal to the engine's books of every loan recomputed here from its stored events — its
// fold through the first close, then each night (advanceLoan), booksOn each night from the night
// before's with the reserves of a month end — summed over the portfolio, and compared loan by loan. Prints one line per
// figure; throws when one differs.
import { advanceLoan, booksOn, Dec, toCompactCheckpoint, type AdvancedCompactLoan, type AdvancedLoan, type CompactCheckpoint, type LoanBooks, type LoanEvent, type LoanState, type LoanTerms, type ProductIR } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { checkBooks } from '../src/ledger/books-check.ts';
import { booksSettings, type BooksSettings } from '../src/ledger/books-settings.ts';
import { booksContext, productReserve } from '../src/ledger/loan-books.ts';
import { irOf } from '../src/products/product-versions.ts';
import { isMonthEnd } from '../src/reports/vintage-curves.ts';

const BATCH = 5000;

/** The engine's books of one loan on each date of `nights` up to `until`, from its stored events (the runtime's day closes and write-offs included). */
function engineBooks(ir: ProductIR, terms: LoanTerms, events: readonly { date: string; event: LoanEvent }[], nights: readonly string[], until: string, settings: BooksSettings) {
  let books: LoanBooks | null = null;
  let cp: CompactCheckpoint | null = null;
  let state: LoanState | null = null;
  for (const date of nights) {
    if (date > until) break;
    // A write-off the close appended after its day close: the close's books first, then the write-off's (as the runtime posts them).
    const upTo = events.filter((e) => e.date <= date);
    const close = upTo.findIndex((e) => e.date === date && e.event.kind === 'day-close');
    const steps = close >= 0 && close < upTo.length - 1 ? [upTo.slice(0, close + 1), upTo] : [upTo];
    for (const [k, list] of steps.entries()) {
      let now: LoanState;
      if (cp === null || steps.length > 1) {
        const full: AdvancedLoan = advanceLoan(ir, terms, null, list.map((e) => e.event), date);
        cp = toCompactCheckpoint(ir, terms, full.checkpoint);
        now = full.state;
      } else {
        const next: AdvancedCompactLoan = advanceLoan(ir, terms, cp, list.filter((e) => e.date === date).map((e) => e.event), date);
        cp = next.checkpoint;
        now = next.state;
      }
      state = now;
      const reserve = k === 0 && isMonthEnd(date) && now.status === 'active' ? productReserve(ir, terms) : null;
      books = booksOn(now, books, booksContext(settings, terms, reserve), terms);
    }
  }
  return { books: books!, active: state!.status === 'active', principal: state!.outstanding.principal };
}

export async function checkPortfolioBooks(db: Kysely<Database>, nights: readonly string[], log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const check = await checkBooks(db);
  log(`  books check (plazo eod's): ${check.ok ? 'agrees' : 'DIFFERS'} — ${check.loans.toLocaleString('en-US')} loans, ${check.ledgerDifferences.length} accounts and ${check.loanDifferences.length} loans differ`);
  const nightly = await sql<{ d: string; debits: string; credits: string }>`
    select e.entry_date::text as d, sum(l.debit)::text as debits, sum(l.credit)::text as credits from journal_entries e join journal_lines l on l.entry_id = e.id group by 1 order by 1`.execute(db);
  const unbalanced = nightly.rows.filter((n) => !new Dec(n.debits).eq(n.credits));
  log(`  trial balance: ${nightly.rows.length} dates with entries, ${unbalanced.length === 0 ? 'every one balanced' : `UNBALANCED on ${unbalanced.map((n) => n.d).join(', ')}`}`);

  const settings = await booksSettings(db);
  const irs = new Map<string, ProductIR>();
  const sums = { accrued: new Dec(0), reserve: new Dec(0), vencida: new Dec(0) };
  let differing = 0;
  let loans = 0;
  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const batch = await sql<{ id: string; product_version_id: string; terms: LoanTerms; books: LoanBooks }>`
      select id, product_version_id, terms, state->'books' as books from loans where id > ${after}::uuid and jsonb_typeof(state->'books') = 'object' order by id limit ${BATCH}`.execute(db);
    if (batch.rows.length === 0) break;
    after = batch.rows.at(-1)!.id;
    const events = await sql<{ loan_id: string; effective_on: string; payload: LoanEvent }>`
      select loan_id, effective_on::text, payload from loan_events where loan_id = any(${batch.rows.map((r) => r.id)}::uuid[]) order by loan_id, seq`.execute(db);
    const byLoan = new Map<string, { date: string; event: LoanEvent }[]>();
    for (const e of events.rows) {
      const list = byLoan.get(e.loan_id) ?? [];
      list.push({ date: e.effective_on, event: e.payload });
      byLoan.set(e.loan_id, list);
    }
    for (const r of batch.rows) {
      if (!irs.has(r.product_version_id)) irs.set(r.product_version_id, await irOf(db, r.product_version_id));
      const mine = engineBooks(irs.get(r.product_version_id)!, r.terms, byLoan.get(r.id) ?? [], nights, r.books.date, settings);
      loans++;
      sums.accrued = sums.accrued.plus(mine.books.accruedInterest);
      sums.reserve = sums.reserve.plus(mine.books.reserve);
      if (mine.active && mine.books.stage === 'vencida') sums.vencida = sums.vencida.plus(mine.principal);
      if (JSON.stringify(mine.books.position) !== JSON.stringify(r.books.position)) {
        if (differing < 3) log(`    loan ${r.id} on ${r.books.date}: stored ${JSON.stringify(r.books.position)}, engine ${JSON.stringify(mine.books.position)}`);
        differing++;
      }
    }
  }
  const gl = async (codes: string[]) => new Dec((await sql<{ b: string }>`select coalesce(sum(debit - credit), 0)::text as b from journal_lines where account_code = any(${codes})`.execute(db)).rows[0]!.b);
  const figures: [string, Dec, Dec][] = [
    ['accrued interest (1110 + 1310)', await gl(['1110', '1310']), sums.accrued],
    ['allowance (−1190)', (await gl(['1190'])).negated(), sums.reserve],
    ['cartera vencida (1300)', await gl(['1300']), sums.vencida],
  ];
  for (const [name, ledger, engine] of figures) log(`  ${name.padEnd(32)} ledger ${ledger.toFixed(2).padStart(16)} · engine ${engine.toFixed(2).padStart(16)} ${ledger.eq(engine) ? 'equal' : 'DIFFERENT'}`);
  log(`  engine books recomputed for ${loans.toLocaleString('en-US')} loans: ${differing} positions differ from the stored ones · ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (!check.ok || unbalanced.length > 0 || differing > 0 || figures.some(([, a, b]) => !a.eq(b))) throw new Error('the portfolio books check failed (see above)');
}
