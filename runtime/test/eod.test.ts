// End of day: the differential test (state after N nightly closes = the engine's loanState of
// the stored events, books = the engine's books from history, the journal = Σ of the books),
// idempotency, resuming after a failure inside a chunk, and the ledger.
import { addDays, Dec } from '@plazo/engine';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { planPortfolio, type LoanPlan } from '../bench/eod-portfolio.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';
import { eodFingerprint, expectBalanced, expectBooksAgree, expectBooksMatchHistory, expectMatchesEngine, openPlannedLoans, publishPortfolioProducts } from './eod-support.ts';

const START = '2025-01-06';

describe.each(DATABASE_KINDS)('end of day on %s', (kind) => {
  let h: Harness;
  let plans: LoanPlan[];
  let ids: string[];
  const DAYS = 40;
  beforeAll(async () => {
    h = await startHarness(kind);
    const irs = await publishPortfolioProducts(h.db);
    // Seeded random portfolio: products, amounts, terms and payers (on time, late, defaulted).
    const seed = fc.sample(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { seed: 7, numRuns: 1 })[0]!;
    plans = planPortfolio(irs, { n: 8, seed, from: START, to: START, horizon: addDays(START, DAYS), mix: { 'on-time': 0.3, late: 0.5, defaulted: 0.2 } });
    ids = await openPlannedLoans(h, plans);
  }, 300_000);
  afterAll(async () => h?.destroy());

  it('after each nightly close the stored state equals loanState of the stored events (differential)', async () => {
    let reversed = false;
    let quietKept = 0;
    let summariesKept = 0;
    let rev: { loan: string; id: string; on: string } | undefined;
    for (let d = 1; d <= DAYS; d++) {
      const date = addDays(START, d);
      setToday(h, date);
      for (let k = 0; k < plans.length; k++) {
        for (const p of plans[k]!.payments.filter((p) => p.date === date)) {
          const res = await h.request('POST', `/api/v1/loans/${ids[k]}/payments`, { body: { amount: p.amount } });
          expect([200, 201, 409, 422]).toContain(res.status);
          // One reversal of an already closed payment: the next close must refold the loan.
          if (!reversed && res.status === 201 && d > 12) {
            const later = res.body.event.payload.id;
            reversed = true;
            rev = { loan: ids[k]!, id: later, on: addDays(date, 3) };
          }
        }
      }
      if (rev && rev.on === date) {
        const res = await h.request('POST', `/api/v1/loans/${rev.loan}/payments/${rev.id}/reversal`, { body: {} });
        expect(res.status, res.text).toBe(201);
      }
      const [report] = await runEndOfDay(h.db, { through: date, chunkSize: 3, now: () => h.clock.now() });
      expect(report).toMatchObject({ date, status: 'done', loansFailed: 0 });
      if (d % 5 === 0 || d === DAYS || (rev && rev.on === date)) {
        expect(await expectMatchesEngine(h, date)).toBeGreaterThan(0);
        expect(await expectBooksMatchHistory(h, date)).toBeGreaterThan(0);
      }
      // Every night: the journal's loan accounts = Σ of the loans' books, every entry balanced.
      await expectBooksAgree(h);
      await expectBalanced(h);
      const stale = await sql<{ n: number }>`select count(*)::int as n from loan_checkpoints where checkpoint::json->>'asOf' < as_of::text`.execute(h.db);
      quietKept += stale.rows[0]!.n;
      const unchanged = await sql<{ n: number }>`select count(*)::int as n from loan_summaries where changed_on < ${date}`.execute(h.db);
      summariesKept += unchanged.rows[0]!.n;
    }
    // Loans whose figures did not move kept their summary row (and the comparisons above read them).
    expect(summariesKept).toBeGreaterThan(0);
    // Quiet days (only the date moved) left stored checkpoints alone, and the comparisons above covered them.
    expect(quietKept).toBeGreaterThan(0);
    const run = await h.db.selectFrom('eod_runs').selectAll().orderBy('business_date', 'desc').executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'done', loans_failed: 0 });
    // One day-close event per loan and date; every entry balanced.
    const doubled = await sql`select loan_id, effective_on from loan_events where type = 'day-close' group by 1, 2 having count(*) > 1`.execute(h.db);
    expect(doubled.rows).toEqual([]);
    const unbalanced = await sql`select e.id from journal_entries e join journal_lines l on l.entry_id = e.id group by e.id having sum(l.debit) <> sum(l.credit)`.execute(h.db);
    expect(unbalanced.rows).toEqual([]);
    const accrual = await sql<{ n: number }>`select count(*)::int as n from journal_lines where account_code in ('1130', '2105')`.execute(h.db);
    expect(accrual.rows[0]!.n).toBeGreaterThan(0);
    // Closed loans (paid off here) keep no receivable, deferred fee, reserve or memorandum on their books.
    const closed = await sql<{ id: string; position: Record<string, string> }>`
      select l.id, l.state->'books'->'position' as position from loans l where l.status <> 'active'`.execute(h.db);
    expect(closed.rows.length).toBeGreaterThan(0);
    for (const c of closed.rows) {
      for (const account of ['1100', '1110', '1120', '1130', '1140', '1190', '1300', '1310', '1330', '2105', '2400', '7100', '7900']) expect(c.position[account], `${c.id} ${account}`).toBeUndefined();
    }
    const reversals = await sql<{ n: number }>`select count(*)::int as n from loan_events where type = 'payment-reversal'`.execute(h.db);
    expect(reversals.rows[0]!.n).toBe(1);
    // Every closed date folded the cash-flow changes its payments made.
    const pending = await sql<{ n: number }>`select count(*)::int as n from cash_flow_changes`.execute(h.db);
    expect(pending.rows[0]!.n).toBe(0);
  }, 600_000);

  it('running a closed date again changes nothing', async () => {
    const before = await eodFingerprint(h);
    const date = addDays(START, DAYS);
    expect(await runEndOfDay(h.db, { through: date, chunkSize: 3 })).toEqual([]);
    expect(await eodFingerprint(h)).toEqual(before);
  });

  it('a failure inside a chunk leaves it pending; the next run completes the day with nothing doubled', async () => {
    const date = addDays(START, DAYS + 1);
    setToday(h, date);
    await expect(runEndOfDay(h.db, { through: date, chunkSize: 3, failInChunk: 2, now: () => h.clock.now() })).rejects.toThrow(/injected failure/);
    const chunks = await h.db.selectFrom('eod_chunks').select(['chunk_no', 'status']).where('business_date', '=', date).orderBy('chunk_no').execute();
    expect(chunks.map((c) => c.status)).toContain('pending');
    expect(chunks[0]!.status).toBe('done');
    const [report] = await runEndOfDay(h.db, { through: date, chunkSize: 3, now: () => h.clock.now() });
    expect(report).toMatchObject({ date, status: 'done', loansFailed: 0 });
    const closes = await sql<{ n: number }>`select count(*)::int as n from loan_events where type = 'day-close' and effective_on = ${date}`.execute(h.db);
    const active = await sql<{ n: number }>`select count(*)::int as n from loans where status = 'active'`.execute(h.db);
    expect(closes.rows[0]!.n).toBe(active.rows[0]!.n);
    expect(await expectMatchesEngine(h, date)).toBeGreaterThan(0);
  });

  it('catches up missed dates in order', async () => {
    const date = addDays(START, DAYS + 4);
    setToday(h, date);
    const reports = await runEndOfDay(h.db, { through: date, chunkSize: 3, now: () => h.clock.now() });
    expect(reports.map((r) => r.date)).toEqual([2, 3, 4].map((k) => addDays(START, DAYS + k)));
    expect(await expectMatchesEngine(h, date)).toBeGreaterThan(0);
  });

  it('the run that closes a month end records the vintage points of that month, once', async () => {
    const monthEnd = '2025-02-28';
    setToday(h, monthEnd);
    await runEndOfDay(h.db, { through: monthEnd, chunkSize: 3, now: () => h.clock.now() });
    const points = await sql<{ mob: number; loans: number }>`select months_on_book as mob, sum(loans)::int as loans from vintage_points where month_end = ${monthEnd} group by 1`.execute(h.db);
    expect(points.rows).toEqual([{ mob: 1, loans: plans.length }]);
    expect(await runEndOfDay(h.db, { through: monthEnd, chunkSize: 3 })).toEqual([]);
  });
});
