// The agent of a collection assignment or contact is a user of the institution (issue 13): a
// reference `agent_id` beside the old free-text `agent`. Existing rows whose text names a user —
// by id, by email (any case), or by a name no other user has — become that user (`agent` then
// holds the user id, as new rows do); the others keep their text as a legacy label, `agent_id` null.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['collection_assignments', 'collection_contacts']) {
    await sql`alter table ${sql.table(table)} add column agent_id uuid references users (id)`.execute(db);
    await sql`
      update ${sql.table(table)} t set agent_id = u.id, agent = u.id::text
      from users u
      where t.agent = u.id::text or lower(t.agent) = u.email
         or (t.agent = u.name and (select count(*) from users v where v.name = u.name) = 1)`.execute(db);
  }
  await sql`create index collection_assignments_agent_id on collection_assignments (agent_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index collection_assignments_agent_id`.execute(db);
  for (const table of ['collection_assignments', 'collection_contacts']) await sql`alter table ${sql.table(table)} drop column agent_id`.execute(db);
}
