// Issue 19's "done when", as one person would live it, on a fresh install of the real runtime:
// a product manager who installs Plazo creates the first (admin) account, the approver and the
// operator; creates a payroll product from its template; changes the rate, the maximum term and an
// eligibility rule in the form view; brings the tests the new rate moved up to date with «Usar la
// cifra nueva»; runs the simulator and saves the case as a test; requests approval with a note.
// The approver sees the impact and approves: version 1 is published. A loan is opened from a
// decision on the new product (the lender's origination system, through the API) and the operator
// registers its first payment on the loan page; then works an overdue loan of the collection queue.
// Each step's screenshot goes to test-results/journey-NN-*.png (the ones in studio/docs/ and
// studio/README.md come from here); test-results/journey.json holds the time from the first-run
// page to the first published product.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, resultsDir, screenshot, submitLogin, type Browser } from './harness.ts';
import { startFreshRuntime, type FreshRuntime } from './fresh-runtime.ts';

let runtime: FreshRuntime;
let browser: Browser;
let page: Page;

const PM = { name: 'Paula Ruiz', email: 'paula@sofom.mx', password: 'la frase larga de paula' };
const APPROVER = { name: 'Lucía Aprobación', email: 'lucia@sofom.mx', password: 'la frase larga de lucia' };
const OPERATOR = { name: 'Omar Operación', email: 'omar@sofom.mx', password: 'la frase larga de omar' };
const CODE = 'nomina_empresas_2026';

/** Milestones of the journey, in ms since the first-run page opened. */
const clock = { started: 0, published: 0 };

beforeAll(async () => {
  runtime = await startFreshRuntime({ demoPortfolio: true });
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-journey-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

/** The page as it is now, full height, at 1280 px: `journey-<name>.png`. */
async function shoot(name: string): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(resultsDir, `journey-${name}.png`), fullPage: true });
}

async function logIn(who: { email: string; password: string }): Promise<void> {
  if (await page.getByTestId('logout').count()) await page.getByTestId('logout').click();
  await page.goto(`${runtime.url}/login`);
  await submitLogin(page, who.email, who.password);
}

/** Types a value into a form input and commits it (the change event). */
async function commit(testid: string, value: string): Promise<void> {
  const input = page.getByTestId(testid);
  await input.fill(value);
  await input.press('Tab');
}

/** The product's stored draft, as the admin key reads it. */
async function draftSource(): Promise<string> {
  const response = await fetch(`${runtime.url}/api/v1/products/${CODE}/draft`, { headers: { authorization: `Bearer ${runtime.adminKey}` } });
  return (await response.json()).draft.source as string;
}

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${runtime.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${runtime.adminKey}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

describe('a product manager launches a payroll product alone', () => {
  it('creates the first account on a fresh install', async () => {
    clock.started = Date.now();
    await page.goto(runtime.url);
    await page.getByTestId('first-run').waitFor();
    await page.getByLabel('Nombre').fill(PM.name);
    await page.getByLabel('Correo electrónico').fill(PM.email);
    await page.getByLabel('Contraseña', { exact: true }).fill(PM.password);
    await page.getByLabel('Repite la contraseña').fill(PM.password);
    await shoot('01-first-run');
    await page.getByRole('button', { name: 'Crear la cuenta de administración' }).click();
    await page.getByTestId('users-welcome').waitFor();
  });

  it('creates the approver and the operator', async () => {
    for (const [who, role] of [
      [APPROVER, 'approver'],
      [OPERATOR, 'operator'],
    ] as const) {
      await page.getByTestId('user-name').fill(who.name);
      await page.getByTestId('user-email').fill(who.email);
      await page.getByTestId('user-role').selectOption(role);
      await page.getByTestId('user-password-typed').check();
      await page.getByTestId('user-password').fill(who.password);
      await page.getByTestId('user-submit').click();
      await expect.poll(() => page.getByTestId('users-notice').textContent()).toContain(who.email);
    }
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(3);
    await shoot('02-users');
  });

  it('creates a payroll product from the template', async () => {
    await page.goto(runtime.url);
    await page.getByTestId('new-product-button').click();
    await page.getByTestId('template-nomina').click();
    await page.getByTestId('product-name').fill('Nómina Empresas 2026');
    expect(await page.getByTestId('product-code').inputValue()).toBe(CODE);
    await shoot('03-new-product');
    await page.getByTestId('new-product-submit').click();
    await page.waitForURL(`${runtime.url}/products/${CODE}`);
    await expect.poll(() => page.getByTestId('tests-badge').textContent(), { timeout: 30_000 }).toBe('✓ 2');
    expect(await page.getByTestId('problem-count').textContent()).toBe('Errores: 0 · Advertencias: 0');
  });

  it('changes the rate, the maximum term and a rule in the form view', async () => {
    await page.getByTestId('view-form').click();
    await page.getByTestId('form-view').waitFor();
    await commit('rate', '32');
    await commit('term-0-max', '36');
    const months = page.locator('[data-reason="ANTIGUEDAD"] [data-testid$="-clause-0-value"]');
    await months.fill('9');
    await months.press('Tab');
    await commit('rule-3-message', 'Antigüedad menor a 9 meses: validar la relación laboral con el patrón');
    await expect
      .poll(async () => {
        const source = await draftSource();
        return ['rate 32%', 'payments 6..36 semimonthly', 'refer "ANTIGUEDAD" when employment.months < 9', 'menor a 9 meses'].filter((p) => !source.includes(p));
      }, { timeout: 15_000 })
      .toEqual([]);
    await page.getByTestId('form-pricing').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot('04-form');
  });

  it('brings the tests the new rate moved up to date', async () => {
    await page.getByTestId('tab-tests').click();
    await expect.poll(() => page.getByTestId('tests-badge').textContent()).toBe('✗ 1');
    const take = page.getByTestId('take-figure');
    await expect.poll(() => take.count()).toBe(2); // the installment and the CAT
    await shoot('05-tests-moved');
    while ((await take.count()) > 0) {
      const before = await take.count();
      await take.first().click();
      await expect.poll(() => take.count()).toBe(before - 1);
    }
    await expect.poll(() => page.getByTestId('tests-badge').textContent()).toBe('✓ 2');
    await expect.poll(async () => (await draftSource()).includes('expect installment 2_262.82'), { timeout: 15_000 }).toBe(false);
  });

  it('runs the simulator and saves the case as a test', async () => {
    await page.getByTestId('tab-simulator').click();
    const outcome = page.getByTestId('sim-outcome');
    await expect.poll(() => outcome.getAttribute('data-outcome')).toBe('approve');
    // Eight months in the job: the rule changed in the form now sends the case to review.
    await page.locator('#sim-employment-months').fill('8');
    await expect.poll(() => outcome.getAttribute('data-outcome')).toBe('refer');
    expect(await page.getByTestId('sim-reasons').textContent()).toContain('ANTIGUEDAD');
    await page.locator('#sim-test-name').fill('ocho meses en el empleo: revisión');
    await page.getByTestId('save-test').click();
    await page.getByTestId('notice').filter({ hasText: 'ocho meses en el empleo' }).waitFor();
    await expect.poll(() => page.getByTestId('tests-badge').textContent()).toBe('✓ 3');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await shoot('06-simulator');
  });
});

/** The product manager sends the draft for approval with a note, from the product page. */
async function requestApproval(note: string): Promise<void> {
  await page.goto(`${runtime.url}/products/${CODE}`);
  await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
  await expect.poll(() => page.getByTestId('approval-request').isDisabled(), { timeout: 30_000 }).toBe(false);
  await page.getByTestId('approval-request').click();
  await page.getByTestId('approval-note').fill(note);
  await page.getByTestId('approval-send').click();
  await expect.poll(() => page.getByTestId('approval-status').getAttribute('data-status')).toBe('pending');
}

/** The approver opens the newest pending request from the Aprobaciones queue. */
async function openPendingRequest(): Promise<void> {
  await logIn(APPROVER);
  await page.getByTestId('nav-approvals').click();
  const row = page.getByTestId('approval-row').filter({ hasText: 'Nómina Empresas 2026' }).first();
  await row.getByRole('link').click();
  await page.getByTestId('request-note').waitFor();
}

describe('approval', () => {
  it('the product manager requests approval with a note', async () => {
    await requestApproval('Nómina para empresas con convenio: tasa 32%, hasta 36 quincenas, 9 meses de antigüedad.');
    await shoot('07-request');
  });

  it('the approver sees what the first version does and approves it: version 1 is published', async () => {
    await openPendingRequest();
    await expect.poll(() => page.getByTestId('request-tests').textContent()).toMatch(/3/);
    await page.getByTestId('request-comment-input').fill('Conforme con la tasa y el plazo.');
    await shoot('08-approval-first');
    await page.getByTestId('request-approve').click();
    await expect.poll(() => page.getByTestId('request-status').getAttribute('data-status')).toBe('approved');
    clock.published = Date.now() - clock.started;
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'journey.json'), `${JSON.stringify({ timeToFirstPublishedProductMs: clock.published, at: new Date().toISOString() }, null, 2)}\n`);
    console.log(`journey: first product published ${(clock.published / 1000).toFixed(1)} s after the first-run page opened`);
    expect((await api('GET', `/products/${CODE}`)).json.product.latestVersion).toBe(1);
  });
});

describe('the first loan of the new product, and a day of collections', () => {
  let loanId = '';

  it('opens a loan from a decision (the origination system, through the API) and the operator registers its first payment', async () => {
    const application = {
      applicant: { age: 41 },
      payroll: { net_pay: '12000', existing_deductions: '0' },
      employment: { months: 30, employer_in_agreement: true },
      request: { amount: '25000', payments: 24 },
    };
    const decided = await api('POST', '/decisions', { product: CODE, application });
    expect(decided.status, JSON.stringify(decided.json)).toBe(201);
    expect(decided.json.decision.outcome).toBe('approve');
    const opened = await api('POST', '/loans', { decisionId: decided.json.decision.id, externalRef: 'NE26-0001' });
    expect(opened.status, JSON.stringify(opened.json)).toBe(201);
    loanId = opened.json.loan.id;
    expect((await api('POST', `/loans/${loanId}/disbursement`, { reference: 'SPEI 0001' })).status).toBe(201);

    await logIn(OPERATOR);
    await page.goto(`${runtime.url}/prestamos?externalRef=NE26-0001`);
    await page.locator(`a[href="/prestamos/${loanId}"]`).first().click();
    await page.getByTestId('loan-summary').waitFor();
    const payoffBefore = await page.getByTestId('loan-payoff').textContent();
    await page.getByTestId('action-pay').click();
    await page.getByTestId('pay-amount').fill('1500.00');
    await page.getByTestId('pay-reference').fill('ventanilla 7781');
    await page.getByTestId('pay-dialog-submit').click();
    await page.getByTestId('loan-notice').getByText('Pago registrado.').waitFor();
    await expect.poll(() => page.getByTestId('loan-payoff').textContent()).not.toBe(payoffBefore);
    expect(await page.getByTestId('payment-row').count()).toBe(1);
    await shoot('09-loan');
  });

  it('a stricter rule: the approver sees the real decision it would decline, and approves version 2', async () => {
    await logIn(PM);
    await page.goto(`${runtime.url}/products/${CODE}`);
    await page.getByTestId('view-form').click();
    const capacity = page.locator('[data-reason="SIN_CAPACIDAD"] [data-testid$="-clause-0-value"]');
    await capacity.fill('4000');
    await capacity.press('Tab');
    await expect.poll(async () => (await draftSource()).includes('capacity < 4_000'), { timeout: 15_000 }).toBe(true);
    await requestApproval('Capacidad mínima de 4,000 por quincena, como pidió riesgos.');
    await openPendingRequest();
    const report = page.getByTestId('impact-report');
    const real = report.getByTestId('impact-group').first();
    await real.getByTestId('impact-flip').filter({ hasText: 'Aprobadas → rechazadas' }).waitFor({ timeout: 30_000 });
    expect(await real.getByTestId('impact-flip-count').textContent()).toMatch(/1/);
    await report.scrollIntoViewIfNeeded();
    await shoot('10-approval-impact');
    await page.getByTestId('request-comment-input').fill('De acuerdo: un rechazo de 1 decisión reciente.');
    await page.getByTestId('request-approve').click();
    await expect.poll(() => page.getByTestId('request-status').getAttribute('data-status')).toBe('approved');
    expect((await api('GET', `/products/${CODE}`)).json.product.latestVersion).toBe(2);
  });

  it('the operator works an overdue loan in a collection queue: assigns it, logs a promise to pay', async () => {
    await logIn(OPERATOR);
    const { json } = await api('GET', '/collections/queues');
    const queue = (json.queues as { queue: string | null; loans: number; assigned: number }[]).filter((q) => q.queue !== null && q.loans > q.assigned).sort((a, b) => b.loans - a.loans)[0]!;
    await page.goto(`${runtime.url}/portafolio/colas/${encodeURIComponent(queue.queue!)}`);
    await page.getByTestId('queue-loans').waitFor();
    const row = page.getByTestId('queue-row').first();
    const overdueLoan = (await row.getAttribute('data-loan'))!;
    await row.getByTestId('assign-me').click();
    await expect.poll(() => page.locator(`[data-loan="${overdueLoan}"] [data-testid=agent]`).innerText()).toBe(OPERATOR.name);
    await page.locator(`[data-loan="${overdueLoan}"]`).getByTestId('toggle-contacts').click();
    const log = page.getByTestId('contact-log');
    await log.getByLabel('Resultado').selectOption('promise-to-pay');
    const promised = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await log.getByLabel('Monto prometido').fill('800.00');
    await log.getByLabel('Fecha prometida').fill(promised);
    await log.getByLabel('Nota').fill('Paga el viernes en sucursal');
    await log.getByRole('button', { name: 'Registrar gestión' }).click();
    await log.getByTestId('contact').first().waitFor();
    expect(await log.getByTestId('promise-outcome').first().innerText()).toBe('Pendiente');
    await shoot('11-queue');
  });
});
