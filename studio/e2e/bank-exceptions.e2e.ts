// Money to apply and the bank reconciliation against the real runtime, through the real import:
// the admin registers a bank account and a CSV layout and imports a statement with two deposits
// nobody can be matched to (they land in the exceptions queue, held in 2210) and a bank fee. In
// /tesoreria/por-aplicar the operator applies one deposit to a client's loan (an amount over
// the deposit is refused by field first), splits part of the other (the parts must add up to at
// most the deposit) and refunds the rest with a reason; in /tesoreria/conciliacion the day's
// reconciliation leaves nothing unexplained. Screenshots at 1280 and 390 px go to
// studio/docs/bank-exceptions-*.png.
import { join } from 'node:path';
import { addDays, curpCheckDigit } from '@plazo/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, login, resultsDir, serveBuiltStudio, type Studio } from './harness.ts';

const docsDir = join(resultsDir, '..', 'docs');
const NOMINA_APPLICATION = {
  applicant: { birth_date: '1985-05-10' },
  payroll: { net_pay: '18000', existing_deductions: '0' },
  employment: { months: 48, contract: 'planta', employer_in_agreement: true },
  bureau: { score: 720, worst_dpd_12m: 0, monthly_payments: '3000' },
  request: { amount: '60000', payments: 24 },
};

let studio: Studio;
let browser: Browser;
let loanId: string;
let loanReference: string;
let accountId: string;
const run = Date.now();
const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Mexico_City' });
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

async function api(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<any> {
  const r = await fetch(`${studio.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${studio.adminKey}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return JSON.parse(text);
}

function uniqueCurp(): string {
  const letters = Array.from({ length: 4 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(Math.random() * 26)]).join('');
  const first17 = `${letters}790311HDFRRR0`;
  return `${first17}${curpCheckDigit(first17)}`;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(docsDir, `bank-exceptions-${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  expect(await pageWidth(page), name).toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(docsDir, `bank-exceptions-${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('money to apply and the bank reconciliation in the studio', () => {
  beforeAll(async () => {
    studio = await serveBuiltStudio();
    accountId = (await api('POST', '/bank-accounts', { name: `Banorte por aplicar ${run}`, bankCode: '072' })).bankAccount.id;
    const layout = (
      await api('POST', '/bank-file-layouts', {
        name: `Banorte CSV ${run}`,
        format: 'csv',
        options: { dateFormat: 'DD/MM/YYYY', direction: { by: 'columns' }, columns: { date: 1, description: 2, reference: 3, trackingKey: 4, payerName: 5, beneficiaryClabe: 6, debit: 7, credit: 8 } },
      })
    ).layout;
    const client = await api('POST', '/clients', {
      kind: 'person', givenNames: 'Ramiro', paternalSurname: 'Ocampo', maternalSurname: 'Villaseñor', birthDate: '1979-03-11', sex: 'H', birthState: 'DF', nationality: 'MX',
      curp: uniqueCurp(), occupation: 'Chofer', email: 'ramiro@example.mx', phone: '5555550199',
      address: { street: 'Calle Brasil', exteriorNumber: '9', colonia: 'Centro', postalCode: '06000', municipality: 'Cuauhtémoc', state: 'Ciudad de México' },
    });
    const { decision } = await api('POST', '/decisions', { product: 'nomina', application: NOMINA_APPLICATION, clientId: client.client.id, asOf: addDays(today, -3) });
    const { loan } = await api('POST', '/loans', { decisionId: decision.id, externalRef: `PA-${run}` });
    loanId = loan.id;
    loanReference = loan.paymentReference;
    await api('POST', `/loans/${loanId}/disbursement`, {});
    const csv =
      'Fecha,Concepto,Referencia,Clave de rastreo,Ordenante,CLABE,Cargo,Abono\n' +
      `${ddmmyyyy(today)},DEPOSITO SIN REFERENCIA ${run},,PA${run}A,PERSONA DESCONOCIDA,,,777.00\n` +
      `${ddmmyyyy(today)},TRANSFERENCIA ${run},XX99,PA${run}B,OTRA PERSONA,,,1000.00\n` +
      `${ddmmyyyy(today)},COMISION ${run},,PA${run}C,,,12.50,\n`;
    const q = new URLSearchParams({ bankAccountId: accountId, layoutId: layout.id, format: 'csv', fileName: `banorte-${run}.csv` });
    const imported = await api('POST', `/bank-statements?${q}`, csv, 'text/csv');
    expect(imported.statement.lines).toMatchObject({ total: 3, exception: 2, other: 1 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('applies, splits and refunds deposits from the queue, confirmed, with errors by field', async () => {
    const page = await browser.newPage();
    await login(page, studio, 'admin');
    await page.goto(`${studio.url}/tesoreria/por-aplicar`);
    await page.getByTestId('bx-filters').waitFor();
    await page.getByTestId('bx-q').fill(String(run));
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="bx-line"]').length === 2);
    expect(await page.getByTestId('bx-totals').textContent()).toContain('2 depósitos por aplicar');
    await shoot(page, 'queue');

    // Apply the 777.00 to the loan named by its payment reference (one digit off first: no loan
    // has it); 900 is more than the deposit, refused before anything is sent.
    const first = page.getByTestId('bx-line').filter({ hasText: 'PERSONA DESCONOCIDA' });
    await first.getByTestId('bx-action-apply').click();
    const typo = loanReference.slice(0, -1) + String((Number(loanReference.slice(-1)) + 1) % 10);
    await first.getByTestId('bx-loan').fill(typo);
    await first.getByTestId('bx-submit').click();
    expect(await first.getByTestId('bx-err-loanId').textContent()).toContain('Ningún préstamo');
    await first.getByTestId('bx-loan').fill(loanReference);
    await first.getByTestId('bx-amount').fill('900');
    await first.getByTestId('bx-submit').click();
    expect(await first.getByTestId('bx-err-amount').textContent()).toContain('No puede exceder');
    await first.getByTestId('bx-amount').fill('');
    await first.getByTestId('bx-submit').click();
    expect(await first.getByTestId('bx-confirm-box').textContent()).toContain('¿Aplicar');
    await first.getByTestId('bx-confirm').click();
    await page.getByTestId('bx-done').waitFor();
    expect(await page.getByTestId('bx-done').textContent()).toContain('quedó resuelto');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="bx-line"]').length === 1);
    const payments = ((await api('GET', `/loans/${loanId}`)).events as { kind?: string; type?: string }[]).filter((e) => (e.kind ?? e.type) === 'payment');
    expect(payments).toHaveLength(1);

    // Split the 1000.00: 1200 does not fit; 400 to the loan leaves 600 open.
    const second = page.getByTestId('bx-line').filter({ hasText: 'OTRA PERSONA' });
    await second.getByTestId('bx-action-split').click();
    await second.getByTestId('bx-part-loan-0').fill(loanId);
    await second.getByTestId('bx-part-amount-0').fill('1200');
    await second.getByTestId('bx-submit').click();
    expect(await second.getByTestId('bx-err-part-0').textContent()).toContain('No puede exceder');
    await second.getByTestId('bx-part-amount-0').fill('400');
    expect(await second.getByTestId('bx-split-sum').textContent()).toContain('400.00');
    await second.getByTestId('bx-submit').click();
    await second.getByTestId('bx-confirm').click();
    await page.getByTestId('bx-done').waitFor();
    expect(await page.getByTestId('bx-done').textContent()).toContain('600.00');
    await shoot(page, 'split');

    // The rest goes back to the payer, with a reason (required).
    const rest = page.getByTestId('bx-line').filter({ hasText: 'OTRA PERSONA' });
    await rest.getByTestId('bx-action-refund').click();
    await rest.getByTestId('bx-submit').click();
    expect(await rest.getByTestId('bx-err-reason').textContent()).toContain('motivo');
    await rest.getByTestId('bx-reason').fill('El ordenante pidió la devolución');
    await rest.getByTestId('bx-submit').click();
    await rest.getByTestId('bx-confirm').click();
    await page.getByTestId('bx-empty').waitFor();
    expect(await page.getByTestId('bx-totals').textContent()).toContain('0 depósitos por aplicar');
    await page.close();
  });

  it('shows the day’s reconciliation with its items and nothing unexplained', async () => {
    const page = await browser.newPage();
    await login(page, studio, 'admin');
    await page.goto(`${studio.url}/tesoreria/conciliacion`);
    await page.getByTestId('rec-account').waitFor();
    await page.getByTestId('rec-account').selectOption(accountId);
    await page.getByTestId('rec-show').click();
    await page.waitForFunction((id) => document.querySelector('[data-testid="rec-bank-items"]')?.textContent?.includes(id), String(run));
    expect(await page.getByTestId('rec-unexplained').textContent()).toContain('0.00');
    expect(await page.getByTestId('rec-bank-items').textContent()).toContain('12.50');
    expect(await page.getByTestId('rec-books-items').textContent()).toContain('600.00');
    expect(await page.getByTestId('rec-days').locator('tbody tr').count()).toBe(30);
    await shoot(page, 'reconciliation');
    await page.close();
  });
});
