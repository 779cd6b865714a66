// Vintage curves from month-end points: four loans whose delinquency is worked out by hand from
// their due dates, the end of day run day by day with the month-end points recorded after each
// closed month, and the report (JSON and CSV) checked figure by figure.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { isMonthEnd, recordVintagePoints } from '../src/reports/vintage-curves.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { publishProduct } from './support/products.ts';
import { setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const MICRO = readFileSync(new URL('../../examples/microcredito_grupal.plazo', import.meta.url), 'utf8');
const AT = { actor: 'system', at: '2025-05-01T06:00:00.000Z' };

/** Flat 52% weekly: 12 installments of principal/12, interest principal × 52% / 52 each, IVA 16% on it. */
function terms(principal: string, disbursementDate: string) {
  return { principal, annualRate: '0.52', installments: 12, frequency: 'weekly', method: 'flat', interestBasis: 'period', disbursementDate, decimals: 2, rounding: 'half-even', tax: { rate: '0.16', on: ['interest'] }, fees: [] };
}

async function openLoan(h: Harness, ref: string, principal: string, date: string): Promise<string> {
  setToday(h, date);
  const opened = await h.request('POST', '/api/v1/loans/import', { body: { product: 'microcredito_grupal', terms: terms(principal, date), externalRef: ref } });
  expect(opened.status, opened.text).toBe(201);
  expect((await h.request('POST', `/api/v1/loans/${opened.body.loan.id}/disbursement`, { body: {} })).status).toBe(201);
  return opened.body.loan.id;
}

async function pay(h: Harness, id: string, date: string, amount: string): Promise<void> {
  setToday(h, date);
  const res = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount, date } });
  expect(res.status, res.text).toBe(201);
}

describe.each(DATABASE_KINDS)('vintage curves on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'microcredito_grupal', MICRO);
    // Vintage 2025-01: A never pays (first due 01-13); B pays off on 02-03; C pays installments 1 and 2
    // (02-03, 02-10) and then nothing (installment 3 due 02-17). Vintage 2025-02: D never pays (first due 02-17).
    const a = await openLoan(h, 'A', '10000.00', '2025-01-06');
    await runEndOfDay(h.db, { through: '2025-01-06' });
    const b = await openLoan(h, 'B', '20000.00', '2025-01-20');
    const c = await openLoan(h, 'C', '30000.00', '2025-01-27');
    await runEndOfDay(h.db, { through: '2025-02-02' });
    const payoff = await h.request('GET', `/api/v1/loans/${b}/payoff?date=2025-02-03`);
    await pay(h, b, '2025-02-03', payoff.body.payoff.total);
    const schedule = (await h.request('GET', `/api/v1/loans/${c}`)).body.schedule.installments;
    await pay(h, c, '2025-02-03', schedule[0].total);
    await runEndOfDay(h.db, { through: '2025-02-09' });
    await pay(h, c, '2025-02-10', schedule[1].total);
    await openLoan(h, 'D', '10000.00', '2025-02-10');
    for (const monthEnd of ['2025-02-28', '2025-03-31', '2025-04-30']) {
      await runEndOfDay(h.db, { through: monthEnd });
      // What the end of day must do after closing a month end (see README): record its points.
      expect(await recordVintagePoints(h.db, monthEnd, AT)).toEqual({ points: monthEnd === '2025-02-28' ? 1 : 2 });
    }
    expect(a).toBeTruthy();
  }, 600_000);
  afterAll(async () => h?.destroy());

  it('records each vintage at each month end: originated, ever 30+/60+/90+ and 30+ on the day', async () => {
    const points = await sql<Record<string, unknown>>`
      select to_char(origination_month, 'YYYY-MM') as v, months_on_book as mob, month_end::text as m, loans, principal::text as p,
             ever_30_loans as e30, ever_30_principal::text as e30p, ever_60_loans as e60, ever_90_loans as e90, dpd_30_loans as d30, dpd_30_principal::text as d30p
      from vintage_points order by origination_month, months_on_book`.execute(h.db);
    // A: 46 / 77 days past due on Feb 28 / Mar 31, written off by the end of day at 91 (Apr 14: the
    // product's castigo stage writes off), so not 30+ on Apr 30 (it keeps its ever figures);
    // C: 11 / 42 / 72; D: – / 42 / 72; B paid off.
    expect(points.rows).toEqual([
      { v: '2025-01', mob: 1, m: '2025-02-28', loans: 3, p: '60000.00', e30: 1, e30p: '10000.00', e60: 0, e90: 0, d30: 1, d30p: '10000.00' },
      { v: '2025-01', mob: 2, m: '2025-03-31', loans: 3, p: '60000.00', e30: 2, e30p: '40000.00', e60: 1, e90: 0, d30: 2, d30p: '40000.00' },
      { v: '2025-01', mob: 3, m: '2025-04-30', loans: 3, p: '60000.00', e30: 2, e30p: '40000.00', e60: 2, e90: 1, d30: 1, d30p: '30000.00' },
      { v: '2025-02', mob: 1, m: '2025-03-31', loans: 1, p: '10000.00', e30: 1, e30p: '10000.00', e60: 0, e90: 0, d30: 1, d30p: '10000.00' },
      { v: '2025-02', mob: 2, m: '2025-04-30', loans: 1, p: '10000.00', e30: 1, e30p: '10000.00', e60: 1, e90: 0, d30: 1, d30p: '10000.00' },
    ]);
  });

  it('reports the curves by amount or by loans, for each metric, as JSON and CSV', async () => {
    const curves = await h.request('GET', '/api/v1/reports/vintage-curves?months=3', { key: h.keys['risk-analyst'] });
    expect(curves.status, curves.text).toBe(200);
    expect(curves.body.columns).toEqual(['vintage', 'product', 'loans', 'principal', 'mob_1', 'mob_2', 'mob_3']);
    expect(curves.body.rows).toEqual([
      { vintage: '2025-01', product: 'microcredito_grupal', loans: 3, principal: '60000.00', mob_1: '0.166667', mob_2: '0.666667', mob_3: '0.666667' },
      { vintage: '2025-01', product: '*', loans: 3, principal: '60000.00', mob_1: '0.166667', mob_2: '0.666667', mob_3: '0.666667' },
      { vintage: '2025-02', product: 'microcredito_grupal', loans: 1, principal: '10000.00', mob_1: '1.000000', mob_2: '1.000000', mob_3: null },
      { vintage: '2025-02', product: '*', loans: 1, principal: '10000.00', mob_1: '1.000000', mob_2: '1.000000', mob_3: null },
    ]);
    const byLoans = await h.request('GET', '/api/v1/reports/vintage-curves?months=3&basis=loans&product=microcredito_grupal');
    expect(byLoans.body.rows[0]).toMatchObject({ mob_1: '0.333333', mob_2: '0.666667', mob_3: '0.666667' });
    const ever60 = await h.request('GET', '/api/v1/reports/vintage-curves?months=3&metric=ever-60');
    expect(ever60.body.rows[0]).toMatchObject({ mob_1: '0.000000', mob_2: '0.166667', mob_3: '0.666667' });
    const ever90 = await h.request('GET', '/api/v1/reports/vintage-curves?months=3&metric=ever-90');
    expect(ever90.body.rows[0]).toMatchObject({ mob_1: '0.000000', mob_2: '0.000000', mob_3: '0.166667' });
    const csv = await h.request('GET', '/api/v1/reports/vintage-curves?months=2&format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toBe(
      'vintage,product,loans,principal,mob_1,mob_2\r\n' +
        '2025-01,microcredito_grupal,3,60000.00,0.166667,0.666667\r\n2025-01,*,3,60000.00,0.166667,0.666667\r\n' +
        '2025-02,microcredito_grupal,1,10000.00,1.000000,1.000000\r\n2025-02,*,1,10000.00,1.000000,1.000000\r\n',
    );
    expect((await h.request('GET', '/api/v1/reports/vintage-curves?metric=ever-45')).status).toBe(422);
    expect((await h.request('GET', '/api/v1/reports/vintage-curves', { key: h.keys['api-client'] })).status).toBe(403);
  });

  it('records a month end again idempotently, refuses other dates and a month the end of day has left', async () => {
    const before = await sql`select * from vintage_points order by 1, 2, 3`.execute(h.db);
    await recordVintagePoints(h.db, '2025-04-30', { actor: 'system', at: '2025-05-01T07:00:00.000Z' });
    const after = await sql`select origination_month, product_code, months_on_book, loans, principal, ever_30_principal from vintage_points order by 1, 2, 3`.execute(h.db);
    expect(after.rows).toEqual(before.rows.map((r: any) => ({ origination_month: r.origination_month, product_code: r.product_code, months_on_book: r.months_on_book, loans: r.loans, principal: r.principal, ever_30_principal: r.ever_30_principal })));
    await expect(recordVintagePoints(h.db, '2025-04-29', AT)).rejects.toMatchObject({ status: 422, code: 'not-a-month-end' });
    await runEndOfDay(h.db, { through: '2025-05-01' });
    await expect(recordVintagePoints(h.db, '2025-04-30', AT)).rejects.toMatchObject({ status: 409, code: 'vintage-month-passed' });
    expect([isMonthEnd('2024-02-29'), isMonthEnd('2025-02-28'), isMonthEnd('2025-02-27'), isMonthEnd('2025-12-31')]).toEqual([true, true, false, true]);
  });
});
