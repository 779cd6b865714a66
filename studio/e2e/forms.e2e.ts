// The form view in a real browser against the runtime serving the built studio: a product manager
// opens the nómina product, switches to the form, changes a rate of the rate table, the maximum
// number of payments and an eligibility rule's value, and sees the preview (schedule, CAT) and the
// text change and the draft saved; a text edit shows in the form at once. At 390 px the form is
// one column. A risk analyst sees the pricing read only and changes the eligibility.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, login, placeCursor, resetDraft, screenshot, serveBuiltStudio, storedDraft, type Browser, type Studio } from './harness.ts';

let studio: Studio;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  studio = await serveBuiltStudio();
  browser = await launchBrowser();
  page = await browser.newPage();
  await resetDraft(studio, 'nomina');
  await login(page, studio, 'pm');
});

afterAll(async () => {
  await resetDraft(studio, 'nomina');
  await browser?.close();
  await studio?.stop();
});

const catText = async (p: Page) => (await p.getByTestId('cat').locator('strong').textContent()) ?? '';
const visibleText = async (p: Page) => ((await p.locator('.monaco-editor .view-lines').innerText()) ?? '').replace(/\u00a0/g, ' ');

/** Types a value into a form input and commits it (the change event). */
async function commit(p: Page, testid: string, value: string): Promise<void> {
  const input = p.getByTestId(testid);
  await input.fill(value);
  await input.press('Tab');
}

/** Waits until the runtime's stored draft holds every piece (the autosave runs 0.8 s after the last edit). */
async function savedWith(...pieces: string[]): Promise<string> {
  let source = '';
  await expect
    .poll(
      async () => {
        source = (await storedDraft(studio, 'nomina')).source;
        return pieces.filter((p) => !source.includes(p));
      },
      { timeout: 15_000 },
    )
    .toEqual([]);
  return source;
}

describe('the form view', () => {
  it('changes the rate, the maximum payments and an eligibility value; the preview, the text and the draft follow', async () => {
    await page.goto(`${studio.url}/products/nomina`);
    await page.getByTestId('cat').waitFor();
    // 24 payments in band A: the first row of the rate table (A, 6..24: 26%).
    await page.getByTestId('payments').fill('24');
    await page.getByTestId('payments').press('Enter');
    await expect.poll(() => catText(page)).toMatch(/^CAT \d+\.\d% Sin IVA/);
    const catBefore = await catText(page);
    const totalBefore = await page.getByTestId('total-to-pay').textContent();

    await page.getByTestId('view-form').click();
    await page.getByTestId('form-view').waitFor();
    expect(await page.getByTestId('rate-row-0').inputValue()).toBe('26');
    expect(await page.getByTestId('term-0-max').inputValue()).toBe('48');
    // The frequency in the lender's words.
    expect(await page.getByTestId('term-0-frequency').locator('option:checked').textContent()).toBe('Quincenal (el 15 y el último día del mes)');

    await commit(page, 'rate-row-0', '30');
    await expect.poll(() => catText(page)).not.toBe(catBefore);
    expect(await page.getByTestId('total-to-pay').textContent()).not.toBe(totalBefore);
    await expect.poll(() => page.getByTestId('rate-row-0').inputValue()).toBe('30');

    await commit(page, 'term-0-max', '36');
    await expect.poll(() => page.getByTestId('payments').getAttribute('max')).toBe('36');

    const rule = page.locator('[data-reason="SUELDO_MINIMO"]');
    const value = rule.locator('[data-testid$="-clause-0-value"]');
    expect(await value.inputValue()).toBe('4000');
    await value.fill('5000');
    await value.press('Tab');
    await expect.poll(() => value.inputValue()).toBe('5000');
    await rule.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'form-view-eligibility');
    await page.getByTestId('form-pricing').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'form-view');
    const source = await savedWith('A, 6..24: 30%', 'payments 6..36 semimonthly', 'decline "SUELDO_MINIMO" when payroll.net_pay < 5_000');
    // Comments stay.
    expect(source).toContain('basis period  // tasa anual / 24 en cada quincena');
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state')).toBe('saved');

    // "Edit as text" on the pricing: the text view, at the rate table.
    await page.getByTestId('form-pricing').getByRole('button', { name: 'Editar como texto' }).first().click();
    await page.locator('.monaco-editor').waitFor();
    await expect.poll(() => visibleText(page)).toContain('A, 6..24: 30%');
  });

  it('shows a text edit in the form at once', async () => {
    await placeCursor(page, 'B, 6..24: 36%', 'B, 6..24: 3'.length);
    await page.keyboard.press('Delete');
    await page.keyboard.type('7');
    await page.getByTestId('view-form').click();
    await expect.poll(() => page.getByTestId('rate-row-2').inputValue()).toBe('37');
    await savedWith('B, 6..24: 37%');
  });

  it('places a diagnostic next to the field and says why a value is refused', async () => {
    await commit(page, 'term-0-max', 'cuarenta');
    await expect.poll(() => page.getByTestId('term-0').getByRole('alert').textContent()).toContain('«cuarenta» no es un número.');
    // Payments the table does not price: the checker's rate-gap shows in the pricing card.
    await commit(page, 'term-0-max', '60');
    await expect.poll(() => page.getByTestId('form-pricing').getByTestId('form-problems').first().textContent(), { timeout: 10_000 }).toContain('have no rate');
    await commit(page, 'term-0-max', '36');
    await expect.poll(async () => page.getByTestId('form-pricing').getByTestId('form-problems').count()).toBe(0);
  });

  it('stacks in one column at 390 px and stays usable', async () => {
    const narrow = await browser.newPage({ width: 390, height: 844 });
    await narrow.goto(`${studio.url}/products/nomina`);
    await narrow.getByTestId('view-form').click();
    await narrow.getByTestId('rate-row-0').waitFor();
    const overflow = await narrow.getByTestId('form-view').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, page: document.documentElement.scrollWidth }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
    expect(overflow.page).toBeLessThanOrEqual(390);
    // One column: the amount fields sit one under the other.
    const min = await narrow.getByTestId('amount-min').boundingBox();
    const max = await narrow.getByTestId('amount-max').boundingBox();
    expect(max!.y).toBeGreaterThan(min!.y + min!.height);
    expect(min!.x + min!.width).toBeLessThanOrEqual(390);
    // The page at its top (the Formulario / Texto toggle), the form scrolled to the rate grid.
    await narrow.getByTestId('form-pricing').evaluate((el) => {
      const host = el.closest('.form-host')!;
      host.scrollTop = (el as HTMLElement).offsetTop + 140;
      window.scrollTo(0, 0);
    });
    await screenshot(narrow, 'form-view-390');
    await commit(narrow, 'rate-row-0', '31');
    await savedWith('A, 6..24: 31%');
    await narrow.close();
  });

  it('a risk analyst changes the eligibility; the pricing is read only with a note', async () => {
    const other = await launchBrowser();
    try {
      const analyst = await other.newPage();
      await login(analyst, studio, 'analyst');
      await analyst.goto(`${studio.url}/products/nomina`);
      await analyst.getByTestId('view-form').click();
      await analyst.getByTestId('rate-row-0').waitFor();
      await expect.poll(() => analyst.getByTestId('rate-row-0').isDisabled()).toBe(true);
      expect(await analyst.getByTestId('form-pricing').getByTestId('form-locked').textContent()).toContain('Solo lectura para tu rol: cambias la elegibilidad');
      const reason = analyst.locator('[data-reason="ANTIGUEDAD"] [data-testid$="-reason"]');
      expect(await reason.isDisabled()).toBe(false);
      const value = analyst.locator('[data-reason="ANTIGUEDAD"] [data-testid$="-clause-0-value"]');
      await value.fill('9');
      await value.press('Tab');
      await savedWith('refer "ANTIGUEDAD" when employment.months < 9');
      await analyst.getByTestId('form-pricing').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(analyst, 'form-view-analyst');
    } finally {
      await other.close();
    }
  });
});
