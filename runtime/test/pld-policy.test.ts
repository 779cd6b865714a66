// The PLD policy (issue 14): saved through /api/v1/compliance/policy (compiled by the language,
// 422 with diagnostics at file:line:col, audited, idempotent, `compliance:policy`), clients graded
// when created or changed and re-graded in chunks after a policy change, and the unusual-operation
// rules over the facts of payments posted through the API. PGlite, and PostgreSQL with DATABASE_URL.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationFacts } from '../src/compliance/operation-facts.ts';
import { regradeIdle, regradeStaleClients } from '../src/compliance/risk-grades.ts';
import { unusualOperationFindings } from '../src/compliance/unusual-operations.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { databaseFingerprint, setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const POLICY = readFileSync(new URL('../../examples/pld.plazo', import.meta.url), 'utf8');

const PERSON = {
  kind: 'person',
  givenNames: 'Gloria',
  paternalSurname: 'Hernández',
  maternalSurname: 'García',
  birthDate: '1956-04-27',
  sex: 'M',
  birthState: 'VZ',
  nationality: 'MX',
  curp: 'HEGG560427MVZRRL04',
  occupation: 'Empleado',
  channel: 'branch',
};

describe.each(DATABASE_KINDS)('PLD policy on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
  });
  afterAll(async () => {
    await regradeIdle(h.db);
    await h?.destroy();
  });

  it('answers 404 before any policy is saved, and grades no client without one', async () => {
    expect((await h.request('GET', '/api/v1/compliance/policy')).status).toBe(404);
    const res = await h.request('POST', '/api/v1/clients', { body: { kind: 'company', legalName: 'Sin Política SA de CV' } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.client.riskGrade).toBeNull();
  });

  it('refuses a policy with errors: 422 with each diagnostic at pld.plazo:line:col, in the request language, writing nothing', async () => {
    const before = await databaseFingerprint(h);
    const broken = POLICY.replace('factor client.pep', 'factor client.pepp');
    const res = await h.request('PUT', '/api/v1/compliance/policy', { body: { text: broken }, headers: { 'accept-language': 'es-MX' } });
    expect(res.status, res.text).toBe(422);
    expect(res.body.error.code).toBe('policy-has-errors');
    expect(res.body.error.details.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'unknown-name', formatted: 'pld.plazo:17:12: error unknown-name: dato desconocido `client.pepp`\n  help: ¿quisiste decir `client.pep`?' }),
    ]);
    expect(await databaseFingerprint(h)).toEqual(before);
  });

  it('saves the policy (compliance:policy), audited; the same text again is no new version', async () => {
    expect((await h.request('PUT', '/api/v1/compliance/policy', { key: h.keys.operator, body: { text: POLICY } })).status).toBe(403);
    const first = await h.request('PUT', '/api/v1/compliance/policy', { key: h.keys.compliance, body: { text: POLICY } });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ created: true, policy: { version: 1, code: 'pld', name: 'Política PLD', text: POLICY, createdBy: expect.stringMatching(/^api-key:/) } });
    const again = await h.request('PUT', '/api/v1/compliance/policy', { body: { text: POLICY } });
    expect(again.body).toMatchObject({ created: false, policy: { version: 1, hash: first.body.policy.hash } });
    const got = await h.request('GET', '/api/v1/compliance/policy', { key: h.keys.compliance });
    expect(got.body.policy).toEqual(first.body.policy);
    const audit = await h.db.selectFrom('audit_log').select(['action', 'details']).where('entity_type', '=', 'pld-policy').where('action', '=', 'activate').execute();
    expect(audit).toHaveLength(1);
    await regradeIdle(h.db);
    // The client created before any policy is graded now (a company, no risk facts: low).
    expect((await h.request('GET', '/api/v1/compliance/policy')).body.regrade).toEqual({ pending: 0 });
  });

  let gloria: string;
  it('grades a client when created and again, in the same transaction, when changed', async () => {
    const created = await h.request('POST', '/api/v1/clients', { body: PERSON });
    expect(created.status, created.text).toBe(201);
    gloria = created.body.client.id;
    expect(created.body.client.riskGrade).toMatchObject({ grade: 'low', points: '0', reasons: [], gradedAt: expect.any(String) });
    const changed = await h.request('PATCH', `/api/v1/clients/${gloria}`, { body: { occupation: 'Cambista', channel: 'online' } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.client.riskGrade).toMatchObject({
      grade: 'high',
      points: '50',
      reasons: [{ factor: 'client.occupation', value: 'Cambista', points: '40' }, { factor: 'channel', value: 'online', points: '10' }],
    });
    const pep = await h.request('POST', '/api/v1/clients', { body: { kind: 'person', givenNames: 'Pedro', paternalSurname: 'Páramo', nationality: 'MX', pep: true } });
    expect(pep.body.client.riskGrade).toMatchObject({ grade: 'high', reasons: expect.arrayContaining([{ factor: 'client.pep', value: 'true', points: '50' }]) });
    const read = await h.request('GET', `/api/v1/clients/${gloria}`);
    expect(read.body.client.riskGrade.grade).toBe('high');
  });

  it('re-grades every client in chunks after a policy change, auditing the clients whose grade moved', async () => {
    const lenient = POLICY.replace('"cambista", "centro cambiario"', '"centro cambiario"');
    const res = await h.request('PUT', '/api/v1/compliance/policy', { body: { text: lenient } });
    expect(res.body).toMatchObject({ created: true, policy: { version: 2 } });
    await regradeIdle(h.db);
    const read = await h.request('GET', `/api/v1/clients/${gloria}`);
    expect(read.body.client.riskGrade).toMatchObject({ grade: 'low', points: '15' });
    const chunks = await h.db.selectFrom('audit_log').select('details').where('entity_type', '=', 'pld-policy').where('action', '=', 'regrade').orderBy('seq', 'desc').limit(1).execute();
    expect((chunks[0]!.details as any).changed).toContainEqual({ id: gloria, from: 'high', to: 'low' });
    // Nothing stale: a second run does nothing.
    expect(await regradeStaleClients(h.db, { at: h.clock.now().toISOString(), chunkSize: 1 })).toMatchObject({ clients: 0, chunks: 0 });
  });

  it('re-grades in chunks of any size, every client once', async () => {
    await sql`update clients set risk_policy_hash = null`.execute(h.db);
    const report = await regradeStaleClients(h.db, { at: h.clock.now().toISOString(), chunkSize: 2 });
    const count = Number((await sql<{ n: string }>`select count(*) as n from clients`.execute(h.db)).rows[0]!.n);
    expect(report).toMatchObject({ clients: count, chunks: Math.ceil(count / 2), changed: 0 });
  });

  it('builds the facts of a posted payment and finds the unusual operations the policy names', async () => {
    await h.request('PUT', '/api/v1/compliance/policy', { body: { text: POLICY } });
    await regradeIdle(h.db);
    setToday(h, '2025-01-06');
    const decision = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06', clientId: gloria } });
    expect(decision.status, decision.text).toBe(201);
    const loan = await h.request('POST', '/api/v1/loans', { body: { decisionId: decision.body.decision.id } });
    const loanId = loan.body.loan.id as string;
    expect((await h.request('POST', `/api/v1/loans/${loanId}/disbursement`, { body: {} })).status).toBe(201);

    setToday(h, '2025-01-20');
    const plain = await h.request('POST', `/api/v1/loans/${loanId}/payments`, { body: { amount: '3000.00', date: '2025-01-20' } });
    expect(plain.status, plain.text).toBe(201);
    const paymentId = plain.body.event.payload.id as string;
    const facts = await operationFacts(h.db, { loanId, eventId: paymentId });
    expect(facts).toMatchObject({
      operation: { amount: '3000.00', cash: false, third_party: false, days_since_disbursement: 14, kind: 'payment' },
      loan: { amount: '60000.00', installment: expect.stringMatching(/^\d+\.\d{2}$/) },
      month: { cash_total: '0.00', cash_count: 0 },
      client: { risk_grade: 'high', pep: false },
    });
    expect(await unusualOperationFindings(h.db, { loanId, eventId: paymentId })).toEqual([]);

    // The alerts' payment fields, as POST /loans/{id}/payments stores them: cash, paid by a third party.
    const big = await h.request('POST', `/api/v1/loans/${loanId}/payments`, { body: { amount: '20000.00', date: '2025-01-20' } });
    const bigId = big.body.event.payload.id as string;
    // (Until that API lands on this branch, written here past the append-only trigger.)
    await h.db.transaction().execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      for (const id of [paymentId, bigId]) {
        await sql`update loan_events set payload = payload || ${JSON.stringify({ method: 'cash', payer: { relationship: 'third-party', name: 'Juan Pérez' } })}::jsonb where loan_id = ${loanId} and payload->>'id' = ${id}`.execute(tx);
      }
    });
    const cash = await operationFacts(h.db, { loanId, eventId: big.body.event.seq });
    expect(cash.operation).toMatchObject({ amount: '20000.00', cash: true, third_party: true });
    expect(cash.month).toEqual({ cash_total: '23000.00', cash_count: 2 });
    const codes = (await unusualOperationFindings(h.db, { loanId, eventId: bigId })).map((f) => f.code);
    expect(codes).toEqual(['PAGO_SUPERIOR_CUOTA', 'PAGO_TERCERO']);

    // Paying the loan off within 30 days of the disbursement.
    setToday(h, '2025-01-25');
    const quote = await h.request('GET', `/api/v1/loans/${loanId}/payoff`);
    expect(quote.status, quote.text).toBe(200);
    const payoff = await h.request('POST', `/api/v1/loans/${loanId}/payments`, { body: { amount: quote.body.payoff.total, date: '2025-01-25' } });
    expect(payoff.status, payoff.text).toBe(201);
    const payoffFindings = await unusualOperationFindings(h.db, { loanId, eventId: payoff.body.event.payload.id });
    expect(payoffFindings.map((f) => f.code)).toContain('LIQUIDACION_TEMPRANA');
    expect(payoffFindings[0]).toMatchObject({ policyVersion: 3, facts: { operation: { kind: 'payoff', days_since_disbursement: 19 } } });
  });

  it('404 for a payment that does not exist', async () => {
    const loan = (await h.db.selectFrom('loans').select('id').executeTakeFirstOrThrow()).id;
    await expect(operationFacts(h.db, { loanId: loan, eventId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ status: 404 });
  });
});
