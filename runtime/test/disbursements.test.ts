// Disbursement batches end to end through the API (issue 16): the client's disbursement account,
// preparing a batch (per-loan reasons, one open batch per loan under concurrency), maker-checker
// approval, the layout file, the status import (re-dating, cancellation, idempotency, per-line
// reports, a crash halfway) and the SPEI participant test double.
import { clabeCheckDigit, generateSchedule, type LoanTerms } from '@plazo/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../src/auth/api-key-issuer.ts';
import { redatedTerms } from '../src/disbursements/status-import.ts';
import { disbursementAmounts } from '../src/servicing/loan-event-requests.ts';
import { startHarness, TEST_NOW, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { databaseFingerprint, expectLedgerConsistent, setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

/** A valid CLABE of bank 032 whose 11-digit account is `account`. */
function clabeFor(account: string): string {
  const first17 = `032180${account.padStart(11, '0')}`;
  return `${first17}${clabeCheckDigit(first17)}`;
}

describe.each(DATABASE_KINDS)('disbursement batches on %s', (kind) => {
  let h: Harness;
  let otherOperator: string;
  let n = 0;

  /** A client (with a disbursement account unless `account` is null) and a pending nomina loan of theirs (opened 2025-01-06). */
  async function pendingLoan(account: string | null = String(++n).padStart(6, '0') + '00001', clientless = false): Promise<{ loanId: string; clientId: string | null; clabe: string | null }> {
    setToday(h, '2025-01-06');
    let clientId: string | null = null;
    const clabe = account === null ? null : clabeFor(account);
    if (!clientless) {
      const client = await h.request('POST', '/api/v1/clients', {
        key: h.keys.operator,
        body: { kind: 'person', givenNames: `Cliente ${++n}`, paternalSurname: 'Prueba', ...(clabe ? { disbursementAccount: { clabe, holderName: `CLIENTE ${n} PRUEBA` } } : {}) },
      });
      expect(client.status, client.text).toBe(201);
      clientId = client.body.client.id;
    }
    const decision = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06' } });
    expect(decision.status, decision.text).toBe(201);
    const loan = await h.request('POST', '/api/v1/loans', { body: { decisionId: decision.body.decision.id, ...(clientId ? { clientId } : {}) } });
    expect(loan.status, loan.text).toBe(201);
    return { loanId: loan.body.loan.id, clientId, clabe };
  }

  const prepare = (body: unknown, key = h.keys.operator) => h.request('POST', '/api/v1/disbursement-batches', { key, body });
  const approve = (id: string, key = h.keys.approver) => h.request('POST', `/api/v1/disbursement-batches/${id}/approve`, { key, body: {} });
  const importCsv = (id: string, csv: string) => h.request('POST', `/api/v1/disbursement-batches/${id}/status`, { key: h.keys.operator, body: { csv } });

  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    ({ key: otherOperator } = await issueApiKey(h.db, { name: 'second operator', role: 'operator' }, { actor: 'system', at: TEST_NOW }));
  }, 120_000);
  afterAll(async () => h?.destroy());

  it('keeps the client’s disbursement account: the CLABE checked by the engine, the bank named, in the kyc group, audited', async () => {
    const bad = await h.request('POST', '/api/v1/clients', { key: h.keys.operator, body: { kind: 'person', givenNames: 'Ana', paternalSurname: 'López', disbursementAccount: { clabe: '032180000118359718', holderName: 'ANA LOPEZ' } } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: 'disbursementAccount.clabe', reason: 'check-digit' })]);
    const good = await h.request('POST', '/api/v1/clients', { key: h.keys.operator, body: { kind: 'person', givenNames: 'Ana', paternalSurname: 'López', disbursementAccount: { clabe: '032180000118359719', holderName: ' ANA  LOPEZ ' } } });
    expect(good.status, good.text).toBe(201);
    expect(good.body.client.disbursementAccount).toEqual({ clabe: '032180000118359719', holderName: 'ANA LOPEZ', bank: 'IXE' });
    const id = good.body.client.id;
    const changed = await h.request('PATCH', `/api/v1/clients/${id}`, { key: h.keys.operator, body: { disbursementAccount: { clabe: clabeFor('77'), holderName: 'ANA LOPEZ' } } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.client.disbursementAccount.clabe).toBe(clabeFor('77'));
    // The accountant reads who the client is, not the kyc group.
    const byAccountant = await h.request('GET', `/api/v1/clients/${id}`, { key: h.keys.accountant });
    if (byAccountant.status === 200) {
      expect(byAccountant.body.client?.disbursementAccount ?? byAccountant.body.disbursementAccount).toBeUndefined();
    }
    const byApprover = await h.request('GET', `/api/v1/clients/${id}`, { key: h.keys.approver });
    expect(JSON.stringify(byApprover.body)).toContain(clabeFor('77'));
    const audit = await h.request('GET', `/api/v1/audit?entityType=client&entityId=${id}`);
    const update = audit.body.entries.find((e: { action: string }) => e.action === 'update');
    expect(update.details.fields).toEqual(['disbursementAccount']);
  });

  it('prepares a batch with the cash the client receives, refusing loans that cannot go with their reasons', async () => {
    const a = await pendingLoan();
    const noAccount = await pendingLoan(null);
    const noClient = await pendingLoan('1', true);
    const refused = await prepare({ loanIds: [a.loanId, noAccount.loanId, noClient.loanId, '00000000-0000-4000-8000-000000000000'], valueDate: '2025-01-06' });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.error.code).toBe('loans-not-ready');
    expect(refused.body.error.details.map((d: { path: string; reasons: { code: string }[] }) => [d.path, d.reasons.map((r) => r.code)])).toEqual([
      ['loanIds[1]', ['no-disbursement-account']],
      ['loanIds[2]', ['no-client']],
      ['loanIds[3]', ['not-found']],
    ]);
    const batch = await prepare({ loanIds: [a.loanId, noAccount.loanId], valueDate: '2025-01-06', skipIneligible: true });
    expect(batch.status, batch.text).toBe(201);
    expect(batch.body.leftOut).toEqual([{ loanId: noAccount.loanId, reasons: [expect.objectContaining({ code: 'no-disbursement-account' })] }]);
    const loan = (await h.request('GET', `/api/v1/loans/${a.loanId}`)).body.loan;
    const amounts = disbursementAmounts(loan.terms as LoanTerms);
    expect(batch.body.items).toEqual([
      expect.objectContaining({ seq: 1, loanId: a.loanId, amount: Number(amounts.cash).toFixed(2), clabe: a.clabe, holderName: expect.stringMatching(/^CLIENTE \d+ PRUEBA$/), status: 'pending' }),
    ]);
    const item = batch.body.items[0];
    expect(item.trackingKey).toMatch(/^[0-9A-Z]{1,30}$/);
    expect(item.numericReference).toMatch(/^\d{7}$/);
    expect(batch.body.batch).toMatchObject({ status: 'prepared', itemsCount: 1, totalAmount: item.amount, valueDate: '2025-01-06' });
    // The same loan again: already in an open batch.
    const again = await prepare({ loanIds: [a.loanId], valueDate: '2025-01-06' });
    expect(again.status).toBe(422);
    expect(again.body.error.details[0].reasons[0]).toMatchObject({ code: 'in-open-batch' });
    const candidates = await h.request('GET', '/api/v1/disbursement-batches/candidates?limit=1000', { key: h.keys.accountant });
    expect(candidates.status).toBe(200);
    const byId = new Map(candidates.body.loans.map((c: { loanId: string }) => [c.loanId, c]));
    expect((byId.get(a.loanId) as { reasons: { code: string }[] }).reasons.map((r) => r.code)).toEqual(['in-open-batch']);
    expect((byId.get(noClient.loanId) as { reasons: { code: string }[] }).reasons.map((r) => r.code)).toEqual(['no-client']);
    // Cancelled before sending: the loan is free for another batch.
    const cancelled = await h.request('POST', `/api/v1/disbursement-batches/${batch.body.batch.id}/cancel`, { key: h.keys.operator, body: { reason: 'fecha equivocada' } });
    expect(cancelled.body.batch).toMatchObject({ status: 'cancelled', cancelReason: 'fecha equivocada', counts: { cancelled: 1 } });
    const retaken = await prepare({ loanIds: [a.loanId], valueDate: '2025-01-07' });
    expect(retaken.status, retaken.text).toBe(201);
    await h.request('POST', `/api/v1/disbursement-batches/${retaken.body.batch.id}/cancel`, { key: h.keys.operator, body: {} });
  });

  it('lets one of two batches prepared at the same moment take a loan (the unique index), the other refusing it', async () => {
    const loans = [await pendingLoan(), await pendingLoan()];
    const ids = loans.map((l) => l.loanId);
    const answers = await Promise.all([prepare({ loanIds: ids, valueDate: '2025-01-06' }), prepare({ loanIds: [...ids].reverse(), valueDate: '2025-01-06' }, otherOperator)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    const loser = answers.find((a) => a.status === 422)!;
    expect(loser.body.error.details.map((d: { reasons: { code: string }[] }) => d.reasons[0]!.code)).toEqual(['in-open-batch', 'in-open-batch']);
    const open = await sql<{ n: number }>`select count(*)::int as n from disbursement_items where status = 'pending' and loan_id = any(${`{${ids.join(',')}}`}::uuid[])`.execute(h.db);
    expect(open.rows[0]!.n).toBe(2);
    // The database refuses a second open item even when a writer skips the check.
    const winner = answers.find((a) => a.status === 201)!;
    const copy = await sql`select * from disbursement_items where batch_id = ${winner.body.batch.id} limit 1`.execute(h.db);
    const row = copy.rows[0] as Record<string, unknown>;
    await expect(sql`insert into disbursement_items select ${'00000000-0000-4000-8000-00000000aaaa'}::uuid, batch_id, 99, loan_id, amount, clabe, holder_name, 'DUPLICATE1', numeric_reference, concept, 'pending' from disbursement_items where id = ${row['id'] as string}`.execute(h.db)).rejects.toThrow();
    await h.request('POST', `/api/v1/disbursement-batches/${winner.body.batch.id}/cancel`, { key: h.keys.operator, body: {} });
  });

  it('is approved by another person, exported as the layout (marking it sent) and closed by the status file: one loan disbursed on the settlement day, one cancelled', async () => {
    const a = await pendingLoan();
    const b = await pendingLoan();
    const created = await prepare({ loanIds: [a.loanId, b.loanId], valueDate: '2025-01-06' });
    expect(created.status, created.text).toBe(201);
    const id = created.body.batch.id;
    const [itemA, itemB] = created.body.items;
    // A loan in the batch is not disbursed by hand: the transfer will disburse it.
    const byHand = await h.request('POST', `/api/v1/loans/${a.loanId}/disbursement`, { body: {}, key: h.keys.operator });
    expect(byHand.status).toBe(409);
    expect(byHand.body.error).toMatchObject({ code: 'loan-in-disbursement-batch', details: { batchId: id } });
    // Layout before approval: refused.
    expect((await h.request('GET', `/api/v1/disbursement-batches/${id}/layout.csv`, { key: h.keys.operator })).status).toBe(409);
    const own = await approve(id, h.keys.operator);
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('forbidden');
    const ownByAdmin = await h.request('POST', '/api/v1/disbursement-batches', { body: { loanIds: [(await pendingLoan()).loanId], valueDate: '2025-01-06' } });
    const sameAuthor = await approve(ownByAdmin.body.batch.id, h.keys.admin);
    expect(sameAuthor.status).toBe(403);
    expect(sameAuthor.body.error).toMatchObject({ code: 'same-author' });
    await h.request('POST', `/api/v1/disbursement-batches/${ownByAdmin.body.batch.id}/cancel`, { body: {} });
    const approved = await approve(id);
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.batch).toMatchObject({ status: 'approved', checkerDisplay: { name: 'test approver' } });
    expect((await approve(id)).body.error.code).toBe('batch-not-prepared');

    const layout = await h.request('GET', `/api/v1/disbursement-batches/${id}/layout.csv`, { key: h.keys.operator });
    expect(layout.status, layout.text).toBe(200);
    expect(layout.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = layout.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('clave_rastreo,fecha_valor,tipo_pago,banco_beneficiario,tipo_cuenta_beneficiario,clabe_beneficiario,nombre_beneficiario,monto,concepto,referencia_numerica');
    expect(lines[1]).toBe(`${itemA.trackingKey},2025-01-06,1,032,40,${a.clabe},${itemA.holderName},${itemA.amount},${itemA.concept},${itemA.numericReference}`);
    expect(lines).toHaveLength(3);
    const again = await h.request('GET', `/api/v1/disbursement-batches/${id}/layout.csv`, { key: h.keys.operator });
    expect(again.text).toBe(layout.text);
    const sent = (await h.request('GET', `/api/v1/disbursement-batches/${id}`, { key: h.keys.accountant })).body.batch;
    expect(sent).toMatchObject({ status: 'sent', channel: 'file' });
    expect((await h.request('POST', `/api/v1/disbursement-batches/${id}/cancel`, { key: h.keys.operator, body: {} })).body.error.code).toBe('batch-already-sent');

    setToday(h, '2025-01-09');
    const before = (await h.request('GET', `/api/v1/loans/${a.loanId}`)).body;
    const terms = before.loan.terms as LoanTerms;
    const file = [
      'clave_rastreo,estado,fecha_liquidacion,causa_devolucion',
      `${itemA.trackingKey},liquidada,2025-01-08 10:15:03,`,
      `${itemB.trackingKey},devuelta,2025-01-08 11:00:00,02 Cuenta bloqueada`,
      'PZNOSUCHKEY,liquidada,2025-01-08 10:00:00,',
      `${itemA.trackingKey},pagada,,`,
    ].join('\n');
    const imported = await importCsv(id, file);
    expect(imported.status, imported.text).toBe(200);
    expect(imported.body.lines.map((l: { line: number; outcome: string }) => [l.line, l.outcome])).toEqual([
      [2, 'liquidated'],
      [3, 'returned'],
      [4, 'unknown-tracking-key'],
      [5, 'invalid'],
    ]);
    expect(imported.body.batchStatus).toBe('closed');

    // A: disbursed on the settlement day; its terms re-dated, the schedule keeping its shape.
    const after = (await h.request('GET', `/api/v1/loans/${a.loanId}`)).body;
    expect(after.loan).toMatchObject({ status: 'active', disbursedOn: '2025-01-08' });
    expect(after.loan.terms.disbursementDate).toBe('2025-01-08');
    expect(after.loan.terms).toEqual(redatedTerms(terms, '2025-01-08'));
    const oldSchedule = generateSchedule(terms);
    const newSchedule = after.schedule;
    expect(newSchedule.installments.length).toBe(oldSchedule.installments.length);
    if (terms.firstDueDate !== undefined) expect(after.loan.terms.firstDueDate).toBe(new Date(Date.parse(terms.firstDueDate) + 2 * 86_400_000).toISOString().slice(0, 10));
    const redatedSchedule = generateSchedule(redatedTerms(terms, '2025-01-08'));
    expect(newSchedule.installments.map((i: { dueDate: string }) => i.dueDate)).toEqual(redatedSchedule.installments.map((i) => i.dueDate));
    expect(newSchedule.installments[0].dueDate >= oldSchedule.installments[0]!.dueDate).toBe(true);
    expect(newSchedule.totals).toEqual(JSON.parse(JSON.stringify(generateSchedule(redatedTerms(terms, '2025-01-08')).totals)));
    expect(newSchedule.cat).toBe(generateSchedule(redatedTerms(terms, '2025-01-08')).cat);
    const journal = await h.request('GET', `/api/v1/ledger/journal?from=2025-01-01&to=2025-01-31&loanId=${a.loanId}`);
    const entry = journal.body.entries.find((e: { loanId: string }) => e.loanId === a.loanId);
    expect(entry.date).toBe('2025-01-08');
    const cash = entry.lines.find((l: { account: string }) => l.account === '1000');
    expect(Number(cash.credit)).toBe(Number(itemA.amount));
    const events = after.events ?? (await h.request('GET', `/api/v1/loans/${a.loanId}/events`)).body.events;
    expect(JSON.stringify(events)).toContain(itemA.trackingKey);

    // B: cancelled with the reason, nothing booked.
    const cancelled = (await h.request('GET', `/api/v1/loans/${b.loanId}`)).body.loan;
    expect(cancelled).toMatchObject({ status: 'cancelled', disbursedOn: null, closedOn: '2025-01-08' });
    const bEntries = await sql<{ n: number }>`select count(*)::int as n from journal_entries where loan_id = ${b.loanId}`.execute(h.db);
    expect(bEntries.rows[0]!.n).toBe(0);
    const bAudit = await h.request('GET', `/api/v1/audit?entityType=loan&entityId=${b.loanId}`);
    expect(bAudit.body.entries.find((e: { action: string }) => e.action === 'cancel').details).toMatchObject({ reason: '02 Cuenta bloqueada', trackingKey: itemB.trackingKey });
    const aAudit = await h.request('GET', `/api/v1/audit?entityType=loan&entityId=${a.loanId}`);
    expect(aAudit.body.entries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['re-date', 'disburse']));
    const detail = (await h.request('GET', `/api/v1/disbursement-batches/${id}`, { key: h.keys.accountant })).body;
    expect(detail.items.map((i: { status: string; settledOn: string | null; returnReason: string | null }) => [i.status, i.settledOn, i.returnReason])).toEqual([
      ['liquidated', '2025-01-08', null],
      ['returned', null, '02 Cuenta bloqueada'],
    ]);

    // The same file again: nothing changes, and each line says so.
    const fingerprint = await databaseFingerprint(h);
    const twice = await importCsv(id, file);
    expect(twice.body.lines.map((l: { outcome: string }) => l.outcome)).toEqual(['unchanged', 'unchanged', 'unknown-tracking-key', 'invalid']);
    expect(await databaseFingerprint(h)).toEqual(fingerprint);
    // A contradiction of a final status is reported, not applied.
    const contradiction = await importCsv(id, `clave_rastreo,estado,fecha_liquidacion,causa_devolucion\n${itemA.trackingKey},devuelta,,01 Cuenta inexistente\n`);
    expect(contradiction.body.lines[0]).toMatchObject({ outcome: 'contradicts-final-status' });
    expect(await databaseFingerprint(h)).toEqual(fingerprint);
    await expectLedgerConsistent(h);
  });

  it('sends through the local SPEI participant double, which settles a good account and returns a blocked one', async () => {
    const good = await pendingLoan('12345600001');
    const blocked = await pendingLoan('12345670002');
    setToday(h, '2025-01-06');
    const created = await prepare({ loanIds: [good.loanId, blocked.loanId], valueDate: '2025-01-06' });
    expect(created.status, created.text).toBe(201);
    const id = created.body.batch.id;
    expect((await h.request('POST', `/api/v1/disbursement-batches/${id}/send`, { key: h.keys.operator, body: { channel: 'spei-test' } })).body.error.code).toBe('batch-not-approved');
    await approve(id);
    const sent = await h.request('POST', `/api/v1/disbursement-batches/${id}/send`, { key: h.keys.operator, body: { channel: 'spei-test' } });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body.receipt).toEqual({ accepted: 2, refused: [] });
    expect(sent.body.import.lines.map((l: { outcome: string }) => l.outcome)).toEqual(['liquidated', 'returned']);
    expect(sent.body.batch.status).toBe('closed');
    expect((await h.request('GET', `/api/v1/loans/${good.loanId}`)).body.loan).toMatchObject({ status: 'active', disbursedOn: '2025-01-06' });
    const blockedLoan = await h.request('GET', `/api/v1/loans/${blocked.loanId}`);
    expect(blockedLoan.status, blockedLoan.text).toBe(200);
    expect(blockedLoan.body.loan.status).toBe('cancelled');
    const items = (await h.request('GET', `/api/v1/disbursement-batches/${id}`)).body.items;
    expect(items[1].returnReason).toBe('02 Cuenta bloqueada');
    // Sending again changes nothing; the file channel is refused for it.
    const again = await h.request('POST', `/api/v1/disbursement-batches/${id}/send`, { key: h.keys.operator, body: { channel: 'spei-test' } });
    expect(again.body).toMatchObject({ alreadySent: true, receipt: null });
    expect(again.body.import.lines.map((l: { outcome: string }) => l.outcome)).toEqual(['unchanged', 'unchanged']);
    expect((await h.request('GET', `/api/v1/disbursement-batches/${id}/layout.csv`, { key: h.keys.operator })).body.error.code).toBe('batch-sent-by-other-channel');
  });

  it('leaves each item done or pending when the import dies halfway (one transaction per line), and finishes on the next import', async () => {
    const first = await pendingLoan();
    const second = await pendingLoan();
    setToday(h, '2025-01-06');
    const created = await prepare({ loanIds: [first.loanId, second.loanId], valueDate: '2025-01-06' });
    const id = created.body.batch.id;
    await approve(id);
    await h.request('GET', `/api/v1/disbursement-batches/${id}/layout.csv`, { key: h.keys.operator });
    const file = `clave_rastreo,estado,fecha_liquidacion,causa_devolucion\n${created.body.items.map((i: { trackingKey: string }) => `${i.trackingKey},liquidada,2025-01-06 12:00:00,`).join('\n')}\n`;
    // The database dies on the second loan's event.
    await sql.raw(`create function plazo_test_crash() returns trigger language plpgsql as $$ begin if new.loan_id = '${second.loanId}' then raise exception 'simulated crash'; end if; return new; end $$`).execute(h.db);
    await sql`create trigger plazo_test_crash before insert on loan_events for each row execute function plazo_test_crash()`.execute(h.db);
    const crashed = await importCsv(id, file);
    expect(crashed.status).toBe(500);
    await sql`drop trigger plazo_test_crash on loan_events`.execute(h.db);
    await sql`drop function plazo_test_crash()`.execute(h.db);
    const halfway = (await h.request('GET', `/api/v1/disbursement-batches/${id}`)).body;
    expect(halfway.batch.status).toBe('sent');
    expect(halfway.items.map((i: { status: string }) => i.status)).toEqual(['liquidated', 'pending']);
    expect((await h.request('GET', `/api/v1/loans/${first.loanId}`)).body.loan.status).toBe('active');
    expect((await h.request('GET', `/api/v1/loans/${second.loanId}`)).body.loan.status).toBe('pending');
    const resumed = await importCsv(id, file);
    expect(resumed.body.lines.map((l: { outcome: string }) => l.outcome)).toEqual(['unchanged', 'liquidated']);
    expect(resumed.body.batchStatus).toBe('closed');
    await expectLedgerConsistent(h);
  });
});
