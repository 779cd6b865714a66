// Approval requests (issue 19): a maker asks for the draft at one revision to be published; an
// approver approves it (which publishes that revision) or rejects it with a comment; the maker may
// withdraw it. A request made from a draft that moved on, or was discarded, is superseded. At most
// one request per product is pending at a time.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table approval_requests (
      id uuid primary key,
      product_id uuid not null references products (id),
      draft_revision integer not null check (draft_revision >= 1),
      source_hash text not null,
      maker actor_ref not null,
      note text not null,
      status text not null check (status in ('pending', 'approved', 'rejected', 'withdrawn', 'superseded')),
      decided_by actor_ref,
      decided_at timestamptz,
      comment text,
      version integer,
      created_at timestamptz not null,
      created_by actor_ref not null,
      check ((status = 'pending') = (decided_at is null)),
      check ((status = 'approved') = (version is not null))
    );
    create unique index approval_requests_one_pending on approval_requests (product_id) where status = 'pending';
    create index approval_requests_by_status on approval_requests (status, created_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table approval_requests`.execute(db);
}
