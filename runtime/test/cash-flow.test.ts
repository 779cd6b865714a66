// Expected cash flow from the schedules: every open installment of every active loan by ISO
// week, what fell due before the first day apart. Two flat loans with round figures, a partial
// payment, a reversal, a restructure; the sums are worked out by hand. The rows kept per loan agree
// with a rebuild from the events, and the per-day totals with the rows, before and after compaction.
import { readFileSync } from 'node:fs';
import { loanState, parseLoanTerms, type LoanEvent, type ProductIR } from '@plazo/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { irOf } from '../src/products/product-versions.ts';
import { cashFlowReport, compactCashFlowChanges, openInstallmentChanges, openInstallmentsOf, rebuildOpenInstallments } from '../src/reports/open-installments.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { publishProduct } from './support/products.ts';
import { setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const MICRO = readFileSync(new URL('../../examples/microcredito_grupal.plazo', import.meta.url), 'utf8');

/**
 * Flat 52% weekly in 4 installments: interest principal × 52% × 4/52 / 4 = principal / 100 per
 * installment, IVA 16% of it. 10,000 → 2,500 + 100 + 16 = 2,616.00; 5,000 → 1,250 + 50 + 8 = 1,308.00.
 */
function terms(principal: string, disbursementDate: string) {
  return { principal, annualRate: '0.52', installments: 4, frequency: 'weekly', method: 'flat', interestBasis: 'period', disbursementDate, decimals: 2, rounding: 'half-even', tax: { rate: '0.16', on: ['interest'] }, fees: [] };
}

const row = (week: string, week_start: string, installments: number, principal: string, interest: string, iva: string, expected: string) =>
  ({ week, week_start, installments, principal, interest, iva, fees: '0.00', expected });

describe('the change an event makes to a loan\'s open installments', () => {
  const inst = (installment: number, dueDate: string, principal: string, interest = '100.00', iva = '16.00', fees = '0.00') => ({ installment, dueDate, principal, interest, iva, fees });
  const stored = [inst(1, '2025-03-10', '2500.00'), inst(2, '2025-03-17', '2500.00'), inst(3, '2025-03-24', '2500.00')];

  it('changes nothing when the rows are the same (at any scale)', () => {
    expect(openInstallmentChanges(stored, [inst(1, '2025-03-10', '2500'), stored[1]!, stored[2]!])).toEqual({ gone: [], goneRows: 0, added: [], cashFlow: [] });
  });

  it('replaces a partly paid installment and moves the cash flow by the difference', () => {
    const after = [inst(2, '2025-03-17', '1616.00', '0.00', '0.00'), stored[2]!];
    expect(openInstallmentChanges(stored, after)).toEqual({
      gone: [1, 2],
      goneRows: 2,
      added: [after[0]],
      cashFlow: [
        { dueDate: '2025-03-17', installments: 0, principal: '-884.00', interest: '-100.00', iva: '-16.00', fees: '0.00' },
        { dueDate: '2025-03-10', installments: -1, principal: '-2500.00', interest: '-100.00', iva: '-16.00', fees: '0.00' },
      ],
    });
  });

  it('removes every row of a loan that closes, and a duplicated installment whole', () => {
    const changes = openInstallmentChanges([...stored, stored[0]!], []);
    expect(changes.gone).toEqual([1, 2, 3]);
    expect(changes.goneRows).toBe(4);
    expect(changes.cashFlow.map((c) => [c.dueDate, c.installments, c.principal])).toEqual([
      ['2025-03-10', -2, '-5000.00'],
      ['2025-03-17', -1, '-2500.00'],
      ['2025-03-24', -1, '-2500.00'],
    ]);
    // A stored duplicate is replaced by one row even when the amounts agree.
    expect(openInstallmentChanges([...stored, stored[0]!], stored).added).toEqual([stored[0]]);
  });
});

describe.each(DATABASE_KINDS)('expected cash flow on %s', (kind) => {
  let h: Harness;
  let x: string;
  let y: string;
  let partialId: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'microcredito_grupal', MICRO);
    const open = async (ref: string, principal: string, date: string) => {
      setToday(h, date);
      const opened = await h.request('POST', '/api/v1/loans/import', { body: { product: 'microcredito_grupal', terms: terms(principal, date), externalRef: ref } });
      expect(opened.status, opened.text).toBe(201);
      expect((await h.request('POST', `/api/v1/loans/${opened.body.loan.id}/disbursement`, { body: {} })).status).toBe(201);
      return opened.body.loan.id as string;
    };
    // X: 10,000 on 2025-03-03, due 03-10, 03-17, 03-24, 03-31. Y: 5,000 on 2025-03-10, due 03-17 … 04-07.
    x = await open('X', '10000.00', '2025-03-03');
    y = await open('Y', '5000.00', '2025-03-10');
    setToday(h, '2025-03-10');
    expect((await h.request('POST', `/api/v1/loans/${x}/payments`, { body: { amount: '2616.00' } })).status).toBe(201);
    setToday(h, '2025-03-17');
    // 1,000 on installment 2 the day it falls due: IVA 16, interest 100, principal 884 → 1,616.00 of principal left.
    const partial = await h.request('POST', `/api/v1/loans/${x}/payments`, { body: { amount: '1000.00' } });
    expect(partial.status, partial.text).toBe(201);
    partialId = partial.body.event.payload.id;
    setToday(h, '2025-03-20');
  }, 300_000);
  afterAll(async () => h?.destroy());

  async function report(query: string, key = h.keys['product-manager']) {
    const res = await h.request('GET', `/api/v1/reports/cash-flow?${query}`, { key });
    expect(res.status, res.text).toBe(200);
    return res.body;
  }

  it('sums every open installment by ISO week, overdue apart, to the cent', async () => {
    const flow = await report('from=2025-03-20&weeks=4');
    expect(flow.columns).toEqual(['week', 'week_start', 'installments', 'principal', 'interest', 'iva', 'fees', 'expected']);
    expect(flow.rows).toEqual([
      // X #2 (1,616.00 of principal) and Y #1 (1,308.00) fell due on 03-17.
      row('overdue', '2025-03-17', 2, '2866.00', '50.00', '8.00', '2924.00'),
      { week: '2025-W12', week_start: '2025-03-17', installments: 0, principal: '0', interest: '0', iva: '0', fees: '0', expected: '0' },
      row('2025-W13', '2025-03-24', 2, '3750.00', '150.00', '24.00', '3924.00'),
      row('2025-W14', '2025-03-31', 2, '3750.00', '150.00', '24.00', '3924.00'),
      row('2025-W15', '2025-04-07', 1, '1250.00', '50.00', '8.00', '1308.00'),
    ]);
    // From 03-03: nothing overdue, X #2 and Y #1 in W12 (03-17), the rest after the horizon.
    const early = await report('from=2025-03-03&weeks=3');
    expect(early.rows.map((r: any) => [r.week, r.installments, r.expected])).toEqual([
      ['overdue', 0, '0'],
      ['2025-W10', 0, '0'],
      ['2025-W11', 0, '0'],
      ['2025-W12', 2, '2924.00'],
    ]);
    const csv = await h.request('GET', '/api/v1/reports/cash-flow?from=2025-03-20&weeks=1&format=csv');
    expect(csv.text).toBe('week,week_start,installments,principal,interest,iva,fees,expected\r\noverdue,2025-03-17,2,2866.00,50.00,8.00,0.00,2924.00\r\n2025-W12,2025-03-17,0,0,0,0,0,0\r\n');
  });

  it('follows reversals and restructures, and agrees with a rebuild from the events and after compaction', async () => {
    const reversed = await h.request('POST', `/api/v1/loans/${x}/payments/${partialId}/reversal`, { body: {} });
    expect(reversed.status, reversed.text).toBe(201);
    const flow = await report('from=2025-03-20&weeks=4');
    // X #2 owes its 2,616.00 again.
    expect(flow.rows[0]).toEqual(row('overdue', '2025-03-17', 2, '3750.00', '150.00', '24.00', '3924.00'));
    await expectProjectionConsistent();
    const compacted = await compactCashFlowChanges(h.db);
    expect(compacted.changes).toBeGreaterThan(0);
    expect((await sql<{ n: number }>`select count(*)::int as n from cash_flow_changes`.execute(h.db)).rows[0]!.n).toBe(0);
    expect((await report('from=2025-03-20&weeks=4')).rows).toEqual(flow.rows);
    const rows = await sql`select * from loan_open_installments order by loan_id, installment`.execute(h.db);
    expect(await rebuildOpenInstallments(h.db, { chunkSize: 1 })).toEqual({ loans: 2, installments: 7 });
    expect((await sql`select * from loan_open_installments order by loan_id, installment`.execute(h.db)).rows).toEqual(rows.rows);
    // A rebuild that changes nothing records no change.
    expect((await sql<{ n: number }>`select count(*)::int as n from cash_flow_changes`.execute(h.db)).rows[0]!.n).toBe(0);
    // Y restructured today (03-20) into 2 weekly installments (03-27, 04-03) of what it owes; X written off leaves the flow.
    expect((await h.request('POST', `/api/v1/loans/${y}/restructure`, { body: { installments: 2 } })).status).toBe(201);
    expect((await h.request('POST', `/api/v1/loans/${x}/write-off`, { key: h.keys.admin, body: {} })).status).toBe(201);
    const after = await report('from=2025-03-20&weeks=4');
    expect(after.rows.map((r: any) => [r.week, r.installments])).toEqual([
      ['overdue', 0],
      ['2025-W12', 0],
      ['2025-W13', 1],
      ['2025-W14', 1],
      ['2025-W15', 0],
    ]);
    await expectProjectionConsistent();
  });

  it('applies a credit balance to the next installments as the engine will', async () => {
    const ir: ProductIR = { ...(await irOf(h.db, (await h.db.selectFrom('product_versions').select('id').executeTakeFirstOrThrow()).id)), prepayment: 'not-allowed' };
    const t = parseLoanTerms(terms('10000.00', '2025-03-03'));
    const events: LoanEvent[] = [{ kind: 'disbursement', date: '2025-03-03' }, { kind: 'payment', id: 'p', date: '2025-03-05', amount: '3000.00' }];
    const open = openInstallmentsOf(ir, loanState(ir, t, events, '2025-03-05'));
    // 3,000 of credit: installment 1 (2,616.00) in full, then 384.00 of installment 2 — IVA 16, interest 100, principal 268.
    expect(open).toEqual([
      { installment: 2, dueDate: '2025-03-17', principal: '2232.00', interest: '0.00', iva: '0.00', fees: '0.00' },
      { installment: 3, dueDate: '2025-03-24', principal: '2500.00', interest: '100.00', iva: '16.00', fees: '0.00' },
      { installment: 4, dueDate: '2025-03-31', principal: '2500.00', interest: '100.00', iva: '16.00', fees: '0.00' },
    ]);
  });

  it('adds IVA on interest and on fees, and writes every amount at the currency scale', async () => {
    const ir = await irOf(h.db, (await h.db.selectFrom('product_versions').select('id').executeTakeFirstOrThrow()).id);
    const t = parseLoanTerms({
      ...terms('10000.00', '2025-03-03'),
      tax: { rate: '0.16', on: ['interest', 'fees'] },
      fees: [{ name: 'cobranza', amount: '25.5', timing: 'per-installment', taxable: true }],
    });
    const open = openInstallmentsOf(ir, loanState(ir, t, [{ kind: 'disbursement', date: '2025-03-03' }], '2025-03-03'));
    // Per installment: interest 100 (IVA 16) and a fee of 25.50 (IVA 4.08): IVA 20.08.
    expect(open).toHaveLength(4);
    for (const r of open) expect(r).toMatchObject({ principal: '2500.00', interest: '100.00', iva: '20.08', fees: '25.50' });
  });

  it('refuses bad queries and roles without reports:read', async () => {
    expect((await h.request('GET', '/api/v1/reports/cash-flow?weeks=0')).status).toBe(422);
    expect((await h.request('GET', '/api/v1/reports/cash-flow?from=2025-02-30')).status).toBe(422);
    expect((await h.request('GET', '/api/v1/reports/cash-flow', { key: h.keys['api-client'] })).status).toBe(403);
    expect(await cashFlowReport(h.db, '2025-03-20', 1)).toMatchObject({ columns: expect.arrayContaining(['expected']) });
  });

  /** The per-day totals plus the pending changes equal the rows grouped by due date (compared in SQL, exactly). */
  async function expectProjectionConsistent() {
    const diff = await sql<Record<string, unknown>>`
      with by_rows as (
        select due_date, count(*)::bigint as n, sum(principal) as p, sum(interest) as i, sum(iva) as v, sum(fees) as f from loan_open_installments group by due_date
      ), by_days as (
        select due_date, sum(installments)::bigint as n, sum(principal) as p, sum(interest) as i, sum(iva) as v, sum(fees) as f
        from (select due_date, installments, principal, interest, iva, fees from cash_flow_days
              union all select due_date, installments, principal, interest, iva, fees from cash_flow_changes) x
        group by due_date having sum(installments) <> 0 or sum(principal) <> 0 or sum(interest) <> 0 or sum(iva) <> 0 or sum(fees) <> 0
      )
      select 'rows' as side, * from (select * from by_rows except select * from by_days) a
      union all select 'days', * from (select * from by_days except select * from by_rows) b`.execute(h.db);
    expect(diff.rows).toEqual([]);
    expect((await sql<{ n: number }>`select count(*)::int as n from loan_open_installments`.execute(h.db)).rows[0]!.n).toBeGreaterThan(0);
  }
});
