// The payment limit over HTTP: a payment above what the loan owes on its date plus the product's
// overpayment tolerance is 422 `payment-exceeds-payoff` naming the payoff and the field `amount`,
// and writes nothing; a recovery on a written-off loan is bounded by what is left of what was
// written off; the ledger never holds more than the tolerance as credit.
import { Dec } from '@plazo/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { databaseFingerprint, disbursedLoan, expectLedgerConsistent, setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const HUGE = '99999999999999.99';
const TOLERANT_SOURCE = NOMINA_SOURCE.replace(/product nomina\b/, 'product nomina_tolerante').replace(/(\n\s*prepayment [^\n]*)/, '$1\n  overpayment tolerance 5');

/** Decides, opens and disburses a 60,000 loan of `product` on 2025-01-06. */
async function loanOf(h: Harness, product: string): Promise<string> {
  if (product === 'nomina') return disbursedLoan(h);
  const today = h.clock.today();
  setToday(h, '2025-01-06');
  const decision = await h.request('POST', '/api/v1/decisions', { body: { product, application: NOMINA_APPLICATION, asOf: '2025-01-06' } });
  expect(decision.status, decision.text).toBe(201);
  const loan = await h.request('POST', '/api/v1/loans', { body: { decisionId: decision.body.decision.id } });
  expect(loan.status, loan.text).toBe(201);
  expect((await h.request('POST', `/api/v1/loans/${loan.body.loan.id}/disbursement`, { body: {} })).status).toBe(201);
  setToday(h, today);
  return loan.body.loan.id as string;
}

/** The loan's balance on each ledger account, debit − credit. */
async function balances(h: Harness, loanId: string): Promise<Record<string, string>> {
  const { rows } = await sql<{ account_code: string; balance: string }>`
    select l.account_code, (sum(l.debit) - sum(l.credit))::text as balance
    from journal_lines l join journal_entries e on e.id = l.entry_id where e.loan_id = ${loanId}
    group by l.account_code order by l.account_code
  `.execute(h.db);
  return Object.fromEntries(rows.map((r) => [r.account_code, r.balance]));
}

describe.each(DATABASE_KINDS)('the payment limit on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    await publishProduct(h.db, 'nomina_tolerante', TOLERANT_SOURCE);
    setToday(h, '2025-03-01');
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('refuses a payment above the payoff with 422 naming the payoff and `amount`, writing nothing; the payoff itself settles', async () => {
    const id = await loanOf(h, 'nomina');
    const payoff = await h.request('GET', `/api/v1/loans/${id}/payoff?date=2025-01-31`);
    const owed = payoff.body.payoff.total as string;
    const before = await databaseFingerprint(h);
    for (const amount of [HUGE, new Dec(owed).plus('0.01').toFixed(2)]) {
      const refused = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount, date: '2025-01-31' }, headers: { 'idempotency-key': `too-much-${amount}` } });
      expect(refused.status, refused.text).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'payment-exceeds-payoff', details: [{ path: 'amount', payoff: owed, maximum: owed, tolerance: '0.00' }] });
      expect(refused.body.error.details[0].message).toContain(owed);
    }
    expect(await databaseFingerprint(h)).toEqual(before);
    const settled = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: owed, date: '2025-01-31' } });
    expect(settled.status, settled.text).toBe(201);
    expect(settled.body.loan).toMatchObject({ status: 'paid-off', creditBalance: '0.00' });
    expect((await balances(h, id))['2200'] ?? '0.00').toBe('0.00');
  });

  it('takes the product’s tolerance as credit and not a cent more', async () => {
    const id = await loanOf(h, 'nomina_tolerante');
    const owed = (await h.request('GET', `/api/v1/loans/${id}/payoff?date=2025-01-31`)).body.payoff.total as string;
    const maximum = new Dec(owed).plus(5).toFixed(2);
    const over = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: new Dec(owed).plus('5.01').toFixed(2), date: '2025-01-31' } });
    expect(over.status, over.text).toBe(422);
    expect(over.body.error.details).toEqual([expect.objectContaining({ path: 'amount', payoff: owed, maximum, tolerance: '5.00' })]);
    const within = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: maximum, date: '2025-01-31' } });
    expect(within.status, within.text).toBe(201);
    expect(within.body.loan).toMatchObject({ status: 'paid-off', creditBalance: '5.00' });
    expect((await balances(h, id))['2200']).toBe('-5.00');
  });

  it('bounds recoveries on a written-off loan by what is left of what was written off', async () => {
    const id = await loanOf(h, 'nomina');
    const writtenOff = await h.request('POST', `/api/v1/loans/${id}/write-off`, { body: { date: '2025-02-21' } });
    expect(writtenOff.status, writtenOff.text).toBe(201);
    const state = await h.request('GET', `/api/v1/loans/${id}?asOf=2025-02-21`);
    const left = state.body.state.writtenOff.amount as string;
    const atWriteOff = await balances(h, id);
    for (let i = 0; i < 3; i++) {
      const refused = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: HUGE, date: '2025-03-01' } });
      expect(refused.status, refused.text).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'payment-exceeds-payoff', details: [{ path: 'amount', payoff: left, maximum: left }] });
    }
    const part = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: '1000.00', date: '2025-03-01' } });
    expect(part.status, part.text).toBe(201);
    const rest = new Dec(left).minus(1000).toFixed(2);
    const tooMuch = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: new Dec(rest).plus('0.01').toFixed(2), date: '2025-03-01' } });
    expect(tooMuch.body.error).toMatchObject({ code: 'payment-exceeds-payoff', details: [{ payoff: rest }] });
    const last = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: rest, date: '2025-03-01' } });
    expect(last.status, last.text).toBe(201);
    expect(last.body.loan.creditBalance).toBe('0.00');
    // Nothing went to credit and no account of the loan holds more than was owed.
    const ledger = await balances(h, id);
    expect(ledger['2200'] ?? '0.00').toBe('0.00');
    // Cash received since the write-off: exactly what was left to recover.
    expect(new Dec(ledger['1000']!).minus(atWriteOff['1000']!).toFixed(2)).toBe(left);
    expect(Object.values(ledger).every((b) => new Dec(b).abs().lt(200_000))).toBe(true);
    await expectLedgerConsistent(h);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  });
});
