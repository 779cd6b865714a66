// Issue 7, the reports' missing history and the payment notifications:
// - vintage_points: one row per origination month, product and month on book, written at each
//   month end (delinquency of the vintage then), from which the vintage curves are read;
// - loan_open_installments: what each open installment of an active loan still owes by component,
//   rewritten with every loan event (a projection of the events: no created_at/created_by);
//   cash_flow_changes (insert-only, per due date: what each
//   rewrite changed) and cash_flow_days (the changes folded per due date), from which the expected
//   cash flow is summed without scanning every installment;
// - the Spanish templates of the notifications a payment sends.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table vintage_points (
      origination_month date not null,
      product_code text not null,
      months_on_book integer not null check (months_on_book >= 1),
      month_end date not null,
      loans integer not null,
      principal money_amount not null,
      ever_30_loans integer not null,
      ever_30_principal money_amount not null,
      ever_60_loans integer not null,
      ever_60_principal money_amount not null,
      ever_90_loans integer not null,
      ever_90_principal money_amount not null,
      dpd_30_loans integer not null,
      dpd_30_principal money_amount not null,
      created_at timestamptz not null,
      created_by actor_ref not null,
      primary key (origination_month, product_code, months_on_book)
    );

    create table loan_open_installments (
      loan_id uuid not null references loans (id),
      installment integer not null,
      due_date date not null,
      principal money_amount not null,
      interest money_amount not null,
      iva money_amount not null,
      fees money_amount not null
    );
    -- Not unique: an event's statement deletes a changed row and inserts its replacement at once.
    create index loan_open_installments_loan on loan_open_installments (loan_id, installment);

    create table cash_flow_changes (
      due_date date not null,
      installments integer not null,
      principal money_amount not null,
      interest money_amount not null,
      iva money_amount not null,
      fees money_amount not null
    );

    create table cash_flow_days (
      due_date date primary key,
      installments bigint not null,
      principal money_amount not null,
      interest money_amount not null,
      iva money_amount not null,
      fees money_amount not null
    );
  `.execute(db);

  const templates: [string, string, string | null, string][] = [
    ['pago_recibido', 'any', null, 'Hola {{cliente}}: recibimos tu pago de {{monto}} el {{fecha}} para tu crédito {{credito}}. Para liquidarlo ese día: {{saldo}}.'],
    ['pago_regularizado', 'any', null, 'Hola {{cliente}}: con tu pago del {{fecha}} tu crédito {{credito}} quedó al corriente. ¡Gracias!'],
  ];
  for (const [name, channel, subject, body] of templates) {
    await sql`insert into notification_templates (name, channel, subject, body, created_at, created_by) values (${name}, ${channel}, ${subject}, ${body}, now(), 'system') on conflict (name) do nothing`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table cash_flow_days, cash_flow_changes, loan_open_installments, vintage_points;
    delete from notification_templates where name in ('pago_recibido', 'pago_regularizado');
  `.execute(db);
}
