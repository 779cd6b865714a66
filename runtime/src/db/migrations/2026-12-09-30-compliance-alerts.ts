// PLD alerts from the money that moves (issue 14): exchange rates MXN per USD by date (the rate
// of a date is the latest on or before it), the cash threshold in USD (one row, default 7,500),
// alerts — relevant operations (cash at or above the threshold), unusual operations (rules),
// internal worrying operations (filed by staff), operations with blocked persons — each with its
// deadline and the compliance officer's disposition, and the report files generated per period.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table compliance_exchange_rates (
      rate_date date not null,
      currency text not null check (currency = 'USD'),
      mxn_per_unit numeric(18, 6) not null check (mxn_per_unit > 0),
      set_at timestamptz not null,
      set_by text not null,
      primary key (currency, rate_date)
    );

    create table compliance_settings (
      id boolean primary key default true check (id),
      cash_threshold_usd numeric(18, 2) not null check (cash_threshold_usd > 0),
      updated_at timestamptz not null,
      updated_by text not null
    );

    create table compliance_alerts (
      id uuid primary key,
      kind text not null check (kind in ('relevant', 'unusual', 'internal', 'blocked-person')),
      code text not null check (length(code) between 1 and 100),
      message text not null,
      client_id uuid references clients (id),
      loan_id uuid references loans (id),
      event_id text,
      operation_date date not null,
      method text,
      amount numeric(18, 2),
      amount_usd numeric(18, 2),
      rate numeric(18, 6),
      description text,
      notes jsonb not null default '[]'::jsonb,
      detected_at timestamptz not null,
      deadline timestamptz not null,
      status text not null check (status in ('open', 'reported', 'dismissed')),
      disposition_note text,
      decided_by text,
      decided_at timestamptz,
      reported_in text,
      created_by text not null,
      idempotency_key text unique,
      request_hash text,
      check ((status = 'open') = (decided_at is null)),
      check (client_id is not null or loan_id is not null)
    );
    create unique index compliance_alerts_event on compliance_alerts (loan_id, event_id, kind, code) where event_id is not null;
    create index compliance_alerts_status on compliance_alerts (status, deadline);
    create index compliance_alerts_client on compliance_alerts (client_id);
    create index compliance_alerts_operation on compliance_alerts (kind, operation_date);

    create table compliance_report_files (
      id uuid primary key,
      kind text not null check (kind in ('relevant', 'unusual', 'internal')),
      period text not null check (period ~ '^[0-9]{4}-(Q[1-4]|0[1-9]|1[0-2])$'),
      version integer not null check (version >= 1),
      generated_at timestamptz not null,
      generated_by text not null,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      row_count integer not null check (row_count >= 0),
      content text not null,
      unique (kind, period, version)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table compliance_report_files;
    drop table compliance_alerts;
    drop table compliance_settings;
    drop table compliance_exchange_rates;
  `.execute(db);
}
