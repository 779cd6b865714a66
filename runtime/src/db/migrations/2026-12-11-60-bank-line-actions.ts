// The exceptions queue's actions on a statement line (issue 16, H6): each apply, split, refund,
// not-ours and returned-payment processing is one row, keyed by the operator's Idempotency-Key
// (its first response is replayed), and every journal entry written for a line is linked to it
// (`bank_line_entries`) so the daily reconciliation knows which postings the bank has seen.
// Frozen in time: never edit a migration that has shipped.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table bank_line_actions (
      id uuid primary key,
      line_id uuid not null references bank_statement_lines (id),
      action text not null check (action in ('apply', 'split', 'refund', 'not-ours', 'return')),
      idempotency_key text check (length(idempotency_key) between 1 and 200),
      request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
      response jsonb not null,
      created_at timestamptz not null,
      created_by actor_ref not null
    );
    create unique index bank_line_actions_key on bank_line_actions (line_id, idempotency_key) where idempotency_key is not null;
    create index bank_line_actions_line on bank_line_actions (line_id, created_at);

    -- hold: Dr bank / Cr 2210; release: Dr 2210 / Cr bank beside a payment; refund: Dr 2210 / Cr bank;
    -- not-ours: Dr 2210 / Cr 2900; payment and reversal: a loan event's entry made from the line.
    create table bank_line_entries (
      line_id uuid not null references bank_statement_lines (id),
      entry_id uuid not null references journal_entries (id),
      kind text not null check (kind in ('hold', 'release', 'refund', 'not-ours', 'payment', 'reversal')),
      primary key (line_id, entry_id)
    );
    create index bank_line_entries_entry on bank_line_entries (entry_id);

    create index bank_statement_lines_return_of on bank_statement_lines (bank_account_id, return_of) where return_of is not null
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index bank_statement_lines_return_of`.execute(db);
  await sql`drop table bank_line_entries`.execute(db);
  await sql`drop table bank_line_actions`.execute(db);
}
