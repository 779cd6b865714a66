// Impact before publishing, in a real browser: real decisions are taken on the salary-advance
// product (its test applicants, through the API), someone tightens a rule of its draft, and the
// approver opens the versions page: the impact report says who would change decision
// ("Aprobadas → rechazadas"), lists them, shows the representative loans' CAT and the draft's
// failing tests. Screenshots at 1280 and 390 px go to studio/docs/.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, login, resetDraft, screenshot, serveBuiltStudio, storedDraft, type Browser, type Studio } from './harness.ts';

const CODE = 'adelanto_nomina';
const docs = join(import.meta.dirname, '..', 'docs');

let studio: Studio;
let browser: Browser;
let page: Page;

const api = (path: string, init: { method?: string; body?: unknown } = {}) =>
  fetch(`${studio.url}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${studio.adminKey}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });

let approved = 0;

/** The whole report at `width` px: the page scrolls inside its own pane, so the viewport grows to hold the report. */
async function shoot(report: Locator, width: number, name: string): Promise<void> {
  const box = await report.boundingBox();
  await page.setViewportSize({ width, height: Math.ceil((box?.y ?? 0) + (box?.height ?? 800)) + 40 });
  await report.screenshot({ path: join(docs, name) });
}

beforeAll(async () => {
  studio = await serveBuiltStudio();
  await resetDraft(studio, CODE);
  // Real decisions: every test applicant of the published version, decided on its test's date.
  const versions = (await (await api(`/products/${CODE}/versions`)).json()).versions as { version: number }[];
  const latest = (await (await api(`/products/${CODE}/versions/${versions[0]!.version}`)).json()).version;
  for (const t of latest.ir.tests as { given: Record<string, unknown>; asOf?: string; disburseOn?: string }[]) {
    const r = await api('/decisions', { method: 'POST', body: { product: CODE, application: t.given, asOf: t.asOf ?? t.disburseOn ?? '2025-01-01' } });
    if (r.status !== 201) continue; // an applicant the product refuses as invalid is no decision
    if ((await r.json()).decision.outcome === 'approve') approved++;
  }
  expect(approved).toBeGreaterThan(0);
  // The draft now asks for 25 years in the job: every approved applicant would be declined.
  const draft = await storedDraft(studio, CODE);
  const stricter = draft.source.replace('employment.months < 3', 'employment.months < 300');
  expect(stricter).not.toBe(draft.source);
  const saved = await api(`/products/${CODE}/draft`, { method: 'PUT', body: { source: stricter, baseRevision: draft.revision } });
  expect(saved.status).toBe(200);
  browser = await launchBrowser();
  page = await browser.newPage();
  await login(page, studio, 'approver');
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

afterAll(async () => {
  await browser?.close();
  if (studio) await resetDraft(studio, CODE);
});

describe('impact before publishing', () => {
  it('shows the approver who would be declined if the draft were published', async () => {
    await page.goto(`${studio.url}/products/${CODE}/versions`);
    const report = page.getByTestId('impact-report');
    await report.getByTestId('impact-group').first().waitFor();
    const real = report.getByTestId('impact-group').first();
    expect(await real.textContent()).toContain('Decisiones reales');
    const flip = real.getByTestId('impact-flip').filter({ hasText: 'Aprobadas → rechazadas' });
    expect(Number(await flip.locator('strong').textContent())).toBeGreaterThanOrEqual(approved);
    // The flipped applications, before and after, with the rule that now declines them.
    const rows = report.getByTestId('impact-rows').getByTestId('impact-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(approved);
    expect(await rows.filter({ hasText: /Aprobada.*Rechazada.*ANTIGUEDAD/ }).count()).toBeGreaterThanOrEqual(approved);
    // The representative loans' CAT: the rule moves no price, so each shows once, without an arrow.
    const cat = report.getByTestId('impact-schedules').getByTestId('impact-cat').first();
    expect(await cat.textContent()).toMatch(/^[\d.]+%$/);
    // The tests pinned to approvals fail now; the warnings box is there either way.
    expect(await report.getByTestId('impact-tests').textContent()).toMatch(/No pasan \d+ de \d+ pruebas/);
    await report.getByTestId('impact-warnings').waitFor();
    await shoot(report, 1280, 'impact-1280.png');
  });

  it('reads on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const report = page.getByTestId('impact-report');
    await report.getByTestId('impact-group').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot(report, 390, 'impact-390.png');
  });
});
