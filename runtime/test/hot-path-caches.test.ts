// The in-memory shortcuts of the request hot path never outlive the truth: a decision made from a
// stale product-version hint is re-resolved (newer version, retired product), and a revoked API
// key stops working at once in the revoking process and within API_KEY_CACHE_MS in any other.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY_CACHE_MS, cachedApiKey, rememberApiKey } from '../src/auth/api-key-cache.ts';
import { hashToken } from '../src/auth/secret-tokens.ts';
import { publishDraft, retireProduct, saveDraft } from '../src/products/product-catalog.ts';
import { startHarness, TEST_NOW, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

describe.each(DATABASE_KINDS)('hot-path caches on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  const decide = (body: Record<string, unknown> = {}) =>
    h.request('POST', '/api/v1/decisions', { key: h.keys['api-client'], body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06', ...body } });

  it('decides on the version published after the hint was taken, and refuses a retired product', async () => {
    const first = await decide();
    expect(first.status, first.text).toBe(201);
    expect(first.body.decision.productVersion).toBe(1);
    // Published behind the service's back (as another service process would): the hint still says 1.
    const ctx = { actor: 'system' as const, at: TEST_NOW };
    await saveDraft(h.db, 'nomina', { source: NOMINA_SOURCE.replace('Crédito de Nómina', 'Crédito de Nómina 2') }, ctx);
    await publishDraft(h.db, 'nomina', {}, { ...ctx, selfApproved: true });
    const second = await decide();
    expect(second.status, second.text).toBe(201);
    expect(second.body.decision.productVersion).toBe(2);
    expect(second.body.decision.product.name).toBe('Crédito de Nómina 2');
    // An explicit version stays pinned.
    const pinned = await decide({ version: 1 });
    expect(pinned.body.decision.productVersion).toBe(1);

    const before = await h.db.selectFrom('decisions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await retireProduct(h.db, 'nomina', ctx);
    for (const body of [{}, { version: 1 }]) {
      const refused = await decide(body);
      expect(refused.status, refused.text).toBe(409);
      expect(refused.body.error.code).toBe('product-retired');
    }
    const after = await h.db.selectFrom('decisions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('stops accepting a revoked key at once in this process', async () => {
    const created = await h.request('POST', '/api/v1/api-keys', { body: { name: 'short-lived', role: 'operator' } });
    expect(created.status, created.text).toBe(201);
    const key = created.body.key as string;
    expect((await h.request('GET', '/api/v1/auth/me', { key })).status).toBe(200);
    expect(cachedApiKey(h.db, hashToken(key))).toBeDefined();
    const revoked = await h.request('DELETE', `/api/v1/api-keys/${created.body.apiKey.id}`);
    expect(revoked.status, revoked.text).toBe(200);
    expect((await h.request('GET', '/api/v1/auth/me', { key })).status).toBe(401);
  });

  it('forgets a key revoked elsewhere once its entry expires', async () => {
    const created = await h.request('POST', '/api/v1/api-keys', { body: { name: 'revoked-elsewhere', role: 'operator' } });
    const key = created.body.key as string;
    expect((await h.request('GET', '/api/v1/auth/me', { key })).status).toBe(200);
    // Another process revokes it in the database: this one still has the entry, until it expires.
    await sql`update api_keys set revoked_at = now(), revoked_by = 'system' where id = ${created.body.apiKey.id}`.execute(h.db);
    expect(cachedApiKey(h.db, hashToken(key))).toBeDefined();
    expect((await h.request('GET', '/api/v1/auth/me', { key })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, API_KEY_CACHE_MS + 50));
    expect((await h.request('GET', '/api/v1/auth/me', { key })).status).toBe(401);
  });

  it('keeps one cache per database', async () => {
    const other = {} as typeof h.db;
    const row = (await h.db.selectFrom('api_keys').selectAll().executeTakeFirstOrThrow());
    rememberApiKey(h.db, 'some-hash', row);
    expect(cachedApiKey(other, 'some-hash')).toBeUndefined();
    expect(cachedApiKey(h.db, 'some-hash')).toEqual(row);
  });
});
