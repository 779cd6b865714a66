// The institution's PLD policy (examples/pld.plazo) at work on the payment path: a payment its
// unusual-operation rules fire on raises an `unusual` alert with the rule's code — a third party
// paying (PAGO_TERCERO), a payment over three installments (PAGO_SUPERIOR_CUOTA) — once, even
// when the request is retried; a payment no rule fires on raises none; without an active policy
// nothing fires. Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const POLICY = readFileSync(new URL('../../examples/pld.plazo', import.meta.url), 'utf8');

describe.each(DATABASE_KINDS)('unusual-operation alerts on %s', (kind) => {
  let h: Harness;

  async function openLoan(): Promise<string> {
    setToday(h, '2025-01-06');
    const decision = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06' } });
    expect(decision.status, decision.text).toBe(201);
    const loan = await h.request('POST', '/api/v1/loans', { body: { decisionId: decision.body.decision.id } });
    expect(loan.status, loan.text).toBe(201);
    expect((await h.request('POST', `/api/v1/loans/${loan.body.loan.id}/disbursement`, { body: {} })).status).toBe(201);
    return loan.body.loan.id as string;
  }
  const pay = (loanId: string, body: Record<string, unknown>, key?: string) =>
    h.request('POST', `/api/v1/loans/${loanId}/payments`, { key: h.keys.operator, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) });
  const unusualOf = async (loanId: string) =>
    ((await h.request('GET', `/api/v1/compliance/alerts?loanId=${loanId}`, { key: h.keys.compliance })).body.alerts as any[]).filter((a) => a.kind === 'unusual');

  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('fires nothing while no policy is active', async () => {
    const loan = await openLoan();
    setToday(h, '2025-01-20');
    expect((await pay(loan, { amount: '500.00', payer: { name: 'Pedro Soto Ruiz', relationship: 'third-party' } })).status).toBe(201);
    expect(await unusualOf(loan)).toEqual([]);
  });

  it("raises the policy's unusual alerts on the payments its rules fire on, once per payment", async () => {
    const saved = await h.request('PUT', '/api/v1/compliance/policy', { key: h.keys.compliance, body: { text: POLICY } });
    expect(saved.status, saved.text).toBeLessThan(300);
    const loan = await openLoan();
    setToday(h, '2025-01-20');
    // An ordinary payment by the client: no rule fires.
    expect((await pay(loan, { amount: '500.00' })).status).toBe(201);
    expect(await unusualOf(loan)).toEqual([]);
    // A third party pays: PAGO_TERCERO, once even when the request is sent twice.
    const body = { amount: '600.00', payer: { name: 'Pedro Soto Ruiz', relationship: 'third-party' } };
    const first = await pay(loan, body, 'tercero-1');
    expect(first.status, first.text).toBe(201);
    expect((await pay(loan, body, 'tercero-1')).headers.get('idempotent-replayed')).toBe('true');
    const third = await unusualOf(loan);
    expect(third).toEqual([expect.objectContaining({ kind: 'unusual', code: 'PAGO_TERCERO', paymentId: first.body.event.payload.id, status: 'open', daysLeft: 60 })]);
    // A payment of more than three installments: PAGO_SUPERIOR_CUOTA.
    const big = await pay(loan, { amount: '20000.00' });
    expect(big.status, big.text).toBe(201);
    const codes = (await unusualOf(loan)).map((a) => a.code).sort();
    expect(codes).toEqual(['PAGO_SUPERIOR_CUOTA', 'PAGO_TERCERO']);
  });

  it('a cash payment above the threshold is relevant and, over three installments, unusual too', async () => {
    const loan = await openLoan();
    setToday(h, '2025-01-21');
    expect((await h.request('PUT', '/api/v1/compliance/exchange-rates/2025-01-21', { key: h.keys.compliance, body: { usd: '17.2345' } })).status).toBe(200);
    // USD 1,740.69 at 17.2345: relevant at a threshold of USD 1,500 (the default is 7,500).
    expect((await h.request('PUT', '/api/v1/compliance/settings/cash-threshold', { key: h.keys.compliance, body: { usd: '1500' } })).status).toBe(200);
    const paid = await pay(loan, { amount: '30000.00', method: 'cash' });
    expect(paid.status, paid.text).toBe(201);
    const all = (await h.request('GET', `/api/v1/compliance/alerts?loanId=${loan}`, { key: h.keys.compliance })).body.alerts as any[];
    expect(all.map((a) => `${a.kind}:${a.code}`).sort()).toEqual(['relevant:cash-threshold', 'unusual:PAGO_SUPERIOR_CUOTA']);
  });
});
