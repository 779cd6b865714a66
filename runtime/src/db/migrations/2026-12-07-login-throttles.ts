// Login throttling (issue 13, item 8): failed logins counted per account and per client address
// in the database, so that every service process of a cluster sees the same counts and a restart
// forgets nothing; and the address each session was opened from, which makes that address known
// to the account (its logins are not held back by the account's throttle).
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table login_throttles (
      key text primary key check (key ~ '^(account|address):' and length(key) <= 400),
      failures integer not null check (failures >= 0),
      first_failed_at timestamptz not null,
      last_failed_at timestamptz not null,
      blocked_until timestamptz
    );
    create index login_throttles_last_failed_at on login_throttles (last_failed_at);

    alter table sessions add column client_address text;
    create index sessions_user_id_client_address on sessions (user_id, client_address) where client_address is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index sessions_user_id_client_address;
    alter table sessions drop column client_address;
    drop table login_throttles;
  `.execute(db);
}
