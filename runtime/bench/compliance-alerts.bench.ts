// The PLD alert check on the payment path: 1,000 payments posted through the API in process
// (app.request, the whole route: validation, engine fold, ledger, audit) per line, on a fresh
// in-memory PGlite (ALERTS_BENCH_DB=postgres uses the empty database of DATABASE_URL instead),
// spread over ALERTS_BENCH_LOANS loans. Lines:
//   baseline — transfer payments: the alert check has nothing to look at (no query at all);
//   cash below the threshold — the check reads the payment, the rate and the threshold, raises nothing;
//   cash above the threshold — the same, and raises an alert (row + audit entry) per payment.
// Each line pays its own loans (opened alike). Prints payments per second and p50/p99 per payment.
//   ALERTS_BENCH_PAYMENTS (1000 per line) · ALERTS_BENCH_LOANS (100)
import { readFileSync } from 'node:fs';
import { createApp } from '../src/app.ts';
import { issueApiKey } from '../src/auth/api-key-issuer.ts';
import { fixedClock } from '../src/clock.ts';
import { testConfig } from '../src/config.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { memoryLogger } from '../src/logger.ts';
import { createProduct, publishDraft } from '../src/products/product-catalog.ts';
import { compileProductSource } from '../src/products/product-compiler.ts';

const PAYMENTS = Number(process.env.ALERTS_BENCH_PAYMENTS ?? 1000);
const LOANS = Number(process.env.ALERTS_BENCH_LOANS ?? 100);
const NOMINA = readFileSync(new URL('../../examples/nomina.plazo', import.meta.url), 'utf8');
const APPLICATION = {
  applicant: { birth_date: '1985-05-10' },
  payroll: { net_pay: '18000', existing_deductions: '0' },
  employment: { months: 48, contract: 'planta', employer_in_agreement: true },
  bureau: { score: 720, worst_dpd_12m: 0, monthly_payments: '3000' },
  request: { amount: '60000', payments: 24 },
};
const AT = '2025-01-06T18:00:00.000Z';

const postgres = process.env.ALERTS_BENCH_DB === 'postgres' && process.env.DATABASE_URL;
const { db } = await openDatabase(postgres ? { kind: 'postgres', connectionString: process.env.DATABASE_URL! } : { kind: 'pglite' });
try {
  await migrateToLatest(db);
  await createProduct(db, { code: 'nomina', name: 'nomina', source: NOMINA }, { actor: 'system', at: AT });
  const codes = (await compileProductSource(NOMINA)).diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
  await publishDraft(db, 'nomina', { acknowledgeWarnings: { codes, reason: 'bench' } }, { actor: 'system', at: AT, selfApproved: true });
  const clock = fixedClock(AT);
  const app = createApp({ db, clock, logger: memoryLogger('error'), config: testConfig({ logLevel: 'error' }) });
  const { key } = await issueApiKey(db, { name: 'bench', role: 'admin' }, { actor: 'system', at: AT });
  const call = async (method: string, path: string, body: unknown) => {
    const res = await app.request(path, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  // Each line pays loans of its own, opened alike: every line folds the same histories.
  const openLoans = async () => {
    const loans: string[] = [];
    for (let i = 0; i < LOANS; i++) {
      const decision = await call('POST', '/api/v1/decisions', { product: 'nomina', application: APPLICATION, asOf: '2025-01-06' });
      const loan = await call('POST', '/api/v1/loans', { decisionId: decision.decision.id });
      await call('POST', `/api/v1/loans/${loan.loan.id}/disbursement`, {});
      loans.push(loan.loan.id);
    }
    return loans;
  };
  const loanSets = [await openLoans(), await openLoans(), await openLoans()];
  clock.advance(86_400_000);
  await call('PUT', '/api/v1/compliance/exchange-rates/2025-01-01', { usd: '17.2345' });
  const line = async (label: string, loans: readonly string[], method: string, amount: string) => {
    const ms: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < PAYMENTS; i++) {
      const t = performance.now();
      await call('POST', `/api/v1/loans/${loans[i % loans.length]}/payments`, { amount, method });
      ms.push(performance.now() - t);
    }
    const seconds = (performance.now() - t0) / 1000;
    ms.sort((a, b) => a - b);
    const p = (q: number) => ms[Math.min(ms.length - 1, Math.floor(ms.length * q))]!.toFixed(2).padStart(7);
    console.log(`  ${label.padEnd(58)} ${(PAYMENTS / seconds).toFixed(0).padStart(6)} payments/s   p50 ${p(0.5)} ms   p99 ${p(0.99)} ms`);
  };
  console.log(`\n== compliance-alerts.bench.ts (${postgres ? 'postgres' : 'pglite'}): ${PAYMENTS} payments per line over ${LOANS} loans, one at a time`);
  await line('baseline: transfer payments (no alert check to run)', loanSets[0]!, 'transfer', '100');
  await line('cash below the threshold (check runs, no alert)', loanSets[1]!, 'cash', '100');
  await call('PUT', '/api/v1/compliance/settings/cash-threshold', { usd: '1' });
  await line('cash above the threshold (check runs, one alert each)', loanSets[2]!, 'cash', '100');
  const alerts = await db.selectFrom('compliance_alerts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  console.log(`  alerts raised: ${alerts.n} (expected ${PAYMENTS})`);
} finally {
  await db.destroy();
}
