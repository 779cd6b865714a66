// Accrual books (issue 15): the institution's books settings — when IVA on interest and charges is
// owed (`collection`: when the client pays, the default; `accrual`: when earned, as a
// financial-system lender under LIVA art. 17 / 18-A) and, optionally, its own days past due for the
// transfer to cartera vencida (null: the CNBV defaults, 30 for a single payment, 90 for periodic
// ones). One row, absent until someone sets it.
// The penalty accrual position (`loan_checkpoints.accrued`) is no longer written: a loan's books
// live in `loans.state.books` (src/ledger/loan-books.ts). Loans booked before keep `state.posted`
// and the old column until their first posting converts them.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table accounting_settings (
      id boolean primary key default true check (id),
      iva_on text not null default 'collection' check (iva_on in ('collection', 'accrual')),
      vencida_days_single integer check (vencida_days_single between 1 and 3650),
      vencida_days_periodic integer check (vencida_days_periodic between 1 and 3650),
      updated_at timestamptz not null,
      updated_by text not null
    );
    alter table loan_checkpoints alter column accrued drop not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update loan_checkpoints set accrued = '{}' where accrued is null`.execute(db);
  await sql`
    alter table loan_checkpoints alter column accrued set not null;
    drop table accounting_settings;
  `.execute(db);
}
