// GET /api/v1/products/{code}/impact: the draft against the published version, on the product
// tests' applicants and the product's last stored decisions — who flips, rates and CAT that move,
// the representative loans, the draft's tests and the warnings to acknowledge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const SOURCE = NOMINA_SOURCE.replace('product nomina "', 'product nomina_imp "');
// Band A at 25..48 payments one point dearer: no in-product test pins it.
const DEARER = SOURCE.replace('A, 25..48: 28%', 'A, 25..48: 29%');
// A minimum net pay above both approved applicants' 18,000.
const STRICTER = SOURCE.replace('payroll.net_pay < 4_000', 'payroll.net_pay < 20_000');

describe.each(DATABASE_KINDS)('product impact on %s', (kind) => {
  let h: Harness;
  const ids: string[] = [];
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina_imp', SOURCE);
    // Oldest first: approved band A at 28% (36 payments), approved at 26% (24), declined (low pay).
    for (const application of [
      { ...NOMINA_APPLICATION, request: { amount: '60000', payments: 36 } },
      NOMINA_APPLICATION,
      { ...NOMINA_APPLICATION, payroll: { net_pay: '3000', existing_deductions: '0' } },
    ]) {
      const res = await h.request('POST', '/api/v1/decisions', { key: h.keys.operator, body: { product: 'nomina_imp', application } });
      expect(res.status).toBe(201);
      ids.push(res.body.decision.id);
    }
  });
  afterAll(async () => {
    await h?.destroy();
  });

  const saveDraft = async (source: string) => {
    const res = await h.request('PUT', '/api/v1/products/nomina_imp/draft', { key: h.keys['product-manager'], body: { source } });
    expect(res.status).toBe(200);
  };
  const impact = (query = '', key = h.keys.approver) => h.request('GET', `/api/v1/products/nomina_imp/impact${query}`, { key });

  it('the draft as published changes nothing for anyone', async () => {
    const res = await impact();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 'nomina_imp', published: { version: 1 }, tests: { failed: 0, failing: [] } });
    expect(res.body.impact.decisions).toMatchObject({ requested: 200, summary: { applications: 3, changed: 0, flips: [] }, changed: [] });
    expect(res.body.impact.samples.summary.applications).toBeGreaterThan(0);
    expect(res.body.impact.samples.summary.changed).toBe(0);
    expect(res.body.impact.schedules.every((s: any) => !s.changed)).toBe(true);
  });

  it('a dearer rate moves the rate and CAT of the 36-payment applicant and of the long representative loans', async () => {
    await saveDraft(DEARER);
    const res = await impact();
    expect(res.status).toBe(200);
    const { decisions, schedules } = res.body.impact;
    expect(decisions.summary).toMatchObject({ applications: 3, changed: 1, outcomeChanges: 0, rateChanges: 1, catChanges: 1, amountChanges: 0 });
    expect(decisions.changed).toHaveLength(1);
    expect(decisions.changed[0]).toMatchObject({ id: ids[0], source: 'decision', rateChange: '0.01', before: { outcome: 'approve', annualRate: '0.28' }, after: { outcome: 'approve', annualRate: '0.29' } });
    expect(Number(decisions.changed[0].catChange)).toBeGreaterThan(0);
    const longest = schedules.filter((s: any) => s.loan.term === 'longest');
    expect(longest.length).toBe(3);
    for (const s of longest) expect(s).toMatchObject({ changed: true, before: { annualRate: '0.28' }, after: { annualRate: '0.29' } });
    for (const s of schedules.filter((x: any) => x.loan.term === 'shortest')) expect(s.changed).toBe(false);
  });

  it('a stricter minimum pay flips both approved applicants to declined, and the draft\'s tests fail', async () => {
    await saveDraft(STRICTER);
    const res = await impact();
    expect(res.status).toBe(200);
    expect(res.body.impact.decisions.summary).toMatchObject({ outcomeChanges: 2, flips: [{ from: 'approve', to: 'decline', count: 2 }], offeredAfter: '0' });
    expect(res.body.impact.decisions.changed.map((r: any) => r.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(res.body.impact.decisions.changed[0].after.reasons).toContain('SUELDO_MINIMO');
    expect(res.body.impact.samples.summary.outcomeChanges).toBeGreaterThan(0);
    expect(res.body.tests.failed).toBeGreaterThan(0);
    expect(res.body.tests.failing[0]).toMatchObject({ status: 'failed' });
    // Only the newest decision (declined either way) when asked for one.
    const one = await impact('?decisions=1');
    expect(one.body.impact.decisions.summary).toMatchObject({ applications: 1, changed: 0 });
    const none = await impact('?decisions=0');
    expect(none.body.impact.decisions.summary.applications).toBe(0);
  });

  it('shows the warnings the publisher must acknowledge, as publishing computes them', async () => {
    await saveDraft(SOURCE);
    const res = await impact();
    const publish = await h.request('POST', '/api/v1/products/nomina_imp/versions', { key: h.keys.approver, body: {} });
    if (res.body.warnings.codes.length === 0) {
      expect(publish.body.error.code).toBe('unchanged');
    } else {
      expect(publish.status).toBe(422);
      expect(publish.body.error).toMatchObject({ code: 'warnings-not-acknowledged', details: { codes: res.body.warnings.codes } });
    }
  });

  it('refuses more than 2,000 decisions with the field path, and a draft that does not compile', async () => {
    const many = await impact('?decisions=2001');
    expect(many.status).toBe(422);
    expect(many.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'decisions' })]));
    const negative = await impact('?decisions=-1');
    expect(negative.status).toBe(422);
    await saveDraft(SOURCE.replace('currency MXN', 'currency MXN\n  nonsense here'));
    const broken = await impact();
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('draft-has-errors');
    await saveDraft(SOURCE);
  });

  it('needs a reader of products and decisions; 404 for an unknown product', async () => {
    expect((await impact('', null as unknown as string)).status).toBe(401);
    expect((await h.request('GET', '/api/v1/products/nope/impact', { key: h.keys.operator })).status).toBe(404);
    expect((await impact('', h.keys['risk-analyst'])).status).toBe(200);
  });

  it('a product never published has tests and warnings but no impact', async () => {
    const created = await h.request('POST', '/api/v1/products', { key: h.keys['product-manager'], body: { code: 'nomina_new', name: 'Nueva', source: SOURCE.replace('nomina_imp', 'nomina_new') } });
    expect(created.status).toBe(201);
    const res = await h.request('GET', '/api/v1/products/nomina_new/impact', { key: h.keys.approver });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ published: null, impact: null, tests: { failed: 0 } });
  });
});
