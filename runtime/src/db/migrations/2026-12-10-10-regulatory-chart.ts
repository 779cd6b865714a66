// The chart of accounts for accrual books under the CNBV criteria (DOMAIN.md "Regulatory
// accounting"): cartera vigente and vencida, interest receivable on each, the allowance and its
// expense, deferred opening fees and their amortisation, interest collected in advance, funding,
// operating expenses, and memorandum accounts (cuentas de orden) for the interest a vencida loan
// keeps accruing off the books. A new account type, `memorandum`, holds the cuentas de orden: they
// balance among themselves and stay out of the balance sheet and the income statement.
// It also adds the accountant role (contador). Frozen in time: never edit a migration that has shipped.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter domain role_name drop constraint role_name_check;
    alter domain role_name add constraint role_name_check
      check (value in ('admin', 'product-manager', 'risk-analyst', 'approver', 'operator', 'api-client', 'compliance', 'accountant'));
    alter table ledger_accounts drop constraint ledger_accounts_type_check;
    alter table ledger_accounts add constraint ledger_accounts_type_check
      check (type in ('asset', 'liability', 'equity', 'income', 'expense', 'memorandum'));
    update ledger_accounts set name = 'Cartera de crédito vigente: capital' where code = '1100';
    update ledger_accounts set name = 'Intereses devengados por cobrar: cartera vigente' where code = '1110';
    update ledger_accounts set name = 'IVA trasladado no cobrado (devengado)' where code = '2105';
    insert into ledger_accounts (code, name, type, normal_balance, created_at, created_by) values
      ('1300', 'Cartera de crédito vencida: capital', 'asset', 'debit', now(), 'system'),
      ('1310', 'Intereses devengados por cobrar: cartera vencida', 'asset', 'debit', now(), 'system'),
      ('1330', 'Penalizaciones y moratorios por cobrar: cartera vencida', 'asset', 'debit', now(), 'system'),
      ('2400', 'Créditos diferidos: comisiones por el otorgamiento del crédito', 'liability', 'credit', now(), 'system'),
      ('2410', 'Intereses cobrados por anticipado', 'liability', 'credit', now(), 'system'),
      ('2600', 'Préstamos bancarios y de otros organismos', 'liability', 'credit', now(), 'system'),
      ('2900', 'Acreedores diversos y otras cuentas por pagar', 'liability', 'credit', now(), 'system'),
      ('3100', 'Resultado de ejercicios anteriores', 'equity', 'credit', now(), 'system'),
      ('4150', 'Ingresos por intereses: comisiones por el otorgamiento devengadas', 'income', 'credit', now(), 'system'),
      ('5200', 'Estimación preventiva para riesgos crediticios (resultados)', 'expense', 'debit', now(), 'system'),
      ('5300', 'Gastos de administración y promoción', 'expense', 'debit', now(), 'system'),
      ('5400', 'Gastos por intereses (fondeo)', 'expense', 'debit', now(), 'system'),
      ('7100', 'Cuentas de orden: intereses devengados no cobrados de cartera vencida', 'memorandum', 'debit', now(), 'system'),
      ('7900', 'Cuentas de orden: contracuenta', 'memorandum', 'credit', now(), 'system')
    on conflict (code) do nothing
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    delete from ledger_accounts where code in ('1300', '1310', '1330', '2400', '2410', '2600', '2900', '3100', '4150', '5200', '5300', '5400', '7100', '7900');
    update ledger_accounts set name = 'Cartera de crédito: capital' where code = '1100';
    update ledger_accounts set name = 'Intereses devengados por cobrar' where code = '1110';
    update ledger_accounts set name = 'IVA trasladado no cobrado: penalizaciones devengadas' where code = '2105';
    alter table ledger_accounts drop constraint ledger_accounts_type_check;
    alter table ledger_accounts add constraint ledger_accounts_type_check check (type in ('asset', 'liability', 'equity', 'income', 'expense'));
    alter domain role_name drop constraint role_name_check;
    alter domain role_name add constraint role_name_check
      check (value in ('admin', 'product-manager', 'risk-analyst', 'approver', 'operator', 'api-client', 'compliance'));
  `.execute(db);
}
