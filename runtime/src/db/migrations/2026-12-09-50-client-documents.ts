// Clients' KYC documents (issue 14): one row per upload — kind (INE, passport, proof of address,
// CURP, RFC certificate, payslip, contract, other), the file's name, the content type its first
// bytes prove, size, SHA-256 and the key of the bytes in the document store (a directory or an
// S3-compatible bucket; the bytes never live in the database). Rows are never deleted (records
// are kept 10 years, DOMAIN.md): a newer document of the same kind names the one it replaces in
// the old row's `superseded_by` (`other` documents stand side by side). Uploads of one client
// are serialised by a lock on the client's row.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table client_documents (
      id uuid primary key,
      client_id uuid not null references clients (id),
      kind text not null check (kind in ('ine', 'passport', 'proof-of-address', 'curp', 'rfc-certificate', 'payslip', 'contract', 'other')),
      file_name text not null check (length(file_name) between 1 and 255),
      content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      storage_key text not null,
      uploaded_by text not null,
      uploaded_at timestamptz not null,
      superseded_by uuid references client_documents (id),
      check (superseded_by is null or superseded_by <> id)
    );
    create index client_documents_client on client_documents (client_id, kind, id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table client_documents`.execute(db);
}
