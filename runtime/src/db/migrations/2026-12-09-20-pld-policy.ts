// The PLD policy (issue 14): the institution's risk-grade matrix and unusual-operation rules,
// written in the Plazo language (`policy` documents). Each saved text is a version (its text, the
// compiled IR, its content hash, who saved it, when); one version is active. Clients gain the
// channel they came through (a fact of the matrix) and their risk grade: the grade, its points and
// reasons, when it was computed and under which policy (the hash: clients graded under an older
// policy are re-graded in chunks after a change, see compliance/risk-grades.ts).
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table pld_policy_versions (
      id uuid primary key,
      version integer not null unique check (version > 0),
      text text not null,
      ir jsonb not null,
      hash text not null check (hash ~ '^[0-9a-f]{64}$'),
      active boolean not null default false,
      created_at timestamptz not null,
      created_by text not null
    );
    create unique index pld_policy_versions_one_active on pld_policy_versions (active) where active;

    alter table clients add column channel text check (channel ~ '^[a-z][a-z0-9_-]{0,39}$');
    alter table clients add column risk_grade text check (risk_grade in ('low', 'medium', 'high'));
    alter table clients add column risk_points numeric;
    alter table clients add column risk_grade_reasons jsonb;
    alter table clients add column risk_graded_at timestamptz;
    alter table clients add column risk_policy_hash text;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table clients drop column risk_policy_hash;
    alter table clients drop column risk_graded_at;
    alter table clients drop column risk_grade_reasons;
    alter table clients drop column risk_points;
    alter table clients drop column risk_grade;
    alter table clients drop column channel;
    drop table pld_policy_versions;
  `.execute(db);
}
