// Disbursement batches in the studio against the real runtime: two clients with a disbursement
// CLABE and a pending nomina loan each (made with the admin key); an operator opens
// «Tesorería › Dispersiones», sees the loans ready, prepares a batch of the two and reads why she
// cannot approve it herself; an approver approves it; the operator downloads the SPEI layout (the
// batch is then sent) and uploads the bank's status file with one transfer settled and one
// returned: the per-line results show, the first loan is disbursed and the second cancelled.
// Screenshots at 1280 and 390 px go to studio/docs/disbursements-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, resultsDir, screenshot, serveBuiltStudio, type Studio, submitLogin } from './harness.ts';

const docsDir = join(resultsDir, '..', 'docs');
const MAKER = { email: 'tesoreria@plazo.test', name: 'Olga Operadora', role: 'operator', password: 'una clave larga de olga' };
const CHECKER = { email: 'autoriza@plazo.test', name: 'Arturo Autorizador', role: 'approver', password: 'una clave larga de arturo' };
const NOMINA_APPLICATION = {
  applicant: { birth_date: '1985-05-10' },
  payroll: { net_pay: '18000', existing_deductions: '0' },
  employment: { months: 48, contract: 'planta', employer_in_agreement: true },
  bureau: { score: 720, worst_dpd_12m: 0, monthly_payments: '3000' },
  request: { amount: '60000', payments: 24 },
};
/** Valid CLABEs of bank 032 (check digits computed by the engine's rule). */
const CLABES = ['032180000118359719', '032180123456700020'];

let studio: Studio;
let browser: Browser;
let page: Page;

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

async function loginAs(user: { email: string; password: string }): Promise<Page> {
  await page?.close();
  await browser.context.clearCookies();
  page = await browser.newPage();
  await page.goto(`${studio.url}/login`);
  await submitLogin(page, user.email, user.password);
  return page;
}

const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: join(docsDir, `disbursements-${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await pageWidth(), name).toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(docsDir, `disbursements-${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('disbursement batches in the studio', () => {
  const loans: string[] = [];
  let batchId = '';
  /** The runtime's business date (a loan opens on it): the batch's value date. */
  let today = '';

  beforeAll(async () => {
    studio = await serveBuiltStudio();
    for (const user of [MAKER, CHECKER]) await api('POST', '/users', user);
    for (const [i, clabe] of CLABES.entries()) {
      const { client } = await api('POST', '/clients', { kind: 'person', givenNames: i === 0 ? 'Rosa' : 'Tomás', paternalSurname: 'Dispersión', disbursementAccount: { clabe, holderName: i === 0 ? 'ROSA DISPERSION' : 'TOMAS DISPERSION' } });
      const { decision } = await api('POST', '/decisions', { product: 'nomina', application: NOMINA_APPLICATION, clientId: client.id });
      const { loan } = await api('POST', '/loans', { decisionId: decision.id });
      loans.push(loan.id);
      today = loan.openedOn;
    }
    browser = await launchBrowser();
  }, 120_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `failed-disbursements-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the operator prepares a batch of the ready loans and may not approve it herself', async () => {
    await loginAs(MAKER);
    await page.goto(`${studio.url}/tesoreria/dispersiones`);
    await page.getByTestId('disb-candidates').waitFor();
    for (const id of loans) {
      const row = page.locator(`[data-testid=disb-candidate][data-loan="${id}"]`);
      expect(await row.getByTestId('disb-readiness').innerText()).toBe('Listo');
      await row.getByTestId('disb-select').check();
    }
    await page.getByTestId('disb-value-date').fill(today);
    await page.getByTestId('disb-create').click();
    await page.getByTestId('disb-detail').waitFor();
    batchId = new URL(page.url()).searchParams.get('lote')!;
    expect(batchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByTestId('disb-batch-status').innerText()).toBe('Preparado');
    expect(await page.getByTestId('disb-item').count()).toBe(2);
    expect(await page.getByTestId('disb-approve').isDisabled()).toBe(true);
    expect(await page.getByTestId('disb-approve-why').innerText()).toBe('Tú preparaste este lote: lo autoriza otra persona.');
    // The loans now in the batch say so in the list of loans to disburse.
    expect(await page.locator(`[data-testid=disb-candidate][data-loan="${loans[0]}"] [data-testid=disb-readiness]`).innerText()).toBe('ya está en un lote abierto');
    await shoot('prepared');
  });

  it('another person approves it; the layout download sends it; the status file disburses one loan and cancels the other', async () => {
    await loginAs(CHECKER);
    await page.goto(`${studio.url}/tesoreria/dispersiones?lote=${batchId}`);
    await page.getByTestId('disb-detail').waitFor();
    await page.getByTestId('disb-approve').click();
    await expect.poll(() => page.getByTestId('disb-batch-status').innerText()).toBe('Autorizado');

    await loginAs(MAKER);
    await page.goto(`${studio.url}/tesoreria/dispersiones?lote=${batchId}`);
    await page.getByTestId('disb-layout').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('disb-layout').click()]);
    const layout = readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
    expect(layout[0]).toBe('clave_rastreo,fecha_valor,tipo_pago,banco_beneficiario,tipo_cuenta_beneficiario,clabe_beneficiario,nombre_beneficiario,monto,concepto,referencia_numerica');
    expect(layout).toHaveLength(3);
    const keys = layout.slice(1).map((l) => l.split(',')[0]!);
    const valueDate = layout[1]!.split(',')[1]!;
    await page.reload();
    await expect.poll(() => page.getByTestId('disb-batch-status').innerText()).toBe('Enviado');

    const status = ['clave_rastreo,estado,fecha_liquidacion,causa_devolucion', `${keys[0]},liquidada,${valueDate} 10:15:00,`, `${keys[1]},devuelta,${valueDate} 11:00:00,02 Cuenta bloqueada`, ''].join('\n');
    await page.getByTestId('disb-status-file').setInputFiles({ name: 'estado.csv', mimeType: 'text/csv', buffer: Buffer.from(status, 'utf8') });
    await page.getByTestId('disb-results').waitFor();
    expect(await page.getByTestId('disb-result').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')))).toEqual(['liquidated', 'returned']);
    await expect.poll(() => page.getByTestId('disb-batch-status').innerText()).toBe('Cerrado');
    expect(await page.getByTestId('disb-item').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).toEqual(['liquidated', 'returned']);
    await shoot('closed');

    const first = (await api('GET', `/loans/${loans[0]}`)).loan;
    expect(first).toMatchObject({ status: 'active', disbursedOn: valueDate });
    expect((await api('GET', `/loans/${loans[1]}`)).loan.status).toBe('cancelled');
  });
});
