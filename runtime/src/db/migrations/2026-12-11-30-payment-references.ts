// Payment references and per-loan CLABEs (issue 16, H2): the institution's reference scheme and
// CLABE range (`payment_reference_settings`, one row, absent = the defaults: ISO 7064 MOD 97-10,
// no prefix, a 10-digit body, no CLABE range); each loan's account number (`loans.account_number`,
// from the sequence `loan_account_numbers`, so concurrent openings never share one) from which its
// reference and its CLABE are built; and the backfill of a reference for every loan opened before:
// in batches of 5,000, each loan drawing its account number, its reference the default scheme's —
// the account number zero-padded to 10 digits and its two check digits 98 − (n·100 mod 97).
// Loans without a reference only: running it again changes nothing.
// Frozen in time: never edit a migration that has shipped.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table payment_reference_settings (
      id boolean primary key default true check (id),
      scheme text not null check (scheme in ('mod10', 'mod97')),
      prefix text not null default '' check (prefix ~ '^[0-9]{0,20}$'),
      body_length integer not null check (body_length between 1 and 38),
      clabe_bank text check (clabe_bank ~ '^[0-9]{3}$'),
      clabe_plaza text check (clabe_plaza ~ '^[0-9]{3}$'),
      clabe_fixed text check (clabe_fixed ~ '^[0-9]{0,10}$'),
      updated_at timestamptz not null,
      updated_by actor_ref not null,
      check ((clabe_bank is null) = (clabe_plaza is null) and (clabe_bank is null) = (clabe_fixed is null))
    );
    create sequence loan_account_numbers minvalue 1 start 1;
    alter table loans add column account_number bigint check (account_number > 0);
    create unique index loans_account_number_key on loans (account_number) where account_number is not null;
    create index loans_without_reference on loans (id) where payment_reference is null;
    create index loans_without_clabe on loans (id) where clabe is null;
    create index loans_books_stage on loans ((state -> 'books' ->> 'stage'))
  `.execute(db);
  for (;;) {
    const result = await sql`
      with batch as (
        select id, nextval('loan_account_numbers') as n
        from (select id from loans where payment_reference is null order by id limit 5000) pending
      )
      update loans set
        account_number = batch.n,
        payment_reference = lpad(batch.n::text, 10, '0') || lpad((98 - (batch.n::numeric * 100) % 97)::text, 2, '0')
      from batch where loans.id = batch.id
    `.execute(db);
    if (Number(result.numAffectedRows ?? 0n) === 0) break;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index loans_books_stage`.execute(db);
  await sql`drop index loans_without_clabe`.execute(db);
  await sql`drop index loans_without_reference`.execute(db);
  await sql`drop index loans_account_number_key`.execute(db);
  await sql`update loans set payment_reference = null, clabe = null`.execute(db);
  await sql`alter table loans drop column account_number`.execute(db);
  await sql`drop sequence loan_account_numbers`.execute(db);
  await sql`drop table payment_reference_settings`.execute(db);
}
