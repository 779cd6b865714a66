// The statement import's own facts (issue 16, H4): one statement per file and bank account (a
// re-import of the same bytes resumes or replays it: the unique key also makes two concurrent
// imports of one file share one statement row), why a line became an exception and how much of
// its money the suspense account 2210 holds for it (all of it, or what a payment to the loan did
// not take), and an index to find the installments due near a date for an amount (the
// amount/date/name rule of the matching).
// Frozen in time: never edit a migration that has shipped.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    drop index bank_statements_file;
    create unique index bank_statements_file on bank_statements (bank_account_id, file_sha256);
    alter table bank_statements add column lines_rejected integer not null default 0;
    alter table bank_statement_lines
      add column exception_reason text check (exception_reason in ('no-match', 'ambiguous', 'low-score', 'over-payment', 'payment-refused')),
      add column exception_amount money_amount check (exception_amount > 0),
      add column match_details jsonb;
    create index loan_open_installments_amount_due on loan_open_installments ((principal + interest + iva + fees), due_date)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index loan_open_installments_amount_due`.execute(db);
  await sql`alter table bank_statement_lines drop column exception_reason, drop column exception_amount, drop column match_details`.execute(db);
  await sql`alter table bank_statements drop column lines_rejected`.execute(db);
  await sql`drop index bank_statements_file`.execute(db);
  await sql`create index bank_statements_file on bank_statements (bank_account_id, file_sha256)`.execute(db);
}
