// A client's KYC documents: upload (bytes to the document store first, then the row, audited),
// list, and read the bytes back (checked against their SHA-256, audited). Rows are never deleted:
// a newer document of the same kind supersedes the current one (`other` documents stand side by
// side).
//
// Crash safety: the bytes are written (atomically, content-addressed) before the transaction that
// inserts the row. If the process dies between the two, the store holds bytes no row names — an
// orphan nobody can reach through the API, harmless, and reused as is when the same file is
// uploaded again (a put of stored bytes is a no-op). A row therefore never names bytes that were
// not stored in full.
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import type { ClientDocumentRow, DocumentContentType, DocumentKind } from '../db/tables/client-documents.table.ts';
import { AppError, ConflictError, NotFoundError } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import type { WriteContext } from '../products/product-catalog.ts';
import { cleanFileName, detectContentType } from './document-content.ts';
import { DocumentMissingError, DocumentStoreError, sha256Hex, type DocumentStore } from './document-store.ts';

/** The largest document accepted: 10 MiB. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** A document as the API shows it (metadata; the bytes are at `href`). */
export function documentView(row: ClientDocumentRow) {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
    uploadedBy: row.uploaded_by,
    supersededBy: row.superseded_by,
    current: row.superseded_by === null,
    href: `/api/v1/clients/${row.client_id}/documents/${row.id}/content`,
  };
}
export type DocumentView = ReturnType<typeof documentView>;

const stream = (clientId: string) => `client:${clientId}`;

function unavailable(error: unknown): never {
  if (error instanceof DocumentStoreError) throw new AppError(503, 'document-store-unavailable', error.message);
  throw error;
}

async function requireClientRow(db: Executor, clientId: string, forUpdate = false) {
  let query = db.selectFrom('clients').select('id').where('id', '=', clientId);
  if (forUpdate) query = query.forUpdate();
  if (!(await query.executeTakeFirst())) throw new NotFoundError('client', clientId);
}

export interface DocumentUpload {
  readonly clientId: string;
  readonly kind: DocumentKind;
  readonly fileName?: string | undefined;
  readonly bytes: Uint8Array;
}

/** 413 naming `file` for more than DOCUMENT_MAX_BYTES, 415 naming `file` unless PDF, JPEG, PNG or WebP. */
export function checkDocumentBytes(bytes: Uint8Array): DocumentContentType {
  if (bytes.byteLength > DOCUMENT_MAX_BYTES) {
    throw new AppError(413, 'document-too-large', `a document is at most ${DOCUMENT_MAX_BYTES} bytes (10 MiB); this one has ${bytes.byteLength}`, [{ path: 'file', message: `at most ${DOCUMENT_MAX_BYTES} bytes`, maxBytes: DOCUMENT_MAX_BYTES, size: bytes.byteLength }]);
  }
  if (bytes.byteLength === 0) throw new AppError(422, 'validation-failed', 'the request is not valid', [{ path: 'file', message: 'the file is empty' }]);
  const contentType = detectContentType(bytes);
  if (contentType === undefined) {
    throw new AppError(415, 'unsupported-document-type', 'a document must be a PDF, JPEG, PNG or WebP file (judged by its first bytes)', [
      { path: 'file', message: 'not a PDF, JPEG, PNG or WebP file', allowed: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] },
    ]);
  }
  return contentType;
}

/**
 * Stores a client's document. The same bytes as the client's current document of that kind: that
 * document again (`replayed`, 200), nothing written but the audit entry of the attempt.
 */
export async function uploadDocument(db: Kysely<Database>, store: DocumentStore, upload: DocumentUpload, ctx: WriteContext): Promise<{ document: DocumentView; replayed: boolean }> {
  const contentType = checkDocumentBytes(upload.bytes);
  await requireClientRow(db, upload.clientId);
  const sha256 = sha256Hex(upload.bytes);
  const fileName = cleanFileName(upload.fileName, contentType);
  const storageKey = await store.put(upload.bytes, sha256).catch(unavailable);
  return db.transaction().execute(async (tx) => {
    await requireClientRow(tx, upload.clientId, true);
    let current = tx.selectFrom('client_documents').selectAll().where('client_id', '=', upload.clientId).where('kind', '=', upload.kind).where('superseded_by', 'is', null);
    if (upload.kind === 'other') current = current.where('sha256', '=', sha256);
    const previous = await current.orderBy('id', 'desc').executeTakeFirst();
    const audit = (action: string, row: ClientDocumentRow, details: Record<string, string | number | boolean | null>) =>
      appendAudit(tx, {
        actor: ctx.actor, action, entityType: 'client-document', entityId: row.id, stream: stream(upload.clientId), before: null, after: null,
        details: { clientId: upload.clientId, kind: row.kind, sha256: row.sha256, size: row.size_bytes, ...details }, requestId: ctx.requestId ?? null, at: ctx.at,
      });
    if (previous && previous.sha256 === sha256) {
      await audit('upload-replayed', previous, { fileName });
      return { document: documentView(previous), replayed: true };
    }
    const row = await tx
      .insertInto('client_documents')
      .values({ id: uuidv7(), client_id: upload.clientId, kind: upload.kind, file_name: fileName, content_type: contentType, size_bytes: upload.bytes.byteLength, sha256, storage_key: storageKey, uploaded_by: ctx.actor, uploaded_at: ctx.at })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (previous) await tx.updateTable('client_documents').set({ superseded_by: row.id }).where('id', '=', previous.id).execute();
    await audit('upload', row, { fileName, contentType, supersedes: previous?.id ?? null });
    return { document: documentView(row), replayed: false };
  });
}

/** A client's documents' metadata, newest first (superseded ones too); 404 for an unknown client. */
export async function documentsOf(db: Executor, clientId: string): Promise<DocumentView[]> {
  const rows = await db.selectFrom('client_documents').selectAll().where('client_id', '=', clientId).orderBy('id', 'desc').execute();
  return rows.map(documentView);
}

/** The list of a client's documents; the read is audited like every read of a client's data. */
export async function listDocuments(db: Kysely<Database>, clientId: string, ctx: WriteContext): Promise<DocumentView[]> {
  return db.transaction().execute(async (tx) => {
    await requireClientRow(tx, clientId);
    const documents = await documentsOf(tx, clientId);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'read', entityType: 'client', entityId: clientId, before: null, after: null,
      details: { what: 'documents', documents: documents.length }, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return documents;
  });
}

/**
 * A document's bytes, checked against the SHA-256 and size recorded at upload: bytes that changed
 * or vanished in the store are refused (409 `document-integrity`, the failure audited), never
 * served. A read that succeeds is audited.
 */
export async function readDocumentContent(db: Kysely<Database>, store: DocumentStore, clientId: string, documentId: string, ctx: WriteContext) {
  const row = await db.selectFrom('client_documents').selectAll().where('id', '=', documentId).where('client_id', '=', clientId).executeTakeFirst();
  if (!row) throw new NotFoundError('document', documentId);
  let bytes: Uint8Array | undefined;
  try {
    bytes = await store.get(row.storage_key);
  } catch (error) {
    if (!(error instanceof DocumentMissingError)) unavailable(error);
  }
  const found = bytes === undefined ? null : sha256Hex(bytes);
  const audit = (action: string, details: Record<string, string | number | null>) =>
    db.transaction().execute((tx) =>
      appendAudit(tx, {
        actor: ctx.actor, action, entityType: 'client-document', entityId: row.id, stream: stream(clientId), before: null, after: null,
        details: { clientId, kind: row.kind, sha256: row.sha256, ...details }, requestId: ctx.requestId ?? null, at: ctx.at,
      }),
    );
  if (bytes === undefined || found !== row.sha256 || bytes.byteLength !== row.size_bytes) {
    await audit('integrity-failure', { found, size: bytes?.byteLength ?? null });
    throw new ConflictError(
      'document-integrity',
      bytes === undefined
        ? `integrity check failed: the bytes of document ${row.id} are missing from the document store`
        : `integrity check failed: the stored bytes of document ${row.id} do not match the SHA-256 recorded at upload (${row.sha256}); they were not served`,
      { documentId: row.id, expectedSha256: row.sha256, foundSha256: found, storageKey: row.storage_key },
    );
  }
  await audit('read', { what: 'document-content' });
  return { document: documentView(row), bytes };
}
