// Money out (issue 16): the client's disbursement account (a CLABE in the client's name and its
// holder) and disbursement batches — a maker prepares a batch of pending loans, another person
// approves it, it goes to the bank as a SPEI layout file or through a channel adapter, and the
// status answers (liquidada / devuelta) disburse or cancel each loan. A loan is in one open
// (pending) item at most: the partial unique index, not only a check. Each item's tracking key
// (clave de rastreo) is unique across every batch. Frozen in time: never edit a migration that has shipped.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table clients add column disbursement_clabe text check (disbursement_clabe ~ '^[0-9]{18}$'),
      add column disbursement_holder text check (length(disbursement_holder) between 1 and 40);

    create sequence disbursement_numeric_reference minvalue 1 maxvalue 9999999 cycle;

    create table disbursement_batches (
      id uuid primary key,
      -- prepared → approved → sent → closed (every item final); prepared or approved → cancelled.
      status text not null check (status in ('prepared', 'approved', 'sent', 'closed', 'cancelled')),
      value_date date not null,
      currency text not null default 'MXN' check (currency ~ '^[A-Z]{3}$'),
      items_count integer not null check (items_count >= 0),
      total_amount money_amount not null check (total_amount >= 0),
      channel text check (channel in ('file', 'spei-test')),
      maker actor_ref not null,
      checker actor_ref,
      approved_at timestamptz,
      sent_at timestamptz,
      sent_by actor_ref,
      closed_at timestamptz,
      cancelled_at timestamptz,
      cancelled_by actor_ref,
      cancel_reason text,
      created_at timestamptz not null,
      created_by actor_ref not null,
      check ((status in ('approved', 'sent', 'closed')) = (checker is not null) or status = 'cancelled')
    );
    create index disbursement_batches_status on disbursement_batches (status, created_at);

    create table disbursement_items (
      id uuid primary key,
      batch_id uuid not null references disbursement_batches (id),
      seq integer not null check (seq >= 1),
      loan_id uuid not null references loans (id),
      amount money_amount not null check (amount > 0),
      clabe text not null check (clabe ~ '^[0-9]{18}$'),
      holder_name text not null check (length(holder_name) between 1 and 40),
      tracking_key text not null unique check (tracking_key ~ '^[0-9A-Za-z]{1,30}$'),
      numeric_reference text not null check (numeric_reference ~ '^[0-9]{7}$'),
      concept text not null check (length(concept) between 1 and 40),
      -- pending until the bank answers; liquidated: the loan is disbursed on settled_on;
      -- returned: the loan is cancelled with return_reason; cancelled: its batch was cancelled.
      status text not null check (status in ('pending', 'liquidated', 'returned', 'cancelled')),
      settled_on date,
      settlement_time text,
      return_reason text,
      answered_at timestamptz,
      answered_by actor_ref,
      unique (batch_id, seq),
      check ((status = 'liquidated') = (settled_on is not null)),
      check ((status = 'returned') = (return_reason is not null))
    );
    create index disbursement_items_batch on disbursement_items (batch_id, seq);
    create index disbursement_items_loan on disbursement_items (loan_id);
    create unique index disbursement_items_open_loan on disbursement_items (loan_id) where status = 'pending'
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table disbursement_items`.execute(db);
  await sql`drop table disbursement_batches`.execute(db);
  await sql`drop sequence disbursement_numeric_reference`.execute(db);
  await sql`alter table clients drop column disbursement_holder, drop column disbursement_clabe`.execute(db);
}
