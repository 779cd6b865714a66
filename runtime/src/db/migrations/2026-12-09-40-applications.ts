// Applications (issue 14, origination): a referred decision becomes an application in a review
// queue. A reviewer approves it (the engine decides again, on the changed request if any, and the
// approved decision opens the loan), declines it with a reason, or asks for documents. Each step
// is a row of `application_events` (and an audit entry). `authority_limits` says, per role, the
// largest amount (MXN) a reviewer of that role may approve: no row — no authority; a null
// `max_amount` — no limit. Defaults: approver 100,000; admin unlimited; every other role none.
// Existing referred decisions are backfilled as pending applications.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table applications (
      id uuid primary key,
      decision_id uuid not null unique references decisions (id),
      client_id uuid references clients (id),
      product_code text not null,
      product_version integer not null,
      requested_amount numeric not null check (requested_amount >= 0),
      requested_payments integer not null check (requested_payments >= 1),
      offered_amount numeric check (offered_amount >= 0),
      status text not null check (status in ('pending', 'documents-requested', 'approved', 'declined', 'withdrawn')),
      requested_by actor_ref not null,
      reviewer actor_ref,
      reviewed_at timestamptz,
      note text,
      reason_code text,
      documents jsonb,
      approved_decision_id uuid unique references decisions (id),
      approved_amount numeric,
      approved_payments integer,
      loan_id uuid unique references loans (id),
      created_at timestamptz not null,
      created_by actor_ref not null,
      updated_at timestamptz not null,
      check ((status = 'approved') = (approved_decision_id is not null and loan_id is not null)),
      check (status <> 'declined' or reason_code is not null)
    );
    create index applications_queue on applications (status, id);
    create index applications_product on applications (product_code, status, id);
    create index applications_client on applications (client_id, id) where client_id is not null;

    create table application_events (
      id uuid primary key,
      application_id uuid not null references applications (id),
      kind text not null check (kind in ('created', 'documents-requested', 'resumed', 'approved', 'declined', 'withdrawn')),
      note text,
      details jsonb not null default '{}',
      created_at timestamptz not null,
      created_by actor_ref not null
    );
    create index application_events_by_application on application_events (application_id, created_at, id);

    create table authority_limits (
      role text primary key,
      max_amount numeric check (max_amount >= 0),
      updated_at timestamptz not null,
      updated_by actor_ref not null
    );
    insert into authority_limits (role, max_amount, updated_at, updated_by) values
      ('approver', 100000, now(), 'system'),
      ('admin', null, now(), 'system');

    insert into applications (id, decision_id, client_id, product_code, product_version, requested_amount, requested_payments, offered_amount,
      status, requested_by, created_at, created_by, updated_at)
    select gen_random_uuid(), d.id, d.client_id, p.code, pv.version, (d.decision -> 'request' ->> 'amount')::numeric, (d.decision -> 'request' ->> 'payments')::integer,
      (d.decision -> 'offer' ->> 'amount')::numeric, 'pending', d.created_by, d.created_at, d.created_by, d.created_at
    from decisions d join product_versions pv on pv.id = d.product_version_id join products p on p.id = pv.product_id
    where d.outcome = 'refer';
    insert into application_events (id, application_id, kind, details, created_at, created_by)
    select gen_random_uuid(), id, 'created', '{"backfilled": true}', created_at, 'system' from applications;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table authority_limits;
    drop table application_events;
    drop table applications;
  `.execute(db);
}
