// Products over HTTP with the real Plazo compiler: drafts, checks, maker-checker publication of
// immutable versions, version listing, diffs and retirement, each write audited.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginUser } from './support/login.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { publishProduct } from './support/products.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const NOMINA = readFileSync(new URL('../../examples/nomina.plazo', import.meta.url), 'utf8');
const V1 = NOMINA.replace('product nomina "', 'product nomina_t "');
// A rate that no in-product test pins (publishing needs the tests to pass).
const V2 = V1.replace('A, 25..48: 28%', 'A, 25..48: 29%');

describe.each(DATABASE_KINDS)('products routes on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  const actorOfKey = async (key: string) => (await h.request('GET', '/api/v1/auth/me', { key })).body.actor as string;

  it('takes a product from draft to two published versions with maker-checker', async () => {
    expect(V1).not.toBe(NOMINA);
    expect(V2).not.toBe(V1);
    const created = await h.request('POST', '/api/v1/products', {
      key: h.keys['product-manager'],
      body: { code: 'nomina_t', name: 'Nómina de prueba', source: V1 },
    });
    expect(created.status).toBe(201);
    expect(created.body.product).toMatchObject({ code: 'nomina_t', status: 'draft', latestVersion: null });
    expect(created.body.draft).toMatchObject({ revision: 1, source: V1 });

    const dup = await h.request('POST', '/api/v1/products', { key: h.keys['product-manager'], body: { code: 'nomina_t', name: 'x', source: V1 } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('product-exists');

    // The risk analyst edits the draft; a stale base revision is refused.
    const saved = await h.request('PUT', '/api/v1/products/nomina_t/draft', { key: h.keys['risk-analyst'], body: { source: V1, baseRevision: 1 } });
    expect(saved.status).toBe(200);
    expect(saved.body.draft.revision).toBe(2);
    const stale = await h.request('PUT', '/api/v1/products/nomina_t/draft', { key: h.keys['risk-analyst'], body: { source: V2, baseRevision: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'draft-changed', details: { revision: 2 } });

    const check = await h.request('POST', '/api/v1/products/nomina_t/draft/check', { key: h.keys['risk-analyst'] });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ ok: true, revision: 2 });
    expect(check.body.diagnostics.filter((d: any) => d.severity === 'error')).toEqual([]);

    // Neither the analyst (no permission) nor anyone who authored the draft may publish it.
    const denied = await h.request('POST', '/api/v1/products/nomina_t/versions', { key: h.keys['risk-analyst'], body: {} });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');

    const published = await h.request('POST', '/api/v1/products/nomina_t/versions', { key: h.keys.approver, body: { baseRevision: 2 } });
    expect(published.status).toBe(201);
    const v1 = published.body.version;
    expect(v1).toMatchObject({
      code: 'nomina_t',
      version: 1,
      source: V1,
      author: await actorOfKey(h.keys['risk-analyst']),
      publisher: await actorOfKey(h.keys.approver),
      publishedAt: h.clock.now().toISOString(),
      contentHash: createHash('sha256').update(V1).digest('hex'),
    });
    expect(v1.authorDisplay).toEqual({ kind: 'api-key', name: 'test risk-analyst', email: null });
    expect(v1.publisherDisplay).toEqual({ kind: 'api-key', name: 'test approver', email: null });
    expect(v1.ir.code).toBe('nomina_t');
    expect(v1.irHash).toBe(v1.ir.hash);
    expect(published.body.product).toMatchObject({ status: 'active', latestVersion: 1 });

    const again = await h.request('POST', '/api/v1/products/nomina_t/versions', { key: h.keys.approver, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('unchanged');

    // The admin edits and then tries to publish their own edit: maker-checker refuses.
    expect((await h.request('PUT', '/api/v1/products/nomina_t/draft', { body: { source: V2 } })).status).toBe(200);
    const self = await h.request('POST', '/api/v1/products/nomina_t/versions', { body: {} });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('same-author');
    const v2 = await h.request('POST', '/api/v1/products/nomina_t/versions', { key: h.keys.approver, body: {} });
    expect(v2.status).toBe(201);
    expect(v2.body.version).toMatchObject({ version: 2, author: await actorOfKey(h.keys.admin) });

    const versions = await h.request('GET', '/api/v1/products/nomina_t/versions', { key: h.keys.operator });
    expect(versions.status).toBe(200);
    expect(versions.body.versions.map((v: any) => v.version)).toEqual([2, 1]);
    expect(versions.body.versions[0].source).toBeUndefined();

    const got = await h.request('GET', '/api/v1/products/nomina_t/versions/1', { key: h.keys['api-client'] });
    expect(got.status).toBe(200);
    expect(got.body.version).toEqual(v1);

    const product = await h.request('GET', '/api/v1/products/nomina_t', { key: h.keys.operator });
    expect(product.body).toMatchObject({ product: { code: 'nomina_t', latestVersion: 2 }, draft: { revision: 3 }, latestVersion: { version: 2 } });
  }, 120_000);

  it('diffs two versions by source line and by IR path', async () => {
    const res = await h.request('GET', '/api/v1/products/nomina_t/diff?from=1&to=2', { key: h.keys.operator });
    expect(res.status).toBe(200);
    expect(res.body.text.unified).toContain('--- nomina_t@1\n+++ nomina_t@2\n');
    expect(res.body.text.unified).toContain('\n-      A, 25..48: 28%\n+      A, 25..48: 29%\n');
    expect(res.body.text.hunks).toHaveLength(1);
    expect(res.body.ir).toEqual([expect.objectContaining({ op: 'changed', before: '0.28', after: '0.29' })]);
    expect(res.body.ir[0].path).toMatch(/^pricing\.rate\.rows\[\d+\]\.rate$/);

    const same = await h.request('GET', '/api/v1/products/nomina_t/diff?from=2&to=2', { key: h.keys.operator });
    expect(same.body).toMatchObject({ text: { unified: '', hunks: [] }, ir: [] });
    expect((await h.request('GET', '/api/v1/products/nomina_t/diff?from=1&to=9', { key: h.keys.operator })).status).toBe(404);
    expect((await h.request('GET', '/api/v1/products/nomina_t/diff?from=1', { key: h.keys.operator })).status).toBe(422);
  });

  it('reports diagnostics with ranges and refuses to publish a broken draft', async () => {
    const broken = V2.replace('currency MXN', 'currency MXN\n  rate 12%% oops');
    expect((await h.request('PUT', '/api/v1/products/nomina_t/draft', { key: h.keys['product-manager'], body: { source: broken } })).status).toBe(200);
    const check = await h.request('POST', '/api/v1/products/nomina_t/draft/check', { key: h.keys['risk-analyst'] });
    expect(check.status).toBe(200);
    expect(check.body.ok).toBe(false);
    const error = check.body.diagnostics.find((d: any) => d.severity === 'error');
    expect(error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(error.range.start).toEqual({ line: expect.any(Number), column: expect.any(Number), offset: expect.any(Number) });
    expect(error.range.start.line).toBeGreaterThanOrEqual(2);

    const publish = await h.request('POST', '/api/v1/products/nomina_t/versions', { key: h.keys.approver, body: {} });
    expect(publish.status).toBe(422);
    expect(publish.body.error.code).toBe('draft-has-errors');
    expect(publish.body.error.details.diagnostics.length).toBeGreaterThan(0);
  });

  it('refuses a draft that defines another product', async () => {
    await h.request('POST', '/api/v1/products', { key: h.keys['product-manager'], body: { code: 'other_t', name: 'Otro', source: V1 } });
    const publish = await h.request('POST', '/api/v1/products/other_t/versions', { key: h.keys.approver, body: {} });
    expect(publish.status).toBe(422);
    expect(publish.body.error).toMatchObject({ code: 'code-mismatch', details: { sourceCode: 'nomina_t', productCode: 'other_t' } });
  });

  it('retires a product, after which it takes no drafts or versions', async () => {
    const retired = await h.request('POST', '/api/v1/products/nomina_t/retire', { key: h.keys['product-manager'] });
    expect(retired.status).toBe(200);
    expect(retired.body.product).toMatchObject({ status: 'retired', latestVersion: 2, retiredAt: h.clock.now().toISOString() });
    expect((await h.request('PUT', '/api/v1/products/nomina_t/draft', { body: { source: V1 } })).body.error.code).toBe('product-retired');
    expect((await h.request('POST', '/api/v1/products/nomina_t/versions', { key: h.keys.approver, body: {} })).status).toBe(409);
    expect((await h.request('POST', '/api/v1/products/nomina_t/retire')).body.error.code).toBe('already-retired');
    // Its versions stay readable.
    expect((await h.request('GET', '/api/v1/products/nomina_t/versions/2', { key: h.keys.operator })).status).toBe(200);
  });


  it('lets a risk analyst change eligibility, the scorecard and the tests, and nothing else', async () => {
    const source = NOMINA.replace('product nomina "', 'product rights_t "');
    expect((await h.request('POST', '/api/v1/products', { key: h.keys['product-manager'], body: { code: 'rights_t', name: 'Derechos', source } })).status).toBe(201);
    const editable = async (role: keyof typeof h.keys) => (await h.request('GET', '/api/v1/products/rights_t/draft', { key: h.keys[role] })).body.editableSections;
    expect(await editable('risk-analyst')).toEqual(['eligibility', 'scorecard', 'test']);
    expect(await editable('product-manager')).toBe('all');
    expect(await editable('admin')).toBe('all');
    expect(await editable('approver')).toEqual([]);
    expect((await h.request('GET', '/api/v1/products/rights_t', { key: h.keys['risk-analyst'] })).body.editableSections).toEqual(['eligibility', 'scorecard', 'test']);

    // A scorecard point, an eligibility threshold and a test expectation: saved.
    const tuned = source.replace('+60', '+65').replace('payroll.net_pay < 4_000', 'payroll.net_pay < 4_500').replace('expect score 730', 'expect score 735');
    const saved = await h.request('PUT', '/api/v1/products/rights_t/draft', { key: h.keys['risk-analyst'], body: { source: tuned, baseRevision: 1 } });
    expect(saved.status).toBe(200);
    expect(saved.body.draft).toMatchObject({ revision: 2, updatedByDisplay: { kind: 'api-key', name: 'test risk-analyst', email: null } });

    // The rate of band A (pricing) along with a scorecard point: refused, naming pricing and its line.
    const rateLine = tuned.split('\n').findIndex((l) => l.includes('A, 6..24: 26%'));
    const priced = tuned.replace('A, 6..24: 26%', 'A, 6..24: 19%').replace('+65', '+70');
    const column = priced.split('\n')[rateLine]!.indexOf('19%');
    const refused = await h.request('PUT', '/api/v1/products/rights_t/draft', { key: h.keys['risk-analyst'], body: { source: priced, baseRevision: 2 } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('section-locked');
    expect(refused.body.error.message).toBe(`role \`risk-analyst\` may change only eligibility, scorecard, tests; this draft changes pricing (line ${rateLine + 1})`);
    expect(refused.body.error.details).toMatchObject({ role: 'risk-analyst', editable: ['eligibility', 'scorecard', 'test'] });
    expect(refused.body.error.details.changes).toEqual([
      {
        path: 'source',
        part: 'pricing',
        kind: 'pricing',
        change: 'changed',
        range: { start: { line: rateLine, column, offset: priced.indexOf('19%') }, end: { line: rateLine, column: column + 3, offset: priced.indexOf('19%') + 3 } },
        previousRange: { start: expect.objectContaining({ line: rateLine }), end: expect.objectContaining({ line: rateLine }) },
      },
    ]);
    // A fee removed, the currency and the name: each named.
    const many = tuned.replace(/\n {2}\/\/\/[^\n]*\n {2}fee apertura[^\n]*/, '').replace('currency MXN', 'currency USD');
    const refusedMany = await h.request('PUT', '/api/v1/products/rights_t/draft', { key: h.keys['risk-analyst'], body: { source: many, name: 'Otro nombre' } });
    expect(refusedMany.status).toBe(403);
    expect(refusedMany.body.error.details.changes.map((c: any) => [c.path, c.part, c.change])).toEqual([
      ['source', 'product', 'changed'],
      ['source', 'fee apertura', 'removed'],
      ['name', 'name', 'changed'],
    ]);
    expect(refusedMany.body.error.message).toContain('fee apertura (removed; it was at lines');
    expect(refusedMany.body.error.message).toContain("the product's name");
    // A rate row hidden behind a `//` comment the lexer ends at a lone `\r`: the compiler sees it,
    // so does the check — named as the lexer counts lines.
    const rowLine = tuned.split('\n').findIndex((l) => l.includes('A, 6..24: 26%'));
    for (const eol of ['\r', '\r\n']) {
      const hidden = tuned.replace('A, 6..24: 26%', `// nota${eol}      A, 6..24: 5%\n      A, 6..24: 26%`);
      const res = await h.request('PUT', '/api/v1/products/rights_t/draft', { key: h.keys['risk-analyst'], body: { source: hidden, baseRevision: 2 } });
      expect(res.status, JSON.stringify(eol)).toBe(403);
      expect(res.body.error.code).toBe('section-locked');
      expect(res.body.error.message).toMatch(new RegExp(`this draft changes pricing \\(lines? ${rowLine + 2}\\b`));
    }
    // Nothing was written.
    const draft = await h.request('GET', '/api/v1/products/rights_t/draft', { key: h.keys['risk-analyst'] });
    expect(draft.body.draft).toMatchObject({ revision: 2, source: tuned });

    // Reformatted, reordered and commented, the locked sections are the same: saved.
    const offer = /\n {2}offer \{[\s\S]*?\n {2}\}/.exec(tuned)![0];
    const moved = tuned.replace(offer, '').replace(/\n\}\s*$/, `${offer}\n}\n`).replace('  pricing {', '  pricing { // revisar');
    expect((await h.request('PUT', '/api/v1/products/rights_t/draft', { key: h.keys['risk-analyst'], body: { source: moved, baseRevision: 2 } })).status).toBe(200);

    // Nor may the analyst create a product: that is every section at once.
    const created = await h.request('POST', '/api/v1/products', { key: h.keys['risk-analyst'], body: { code: 'analyst_t', name: 'Mío', source } });
    expect(created.status).toBe(403);
    expect(created.body.error.code).toBe('section-locked');
    expect((await h.request('GET', '/api/v1/products/analyst_t')).status).toBe(404);

    // The product manager and the admin change everything.
    expect((await h.request('PUT', '/api/v1/products/rights_t/draft', { key: h.keys['product-manager'], body: { source: priced, name: 'Derechos 2' } })).status).toBe(200);
    expect((await h.request('PUT', '/api/v1/products/rights_t/draft', { body: { source: many } })).status).toBe(200);
  });

  it('names the people behind drafts and versions', async () => {
    const user = await h.request('POST', '/api/v1/users', { body: { email: 'ana@example.mx', name: 'Ana Riesgo', role: 'risk-analyst', password: 'una clave larga de ana' } });
    expect(user.status).toBe(201);
    const login = await loginUser(h, 'ana@example.mx', 'una clave larga de ana');
    const cookie = /plazo_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
    const source = NOMINA.replace('product nomina "', 'product names_t "');
    await h.request('POST', '/api/v1/products', { key: h.keys['product-manager'], body: { code: 'names_t', name: 'Nombres', source } });
    const saved = await h.request('PUT', '/api/v1/products/names_t/draft', { key: null, cookie, headers: { origin: 'http://localhost' }, body: { source: source.replace('no tiene convenio de descuento vía nómina', 'no tiene convenio de descuento por nómina') } });
    expect(saved.status).toBe(200);
    const ana = { kind: 'user', name: 'Ana Riesgo', email: 'ana@example.mx' };
    expect(saved.body.draft.updatedByDisplay).toEqual(ana);
    expect((await h.request('GET', '/api/v1/products/names_t', { key: h.keys.operator })).body.draft.updatedByDisplay).toEqual(ana);
    expect((await h.request('POST', '/api/v1/products/names_t/versions', { key: h.keys.approver, body: {} })).status).toBe(201);
    const versions = (await h.request('GET', '/api/v1/products/names_t/versions', { key: h.keys.operator })).body.versions;
    expect(versions[0]).toMatchObject({ author: `user:${user.body.user.id}`, authorDisplay: ana, publisherDisplay: { kind: 'api-key', name: 'test approver', email: null } });
    const one = (await h.request('GET', '/api/v1/products/names_t/versions/1', { key: h.keys.operator })).body.version;
    expect(one.authorDisplay).toEqual(ana);
    const product = await h.request('GET', '/api/v1/products/names_t', { key: h.keys.operator });
    expect(product.body.latestVersion.authorDisplay).toEqual(ana);
    // What the runtime publishes itself (the examples at first start) is the system's.
    await publishProduct(h.db, 'system_t', NOMINA.replace('product nomina "', 'product system_t "'));
    const bySystem = (await h.request('GET', '/api/v1/products/system_t/versions/1', { key: h.keys.operator })).body.version;
    expect(bySystem).toMatchObject({ author: 'system', authorDisplay: { kind: 'system', name: 'system', email: null }, publisherDisplay: { kind: 'system' } });
  });

  it('keeps published versions immutable in the database', async () => {
    await expect(sql`update product_versions set source = 'x'`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from product_versions`.execute(h.db)).rejects.toThrow(/append-only/);
  });

  it('answers 404 for unknown products and versions', async () => {
    for (const path of ['/api/v1/products/nope', '/api/v1/products/nope/versions', '/api/v1/products/nomina_t/versions/99', '/api/v1/products/nope/draft']) {
      const res = await h.request('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('not-found');
    }
  });

  it('audits every product write with its actor', async () => {
    const { entries } = (await h.request('GET', '/api/v1/audit?entityType=product-version&limit=10')).body;
    expect(entries.map((e: any) => e.entityId).filter((id: string) => id.startsWith('nomina_t@'))).toEqual(['nomina_t@1', 'nomina_t@2']);
    expect(entries[0]).toMatchObject({ action: 'publish', actor: await actorOfKey(h.keys.approver), details: { code: 'nomina_t', version: 1 } });
    const drafts = (await h.request('GET', '/api/v1/audit?entityType=product-draft&entityId=nomina_t')).body.entries;
    expect(drafts.length).toBe(3);
  });
});
