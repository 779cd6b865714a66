// Autosave conflicts in a real browser: while a risk analyst edits the nómina draft, the admin
// saves it through the API. Changes to other lines are merged and the analyst is told; changes to
// the same line show both sides; the merge with conflict markers is not saved until the markers
// are gone; "keep mine" saves the analyst's side.
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


/** Someone else (the admin key) changes the stored draft. */
async function adminSaves(change: (source: string) => string): Promise<void> {
  const draft = await storedDraft(studio, 'nomina');
  const next = change(draft.source);
  expect(next).not.toBe(draft.source);
  const r = await fetch(`${studio.url}/api/v1/products/nomina/draft`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${studio.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ source: next, baseRevision: draft.revision }),
  });
  expect(r.status).toBe(200);
}

const lineCount = (needle: string) => page.locator('.monaco-editor .view-line', { hasText: needle }).count();
/** How many lines show `needle` once Find has scrolled to it (Monaco renders only the visible lines). */
async function shown(needle: string): Promise<number> {
  await placeCursor(page, needle, 0);
  return lineCount(needle);
}
const saveState = () => page.getByTestId('save-state').getAttribute('data-state');

/** Replaces the character after `needle`'s first `keep` characters with `char`, once the editor lets the cursor type. */
async function retype(needle: string, keep: number, char: string): Promise<void> {
  await expect.poll(async () => {
    await placeCursor(page, needle, keep);
    return page.getByTestId('editor').getAttribute('data-section-guard');
  }).toBe('editable');
  await page.keyboard.press('Delete');
  await page.keyboard.type(char);
}

describe('someone else saves while the analyst edits', () => {
  it('merges changes to other lines, says so and saves the merge', async () => {
    await page.goto(`${studio.url}/products/nomina`);
    await page.getByTestId('cat').waitFor();
    await page.locator('.monaco-editor .plazo-locked-line').first().waitFor();
    await adminSaves((s) => s.replace('A, 6..24: 26%', 'A, 6..24: 27%'));
    await retype('720.. -> +60', '720.. -> +6'.length, '5');
    const notice = page.getByTestId('notice').filter({ hasText: 'se combinaron con los tuyos sin choques' });
    await notice.waitFor({ timeout: 10_000 });
    await expect.poll(saveState, { timeout: 10_000 }).toBe('saved');
    await expect.poll(() => shown('A, 6..24: 27%')).toBe(1);
    expect(await shown('720.. -> +65')).toBe(1);
    const stored = (await storedDraft(studio, 'nomina')).source;
    expect(stored).toContain('A, 6..24: 27%');
    expect(stored).toContain('720.. -> +65');
    await screenshot(page, 'merge-clean');
  });

  it('shows both sides of the same line; the merge with markers is not saved until resolved', async () => {
    await adminSaves((s) => s.replace('720.. -> +65', '720.. -> +70'));
    await retype('720.. -> +65', '720.. -> +6'.length, '6');
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor({ timeout: 10_000 });
    expect(await saveState()).toBe('conflict');
    expect(await conflict.getByTestId('conflict-mine').textContent()).toContain('720.. -> +66');
    expect(await conflict.getByTestId('conflict-theirs').textContent()).toContain('720.. -> +70');
    await screenshot(page, 'merge-conflict');
    await conflict.getByTestId('conflict-edit-button').click();
    await expect.poll(() => shown('<<<<<<< tu versión')).toBe(1);
    await expect.poll(saveState).toBe('unresolved');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await storedDraft(studio, 'nomina')).source).toContain('720.. -> +70');
    expect((await storedDraft(studio, 'nomina')).source).not.toContain('<<<<<<<');
    // Keep both lines' intent by hand: drop the markers and the other side.
    for (const marker of ['<<<<<<< tu versión', '=======', '720.. -> +70', '>>>>>>>']) {
      await expect.poll(async () => {
        await placeCursor(page, marker, 0);
        return page.getByTestId('editor').getAttribute('data-section-guard');
      }).toBe('editable');
      await page.keyboard.press('Control+Shift+K');
    }
    await expect.poll(saveState, { timeout: 10_000 }).toBe('saved');
    const stored = (await storedDraft(studio, 'nomina')).source;
    expect(stored).toContain('720.. -> +66');
    expect(stored).not.toContain('720.. -> +70');
    expect(stored).not.toMatch(/^(<{7}|={7}|>{7})/m);
  });

  it('keeps mine in a conflict and still takes their other changes', async () => {
    await adminSaves((s) => s.replace('720.. -> +66', '720.. -> +71').replace('A, 6..24: 27%', 'A, 6..24: 28%'));
    await retype('720.. -> +66', '720.. -> +6'.length, '7');
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor({ timeout: 10_000 });
    await conflict.getByTestId('conflict-mine-button').click();
    await expect.poll(saveState, { timeout: 10_000 }).toBe('saved');
    const stored = (await storedDraft(studio, 'nomina')).source;
    expect(stored).toContain('720.. -> +67');
    expect(stored).toContain('A, 6..24: 28%');
    expect(await page.getByTestId('conflict').count()).toBe(0);
  });
});
