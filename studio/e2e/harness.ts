// Test harness for the browser tests: the runtime serving the built studio (started once by
// global-setup.ts), logging in as a test user, resetting a draft, and Debian's Chromium driven by
// playwright-core in a fresh profile. Every page is watched for Content-Security-Policy
// violations (the document's `securitypolicyviolation` events, the browser's console and log,
// the workers'): e2e/csp-guard.ts fails the test that saw one.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { inject } from 'vitest';
import { USERS } from './global-setup.ts';

const studioDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const resultsDir = join(studioDir, 'test-results');

export interface Studio {
  readonly url: string;
  readonly adminKey: string;
  stop(): Promise<void>;
}

/**
 * The runtime that serves the API and the built studio on one port, started once for all browser
 * tests by e2e/global-setup.ts.
 */
export async function serveBuiltStudio(): Promise<Studio> {
  const { url, adminKey } = inject('plazo');
  return { url, adminKey, stop: async () => {} };
}

/** Logs the browser context in as one of the test users (the session cookie lands in the context). */
export async function login(page: Page, studio: Studio, who: keyof typeof USERS): Promise<void> {
  const user = USERS[who];
  await page.goto(`${studio.url}/login`);
  try {
    await page.getByLabel('Correo electrónico').fill(user.email, { timeout: 15_000 });
  } catch (e) {
    await screenshot(page, 'login-failed');
    throw new Error(`no login form at ${page.url()}: ${await page.evaluate(() => document.body.innerText)}`, { cause: e });
  }
  await submitLogin(page, user.email, user.password);
}

/**
 * Fills the open login page and logs in. A user whose password an admin set lands on «Cambia tu
 * contraseña»: this changes it there (as the user would) and then, through the API with the new
 * session, back to `password` — the test users keep the password every test file logs in with.
 */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  if (new URL(page.url()).pathname === '/cambiar-contrasena') {
    const own = `${password} ya es mía`;
    await page.getByTestId('change-password').waitFor();
    await page.locator('#cp-current').fill(password);
    await page.locator('#cp-new').fill(own);
    await page.locator('#cp-confirm').fill(own);
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();
    await page.waitForURL((url) => url.pathname !== '/cambiar-contrasena');
    const origin = new URL(page.url()).origin;
    const back = await page.request.post(`${origin}/api/v1/auth/password`, { data: { currentPassword: own, newPassword: password }, headers: { origin } });
    if (!back.ok()) throw new Error(`could not set the password of ${email} back: ${back.status()} ${await back.text()}`);
  }
  await page.getByTestId('who').waitFor();
}

/** A product's stored draft, as the admin key reads it. */
export async function storedDraft(studio: Studio, code: string): Promise<{ source: string; revision: number }> {
  const response = await fetch(`${studio.url}/api/v1/products/${code}/draft`, { headers: { authorization: `Bearer ${studio.adminKey}` } });
  return (await response.json()).draft;
}

/**
 * Puts a product's draft back to the example text (as the admin key), so test files do not see
 * each other's edits; `edit` changes that text first (a draft with a problem in it).
 */
export async function resetDraft(studio: Studio, code: string, edit: (source: string) => string = (s) => s): Promise<void> {
  const source = edit(readFileSync(join(studioDir, '..', 'examples', `${code}.plazo`), 'utf8'));
  const response = await fetch(`${studio.url}/api/v1/products/${code}/draft`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${studio.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ source }),
  });
  if (!response.ok) throw new Error(`could not reset the ${code} draft: ${response.status} ${await response.text()}`);
}

export interface Browser {
  readonly context: BrowserContext;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

const cspViolations: string[] = [];

/** The CSP violations seen since the last call (and forgets them). */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

const CSP_MESSAGE = /Content[- ]Security[- ]Policy/i;

/** Records every CSP violation `page` and its workers report. */
async function watchCsp(context: BrowserContext, page: Page): Promise<void> {
  await page.exposeBinding('__plazoCspViolation', (_source, text: string) => void cspViolations.push(`page: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __plazoCspViolation(text: string): void }).__plazoCspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (CSP_MESSAGE.test(message.text())) cspViolations.push(`console: ${message.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (CSP_MESSAGE.test(entry.text)) cspViolations.push(`log (${entry.source}): ${entry.text}`);
  });
  await cdp.send('Log.enable');
  page.on('worker', (worker: Worker) => {
    worker.on('console', (message) => {
      if (CSP_MESSAGE.test(message.text())) cspViolations.push(`worker ${worker.url()}: ${message.text()}`);
    });
    worker
      .evaluate(() => {
        self.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`));
      })
      .catch(() => {});
  });
}

/** Chromium with a fresh user-data-dir, headless, no network chatter. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'plazo-studio-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
    // The browser's day is the runtime's business day (its clock's default time zone), as for a
    // user in Mexico: otherwise, from midnight UTC to 06:00 the studio's "today" would be a day
    // ahead of the runtime's and a form defaulting to today would be refused as a future date.
    timezoneId: 'America/Mexico_City',
  });
  return {
    context,
    async newPage(viewport) {
      const page = await context.newPage();
      await watchCsp(context, page);
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-viewport screenshot under studio/test-results/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Puts the cursor `offset` characters into the first match of `needle`, with Monaco's own Find
 * (Ctrl+F), and returns the 1-based line it is on. Independent of the file's exact layout.
 */
export async function placeCursor(page: Page, needle: string, offset: number): Promise<number> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+F');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(needle);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight');
  return Number(await page.locator('.monaco-editor .line-numbers.active-line-number').first().textContent());
}
