// The loans list and the loan page against the real runtime: a loan opened through the HTTP API
// (decision on the nomina example, open, disburse), found in /prestamos by its external
// reference, its page opened; a payment registered in the UI moves the payoff and adds ledger
// lines; reversing it puts the payoff back and posts the reversal. The shared runtime carries the
// demo portfolio (global-setup.ts), so the list also shows late loans: none of them says
// "vigente". Screenshots at 1280 and 390 px go to studio/docs/.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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
const ref = `PAGINA-${Date.now().toString(36).toUpperCase()}`;

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

const text = async (page: Page, testid: string) => (await page.getByTestId(testid).innerText()).trim();

describe('the loans list and the loan page', () => {
  beforeAll(async () => {
    studio = await serveBuiltStudio();
    const { decision } = await api('POST', '/decisions', { product: 'nomina', application: NOMINA_APPLICATION });
    const { loan } = await api('POST', '/loans', { decisionId: decision.id, externalRef: ref });
    await api('POST', `/loans/${loan.id}/disbursement`, {});
    loanId = loan.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists loans with their status in words, filters them, and never calls a late loan vigente', async () => {
    const page = await browser.newPage();
    await login(page, studio, 'admin');
    await page.getByTestId('nav-loans').click();
    await page.waitForURL(/\/prestamos$/);
    await page.getByRole('heading', { name: 'Préstamos', level: 1 }).waitFor();
    await page.getByTestId('loan-row').first().waitFor();
    // The demo portfolio's late loans: 91+ days past due, in words, with their stage.
    await page.getByTestId('f-dpdMin').fill('91');
    await page.getByTestId('f-apply').click();
    await page.waitForURL(/dpdMin=91/);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=loan-row] td:nth-of-type(5)')].every((td) => Number(td.textContent) >= 91));
    const late = await page.getByTestId('loan-row-status').allInnerTexts();
    await page.screenshot({ path: join(docsDir, 'loan-list-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('loans-scroll').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(docsDir, 'loan-list-390.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(late.length).toBeGreaterThan(0);
    for (const s of late) expect(s).toMatch(/^(vencido, con \d+ días de atraso(, en etapa \S+)?|castigado|liquidado)$/);
    const api91 = await api('GET', '/loans?dpdMin=91&limit=50');
    expect(late.length).toBe(api91.loans.length);
    // The CSV link carries the same filters.
    expect(await page.getByTestId('loans-csv').getAttribute('href')).toBe('/api/v1/loans?dpdMin=91&format=csv&limit=5000');
    // The download goes with the session cookie, as the link does.
    const csv = await page.context().request.get(`${studio.url}/api/v1/loans?dpdMin=91&format=csv&limit=5000`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await csv.text()).trimEnd().split('\r\n')).toHaveLength(api91.loans.length + 1);
    // Our loan, by its external reference: opened today, no end of day yet.
    await page.getByRole('link', { name: 'Quitar filtros' }).click();
    await page.waitForURL(/\/prestamos$/);
    await page.getByTestId('f-search').fill(ref);
    await page.getByTestId('f-apply').click();
    await page.waitForURL(new RegExp(`externalRef=${ref}`));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=loan-row]').length === 1);
    expect(await text(page, 'loan-row-status')).toBe('activo (sin cierre del día todavía)');
    await page.getByRole('link', { name: ref }).click();
    await page.waitForURL(new RegExp(`/prestamos/${loanId}$`));
    await page.close();
  });

  it('registers a payment in the UI, shows the payoff and the ledger move, and reverses it', async () => {
    const page = await browser.newPage();
    await login(page, studio, 'admin');
    await page.goto(`${studio.url}/prestamos/${loanId}`);
    await page.getByTestId('loan-summary').waitFor();
    await page.getByTestId('ledger-row').first().waitFor();
    expect(await text(page, 'loan-status')).toBe('vigente, al corriente');
    expect(await text(page, 'loan-dpd')).toBe('0');
    const before = await api('GET', `/loans/${loanId}`);
    const payoffBefore = await text(page, 'loan-payoff');
    expect(payoffBefore).toBe(`$${before.state.payoff.total.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`);
    const ledgerBefore = await page.getByTestId('ledger-row').count();
    expect(ledgerBefore).toBeGreaterThan(0);
    expect(await page.getByTestId('loan-schedule').locator('tbody tr').count()).toBe(before.state.installments.length);
    await page.getByTestId('loan-timeline').waitFor();

    // A payment: a bad amount keeps the button off; a decimal string goes through.
    await page.getByTestId('action-pay').click();
    await page.getByTestId('pay-amount').fill('1,500');
    expect(await page.getByTestId('pay-dialog-submit').isDisabled()).toBe(true);
    await page.getByTestId('pay-amount').fill('1500.00');
    await page.getByTestId('pay-reference').fill('SPEI-E2E');
    await page.getByTestId('pay-dialog-submit').click();
    await page.getByTestId('loan-notice').getByText('Pago registrado.').waitFor();
    await page.getByTestId('payment-row').waitFor();
    expect(await text(page, 'payment-status')).toBe('aplicado');
    const paid = await api('GET', `/loans/${loanId}`);
    const payment = paid.events.find((e: any) => e.kind === 'payment');
    expect(payment.payload).toMatchObject({ amount: '1500.00', reference: 'SPEI-E2E' });
    expect(await text(page, 'loan-payoff')).not.toBe(payoffBefore);
    expect(await text(page, 'loan-payoff')).toBe(`$${paid.state.payoff.total.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`);
    const ledgerPaid = await page.getByTestId('ledger-row').count();
    expect(ledgerPaid).toBeGreaterThan(ledgerBefore);
    // People and words, not ids: the payment's event names who recorded it, the ledger says «Pago».
    const paymentEvent = page.getByTestId('loan-events').locator('tbody tr').filter({ hasText: 'Pago' }).first();
    expect(await paymentEvent.textContent()).not.toMatch(/user:|api-key:/);
    expect(await page.getByTestId('ledger-row').filter({ hasText: 'Pago' }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('loan-ledger').textContent()).not.toMatch(/ loan [0-9a-f]{8}-/);
    // A current loan is offered no restructuring (its stage makes no offer).
    expect(await page.getByTestId('action-restructure').count()).toBe(0);

    // The reversal, with its reason.
    await page.getByTestId('action-reverse').click();
    expect(await page.getByTestId('reverse-dialog-submit').isDisabled()).toBe(true);
    await page.getByTestId('reverse-reason').fill('Pago duplicado en el banco');
    await page.getByTestId('reverse-dialog-submit').click();
    await page.getByTestId('loan-notice').getByText('Pago reversado.').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=payment-status]')?.textContent?.trim() === 'reversado');
    expect(await text(page, 'loan-payoff')).toBe(payoffBefore);
    expect(await page.getByTestId('ledger-row').count()).toBeGreaterThan(ledgerPaid);
    expect(await page.getByTestId('action-reverse').count()).toBe(0);
    const reversed = await api('GET', `/loans/${loanId}`);
    expect(reversed.events.find((e: any) => e.kind === 'payment-reversal').payload).toMatchObject({ paymentId: payment.payload.id, reason: 'Pago duplicado en el banco' });

    await page.screenshot({ path: join(docsDir, 'loan-page-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    // The page fits; the wide tables scroll sideways inside their frames.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const scrolls = await page.evaluate(() => ['schedule-scroll', 'ledger-scroll'].map((t) => { const el = document.querySelector<HTMLElement>(`[data-testid=${t}]`)!; return el.scrollWidth > el.clientWidth; }));
    expect(scrolls).toEqual([true, true]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(docsDir, 'loan-page-390.png') });
    await page.close();
  });

  it('shows the restructuring offer a late loan’s stage makes; cancelling records nothing', async () => {
    // A late demo loan whose product offers restructuring at its stage.
    const { queues } = await api('GET', '/collections/queues');
    let offered: { id: string; offer: any } | undefined;
    for (const q of queues.filter((q: any) => q.restructuring_offers > 0)) {
      const { loans } = await api('GET', `/collections/queues/${encodeURIComponent(q.queue)}/loans?limit=500`);
      for (const l of loans.filter((l: any) => l.restructuring_offer)) {
        const r = await fetch(`${studio.url}/api/v1/loans/${l.loan_id}/restructuring-offer`, { headers: { authorization: `Bearer ${studio.adminKey}` } });
        if (r.ok) offered = { id: l.loan_id, offer: await r.json() };
        if (offered) break;
      }
      if (offered) break;
    }
    expect(offered, 'a demo loan with a restructuring offer today').toBeTruthy();
    const page = await browser.newPage();
    await login(page, studio, 'admin');
    await page.goto(`${studio.url}/prestamos/${offered!.id}`);
    await page.getByTestId('loan-summary').waitFor();
    expect(await text(page, 'loan-status')).toMatch(/^vencido, con \d+ días de atraso, en etapa /);
    expect(await text(page, 'loan-stage')).toBe(offered!.offer.stage);
    await page.getByTestId('action-restructure').click();
    await page.getByTestId('restructure-dialog').getByText(`${offered!.offer.cat} %`).waitFor();
    expect(await page.getByTestId('restructure-dialog-submit').isDisabled()).toBe(false);
    await page.getByTestId('restructure-dialog').getByRole('button', { name: 'Cancelar' }).click();
    const after = await api('GET', `/loans/${offered!.id}`);
    expect(after.events.some((e: any) => e.kind === 'restructure')).toBe(false);
    await page.close();
  });

  it('offers only what the role may do: an approver may write off, not take payments', async () => {
    // Its own browser: its own session.
    const approverBrowser = await launchBrowser();
    const page = await approverBrowser.newPage();
    await login(page, studio, 'approver');
    await page.goto(`${studio.url}/prestamos/${loanId}`);
    await page.getByTestId('loan-summary').waitFor();
    expect(await page.getByTestId('action-write-off').count()).toBe(1);
    expect(await page.getByTestId('action-pay').count()).toBe(0);
    expect(await page.getByTestId('action-restructure').count()).toBe(0);
    expect(await page.getByTestId('action-reverse').count()).toBe(0);
    // Writing off waits for a reason and the confirmation; cancelled here, nothing is recorded.
    await page.getByTestId('action-write-off').click();
    await page.getByTestId('write-off-reason').fill('Prueba');
    expect(await page.getByTestId('write-off-dialog-submit').isDisabled()).toBe(true);
    await page.getByTestId('write-off-confirm').check();
    expect(await page.getByTestId('write-off-dialog-submit').isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'Cancelar' }).click();
    expect((await api('GET', `/loans/${loanId}`)).loan.status).toBe('active');
    await approverBrowser.close();
  });
});
