// Approvals a product manager can follow (issue 19), in a real browser against the runtime serving
// the built studio: the PM changes a rate and asks for approval with a note; the approver finds it
// under Aprobaciones (with the pending count), reads it and rejects it with a comment; the PM sees
// the rejection on the product page and asks again; the approver approves and version 2 is
// published; the PM changes the draft again and discards it, back to version 2. Screenshots of the
// product page, the queue and the request at 1280 and 390 px wide.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, placeCursor, resultsDir, screenshot, serveBuiltStudio, storedDraft, type Browser, type Studio } from './harness.ts';

const CODE = 'nomina_aprobaciones';
const NARROW = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 800 };

let studio: Studio;
let browser: Browser;
let page: Page;

/** Both widths of the page as it is now, `approvals-<name>-1280.png` and `-390.png` under test-results/. */
async function shoot(name: string): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  for (const [size, width] of [[NARROW, 390], [WIDE, 1280]] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(resultsDir, `approvals-${name}-${width}.png`), fullPage: true });
  }
}

async function switchTo(who: 'pm' | 'approver'): Promise<void> {
  await page.goto(`${studio.url}/`);
  await page.getByTestId('who').waitFor();
  await page.getByTestId('logout').click();
  await page.waitForURL(/\/login/);
  await login(page, studio, who);
}

async function openProduct(): Promise<void> {
  await page.goto(`${studio.url}/products/${CODE}`);
  await page.getByTestId('cat').waitFor();
  await expect.poll(() => page.getByTestId('tests-badge').textContent(), { timeout: 20_000 }).toContain('✓');
}

async function changeRate(from: string, to: string): Promise<void> {
  await placeCursor(page, from, from.length - 1);
  await page.keyboard.press('Backspace');
  await page.keyboard.type(to);
  await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
}

async function openRequestFromQueue(): Promise<void> {
  await page.goto(`${studio.url}/aprobaciones`);
  const row = page.locator(`[data-testid="approval-row"][data-product="${CODE}"]`);
  await row.waitFor();
  await row.getByRole('link').click();
  await page.getByTestId('request-note').waitFor();
}

beforeAll(async () => {
  studio = await serveBuiltStudio();
  // The product, created by the admin's key from the payroll example and published by the approver.
  const source = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'nomina.plazo'), 'utf8').replace('product nomina "', `product ${CODE} "`);
  const created = await fetch(`${studio.url}/api/v1/products`, {
    method: 'POST',
    headers: { authorization: `Bearer ${studio.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ code: CODE, name: 'Nómina (aprobaciones)', source }),
  });
  expect(created.status).toBe(201);
  browser = await launchBrowser();
  page = await browser.newPage();
  await login(page, studio, 'approver');
  const published = await page.evaluate(async (code) => (await fetch(`/api/v1/products/${code}/versions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status, CODE);
  expect(published).toBe(201);
}, 60_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-approvals-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

afterAll(async () => {
  await browser?.close();
});

describe('approvals', () => {
  it('the PM changes a rate and sends it for approval with a note; Publicar says why it is disabled', async () => {
    await switchTo('pm');
    await openProduct();
    // Nothing changed yet: nothing to send, and the reason is shown.
    expect(await page.getByTestId('approval-request').isDisabled()).toBe(true);
    expect(await page.getByTestId('approval-why').textContent()).toContain('Nada que publicar');
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);
    expect(await page.getByTestId('publish-why').textContent()).toContain('Tu rol no publica');
    await changeRate('A, 25..48: 28%', '9');
    await page.getByTestId('approval-request').click();
    await page.getByTestId('approval-note').fill('Subo la tasa de la banda A a 29% entre 25 y 48 quincenas, como pidió finanzas.');
    await page.setViewportSize(WIDE);
    await page.screenshot({ path: join(resultsDir, 'approvals-request-dialog-1280.png') });
    await page.getByTestId('approval-send').click();
    const status = page.getByTestId('approval-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('pending');
    expect(await status.textContent()).toContain('como pidió finanzas');
    expect(await page.getByTestId('approval-sent').isVisible()).toBe(true);
    // Sent: not again for the same revision.
    expect(await page.getByTestId('approval-why').textContent()).toContain('espera de aprobación');
    await shoot('product-pending');
  });

  it('the approver sees it in Aprobaciones and rejects it with a comment', async () => {
    await switchTo('approver');
    expect(Number(await page.getByTestId('nav-approvals-count').textContent())).toBeGreaterThanOrEqual(1);
    await page.getByTestId('nav-approvals').click();
    const row = page.locator(`[data-testid="approval-row"][data-product="${CODE}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Pablo Producto');
    expect(await row.textContent()).toContain('como pidió finanzas');
    await shoot('queue');
    await openRequestFromQueue();
    expect(await page.getByTestId('request-diff').textContent()).toContain('Líneas respecto de la versión 1: +1 nuevas, −1 quitadas');
    expect(await page.getByTestId('request-tests').textContent()).toMatch(/Las \d+ pruebas del producto pasan/);
    await shoot('detail');
    // Rejecting needs a comment.
    await page.getByTestId('request-reject').click();
    expect(await page.getByTestId('request-notice').textContent()).toContain('Escribe un comentario');
    await page.getByTestId('request-comment-input').fill('Falta el visto bueno de riesgos para 29%.');
    await page.getByTestId('request-reject').click();
    await expect.poll(() => page.getByTestId('request-status').getAttribute('data-status')).toBe('rejected');
    expect(await page.getByTestId('request-comment').textContent()).toContain('visto bueno de riesgos');
  });

  it('the PM sees the rejection with the comment, and asks again', async () => {
    await switchTo('pm');
    await openProduct();
    const status = page.getByTestId('approval-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('rejected');
    expect(await status.textContent()).toContain('Falta el visto bueno de riesgos para 29%.');
    expect(await status.textContent()).toContain('Lucía Aprobación');
    await shoot('product-rejected');
    await page.getByTestId('approval-request').click();
    await page.getByTestId('approval-note').fill('Riesgos ya lo revisó (correo del lunes).');
    await page.getByTestId('approval-send').click();
    await expect.poll(() => status.getAttribute('data-status')).toBe('pending');
  });

  it('the approver approves it and version 2 is published', async () => {
    await switchTo('approver');
    await openRequestFromQueue();
    expect(await page.getByTestId('request-note').textContent()).toContain('Riesgos ya lo revisó');
    await page.getByTestId('request-comment-input').fill('Conforme.');
    await page.getByTestId('request-approve').click();
    await expect.poll(() => page.getByTestId('request-status').getAttribute('data-status')).toBe('approved');
    expect(await page.getByTestId('request-notice').textContent()).toContain('se publicó la versión 2');
    await shoot('detail-approved');
    await page.goto(`${studio.url}/products/${CODE}/versions`);
    await expect.poll(() => page.getByTestId('version-publisher').first().textContent()).toBe('Lucía Aprobación');
  });

  it('the PM sees it approved, changes the draft again and discards the change', async () => {
    await switchTo('pm');
    await openProduct();
    const status = page.getByTestId('approval-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('approved');
    expect(await status.textContent()).toContain('versión 2');
    const v2 = (await storedDraft(studio, CODE)).source;
    await changeRate('A, 25..48: 29%', '1');
    await expect.poll(async () => (await storedDraft(studio, CODE)).source, { timeout: 10_000 }).toContain('A, 25..48: 21%');
    await page.getByTestId('discard-draft').click();
    await page.getByTestId('discard-dialog').waitFor();
    await page.getByTestId('discard-confirm').click();
    await page.getByTestId('discarded').waitFor();
    expect(await page.getByTestId('discarded').textContent()).toContain('versión 2');
    expect((await storedDraft(studio, CODE)).source).toBe(v2);
    // The editor holds version 2 again: nothing to send.
    await expect.poll(() => page.getByTestId('approval-why').textContent(), { timeout: 20_000 }).toContain('Nada que publicar');
    await shoot('product-discarded');
  });
});
