// Notifications from payments, queued in the payment's own statement: a receipt per payment
// (exactly once, whatever the retries with its Idempotency-Key), none for a reversal or a refused
// payment, and `pago_regularizado` when the payment brings the loan back to current. Rendered in
// Spanish from the template registry.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { publishProduct } from './support/products.ts';
import { setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const MICRO = readFileSync(new URL('../../examples/microcredito_grupal.plazo', import.meta.url), 'utf8');

/** Flat 52% weekly: 10,000 in 4 installments of 2,500 + 100 + IVA 16 = 2,616.00, due 03-10, 03-17, 03-24, 03-31. */
const TERMS = { principal: '10000.00', annualRate: '0.52', installments: 4, frequency: 'weekly', method: 'flat', interestBasis: 'period', disbursementDate: '2025-03-03', decimals: 2, rounding: 'half-even', tax: { rate: '0.16', on: ['interest'] }, fees: [] };

describe.each(DATABASE_KINDS)('payment notifications on %s', (kind) => {
  let h: Harness;
  let loan: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'microcredito_grupal', MICRO);
    setToday(h, '2025-03-03');
    const opened = await h.request('POST', '/api/v1/loans/import', { body: { product: 'microcredito_grupal', terms: TERMS, externalRef: 'SOCIA-12' } });
    loan = opened.body.loan.id;
    expect((await h.request('POST', `/api/v1/loans/${loan}/disbursement`, { body: {} })).status).toBe(201);
  }, 120_000);
  afterAll(async () => h?.destroy());

  const outbox = async () =>
    (await sql<{ dedupe_key: string; kind: string; channel: string; template: string; body: string; business_date: string; status: string }>`
      select dedupe_key, kind, channel, template, body, business_date::text as business_date, status from notification_outbox where loan_id = ${loan} order by created_at, kind`.execute(h.db)).rows;

  it('queues one receipt per payment, even when the same Idempotency-Key is sent again and again', async () => {
    // Paid on its due date, installment 1 leaves 7,500.00 of principal and no interest accrued yet: the payoff.
    setToday(h, '2025-03-10');
    const headers = { 'idempotency-key': 'pago-socia-12-1' };
    const first = await h.request('POST', `/api/v1/loans/${loan}/payments`, { body: { amount: '2616.00', reference: 'OXXO-1' }, headers });
    expect(first.status, first.text).toBe(201);
    const paymentId = first.body.event.payload.id;
    const replays = await Promise.all([1, 2, 3].map(() => h.request('POST', `/api/v1/loans/${loan}/payments`, { body: { amount: '2616.00', reference: 'OXXO-1' }, headers })));
    expect(replays.map((r) => [r.status, r.headers.get('idempotent-replayed')])).toEqual([[201, 'true'], [201, 'true'], [201, 'true']]);
    expect(await outbox()).toEqual([
      {
        dedupe_key: `${loan}:payment:${paymentId}`,
        kind: 'payment-received',
        channel: 'sms',
        template: 'pago_recibido',
        body: 'Hola SOCIA-12: recibimos tu pago de $2616.00 el 2025-03-10 para tu crédito SOCIA-12. Para liquidarlo ese día: $7500.00.',
        business_date: '2025-03-10',
        status: 'pending',
      },
    ]);
  });

  it('queues nothing for a refused payment nor for a reversal, and a new receipt for the next payment', async () => {
    const future = await h.request('POST', `/api/v1/loans/${loan}/payments`, { body: { amount: '10.00', date: '2025-03-11' } });
    expect(future.status).toBe(422);
    const small = await h.request('POST', `/api/v1/loans/${loan}/payments`, { body: { amount: '100.00' } });
    expect(small.status, small.text).toBe(201);
    expect(await outbox()).toHaveLength(2);
    const reversal = await h.request('POST', `/api/v1/loans/${loan}/payments/${small.body.event.payload.id}/reversal`, { body: { reason: 'cheque devuelto' } });
    expect(reversal.status, reversal.text).toBe(201);
    expect((await outbox()).map((n) => n.kind)).toEqual(['payment-received', 'payment-received']);
  });

  it('queues one receipt when concurrent first attempts carry one Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'pago-socia-12-concurrente' };
    const posts = await Promise.all(Array.from({ length: 6 }, () => h.request('POST', `/api/v1/loans/${loan}/payments`, { body: { amount: '20.00' }, headers })));
    expect(posts.map((p) => p.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(posts.map((p) => p.body.event.payload.id)).size).toBe(1);
    expect((await outbox()).filter((n) => n.dedupe_key.endsWith(posts[0]!.body.event.payload.id))).toHaveLength(1);
    expect(await outbox()).toHaveLength(3);
  });

  it('tells the client the loan is current again when a payment cures it', async () => {
    // Installment 2 (03-17) unpaid: 8 days past due on 03-25, stage temprana (8–30).
    setToday(h, '2025-03-25');
    const state = (await h.request('GET', `/api/v1/loans/${loan}`)).body.state;
    expect([state.daysPastDue, state.stage]).toEqual([8, 'temprana']);
    const cure = await h.request('POST', `/api/v1/loans/${loan}/payments`, { body: { amount: state.overdue.total } });
    expect(cure.status, cure.text).toBe(201);
    expect(cure.body.state.daysPastDue).toBe(0);
    const notes = await outbox();
    expect(notes.map((n) => [n.kind, n.template, n.business_date])).toEqual([
      ['payment-received', 'pago_recibido', '2025-03-10'],
      ['payment-received', 'pago_recibido', '2025-03-10'],
      ['payment-received', 'pago_recibido', '2025-03-10'],
      ['payment-received', 'pago_recibido', '2025-03-25'],
      ['stage-change', 'pago_regularizado', '2025-03-25'],
    ]);
    expect(notes.at(-1)).toMatchObject({
      dedupe_key: `${loan}:2025-03-25:stage-change:none`,
      body: 'Hola SOCIA-12: con tu pago del 2025-03-25 tu crédito SOCIA-12 quedó al corriente. ¡Gracias!',
    });
    // A second payment the same day finds the same change: its receipt only.
    expect((await h.request('POST', `/api/v1/loans/${loan}/payments`, { body: { amount: '50.00' } })).status).toBe(201);
    expect((await outbox()).filter((n) => n.kind === 'stage-change')).toHaveLength(1);
    expect(await outbox()).toHaveLength(6);
  });
});
