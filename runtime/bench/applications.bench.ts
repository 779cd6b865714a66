// The review queue at scale: APPLICATIONS_BENCH_N (20,000) referred decisions — each a real
// engine record of the payroll example (its `ANTIGUEDAD` referral), the amount varied — and their
// applications (60 % pending, 10 % waiting for documents, 20 % declined, 10 % withdrawn; two
// product codes) written straight into a fresh in-memory PGlite (APPLICATIONS_BENCH_DB=postgres:
// the empty database of DATABASE_URL). Then the queue as the API lists it (listApplications:
// the page of 50 with each decision's reasons and the people's names): pending first page, a
// filter by product and minimum amount, «within my authority», a page deep in the queue.
// Baseline in the same run: the decisions list of the same size — 50 referred decisions of the
// 20,000 by id from the decisions table, their records whole (no join, no names).
//   APPLICATIONS_BENCH_N (20000) · APPLICATIONS_BENCH_QUERIES (200 per kind)
import { readFileSync } from 'node:fs';
import { decide } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { listApplications } from '../src/applications/application-service.ts';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { uuidv7 } from '../src/ids.ts';
import { createProduct, publishDraft } from '../src/products/product-catalog.ts';
import { compileProductSource } from '../src/products/product-compiler.ts';
import { resolveVersion } from '../src/products/product-versions.ts';

const N = Number(process.env.APPLICATIONS_BENCH_N ?? 20_000);
const QUERIES = Number(process.env.APPLICATIONS_BENCH_QUERIES ?? 200);
const AT = '2026-12-09T12:00:00.000Z';
const SOURCE = readFileSync(new URL('../../examples/nomina.plazo', import.meta.url), 'utf8');
const APPLICATION = {
  applicant: { birth_date: '1985-05-10' },
  payroll: { net_pay: '18000', existing_deductions: '0' },
  employment: { months: 4, contract: 'planta', employer_in_agreement: true },
  bureau: { score: 720, worst_dpd_12m: 0, monthly_payments: '3000' },
  request: { amount: '60000', payments: 24 },
};

function rand(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function seed(db: Kysely<Database>): Promise<string[]> {
  await createProduct(db, { code: 'nomina', name: 'nomina', source: SOURCE }, { actor: 'system', at: AT });
  const codes = (await compileProductSource(SOURCE)).diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
  await publishDraft(db, 'nomina', { acknowledgeWarnings: { codes, reason: 'bench' } }, { actor: 'system', at: AT, selfApproved: true });
  const pinned = await resolveVersion(db, 'nomina', 1, { forNewBusiness: true });
  const next = rand(20261209);
  const ids: string[] = [];
  const records = new Map<string, ReturnType<typeof decide>>();
  for (let start = 0; start < N; start += 500) {
    const decisions = [];
    const applications = [];
    for (let i = start; i < Math.min(N, start + 500); i++) {
      const amount = String(5000 + 500 * Math.floor(next() * 390));
      const application = { ...APPLICATION, request: { amount, payments: 24 } };
      const record = records.get(amount) ?? decide(pinned.ir, application, '2026-12-09');
      records.set(amount, record);
      const decisionId = uuidv7();
      const id = uuidv7();
      ids.push(id);
      decisions.push({ id: decisionId, product_version_id: pinned.id, application: JSON.stringify(application), decision: JSON.stringify(record), outcome: record.outcome, decided_on: '2026-12-09', client_id: null, created_at: AT, created_by: 'user:00000000-0000-4000-8000-000000000001' });
      const r = next();
      const status = r < 0.6 ? 'pending' : r < 0.7 ? 'documents-requested' : r < 0.9 ? 'declined' : 'withdrawn';
      applications.push({
        id, decision_id: decisionId, client_id: null, product_code: next() < 0.7 ? 'nomina' : 'capital_trabajo', product_version: 1,
        requested_amount: amount, requested_payments: 24, offered_amount: record.offer?.amount ?? null, status: status as 'pending',
        requested_by: 'user:00000000-0000-4000-8000-000000000001', reviewer: status === 'pending' ? null : 'user:00000000-0000-4000-8000-000000000002',
        reviewed_at: status === 'declined' ? AT : null, note: null, reason_code: status === 'declined' ? 'POLITICA' : null,
        documents: status === 'documents-requested' ? JSON.stringify(['identificacion']) : null,
        approved_decision_id: null, approved_amount: null, approved_payments: null, loan_id: null, created_at: AT, created_by: 'system', updated_at: AT,
      });
    }
    await db.insertInto('decisions').values(decisions).execute();
    await db.insertInto('applications').values(applications).execute();
  }
  return ids;
}

function percentile(ms: number[], p: number): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!.toFixed(2).padStart(8);
}

async function timed(label: string, query: (i: number) => Promise<unknown[]>): Promise<void> {
  const ms: number[] = [];
  let rows = 0;
  for (let i = 0; i < QUERIES; i++) {
    const t = performance.now();
    rows += (await query(i)).length;
    ms.push(performance.now() - t);
  }
  console.log(`  ${label.padEnd(58)} p50 ${percentile(ms, 0.5)} ms   p99 ${percentile(ms, 0.99)} ms   (${(rows / QUERIES).toFixed(0)} rows)`);
}

const postgres = process.env.APPLICATIONS_BENCH_DB === 'postgres' && process.env.DATABASE_URL;
const { db } = await openDatabase(postgres ? { kind: 'postgres', connectionString: process.env.DATABASE_URL! } : { kind: 'pglite' });
try {
  await migrateToLatest(db);
  const t0 = performance.now();
  const ids = await seed(db);
  await sql`analyze decisions, applications`.execute(db);
  const bytes = (await sql<{ b: string }>`select avg(pg_column_size(decision))::int::text as b from decisions`.execute(db)).rows[0]!.b;
  console.log(`\n== applications.bench.ts (${postgres ? 'postgres' : 'pglite'}): ${N.toLocaleString('en-US')} referred decisions (${bytes} B of record each) and their applications written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await timed('queue: pending, first page of 50', () => listApplications(db, { status: 'pending', limit: 50 }));
  await timed('queue: pending, product nomina, amount ≥ 150,000', () => listApplications(db, { status: 'pending', product: 'nomina', minAmount: '150000', limit: 50 }));
  await timed('queue: pending, within the approver’s authority', () => listApplications(db, { status: 'pending', withinAuthorityOf: 'approver', limit: 50 }));
  await timed('queue: pending, a page deep in the queue (after)', (i) => listApplications(db, { status: 'pending', after: ids[(i * 97) % (N - 100)], limit: 50 }));
  await timed('baseline: decisions list, 50 referred by id', () => db.selectFrom('decisions').selectAll().where('outcome', '=', 'refer').orderBy('id').limit(50).execute());
} finally {
  await db.destroy();
}
