// `pnpm bench` for the runtime: requests per second and latency percentiles over real HTTP
// (127.0.0.1, @hono/node-server) against PGlite, and PostgreSQL when DATABASE_URL is set.
// Measures what exists so far: an authenticated read and an audited write. Bounded in count.
import { randomBytes } from 'node:crypto';
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function load(name: string, send: (i: number) => Promise<Response>): Promise<void> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < REQUESTS; i = next++) {
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
    `  ${name.padEnd(34)} ${String(Math.round(REQUESTS / seconds)).padStart(6)} req/s   p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   failures ${failures}`,
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
    console.log(`${label}: ${REQUESTS} requests, concurrency ${CONCURRENCY}`);
    await load('GET /api/v1/auth/me (key lookup)', () => fetch(`${base}/api/v1/auth/me`, { headers }));
    await load('PUT draft (write + audit chain)', (i) =>
      fetch(`${base}/api/v1/products/bench/draft`, { method: 'PUT', headers, body: JSON.stringify({ source: `product bench "Bench" {} // ${i}` }) }),
    );
    await new Promise<void>((resolve) => server.close(() => resolve()));
  } finally {
    await db.destroy();
    await cleanup();
  }
}

await benchTarget('PGlite (in memory)', { kind: 'pglite' }, async () => {});
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
