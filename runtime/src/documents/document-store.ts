// Where the bytes of clients' documents live: a content-addressed store keyed by the SHA-256 of
// the bytes (`sha256/<first two hex>/<hex>`), behind one small interface with two
// implementations — a directory (the data directory's `documents/`, or PLAZO_DOCUMENTS_DIR) and an
// S3-compatible bucket (PLAZO_DOCUMENTS_S3_*; path-style, so MinIO, Ceph or Garage work as AWS
// does). A put of bytes already stored is a no-op, so writing the same document twice, or again
// after a crash, is harmless. The rows that say which client a document belongs to live in the
// database (client-documents.repository.ts), written after the bytes.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';

/** A store of immutable byte strings under content-addressed keys. */
export interface DocumentStore {
  /** `fs` or `s3`: what the health of a deployment names. */
  readonly kind: 'fs' | 's3';
  /** Stores `bytes` (whose SHA-256 is `sha256`, hex) and returns their key; a no-op when stored already. */
  put(bytes: Uint8Array, sha256: string): Promise<string>;
  /** The bytes under `key`; DocumentMissingError when nothing is stored there. */
  get(key: string): Promise<Uint8Array>;
  exists(key: string): Promise<boolean>;
}

/** Where a deployment keeps document bytes (RuntimeConfig.documents). */
export type DocumentStoreConfig =
  | { readonly kind: 'fs'; readonly dir: string }
  | {
      readonly kind: 's3';
      /** `https://s3.example.mx` or `http://127.0.0.1:9000`; unset: AWS's own endpoint for the region. */
      readonly endpoint?: string | undefined;
      readonly bucket: string;
      readonly region: string;
      readonly accessKeyId: string;
      readonly secretAccessKey: string;
    };

/** Nothing is stored under the key (the row names bytes the store lost). */
export class DocumentMissingError extends Error {
  constructor(readonly key: string) {
    super(`no document bytes stored under \`${key}\``);
    this.name = 'DocumentMissingError';
  }
}

/** The store refused or did not answer (wrong credentials, bucket, network). */
export class DocumentStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DocumentStoreError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const KEY = /^sha256\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** The SHA-256 of `bytes`, lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The key of bytes whose SHA-256 is `sha256`: `sha256/ab/ab…`. */
export function documentKey(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 in lower-case hex: \`${sha256}\``);
  return `sha256/${sha256.slice(0, 2)}/${sha256}`;
}

/** Refuses anything but a key documentKey made (no `..`, no absolute path reaches the file system). */
function checkedKey(key: string): string {
  const m = KEY.exec(key);
  if (!m || m[2]!.slice(0, 2) !== m[1]) throw new Error(`not a document key: \`${key}\``);
  return key;
}

/**
 * A directory: each document at `<dir>/sha256/ab/<hex>`. A put writes a temporary file beside
 * the final one, fsyncs it, renames it into place (atomic on one file system) and fsyncs the
 * directory: after a crash the name holds all the bytes or does not exist; a temporary file left
 * behind (`*.tmp`) is never read and may be deleted.
 */
export function fileDocumentStore(dir: string): DocumentStore {
  const root = resolve(dir);
  const pathOf = (key: string) => join(root, checkedKey(key));
  const exists = async (key: string) => {
    try {
      return (await stat(pathOf(key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  };
  return {
    kind: 'fs',
    async put(bytes, sha256) {
      const key = documentKey(sha256);
      if (await exists(key)) return key;
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      const file = await open(temp, 'wx', 0o640);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } catch (error) {
        await file.close();
        await rm(temp, { force: true });
        throw error;
      }
      await file.close();
      await rename(temp, path);
      const parent = await open(dirname(path), 'r');
      try {
        await parent.sync();
      } finally {
        await parent.close();
      }
      return key;
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DocumentMissingError(key);
        throw error;
      }
    },
    exists,
  };
}

function storeError(action: string, key: string, error: unknown): DocumentStoreError {
  const what = error instanceof S3ServiceException ? `${error.name} (HTTP ${error.$metadata.httpStatusCode ?? '?'})` : error instanceof Error ? error.message : String(error);
  return new DocumentStoreError(`the document store refused to ${action} \`${key}\`: ${what}`, { cause: error });
}

/** A HEAD's 404 has no body to name the error: the object is not there (a missing bucket shows at the PUT). */
const headNotFound = (error: unknown) => error instanceof S3ServiceException && (error.name === 'NotFound' || error.$metadata.httpStatusCode === 404);
/** A GET names it: NoSuchKey (NoSuchBucket is the store's configuration, not a missing document). */
const noSuchKey = (error: unknown) => error instanceof S3ServiceException && error.name === 'NoSuchKey';

/**
 * An S3-compatible bucket, path-style (`<endpoint>/<bucket>/<key>`), signed with AWS Signature
 * Version 4 by the official SDK. Checksums are sent only where S3 requires them, as
 * S3-compatible stores that predate the SDK's default CRC32 headers expect.
 */
export function s3DocumentStore(config: Extract<DocumentStoreConfig, { kind: 's3' }>): DocumentStore {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 2,
  });
  const Bucket = config.bucket;
  const exists = async (key: string) => {
    try {
      await client.send(new HeadObjectCommand({ Bucket, Key: checkedKey(key) }));
      return true;
    } catch (error) {
      if (headNotFound(error)) return false;
      throw storeError('look up', key, error);
    }
  };
  return {
    kind: 's3',
    async put(bytes, sha256) {
      const key = documentKey(sha256);
      if (await exists(key)) return key;
      try {
        await client.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentLength: bytes.byteLength, ContentType: 'application/octet-stream' }));
      } catch (error) {
        throw storeError('store', key, error);
      }
      return key;
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: checkedKey(key) }));
        if (!out.Body) throw new DocumentMissingError(key);
        return await out.Body.transformToByteArray();
      } catch (error) {
        if (error instanceof DocumentMissingError) throw error;
        if (noSuchKey(error)) throw new DocumentMissingError(key);
        throw storeError('read', key, error);
      }
    },
    exists,
  };
}

/** The store a configuration names. */
export function openDocumentStore(config: DocumentStoreConfig): DocumentStore {
  return config.kind === 's3' ? s3DocumentStore(config) : fileDocumentStore(config.dir);
}
