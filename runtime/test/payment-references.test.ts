// Payment references and per-loan CLABEs (issue 16, H2): every loan opened gets its reference (and
// its CLABE under a range) in the opening's transaction; the settings (GET/PUT, bank:read /
// bank:configure, audited, validated with field paths); a scheme change keeps old references
// findable; the CLABE backfill when a range is first set; the migration's reference backfill; the
// list filters (reference, CLABE, client, books stage) as index lookups; a mistyped reference 422;
// the payment instructions.
import { buildPaymentReference, validateClabe, validatePaymentReference } from '@plazo/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as paymentReferences from '../src/db/migrations/2026-12-11-30-payment-references.ts';
import { backfillPaymentKeys } from '../src/banking/payment-keys.ts';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { disbursedLoan, setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const RANGE = { bank: '646', plaza: '180', fixed: '1234' };

describe.each(DATABASE_KINDS)('payment references and CLABEs on %s', (kind) => {
  let h: Harness;
  let late: string;
  let current: string;
  let clientLoan: string;
  let clientId: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    setToday(h, '2025-01-06');
    const client = await h.request('POST', '/api/v1/clients', { body: { kind: 'person', givenNames: 'Lucía', paternalSurname: 'Hernández', maternalSurname: 'Ruiz' } });
    expect(client.status, client.text).toBe(201);
    clientId = client.body.client.id;
    late = await disbursedLoan(h);
    current = await disbursedLoan(h);
    const decision = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06', clientId } });
    const opened = await h.request('POST', '/api/v1/loans', { body: { decisionId: decision.body.decision.id } });
    expect(opened.status, opened.text).toBe(201);
    clientLoan = opened.body.loan.id;
    // Cartera vencida after one day past due, so the late loan is vencida at the close.
    const books = await h.request('PUT', '/api/v1/accounting/settings', { body: { ivaOn: 'collection', vencidaDays: { single: 1, periodic: 1 } } });
    expect(books.status, books.text).toBe(200);
    setToday(h, '2025-03-01');
    const read = await h.request('GET', `/api/v1/loans/${current}`);
    for (const i of (read.body.schedule.installments as { dueDate: string; total: string }[]).filter((i) => i.dueDate <= '2025-03-01')) {
      const pay = await h.request('POST', `/api/v1/loans/${current}/payments`, { body: { amount: i.total, date: i.dueDate }, headers: { 'idempotency-key': `pay-${i.dueDate}` } });
      expect(pay.status, pay.text).toBe(201);
    }
    await runEndOfDay(h.db, { through: '2025-03-01' });
    setToday(h, '2025-03-02');
  }, 180_000);
  afterAll(async () => h?.destroy());

  const list = async (query: string) => {
    const res = await h.request('GET', `/api/v1/loans${query}`);
    expect(res.status, res.text).toBe(200);
    return (res.body.loans as { id: string }[]).map((l) => l.id);
  };
  const loanOf = async (id: string) => (await h.request('GET', `/api/v1/loans/${id}`)).body.loan;

  it('gives every loan opened a reference of the default scheme (mod97, 10 digits), distinct, from the sequence; no CLABE without a range', async () => {
    const loans = await Promise.all([late, current, clientLoan].map(loanOf));
    for (const loan of loans) {
      expect(loan.paymentReference).toMatch(/^\d{12}$/);
      expect(validatePaymentReference(loan.paymentReference, 'mod97').valid).toBe(true);
      expect(loan.clabe).toBeNull();
    }
    expect(new Set(loans.map((l) => l.paymentReference)).size).toBe(3);
    const rows = await h.db.selectFrom('loans').select(['account_number', 'payment_reference']).execute();
    for (const r of rows) expect(r.payment_reference).toBe(buildPaymentReference(r.account_number!, { scheme: 'mod97', prefix: '', bodyLength: 10 }));
  });

  it('gives loans opened at once distinct references (the sequence, not a max+1)', async () => {
    setToday(h, '2025-01-06');
    const decisions = await Promise.all([1, 2, 3, 4].map(() => h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06' } })));
    const opened = await Promise.all(decisions.map((d) => h.request('POST', '/api/v1/loans', { body: { decisionId: d.body.decision.id } })));
    setToday(h, '2025-03-02');
    for (const o of opened) expect(o.status, o.text).toBe(201);
    expect(new Set(opened.map((o) => o.body.loan.paymentReference)).size).toBe(4);
  });

  it('filters by reference, CLABE, client and books stage beside the others', async () => {
    const ref = (await loanOf(late)).paymentReference;
    expect(await list(`?paymentReference=${ref}`)).toEqual([late]);
    expect(await list(`?paymentReference=${ref}&status=active`)).toEqual([late]);
    expect(await list(`?paymentReference=${ref}&status=pending`)).toEqual([]);
    expect(await list(`?clientId=${clientId}`)).toEqual([clientLoan]);
    expect(await list('?booksStage=vencida')).toEqual([late]);
    expect(await list('?booksStage=vigente')).toEqual([current]);
    expect(await list('?booksStage=vencida&dpdMin=1&product=nomina')).toEqual([late]);
    expect(await list(`?clabe=032180000118359719`)).toEqual([]);
    const csv = await h.request('GET', `/api/v1/loans?paymentReference=${ref}&format=csv`);
    expect(csv.text.split('\n')[0]).toContain('overdue_total,payment_reference,clabe');
    expect(csv.text).toContain(ref);
  });

  it('refuses a reference typed with a wrong check digit, and a malformed CLABE, naming the field', async () => {
    const ref: string = (await loanOf(late)).paymentReference;
    const typo = ref.slice(0, -1) + String((Number(ref.at(-1)) + 1) % 10);
    const bad = await h.request('GET', `/api/v1/loans?paymentReference=${typo}`);
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([{ path: 'paymentReference', message: 'the check digit is wrong: the reference was mistyped' }]);
    expect((await h.request('GET', '/api/v1/loans?paymentReference=12AB')).body.error.details[0].path).toBe('paymentReference');
    const clabe = await h.request('GET', '/api/v1/loans?clabe=032180000118359718');
    expect(clabe.status).toBe(422);
    expect(clabe.body.error.details).toEqual([{ path: 'clabe', message: 'the check digit is wrong: the CLABE was mistyped' }]);
    expect((await h.request('GET', '/api/v1/loans?booksStage=castigada')).status).toBe(422);
  });

  it('finds a loan by reference or CLABE through an index', async () => {
    await sql`set enable_seqscan = off`.execute(h.db);
    try {
      const ref = await sql<{ 'QUERY PLAN': string }>`explain select id from loans where payment_reference = '000000000197'`.execute(h.db);
      expect(ref.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index.*loans_payment_reference_key/);
      const clabe = await sql<{ 'QUERY PLAN': string }>`explain select id from loans where clabe = '646180123400000017'`.execute(h.db);
      expect(clabe.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index.*loans_clabe_key/);
      const stage = await sql<{ 'QUERY PLAN': string }>`explain select id from loans where state -> 'books' ->> 'stage' = 'vencida'`.execute(h.db);
      expect(stage.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/loans_books_stage/);
    } finally {
      await sql`set enable_seqscan = on`.execute(h.db);
    }
  });

  it('gives the payment instructions: bank accounts, reference, CLABE, next installment, payoff today', async () => {
    await h.db.insertInto('bank_accounts').values({ id: '0190a0a0-0000-7000-8000-0000000000b1', name: 'STP concentradora', bank_code: '646', account_number: null, clabe: '646180000000000006', created_at: '2025-01-01T00:00:00Z', created_by: 'system' }).execute();
    const res = await h.request('GET', `/api/v1/loans/${late}/payment-instructions`, { key: h.keys.operator });
    expect(res.status, res.text).toBe(200);
    const loan = await loanOf(late);
    expect(res.body).toMatchObject({
      loanId: late, currency: 'MXN', status: 'active', paymentReference: loan.paymentReference, clabe: loan.clabe,
      bankAccounts: [{ name: 'STP concentradora', bankCode: '646', clabe: '646180000000000006', currency: 'MXN' }],
    });
    expect(res.body.nextInstallment).toMatchObject({ number: 1, dueDate: '2025-01-31' });
    expect(res.body.nextInstallment.daysPastDue).toBeGreaterThan(0);
    const payoff = await h.request('GET', `/api/v1/loans/${late}/payoff`);
    expect(res.body.payoff).toEqual({ date: '2025-03-02', total: payoff.body.payoff.total });
    const pending = await h.request('GET', `/api/v1/loans/${clientLoan}/payment-instructions`);
    expect(pending.body).toMatchObject({ status: 'pending', nextInstallment: null, payoff: null });
    expect((await h.request('GET', '/api/v1/loans/0190a0a0-0000-7000-8000-000000000999/payment-instructions')).status).toBe(404);
  });

  it('shows the settings (bank:read) and refuses a change without bank:configure', async () => {
    const read = await h.request('GET', '/api/v1/payment-settings', { key: h.keys.accountant });
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ scheme: 'mod97', prefix: '', bodyLength: 10, clabeRange: null, isDefault: true });
    expect(validatePaymentReference(read.body.next.paymentReference, 'mod97').valid).toBe(true);
    const refused = await h.request('PUT', '/api/v1/payment-settings', { key: h.keys.operator, body: { scheme: 'mod10', bodyLength: 10 } });
    expect(refused.status).toBe(403);
  });

  it('refuses malformed settings with field paths and writes nothing', async () => {
    const before = await h.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const bad = await h.request('PUT', '/api/v1/payment-settings', { body: { scheme: 'mod97', prefix: '12a', bodyLength: 10, clabeRange: { bank: '999', plaza: '18', fixed: '' } } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: any) => d.path)).toEqual(['prefix', 'clabeRange.bank', 'clabeRange.plaza']);
    const small = await h.request('PUT', '/api/v1/payment-settings', { body: { scheme: 'mod97', bodyLength: 1 } });
    expect(small.status).toBe(422);
    expect(small.body.error.details[0].path).toBe('bodyLength');
    const schema = await h.request('PUT', '/api/v1/payment-settings', { body: { scheme: 'mod11', bodyLength: 10 } });
    expect(schema.status).toBe(422);
    expect(schema.body.error.details[0].path).toBe('scheme');
    expect(await h.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).toEqual(before);
    expect(await h.db.selectFrom('payment_reference_settings').selectAll().execute()).toEqual([]);
  });

  it('a new scheme applies to loans opened from then on; old references stay valid and findable; audited once', async () => {
    const oldRef: string = (await loanOf(late)).paymentReference;
    const put = await h.request('PUT', '/api/v1/payment-settings', { body: { scheme: 'mod10', prefix: '77', bodyLength: 8 } });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ scheme: 'mod10', prefix: '77', bodyLength: 8, isDefault: false, backfilled: { references: 0, clabes: 0 } });
    const again = await h.request('PUT', '/api/v1/payment-settings', { body: { scheme: 'mod10', prefix: '77', bodyLength: 8 } });
    expect(again.status).toBe(200);
    const audits = await h.db.selectFrom('audit_log').select(['entity_type', 'created_by']).where('action', '=', 'set-payment-settings').execute();
    expect(audits).toEqual([{ entity_type: 'payment-settings', created_by: expect.any(String) }]);
    setToday(h, '2025-01-06');
    const d = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06' } });
    const opened = await h.request('POST', '/api/v1/loans/import', {
      body: { product: 'nomina', terms: (await loanOf(late)).terms, externalRef: 'MIG-1' },
    });
    setToday(h, '2025-03-02');
    expect(d.status).toBe(201);
    expect(opened.status, opened.text).toBe(201);
    expect(opened.body.loan.paymentReference).toMatch(/^77\d{9}$/);
    expect(validatePaymentReference(opened.body.loan.paymentReference, 'mod10').valid).toBe(true);
    expect(await list(`?paymentReference=${opened.body.loan.paymentReference}`)).toEqual([opened.body.loan.id]);
    expect(await list(`?paymentReference=${oldRef}`)).toEqual([late]);
    expect((await loanOf(late)).paymentReference).toBe(oldRef);
  });

  it('setting a CLABE range gives every loan its CLABE (backfill), and loans opened after get theirs at opening', async () => {
    const numbers = new Map((await h.db.selectFrom('loans').select(['id', 'account_number']).execute()).map((r) => [r.id, r.account_number]));
    const put = await h.request('PUT', '/api/v1/payment-settings', { body: { scheme: 'mod97', bodyLength: 10, clabeRange: RANGE } });
    expect(put.status, put.text).toBe(200);
    const total = Number((await h.db.selectFrom('loans').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    expect(put.body.backfilled).toEqual({ references: 0, clabes: total });
    const rows = await h.db.selectFrom('loans').select(['id', 'clabe', 'account_number']).execute();
    for (const r of rows) {
      expect(validateClabe(r.clabe!)).toMatchObject({ valid: true, details: { bankCode: '646', branchCity: '180' } });
      expect(r.clabe!.slice(6, 17)).toBe(`1234${String(r.account_number).padStart(7, '0')}`);
      // The loan keeps its number: its CLABE and its reference name the same loan number.
      expect(r.account_number).toBe(numbers.get(r.id));
    }
    expect(put.body.next.clabe).toMatch(/^6461801234/);
    const lateClabe = rows.find((r) => r.id === late)!.clabe!;
    expect(await list(`?clabe=${lateClabe}`)).toEqual([late]);
    expect((await loanOf(late)).clabe).toBe(lateClabe);
    // Re-running gives nothing more.
    expect(await backfillPaymentKeys(h.db)).toEqual({ references: 0, clabes: 0 });
    setToday(h, '2025-01-06');
    const opened = await h.request('POST', '/api/v1/loans/import', { body: { product: 'nomina', terms: (await loanOf(late)).terms } });
    setToday(h, '2025-03-02');
    expect(opened.status, opened.text).toBe(201);
    expect(validateClabe(opened.body.loan.clabe).valid).toBe(true);
    const range = await h.request('PUT', '/api/v1/payment-settings', { body: { scheme: 'mod97', bodyLength: 10, clabeRange: { ...RANGE, fixed: '1234567890' } } });
    expect(range.status).toBe(422);
    expect(range.body.error.details[0].path).toBe('clabeRange.fixed');
  });

  it("the migration's backfill gives loans opened before it their reference (down and up again), idempotently", async () => {
    await paymentReferences.down(h.db);
    await paymentReferences.up(h.db);
    const rows = await h.db.selectFrom('loans').select(['account_number', 'payment_reference', 'clabe']).orderBy('id').execute();
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(r.payment_reference).toBe(buildPaymentReference(r.account_number!, { scheme: 'mod97', prefix: '', bodyLength: 10 }));
      expect(r.clabe).toBeNull();
    }
    expect(new Set(rows.map((r) => r.account_number)).size).toBe(rows.length);
    expect(await backfillPaymentKeys(h.db)).toEqual({ references: 0, clabes: 0 });
  });
});
