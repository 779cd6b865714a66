// Every role is denied what the permission table does not grant it, route by route, and every
// guarded route answers 401 without credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editableSectionsFor, ROLE_PERMISSIONS, ROLES, type Permission } from '../src/auth/permissions.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

/** One request per guarded route, with the permission it needs. Bodies are valid where it matters. */
const MULTIPART = { 'content-type': 'multipart/form-data; boundary=perm' };
const PDF_FORM = '--perm\r\nContent-Disposition: form-data; name="kind"\r\n\r\nine\r\n--perm\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 perm\r\n--perm--\r\n';
const GUARDED: { method: string; path: string; permission: Permission; body?: unknown; headers?: Record<string, string> }[] = [
  { method: 'GET', path: '/api/v1/users', permission: 'users:admin' },
  { method: 'POST', path: '/api/v1/users', permission: 'users:admin', body: { email: 'p@example.mx', name: 'P', role: 'operator' } },
  { method: 'POST', path: '/api/v1/users/00000000-0000-4000-8000-000000000000/disable', permission: 'users:admin' },
  { method: 'POST', path: '/api/v1/users/00000000-0000-4000-8000-000000000000/enable', permission: 'users:admin' },
  { method: 'POST', path: '/api/v1/users/00000000-0000-4000-8000-000000000000/password', permission: 'users:admin', body: {} },
  { method: 'DELETE', path: '/api/v1/users/00000000-0000-4000-8000-000000000000/login-block', permission: 'users:admin' },
  { method: 'GET', path: '/api/v1/users/00000000-0000-4000-8000-000000000000/api-keys', permission: 'users:admin' },
  { method: 'POST', path: '/api/v1/users/00000000-0000-4000-8000-000000000000/api-keys', permission: 'users:admin', body: { name: 'k' } },
  { method: 'GET', path: '/api/v1/product-templates', permission: 'products:read' },
  { method: 'GET', path: '/api/v1/api-keys', permission: 'api-keys:admin' },
  { method: 'POST', path: '/api/v1/api-keys', permission: 'api-keys:admin', body: { name: 'k', role: 'api-client' } },
  { method: 'DELETE', path: '/api/v1/api-keys/00000000-0000-4000-8000-000000000000', permission: 'api-keys:admin' },
  { method: 'GET', path: '/api/v1/audit', permission: 'audit:read' },
  { method: 'GET', path: '/api/v1/collections/queues', permission: 'collections:read' },
  { method: 'GET', path: '/api/v1/collections/queues/{queue}/loans', permission: 'collections:read' },
  { method: 'PUT', path: '/api/v1/collections/loans/00000000-0000-4000-8000-000000000000/assignment', permission: 'collections:write', body: { agent: 'a' } },
  { method: 'POST', path: '/api/v1/collections/loans/00000000-0000-4000-8000-000000000000/contacts', permission: 'collections:write', body: { agent: 'a', channel: 'phone', result: 'other' } },
  { method: 'GET', path: '/api/v1/collections/loans/00000000-0000-4000-8000-000000000000/contacts', permission: 'collections:read' },
  { method: 'GET', path: '/api/v1/reports/{report}', permission: 'reports:read' },
  { method: 'GET', path: '/api/v1/products', permission: 'products:read' },
  { method: 'POST', path: '/api/v1/products', permission: 'products:write', body: { code: 'perm_p', name: 'P', source: 'x' } },
  { method: 'GET', path: '/api/v1/products/perm_p', permission: 'products:read' },
  { method: 'GET', path: '/api/v1/products/perm_p/draft', permission: 'products:read' },
  { method: 'PUT', path: '/api/v1/products/perm_p/draft', permission: 'products:write', body: { source: 'y' } },
  { method: 'POST', path: '/api/v1/products/perm_p/draft/check', permission: 'products:read' },
  { method: 'POST', path: '/api/v1/products/perm_p/versions', permission: 'products:publish', body: {} },
  { method: 'GET', path: '/api/v1/products/perm_p/versions', permission: 'products:read' },
  { method: 'GET', path: '/api/v1/products/perm_p/versions/1', permission: 'products:read' },
  { method: 'GET', path: '/api/v1/products/perm_p/diff?from=1&to=1', permission: 'products:read' },
  { method: 'GET', path: '/api/v1/products/perm_p/impact', permission: 'decisions:read' },
  { method: 'POST', path: '/api/v1/products/perm_p/retire', permission: 'products:retire' },
  { method: 'DELETE', path: '/api/v1/products/perm_p/draft', permission: 'products:write' },
  { method: 'POST', path: '/api/v1/products/perm_p/approval-requests', permission: 'products:write', body: { note: 'n' } },
  { method: 'GET', path: '/api/v1/approval-requests', permission: 'products:read' },
  { method: 'GET', path: '/api/v1/approval-requests/00000000-0000-4000-8000-000000000000', permission: 'products:read' },
  { method: 'POST', path: '/api/v1/approval-requests/00000000-0000-4000-8000-000000000000/approve', permission: 'products:publish', body: {} },
  { method: 'POST', path: '/api/v1/approval-requests/00000000-0000-4000-8000-000000000000/reject', permission: 'products:publish', body: { comment: 'c' } },
  { method: 'POST', path: '/api/v1/approval-requests/00000000-0000-4000-8000-000000000000/withdraw', permission: 'products:write' },
  { method: 'POST', path: '/api/v1/decisions', permission: 'decisions:write', body: { product: 'perm_p', application: {} } },
  { method: 'GET', path: '/api/v1/decisions/00000000-0000-4000-8000-000000000000', permission: 'decisions:read' },
  { method: 'POST', path: '/api/v1/quotes', permission: 'quotes:read', body: { terms: { principal: '1000.00', annualRate: '0.5', installments: 4, frequency: 'weekly', disbursementDate: '2025-01-06' } } },
  { method: 'POST', path: '/api/v1/loans', permission: 'loans:write', body: { decisionId: '00000000-0000-4000-8000-000000000000' } },
  { method: 'POST', path: '/api/v1/loans/import', permission: 'loans:import', body: { product: 'perm_p', terms: {} } },
  { method: 'GET', path: '/api/v1/loans', permission: 'loans:read' },
  { method: 'GET', path: '/api/v1/loans/00000000-0000-4000-8000-000000000000', permission: 'loans:read' },
  { method: 'GET', path: '/api/v1/loans/00000000-0000-4000-8000-000000000000/payoff', permission: 'loans:read' },
  { method: 'GET', path: '/api/v1/loans/00000000-0000-4000-8000-000000000000/payment-instructions', permission: 'loans:read' },
  { method: 'POST', path: '/api/v1/loans/00000000-0000-4000-8000-000000000000/disbursement', permission: 'loans:write', body: {} },
  { method: 'POST', path: '/api/v1/loans/00000000-0000-4000-8000-000000000000/payments', permission: 'payments:write', body: { amount: '1.00' } },
  { method: 'POST', path: '/api/v1/loans/00000000-0000-4000-8000-000000000000/payments/p1/reversal', permission: 'payments:reverse', body: {} },
  { method: 'POST', path: '/api/v1/loans/00000000-0000-4000-8000-000000000000/restructure', permission: 'loans:restructure', body: { installments: 4 } },
  { method: 'POST', path: '/api/v1/loans/00000000-0000-4000-8000-000000000000/write-off', permission: 'loans:write-off', body: {} },
  { method: 'GET', path: '/api/v1/loans/00000000-0000-4000-8000-000000000000/restructuring-offer', permission: 'loans:read' },
  { method: 'POST', path: '/api/v1/loans/00000000-0000-4000-8000-000000000000/restructuring-offer', permission: 'loans:restructure', body: {} },
  { method: 'GET', path: '/api/v1/ledger/accounts', permission: 'ledger:read' },
  { method: 'GET', path: '/api/v1/bank-statements/exceptions', permission: 'bank:read' },
  { method: 'POST', path: '/api/v1/bank-statements/exceptions/00000000-0000-4000-8000-000000000000/apply', permission: 'bank:resolve', body: { loanId: '00000000-0000-4000-8000-000000000000' } },
  { method: 'POST', path: '/api/v1/bank-statements/exceptions/00000000-0000-4000-8000-000000000000/split', permission: 'bank:resolve', body: { parts: [{ loanId: '00000000-0000-4000-8000-000000000000', amount: '1.00' }] } },
  { method: 'POST', path: '/api/v1/bank-statements/exceptions/00000000-0000-4000-8000-000000000000/refund', permission: 'bank:resolve', body: { reason: 'r' } },
  { method: 'POST', path: '/api/v1/bank-statements/exceptions/00000000-0000-4000-8000-000000000000/not-ours', permission: 'bank:resolve', body: { reason: 'r' } },
  { method: 'POST', path: '/api/v1/bank-statements/lines/00000000-0000-4000-8000-000000000000/return-of', permission: 'bank:resolve', body: { originalLineId: '00000000-0000-4000-8000-000000000000', reason: 'r' } },
  { method: 'GET', path: '/api/v1/bank-statements/reconciliation?bankAccountId=00000000-0000-4000-8000-000000000000&date=2025-01-06', permission: 'bank:read' },
  { method: 'GET', path: '/api/v1/bank-statements/reconciliation/days?bankAccountId=00000000-0000-4000-8000-000000000000&from=2025-01-01&to=2025-01-06', permission: 'bank:read' },
  { method: 'GET', path: '/api/v1/ledger/trial-balance', permission: 'ledger:read' },
  { method: 'GET', path: '/api/v1/ledger/journal', permission: 'ledger:read' },
  { method: 'POST', path: '/api/v1/ledger/manual-entries', permission: 'accounting:post-manual', body: { date: '2025-01-06', description: 'perm', lines: [{ account: '5300', debit: '1' }, { account: '1000', credit: '1' }] } },
  { method: 'GET', path: '/api/v1/ledger/manual-entries', permission: 'accounting:read' },
  { method: 'GET', path: '/api/v1/ledger/manual-entries/00000000-0000-4000-8000-000000000000', permission: 'accounting:read' },
  { method: 'POST', path: '/api/v1/ledger/manual-entries/00000000-0000-4000-8000-000000000000/approve', permission: 'accounting:approve-manual', body: {} },
  { method: 'POST', path: '/api/v1/ledger/manual-entries/00000000-0000-4000-8000-000000000000/reject', permission: 'accounting:approve-manual', body: { reason: 'r' } },
  { method: 'GET', path: '/api/v1/disbursement-batches/candidates', permission: 'disbursements:read' },
  { method: 'POST', path: '/api/v1/disbursement-batches', permission: 'disbursements:prepare', body: { valueDate: '2025-01-06' } },
  { method: 'GET', path: '/api/v1/disbursement-batches', permission: 'disbursements:read' },
  { method: 'GET', path: '/api/v1/disbursement-batches/00000000-0000-4000-8000-000000000000', permission: 'disbursements:read' },
  { method: 'POST', path: '/api/v1/disbursement-batches/00000000-0000-4000-8000-000000000000/approve', permission: 'disbursements:approve', body: {} },
  { method: 'POST', path: '/api/v1/disbursement-batches/00000000-0000-4000-8000-000000000000/cancel', permission: 'disbursements:prepare', body: {} },
  { method: 'GET', path: '/api/v1/disbursement-batches/00000000-0000-4000-8000-000000000000/layout.csv', permission: 'disbursements:prepare' },
  { method: 'POST', path: '/api/v1/disbursement-batches/00000000-0000-4000-8000-000000000000/send', permission: 'disbursements:prepare', body: { channel: 'file' } },
  { method: 'POST', path: '/api/v1/disbursement-batches/00000000-0000-4000-8000-000000000000/status', permission: 'disbursements:prepare', body: { fromChannel: true } },
  { method: 'GET', path: '/api/v1/accounting/balance-sheet', permission: 'ledger:read' },
  { method: 'GET', path: '/api/v1/accounting/income-statement', permission: 'ledger:read' },
  { method: 'GET', path: '/api/v1/accounting/periods', permission: 'accounting:read' },
  { method: 'POST', path: '/api/v1/accounting/periods/2024-01/close', permission: 'accounting:close-period' },
  { method: 'GET', path: '/api/v1/reports/books', permission: 'reports:read' },
  { method: 'POST', path: '/api/v1/clients', permission: 'clients:write', body: { kind: 'person', givenNames: 'P', paternalSurname: 'Q' } },
  { method: 'GET', path: '/api/v1/clients', permission: 'clients:read' },
  { method: 'GET', path: '/api/v1/clients/00000000-0000-4000-8000-000000000000', permission: 'clients:read' },
  { method: 'PATCH', path: '/api/v1/clients/00000000-0000-4000-8000-000000000000', permission: 'clients:write', body: { pep: true } },
  { method: 'GET', path: '/api/v1/clients/00000000-0000-4000-8000-000000000000/activity', permission: 'clients:read' },
  { method: 'GET', path: '/api/v1/clients/00000000-0000-4000-8000-000000000000/export', permission: 'clients:read' },
  { method: 'POST', path: '/api/v1/clients/00000000-0000-4000-8000-000000000000/documents', permission: 'clients:write', body: PDF_FORM, headers: MULTIPART },
  { method: 'GET', path: '/api/v1/clients/00000000-0000-4000-8000-000000000000/documents', permission: 'clients:read-documents' },
  { method: 'GET', path: '/api/v1/clients/00000000-0000-4000-8000-000000000000/documents/00000000-0000-4000-8000-000000000001/content', permission: 'clients:read-documents' },
  { method: 'POST', path: '/api/v1/watchlists', permission: 'watchlists:write', body: { name: 'perm list', kind: 'own', csv: 'NOMBRE\nZZZ QQQ\n' } },
  { method: 'GET', path: '/api/v1/watchlists', permission: 'compliance:review' },
  { method: 'POST', path: '/api/v1/bank-accounts', permission: 'bank:configure', body: { name: 'perm bank', bankCode: '032' } },
  { method: 'GET', path: '/api/v1/bank-accounts', permission: 'bank:read' },
  { method: 'GET', path: '/api/v1/bank-accounts/00000000-0000-4000-8000-000000000000', permission: 'bank:read' },
  { method: 'PATCH', path: '/api/v1/bank-accounts/00000000-0000-4000-8000-000000000000', permission: 'bank:configure', body: { name: 'x' } },
  { method: 'POST', path: '/api/v1/bank-file-layouts', permission: 'bank:configure', body: { name: 'perm layout', format: 'csv', options: { columns: { date: 1, amount: 2 } } } },
  { method: 'GET', path: '/api/v1/bank-file-layouts', permission: 'bank:read' },
  { method: 'GET', path: '/api/v1/bank-file-layouts/00000000-0000-4000-8000-000000000000', permission: 'bank:read' },
  { method: 'PATCH', path: '/api/v1/bank-file-layouts/00000000-0000-4000-8000-000000000000', permission: 'bank:configure', body: { name: 'x' } },
  { method: 'POST', path: '/api/v1/bank-statements?bankAccountId=00000000-0000-4000-8000-000000000000&format=csv', permission: 'bank:import', body: 'fecha,importe\n', headers: { 'content-type': 'text/csv' } },
  { method: 'POST', path: '/api/v1/bank-statements/preview?bankAccountId=00000000-0000-4000-8000-000000000000&format=csv', permission: 'bank:import', body: 'fecha,importe\n', headers: { 'content-type': 'text/csv' } },
  { method: 'GET', path: '/api/v1/bank-statements', permission: 'bank:read' },
  { method: 'GET', path: '/api/v1/bank-statements/00000000-0000-4000-8000-000000000000', permission: 'bank:read' },
  { method: 'GET', path: '/api/v1/bank-statements/00000000-0000-4000-8000-000000000000/lines', permission: 'bank:read' },
  { method: 'GET', path: '/api/v1/screening/hits', permission: 'compliance:review' },
  { method: 'POST', path: '/api/v1/screening/hits/00000000-0000-4000-8000-000000000000/clear', permission: 'compliance:review', body: { comment: 'x' } },
  { method: 'POST', path: '/api/v1/screening/hits/00000000-0000-4000-8000-000000000000/confirm', permission: 'compliance:review', body: { comment: 'x' } },
  { method: 'GET', path: '/api/v1/compliance/policy', permission: 'compliance:review' },
  { method: 'PUT', path: '/api/v1/compliance/policy', permission: 'compliance:policy', body: { text: 'policy p "P" { }' } },
  { method: 'PUT', path: '/api/v1/compliance/exchange-rates/2025-01-02', permission: 'compliance:review', body: { usd: '17.5' } },
  { method: 'GET', path: '/api/v1/compliance/exchange-rates', permission: 'compliance:review' },
  { method: 'PUT', path: '/api/v1/compliance/settings/cash-threshold', permission: 'compliance:review', body: { usd: '7500' } },
  { method: 'GET', path: '/api/v1/accounting/settings', permission: 'accounting:read' },
  { method: 'PUT', path: '/api/v1/accounting/settings', permission: 'accounting:close-period', body: { ivaOn: 'collection' } },
  { method: 'GET', path: '/api/v1/payment-settings', permission: 'bank:read' },
  { method: 'PUT', path: '/api/v1/payment-settings', permission: 'bank:configure', body: { scheme: 'mod97', bodyLength: 10 } },
  { method: 'GET', path: '/api/v1/compliance/alerts', permission: 'compliance:review' },
  { method: 'POST', path: '/api/v1/compliance/alerts', permission: 'compliance:report-internal', body: { loanId: '00000000-0000-4000-8000-000000000000', description: 'perm test filing' } },
  { method: 'GET', path: '/api/v1/compliance/alerts/00000000-0000-4000-8000-000000000000', permission: 'compliance:review' },
  { method: 'POST', path: '/api/v1/compliance/alerts/00000000-0000-4000-8000-000000000000/disposition', permission: 'compliance:review', body: { decision: 'report', note: 'x y z' } },
  { method: 'POST', path: '/api/v1/compliance/reports', permission: 'compliance:review', body: { kind: 'relevant', period: '2024-Q4' } },
  { method: 'GET', path: '/api/v1/compliance/reports', permission: 'compliance:review' },
  { method: 'GET', path: '/api/v1/compliance/reports/00000000-0000-4000-8000-000000000000', permission: 'compliance:review' },
  { method: 'GET', path: '/api/v1/applications', permission: 'applications:read' },
  { method: 'GET', path: '/api/v1/applications/00000000-0000-4000-8000-000000000000', permission: 'applications:read' },
  { method: 'GET', path: '/api/v1/applications/authority-limits', permission: 'applications:read' },
  { method: 'PUT', path: '/api/v1/applications/authority-limits', permission: 'users:admin', body: { limits: [{ role: 'approver', maxAmount: '100000' }, { role: 'admin', maxAmount: null }] } },
  { method: 'POST', path: '/api/v1/applications/00000000-0000-4000-8000-000000000000/approve', permission: 'applications:review', body: { note: 'x' } },
  { method: 'POST', path: '/api/v1/applications/00000000-0000-4000-8000-000000000000/decline', permission: 'applications:review', body: { reasonCode: 'X', note: 'x' } },
  { method: 'POST', path: '/api/v1/applications/00000000-0000-4000-8000-000000000000/request-documents', permission: 'applications:review', body: { documents: ['identificacion'], note: 'x' } },
  { method: 'POST', path: '/api/v1/applications/00000000-0000-4000-8000-000000000000/resume', permission: 'decisions:write', body: {} },
  { method: 'POST', path: '/api/v1/applications/00000000-0000-4000-8000-000000000000/withdraw', permission: 'decisions:write', body: {} },
  { method: 'GET', path: '/api/v1/accounting/sat/catalogo?period=2025-01', permission: 'accounting:read' },
  { method: 'GET', path: '/api/v1/accounting/sat/balanza?period=2025-01', permission: 'accounting:read' },
  { method: 'GET', path: '/api/v1/accounting/sat/polizas?period=2025-01&tipoSolicitud=AF&numOrden=ABC1234567/01', permission: 'accounting:read' },
  { method: 'GET', path: '/api/v1/accounting/sat/settings', permission: 'accounting:read' },
  { method: 'PUT', path: '/api/v1/accounting/sat/settings', permission: 'accounting:close-period', body: { rfc: 'PLZ250106AB5' } },
];

describe.each(DATABASE_KINDS)('permissions on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('documents exactly the guarded routes of the OpenAPI document', async () => {
    const doc = (await h.request('GET', '/api/openapi.json', { key: null })).body;
    const documented: string[] = [];
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) if (op['x-permission']) documented.push(`${method.toUpperCase()} ${path} ${op['x-permission']}`);
    }
    const tested = GUARDED.map((g) => `${g.method} ${g.path.split('?')[0]!.replace(/\/documents\/[0-9a-f-]{36}/, '/documents/{documentId}').replace('perm_p', '{code}').replace(/\/1$/, '/{version}').replace(/[0-9a-f-]{36}/, '{id}').replace('/p1/', '/{paymentId}/').replace('/2025-01-02', '/{date}').replace('/2024-01/', '/{period}/')} ${g.permission}`);
    expect(tested.sort()).toEqual(documented.sort());
  });

  it('answers 401 on every guarded route without credentials', async () => {
    for (const g of GUARDED) {
      const res = await h.request(g.method, g.path, { key: null, ...(g.body === undefined ? {} : { body: g.body }), ...(g.headers ? { headers: g.headers } : {}) });
      expect(res.status, `${g.method} ${g.path}`).toBe(401);
    }
  });

  for (const role of ROLES) {
    it(`denies ${role} exactly what its role lacks`, async () => {
      for (const g of GUARDED) {
        const res = await h.request(g.method, g.path, { key: h.keys[role], ...(g.body === undefined ? {} : { body: g.body }), ...(g.headers ? { headers: g.headers } : {}) });
        if (ROLE_PERMISSIONS[role].includes(g.permission)) {
          // Allowed through the guard; the route may still refuse for its own reasons
          // (maker-checker answers 403 `same-author`, a missing product 404).
          expect(res.body?.error?.code, `${role} ${g.method} ${g.path}`).not.toBe('forbidden');
          expect(res.status).not.toBe(401);
        } else {
          expect(res.status, `${role} ${g.method} ${g.path}`).toBe(403);
          expect(res.body.error).toMatchObject({ code: 'forbidden', details: { permission: g.permission, role } });
        }
      }
    });
  }

  it('matches the documented table: who may publish, administer and read the audit log', () => {
    const holders = (p: Permission) => ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(p));
    expect(holders('products:publish')).toEqual(['admin', 'approver']);
    expect(holders('users:admin')).toEqual(['admin']);
    expect(holders('api-keys:admin')).toEqual(['admin']);
    expect(holders('audit:read')).toEqual(['admin']);
    expect(holders('products:write')).toEqual(['admin', 'product-manager', 'risk-analyst']);
    expect(holders('payments:write')).toEqual(['admin', 'operator', 'api-client']);
    expect(holders('payments:reverse')).toEqual(['admin', 'operator']);
    expect(holders('loans:import')).toEqual(['admin']);
    expect(holders('loans:write-off')).toEqual(['admin', 'approver']);
    expect(holders('loans:restructure')).toEqual(['admin', 'operator']);
    expect(holders('ledger:read')).toEqual(['admin', 'risk-analyst', 'approver', 'operator', 'accountant']);
    expect(holders('accounting:read')).toEqual(['admin', 'accountant']);
    expect(holders('accounting:approve-manual')).toEqual(['admin', 'accountant']);
    expect(holders('accounting:close-period')).toEqual(['admin', 'accountant']);
    expect(holders('accounting:post-manual')).toEqual(['admin', 'accountant']);
    // The statements take `ledger:read` for "accounting:read or ledger:read" (BOOKS.md): the same
    // roles while every holder of accounting:read holds ledger:read.
    expect(holders('accounting:read').filter((r) => !ROLE_PERMISSIONS[r].includes('ledger:read'))).toEqual([]);
    expect(holders('decisions:write')).toEqual(['admin', 'operator', 'api-client']);
    expect(holders('clients:read-pii')).toEqual(['admin', 'api-client', 'compliance']);
    expect(holders('clients:read')).toEqual(['admin', 'approver', 'operator', 'api-client', 'compliance']);
    expect(holders('clients:read-identity')).toEqual(['admin', 'approver', 'operator']);
    expect(holders('clients:read-contact')).toEqual(['admin', 'operator']);
    expect(holders('clients:read-kyc')).toEqual(['admin', 'approver', 'operator']);
    expect(holders('clients:read-documents')).toEqual(['admin', 'approver', 'operator', 'api-client', 'compliance']);
    expect(holders('clients:write')).toEqual(['admin', 'operator', 'api-client']);
    expect(holders('compliance:review')).toEqual(['admin', 'compliance']);
    expect(holders('watchlists:write')).toEqual(['admin', 'compliance']);
    expect(holders('compliance:policy')).toEqual(['admin', 'compliance']);
    expect(holders('compliance:report-internal')).toEqual(['admin', 'approver', 'operator', 'compliance']);
    expect(holders('applications:review')).toEqual(['admin', 'approver']);
    expect(holders('applications:read')).toEqual(['admin', 'approver', 'operator', 'api-client']);
  });

  it('matches the documented section rights on drafts: the risk analyst is limited, writers without a limit change all', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, editableSectionsFor(r)]))).toEqual({
      admin: 'all',
      'product-manager': 'all',
      'risk-analyst': ['eligibility', 'scorecard', 'test'],
      approver: [],
      operator: [],
      'api-client': [],
      compliance: [],
      accountant: [],
    });
  });
});
