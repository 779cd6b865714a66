// /api/v1/clients/{id}/documents: a client's KYC documents (INE, passport, proof of address, …).
// Upload as multipart/form-data (`file`, `kind`; at most 10 MiB; PDF, JPEG, PNG or WebP by their
// first bytes) with `clients:write`; list and download with `clients:read-documents`. Uploads and
// downloads are audited in the client's stream; downloads are checked against the SHA-256.
import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf } from '../auth/principal.ts';
import { DOCUMENT_KINDS } from '../db/tables/client-documents.table.ts';
import { contentDisposition } from '../documents/document-content.ts';
import { DOCUMENT_MAX_BYTES, listDocuments, readDocumentContent, uploadDocument } from '../documents/client-documents.repository.ts';
import type { AppEnv, ContextVariables } from '../http/app-env.ts';
import { limitRequestBody } from '../http/body-limit.middleware.ts';
import { errorResponses, guarded, jsonResponse, newRouter } from '../http/openapi.ts';
import { IdParamSchema, UuidSchema } from './schemas.ts';

const UPLOAD_PATH = /^\/api\/v1\/clients\/[^/]+\/documents\/?$/;

/** Is this request a document upload (multipart, with a larger body than other routes)? */
export function isDocumentUpload(method: string, path: string): boolean {
  return method === 'POST' && UPLOAD_PATH.test(path);
}

/**
 * A document upload's body: at most the document's limit plus the form's framing (413), judged
 * before authentication like every body. Its media type is checked by the route after its path
 * parameters (a body that is not multipart/form-data: 415 `unsupported-media-type`).
 */
const uploadLimit = limitRequestBody(DOCUMENT_MAX_BYTES + 64 * 1024);
export const documentUploadBody = createMiddleware<AppEnv>(async (c, next) => (isDocumentUpload(c.req.method, c.req.path) ? uploadLimit(c, next) : next()));

const Kind = z.enum(DOCUMENT_KINDS).openapi({ description: '`ine`, `passport`, `proof-of-address`, `curp`, `rfc-certificate`, `payslip`, `contract`, `other`' });
const UploadForm = z
  .object({
    kind: Kind,
    file: z.instanceof(File, { message: 'a file is required (a form field with a file name)' }).openapi({ type: 'string', format: 'binary', description: 'PDF, JPEG, PNG or WebP; at most 10 MiB' }),
  })
  .openapi('DocumentUpload');
const DocumentSchema = z
  .object({
    id: z.string(), clientId: z.string(), kind: Kind, fileName: z.string(), contentType: z.string(), size: z.number().int(),
    sha256: z.string().openapi({ description: 'SHA-256 of the bytes, hex; the `ETag` of the content' }),
    uploadedAt: z.string(), uploadedBy: z.string(), supersededBy: z.string().nullable().openapi({ description: 'The newer document of the same kind that replaced this one' }),
    current: z.boolean(), href: z.string().openapi({ description: 'Where the bytes are' }),
  })
  .openapi('ClientDocument');
const DocumentParams = z.object({
  id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }),
  documentId: UuidSchema.openapi({ param: { name: 'documentId', in: 'path' } }),
});

function ctxOf(c: ContextVariables) {
  return { actor: actorOf(principalOf(c)), at: c.get('clock').now().toISOString(), requestId: c.get('requestId') };
}

export const clientDocumentsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/documents',
      tags: ['clients'],
      summary: 'Upload a client’s document (multipart: `file`, `kind`); a newer one of the same kind supersedes the current one. Audited.',
      description:
        'At most 10 MiB (413 `document-too-large`); PDF, JPEG, PNG or WebP judged by the first bytes (415 `unsupported-document-type` naming `file`). The same bytes as the current document of that kind: 200 with it (`replayed: true`), no new record. Records are never deleted.',
      ...guarded('clients:write'),
      request: { params: IdParamSchema, body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: {
        201: jsonResponse(z.object({ document: DocumentSchema, replayed: z.boolean() }), 'The new document'),
        200: jsonResponse(z.object({ document: DocumentSchema, replayed: z.boolean() }), 'The same bytes as the current document of that kind: that document'),
        ...errorResponses(401, 403, 404, 413, 415, 422, 503),
      },
    }),
    async (c) => {
      const form = c.req.valid('form');
      const bytes = new Uint8Array(await form.file.arrayBuffer());
      const result = await uploadDocument(c.get('db'), c.get('documents'), { clientId: c.req.valid('param').id, kind: form.kind, fileName: form.file.name, bytes }, ctxOf(c));
      return c.json(result as never, result.replayed ? 200 : 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/documents',
      tags: ['clients'],
      summary: 'A client’s documents (metadata), newest first, superseded ones too. Audited.',
      ...guarded('clients:read-documents'),
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(z.object({ documents: z.array(DocumentSchema) }), 'The documents'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => c.json({ documents: await listDocuments(c.get('db'), c.req.valid('param').id, ctxOf(c)) } as never, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/documents/{documentId}/content',
      tags: ['clients'],
      summary: 'A document’s bytes, checked against their SHA-256 (`ETag`) before they are sent. Audited.',
      description: 'Bytes that no longer match the SHA-256 recorded at upload (or vanished from the store) are never served: 409 `document-integrity`, and the failure is audited.',
      ...guarded('clients:read-documents'),
      request: { params: DocumentParams },
      responses: {
        200: { description: 'The bytes', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) }, 'image/jpeg': { schema: z.string() }, 'image/png': { schema: z.string() }, 'image/webp': { schema: z.string() } } },
        ...errorResponses(401, 403, 404, 409, 422, 503),
      },
    }),
    async (c) => {
      const { id, documentId } = c.req.valid('param');
      const { document, bytes } = await readDocumentContent(c.get('db'), c.get('documents'), id, documentId, ctxOf(c));
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': document.contentType,
        'Content-Length': String(bytes.byteLength),
        'Content-Disposition': contentDisposition(document.fileName),
        ETag: `"${document.sha256}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      }) as never;
    },
  );
