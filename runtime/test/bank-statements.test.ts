// Bank statements (issue 16, H4) over HTTP: bank accounts and layouts (validated with field paths,
// CLABE checked), the CSV/TXT parser's options (Latin-1, separators, dates, credit/debit), the
// preview (dry run: writes nothing), the import (reference, CLABE and amount/date/name matching,
// over-payment remainder held in 2210, exceptions in 2210), exactly-once under re-import and
// concurrent imports, and the ledger balanced with 2210 equal to the open exceptions.
import { Dec } from '@plazo/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { csvStatementParser } from '../src/banking/formats/csv.ts';
import type { StatementLine } from '../src/banking/statement-line.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { disbursedLoan, expectLedgerConsistent, setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

async function parseAll(text: string | Uint8Array, options: unknown): Promise<StatementLine[]> {
  const out: StatementLine[] = [];
  const input = (async function* () {
    yield typeof text === 'string' ? new TextEncoder().encode(text) : text;
  })();
  for await (const l of csvStatementParser.parse(input, options)) out.push(l);
  return out;
}

/** The example layout of the README: a bank's CSV with separate credit/debit columns, DD/MM/YYYY, Latin-1. */
export const BANORTE_STYLE_LAYOUT = {
  kind: 'delimited',
  delimiter: ',',
  skipRows: 1,
  encoding: 'latin1',
  dateFormat: 'DD/MM/YYYY',
  decimalSeparator: '.',
  thousandsSeparator: ',',
  direction: { by: 'columns' },
  columns: { date: 1, description: 2, reference: 3, trackingKey: 4, payerName: 5, beneficiaryClabe: 6, debit: 7, credit: 8 },
};

describe('CSV/TXT parser', () => {
  it('reads a Latin-1 file with credit/debit columns, thousands separators and DD/MM/YYYY', async () => {
    const text = 'Fecha,Concepto,Referencia,Clave de rastreo,Ordenante,CLABE,Cargo,Abono\n20/01/2025,"PAGO NÓMINA, ENERO",00123 456,RAST001,José Peña,,,"1,250.50"\n21/01/2025,COMISION,,RAST002,,,15.00,\n';
    const bytes = Uint8Array.from(Buffer.from(text, 'latin1'));
    const lines = await parseAll(bytes, BANORTE_STYLE_LAYOUT);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ lineNo: 2, valueDate: '2025-01-20', direction: 'credit', amount: '1250.50', reference: '00123456', trackingKey: 'RAST001', payerName: 'José Peña', description: 'PAGO NÓMINA, ENERO' });
    expect(lines[1]).toMatchObject({ lineNo: 3, direction: 'debit', amount: '15.00' });
  });

  it('reads signs, comma decimals, a type column and fixed-width TXT', async () => {
    const signed = await parseAll('fecha;importe;ref\n2025-01-20;1.234,56;A1\n2025-01-21;-10,00;A2\n', {
      delimiter: ';', dateFormat: 'YYYY-MM-DD', decimalSeparator: ',', thousandsSeparator: '.', columns: { date: 1, amount: 2, reference: 3 },
    });
    expect(signed.map((l) => [l.direction, l.amount])).toEqual([['credit', '1234.56'], ['debit', '10.00']]);
    expect(signed[0]!.trackingKey).toMatch(/^h:/);
    const typed = await parseAll('d|t|a\n20012025|ABONO|5.00\n20012025|cargo|6.00\n', {
      delimiter: '|', dateFormat: 'DDMMYYYY', direction: { by: 'type', creditValues: ['ABONO'], debitValues: ['CARGO'] }, columns: { date: 1, type: 2, amount: 3 },
    });
    expect(typed.map((l) => l.direction)).toEqual(['credit', 'debit']);
    const txt = await parseAll('HEADER\n20250120000000125050REF0001   \n20250121000000000999REF0002   \n', {
      kind: 'fixed-width', skipRows: 1, dateFormat: 'YYYYMMDD', columns: { date: { start: 1, end: 8 }, amount: { start: 9, end: 20 }, reference: { start: 21, end: 30 } },
      thousandsSeparator: '',
    });
    // Fixed-width amounts here are whole cents without a separator: 000000125050 is read as 125050 (the layout says no decimals).
    expect(txt.map((l) => [l.valueDate, l.amount, l.reference])).toEqual([['2025-01-20', '125050.00', 'REF0001'], ['2025-01-21', '999.00', 'REF0002']]);
  });

  it('names the line and field of what it cannot read', async () => {
    await expect(parseAll('h\n20/01/2025,abc\n', { columns: { date: 1, amount: 2 } })).rejects.toMatchObject({ lineNo: 2, field: 'amount' });
    await expect(parseAll('h\n31/02/2025,1.00\n', { columns: { date: 1, amount: 2 } })).rejects.toMatchObject({ lineNo: 2, field: 'date' });
  });
});

describe.each(DATABASE_KINDS)('bank statements on %s', (kind) => {
  let h: Harness;
  let accountId: string;
  let layoutId: string;
  const loans: string[] = [];
  const upload = async (path: string, csv: string, query: Record<string, string> = {}, key?: string) => {
    const r = await h.app.request(`/api/v1/bank-statements${path}?${new URLSearchParams({ bankAccountId: accountId, format: 'csv', layoutId, fileName: 'edo.csv', ...query })}`, {
      method: 'POST', headers: { authorization: `Bearer ${key ?? h.keys.admin}`, 'content-type': 'text/csv' }, body: Buffer.from(csv, 'latin1'),
    });
    return { status: r.status, body: (await r.json()) as any };
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    for (let i = 0; i < 4; i++) loans.push(await disbursedLoan(h));
    await sql`update loans set payment_reference = ${'7001234561'} where id = ${loans[0]!}`.execute(h.db);
    await sql`update loans set clabe = ${'646180157000000004'} where id = ${loans[1]!}`.execute(h.db);
    const client = await h.request('POST', '/api/v1/clients', { body: { kind: 'person', givenNames: 'Gloria', paternalSurname: 'Hernández', maternalSurname: 'García', birthDate: '1956-04-27', sex: 'M', birthState: 'VZ', nationality: 'MX', curp: 'HEGG560427MVZRRL04', occupation: 'Comerciante', email: 'gloria@example.mx', phone: '+52 (229) 555-0101', address: { street: 'Av. Independencia', exteriorNumber: '1200', colonia: 'Centro', postalCode: '91700', municipality: 'Veracruz', state: 'Veracruz' }, pep: false } });
    expect(client.status, client.text).toBe(201);
    await sql`update loans set client_id = ${client.body.client.id} where id = ${loans[2]!}`.execute(h.db);
    await sql`update loans set payment_reference = ${'7009999995'} where id = ${loans[3]!}`.execute(h.db);
    setToday(h, '2025-02-10');
  }, 120_000);
  afterAll(async () => {
    await h?.destroy();
  });

  it('saves bank accounts and layouts, checking the CLABE and the options with field paths', async () => {
    const bad = await h.request('POST', '/api/v1/bank-accounts', { body: { name: 'Banorte', bankCode: '032', clabe: '032180000118359710' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toBe('clabe');
    const otherBank = await h.request('POST', '/api/v1/bank-accounts', { body: { name: 'Banorte', bankCode: '072', clabe: '032180000118359719' } });
    expect(otherBank.status).toBe(422);
    const ok = await h.request('POST', '/api/v1/bank-accounts', { body: { name: 'Banorte concentradora', bankCode: '032', clabe: '032180000118359719' } });
    expect(ok.status, ok.text).toBe(201);
    accountId = ok.body.bankAccount.id;
    expect((await h.request('POST', '/api/v1/bank-accounts', { body: { name: 'Banorte concentradora', bankCode: '032' } })).status).toBe(409);
    expect((await h.request('GET', `/api/v1/bank-accounts/${accountId}`, { key: h.keys.accountant })).status).toBe(200);
    expect((await h.request('POST', '/api/v1/bank-accounts', { key: h.keys.operator, body: { name: 'X', bankCode: '032' } })).status).toBe(403);
    const patched = await h.request('PATCH', `/api/v1/bank-accounts/${accountId}`, { body: { accountNumber: '0118359719' } });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.bankAccount.accountNumber).toBe('0118359719');

    const badLayout = await h.request('POST', '/api/v1/bank-file-layouts', { body: { name: 'Mala', format: 'csv', options: { direction: { by: 'columns' }, columns: { date: 1, credit: 2 } } } });
    expect(badLayout.status).toBe(422);
    expect(badLayout.body.error.details.map((d: any) => d.path)).toContain('options.columns.debit');
    const layout = await h.request('POST', '/api/v1/bank-file-layouts', { body: { name: 'Banco CSV', format: 'csv', options: BANORTE_STYLE_LAYOUT } });
    expect(layout.status, layout.text).toBe(201);
    layoutId = layout.body.layout.id;
    expect((await h.request('GET', '/api/v1/bank-file-layouts')).body.layouts).toHaveLength(1);
  });

  const HEADER = 'Fecha,Concepto,Referencia,Clave de rastreo,Ordenante,CLABE,Cargo,Abono\n';
  let installment: { amount: string; due: string };

  it('previews without writing: matches by reference, CLABE and amount/date/name with scores', async () => {
    const { rows } = await sql<{ due: string; amount: string }>`select due_date::text as due, (principal + interest + iva + fees)::text as amount from loan_open_installments where loan_id = ${loans[2]!} order by installment limit 1`.execute(h.db);
    installment = { amount: new Dec(rows[0]!.amount).toFixed(2), due: rows[0]!.due };
    const [y, m, d] = installment.due.split('-');
    const csv = HEADER +
      `20/01/2025,PAGO,0007001234561,T1,Juan Pérez,,,"1,000.00"\n` +
      `21/01/2025,SPEI,,T2,Ana,646180157000000004,,500.00\n` +
      `${d}/${m}/${y},DEPOSITO,,T3,GLORIA HERNANDEZ GARCIA,,,${installment.amount}\n` +
      `22/01/2025,DEPOSITO,,T4,Nadie,,,123.45\n` +
      `22/01/2025,COMISION,,T5,,,10.00,\n`;
    const before = await sql<{ n: number }>`select count(*)::int as n from journal_entries`.execute(h.db);
    const res = await upload('/preview', csv);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.counts).toMatchObject({ lines: 5, apply: 3, exception: 1, other: 1, duplicate: 0 });
    const [ref, clabe, name, none] = res.body.lines;
    expect(ref).toMatchObject({ outcome: 'apply', loanId: loans[0], rule: 'reference', score: '1.0000', amountToApply: '1000.00' });
    expect(clabe).toMatchObject({ outcome: 'apply', loanId: loans[1], rule: 'clabe' });
    expect(name).toMatchObject({ outcome: 'apply', loanId: loans[2], rule: 'amount-date-name' });
    expect(Number(name.score)).toBeGreaterThanOrEqual(0.9);
    expect(none).toMatchObject({ outcome: 'exception', exceptionReason: 'no-match', remainder: '123.45' });
    expect((await sql<{ n: number }>`select count(*)::int as n from journal_entries`.execute(h.db)).rows[0]!.n).toBe(before.rows[0]!.n);
    expect((await sql<{ n: number }>`select count(*)::int as n from bank_statement_lines`.execute(h.db)).rows[0]!.n).toBe(0);
  });

  it('a bad file is a 422 naming the line and field, and writes nothing', async () => {
    const res = await upload('', HEADER + '20/01/2025,PAGO,1,T9,,,,1.00\n20/13/2025,PAGO,1,T10,,,,1.00\n');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('statement-format');
    expect(res.body.error.details[0].path).toBe('line 3 (date)');
    expect((await sql<{ n: number }>`select count(*)::int as n from bank_statements`.execute(h.db)).rows[0]!.n).toBe(0);
  });

  async function suspenseBalance(): Promise<string> {
    const { rows } = await sql<{ b: string }>`select coalesce(sum(credit) - sum(debit), 0)::text as b from journal_lines where account_code = '2210'`.execute(h.db);
    return new Dec(rows[0]!.b).toFixed(2);
  }
  async function openExceptions(): Promise<string> {
    const { rows } = await sql<{ b: string }>`select coalesce(sum(exception_amount), 0)::text as b from bank_statement_lines where status = 'exception'`.execute(h.db);
    return new Dec(rows[0]!.b).toFixed(2);
  }

  it('imports: applies matched credits as payments once, holds the rest and over-payments in 2210', async () => {
    const [y, m, d] = installment.due.split('-');
    const csv = HEADER +
      `20/01/2025,PAGO,0007001234561,T1,Juan Pérez,,,"1,000.00"\n` +
      `21/01/2025,SPEI,,T2,Ana,646180157000000004,,500.00\n` +
      `${d}/${m}/${y},DEPOSITO,,T3,GLORIA HERNANDEZ GARCIA,,,${installment.amount}\n` +
      `22/01/2025,DEPOSITO,,T4,Nadie,,,123.45\n` +
      `22/01/2025,COMISION,,T5,,,10.00,\n` +
      `23/01/2025,LIQUIDACION,7009999995,T6,X,,,"900,000.00"\n`;
    const res = await upload('', csv, {}, h.keys.operator);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.statement).toMatchObject({ status: 'imported', periodFrom: '2025-01-20', lines: { total: 6, applied: 3, exception: 2, other: 1, duplicate: 0 } });
    const id = res.body.statement.id;
    const lines = (await h.request('GET', `/api/v1/bank-statements/${id}/lines`)).body.lines;
    expect(lines.map((l: any) => l.status)).toEqual(['applied', 'applied', 'applied', 'exception', 'other', 'exception']);
    expect(lines[0].applications).toEqual([expect.objectContaining({ loanId: loans[0], amount: '1000.00' })]);
    const over = lines[5];
    expect(over.exceptionReason).toBe('over-payment');
    expect(new Dec(over.applications[0].amount).plus(over.exceptionAmount).toFixed(2)).toBe('900000.00');
    expect((await h.request('GET', `/api/v1/loans/${loans[3]}`)).body.loan.status).toBe('paid-off');
    const payments = await sql<{ n: number }>`select count(*)::int as n from loan_events where type = 'payment'`.execute(h.db);
    expect(payments.rows[0]!.n).toBe(4);
    expect(await suspenseBalance()).toBe(await openExceptions());
    expect(new Dec(await suspenseBalance()).toFixed(2)).toBe(new Dec('123.45').plus(over.exceptionAmount).toFixed(2));
    await expectLedgerConsistent(h);
    const exceptionsOnly = (await h.request('GET', `/api/v1/bank-statements/${id}/lines?status=exception`)).body.lines;
    expect(exceptionsOnly).toHaveLength(2);
    // Each held line points at its day's hold entry, as the queue's own holds do, and the entries
    // are bound to the import's audit entries: the chain verifies.
    const holds = await sql<{ line_id: string; entry_id: string }>`select e.line_id, e.entry_id from bank_line_entries e where e.kind = 'hold'`.execute(h.db);
    expect(holds.rows.map((r) => r.line_id).sort()).toEqual(exceptionsOnly.map((l: any) => l.id).sort());
    const verified = await verifyAuditChain(h.db);
    expect(verified.ok, JSON.stringify(verified).slice(0, 1500)).toBe(true);

    // The same file again: nothing changes.
    const again = await upload('', csv);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, statement: { id } });
    // Another file with some of the same movements: those are duplicates.
    const overlap = await upload('', HEADER + `20/01/2025,PAGO,0007001234561,T1,Juan Pérez,,,"1,000.00"\n24/01/2025,PAGO,7001234561,T7,Juan,,,50.00\n`);
    expect(overlap.status).toBe(201);
    expect(overlap.body.statement.lines).toMatchObject({ total: 2, duplicate: 1, applied: 1 });
    expect((await sql<{ n: number }>`select count(*)::int as n from loan_events where type = 'payment'`.execute(h.db)).rows[0]!.n).toBe(5);
    expect(await suspenseBalance()).toBe(await openExceptions());
    const list = await h.request('GET', '/api/v1/bank-statements', { key: h.keys.approver });
    expect(list.body.statements).toHaveLength(2);
  });

  it('two concurrent imports of one file apply each line once', async () => {
    const csv = HEADER + Array.from({ length: 30 }, (_, i) => `25/01/2025,PAGO,7001234561,C${i},Juan,,,10.00\n`).join('');
    const [a, b] = await Promise.all([upload('', csv), upload('', csv)]);
    // Each answers with the one statement: created (201), or found imported already (200).
    expect([200, 201]).toContain(a.status);
    expect([200, 201]).toContain(b.status);
    expect(a.body.statement.id).toBe(b.body.statement.id);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from loan_events where type = 'payment' and payload->>'reference' = '7001234561' and payload->>'date' = '2025-01-25'`.execute(h.db);
    expect(rows[0]!.n).toBe(30);
    expect((await sql<{ n: number }>`select count(*)::int as n from bank_statements where file_sha256 = ${a.body.statement.sha256}`.execute(h.db)).rows[0]!.n).toBe(1);
    await expectLedgerConsistent(h);
  });

  it('applies a batch in line order and turns what the loans refuse into exceptions with the reason', async () => {
    // Two lines to one loan in one batch, each more than it owes: the first pays it off (the rest
    // held), the second sees it paid off. A line dated before its loan's last event, one to a
    // loan paid off before the file: refused, held, the batch's other lines applied.
    const csv = HEADER +
      `26/01/2025,SPEI,,B1,Ana,646180157000000004,,"1,000,000.00"\n` +
      `26/01/2025,SPEI,,B2,Ana,646180157000000004,,"1,000,000.00"\n` +
      `20/01/2025,PAGO,7001234561,B3,Juan,,,25.00\n` +
      `26/01/2025,PAGO,7009999995,B4,X,,,40.00\n` +
      `26/01/2025,PAGO,7001234561,B5,Juan,,,30.00\n`;
    const held = new Dec(await suspenseBalance());
    const paymentsBefore = (await sql<{ n: number }>`select count(*)::int as n from loan_events where type = 'payment'`.execute(h.db)).rows[0]!.n;
    const res = await upload('', csv);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const lines = (await h.request('GET', `/api/v1/bank-statements/${res.body.statement.id}/lines`)).body.lines;
    expect(lines.map((l: any) => [l.status, l.exceptionReason, l.matchDetails?.refusal?.code ?? null])).toEqual([
      ['exception', 'over-payment', null],
      ['exception', 'payment-refused', 'loan-paid-off'],
      ['exception', 'payment-refused', 'event-out-of-order'],
      ['exception', 'payment-refused', 'loan-paid-off'],
      ['applied', null, null],
    ]);
    expect(lines[0].applications).toHaveLength(1);
    expect((await h.request('GET', `/api/v1/loans/${loans[1]}`)).body.loan.status).toBe('paid-off');
    expect((await sql<{ n: number }>`select count(*)::int as n from loan_events where type = 'payment'`.execute(h.db)).rows[0]!.n).toBe(paymentsBefore + 2);
    const newlyHeld = new Dec(lines[0].exceptionAmount).plus('1000000.00').plus('25.00').plus('40.00');
    expect(await suspenseBalance()).toBe(held.plus(newlyHeld).toFixed(2));
    expect(await suspenseBalance()).toBe(await openExceptions());
    await expectLedgerConsistent(h);
  });

  it('requires bank:import to upload and bank:read to read', async () => {
    expect((await upload('/preview', HEADER, {}, h.keys.approver)).status).toBe(403);
    expect((await upload('', HEADER, {}, h.keys.approver)).status).toBe(403);
  });
});
