// The end of day's per-loan state splits by how often it changes (issue 7, EOD throughput):
// - `loan_checkpoints`: what the next close needs — the engine's compact checkpoint, the event it
//   is folded through, the penalty accrual position, cash received, the report figures as one
//   text (`summary`, runtime/src/eod/summary-row.ts: compared, not parsed) — and the figures that
//   move every night (the date closed, the payoff). Written for every loan every night; no index
//   but its key and half of each page free, so the update stays on its page (HOT). A quiet day
//   (the checkpoint changed only its date) leaves the checkpoint text alone: its `asOf` then
//   trails `as_of`.
// - `loans` keeps half of each page free too: every night rewrites each active loan's row.
// - `loan_summaries`: the report columns (status, DPD, stage, queue, outstanding, next due...),
//   rewritten only for the loans whose figures changed. Its indexes are the ones queries need.
// - the view `loan_servicing`: the two joined, with the columns the table of that name had (as_of
//   is the date closed), for the readers of migration 04's table (collections, reports).
// The data of `loan_servicing` moves into the two tables.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table loan_checkpoints (
      loan_id uuid primary key references loans (id),
      closed_on date not null,
      as_of date not null,
      event_seq integer not null,
      payoff_total numeric not null,
      received_total numeric not null,
      accrued text not null,
      summary text not null,
      checkpoint text not null
    ) with (fillfactor = 50);

    create table loan_summaries (
      loan_id uuid primary key references loans (id),
      product_code text,
      product_version_id uuid not null references product_versions (id),
      status text not null,
      days_past_due integer not null,
      aging_bucket text not null,
      stage text,
      collection_queue text,
      accrual_stopped boolean not null,
      principal money_amount not null,
      disbursed_on date not null,
      origination_month date not null,
      principal_outstanding money_amount not null,
      interest_outstanding money_amount not null,
      fees_outstanding money_amount not null,
      penalties_outstanding money_amount not null,
      iva_outstanding money_amount not null,
      total_outstanding money_amount not null,
      overdue_total money_amount not null,
      credit_balance money_amount not null,
      next_due_date date,
      next_due_amount money_amount,
      max_days_past_due integer not null,
      changed_on date not null,
      updated_at timestamptz not null
    ) with (fillfactor = 85);
    create index loan_summaries_queue on loan_summaries (collection_queue, days_past_due desc, loan_id) where collection_queue is not null and status = 'active';

    insert into loan_checkpoints (loan_id, closed_on, as_of, event_seq, payoff_total, received_total, accrued, summary, checkpoint)
    select loan_id, as_of, case when checkpoint = '' then as_of else (checkpoint::json->>'asOf')::date end, event_seq,
           payoff_total, received_total, accrued::text,
           concat_ws('|', status, days_past_due, aging_bucket, coalesce(stage, '~'), coalesce(collection_queue, '~'), accrual_stopped::text,
                     principal_outstanding, interest_outstanding, fees_outstanding, penalties_outstanding, iva_outstanding, total_outstanding,
                     overdue_total, credit_balance, coalesce(next_due_date::text, '~'), coalesce(next_due_amount::text, '~'), max_days_past_due),
           checkpoint
    from loan_servicing;

    insert into loan_summaries (
      loan_id, product_code, product_version_id, status, days_past_due, aging_bucket, stage, collection_queue, accrual_stopped,
      principal, disbursed_on, origination_month, principal_outstanding, interest_outstanding, fees_outstanding, penalties_outstanding,
      iva_outstanding, total_outstanding, overdue_total, credit_balance, next_due_date, next_due_amount, max_days_past_due, changed_on, updated_at)
    select loan_id, product_code, product_version_id, status, days_past_due, aging_bucket, stage, collection_queue, accrual_stopped,
      principal, disbursed_on, origination_month, principal_outstanding, interest_outstanding, fees_outstanding, penalties_outstanding,
      iva_outstanding, total_outstanding, overdue_total, credit_balance, next_due_date, next_due_amount, max_days_past_due, as_of, updated_at
    from loan_servicing;

    drop table loan_servicing;

    -- Every night rewrites every active loan's row (its last event seq and date), all the rows of a
    -- page in one chunk's transaction: half of each page kept free lets those updates stay on their
    -- page (HOT: no index entries). Applies to pages written from now on.
    alter table loans set (fillfactor = 50);

    create view loan_servicing as
      select s.loan_id, s.product_code, s.product_version_id, c.closed_on as as_of, c.event_seq, s.status, s.days_past_due, s.aging_bucket,
             s.stage, s.collection_queue, s.accrual_stopped, s.principal, s.disbursed_on, s.origination_month, s.principal_outstanding,
             s.interest_outstanding, s.fees_outstanding, s.penalties_outstanding, s.iva_outstanding, s.total_outstanding, s.overdue_total,
             c.received_total, c.payoff_total, s.credit_balance, s.next_due_date, s.next_due_amount, s.max_days_past_due, s.updated_at
      from loan_summaries s left join loan_checkpoints c on c.loan_id = s.loan_id;
  `.execute(db);
  // Checkpoints over ~2 KB are TOAST-compressed: lz4 where the server has it (cheaper than pglz).
  const { rows } = await sql<{ lz4: boolean }>`
    select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'
  `.execute(db);
  if (rows[0]?.lz4) await sql`alter table loan_checkpoints alter column checkpoint set compression lz4`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table loans reset (fillfactor);
    drop view loan_servicing;
    create table loan_servicing (
      loan_id uuid primary key references loans (id),
      product_code text,
      product_version_id uuid not null references product_versions (id),
      as_of date not null,
      event_seq integer not null,
      status text not null,
      days_past_due integer not null,
      aging_bucket text not null,
      stage text,
      collection_queue text,
      accrual_stopped boolean not null,
      principal money_amount not null,
      disbursed_on date not null,
      origination_month date not null,
      principal_outstanding money_amount not null,
      interest_outstanding money_amount not null,
      fees_outstanding money_amount not null,
      penalties_outstanding money_amount not null,
      iva_outstanding money_amount not null,
      total_outstanding money_amount not null,
      overdue_total money_amount not null,
      received_total money_amount not null,
      payoff_total money_amount not null,
      credit_balance money_amount not null,
      next_due_date date,
      next_due_amount money_amount,
      max_days_past_due integer not null default 0,
      accrued jsonb not null,
      checkpoint text not null,
      updated_at timestamptz not null,
      created_at timestamptz not null,
      created_by actor_ref not null
    ) with (fillfactor = 80);
    -- A checkpoint left alone on quiet days gets the date it is folded through back.
    insert into loan_servicing
    select s.loan_id, s.product_code, s.product_version_id, c.closed_on, c.event_seq, s.status, s.days_past_due, s.aging_bucket, s.stage,
           s.collection_queue, s.accrual_stopped, s.principal, s.disbursed_on, s.origination_month, s.principal_outstanding, s.interest_outstanding,
           s.fees_outstanding, s.penalties_outstanding, s.iva_outstanding, s.total_outstanding, s.overdue_total, c.received_total, c.payoff_total,
           s.credit_balance, s.next_due_date, s.next_due_amount, s.max_days_past_due, c.accrued::jsonb,
           case when c.checkpoint = '' or c.checkpoint::json->>'asOf' = c.as_of::text then c.checkpoint
                else (c.checkpoint::jsonb || jsonb_build_object('asOf', c.as_of::text, 'lastClose', c.as_of::text))::text end,
           s.updated_at, s.updated_at, 'system'
    from loan_summaries s join loan_checkpoints c on c.loan_id = s.loan_id;
    create index loan_servicing_status_product_stage on loan_servicing (status, product_code, stage) include (principal_outstanding, total_outstanding, days_past_due);
    create index loan_servicing_status_dpd on loan_servicing (status, days_past_due) include (principal_outstanding, aging_bucket);
    create index loan_servicing_origination on loan_servicing (origination_month, product_code) include (principal, max_days_past_due, days_past_due, status);
    create index loan_servicing_queue on loan_servicing (collection_queue, days_past_due) where collection_queue is not null and status = 'active';
    create index loan_servicing_next_due on loan_servicing (next_due_date) include (next_due_amount) where status = 'active';
    drop table loan_summaries, loan_checkpoints;
  `.execute(db);
}
