// PLD alerts against the real runtime: an operator registers a cash payment above the threshold
// on a loan's page (the payment dialog's method) and files an internal worrying operation from the
// same page; the compliance officer finds both in /cumplimiento/alertas (days left to rule), reports
// the cash one with a note (it cannot be ruled twice: the button is gone), and generates the
// quarter's file of relevant operations, which lists it with the client's KYC columns. The
// threshold is lowered to USD 1,500 for this file (a 60,000 loan cannot take 7,500 dollars in one
// payment) and put back after. Screenshots at 1280 and 390 px go to studio/docs/pld-alerts-*.png.
import { join } from 'node:path';
import { curpCheckDigit } from '@plazo/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, resultsDir, serveBuiltStudio, type Studio, submitLogin } from './harness.ts';

const docsDir = join(resultsDir, '..', 'docs');
const OPERATOR = { email: 'pld-caja@plazo.test', name: 'Carmen Caja', role: 'operator', password: 'una clave larga de carmen' };
const OFFICER = { email: 'pld-oficial@plazo.test', name: 'Óscar Oficial', role: 'compliance', password: 'una clave larga de oscar' };
const NOMINA_APPLICATION = {
  applicant: { birth_date: '1985-05-10' },
  payroll: { net_pay: '18000', existing_deductions: '0' },
  employment: { months: 48, contract: 'planta', employer_in_agreement: true },
  bureau: { score: 720, worst_dpd_12m: 0, monthly_payments: '3000' },
  request: { amount: '60000', payments: 24 },
};

let studio: Studio;
let browser: Browser;
let clientId: string;
let loanId: string;
const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Mexico_City' });
const quarter = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;

async function api(method: string, path: string, body?: unknown): Promise<any> {
  const r = await fetch(`${studio.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${studio.adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return r.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
}

/** A CURP no other test file uses: four random letters, born 1980-03-15 in CDMX, a man. */
function uniqueCurp(): string {
  const letters = Array.from({ length: 4 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(Math.random() * 26)]).join('');
  const first17 = `${letters}800315HDFRRR0`;
  return `${first17}${curpCheckDigit(first17)}`;
}

async function loginAs(page: Page, user: { email: string; password: string }): Promise<void> {
  await browser.context.clearCookies();
  await page.goto(`${studio.url}/login`);
  await submitLogin(page, user.email, user.password);
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(docsDir, `pld-alerts-${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(200);
  expect(await pageWidth(page), name).toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(docsDir, `pld-alerts-${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('PLD alerts in the studio', () => {
  beforeAll(async () => {
    studio = await serveBuiltStudio();
    await api('POST', '/users', OPERATOR);
    await api('POST', '/users', OFFICER);
    const client = await api('POST', '/clients', {
      kind: 'person', givenNames: 'Rodrigo', paternalSurname: 'Ramírez', maternalSurname: 'Ruiz', birthDate: '1980-03-15', sex: 'H', birthState: 'DF', nationality: 'MX',
      curp: uniqueCurp(), occupation: 'Comerciante', email: 'rodrigo@example.mx', phone: '5555550199',
      address: { street: 'Calle Reforma', exteriorNumber: '10', colonia: 'Centro', postalCode: '06000', municipality: 'Cuauhtémoc', state: 'Ciudad de México' },
    });
    clientId = client.client.id;
    const { decision } = await api('POST', '/decisions', { product: 'nomina', application: NOMINA_APPLICATION, clientId });
    const { loan } = await api('POST', '/loans', { decisionId: decision.id, externalRef: `PLD-${Date.now()}` });
    loanId = loan.id;
    await api('POST', `/loans/${loanId}/disbursement`, {});
    await api('PUT', `/compliance/exchange-rates/${today}`, { usd: '17.2345' });
    await api('PUT', '/compliance/settings/cash-threshold', { usd: '1500' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await api('PUT', '/compliance/settings/cash-threshold', { usd: '7500' }).catch(() => undefined);
    await browser?.close();
  });

  it('the operator registers a cash payment and files an internal worrying operation from the loan page', async () => {
    const page = await browser.newPage();
    await loginAs(page, OPERATOR);
    await page.goto(`${studio.url}/prestamos/${loanId}`);
    await page.getByTestId('action-pay').click();
    await page.getByTestId('pay-amount').fill('30000');
    await page.getByTestId('pay-method').selectOption('cash');
    await page.getByTestId('pay-dialog-submit').click();
    await page.getByTestId('pay-dialog').waitFor({ state: 'hidden' });
    // The operator cannot see the queue.
    await page.getByTestId('internal-report-open').click();
    await page.getByTestId('internal-report-description').fill('Pagó 30 mil en efectivo y pidió que no se emitiera recibo a su nombre.');
    await shoot(page, 'internal-report');
    await page.getByTestId('internal-report-submit').click();
    await page.getByTestId('internal-report-filed').waitFor();
    await page.goto(`${studio.url}/cumplimiento/alertas`);
    await page.getByTestId('pld-no-access').waitFor();
    await page.close();
  });

  it('the compliance officer reports the cash alert, once, and the quarter file lists it', async () => {
    const page = await browser.newPage();
    await loginAs(page, OFFICER);
    // The client's alerts (the demo portfolio's payments raise alerts of their own): the cash
    // payment's relevant one (and an unusual one where the PLD policy's rules fire), the filing.
    await page.goto(`${studio.url}/cumplimiento/alertas?cliente=${clientId}`);
    await page.getByTestId('pld-filter-client').waitFor();
    const row = page.getByTestId('pld-alert').filter({ hasText: loanId.slice(-8) });
    await row.first().waitFor();
    expect(await row.filter({ hasText: 'Relevante' }).count()).toBe(1);
    const cash = row.filter({ hasText: 'Relevante' });
    expect(await cash.innerText()).toMatch(/\$30,000\.00 · efectivo/);
    expect(await cash.innerText()).toMatch(/US\$1,740\.69/);
    expect(await cash.getByTestId('pld-alert-days').innerText()).toMatch(/60 d restantes/);
    expect(await row.filter({ hasText: 'Interna preocupante' }).count()).toBe(1);
    await shoot(page, 'queue');
    await cash.getByTestId('pld-decide').click();
    await page.getByTestId('pld-decision-report').check();
    await page.getByTestId('pld-decision-note').fill('Efectivo por encima del umbral; se reporta en el trimestre.');
    await shoot(page, 'disposition');
    await page.getByTestId('pld-disposition-submit').click();
    await page.getByTestId('pld-disposition').waitFor({ state: 'hidden' });
    // The open queue no longer shows it; all statuses show it reported, without the button.
    await page.getByTestId('pld-filter-status').selectOption('');
    const reported = page.getByTestId('pld-alert').filter({ hasText: loanId.slice(-8) }).filter({ hasText: 'Relevante' });
    await expect.poll(async () => reported.getByTestId('pld-alert-status').innerText()).toMatch(/Reportada/);
    expect(await reported.getByTestId('pld-decide').count()).toBe(0);
    // The quarter's file of relevant operations.
    await page.getByTestId('pld-report-kind').selectOption('relevant');
    expect(await page.getByTestId('pld-report-period').inputValue()).toBe(quarter);
    await page.getByLabel('Volver a generar').check();
    await page.getByTestId('pld-report-generate').click();
    await page.getByTestId('pld-report-message').waitFor();
    expect(await page.getByTestId('pld-report-message').innerText()).toMatch(new RegExp(`Archivo de ${quarter} generado`));
    await shoot(page, 'reports');
    const { files } = await api('GET', `/compliance/reports?kind=relevant&period=${quarter}`);
    const content: string = await api('GET', `/compliance/reports/${files[0].id}`);
    const alertId = (await api('GET', `/compliance/alerts?loanId=${loanId}&kind=relevant`)).alerts[0].id;
    const line = content.split('\r\n').find((l) => l.startsWith(alertId));
    expect(line).toBeDefined();
    expect(line).toContain('Ramírez,Ruiz,Rodrigo');
    expect(line).toContain('30000.00,1740.69,17.2345,cash');
    await page.close();
  });
});
