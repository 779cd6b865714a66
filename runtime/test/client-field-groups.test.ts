// Personal data by field group (issue 14): each role reads the groups of a client's record its
// permissions name (identity, contact, KYC; `clients:read-pii` all of them) — in the record, the
// search results, the change's answer and the ARCO export — and the groups it may not read are
// left out and named in `redacted`; a search filter on a hidden group's field is refused; every
// read stays audited. Runs on PGlite, and on PostgreSQL too when DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../src/auth/permissions.ts';
import { FIELD_GROUPS, readableGroups, redactClient } from '../src/clients/field-groups.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const GLORIA = {
  kind: 'person', givenNames: 'Gloria', paternalSurname: 'Hernández', maternalSurname: 'García', curp: 'HEGG560427MVZRRL04', nationality: 'MX', occupation: 'Comerciante',
  email: 'gloria@example.mx', phones: ['2295550101'], pep: true,
  address: { street: 'Av. Independencia', exteriorNumber: '1200', colonia: 'Centro', postalCode: '91700', municipality: 'Veracruz', state: 'Veracruz' },
};
const IDENTITY = ['birthDate', 'birthState', 'sex', 'nationality', 'curp', 'rfc'];
const CONTACT = ['email', 'phone', 'phones', 'address'];
const KYC = ['occupation', 'pep', 'ownAccount', 'beneficialOwner', 'disbursementAccount'];

describe('field groups', () => {
  it('gives each role the groups of the README table', () => {
    expect(readableGroups('admin')).toEqual(['identity', 'contact', 'kyc']);
    expect(readableGroups('compliance')).toEqual(['identity', 'contact', 'kyc']);
    expect(readableGroups('api-client')).toEqual(['identity', 'contact', 'kyc']);
    expect(readableGroups('operator')).toEqual(['identity', 'contact', 'kyc']);
    expect(readableGroups('approver')).toEqual(['identity', 'kyc']);
    expect(readableGroups('risk-analyst')).toEqual([]);
    expect(readableGroups('product-manager')).toEqual([]);
    // Every role that reads a group reads who the client is.
    for (const [role, permissions] of Object.entries(ROLE_PERMISSIONS)) {
      if (permissions.some((p) => p.startsWith('clients:read-'))) expect(permissions, role).toContain('clients:read');
    }
  });

  it('leaves the hidden groups’ fields out and names them', () => {
    const record = { id: 'c1', givenNames: 'G', curp: 'X', rfc: null, email: 'e', phones: [], address: null, occupation: 'o', pep: false };
    expect(redactClient(record, ['identity'])).toEqual({ id: 'c1', givenNames: 'G', curp: 'X', rfc: null, redacted: ['contact', 'kyc'] });
    expect(redactClient(record, ['identity', 'contact', 'kyc'])).toEqual({ ...record, redacted: [] });
    expect(Object.values(FIELD_GROUPS).flat().sort()).toEqual([...IDENTITY, ...CONTACT, ...KYC].sort());
  });
});

describe.each(DATABASE_KINDS)('client field groups on %s', (kind) => {
  let h: Harness;
  let id: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    const res = await h.request('POST', '/api/v1/clients', { key: h.keys.operator, body: GLORIA });
    expect(res.status, res.text).toBe(201);
    id = res.body.client.id;
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('shows every group to the roles that read them all', async () => {
    for (const role of ['admin', 'operator', 'compliance', 'api-client'] as const) {
      const res = await h.request('GET', `/api/v1/clients/${id}`, { key: h.keys[role] });
      expect(res.status, role).toBe(200);
      expect(res.body.client, role).toMatchObject({ curp: GLORIA.curp, email: GLORIA.email, phones: GLORIA.phones, occupation: 'Comerciante', pep: true, redacted: [] });
    }
  });

  it('hides the contact group from the approver: record, search, export', async () => {
    const record = await h.request('GET', `/api/v1/clients/${id}`, { key: h.keys.approver });
    expect(record.status).toBe(200);
    expect(record.body.client).toMatchObject({ givenNames: 'Gloria', curp: GLORIA.curp, birthDate: '1956-04-27', occupation: 'Comerciante', pep: true, redacted: ['contact'] });
    for (const field of CONTACT) expect(record.body.client, field).not.toHaveProperty(field);
    const search = await h.request('GET', '/api/v1/clients?q=hernandez', { key: h.keys.approver });
    expect(search.body.clients).toEqual([expect.objectContaining({ id, redacted: ['contact'] })]);
    expect(search.body.clients[0]).not.toHaveProperty('email');
    const exported = await h.request('GET', `/api/v1/clients/${id}/export`, { key: h.keys.approver });
    expect(exported.body.client).toMatchObject({ redacted: ['contact'], curp: GLORIA.curp });
    expect(exported.body.client).not.toHaveProperty('address');
    expect(JSON.stringify(exported.body.client)).not.toContain('gloria@example.mx');
    // By CURP the approver may search; by phone it may not (the answer would tell the phone).
    expect((await h.request('GET', `/api/v1/clients?curp=${GLORIA.curp}`, { key: h.keys.approver })).body.clients).toHaveLength(1);
    const byPhone = await h.request('GET', '/api/v1/clients?phone=2295550101', { key: h.keys.approver });
    expect(byPhone.status).toBe(403);
    expect(byPhone.body.error.details).toMatchObject({ permission: 'clients:read-contact', role: 'approver' });
  });

  it('refuses the roles without clients:read, and audits every read with the reader', async () => {
    for (const role of ['risk-analyst', 'product-manager'] as const) {
      expect((await h.request('GET', `/api/v1/clients/${id}`, { key: h.keys[role] })).status, role).toBe(403);
    }
    const audit = await h.request('GET', `/api/v1/audit?entityType=client&entityId=${id}`);
    const reads = audit.body.entries.filter((e: any) => e.action === 'read' || e.action === 'export');
    expect(reads.length).toBeGreaterThanOrEqual(6);
    expect(new Set(reads.map((e: any) => e.actor.split(':')[0]))).toEqual(new Set(['api-key']));
  });
});

describe.each(DATABASE_KINDS)('client changes and check messages on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('clears an optional field with null, and refuses clearing a required one', async () => {
    const created = await h.request('POST', '/api/v1/clients', { body: GLORIA });
    const id = created.body.client.id;
    const cleared = await h.request('PATCH', `/api/v1/clients/${id}`, { body: { email: null, occupation: null, address: null, phones: null } });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body.client).toMatchObject({ email: null, occupation: null, address: null, phones: [], curp: GLORIA.curp });
    expect((await h.request('GET', `/api/v1/clients/${id}`)).body.client).toMatchObject({ email: null, occupation: null, address: null, phones: [] });
    const required = await h.request('PATCH', `/api/v1/clients/${id}`, { body: { givenNames: null } });
    expect(required.status).toBe(422);
    expect(required.body.error.details).toEqual([expect.objectContaining({ path: 'givenNames', reason: 'required' })]);
    // Absent fields stay as they were.
    expect((await h.request('PATCH', `/api/v1/clients/${id}`, { body: { pep: false } })).body.client).toMatchObject({ curp: GLORIA.curp, givenNames: 'Gloria' });
  });

  it('writes the identity checks in the language Accept-Language asks for; the reason does not change', async () => {
    const bad = { kind: 'person', givenNames: 'Gloria', paternalSurname: 'Hernández', curp: 'HEGG560427MVZRRL05' };
    const en = await h.request('POST', '/api/v1/clients', { body: bad });
    const es = await h.request('POST', '/api/v1/clients', { body: bad, headers: { 'accept-language': 'es-MX,es;q=0.9' } });
    expect(en.status).toBe(422);
    expect(es.status).toBe(422);
    const curpEn = en.body.error.details.find((d: any) => d.path === 'curp');
    const curpEs = es.body.error.details.find((d: any) => d.path === 'curp');
    expect(curpEs.reason).toBe(curpEn.reason);
    expect(curpEn.message).toMatch(/check digit/);
    expect(curpEs.message).toBe('CURP HEGG560427MVZRRL05: el dígito verificador no corresponde');
  });
});
