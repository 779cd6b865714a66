// A password an admin sets (a new user's, or a reset, temporary or not) must be changed by its user
// at the next login: until then that session may only change it, log out and ask who it is.
// Users that exist already are not forced. Frozen in time: never edit a migration that has shipped.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users add column must_change_password boolean not null default false`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop column must_change_password`.execute(db);
}
