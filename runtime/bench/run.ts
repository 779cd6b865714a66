// `pnpm bench` for the runtime: requests per second and latency percentiles over real HTTP
// (127.0.0.1, @hono/node-server) against PGlite, and PostgreSQL when DATABASE_URL is set.
// Baselines first (in-process engine decide/s, GET /api/health), then an authenticated read, an
// audited write, decisions/s with persistence and payments/s. Bounded in count and in time.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decide } from '@plazo/engine';
import { createProduct, publishDraft } from '../src/products/product-catalog.ts';
import { resolveVersion } from '../src/products/product-versions.ts';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { createApp } from '../src/app.ts';
import { issueApiKey } from '../src/auth/api-key-issuer.ts';
import { systemClock } from '../src/clock.ts';
import { testConfig } from '../src/config.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase, type DatabaseTarget } from '../src/db/open-database.ts';
import { jsonLogger } from '../src/logger.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** Each load stops early after this many seconds. */
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 20);
const LOANS = Number(process.env.BENCH_LOANS ?? 200);
const NOMINA = readFileSync(new URL('../../examples/nomina.plazo', import.meta.url), 'utf8');
const APPLICATION = {
  applicant: { birth_date: '1985-05-10' },
  payroll: { net_pay: '18000', existing_deductions: '0' },
  employment: { months: 48, contract: 'planta', employer_in_agreement: true },
  bureau: { score: 720, worst_dpd_12m: 0, monthly_payments: '3000' },
  request: { amount: '60000', payments: 24 },
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function load(name: string, send: (i: number) => Promise<Response>, requests = REQUESTS): Promise<void> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + MAX_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < requests && performance.now() < deadline; i = next++) {
        const t0 = performance.now();
        const res = await send(i);
        await res.arrayBuffer();
        if (!res.ok) failures++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `  ${name.padEnd(34)} ${String(Math.round(latencies.length / seconds)).padStart(6)} req/s   n ${latencies.length}   p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   failures ${failures}`,
  );
}

async function benchTarget(label: string, target: DatabaseTarget, cleanup: () => Promise<void>): Promise<void> {
  const { db } = await openDatabase(target);
  try {
    await migrateToLatest(db);
    const at = new Date().toISOString();
    const { key } = await issueApiKey(db, { name: 'bench', role: 'admin' }, { actor: 'system', at });
    const app = createApp({ db, clock: systemClock(), config: testConfig(), logger: jsonLogger('silent') });
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    await fetch(`${base}/api/v1/products`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ code: 'bench', name: 'Bench', source: 'product bench "Bench" {}' }),
    });
    console.log(`${label}: up to ${REQUESTS} requests or ${MAX_SECONDS} s per line, concurrency ${CONCURRENCY}`);
    await load('baseline: GET /api/health', () => fetch(`${base}/api/health`));
    await load('GET /api/v1/auth/me (key lookup)', () => fetch(`${base}/api/v1/auth/me`, { headers }));
    await load('PUT draft (write + audit chain)', (i) =>
      fetch(`${base}/api/v1/products/bench/draft`, { method: 'PUT', headers, body: JSON.stringify({ source: `product bench "Bench" {} // ${i}` }) }),
    );

    await createProduct(db, { code: 'nomina', name: 'Nómina', source: NOMINA }, { actor: 'system', at });
    await publishDraft(db, 'nomina', {}, { actor: 'system', at, selfApproved: true });
    await load('POST /api/v1/decisions (stored)', () =>
      fetch(`${base}/api/v1/decisions`, { method: 'POST', headers, body: JSON.stringify({ product: 'nomina', application: APPLICATION }) }),
    );
    // Loans to pay: decided, opened and disbursed today, then payments spread over them.
    const loanIds: string[] = [];
    for (let i = 0; i < LOANS; i++) {
      const d = (await (await fetch(`${base}/api/v1/decisions`, { method: 'POST', headers, body: JSON.stringify({ product: 'nomina', application: APPLICATION }) })).json()) as { decision: { id: string } };
      const l = (await (await fetch(`${base}/api/v1/loans`, { method: 'POST', headers, body: JSON.stringify({ decisionId: d.decision.id }) })).json()) as { loan: { id: string } };
      await fetch(`${base}/api/v1/loans/${l.loan.id}/disbursement`, { method: 'POST', headers, body: '{}' });
      loanIds.push(l.loan.id);
    }
    await load(`POST /loans/{id}/payments (${LOANS} loans)`, (i) =>
      fetch(`${base}/api/v1/loans/${loanIds[i % LOANS]}/payments`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': `bench-${i}` },
        body: JSON.stringify({ amount: '10.00' }),
      }),
    );
    await new Promise<void>((resolve) => server.close(() => resolve()));
  } finally {
    await db.destroy();
    await cleanup();
  }
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
  decide(ir, APPLICATION, '2025-01-06');
  const t0 = performance.now();
  for (let i = 0; i < n; i++) decide(ir, APPLICATION, '2025-01-06');
  const ms = performance.now() - t0;
  console.log(`baseline: engine decide() in process   ${Math.round((n / ms) * 1000)} decisions/s (${(ms / n).toFixed(2)} ms each, one core)`);
}
if (process.env.BENCH_SKIP_PGLITE !== '1') await benchTarget('PGlite (in memory)', { kind: 'pglite' }, async () => {});
if (process.env.DATABASE_URL) {
  const name = `plazo_bench_${randomBytes(4).toString('hex')}`;
  const admin = new URL(process.env.DATABASE_URL);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await run(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  await benchTarget('PostgreSQL', { kind: 'postgres', connectionString: url.toString(), poolSize: 20 }, () => run(`drop database if exists ${name} with (force)`));
}
