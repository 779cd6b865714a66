// Accrual books (issue 15). The penalty accrual position (`loan_checkpoints.accrued`) is no longer
// written: a loan's books live in `loans.state.books` (src/ledger/loan-books.ts). Loans booked
// before keep `state.posted` and the old column until their first posting converts them. The
// books settings (IVA on collection or accrual, vencida days) are `accounting_settings`
// (migration 2026-12-10-15).
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table loan_checkpoints alter column accrued drop not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // One statement per call: a test database's driver may prepare each query.
  await sql`update loan_checkpoints set accrued = '{}' where accrued is null`.execute(db);
  await sql`alter table loan_checkpoints alter column accrued set not null`.execute(db);
}
