// Working a collection queue against the real runtime with the demo portfolio (overdue loans
// closed by the end of day through yesterday): an operator — a collection agent, a user created
// here with the admin key — opens a queue, filters it to the unassigned loans, assigns one to
// themselves, filters to their own, logs a contact with a promise to pay in the loan's contact log
// and sees it there and in the row (pending), and downloads the queue as CSV.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, serveBuiltStudio, submitLogin, type Browser, type Studio } from './harness.ts';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');
const AGENT = { email: 'gestora@plazo.test', name: 'Gabriela Gestora', role: 'operator', password: 'una clave larga de gabriela' };

let studio: Studio;
let browser: Browser;

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

/** A date `days` from today (UTC), `YYYY-MM-DD`: after the contact's business date in any time zone. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('collection queue', () => {
  let agentId: string;
  beforeAll(async () => {
    studio = await serveBuiltStudio();
    agentId = (await api('POST', '/users', AGENT)).user.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets an agent filter, assign a loan to themselves, log a promise and export the queue', async () => {
    // The demo portfolio's biggest queue with unassigned loans.
    const { queues } = await api('GET', '/collections/queues');
    const queue = [...queues].filter((q: { queue: string | null; loans: number; assigned: number }) => q.queue !== null && q.loans > q.assigned).sort((a, b) => b.loans - a.loans)[0];
    expect(queue, JSON.stringify(queues)).toBeTruthy();

    const page = await browser.newPage();
    await page.goto(`${studio.url}/login`);
    await submitLogin(page, AGENT.email, AGENT.password);
    await page.goto(`${studio.url}/portafolio/colas/${encodeURIComponent(queue.queue)}`);
    await page.getByTestId('queue-loans').waitFor();
    const rows = page.getByTestId('queue-row');
    expect(await rows.count()).toBeGreaterThan(0);

    // Only the unassigned loans.
    await page.getByLabel('Asignación').selectOption('nobody');
    await page.getByRole('button', { name: 'Aplicar filtros' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=queue-row]').length > 0 && !document.querySelector('[aria-busy=true]'));
    const agents = await page.getByTestId('agent').allInnerTexts();
    expect(agents.length).toBeGreaterThan(0);
    expect(new Set(agents)).toEqual(new Set(['—']));

    // Assign the first one to me: the row says so.
    const first = rows.first();
    const loanId = (await first.getAttribute('data-loan'))!;
    expect(await first.getByTestId('open-loan').getAttribute('href')).toBe(`/prestamos/${loanId}`);
    await first.getByTestId('assign-me').click();
    await expect.poll(() => page.locator(`[data-loan="${loanId}"] [data-testid=agent]`).innerText()).toBe(AGENT.name);
    expect((await api('GET', `/collections/queues/${encodeURIComponent(queue.queue)}/loans?agent=${agentId}`)).loans.map((l: { loan_id: string }) => l.loan_id)).toEqual([loanId]);

    // Mine only: that loan.
    await page.getByLabel('Asignación').selectOption('me');
    await page.getByRole('button', { name: 'Aplicar filtros' }).click();
    await expect.poll(async () => (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-loan'))))).toEqual([loanId]);

    // Log a contact with a promise to pay in the loan's contact log.
    const row = page.locator(`[data-loan="${loanId}"]`);
    await row.getByTestId('toggle-contacts').click();
    const log = page.getByTestId('contact-log');
    await log.getByTestId('contact-none').waitFor();
    await log.getByLabel('Resultado').selectOption('promise-to-pay');
    // A bad amount is refused before anything is sent.
    await log.getByLabel('Monto prometido').fill('12,50');
    await log.getByLabel('Fecha prometida').fill(inDays(4));
    await log.getByRole('button', { name: 'Registrar gestión' }).click();
    await expect.poll(() => log.getByTestId('contact-error').innerText()).toContain('monto mayor que cero');
    await log.getByLabel('Monto prometido').fill('1250.50');
    await log.getByLabel('Nota').fill('Paga el viernes en sucursal');
    await log.getByRole('button', { name: 'Registrar gestión' }).click();
    await log.getByTestId('contact').first().waitFor();
    const logged = await log.getByTestId('contact').first().innerText();
    expect(logged).toContain('Promesa de pago');
    expect(logged).toContain('$1,250.50');
    expect(logged).toContain(inDays(4));
    expect(logged).toContain('Paga el viernes en sucursal');
    expect(await log.getByTestId('promise-outcome').first().innerText()).toBe('Pendiente');
    const stored = (await api('GET', `/collections/loans/${loanId}/contacts`)).contacts;
    expect(stored).toEqual([expect.objectContaining({ result: 'promise-to-pay', promise_amount: '1250.50', promise_date: inDays(4), promise_outcome: 'pending', agent_id: agentId })]);

    // The row shows the promise once the queue reloads (filter: pending promises).
    await page.locator('select[name=promise]').selectOption('pending');
    await page.getByRole('button', { name: 'Aplicar filtros' }).click();
    await expect.poll(() => page.locator(`[data-loan="${loanId}"] [data-testid=promise]`).innerText()).toContain('Pendiente');

    // The CSV of what the filters show: my loan with its pending promise.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('queue-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
    expect(csv[0]).toMatch(/^loan_id,external_ref,product_code,status,stage,days_past_due,/);
    expect(csv).toHaveLength(2);
    const header = csv[0]!.split(',');
    const line = csv[1]!.split(',');
    expect(line[0]).toBe(loanId);
    expect(line[header.indexOf('promise_amount')]).toBe('1250.50');
    expect(line[header.indexOf('promise_outcome')]).toBe('pending');
    expect(line[header.indexOf('agent_name')]).toBe(AGENT.name);

    // Screenshots: the full queue with the contact log open, wide and narrow.
    await page.getByRole('button', { name: 'Limpiar' }).click();
    // The contact log stays open for the loan across reloads.
    await page.getByTestId('contact-log').getByTestId('contact').first().waitFor();
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('.scroll')) el.scrollLeft = 0;
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: join(docs, 'collections-queue-1280.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(docs, 'collections-queue-390.png'), fullPage: false });
    await page.getByTestId('contact-log').scrollIntoViewIfNeeded();
    await screenshot(page, 'collections-queue-390-log');
    await page.close();
  });
});
