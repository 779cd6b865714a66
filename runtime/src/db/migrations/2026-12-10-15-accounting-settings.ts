// The institution's accounting settings, one row (absent: the defaults): when IVA on interest is
// owed (on collection, or on accrual for financial-system lenders: LIVA art. 17, 18-A), the days
// past due that move a loan to cartera vencida when they differ from DOMAIN.md's 30 (single
// payment) and 90 (periodic payments), and the lender's RFC for the SAT electronic accounting.
// Frozen in time: never edit a migration that has shipped.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table accounting_settings (
      id boolean primary key default true check (id),
      iva_on text not null default 'collection' check (iva_on in ('collection', 'accrual')),
      vencida_days_single integer check (vencida_days_single between 1 and 3650),
      vencida_days_periodic integer check (vencida_days_periodic between 1 and 3650),
      rfc text check (rfc ~ '^[A-ZÑ&]{3,4}[0-9]{6}[A-Z0-9]{3}$'),
      updated_at timestamptz not null,
      updated_by actor_ref not null
    )
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table accounting_settings`.execute(db);
}
