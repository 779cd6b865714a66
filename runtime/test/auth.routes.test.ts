// Auth over HTTP: API keys (bearer), studio login with the session cookie, logout, `me`, and the
// admin routes for users and API keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

describe.each(DATABASE_KINDS)('auth routes on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  function sessionCookie(setCookie: string | null): string {
    const match = /plazo_session=([^;]*)/.exec(setCookie ?? '');
    if (!match) throw new Error(`no session cookie in ${setCookie}`);
    return `plazo_session=${match[1]}`;
  }

  it('answers me for an API key, with the role and its permissions', async () => {
    const res = await h.request('GET', '/api/v1/auth/me', { key: h.keys.operator });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'api-key', role: 'operator', name: 'test operator' });
    expect(res.body.actor).toMatch(/^api-key:[0-9a-f-]{36}$/);
    expect(res.body.permissions).toContain('payments:write');
    expect(res.body.permissions).not.toContain('products:publish');
    expect(res.body.editableSections).toEqual([]);
  });

  it('rejects a missing, malformed or unknown key with 401', async () => {
    for (const key of [null, 'nope', 'plz_unknownunknownunknownunknownunknown00000']) {
      const res = await h.request('GET', '/api/v1/auth/me', { key });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });

  it('creates a user who logs in with a session cookie, uses it, and logs out', async () => {
    const created = await h.request('POST', '/api/v1/users', {
      body: { email: 'Lucia@Example.MX', name: 'Lucía Pérez', role: 'approver', password: 'correct horse battery' },
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email: 'lucia@example.mx', role: 'approver', canLogIn: true });
    expect(created.text).not.toContain('correct horse');
    expect(created.text).not.toContain('scrypt');

    const wrong = await h.request('POST', '/api/v1/auth/login', { key: null, body: { email: 'lucia@example.mx', password: 'wrong password!' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid-credentials');
    const unknown = await h.request('POST', '/api/v1/auth/login', { key: null, body: { email: 'nobody@example.mx', password: 'whatever12345' } });
    expect(unknown.status).toBe(401);

    const login = await h.request('POST', '/api/v1/auth/login', { key: null, body: { email: 'LUCIA@example.mx', password: 'correct horse battery' } });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie');
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const cookie = sessionCookie(setCookie);

    const me = await h.request('GET', '/api/v1/auth/me', { key: null, cookie });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'user', role: 'approver', email: 'lucia@example.mx' });

    // The token is stored hashed: the cookie value is nowhere in the sessions table.
    const token = cookie.split('=')[1]!;
    const rows = await h.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);

    const logout = await h.request('POST', '/api/v1/auth/logout', { key: null, cookie, headers: { origin: 'http://localhost' } });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toMatch(/plazo_session=;/);
    const after = await h.request('GET', '/api/v1/auth/me', { key: null, cookie });
    expect(after.status).toBe(401);
  });

  it('marks the cookie Secure behind https', async () => {
    await h.request('POST', '/api/v1/users', { body: { email: 'sec@example.mx', name: 'Sec', role: 'operator', password: 'long enough pass' } });
    const login = await h.request('POST', '/api/v1/auth/login', {
      key: null,
      body: { email: 'sec@example.mx', password: 'long enough pass' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('expires sessions', async () => {
    await h.request('POST', '/api/v1/users', { body: { email: 'exp@example.mx', name: 'Exp', role: 'operator', password: 'long enough pass' } });
    const login = await h.request('POST', '/api/v1/auth/login', { key: null, body: { email: 'exp@example.mx', password: 'long enough pass' } });
    const cookie = sessionCookie(login.headers.get('set-cookie'));
    h.clock.advance(13 * 60 * 60 * 1000);
    try {
      expect((await h.request('GET', '/api/v1/auth/me', { key: null, cookie })).status).toBe(401);
    } finally {
      h.clock.advance(-13 * 60 * 60 * 1000);
    }
  });

  it('refuses a duplicate email with 409', async () => {
    const body = { email: 'dup@example.mx', name: 'Dup', role: 'operator' };
    expect((await h.request('POST', '/api/v1/users', { body })).status).toBe(201);
    const again = await h.request('POST', '/api/v1/users', { body: { ...body, email: 'DUP@example.mx' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('email-taken');
  });

  it('lists users without password hashes', async () => {
    const res = await h.request('GET', '/api/v1/users');
    expect(res.status).toBe(200);
    expect(res.body.users.length).toBeGreaterThan(0);
    expect(res.text).not.toMatch(/scrypt|password_hash/);
  });

  it('creates an API key shown once, lists it by prefix, and revokes it', async () => {
    const created = await h.request('POST', '/api/v1/api-keys', { body: { name: 'gateway', role: 'api-client' } });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^plz_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(created.body.apiKey.prefix)).toBe(true);

    const list = await h.request('GET', '/api/v1/api-keys');
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(key);
    expect(list.body.apiKeys.find((k: any) => k.id === created.body.apiKey.id)).toMatchObject({ name: 'gateway', revokedAt: null });
    const stored = await h.db.selectFrom('api_keys').select('key_hash').where('id', '=', created.body.apiKey.id).executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(key.slice(4));

    expect((await h.request('GET', '/api/v1/auth/me', { key })).status).toBe(200);
    const revoked = await h.request('DELETE', `/api/v1/api-keys/${created.body.apiKey.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.apiKey.revokedAt).toBe(h.clock.now().toISOString());
    expect((await h.request('GET', '/api/v1/auth/me', { key })).status).toBe(401);
    expect((await h.request('DELETE', `/api/v1/api-keys/${created.body.apiKey.id}`)).status).toBe(409);
    expect((await h.request('DELETE', '/api/v1/api-keys/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('never logs keys, cookies or passwords', async () => {
    const all = h.logs.join('\n');
    expect(all).toContain('"msg":"request"');
    for (const key of Object.values(h.keys)) expect(all).not.toContain(key);
    expect(all).not.toContain('correct horse');
    expect(all).not.toContain('plazo_session=');
  });
});
