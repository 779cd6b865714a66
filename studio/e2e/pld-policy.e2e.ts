// The PLD policy page against the real runtime (first start loaded examples/pld.plazo): the admin
// opens /cumplimiento/politica, misspells a fact and sees the diagnostic with its suggestion (Save
// refused), fixes it, adds a comment and saves a new version; a PEP client's page shows the risk
// grade "Alto". Screenshots at 1280 and 390 px go to studio/docs/pld-policy-*.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, placeCursor, resultsDir, serveBuiltStudio, type Browser, type Studio } from './harness.ts';

const docsDir = join(resultsDir, '..', 'docs');
let studio: Studio;
let browser: Browser;

async function api(method: string, path: string, body?: unknown): Promise<any> {
  const r = await fetch(`${studio.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${studio.adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, body: await r.json() };
}

async function shots(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(docsDir, `pld-${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(docsDir, `pld-${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('PLD policy', () => {
  beforeAll(async () => {
    studio = await serveBuiltStudio();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.stop();
  });

  it('edits the policy: a misspelt fact is a diagnostic, the fix saves a new version', async () => {
    const before = await api('GET', '/compliance/policy');
    expect(before.status).toBe(200);
    const page = await browser.newPage();
    await login(page, studio, 'admin');
    await page.goto(`${studio.url}/cumplimiento/politica`);
    await page.locator('.monaco-editor .view-lines').waitFor();
    await page.getByTestId('policy-no-problems').waitFor();

    await placeCursor(page, 'factor client.pep', 'factor client.pep'.length);
    await page.keyboard.type('p');
    const problems = page.getByTestId('policy-problems');
    await expect.poll(async () => problems.textContent(), { timeout: 10_000 }).toContain('client.pepp');
    expect(await problems.textContent()).toContain('client.pep`?');
    expect(await page.getByTestId('policy-save').isDisabled()).toBe(true);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await shots(page, 'policy-error');

    await page.keyboard.press('Backspace');
    await page.getByTestId('policy-no-problems').waitFor();
    await page.keyboard.press('End');
    await page.keyboard.type('  // PEP: siempre alto');
    await page.getByTestId('policy-no-problems').waitFor();
    await page.getByTestId('policy-save').click();
    const saved = page.getByTestId('policy-saved');
    await saved.waitFor();
    expect(await saved.textContent()).toContain(`versión ${before.body.policy.version + 1}`);
    const after = await api('GET', '/compliance/policy');
    expect(after.body.policy.text).toContain('// PEP: siempre alto');
    // A comment changes the text, not the meaning: the same hash, no client to re-grade.
    expect(after.body.policy.hash).toBe(before.body.policy.hash);
    await shots(page, 'policy');
    await page.close();
  });

  it('shows a PEP client as high risk ("Alto") on the client page', async () => {
    const created = await api('POST', '/clients', { kind: 'person', givenNames: 'Pepe', paternalSurname: `Expuesto${Date.now()}`, nationality: 'MX', pep: true, occupation: 'Empleado' });
    expect(created.status).toBe(201);
    const page = await browser.newPage();
    await login(page, studio, 'admin');
    await page.goto(`${studio.url}/clientes/${created.body.client.id}`);
    const badge = page.getByTestId('client-risk-grade');
    await badge.waitFor();
    expect(await badge.textContent()).toContain('Riesgo PLD: Alto');
    expect(await badge.getAttribute('data-grade')).toBe('high');
    await shots(page, 'client');
    await page.close();
  });
});
