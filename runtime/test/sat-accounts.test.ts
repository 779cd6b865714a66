// Every ledger account carries its código agrupador del SAT and its nature, after every
// migration: an account added later without them fails here (give it a code in its migration,
// and add the row to runtime/README.md "SAT electronic accounting").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * The codes of the SAT's código agrupador (Anexo 24) the chart uses, with the SAT's names: a
 * typo in a migration (a code that is not one of these) fails here. Taken from the published list;
 * grow it with the codes new accounts need.
 */
const CODIGO_AGRUPADOR: Readonly<Record<string, string>> = {
  '102.01': 'Bancos nacionales',
  '106.01': 'Cuentas y documentos por cobrar a corto plazo nacional',
  '106.05': 'Intereses por cobrar a corto plazo nacional',
  '106.09': 'Otras cuentas y documentos por cobrar a corto plazo',
  '108.01': 'Estimación de cuentas incobrables nacional',
  '202.01': 'Documentos por pagar bancario y financiero nacional',
  '203.05': 'Intereses cobrados por anticipado a corto plazo nacional',
  '203.18': 'Otros cobros anticipados',
  '205.06': 'Otros acreedores diversos a corto plazo',
  '206.01': 'Anticipo de cliente nacional',
  '208.01': 'IVA trasladado cobrado',
  '209.01': 'IVA trasladado no cobrado',
  '260.01': 'Pasivos diferidos',
  '301.01': 'Capital fijo',
  '304.01': 'Utilidad de ejercicios anteriores',
  '401.26': 'Ingresos por comisiones',
  '401.32': 'Ingresos por intereses (actividad propia)',
  '403.01': 'Otros Ingresos',
  '601.84': 'Otros gastos generales',
  '701.04': 'Intereses a cargo bancario nacional',
  '899.01': 'Otras cuentas de orden',
  '899.02': 'Contra cuenta otras cuentas de orden',
};

/** The group (first digit) of the código agrupador each account type belongs to. */
const GROUPS: Readonly<Record<string, readonly string[]>> = {
  asset: ['1'],
  liability: ['2'],
  equity: ['3'],
  income: ['4', '7'],
  expense: ['5', '6', '7'],
  memorandum: ['8'],
};

describe.each(DATABASE_KINDS)('SAT mapping of the chart on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('gives every ledger account a known código agrupador of its group and the nature of its normal balance', async () => {
    const accounts = await t.db.selectFrom('ledger_accounts').select(['code', 'name', 'type', 'normal_balance', 'sat_code', 'sat_nature']).orderBy('code').execute();
    expect(accounts.length).toBeGreaterThan(30);
    const unmapped = accounts.filter((a) => a.sat_code === null || a.sat_nature === null).map((a) => `${a.code} ${a.name}`);
    expect(unmapped, 'accounts without sat_code / sat_nature: give them one in their migration').toEqual([]);
    for (const a of accounts) {
      expect(CODIGO_AGRUPADOR[a.sat_code!], `${a.code}: ${a.sat_code} is not a code the README's table lists`).toBeDefined();
      expect(GROUPS[a.type], `${a.code}: type ${a.type}`).toContain(a.sat_code!.slice(0, 1));
      expect(a.sat_nature, `${a.code}: the SAT nature is the normal balance`).toBe(a.normal_balance === 'debit' ? 'D' : 'A');
    }
  });

  it('refuses a malformed code or nature, and an RFC that is not one', async () => {
    await expect(t.db.updateTable('ledger_accounts').set({ sat_code: '1020' }).where('code', '=', '1000').execute()).rejects.toThrow();
    await expect(t.db.updateTable('ledger_accounts').set({ sat_nature: 'X' as 'D' }).where('code', '=', '1000').execute()).rejects.toThrow();
    await expect(t.db.insertInto('accounting_settings').values({ rfc: 'NOT-AN-RFC', updated_at: '2025-01-06T16:00:00Z', updated_by: 'system' }).execute()).rejects.toThrow();
  });
});
