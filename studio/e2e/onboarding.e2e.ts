// A new institution's first hour in the studio (issue 19), on a fresh install: the first-run page
// creates the admin; the admin creates a product manager (password typed) and an approver (a
// temporary password shown once); the product manager logs in, creates a payroll product from its
// template and sees it check clean, its tests pass and its schedule with the CAT. Screenshots of
// the new pages at 1280 and 390 px wide.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, resultsDir, screenshot, submitLogin, type Browser } from './harness.ts';
import { startFreshRuntime, type FreshRuntime } from './fresh-runtime.ts';

let runtime: FreshRuntime;
let browser: Browser;
let page: Page;

const ADMIN = { name: 'Marta Administración', email: 'marta@financiera.mx', password: 'una frase larga para marta' };
const PM = { name: 'Pablo Producto', email: 'pablo@financiera.mx', password: 'otra frase larga de producto' };
const APPROVER = { name: 'Lucía Aprobación', email: 'lucia@financiera.mx' };
const NARROW = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 800 };

beforeAll(async () => {
  runtime = await startFreshRuntime();
  browser = await launchBrowser();
  page = await browser.newPage();
}, 120_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-onboarding-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

/** Both widths of the page as it is now, named `<name>-1280.png` and `<name>-390.png`. */
async function shoot(name: string): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  for (const [size, width] of [[NARROW, 390], [WIDE, 1280]] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(resultsDir, `${name}-${width}.png`), fullPage: true });
  }
}

/** No horizontal scrolling: nothing is wider than the viewport. */
async function fitsWidth(): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

async function logIn(email: string, password: string): Promise<void> {
  await page.goto(`${runtime.url}/login`);
  await submitLogin(page, email, password);
}

describe('first run, people and a new product', () => {
  let temporary = '';

  it('opens the first-run page on a fresh install and creates the first admin', async () => {
    await page.goto(runtime.url);
    await page.getByTestId('first-run').waitFor();
    expect(new URL(page.url()).pathname).toBe('/bienvenida');
    await page.getByLabel('Nombre').fill(ADMIN.name);
    await page.getByLabel('Correo electrónico').fill(ADMIN.email);
    await page.getByLabel('Contraseña', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Repite la contraseña').fill('otra cosa distinta');
    await page.getByRole('button', { name: 'Crear la cuenta de administración' }).click();
    expect(await page.getByTestId('first-run-error').textContent()).toContain('no coinciden');
    await page.getByLabel('Repite la contraseña').fill(ADMIN.password);
    await page.setViewportSize(NARROW);
    expect(await fitsWidth()).toBe(true);
    await shoot('first-run');
    await page.getByRole('button', { name: 'Crear la cuenta de administración' }).click();
    await page.getByTestId('users-welcome').waitFor();
    expect(await page.getByTestId('who').textContent()).toContain(ADMIN.name);
    // The first run is over: the page sends people to the login from now on.
    const again = await fetch(`${runtime.url}/api/v1/auth/first-run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x@y.mx', name: 'X', password: 'una clave larga cualquiera' }) });
    expect(again.status).toBe(409);
  });

  it('creates a product manager with a typed password and an approver with a temporary one', async () => {
    await page.getByTestId('user-name').fill(PM.name);
    await page.getByTestId('user-email').fill(PM.email);
    await page.getByTestId('user-role').selectOption('product-manager');
    await page.getByTestId('user-password-typed').check();
    await page.getByTestId('user-password').fill(PM.password);
    await page.getByTestId('user-submit').click();
    await expect.poll(() => page.getByTestId('users-notice').textContent()).toContain(PM.email);

    await page.getByTestId('user-name').fill(APPROVER.name);
    await page.getByTestId('user-email').fill(APPROVER.email);
    await page.getByTestId('user-role').selectOption('approver');
    await page.getByTestId('user-password-typed').uncheck().catch(() => undefined);
    await page.getByLabel('Generar una temporal').check();
    await page.getByTestId('user-submit').click();
    temporary = (await page.getByTestId('secret-value').textContent()) ?? '';
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const rows = page.getByTestId('user-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.filter({ hasText: APPROVER.email }).textContent()).toContain('Aprobación');

    // The approver's API keys: a key is shown once.
    await rows.filter({ hasText: APPROVER.email }).getByTestId('user-keys').click();
    await page.getByTestId('key-name').fill('hoja de cálculo');
    await page.getByTestId('key-create').click();
    await expect.poll(() => page.getByTestId('secret-value').textContent()).toMatch(/^plz_/);
    expect(await page.getByTestId('key-row').count()).toBe(1);
    expect(await fitsWidth()).toBe(true);
    await shoot('users-admin');
  });

  it('the approver logs in with the temporary password', async () => {
    await page.getByTestId('logout').click();
    await logIn(APPROVER.email, temporary);
    expect(await page.getByTestId('who').textContent()).toContain('Aprobación');
    // An approver cannot create products: no button.
    await page.goto(runtime.url);
    await page.getByRole('heading', { name: 'Productos' }).waitFor();
    expect(await page.getByTestId('new-product-button').count()).toBe(0);
    await page.getByTestId('logout').click();
  });

  it('the product manager creates a payroll product from its template and sees it check clean with its CAT', async () => {
    await logIn(PM.email, PM.password);
    await page.goto(runtime.url);
    await page.getByTestId('new-product-button').click();
    await page.getByTestId('new-product').waitFor();
    await page.getByTestId('template-nomina').click();
    await page.getByTestId('product-name').fill('Nómina Empresas 2026');
    expect(await page.getByTestId('product-code').inputValue()).toBe('nomina_empresas_2026');
    expect(await fitsWidth()).toBe(true);
    await shoot('new-product');

    // A code the catalog already has: said in Spanish, naming the product.
    await page.getByTestId('product-code').fill('nomina');
    await page.getByTestId('new-product-submit').click();
    await expect.poll(() => page.getByTestId('new-product-error').textContent()).toBe('Ya existe un producto con el código nomina: «Crédito de Nómina».');
    await page.getByTestId('product-code').fill('nomina_empresas_2026');
    await page.getByTestId('new-product-submit').click();

    await page.waitForURL(`${runtime.url}/products/nomina_empresas_2026`);
    await page.getByTestId('cat').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('cat').textContent()).toMatch(/CAT \d+(\.\d+)?% Sin IVA/);
    await expect.poll(() => page.getByTestId('tests-badge').textContent(), { timeout: 30_000 }).toBe('✓ 2');
    expect(await page.getByTestId('problem-count').textContent()).toBe('Errores: 0 · Advertencias: 0');
    expect(await page.getByTestId('problem').count()).toBe(0);
    expect(await page.locator('[data-testid="schedule"] tbody tr').count()).toBeGreaterThan(5);
    const editorText = (await page.locator('.monaco-editor .view-lines').textContent())?.replace(/\u00a0/g, ' ');
    expect(editorText).toContain('product nomina_empresas_2026 "Nómina Empresas 2026"');
    await screenshot(page, 'new-product-editor');
  });

  it('"Dar formato" on a broken text says why it cannot', async () => {
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n  pricing {{');
    await expect.poll(() => page.getByTestId('problem-count').textContent()).not.toBe('Errores: 0 · Advertencias: 0');
    await page.getByTestId('format').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/No se puede dar formato: el texto tiene \d+ error\(es\) de sintaxis\. Línea \d+, columna \d+: /);
  });
});
