// The accrual books against the engine, through the real service. A differential test: seeded
// random histories (the example products with their `reserves` policies; payers on time, late,
// partial and stopping; reversals of closed payments; restructures of loans in arrears) over four
// months of nightly closes. After every close: the journal's loan accounts = Σ of the loans'
// stored books and every entry balanced; regularly, and the day after any reversal or restructure,
// every loan's stored books = booksOn of fresh full folds (loanState of its events, no checkpoint)
// day by day from its disbursement, reserves at each month end (eod-support.ts booksAsKnown). A restructure leaves no interest,
// penalty or moratorium receivable; a loan reaching a stage that writes off is written off by that
// night's close. Then the same with IVA owed on accrual (the institution's setting).
import { addDays, Dec, generateSchedule, type LoanTerms } from '@plazo/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { planPortfolio, type LoanPlan } from '../bench/eod-portfolio.ts';
import { seededRandom } from '../src/bootstrap/portfolio-sampling.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';
import { expectBalanced, expectBooksAgree, expectBooksMatchFolds, openPlannedLoans, publishPortfolioProducts } from './eod-support.ts';

const START = '2025-01-06';
const DAYS = 118; // through 2025-05-04: the month ends of January to April

/** What the driver does with one loan. */
interface Driver {
  readonly plan: LoanPlan;
  readonly id: string;
  /** Restructure the loan the first night it is 31..80 days past due. */
  readonly restructures: boolean;
  /** After a restructure: pay each installment of the new schedule on its due date. */
  prompt: boolean;
  /** A payment to reverse, and the date to do it. */
  reversal: { readonly paymentId: string; readonly on: string } | null;
  reversed: boolean;
}

async function history(h: Harness, seed: number, n: number): Promise<{ restructured: number; reversed: number; writtenOff: number; vencida: number }> {
  const irs = await publishPortfolioProducts(h.db);
  // The sample holds the histories the rules are about (a group credit that stops paying reaches
  // vencida at 90 days and its castigo at 91; a payroll advance unpaid is vencida at 30; late
  // payers of periodic credits), the rest drawn as it comes.
  const pool = planPortfolio(irs, { n: 200, seed, from: START, to: addDays(START, 20), horizon: addDays(START, DAYS), mix: { 'on-time': 0.3, late: 0.4, defaulted: 0.3 } });
  const wanted: [string, LoanPlan['payer']][] = [['microcredito_grupal', 'defaulted'], ['adelanto_nomina', 'defaulted'], ['financiamiento_tienda', 'late'], ['capital_trabajo', 'late'], ['nomina', 'late']];
  const plans: LoanPlan[] = [];
  for (const [product, payer] of wanted) {
    const found = pool.find((p) => p.product === product && p.payer === payer && (payer !== 'defaulted' || p.payments.length <= 1));
    if (found) plans.push(found);
  }
  for (const p of pool) if (plans.length < n && !plans.includes(p)) plans.push(p);
  const ids = await openPlannedLoans(h, plans);
  const rnd = seededRandom(seed);
  const drivers: Driver[] = plans.map((plan, k) => ({ plan, id: ids[k]!, restructures: plan.payer === 'late' && rnd() < 0.6, prompt: false, reversal: null, reversed: false }));
  let reversals = 0;
  let restructures = 0;
  let lastCheck = '';
  const maxVencida = { n: 0 };
  for (let d = 1; d <= DAYS; d++) {
    const date = addDays(START, d);
    setToday(h, date);
    let touched = false;
    for (const driver of drivers) {
      const loan = await h.db.selectFrom('loans').select(['status', 'terms']).where('id', '=', driver.id).executeTakeFirstOrThrow();
      if (loan.status !== 'active') continue;
      if (driver.prompt) {
        // The restructured schedule, paid on time: what each installment still owes on its due date.
        const view = await h.request('GET', `/api/v1/loans/${driver.id}?asOf=${date}`);
        for (const inst of view.body.state.installments.filter((i: { dueDate: string; status: string }) => i.dueDate === date && i.status !== 'paid')) {
          const res = await h.request('POST', `/api/v1/loans/${driver.id}/payments`, { body: { amount: inst.outstanding.total } });
          expect([201, 422], res.text).toContain(res.status);
        }
      } else {
        for (const p of driver.plan.payments.filter((p) => p.date === date)) {
          const res = await h.request('POST', `/api/v1/loans/${driver.id}/payments`, { body: { amount: p.amount } });
          expect([201, 409, 422], res.text).toContain(res.status);
          // Now and then a payment bounces two days later (after two closes folded it).
          if (res.status === 201 && driver.reversal === null && reversals < 3 && rnd() < 0.15) {
            driver.reversal = { paymentId: res.body.event.payload.id, on: addDays(date, 2) };
            reversals++;
          }
        }
      }
      if (driver.reversal && !driver.reversed && driver.reversal.on === date) {
        const res = await h.request('POST', `/api/v1/loans/${driver.id}/payments/${driver.reversal.paymentId}/reversal`, { body: { reason: 'rebotado' } });
        expect(res.status, res.text).toBe(201);
        driver.reversed = true;
        touched = true;
      }
      if (driver.restructures && !driver.prompt) {
        const dpd = await h.db.selectFrom('loan_summaries').select('days_past_due').where('loan_id', '=', driver.id).executeTakeFirst();
        if (dpd && dpd.days_past_due >= 31 && dpd.days_past_due <= 80) {
          const terms = loan.terms as unknown as LoanTerms;
          const res = await h.request('POST', `/api/v1/loans/${driver.id}/restructure`, { body: { installments: Math.max(2, Math.min(8, generateSchedule(terms).installments.length)) } });
          expect(res.status, res.text).toBe(201);
          // Nothing capitalised stays a receivable: interest, penalties, moratorium and their IVA are principal now.
          const { state } = await h.db.selectFrom('loans').select('state').where('id', '=', driver.id).executeTakeFirstOrThrow();
          const position = (state as { books: { position: Record<string, string> } }).books.position;
          for (const account of ['1110', '1120', '1130', '1140', '1310', '1330', '2105']) expect(position[account], `${driver.id} ${account} after its restructure`).toBeUndefined();
          driver.prompt = true;
          restructures++;
          touched = true;
        }
      }
    }
    const [report] = await runEndOfDay(h.db, { through: date, chunkSize: 4, now: () => h.clock.now() });
    expect(report).toMatchObject({ date, status: 'done', loansFailed: 0 });
    await expectBooksAgree(h);
    await expectBalanced(h);
    const monthEnd = addDays(date, 1).endsWith('-01');
    if (d % 7 === 0 || monthEnd || touched || d === DAYS || lastCheck === '') {
      await expectBooksMatchFolds(h, null);
      lastCheck = date;
    }
    const vencida = await sql<{ n: number }>`select count(*)::int as n from loans where state->'books'->>'stage' = 'vencida'`.execute(h.db);
    maxVencida.n = Math.max(maxVencida.n, vencida.rows[0]!.n);
  }
  // Loans that reached a stage writing them off were written off by the close, at that stage's first day.
  const writtenOff = await sql<{ id: string; dpd: number }>`
    select l.id, s.days_past_due as dpd from loans l join loan_summaries s on s.loan_id = l.id
    join loan_events e on e.loan_id = l.id and e.type = 'write-off' where l.status = 'written-off'`.execute(h.db);
  const stuck = await sql<{ id: string }>`
    select l.id from loans l join loan_summaries s on s.loan_id = l.id where l.status = 'active' and s.stage in ('castigo', 'judicial') and s.days_past_due >= 91
      and l.product_code <> 'nomina'`.execute(h.db);
  expect(stuck.rows).toEqual([]);
  return { restructured: restructures, reversed: reversals, writtenOff: writtenOff.rows.length, vencida: maxVencida.n };
}

describe.each(DATABASE_KINDS)('accrual books through the service on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  }, 120_000);
  afterAll(async () => h?.destroy());

  it('keep books = the engine loan by loan, the journal = Σ of the books, over four months of random histories', async () => {
    const seen = await history(h, 20261210, 12);
    // The histories went where the rules are: restructures, reversals, vencida, write-offs, reserves.
    expect(seen.restructured).toBeGreaterThan(0);
    expect(seen.reversed).toBeGreaterThan(0);
    expect(seen.vencida).toBeGreaterThan(0);
    expect(seen.writtenOff).toBeGreaterThan(0);
    const allowance = await sql<{ b: string }>`select coalesce(sum(debit - credit), 0)::text as b from journal_lines where account_code = '1190'`.execute(h.db);
    expect(new Dec(allowance.rows[0]!.b).lt(0)).toBe(true);
  }, 1_800_000);
});

describe('accrual books with IVA owed on accrual', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite');
  }, 120_000);
  afterAll(async () => h?.destroy());

  it('keep books = the engine with the setting, and no IVA not collected (2105)', async () => {
    const set = await h.request('PUT', '/api/v1/accounting/settings', { body: { ivaOn: 'accrual' } });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toEqual({ ivaOn: 'accrual', vencidaDays: { single: 30, periodic: 90 }, vencidaDaysDefault: true });
    await history(h, 7, 6);
    const iva = await sql<{ n: number }>`select count(*)::int as n from journal_lines where account_code = '2105'`.execute(h.db);
    expect(iva.rows[0]!.n).toBe(0);
  }, 1_800_000);
});
