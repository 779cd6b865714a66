// The runtime's studio mount (runtime/src/studio/mount-studio.ts): /api to the API listener,
// everything else to the built studio, and a clear page when the build is missing.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { studioServer } from '../../../../runtime/src/studio/mount-studio.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function listen(handlerPath: string, options: { trustProxy?: number } = {}): Promise<string> {
  const server = studioServer(handlerPath, options)({}, (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"api":true}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the studio served by the runtime on one port', () => {
  it('sends /api to the API and says how to build the studio when the build is missing', async () => {
    const url = await listen('/nonexistent/studio/build/handler.js');
    expect(await (await fetch(`${url}/api/v1/products`)).json()).toEqual({ api: true });
    const page = await fetch(`${url}/products/nomina`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('pnpm --filter @plazo/studio build');
  });

  it('sends the security headers with every studio response (HSTS only over TLS)', async () => {
    const url = await listen('/nonexistent/studio/build/handler.js');
    const page = await fetch(`${url}/products/nomina`);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('strict-transport-security')).toBeNull();
    // An untrusted proxy header is not TLS.
    expect((await fetch(`${url}/`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS when a trusted proxy says the client came over https', async () => {
    const url = await listen('/nonexistent/studio/build/handler.js', { trustProxy: 1 });
    expect((await fetch(`${url}/`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});
