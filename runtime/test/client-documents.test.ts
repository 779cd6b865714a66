// Clients' KYC documents (issue 14): multipart upload (`file`, `kind`) checked by size (10 MiB →
// 413) and by the first bytes (PDF, JPEG, PNG, WebP; anything else 415 naming `file`), the same
// bytes again → 200 with the same document, a newer document of the same kind superseding the
// current one (rows never deleted), permissions (`clients:write` to upload, `clients:read-documents` to
// list and download), every upload and download audited in the client's stream, bytes re-checked
// against their SHA-256 on every download (altered or missing → 409 `document-integrity`,
// audited), the documents in the ARCO export and the 360 activity; through the directory store
// and through the S3-compatible store (the local S3 double). PGlite, and PostgreSQL when
// DATABASE_URL is set.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { DOCUMENT_MAX_BYTES } from '../src/documents/client-documents.repository.ts';
import { sha256Hex } from '../src/documents/document-store.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { startS3Double, type S3Double } from './support/s3-double.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const enc = new TextEncoder();
const pdf = (text: string) => enc.encode(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const WEBP = new Uint8Array([...enc.encode('RIFF'), 26, 0, 0, 0, ...enc.encode('WEBPVP8 '), 0, 0]);

function person(n: number) {
  return { kind: 'person', givenNames: `Documentada${'abcdefghij'[n]}`, paternalSurname: 'Prueba', birthDate: '1990-01-01', sex: 'M', nationality: 'MX' };
}

interface Upload {
  readonly kind?: string;
  readonly bytes?: Uint8Array;
  readonly name?: string;
  readonly key?: string;
  readonly headers?: Record<string, string>;
}

async function upload(h: Harness, clientId: string, u: Upload) {
  const form = new FormData();
  if (u.kind !== undefined) form.set('kind', u.kind);
  if (u.bytes !== undefined) form.set('file', new Blob([u.bytes as Uint8Array<ArrayBuffer>]), u.name ?? 'documento.pdf');
  const res = await h.app.request(`/api/v1/clients/${clientId}/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${u.key ?? h.keys.operator}`, ...u.headers } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
}

async function download(h: Harness, href: string, key = h.keys.approver) {
  const res = await h.app.request(href, { headers: { authorization: `Bearer ${key}` } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function auditOf(h: Harness, clientId: string) {
  return h.db.selectFrom('audit_log').select(['action', 'entity_type', 'entity_id', 'details', 'created_by']).where('stream', '=', `client:${clientId}`).orderBy('stream_seq').execute();
}

describe.each(DATABASE_KINDS)('client documents on %s (directory store)', (kind) => {
  let h: Harness;
  let dir: string;
  let clientId: string;
  let other: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plazo-client-docs-'));
    h = await startHarness(kind, { documents: { kind: 'fs', dir } });
    clientId = (await h.request('POST', '/api/v1/clients', { body: person(0) })).body.client.id;
    other = (await h.request('POST', '/api/v1/clients', { body: person(1) })).body.client.id;
  });
  afterAll(async () => {
    await h?.destroy();
    await rm(dir, { recursive: true, force: true });
  });
  const rows = (id = clientId) => h.db.selectFrom('client_documents').selectAll().where('client_id', '=', id).orderBy('id').execute();

  let first: any;
  it('stores a PDF with its SHA-256, the type its bytes prove, and who uploaded it', async () => {
    const bytes = pdf('INE de Documentada');
    const res = await upload(h, clientId, { kind: 'ine', bytes, name: 'C:\\fakepath\\INE frente.pdf' });
    expect(res.status, res.text).toBe(201);
    first = res.body.document;
    expect(res.body.replayed).toBe(false);
    expect(first).toMatchObject({
      clientId, kind: 'ine', fileName: 'INE frente.pdf', contentType: 'application/pdf', size: bytes.byteLength, sha256: sha256Hex(bytes),
      uploadedBy: expect.stringMatching(/^api-key:/), supersededBy: null, current: true, href: `/api/v1/clients/${clientId}/documents/${first.id}/content`,
    });
    expect(await readdir(join(dir, 'sha256', first.sha256.slice(0, 2)))).toEqual([first.sha256]);
  });

  it('gives the bytes back with their type, name, SHA-256 as ETag and nosniff', async () => {
    const res = await download(h, first.href);
    expect(res.status).toBe(200);
    expect(sha256Hex(res.bytes)).toBe(first.sha256);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('etag')).toBe(`"${first.sha256}"`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="INE frente.pdf"; filename*=UTF-8''INE%20frente.pdf`);
  });

  it('answers the same bytes for the same client and kind with the existing document (200), no new record', async () => {
    const res = await upload(h, clientId, { kind: 'ine', bytes: pdf('INE de Documentada'), name: 'otra vez.pdf' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ document: first, replayed: true });
    expect(await rows()).toHaveLength(1);
  });

  it('supersedes the current document of a kind with a newer one, keeping both records', async () => {
    const res = await upload(h, clientId, { kind: 'ine', bytes: pdf('INE renovada'), name: 'INE 2025.pdf' });
    expect(res.status).toBe(201);
    const list = await h.request('GET', `/api/v1/clients/${clientId}/documents`, { key: h.keys.approver });
    expect(list.status).toBe(200);
    expect(list.body.documents.map((d: any) => [d.fileName, d.current, d.supersededBy])).toEqual([
      ['INE 2025.pdf', true, null],
      ['INE frente.pdf', false, res.body.document.id],
    ]);
    // The superseded one still downloads: records are kept, never deleted.
    expect((await download(h, first.href)).status).toBe(200);
    // Its old bytes again are a new upload (they are not the current INE any more).
    expect((await upload(h, clientId, { kind: 'ine', bytes: pdf('INE de Documentada') })).status).toBe(201);
  });

  it('takes JPEG, PNG and WebP by their first bytes, and lets `other` documents stand side by side', async () => {
    for (const [bytes, type, k] of [[JPEG, 'image/jpeg', 'passport'], [PNG, 'image/png', 'other'], [WEBP, 'image/webp', 'other']] as const) {
      const res = await upload(h, clientId, { kind: k, bytes, name: 'foto.bin' });
      expect(res.status, res.text).toBe(201);
      expect(res.body.document.contentType).toBe(type);
    }
    const others = (await rows()).filter((r) => r.kind === 'other');
    expect(others.map((r) => r.superseded_by)).toEqual([null, null]);
  });

  it('refuses a text file (415 naming `file`, in Spanish when asked) and writes nothing', async () => {
    const before = await rows();
    const res = await upload(h, clientId, { kind: 'proof-of-address', bytes: enc.encode('hola, soy un recibo de luz'), name: 'recibo.pdf', headers: { 'accept-language': 'es' } });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported-document-type');
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'file' })]);
    expect(res.body.error.message).toMatch(/PDF, JPEG, PNG o WebP/);
    expect(await rows()).toEqual(before);
  });

  it('refuses more than 10 MiB with a 413 JSON error, by the file or by the body, and writes nothing', async () => {
    const before = await rows();
    const big = new Uint8Array(DOCUMENT_MAX_BYTES + 1);
    big.set(enc.encode('%PDF-1.4'));
    const res = await upload(h, clientId, { kind: 'contract', bytes: big });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'document-too-large', details: [expect.objectContaining({ path: 'file', maxBytes: DOCUMENT_MAX_BYTES })] });
    const declared = await h.app.request(`/api/v1/clients/${clientId}/documents`, {
      method: 'POST', headers: { authorization: `Bearer ${h.keys.operator}`, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(DOCUMENT_MAX_BYTES * 2) }, body: 'x',
    });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as any).error.code).toBe('payload-too-large');
    expect(await rows()).toEqual(before);
  });

  it('names the field of a bad form: kind unknown or missing, file missing, a body that is not a form', async () => {
    expect((await upload(h, clientId, { kind: 'selfie', bytes: pdf('x') })).body.error.details).toContainEqual(expect.objectContaining({ path: 'kind' }));
    expect((await upload(h, clientId, { bytes: pdf('x') })).body.error.details).toContainEqual(expect.objectContaining({ path: 'kind' }));
    const noFile = await upload(h, clientId, { kind: 'ine' });
    expect(noFile.status).toBe(422);
    expect(noFile.body.error.details).toContainEqual(expect.objectContaining({ path: 'file' }));
    const json = await h.request('POST', `/api/v1/clients/${clientId}/documents`, { key: h.keys.operator, body: { kind: 'ine', file: 'JVBERi0=' } });
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe('unsupported-media-type');
  });

  it('404s an unknown client (storing nothing) and a document of another client', async () => {
    const missing = '01900000-0000-7000-8000-000000000000';
    const bytes = pdf('never stored');
    const res = await upload(h, missing, { kind: 'ine', bytes });
    expect(res.status).toBe(404);
    expect((await readdir(join(dir, 'sha256'))).includes(sha256Hex(bytes).slice(0, 2)) && (await readdir(join(dir, 'sha256', sha256Hex(bytes).slice(0, 2)))).includes(sha256Hex(bytes))).toBe(false);
    expect((await download(h, `/api/v1/clients/${other}/documents/${first.id}/content`)).status).toBe(404);
    expect((await h.request('GET', `/api/v1/clients/${missing}/documents`)).status).toBe(404);
  });

  it('takes `clients:write` to upload and `clients:read-documents` to list or download', async () => {
    const denied = await upload(h, other, { kind: 'ine', bytes: pdf('approver'), key: h.keys.approver });
    expect(denied.status).toBe(403);
    expect(denied.body.error.details).toMatchObject({ permission: 'clients:write' });
    expect((await rows(other))).toHaveLength(0);
    expect((await h.request('GET', `/api/v1/clients/${clientId}/documents`, { key: h.keys['product-manager'] })).status).toBe(403);
    expect((await download(h, first.href, h.keys['product-manager'])).status).toBe(403);
    expect((await upload(h, other, { kind: 'ine', bytes: pdf('sin llave'), key: '' })).status).toBe(401);
  });

  it('audits every upload, replay and download in the client’s stream, and the chain verifies', async () => {
    const before = (await auditOf(h, clientId)).length;
    await download(h, first.href, h.keys.compliance);
    const trail = await auditOf(h, clientId);
    expect(trail.length).toBe(before + 1);
    expect(trail.at(-1)).toMatchObject({ action: 'read', entity_type: 'client-document', entity_id: first.id, created_by: expect.stringMatching(/^api-key:/), details: { what: 'document-content', sha256: first.sha256 } });
    const actions = trail.filter((e) => e.entity_type === 'client-document').map((e) => e.action);
    expect(actions.filter((a) => a === 'upload')).toHaveLength((await rows()).length);
    expect(actions).toContain('upload-replayed');
    expect(actions.filter((a) => a === 'read').length).toBeGreaterThanOrEqual(3);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('refuses to serve bytes altered or lost in the store (409 `document-integrity`), and audits it', async () => {
    const bytes = pdf('comprobante');
    const doc = (await upload(h, other, { kind: 'proof-of-address', bytes })).body.document;
    const path = join(dir, 'sha256', doc.sha256.slice(0, 2), doc.sha256);
    const tampered = bytes.slice();
    tampered[tampered.length - 2] = 0x21;
    await writeFile(path, tampered);
    const res = await h.request('GET', doc.href, { key: h.keys.approver });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'document-integrity', details: { documentId: doc.id, expectedSha256: doc.sha256, foundSha256: sha256Hex(tampered) } });
    expect(res.body.error.message).toMatch(/integrity/);
    await rm(path);
    const gone = await h.request('GET', doc.href, { key: h.keys.approver });
    expect(gone.status).toBe(409);
    expect(gone.body.error.details.foundSha256).toBeNull();
    const failures = (await auditOf(h, other)).filter((e) => e.action === 'integrity-failure');
    expect(failures).toHaveLength(2);
    // Uploading the same file again restores the bytes (the row stays the one of the first upload).
    expect((await upload(h, other, { kind: 'proof-of-address', bytes })).status).toBe(200);
    expect((await download(h, doc.href)).status).toBe(200);
  });

  it('lists the documents (metadata, not bytes) in the ARCO export and the 360 activity', async () => {
    const all = (await h.request('GET', `/api/v1/clients/${clientId}/documents`)).body.documents;
    const exported = await h.request('GET', `/api/v1/clients/${clientId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.documents).toEqual(all);
    expect(JSON.stringify(exported.body.documents)).not.toMatch(/storage|JVBER/);
    expect(exported.body.audit.some((e: any) => e.action === 'upload')).toBe(true);
    const activity = await h.request('GET', `/api/v1/clients/${clientId}/activity`);
    expect(activity.body.documents).toEqual(all);
  });
});

describe('client documents through the S3-compatible store (local S3 double)', () => {
  let h: Harness;
  let s3: S3Double;
  beforeAll(async () => {
    s3 = await startS3Double();
    h = await startHarness('pglite', { documents: { kind: 's3', endpoint: s3.endpoint, bucket: s3.bucket, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } });
  });
  afterAll(async () => {
    await h?.destroy();
    await s3?.close();
  });

  it('stores the bytes in the bucket, serves them back checked, and a tampered object is refused', async () => {
    const clientId = (await h.request('POST', '/api/v1/clients', { body: person(2) })).body.client.id;
    const bytes = pdf('en S3');
    const res = await upload(h, clientId, { kind: 'payslip', bytes, name: 'recibo de nómina.pdf' });
    expect(res.status, res.text).toBe(201);
    const key = `sha256/${res.body.document.sha256.slice(0, 2)}/${res.body.document.sha256}`;
    expect(s3.objects.get(key)).toEqual(bytes);
    expect(s3.requests).toContainEqual({ method: 'PUT', path: `/${s3.bucket}/${key}`, error: null });
    const got = await download(h, res.body.document.href);
    expect(got.status).toBe(200);
    expect(got.bytes).toEqual(bytes);
    expect(got.headers.get('content-disposition')).toContain(`filename*=UTF-8''recibo%20de%20n%C3%B3mina.pdf`);
    s3.objects.set(key, pdf('otro'));
    expect((await h.request('GET', res.body.document.href)).body.error.code).toBe('document-integrity');
  });

  it('answers 503 `document-store-unavailable` when the store refuses, and writes no row', async () => {
    const broken = await startHarness('pglite', { documents: { kind: 's3', endpoint: s3.endpoint, bucket: s3.bucket, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: 'wrong' } });
    try {
      const clientId = (await broken.request('POST', '/api/v1/clients', { body: person(3) })).body.client.id;
      const res = await upload(broken, clientId, { kind: 'ine', bytes: pdf('rechazado') });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('document-store-unavailable');
      expect(res.body.error.message).toMatch(/HTTP 403/);
      expect(await broken.db.selectFrom('client_documents').selectAll().execute()).toEqual([]);
    } finally {
      await broken.destroy();
    }
  });
});
