// API keys may belong to a studio user (issue 19): `user_id` names the owner, whose role the key
// carries; a disabled owner's keys stop working. Keys without an owner (the first admin key,
// keys for programs) keep working as before.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table api_keys add column user_id uuid references users (id)`.execute(db);
  await sql`create index api_keys_user_id on api_keys (user_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index api_keys_user_id`.execute(db);
  await sql`alter table api_keys drop column user_id`.execute(db);
}
