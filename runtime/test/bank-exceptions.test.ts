// The exceptions queue over HTTP (issue 16, H6): each action's postings (the ledger balanced,
// 2210 equal to what the open exceptions hold, the bank account moving only by money that
// moved), idempotency, two operators on one line, split validation by field path, candidates,
// returned payments, and the daily reconciliation at 0.00 on a built scenario.
import { Dec } from '@plazo/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { processReturnedLine } from '../src/banking/returns.ts';
import { seedBankAccount, seedStatement } from './support/bank-lines.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { databaseFingerprint, disbursedLoan, expectLedgerConsistent, setToday, writeFundingEntry } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const EXC = '/api/v1/bank-statements/exceptions';

describe.each(DATABASE_KINDS)('bank exceptions, returns and reconciliation on %s', (kind) => {
  let h: Harness;
  let account: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    account = await seedBankAccount(h.db, 'Banco principal');
    setToday(h, '2025-03-01');
  });
  afterAll(async () => {
    await h?.destroy();
  });

  async function balance(code: string, upTo = '9999-12-31'): Promise<Dec> {
    const { rows } = await sql<{ b: string }>`
      select coalesce(sum(l.debit - l.credit), 0)::text as b from journal_lines l join journal_entries e on e.id = l.entry_id
      where l.account_code = ${code} and e.entry_date <= ${upTo}`.execute(h.db);
    return new Dec(rows[0]!.b);
  }
  /** What the open exceptions hold, by the lines themselves (H4's invariant: 2210 = Σ exception_amount). */
  async function openHeld(): Promise<Dec> {
    const { rows } = await sql<{ b: string }>`
      select coalesce(sum(l.exception_amount), 0)::text as b
      from bank_statement_lines l where l.status = 'exception'`.execute(h.db);
    return new Dec(rows[0]!.b);
  }
  async function expectSuspenseMatchesQueue() {
    expect((await balance('2210')).negated().toFixed(2)).toBe((await openHeld()).toFixed(2));
    const queue = await h.request('GET', `${EXC}?candidates=false&limit=200`, { key: h.keys.operator });
    expect(queue.body.totals.amount).toBe((await openHeld()).toFixed(2));
    await expectLedgerConsistent(h);
  }
  async function paymentsOf(loanId: string) {
    const { rows } = await sql<{ type: string; payload: any }>`select type, payload from loan_events where loan_id = ${loanId} order by seq`.execute(h.db);
    return rows.filter((r) => r.type === 'payment' || r.type === 'payment-reversal');
  }

  it('lists open exceptions oldest first with totals and filters; applies one to a loan in one posting pair', async () => {
    const loan = await disbursedLoan(h);
    const [a, b] = await seedStatement(h.db, account, {
      from: '2025-01-20',
      to: '2025-01-21',
      lines: [
        { valueDate: '2025-01-21', amount: '3000.00', reference: 'XYZ999', payerName: 'Pagador Uno', description: 'SPEI recibido' },
        { valueDate: '2025-01-20', amount: '1200.50', reference: 'ABC123', payerName: 'Otra Persona' },
      ],
    });
    const queue = await h.request('GET', `${EXC}?bankAccountId=${account}`, { key: h.keys.accountant });
    expect(queue.status, queue.text).toBe(200);
    expect(queue.body.exceptions.map((e: any) => e.id)).toEqual([b, a]);
    expect(queue.body.totals).toEqual({ count: 2, amount: '4200.50' });
    const byText = await h.request('GET', `${EXC}?q=uno`, { key: h.keys.operator });
    expect(byText.body.exceptions.map((e: any) => e.id)).toEqual([a]);
    const byAmount = await h.request('GET', `${EXC}?minAmount=2000&maxAmount=3000`, { key: h.keys.operator });
    expect(byAmount.body.exceptions.map((e: any) => e.id)).toEqual([a]);
    const page1 = await h.request('GET', `${EXC}?limit=1`, { key: h.keys.operator });
    expect(page1.body.exceptions.map((e: any) => e.id)).toEqual([b]);
    const page2 = await h.request('GET', `${EXC}?limit=1&after=${page1.body.nextAfter}`, { key: h.keys.operator });
    expect(page2.body.exceptions.map((e: any) => e.id)).toEqual([a]);
    expect(page2.body.nextAfter).toBeNull();
    await expectSuspenseMatchesQueue();

    const bankBefore = await balance('1000');
    const headers = { 'idempotency-key': 'apply-a-1' };
    const applied = await h.request('POST', `${EXC}/${a}/apply`, { key: h.keys.operator, headers, body: { loanId: loan } });
    expect(applied.status, applied.text).toBe(200);
    expect(applied.body.line).toMatchObject({ status: 'resolved', resolution: 'applied', openAmount: '0.00' });
    expect(applied.body.action.details).toMatchObject({ applied: '3000.00', remainder: '0.00' });
    const payments = await paymentsOf(loan);
    expect(payments).toHaveLength(1);
    expect(payments[0]!.payload).toMatchObject({ kind: 'payment', date: '2025-01-21', amount: '3000.00', reference: 'XYZ999', method: 'transfer' });
    // The bank account does not move: the money came in with the hold; the payment's debit and the release cancel out.
    expect((await balance('1000')).toFixed(2)).toBe(bankBefore.toFixed(2));
    await expectSuspenseMatchesQueue();
    // The same request again: the first answer, nothing written.
    const before = await databaseFingerprint(h);
    const again = await h.request('POST', `${EXC}/${a}/apply`, { key: h.keys.operator, headers, body: { loanId: loan } });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(applied.body);
    expect(await databaseFingerprint(h)).toEqual(before);
    const reused = await h.request('POST', `${EXC}/${a}/apply`, { key: h.keys.operator, headers, body: { loanId: loan, amount: '1.00' } });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency-key-reused');
    const closed = await h.request('POST', `${EXC}/${a}/refund`, { key: h.keys.operator, body: { reason: 'late' } });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('line-not-open');
    const audit = await h.request('GET', `/api/v1/audit?entityType=bank-statement-line&entityId=${a}`);
    expect(audit.body.entries.map((e: any) => e.action)).toEqual(['apply']);
    const verified = await verifyAuditChain(h.db);
    expect(verified.ok, JSON.stringify(verified).slice(0, 1500)).toBe(true);
  });

  it('keeps what the loan cannot take (over its payoff) open on the line', async () => {
    const loan = await disbursedLoan(h);
    const [line] = await seedStatement(h.db, account, { from: '2025-01-22', to: '2025-01-22', lines: [{ valueDate: '2025-01-22', amount: '90000.00' }] });
    const over = await h.request('POST', `${EXC}/${line}/apply`, { key: h.keys.operator, body: { loanId: loan, amount: '90000.01' } });
    expect(over.status).toBe(422);
    expect(over.body.error.details[0].path).toBe('amount');
    const res = await h.request('POST', `${EXC}/${line}/apply`, { key: h.keys.operator, body: { loanId: loan } });
    expect(res.status, res.text).toBe(200);
    const { applied, remainder } = res.body.action.details;
    expect(new Dec(applied).gt(60000)).toBe(true);
    expect(new Dec(applied).plus(remainder).toFixed(2)).toBe('90000.00');
    expect(res.body.line).toMatchObject({ status: 'exception', openAmount: remainder });
    const loanNow = await h.request('GET', `/api/v1/loans/${loan}`);
    expect(loanNow.body.loan.status).toBe('paid-off');
    await expectSuspenseMatchesQueue();
  });

  it('splits across loans: parts may not exceed the line (422 by path, nothing written); the rest stays open', async () => {
    const [l1, l2] = [await disbursedLoan(h), await disbursedLoan(h)];
    const [line] = await seedStatement(h.db, account, { from: '2025-01-23', to: '2025-01-23', lines: [{ valueDate: '2025-01-23', amount: '5000.00' }] });
    const before = await databaseFingerprint(h);
    const tooMuch = await h.request('POST', `${EXC}/${line}/split`, { key: h.keys.operator, body: { parts: [{ loanId: l1, amount: '3000.00' }, { loanId: l2, amount: '2000.01' }] } });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.details.map((d: any) => d.path)).toEqual(['parts[1].amount']);
    const twice = await h.request('POST', `${EXC}/${line}/split`, { key: h.keys.operator, body: { parts: [{ loanId: l1, amount: '1.00' }, { loanId: l1, amount: '1.00' }] } });
    expect(twice.status).toBe(422);
    expect(twice.body.error.details.map((d: any) => d.path)).toEqual(['parts[1].loanId']);
    const badAmount = await h.request('POST', `${EXC}/${line}/split`, { key: h.keys.operator, body: { parts: [{ loanId: l1, amount: '-1' }] } });
    expect(badAmount.status).toBe(422);
    expect(badAmount.body.error.details[0].path).toBe('parts.0.amount'.replace('.0.', '[0].'));
    expect(await databaseFingerprint(h)).toEqual(before);
    const split = await h.request('POST', `${EXC}/${line}/split`, { key: h.keys.operator, body: { parts: [{ loanId: l1, amount: '3000.00' }, { loanId: l2, amount: '1500.00' }] } });
    expect(split.status, split.text).toBe(200);
    expect(split.body.line).toMatchObject({ status: 'exception', openAmount: '500.00' });
    expect(split.body.line.applications.map((a: any) => [a.loanId, a.amount])).toEqual([
      [l1, '3000.00'],
      [l2, '1500.00'],
    ]);
    expect((await paymentsOf(l1))[0]!.payload.amount).toBe('3000.00');
    expect((await paymentsOf(l2))[0]!.payload.amount).toBe('1500.00');
    await expectSuspenseMatchesQueue();
    // The rest: all of it to one of them, and the line is resolved as a split.
    const rest = await h.request('POST', `${EXC}/${line}/split`, { key: h.keys.operator, body: { parts: [{ loanId: l2, amount: '500.00' }] } });
    expect(rest.body.line).toMatchObject({ status: 'resolved', resolution: 'split', openAmount: '0.00' });
    await expectSuspenseMatchesQueue();
  });

  it('refunds (Dr 2210 / Cr bank) and marks not ours (Dr 2210 / Cr 2900); two operators on one line: one wins, the other 409', async () => {
    const [r, n] = await seedStatement(h.db, account, {
      from: '2025-01-24',
      to: '2025-01-24',
      lines: [
        { valueDate: '2025-01-24', amount: '700.00' },
        { valueDate: '2025-01-24', amount: '800.00' },
      ],
    });
    const [bank, other] = [await balance('1000'), await balance('2900')];
    const refund = await h.request('POST', `${EXC}/${r}/refund`, { key: h.keys.operator, body: { reason: 'Pago duplicado', reference: 'DEV-1' } });
    expect(refund.status, refund.text).toBe(200);
    expect(refund.body.line).toMatchObject({ status: 'resolved', resolution: 'refunded', resolutionNote: 'Pago duplicado (ref. DEV-1)' });
    expect((await balance('1000')).toFixed(2)).toBe(bank.minus(700).toFixed(2));
    const notOurs = await h.request('POST', `${EXC}/${n}/not-ours`, { key: h.keys.operator, body: { reason: 'Depósito de otra empresa' } });
    expect(notOurs.status, notOurs.text).toBe(200);
    expect((await balance('2900')).toFixed(2)).toBe(other.minus(800).toFixed(2));
    expect((await balance('1000')).toFixed(2)).toBe(bank.minus(700).toFixed(2));
    await expectSuspenseMatchesQueue();
    const missing = await h.request('POST', `${EXC}/${r}/refund`, { key: h.keys.operator, body: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details[0].path).toBe('reason');

    const [race] = await seedStatement(h.db, account, { from: '2025-01-25', to: '2025-01-25', lines: [{ valueDate: '2025-01-25', amount: '333.00' }] });
    const answers = await Promise.all([
      h.request('POST', `${EXC}/${race}/refund`, { key: h.keys.operator, body: { reason: 'uno' } }),
      h.request('POST', `${EXC}/${race}/not-ours`, { key: h.keys.admin, body: { reason: 'otro' } }),
    ]);
    expect(answers.map((x) => x.status).sort()).toEqual([200, 409]);
    expect(answers.find((x) => x.status === 409)!.body.error.code).toBe('line-not-open');
    const entries = await h.db.selectFrom('bank_line_entries').select('kind').where('line_id', '=', race!).execute();
    expect(entries.map((e) => e.kind).sort()).toEqual(['hold', answers[0]!.status === 200 ? 'refund' : 'not-ours'].sort());
    await expectSuspenseMatchesQueue();
  });

  it('offers candidate loans with reasons: a reference one digit off, an installment’s amount, the payer’s name', async () => {
    const loan = await disbursedLoan(h);
    await h.db.updateTable('loans').set({ payment_reference: '4000123457' }).where('id', '=', loan).execute();
    const client = await h.request('POST', '/api/v1/clients', { body: { kind: 'person', givenNames: 'Rosaura', paternalSurname: 'Quintanilla', maternalSurname: 'Beltrán' } });
    expect(client.status, client.text).toBe(201);
    await h.db.updateTable('loans').set({ client_id: client.body.client.id }).where('id', '=', loan).execute();
    const due = await sql<{ due: string; due_date: string }>`
      select (principal + interest + iva + fees)::text as due, due_date::text as due_date from loan_open_installments where loan_id = ${loan} order by installment limit 1`.execute(h.db);
    const installment = new Dec(due.rows[0]!.due).toFixed(2);
    const [typo, byAmount, byName] = await seedStatement(h.db, account, {
      from: '2025-01-26',
      to: '2025-01-26',
      lines: [
        { valueDate: '2025-01-26', amount: '1.11', reference: '4000123475' },
        { valueDate: due.rows[0]!.due_date, amount: installment },
        { valueDate: '2025-01-26', amount: '2.22', payerName: 'ROSAURA QUINTANILLA B' },
      ],
    });
    const queue = await h.request('GET', `${EXC}?limit=200`, { key: h.keys.operator });
    const of = (id: string | undefined) => queue.body.exceptions.find((e: any) => e.id === id).candidates.find((c: any) => c.loanId === loan);
    expect(of(typo).reasons.map((r: any) => r.rule)).toEqual(['reference-near']);
    expect(of(typo)).toMatchObject({ paymentReference: '4000123457', clientName: 'QUINTANILLA BELTRAN ROSAURA' });
    expect(of(byAmount).reasons.map((r: any) => r.rule)).toContain('installment');
    expect(of(byName).reasons).toEqual([expect.objectContaining({ rule: 'payer-name', detail: '2 of 3 words of QUINTANILLA BELTRAN ROSAURA' })]);
    for (const id of [typo!, byAmount!, byName!]) await h.request('POST', `${EXC}/${id}/not-ours`, { body: { reason: 'test' } });
  });

  it('returns: reverses the payments a credit became, or releases it from 2210; idempotent', async () => {
    const loan = await disbursedLoan(h);
    const [credit, held] = await seedStatement(h.db, account, {
      from: '2025-02-03',
      to: '2025-02-03',
      lines: [
        { valueDate: '2025-02-03', amount: '2500.00', trackingKey: 'RET-CREDIT-1' },
        { valueDate: '2025-02-03', amount: '410.00', trackingKey: 'RET-CREDIT-2' },
      ],
    });
    expect((await h.request('POST', `${EXC}/${credit}/apply`, { body: { loanId: loan } })).status).toBe(200);
    const [debit, named] = await seedStatement(h.db, account, {
      from: '2025-02-05',
      to: '2025-02-05',
      lines: [
        { valueDate: '2025-02-05', direction: 'debit', amount: '2500.00', description: 'DEVOLUCION SPEI' },
        { valueDate: '2025-02-05', direction: 'debit', amount: '410.00', returnOf: 'RET-CREDIT-2' },
      ],
    });
    const wrong = await h.request('POST', `/api/v1/bank-statements/lines/${debit}/return-of`, { key: h.keys.operator, body: { originalLineId: held, reason: 'x' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details[0].path).toBe('originalLineId');
    const bank = await balance('1000');
    const ret = await h.request('POST', `/api/v1/bank-statements/lines/${debit}/return-of`, { key: h.keys.operator, body: { originalLineId: credit, reason: 'Cuenta cancelada' } });
    expect(ret.status, ret.text).toBe(200);
    expect(ret.body.line).toMatchObject({ status: 'resolved', resolution: 'reversed', returnOf: 'RET-CREDIT-1' });
    const events = await paymentsOf(loan);
    expect(events.map((e) => e.type)).toEqual(['payment', 'payment-reversal']);
    expect(events[1]!.payload).toMatchObject({ date: '2025-02-05', paymentId: events[0]!.payload.id, reason: 'Cuenta cancelada' });
    const app = await h.db.selectFrom('bank_line_applications').select('reversed_at').where('line_id', '=', credit!).execute();
    expect(app.every((a) => a.reversed_at !== null)).toBe(true);
    expect((await balance('1000')).toFixed(2)).toBe(bank.minus(2500).toFixed(2));
    const again = await h.request('POST', `/api/v1/bank-statements/lines/${debit}/return-of`, { key: h.keys.operator, body: { originalLineId: credit, reason: 'Cuenta cancelada' } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await paymentsOf(loan)).length).toBe(2);
    // The import's path: a line that names the credit it returns; the credit was still held.
    const ctx = { actor: 'system', at: new Date().toISOString(), today: '2025-03-01' };
    const first = await h.db.transaction().execute((tx) => processReturnedLine(tx, named!, ctx));
    const second = await h.db.transaction().execute((tx) => processReturnedLine(tx, named!, ctx));
    expect(first.body.action.details).toMatchObject({ released: '410.00', reversed: [] });
    expect(second.replayed).toBe(true);
    expect((await balance('1000')).toFixed(2)).toBe(bank.minus(2910).toFixed(2));
    const heldLine = await h.db.selectFrom('bank_statement_lines').select(['status', 'resolution']).where('id', '=', held!).executeTakeFirstOrThrow();
    expect(heldLine).toEqual({ status: 'resolved', resolution: 'reversed' });
    await expectSuspenseMatchesQueue();
  });

  it('reconciles a built day to 0.00: the bank’s statement against the books, with the items between', async () => {
    // A bank account of its own on ledger account 1000 would mix with the other tests' lines: a fresh database.
    const r = await startHarness(kind);
    try {
      await publishProduct(r.db, 'nomina', NOMINA_SOURCE);
      const acc = await seedBankAccount(r.db, 'Conciliación');
      // Funding: the books have the money the bank opened with.
      await writeFundingEntry(r.db, { id: '00000000-0000-4000-8000-00000000f001', date: '2025-01-02', description: 'funding', currency: 'MXN', amount: '100000', debit: '1000', credit: '3000' });
      const loan = await disbursedLoan(r); // cash out on 2025-01-06, not yet on a statement
      setToday(r, '2025-03-01');
      const [paid, held, , fee] = await seedStatement(r.db, acc, {
        from: '2025-01-02',
        to: '2025-01-31',
        opening: '100000.00',
        closing: '103499.00',
        lines: [
          { valueDate: '2025-01-20', amount: '3000.00' },
          { valueDate: '2025-01-21', amount: '650.00' },
          { valueDate: '2025-01-22', amount: '1.00', status: 'rejected' },
          { valueDate: '2025-01-31', direction: 'debit', amount: '151.00', description: 'COMISION' },
        ],
      });
      await r.db.updateTable('bank_statement_lines').set({ outcome: 'rejected' }).where('status', '=', 'rejected').execute();
      expect((await r.request('POST', `${EXC}/${paid}/apply`, { body: { loanId: loan } })).status).toBe(200);
      // A payment typed by hand: in the books, not in the bank.
      expect((await r.request('POST', `/api/v1/loans/${loan}/payments`, { body: { amount: '99.00', date: '2025-01-25' } })).status).toBe(201);
      const rec = await r.request('GET', `/api/v1/bank-statements/reconciliation?bankAccountId=${acc}&date=2025-01-31`, { key: r.keys.accountant });
      expect(rec.status, rec.text).toBe(200);
      const disbursed = (await balance1000(r, '2025-01-06')).minus(100000); // the disbursement's cash out (negative)
      expect(rec.body.bank).toMatchObject({ balance: '103499.00', source: 'closing-balance' });
      expect(rec.body.books.balance).toBe(new Dec(100000).plus(disbursed).plus(3000).plus(650).plus(99).toFixed(2));
      expect(rec.body.bankNotInBooks.items.map((i: any) => [i.kind, i.amount])).toEqual([
        ['opening-balance', '100000.00'],
        ['unbooked-line', '-151.00'],
      ]);
      expect(rec.body.booksNotInBank.items.map((i: any) => [i.source, i.amount])).toEqual([
        ['other', '100000.00'],
        ['loan', disbursed.toFixed(2)],
        ['loan', '99.00'],
      ]);
      expect(rec.body.pendingExceptions).toMatchObject({ total: '650.00', count: 1, suspenseBalance: '650.00' });
      expect(rec.body.pendingExceptions.items[0].lineId).toBe(held);
      expect(rec.body.unexplained).toBe('0.00');
      // Mid-statement: the opening plus the lines so far; each day of the series explained.
      const mid = await r.request('GET', `/api/v1/bank-statements/reconciliation?bankAccountId=${acc}&date=2025-01-20`, { key: r.keys.accountant });
      expect(mid.body.bank).toMatchObject({ balance: '103000.00', source: 'opening-plus-lines' });
      expect(mid.body.unexplained).toBe('0.00');
      const days = await r.request('GET', `/api/v1/bank-statements/reconciliation/days?bankAccountId=${acc}&from=2025-01-01&to=2025-01-31`, { key: r.keys.accountant });
      expect(days.status, days.text).toBe(200);
      expect(days.body.days).toHaveLength(31);
      expect(days.body.days.every((d: any) => d.unexplained === '0.00')).toBe(true);
      const csv = await r.request('GET', `/api/v1/bank-statements/reconciliation?bankAccountId=${acc}&date=2025-01-31&format=csv`, { key: r.keys.accountant });
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      expect(csv.text.split('\r\n')[0]).toBe('item,date,amount,description,id,key');
      expect(csv.text).toContain('unexplained,2025-01-31,0.00');
      expect(rec.body.bankNotInBooks.items[1].lineId).toBe(fee);
      // A line the bank reports at another amount than the books hold it: the difference is left unexplained.
      await r.db.updateTable('bank_statement_lines').set({ amount: '660.00' }).where('id', '=', held!).execute();
      const off = await r.request('GET', `/api/v1/bank-statements/reconciliation?bankAccountId=${acc}&date=2025-01-25`, { key: r.keys.accountant });
      expect(off.body.unexplained).toBe('10.00');
      const tooLong = await r.request('GET', `/api/v1/bank-statements/reconciliation/days?bankAccountId=${acc}&from=2025-01-01&to=2025-12-31`, { key: r.keys.accountant });
      expect(tooLong.status).toBe(422);
      expect(tooLong.body.error.details[0].path).toBe('to');
    } finally {
      await r.destroy();
    }
  });
});

async function balance1000(h: Harness, upTo: string): Promise<Dec> {
  const { rows } = await sql<{ b: string }>`
    select coalesce(sum(l.debit - l.credit), 0)::text as b from journal_lines l join journal_entries e on e.id = l.entry_id
    where l.account_code = '1000' and e.entry_date <= ${upTo}`.execute(h.db);
  return new Dec(rows[0]!.b);
}
