// PLD alerts (issue 14): a cash payment at or above the USD threshold (exactly at it too) at the
// rate of its date (the latest on or before it) raises one relevant alert — one, even when the
// request is retried with its Idempotency-Key; a cash payment with no rate yet is held as
// `needs-rate` until a rate resolves it; a reversal notes the alert and keeps it; the compliance
// officer rules once (409 after); staff file internal worrying operations; report files per
// period list the alerts with the client's KYC columns, stored with their SHA-256, monthly periods
// cut at midnight in America/Mexico_City. Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { raisePaymentAlerts } from '../src/compliance/payment-alerts.ts';
import { periodDates, startOfDayIn } from '../src/compliance/report-files.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const GLORIA = {
  kind: 'person', givenNames: 'Gloria', paternalSurname: 'Hernández', maternalSurname: 'García', birthDate: '1956-04-27', sex: 'M', birthState: 'VZ',
  nationality: 'MX', curp: 'HEGG560427MVZRRL04', occupation: 'Comerciante', email: 'gloria@example.mx', phone: '2295550101',
  address: { street: 'Av. Independencia', exteriorNumber: '1200', colonia: 'Centro', postalCode: '91700', municipality: 'Veracruz', state: 'Veracruz' }, pep: false,
};

describe('report periods', () => {
  it('are calendar quarters and months; a day starts at midnight in Mexico City', () => {
    expect(periodDates('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDates('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodDates('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodDates('2024-13')).toBeNull();
    expect(startOfDayIn('2025-02-01', 'America/Mexico_City').toISOString()).toBe('2025-02-01T06:00:00.000Z');
    // 2021 still had summer time in Mexico City (UTC−5).
    expect(startOfDayIn('2021-07-01', 'America/Mexico_City').toISOString()).toBe('2021-07-01T05:00:00.000Z');
  });
});

describe.each(DATABASE_KINDS)('PLD alerts on %s', (kind) => {
  let h: Harness;
  let clientId: string;
  let loanA: string;
  let loanB: string;
  let relevantId: string;
  let relevantPaymentId: string;

  async function openLoan(): Promise<string> {
    setToday(h, '2025-01-06');
    const decision = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06', clientId } });
    expect(decision.status, decision.text).toBe(201);
    const loan = await h.request('POST', '/api/v1/loans', { body: { decisionId: decision.body.decision.id } });
    expect(loan.status, loan.text).toBe(201);
    expect((await h.request('POST', `/api/v1/loans/${loan.body.loan.id}/disbursement`, { body: {} })).status).toBe(201);
    return loan.body.loan.id as string;
  }
  const pay = (loanId: string, body: Record<string, unknown>, key?: string) =>
    h.request('POST', `/api/v1/loans/${loanId}/payments`, { key: h.keys.operator, body, ...(key ? { headers: { 'idempotency-key': key } } : {}) });
  const alertsOf = async (loanId: string) => (await h.request('GET', `/api/v1/compliance/alerts?loanId=${loanId}`, { key: h.keys.compliance })).body.alerts as any[];
  const setRate = (date: string, usd: string) => h.request('PUT', `/api/v1/compliance/exchange-rates/${date}`, { key: h.keys.compliance, body: { usd } });

  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    const client = await h.request('POST', '/api/v1/clients', { body: GLORIA });
    expect(client.status, client.text).toBe(201);
    clientId = client.body.client.id;
    loanA = await openLoan();
    loanB = await openLoan();
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('refuses bad rates and payment origins, naming the field', async () => {
    expect((await setRate('2025-02-30', '17.1')).body.error.details[0].path).toBe('date');
    for (const usd of ['0', '-1', '17,23', 'abc', '1.1234567']) {
      const res = await setRate('2025-01-02', usd);
      expect(res.status, usd).toBe(422);
      expect(res.body.error.details[0].path).toBe('usd');
    }
    expect((await h.request('PUT', '/api/v1/compliance/exchange-rates/2025-01-02', { key: h.keys.operator, body: { usd: '17' } })).status).toBe(403);
    const badMethod = await pay(loanA, { amount: '100', method: 'efectivo' });
    expect(badMethod.status).toBe(422);
    expect(badMethod.body.error.details[0].path).toBe('method');
    const badPayer = await pay(loanA, { amount: '100', payer: { name: 'X', relationship: 'friend' } });
    expect(badPayer.body.error.details[0].path).toBe('payer.relationship');
    expect(await alertsOf(loanA)).toEqual([]);
  });

  it('holds a cash payment with no rate on or before its date as needs-rate, until a rate resolves it', async () => {
    setToday(h, '2025-01-10');
    const res = await pay(loanA, { amount: '5000', method: 'cash', date: '2025-01-10' });
    expect(res.status, res.text).toBe(201);
    expect(res.body.event.payload).toMatchObject({ method: 'cash' });
    const [held] = await alertsOf(loanA);
    expect(held).toMatchObject({ kind: 'relevant', code: 'needs-rate', status: 'open', amount: '5000.00', amountUsd: null, rate: null, operationDate: '2025-01-10', clientId, method: 'cash', daysLeft: 60 });
    // A later rate does not cover it; the quarter's file waits.
    expect((await setRate('2025-01-15', '3.2')).body).toMatchObject({ changed: true, resolved: { relevant: 0, dismissed: 0 } });
    const waiting = await h.request('POST', '/api/v1/compliance/reports', { key: h.keys.compliance, body: { kind: 'relevant', period: '2025-Q1' } });
    expect(waiting.status).toBe(409);
    expect(waiting.body.error).toMatchObject({ code: 'rates-missing', details: { alertIds: [held.id] } });
    const report = await h.request('POST', `/api/v1/compliance/alerts/${held.id}/disposition`, { key: h.keys.compliance, body: { decision: 'report', note: 'sin tipo de cambio' } });
    expect(report.body.error.code).toBe('alert-needs-rate');
    // A rate on or before the payment's date: USD 1,562.50, below the threshold: dismissed by the system.
    const resolved = await setRate('2025-01-08', '3.2000');
    expect(resolved.body).toMatchObject({ rate: { date: '2025-01-08', usd: '3.2' }, resolved: { relevant: 0, dismissed: 1 } });
    expect((await setRate('2025-01-08', '3.2')).body).toMatchObject({ changed: false, resolved: null });
    const [after] = await alertsOf(loanA);
    expect(after).toMatchObject({ id: held.id, code: 'needs-rate', status: 'dismissed', decidedBy: 'system', amountUsd: '1562.50', rate: '3.2' });
    expect(after.dispositionNote).toContain('below USD 7500');
  });

  it('raises a relevant alert at exactly the threshold, not a cent below, and once for a retried request', async () => {
    setToday(h, '2025-01-20');
    // 7,500 × 3.2 = 24,000 MXN (the rate of 2025-01-15, the latest on or before 2025-01-20).
    expect((await pay(loanA, { amount: '23999.99', method: 'cash' })).status).toBe(201);
    expect((await pay(loanA, { amount: '1000', method: 'transfer' })).status).toBe(201);
    expect(await alertsOf(loanA)).toHaveLength(1);
    const first = await pay(loanA, { amount: '24000.00', method: 'cash', payer: { name: 'Pedro Soto Ruiz', relationship: 'third-party' } }, 'cash-24000');
    expect(first.status, first.text).toBe(201);
    const again = await pay(loanA, { amount: '24000.00', method: 'cash', payer: { name: 'Pedro Soto Ruiz', relationship: 'third-party' } }, 'cash-24000');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    relevantPaymentId = first.body.event.payload.id;
    const relevant = (await alertsOf(loanA)).filter((a) => a.code === 'cash-threshold');
    expect(relevant).toEqual([expect.objectContaining({ kind: 'relevant', paymentId: relevantPaymentId, amount: '24000.00', amountUsd: '7500.00', rate: '3.2', operationDate: '2025-01-20', status: 'open' })]);
    relevantId = relevant[0].id;
    // Raising again for the same payment (a replay's path) adds nothing.
    expect(await raisePaymentAlerts(h.db, { loanId: loanA, eventId: relevantPaymentId })).toEqual([]);
    // The loan's events show how the money came and who paid.
    const loan = await h.request('GET', `/api/v1/loans/${loanA}`);
    expect(loan.body.events.find((e: any) => e.payload.id === relevantPaymentId).payload).toMatchObject({ method: 'cash', payer: { name: 'Pedro Soto Ruiz', relationship: 'third-party' } });
  });

  it('uses the latest rate on or before the payment date, and the configured threshold', async () => {
    expect((await setRate('2025-02-01', '0.5')).status).toBe(200);
    setToday(h, '2025-01-31');
    expect((await pay(loanB, { amount: '3750', method: 'cash' })).status).toBe(201); // at 3.2: USD 1,171.88
    setToday(h, '2025-02-03');
    expect((await pay(loanB, { amount: '3750', method: 'cash' })).status).toBe(201); // at 0.5 (2025-02-01): USD 7,500
    let alerts = await alertsOf(loanB);
    expect(alerts).toEqual([expect.objectContaining({ code: 'cash-threshold', operationDate: '2025-02-03', rate: '0.5', amountUsd: '7500.00' })]);
    // Threshold lowered to USD 1,000: 600 MXN at 0.5 is USD 1,200.
    expect((await h.request('PUT', '/api/v1/compliance/settings/cash-threshold', { key: h.keys.compliance, body: { usd: '1000' } })).body).toEqual({ cashThresholdUsd: '1000' });
    expect((await pay(loanB, { amount: '600', method: 'cash' })).status).toBe(201);
    alerts = await alertsOf(loanB);
    expect(alerts.map((a) => a.amountUsd)).toEqual(['7500.00', '1200.00']);
    expect((await h.request('PUT', '/api/v1/compliance/settings/cash-threshold', { key: h.keys.compliance, body: { usd: '7500' } })).status).toBe(200);
    // The 600 one was an error of capture: dismissed.
    expect((await h.request('POST', `/api/v1/compliance/alerts/${alerts[1].id}/disposition`, { key: h.keys.compliance, body: { decision: 'dismiss', note: 'umbral de prueba' } })).status).toBe(200);
  });

  it('keeps the alert of a reversed payment, with a note', async () => {
    const res = await h.request('POST', `/api/v1/loans/${loanA}/payments/${relevantPaymentId}/reversal`, { key: h.keys.operator, body: { reason: 'cheque devuelto' } });
    expect(res.status, res.text).toBe(201);
    const alert = (await h.request('GET', `/api/v1/compliance/alerts/${relevantId}`, { key: h.keys.compliance })).body.alert;
    expect(alert).toMatchObject({ status: 'open', notes: [expect.objectContaining({ text: 'payment reversed on 2025-02-03: cheque devuelto', by: expect.stringMatching(/^api-key:/) })] });
  });

  it('lets only the compliance role rule, once', async () => {
    const path = `/api/v1/compliance/alerts/${relevantId}/disposition`;
    expect((await h.request('POST', path, { key: h.keys.operator, body: { decision: 'report', note: 'x y z' } })).status).toBe(403);
    expect((await h.request('POST', path, { key: h.keys.compliance, body: { decision: 'reportar', note: 'x y z' } })).body.error.details[0].path).toBe('decision');
    const ruled = await h.request('POST', path, { key: h.keys.compliance, body: { decision: 'report', note: 'Efectivo de tercero, se reporta' } });
    expect(ruled.status, ruled.text).toBe(200);
    expect(ruled.body.alert).toMatchObject({ status: 'reported', dispositionNote: 'Efectivo de tercero, se reporta', decidedBy: expect.stringMatching(/^api-key:/) });
    const twice = await h.request('POST', path, { key: h.keys.compliance, body: { decision: 'dismiss', note: 'otra vez' } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('alert-decided');
    expect((await h.request('POST', '/api/v1/compliance/alerts/00000000-0000-4000-8000-000000000000/disposition', { key: h.keys.compliance, body: { decision: 'report', note: 'x y z' } })).status).toBe(404);
  });

  it('files internal worrying operations by staff, idempotently', async () => {
    const body = { loanId: loanB, description: 'El cliente pidió fraccionar sus pagos en efectivo para no identificarse.' };
    const filed = await h.request('POST', '/api/v1/compliance/alerts', { key: h.keys.operator, body, headers: { 'idempotency-key': 'internal-1' } });
    expect(filed.status, filed.text).toBe(201);
    expect(filed.body.alert).toMatchObject({ kind: 'internal', code: 'staff-report', clientId, loanId: loanB, status: 'open', operationDate: h.clock.today(), daysLeft: 60 });
    const again = await h.request('POST', '/api/v1/compliance/alerts', { key: h.keys.operator, body, headers: { 'idempotency-key': 'internal-1' } });
    expect(again.status).toBe(200);
    expect(again.body.alert.id).toBe(filed.body.alert.id);
    expect((await h.request('POST', '/api/v1/compliance/alerts', { key: h.keys.operator, body: { ...body, description: 'Otra cosa distinta, sin relación.' }, headers: { 'idempotency-key': 'internal-1' } })).body.error.code).toBe('idempotency-key-reused');
    expect((await h.request('POST', '/api/v1/compliance/alerts', { key: h.keys.operator, body: { description: 'Sin cliente ni préstamo indicado.' } })).body.error.details[0].path).toBe('clientId');
    expect((await h.request('POST', '/api/v1/compliance/alerts', { key: h.keys.operator, body: { loanId: '00000000-0000-4000-8000-000000000000', description: 'Préstamo inexistente aquí.' } })).body.error.details[0].path).toBe('loanId');
    expect((await h.request('POST', '/api/v1/compliance/alerts', { key: h.keys['product-manager'], body })).status).toBe(403);
    expect((await h.request('GET', '/api/v1/compliance/alerts', { key: h.keys.operator })).status).toBe(403);
  });

  it('lists alerts by kind, status and overdue, in JSON and CSV, with days left', async () => {
    const all = (await h.request('GET', `/api/v1/compliance/alerts?clientId=${clientId}`, { key: h.keys.compliance })).body.alerts;
    expect(all.map((a: any) => `${a.kind}/${a.code}/${a.status}`)).toEqual([
      'relevant/needs-rate/dismissed', 'relevant/cash-threshold/reported', 'relevant/cash-threshold/open', 'relevant/cash-threshold/dismissed', 'internal/staff-report/open',
    ]);
    expect((await h.request('GET', '/api/v1/compliance/alerts?kind=internal', { key: h.keys.compliance })).body.alerts).toHaveLength(1);
    expect((await h.request('GET', '/api/v1/compliance/alerts?overdue=true', { key: h.keys.compliance })).body.alerts).toHaveLength(0);
    const today = h.clock.today();
    h.clock.advance(61 * 86_400_000);
    const overdue = (await h.request('GET', '/api/v1/compliance/alerts?overdue=true', { key: h.keys.compliance })).body.alerts;
    expect(overdue.map((a: any) => a.code)).toEqual(['cash-threshold', 'staff-report']);
    expect(overdue.every((a: any) => a.overdue && a.daysLeft <= 0)).toBe(true);
    const csv = await h.request('GET', '/api/v1/compliance/alerts?status=open&format=csv', { key: h.keys.compliance });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toMatch(/^alert_id,kind,code,status,operation_date,method,amount_mxn,amount_usd,rate,/);
    expect(csv.text.trim().split('\r\n')).toHaveLength(3);
    setToday(h, today);
    expect((await h.request('GET', '/api/v1/compliance/alerts?status=abierta', { key: h.keys.compliance })).status).toBe(422);
  });

  it('generates the quarterly file of relevant operations with the KYC columns, stored by SHA-256', async () => {
    setToday(h, '2025-04-02');
    expect((await h.request('POST', '/api/v1/compliance/reports', { key: h.keys.compliance, body: { kind: 'relevant', period: '2025-01' } })).body.error.details[0].path).toBe('period');
    expect((await h.request('POST', '/api/v1/compliance/reports', { key: h.keys.compliance, body: { kind: 'relevant', period: '2025-Q3' } })).status).toBe(422);
    const made = await h.request('POST', '/api/v1/compliance/reports', { key: h.keys.compliance, body: { kind: 'relevant', period: '2025-Q1' } });
    expect(made.status, made.text).toBe(201);
    expect(made.body).toMatchObject({ replayed: false, file: { kind: 'relevant', period: '2025-Q1', version: 1, rows: 2 } });
    const download = await h.app.request(`/api/v1/compliance/reports/${made.body.file.id}`, { headers: { authorization: `Bearer ${h.keys.compliance}` } });
    expect(download.status).toBe(200);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(made.body.file.sha256);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = lines[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['paternal_surname', 'maternal_surname', 'given_names', 'sex', 'birth_date', 'birth_state', 'nationality', 'occupation', 'colonia', 'postal_code', 'curp', 'rfc', 'phone', 'email', 'operation_date', 'amount_mxn', 'amount_usd', 'rate_mxn_per_usd', 'method', 'loan_id', 'alert_id']));
    const row = Object.fromEntries(lines[1]!.split(',').map((v, i) => [header[i], v]));
    expect(row).toMatchObject({ alert_id: relevantId, paternal_surname: 'Hernández', maternal_surname: 'García', given_names: 'Gloria', sex: 'M', birth_date: '1956-04-27', birth_state: 'VZ', curp: 'HEGG560427MVZRRL04', phone: '2295550101', amount_mxn: '24000.00', amount_usd: '7500.00', rate_mxn_per_usd: '3.2', method: 'cash', payer_name: 'Pedro Soto Ruiz', payer_relationship: 'third-party', loan_id: loanA });
    expect(lines).toHaveLength(3);
    // The same period again: the stored file; regenerate: a new version.
    const again = await h.request('POST', '/api/v1/compliance/reports', { key: h.keys.compliance, body: { kind: 'relevant', period: '2025-Q1' } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, file: { id: made.body.file.id, sha256: made.body.file.sha256 } });
    const regenerated = await h.request('POST', '/api/v1/compliance/reports', { key: h.keys.compliance, body: { kind: 'relevant', period: '2025-Q1', regenerate: true } });
    expect(regenerated.status).toBe(201);
    expect(regenerated.body.file).toMatchObject({ version: 2, sha256: made.body.file.sha256 });
    expect((await h.request('GET', `/api/v1/compliance/alerts/${relevantId}`, { key: h.keys.compliance })).body.alert.reportedIn).toBe('2025-Q1');
    expect((await h.request('GET', '/api/v1/compliance/reports?kind=relevant', { key: h.keys.compliance })).body.files.map((f: any) => f.version)).toEqual([2, 1]);
  });

  it('cuts monthly files at midnight in Mexico City', async () => {
    const filed = await h.request('POST', '/api/v1/compliance/alerts', { key: h.keys.approver, body: { clientId, description: 'Pagos de terceros sin relación aparente con la clienta.' } });
    expect(filed.status).toBe(201);
    // 2025-05-01T05:30Z is 2025-04-30 23:30 in Mexico City: an April ruling.
    h.clock.advance(Date.parse('2025-05-01T05:30:00Z') - h.clock.now().getTime());
    expect((await h.request('POST', `/api/v1/compliance/alerts/${filed.body.alert.id}/disposition`, { key: h.keys.compliance, body: { decision: 'report', note: 'El comité lo considera preocupante' } })).status).toBe(200);
    setToday(h, '2025-05-02');
    const april = await h.request('POST', '/api/v1/compliance/reports', { key: h.keys.compliance, body: { kind: 'internal', period: '2025-04' } });
    const may = await h.request('POST', '/api/v1/compliance/reports', { key: h.keys.compliance, body: { kind: 'internal', period: '2025-05' } });
    expect(april.body.file.rows).toBe(1);
    expect(may.body.file.rows).toBe(0);
    expect((await h.request('POST', '/api/v1/compliance/reports', { key: h.keys.compliance, body: { kind: 'internal', period: '2025-Q2' } })).status).toBe(422);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  });
});
