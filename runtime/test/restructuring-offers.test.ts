// Restructuring offers at the stage the product defines: the group credit offers
// `payments 24 weekly rate 36%` in stage `tardia` (31–90 days past due), the payroll loan a bare
// `offer restructure` (its own frequency and rate, its open installments). The offer is the
// engine's (same schedule and CAT as a quote of its terms); accepting it records the restructure
// once, idempotently; permissions and refusals.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { disbursedLoan, setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const MICRO = readFileSync(new URL('../../examples/microcredito_grupal.plazo', import.meta.url), 'utf8');

/** Flat 52% weekly, 12 installments from 2025-01-13. */
const TERMS = { principal: '6000.00', annualRate: '0.52', installments: 12, frequency: 'weekly', method: 'flat', interestBasis: 'period', disbursementDate: '2025-01-06', decimals: 2, rounding: 'half-even', tax: { rate: '0.16', on: ['interest'] }, fees: [] };

describe.each(DATABASE_KINDS)('restructuring offers on %s', (kind) => {
  let h: Harness;
  let loan: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'microcredito_grupal', MICRO);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    setToday(h, '2025-01-06');
    const opened = await h.request('POST', '/api/v1/loans/import', { body: { product: 'microcredito_grupal', terms: TERMS, externalRef: 'GRUPO-7' } });
    loan = opened.body.loan.id;
    expect((await h.request('POST', `/api/v1/loans/${loan}/disbursement`, { body: {} })).status).toBe(201);
  }, 120_000);
  afterAll(async () => h?.destroy());

  it('makes no offer before the stage that offers one, and says where it would', async () => {
    setToday(h, '2025-01-25'); // 12 days past due: stage temprana
    const res = await h.request('GET', `/api/v1/loans/${loan}/restructuring-offer`, { key: h.keys['api-client'] });
    expect(res.status, res.text).toBe(404);
    expect(res.body.error).toEqual({
      code: 'no-restructuring-offer',
      message: 'the loan is in stage `temprana`: product `microcredito_grupal` offers restructuring at stage `tardia`',
      details: { stage: 'temprana', offeredAt: ['tardia'] },
    });
    setToday(h, '2025-01-10');
    expect((await h.request('GET', `/api/v1/loans/${loan}/restructuring-offer`)).body.error.message).toMatch(/^the loan is current \(no collection stage\)/);
  });

  it('offers the stage terms on everything owed: the same schedule and CAT as a quote of them', async () => {
    setToday(h, '2025-02-14'); // 32 days past due: stage tardia
    const res = await h.request('GET', `/api/v1/loans/${loan}/restructuring-offer`, { key: h.keys['api-client'] });
    expect(res.status, res.text).toBe(200);
    const payoff = (await h.request('GET', `/api/v1/loans/${loan}/payoff?date=2025-02-14`)).body.payoff.total;
    expect(res.body).toMatchObject({ loanId: loan, date: '2025-02-14', stage: 'tardia', offer: { installments: 24, frequency: 'weekly', annualRate: '0.36' }, principal: payoff });
    expect(res.body.terms).toMatchObject({ principal: payoff, method: 'flat', disbursementDate: '2025-02-14', installments: 24, annualRate: '0.36' });
    const quote = await h.request('POST', '/api/v1/quotes', { body: { terms: res.body.terms } });
    expect(quote.status, quote.text).toBe(200);
    expect(res.body.schedule).toEqual(quote.body.schedule);
    expect(res.body.cat).toBe(quote.body.schedule.cat);
    expect(res.body.schedule.installments).toHaveLength(24);
    expect(res.body.schedule.installments[0].dueDate).toBe('2025-02-21');
  });

  it('shows whether a loan in a collection queue has an offer', async () => {
    const { queueLoans, listQueues } = await import('../src/collections/collections.repository.ts');
    const { runEndOfDay } = await import('../src/eod/eod-run.ts');
    await runEndOfDay(h.db, { through: '2025-02-13' });
    const queues = await listQueues(h.db);
    expect(queues).toEqual([expect.objectContaining({ queue: 'cobranza_tardia', stage: 'tardia', loans: 1, restructuring_offers: 1 })]);
    const page = await queueLoans(h.db, 'cobranza_tardia', { limit: 10, today: '2025-02-14', timeZone: 'America/Mexico_City' });
    expect(page.loans).toEqual([expect.objectContaining({ loan_id: loan, stage: 'tardia', restructuring_offer: true })]);
    const listed = await h.request('GET', '/api/v1/collections/queues/cobranza_tardia/loans', { key: h.keys.operator });
    expect(listed.body.loans[0]).toMatchObject({ loan_id: loan, restructuring_offer: true });
    expect(listed.body.loans[0]).not.toHaveProperty('product_version_id');
  });

  it('accepts the offer once: the restructure is recorded, a replay returns the first response', async () => {
    setToday(h, '2025-02-14');
    const offer = (await h.request('GET', `/api/v1/loans/${loan}/restructuring-offer`)).body;
    expect((await h.request('POST', `/api/v1/loans/${loan}/restructuring-offer`, { key: h.keys['api-client'], body: {} })).status).toBe(403);
    expect((await h.request('POST', `/api/v1/loans/${loan}/restructuring-offer`, { key: h.keys.operator, body: { installments: 3 } })).status).toBe(422);
    const accepted = await h.request('POST', `/api/v1/loans/${loan}/restructuring-offer`, { key: h.keys.operator, body: {}, headers: { 'idempotency-key': 'reestructura-1' } });
    expect(accepted.status, accepted.text).toBe(201);
    expect(accepted.body.event).toMatchObject({ kind: 'restructure', date: '2025-02-14', payload: { kind: 'restructure', date: '2025-02-14', installments: 24, frequency: 'weekly', annualRate: '0.36' } });
    const replay = await h.request('POST', `/api/v1/loans/${loan}/restructuring-offer`, { key: h.keys.operator, body: {}, headers: { 'idempotency-key': 'reestructura-1' } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(accepted.text);
    // The loan now follows the offered schedule and is current: no more offer.
    const state = (await h.request('GET', `/api/v1/loans/${loan}?asOf=2025-02-14`)).body.state;
    const pending = state.installments.filter((i: { status: string }) => i.status === 'pending');
    expect(pending.map((i: { dueDate: string; due: { total: string } }) => [i.dueDate, i.due.total])).toEqual(offer.schedule.installments.map((i: { dueDate: string; total: string }) => [i.dueDate, i.total]));
    expect(state.daysPastDue).toBe(0);
    const after = await h.request('POST', `/api/v1/loans/${loan}/restructuring-offer`, { key: h.keys.operator, body: {} });
    expect([after.status, after.body.error.code]).toEqual([404, 'no-restructuring-offer']);
    const audit = await h.request('GET', `/api/v1/audit?entityType=loan&entityId=${loan}`);
    expect(audit.body.entries.at(-1)).toMatchObject({ action: 'restructure', details: { kind: 'restructure', installments: 24, offerStage: 'tardia' } });
    const balance = await h.request('GET', '/api/v1/ledger/trial-balance');
    expect(balance.body.balanced).toBe(true);
  });

  it('keeps the loan frequency, rate and open installments when the offer names no terms', async () => {
    const nomina = await disbursedLoan(h); // 60,000 on 2025-01-06, 24 semimonthly from 2025-01-31
    setToday(h, '2025-03-05'); // installment 1 (01-31) 33 days past due: stage tardia; all 24 open
    const res = await h.request('GET', `/api/v1/loans/${nomina}/restructuring-offer`);
    expect(res.status, res.text).toBe(200);
    const loanTerms = (await h.request('GET', `/api/v1/loans/${nomina}`)).body.loan.terms;
    expect(res.body).toMatchObject({ stage: 'tardia', offer: { installments: 24, frequency: 'semimonthly', annualRate: loanTerms.annualRate } });
  });

  it('refuses unknown, pending and closed loans', async () => {
    expect((await h.request('GET', '/api/v1/loans/00000000-0000-7000-8000-000000000000/restructuring-offer')).status).toBe(404);
    setToday(h, '2025-03-01');
    const pending = await h.request('POST', '/api/v1/loans/import', { body: { product: 'microcredito_grupal', terms: { ...TERMS, disbursementDate: '2025-03-01' } } });
    const res = await h.request('GET', `/api/v1/loans/${pending.body.loan.id}/restructuring-offer`);
    expect([res.status, res.body.error.code]).toEqual([409, 'loan-not-disbursed']);
    expect((await h.request('GET', '/api/v1/loans/not-a-uuid/restructuring-offer')).status).toBe(422);
    expect((await h.request('GET', `/api/v1/loans/${loan}/restructuring-offer`, { key: null })).status).toBe(401);
  });
});
