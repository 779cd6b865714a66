// Servicing and the ledger (issue 5): IVA by base and the other accounts payments post to, the
// first response of each loan event (idempotent replays), the product code on loans for
// filtering, and the indexes of the hot and listing queries.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into ledger_accounts (code, name, type, normal_balance, created_at, created_by) values
      ('2101', 'IVA trasladado por pagar: intereses', 'liability', 'credit', now(), 'system'),
      ('2102', 'IVA trasladado por pagar: comisiones', 'liability', 'credit', now(), 'system'),
      ('2103', 'IVA trasladado por pagar: comisiones por pago tardío', 'liability', 'credit', now(), 'system'),
      ('2104', 'IVA trasladado por pagar: intereses moratorios', 'liability', 'credit', now(), 'system'),
      ('2300', 'Intereses y accesorios capitalizados por reestructura', 'liability', 'credit', now(), 'system'),
      ('4310', 'Ingresos por intereses moratorios', 'income', 'credit', now(), 'system'),
      ('4400', 'Recuperación de cartera castigada', 'income', 'credit', now(), 'system')
  `.execute(db);

  await sql`
    alter table loan_events add column response jsonb;
    alter table loans add column product_code text;
    create index loans_product_code_id on loans (product_code, id);
    create index loans_status_id on loans (status, id);
    create index decisions_created_at on decisions (created_at);
    create index journal_entries_date_id on journal_entries (entry_date, id);
    create index journal_entries_loan_event on journal_entries (loan_id, loan_event_seq);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index journal_entries_loan_event, journal_entries_date_id, decisions_created_at, loans_status_id, loans_product_code_id;
    alter table loans drop column product_code;
    alter table loan_events drop column response;
    delete from ledger_accounts where code in ('2101', '2102', '2103', '2104', '2300', '4310', '4400');
  `.execute(db);
}
