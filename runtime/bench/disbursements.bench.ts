// Disbursement batches at scale: DISB_BENCH_N (1,000) pending loans of clients with a CLABE
// (one loan opened through the service, cloned by SQL with its client), then:
//  - prepare a batch of all of them (eligibility, amounts, tracking keys, one insert per 1,000 items);
//  - export its SPEI layout file;
//  - import its status file (every transfer settled on the terms' date: each line's own
//    transaction with the loan's disbursement event, posting and audit);
// beside the baseline measured in the same run on another DISB_BENCH_N loans: disbursing them one
// by one through the existing disbursement path (appendLoanEvent + disbursementRequest, what
// POST /loans/{id}/disbursement does). Prints the totals and the rate per loan.
// On a fresh in-memory PGlite; DISB_BENCH_DB=postgres uses the empty database of DATABASE_URL.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { approveBatch, batchItems, createBatch, markSent, orderOf } from '../src/disbursements/disbursement-batches.ts';
import { layoutBytes, parseStatusFile, statusFileText } from '../src/disbursements/spei-layout.ts';
import { importStatus } from '../src/disbursements/status-import.ts';
import { createProduct, publishDraft } from '../src/products/product-catalog.ts';
import { compileProductSource } from '../src/products/product-compiler.ts';
import { disbursementRequest } from '../src/servicing/loan-event-requests.ts';
import { appendLoanEvent, openLoanFromTerms } from '../src/servicing/loan-servicing.ts';
import { createClient } from '../src/clients/clients.repository.ts';

const N = Number(process.env.DISB_BENCH_N ?? 1_000);
const TODAY = '2025-01-06';
const AT = '2025-01-06T16:00:00.000Z';
const SOURCE = readFileSync(new URL('../../examples/nomina.plazo', import.meta.url), 'utf8');
const TERMS = { principal: '10000.00', annualRate: '0.60', installments: 16, frequency: 'weekly', method: 'french', interestBasis: 'period', disbursementDate: TODAY, decimals: 2, rounding: 'half-even' };

const postgres = process.env.DISB_BENCH_DB === 'postgres' && process.env.DATABASE_URL;
const { db } = await openDatabase(postgres ? { kind: 'postgres', connectionString: process.env.DATABASE_URL! } : { kind: 'pglite' });
const seconds = (ms: number) => `${(ms / 1000).toFixed(2).padStart(8)} s`;
const perLoan = (ms: number) => `${((ms / N) * 1000).toFixed(0).padStart(6)} µs/loan`;
const line = (label: string, ms: number) => console.log(`  ${label.padEnd(58)} ${seconds(ms)}  ${perLoan(ms)}`);

try {
  await migrateToLatest(db);
  await createProduct(db, { code: 'nomina', name: 'nomina', source: SOURCE }, { actor: 'system', at: AT });
  const codes = (await compileProductSource(SOURCE)).diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
  await publishDraft(db, 'nomina', { acknowledgeWarnings: { codes, reason: 'bench' } }, { actor: 'system', at: AT, selfApproved: true });
  const ctx = { actor: 'system' as const, person: 'user:00000000-0000-4000-8000-0000000000a1' as const, at: AT, requestId: null, today: TODAY };
  const { client } = await createClient(db, { kind: 'person', givenNames: 'Bench', paternalSurname: 'Cliente', disbursementAccount: { clabe: '032180000118359719', holderName: 'BENCH CLIENTE' } }, ctx);
  const template = await openLoanFromTerms(db, { product: 'nomina', terms: TERMS, externalRef: null, clientId: client.id }, ctx);

  const t0 = performance.now();
  // 2N loans like the template, each of its own client (cloned rows, new ids).
  await sql`
    insert into clients (id, kind, given_names, paternal_surname, name_search, own_account, pep, disbursement_clabe, disbursement_holder, created_at, created_by, updated_at, updated_by)
    select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, kind, given_names, paternal_surname, name_search, own_account, pep, disbursement_clabe, disbursement_holder, created_at, created_by, updated_at, updated_by
    from clients, generate_series(1, ${2 * N}) as g where id = ${client.id}
  `.execute(db);
  await sql`
    insert into loans (id, product_version_id, product_code, decision_id, external_ref, client_id, terms, status, currency, principal, opened_on, state, last_event_seq, updated_at, updated_by, created_at, created_by)
    select ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, product_version_id, product_code, null, null, ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
      terms, status, currency, principal, opened_on, state, 0, updated_at, updated_by, created_at, created_by
    from loans, generate_series(1, ${2 * N}) as g where id = ${template.id}
  `.execute(db);
  await sql`delete from loans where id = ${template.id}`.execute(db);
  const ids = (await sql<{ id: string }>`select id from loans where status = 'pending' order by id`.execute(db)).rows.map((r) => r.id);
  const batchLoans = ids.slice(0, N);
  const baselineLoans = ids.slice(N, 2 * N);
  console.log(`disbursements bench on ${postgres ? 'PostgreSQL' : 'PGlite'}: ${N} loans per side (setup ${seconds(performance.now() - t0).trim()})`);

  let t = performance.now();
  const created = await createBatch(db, { loanIds: batchLoans, valueDate: TODAY }, ctx);
  line(`prepare a batch of ${N} loans`, performance.now() - t);
  await approveBatch(db, created.batch.id, { ...ctx, person: 'user:00000000-0000-4000-8000-0000000000a2' as const });
  t = performance.now();
  const { row } = await markSent(db, created.batch.id, 'file', ctx);
  const items = await batchItems(db, created.batch.id);
  const layout = layoutBytes(items.map((i) => orderOf(i, row.value_date)), 'utf-8');
  line(`export the layout file (${(layout.length / 1024).toFixed(0)} KiB)`, performance.now() - t);
  const statusFile = statusFileText(items.map((i) => ({ trackingKey: i.tracking_key, status: 'liquidada' as const, settledOn: TODAY, settlementTime: '10:00:00' })));
  t = performance.now();
  const imported = await importStatus(db, created.batch.id, parseStatusFile(statusFile), 'file', ctx);
  const importMs = performance.now() - t;
  line(`import the status file (${N} liquidated → disbursed)`, importMs);
  if (imported.summary.liquidated !== N || imported.batchStatus !== 'closed') throw new Error(`import: ${JSON.stringify(imported.summary)}`);
  t = performance.now();
  const again = await importStatus(db, created.batch.id, parseStatusFile(statusFile), 'file', ctx);
  line('import the same file again (every line unchanged)', performance.now() - t);
  if (again.summary.unchanged !== N) throw new Error(`re-import: ${JSON.stringify(again.summary)}`);

  t = performance.now();
  for (const id of baselineLoans) {
    const result = await appendLoanEvent(db, id, disbursementRequest({ reference: 'bench' }, undefined), ctx);
    if (result.status !== 201) throw new Error(`baseline disbursement: ${result.text}`);
  }
  const baselineMs = performance.now() - t;
  line(`baseline: disburse ${N} loans one by one (existing path)`, baselineMs);
  console.log(`  status import / baseline: ${(importMs / baselineMs).toFixed(2)}×`);
  const check = await sql<{ active: number; entries: number }>`select (select count(*)::int from loans where status = 'active') as active, (select count(*)::int from journal_entries) as entries`.execute(db);
  if (check.rows[0]!.active !== 2 * N) throw new Error(`expected ${2 * N} disbursed loans, found ${check.rows[0]!.active}`);
} finally {
  await db.destroy();
}
