// Derived inputs in the simulator (issue 14): the group credit takes the age and the cycle from
// the client record (`from client.age`, `from client.cycle`); the simulator labels those two
// inputs «del expediente del cliente» / "from the client record" and still takes a typed test
// value for them. Screenshots at 1280 and 390 px (test-results/derived-inputs-*.png).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, resetDraft, screenshot, serveBuiltStudio, type Browser, type Studio } from './harness.ts';

let studio: Studio;
let browser: Browser;

beforeAll(async () => {
  studio = await serveBuiltStudio();
  browser = await launchBrowser();
  const page = await browser.newPage();
  await login(page, studio, 'analyst');
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

async function openSimulator(page: Page): Promise<void> {
  await resetDraft(studio, 'microcredito_grupal');
  await page.goto(`${studio.url}/products/microcredito_grupal`);
  await page.getByTestId('tab-simulator').click();
  await page.getByTestId('sim-outcome').waitFor();
}

describe('derived inputs in the simulator', () => {
  it('labels the inputs from the client record, in Spanish and English, and takes a test value for them', async () => {
    const page = await browser.newPage();
    await openSimulator(page);
    const badges = page.getByTestId('derived-input');
    expect(await badges.allTextContents()).toEqual(['del expediente del cliente', 'del expediente del cliente']);
    const cycle = page.locator('.field', { has: page.locator('#sim-group-cycle') });
    expect(await cycle.getByTestId('derived-input').getAttribute('title')).toContain('client.cycle');
    expect(await page.locator('.field', { has: page.locator('#sim-applicant-weekly_income') }).getByTestId('derived-input').count()).toBe(0);
    // A typed cycle still decides: cycle 1 caps 16 weeks, so 20 weeks in cycle 1 is declined and in cycle 2 is not.
    await page.locator('#sim-request-payments').fill('20');
    await page.locator('#sim-group-cycle').fill('1');
    await expect.poll(() => page.getByTestId('sim-reasons').textContent()).toContain('PLAZO_CICLO1');
    await page.locator('#sim-group-cycle').fill('2');
    await expect.poll(async () => (await page.getByTestId('sim-result').textContent()) ?? '').not.toContain('PLAZO_CICLO1');
    await page.locator('label[for="sim-applicant-age"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'derived-inputs-1280');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => badges.allTextContents()).toEqual(['from the client record', 'from the client record']);
    await page.getByRole('button', { name: 'ES', exact: true }).click();
    await page.close();
  });

  it('reads at 390 px', async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await openSimulator(page);
    await page.locator('label[for="sim-applicant-age"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'derived-inputs-390');
    await page.close();
  });
});
