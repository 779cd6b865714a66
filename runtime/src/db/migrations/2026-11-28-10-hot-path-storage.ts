// Storage of the per-request write path (decisions, payments): the stored decision and its
// application become `json` (kept as sent; `jsonb` re-parsed and re-encoded every ~5 KB record on
// insert and nothing queries inside them), as does a loan event's recorded first response (read
// back only whole, for idempotent replays). Where the server supports it, these large values are
// TOAST-compressed with lz4 instead of pglz (several times cheaper to compress).
// `plazo_assert(condition, message)` lets one statement check what it relied on and fail whole
// (SQLSTATE PZ010) when it no longer holds: a loan event written without a transaction uses it.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

const LARGE_COLUMNS = [
  ['decisions', 'application'],
  ['decisions', 'decision'],
  ['loan_events', 'response'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table decisions
      alter column application type json using application::json,
      alter column decision type json using decision::json;
    alter table loan_events alter column response type json using response::json;

    create function plazo_assert(condition boolean, message text) returns boolean language plpgsql as $$
    begin
      if condition is not true then
        raise exception '%', message using errcode = 'PZ010';
      end if;
      return true;
    end $$;
  `.execute(db);
  const { rows } = await sql<{ lz4: boolean }>`
    select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'
  `.execute(db);
  if (rows[0]?.lz4) {
    for (const [table, column] of LARGE_COLUMNS) {
      await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set compression lz4`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table decisions
      alter column application type jsonb using application::jsonb,
      alter column decision type jsonb using decision::jsonb;
    alter table loan_events alter column response type jsonb using response::jsonb;
    drop function plazo_assert(boolean, text);
  `.execute(db);
}
