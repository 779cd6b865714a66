// The clients register against the real runtime: an operator (a user created with the admin key)
// registers a person with a published example CURP — a wrong check digit is refused as it is
// typed and by the API with its reason, a CURP whose sex disagrees with the record is the API's
// 422 next to the field, an RFC whose check digit fails is saved with a warning — then finds the
// client by name without accents, opens the 360 page (a decision and a loan taken for the client
// through the API, linking to the loan's page; the ARCO export), changes the record, and is told
// that a second client with the same CURP exists, with a link to it. A risk analyst (no
// clients:read-pii) has no "Clientes" link; an approver reads but cannot register. Screenshots at
// 1280 and 390 px go to studio/docs/clients-*.png.
import { join } from 'node:path';
import { rfcCheckDigit } from '@plazo/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, resultsDir, serveBuiltStudio, submitLogin, type Browser, type Studio } from './harness.ts';

const docsDir = join(resultsDir, '..', 'docs');
const OPERATOR = { email: 'olga@plazo.test', name: 'Olga Operación', role: 'operator', password: 'una clave larga de olga' };
/** A published example (engine tests): Gloria Hernández García, born 1956-04-27 in Veracruz, M. */
const CURP = 'HEGG560427MVZRRL04';
/** Gloria's RFC with a check digit that fails: accepted with a warning. */
const RFC = `HEGG560427AB${rfcCheckDigit('HEGG560427AB') === '1' ? '2' : '1'}`;
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

async function loginOperator(page: Page): Promise<void> {
  await browser.context.clearCookies();
  await page.goto(`${studio.url}/login`);
  await submitLogin(page, OPERATOR.email, OPERATOR.password);
}

const text = async (page: Page, testid: string) => (await page.getByTestId(testid).innerText()).trim();
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(docsDir, `clients-${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await pageWidth(page), name).toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(docsDir, `clients-${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('the clients register in the studio', () => {
  beforeAll(async () => {
    studio = await serveBuiltStudio();
    await api('POST', '/users', OPERATOR);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers a person: a wrong CURP refused with its reason, the API’s refusal next to the field, the warnings after saving', async () => {
    const page = await browser.newPage();
    await loginOperator(page);
    await page.getByTestId('nav-clients').click();
    await page.waitForURL(/\/clientes$/);
    await page.getByTestId('clients-new').click();
    await page.waitForURL(/\/clientes\/nuevo$/);
    await page.getByTestId('cf-givenNames').fill('Gloria');
    await page.getByTestId('cf-paternalSurname').fill('Hernández');
    await page.getByTestId('cf-maternalSurname').fill('García');
    // A wrong check digit: the engine's reason as it is typed, and the API's when sent anyway.
    await page.getByTestId('cf-curp').fill(CURP.slice(0, 17) + '5');
    expect(await text(page, 'cf-hint-curp')).toBe('el dígito verificador no corresponde');
    await page.getByTestId('cf-occupation').fill('Comerciante');
    await page.getByTestId('cf-phones').fill('229 555 0101');
    await page.getByTestId('cf-submit').click();
    await page.getByTestId('cf-banner').waitFor();
    expect(await text(page, 'cf-problem-curp')).toBe('el dígito verificador no corresponde');
    // An address begun: the API names each field it misses (and the postal code's five digits).
    await page.getByTestId('cf-address-postalCode').fill('917');
    await page.getByTestId('cf-submit').click();
    await page.getByTestId('cf-problem-address.postalCode').waitFor();
    expect(await text(page, 'cf-problem-address.street')).toBe('obligatorio');
    expect(await text(page, 'cf-problem-address.postalCode')).toBe('el código postal tiene cinco dígitos');
    expect(await text(page, 'cf-hint-curp')).toBe('el dígito verificador no corresponde');
    await shoot(page, 'form-refused');
    // In English, the same reasons in English.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    try {
      expect(await text(page, 'cf-hint-curp')).toBe('the check digit does not match');
      expect(await text(page, 'cf-problem-address.street')).toBe('required');
    } finally {
      await page.getByRole('button', { name: 'ES', exact: true }).click();
    }

    // A right CURP whose sex is not the record's: the API's 422, next to the CURP.
    await page.getByTestId('cf-curp').fill(CURP);
    expect(await text(page, 'cf-hint-curp')).toBe('CURP válida: nacimiento 1956-04-27, mujer, Veracruz');
    await page.getByTestId('cf-sex').selectOption('H');
    for (const [f, v] of [['street', 'Av. Independencia'], ['exteriorNumber', '1200'], ['colonia', 'Centro'], ['postalCode', '91700'], ['municipality', 'Veracruz'], ['state', 'Veracruz']]) {
      await page.getByTestId(`cf-address-${f}`).fill(v!);
    }
    await page.getByTestId('cf-rfc').fill(RFC);
    expect(await text(page, 'cf-hint-rfc')).toBe('el dígito verificador no corresponde; se acepta con advertencia');
    await page.getByTestId('cf-submit').click();
    await page.getByTestId('cf-problem-curp').getByText('el sexo de la CURP no es el del registro').waitFor();

    // Left blank, the sex comes from the CURP: registered, with the RFC's warning.
    await page.getByTestId('cf-sex').selectOption('');
    await page.getByTestId('cf-submit').click();
    await page.waitForURL(/\/clientes\/[0-9a-f-]{36}$/);
    clientId = page.url().split('/').at(-1)!;
    expect(await text(page, 'client-saved')).toBe('Cliente registrado.');
    expect(await text(page, 'client-name')).toBe('Gloria Hernández García');
    expect(await page.getByTestId('client-warning').allInnerTexts()).toEqual(['RFC: el dígito verificador no corresponde; se acepta con advertencia']);
    const stored = await api('GET', `/clients/${clientId}`);
    expect(stored.client).toMatchObject({ curp: CURP, rfc: RFC, sex: 'M', birthDate: '1956-04-27', birthState: 'VZ', phones: ['2295550101'], address: { postalCode: '91700' } });
    await page.close();
  });

  it('finds the client by name without accents, by CURP, and opens the 360 page with decisions, loans and the ARCO export', async () => {
    const { decision } = await api('POST', '/decisions', { product: 'nomina', application: NOMINA_APPLICATION, clientId });
    const ref = `CLIENTE-${Date.now().toString(36).toUpperCase()}`;
    const { loan } = await api('POST', '/loans', { decisionId: decision.id, externalRef: ref });
    const page = await browser.newPage();
    await loginOperator(page);
    await page.goto(`${studio.url}/clientes`);
    await page.getByTestId('clients-q').fill('hernandez glo');
    await page.getByTestId('clients-go').click();
    await page.waitForURL(/buscar=hernandez\+glo/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=client-row]').length === 1);
    expect(await text(page, 'clients-by')).toMatch(/^Por nombre/);
    const row = page.getByTestId('client-row');
    expect(await row.getAttribute('data-id')).toBe(clientId);
    expect((await row.innerText()).replace(/\s+/g, ' ').trim()).toBe(`Gloria Hernández García ${CURP} ${RFC} 229 555 0101`);
    await shoot(page, 'list');
    await page.getByTestId('clients-q').fill(CURP.toLowerCase());
    await page.getByTestId('clients-go').click();
    await page.waitForURL(/buscar=hegg/);
    expect(await text(page, 'clients-by')).toBe('Por CURP');
    await page.getByRole('link', { name: 'Gloria Hernández García' }).click();
    await page.waitForURL(new RegExp(`/clientes/${clientId}$`));

    await page.getByTestId('client-loan').waitFor();
    expect(await text(page, 'client-curp')).toBe(CURP);
    expect(await page.getByTestId('client-decision').innerText()).toMatch(/nomina v\d+\s+Aprobada/);
    expect(await page.getByTestId('client-loan').innerText()).toMatch(new RegExp(`${ref}\\s+nomina v\\d+\\s+Por desembolsar\\s+\\$60,000`));
    await shoot(page, 'page');
    // The ARCO export: a download with the session cookie, with everything held.
    const href = await page.getByTestId('client-export').getAttribute('href');
    expect(href).toBe(`/api/v1/clients/${clientId}/export`);
    const exported = await page.context().request.get(`${studio.url}${href}`);
    expect(exported.status()).toBe(200);
    const body = await exported.json();
    expect(body.client.curp).toBe(CURP);
    expect(body.loans.map((l: any) => l.id)).toEqual([loan.id]);
    // The loan links to its page.
    await page.getByRole('link', { name: ref }).click();
    await page.waitForURL(new RegExp(`/prestamos/${loan.id}$`));
    await page.close();
  });

  it('shows in the 360 page a payment registered through the API («Pagos»), a logged contact, and PLD alerts to a compliance officer only', async () => {
    const { loans } = await api('GET', `/clients/${clientId}/activity`);
    const loanId = loans[0].id;
    await api('POST', `/loans/${loanId}/disbursement`, {});
    const reference = `SPEI-${Date.now().toString(36).toUpperCase()}`;
    await api('POST', `/loans/${loanId}/payments`, { amount: '1234.50', method: 'transfer', reference });
    const page = await browser.newPage();
    await loginOperator(page);
    await page.goto(`${studio.url}/clientes/${clientId}`);
    await page.getByTestId('c360-payment').waitFor();
    expect((await page.getByTestId('c360-payment').innerText()).replace(/\s+/g, ' ')).toMatch(new RegExp(`\\$1,234\\.50 transferencia ${reference} Aplicado`));
    expect(await page.getByTestId('c360-no-contacts').isVisible()).toBe(true);
    // An operator does not review compliance: no PLD alerts section.
    expect(await page.getByTestId('c360-alerts-link').count()).toBe(0);
    // A logged contact and a staff report; a compliance officer sees both, the alert with its days left.
    await api('POST', `/collections/loans/${loanId}/contacts`, { agent: OPERATOR.email, channel: 'whatsapp', result: 'no-answer', notes: 'sin respuesta' });
    await api('POST', '/compliance/alerts', { loanId, description: 'Pidió fraccionar sus pagos en efectivo.' });
    const officer = { email: `c360-${Date.now().toString(36)}@plazo.test`, name: 'Cora Cumplimiento', role: 'compliance', password: 'una clave larga de cora' };
    await api('POST', '/users', officer);
    await browser.context.clearCookies();
    await page.goto(`${studio.url}/login`);
    await submitLogin(page, officer.email, officer.password);
    await page.goto(`${studio.url}/clientes/${clientId}`);
    await page.getByTestId('c360-alert').waitFor();
    expect((await page.getByTestId('c360-contact').innerText()).replace(/\s+/g, ' ')).toMatch(/WhatsApp No contestó Olga Operación sin respuesta/);
    expect((await page.getByTestId('c360-alert').innerText()).replace(/\s+/g, ' ')).toMatch(/Interna preocupante Reportada por personal Abierta 60 d restantes/);
    expect(await page.getByTestId('c360-alerts-link').getAttribute('href')).toMatch(/^\/cumplimiento\/alertas\?cliente=[0-9a-f-]{36}$/);
    await shoot(page, 'history');
    await page.close();
  });

  it('changes the record, and refuses a second client with the same CURP with a link to the first', async () => {
    const page = await browser.newPage();
    await loginOperator(page);
    await page.goto(`${studio.url}/clientes/${clientId}`);
    await page.getByTestId('client-edit').click();
    await page.getByTestId('cf-occupation').fill('Costurera');
    await page.getByTestId('cf-pep').check();
    await page.getByTestId('cf-submit').click();
    expect(await text(page, 'client-saved')).toBe('Cambios guardados.');
    await page.getByTestId('client-page-pep').waitFor();
    expect(await page.getByTestId('client-record').innerText()).toContain('Costurera');
    expect((await api('GET', `/clients/${clientId}`)).client).toMatchObject({ occupation: 'Costurera', pep: true, curp: CURP });

    await page.goto(`${studio.url}/clientes/nuevo`);
    await page.getByTestId('cf-givenNames').fill('Gloria');
    await page.getByTestId('cf-paternalSurname').fill('Hernandez');
    await page.getByTestId('cf-curp').fill(CURP);
    await page.getByTestId('cf-submit').click();
    expect(await text(page, 'cf-exists')).toContain(`Ya existe un cliente con la CURP ${CURP}.`);
    await page.getByTestId('cf-exists-link').click();
    await page.waitForURL(new RegExp(`/clientes/${clientId}$`));
    await page.getByTestId('client-name').waitFor();
    await page.close();
  });

  it('shows "Clientes" only to roles that read personal data, and "Nuevo cliente" only to those that register', async () => {
    await browser.context.clearCookies();
    const analyst = await browser.newPage();
    await login(analyst, studio, 'analyst');
    expect(await analyst.getByTestId('who').innerText()).toContain('Ana Riesgo');
    expect(await analyst.getByTestId('nav-clients').count()).toBe(0);
    await analyst.close();
    await browser.context.clearCookies();
    const approver = await browser.newPage();
    await login(approver, studio, 'approver');
    expect(await approver.getByTestId('who').innerText()).toContain('Lucía');
    await approver.getByTestId('nav-clients').click();
    await approver.getByTestId('client-row').first().waitFor();
    expect(await approver.getByTestId('clients-new').count()).toBe(0);
    await approver.close();
  });
});
