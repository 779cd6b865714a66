// The portfolio dashboard against the real runtime: loans opened through the HTTP API (decision on
// the nomina example, open, disburse), then /portafolio shows what GET /api/v1/reports says.
// The shared runtime starts with the demo portfolio (PLAZO_DEMO_PORTFOLIO=true in global-setup:
// ~150 seeded loans, end of day through yesterday), so the reports are not empty and the KPIs
// must match the API's risk report. The loans opened here today are not in them until the next
// end of day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, login, screenshot, serveBuiltStudio, type Browser, type Studio } from './harness.ts';

const NOMINA_APPLICATION = {
  applicant: { birth_date: '1985-05-10' },
  payroll: { net_pay: '18000', existing_deductions: '0' },
  employment: { months: 48, contract: 'planta', employer_in_agreement: true },
  bureau: { score: 720, worst_dpd_12m: 0, monthly_payments: '3000' },
  request: { amount: '60000', payments: 24 },
};

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

/**
 * What does not fit: a KPI figure closer than its card's padding to the card's edge, an axis label
 * of a chart outside the chart, two labels of an axis on top of each other.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const dd of document.querySelectorAll<HTMLElement>('.kpi dd')) {
      const card = dd.closest('.kpi')!;
      const pad = parseFloat(getComputedStyle(card).paddingRight);
      const figure = document.createRange();
      figure.selectNodeContents(dd);
      const text = figure.getBoundingClientRect();
      const box = card.getBoundingClientRect();
      if (text.right > box.right - pad + 0.5 || dd.scrollWidth > dd.clientWidth) problems.push(`${dd.dataset['testid']}: ${dd.textContent} reaches ${text.right.toFixed(1)} in a card ending at ${box.right.toFixed(1)}`);
    }
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg[data-testid$="-chart"]')) {
      const box = svg.getBoundingClientRect();
      const rows = new Map<string, DOMRect[]>();
      for (const label of svg.querySelectorAll('text')) {
        const r = label.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5) problems.push(`${svg.dataset['testid']}: label ${label.textContent} is clipped`);
        const y = label.getAttribute('y') ?? '';
        rows.set(y, [...(rows.get(y) ?? []), r]);
      }
      // Labels on one baseline (an axis) do not run into each other.
      for (const [y, rects] of rows) {
        rects.sort((a, b) => a.left - b.left);
        for (let i = 1; i < rects.length; i++) if (rects[i]!.left < rects[i - 1]!.right - 0.5) problems.push(`${svg.dataset['testid']}: labels overlap at y=${y}`);
      }
    }
    return problems;
  });
}

describe('portfolio dashboard', () => {
  beforeAll(async () => {
    studio = await serveBuiltStudio();
    for (let k = 0; k < 3; k++) {
      const { decision } = await api('POST', '/decisions', { product: 'nomina', application: NOMINA_APPLICATION });
      const { loan } = await api('POST', '/loans', { decisionId: decision.id, externalRef: `DASH-${k + 1}` });
      await api('POST', `/loans/${loan.id}/disbursement`, {});
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the API’s figures for the demo portfolio', async () => {
    const page = await browser.newPage();
    await login(page, studio, 'approver');
    await page.getByTestId('nav-portfolio').click();
    await page.waitForURL(/\/portafolio$/);
    await page.getByRole('heading', { name: 'Portafolio', level: 1 }).waitFor();
    await page.locator('[data-testid=pf-empty], [data-testid=kpi-loans], [data-testid=pf-error]').first().waitFor();
    expect(await page.getByTestId('pf-error').count()).toBe(0);
    const risk = await api('GET', '/reports/risk');
    const overall = risk.rows.find((r: { product: string }) => r.product === '*');
    // The demo portfolio: loans on the books, some of them late.
    expect(overall, JSON.stringify(risk)).toBeTruthy();
    expect(overall.loans).toBeGreaterThan(0);
    expect(Number(overall.principal_outstanding)).toBeGreaterThan(0);
    expect(Number(overall.par30)).toBeGreaterThan(0);
    await page.getByTestId('kpi-loans').waitFor();
    expect(await page.getByTestId('pf-empty').count()).toBe(0);
    const pct = (ratio: string) => `${(Number(ratio) * 100).toFixed(2)}%`;
    expect(await page.getByTestId('kpi-loans').innerText()).toBe(overall.loans.toLocaleString('en-US'));
    expect(await page.getByTestId('kpi-principal').innerText()).toBe(`$${overall.principal_outstanding.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`);
    expect(await page.getByTestId('kpi-par30').innerText()).toBe(pct(overall.par30));
    expect(await page.getByTestId('kpi-par60').innerText()).toBe(pct(overall.par60));
    expect(await page.getByTestId('kpi-par90').innerText()).toBe(pct(overall.par90));
    expect(await page.getByTestId('kpi-morosidad').innerText()).toBe(pct(overall.indice_morosidad));
    // The collection queues are filled too (late and stopped payers).
    await expect(page.getByTestId('queues').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    expect(await layoutProblems(page)).toEqual([]);
    await screenshot(page, 'dashboard');
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await layoutProblems(page)).toEqual([]);
    await screenshot(page, 'dashboard-390');
    await page.getByTestId('vintage-chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-390-vintages');
    await page.close();
  });
});
