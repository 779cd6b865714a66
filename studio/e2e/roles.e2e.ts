// Section rights in a real browser against the runtime: a risk analyst sees the sections other
// than eligibility, scorecard and tests shaded and read-only with the reason; changes a scorecard
// point (saved); cannot change the pricing — the editor refuses the keystroke and a Replace All
// across the file, and the API refuses a crafted PUT with 403 `section-locked`.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, login, placeCursor, resetDraft, screenshot, serveBuiltStudio, storedDraft, type Browser, type Studio } from './harness.ts';

let studio: Studio;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  studio = await serveBuiltStudio();
  await resetDraft(studio, 'nomina');
  browser = await launchBrowser();
  page = await browser.newPage();
  await login(page, studio, 'analyst');
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

afterAll(async () => {
  await browser?.close();
});


const lineText = (needle: string) => page.locator('.monaco-editor .view-line', { hasText: needle });

describe('a risk analyst edits eligibility, the scorecard and the tests only', () => {
  it('sees the other sections shaded and read-only, and why', async () => {
    await page.goto(`${studio.url}/products/nomina`);
    await page.getByTestId('cat').waitFor();
    await page.locator('.monaco-editor .plazo-locked-line').first().waitFor();
    expect(await page.getByTestId('role-hint').textContent()).toContain('las demás secciones (sombreadas) son de solo lectura');
    // The cursor in the pricing: locked; in the scorecard: editable.
    await placeCursor(page, 'A, 6..24: 26%', 3);
    await expect.poll(() => page.getByTestId('editor').getAttribute('data-section-guard')).toBe('locked');
    await placeCursor(page, '720.. -> +60', 3);
    await expect.poll(() => page.getByTestId('editor').getAttribute('data-section-guard')).toBe('editable');
  });

  it('changes a scorecard point, and it is saved', async () => {
    const before = await storedDraft(studio, 'nomina');
    await placeCursor(page, '720.. -> +60', '720.. -> +6'.length);
    await page.keyboard.press('Delete');
    await page.keyboard.type('5');
    await expect.poll(() => lineText('720.. -> +65').count()).toBe(1);
    await expect.poll(async () => (await storedDraft(studio, 'nomina')).source.includes('720.. -> +65'), { timeout: 10_000 }).toBe(true);
    expect((await storedDraft(studio, 'nomina')).revision).toBeGreaterThan(before.revision);
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
  });

  it('cannot change the pricing: the editor refuses the keystroke and says why', async () => {
    await placeCursor(page, 'A, 6..24: 26%', 'A, 6..24: 2'.length);
    await expect.poll(() => page.getByTestId('editor').getAttribute('data-section-guard')).toBe('locked');
    await page.keyboard.press('Delete');
    await page.keyboard.type('9');
    expect(await lineText('A, 6..24: 26%').count()).toBe(1);
    expect(await lineText('A, 6..24: 29%').count()).toBe(0);
    await page.locator('.monaco-editor-overlaymessage', { hasText: 'Solo lectura para tu rol' }).waitFor();
    await page.getByTestId('notice').filter({ hasText: 'solo cambias' }).waitFor();
    await screenshot(page, 'analyst-locked');
  });

  it('cannot change the pricing through Replace All from the scorecard: the edit is undone', async () => {
    await placeCursor(page, '720.. -> +65', 3);
    await expect.poll(() => page.getByTestId('editor').getAttribute('data-section-guard')).toBe('editable');
    // Find `26%`: the next match after the cursor is in a test's doc (editable), so Monaco offers
    // Replace; Replace All would also change the rate in the pricing.
    await page.keyboard.press('Control+H');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('26%');
    await page.locator('.monaco-editor .find-widget.replaceToggled').waitFor();
    await page.locator('.monaco-editor .find-widget .replace-part textarea').first().fill('29%');
    await page.keyboard.press('Control+Alt+Enter');
    await page.keyboard.press('Escape');
    await page.getByTestId('notice').filter({ hasText: 'solo cambias' }).waitFor();
    await placeCursor(page, 'A, 6..24: ', 0);
    await expect.poll(() => lineText('A, 6..24: 26%').count()).toBe(1);
    expect(await lineText('A, 6..24: 29%').count()).toBe(0);
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    expect((await storedDraft(studio, 'nomina')).source).toContain('A, 6..24: 26%');
  });

  it('is refused by the API when a crafted PUT changes the pricing', async () => {
    const res = await page.evaluate(async () => {
      const { draft } = await (await fetch('/api/v1/products/nomina/draft')).json();
      const r = await fetch('/api/v1/products/nomina/draft', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ source: draft.source.replace('A, 6..24: 26%', 'A, 6..24: 9%'), baseRevision: draft.revision }),
      });
      return { status: r.status, body: await r.json() };
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('section-locked');
    expect(res.body.error.message).toMatch(/^role `risk-analyst` may change only eligibility, scorecard, tests; this draft changes pricing \(line \d+\)$/);
    expect(res.body.error.details.changes).toEqual([expect.objectContaining({ path: 'source', part: 'pricing', change: 'changed' })]);
    expect((await storedDraft(studio, 'nomina')).source).toContain('A, 6..24: 26%');
  });
});
