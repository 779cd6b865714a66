// Temporary passwords: a password an admin sets (a new user's, a reset) must be changed at the next
// login — until then the session may only change it, log out and read /me (403
// `password-change-required` elsewhere); the first-run admin and an admin resetting their own
// password are not forced; users that existed before the migration are not forced.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as mustChange from '../src/db/migrations/2026-12-09-70-must-change-password.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const ORIGIN = { origin: 'http://localhost' };

describe.each(DATABASE_KINDS)('temporary passwords on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.destroy());

  async function login(email: string, password: string): Promise<{ status: number; cookie: string; body: any }> {
    const res = await h.request('POST', '/api/v1/auth/login', { key: null, body: { email, password } });
    const match = /plazo_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '');
    return { status: res.status, cookie: `plazo_session=${match?.[1] ?? ''}`, body: res.body };
  }

  it('a new user with a password the admin chose logs in, may only change it, then goes on', async () => {
    const created = await h.request('POST', '/api/v1/users', { body: { email: 'rosa@example.mx', name: 'Rosa Díaz', role: 'product-manager', password: 'clave temporal 2025' } });
    expect(created.status, created.text).toBe(201);
    expect(created.body.user.mustChangePassword).toBe(true);
    const s = await login('rosa@example.mx', 'clave temporal 2025');
    expect(s.status).toBe(200);
    expect(s.body.user.mustChangePassword).toBe(true);
    const me = await h.request('GET', '/api/v1/auth/me', { key: null, cookie: s.cookie });
    expect([me.status, me.body.mustChangePassword]).toEqual([200, true]);
    const products = await h.request('GET', '/api/v1/products', { key: null, cookie: s.cookie });
    expect([products.status, products.body.error.code]).toEqual([403, 'password-change-required']);
    const write = await h.request('POST', '/api/v1/products', { key: null, cookie: s.cookie, headers: ORIGIN, body: { code: 'x', name: 'x' } });
    expect([write.status, write.body.error.code]).toEqual([403, 'password-change-required']);
    const spanish = await h.request('GET', '/api/v1/products', { key: null, cookie: s.cookie, headers: { 'accept-language': 'es' } });
    expect(spanish.body.error.message).toContain('cámbiala');

    const change = (body: unknown) => h.request('POST', '/api/v1/auth/password', { key: null, cookie: s.cookie, headers: ORIGIN, body });
    const wrong = await change({ currentPassword: 'otra cosa cualquiera', newPassword: 'mi propia clave nueva' });
    expect([wrong.status, wrong.body.error.details[0].path]).toEqual([422, 'currentPassword']);
    const same = await change({ currentPassword: 'clave temporal 2025', newPassword: 'clave temporal 2025' });
    expect([same.status, same.body.error.details[0].path]).toEqual([422, 'newPassword']);
    const weak = await change({ currentPassword: 'clave temporal 2025', newPassword: 'aaaaaaaaaaaaaaa' });
    expect([weak.status, weak.body.error.details[0].path]).toEqual([422, 'newPassword']);
    expect((await h.request('GET', '/api/v1/products', { key: null, cookie: s.cookie })).status).toBe(403);

    const ok = await change({ currentPassword: 'clave temporal 2025', newPassword: 'mi propia clave nueva' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.user.mustChangePassword).toBe(false);
    expect(ok.text).not.toContain('mi propia clave');
    expect((await h.request('GET', '/api/v1/products', { key: null, cookie: s.cookie })).status).toBe(200);
    expect((await h.request('GET', '/api/v1/auth/me', { key: null, cookie: s.cookie })).body.mustChangePassword).toBe(false);
    expect((await login('rosa@example.mx', 'clave temporal 2025')).status).toBe(401);
    const again = await login('rosa@example.mx', 'mi propia clave nueva');
    expect([again.status, again.body.user.mustChangePassword]).toEqual([200, false]);
    const audit = await h.request('GET', `/api/v1/audit?entityType=user&entityId=${created.body.user.id}`);
    expect(audit.body.entries.map((e: any) => e.action)).toContain('password-change');
    const entry = audit.body.entries.find((e: any) => e.action === 'password-change');
    expect(entry.details).toMatchObject({ email: 'rosa@example.mx', wasRequired: true });
    expect(JSON.stringify(entry)).not.toContain('mi propia clave');
  });

  it('a reset (temporary or chosen) forces a change again; an admin resetting their own password is not forced', async () => {
    const created = await h.request('POST', '/api/v1/users', { body: { email: 'tomas@example.mx', name: 'Tomás Ruiz', role: 'admin', password: 'primera clave de tomas' } });
    const id = created.body.user.id as string;
    const first = await login('tomas@example.mx', 'primera clave de tomas');
    expect((await h.request('POST', '/api/v1/auth/password', { key: null, cookie: first.cookie, headers: ORIGIN, body: { currentPassword: 'primera clave de tomas', newPassword: 'segunda clave elegida' } })).status).toBe(200);

    const reset = await h.request('POST', `/api/v1/users/${id}/password`, { body: {} });
    expect(reset.status, reset.text).toBe(200);
    expect(reset.body.user.mustChangePassword).toBe(true);
    const temp = await login('tomas@example.mx', reset.body.temporaryPassword);
    expect((await h.request('GET', '/api/v1/users', { key: null, cookie: temp.cookie })).body.error.code).toBe('password-change-required');
    // The user may log out meanwhile.
    expect((await h.request('POST', '/api/v1/auth/logout', { key: null, cookie: temp.cookie, headers: ORIGIN })).status).toBe(200);

    const chosen = await h.request('POST', `/api/v1/users/${id}/password`, { body: { password: 'elegida por el admin' } });
    expect(chosen.body.user.mustChangePassword).toBe(true);
    const s = await login('tomas@example.mx', 'elegida por el admin');
    expect((await h.request('POST', '/api/v1/auth/password', { key: null, cookie: s.cookie, headers: ORIGIN, body: { currentPassword: 'elegida por el admin', newPassword: 'tercera clave propia' } })).status).toBe(200);

    // Tomás (an admin) sets his own password through the admin route: he chose it, so he is not forced.
    const own = await h.request('POST', `/api/v1/users/${id}/password`, { key: null, cookie: s.cookie, headers: ORIGIN, body: { password: 'cuarta clave propia' } });
    expect([own.status, own.body.user.mustChangePassword]).toEqual([200, false]);
    expect((await h.request('GET', '/api/v1/users', { key: null, cookie: s.cookie })).status).toBe(200);
    // API keys and users without a session cannot use the change route.
    expect((await h.request('POST', '/api/v1/auth/password', { body: { currentPassword: 'x', newPassword: 'una clave cualquiera' } })).status).toBe(401);
  });

  it('the first-run admin chose their password and is not forced', async () => {
    const fresh = await startHarness(kind);
    try {
      const res = await fresh.request('POST', '/api/v1/auth/first-run', { key: null, body: { email: 'jefa@example.mx', name: 'La Jefa', password: 'la clave de la jefa' } });
      expect(res.status, res.text).toBe(201);
      expect(res.body.user.mustChangePassword).toBe(false);
      const cookie = `plazo_session=${/plazo_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1]}`;
      expect((await fresh.request('GET', '/api/v1/users', { key: null, cookie })).status).toBe(200);
    } finally {
      await fresh.destroy();
    }
  });

  it('the migration leaves the users that existed unforced', async () => {
    await mustChange.down(h.db);
    await sql`insert into users (id, email, name, role, password_hash, created_at, created_by) values ('00000000-0000-4000-8000-0000000000aa', 'vieja@example.mx', 'Vieja', 'operator', 'scrypt$x', now(), 'system')`.execute(h.db);
    await mustChange.up(h.db);
    const rows = await sql<{ email: string; must_change_password: boolean }>`select email, must_change_password from users where email in ('vieja@example.mx', 'rosa@example.mx')`.execute(h.db);
    expect(Object.fromEntries(rows.rows.map((r) => [r.email, r.must_change_password]))).toEqual({ 'vieja@example.mx': false, 'rosa@example.mx': false });
  });
});
