// The clients register (issue 14): KYC records of persons and companies checked by the engine
// (422 naming `curp` and the reason; an RFC with a failing check digit accepted with a warning; a
// CURP's birth date and sex against the record's), one client per CURP (409 naming it), search
// by names without accents in any order / CURP / RFC / phone / loan, reads and exports audited,
// personal data only for the roles that hold `clients:read-pii`, and decisions and loans that
// name their client. Runs on PGlite, and on PostgreSQL too when DATABASE_URL is set.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { databaseFingerprint } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const GLORIA = {
  kind: 'person',
  givenNames: 'Gloria',
  paternalSurname: 'Hernández',
  maternalSurname: 'García',
  birthDate: '1956-04-27',
  sex: 'M',
  birthState: 'VZ',
  nationality: 'MX',
  curp: 'HEGG560427MVZRRL04',
  occupation: 'Comerciante',
  email: 'gloria@example.mx',
  phone: '+52 (229) 555-0101',
  address: { street: 'Av. Independencia', exteriorNumber: '1200', colonia: 'Centro', postalCode: '91700', municipality: 'Veracruz', state: 'Veracruz' },
  pep: false,
};

describe.each(DATABASE_KINDS)('clients on %s', (kind) => {
  let h: Harness;
  let gloriaId: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('registers a person, filling nothing the record gives and warning about nothing when all agree', async () => {
    const res = await h.request('POST', '/api/v1/clients', { body: GLORIA });
    expect(res.status, res.text).toBe(201);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.client).toMatchObject({
      kind: 'person', givenNames: 'Gloria', paternalSurname: 'Hernández', curp: 'HEGG560427MVZRRL04', birthDate: '1956-04-27', sex: 'M', birthState: 'VZ',
      phone: '2295550101', phones: ['2295550101'], ownAccount: true, pep: false, address: { postalCode: '91700' }, createdBy: expect.stringMatching(/^api-key:/),
    });
    gloriaId = res.body.client.id;
  });

  it('refuses a wrong CURP with 422 naming `curp` and the reason, and writes nothing', async () => {
    const before = await databaseFingerprint(h);
    for (const [curp, reason] of [
      ['HEGG560427MVZRRL05', 'check-digit'],
      ['HEGG561327MVZRRL04', 'birth-date'],
      ['HEGG560427QVZRRL04', 'sex'],
      ['HEGG560427MZZRRL04', 'state'],
      ['HEGG560427', 'length'],
    ]) {
      const res = await h.request('POST', '/api/v1/clients', { body: { ...GLORIA, curp } });
      expect(res.status, curp).toBe(422);
      expect(res.body.error.code).toBe('validation-failed');
      expect(res.body.error.details).toContainEqual(expect.objectContaining({ path: 'curp', reason }));
    }
    expect(await databaseFingerprint(h)).toEqual(before);
  });

  it("refuses a CURP whose birth date or sex disagree with the record's", async () => {
    const res = await h.request('POST', '/api/v1/clients', { body: { ...GLORIA, curp: 'HEGG560427MVZRRL04', birthDate: '1956-04-28', sex: 'H' } });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: any) => `${d.path}:${d.reason}`).sort()).toEqual(['curp:birth-date-mismatch', 'curp:sex-mismatch']);
  });

  it('refuses the same CURP twice with 409 naming the existing client', async () => {
    const res = await h.request('POST', '/api/v1/clients', { body: { ...GLORIA, curp: 'hegg560427mvzrrl04' } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'client-exists', details: { clientId: gloriaId, curp: 'HEGG560427MVZRRL04', href: `/api/v1/clients/${gloriaId}` } });
  });

  it('accepts an RFC whose check digit fails, with a warning; fills birth facts from the CURP; warns when codes do not match the names', async () => {
    const res = await h.request('POST', '/api/v1/clients', {
      body: { kind: 'person', givenNames: 'Enrique', paternalSurname: 'Gómez', maternalSurname: 'Díaz', rfc: 'GODE561231GR9', curp: 'BOXW310820HNERXN09', phones: ['5512345678'] },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.client).toMatchObject({ rfc: 'GODE561231GR9', birthDate: '1931-08-20', sex: 'H', birthState: 'NE' });
    const warnings = res.body.warnings.map((w: any) => `${w.path}:${w.reason}`).sort();
    expect(warnings).toEqual(['curp:names-mismatch', 'rfc:birth-date-mismatch', 'rfc:check-digit']);
    // Reading the record later says the same warnings.
    const read = await h.request('GET', `/api/v1/clients/${res.body.client.id}`);
    expect(read.body.warnings).toEqual(res.body.warnings);
  });

  it('replays a creation resent with the same Idempotency-Key (a company without a CURP), and refuses the key with another body', async () => {
    const body = { kind: 'company', legalName: 'Tortillería La Esperanza', rfc: 'TES0101013A0' };
    const headers = { 'idempotency-key': 'alta-tortilleria-1' };
    const first = await h.request('POST', '/api/v1/clients', { body, headers });
    expect(first.status, first.text).toBe(201);
    const again = await h.request('POST', '/api/v1/clients', { body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.client.id).toBe(first.body.client.id);
    expect(again.body.warnings).toEqual(first.body.warnings);
    const other = await h.request('POST', '/api/v1/clients', { body: { ...body, legalName: 'Otra' }, headers });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'idempotency-key-reused', details: { clientId: first.body.client.id } });
    const count = await sql<{ n: number }>`select count(*)::int as n from clients where legal_name = ${body.legalName}`.execute(h.db);
    expect(count.rows[0]!.n).toBe(1);
  });

  it("refuses an RFC that is not well formed or not the holder's kind", async () => {
    const bad = await h.request('POST', '/api/v1/clients', { body: { ...GLORIA, curp: undefined, rfc: 'HEGG5604' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toContainEqual(expect.objectContaining({ path: 'rfc', reason: 'length' }));
    const company = await h.request('POST', '/api/v1/clients', { body: { ...GLORIA, curp: undefined, rfc: 'MAB9307148T4' } });
    expect(company.body.error.details).toContainEqual(expect.objectContaining({ path: 'rfc', reason: 'holder' }));
  });

  it('registers a company with its legal representative, and refuses person fields on it', async () => {
    const res = await h.request('POST', '/api/v1/clients', {
      body: { kind: 'company', legalName: 'Mabe, S.A. de C.V.', rfc: 'MAB9307148T4', legalRepresentative: { givenNames: 'Gloria', paternalSurname: 'Hernández', maternalSurname: 'García', curp: 'HEGG560427MVZRRL04' } },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.client).toMatchObject({ kind: 'company', legalName: 'Mabe, S.A. de C.V.', rfc: 'MAB9307148T4', legalRepresentative: { givenNames: 'Gloria' } });
    const wrong = await h.request('POST', '/api/v1/clients', { body: { kind: 'company', legalName: 'X', curp: 'HEGG560427MVZRRL04', ownAccount: false } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details.map((d: any) => d.path).sort()).toEqual(['beneficialOwner', 'curp']);
  });

  it('searches names without accents, in any order and any case, by word prefixes; and by CURP, RFC and phone', async () => {
    const names = async (query: string) => (await h.request('GET', `/api/v1/clients?${query}`)).body.clients.map((c: any) => c.legalName ?? `${c.givenNames} ${c.paternalSurname}`);
    expect(await names('q=hernandez')).toEqual(['Gloria Hernández']);
    expect(await names(`q=${encodeURIComponent('GLORIA garcía')}`)).toEqual(['Gloria Hernández']);
    expect(await names(`q=${encodeURIComponent('gomez  díaz enrique')}`)).toEqual(['Enrique Gómez']);
    expect(await names('q=mabe')).toEqual(['Mabe, S.A. de C.V.']);
    expect(await names('q=hernandez+rosa')).toEqual([]);
    // Each query word starts a word of the names (an indexed prefix), not any substring.
    expect(await names('q=HERN+glo')).toEqual(['Gloria Hernández']);
    expect(await names('q=andez')).toEqual([]);
    expect(await names('curp=hegg560427mvzrrl04')).toEqual(['Gloria Hernández']);
    expect(await names('rfc=GODE561231GR9')).toEqual(['Enrique Gómez']);
    expect(await names(`phone=${encodeURIComponent('+52 55 1234 5678')}`)).toEqual(['Enrique Gómez']);
    expect((await h.request('GET', '/api/v1/clients?phone=123')).status).toBe(422);
    const page = await h.request('GET', '/api/v1/clients?limit=3');
    expect(page.body.clients).toHaveLength(3);
    const next = await h.request('GET', `/api/v1/clients?limit=3&after=${page.body.nextAfter}`);
    expect(next.body).toMatchObject({ clients: [expect.anything()], nextAfter: null });
  });

  it('changes a client, checking the record whole', async () => {
    const res = await h.request('PATCH', `/api/v1/clients/${gloriaId}`, { body: { occupation: 'Maestra', phones: ['2295550101', '2295550202'], pep: true } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.client).toMatchObject({ occupation: 'Maestra', phones: ['2295550101', '2295550202'], pep: true, curp: 'HEGG560427MVZRRL04' });
    const wrong = await h.request('PATCH', `/api/v1/clients/${gloriaId}`, { body: { birthDate: '1960-01-01' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details).toContainEqual(expect.objectContaining({ path: 'curp', reason: 'birth-date-mismatch' }));
    const kindChange = await h.request('PATCH', `/api/v1/clients/${gloriaId}`, { body: { kind: 'company' } });
    expect(kindChange.status).toBe(422);
    expect((await h.request('PATCH', '/api/v1/clients/00000000-0000-4000-8000-000000000000', { body: { pep: true } })).status).toBe(404);
  });

  it('audits every read of a client, and gives personal data only to roles with clients:read-pii', async () => {
    const read = await h.request('GET', `/api/v1/clients/${gloriaId}`, { key: h.keys.approver });
    expect(read.status).toBe(200);
    expect(read.body.client.curp).toBe('HEGG560427MVZRRL04');
    const entries = await sql<{ action: string; created_by: string }>`select action, created_by from audit_log where stream = ${`client:${gloriaId}`} order by stream_seq`.execute(h.db);
    expect(entries.rows.map((r) => r.action)).toEqual(['create', 'update', 'read']);
    expect(entries.rows.at(-1)!.created_by).toMatch(/^api-key:/);
    const searches = await sql<{ details: any }>`select details from audit_log where entity_type = 'client-search' order by seq desc limit 1`.execute(h.db);
    expect(searches.rows[0]!.details.clientIds).toHaveLength(1);
    for (const role of ['product-manager', 'risk-analyst'] as const) {
      expect((await h.request('GET', `/api/v1/clients/${gloriaId}`, { key: h.keys[role] })).status).toBe(403);
      expect((await h.request('GET', '/api/v1/clients?q=gloria', { key: h.keys[role] })).status).toBe(403);
    }
    expect((await h.request('POST', '/api/v1/clients', { key: h.keys.approver, body: GLORIA })).status).toBe(403);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('takes decisions and loans for a client (422 for an unknown client) and exports everything held on the client', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const refused = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06', clientId: unknown } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toContainEqual(expect.objectContaining({ path: 'clientId' }));
    const decision = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06', clientId: gloriaId } });
    expect(decision.status, decision.text).toBe(201);
    expect(decision.body.decision.clientId).toBe(gloriaId);
    expect((await h.request('GET', `/api/v1/decisions/${decision.body.decision.id}`)).body.decision.clientId).toBe(gloriaId);
    const other = (await h.request('GET', '/api/v1/clients?q=enrique')).body.clients[0].id;
    const mismatch = await h.request('POST', '/api/v1/loans', { body: { decisionId: decision.body.decision.id, clientId: other } });
    expect(mismatch.status).toBe(422);
    const loan = await h.request('POST', '/api/v1/loans', { body: { decisionId: decision.body.decision.id } });
    expect(loan.status, loan.text).toBe(201);
    expect(loan.body.loan.clientId).toBe(gloriaId);
    const imported = await h.request('POST', '/api/v1/loans/import', {
      body: { product: 'nomina', clientId: unknown, terms: { principal: '1000.00', annualRate: '0.5', installments: 4, frequency: 'weekly', disbursementDate: '2025-01-06' } },
    });
    expect(imported.status).toBe(422);
    expect(imported.body.error.details).toContainEqual(expect.objectContaining({ path: 'clientId' }));
    // A loan without a client stays legal.
    const bare = await h.request('POST', '/api/v1/loans/import', {
      body: { product: 'nomina', terms: { principal: '1000.00', annualRate: '0.5', installments: 4, frequency: 'weekly', disbursementDate: '2025-01-06' } },
    });
    expect(bare.status, bare.text).toBe(201);
    expect(bare.body.loan.clientId).toBeNull();

    const byLoan = await h.request('GET', `/api/v1/clients?loan=${loan.body.loan.id}`);
    expect(byLoan.body.clients.map((c: any) => c.id)).toEqual([gloriaId]);

    const exported = await h.request('GET', `/api/v1/clients/${gloriaId}/export`, { key: h.keys.operator });
    expect(exported.status, exported.text).toBe(200);
    expect(exported.body.client).toMatchObject({ id: gloriaId, curp: 'HEGG560427MVZRRL04' });
    expect(exported.body.decisions.map((d: any) => d.id)).toEqual([decision.body.decision.id]);
    expect(exported.body.decisions[0].application).toEqual(NOMINA_APPLICATION);
    expect(exported.body.loans.map((l: any) => l.id)).toEqual([loan.body.loan.id]);
    expect(exported.body.audit.map((a: any) => a.action)).toEqual(['create', 'update', 'read']);
    const trail = await sql<{ action: string }>`select action from audit_log where stream = ${`client:${gloriaId}`} order by stream_seq`.execute(h.db);
    expect(trail.rows.map((r) => r.action).at(-1)).toBe('export');
  });

  it("gives a client's decisions and loans in one audited read (the 360 view), to roles with clients:read-pii only", async () => {
    const exported = (await h.request('GET', `/api/v1/clients/${gloriaId}/export`)).body;
    const res = await h.request('GET', `/api/v1/clients/${gloriaId}/activity`, { key: h.keys.approver });
    expect(res.status, res.text).toBe(200);
    expect(res.body.decisions).toEqual(exported.decisions.map((d: any) => ({ id: d.id, product: { code: 'nomina', version: 1 }, outcome: d.outcome, asOf: '2025-01-06', createdAt: d.created_at })));
    expect(res.body.loans.map((l: any) => [l.id, l.clientId, l.product.code, l.status])).toEqual(exported.loans.map((l: any) => [l.id, gloriaId, 'nomina', 'pending']));
    const last = await sql<{ action: string; details: any }>`select action, details from audit_log where stream = ${`client:${gloriaId}`} order by stream_seq desc limit 1`.execute(h.db);
    expect(last.rows[0]).toMatchObject({ action: 'read', details: { what: 'activity', decisions: 1, loans: 1 } });
    const enrique = (await h.request('GET', '/api/v1/clients?q=enrique')).body.clients[0].id;
    expect((await h.request('GET', `/api/v1/clients/${enrique}/activity`)).body).toEqual({ decisions: [], loans: [], documents: [], payments: [], contacts: [], alerts: [] });
    expect((await h.request('GET', '/api/v1/clients/00000000-0000-4000-8000-000000000000/activity')).status).toBe(404);
    expect((await h.request('GET', `/api/v1/clients/${gloriaId}/activity`, { key: h.keys['risk-analyst'] })).status).toBe(403);
  });

  it("shows a client's payments (reversed marked), collection contacts and — to compliance only — PLD alerts in the 360 view", async () => {
    const enrique = (await h.request('GET', '/api/v1/clients?q=enrique')).body.clients[0].id;
    const terms = { principal: '1000.00', annualRate: '0.5', installments: 4, frequency: 'weekly', disbursementDate: '2024-12-02' };
    const loan = await h.request('POST', '/api/v1/loans/import', { body: { product: 'nomina', clientId: enrique, terms } });
    expect(loan.status, loan.text).toBe(201);
    const loanId = loan.body.loan.id;
    const disbursed = await h.request('POST', `/api/v1/loans/${loanId}/disbursement`, { body: {}, headers: { 'idempotency-key': 'c360-d' } });
    expect(disbursed.status, disbursed.text).toBe(201);
    const pay = (body: object, key: string) => h.request('POST', `/api/v1/loans/${loanId}/payments`, { body, headers: { 'idempotency-key': key } });
    const first = await pay({ amount: '100', date: '2024-12-09', method: 'cash', reference: 'caja-7' }, 'c360-1');
    expect(first.status, first.text).toBe(201);
    const second = await pay({ amount: '50.5', date: '2024-12-16' }, 'c360-2');
    expect(second.status, second.text).toBe(201);
    const paymentIdOf = async (date: string) => (await sql<{ id: string }>`select payload->>'id' as id from loan_events where loan_id = ${loanId} and type = 'payment' and effective_on = ${date}`.execute(h.db)).rows[0]!.id;
    const firstId = await paymentIdOf('2024-12-09');
    const reversed = await h.request('POST', `/api/v1/loans/${loanId}/payments/${firstId}/reversal`, { body: { reason: 'cheque devuelto' }, headers: { 'idempotency-key': 'c360-r' } });
    expect(reversed.status, reversed.text).toBe(201);
    const agent = await h.request('POST', '/api/v1/users', { body: { email: 'cobranza.360@example.mx', name: 'Rosa Cobranza', role: 'operator', password: 'correct horse battery' } });
    expect(agent.status, agent.text).toBe(201);
    const contact = await h.request('POST', `/api/v1/collections/loans/${loanId}/contacts`, { key: h.keys.operator, body: { agent: agent.body.user.id, channel: 'whatsapp', result: 'no-answer', notes: 'sin respuesta' } });
    expect(contact.status, contact.text).toBe(201);
    const filed = await h.request('POST', '/api/v1/compliance/alerts', { key: h.keys.operator, body: { loanId, description: 'Pidió fraccionar sus pagos en efectivo.' }, headers: { 'idempotency-key': 'c360-alert' } });
    expect(filed.status, filed.text).toBe(201);

    const seen = await h.request('GET', `/api/v1/clients/${enrique}/activity`, { key: h.keys.operator });
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body.loans.map((l: any) => l.id)).toEqual([loanId]);
    expect(seen.body.payments).toEqual([
      { id: await paymentIdOf('2024-12-16'), loanId, date: '2024-12-16', amount: '50.50', method: 'transfer', reference: null, reversed: false },
      { id: firstId, loanId, date: '2024-12-09', amount: '100.00', method: 'cash', reference: 'caja-7', reversed: true },
    ]);
    expect(seen.body.contacts).toEqual([
      expect.objectContaining({ id: contact.body.contact.id, loanId, channel: 'whatsapp', result: 'no-answer', notes: 'sin respuesta', agentName: 'Rosa Cobranza', promiseAmount: null }),
    ]);
    expect(seen.body).not.toHaveProperty('alerts');
    const operatorRead = await sql<{ details: any }>`select details from audit_log where stream = ${`client:${enrique}`} order by stream_seq desc limit 1`.execute(h.db);
    expect(operatorRead.rows[0]!.details).toEqual({ what: 'activity', decisions: 0, loans: 1, documents: 0, payments: 2, contacts: 1 });

    const compliance = await h.request('GET', `/api/v1/clients/${enrique}/activity`, { key: h.keys.compliance });
    expect(compliance.status, compliance.text).toBe(200);
    // The staff report, and the relevant-operation alert the cash payment raised (no USD rate yet), newest first.
    expect(compliance.body.alerts).toEqual([
      { id: filed.body.alert.id, kind: 'internal', code: 'staff-report', status: 'open', detectedAt: h.clock.now().toISOString(), deadline: expect.any(String) },
      { id: expect.any(String), kind: 'relevant', code: 'needs-rate', status: 'open', detectedAt: h.clock.now().toISOString(), deadline: expect.any(String) },
    ]);
    expect(compliance.body.payments).toEqual(seen.body.payments);
    const complianceRead = await sql<{ details: any }>`select details from audit_log where stream = ${`client:${enrique}`} order by stream_seq desc limit 1`.execute(h.db);
    expect(complianceRead.rows[0]!.details).toMatchObject({ what: 'activity', payments: 2, contacts: 1, alerts: 2 });
  });
});
