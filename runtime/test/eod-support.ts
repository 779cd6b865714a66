// Shared steps of the end-of-day tests: publish the portfolio's products, open planned loans
// through the API (import + disbursement), and a fingerprint of what the end of day writes.
import { readFileSync } from 'node:fs';
import type { ProductIR } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../src/db/database.ts';
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
           (select string_agg(loan_id::text || as_of::text || event_seq::text || total_outstanding::text, ',' order by loan_id) from loan_servicing) as servicing,
           (select count(*)::int from eod_runs) as runs
  `.execute(h.db);
  return r.rows[0];
}
