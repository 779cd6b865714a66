// The foundation schema: users and credentials, products and their immutable versions,
// decisions, loans and their append-only events, the double-entry ledger and the audit chain.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Who did it: the system itself, a studio user or an API key.
  await sql`
    create domain actor_ref as text
      check (value ~ '^(system|user:[0-9a-f-]{36}|api-key:[0-9a-f-]{36})$');
    -- Money: exact decimal, at most 6 decimal places (never silently rounded: a value with more
    -- places is rejected), below 10^14 in absolute value.
    create domain money_amount as numeric
      check (value = round(value, 6) and abs(value) < 100000000000000);
    create domain role_name as text
      check (value in ('admin', 'product-manager', 'risk-analyst', 'approver', 'operator', 'api-client'));

    create function plazo_reject_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % rejected', tg_table_name, tg_op using errcode = 'PZ001';
    end $$;
  `.execute(db);

  await sql`
    create table users (
      id uuid primary key,
      email text not null unique check (email = lower(email) and length(email) between 3 and 320),
      name text not null check (length(name) between 1 and 200),
      role role_name not null,
      password_hash text,
      disabled_at timestamptz,
      created_at timestamptz not null,
      created_by actor_ref not null
    );

    create table sessions (
      id uuid primary key,
      user_id uuid not null references users (id),
      token_hash text not null unique,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      created_at timestamptz not null,
      created_by actor_ref not null
    );
    create index sessions_user_id on sessions (user_id);

    create table api_keys (
      id uuid primary key,
      name text not null check (length(name) between 1 and 200),
      prefix text not null,
      key_hash text not null unique,
      role role_name not null,
      revoked_at timestamptz,
      revoked_by actor_ref,
      created_at timestamptz not null,
      created_by actor_ref not null
    );
  `.execute(db);

  await sql`
    create table products (
      id uuid primary key,
      code text not null unique check (code ~ '^[a-z_][a-z0-9_]{0,63}$'),
      name text not null check (length(name) between 1 and 200),
      status text not null check (status in ('draft', 'active', 'retired')),
      retired_at timestamptz,
      retired_by actor_ref,
      updated_at timestamptz not null,
      updated_by actor_ref not null,
      created_at timestamptz not null,
      created_by actor_ref not null
    );

    create table product_drafts (
      product_id uuid primary key references products (id),
      source text not null,
      revision integer not null check (revision >= 1),
      updated_at timestamptz not null,
      updated_by actor_ref not null,
      created_at timestamptz not null,
      created_by actor_ref not null
    );

    create table product_versions (
      id uuid primary key,
      product_id uuid not null references products (id),
      version integer not null check (version >= 1),
      source text not null,
      ir jsonb not null,
      content_hash text not null,
      ir_hash text not null,
      author actor_ref not null,
      publisher actor_ref not null,
      published_at timestamptz not null,
      created_at timestamptz not null,
      created_by actor_ref not null,
      unique (product_id, version)
    );
    create trigger product_versions_immutable before update or delete on product_versions
      for each row execute function plazo_reject_change();
  `.execute(db);

  await sql`
    create table decisions (
      id uuid primary key,
      product_version_id uuid not null references product_versions (id),
      application jsonb not null,
      decision jsonb not null,
      outcome text not null check (outcome in ('approve', 'refer', 'decline')),
      decided_on date not null,
      created_at timestamptz not null,
      created_by actor_ref not null
    );
    create index decisions_product_version_id on decisions (product_version_id);

    create table loans (
      id uuid primary key,
      product_version_id uuid not null references product_versions (id),
      decision_id uuid references decisions (id),
      external_ref text,
      terms jsonb not null,
      status text not null check (status in ('pending', 'active', 'paid-off', 'written-off', 'cancelled')),
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      principal money_amount not null check (principal > 0),
      opened_on date not null,
      disbursed_on date,
      closed_on date,
      state jsonb not null default '{}',
      last_event_seq integer not null default 0 check (last_event_seq >= 0),
      updated_at timestamptz not null,
      updated_by actor_ref not null,
      created_at timestamptz not null,
      created_by actor_ref not null
    );
    create unique index loans_decision_id on loans (decision_id) where decision_id is not null;
    create index loans_product_version_id on loans (product_version_id);

    create table loan_events (
      loan_id uuid not null references loans (id),
      seq integer not null check (seq >= 1),
      type text not null,
      effective_on date not null,
      payload jsonb not null,
      idempotency_key text,
      request_hash text,
      created_at timestamptz not null,
      created_by actor_ref not null,
      primary key (loan_id, seq)
    );
    create unique index loan_events_idempotency_key on loan_events (loan_id, idempotency_key)
      where idempotency_key is not null;
    create trigger loan_events_append_only before update or delete on loan_events
      for each row execute function plazo_reject_change();
  `.execute(db);

  await sql`
    create table ledger_accounts (
      code text primary key check (code ~ '^[0-9]{4}$'),
      name text not null,
      type text not null check (type in ('asset', 'liability', 'equity', 'income', 'expense')),
      normal_balance text not null check (normal_balance in ('debit', 'credit')),
      created_at timestamptz not null,
      created_by actor_ref not null
    );

    create table journal_entries (
      id uuid primary key,
      entry_date date not null,
      description text not null,
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      loan_id uuid references loans (id),
      loan_event_seq integer,
      created_at timestamptz not null,
      created_by actor_ref not null
    );
    create index journal_entries_entry_date on journal_entries (entry_date);
    create index journal_entries_loan_id on journal_entries (loan_id);

    create table journal_lines (
      entry_id uuid not null references journal_entries (id),
      line_no integer not null check (line_no >= 1),
      account_code text not null references ledger_accounts (code),
      debit money_amount not null default 0 check (debit >= 0),
      credit money_amount not null default 0 check (credit >= 0),
      created_at timestamptz not null,
      created_by actor_ref not null,
      primary key (entry_id, line_no),
      check ((debit > 0 and credit = 0) or (credit > 0 and debit = 0))
    );
    create index journal_lines_account_code on journal_lines (account_code);

    -- Debits equal credits in every entry, with at least two lines: checked at commit, so an
    -- entry may be written line by line inside its transaction.
    create function plazo_check_entry_balanced() returns trigger language plpgsql as $$
    declare
      entry uuid;
      debits numeric;
      credits numeric;
      lines integer;
    begin
      if tg_table_name = 'journal_entries' then entry := new.id; else entry := new.entry_id; end if;
      select coalesce(sum(debit), 0), coalesce(sum(credit), 0), count(*)
        into debits, credits, lines from journal_lines where entry_id = entry;
      if lines < 2 or debits <> credits then
        raise exception 'journal entry % is unbalanced: % lines, debits %, credits %',
          entry, lines, debits, credits using errcode = 'PZ002';
      end if;
      return null;
    end $$;
    create constraint trigger journal_entries_balanced after insert on journal_entries
      deferrable initially deferred for each row execute function plazo_check_entry_balanced();
    create constraint trigger journal_lines_balanced after insert on journal_lines
      deferrable initially deferred for each row execute function plazo_check_entry_balanced();
    create trigger journal_entries_append_only before update or delete on journal_entries
      for each row execute function plazo_reject_change();
    create trigger journal_lines_append_only before update or delete on journal_lines
      for each row execute function plazo_reject_change();
  `.execute(db);

  // The chart of accounts, as data: later migrations or an admin may add accounts.
  await sql`
    insert into ledger_accounts (code, name, type, normal_balance, created_at, created_by) values
      ('1000', 'Bancos', 'asset', 'debit', now(), 'system'),
      ('1100', 'Cartera de crédito: capital', 'asset', 'debit', now(), 'system'),
      ('1110', 'Intereses devengados por cobrar', 'asset', 'debit', now(), 'system'),
      ('1120', 'Comisiones por cobrar', 'asset', 'debit', now(), 'system'),
      ('1130', 'Penalizaciones y moratorios por cobrar', 'asset', 'debit', now(), 'system'),
      ('1140', 'IVA por cobrar al cliente', 'asset', 'debit', now(), 'system'),
      ('1190', 'Estimación preventiva para riesgos crediticios', 'asset', 'credit', now(), 'system'),
      ('2100', 'IVA trasladado por pagar', 'liability', 'credit', now(), 'system'),
      ('2200', 'Pagos recibidos por aplicar', 'liability', 'credit', now(), 'system'),
      ('3000', 'Capital contable', 'equity', 'credit', now(), 'system'),
      ('4100', 'Ingresos por intereses', 'income', 'credit', now(), 'system'),
      ('4200', 'Ingresos por comisiones', 'income', 'credit', now(), 'system'),
      ('4300', 'Ingresos por penalizaciones y moratorios', 'income', 'credit', now(), 'system'),
      ('5100', 'Castigos de cartera', 'expense', 'debit', now(), 'system')
  `.execute(db);

  await sql`
    create table audit_log (
      seq bigint primary key check (seq >= 1),
      action text not null,
      entity_type text not null,
      entity_id text not null,
      before_hash text,
      after_hash text,
      details jsonb not null,
      request_id text,
      prev_hash text not null,
      row_hash text not null,
      created_at timestamptz not null,
      created_by actor_ref not null
    );
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function plazo_reject_change();

    -- The head of the chain: its row lock serializes appends, and it remembers the last link so
    -- that deleting the newest entries is detected too.
    create table audit_head (
      id smallint primary key check (id = 1),
      last_seq bigint not null,
      last_hash text not null,
      created_at timestamptz not null,
      created_by actor_ref not null
    );
    insert into audit_head (id, last_seq, last_hash, created_at, created_by)
      values (1, 0, repeat('0', 64), now(), 'system');
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table audit_head, audit_log, journal_lines, journal_entries, ledger_accounts,
      loan_events, loans, decisions, product_versions, product_drafts, products,
      api_keys, sessions, users;
    drop function plazo_check_entry_balanced(), plazo_reject_change();
    drop domain role_name, money_amount, actor_ref;
  `.execute(db);
}
