// End-of-day scale demonstration: a seeded portfolio of EOD_BENCH_LOANS loans (mix of the example
// products; on-time, late and defaulted payers) written straight into a fresh database, then the
// first close (every loan folded from its disbursement: what a migration from another system
// costs once), EOD_BENCH_NIGHTS nightly closes from the stored compact checkpoints (the steady
// state), and the portfolio reports. Prints loans/s, peak RSS and each report's time.
//   EOD_BENCH_LOANS (10000) · EOD_BENCH_NIGHTS (2) · EOD_BENCH_CHUNK (2000) · EOD_BENCH_DB (postgres when
//   DATABASE_URL is set, else pglite; `both`) · EOD_BENCH_KEEP=1 keeps the PostgreSQL database.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { addDays, type ProductIR } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { loadExampleProducts } from '../src/bootstrap/first-start.ts';
import { fixedClock } from '../src/clock.ts';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { eodTimings, runEndOfDay } from '../src/eod/eod-run.ts';
import { jsonLogger } from '../src/logger.ts';
import { irOf } from '../src/products/product-versions.ts';
import { agingReport, cashFlowReport, collectionsReport, portfolioSummary, riskReport, vintageReport } from '../src/reports/portfolio-reports.ts';
import { insertPortfolio, planPortfolio } from './eod-portfolio.ts';

const N = Number(process.env.EOD_BENCH_LOANS ?? 10_000);
const NIGHTS = Number(process.env.EOD_BENCH_NIGHTS ?? 2);
const CHUNK = Number(process.env.EOD_BENCH_CHUNK ?? 2000);
const FIRST = '2025-07-01';
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
sampler.unref();
const mb = (b: number) => `${Math.round(b / 1048576)} MB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function open(kind: 'postgres' | 'pglite') {
  if (kind === 'pglite') {
    const { db } = await openDatabase({ kind: 'pglite' });
    return { db, drop: () => db.destroy() };
  }
  const base = new URL(process.env.DATABASE_URL!);
  const name = `plazo_bench_eod_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(base), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const { db } = await openDatabase({ kind: 'postgres', connectionString: Object.assign(new URL(base), { pathname: `/${name}` }).toString(), poolSize: 4 });
  return {
    db,
    name,
    drop: async () => {
      await db.destroy();
      if (process.env.EOD_BENCH_KEEP === '1') return console.log(`  kept database ${name}`);
      const c = new pg.Client({ connectionString: Object.assign(new URL(base), { pathname: '/postgres' }).toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await f();
  return [v, (performance.now() - t) / 1000];
}

async function bench(kind: 'postgres' | 'pglite') {
  console.log(`\nend of day on ${kind}: ${fmt(N)} loans, chunks of ${CHUNK}`);
  const { db, drop } = await open(kind);
  try {
    await migrateToLatest(db);
    await loadExampleProducts(db as Kysely<Database>, EXAMPLES, fixedClock('2025-01-01T12:00:00Z'), jsonLogger('silent'));
    const versions = new Map<string, string>();
    const irs = new Map<string, ProductIR>();
    const rows = await db.selectFrom('product_versions').innerJoin('products', 'products.id', 'product_versions.product_id').select(['products.code', 'product_versions.id']).execute();
    for (const r of rows) {
      versions.set(r.code, r.id);
      irs.set(r.code, await irOf(db, r.id));
    }
    const [plans, planS] = await timed(async () => planPortfolio(irs, { n: N, seed: 42, from: '2025-01-06', to: '2025-06-25', horizon: FIRST }));
    const [, insertS] = await timed(() => insertPortfolio(db, plans, versions, { batch: 2000 }));
    const events = plans.reduce((a, p) => a + 1 + p.payments.length, 0);
    console.log(`  portfolio: planned in ${planS.toFixed(1)} s, written (${fmt(N)} loans, ${fmt(events)} events) in ${insertS.toFixed(1)} s`);
    const mix = { 'on-time': 0, late: 0, defaulted: 0 };
    for (const p of plans) mix[p.payer]++;
    console.log(`  payers: ${mix['on-time']} on time, ${mix.late} late, ${mix.defaulted} defaulted`);
    const nights: string[] = [FIRST];
    for (let i = 1; i <= NIGHTS; i++) nights.push(addDays(FIRST, i));
    for (const [i, date] of nights.entries()) {
      peakRss = process.memoryUsage().rss;
      Object.assign(eodTimings, { read: 0, compute: 0, write: 0, detail: {} });
      const [reports, s] = await timed(() => runEndOfDay(db, { through: date, chunkSize: CHUNK }));
      const r = reports.at(-1)!;
      const label = i === 0 ? 'first close (full fold from disbursement)' : `nightly close ${i} (from checkpoints)`;
      console.log(`  ${date} ${label.padEnd(44)} ${fmt(r.loansDone).padStart(9)} loans in ${s.toFixed(1).padStart(6)} s = ${fmt(r.loansDone / s).padStart(7)} loans/s, failed ${r.loansFailed}, peak RSS ${mb(peakRss)}`);
      console.log(`${' '.repeat(14)}read ${(eodTimings.read / 1000).toFixed(1)} s · engine ${(eodTimings.compute / 1000).toFixed(1)} s · write ${(eodTimings.write / 1000).toFixed(1)} s (${Object.entries(eodTimings.detail).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')})`);
    }
    const size = await sql<{ cp: string; n: number }>`select pg_size_pretty(sum(octet_length(checkpoint))::bigint) as cp, count(*)::int as n from loan_servicing`.execute(db);
    console.log(`  stored compact checkpoints: ${size.rows[0]!.cp} for ${fmt(size.rows[0]!.n)} loans`);
    const last = nights.at(-1)!;
    const runs: [string, () => Promise<unknown>][] = [
      ['portfolio summary', () => portfolioSummary(db)],
      ['aging buckets', () => agingReport(db)],
      ['PAR30/60/90 + morosidad', () => riskReport(db)],
      ['vintages', () => vintageReport(db)],
      ['collections effectiveness', () => collectionsReport(db, '2025-06-01', last)],
      ['cash flow by week', () => cashFlowReport(db, last)],
    ];
    for (const [name, f] of runs) {
      await f();
      const [, s] = await timed(f);
      console.log(`  report ${name.padEnd(28)} ${(s * 1000).toFixed(0).padStart(6)} ms`);
    }
  } finally {
    await drop();
  }
}

const which = process.env.EOD_BENCH_DB ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
for (const kind of which === 'both' ? (['postgres', 'pglite'] as const) : [which as 'postgres' | 'pglite']) {
  if (kind === 'postgres' && !process.env.DATABASE_URL) {
    console.log('end of day on postgres: skipped (set DATABASE_URL)');
    continue;
  }
  await bench(kind);
}
