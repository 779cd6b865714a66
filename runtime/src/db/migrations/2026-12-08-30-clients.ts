// Clients (issue 14): the people and companies Plazo lends to — the KYC record of a person
// (names, birth date and state, sex, nationality, CURP, RFC, occupation, address, phones, email,
// own account / beneficial owner, PEP) or of a company (legal name, RFC of 12, legal
// representative). `name_search` holds the names without accents in upper case (engine
// normalizeName), and `client_name_words` each of its words, so that name search is accent- and
// case-insensitive and indexed on PostgreSQL and PGlite alike (no extension needed: every query
// word must start a word of the names, a range scan of `word`); phones are rows of their own,
// searched by their 10 digits. Decisions and loans may name
// their client; existing loans keep `client_id` null and stay valid. A creation sent with an
// Idempotency-Key keeps the key and the request's hash, so that a resend finds the first client.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table clients (
      id uuid primary key,
      kind text not null check (kind in ('person', 'company')),
      given_names text,
      paternal_surname text,
      maternal_surname text,
      legal_name text,
      name_search text not null,
      birth_date date,
      birth_state text check (birth_state ~ '^[A-Z]{2}$'),
      sex text check (sex in ('H', 'M', 'X')),
      nationality text check (nationality ~ '^[A-Z]{2}$'),
      curp text check (curp ~ '^[A-Z0-9Ñ]{18}$'),
      rfc text check (length(rfc) in (12, 13)),
      occupation text,
      email text,
      address jsonb,
      own_account boolean not null default true,
      beneficial_owner jsonb,
      pep boolean not null default false,
      legal_representative jsonb,
      idempotency_key text check (length(idempotency_key) <= 200),
      request_hash text,
      created_at timestamptz not null,
      created_by text not null,
      updated_at timestamptz not null,
      updated_by text not null,
      check ((kind = 'person' and given_names is not null and paternal_surname is not null) or (kind = 'company' and legal_name is not null)),
      check (own_account or beneficial_owner is not null)
    );
    create unique index clients_curp on clients (curp) where curp is not null;
    create unique index clients_idempotency_key on clients (idempotency_key) where idempotency_key is not null;
    create index clients_rfc on clients (rfc) where rfc is not null;

    create table client_name_words (
      word text not null check (word ~ '^[A-Z0-9]+$'),
      client_id uuid not null references clients (id),
      primary key (word, client_id)
    );
    create index client_name_words_prefix on client_name_words (word text_pattern_ops, client_id);
    create index client_name_words_client_id on client_name_words (client_id);

    create table client_phones (
      client_id uuid not null references clients (id),
      phone text not null check (phone ~ '^[0-9]{10}$'),
      position integer not null,
      primary key (client_id, position)
    );
    create index client_phones_phone on client_phones (phone);

    alter table decisions add column client_id uuid references clients (id);
    create index decisions_client_id on decisions (client_id) where client_id is not null;
    alter table loans add column client_id uuid references clients (id);
    create index loans_client_id on loans (client_id) where client_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index loans_client_id;
    alter table loans drop column client_id;
    drop index decisions_client_id;
    alter table decisions drop column client_id;
    drop table client_phones;
    drop table client_name_words;
    drop table clients;
  `.execute(db);
}
