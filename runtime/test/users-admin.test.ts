// The people side of the studio (issue 19): the first run of a fresh install creates one admin
// user, even under a race; admins create, disable and enable users, reset their passwords and
// manage their API keys; a disabled user's sessions and keys stop working at once; every write is
// audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstAdmin } from '../src/auth/user-accounts.ts';
import { loginUser } from './support/login.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

function sessionCookie(setCookie: string | null): string {
  const match = /plazo_session=([^;]*)/.exec(setCookie ?? '');
  if (!match) throw new Error(`no session cookie in ${setCookie}`);
  return `plazo_session=${match[1]}`;
}

describe.each(DATABASE_KINDS)('first run and users admin on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  /** The user's audit entries, without the password changes loginUser makes at a first login (must-change-password.test.ts checks those). */
  async function auditOf(entityId: string) {
    const entries = (await h.request('GET', `/api/v1/audit?entityType=user&entityId=${entityId}`)).body.entries as { action: string; actor: string; details: Record<string, unknown> }[];
    return entries.filter((e) => e.action !== 'password-change');
  }

  async function login(email: string, password: string) {
    const res = await loginUser(h, email, password);
    return { status: res.status, cookie: res.status === 200 ? sessionCookie(res.headers.get('set-cookie')) : '' };
  }

  let adminCookie = '';
  let adminId = '';

  it('on a fresh install, the first run creates one admin even when several requests race; then 409', async () => {
    expect((await h.request('GET', '/api/v1/auth/first-run', { key: null })).body).toEqual({ needed: true });
    const weak = await h.request('POST', '/api/v1/auth/first-run', { key: null, body: { email: 'root@plazo.mx', name: 'Root', password: 'aaaaaaaaaaaaaaa' } });
    expect(weak.status).toBe(422);
    expect(weak.body.error.details).toEqual([{ path: 'password', message: 'at least 6 different characters' }]);

    const racers = await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        h.request('POST', '/api/v1/auth/first-run', { key: null, body: { email: `admin${i}@plazo.mx`, name: `Admin ${i}`, password: 'una clave larga y buena' } }),
      ),
    );
    const won = racers.filter((r) => r.status === 201);
    expect(won).toHaveLength(1);
    expect(racers.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(['first-run-done', 'first-run-done', 'first-run-done', 'first-run-done']);
    const users = (await h.request('GET', '/api/v1/users')).body.users;
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ role: 'admin', canLogIn: true });

    // The winner is logged in: its cookie works and names the admin.
    adminCookie = sessionCookie(won[0]!.headers.get('set-cookie'));
    adminId = users[0].id;
    const me = await h.request('GET', '/api/v1/auth/me', { key: null, cookie: adminCookie, headers: { origin: 'http://localhost' } });
    expect(me.body).toMatchObject({ kind: 'user', role: 'admin', actor: `user:${adminId}` });
    expect((await auditOf(adminId)).map((e) => [e.action, e.actor])).toEqual([['first-run', `user:${adminId}`]]);

    expect((await h.request('GET', '/api/v1/auth/first-run', { key: null })).body).toEqual({ needed: false });
    const late = await h.request('POST', '/api/v1/auth/first-run', { key: null, body: { email: 'late@plazo.mx', name: 'Late', password: 'una clave larga y buena' } });
    expect(late.status).toBe(409);
    expect((await h.request('GET', '/api/v1/users')).body.users).toHaveLength(1);
  });

  it('creates users with a role; refuses weak passwords naming the field', async () => {
    const weak = await h.request('POST', '/api/v1/users', { key: null, cookie: adminCookie, headers: { origin: 'http://localhost' }, body: { email: 'pablo.producto@plazo.mx', name: 'Pablo', role: 'product-manager', password: 'pablo.producto2025' } });
    expect(weak.status).toBe(422);
    expect(weak.body.error.details).toEqual([{ path: 'password', message: 'must not be built on your email or your name' }]);
    const pm = await h.request('POST', '/api/v1/users', { key: null, cookie: adminCookie, headers: { origin: 'http://localhost' }, body: { email: 'pablo@plazo.mx', name: 'Pablo Producto', role: 'product-manager', password: 'una clave larga de pablo' } });
    expect(pm.status).toBe(201);
    expect(pm.body.user).toMatchObject({ role: 'product-manager', canLogIn: true });
  });

  it('disables a user: sessions and keys stop at once; enabling lets them log in and their keys work again', async () => {
    const created = await h.request('POST', '/api/v1/users', { body: { email: 'lucia@plazo.mx', name: 'Lucía', role: 'approver', password: 'una clave larga de lucia' } });
    const id = created.body.user.id as string;
    const { cookie } = await login('lucia@plazo.mx', 'una clave larga de lucia');
    const key = await h.request('POST', `/api/v1/users/${id}/api-keys`, { body: { name: 'hoja de Lucía' } });
    expect(key.status).toBe(201);
    expect(key.body.apiKey).toMatchObject({ role: 'approver', userId: id, name: 'hoja de Lucía' });
    expect(key.body.key).toMatch(/^plz_/);
    // The key works and is remembered by the process (api-key-cache): disabling must still stop it.
    expect((await h.request('GET', '/api/v1/auth/me', { key: key.body.key })).body).toMatchObject({ kind: 'api-key', role: 'approver' });
    expect((await h.request('GET', '/api/v1/auth/me', { key: null, cookie, headers: { origin: 'http://localhost' } })).status).toBe(200);

    const disabled = await h.request('POST', `/api/v1/users/${id}/disable`, { key: null, cookie: adminCookie, headers: { origin: 'http://localhost' } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.user).toMatchObject({ canLogIn: false, disabledAt: expect.any(String) });
    expect((await h.request('GET', '/api/v1/auth/me', { key: key.body.key })).status).toBe(401);
    expect((await h.request('GET', '/api/v1/auth/me', { key: null, cookie, headers: { origin: 'http://localhost' } })).status).toBe(401);
    expect((await login('lucia@plazo.mx', 'una clave larga de lucia')).status).toBe(401);
    expect((await h.request('POST', `/api/v1/users/${id}/disable`)).body.error.code).toBe('already-disabled');
    expect((await h.request('POST', `/api/v1/users/${id}/api-keys`, { body: { name: 'otra' } })).body.error.code).toBe('user-disabled');

    const enabled = await h.request('POST', `/api/v1/users/${id}/enable`);
    expect(enabled.body.user).toMatchObject({ canLogIn: true, disabledAt: null });
    expect((await h.request('GET', '/api/v1/auth/me', { key: null, cookie, headers: { origin: 'http://localhost' } })).status).toBe(401); // the old session stays revoked
    expect((await login('lucia@plazo.mx', 'una clave larga de lucia')).status).toBe(200);
    expect((await h.request('GET', '/api/v1/auth/me', { key: key.body.key })).status).toBe(200);
    expect((await h.request('POST', `/api/v1/users/${id}/enable`)).body.error.code).toBe('already-enabled');

    const entries = await auditOf(id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'disable', 'enable']);
    expect(entries[1]!.details).toMatchObject({ sessionsRevoked: 1 });
  });

  it("lists and revokes a user's keys; the revoked key stops", async () => {
    const id = (await h.request('GET', '/api/v1/users')).body.users.find((u: { email: string }) => u.email === 'lucia@plazo.mx').id;
    const keys = await h.request('GET', `/api/v1/users/${id}/api-keys`);
    expect(keys.body.apiKeys).toHaveLength(1);
    expect(JSON.stringify(keys.body)).not.toMatch(/key_hash|plz_[A-Za-z0-9_-]{20}/);
    const extra = await h.request('POST', `/api/v1/users/${id}/api-keys`, { body: { name: 'script' } });
    const revoked = await h.request('DELETE', `/api/v1/api-keys/${extra.body.apiKey.id}`, { key: null, cookie: adminCookie, headers: { origin: 'http://localhost' } });
    expect(revoked.body.apiKey.revokedAt).not.toBeNull();
    expect((await h.request('GET', '/api/v1/auth/me', { key: extra.body.key })).status).toBe(401);
    expect((await h.request('GET', `/api/v1/users/${id}/api-keys`)).body.apiKeys).toHaveLength(2);
    expect((await h.request('GET', '/api/v1/users/00000000-0000-4000-8000-000000000000/api-keys')).status).toBe(404);
  });

  it('resets a password: a temporary one shown once, or one the admin sets; other sessions end', async () => {
    await h.request('POST', '/api/v1/users', { body: { email: 'ana@plazo.mx', name: 'Ana', role: 'risk-analyst', password: 'una clave larga de ana' } });
    const id = (await h.request('GET', '/api/v1/users')).body.users.find((u: { email: string }) => u.email === 'ana@plazo.mx').id;
    const { cookie } = await login('ana@plazo.mx', 'una clave larga de ana');

    const temp = await h.request('POST', `/api/v1/users/${id}/password`, { key: null, cookie: adminCookie, headers: { origin: 'http://localhost' }, body: {} });
    expect(temp.status).toBe(200);
    expect(temp.body.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await h.request('GET', '/api/v1/auth/me', { key: null, cookie, headers: { origin: 'http://localhost' } })).status).toBe(401);
    expect((await login('ana@plazo.mx', 'una clave larga de ana')).status).toBe(401);
    expect((await login('ana@plazo.mx', temp.body.temporaryPassword)).status).toBe(200);

    const weak = await h.request('POST', `/api/v1/users/${id}/password`, { body: { password: 'ana ana ana ana' } });
    expect(weak.status).toBe(422);
    const set = await h.request('POST', `/api/v1/users/${id}/password`, { body: { password: 'otra clave muy larga' } });
    expect(set.body.temporaryPassword).toBeNull();
    expect((await login('ana@plazo.mx', 'otra clave muy larga')).status).toBe(200);

    const entries = await auditOf(id);
    expect(entries.map((e) => [e.action, e.details.temporary])).toEqual([['create', undefined], ['password-reset', true], ['password-reset', false]]);
    expect(JSON.stringify(entries)).not.toContain(temp.body.temporaryPassword);
    // The admin resetting their own password keeps their own session.
    await h.request('POST', `/api/v1/users/${adminId}/password`, { key: null, cookie: adminCookie, headers: { origin: 'http://localhost' }, body: { password: 'la nueva clave del admin' } });
    expect((await h.request('GET', '/api/v1/auth/me', { key: null, cookie: adminCookie, headers: { origin: 'http://localhost' } })).status).toBe(200);
  });

  it('keeps one enabled admin: no disabling oneself or the last admin', async () => {
    expect((await h.request('POST', `/api/v1/users/${adminId}/disable`, { key: null, cookie: adminCookie, headers: { origin: 'http://localhost' } })).body.error.code).toBe('cannot-disable-self');
    expect((await h.request('POST', `/api/v1/users/${adminId}/disable`)).body.error.code).toBe('last-admin');
    const second = await h.request('POST', '/api/v1/users', { body: { email: 'segunda.admin@plazo.mx', name: 'Segunda', role: 'admin', password: 'una clave larga y buena' } });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const disabled = await h.request('POST', `/api/v1/users/${adminId}/disable`);
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
    expect((await h.request('POST', `/api/v1/users/${second.body.user.id}/disable`)).body.error.code).toBe('last-admin');
    expect((await h.request('POST', `/api/v1/users/${adminId}/enable`)).status).toBe(200);
    expect((await h.request('POST', '/api/v1/users/00000000-0000-4000-8000-000000000000/disable')).status).toBe(404);
  });

  it('lets only admins manage users', async () => {
    const { cookie } = await login('pablo@plazo.mx', 'una clave larga de pablo');
    const res = await h.request('POST', `/api/v1/users/${adminId}/password`, { key: null, cookie, headers: { origin: 'http://localhost' }, body: {} });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden', details: { permission: 'users:admin', role: 'product-manager' } });
  });
});

describe.each(DATABASE_KINDS)('the first run under a real race on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('of several first runs whose transactions overlap, one creates the admin and the others get 409', async () => {
    // Each transaction stays open a while after its insert (the `then` step), so without the lock
    // every one of them would still see no user and insert its own admin.
    const attempts = [0, 1, 2, 3].map((i) =>
      createFirstAdmin(h.db, { email: `race${i}@plazo.mx`, name: `Race ${i}`, password: 'una clave larga y buena' }, '2025-01-06T16:00:00.000Z', null, async () => {
        await new Promise((r) => setTimeout(r, 300));
      }).then(
        () => 'created',
        (e: { code?: string }) => e.code,
      ),
    );
    expect((await Promise.all(attempts)).sort()).toEqual(['created', 'first-run-done', 'first-run-done', 'first-run-done']);
    expect((await h.request('GET', '/api/v1/users')).body.users).toHaveLength(1);
  });
});
