// "Nuevo producto" over HTTP (issue 19): the templates, a product created from a template or from a
// copy of a published version under a new code, name and currency — checking clean with its tests
// passing —, the code rule and the 409 naming the product that has a code, who may create, and the
// audit entry.
import { compileText } from '@plazo/dsl';
import { runProductTests } from '@plazo/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

describe.each(DATABASE_KINDS)('product templates and copies on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  const pm = () => h.keys['product-manager'];

  it('lists the five templates with their names, descriptions and texts', async () => {
    const res = await h.request('GET', '/api/v1/product-templates', { key: h.keys.approver });
    expect(res.status).toBe(200);
    expect(res.body.templates.map((t: { id: string }) => t.id)).toEqual(['adelanto_nomina', 'capital_trabajo', 'financiamiento_tienda', 'microcredito_grupal', 'nomina']);
    const nomina = res.body.templates.find((t: { id: string }) => t.id === 'nomina');
    expect(nomina).toMatchObject({ name: 'Crédito de Nómina', kind: 'consumer', currency: 'MXN', description: expect.stringContaining('nómina') });
    expect(res.body.templates.find((t: { id: string }) => t.id === 'capital_trabajo').kind).toBe('business');
  });

  it.each(['nomina', 'adelanto_nomina', 'microcredito_grupal', 'capital_trabajo', 'financiamiento_tienda'])(
    'creates a product from the %s template that checks clean and passes its tests',
    async (template) => {
      const code = `nuevo_${template}`;
      const res = await h.request('POST', '/api/v1/products', { key: pm(), body: { code, name: `Mi "${template}" 2026`, template, currency: 'MXN' } });
      expect(res.status, res.text).toBe(201);
      expect(res.body.product).toMatchObject({ code, name: `Mi "${template}" 2026`, status: 'draft' });
      const source = res.body.draft.source as string;
      expect(source).toContain(`product ${code} "Mi \\"${template}\\" 2026" {`);
      const check = await h.request('POST', `/api/v1/products/${code}/draft/check`, { key: pm() });
      expect(check.body.ok).toBe(true);
      expect(check.body.diagnostics).toEqual([]);
      const { ir } = compileText(source);
      expect(runProductTests(ir!).results.every((r) => r.status === 'passed')).toBe(true);
      const audit = await h.request('GET', `/api/v1/audit?entityType=product&entityId=${code}`);
      expect(audit.body.entries.map((e: { action: string; details: unknown }) => [e.action, e.details])).toEqual([['create', { code, revision: 1, template }]]);
    },
  );

  it('takes another currency', async () => {
    const res = await h.request('POST', '/api/v1/products', { key: pm(), body: { code: 'nomina_usd', name: 'Nómina USD', template: 'nomina', currency: 'USD' } });
    expect(res.status).toBe(201);
    expect(res.body.draft.source).toMatch(/\n {2}currency USD\n/);
  });

  it('creates a product from a copy of the latest published version, or of a given one', async () => {
    const res = await h.request('POST', '/api/v1/products', { key: pm(), body: { code: 'nomina_copia', name: 'Nómina copia', copyFrom: { product: 'nomina' } } });
    expect(res.status, res.text).toBe(201);
    const source = res.body.draft.source as string;
    expect(source.split('\n')[1]).toBe('product nomina_copia "Nómina copia" {');
    // Everything but the header is the published text.
    expect(source.split('\n').slice(2)).toEqual(NOMINA_SOURCE.split('\n').slice(2));
    expect((await h.request('POST', '/api/v1/products/nomina_copia/draft/check', { key: pm() })).body.ok).toBe(true);
    const audit = await h.request('GET', '/api/v1/audit?entityType=product&entityId=nomina_copia');
    expect(audit.body.entries[0].details).toEqual({ code: 'nomina_copia', revision: 1, copiedFrom: { code: 'nomina', version: 1 } });

    expect((await h.request('POST', '/api/v1/products', { key: pm(), body: { code: 'x1', name: 'X', copyFrom: { product: 'nomina', version: 7 } } })).status).toBe(404);
    expect((await h.request('POST', '/api/v1/products', { key: pm(), body: { code: 'x2', name: 'X', copyFrom: { product: 'none_such' } } })).status).toBe(404);
    // A product never published has nothing to copy.
    const unpublished = await h.request('POST', '/api/v1/products', { key: pm(), body: { code: 'x3', name: 'X', copyFrom: { product: 'nomina_copia' } } });
    expect(unpublished.status).toBe(409);
    expect(unpublished.body.error.code).toBe('no-published-version');
  });

  it('refuses a taken code naming the product that has it, and codes the language refuses', async () => {
    const taken = await h.request('POST', '/api/v1/products', { key: pm(), body: { code: 'nomina', name: 'Otra', template: 'nomina' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'product-exists', details: { code: 'nomina', name: 'Crédito de Nómina' } });
    expect(taken.body.error.message).toBe('product `nomina` exists: “Crédito de Nómina”');
    for (const code of ['input', 'Nomina', '1x', 'a'.repeat(65)]) {
      const res = await h.request('POST', '/api/v1/products', { key: pm(), body: { code, name: 'X', template: 'nomina' } });
      expect(res.status, code).toBe(422);
      expect(res.body.error.details[0].path).toBe('code');
    }
    const keyword = await h.request('POST', '/api/v1/products', { key: pm(), body: { code: 'input', name: 'X', template: 'nomina' } });
    expect(keyword.body.error.details[0].message).toMatch(/keyword/);
  });

  it('says what is wrong with the origin, field by field, and writes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ code: 'z1', name: 'Z' }, 'source'],
      [{ code: 'z1', name: 'Z', template: 'nomina', source: 'x' }, 'source'],
      [{ code: 'z1', name: 'Z', template: 'nope' }, 'template'],
      [{ code: 'z1', name: 'Z', template: 'nomina', currency: 'pesos' }, 'currency'],
      [{ code: 'z1', name: 'Z', source: 'product z1 "Z" {}', currency: 'MXN' }, 'currency'],
    ];
    for (const [body, path] of cases) {
      const res = await h.request('POST', '/api/v1/products', { key: pm(), body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect((await h.request('GET', '/api/v1/products/z1', { key: pm() })).status).toBe(404);
  });

  it('lets create only the roles that may create products', async () => {
    const analyst = await h.request('POST', '/api/v1/products', { key: h.keys['risk-analyst'], body: { code: 'r1', name: 'R', template: 'nomina' } });
    expect(analyst.status).toBe(403);
    expect(analyst.body.error.code).toBe('section-locked');
    const approver = await h.request('POST', '/api/v1/products', { key: h.keys.approver, body: { code: 'r1', name: 'R', template: 'nomina' } });
    expect(approver.body.error).toMatchObject({ code: 'forbidden', details: { permission: 'products:write', role: 'approver' } });
    expect((await h.request('POST', '/api/v1/products', { key: h.keys.admin, body: { code: 'r1', name: 'R', template: 'nomina' } })).status).toBe(201);
  });
});
