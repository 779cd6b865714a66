// Money in and out (issue 16): each loan carries the keys a payment finds it by — its payment
// reference (digits with a check digit, the institution's scheme) and, where the institution has a
// CLABE range from a SPEI participant, its own CLABE ("CLABE virtual"). Both unique, both
// searchable; null until assigned (loans opened before the scheme get theirs from the backfill).
// Frozen in time: never edit a migration that has shipped.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table loans add column payment_reference text check (payment_reference ~ '^[0-9A-Z]{4,40}$'),
      add column clabe text check (clabe ~ '^[0-9]{18}$');
    create unique index loans_payment_reference_key on loans (payment_reference) where payment_reference is not null;
    create unique index loans_clabe_key on loans (clabe) where clabe is not null
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index loans_clabe_key`.execute(db);
  await sql`drop index loans_payment_reference_key`.execute(db);
  await sql`alter table loans drop column clabe, drop column payment_reference`.execute(db);
}
