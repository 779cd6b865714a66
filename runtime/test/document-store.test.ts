// The document stores (issue 14): the directory store (content-addressed paths, atomic writes, a
// put of stored bytes a no-op, no path outside the directory) and the S3-compatible store against
// a local S3 double that checks each request's AWS SigV4 signature — the right bucket and key
// path-style, and a wrong secret, key id or bucket refused with the store's error.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentsConfig } from '../src/config.ts';
import { DocumentMissingError, DocumentStoreError, documentKey, fileDocumentStore, s3DocumentStore, sha256Hex, type DocumentStore } from '../src/documents/document-store.ts';
import { startS3Double, type S3Double } from './support/s3-double.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PDF_SHA = sha256Hex(PDF);

describe('document keys', () => {
  it('are content-addressed by SHA-256 and refuse anything else', () => {
    expect(PDF_SHA).toMatch(/^[0-9a-f]{64}$/);
    expect(documentKey(PDF_SHA)).toBe(`sha256/${PDF_SHA.slice(0, 2)}/${PDF_SHA}`);
    expect(() => documentKey('../../etc/passwd')).toThrow();
    expect(() => documentKey(PDF_SHA.toUpperCase())).toThrow();
  });
});

describe('the directory store', () => {
  let dir: string;
  let store: DocumentStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plazo-docs-'));
    store = fileDocumentStore(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the bytes under their SHA-256, leaves no temporary file, and reads them back', async () => {
    const key = await store.put(PDF, PDF_SHA);
    expect(key).toBe(documentKey(PDF_SHA));
    expect(new Uint8Array(await readFile(join(dir, key)))).toEqual(PDF);
    expect(await readdir(join(dir, 'sha256', PDF_SHA.slice(0, 2)))).toEqual([PDF_SHA]);
    expect(await store.get(key)).toEqual(PDF);
    expect(await store.exists(key)).toBe(true);
  });

  it('does not rewrite bytes it holds (a second put is a no-op)', async () => {
    const key = documentKey(PDF_SHA);
    const marker = new TextEncoder().encode('%PDF-tampered');
    await writeFile(join(dir, key), marker);
    expect(await store.put(PDF, PDF_SHA)).toBe(key);
    expect(await store.get(key)).toEqual(marker);
    await writeFile(join(dir, key), PDF);
  });

  it('says a key holds nothing, and reaches no path outside the directory', async () => {
    const missing = documentKey('0'.repeat(64));
    expect(await store.exists(missing)).toBe(false);
    await expect(store.get(missing)).rejects.toBeInstanceOf(DocumentMissingError);
    await expect(store.get('sha256/../../../etc/passwd')).rejects.toThrow(/not a document key/);
    await expect(store.get(`sha256/ff/${PDF_SHA}`)).rejects.toThrow(/not a document key/);
  });

  it('is the default of the configuration, under the data directory or PLAZO_DOCUMENTS_DIR', () => {
    expect(documentsConfig({}, '/srv', '/srv/.plazo')).toEqual({ kind: 'fs', dir: '/srv/.plazo/documents' });
    expect(documentsConfig({ PLAZO_DOCUMENTS_DIR: 'docs' }, '/srv', '/srv/.plazo')).toEqual({ kind: 'fs', dir: '/srv/docs' });
  });
});

describe('the S3-compatible store against the local S3 double', () => {
  let s3: S3Double;
  beforeAll(async () => {
    s3 = await startS3Double();
  });
  afterAll(() => s3?.close());
  const config = (over: Partial<{ bucket: string; accessKeyId: string; secretAccessKey: string }> = {}) => ({
    kind: 's3' as const, endpoint: s3.endpoint, bucket: s3.bucket, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, ...over,
  });

  it('puts the bytes path-style under <bucket>/<key>, signed, and gets them back', async () => {
    const store = s3DocumentStore(config());
    const key = await store.put(PDF, PDF_SHA);
    expect(key).toBe(documentKey(PDF_SHA));
    expect(s3.objects.get(key)).toEqual(PDF);
    expect(s3.requests.filter((r) => r.error === null).map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /${s3.bucket}/${key}`]);
    expect(s3.requests).toContainEqual({ method: 'HEAD', path: `/${s3.bucket}/${key}`, error: 'NoSuchKey' });
    expect(await store.get(key)).toEqual(PDF);
    expect(await store.exists(key)).toBe(true);
  });

  it('does not send bytes it holds already (a HEAD, no second PUT)', async () => {
    const store = s3DocumentStore(config());
    const before = s3.requests.filter((r) => r.method === 'PUT').length;
    await store.put(PDF, PDF_SHA);
    expect(s3.requests.filter((r) => r.method === 'PUT').length).toBe(before);
  });

  it('says a key holds nothing', async () => {
    const store = s3DocumentStore(config());
    const missing = documentKey('1'.repeat(64));
    expect(await store.exists(missing)).toBe(false);
    await expect(store.get(missing)).rejects.toBeInstanceOf(DocumentMissingError);
  });

  it('fails with the store’s error for a wrong secret, key id or bucket, and stores nothing', async () => {
    const other = new TextEncoder().encode('%PDF-1.4 another');
    const otherSha = sha256Hex(other);
    for (const [over, code] of [
      [{ secretAccessKey: 'not-the-secret' }, 'SignatureDoesNotMatch'],
      [{ accessKeyId: 'AKIAWRONGWRONGWRONG1' }, 'InvalidAccessKeyId'],
      [{ bucket: 'someone-elses-bucket' }, 'NoSuchBucket'],
    ] as const) {
      const store = s3DocumentStore(config(over));
      const error = await store.put(other, otherSha).catch((e: unknown) => e);
      expect(error, code).toBeInstanceOf(DocumentStoreError);
      expect(s3.requests.at(-1)!.error).toBe(code);
      await expect(store.get(documentKey(PDF_SHA))).rejects.toBeInstanceOf(DocumentStoreError);
    }
    expect(s3.objects.has(documentKey(otherSha))).toBe(false);
  });

  it('is chosen by PLAZO_DOCUMENTS_S3_BUCKET with its keys, path-style', () => {
    const env = { PLAZO_DOCUMENTS_S3_BUCKET: 'b', PLAZO_DOCUMENTS_S3_ENDPOINT: 'http://127.0.0.1:9000', PLAZO_DOCUMENTS_S3_ACCESS_KEY_ID: 'k', PLAZO_DOCUMENTS_S3_SECRET_ACCESS_KEY: 's' };
    expect(documentsConfig(env, '/srv', '/srv/.plazo')).toEqual({ kind: 's3', endpoint: 'http://127.0.0.1:9000', bucket: 'b', region: 'us-east-1', accessKeyId: 'k', secretAccessKey: 's' });
    expect(() => documentsConfig({ PLAZO_DOCUMENTS_S3_BUCKET: 'b' }, '/srv', '/srv/.plazo')).toThrow(/ACCESS_KEY_ID/);
    expect(() => documentsConfig({ ...env, PLAZO_DOCUMENTS_S3_ENDPOINT: 'http://h/path' }, '/srv', '/srv/.plazo')).toThrow(/no path/);
    expect(() => documentsConfig({ PLAZO_DOCUMENTS_S3_ENDPOINT: 'http://h' }, '/srv', '/srv/.plazo')).toThrow(/without PLAZO_DOCUMENTS_S3_BUCKET/);
  });
});
