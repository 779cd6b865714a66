// Published example products for tests: the real compiler, published by the system.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { createProduct, publishDraft } from '../../src/products/product-catalog.ts';
import { compileProductSource } from '../../src/products/product-compiler.ts';
import { TEST_NOW } from './harness.ts';

export const NOMINA_SOURCE = readFileSync(new URL('../../../examples/nomina.plazo', import.meta.url), 'utf8');

/** An application `nomina` approves for 60,000 in 24 semimonthly payments. */
export const NOMINA_APPLICATION = {
  applicant: { birth_date: '1985-05-10' },
  payroll: { net_pay: '18000', existing_deductions: '0' },
  employment: { months: 48, contract: 'planta', employer_in_agreement: true },
  bureau: { score: 720, worst_dpd_12m: 0, monthly_payments: '3000' },
  request: { amount: '60000', payments: 24 },
};

/** Publishes `source` (its product code) as version 1, by the system (its warnings acknowledged). */
export async function publishProduct(db: Kysely<Database>, code: string, source: string): Promise<void> {
  await createProduct(db, { code, name: code, source }, { actor: 'system', at: TEST_NOW });
  const codes = (await compileProductSource(source)).diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
  await publishDraft(db, code, { acknowledgeWarnings: { codes, reason: 'test fixture' } }, { actor: 'system', at: TEST_NOW, selfApproved: true });
}
