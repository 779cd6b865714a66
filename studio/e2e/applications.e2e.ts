// The review queue against the real runtime (issue 14): a product of its own (the payroll example
// under another code, published by the approver); a decision the engine refers (four months in
// the job) appears in «Solicitudes»; the approver opens it — the reasons with their messages, the
// decision, the history — changes the amount (a live quote of the change) and approves: a loan
// exists for the new amount, opened from the approved decision. An operator reads the queue but
// has no review forms, and the runtime refuses their approval (403). Screenshots at 1280 and
// 390 px go to studio/docs/applications-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, login, resultsDir, screenshot, serveBuiltStudio, type Studio, submitLogin } from './harness.ts';

const docsDir = join(resultsDir, '..', 'docs');
const CODE = 'sol_nomina';
const OPERATOR = { email: 'oscar.solicitudes@plazo.test', name: 'Óscar Mostrador', role: 'operator', password: 'una clave larga de oscar' };
/** Referred by the payroll product: `ANTIGUEDAD` (four months in the job). */
const REFERRED = {
  applicant: { birth_date: '1985-05-10' },
  payroll: { net_pay: '18000', existing_deductions: '0' },
  employment: { months: 4, contract: 'planta', employer_in_agreement: true },
  bureau: { score: 720, worst_dpd_12m: 0, monthly_payments: '3000' },
  request: { amount: '60000', payments: 24 },
};

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

/** A referred decision taken with the admin key; its application id. */
async function referred(): Promise<string> {
  const { decision } = await api('POST', '/decisions', { product: CODE, application: REFERRED });
  expect(decision.outcome, JSON.stringify(decision.reasons)).toBe('refer');
  return decision.applicationId;
}

const pageWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth);
async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: join(docsDir, `applications-${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await pageWidth(page), name).toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(docsDir, `applications-${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('the review queue in the studio', () => {
  beforeAll(async () => {
    studio = await serveBuiltStudio();
    const source = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'nomina.plazo'), 'utf8').replace('product nomina "', `product ${CODE} "`);
    await api('POST', '/products', { code: CODE, name: 'Nómina (solicitudes)', source });
    await api('POST', '/users', OPERATOR);
    browser = await launchBrowser();
    page = await browser.newPage();
    await login(page, studio, 'approver');
    const published = await page.evaluate(async (code) => (await fetch(`/api/v1/products/${code}/versions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status, CODE);
    expect(published).toBe(201);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-applications-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a referred decision appears in the queue; the approver approves a changed amount and the loan opens for it', async () => {
    const id = await referred();
    await page.goto(`${studio.url}/`);
    await page.getByTestId('nav-applications').click();
    await page.waitForURL(/\/solicitudes$/);
    const row = page.locator(`[data-testid="application-row"][data-id="${id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('ANTIGUEDAD');
    expect(await page.getByTestId('applications-authority').innerText()).toContain('100,000');
    await shoot('queue');

    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/solicitudes/${id}$`));
    expect(await page.getByTestId('application-reasons').innerText()).toMatch(/ANTIGUEDAD — Antigüedad menor a 6 meses/);
    expect(await page.getByTestId('application-status').innerText()).toBe('Pendiente');
    await page.getByTestId('approve-amount').fill('40000');
    await page.getByTestId('approve-payments').fill('18');
    await expect.poll(() => page.getByTestId('approve-quote').innerText(), { timeout: 10_000 }).toMatch(/CAT \d+\.\d%/);
    await page.getByTestId('approve-note').fill('Validé la relación laboral con el patrón; bajo el monto a 40 mil.');
    await shoot('detail');
    await page.getByTestId('approve-submit').click();
    await page.getByTestId('application-done').waitFor();
    expect(await page.getByTestId('application-status').innerText()).toBe('Aprobada');
    expect(await page.getByTestId('application-history').innerText()).toContain('Aprobada');

    const { application } = await api('GET', `/applications/${id}`);
    expect(application).toMatchObject({ status: 'approved', approvedAmount: '40000', approvedPayments: 18 });
    const { loan } = await api('GET', `/loans/${application.loanId}`);
    expect(loan).toMatchObject({ status: 'pending', decisionId: application.approvedDecisionId, product: { code: CODE } });
    const { decision } = await api('GET', `/decisions/${application.approvedDecisionId}`);
    expect(decision.offer.amount).toBe('40000');
    expect(loan.principal).toBe(decision.offer.terms.principal);
    expect(await page.getByTestId('application-loan').getAttribute('href')).toBe(`/prestamos/${loan.id}`);
    await shoot('approved');
  });

  it('an operator reads the queue but has no review forms, and the runtime refuses their approval', async () => {
    const id = await referred();
    await browser.context.clearCookies();
    await page.goto(`${studio.url}/login`);
    await submitLogin(page, OPERATOR.email, OPERATOR.password);
    await page.goto(`${studio.url}/solicitudes`);
    await page.locator(`[data-testid="application-row"][data-id="${id}"]`).waitFor();
    expect(await page.getByTestId('applications-authority').innerText()).toContain('no tiene facultad');
    await page.goto(`${studio.url}/solicitudes/${id}`);
    await page.getByTestId('application-reasons').waitFor();
    expect(await page.getByTestId('application-read-only').innerText()).toContain('no tiene facultad');
    expect(await page.getByTestId('approve-form').count()).toBe(0);
    expect(await page.getByTestId('decline-form').count()).toBe(0);
    const refused = await page.evaluate(async (appId) => {
      const r = await fetch(`/api/v1/applications/${appId}/approve`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ note: 'yo no puedo' }) });
      return { status: r.status, body: await r.json() };
    }, id);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'forbidden', details: { permission: 'applications:review', role: 'operator' } });
    expect((await api('GET', `/applications/${id}`)).application.status).toBe('pending');
    await shoot('operator');
  });
});
