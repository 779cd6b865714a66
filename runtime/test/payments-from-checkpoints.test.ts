// A payment on a loan that the end of day has closed folds from the stored checkpoint plus the
// events after it, not from the disbursement. Differential: twin loans with the same terms and
// events, one with its checkpoint removed (so it folds everything), must get the same response,
// ledger lines, open installments and notifications for the same payments — on time, late (with
// penalties and a collection stage), overpaid into a credit balance, and paid off.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { foldCounts } from '../src/servicing/loan-servicing.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { publishProduct } from './support/products.ts';
import { setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const MICRO = readFileSync(new URL('../../examples/microcredito_grupal.plazo', import.meta.url), 'utf8');

/** 10,000 flat 52% weekly in 8 installments from 2025-03-03 (installments of 1,308.00). */
const TERMS = {
  principal: '10000.00',
  annualRate: '0.52',
  installments: 8,
  frequency: 'weekly',
  method: 'flat',
  interestBasis: 'period',
  disbursementDate: '2025-03-03',
  decimals: 2,
  rounding: 'half-even',
  tax: { rate: '0.16', on: ['interest'] },
  fees: [],
};

/** The parts of a payment's response that do not name the loan, the payment or the entry. */
function comparable(body: any) {
  return {
    seq: body.event.seq,
    allocation: { ...body.allocation, paymentId: undefined },
    state: body.state,
    ledger: body.ledger,
    loan: { ...body.loan, id: undefined, externalRef: undefined, paymentReference: undefined, clabe: undefined, updatedAt: undefined },
  };
}

describe.each(DATABASE_KINDS)('payments folded from end-of-day checkpoints on %s', (kind) => {
  let h: Harness;
  let folded: string;
  let full: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'microcredito_grupal', MICRO);
    setToday(h, TERMS.disbursementDate);
    const open = async (ref: string) => {
      const opened = await h.request('POST', '/api/v1/loans/import', { body: { product: 'microcredito_grupal', terms: TERMS, externalRef: ref } });
      expect(opened.status, opened.text).toBe(201);
      expect((await h.request('POST', `/api/v1/loans/${opened.body.loan.id}/disbursement`, { body: {} })).status).toBe(201);
      return opened.body.loan.id as string;
    };
    folded = await open('A');
    full = await open('B');
  }, 300_000);
  afterAll(async () => h?.destroy());

  /** Closes the days through `date`, then forgets the twin's checkpoint so it folds every event. */
  async function closeThrough(date: string) {
    await runEndOfDay(h.db, { through: date, chunkSize: 10, now: () => h.clock.now() });
    // As if the end of day had never closed the twin (its next close starts it afresh).
    await sql`delete from loan_checkpoints where loan_id = ${full}::uuid`.execute(h.db);
    await sql`delete from loan_summaries where loan_id = ${full}::uuid`.execute(h.db);
    const row = await h.db.selectFrom('loan_checkpoints').select(['as_of', 'event_seq']).where('loan_id', '=', folded).executeTakeFirstOrThrow();
    expect(row.as_of).toBe(date);
  }

  async function payBoth(date: string, amount: string) {
    setToday(h, date);
    const before = foldCounts.fromCheckpoint;
    const a = await h.request('POST', `/api/v1/loans/${folded}/payments`, { body: { amount } });
    expect(foldCounts.fromCheckpoint, 'the payment folded from the checkpoint').toBe(before + 1);
    const b = await h.request('POST', `/api/v1/loans/${full}/payments`, { body: { amount } });
    expect(foldCounts.fromCheckpoint, 'the twin folded every event').toBe(before + 1);
    expect(a.status, a.text).toBe(201);
    expect(b.status, b.text).toBe(201);
    expect(comparable(a.body)).toEqual(comparable(b.body));
    return a.body;
  }

  async function expectSameProjections() {
    const open = async (id: string) =>
      (await sql<{ r: string }>`select installment || ' ' || due_date || ' ' || principal || ' ' || interest || ' ' || iva || ' ' || fees as r from loan_open_installments where loan_id = ${id}::uuid order by installment`.execute(h.db)).rows.map((r) => r.r);
    expect(await open(folded)).toEqual(await open(full));
    const notes = async (id: string) =>
      (await sql<{ r: string }>`select kind || ' ' || template || ' ' || body as r from notification_outbox where loan_id = ${id}::uuid and kind in ('payment-received', 'stage-change') order by created_at, dedupe_key`.execute(h.db)).rows.map((r) => r.r.replace(/\b[AB]\b/g, 'X'));
    expect(await notes(folded)).toEqual(await notes(full));
  }

  it('pays on time from the checkpoint exactly as from every event', async () => {
    await closeThrough('2025-03-09');
    const body = await payBoth('2025-03-10', '1308.00');
    expect(body.allocation).toMatchObject({ amount: '1308.00' });
    await expectSameProjections();
  });

  it('pays late — after penalties accrued and a collection stage began — the same way', async () => {
    await closeThrough('2025-03-27');
    const body = await payBoth('2025-03-28', '1000.00');
    expect(body.state.daysPastDue).toBeGreaterThan(0);
    expect(Number(body.state.outstanding.moratorium)).toBeGreaterThan(0);
    // A second payment the same day folds from the same checkpoint plus the first.
    await payBoth('2025-03-28', '2000.00');
    await expectSameProjections();
  });

  it('pays ahead of the schedule and then pays off the same way', async () => {
    await closeThrough('2025-04-01');
    const ahead = await payBoth('2025-04-02', '4000.00');
    const payoff = ahead.state.payoff.total as string;
    await closeThrough('2025-04-03');
    setToday(h, '2025-04-04');
    const quote = await h.request('GET', `/api/v1/loans/${folded}/payoff?date=2025-04-04`);
    expect(quote.status, quote.text).toBe(200);
    const last = await payBoth('2025-04-04', quote.body.payoff?.total ?? quote.body.total ?? payoff);
    expect(last.state.status).toBe('paid-off');
    await expectSameProjections();
  });

  it('falls back to the full fold for an event dated on the closed day', async () => {
    const a = await h.request('POST', `/api/v1/loans/${folded}/payments`, { body: { amount: '1.00', date: '2025-04-03' } });
    // The loan is paid off: refused the same way with or without a checkpoint.
    const b = await h.request('POST', `/api/v1/loans/${full}/payments`, { body: { amount: '1.00', date: '2025-04-03' } });
    expect(a.status).toBe(b.status);
    expect(a.body.error.code).toBe(b.body.error.code);
  });
});
