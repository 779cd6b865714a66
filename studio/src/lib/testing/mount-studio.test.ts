// The runtime's studio mount (runtime/src/studio/mount-studio.ts): /api to the API listener,
// everything else to the built studio, and a clear page when the build is missing.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { studioServer } from '../../../../runtime/src/studio/mount-studio.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function listen(handlerPath: string): Promise<string> {
  const server = studioServer(handlerPath)({}, (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"api":true}'));
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
});
