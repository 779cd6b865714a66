// `pnpm bench` for the runtime: requests per second and latency percentiles over real HTTP on
// 127.0.0.1, against the real service process (`src/server.ts`, as `pnpm start` runs it) on
// PGlite, and on PostgreSQL when DATABASE_URL is set (in a database of its own, dropped after),
// there with PLAZO_WORKERS processes. The client loop runs in this process (keep-alive
// connections, BENCH_CONCURRENCY in flight, bench/lean-client.ts), bounded in count and in time
// per line.
//
// Each line prints req/s, the number of requests, errors (non-2xx or failed), p50 and p99, and
// the CPU used meanwhile, in CPU-seconds per second (2.00 = both cores of this machine): by the
// service processes, by the database (its backends; PGlite runs inside the service), by this
// client, and by everything else on the machine (other people's work). `req/cpu-s` divides the
// requests by the service + database CPU: a figure that holds still when the machine is shared.
// Baselines in the same run: the engine's decide() in process, and GET /api/health per target.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { decide } from '@plazo/engine';
import pg from 'pg';
import { LeanClient } from './lean-client.ts';
import { issueApiKey } from '../src/auth/api-key-issuer.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { openDatabase, type DatabaseTarget } from '../src/db/open-database.ts';
import { createProduct, publishDraft } from '../src/products/product-catalog.ts';
import { resolveVersion } from '../src/products/product-versions.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/**
 * The payments line runs again with this many requests in flight: by Little's law, carrying
 * 1,000 payments a second at ~25 ms each takes ~25 in flight — what a payment gateway posting for
 * many channels keeps open — and more in flight lets the service group more writes per statement.
 */
const PAYMENT_CONCURRENCY = Number(process.env.BENCH_PAYMENT_CONCURRENCY ?? 32);
/** Each load stops early after this many seconds. */
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 20);
/**
 * Loans the payments line spreads over: a lender taking 1,000 payments a second has a large
 * portfolio, each loan paid now and then; 200 loans paid 100 times each in seconds would measure
 * a hot-spot instead (try BENCH_LOANS=200).
 */
const LOANS = Number(process.env.BENCH_LOANS ?? 2000);
/**
 * The last line pays loans disbursed this many days ago that have been paid every 15 days since:
 * each payment folds the loan's whole history (BENCH_HISTORY_LOANS of them; 0 skips the line).
 */
const HISTORY_DAYS = Number(process.env.BENCH_HISTORY_DAYS ?? 180);
const HISTORY_LOANS = Number(process.env.BENCH_HISTORY_LOANS ?? 300);
/** Service processes on PostgreSQL (PLAZO_WORKERS; default one per core); PGlite is always one. */
const PG_WORKERS = Number(process.env.BENCH_WORKERS ?? cpus().length);
/** Connections per service process (PLAZO_DB_POOL_SIZE). */
const POOL = process.env.BENCH_POOL ?? '8';
const RUNTIME_DIR = new URL('..', import.meta.url).pathname;
const NOMINA = readFileSync(new URL('../../examples/nomina.plazo', import.meta.url), 'utf8');
const APPLICATION = {
  applicant: { birth_date: '1985-05-10' },
  payroll: { net_pay: '18000', existing_deductions: '0' },
  employment: { months: 48, contract: 'planta', employer_in_agreement: true },
  bureau: { score: 720, worst_dpd_12m: 0, monthly_payments: '3000' },
  request: { amount: '60000', payments: 24 },
};
const CLK_TCK = 100;
/** Only the load lines whose name contains this text (e.g. `decisions`); default all. */
const ONLY = process.env.BENCH_ONLY ?? '';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

// ---- CPU accounting from /proc -------------------------------------------------------------

function readFile(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** utime + stime of a process, in seconds (null when it is gone). */
function processCpu(pid: number): number | null {
  const stat = readFile(`/proc/${pid}/stat`);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** A process and its descendants. */
function processTree(pid: number): number[] {
  const out = [pid];
  for (const task of (readFile(`/proc/${pid}/task/${pid}/children`) ?? '').trim().split(/\s+/).filter(Boolean)) out.push(...processTree(Number(task)));
  return out;
}

/** Busy CPU-seconds of the whole machine since boot. */
function machineBusy(): number {
  const [, ...f] = (readFile('/proc/stat') ?? '').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = f.map(Number);
  return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) / CLK_TCK;
}

interface Target {
  readonly label: string;
  readonly url: string;
  readonly key: string;
  readonly serverPid: number;
  /** PIDs of the database's backends serving the service (empty for PGlite). */
  dbPids(): Promise<number[]>;
  /** Refreshes the planner's statistics after the bench loaded its data, as autovacuum would in service (PostgreSQL). */
  analyze(): Promise<void>;
  /** Runs the end of day through `date` (PostgreSQL; PGlite is held by the service): false when it cannot. */
  endOfDay(date: string): Promise<boolean>;
}

function sumCpu(pids: readonly number[], at: Map<number, number>): void {
  for (const pid of pids) {
    const cpu = processCpu(pid);
    if (cpu !== null) at.set(pid, cpu);
  }
}

function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}

// ---- HTTP client ---------------------------------------------------------------------------

const clients = new Map<string, LeanClient>();

function send(url: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  let client = clients.get(url);
  if (!client) clients.set(url, (client = new LeanClient(url)));
  return client.request(method, path, headers, body);
}

async function load(target: Target, name: string, request: (i: number) => Promise<{ status: number; text?: string }>, concurrency = CONCURRENCY): Promise<void> {
  const requests = REQUESTS;
  if (!name.includes(ONLY) && !name.startsWith('baseline')) return;
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError = '';
  const serverPids = processTree(target.serverPid);
  const dbBefore = await target.dbPids();
  const cpuBefore = new Map<number, number>();
  sumCpu([...serverPids, ...dbBefore], cpuBefore);
  const clientBefore = process.cpuUsage();
  const busyBefore = machineBusy();
  const started = performance.now();
  const deadline = started + MAX_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < requests && performance.now() < deadline; i = next++) {
        const t0 = performance.now();
        try {
          const res = await request(i);
          if (res.status < 200 || res.status >= 300) {
            if (errors++ === 0) firstError = `${res.status} ${res.text?.slice(0, 300) ?? ''}`;
          }
        } catch (error) {
          if (errors++ === 0) firstError = String(error);
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const busy = machineBusy() - busyBefore;
  const client = process.cpuUsage(clientBefore);
  const dbAfter = await target.dbPids();
  const cpuAfter = new Map<number, number>();
  sumCpu([...serverPids, ...new Set([...dbBefore, ...dbAfter])], cpuAfter);
  const serverAfter = new Map([...cpuAfter].filter(([pid]) => serverPids.includes(pid)));
  const dbAfterOnly = new Map([...cpuAfter].filter(([pid]) => !serverPids.includes(pid)));
  const serverCpu = cpuDelta(cpuBefore, serverAfter);
  const dbCpu = cpuDelta(cpuBefore, dbAfterOnly);
  const clientCpu = (client.user + client.system) / 1e6;
  const others = Math.max(0, busy - serverCpu - dbCpu - clientCpu);
  latencies.sort((a, b) => a - b);
  const n = latencies.length;
  const perSecond = (x: number) => (x / seconds).toFixed(2);
  console.log(
    `  ${name.padEnd(38)} ${String(Math.round(n / seconds)).padStart(6)} req/s  n ${String(n).padStart(5)}  errors ${errors}  p50 ${percentile(latencies, 50).toFixed(1).padStart(5)} ms  p99 ${percentile(latencies, 99).toFixed(1).padStart(6)} ms` +
      `  | cpu/s service ${perSecond(serverCpu)} db ${perSecond(dbCpu)} client ${perSecond(clientCpu)} others ${perSecond(others)}  | ${Math.round(n / Math.max(serverCpu + dbCpu, 1e-9))} req/cpu-s`,
  );
  if (firstError) console.log(`    first error: ${firstError}`);
}

// ---- targets ---------------------------------------------------------------------------------

/** Migrates, creates the bench's admin key and publishes the products, then closes. */
async function prepare(target: DatabaseTarget): Promise<string> {
  const { db } = await openDatabase(target);
  try {
    await migrateToLatest(db);
    const at = new Date().toISOString();
    const { key } = await issueApiKey(db, { name: 'bench', role: 'admin' }, { actor: 'system', at });
    await createProduct(db, { code: 'nomina', name: 'Nómina', source: NOMINA }, { actor: 'system', at });
    await publishDraft(db, 'nomina', {}, { actor: 'system', at, selfApproved: true });
    await createProduct(db, { code: 'bench', name: 'Bench', source: 'product bench "Bench" {}' }, { actor: 'system', at });
    return key;
  } finally {
    await db.destroy();
  }
}

function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', 'src/server.ts'], {
    cwd: RUNTIME_DIR,
    // The service logs as in production (a JSON line per request, LOG_LEVEL info); the bench reads
    // and drops them (its reading shows as client CPU).
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', PLAZO_LOAD_EXAMPLES: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let started = false;
  const keep = (d: Buffer) => {
    if (!started) out += d;
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    const poll = setInterval(() => {
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        started = true;
        out = '';
        clearInterval(poll);
        clearTimeout(timer);
        resolve({ child, url });
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function runLoads(target: Target): Promise<void> {
  const headers = { authorization: `Bearer ${target.key}`, 'content-type': 'application/json' };
  const post = (path: string, body: unknown, extra: Record<string, string> = {}) => send(target.url, 'POST', path, { ...headers, ...extra }, JSON.stringify(body));
  console.log(`${target.label}: up to ${REQUESTS} requests or ${MAX_SECONDS} s per line, concurrency ${CONCURRENCY}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`);
  // Warm up the service's JIT and connections (not measured).
  await Promise.all(Array.from({ length: 200 }, () => send(target.url, 'GET', '/api/health', {})));
  await load(target, 'baseline: GET /api/health', () => send(target.url, 'GET', '/api/health', {}));
  await load(target, 'GET /api/v1/auth/me (key lookup)', () => send(target.url, 'GET', '/api/v1/auth/me', headers));
  await load(target, 'PUT draft (one entity: its stream queues)', (i) =>
    send(target.url, 'PUT', '/api/v1/products/bench/draft', headers, JSON.stringify({ source: `product bench "Bench" {} // ${i}` })),
  );
  await Promise.all(Array.from({ length: 100 }, () => post('/api/v1/decisions', { product: 'nomina', application: APPLICATION })));
  await load(target, 'POST /api/v1/decisions (stored)', () => post('/api/v1/decisions', { product: 'nomina', application: APPLICATION }));
  // Loans to pay: decided, opened and disbursed today, then payments spread over them.
  const loanIds = await makeLoans(LOANS, async () => {
    const d = JSON.parse((await post('/api/v1/decisions', { product: 'nomina', application: APPLICATION })).text) as { decision: { id: string } };
    const l = JSON.parse((await post('/api/v1/loans', { decisionId: d.decision.id })).text) as { loan: { id: string } };
    await post(`/api/v1/loans/${l.loan.id}/disbursement`, {});
    return l.loan.id;
  });
  // The tables grew from nothing in seconds: without fresh statistics the planner would take a
  // table of 48,000 open installments for an empty one.
  await target.analyze();
  const pay = (offset: number) => (i: number) =>
    post(`/api/v1/loans/${loanIds[i % LOANS]}/payments`, { amount: '10.00' }, { 'idempotency-key': `bench-${offset + i}` });
  await load(target, `POST /loans/{id}/payments (${LOANS} loans)`, pay(0));
  await load(target, `POST /loans/{id}/payments (${LOANS} loans, ${PAYMENT_CONCURRENCY} in flight)`, pay(REQUESTS), PAYMENT_CONCURRENCY);
  if (HISTORY_LOANS > 0 && `payments (${HISTORY_DAYS} days of history)`.includes(ONLY)) await payLoansWithHistory(target, post);
}

/** `count` loans made by `make`, 8 at a time (setup, not measured); their ids. */
async function makeLoans(count: number, make: () => Promise<string>): Promise<string[]> {
  const ids: string[] = [];
  let started = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (started < count) {
        started++;
        ids.push(await make());
      }
    }),
  );
  return ids;
}

/** Loans on the offer's terms, disbursed HISTORY_DAYS ago and paid every 15 days since; then payments on them today. */
async function payLoansWithHistory(target: Target, post: (path: string, body: unknown, extra?: Record<string, string>) => Promise<{ status: number; text: string }>): Promise<void> {
  const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
  const start = day(HISTORY_DAYS);
  const decided = JSON.parse((await post('/api/v1/decisions', { product: 'nomina', application: APPLICATION, asOf: start })).text) as { decision: { offer: { terms: Record<string, unknown> } } };
  const terms = decided.decision.offer.terms;
  const ids = await makeLoans(HISTORY_LOANS, async () => {
    const opened = await post('/api/v1/loans/import', { product: 'nomina', terms });
    if (opened.status !== 201) throw new Error(`import: ${opened.status} ${opened.text.slice(0, 300)}`);
    const id = (JSON.parse(opened.text) as { loan: { id: string } }).loan.id;
    await post(`/api/v1/loans/${id}/disbursement`, {});
    for (let d = HISTORY_DAYS - 15; d > 0; d -= 15) await post(`/api/v1/loans/${id}/payments`, { amount: '3161.71', date: day(d) });
    return id;
  });
  // The night's close stores each loan's checkpoint: a payment then folds from it, not from the disbursement.
  const closed = await target.endOfDay(day(2));
  await target.analyze();
  await load(target, `POST /loans/{id}/payments (${HISTORY_LOANS} loans, ${HISTORY_DAYS} days of history${closed ? ', closed 2 days ago' : ''})`, (i) =>
    post(`/api/v1/loans/${ids[i % ids.length]}/payments`, { amount: '10.00' }, { 'idempotency-key': `history-${i}` }),
  );
}

{
  // Baseline: the engine alone, in process, on the same product and application.
  const { db } = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(db);
  const at = new Date().toISOString();
  await createProduct(db, { code: 'nomina', name: 'Nómina', source: NOMINA }, { actor: 'system', at });
  await publishDraft(db, 'nomina', {}, { actor: 'system', at, selfApproved: true });
  const { ir } = await resolveVersion(db, 'nomina', undefined, { forNewBusiness: true });
  await db.destroy();
  const n = 2000;
  for (let i = 0; i < 200; i++) decide(ir, APPLICATION, '2025-01-06');
  const t0 = performance.now();
  for (let i = 0; i < n; i++) decide(ir, APPLICATION, '2025-01-06');
  const ms = performance.now() - t0;
  console.log(`baseline: engine decide() in process   ${Math.round((n / ms) * 1000)} decisions/s (${(ms / n).toFixed(2)} ms each, one core); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

if (process.env.BENCH_SKIP_PGLITE !== '1') {
  const dir = mkdtempSync(join(tmpdir(), 'plazo-bench-'));
  try {
    const key = await prepare({ kind: 'pglite', dataDir: dir });
    const { child, url } = await startServer({ PLAZO_DATA_DIR: dir, DATABASE_URL: '' });
    try {
      await runLoads({ label: 'PGlite (on disk, 1 process)', url, key, serverPid: child.pid!, dbPids: async () => [], analyze: async () => {}, endOfDay: async () => false });
    } finally {
      await stopServer(child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.DATABASE_URL) {
  const name = `plazo_bench_${randomBytes(4).toString('hex')}`;
  const admin = new URL(process.env.DATABASE_URL);
  admin.pathname = '/postgres';
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  try {
    await adminClient.query(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    try {
      const key = await prepare({ kind: 'postgres', connectionString: url.toString() });
      const server = await startServer({ DATABASE_URL: url.toString(), PLAZO_WORKERS: String(PG_WORKERS), PLAZO_DB_POOL_SIZE: POOL });
      const dbPids = async () =>
        (await adminClient.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name])).rows.map((r) => r.pid);
      try {
        const analyze = async () => {
          const client = new pg.Client({ connectionString: url.toString() });
          await client.connect();
          await client.query('analyze').finally(() => client.end());
        };
        const endOfDay = async (date: string) => {
          const { db } = await openDatabase({ kind: 'postgres', connectionString: url.toString() });
          try {
            await runEndOfDay(db, { through: date });
          } finally {
            await db.destroy();
          }
          return true;
        };
        await runLoads({ label: `PostgreSQL (${PG_WORKERS} service process${PG_WORKERS > 1 ? 'es' : ''}, pool ${POOL} each)`, url: server.url, key, serverPid: server.child.pid!, dbPids, analyze, endOfDay });
      } finally {
        await stopServer(server.child);
      }
    } finally {
      await adminClient.query(`drop database if exists ${name} with (force)`);
    }
  } finally {
    await adminClient.end();
  }
}
for (const client of clients.values()) client.close();
