// The compliance screens against the real runtime: a compliance officer (a user created with the
// admin key) finds «Cumplimiento» in the navigation, uploads a list whose rows are broken (refused
// in Spanish, by line, nothing stored), then a Latin-1 list naming a client registered through the
// API (the page says the file is Latin-1 before sending; the client is screened, and a decision
// taken for them is referred), opens the hit from the lists table, sees the client, the entry, the
// score, the birth dates and the referred decision, and clears it with a note. A risk analyst has
// no «Cumplimiento» link. Names are this file's own (the runtime is shared with the other files).
// Screenshots at 1280 and 390 px go to studio/docs/compliance-*.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, login, resultsDir, serveBuiltStudio, type Studio, submitLogin } from './harness.ts';

const docsDir = join(resultsDir, '..', 'docs');
const OFFICER = { email: 'cumplimiento@plazo.test', name: 'Cecilia Cumplimiento', role: 'compliance', password: 'una clave larga de cecilia' };
const LIST_NAME = 'Propia e2e cumplimiento';
const CLIENT = { kind: 'person', givenNames: 'Eufrosina', paternalSurname: 'Xochiquétzal', maternalSurname: 'Tlacuilo', birthDate: '1971-03-09', sex: 'M', nationality: 'MX' };
const NOMINA_APPLICATION = {
  applicant: { birth_date: '1971-03-09' },
  payroll: { net_pay: '18000', existing_deductions: '0' },
  employment: { months: 48, contract: 'planta', employer_in_agreement: true },
  bureau: { score: 720, worst_dpd_12m: 0, monthly_payments: '3000' },
  request: { amount: '30000', payments: 24 },
};
/** Latin-1 bytes of a string of code points below 256 (as Excel exports a CSV). */
const latin1 = (text: string) => Buffer.from(Uint8Array.from(text, (ch) => ch.charCodeAt(0)));

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

async function loginOfficer(page: Page): Promise<void> {
  await browser.context.clearCookies();
  await page.goto(`${studio.url}/login`);
  await submitLogin(page, OFFICER.email, OFFICER.password);
}

const text = async (page: Page, testid: string) => (await page.getByTestId(testid).innerText()).trim();
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(docsDir, `compliance-${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await pageWidth(page), name).toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(docsDir, `compliance-${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('the compliance screens in the studio', () => {
  beforeAll(async () => {
    studio = await serveBuiltStudio();
    await api('POST', '/users', OFFICER);
    clientId = (await api('POST', '/clients', CLIENT)).client.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uploads a list: broken rows refused in Spanish by line, then a Latin-1 file naming a client', async () => {
    const page = await browser.newPage();
    await loginOfficer(page);
    await page.getByTestId('nav-compliance').click();
    await page.waitForURL(/\/cumplimiento$/);
    for (const card of ['hits', 'lists', 'alerts', 'policy']) await page.getByTestId(`pld-card-${card}`).waitFor();
    expect(await page.getByTestId('pld-card-alerts').getAttribute('href')).toBe('/cumplimiento/alertas');
    expect(await page.getByTestId('pld-card-policy').getAttribute('href')).toBe('/cumplimiento/politica');
    await page.getByTestId('pld-lists-count').waitFor();
    await shoot(page, 'index');
    await page.getByTestId('pld-card-lists').click();
    await page.waitForURL(/\/cumplimiento\/listas$/);

    // Broken rows: refused, each by its line, in Spanish; nothing stored.
    await page.getByTestId('upload-name').fill(LIST_NAME);
    await page.getByTestId('upload-kind').selectOption('own');
    await page.getByTestId('upload-file').setInputFiles({ name: 'rota.csv', mimeType: 'text/csv', buffer: Buffer.from('NOMBRE,FECHA DE NACIMIENTO\nAna Ruiz,31/02/1980\n,1970\nPedro Soto\n') });
    expect(await text(page, 'upload-encoding')).toBe('El archivo está en UTF-8.');
    await page.getByTestId('upload-submit').click();
    await page.getByTestId('upload-problems').waitFor();
    expect(await page.getByTestId('upload-problems').locator('li').allInnerTexts()).toEqual([
      'Línea 2: «31/02/1980» no es una fecha (AAAA-MM-DD, DD/MM/AAAA, 12 Jan 1960 o un año)',
      'Línea 3: no tiene nombre',
      'Línea 4: tiene 1 campos y el encabezado 2',
    ]);
    expect(await text(page, 'upload-result')).toContain('La lista no se cargó: no se guardó nada.');
    expect((await api('GET', '/watchlists')).watchlists.filter((w: any) => w.name === LIST_NAME)).toEqual([]);
    await shoot(page, 'lists-refused');

    // A Latin-1 file (accents as Excel writes them): said before sending, read by the runtime as such.
    await page.getByTestId('upload-file').setInputFiles({ name: 'propia.csv', mimeType: 'text/csv', buffer: latin1('NOMBRE,FECHA DE NACIMIENTO,ID\nEufrosina Xochiquétzal Tlacuilo,09/03/1971,E2E-1\nÁngel Zúñiga Olvera,1950,E2E-2\n') });
    expect(await text(page, 'upload-encoding')).toMatch(/^El archivo no es UTF-8: se leerá como Latin-1/);
    await page.getByTestId('upload-submit').click();
    await page.getByTestId('upload-result').getByText(/^Lista «Propia e2e cumplimiento» cargada/).waitFor();
    expect(await text(page, 'upload-result')).toMatch(/^Lista «Propia e2e cumplimiento» cargada: versión 1, 2 registros \(Latin-1\)\. Se cotejaron \d+ clientes: 1 coincidencias nuevas\.$/);
    const row = page.locator(`[data-testid=list-row][data-name="${LIST_NAME}"]`);
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(/Propia e2e cumplimiento Propia v1 2 85% Latin-1 .+ 1$/);
    await shoot(page, 'lists');
    await page.close();
  });

  it('shows the hit with the client, the entry, the score and the referred decision, and clears it with a note', async () => {
    const { decision } = await api('POST', '/decisions', { product: 'nomina', application: NOMINA_APPLICATION, clientId });
    expect(decision.outcome).toBe('refer');
    const page = await browser.newPage();
    await loginOfficer(page);
    await page.goto(`${studio.url}/cumplimiento/listas`);
    await page.locator(`[data-testid=list-row][data-name="${LIST_NAME}"] [data-testid=list-open]`).click();
    await page.waitForURL(/\/cumplimiento\/coincidencias\?lista=/);
    const card = page.getByTestId('hit');
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    expect(await card.getAttribute('data-status')).toBe('open');
    expect(await text(page, 'hit-client')).toBe('Eufrosina Xochiquétzal Tlacuilo');
    expect(await page.getByTestId('hit-client').getAttribute('href')).toBe(`/clientes/${clientId}`);
    expect(await text(page, 'hit-entry')).toBe('Eufrosina Xochiquétzal Tlacuilo · E2E-1');
    expect(await text(page, 'hit-score')).toBe('100%');
    expect(await text(page, 'hit-birth')).toBe('Coincide: cliente 9 mar 1971, lista 9 mar 1971');
    expect(await text(page, 'hit-decisions')).toMatch(/^1, la última el \d+ \w+ \d{4}$/);
    await shoot(page, 'hits');

    // A ruling needs its note.
    await page.getByTestId('hit-clear').click();
    expect(await text(page, 'hit-outcome')).toBe('Escribe la nota del dictamen.');
    await page.getByTestId('hit-note').fill('Homónima: CURP y domicilio distintos a los del registro de la lista');
    await page.getByTestId('hit-clear').click();
    await page.getByTestId('hit-outcome').getByText('Coincidencia descartada.').waitFor();
    expect(await card.getAttribute('data-status')).toBe('cleared');
    expect(await text(page, 'hit-ruling')).toMatch(/^Descartada el .+: Homónima: CURP y domicilio/);
    expect(await page.getByTestId('hit-clear').count()).toBe(0);
    const hits = (await api('GET', `/screening/hits?clientId=${clientId}`)).hits;
    expect(hits.map((h: any) => [h.status, h.decidedBy?.startsWith('user:'), h.comment])).toEqual([['cleared', true, 'Homónima: CURP y domicilio distintos a los del registro de la lista']]);

    // The open queue no longer has it; the cleared filter does.
    await page.getByTestId('hits-list').selectOption('');
    await page.waitForURL(/\/cumplimiento\/coincidencias$/);
    await page.waitForFunction((id) => ![...document.querySelectorAll('[data-testid=hit-client]')].some((a) => a.getAttribute('href') === `/clientes/${id}`), clientId);
    await page.getByTestId('hits-status').selectOption('cleared');
    await page.waitForURL(/estado=cleared/);
    await page.locator(`[data-testid=hit-client][href="/clientes/${clientId}"]`).waitFor();
    await shoot(page, 'hits-cleared');
    // In English, the same screen in English.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    try {
      await page.getByRole('heading', { name: 'Watchlist hits' }).waitFor();
      expect(await page.locator('[data-testid=hit][data-status=cleared] [data-testid=hit-status]').first().innerText()).toBe('Cleared');
    } finally {
      await page.getByRole('button', { name: 'ES', exact: true }).click();
    }
    await page.close();
  });

  it('shows «Cumplimiento» only to roles that review hits or upload lists', async () => {
    await browser.context.clearCookies();
    const analyst = await browser.newPage();
    await login(analyst, studio, 'analyst');
    expect(await analyst.getByTestId('nav-compliance').count()).toBe(0);
    await analyst.close();
    await browser.context.clearCookies();
    const admin = await browser.newPage();
    await login(admin, studio, 'admin');
    await admin.getByTestId('nav-compliance').waitFor();
    await admin.close();
  });
});
