// Bank statements against the real runtime: the admin registers a bank account and a CSV layout
// (API), a client's loan is disbursed two weeks ago so its first installment falls due now; in
// /tesoreria/estados-de-cuenta the admin picks the account and layout, uploads a Latin-1 statement
// with that installment paid by the client (matched by amount, date and name, with its score), an
// unknown deposit (to identify) and a bank fee (a debit), sees the preview, confirms the import,
// and sees the result's lines and the imported statement in the list. The same file again changes
// nothing. Screenshots at 1280 and 390 px go to studio/docs/bank-statements-*.png.
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
let installment: { total: string; dueDate: string };
const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Mexico_City' });
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

async function api(method: string, path: string, body?: unknown): Promise<any> {
  const r = await fetch(`${studio.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${studio.adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return JSON.parse(text);
}

function uniqueCurp(): string {
  const letters = Array.from({ length: 4 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(Math.random() * 26)]).join('');
  const first17 = `${letters}820611MDFRRR0`;
  return `${first17}${curpCheckDigit(first17)}`;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(docsDir, `bank-statements-${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  expect(await pageWidth(page), name).toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(docsDir, `bank-statements-${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('bank statements in the studio', () => {
  beforeAll(async () => {
    studio = await serveBuiltStudio();
    await api('POST', '/bank-accounts', { name: 'BBVA concentradora', bankCode: '012' });
    await api('POST', '/bank-file-layouts', {
      name: 'BBVA CSV', format: 'csv',
      options: { encoding: 'latin1', dateFormat: 'DD/MM/YYYY', direction: { by: 'columns' }, columns: { date: 1, description: 2, reference: 3, trackingKey: 4, payerName: 5, beneficiaryClabe: 6, debit: 7, credit: 8 } },
    });
    const client = await api('POST', '/clients', {
      kind: 'person', givenNames: 'Mariana', paternalSurname: 'Quiñones', maternalSurname: 'Saldívar', birthDate: '1982-06-11', sex: 'M', birthState: 'DF', nationality: 'MX',
      curp: uniqueCurp(), occupation: 'Contadora', email: 'mariana@example.mx', phone: '5555550123',
      address: { street: 'Calle Madero', exteriorNumber: '5', colonia: 'Centro', postalCode: '06000', municipality: 'Cuauhtémoc', state: 'Ciudad de México' },
    });
    const { decision } = await api('POST', '/decisions', { product: 'nomina', application: NOMINA_APPLICATION, clientId: client.client.id, asOf: addDays(today, -14) });
    const { loan } = await api('POST', '/loans', { decisionId: decision.id, externalRef: `EDO-${Date.now()}` });
    loanId = loan.id;
    await api('POST', `/loans/${loanId}/disbursement`, {});
    const view = await api('GET', `/loans/${loanId}`);
    installment = view.schedule.installments[0];
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('previews, imports and lists a statement', async () => {
    const page = await browser.newPage();
    await login(page, studio, 'admin');
    await page.goto(`${studio.url}/tesoreria/estados-de-cuenta`);
    await page.getByTestId('statement-form').waitFor();
    const run = Date.now();
    const csv =
      'Fecha,Concepto,Referencia,Clave de rastreo,Ordenante,CLABE,Cargo,Abono\n' +
      `${ddmmyyyy(today)},DEPÓSITO SPEI,,E2E${run}A,MARIANA QUIÑONES SALDÍVAR,,,${installment.total}\n` +
      `${ddmmyyyy(today)},DEPÓSITO EN EFECTIVO,,E2E${run}B,DESCONOCIDO,,,777.00\n` +
      `${ddmmyyyy(today)},COMISIÓN POR MANEJO DE CUENTA,,E2E${run}C,,,25.00,\n`;
    await page.getByTestId('statement-file').setInputFiles({ name: 'bbva-hoy.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') });
    await page.getByTestId('statement-preview').click();
    await page.getByTestId('statement-preview-result').waitFor();
    const lines = page.getByTestId('preview-line');
    expect(await lines.count()).toBe(3);
    expect(await lines.nth(0).getAttribute('data-outcome')).toBe('apply');
    expect(await lines.nth(0).textContent()).toContain('Monto, fecha y nombre');
    expect(await lines.nth(1).getAttribute('data-outcome')).toBe('exception');
    expect(await lines.nth(2).getAttribute('data-outcome')).toBe('other');
    expect(await page.getByTestId('preview-counts').textContent()).toContain('3 movimientos: 1 por aplicar, 1 por identificar');
    await shoot(page, 'preview');

    await page.getByTestId('statement-confirm').click();
    await page.getByTestId('statement-result').waitFor();
    const result = page.getByTestId('result-line');
    expect(await result.count()).toBe(3);
    expect(await result.nth(0).getAttribute('data-status')).toBe('applied');
    expect(await result.nth(1).getAttribute('data-status')).toBe('exception');
    expect(await page.getByTestId('statements-table').textContent()).toContain('bbva-hoy.csv');
    await shoot(page, 'result');
    const events = (await api('GET', `/loans/${loanId}`)).events as { kind?: string; type?: string }[];
    expect(events.filter((e) => (e.kind ?? e.type) === 'payment')).toHaveLength(1);

    // The same file again: the runtime says it was imported before; nothing changes.
    await page.getByTestId('statement-preview').click();
    await page.getByTestId('statement-preview-result').waitFor();
    expect(await page.getByTestId('preview-counts').textContent()).toContain('3 ya importados');
    await page.getByTestId('statement-confirm').click();
    await page.getByText('Este archivo ya se había importado').waitFor();
    expect(((await api('GET', `/loans/${loanId}`)).events as { kind?: string; type?: string }[]).filter((e) => (e.kind ?? e.type) === 'payment')).toHaveLength(1);
    await page.close();
  });
});
