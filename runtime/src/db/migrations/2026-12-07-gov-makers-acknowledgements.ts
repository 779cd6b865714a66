// Maker-checker by person, and acknowledged warnings (issue 13, product governance):
// - `api_keys.owner`: the person a key acts for — the user who issued it, or the person of the
//   key that issued it; null for a key the system issued (it is a person of its own). Existing
//   keys get theirs from `created_by`.
// - `product_drafts.makers`: every person who changed the draft since its last version (a JSON
//   array of actor references), emptied when it is published. Existing drafts get the actors of
//   their audit entries after the last publication (and the last author), each as its person.
// - `product_versions.makers` (the makers of the draft when it was published) and
//   `product_versions.warnings_acknowledged` (`{ codes, reason, warnings }`): null on versions
//   published before this migration, which recorded only the last author; versions stay
//   immutable (adding a column updates no row).
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table api_keys add column owner actor_ref;
    alter table product_drafts add column makers jsonb not null default '[]' check (jsonb_typeof(makers) = 'array');
    alter table product_versions add column makers jsonb check (makers is null or jsonb_typeof(makers) = 'array');
    alter table product_versions add column warnings_acknowledged jsonb check (warnings_acknowledged is null or jsonb_typeof(warnings_acknowledged) = 'object');
  `.execute(db);

  // Owners: a key issued by a user acts for that user; one issued by a key, for that key's person.
  const keys = (await sql<{ id: string; created_by: string }>`select id, created_by from api_keys`.execute(db)).rows;
  const issuer = new Map(keys.map((k) => [k.id, k.created_by]));
  const personOfKey = new Map<string, string>();
  const resolve = (id: string, seen: Set<string> = new Set()): string => {
    const known = personOfKey.get(id);
    if (known) return known;
    const by = issuer.get(id) ?? 'system';
    const parent = by.startsWith('api-key:') ? by.slice('api-key:'.length) : null;
    const person = by.startsWith('user:') ? by : parent && issuer.has(parent) && !seen.has(parent) ? resolve(parent, seen.add(id)) : `api-key:${id}`;
    personOfKey.set(id, person);
    return person;
  };
  for (const key of keys) {
    const person = resolve(key.id);
    if (person !== `api-key:${key.id}`) await sql`update api_keys set owner = ${person} where id = ${key.id}`.execute(db);
  }
  const personOf = (actor: string) => (actor.startsWith('api-key:') ? (personOfKey.get(actor.slice('api-key:'.length)) ?? actor) : actor);

  // Each draft's makers: who saved it (or created the product) after its last publication.
  const drafts = (
    await sql<{ product_id: string; code: string; updated_by: string; published: string | null }>`
      select d.product_id, p.code, d.updated_by,
             (select max(a.seq) from audit_log a
               where a.entity_type = 'product-version' and a.action = 'publish'
                 and split_part(a.entity_id, '@', 1) = p.code) as published
        from product_drafts d join products p on p.id = d.product_id`.execute(db)
  ).rows;
  for (const draft of drafts) {
    const since = draft.published === null ? -1 : Number(draft.published);
    const actors = (
      await sql<{ created_by: string }>`
        select distinct created_by from audit_log
         where seq > ${since}
           and ((entity_type = 'product-draft' and entity_id = ${draft.code} and action = 'update')
             or (entity_type = 'product' and entity_id = ${draft.code} and action = 'create'))`.execute(db)
    ).rows.map((r) => r.created_by);
    if (draft.published === null || actors.length > 0) actors.push(draft.updated_by);
    const makers = [...new Set(actors.map(personOf))].sort();
    await sql`update product_drafts set makers = ${JSON.stringify(makers)}::jsonb where product_id = ${draft.product_id}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table product_versions drop column warnings_acknowledged;
    alter table product_versions drop column makers;
    alter table product_drafts drop column makers;
    alter table api_keys drop column owner;
  `.execute(db);
}
