// Decisions, quotes, loans and the ledger over HTTP with the real compiler and engine: the whole
// life of a loan, idempotent and concurrent payments, and the journal and trial balance.
import { BOOKS_ACCOUNTS, Dec } from '@plazo/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { databaseFingerprint, disbursedLoan, expectLedgerConsistent, setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';


describe.each(DATABASE_KINDS)('decisions, quotes, loans and ledger on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    // Payments in these tests fall up to early March 2025.
    setToday(h, '2025-03-01');
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('decides, stores the decision with its version and trace, and reads it back', async () => {
    const res = await h.request('POST', '/api/v1/decisions', { key: h.keys['api-client'], body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06' } });
    expect(res.status, res.text).toBe(201);
    const d = res.body.decision;
    expect(d).toMatchObject({ outcome: 'approve', productVersion: 1, asOf: '2025-01-06', expiresOn: '2025-02-05' });
    expect(d.offer.terms.principal).toBe('60000');
    expect(d.trace.length).toBeGreaterThan(0);
    const got = await h.request('GET', `/api/v1/decisions/${d.id}`, { key: h.keys['risk-analyst'] });
    expect(got.status).toBe(200);
    expect(got.body.decision).toEqual(d);
    expect(got.body.application).toEqual(NOMINA_APPLICATION);
    const audit = await h.request('GET', `/api/v1/audit?entityType=decision&entityId=${d.id}`);
    expect(audit.body.entries).toHaveLength(1);
    // The default date is today in Mexico City.
    const today = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: NOMINA_APPLICATION } });
    expect(today.body.decision.asOf).toBe(h.clock.today());
  });

  it('answers 422 with application paths, 404 for unknown products and versions', async () => {
    const bad = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: { ...NOMINA_APPLICATION, payroll: { net_pay: 'mucho' } } } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('validation-failed');
    expect(bad.body.error.details.every((p: any) => p.path.startsWith('application'))).toBe(true);
    expect((await h.request('POST', '/api/v1/decisions', { body: { product: 'nope', application: {} } })).status).toBe(404);
    expect((await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', version: 9, application: {} } })).status).toBe(404);
    expect((await h.request('GET', '/api/v1/decisions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('quotes by product and request, and by explicit terms, storing nothing', async () => {
    const before = await databaseFingerprint(h);
    const byProduct = await h.request('POST', '/api/v1/quotes', { key: h.keys['product-manager'], body: { product: 'nomina', request: { amount: '10000', payments: 12 }, band: 'A', asOf: '2025-01-06' } });
    expect(byProduct.status, byProduct.text).toBe(200);
    expect(byProduct.body.product).toEqual({ code: 'nomina', version: 1 });
    expect(byProduct.body.schedule.installments).toHaveLength(12);
    expect(byProduct.body.schedule.cat).toMatch(/^\d+\.\d$/);
    const terms = { principal: '10000.00', annualRate: '0.60', installments: 16, frequency: 'weekly', method: 'french', interestBasis: 'period', disbursementDate: '2025-01-06', decimals: 2, rounding: 'half-even' };
    const byTerms = await h.request('POST', '/api/v1/quotes', { body: { terms } });
    expect(byTerms.status, byTerms.text).toBe(200);
    expect(byTerms.body.schedule.installments).toHaveLength(16);
    const bad = await h.request('POST', '/api/v1/quotes', { body: { terms: { ...terms, installments: -1, fees: [{ name: 'x', amount: 'abc', timing: 'deducted' }] } } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((p: any) => p.path)).toEqual(expect.arrayContaining(['terms.installments']));
    expect(bad.body.error.details.some((p: any) => p.path.startsWith('terms.fees[0]'))).toBe(true);
    const both = await h.request('POST', '/api/v1/quotes', { body: { terms, product: 'nomina' } });
    expect(both.status).toBe(422);
    expect(await databaseFingerprint(h)).toEqual(before);
  });

  it('answers 422 `cat-out-of-range` for a quote or a decision whose CAT is beyond 10^6 %, storing nothing (issue 12)', async () => {
    // 1000% a year paid every day: (1 + 10/365)^365 − 1 ≈ e^10 − 1 ≈ 2,202,546%.
    const terms = { principal: '1000000.00', annualRate: '10', installments: 365, frequency: { everyDays: 1 }, disbursementDate: '2025-01-06' };
    const quote = await h.request('POST', '/api/v1/quotes', { body: { terms } });
    expect(quote.status, quote.text).toBe(422);
    expect(quote.body.error).toMatchObject({ code: 'cat-out-of-range', details: { maxPercent: '1000000' } });
    expect(quote.body.error.message).toContain('the CAT exceeds 1000000% a year');
    // nomina with an 86% opening fee deducted, 6 payments: 8,400 received against ~10,500 a fortnight.
    // Its in-product tests pin nómina's figures, which the fee moves: they go (publishing runs them).
    const priced = NOMINA_SOURCE.replace('product nomina', 'product abusiva').replace('fee apertura 2% of amount min 200 max 3_000 financed iva', 'fee apertura 86% of amount deducted iva');
    const source = `${priced.slice(0, priced.search(/\n(?: {2}\/\/\/[^\n]*\n)* {2}test "/))}\n}\n`;
    await publishProduct(h.db, 'abusiva', source);
    const before = await databaseFingerprint(h);
    const decision = await h.request('POST', '/api/v1/decisions', { body: { product: 'abusiva', application: { ...NOMINA_APPLICATION, request: { amount: '60000', payments: 6 } }, asOf: '2025-03-03' } });
    expect(decision.status, decision.text).toBe(422);
    expect(decision.body.error.code).toBe('cat-out-of-range');
    expect(await databaseFingerprint(h)).toEqual(before);
  });

  it('answers 422 `cat-out-of-range` for a restructure whose new schedule has a CAT beyond 10^6 %, storing nothing', async () => {
    const id = await disbursedLoan(h);
    const before = await databaseFingerprint(h);
    // The balance at 1000% a year paid every 3 days: (1 + 10·3/365)^(365/3) − 1 ≈ 1,490,000%.
    const res = await h.request('POST', `/api/v1/loans/${id}/restructure`, { key: h.keys.operator, body: { installments: 12, frequency: { everyDays: 3 }, annualRate: '10', date: '2025-02-20' } });
    expect(res.status, res.text).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'cat-out-of-range', details: { maxPercent: '1000000' } });
    expect(res.body.error.message).toContain('the CAT exceeds 1000000% a year');
    expect(await databaseFingerprint(h)).toEqual(before);
  });

  it('opens only from approved, unexpired, unused decisions', async () => {
    const declined = await h.request('POST', '/api/v1/decisions', {
      body: { product: 'nomina', application: { ...NOMINA_APPLICATION, employment: { ...NOMINA_APPLICATION.employment, employer_in_agreement: false } }, asOf: '2025-03-01' },
    });
    expect(declined.body.decision.outcome).toBe('decline');
    const r1 = await h.request('POST', '/api/v1/loans', { body: { decisionId: declined.body.decision.id } });
    expect([r1.status, r1.body.error.code]).toEqual([409, 'decision-declined']);
    const referred = await h.request('POST', '/api/v1/decisions', {
      body: { product: 'nomina', application: { ...NOMINA_APPLICATION, employment: { ...NOMINA_APPLICATION.employment, months: 3 } }, asOf: '2025-03-01' },
    });
    expect(referred.body.decision.outcome).toBe('refer');
    const r2 = await h.request('POST', '/api/v1/loans', { body: { decisionId: referred.body.decision.id } });
    expect([r2.status, r2.body.error.code]).toEqual([409, 'decision-referred']);
    const old = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2024-12-01' } });
    const r3 = await h.request('POST', '/api/v1/loans', { body: { decisionId: old.body.decision.id } });
    expect([r3.status, r3.body.error.code]).toEqual([409, 'decision-expired']);
    const fresh = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-03-01' } });
    expect(fresh.body.decision.outcome).toBe('approve');
    expect((await h.request('POST', '/api/v1/loans', { key: h.keys.operator, body: { decisionId: fresh.body.decision.id, externalRef: 'CRM-1' } })).status).toBe(201);
    const again = await h.request('POST', '/api/v1/loans', { body: { decisionId: fresh.body.decision.id } });
    expect([again.status, again.body.error.code]).toEqual([409, 'decision-used']);
    expect((await h.request('POST', '/api/v1/loans', { body: { decisionId: '00000000-0000-4000-8000-000000000000' } })).status).toBe(404);
  });

  it('imports a loan on explicit terms, with engine field paths for bad terms', async () => {
    const terms = { principal: '5000.00', annualRate: '0.90', installments: 8, frequency: 'weekly', disbursementDate: '2025-01-06', decimals: 2, rounding: 'half-even', method: 'flat', interestBasis: 'period' };
    const ok = await h.request('POST', '/api/v1/loans/import', { body: { product: 'nomina', terms, externalRef: 'LEGACY-77' } });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.loan).toMatchObject({ status: 'pending', externalRef: 'LEGACY-77', product: { code: 'nomina', version: 1 } });
    const bad = await h.request('POST', '/api/v1/loans/import', { body: { product: 'nomina', terms: { ...terms, frequency: 'daily' } } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toBe('terms.frequency');
    const denied = await h.request('POST', '/api/v1/loans/import', { key: h.keys.operator, body: { product: 'nomina', terms } });
    expect(denied.status).toBe(403);
    const id = ok.body.loan.id;
    const early = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: '10.00' } });
    expect([early.status, early.body.error.code]).toEqual([409, 'loan-not-disbursed']);
    expect((await h.request('GET', `/api/v1/loans/${id}/payoff`)).body.error.code).toBe('loan-not-disbursed');
    expect((await h.request('POST', `/api/v1/loans/${id}/disbursement`, { body: { reference: 'SPEI-1' } })).status).toBe(201);
    const twice = await h.request('POST', `/api/v1/loans/${id}/disbursement`, { body: {} });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'loan-already-disbursed']);
  });

  it('services a loan: payments allocated by the engine, reversal, payoff, restructure, write-off, recovery — each posted balanced', async () => {
    const id = await disbursedLoan(h);
    const loan = await h.request('GET', `/api/v1/loans/${id}?asOf=2025-01-06`);
    expect(loan.status).toBe(200);
    expect(loan.body.loan).toMatchObject({ status: 'active', disbursedOn: '2025-01-06', outstandingPrincipal: '61200.00' });
    expect(loan.body.schedule.installments).toHaveLength(24);
    expect(loan.body.state.status).toBe('active');
    expect(loan.body.events.map((e: any) => e.kind)).toEqual(['disbursement']);
    // Who recorded each event, for people: the key's name beside the raw reference.
    const [disbursed] = loan.body.events;
    expect(disbursed.createdBy).toMatch(/^api-key:/);
    expect(disbursed.createdByDisplay).toMatchObject({ kind: 'api-key', email: null });
    expect(disbursed.createdByDisplay.name).not.toBe(disbursed.createdBy);

    const pay = await h.request('POST', `/api/v1/loans/${id}/payments`, { key: h.keys['api-client'], body: { amount: '3161.71', date: '2025-01-31', reference: 'OXXO-123' } });
    expect(pay.status, pay.text).toBe(201);
    expect(pay.body.allocation.lines.map((l: any) => l.component)).toEqual(['interestIva', 'feesIva', 'interest', 'principal']);
    // Accrual books: the cash, the principal, the interest earned to the due date and paid (to
    // income, its IVA collected), the financed fee's IVA moving from receivable (1140 / 2105, IVA
    // on collection) to collected, and the opening fee amortised since the disbursement (2400 → 4150).
    expect(pay.body.ledger).toEqual([
      { account: '1000', debit: '3161.71', credit: '0.00' },
      { account: '1100', debit: '0.00', credit: '2200.63' },
      { account: '1140', debit: '0.00', credit: '192.00' },
      { account: '2101', debit: '0.00', credit: '106.08' },
      { account: '2102', debit: '0.00', credit: '192.00' },
      { account: '2105', debit: '192.00', credit: '0.00' },
      { account: '2400', debit: '80.21', credit: '0.00' },
      { account: '4100', debit: '0.00', credit: '663.00' },
      { account: '4150', debit: '0.00', credit: '80.21' },
    ]);
    expect(pay.body.loan.books).toMatchObject({ stage: 'vigente', daysPastDue: 0, accruedInterest: '0.00', reserve: '0.00', memorandum: '0.00' });
    expect(new Dec(pay.body.loan.books.deferredFees).plus('80.21').toFixed(2)).toBe('1200.00');
    expect(pay.body.loan.outstandingPrincipal).toBe('58999.37');

    const early = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: '1.00', date: '2025-01-20' } });
    expect([early.status, early.body.error.code]).toEqual([422, 'event-out-of-order']);
    const future = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: '1.00', date: '2030-01-01' } });
    expect([future.status, future.body.error.code]).toEqual([422, 'future-date']);
    const scale = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: '1.001', date: '2025-02-01' } });
    expect(scale.status).toBe(422);
    expect(scale.body.error.details[0].path).toBe('amount');

    const second = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: '3161.71', date: '2025-02-14' } });
    expect(second.status).toBe(201);
    const reversed = await h.request('POST', `/api/v1/loans/${id}/payments/${second.body.event.payload.id}/reversal`, { key: h.keys.operator, body: { date: '2025-02-15', reason: 'cheque devuelto' } });
    expect(reversed.status, reversed.text).toBe(201);
    // The cash and the principal go back; the rest is the day's books of a loan whose installment
    // is overdue again: its interest receivable, a day of moratorium (IVA por cobrar on both).
    const flip = (l: any) => ({ account: l.account, debit: l.credit, credit: l.debit });
    const lineOf = (lines: any[], account: string) => lines.find((l) => l.account === account);
    for (const account of ['1000', '1100', '2101', '2410']) expect(lineOf(reversed.body.ledger, account)).toEqual(flip(lineOf(second.body.ledger, account)));
    expect(reversed.body.loan.books).toMatchObject({ stage: 'vigente', daysPastDue: 1 });
    expect(Number(reversed.body.loan.books.accruedInterest)).toBeGreaterThan(0);
    const twice = await h.request('POST', `/api/v1/loans/${id}/payments/${second.body.event.payload.id}/reversal`, { body: { date: '2025-02-15' } });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'payment-already-reversed']);
    expect((await h.request('POST', `/api/v1/loans/${id}/payments/nope/reversal`, { body: {} })).status).toBe(404);

    const payoff = await h.request('GET', `/api/v1/loans/${id}/payoff?date=2025-02-20`);
    expect(payoff.status).toBe(200);
    expect(payoff.body.payoff.date).toBe('2025-02-20');
    expect(Number(payoff.body.payoff.penalties)).toBeGreaterThan(0);
    expect((await h.request('GET', `/api/v1/loans/${id}/payoff?date=2024-01-01`)).status).toBe(422);

    const restructured = await h.request('POST', `/api/v1/loans/${id}/restructure`, { key: h.keys.operator, body: { installments: 12, date: '2025-02-20' } });
    expect(restructured.status, restructured.text).toBe(201);
    // What the new schedule capitalised (interest, moratorium, their IVA) leaves the receivables
    // for the principal, against the deferred credit 2300 (income again when collected).
    const capitalized = restructured.body.ledger.find((l: any) => l.account === '2300');
    expect(Number(capitalized.credit)).toBeGreaterThan(0);
    expect(restructured.body.ledger.find((l: any) => l.account === '1100').debit).toBe(capitalized.credit);
    expect(restructured.body.loan.books).toMatchObject({ stage: 'vigente', daysPastDue: 0, accruedInterest: '0.00', memorandum: '0.00' });
    for (const account of ['1110', '1130', '1140']) expect(lineOf(restructured.body.ledger, account).credit).toBe(lineOf(reversed.body.ledger, account).debit);

    const writtenOff = await h.request('POST', `/api/v1/loans/${id}/write-off`, { key: h.keys.approver, body: { date: '2025-02-21' } });
    expect(writtenOff.status, writtenOff.text).toBe(201);
    expect(writtenOff.body.loan).toMatchObject({ status: 'written-off', closedOn: '2025-02-21', outstandingPrincipal: '0.00' });
    const principalBefore = restructured.body.loan.outstandingPrincipal;
    // The principal leaves the books: what it carried of capitalised interest (2300) was never
    // income, the opening fees still deferred are recognised, the day's interest accrued and
    // written off; no reserve was set (no month end passed), so the rest is expense (5100).
    expect(writtenOff.body.ledger).toEqual([
      { account: '1100', debit: '0.00', credit: principalBefore },
      { account: '2300', debit: capitalized.credit, credit: '0.00' },
      { account: '2400', debit: restructured.body.loan.books.deferredFees, credit: '0.00' },
      { account: '4100', debit: '0.00', credit: '29.58' },
      { account: '4150', debit: '0.00', credit: restructured.body.loan.books.deferredFees },
      { account: '5100', debit: new Dec(principalBefore).minus(capitalized.credit).plus('29.58').toFixed(2), credit: '0.00' },
    ]);
    expect(writtenOff.body.loan.books).toMatchObject({ accruedInterest: '0.00', deferredFees: '0.00', reserve: '0.00', memorandum: '0.00' });
    const notAgain = await h.request('POST', `/api/v1/loans/${id}/write-off`, { body: {} });
    expect([notAgain.status, notAgain.body.error.code]).toEqual([409, 'loan-not-active']);
    const recovery = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: '500.00', date: '2025-03-01' } });
    expect(recovery.status).toBe(201);
    expect(recovery.body.ledger[0]).toEqual({ account: '1000', debit: '500.00', credit: '0.00' });

    const full = await h.request('GET', `/api/v1/loans/${id}?asOf=2025-03-01`);
    expect(full.body.events.map((e: any) => e.kind)).toEqual(['disbursement', 'payment', 'payment', 'payment-reversal', 'restructure', 'write-off', 'payment']);
    expect(full.body.state.status).toBe('written-off');
    await expectLedgerConsistent(h);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  });

  it('replays an idempotent payment with the same status and body; another body with the key is 409', async () => {
    const id = await disbursedLoan(h);
    const body = { amount: '1000.00', date: '2025-01-31' };
    const headers = { 'idempotency-key': 'pay-2025-01-31-a' };
    const first = await h.request('POST', `/api/v1/loans/${id}/payments`, { body, headers });
    expect(first.status).toBe(201);
    const again = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { date: '2025-01-31', amount: '1000.00' }, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await h.request('POST', `/api/v1/loans/${id}/payments`, { body: { ...body, amount: '999.00' }, headers });
    expect([other.status, other.body.error.code]).toEqual([409, 'idempotency-key-reused']);
    const events = await h.db.selectFrom('loan_events').select('seq').where('loan_id', '=', id).execute();
    expect(events).toHaveLength(2);
    const badKey = await h.request('POST', `/api/v1/loans/${id}/payments`, { body, headers: { 'idempotency-key': 'has spaces' } });
    expect(badKey.status).toBe(422);
  });

  it('takes a loan id in capitals as the same loan: one event sequence, one audit stream', async () => {
    const id = await disbursedLoan(h);
    const paid = await h.request('POST', `/api/v1/loans/${id.toUpperCase()}/payments`, { body: { amount: '100.00', date: '2025-01-31' } });
    expect(paid.status, paid.text).toBe(201);
    expect(paid.body.loan.id).toBe(id);
    const streams = await h.db.selectFrom('audit_log').select('stream').distinct().where('entity_type', '=', 'loan').where(sql<boolean>`lower(entity_id) = ${id}`).execute();
    expect(streams.map((s) => s.stream)).toEqual([`loan:${id}`]);
  });

  it('applies 50 concurrent payments on one loan exactly once each, in a balanced ledger', async () => {
    const id = await disbursedLoan(h);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: '100.00', date: '2025-01-31' }, headers: { 'idempotency-key': `c-${i}` } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(results.map((r) => r.body.event.seq)).size).toBe(50);
    const state = await h.request('GET', `/api/v1/loans/${id}?asOf=2025-01-31`);
    expect(state.body.state.allocations).toHaveLength(50);
    expect(state.body.events).toHaveLength(51);
    const cash = await sql<{ d: string }>`
      select coalesce(sum(l.debit), 0)::text as d from journal_lines l join journal_entries e on e.id = l.entry_id
      where e.loan_id = ${id} and l.account_code = '1000'
    `.execute(h.db);
    expect(cash.rows[0]!.d).toBe('5000.00');
    await expectLedgerConsistent(h);
    // The writes that lost a race left nothing behind: the loan's audit stream is one unbroken line.
    const stream = await h.db.selectFrom('audit_log').select('stream_seq').where('stream', '=', `loan:${id}`).orderBy('stream_seq').execute();
    expect(stream.map((e) => Number(e.stream_seq))).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('applies 50 concurrent posts with one idempotency key exactly once; all get the first result', async () => {
    const id = await disbursedLoan(h);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => h.request('POST', `/api/v1/loans/${id}/payments`, { body: { amount: '250.00', date: '2025-01-31' }, headers: { 'idempotency-key': 'same-key' } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
    const events = await h.db.selectFrom('loan_events').select('seq').where('loan_id', '=', id).execute();
    expect(events).toHaveLength(2);
    await expectLedgerConsistent(h);
  });

  it('lists loans by product and status with keyset pages', async () => {
    const all: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await h.request('GET', `/api/v1/loans?product=nomina&limit=2${after ? `&after=${after}` : ''}`, { key: h.keys['risk-analyst'] });
      expect(page.status).toBe(200);
      all.push(...page.body.loans.map((l: any) => l.id));
      after = page.body.nextAfter;
    } while (after);
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect([...all].sort()).toEqual(all);
    const active = await h.request('GET', '/api/v1/loans?status=active&limit=500');
    expect(active.body.loans.every((l: any) => l.status === 'active')).toBe(true);
    expect((await h.request('GET', '/api/v1/loans?status=dormant')).status).toBe(422);
    expect((await h.request('GET', '/api/v1/loans?product=none')).body.loans).toEqual([]);
  });

  it('reports a balanced trial balance and the journal as JSON and CSV', async () => {
    const accounts = await h.request('GET', '/api/v1/ledger/accounts', { key: h.keys.approver });
    const codes = accounts.body.accounts.map((a: any) => a.code);
    for (const code of BOOKS_ACCOUNTS) expect(codes).toContain(code);
    const tb = await h.request('GET', '/api/v1/ledger/trial-balance?from=2025-01-01&to=2025-12-31', { key: h.keys['risk-analyst'] });
    expect(tb.status).toBe(200);
    expect(tb.body.balanced).toBe(true);
    expect(tb.body.totals.debits).toBe(tb.body.totals.credits);
    const cash = tb.body.accounts.find((a: any) => a.code === '1000');
    expect(cash.closing.startsWith('-')).toBe(true);
    const later = await h.request('GET', '/api/v1/ledger/trial-balance?from=2025-02-01&to=2025-12-31');
    expect(later.body.accounts.find((a: any) => a.code === '1000').opening).not.toBe('0');
    expect((await h.request('GET', '/api/v1/ledger/trial-balance?from=2025-02-01&to=2025-01-01')).status).toBe(422);

    const page1 = await h.request('GET', '/api/v1/ledger/journal?from=2025-01-01&to=2025-12-31&limit=3');
    expect(page1.body.entries).toHaveLength(3);
    const page2 = await h.request('GET', `/api/v1/ledger/journal?from=2025-01-01&to=2025-12-31&limit=3&after=${page1.body.nextAfter}`);
    expect(page2.body.entries[0].id).not.toBe(page1.body.entries[2].id);
    const csv = await h.request('GET', '/api/v1/ledger/journal?from=2025-01-01&to=2025-12-31&limit=10000', { headers: { accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toMatch(/^entry_id,entry_date,/);
    const lines = await sql<{ n: number }>`select count(*)::int as n from journal_lines`.execute(h.db);
    expect(rows.length - 1).toBe(lines.rows[0]!.n);
    expect((await h.request('GET', '/api/v1/ledger/journal?format=csv&limit=1')).headers.get('content-type')).toMatch(/^text\/csv/);
  });
});
