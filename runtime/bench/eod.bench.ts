// End-of-day scale demonstration: a seeded portfolio of EOD_BENCH_LOANS loans (mix of the example
// products; on-time, late and defaulted payers) written straight into a fresh database, then the
// first close (every loan folded from its disbursement: what a migration from another system
// costs once), EOD_BENCH_NIGHTS nightly closes from the stored checkpoints (the steady state: each
// day's planned payments booked before its close) by
// EOD_BENCH_WORKERS worker processes (bench/eod-worker.ts: runEndOfDay as `plazo eod` runs it),
// and the portfolio reports. The nights run over a month's end: that close also computes every
// loan's reserve (its products' `reserves` policies), reported apart. Per close: loans/s, the
// workers' peak RSS, and where the CPU went — the workers, the database's backends (PostgreSQL),
// its background processes, everyone else on the machine — with the load average, and the time per
// step (`books`: the accrual books of each loan; `reserves`: the same on the month end). Baseline
// in the same run: the engine's closeDay (and closeDay + booksOn) in this process on the same
// stored checkpoints and books (the ceiling: no I/O at all).
// EOD_BENCH_BOOKS_CHECK=1 then checks the books of the whole portfolio (bench/books-check.ts): the
// books check of `plazo eod`, every night's entries balanced, and the journal's accrued interest,
// allowance and cartera vencida against the engine's books of every loan recomputed in this process.
//   EOD_BENCH_LOANS (10000) · EOD_BENCH_NIGHTS (3) · EOD_BENCH_CHUNK (the EOD default) ·
//   EOD_BENCH_WORKERS (2 on PostgreSQL; PGlite is one process) · EOD_BENCH_DB (postgres when
//   DATABASE_URL is set, else pglite; `both`) · EOD_BENCH_KEEP=1 keeps the database ·
//   EOD_BENCH_NODE_ARGS (extra node flags for the workers) · EOD_BENCH_BOOKS_CHECK=1.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, booksOn, closeDay, type LoanBooks, type LoanTerms, type ProductIR } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { loadExampleProducts } from '../src/bootstrap/first-start.ts';
import { fixedClock } from '../src/clock.ts';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { DEFAULT_CHUNK_SIZE, type EodDateReport } from '../src/eod/eod-run.ts';
import { restoreCheckpoint } from '../src/eod/stored-checkpoint.ts';
import { DEFAULT_BOOKS_SETTINGS } from '../src/ledger/books-settings.ts';
import { booksContext } from '../src/ledger/loan-books.ts';
import { isMonthEnd } from '../src/reports/vintage-curves.ts';
import { checkPortfolioBooks } from './books-check.ts';
import { jsonLogger } from '../src/logger.ts';
import { irOf } from '../src/products/product-versions.ts';
import { agingReport, cashFlowReport, collectionsReport, portfolioSummary, riskReport, vintageReport } from '../src/reports/portfolio-reports.ts';
import { bookPayments, insertPortfolio, planPortfolio, type BookedPayment, type Payer } from './eod-portfolio.ts';

const N = Number(process.env.EOD_BENCH_LOANS ?? 10_000);
const NIGHTS = Number(process.env.EOD_BENCH_NIGHTS ?? 3);
const CHUNK = Number(process.env.EOD_BENCH_CHUNK ?? DEFAULT_CHUNK_SIZE);
const PG_WORKERS = Number(process.env.EOD_BENCH_WORKERS ?? 2);
const NODE_ARGS = (process.env.EOD_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
/** The backends' CPU per step is read from /proc: only for a server on this machine. */
const BACKEND_CPU = /^(127\.0\.0\.1|localhost|\[::1\])$/.test(process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL).hostname : '');
/** The first close; with 3 nights the second is a month end (2025-06-30). */
const FIRST = process.env.EOD_BENCH_FIRST ?? '2025-06-28';
const PLAN_BATCH = 10_000;
const BASELINE_SAMPLE = 20_000;
const RUNTIME_DIR = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const CLK_TCK = 100;

const mb = (b: number) => `${Math.round(b / 1048576)} MB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const load = () => loadavg()[0]!.toFixed(1);

// ---- CPU accounting from /proc ------------------------------------------------------------

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** utime + stime of a process in seconds (null when gone). */
function processCpu(pid: number): number | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / CLK_TCK;
}

/** Busy CPU-seconds of the whole machine since boot. */
function machineBusy(): number {
  const [, ...f] = (readText('/proc/stat') ?? '').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = f.map(Number);
  return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) / CLK_TCK;
}

/** PIDs of the PostgreSQL server's own processes (WAL writer, checkpointer, background writer...), which serve every database. */
function postgresBackground(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = readText(`/proc/${entry}/cmdline`)?.replace(/\0/g, ' ') ?? '';
    if (/^postgres: .*(checkpointer|background writer|walwriter|autovacuum|logical replication|stats)/.test(cmd)) pids.push(Number(entry));
  }
  return pids;
}

/** Samples the CPU of a database's backends while a close runs (first and last value seen per PID). */
class BackendSampler {
  readonly #seen = new Map<number, { first: number; last: number }>();
  #timer: NodeJS.Timeout | null = null;
  constructor(
    private readonly client: pg.Client | null,
    private readonly database: string,
  ) {}
  async #sample() {
    if (!this.client) return;
    const { rows } = await this.client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [this.database]);
    for (const { pid } of rows) {
      const cpu = processCpu(pid);
      if (cpu === null) continue;
      const s = this.#seen.get(pid);
      if (s) s.last = cpu;
      else this.#seen.set(pid, { first: cpu, last: cpu });
    }
  }
  async start() {
    await this.#sample();
    // A backend born after the start is all ours: count it from zero.
    for (const s of this.#seen.values()) s.first = s.last;
    const known = new Set(this.#seen.keys());
    this.#timer = setInterval(() => {
      this.#sample()
        .then(() => {
          for (const [pid, s] of this.#seen) if (!known.has(pid)) (known.add(pid), (s.first = 0));
        })
        .catch(() => {});
    }, 100);
  }
  async stop(): Promise<number> {
    clearInterval(this.#timer!);
    await this.#sample();
    let total = 0;
    for (const s of this.#seen.values()) total += s.last - s.first;
    return total;
  }
}

// ---- databases -----------------------------------------------------------------------------

interface BenchDatabase {
  readonly kind: 'postgres' | 'pglite';
  db: Kysely<Database>;
  /** Environment for the worker processes. */
  readonly workerEnv: Record<string, string>;
  readonly name: string;
  readonly admin: pg.Client | null;
  /** Closes this process's handle (PGlite: one process at a time) and reopens it. */
  release(): Promise<void>;
  reopen(): Promise<void>;
  drop(): Promise<void>;
}

async function open(kind: 'postgres' | 'pglite'): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'plazo-eod-bench-'));
    const target = { kind: 'pglite', dataDir: dir } as const;
    const bench: BenchDatabase = {
      kind,
      db: (await openDatabase(target)).db,
      workerEnv: { EOD_BENCH_PGLITE_DIR: dir, DATABASE_URL: '' },
      name: dir,
      admin: null,
      release: () => bench.db.destroy(),
      reopen: async () => void (bench.db = (await openDatabase(target)).db),
      drop: async () => {
        await bench.db.destroy().catch(() => {});
        if (process.env.EOD_BENCH_KEEP === '1') return console.log(`  kept data directory ${dir}`);
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return bench;
  }
  const base = new URL(process.env.DATABASE_URL!);
  const at = (db: string) => Object.assign(new URL(base), { pathname: `/${db}` }).toString();
  const name = `plazo_bench_eod_${randomBytes(4).toString('hex')}`;
  const server = new pg.Client({ connectionString: at('postgres') });
  await server.connect();
  await server.query(`create database ${name}`);
  await server.end();
  const url = at(name);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const bench: BenchDatabase = {
    kind,
    db: (await openDatabase({ kind: 'postgres', connectionString: url, poolSize: 4 })).db,
    workerEnv: { DATABASE_URL: url },
    name,
    admin,
    release: async () => {},
    reopen: async () => {},
    drop: async () => {
      await bench.db.destroy();
      await admin.end();
      if (process.env.EOD_BENCH_KEEP === '1') return console.log(`  kept database ${name}`);
      const c = new pg.Client({ connectionString: at('postgres') });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
  return bench;
}

// ---- one close by worker processes -----------------------------------------------------------

interface WorkerResult {
  readonly worker: string;
  readonly reports: EodDateReport[];
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly maxRssBytes: number;
  readonly timings: { steps: Record<string, number>; backend: Record<string, number>; checkpointsRewritten: number; summariesRewritten: number };
}

function runWorker(bench: BenchDatabase, date: string, worker: string): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, '--import', 'tsx', 'bench/eod-worker.ts', date, worker, String(CHUNK)], {
      cwd: RUNTIME_DIR,
      env: { ...process.env, ...bench.workerEnv, LOG_LEVEL: 'silent', EOD_BENCH_BACKEND_CPU: bench.kind === 'postgres' && BACKEND_CPU ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker ${worker} exited ${code}: ${out}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as WorkerResult);
    });
  });
}

async function close(bench: BenchDatabase, date: string, label: string, workers: number): Promise<void> {
  await bench.release();
  const sampler = new BackendSampler(bench.admin, bench.name);
  await sampler.start();
  const background = postgresBackground();
  const bgBefore = background.map((p) => processCpu(p) ?? 0);
  const busyBefore = machineBusy();
  const loadBefore = load();
  const wallStart = performance.now();
  const results = await Promise.all(Array.from({ length: workers }, (_, i) => runWorker(bench, date, `w${i + 1}`)));
  const wall = (performance.now() - wallStart) / 1000;
  const dbCpu = await sampler.stop();
  const bgCpu = background.reduce((a, p, i) => a + (processCpu(p) ?? bgBefore[i]!) - bgBefore[i]!, 0);
  const busy = machineBusy() - busyBefore;
  await bench.reopen();
  const run = results[0]!.reports.at(-1)!;
  const seconds = Math.max(...results.map((r) => r.seconds));
  const workerCpu = results.reduce((a, r) => a + r.cpuSeconds, 0);
  const loans = run.loansDone;
  const us = (s: number) => `${Math.round((s * 1e6) / Math.max(loans, 1))} µs/loan`;
  console.log(
    `  ${date} ${label.padEnd(42)} ${fmt(loans).padStart(9)} loans in ${seconds.toFixed(1).padStart(6)} s = ${fmt(loans / seconds).padStart(7)} loans/s, failed ${run.loansFailed} · ` +
      `${workers} worker${workers > 1 ? 's' : ''}, peak RSS ${results.map((r) => mb(r.maxRssBytes)).join(' / ')}`,
  );
  const others = Math.max(0, busy - workerCpu - dbCpu - bgCpu);
  console.log(
    `${' '.repeat(14)}CPU: workers ${workerCpu.toFixed(1)} s (${us(workerCpu)})` +
      (bench.kind === 'postgres' ? ` · postgres backends ${dbCpu.toFixed(1)} s (${us(dbCpu)}) · postgres background ${bgCpu.toFixed(1)} s` : ' (PGlite runs inside the worker)') +
      ` · everyone else ${others.toFixed(1)} s · ${fmt(loans / (workerCpu + dbCpu + bgCpu))} loans/cpu-s · load ${loadBefore} → ${load()} · wall with process start ${wall.toFixed(1)} s`,
  );
  const sum = (f: (r: WorkerResult) => number) => results.reduce((a, r) => a + f(r), 0);
  const steps = new Map<string, [number, number | undefined]>();
  for (const r of results)
    for (const [k, v] of Object.entries(r.timings.steps)) {
      const [wallMs, cpuMs] = steps.get(k) ?? [0, undefined];
      const backend = r.timings.backend[k];
      steps.set(k, [wallMs + v, backend === undefined ? cpuMs : (cpuMs ?? 0) + backend]);
    }
  const perLoan = (ms: number) => ((ms * 1000) / Math.max(loans, 1)).toFixed(0);
  console.log(
    `${' '.repeat(14)}per step, µs per loan summed over the workers (wall${bench.kind === 'postgres' && BACKEND_CPU ? ' / CPU of the postgres backend' : ''}): ` +
      [...steps].map(([k, [w, c]]) => `${k} ${perLoan(w)}${c === undefined ? '' : `/${perLoan(c)}`}`).join(' · ') +
      ` · rewritten: checkpoints ${fmt(sum((r) => r.timings.checkpointsRewritten))}, summaries ${fmt(sum((r) => r.timings.summariesRewritten))}`,
  );
}

// ---- baseline: the engine alone --------------------------------------------------------------

/** closeDay (then closeDay + booksOn) in this process on (a sample of) the stored checkpoints and books, for the date after `last`. */
async function engineBaseline(db: Kysely<Database>, last: string): Promise<void> {
  const rows = await sql<{ product_version_id: string; terms: LoanTerms; checkpoint: string; as_of: string; books: LoanBooks | null }>`
    select l.product_version_id, l.terms, c.checkpoint, c.as_of::text, l.state->'books' as books from loan_checkpoints c join loans l on l.id = c.loan_id
    where l.status = 'active' and c.as_of = ${last} order by c.loan_id limit ${BASELINE_SAMPLE}`.execute(db);
  const irs = new Map<string, ProductIR>();
  for (const r of rows.rows) if (!irs.has(r.product_version_id)) irs.set(r.product_version_id, await irOf(db, r.product_version_id));
  const date = addDays(last, 1);
  for (const withBooks of [false, true]) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    let failed = 0;
    for (const r of rows.rows) {
      try {
        const day = closeDay(irs.get(r.product_version_id)!, r.terms, restoreCheckpoint(r.checkpoint, r.as_of), date);
        JSON.stringify(day.checkpoint);
        if (withBooks) JSON.stringify(booksOn(day.booksFacts, r.books, booksContext(DEFAULT_BOOKS_SETTINGS, r.terms), r.terms));
      } catch {
        failed++;
      }
    }
    const s = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuS = (used.user + used.system) / 1e6;
    console.log(
      `  baseline: engine closeDay${withBooks ? ' + booksOn' : ''} in process (JSON in and out, no I/O), ${fmt(rows.rows.length)} loans: ${fmt(rows.rows.length / s)} loans/s on one core, ` +
        `${Math.round((cpuS * 1e6) / Math.max(rows.rows.length, 1))} µs CPU/loan${failed ? `, ${failed} failed` : ''}`,
    );
  }
}

// ---- the run -------------------------------------------------------------------------------

async function bench(kind: 'postgres' | 'pglite') {
  const workers = kind === 'pglite' ? 1 : PG_WORKERS;
  console.log(
    `\nend of day on ${kind}: ${fmt(N)} loans, chunks of ${fmt(CHUNK)}, ${workers} worker process${workers > 1 ? 'es' : ''}${NODE_ARGS.length ? ` (node ${NODE_ARGS.join(' ')})` : ''}, ` +
      `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  const b = await open(kind);
  try {
    await migrateToLatest(b.db);
    await loadExampleProducts(b.db, EXAMPLES, fixedClock('2025-01-01T12:00:00Z'), jsonLogger('silent'));
    const versions = new Map<string, string>();
    const irs = new Map<string, ProductIR>();
    const rows = await b.db.selectFrom('product_versions').innerJoin('products', 'products.id', 'product_versions.product_id').select(['products.code', 'product_versions.id']).execute();
    for (const r of rows) {
      versions.set(r.code, r.id);
      irs.set(r.code, await irOf(b.db, r.id));
    }
    const nights: string[] = [FIRST];
    for (let i = 1; i <= NIGHTS; i++) nights.push(addDays(FIRST, i));
    // Planned and written in batches (seeded per batch), so the bench's memory stays flat too. The
    // payments dated after the first close are kept aside and booked on their day, before its close.
    const t = performance.now();
    let events = 0;
    const mix: Record<Payer, number> = { 'on-time': 0, late: 0, defaulted: 0 };
    const later = new Map<string, BookedPayment[]>(nights.slice(1).map((d) => [d, []]));
    for (let done = 0; done < N; done += PLAN_BATCH) {
      const plans = planPortfolio(irs, { n: Math.min(PLAN_BATCH, N - done), seed: 42 + done / PLAN_BATCH, from: '2025-01-06', to: '2025-06-25', horizon: nights.at(-1)! });
      const ids = await insertPortfolio(b.db, plans, versions, { batch: 2000, refOffset: done, until: FIRST });
      plans.forEach((p, k) => {
        mix[p.payer]++;
        events += 1;
        p.payments.forEach((pay, j) => (pay.date <= FIRST ? events++ : later.get(pay.date)!.push({ loanId: ids[k]!, paymentId: `p${j + 1}`, amount: pay.amount })));
      });
    }
    console.log(
      `  portfolio: ${fmt(N)} loans, ${fmt(events)} events written in ${((performance.now() - t) / 1000).toFixed(1)} s; payers ${fmt(mix['on-time'])} on time, ${fmt(mix.late)} late, ${fmt(mix.defaulted)} defaulted`,
    );
    for (const [i, date] of nights.entries()) {
      const payments = later.get(date) ?? [];
      if (payments.length > 0) await bookPayments(b.db, date, payments);
      const label = i === 0 ? 'first close (full fold from disbursement)' : `${isMonthEnd(date) ? 'month-end close (reserves)' : 'nightly close'} ${i} (from checkpoints, ${fmt(payments.length)} payments that day)`;
      await close(b, date, label, workers);
      // This server runs without autovacuum: statistics after the load, and between nights what
      // autovacuum would do (timed apart: background work, not the close's).
      const v = performance.now();
      await sql`vacuum (analyze) loans, loan_checkpoints, loan_summaries`.execute(b.db);
      if (i === 0) await sql`analyze loan_events`.execute(b.db);
      console.log(`${' '.repeat(14)}vacuum (analyze) of loans, loan_checkpoints, loan_summaries after the close: ${((performance.now() - v) / 1000).toFixed(1)} s`);
    }
    const size = await sql<{ cp: string; n: number; checkpoints: string; summaries: string }>`
      select pg_size_pretty(sum(octet_length(checkpoint))::bigint) as cp, count(*)::int as n,
             pg_size_pretty(pg_total_relation_size('loan_checkpoints')) as checkpoints, pg_size_pretty(pg_total_relation_size('loan_summaries')) as summaries
      from loan_checkpoints`.execute(b.db);
    const z = size.rows[0]!;
    console.log(`  stored: checkpoints ${z.cp} of JSON for ${fmt(z.n)} loans (table ${z.checkpoints}), summaries table ${z.summaries}`);
    const last = nights.at(-1)!;
    await engineBaseline(b.db, last);
    if (process.env.EOD_BENCH_BOOKS_CHECK === '1') await checkPortfolioBooks(b.db, nights, (line) => console.log(line));
    const reports: [string, () => Promise<{ rows: readonly unknown[] }>][] = [
      ['portfolio summary', () => portfolioSummary(b.db)],
      ['aging buckets', () => agingReport(b.db)],
      ['PAR30/60/90 + morosidad', () => riskReport(b.db)],
      ['vintages', () => vintageReport(b.db)],
      ['collections effectiveness', () => collectionsReport(b.db, '2025-06-01', last, { timeZone: 'America/Mexico_City', today: last })],
      ['cash flow by week', () => cashFlowReport(b.db, last)],
    ];
    for (const [name, f] of reports) {
      await f();
      const s = performance.now();
      const r = await f();
      console.log(`  report ${name.padEnd(28)} ${(performance.now() - s).toFixed(0).padStart(6)} ms (${r.rows.length} rows) · load ${load()}`);
    }
  } finally {
    await b.drop();
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
