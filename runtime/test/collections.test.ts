// Collections and portfolio reports through the API, over a seeded portfolio closed by the end
// of day: queues per stage, assignment, contacts and promises to pay (permissions and
// validation), and each report as JSON and CSV agreeing with the state summary.
import { stageRestructureOffer } from '@plazo/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { irOf } from '../src/products/product-versions.ts';
import { rebuildOpenInstallments } from '../src/reports/open-installments.ts';
import { insertPortfolio, planPortfolio } from '../bench/eod-portfolio.ts';
import { publishPortfolioProducts } from './eod-support.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const DATE = '2025-04-10';

describe.each(DATABASE_KINDS)('collections and reports on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    const irs = await publishPortfolioProducts(h.db);
    const versions = new Map<string, string>();
    for (const code of irs.keys()) {
      const v = await h.db.selectFrom('product_versions').innerJoin('products', 'products.id', 'product_versions.product_id').select('product_versions.id').where('products.code', '=', code).executeTakeFirstOrThrow();
      versions.set(code, v.id);
    }
    const plans = planPortfolio(irs, { n: 60, seed: 5, from: '2025-01-06', to: '2025-02-28', horizon: DATE, mix: { 'on-time': 0.5, late: 0.2, defaulted: 0.3 } });
    await insertPortfolio(h.db, plans, versions, { at: '2025-01-06T16:00:00.000Z' });
    await runEndOfDay(h.db, { through: DATE, chunkSize: 25 });
    setToday(h, '2025-04-11');
  }, 300_000);
  afterAll(async () => h?.destroy());

  it('lists queues per stage and the loans of a queue, most days past due first', async () => {
    const res = await h.request('GET', '/api/v1/collections/queues', { key: h.keys.operator });
    expect(res.status, res.text).toBe(200);
    expect(res.body.queues.length).toBeGreaterThan(0);
    const q = res.body.queues[0];
    const page = await h.request('GET', `/api/v1/collections/queues/${q.queue}/loans?limit=2`, { key: h.keys['risk-analyst'] });
    expect(page.status, page.text).toBe(200);
    expect(page.body.loans.length).toBeGreaterThan(0);
    const all = [...page.body.loans];
    let after = page.body.nextAfter;
    while (after) {
      const next = await h.request('GET', `/api/v1/collections/queues/${q.queue}/loans?limit=2&after=${after}`);
      all.push(...next.body.loans);
      after = next.body.nextAfter;
    }
    const inQueue = all.filter((l) => l.stage === q.stage);
    expect(inQueue.length).toBe(q.loans);
    const dpds = all.map((l) => l.days_past_due);
    expect([...dpds].sort((a, b) => b - a)).toEqual(dpds);
    expect((await h.request('GET', '/api/v1/collections/queues', { key: h.keys['api-client'] })).status).toBe(403);
  });

  it('marks the queue entries whose product offers restructuring at their stage', async () => {
    const { queues } = (await h.request('GET', '/api/v1/collections/queues')).body;
    let offered = 0;
    for (const q of queues) {
      const { loans } = (await h.request('GET', `/api/v1/collections/queues/${q.queue}/loans?limit=1000`)).body;
      const inStage = loans.filter((l: { stage: string }) => l.stage === q.stage);
      for (const l of inStage) {
        const version = await h.db.selectFrom('loans').select('product_version_id').where('id', '=', l.loan_id).executeTakeFirstOrThrow();
        expect(l.restructuring_offer, `${l.product_code} ${l.stage}`).toBe(stageRestructureOffer(await irOf(h.db, version.product_version_id), l.stage) !== undefined);
      }
      expect(q.restructuring_offers).toBe(inStage.filter((l: { restructuring_offer: boolean }) => l.restructuring_offer).length);
      offered += q.restructuring_offers;
    }
    // The seeded portfolio has loans in \`tardia\` (31–90 days past due), where every product but the advance offers one.
    expect(offered).toBeGreaterThan(0);
  });

  it('assigns loans to agents and records contacts and promises to pay', async () => {
    const { queues } = (await h.request('GET', '/api/v1/collections/queues')).body;
    const loan = (await h.request('GET', `/api/v1/collections/queues/${queues[0].queue}/loans?limit=1`)).body.loans[0];
    const assigned = await h.request('PUT', `/api/v1/collections/loans/${loan.loan_id}/assignment`, { key: h.keys.operator, body: { agent: 'ana.lopez' } });
    expect(assigned.status, assigned.text).toBe(200);
    expect((await h.request('PUT', `/api/v1/collections/loans/${loan.loan_id}/assignment`, { key: h.keys['risk-analyst'], body: { agent: 'x' } })).status).toBe(403);
    const missing = await h.request('POST', `/api/v1/collections/loans/${loan.loan_id}/contacts`, { key: h.keys.operator, body: { agent: 'ana.lopez', channel: 'phone', result: 'promise-to-pay', promiseAmount: '500.00' } });
    expect([missing.status, missing.body.error.details[0].path]).toEqual([422, 'promiseDate']);
    const promise = await h.request('POST', `/api/v1/collections/loans/${loan.loan_id}/contacts`, {
      key: h.keys.operator,
      body: { agent: 'ana.lopez', channel: 'phone', result: 'promise-to-pay', promiseAmount: '500.00', promiseDate: '2025-04-15', notes: 'paga el viernes' },
    });
    expect(promise.status, promise.text).toBe(201);
    const noAnswer = await h.request('POST', `/api/v1/collections/loans/${loan.loan_id}/contacts`, { body: { agent: 'ana.lopez', channel: 'whatsapp', result: 'no-answer' } });
    expect(noAnswer.status).toBe(201);
    const contacts = await h.request('GET', `/api/v1/collections/loans/${loan.loan_id}/contacts`);
    expect(contacts.body.contacts.map((c: { result: string }) => c.result).sort()).toEqual(['no-answer', 'promise-to-pay']);
    const mine = await h.request('GET', `/api/v1/collections/queues/${queues[0].queue}/loans?agent=ana.lopez`);
    expect(mine.body.loans.map((l: { loan_id: string }) => l.loan_id)).toEqual([loan.loan_id]);
    expect(mine.body.loans[0]).toMatchObject({ agent: 'ana.lopez', promise_amount: expect.stringMatching(/^500/) });
    expect((await h.request('POST', `/api/v1/collections/loans/00000000-0000-7000-8000-000000000000/contacts`, { body: { agent: 'a', channel: 'phone', result: 'other' } })).status).toBe(404);
    const report = await h.request('GET', '/api/v1/reports/collections?from=2025-04-01&to=2025-04-30');
    expect(report.body.rows[0]).toMatchObject({ contacts: 2, reached: 1, promises: 1 });
  });

  it('reports agree with the state summary, as JSON and CSV', async () => {
    const active = (await sql<{ n: number; p: string }>`select count(*)::int as n, sum(principal_outstanding)::text as p from loan_servicing where status = 'active'`.execute(h.db)).rows[0]!;
    const summary = await h.request('GET', '/api/v1/reports/summary', { key: h.keys['product-manager'] });
    expect(summary.status, summary.text).toBe(200);
    expect(summary.body.rows.reduce((a: number, r: { loans: number }) => a + r.loans, 0)).toBe(active.n);
    const aging = await h.request('GET', '/api/v1/reports/aging');
    expect(aging.body.rows.reduce((a: number, r: { loans: number }) => a + r.loans, 0)).toBe(active.n);
    const risk = await h.request('GET', '/api/v1/reports/risk');
    const overall = risk.body.rows.find((r: { product: string }) => r.product === '*');
    expect(overall.loans).toBe(active.n);
    expect(overall.principal_outstanding).toBe(active.p);
    expect(overall.par30 >= overall.par60 && overall.par60 >= overall.par90).toBe(true);
    const vintages = await h.request('GET', '/api/v1/reports/vintages');
    expect(vintages.body.rows.map((r: { vintage: string }) => r.vintage)).toContain('2025-01');
    // The generator writes loans without their events' statements: their open installments are rebuilt from the events.
    await rebuildOpenInstallments(h.db);
    const flow = await h.request('GET', '/api/v1/reports/cash-flow?weeks=4');
    expect(flow.body.rows.map((r: { week: string }) => r.week)).toEqual(['overdue', '2025-W15', '2025-W16', '2025-W17', '2025-W18']);
    const open = (await sql<{ t: string }>`select sum(principal + interest + iva + fees)::text as t from loan_open_installments where due_date < '2025-05-05'`.execute(h.db)).rows[0]!;
    // Every line together is every open installment due before the horizon (04-07 + 4 weeks), summed exactly.
    const summed = await sql<{ t: string }>`select sum(x)::text as t from unnest(${flow.body.rows.map((r: { expected: string }) => r.expected)}::numeric[]) x`.execute(h.db);
    expect(summed.rows[0]!.t).toBe(open.t);
    const csv = await h.request('GET', '/api/v1/reports/aging?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('bucket,loans,principal_outstanding');
    expect((await h.request('GET', '/api/v1/reports/risk', { key: h.keys['api-client'] })).status).toBe(403);
    expect((await h.request('GET', '/api/v1/reports/nope')).status).toBe(422);
  });
});
