// End of day, collections, notifications and portfolio reports (issue 7): the per-loan servicing
// summary (report columns + the engine checkpoint), the EOD run and chunk records shared by
// workers, the accrual accounts for penalties, the notification outbox and template registry,
// and collection assignments and contacts.
// Frozen in time: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into ledger_accounts (code, name, type, normal_balance, created_at, created_by) values
      ('2105', 'IVA trasladado no cobrado: penalizaciones devengadas', 'liability', 'credit', now(), 'system')
    on conflict (code) do nothing
  `.execute(db);

  await sql`
    create table loan_servicing (
      loan_id uuid primary key references loans (id),
      product_code text,
      product_version_id uuid not null references product_versions (id),
      as_of date not null,
      event_seq integer not null,
      status text not null,
      days_past_due integer not null,
      aging_bucket text not null,
      stage text,
      collection_queue text,
      accrual_stopped boolean not null,
      principal money_amount not null,
      disbursed_on date not null,
      origination_month date not null,
      principal_outstanding money_amount not null,
      interest_outstanding money_amount not null,
      fees_outstanding money_amount not null,
      penalties_outstanding money_amount not null,
      iva_outstanding money_amount not null,
      total_outstanding money_amount not null,
      overdue_total money_amount not null,
      received_total money_amount not null,
      payoff_total money_amount not null,
      credit_balance money_amount not null,
      next_due_date date,
      next_due_amount money_amount,
      max_days_past_due integer not null default 0,
      accrued jsonb not null,
      checkpoint text not null,
      updated_at timestamptz not null,
      created_at timestamptz not null,
      created_by actor_ref not null
    ) with (fillfactor = 80);
    create index loan_servicing_status_product_stage on loan_servicing (status, product_code, stage) include (principal_outstanding, total_outstanding, days_past_due);
    create index loan_servicing_status_dpd on loan_servicing (status, days_past_due) include (principal_outstanding, aging_bucket);
    create index loan_servicing_origination on loan_servicing (origination_month, product_code) include (principal, max_days_past_due, days_past_due, status);
    create index loan_servicing_queue on loan_servicing (collection_queue, days_past_due) where collection_queue is not null and status = 'active';
    create index loan_servicing_next_due on loan_servicing (next_due_date) include (next_due_amount) where status = 'active';

    create table eod_runs (
      business_date date primary key,
      status text not null check (status in ('running', 'done')),
      chunk_size integer not null,
      chunks_total integer not null,
      chunks_done integer not null default 0,
      loans_total integer not null,
      loans_done integer not null default 0,
      loans_failed integer not null default 0,
      events_written integer not null default 0,
      entries_written integer not null default 0,
      notifications_queued integer not null default 0,
      errors jsonb not null default '[]',
      started_at timestamptz not null,
      finished_at timestamptz,
      created_at timestamptz not null,
      created_by actor_ref not null
    );

    create table eod_chunks (
      business_date date not null references eod_runs (business_date),
      chunk_no integer not null,
      first_loan_id uuid not null,
      next_loan_id uuid,
      loans_planned integer not null,
      status text not null check (status in ('pending', 'done')),
      worker text,
      loans_done integer not null default 0,
      loans_failed integer not null default 0,
      errors jsonb not null default '[]',
      started_at timestamptz,
      finished_at timestamptz,
      primary key (business_date, chunk_no)
    );
    create index eod_chunks_pending on eod_chunks (business_date, chunk_no) where status = 'pending';

    create table notification_templates (
      name text primary key,
      channel text not null check (channel in ('sms', 'whatsapp', 'email', 'any')),
      subject text,
      body text not null,
      created_at timestamptz not null,
      created_by actor_ref not null
    );

    create table notification_outbox (
      id uuid primary key,
      dedupe_key text not null unique,
      loan_id uuid references loans (id),
      business_date date not null,
      kind text not null,
      channel text not null,
      template text not null,
      subject text,
      body text not null,
      payload jsonb not null,
      status text not null check (status in ('pending', 'sent', 'dead')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz not null,
      created_by actor_ref not null
    );
    create index notification_outbox_due on notification_outbox (next_attempt_at) where status = 'pending';
    create index notification_outbox_loan on notification_outbox (loan_id, created_at);

    create table collection_assignments (
      loan_id uuid primary key references loans (id),
      agent text not null,
      assigned_at timestamptz not null,
      created_at timestamptz not null,
      created_by actor_ref not null
    );
    create index collection_assignments_agent on collection_assignments (agent);

    create table collection_contacts (
      id uuid primary key,
      loan_id uuid not null references loans (id),
      agent text not null,
      channel text not null check (channel in ('phone', 'sms', 'whatsapp', 'email', 'visit', 'other')),
      result text not null check (result in ('no-answer', 'wrong-number', 'contacted', 'promise-to-pay', 'refused', 'paid', 'other')),
      notes text,
      promise_amount money_amount check (promise_amount > 0),
      promise_date date,
      contacted_at timestamptz not null,
      created_at timestamptz not null,
      created_by actor_ref not null,
      check ((result = 'promise-to-pay') = (promise_amount is not null and promise_date is not null))
    );
    create index collection_contacts_loan on collection_contacts (loan_id, contacted_at desc);
    create index collection_contacts_promise on collection_contacts (promise_date) where result = 'promise-to-pay';
  `.execute(db);

  // The template registry: the example products' template names, in Spanish. Placeholders are
  // {{name}}: cliente, monto, fecha, dias_atraso, etapa, credito, producto.
  const templates: [string, string, string | null, string][] = [
    ['adelanto_descuento_proximo', 'whatsapp', null, 'Hola {{cliente}}: el {{fecha}} se descontarán {{monto}} de tu nómina para tu adelanto {{credito}}.'],
    ['adelanto_descuento_manana', 'sms', null, 'Plazo: mañana {{fecha}} se descuentan {{monto}} de tu nómina (adelanto {{credito}}).'],
    ['adelanto_descuento_aplicado', 'email', 'Descuento de tu adelanto', 'Hola {{cliente}}: hoy {{fecha}} vence tu adelanto {{credito}} por {{monto}}.'],
    ['adelanto_no_descontado', 'whatsapp', null, 'Hola {{cliente}}: no pudimos descontar tu adelanto {{credito}}. Saldo vencido {{monto}}, {{dias_atraso}} días de atraso.'],
    ['adelanto_atraso', 'sms', null, 'Plazo: tu adelanto {{credito}} tiene {{dias_atraso}} días de atraso. Paga {{monto}} para evitar más cargos.'],
    ['pyme_estado_de_cuenta', 'email', 'Tu estado de cuenta', 'Hola {{cliente}}: tu próximo pago de {{monto}} vence el {{fecha}} (crédito {{credito}}).'],
    ['pyme_pago_manana', 'whatsapp', null, 'Hola {{cliente}}: mañana {{fecha}} vence tu pago de {{monto}} (crédito {{credito}}).'],
    ['pyme_vence_hoy', 'sms', null, 'Plazo: hoy {{fecha}} vence tu pago de {{monto}} (crédito {{credito}}).'],
    ['pyme_atraso', 'email', 'Pago vencido', 'Hola {{cliente}}: tu crédito {{credito}} tiene {{dias_atraso}} días de atraso; saldo vencido {{monto}}.'],
    ['tienda_recordatorio', 'whatsapp', null, 'Hola {{cliente}}: tu pago de {{monto}} vence el {{fecha}} (crédito {{credito}}).'],
    ['tienda_pago_manana', 'sms', null, 'Plazo: mañana {{fecha}} vence tu pago de {{monto}}.'],
    ['tienda_vence_hoy', 'sms', null, 'Plazo: hoy {{fecha}} vence tu pago de {{monto}}.'],
    ['tienda_atraso', 'whatsapp', null, 'Hola {{cliente}}: tu pago está vencido ({{dias_atraso}} días). Saldo vencido {{monto}}.'],
    ['payment_reminder', 'email', 'Recordatorio de pago', 'Hola {{cliente}}: tu pago de {{monto}} vence el {{fecha}}.'],
    ['payment_due_today', 'sms', null, 'Plazo: hoy {{fecha}} vence tu pago de {{monto}}.'],
    ['payment_overdue', 'email', 'Pago vencido', 'Hola {{cliente}}: tu pago está vencido ({{dias_atraso}} días); saldo vencido {{monto}}.'],
    ['recordatorio_3_dias', 'any', null, 'Hola {{cliente}}: en 3 días, el {{fecha}}, vence tu pago de {{monto}} (crédito {{credito}}).'],
    ['vence_hoy', 'any', null, 'Hola {{cliente}}: hoy {{fecha}} vence tu pago de {{monto}} (crédito {{credito}}).'],
    ['pago_vencido', 'any', null, 'Hola {{cliente}}: tu pago del crédito {{credito}} está vencido; saldo vencido {{monto}}.'],
    ['cambio_etapa', 'any', null, 'Tu crédito {{credito}} pasó a la etapa de cobranza {{etapa}} con {{dias_atraso}} días de atraso.'],
  ];
  for (const [name, channel, subject, body] of templates) {
    await sql`insert into notification_templates (name, channel, subject, body, created_at, created_by) values (${name}, ${channel}, ${subject}, ${body}, now(), 'system')`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table collection_contacts, collection_assignments, notification_outbox, notification_templates, eod_chunks, eod_runs, loan_servicing;
    delete from ledger_accounts where code = '2105';
  `.execute(db);
}
