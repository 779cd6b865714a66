// Login throttling (issue 13, item 8): failed logins are counted per account and per client
// address in the database; past the threshold each failure blocks for twice as long (1 s up to
// 15 min), 429 with Retry-After; an account's block does not hold back its user's known address;
// each block is audited; the counts are shared by every process on the database and outlive one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { testConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { startHarness, type Harness, type TestResponse } from './support/harness.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

describe.each(DATABASE_KINDS)('login throttling on %s', (kind) => {
  let h: Harness;
  let proxied: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    for (const name of ['lucia', 'pablo', 'ana', 'rosa', 'beto', 'eva']) {
      const res = await h.request('POST', '/api/v1/users', { body: { email: `${name}@example.mx`, name, role: 'admin', password: `la clave de ${name}` } });
      expect(res.status).toBe(201);
    }
    proxied = await startHarness(kind, { trustProxy: 1 });
    await proxied.request('POST', '/api/v1/users', { body: { email: 'lucia@example.mx', name: 'Lucía', role: 'admin', password: 'la clave de lucia' } });
  });
  afterAll(async () => {
    await h?.destroy();
    await proxied?.destroy();
  });

  function login(who: string, password: string, from: string, harness = h, headers: Record<string, string> = {}): Promise<TestResponse> {
    return harness.request('POST', '/api/v1/auth/login', { key: null, body: { email: `${who}@example.mx`, password }, remoteAddress: from, headers });
  }

  async function advance(seconds: number): Promise<void> {
    h.clock.advance(seconds * 1000);
  }

  it('refuses an account after 5 failures in a row, with a back-off that doubles up to 15 minutes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login('lucia', `wrong ${i}`, '198.51.100.1')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const refused = await login('lucia', 'la clave de lucia', '198.51.100.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.error).toEqual({ code: 'too-many-attempts', message: 'too many failed logins; try again in 1 s', details: { retryAfterSeconds: 1 } });

    // From new addresses each time (a distributed guesser): the account's count is shared.
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      await advance(Number((await login('lucia', 'wrong', `203.0.113.${i}`)).headers.get('retry-after') ?? 0));
      expect((await login('lucia', `wrong again ${i}`, `203.0.113.${100 + i}`)).status).toBe(401);
      const next = await login('lucia', 'la clave de lucia', `203.0.113.${200 + i}`);
      expect(next.status).toBe(429);
      waits.push(Number(next.headers.get('retry-after')));
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
  });

  it('an admin sees the block in the users list and lifts it (audited); sent twice, the second lifts nothing', async () => {
    expect((await h.request('POST', '/api/v1/users', { body: { email: 'nora@example.mx', name: 'nora', role: 'operator', password: 'la clave de nora' } })).status).toBe(201);
    for (let i = 0; i < 5; i++) await login('nora', `wrong ${i}`, `192.0.2.${i}`);
    expect((await login('nora', 'la clave de nora', '192.0.2.50')).status).toBe(429);
    const listed = await h.request('GET', '/api/v1/users');
    const nora = listed.body.users.find((u: any) => u.email === 'nora@example.mx');
    expect(nora.loginBlockedUntil).toBe(new Date(h.clock.now().getTime() + 1000).toISOString());
    expect(listed.body.users.find((u: any) => u.email === 'beto@example.mx').loginBlockedUntil).toBeNull();

    const denied = await h.request('DELETE', `/api/v1/users/${nora.id}/login-block`, { key: h.keys.operator });
    expect(denied.status).toBe(403);
    const lifted = await h.request('DELETE', `/api/v1/users/${nora.id}/login-block`);
    expect(lifted.status, lifted.text).toBe(200);
    expect(lifted.body).toMatchObject({ lifted: true, user: { email: 'nora@example.mx', loginBlockedUntil: null } });
    expect((await h.request('GET', '/api/v1/users')).body.users.find((u: any) => u.email === 'nora@example.mx').loginBlockedUntil).toBeNull();
    const again = await h.request('DELETE', `/api/v1/users/${nora.id}/login-block`);
    expect([again.status, again.body.lifted]).toEqual([200, false]);
    const audit = await h.request('GET', `/api/v1/audit?entityType=user&entityId=${nora.id}`);
    const unblocks = audit.body.entries.filter((e: any) => e.action === 'login-unblock');
    expect(unblocks).toHaveLength(1);
    expect(unblocks[0].details).toEqual({ email: 'nora@example.mx', failures: 5, wasBlocked: true });
    expect(unblocks[0].actor).toMatch(/^api-key:/);
    // The account starts again from zero: Nora logs in at once.
    expect((await login('nora', 'la clave de nora', '192.0.2.60')).status).toBe(200);
    expect((await h.request('DELETE', '/api/v1/users/00000000-0000-4000-8000-000000000000/login-block')).status).toBe(404);
  });

  it('lets the user in from an address they logged in from before, and the success clears the account', async () => {
    expect((await login('pablo', 'la clave de pablo', '192.0.2.10')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login('pablo', `wrong ${i}`, `192.0.2.${20 + i}`)).status).toBe(401);
    expect((await login('pablo', 'la clave de pablo', '192.0.2.99')).status).toBe(429);
    // Known address: not held back by the account's block (its own count still applies).
    expect((await login('pablo', 'la clave de pablo', '192.0.2.10')).status).toBe(200);
    // The account starts again from zero: a wrong password is a 401 again, not a 429.
    expect((await login('pablo', 'wrong', '192.0.2.30')).status).toBe(401);
    expect((await login('pablo', 'la clave de pablo', '192.0.2.31')).status).toBe(200);
  });

  it('throttles one address across accounts, known or not, without touching other addresses', async () => {
    const from = '198.51.100.77';
    for (let i = 0; i < 20; i++) expect((await login(`nobody${i}`, 'whatever', from)).status).toBe(401);
    const blocked = await login('ana', 'la clave de ana', from);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect((await login('ana', 'la clave de ana', '198.51.100.78')).status).toBe(200);
    // IPv6: one /64 is one address; the IPv4-mapped form is the IPv4 address.
    expect((await login('ana', 'la clave de ana', '::ffff:198.51.100.77')).status).toBe(429);
    await advance(1);
    expect((await login('ana', 'la clave de ana', from)).status).toBe(200);
  });

  it('counts a parallel burst before checking any password: 5 checked, the rest refused', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login('rosa', `burst ${i}`, `192.0.2.${100 + (i % 3)}`)));
    const count = (status: number) => results.filter((r) => r.status === status).length;
    expect({ checked: count(401), refused: count(429) }).toEqual({ checked: 5, refused: 25 });
  });

  it('audits each block with the burst behind it', async () => {
    for (let i = 0; i < 6; i++) await login('beto', `wrong ${i}`, '192.0.2.200');
    const res = await h.request('GET', '/api/v1/audit?entityType=login-throttle&entityId=account:beto@example.mx');
    expect(res.status).toBe(200);
    expect(res.body.entries).toHaveLength(1);
    const [entry] = res.body.entries;
    expect(entry).toMatchObject({ action: 'login-throttled', actor: 'system' });
    expect(entry.details).toEqual({ scope: 'account', failures: 5, since: h.clock.now().toISOString(), blockedUntil: new Date(h.clock.now().getTime() + 1000).toISOString() });
    expect(JSON.stringify(res.body)).not.toContain('wrong');
  });

  it('keeps the counts in the database: another process, or the next start, sees them', async () => {
    for (let i = 0; i < 3; i++) expect((await login('eva', `wrong ${i}`, '192.0.2.210')).status).toBe(401);
    // A second process on the same database (its own connections on PostgreSQL): two more failures reach the threshold.
    const second = kind === 'postgres' ? (await openDatabase({ kind: 'postgres', connectionString: h.connectionString! })).db : h.db;
    try {
      const other = createApp({ db: second, clock: h.clock, config: testConfig() });
      const viaOther = (password: string) =>
        other.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'eva@example.mx', password }) });
      expect((await viaOther('wrong 3')).status).toBe(401);
      expect((await viaOther('wrong 4')).status).toBe(401);
      expect((await viaOther('la clave de eva')).status).toBe(429);
    } finally {
      if (second !== h.db) await second.destroy();
    }
    expect((await login('eva', 'la clave de eva', '192.0.2.211')).status).toBe(429);
  });

  it('takes the address from X-Forwarded-For only with PLAZO_TRUST_PROXY, and then only the proxy-added entry', async () => {
    // Not trusted: a forged header does not make a new address.
    for (let i = 0; i < 20; i++) await login(`ghost${i}`, 'x', '198.51.100.200', h, { 'x-forwarded-for': `10.9.0.${i}` });
    expect((await login('ana', 'la clave de ana', '198.51.100.200', h, { 'x-forwarded-for': '10.9.9.9' })).status).toBe(429);
    // Behind one trusted proxy: the last entry is the client; what the client wrote before it is ignored.
    for (let i = 0; i < 20; i++) await login(`ghost${i}`, 'x', '10.0.0.1', proxied, { 'x-forwarded-for': `1.2.3.${i}, 198.51.100.201` });
    expect((await login('lucia', 'la clave de lucia', '10.0.0.1', proxied, { 'x-forwarded-for': '198.51.100.201' })).status).toBe(429);
    expect((await login('lucia', 'la clave de lucia', '10.0.0.1', proxied, { 'x-forwarded-for': '198.51.100.202' })).status).toBe(200);
  });
});
