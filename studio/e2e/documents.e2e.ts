// A client's documents in the studio against the real runtime: an operator opens a client's 360
// page (a client of this file's own), uploads a PDF as proof of address, sees it listed with its
// kind, size and SHA-256, downloads the same bytes, and is told in Spanish that a .txt is not a
// document the runtime takes; an approver (clients:read-pii, no clients:write) sees the list
// without the upload form. Screenshots at 1280 and 390 px go to studio/docs/documents-*.png.
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, login, resultsDir, serveBuiltStudio, type Studio, submitLogin } from './harness.ts';

const docsDir = join(resultsDir, '..', 'docs');
const OPERATOR = { email: 'dora@plazo.test', name: 'Dora Documentos', role: 'operator', password: 'una clave larga de dora' };
const PDF = Buffer.from(`%PDF-1.4\n% recibo de luz ${randomBytes(6).toString('hex')}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const SHA = createHash('sha256').update(PDF).digest('hex');

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

async function shoot(page: Page, name: string): Promise<void> {
  await page.getByTestId('client-documents').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(docsDir, `documents-${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(docsDir, `documents-${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('a client’s documents in the studio', () => {
  beforeAll(async () => {
    studio = await serveBuiltStudio();
    await api('POST', '/users', OPERATOR);
    const suffix = randomBytes(3).toString('hex');
    clientId = (await api('POST', '/clients', { kind: 'person', givenNames: `Dolores ${suffix}`, paternalSurname: 'Domínguez', maternalSurname: 'Díaz', birthDate: '1980-03-15', sex: 'M', nationality: 'MX' })).client.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uploads a PDF, lists it with its SHA-256, downloads the same bytes, and refuses a .txt in Spanish', async () => {
    const page = await browser.newPage();
    await loginOperator(page);
    await page.goto(`${studio.url}/clientes/${clientId}`);
    await page.getByTestId('client-no-documents').waitFor();

    await page.getByTestId('document-kind').selectOption({ label: 'Comprobante de domicilio' });
    await page.getByTestId('document-file').setInputFiles({ name: 'recibo de luz.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('document-submit').click();
    await expect.poll(() => page.getByTestId('document-result').innerText()).toBe('Documento guardado: recibo de luz.pdf.');
    const row = page.getByTestId('client-document');
    await expect.poll(() => row.count()).toBe(1);
    const rowText = await row.innerText();
    expect(rowText).toContain('Comprobante de domicilio');
    expect(rowText).toContain('recibo de luz.pdf');
    expect(await page.getByTestId('document-sha').innerText()).toBe(`${SHA.slice(0, 12)}…`);
    expect(await page.getByTestId('document-sha').getAttribute('title')).toContain(SHA);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('document-download').click()]);
    expect(download.suggestedFilename()).toBe('recibo de luz.pdf');
    const saved = await readFile((await download.path())!);
    expect(createHash('sha256').update(saved).digest('hex')).toBe(SHA);

    await page.getByTestId('document-kind').selectOption({ label: 'INE (credencial para votar)' });
    await page.getByTestId('document-file').setInputFiles({ name: 'ine.txt', mimeType: 'text/plain', buffer: Buffer.from('esto no es una credencial') });
    await page.getByTestId('document-submit').click();
    await expect.poll(() => page.getByTestId('document-result').innerText()).toContain('El archivo no es PDF, JPEG, PNG ni WebP');
    expect(await page.getByTestId('document-result').getAttribute('role')).toBe('alert');
    expect(await row.count()).toBe(1);
    await shoot(page, 'operator');
    await page.close();
  });

  it('shows an approver the documents without the upload form', async () => {
    const page = await browser.newPage();
    await browser.context.clearCookies();
    await login(page, studio, 'approver');
    await page.goto(`${studio.url}/clientes/${clientId}`);
    await expect.poll(() => page.getByTestId('client-document').count()).toBe(1);
    expect(await page.getByTestId('document-upload').count()).toBe(0);
    await page.close();
  });
});
