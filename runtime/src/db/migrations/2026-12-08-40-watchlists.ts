// Watchlists and screening (issue 14, PLD): lists an institution uploads (the blocked-persons list,
// OFAC SDN, its own) in versions — each upload with a new content is a version whose entries
// replace the previous version's for screening; the entries of older versions stay, since hits
// name them —, and screening hits: a client (or its legal representative or beneficial owner)
// whose name scored at or above the list's threshold against an entry, open until a compliance
// officer clears or confirms it (or a new version of the list supersedes it). A new role,
// `compliance`, reviews them: the role domain gains it.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter domain role_name drop constraint role_name_check;
    alter domain role_name add constraint role_name_check
      check (value in ('admin', 'product-manager', 'risk-analyst', 'approver', 'operator', 'api-client', 'compliance'));

    create table watchlists (
      id uuid primary key,
      name text not null unique check (length(name) between 1 and 200),
      kind text not null check (kind in ('blocked-persons', 'ofac-sdn', 'own')),
      threshold numeric(5, 4) not null check (threshold > 0 and threshold <= 1),
      current_version integer not null check (current_version >= 1),
      created_at timestamptz not null,
      created_by text not null
    );

    create table watchlist_versions (
      id uuid primary key,
      watchlist_id uuid not null references watchlists (id),
      version integer not null check (version >= 1),
      content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
      kind text not null check (kind in ('blocked-persons', 'ofac-sdn', 'own')),
      threshold numeric(5, 4) not null check (threshold > 0 and threshold <= 1),
      entries integer not null check (entries >= 0),
      encoding text not null,
      uploaded_at timestamptz not null,
      uploaded_by text not null,
      unique (watchlist_id, version)
    );

    create table watchlist_entries (
      id uuid primary key,
      version_id uuid not null references watchlist_versions (id),
      line integer not null check (line >= 1),
      list_ref text,
      name text not null check (length(name) >= 1),
      birth_date text check (birth_date ~ '^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$')
    );
    create index watchlist_entries_version on watchlist_entries (version_id, line);

    create table screening_hits (
      id uuid primary key,
      client_id uuid not null references clients (id),
      subject text not null check (subject in ('client', 'legal-representative', 'beneficial-owner')),
      screened_name text not null,
      entry_id uuid not null references watchlist_entries (id),
      watchlist_id uuid not null references watchlists (id),
      version_id uuid not null references watchlist_versions (id),
      score numeric(5, 4) not null check (score > 0 and score <= 1),
      name_score numeric(5, 4) not null check (name_score >= 0 and name_score <= 1),
      birth_date text not null check (birth_date in ('same-date', 'same-year', 'differs', 'unknown')),
      found_by text not null check (found_by in ('client', 'decision', 'list')),
      found_at timestamptz not null,
      status text not null check (status in ('open', 'cleared', 'confirmed', 'superseded')),
      decided_at timestamptz,
      decided_by text,
      comment text,
      check ((status = 'open') = (decided_at is null)),
      unique (client_id, subject, entry_id)
    );
    create index screening_hits_status on screening_hits (status, id);
    create index screening_hits_client on screening_hits (client_id, status);
    create index screening_hits_version on screening_hits (version_id, status);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table screening_hits;
    drop table watchlist_entries;
    drop table watchlist_versions;
    drop table watchlists;
    alter domain role_name drop constraint role_name_check;
    alter domain role_name add constraint role_name_check
      check (value in ('admin', 'product-manager', 'risk-analyst', 'approver', 'operator', 'api-client'));
  `.execute(db);
}
