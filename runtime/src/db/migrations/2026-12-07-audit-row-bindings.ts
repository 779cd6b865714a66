// Audit entries bind the rows they write: `audit_log.bound` holds, by table and key, the SHA-256
// of each row an entry wrote or changed (users, api_keys, product_versions, loan_events,
// journal_entries, journal_lines; src/audit/row-binding.ts), and the entry's hash covers it, so
// `plazo audit verify` finds an edited, inserted or deleted row. `json`, not `jsonb`: kept as
// written, nothing queries inside it, and the payment path does not pay for re-encoding it.
// Rows written before this migration are not bound by it: `plazo audit bind` binds them once, in
// a backfill entry (runtime/README.md, "Audit").
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_log add column bound json`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_log drop column bound`.execute(db);
}
