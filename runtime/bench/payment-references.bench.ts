// Payment references (issue 16, H2). Two measures, each beside a baseline in the same run:
// 1. Finding a loan by its payment reference among PAYREF_BENCH_LOANS (200,000) loans — through the
//    loans list's repository function (`listLoans({ paymentReference })`, what
//    `GET /loans?paymentReference=` runs) and as a bare select on the column — beside the lookup of
//    a loan by its primary key. p50/p99 per call over PAYREF_BENCH_CALLS (2,000) random loans.
// 2. Building references: `buildPaymentReference` (mod97, mod10) and `clabeForAccount` per second,
//    beside the CLABE check digit alone (`clabeCheckDigit` over 17 digits).
// On a fresh in-memory PGlite; PAYREF_BENCH_DB=postgres uses the empty database of DATABASE_URL.
import { readFileSync } from 'node:fs';
import { buildPaymentReference, clabeCheckDigit, clabeForAccount } from '@plazo/engine';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { createProduct, publishDraft } from '../src/products/product-catalog.ts';
import { compileProductSource } from '../src/products/product-compiler.ts';
import { listLoans } from '../src/servicing/loan.repository.ts';
import { openLoanFromTerms } from '../src/servicing/loan-servicing.ts';
import { timed } from './timing.ts';

const LOANS = Number(process.env.PAYREF_BENCH_LOANS ?? 200_000);
const CALLS = Number(process.env.PAYREF_BENCH_CALLS ?? 2_000);
const GENERATE = Number(process.env.PAYREF_BENCH_GENERATE ?? 300_000);
const WIDTH = 60;
const AT = '2025-01-06T18:00:00.000Z';

const postgres = process.env.PAYREF_BENCH_DB === 'postgres' && process.env.DATABASE_URL;
const { db } = await openDatabase(postgres ? { kind: 'postgres', connectionString: process.env.DATABASE_URL! } : { kind: 'pglite' });
try {
  await migrateToLatest(db);
  const source = readFileSync(new URL('../../examples/nomina.plazo', import.meta.url), 'utf8');
  await createProduct(db, { code: 'nomina', name: 'nomina', source }, { actor: 'system', at: AT });
  const codes = (await compileProductSource(source)).diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
  await publishDraft(db, 'nomina', { acknowledgeWarnings: { codes, reason: 'bench' } }, { actor: 'system', at: AT, selfApproved: true });
  const terms = {
    principal: '6000.00', annualRate: '0.52', installments: 12, frequency: 'weekly', method: 'flat', interestBasis: 'period', disbursementDate: '2025-01-06', decimals: 2,
    rounding: 'half-even', tax: { rate: '0.16', on: ['interest'] }, fees: [],
  };
  const template = await openLoanFromTerms(db, { product: 'nomina', terms, externalRef: null }, { actor: 'system', at: AT, requestId: null, today: '2025-01-06' });
  const t0 = performance.now();
  // The portfolio: copies of one loan opened through the servicing code, each with its number from
  // the sequence and its reference by the default scheme (the migration's formula).
  for (let done = 1; done < LOANS; done += 50_000) {
    const n = Math.min(50_000, LOANS - done);
    await sql`
      insert into loans (id, product_version_id, product_code, terms, status, currency, principal, opened_on, state, updated_at, updated_by, created_at, created_by, account_number, payment_reference)
      select gen_random_uuid(), l.product_version_id, l.product_code, l.terms, l.status, l.currency, l.principal, l.opened_on, l.state, l.updated_at, l.updated_by, l.created_at, l.created_by,
        s.n, lpad(s.n::text, 10, '0') || lpad((98 - (s.n::numeric * 100) % 97)::text, 2, '0')
      from loans l, (select nextval('loan_account_numbers') as n from generate_series(1, ${n})) s
      where l.id = ${template.id}
    `.execute(db);
  }
  await sql`analyze loans`.execute(db);
  const sample = (await sql<{ id: string; payment_reference: string }>`select id, payment_reference from loans order by random() limit ${CALLS}`.execute(db)).rows;
  console.log(`payment references: ${LOANS.toLocaleString('en')} loans on ${postgres ? 'PostgreSQL' : 'PGlite'} (seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s), ${CALLS} lookups each`);
  await timed('baseline: a loan by primary key (select *)', sample.map((s) => () => db.selectFrom('loans').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow()), WIDTH);
  await timed('a loan by payment reference (select *)', sample.map((s) => () => db.selectFrom('loans').selectAll().where('payment_reference', '=', s.payment_reference).executeTakeFirstOrThrow()), WIDTH);
  await timed('listLoans({ paymentReference }) (GET /loans?paymentReference=)', sample.map((s) => async () => {
    const page = await listLoans(db, { paymentReference: s.payment_reference, limit: 50 });
    if (page.loans[0]?.id !== s.id) throw new Error(`reference ${s.payment_reference} found ${page.loans[0]?.id}`);
  }), WIDTH);
  const plan = await sql<{ 'QUERY PLAN': string }>`explain select * from loans where payment_reference = ${sample[0]!.payment_reference}`.execute(db);
  console.log(`  plan: ${plan.rows.map((r) => r['QUERY PLAN'].trim()).join(' / ')}`);

  const rate = (label: string, work: (i: number) => unknown) => {
    for (let i = 0; i < 20_000; i++) work(i);
    const t = performance.now();
    for (let i = 0; i < GENERATE; i++) work(i);
    const perSecond = GENERATE / ((performance.now() - t) / 1000);
    console.log(`  ${label.padEnd(WIDTH)} ${Math.round(perSecond).toLocaleString('en').padStart(12)} /s`);
  };
  const first17 = Array.from({ length: 1024 }, (_, i) => `6461805500${String(i * 7919).padStart(7, '0')}`);
  console.log(`generation, ${GENERATE.toLocaleString('en')} each:`);
  rate('baseline: clabeCheckDigit (17 digits)', (i) => clabeCheckDigit(first17[i & 1023]!));
  rate('buildPaymentReference mod97, 10-digit body', (i) => buildPaymentReference(i, { scheme: 'mod97', prefix: '', bodyLength: 10 }));
  rate('buildPaymentReference mod10, 10-digit body', (i) => buildPaymentReference(i, { scheme: 'mod10', prefix: '', bodyLength: 10 }));
  rate('clabeForAccount (range 646/180/55)', (i) => clabeForAccount({ bank: '646', plaza: '180', fixed: '55' }, i));
} finally {
  await db.destroy();
}
