// The API contract every route keeps: JSON errors with codes and field paths, 404 JSON for
// unknown routes, request ids in responses and logs, the OpenAPI 3.1 document and the docs page,
// and no 500 and no database change for any malformed input.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { auditHeads } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

describe.each(DATABASE_KINDS)('HTTP contract on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  async function snapshot() {
    const count = async (table: 'users' | 'api_keys' | 'products' | 'product_drafts' | 'product_versions' | 'audit_log' | 'sessions') =>
      Number((await h.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const head = await auditHeads(h);
    return {
      users: await count('users'),
      apiKeys: await count('api_keys'),
      products: await count('products'),
      drafts: await count('product_drafts'),
      versions: await count('product_versions'),
      audit: await count('audit_log'),
      sessions: await count('sessions'),
      head,
    };
  }

  function expectErrorShape(res: { status: number; body: any; headers: Headers }, status: number, code?: string) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(Object.keys(res.body.error).sort()).toEqual(['code', 'details', 'message']);
    expect(res.body.error).toMatchObject({ code: code ?? expect.any(String), message: expect.any(String) });
  }

  it('answers malformed JSON with 400', async () => {
    const res = await h.request('POST', '/api/v1/users', { body: '{"email": "a@b.mx",' });
    expectErrorShape(res, 400, 'malformed-json');
  });

  it('answers a non-JSON body with 415', async () => {
    const res = await h.request('POST', '/api/v1/users', { body: 'email=a@b.mx', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectErrorShape(res, 415, 'unsupported-media-type');
  });

  it('accepts a POST without a body where none is needed', async () => {
    const res = await h.request('POST', '/api/v1/products/none_such/draft/check');
    expectErrorShape(res, 404, 'not-found');
  });

  it('answers a missing body with 422 naming the fields', async () => {
    const res = await h.request('POST', '/api/v1/api-keys', { body: {} });
    expectErrorShape(res, 422, 'validation-failed');
    expect(res.body.error.details.map((d: any) => d.path).sort()).toEqual(['name', 'role']);
  });

  it('names unknown fields and wrong types by path', async () => {
    const res = await h.request('POST', '/api/v1/users', { body: { email: 42, name: 'Ana', role: 'boss', extra: true } });
    expectErrorShape(res, 422, 'validation-failed');
    const paths = res.body.error.details.map((d: any) => d.path).sort();
    expect(paths).toEqual(['email', 'extra', 'role']);
    expect(res.body.error.details.find((d: any) => d.path === 'extra').message).toBe('unknown field');
  });

  it('rejects a body over 1 MiB with 413 and an over-long field with 422', async () => {
    const huge = await h.request('POST', '/api/v1/users', { body: { email: 'a@b.mx', name: 'x'.repeat(1_100_000), role: 'admin' } });
    expectErrorShape(huge, 413, 'payload-too-large');
    const long = await h.request('POST', '/api/v1/users', { body: { email: 'a@b.mx', name: 'x'.repeat(5_000), role: 'admin' } });
    expectErrorShape(long, 422);
    expect(long.body.error.details[0].path).toBe('name');
  });

  it('answers unknown routes and methods with 404 JSON', async () => {
    expectErrorShape(await h.request('GET', '/api/v1/nothing-here'), 404, 'route-not-found');
    expectErrorShape(await h.request('PATCH', '/api/v1/users'), 404, 'route-not-found');
    expectErrorShape(await h.request('GET', '/'), 404, 'route-not-found');
  });

  it('echoes a valid X-Request-Id and logs it', async () => {
    const res = await h.request('GET', '/api/v1/auth/me', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    const line = h.logs.map((l) => JSON.parse(l)).find((l) => l.requestId === 'trace-abc-123');
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', path: '/api/v1/auth/me', status: 200 });
    const bad = await h.request('GET', '/api/v1/auth/me', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves an OpenAPI 3.1 document generated from the routes', async () => {
    const res = await h.request('GET', '/api/openapi.json', { key: null });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const paths = Object.keys(res.body.paths).sort();
    for (const p of [
      '/api/v1/auth/login',
      '/api/v1/auth/logout',
      '/api/v1/auth/me',
      '/api/v1/users',
      '/api/v1/api-keys',
      '/api/v1/api-keys/{id}',
      '/api/v1/audit',
      '/api/v1/products',
      '/api/v1/products/{code}/versions',
      '/api/v1/products/{code}/diff',
    ]) {
      expect(paths).toContain(p);
    }
    const createUser = res.body.paths['/api/v1/users'].post;
    expect(createUser['x-permission']).toBe('users:admin');
    expect(createUser.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/NewUser');
    expect(res.body.components.schemas.NewUser.additionalProperties).toBe(false);
    expect(res.body.components.securitySchemes).toHaveProperty('apiKey');
  });

  it('serves a self-contained docs page', async () => {
    const res = await h.app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('/api/v1/products/{code}/versions');
    expect(html).toContain('users:admin');
    expect(html).not.toMatch(/<script|https?:\/\/(?!127)/);
  });

  it('answers thousands of malformed bodies with 4xx JSON and leaves the database unchanged', async () => {
    const before = await snapshot();
    const routes: [string, string][] = [
      ['POST', '/api/v1/users'],
      ['POST', '/api/v1/api-keys'],
      ['POST', '/api/v1/auth/login'],
      ['POST', '/api/v1/products'],
      ['PUT', '/api/v1/products/none_such/draft'],
      ['POST', '/api/v1/products/none_such/versions'],
      ['DELETE', '/api/v1/api-keys/not-a-uuid'],
    ];
    const value = fc.oneof(
      fc.anything({ maxDepth: 3 }),
      fc.string({ maxLength: 300 }),
      fc.double(),
      fc.bigInt().map((b) => b.toString() + '1e400'),
      fc.constant('x'.repeat(300_000)),
    );
    const body = fc.oneof(
      fc.dictionary(fc.constantFrom('email', 'name', 'role', 'password', 'code', 'source', 'baseRevision', 'extra', '__proto__'), value),
      value.map((v) => JSON.stringify(v) ?? 'undefined'),
      fc.string({ maxLength: 200 }),
      fc.integer({ min: 1, max: 4000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, async ([method, path], payload) => {
        const res = await h.request(method, path, { body: typeof payload === 'string' ? payload : JSON.stringify(payload) });
        expect(res.status, `${method} ${path} ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.body?.error?.code).toEqual(expect.any(String));
      }),
      { numRuns: 1000 },
    );
    expect(await snapshot()).toEqual(before);
  }, 240_000);
});
