import { afterAll, beforeAll, describe, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { disbursedLoan, setToday } from './support/servicing.ts';

describe('scratch2', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('postgres');
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    setToday(h, '2025-03-01');
  }, 60000);
  afterAll(async () => { await h?.destroy(); });
  it('sustained', async () => {
    const loans: string[] = [];
    for (let i = 0; i < Number(process.env.LOANS ?? 40); i++) loans.push(await disbursedLoan(h));
    const statuses: Record<number, number> = {};
    let n = 0;
    const total = Number(process.env.TOTAL ?? 3000);
    let seed = 7;
    const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const t0 = Date.now();
    await Promise.all(Array.from({ length: Number(process.env.C ?? 32) }, async () => {
      while (n < total) {
        const i = n++;
        const loan = loans[Math.floor(rnd() * loans.length)];
        const r = await h.request('POST', `/api/v1/loans/${loan}/payments`, { body: { amount: '1.00', date: '2025-01-31' }, headers: { 'idempotency-key': `k-${i}` } });
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      }
    }));
    console.log(statuses, (Date.now() - t0) / 1000, 's');
    const errs = h.logs.filter((l) => l.includes('unhandled'));
    console.log(errs.length, errs.slice(0, 3).join('\n').slice(0, 4000));
  }, 900000);
});
