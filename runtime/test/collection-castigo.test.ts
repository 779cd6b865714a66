// The write-off stage (castigo) stays visible to collection: the group credit reaches stage
// `castigo` at 91 days past due, which names no queue; a variant of it names queue `recuperacion`
// there. The stage's `write off` is carried out by the end of day the night the loans reach it;
// the queues show both in castigo (the one without a queue last, queue null), written off — what
// is left to recover — the variant's queue listing its loan.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQueues, queueLoans } from '../src/collections/collections.repository.ts';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { publishProduct } from './support/products.ts';
import { setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const MICRO = readFileSync(new URL('../../examples/microcredito_grupal.plazo', import.meta.url), 'utf8');
const RECOVERY = MICRO.replace('product microcredito_grupal', 'product micro_recuperacion').replace(
  'from 91 dpd stage castigo stop accrual write off',
  'from 91 dpd stage castigo queue "recuperacion" stop accrual write off',
);
const TERMS = { principal: '6000.00', annualRate: '0.52', installments: 12, frequency: 'weekly', method: 'flat', interestBasis: 'period', disbursementDate: '2025-01-06', decimals: 2, rounding: 'half-even', tax: { rate: '0.16', on: ['interest'] }, fees: [] };
const OPTIONS = { today: '2025-04-21', timeZone: 'America/Mexico_City' };

describe.each(DATABASE_KINDS)('castigo in the collection queues on %s', (kind) => {
  let h: Harness;
  const loans: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness(kind);
    expect(RECOVERY).toContain('queue "recuperacion" stop accrual write off');
    await publishProduct(h.db, 'microcredito_grupal', MICRO);
    await publishProduct(h.db, 'micro_recuperacion', RECOVERY);
    setToday(h, '2025-01-06');
    for (const product of ['microcredito_grupal', 'micro_recuperacion']) {
      const opened = await h.request('POST', '/api/v1/loans/import', { body: { product, terms: TERMS, externalRef: `${product}-1` } });
      expect(opened.status, opened.text).toBe(201);
      loans[product] = opened.body.loan.id;
      expect((await h.request('POST', `/api/v1/loans/${loans[product]}/disbursement`, { body: {} })).status).toBe(201);
    }
  }, 180_000);
  afterAll(async () => h?.destroy());

  it('shows a loan in its stage and queue while active, in castigo past 90 days, and there once written off', async () => {
    const rows = async () => (await listQueues(h.db)).map((q) => [q.queue, q.stage, q.loans, q.written_off, q.write_off_stage]);
    await runEndOfDay(h.db, { through: '2025-03-01' }); // 47 days past due: tardia
    expect(await rows()).toEqual([['cobranza_tardia', 'tardia', 2, 0, false]]);
    // At 91 days past due both reach castigo, whose `write off` the end of day carries out that
    // night: the loans stay in castigo, written off — what is left to recover.
    await runEndOfDay(h.db, { through: '2025-04-20' });
    expect(await rows()).toEqual([
      ['recuperacion', 'castigo', 1, 1, true],
      [null, 'castigo', 1, 1, true],
    ]);
    for (const loan of Object.values(loans)) {
      const events = await h.db.selectFrom('loan_events').select(['type', 'effective_on', 'payload']).where('loan_id', '=', loan).where('type', '=', 'write-off').execute();
      expect(events).toHaveLength(1);
      expect(String(events[0]!.effective_on).slice(0, 10)).toBe('2025-04-14'); // the first installment fell due on 2025-01-13: 91 days
      expect((events[0]!.payload as { reason: string }).reason).toMatch(/castigo a 91 días/);
      setToday(h, '2025-04-21');
      const again = await h.request('POST', `/api/v1/loans/${loan}/write-off`, { body: { reason: 'castigo por 91 días de atraso' } });
      expect([again.status, again.body.error.code]).toEqual([409, 'loan-not-active']);
    }
    await runEndOfDay(h.db, { through: '2025-04-21' });
    expect(await rows()).toEqual([
      ['recuperacion', 'castigo', 1, 1, true],
      [null, 'castigo', 1, 1, true],
    ]);
    const { loans: listed } = await queueLoans(h.db, 'recuperacion', { ...OPTIONS, limit: 10 });
    expect(listed).toEqual([expect.objectContaining({ loan_id: loans['micro_recuperacion'], status: 'written-off', stage: 'castigo', write_off_stage: true, restructuring_offer: false })]);
    expect((await queueLoans(h.db, 'recuperacion', { ...OPTIONS, stage: 'tardia' })).loans).toEqual([]);
    expect((await queueLoans(h.db, 'cobranza_tardia', OPTIONS)).loans).toEqual([]);
    const api = await h.request('GET', '/api/v1/collections/queues/recuperacion/loans?stage=castigo', { key: h.keys.operator });
    expect(api.body.loans.map((l: { loan_id: string; status: string }) => [l.loan_id, l.status])).toEqual([[loans['micro_recuperacion'], 'written-off']]);
  });
});
