// The real service process (`tsx src/server.ts`): first start migrates, loads the examples and
// prints the URL and admin key once; SIGTERM lets a request in flight finish, then exits 0;
// a restart keeps the data and prints no new key.
import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverEnvironment, startServer } from './support/server-process.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const EXAMPLES = readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.plazo'));

describe.each(DATABASE_KINDS)('service process on %s', (kind) => {
  let env: NodeJS.ProcessEnv;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ env, dispose } = await serverEnvironment(kind, 'plazo-service-'));
  });
  afterAll(async () => {
    await dispose();
  });

  it('starts, serves, finishes a request in flight on SIGTERM, and restarts with its data', async () => {
    const first = await startServer(env);
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(first.key).toMatch(/^plz_/);
      const auth = { authorization: `Bearer ${first.key}` };
      const me = await fetch(`${first.url}/api/v1/auth/me`, { headers: auth });
      expect(me.status).toBe(200);
      expect(me.headers.get('x-request-id')).toBeTruthy();
      const products = (await (await fetch(`${first.url}/api/v1/products`, { headers: auth })).json()) as { products: { code: string; latestVersion: number }[] };
      expect(products.products.length).toBeGreaterThan(0);
      expect(products.products.length).toBeLessThanOrEqual(EXAMPLES.length);
      expect(products.products.map((p) => p.code)).toContain('nomina');
      expect(products.products.every((p) => p.latestVersion === 1)).toBe(true);
      // The key is printed once, never logged.
      expect(first.output().split(first.key!).length - 1).toBe(1);
      expect(first.output()).toContain(`curl -H "Authorization: Bearer $PLAZO_KEY" ${first.url}/api/v1/auth/me`);

      // A request whose body is still arriving when SIGTERM comes completes normally.
      const port = Number(new URL(first.url).port);
      const body = JSON.stringify({ name: 'late', role: 'operator' });
      const response = new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, method: 'POST', path: '/api/v1/api-keys', headers: { ...auth, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 10));
        setTimeout(() => {
          first.child.kill('SIGTERM');
          setTimeout(() => req.end(body.slice(10)), 300);
        }, 200);
      });
      expect(await response).toBe(201);
      expect(await first.exited).toBe(0);
      await expect(fetch(`${first.url}/api/health`)).rejects.toThrow();
    } finally {
      first.child.kill('SIGKILL');
    }

    const second = await startServer(env);
    try {
      expect(second.key).toBeNull();
      const health = await fetch(`${second.url}/api/health`);
      expect(health.status).toBe(200);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    } finally {
      second.child.kill('SIGKILL');
    }
  }, 240_000);
});
