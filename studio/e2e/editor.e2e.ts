// The editor flows in a real browser against the runtime serving the built studio: log in, open
// the nómina product from the runtime's list and see its schedule and CAT; misspell a field and see
// the marker and the problem at the right line; fix it, change the amount and see a new CAT.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, login, placeCursor, resetDraft, screenshot, serveBuiltStudio, type Browser, type Studio } from './harness.ts';

let studio: Studio;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  studio = await serveBuiltStudio();
  browser = await launchBrowser();
  page = await browser.newPage();
  await resetDraft(studio, 'nomina');
  await login(page, studio, 'analyst');
});

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

async function catText(p: Page): Promise<string> {
  return (await p.getByTestId('cat').locator('strong').textContent()) ?? '';
}

describe('editor and live preview', () => {
  it('opens the nómina product from the list and shows its schedule and CAT', async () => {
    await page.goto(studio.url);
    await page.locator('a[href="/products/nomina"]').click();
    await page.waitForURL(/\/products\/nomina$/);
    await page.getByTestId('cat').waitFor();
    expect(await catText(page)).toMatch(/^CAT \d+\.\d% Sin IVA\. Para fines informativos y de comparación$/);
    const rows = page.getByTestId('schedule').locator('tbody tr');
    const payments = Number(await page.getByTestId('payments').inputValue());
    expect(await rows.count()).toBe(payments);
    expect(await page.getByTestId('problem-count').textContent()).toContain('Errores: 0');
    await screenshot(page, 'editor-nomina');
  });

  it('shows a misspelled field as a marker and a problem at its line, and jumps there', async () => {
    const line = await placeCursor(page, 'payroll.net_pay < 4_000', 'payroll.net_p'.length);
    await page.keyboard.type('x');
    const problem = page.getByTestId('problem').filter({ hasText: 'payroll.net_pxay' });
    await problem.first().waitFor();
    expect(await problem.first().getAttribute('data-line')).toBe(String(line));
    // The studio speaks Spanish: so do the diagnostics (the dsl's catalogue), code unchanged.
    expect(await problem.first().textContent()).toMatch(/nombre desconocido `payroll\.net_pxay`.*unknown-name/);
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await screenshot(page, 'editor-error');
    // Keyboard: focus the problem and press Enter; the cursor lands on that line.
    await problem.first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => page.locator('.monaco-editor .line-numbers.active-line-number').textContent()).toBe(String(line));
  });

  it('fixed, the preview follows the amount with a new CAT', async () => {
    await placeCursor(page, 'payroll.net_pxay', 'payroll.net_px'.length);
    await page.keyboard.press('Backspace');
    await expect.poll(async () => page.getByTestId('problem-count').textContent()).toContain('Errores: 0');
    const before = await catText(page);
    await page.getByTestId('amount').fill('5000');
    await page.getByTestId('amount').press('Enter');
    await expect.poll(() => catText(page)).not.toBe(before);
    expect(await catText(page)).toMatch(/^CAT \d+\.\d% Sin IVA/);
    await screenshot(page, 'editor-new-cat');
  });
});
