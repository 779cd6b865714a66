// The studio under its security headers (issue 13, item 9): each page carries a policy with a
// fresh nonce for SvelteKit's inline script and forbids framing; the files carry the runtime's
// policy; the CSP guard (csp-guard.ts) does catch a violation; a throttled login says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveBuiltStudio, takeCspViolations, type Browser, type Studio } from './harness.ts';

let studio: Studio;
let browser: Browser;

beforeAll(async () => {
  studio = await serveBuiltStudio();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the studio under its security headers', () => {
  it('serves pages with a nonce policy and files with the runtime’s, never frameable', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${studio.url}/login`);
    const headers = response!.headers();
    const csp = headers['content-security-policy']!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("worker-src 'self'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['strict-transport-security']).toBeUndefined();
    const again = (await fetch(`${studio.url}/login`)).headers.get('content-security-policy');
    expect(again).not.toBe(csp);

    await page.getByLabel('Correo electrónico').waitFor();
    const script = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="modulepreload"]')!.href);
    const asset = await fetch(script);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(asset.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    await page.close();
  });

  it('reports an inline script the policy blocks (so a violation fails the test that causes it)', async () => {
    const page = await browser.newPage();
    await page.goto(`${studio.url}/login`);
    await page.getByLabel('Correo electrónico').waitFor();
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 200));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => takeCspViolations().join('\n'), { timeout: 5000 }).toMatch(/script-src/);
    takeCspViolations();
    await page.close();
  });

  it('tells the user to wait after too many failed logins', async () => {
    const page = await browser.newPage();
    await page.goto(`${studio.url}/login`);
    const email = page.getByLabel('Correo electrónico');
    await email.fill('nadie@plazo.test');
    const attempt = async (): Promise<number> => {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
        page.getByRole('button', { name: 'Entrar' }).click(),
      ]);
      return response.status();
    };
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Contraseña').fill(`clave equivocada ${i}`);
      expect(await attempt()).toBe(401);
    }
    expect(await page.getByTestId('login-error').textContent()).toBe('Correo o contraseña incorrectos.');
    expect(await attempt()).toBe(429);
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/^Demasiados intentos fallidos\. Intenta de nuevo en \d+ s\.$/);
    await page.close();
  });
});
