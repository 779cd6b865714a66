// What the service tells browsers (issue 13, items 9 and 10): security headers on every API
// response (HSTS only over TLS), and cross-site request forgery refused — a write made with the
// studio's session cookie must come from the studio's own origin; API keys are not affected.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginUser } from './support/login.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const SITE = 'http://localhost';

describe.each(DATABASE_KINDS)('browser security on %s', (kind) => {
  let h: Harness;
  let proxied: Harness;
  let cookie: string;
  beforeAll(async () => {
    h = await startHarness(kind, { publicOrigins: ['https://plazo.example.mx'] });
    proxied = await startHarness(kind, { trustProxy: 1 });
    await h.request('POST', '/api/v1/users', { body: { email: 'admin@example.mx', name: 'Admin', role: 'admin', password: 'una clave larga' } });
    const login = await loginUser(h, 'admin@example.mx', 'una clave larga');
    expect(login.status).toBe(200);
    cookie = /plazo_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
  });
  afterAll(async () => {
    await h?.destroy();
    await proxied?.destroy();
  });

  describe('security headers', () => {
    it('sends the API policy and the framing, sniffing and referrer headers on every response, errors included', async () => {
      for (const [path, status] of [['/api/health', 200], ['/api/v1/auth/me', 401], ['/api/v1/nothing', 404]] as const) {
        const res = await h.request('GET', path, { key: null });
        expect(res.status).toBe(status);
        expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('same-origin');
        expect(res.headers.get('strict-transport-security')).toBeNull();
      }
    });

    it('sends HSTS over TLS only: the request URL, or X-Forwarded-Proto from a trusted proxy', async () => {
      expect((await h.request('GET', 'https://plazo.example.mx/api/health')).headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect((await h.request('GET', '/api/health', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBeNull();
      expect((await proxied.request('GET', '/api/health', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toBe('max-age=31536000');
    });

    it('allows the docs page its own stylesheet, by hash, and nothing else', async () => {
      const res = await h.app.request('/api/docs');
      const html = await res.text();
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    });

    it('marks the session cookie HttpOnly and SameSite=Lax, and Secure over TLS', async () => {
      const body = { email: 'admin@example.mx', password: 'una clave larga' };
      const plain = (await h.request('POST', '/api/v1/auth/login', { key: null, body })).headers.get('set-cookie')!;
      expect(plain).toMatch(/HttpOnly/);
      expect(plain).toMatch(/SameSite=Lax/);
      expect(plain).not.toMatch(/Secure/);
      const tls = (await h.request('POST', 'https://plazo.example.mx/api/v1/auth/login', { key: null, body })).headers.get('set-cookie')!;
      expect(tls).toMatch(/; Secure/);
    });
  });

  describe('cross-site request forgery', () => {
    const newUser = (n: string) => ({ email: `${n}@example.mx`, name: n, role: 'operator', password: 'una clave larga' });
    const write = (n: string, headers: Record<string, string>) => h.request('POST', '/api/v1/users', { key: null, cookie, headers, body: newUser(n) });
    const exists = async (n: string) => (await h.db.selectFrom('users').select('id').where('email', '=', `${n}@example.mx`).executeTakeFirst()) !== undefined;

    it('refuses a cookie write from another origin with 403 and writes nothing', async () => {
      const res = await write('evil1', { origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'cross-site-request', details: { from: 'https://evil.example' } });
      expect(await exists('evil1')).toBe(false);
      for (const [n, headers] of [
        ['evil2', { origin: 'null' }],
        ['evil3', { origin: 'http://localhost.evil.example' }],
        ['evil4', { 'sec-fetch-site': 'cross-site' }],
        ['evil5', { 'sec-fetch-site': 'same-site' }],
        ['evil6', { referer: 'https://evil.example/page' }],
        ['evil7', { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }],
        ['evil8', {}],
      ] as const) {
        const refused = await write(n, headers);
        expect(refused.status, n).toBe(403);
        expect(refused.body.error.code).toBe('cross-site-request');
        expect(await exists(n)).toBe(false);
      }
      const logout = await h.request('POST', '/api/v1/auth/logout', { key: null, cookie, headers: { origin: 'https://evil.example' } });
      expect(logout.status).toBe(403);
      expect((await h.request('GET', '/api/v1/auth/me', { key: null, cookie })).status).toBe(200);
    });

    it('accepts a cookie write from this site: Origin, else Sec-Fetch-Site, else Referer', async () => {
      for (const [n, headers] of [
        ['own1', { origin: SITE }],
        ['own2', { origin: 'https://localhost' }],
        ['own3', { origin: 'https://plazo.example.mx' }],
        ['own4', { 'sec-fetch-site': 'same-origin' }],
        ['own5', { referer: `${SITE}/products/nomina` }],
      ] as const) {
        const res = await write(n, headers);
        expect(res.status, n).toBe(201);
      }
    });

    it('leaves API keys alone, and reads', async () => {
      const res = await h.request('POST', '/api/v1/users', { headers: { origin: 'https://evil.example' }, body: newUser('bykey') });
      expect(res.status).toBe(201);
      expect((await h.request('GET', '/api/v1/users', { key: null, cookie, headers: { origin: 'https://evil.example' } })).status).toBe(200);
    });

    it('refuses a login that says it comes from another site; a login without those headers (curl) passes', async () => {
      const body = { email: 'admin@example.mx', password: 'una clave larga' };
      const evil = await h.request('POST', '/api/v1/auth/login', { key: null, body, headers: { origin: 'https://evil.example' } });
      expect(evil.status).toBe(403);
      expect(evil.headers.get('set-cookie')).toBeNull();
      expect((await h.request('POST', '/api/v1/auth/login', { key: null, body })).status).toBe(200);
    });
  });
});
