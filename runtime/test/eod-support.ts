// Shared steps of the end-of-day tests: publish the portfolio's products, open planned loans
// through the API (import + disbursement), a fingerprint of what the end of day writes, and the
// comparison of what it stored with the engine's fold of the loans' events.
import { readFileSync } from 'node:fs';
import { compactCheckpoint, Dec, loanState, loanSummary, type LoanEvent, type LoanTerms, type ProductIR } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { restoreCheckpoint } from '../src/eod/stored-checkpoint.ts';
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
           (select string_agg(loan_id::text || as_of::text || event_seq::text || md5(accrued) || md5(checkpoint), ',' order by loan_id) from loan_checkpoints) as checkpoints,
           (select count(*)::int from eod_runs) as runs
  `.execute(h.db);
  return r.rows[0];
}

/** Compares a stored summary row and checkpoint with the engine's fold of the loan's stored events. */
export async function expectMatchesEngine(h: { db: Kysely<Database> }, date: string): Promise<number> {
  const loans = await sql<Record<string, any>>`
    select l.id, l.product_version_id, l.terms, s.*, c.checkpoint, c.accrued, c.as_of as folded_on
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
    // The penalty position behind the accrual entries is the engine's cumulative figures.
    const accrued = JSON.parse(loan.accrued) as { charged: Record<string, string>; collected: Record<string, string> };
    for (const part of ['lateFees', 'lateFeesIva', 'moratorium', 'moratoriumIva'] as const) {
      expect(eq(accrued.charged[part]!, state.penaltiesCharged[part]), `charged ${part}`).toBe(true);
      expect(eq(accrued.collected[part]!, state.paid[part]), `collected ${part}`).toBe(true);
    }
  }
  return loans.rows.length;
}
