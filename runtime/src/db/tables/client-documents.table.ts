// Clients' KYC documents: see migrations/2026-12-09-50-client-documents.ts.
import type { ColumnType, Selectable } from 'kysely';
import type { ActorRef, Timestamp } from './columns.ts';

export const DOCUMENT_KINDS = ['ine', 'passport', 'proof-of-address', 'curp', 'rfc-certificate', 'payslip', 'contract', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

export interface ClientDocumentsTable {
  id: string;
  client_id: string;
  kind: DocumentKind;
  file_name: string;
  content_type: DocumentContentType;
  size_bytes: number;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
  /** Where the document store keeps the bytes (`sha256/ab/<hex>`). */
  storage_key: string;
  uploaded_by: ActorRef;
  uploaded_at: Timestamp;
  /** The newer document of the same kind that replaced this one; null while current. */
  superseded_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export type ClientDocumentRow = Selectable<ClientDocumentsTable>;
