// Period close and manual entries (issue 15, BOOKS.md):
// - `accounting_periods`: a month (`YYYY-MM`) and whether it is closed, when and by whom. Months
//   close in order (accounting-periods.ts); `plazo_first_open_day()` is the day after the last
//   closed month (null while none is closed).
// - The guard: no journal entry (nor a line added to one) dated inside a closed month, checked
//   by statement triggers on every insert whatever code path writes it (SQLSTATE PZ020). Closing
//   a month locks `journal_entries` against inserts while it commits, so a posting in flight
//   either lands before the close or sees it.
// - `journal_entries.source` (what posted it: 'loan', 'day-close', 'manual', 'other') and
//   `journal_entries.economic_date` (the date the fact happened, set only when the entry had to be
//   dated later: a late loan event after its month closed posts on the first open day). An insert
//   that does not say its source gets it by the rule the backfill uses (`plazo_journal_source`):
//   a description starting "day close" is the day close, an entry of a loan is the loan's, else other.
// - `manual_entries`: a maker's proposed journal entry (lines as JSON), pending until another
//   person approves it (posting the entry it names) or rejects it with a reason; idempotent by key.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table accounting_periods (
      period text primary key check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      status text not null check (status in ('open', 'closed')),
      closed_at timestamptz,
      closed_by actor_ref,
      created_at timestamptz not null,
      created_by actor_ref not null,
      check ((status = 'closed') = (closed_at is not null and closed_by is not null))
    );

    create function plazo_first_open_day() returns date language sql stable as $$
      select (to_date(max(period), 'YYYY-MM') + interval '1 month')::date from accounting_periods where status = 'closed'
    $$;

    create function plazo_refuse_closed_period_entries() returns trigger language plpgsql as $$
    declare
      hit record;
    begin
      select e.id, e.entry_date, p.period into hit
        from added e join accounting_periods p on p.period = to_char(e.entry_date, 'YYYY-MM') and p.status = 'closed'
        limit 1;
      if found then
        raise exception 'journal entry % is dated %, inside the closed period %', hit.id, hit.entry_date, hit.period using errcode = 'PZ020';
      end if;
      return null;
    end $$;
    create function plazo_refuse_closed_period_lines() returns trigger language plpgsql as $$
    declare
      hit record;
    begin
      if not exists (select 1 from accounting_periods where status = 'closed') then return null; end if;
      select e.id, e.entry_date, p.period into hit
        from added l join journal_entries e on e.id = l.entry_id
        join accounting_periods p on p.period = to_char(e.entry_date, 'YYYY-MM') and p.status = 'closed'
        limit 1;
      if found then
        raise exception 'journal entry % is dated %, inside the closed period %: no line may be added to it', hit.id, hit.entry_date, hit.period using errcode = 'PZ020';
      end if;
      return null;
    end $$;
    create trigger journal_entries_open_period after insert on journal_entries
      referencing new table as added for each statement execute function plazo_refuse_closed_period_entries();
    create trigger journal_lines_open_period after insert on journal_lines
      referencing new table as added for each statement execute function plazo_refuse_closed_period_lines();
  `.execute(db);

  // Source and economic date. A constant default adds the column without rewriting the table;
  // then only the entries that are not a loan's are updated (the append-only trigger is off for
  // this one statement), and the default goes: from now on the source is given or derived.
  await sql`
    create function plazo_journal_source(description text, loan_id uuid) returns text language sql immutable as $$
      select case when description like 'day close%' then 'day-close' when loan_id is not null then 'loan' else 'other' end
    $$;
    alter table journal_entries add column source text not null default 'loan', add column economic_date date;
    alter table journal_entries disable trigger journal_entries_append_only;
    update journal_entries set source = plazo_journal_source(description, loan_id) where loan_id is null or description like 'day close%';
    alter table journal_entries enable trigger journal_entries_append_only;
    alter table journal_entries alter column source drop default;
    alter table journal_entries add constraint journal_entries_source_check check (source in ('loan', 'day-close', 'manual', 'other'));
    alter table journal_entries add constraint journal_entries_economic_date_check check (economic_date is null or economic_date < entry_date);

    create function plazo_default_journal_source() returns trigger language plpgsql as $$
    begin
      if new.source is null then new.source := plazo_journal_source(new.description, new.loan_id); end if;
      return new;
    end $$;
    create trigger journal_entries_source before insert on journal_entries
      for each row execute function plazo_default_journal_source();
  `.execute(db);

  await sql`
    create table manual_entries (
      id uuid primary key,
      entry_date date not null,
      description text not null,
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      lines jsonb not null,
      status text not null check (status in ('pending', 'approved', 'rejected')),
      maker actor_ref not null,
      checker actor_ref,
      decided_at timestamptz,
      reason text,
      journal_entry_id uuid references journal_entries (id),
      idempotency_key text,
      request_hash text,
      created_at timestamptz not null,
      created_by actor_ref not null,
      check ((status = 'pending') = (decided_at is null and checker is null)),
      check ((status = 'approved') = (journal_entry_id is not null)),
      check (status <> 'rejected' or reason is not null),
      check (checker is null or checker <> maker)
    );
    create unique index manual_entries_idempotency_key on manual_entries (idempotency_key) where idempotency_key is not null;
    create unique index manual_entries_journal_entry on manual_entries (journal_entry_id) where journal_entry_id is not null;
    create index manual_entries_by_status on manual_entries (status, created_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table manual_entries;
    drop trigger journal_entries_source on journal_entries;
    drop function plazo_default_journal_source();
    alter table journal_entries drop column source, drop column economic_date;
    drop function plazo_journal_source(text, uuid);
    drop trigger journal_lines_open_period on journal_lines;
    drop trigger journal_entries_open_period on journal_entries;
    drop function plazo_refuse_closed_period_lines(), plazo_refuse_closed_period_entries(), plazo_first_open_day();
    drop table accounting_periods;
  `.execute(db);
}
