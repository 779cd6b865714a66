// Payment references and per-loan CLABEs against the real runtime: the settings page
// (/tesoreria/referencias) checks the form as it is typed with a live example, saves a CLABE range
// (every loan gets its CLABE), is read-only for an approver (bank:read) and closed to an analyst;
// the loan page shows the reference and the CLABE with copy buttons and links the printable
// «Instrucciones de pago»; the loans list's search recognises a reference and a CLABE by their
// shape. Screenshots at 1280 and 390 px go to studio/docs/.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, resultsDir, serveBuiltStudio, type Browser, type Studio } from './harness.ts';

const NOMINA_APPLICATION = {
  applicant: { birth_date: '1985-05-10' },
  payroll: { net_pay: '18000', existing_deductions: '0' },
  employment: { months: 48, contract: 'planta', employer_in_agreement: true },
  bureau: { score: 720, worst_dpd_12m: 0, monthly_payments: '3000' },
  request: { amount: '60000', payments: 24 },
};

const docsDir = join(resultsDir, '..', 'docs');
let studio: Studio;
let browser: Browser;
let loanId: string;

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

async function narrow(page: import('playwright-core').Page, name: string): Promise<void> {
  await page.screenshot({ path: join(docsDir, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(docsDir, `${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('payment references and CLABEs', () => {
  beforeAll(async () => {
    studio = await serveBuiltStudio();
    const { decision } = await api('POST', '/decisions', { product: 'nomina', application: NOMINA_APPLICATION });
    const { loan } = await api('POST', '/loans', { decisionId: decision.id, externalRef: `REFS-${Date.now().toString(36)}` });
    await api('POST', `/loans/${loan.id}/disbursement`, {});
    loanId = loan.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('every loan of the demo portfolio has its reference', async () => {
    const { loans } = await api('GET', '/loans?limit=500');
    expect(loans.length).toBeGreaterThan(10);
    for (const l of loans) expect(l.paymentReference).toMatch(/^\d{12}$/);
  });

  it('the settings page checks the form as typed, shows the next reference and CLABE, and saves a CLABE range', async () => {
    const page = await browser.newPage();
    await login(page, studio, 'admin');
    await page.goto(`${studio.url}/tesoreria/referencias`);
    await page.getByRole('heading', { name: 'Referencias de pago y CLABE', level: 2 }).waitFor();
    const next = await api('GET', '/payment-settings');
    expect(await page.getByTestId('refs-next-reference').innerText()).toBe(next.next.paymentReference);
    await page.getByTestId('refs-prefix').fill('7a');
    expect(await page.getByTestId('refs-prefix-error').innerText()).toBe('El prefijo lleva hasta 20 dígitos y nada más.');
    expect(await page.getByTestId('refs-next-reference').innerText()).toBe('—');
    expect(await page.getByTestId('refs-save').isDisabled()).toBe(true);
    await page.getByTestId('refs-prefix').fill('');
    await page.getByTestId('refs-clabe-enabled').check();
    await page.getByTestId('refs-bank').fill('999');
    expect(await page.getByTestId('refs-bank-error').innerText()).toContain('catálogo CLABE');
    await page.getByTestId('refs-bank').fill('646');
    await page.getByTestId('refs-plaza').fill('180');
    await page.getByTestId('refs-fixed').fill('55');
    const clabe = await page.getByTestId('refs-next-clabe').innerText();
    expect(clabe).toMatch(/^64618055\d{10}$/);
    await narrow(page, 'payment-settings');
    await page.getByTestId('refs-save').click();
    await page.getByTestId('refs-notice').waitFor();
    expect(await page.getByTestId('refs-notice').innerText()).toMatch(/^Ajustes guardados\. Préstamos que recibieron su CLABE: \d+\.$/);
    const saved = await api('GET', '/payment-settings');
    expect(saved).toMatchObject({ scheme: 'mod97', prefix: '', bodyLength: 10, clabeRange: { bank: '646', plaza: '180', fixed: '55' } });
    const { loans } = await api('GET', '/loans?limit=500');
    // Each loan's CLABE carries the loan's number, the same its reference carries.
    for (const l of loans) expect(l.clabe).toBe(`64618055${l.paymentReference.slice(1, 10)}${l.clabe.at(-1)}`);
    await page.close();
  });

  it('an approver reads the settings without changing them; an analyst may not read them', async () => {
    const page = await browser.newPage();
    await login(page, studio, 'approver');
    await page.goto(`${studio.url}/tesoreria/referencias`);
    await page.getByTestId('refs-read-only').waitFor();
    expect(await page.getByTestId('refs-scheme').isDisabled()).toBe(true);
    expect(await page.getByTestId('refs-save').count()).toBe(0);
    await page.close();
    const other = await browser.newPage();
    await login(other, studio, 'analyst');
    await other.goto(`${studio.url}/tesoreria/referencias`);
    await other.getByTestId('refs-denied').waitFor();
    await other.close();
  });

  it('the loan page shows the reference and the CLABE with copy buttons and links the printable instructions', async () => {
    const { loan } = await api('GET', `/loans/${loanId}`);
    const page = await browser.newPage();
    await login(page, studio, 'admin');
    await page.goto(`${studio.url}/prestamos/${loanId}`);
    await page.getByTestId('loan-payment-keys').waitFor();
    expect(await page.getByTestId('loan-reference').innerText()).toBe(loan.paymentReference);
    expect(await page.getByTestId('loan-clabe').innerText()).toBe(loan.clabe);
    expect(await page.getByTestId('loan-reference-copy').innerText()).toBe('Copiar');
    await page.getByTestId('loan-payment-keys').screenshot({ path: join(docsDir, 'loan-payment-keys-1280.png') });
    await page.getByTestId('loan-instructions-link').click();
    await page.waitForURL(new RegExp(`/prestamos/${loanId}/instrucciones$`));
    await page.getByRole('heading', { name: 'Instrucciones de pago', level: 1 }).waitFor();
    expect(await page.getByTestId('instructions-reference').innerText()).toBe(loan.paymentReference);
    expect(await page.getByTestId('instructions-clabe').innerText()).toBe(loan.clabe);
    const instructions = await api('GET', `/loans/${loanId}/payment-instructions`);
    expect(await page.getByTestId('instructions-next').innerText()).toContain(`Pago ${instructions.nextInstallment.number}:`);
    expect(await page.getByTestId('instructions-payoff').innerText()).toContain('Para liquidar hoy');
    await narrow(page, 'payment-instructions');
    // On paper: no navigation, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('instructions-print').isVisible()).toBe(false);
    expect(await page.getByTestId('instructions-reference-copy').isVisible()).toBe(false);
    await page.screenshot({ path: join(docsDir, 'payment-instructions-print.png'), fullPage: true });
    await page.close();
  });

  it('the loans search recognises a payment reference and a CLABE by their shape; a mistyped reference is refused in words', async () => {
    const { loan } = await api('GET', `/loans/${loanId}`);
    const page = await browser.newPage();
    await login(page, studio, 'admin');
    await page.goto(`${studio.url}/prestamos`);
    await page.getByTestId('loan-row').first().waitFor();
    await page.getByTestId('f-search').fill(loan.paymentReference);
    expect(await page.getByTestId('f-search-as').innerText()).toBe('Se busca como referencia de pago');
    await page.getByTestId('f-apply').click();
    await page.waitForURL(new RegExp(`paymentReference=${loan.paymentReference}`));
    await page.waitForFunction((id) => [...document.querySelectorAll('[data-testid=loan-row]')].map((r) => r.getAttribute('data-id')).join() === id, loanId);
    await page.getByTestId('f-search').fill(loan.clabe);
    expect(await page.getByTestId('f-search-as').innerText()).toBe('Se busca como CLABE');
    await page.getByTestId('f-apply').click();
    await page.waitForURL(new RegExp(`clabe=${loan.clabe}`));
    await page.waitForFunction((id) => [...document.querySelectorAll('[data-testid=loan-row]')].map((r) => r.getAttribute('data-id')).join() === id, loanId);
    await narrow(page, 'loan-search-clabe');
    const typo = loan.paymentReference.slice(0, -1) + String((Number(loan.paymentReference.at(-1)) + 1) % 10);
    await page.getByTestId('f-search').fill(typo);
    await page.getByTestId('f-apply').click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('paymentReference');
    await page.getByTestId('f-search').fill('');
    await page.getByTestId('f-booksStage').selectOption('vigente');
    await page.getByTestId('f-apply').click();
    await page.waitForURL(/booksStage=vigente/);
    await page.getByTestId('loan-row').first().waitFor();
    await page.close();
  });
});
