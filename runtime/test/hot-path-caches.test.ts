// The in-memory shortcuts of the request hot path never outlive the truth: a decision made from a
// stale product-version hint is re-resolved (newer version, retired product) — also when the stale
// version refuses the application, in this process and in another one sharing PostgreSQL — and a revoked API
// key stops working at once in the revoking process and within API_KEY_CACHE_MS in any other.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY_CACHE_MS, cachedApiKey, rememberApiKey } from '../src/auth/api-key-cache.ts';
import { hashToken } from '../src/auth/secret-tokens.ts';
import { publishDraft, retireProduct, saveDraft } from '../src/products/product-catalog.ts';
import { startHarness, TEST_NOW, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { serverEnvironment, startServer, type StartedServer } from './support/server-process.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

/**
 * `nomina_tasa` taking employment of at most `maxMonths`: version 1 takes 24, so the engine refuses
 * the test applicant's 48 months (`employment.months: must be at most 24`); its in-product tests,
 * which need longer employment, are left out so that it can be published.
 */
const nominaTasa = (maxMonths: number) => NOMINA_SOURCE.replace('product nomina "', 'product nomina_tasa "').replace('employment.months: integer 0..600', `employment.months: integer 0..${maxMonths}`);
const withoutTests = (source: string) => `${source.slice(0, source.search(/\n(?: {2}\/\/\/[^\n]*\n)* {2}test "/))}\n}\n`;
const REFUSING_SOURCE = withoutTests(nominaTasa(24));
const REFUSAL = 'employment.months';
const TASA_DECISION = { product: 'nomina_tasa', application: NOMINA_APPLICATION, asOf: '2025-01-06' };

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

  it('answers an application a hinted version refuses only once the catalog confirms that version', async () => {
    expect(REFUSING_SOURCE).toContain('employment.months: integer 0..24');
    await publishProduct(h.db, 'nomina_tasa', REFUSING_SOURCE);
    const decideTasa = (body: Record<string, unknown> = {}) => h.request('POST', '/api/v1/decisions', { key: h.keys['api-client'], body: { ...TASA_DECISION, ...body } });
    const refused = await decideTasa();
    expect(refused.status, refused.text).toBe(422);
    expect(refused.text).toContain(REFUSAL);
    // Versions 2 and 3 published behind the service's back (as another service process would).
    const ctx = { actor: 'system' as const, at: TEST_NOW };
    for (const maxMonths of [600, 601]) {
      await saveDraft(h.db, 'nomina_tasa', { source: nominaTasa(maxMonths) }, ctx);
      await publishDraft(h.db, 'nomina_tasa', {}, { ...ctx, selfApproved: true });
    }
    const latest = await decideTasa();
    expect(latest.status, latest.text).toBe(201);
    expect(latest.body.decision.productVersion).toBe(3);
    // Version 1 asked for by number still refuses it.
    const pinned = await decideTasa({ version: 1 });
    expect(pinned.status, pinned.text).toBe(422);
    expect(pinned.text).toContain(REFUSAL);
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

describe.skipIf(!process.env.DATABASE_URL)('product-version hints across service processes on postgres', () => {
  let dispose: (() => Promise<void>) | undefined;
  const servers: StartedServer[] = [];
  afterAll(async () => {
    for (const s of servers) {
      s.child.kill('SIGTERM');
      await s.exited;
    }
    await dispose?.();
  });

  it('decides on the version another process published after this one refused the application under version 1', async () => {
    const environment = await serverEnvironment('postgres', 'plazo-hints-');
    dispose = environment.dispose;
    const env = { ...environment.env, PLAZO_LOAD_EXAMPLES: 'false' };
    const a = await startServer(env);
    servers.push(a);
    const b = await startServer(env);
    servers.push(b);
    const admin = a.key!;
    const call = async (server: StartedServer, method: string, path: string, key: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, text, body: JSON.parse(text) };
    };
    // The approver is another person than the admin who edits (a key the admin's key issued would act for the admin).
    const approverUser = (await call(a, 'POST', '/api/v1/users', admin, { email: 'aprueba@example.mx', name: 'Aprobadora', role: 'approver', password: 'el comité revisa cada versión' })).body.user.id as string;
    const approver = (await call(a, 'POST', `/api/v1/users/${approverUser}/api-keys`, admin, { name: 'approver' })).body.key as string;
    /** The approver publishes the draft, acknowledging the warnings it has now. */
    const approve = async () => {
      const check = await call(a, 'POST', '/api/v1/products/nomina_tasa/draft/check', approver);
      const codes = [...new Set((check.body.diagnostics as { severity: string; code: string }[]).filter((d) => d.severity === 'warning').map((d) => d.code))];
      const published = await call(a, 'POST', '/api/v1/products/nomina_tasa/versions', approver, codes.length ? { acknowledgeWarnings: { codes, reason: 'prueba de versiones entre procesos' } } : {});
      expect(published.status, published.text).toBe(201);
    };
    const publish = async (source: string) => {
      const saved = await call(a, 'PUT', '/api/v1/products/nomina_tasa/draft', admin, { source });
      expect(saved.status, saved.text).toBe(200);
      await approve();
    };
    expect((await call(a, 'POST', '/api/v1/products', admin, { code: 'nomina_tasa', name: 'Tasa', source: REFUSING_SOURCE })).status).toBe(201);
    await approve();

    const refused = await call(b, 'POST', '/api/v1/decisions', admin, TASA_DECISION);
    expect(refused.status, refused.text).toBe(422);
    expect(refused.text).toContain(REFUSAL);
    await publish(nominaTasa(600));
    await publish(nominaTasa(601));
    const latest = await call(b, 'POST', '/api/v1/decisions', admin, TASA_DECISION);
    expect(latest.status, latest.text).toBe(201);
    expect(latest.body.decision.productVersion).toBe(3);
    const explicit = await call(b, 'POST', '/api/v1/decisions', admin, { ...TASA_DECISION, version: 3 });
    expect(explicit.body.decision.productVersion).toBe(3);
  }, 240_000);
});
