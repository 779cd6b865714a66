// The regulatory books in the studio against the real runtime (its accounting API): two
// accountants (users created here with the admin key) — the first proposes a manual funding entry
// (Bancos against the funding liability) in «Contabilidad › Pólizas manuales», sees the form say
// "no cuadra" by how much until it balances, and reads why she cannot approve her own entry; the
// second approves it, and the balance sheet then shows Bancos and the funding liability and says
// it balances; the journal filtered to manual entries shows it, and its CSV link downloads the
// same filters; the income statement renders; in «Periodos» a month after an open one is refused
// in words, the earliest open month closes, and the form then refuses a date inside it. The
// dashboard shows the books card with the API's figures; a vencida loan's page its books box. An
// approver (ledger:read, no accounting:read) sees the statements and the journal only; a product
// manager no «Contabilidad».
// Screenshots at 1280 and 390 px go to studio/docs/books-*.png.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchBrowser, login, resultsDir, screenshot, serveBuiltStudio, type Studio, submitLogin } from './harness.ts';

const docsDir = join(resultsDir, '..', 'docs');
const MAKER = { email: 'contadora@plazo.test', name: 'Carmen Contadora', role: 'accountant', password: 'una clave larga de carmen' };
const CHECKER = { email: 'contador@plazo.test', name: 'Diego Contador', role: 'accountant', password: 'una clave larga de diego' };
const PM = { email: 'pm-libros@plazo.test', name: 'Paula Producto', role: 'product-manager', password: 'una clave larga de paula' };
const DESCRIPTION = `Disposición línea de fondeo BANCO e2e ${Date.now().toString(36)}`;
const AMOUNT = '250000.00';

let studio: Studio;
let browser: Browser;
let page: Page;

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

async function loginAs(user: { email: string; password: string }): Promise<Page> {
  await page?.close();
  await browser.context.clearCookies();
  page = await browser.newPage();
  await page.goto(`${studio.url}/login`);
  await submitLogin(page, user.email, user.password);
  return page;
}

const text = async (testid: string) => (await page.getByTestId(testid).innerText()).trim();
const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
/** `250000.00` → `$250,000.00`, as the studio shows money. */
const money = (amount: string) => `${amount.startsWith('-') ? '−' : ''}$${amount.replace(/^-/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

/** `2025-01` → `enero de 2025`, as the studio names a month. */
const month = (period: string) => new Intl.DateTimeFormat('es-MX', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));

async function shoot(name: string, scrollTo?: string): Promise<void> {
  await page.screenshot({ path: join(docsDir, `books-${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await pageWidth(), name).toBeLessThanOrEqual(390);
  if (scrollTo) await page.getByTestId(scrollTo).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(docsDir, `books-${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('the regulatory books in the studio', () => {
  beforeAll(async () => {
    studio = await serveBuiltStudio();
    for (const user of [MAKER, CHECKER, PM]) await api('POST', '/users', user);
    browser = await launchBrowser();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `failed-books-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an accountant proposes a manual funding entry: live totals, errors by field, and why she cannot approve it', async () => {
    await loginAs(MAKER);
    await page.getByTestId('nav-accounting').click();
    await page.waitForURL(/\/contabilidad$/);
    for (const tab of ['balance', 'income', 'journal', 'manual', 'periods']) await page.getByTestId(`books-tab-${tab}`).waitFor();
    await page.getByTestId('books-tab-manual').click();
    await page.waitForURL(/\/contabilidad\/polizas$/);
    const form = page.getByTestId('manual-entry-form');
    await form.waitFor();

    // The picker offers Bancos and the funding liability, never a loan subledger account.
    const offered = await page.getByTestId('me-account').first().locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain('1000');
    expect(offered).toContain('2600');
    for (const code of ['1100', '1190', '1300', '2200', '7100']) expect(offered).not.toContain(code);

    // Submitting the empty form: every problem under its field, in Spanish.
    await page.getByTestId('me-propose').click();
    expect(await text('me-error-description')).toBe('Escribe el concepto de la póliza.');
    expect(await text('me-error-lines')).toBe('La póliza lleva al menos 2 líneas.');

    await page.getByTestId('me-description').fill(DESCRIPTION);
    const lines = page.getByTestId('me-line');
    await lines.nth(0).getByTestId('me-account').selectOption('1000');
    await lines.nth(0).getByTestId('me-debit').fill('250,000');
    await lines.nth(1).getByTestId('me-account').selectOption('2600');
    await lines.nth(1).getByTestId('me-credit').fill('249999.99');
    // Live totals in exact decimals, and by how much it does not balance.
    expect(await text('me-total-debit')).toBe('$250,000.00');
    expect(await text('me-total-credit')).toBe('$249,999.99');
    expect(await text('me-balanced')).toBe('✗ No cuadra: los cargos y los abonos difieren en $0.01.');
    await lines.nth(1).getByTestId('me-credit').fill('250000.00');
    expect(await text('me-balanced')).toBe('✓ Cuadra');
    expect(await page.getByTestId('me-error-lines').count()).toBe(0);
    // A third line with both sides: refused on the line.
    await page.getByTestId('me-add-line').click();
    await lines.nth(2).getByTestId('me-account').selectOption('5300');
    await lines.nth(2).getByTestId('me-debit').fill('10');
    await lines.nth(2).getByTestId('me-credit').fill('10');
    await page.getByTestId('me-propose').click();
    expect(await text('me-error-lines.2.credit')).toBe('Una línea lleva cargo o abono, no los dos.');
    await shoot('manual-form-errors');
    await page.getByRole('button', { name: 'Quitar la línea 3' }).click();

    await page.getByTestId('me-propose').click();
    expect(await text('me-notice')).toBe('Póliza propuesta: espera la aprobación de otra persona.');
    const mine = page.locator('[data-testid=me-pending] [data-testid=manual-entry]', { hasText: DESCRIPTION });
    await mine.waitFor();
    expect(await mine.getByTestId('manual-entry-own').innerText()).toBe('Tú la propusiste: la aprueba o rechaza otra persona (nadie aprueba su propia póliza).');
    expect(await mine.getByTestId('manual-entry-approve').count()).toBe(0);
    expect(await mine.getByTestId('manual-entry-maker').innerText()).toMatch(/^Propuesta por Carmen Contadora, /);
    // The form is empty again, ready for the next one.
    expect(await page.getByTestId('me-description').inputValue()).toBe('');
    const stored = (await api('GET', '/ledger/manual-entries?status=pending')).manualEntries.find((e: any) => e.description === DESCRIPTION);
    expect(stored.lines.map((l: any) => [l.account, l.debit, l.credit])).toEqual([
      ['1000', AMOUNT, '0.00'],
      ['2600', '0.00', AMOUNT],
    ]);
    await shoot('manual-pending', 'me-pending');
  });

  it('a second accountant approves it; the balance sheet shows Bancos and the funding liability, and balances', async () => {
    const before = await api('GET', '/accounting/balance-sheet');
    await loginAs(CHECKER);
    await page.goto(`${studio.url}/contabilidad/polizas`);
    const entry = page.locator('[data-testid=me-pending] [data-testid=manual-entry]', { hasText: DESCRIPTION });
    await entry.getByTestId('manual-entry-approve').click();
    await page.getByTestId('approve-dialog').waitFor();
    await page.getByTestId('approve-dialog-submit').click();
    expect(await text('me-notice')).toBe('Póliza aprobada y registrada en el diario.');
    const approved = page.locator('[data-testid=me-decided] [data-testid=manual-entry]', { hasText: DESCRIPTION });
    await approved.waitFor();
    expect(await approved.getByTestId('manual-entry-status').innerText()).toBe('Aprobada');

    await page.getByTestId('books-tab-balance').click();
    await page.waitForURL(/\/contabilidad$/);
    await page.getByTestId('bs-assets').waitFor();
    const sheet = await api('GET', '/accounting/balance-sheet');
    const line = (section: any[], code: string) => section.find((l) => l.code === code);
    // The entry moved both accounts by its amount.
    const delta = (after: any, prior: any) => (Number(after?.balance ?? 0) - Number(prior?.balance ?? 0)).toFixed(2);
    expect(delta(line(sheet.assets, '1000'), line(before.assets, '1000'))).toBe(AMOUNT);
    expect(delta(line(sheet.liabilities, '2600'), line(before.liabilities, '2600'))).toBe(AMOUNT);
    expect(await page.getByTestId('bs-assets-1000').innerText()).toContain(money(line(sheet.assets, '1000').balance));
    expect(await page.getByTestId('bs-assets-1000').innerText()).toContain('Bancos');
    expect(await page.getByTestId('bs-liabilities-2600').innerText()).toContain(money(line(sheet.liabilities, '2600').balance));
    expect(await text('bs-assets-total')).toBe(money(sheet.totals.assets));
    expect(sheet.balanced).toBe(true);
    expect(await text('bs-balanced')).toBe('✓ Cuadra: el activo es igual al pasivo más el capital.');
    await shoot('balance-sheet', 'bs-liabilities');
  });

  it('the journal filters to manual entries and downloads the same filters as CSV; the income statement renders', async () => {
    await page.getByTestId('books-tab-journal').click();
    await page.waitForURL(/\/contabilidad\/diario$/);
    await page.getByTestId('j-source').selectOption('manual');
    await page.getByTestId('j-apply').click();
    await page.waitForURL(/source=manual/);
    const entry = page.locator('[data-testid=journal-entry]', { hasText: DESCRIPTION });
    await entry.waitFor();
    expect(await entry.getByTestId('journal-line').allInnerTexts()).toEqual([
      expect.stringMatching(/^\s*1000 · Bancos\s+\$250,000\.00\s*$/),
      expect.stringMatching(/^\s*2600 · .+\s+\$250,000\.00\s*$/),
    ]);
    const href = await page.getByTestId('journal-csv').getAttribute('href');
    expect(href).toBe('/api/v1/ledger/journal?source=manual&format=csv&limit=10000');
    const csv = await page.context().request.get(`${studio.url}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect(await csv.text()).toContain(DESCRIPTION);
    await shoot('journal');

    await page.getByTestId('books-tab-income').click();
    await page.waitForURL(/\/contabilidad\/resultados$/);
    await page.getByTestId('is-net').waitFor();
    const statement = await api('GET', '/accounting/income-statement');
    expect(await page.getByTestId('is-net').innerText()).toContain(money(statement.totals.net));
    await shoot('income-statement');
  });

  it('closes the earliest open month; a later one is refused in words; the form then refuses a date inside the closed month', async () => {
    await page.getByTestId('books-tab-periods').click();
    await page.waitForURL(/\/contabilidad\/periodos$/);
    await page.getByTestId('periods').waitFor();
    const open = (await api('GET', '/accounting/periods')).periods.filter((p: any) => p.status === 'open').map((p: any) => p.period).sort();
    expect(open.length).toBeGreaterThan(1);
    const [earliest, later] = open as [string, string];

    // A month after an open one: the runtime refuses, the dialog says why.
    await page.locator(`[data-testid=period-row][data-period="${later}"] [data-testid=period-close]`).click();
    await page.getByTestId('close-dialog').waitFor();
    expect(await page.getByTestId('close-dialog-submit').isDisabled()).toBe(true);
    await page.getByTestId('close-confirm').check();
    await page.getByTestId('close-dialog-submit').click();
    expect(await text('close-dialog-error')).toBe(`No se puede cerrar ${month(later)}: primero se cierra ${month(earliest)} (los meses se cierran en orden).`);
    await shoot('periods-refused');
    await page.getByTestId('close-dialog').getByRole('button', { name: 'Cancelar' }).click();

    // The earliest open month closes.
    await page.locator(`[data-testid=period-row][data-period="${earliest}"] [data-testid=period-close]`).click();
    await page.getByTestId('close-confirm').check();
    await page.getByTestId('close-dialog-submit').click();
    await page.getByTestId('periods-notice').waitFor();
    expect(await page.locator(`[data-testid=period-row][data-period="${earliest}"] [data-testid=period-status]`).innerText()).toMatch(/^Cerrado/);
    expect((await api('GET', '/accounting/periods')).periods.find((p: any) => p.period === earliest).status).toBe('closed');
    await shoot('periods');

    // An entry dated in the closed month: refused on the date, before anything is sent.
    await page.getByTestId('books-tab-manual').click();
    await page.getByTestId('me-date').fill(`${earliest}-15`);
    await page.getByTestId('me-date').blur();
    expect(await text('me-error-date')).toBe(`El periodo ${earliest} está cerrado: la póliza va en un mes abierto.`);
  });

  it('the dashboard shows the books card with the API’s figures', async () => {
    await page.goto(`${studio.url}/portafolio`);
    await page.getByTestId('books-kpi-vigente').waitFor();
    const report = await api('GET', '/reports/books');
    const pct = (f: string | null) => (f === null ? 'Sin cartera vencida' : `${(Number(f) * 100).toFixed(2)}%`);
    expect(await text('books-kpi-allowance')).toBe(money(report.allowance));
    expect(await text('books-kpi-morosidad')).toBe(pct(report.morosidad));
    expect(await text('books-kpi-coverage')).toBe(pct(report.coverage));
    await page.getByTestId('books-summary').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(docsDir, 'books-dashboard-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await page.getByTestId('books-summary').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(docsDir, 'books-dashboard-390.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('a loan’s page shows its books: stage and days, accrued interest, deferred fees, reserve, memorandum', async () => {
    // A late demo loan, vencida on the books when there is one (30 days for a single payment, 90 periodic).
    const late = (await api('GET', '/loans?dpdMin=1&status=active&limit=100')).loans as { id: string }[];
    const details = (await Promise.all(late.map((l) => api('GET', `/loans/${l.id}`)))).filter((d) => d.loan.books);
    expect(details.length, 'late demo loans have books').toBeGreaterThan(0);
    details.sort((a, b) => Number(b.loan.books.stage === 'vencida') - Number(a.loan.books.stage === 'vencida') || b.loan.books.daysPastDue - a.loan.books.daysPastDue);
    const { loan } = details[0];
    const books = loan.books;
    await loginAs(CHECKER);
    await page.goto(`${studio.url}/prestamos/${loan.id}`);
    await page.getByTestId('loan-books').waitFor();
    expect(await text('loan-books-stage')).toBe(`${books.stage === 'vencida' ? 'Vencida' : 'Vigente'}, ${books.daysPastDue} días de atraso`);
    expect(await text('loan-books-accrued')).toBe(money(books.accruedInterest));
    expect(await text('loan-books-deferred')).toBe(money(books.deferredFees));
    expect(await text('loan-books-reserve')).toBe(money(books.reserve));
    expect(await text('loan-books-memorandum')).toBe(money(books.memorandum));
    await page.getByTestId('loan-books').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(docsDir, 'books-loan-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await page.getByTestId('loan-books').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(docsDir, 'books-loan-390.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    console.log(`loan books box: ${loan.externalRef ?? loan.id} ${books.stage} ${books.daysPastDue} dpd, vencida loans among the late: ${details.filter((d) => d.loan.books.stage === 'vencida').length}`);
  });

  it('an approver sees the statements and the journal only; a product manager no «Contabilidad»', async () => {
    await page?.close();
    await browser.context.clearCookies();
    page = await browser.newPage();
    await login(page, studio, 'approver');
    await page.getByTestId('nav-accounting').click();
    await page.getByTestId('bs-assets').waitFor();
    for (const tab of ['balance', 'income', 'journal']) expect(await page.getByTestId(`books-tab-${tab}`).count()).toBe(1);
    for (const tab of ['manual', 'periods']) expect(await page.getByTestId(`books-tab-${tab}`).count()).toBe(0);
    // In English, the same screen in English.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    try {
      await page.getByRole('heading', { name: 'Accounting', level: 1 }).waitFor();
      expect(await page.getByTestId('books-tab-balance').innerText()).toBe('Balance sheet');
      expect(await text('bs-balanced')).toBe('✓ Balanced: assets equal liabilities plus equity.');
    } finally {
      await page.getByRole('button', { name: 'ES', exact: true }).click();
    }
    await loginAs(PM);
    expect(await page.getByTestId('nav-accounting').count()).toBe(0);
  });
});
