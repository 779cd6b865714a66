// SAT electronic accounting (Anexo 24 of the Resolución Miscelánea Fiscal, version 1.3): every
// ledger account gets its código agrupador del SAT (`sat_code`, e.g. `102.01` Bancos nacionales)
// and its nature (`sat_nature`: D deudora, A acreedora) for the catálogo de cuentas and the
// balanza de comprobación; `accounting_settings` holds the institution's RFC (one row).
// The chart is flat (every account is a mayor account, Nivel 1 in the catálogo), so no parent.
// The choices are the runtime README's table "SAT electronic accounting"; an accountant should
// confirm them before the first filing. An account added later must be given a code by its own
// migration (test/sat-accounts.test.ts fails while any account lacks one).
// Frozen in time: never edit a migration that has shipped.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table ledger_accounts
      add column sat_code text check (sat_code ~ '^[1-8][0-9]{2}(\.[0-9]{2})?$'),
      add column sat_nature text check (sat_nature in ('D', 'A'));

    update ledger_accounts a set sat_code = m.sat_code, sat_nature = m.sat_nature
    from (values
      ('1000', '102.01', 'D'),
      ('1100', '106.01', 'D'),
      ('1110', '106.05', 'D'),
      ('1120', '106.09', 'D'),
      ('1130', '106.09', 'D'),
      ('1140', '106.09', 'D'),
      ('1190', '108.01', 'A'),
      ('1300', '106.01', 'D'),
      ('1310', '106.05', 'D'),
      ('1330', '106.09', 'D'),
      ('2100', '208.01', 'A'),
      ('2101', '208.01', 'A'),
      ('2102', '208.01', 'A'),
      ('2103', '208.01', 'A'),
      ('2104', '208.01', 'A'),
      ('2105', '209.01', 'A'),
      ('2200', '206.01', 'A'),
      ('2300', '260.01', 'A'),
      ('2400', '203.18', 'A'),
      ('2410', '203.05', 'A'),
      ('2600', '202.01', 'A'),
      ('2900', '205.06', 'A'),
      ('3000', '301.01', 'A'),
      ('3100', '304.01', 'A'),
      ('4100', '401.32', 'A'),
      ('4150', '401.32', 'A'),
      ('4200', '401.26', 'A'),
      ('4300', '401.26', 'A'),
      ('4310', '401.32', 'A'),
      ('4400', '403.01', 'A'),
      ('5100', '601.84', 'D'),
      ('5200', '601.84', 'D'),
      ('5300', '601.84', 'D'),
      ('5400', '701.04', 'D'),
      ('7100', '899.01', 'D'),
      ('7900', '899.02', 'A')
    ) as m (code, sat_code, sat_nature)
    where a.code = m.code;

  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table ledger_accounts drop column sat_nature, drop column sat_code;
  `.execute(db);
}
