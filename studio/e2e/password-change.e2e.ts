// Temporary passwords in a real browser: a user an admin created logs in, lands on «Cambia tu
// contraseña» (any other page sends them back there; the API refuses the rest with
// `password-change-required`), is told when the passwords differ or the current one is wrong,
// chooses their own and reaches the products page; later logins go straight in.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, serveBuiltStudio, type Browser, type Studio } from './harness.ts';

let studio: Studio;
let browser: Browser;
let page: Page;
// Its own user: the suite shares one runtime, and no other file knows this email.
const USER = { email: `nuevo.${Date.now()}@plazo.test`, name: 'Néstor Nuevo', role: 'product-manager', password: 'la temporal de nestor' };
const OWN = 'mi frase secreta propia';

beforeAll(async () => {
  studio = await serveBuiltStudio();
  const created = await fetch(`${studio.url}/api/v1/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${studio.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(USER),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  expect((await created.json()).user.mustChangePassword).toBe(true);
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

afterAll(async () => {
  await browser?.close();
});

const logIn = async (password: string) => {
  await page.goto(`${studio.url}/login`);
  await page.getByLabel('Correo electrónico').fill(USER.email);
  await page.getByLabel('Contraseña', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
};

describe('a new user must change the password an admin set', () => {
  it('logs in and lands on «Cambia tu contraseña»; other pages send them back; the API refuses', async () => {
    await logIn(USER.password);
    await page.getByTestId('change-password').waitFor();
    expect(new URL(page.url()).pathname).toBe('/cambiar-contrasena');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Cambia tu contraseña');
    await page.goto(`${studio.url}/prestamos`);
    await page.getByTestId('change-password').waitFor();
    expect(new URL(page.url()).pathname).toBe('/cambiar-contrasena');
    const refused = await page.request.get(`${studio.url}/api/v1/products`);
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe('password-change-required');
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, 'password-change-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'password-change-390');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('says when the new passwords differ or the current one is wrong', async () => {
    await page.locator('#cp-current').fill(USER.password);
    await page.locator('#cp-new').fill(OWN);
    await page.locator('#cp-confirm').fill(`${OWN} x`);
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();
    expect(await page.getByTestId('change-password-error').textContent()).toBe('Las dos contraseñas nuevas no coinciden.');
    await page.locator('#cp-current').fill('no es la temporal');
    await page.locator('#cp-confirm').fill(OWN);
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();
    await expect.poll(() => page.getByTestId('change-password-error').textContent()).toBe('La contraseña actual no es correcta.');
  });

  it('chooses their own password and reaches the products page; the next login goes straight in', async () => {
    await page.locator('#cp-current').fill(USER.password);
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();
    await page.waitForURL((url) => url.pathname === '/prestamos');
    // Back where they were going; the products page opens too.
    await page.goto(`${studio.url}/`);
    await page.getByTestId('new-product-button').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Productos');
    await page.getByTestId('logout').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await logIn(OWN);
    await page.getByTestId('new-product-button').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });
});
