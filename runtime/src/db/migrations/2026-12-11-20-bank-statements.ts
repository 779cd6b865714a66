// Money in (issue 16): the institution's bank accounts, the saved file layouts (a bank's CSV
// column mapping and the like), the statements and payments files imported, and each of their
// lines with what became of it: applied to loans at import, held in the unapplied-funds (suspense)
// account as an exception until someone resolves it, a direct-debit rejection that moved no
// money, or a debit left for the reconciliation. A line's tracking key is unique per bank account:
// the idempotency key that keeps a movement from being applied twice, whatever file brings it.
// Account 2210 holds the money of lines not yet applied (2200 stays the loans' own credit balances).
// Frozen in time: never edit a migration that has shipped.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into ledger_accounts (code, name, type, normal_balance, sat_code, sat_nature, created_at, created_by) values
      ('2210', 'Depósitos no identificados: partidas por aplicar', 'liability', 'credit', '206.01', 'A', now(), 'system')
    on conflict (code) do nothing
  `.execute(db);
  // The PostgreSQL pool prepares a text that starts with insert (one command each): the tables apart.
  await sql`
    create table bank_accounts (
      id uuid primary key,
      name text not null unique check (length(name) between 1 and 200),
      bank_code text not null check (bank_code ~ '^[0-9]{3}$'),
      account_number text check (account_number ~ '^[0-9A-Z]{1,34}$'),
      clabe text unique check (clabe ~ '^[0-9]{18}$'),
      currency text not null default 'MXN' check (currency ~ '^[A-Z]{3}$'),
      ledger_account text not null default '1000' references ledger_accounts (code),
      created_at timestamptz not null,
      created_by actor_ref not null
    );

    create table bank_file_layouts (
      id uuid primary key,
      name text not null unique check (length(name) between 1 and 200),
      format text not null check (format in ('csv', 'mt940', 'camt053', 'oxxo', 'domiciliacion')),
      options jsonb not null default '{}',
      created_at timestamptz not null,
      created_by actor_ref not null,
      updated_at timestamptz not null,
      updated_by actor_ref not null
    );

    create table bank_statements (
      id uuid primary key,
      bank_account_id uuid not null references bank_accounts (id),
      format text not null check (format in ('csv', 'mt940', 'camt053', 'oxxo', 'domiciliacion')),
      layout_id uuid references bank_file_layouts (id),
      file_name text not null,
      file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
      status text not null check (status in ('importing', 'imported', 'failed')),
      period_from date,
      period_to date,
      opening_balance money_amount,
      closing_balance money_amount,
      lines_total integer not null default 0,
      lines_applied integer not null default 0,
      lines_exception integer not null default 0,
      lines_duplicate integer not null default 0,
      lines_other integer not null default 0,
      failure jsonb,
      imported_at timestamptz not null,
      imported_by actor_ref not null,
      finished_at timestamptz
    );
    create index bank_statements_account on bank_statements (bank_account_id, imported_at);
    create index bank_statements_file on bank_statements (bank_account_id, file_sha256);

    create table bank_statement_lines (
      id uuid primary key,
      statement_id uuid not null references bank_statements (id),
      bank_account_id uuid not null references bank_accounts (id),
      line_no integer not null check (line_no >= 1),
      tracking_key text not null check (length(tracking_key) between 1 and 200),
      value_date date not null,
      booking_date date,
      direction text not null check (direction in ('credit', 'debit')),
      amount money_amount not null check (amount > 0),
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      reference text,
      beneficiary_clabe text,
      payer_account text,
      payer_name text,
      description text,
      return_of text,
      outcome text check (outcome in ('paid', 'rejected')),
      reject_reason text,
      raw jsonb not null,
      -- applied: paid to loans at import; exception: in the queue, its money in 2210; resolved: the
      -- queue disposed of it (see resolution); rejected: a direct-debit rejection (no money);
      -- other: a debit or a line the reconciliation shows but nothing applies.
      status text not null check (status in ('applied', 'exception', 'resolved', 'rejected', 'other')),
      match_loan_id uuid references loans (id),
      match_rule text check (match_rule in ('reference', 'clabe', 'amount-date-name', 'return')),
      match_score numeric(5, 4) check (match_score between 0 and 1),
      resolution text check (resolution in ('applied', 'split', 'refunded', 'not-ours', 'reversed')),
      resolution_note text,
      resolved_at timestamptz,
      resolved_by actor_ref,
      suspense_entry_id uuid references journal_entries (id),
      created_at timestamptz not null,
      unique (bank_account_id, tracking_key)
    );
    create index bank_statement_lines_statement on bank_statement_lines (statement_id, line_no);
    create index bank_statement_lines_exceptions on bank_statement_lines (value_date, id) where status = 'exception';
    create index bank_statement_lines_loan on bank_statement_lines (match_loan_id) where match_loan_id is not null;

    -- The payments a line became: one at import, or several when an exception is split across loans.
    create table bank_line_applications (
      line_id uuid not null references bank_statement_lines (id),
      loan_id uuid not null references loans (id),
      payment_id text not null,
      amount money_amount not null check (amount > 0),
      reversed_at timestamptz,
      created_at timestamptz not null,
      created_by actor_ref not null,
      primary key (line_id, payment_id)
    );
    create index bank_line_applications_loan on bank_line_applications (loan_id)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table bank_line_applications`.execute(db);
  await sql`drop table bank_statement_lines`.execute(db);
  await sql`drop table bank_statements`.execute(db);
  await sql`drop table bank_file_layouts`.execute(db);
  await sql`drop table bank_accounts`.execute(db);
  await sql`delete from ledger_accounts where code = '2210'`.execute(db);
}
