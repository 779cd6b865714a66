// Applications (issue 14, origination) over HTTP on the real engine: a referred decision opens an
// application in the review queue in the same statement; an approver approves it — the engine
// decides again on the changed request and the loan opens through the `POST /loans` path — or
// declines it with a reason, or asks for documents; authority limits by role (exactly at the
// limit is allowed), maker-checker, double and concurrent answers, and the audit of every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { databaseFingerprint } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

/** nomina refers it: four months in the job (`ANTIGUEDAD`); 60,000 in 24 semimonthly payments. */
const REFERRED = { ...NOMINA_APPLICATION, employment: { ...NOMINA_APPLICATION.employment, months: 4 } };

describe.each(DATABASE_KINDS)('applications on %s', (kind) => {
  let h: Harness;
  const as = (role: keyof Harness['keys']) => ({ key: h.keys[role] });
  /** A referred decision taken by `role` (default the operator); returns its application id. */
  async function referred(role: keyof Harness['keys'] = 'operator', application: unknown = REFERRED): Promise<{ applicationId: string; decisionId: string }> {
    const d = await h.request('POST', '/api/v1/decisions', { ...as(role), body: { product: 'nomina', application } });
    expect(d.status, d.text).toBe(201);
    expect(d.body.decision.outcome).toBe('refer');
    return { applicationId: d.body.decision.applicationId, decisionId: d.body.decision.id };
  }
  const act = (id: string, action: string, role: keyof Harness['keys'], body: unknown) => h.request('POST', `/api/v1/applications/${id}/${action}`, { ...as(role), body });
  const auditOf = async (id: string) => (await h.request('GET', `/api/v1/audit?entityType=application&entityId=${id}`)).body.entries.map((e: any) => e.action);
  const setLimits = (limits: unknown) => h.request('PUT', '/api/v1/applications/authority-limits', { body: { limits } });

  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
  }, 120_000);
  afterAll(async () => {
    await h?.destroy();
  });

  it('a referred decision opens a pending application with its reasons in the same write; approve and decline decisions do not', async () => {
    const { applicationId, decisionId } = await referred();
    const approved = await h.request('POST', '/api/v1/decisions', { ...as('operator'), body: { product: 'nomina', application: NOMINA_APPLICATION } });
    expect(approved.body.decision.outcome).toBe('approve');
    expect(approved.body.decision.applicationId).toBeUndefined();
    const list = await h.request('GET', '/api/v1/applications?status=pending', as('operator'));
    expect(list.status).toBe(200);
    const mine = list.body.applications.find((a: any) => a.id === applicationId);
    expect(mine).toMatchObject({
      decisionId,
      status: 'pending',
      product: { code: 'nomina', version: 1 },
      requestedAmount: '60000',
      requestedPayments: 24,
      requestedByDisplay: { name: 'test operator' },
      reasons: [{ code: 'ANTIGUEDAD', outcome: 'refer', message: expect.stringContaining('Antigüedad') }],
    });
    expect(list.body.applications.some((a: any) => a.decisionId === approved.body.decision.id)).toBe(false);
    const detail = await h.request('GET', `/api/v1/applications/${applicationId}`, as('approver'));
    expect(detail.status, detail.text).toBe(200);
    expect(detail.body.decision).toMatchObject({ id: decisionId, outcome: 'refer', reasons: [{ code: 'ANTIGUEDAD' }] });
    expect(detail.body.input.request).toEqual({ amount: '60000', payments: 24 });
    expect(detail.body.events.map((e: any) => e.kind)).toEqual(['created']);
    expect(await auditOf(applicationId)).toEqual(['create']);
    const decisionAudit = (await h.request('GET', `/api/v1/audit?entityType=decision&entityId=${decisionId}`)).body.entries;
    expect(decisionAudit[0].details).toMatchObject({ outcome: 'refer', applicationId });
  });

  it('an approver approves a changed amount: the engine decides again, the approved decision is linked, the loan opens on the new amount', async () => {
    const { applicationId, decisionId } = await referred();
    const res = await act(applicationId, 'approve', 'approver', { amount: '50000', payments: 18, note: 'Validé la relación laboral con el patrón' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.application).toMatchObject({ status: 'approved', approvedAmount: '50000', approvedPayments: 18, reviewerDisplay: { name: 'test approver' }, note: 'Validé la relación laboral con el patrón' });
    const decision = await h.request('GET', `/api/v1/decisions/${res.body.application.approvedDecisionId}`);
    expect(decision.body.decision).toMatchObject({ outcome: 'approve', reasons: [], offer: { amount: '50000', payments: 18 }, review: { applicationId, referredDecisionId: decisionId, approvedReasons: [{ code: 'ANTIGUEDAD' }] } });
    expect(decision.body.application.request).toEqual({ amount: '50000', payments: 18 });
    const loan = await h.request('GET', `/api/v1/loans/${res.body.application.loanId}`);
    expect(loan.status, loan.text).toBe(200);
    expect(loan.body.loan).toMatchObject({ status: 'pending', decisionId: res.body.application.approvedDecisionId });
    expect(loan.body.loan.terms).toMatchObject({ installments: 18 });
    // The principal is the amount plus the financed opening fee (2 %, with IVA), as any loan of the offer.
    expect(loan.body.loan.principal).toBe(decision.body.decision.offer.terms.principal);
    // The referred decision itself still cannot open a loan; the approved one was used.
    expect((await h.request('POST', '/api/v1/loans', { body: { decisionId } })).body.error.code).toBe('decision-referred');
    expect((await h.request('POST', '/api/v1/loans', { body: { decisionId: res.body.application.approvedDecisionId } })).body.error.code).toBe('decision-used');
    // Disbursement stays a separate step, on the usual path.
    expect((await h.request('POST', `/api/v1/loans/${res.body.application.loanId}/disbursement`, { body: {} })).status).toBe(201);
    expect(await auditOf(applicationId)).toEqual(['create', 'approve']);
    const detail = await h.request('GET', `/api/v1/applications/${applicationId}`, as('operator'));
    expect(detail.body.events.map((e: any) => e.kind)).toEqual(['created', 'approved']);
    expect(detail.body.approvedOffer).toMatchObject({ amount: '50000' });
  });

  it('approving twice answers 409 and writes nothing', async () => {
    const { applicationId } = await referred();
    expect((await act(applicationId, 'approve', 'approver', { note: 'ok' })).status).toBe(200);
    const before = await databaseFingerprint(h);
    const again = await act(applicationId, 'approve', 'approver', { note: 'ok' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'application-not-open', details: { status: 'approved' } });
    expect((await act(applicationId, 'decline', 'approver', { reasonCode: 'POLITICA', note: 'no' })).status).toBe(409);
    expect(await databaseFingerprint(h)).toEqual(before);
  });

  it('authority: exactly at the role limit is allowed, above it is 403 naming the limit; a role without a limit has none', async () => {
    expect((await setLimits([{ role: 'approver', maxAmount: '55000' }, { role: 'admin', maxAmount: null }])).status).toBe(200);
    try {
      const at = await referred();
      const ok = await act(at.applicationId, 'approve', 'approver', { amount: '55000', note: 'en el límite' });
      expect(ok.status, ok.text).toBe(200);
      expect(ok.body.application.approvedAmount).toBe('55000');
      const over = await referred();
      const before = await databaseFingerprint(h);
      const refused = await act(over.applicationId, 'approve', 'approver', { amount: '55500', note: 'arriba' });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'over-authority', details: { role: 'approver', limit: '55000', amount: '55500', currency: 'MXN' } });
      expect(refused.body.error.message).toContain('at most 55000 MXN');
      // Unchanged, the referred 60,000 is above the limit too.
      expect((await act(over.applicationId, 'approve', 'approver', { note: 'igual' })).body.error.code).toBe('over-authority');
      expect(await databaseFingerprint(h)).toEqual(before);
      // The admin's authority is unlimited; without a row the approver has none.
      expect((await setLimits([{ role: 'admin', maxAmount: null }])).status).toBe(200);
      const none = await act(over.applicationId, 'approve', 'approver', { amount: '5000', note: 'poco' });
      expect(none.status).toBe(403);
      expect(none.body.error.code).toBe('no-authority');
      const mine = await h.request('GET', '/api/v1/applications/authority-limits', as('approver'));
      expect(mine.body.yours).toEqual({ role: 'approver', canReview: false, maxAmount: null, unlimited: false });
      expect((await act(over.applicationId, 'approve', 'admin', { amount: '60000', note: 'admin' })).status).toBe(200);
    } finally {
      expect((await setLimits([{ role: 'approver', maxAmount: '100000' }, { role: 'admin', maxAmount: null }])).status).toBe(200);
    }
  });

  it('the default limits: approver 100,000, admin unlimited; an admin replaces them (audited), nobody else may', async () => {
    const read = await h.request('GET', '/api/v1/applications/authority-limits', as('operator'));
    expect(read.status).toBe(200);
    expect(read.body.limits.map((l: any) => [l.role, l.maxAmount])).toEqual([['admin', null], ['approver', '100000']]);
    expect(read.body.yours).toMatchObject({ role: 'operator', canReview: false });
    expect((await h.request('PUT', '/api/v1/applications/authority-limits', { ...as('approver'), body: { limits: [] } })).status).toBe(403);
    const dup = await setLimits([{ role: 'approver', maxAmount: '1' }, { role: 'approver', maxAmount: '2' }]);
    expect(dup.status).toBe(422);
    expect(dup.body.error.details[0].path).toBe('limits[1].role');
    const bad = await setLimits([{ role: 'approver', maxAmount: '-5' }]);
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toBe('limits[0].maxAmount');
    expect((await setLimits([{ role: 'approver', maxAmount: '100000.00' }, { role: 'admin', maxAmount: null }])).status).toBe(200);
    const audit = (await h.request('GET', '/api/v1/audit?entityType=authority-limits&entityId=applications')).body.entries;
    expect(audit.at(-1)).toMatchObject({ action: 'update', details: { limits: [{ role: 'admin', maxAmount: null }, { role: 'approver', maxAmount: '100000' }] } });
  });

  it('an operator reads the queue but may not approve, decline or ask for documents; the asker may not review their own', async () => {
    const { applicationId } = await referred('admin');
    for (const [action, body] of [['approve', { note: 'x' }], ['decline', { reasonCode: 'POLITICA', note: 'x' }], ['request-documents', { documents: ['identificacion'], note: 'x' }]] as const) {
      const res = await act(applicationId, action, 'operator', body);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', details: { permission: 'applications:review' } });
      const own = await act(applicationId, action, 'admin', body);
      expect(own.status).toBe(403);
      expect(own.body.error.code).toBe('same-author');
    }
    expect((await h.request('GET', `/api/v1/applications/${applicationId}`, as('operator'))).status).toBe(200);
    expect((await h.request('GET', '/api/v1/applications', as('compliance'))).status).toBe(403);
    expect((await act(applicationId, 'approve', 'approver', { note: 'otra persona' })).status).toBe(200);
  });

  it('a re-decision that declines is refused with 422 naming the reasons; a new refer reason too; nothing is written', async () => {
    const { applicationId } = await referred();
    const before = await databaseFingerprint(h);
    const declined = await act(applicationId, 'approve', 'approver', { payments: 60, note: 'más plazo' });
    expect(declined.status).toBe(422);
    expect(declined.body.error).toMatchObject({ code: 'redecision-declined', details: { reasons: [{ code: 'PLAZO_FUERA_DE_LIMITES', outcome: 'decline' }] } });
    expect(declined.body.error.message).toContain('PLAZO_FUERA_DE_LIMITES');
    const invalid = await act(applicationId, 'approve', 'approver', { amount: '12.345.6', note: 'x' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details[0].path).toBe('amount');
    expect((await act(applicationId, 'approve', 'approver', { amount: '50000' })).body.error.details[0].path).toBe('note');
    expect(await databaseFingerprint(h)).toEqual(before);
    const temporal = await referred('operator', { ...REFERRED, employment: { ...REFERRED.employment, months: 48, contract: 'temporal' } });
    // The referred reasons are what the reviewer approves: an unchanged re-decision passes them.
    const ok = await act(temporal.applicationId, 'approve', 'approver', { note: 'contrato renovado' });
    expect(ok.status, ok.text).toBe(200);
  });

  it('decline with a reason code; ask for documents, resume, then approve; withdraw; every step in the history and the audit', async () => {
    const a = await referred();
    const badCode = await act(a.applicationId, 'decline', 'approver', { reasonCode: 'no sé', note: 'x' });
    expect(badCode.status).toBe(422);
    expect(badCode.body.error.details[0].path).toBe('reasonCode');
    const declined = await act(a.applicationId, 'decline', 'approver', { reasonCode: 'CAPACIDAD_PAGO', note: 'Ingresos no comprobables' });
    expect(declined.status).toBe(200);
    expect(declined.body.application).toMatchObject({ status: 'declined', reasonCode: 'CAPACIDAD_PAGO', note: 'Ingresos no comprobables', loanId: null });
    expect(await auditOf(a.applicationId)).toEqual(['create', 'decline']);

    const b = await referred();
    const docs = await act(b.applicationId, 'request-documents', 'approver', { documents: ['comprobante-ingresos', 'constancia-laboral'], note: 'Falta la constancia' });
    expect(docs.status, docs.text).toBe(200);
    expect(docs.body.application).toMatchObject({ status: 'documents-requested', documents: ['comprobante-ingresos', 'constancia-laboral'] });
    expect((await act(b.applicationId, 'approve', 'approver', { note: 'x' })).body.error.code).toBe('application-not-open');
    expect((await act(b.applicationId, 'resume', 'approver', {})).status).toBe(403);
    const resumed = await act(b.applicationId, 'resume', 'operator', { note: 'Llegó la constancia' });
    expect(resumed.status).toBe(200);
    expect(resumed.body.application.status).toBe('pending');
    expect((await act(b.applicationId, 'resume', 'operator', {})).status).toBe(409);
    expect((await act(b.applicationId, 'approve', 'approver', { note: 'Constancia vista' })).status).toBe(200);
    const detail = await h.request('GET', `/api/v1/applications/${b.applicationId}`, as('approver'));
    expect(detail.body.events.map((e: any) => [e.kind, e.note])).toEqual([
      ['created', null],
      ['documents-requested', 'Falta la constancia'],
      ['resumed', 'Llegó la constancia'],
      ['approved', 'Constancia vista'],
    ]);
    expect(await auditOf(b.applicationId)).toEqual(['create', 'request-documents', 'resume', 'approve']);

    const c = await referred();
    expect((await act(c.applicationId, 'withdraw', 'operator', { note: 'El cliente desistió' })).body.application.status).toBe('withdrawn');
    expect((await act(c.applicationId, 'approve', 'approver', { note: 'x' })).status).toBe(409);
    expect((await h.request('GET', '/api/v1/applications/00000000-0000-4000-8000-000000000000', as('approver'))).status).toBe(404);
  });

  it('a concurrent approve and decline leave exactly one outcome', async () => {
    for (let i = 0; i < 3; i++) {
      const { applicationId } = await referred();
      const results = await Promise.all([
        act(applicationId, 'approve', 'approver', { note: 'sí' }),
        act(applicationId, 'decline', 'admin', { reasonCode: 'POLITICA', note: 'no' }),
        act(applicationId, 'approve', 'admin', { note: 'también' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const loans = await h.db.selectFrom('loans').innerJoin('applications', 'applications.approved_decision_id', 'loans.decision_id').select('loans.id').where('applications.id', '=', applicationId).execute();
      const status = (await h.request('GET', `/api/v1/applications/${applicationId}`)).body.application.status;
      expect(loans.length).toBe(status === 'approved' ? 1 : 0);
      expect(await auditOf(applicationId)).toHaveLength(2);
    }
  });

  it('lists by status, product, client and amount, within my authority, by page and as CSV', async () => {
    await referred('operator', { ...REFERRED, request: { amount: '150000', payments: 48 } });
    const big = await h.request('GET', '/api/v1/applications?status=pending&minAmount=120000', as('approver'));
    expect(big.body.applications.length).toBeGreaterThan(0);
    expect(big.body.applications.every((a: any) => Number(a.requestedAmount) >= 120000 && a.status === 'pending')).toBe(true);
    const mine = await h.request('GET', '/api/v1/applications?status=pending&mine=true', as('approver'));
    expect(mine.body.applications.every((a: any) => Number(a.requestedAmount) <= 100000)).toBe(true);
    expect((await h.request('GET', '/api/v1/applications?mine=true', as('operator'))).body.applications).toEqual([]);
    expect((await h.request('GET', '/api/v1/applications?product=otro', as('approver'))).body.applications).toEqual([]);
    expect((await h.request('GET', '/api/v1/applications?clientId=00000000-0000-4000-8000-000000000000', as('approver'))).body.applications).toEqual([]);
    const first = await h.request('GET', '/api/v1/applications?limit=2', as('approver'));
    expect(first.body.applications).toHaveLength(2);
    const second = await h.request('GET', `/api/v1/applications?limit=2&after=${first.body.next}`, as('approver'));
    expect(second.body.applications[0].id > first.body.applications[1].id).toBe(true);
    const csv = await h.request('GET', '/api/v1/applications?format=csv&status=pending', as('approver'));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('application_id,status,product,version,client_id,requested_amount,requested_payments,offered_amount,reasons,created_at,reviewer,reviewed_at,reason_code,approved_amount,loan_id');
    expect(csv.text).toContain(',pending,nomina,1,,150000,48,');
    const bad = await h.request('GET', '/api/v1/applications?status=nuevo', as('approver'));
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: any) => d.path)).toEqual(['status']);
    const crossed = await h.request('GET', '/api/v1/applications?minAmount=5&maxAmount=1', as('approver'));
    expect(crossed.status).toBe(422);
    expect(crossed.body.error.details.map((d: any) => d.path)).toEqual(['minAmount']);
  });

  it("a client's referred decision carries the client: the detail names them for readers of personal data", async () => {
    const client = await h.request('POST', '/api/v1/clients', { ...as('operator'), body: { kind: 'person', givenNames: 'Lucía', paternalSurname: 'Hernández', maternalSurname: 'Ruiz' } });
    expect(client.status, client.text).toBe(201);
    const d = await h.request('POST', '/api/v1/decisions', { ...as('operator'), body: { product: 'nomina', application: REFERRED, clientId: client.body.client.id } });
    expect(d.body.decision.outcome).toBe('refer');
    const id = d.body.decision.applicationId;
    const byClient = await h.request('GET', `/api/v1/applications?clientId=${client.body.client.id}`, as('approver'));
    expect(byClient.body.applications.map((a: any) => a.id)).toEqual([id]);
    expect((await h.request('GET', `/api/v1/applications/${id}`, as('approver'))).body.client).toMatchObject({ id: client.body.client.id, name: 'Lucía Hernández Ruiz' });
    expect((await h.request('GET', `/api/v1/applications/${id}`, as('api-client'))).body.client.id).toBe(client.body.client.id);
    const approved = await act(id, 'approve', 'approver', { note: 'ok' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.loan.clientId).toBe(client.body.client.id);
  });

  it('a refer reason the application did not have (a watchlist hit since) is refused with 422 naming it', async () => {
    const client = await h.request('POST', '/api/v1/clients', { ...as('operator'), body: { kind: 'person', givenNames: 'Ramiro', paternalSurname: 'Quintanilla', maternalSurname: 'Zubieta' } });
    const d = await h.request('POST', '/api/v1/decisions', { ...as('operator'), body: { product: 'nomina', application: REFERRED, clientId: client.body.client.id } });
    expect(d.body.decision.reasons.map((r: any) => r.code)).toEqual(['ANTIGUEDAD']);
    const list = await h.request('POST', '/api/v1/watchlists', { ...as('compliance'), body: { name: 'propia', kind: 'own', csv: 'NOMBRE\nRAMIRO QUINTANILLA ZUBIETA\n' } });
    expect(list.status, list.text).toBe(201);
    const before = await databaseFingerprint(h);
    const refused = await act(d.body.decision.applicationId, 'approve', 'approver', { note: 'ok' });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'redecision-referred', details: { reasons: [{ code: 'PLD_LISTA', outcome: 'refer' }] } });
    expect(await databaseFingerprint(h)).toEqual(before);
  });
});
