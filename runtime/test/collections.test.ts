// Collections and portfolio reports through the API, over a seeded portfolio closed by the end
// of day: queues per stage, assignment, contacts and promises to pay (permissions and
// validation), agents as users of the institution, business dates in the institution's time zone
// (around local midnight), and each report as JSON and CSV agreeing with the state summary.
import { stageRestructureOffer } from '@plazo/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { irOf } from '../src/products/product-versions.ts';
import { rebuildOpenInstallments } from '../src/reports/open-installments.ts';
import { insertPortfolio, planPortfolio } from '../bench/eod-portfolio.ts';
import { publishPortfolioProducts } from './eod-support.ts';
import { loginUser } from './support/login.ts';
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

  /** A user of the institution (the agent of the tests), created once. */
  let ana: { id: string; email: string };
  const agentUser = async () => {
    if (!ana) {
      const created = await h.request('POST', '/api/v1/users', { body: { email: 'Ana.Lopez@example.mx', name: 'Ana López', role: 'operator', password: 'correct horse battery' } });
      expect(created.status, created.text).toBe(201);
      ana = { id: created.body.user.id, email: created.body.user.email };
    }
    return ana;
  };

  it('assigns loans to agents and records contacts and promises to pay', async () => {
    const agent = await agentUser();
    const { queues } = (await h.request('GET', '/api/v1/collections/queues')).body;
    const loan = (await h.request('GET', `/api/v1/collections/queues/${queues[0].queue}/loans?limit=1`)).body.loans[0];
    const assigned = await h.request('PUT', `/api/v1/collections/loans/${loan.loan_id}/assignment`, { key: h.keys.operator, body: { agent: 'ANA.LOPEZ@example.mx' } });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body).toMatchObject({ agent: agent.id, agentName: 'Ana López' });
    expect((await h.request('PUT', `/api/v1/collections/loans/${loan.loan_id}/assignment`, { key: h.keys['risk-analyst'], body: { agent: agent.id } })).status).toBe(403);
    const missing = await h.request('POST', `/api/v1/collections/loans/${loan.loan_id}/contacts`, { key: h.keys.operator, body: { agent: agent.id, channel: 'phone', result: 'promise-to-pay', promiseAmount: '500.00' } });
    expect([missing.status, missing.body.error.details[0].path]).toEqual([422, 'promiseDate']);
    const promise = await h.request('POST', `/api/v1/collections/loans/${loan.loan_id}/contacts`, {
      key: h.keys.operator,
      body: { agent: agent.id, channel: 'phone', result: 'promise-to-pay', promiseAmount: '500.00', promiseDate: '2025-04-15', notes: 'paga el viernes' },
    });
    expect(promise.status, promise.text).toBe(201);
    const noAnswer = await h.request('POST', `/api/v1/collections/loans/${loan.loan_id}/contacts`, { body: { agent: agent.email, channel: 'whatsapp', result: 'no-answer' } });
    expect(noAnswer.status).toBe(201);
    const contacts = await h.request('GET', `/api/v1/collections/loans/${loan.loan_id}/contacts`);
    expect(contacts.body.contacts.map((c: { result: string }) => c.result).sort()).toEqual(['no-answer', 'promise-to-pay']);
    expect(contacts.body.contacts.map((c: { agent_name: string }) => c.agent_name)).toEqual(['Ana López', 'Ana López']);
    for (const filter of [agent.email, agent.id]) {
      const mine = await h.request('GET', `/api/v1/collections/queues/${queues[0].queue}/loans?agent=${encodeURIComponent(filter)}`);
      expect(mine.body.loans.map((l: { loan_id: string }) => l.loan_id)).toEqual([loan.loan_id]);
      expect(mine.body.loans[0]).toMatchObject({ agent: agent.id, agent_name: 'Ana López', promise_amount: expect.stringMatching(/^500/) });
    }
    expect((await h.request('POST', `/api/v1/collections/loans/00000000-0000-7000-8000-000000000000/contacts`, { body: { agent: agent.id, channel: 'phone', result: 'other' } })).status).toBe(404);
    const report = await h.request('GET', '/api/v1/reports/collections?from=2025-04-01&to=2025-04-30');
    expect(report.body.rows[0]).toMatchObject({ contacts: 2, reached: 1, promises: 1, promises_kept: 0, promises_broken: 0, promises_pending: 1 });
    const byAgent = await h.request('GET', '/api/v1/reports/collections?from=2025-04-01&to=2025-04-30&by=agent&format=csv');
    expect(byAgent.text.split('\r\n').slice(0, 2)).toEqual([
      'agent,agent_name,contacts,reached,promises,promises_kept,promises_broken,promises_pending,promised,collected_on_promises,promise_kept_rate',
      expect.stringMatching(new RegExp(`^${agent.id},Ana López,2,1,1,`)),
    ]);
  });

  it('takes as agent an active user of the institution only, by default the calling user', async () => {
    const agent = await agentUser();
    // Any loan takes contacts; this one has none from the other tests.
    const loan = { loan_id: (await h.db.selectFrom('loans').select('id').orderBy('id', 'desc').offset(1).limit(1).executeTakeFirstOrThrow()).id };
    const contact = (body: Record<string, unknown>, options: { cookie?: string } = {}) =>
      h.request('POST', `/api/v1/collections/loans/${loan.loan_id}/contacts`, { ...(options.cookie ? { key: null, cookie: options.cookie, headers: { origin: 'http://localhost' } } : {}), body: { channel: 'phone', result: 'other', ...body } });
    const refusals = [
      { body: { agent: 'ana.lopez' }, message: '`ana.lopez` is not an active user' },
      { body: { agent: 'nadie@example.mx' }, message: 'not an active user' },
      { body: { agent: '00000000-0000-4000-8000-000000000000' }, message: 'not an active user' },
      { body: {}, message: 'required when the caller is not a user' },
    ];
    for (const { body, message } of refusals) {
      const res = await contact(body);
      expect(res.status, res.text).toBe(422);
      expect(res.body.error.details).toEqual([{ path: 'agent', message: expect.stringContaining(message) }]);
      const assign = await h.request('PUT', `/api/v1/collections/loans/${loan.loan_id}/assignment`, { body });
      expect([assign.status, assign.body.error.details[0].path]).toEqual([422, 'agent']);
    }
    // A user calling without `agent` is the agent.
    const login = await loginUser(h, agent.email, 'correct horse battery');
    const cookie = /plazo_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
    const own = await contact({}, { cookie });
    expect(own.status, own.text).toBe(201);
    expect(own.body.contact).toMatchObject({ agent: agent.id, agent_id: agent.id, agent_name: 'Ana López' });
    const ownAssignment = await h.request('PUT', `/api/v1/collections/loans/${loan.loan_id}/assignment`, { key: null, cookie, headers: { origin: 'http://localhost' }, body: {} });
    expect(ownAssignment.body).toMatchObject({ agent: agent.id, agentName: 'Ana López' });
    // A disabled user is no agent.
    const other = await h.request('POST', '/api/v1/users', { body: { email: 'baja@example.mx', name: 'Dado de Baja', role: 'operator' } });
    await sql`update users set disabled_at = now() where id = ${other.body.user.id}`.execute(h.db);
    const disabled = await contact({ agent: 'baja@example.mx' });
    expect([disabled.status, disabled.body.error.details[0].path]).toEqual([422, 'agent']);
  });

  it('dates contacts and filters the collections report by the business date in the institution’s time zone', async () => {
    const agent = await agentUser();
    const loan = { loan_id: (await h.db.selectFrom('loans').select('id').orderBy('id', 'desc').offset(2).limit(1).executeTakeFirstOrThrow()).id };
    const count = async (day: string) => (await h.request('GET', `/api/v1/reports/collections?from=${day}&to=${day}`)).body.rows[0];
    const before = { d09: await count('2025-04-09'), d10: await count('2025-04-10'), d11: await count('2025-04-11') };
    // 20:48 in Mexico City on the 10th is 02:48 UTC on the 11th: a promise made that evening.
    const evening = await h.request('POST', `/api/v1/collections/loans/${loan.loan_id}/contacts`, {
      body: { agent: agent.id, channel: 'phone', result: 'promise-to-pay', promiseAmount: '300.00', promiseDate: '2025-04-10', contactedAt: '2025-04-10T20:48:00-06:00' },
    });
    expect(evening.status, evening.text).toBe(201);
    expect(evening.body.contact).toMatchObject({ contacted_at: '2025-04-11T02:48:00.000Z', contacted_on: '2025-04-10' });
    // 00:10 local on the 10th is 06:10 UTC on the 10th; 23:59 local on the 9th is 05:59 UTC on the 10th.
    for (const contactedAt of ['2025-04-10T06:10:00Z', '2025-04-10T05:59:00Z']) {
      const res = await h.request('POST', `/api/v1/collections/loans/${loan.loan_id}/contacts`, { body: { agent: agent.id, channel: 'sms', result: 'no-answer', contactedAt } });
      expect(res.status, res.text).toBe(201);
    }
    expect((await count('2025-04-10')).contacts - before.d10.contacts).toBe(2);
    expect((await count('2025-04-10')).promises - before.d10.promises).toBe(1);
    expect((await count('2025-04-11')).contacts - before.d11.contacts).toBe(0);
    expect((await count('2025-04-09')).contacts - before.d09.contacts).toBe(1);
    const listed = (await h.request('GET', `/api/v1/collections/loans/${loan.loan_id}/contacts`)).body.contacts;
    expect(listed.map((c: { contacted_on: string }) => c.contacted_on)).toEqual(['2025-04-10', '2025-04-10', '2025-04-09']);
    // Without contactedAt a contact happens now: the harness clock (2025-04-11 12:00 local) — today's date, not UTC's.
    h.clock.advance(Date.parse('2025-04-12T02:30:00Z') - h.clock.now().getTime());
    try {
      const now = await h.request('POST', `/api/v1/collections/loans/${loan.loan_id}/contacts`, { body: { agent: agent.id, channel: 'sms', result: 'no-answer' } });
      expect(now.body.contact).toMatchObject({ contacted_at: '2025-04-12T02:30:00.000Z', contacted_on: '2025-04-11' });
      expect((await count('2025-04-11')).contacts - before.d11.contacts).toBe(1);
      expect((await count('2025-04-12')).contacts).toBe(0);
      // A contact cannot happen in the future, nor a promise fall due before it.
      const future = await h.request('POST', `/api/v1/collections/loans/${loan.loan_id}/contacts`, { body: { agent: agent.id, channel: 'sms', result: 'no-answer', contactedAt: '2025-04-12T03:00:00Z' } });
      expect([future.status, future.body.error.details[0].path]).toEqual([422, 'contactedAt']);
      const early = await h.request('POST', `/api/v1/collections/loans/${loan.loan_id}/contacts`, {
        body: { agent: agent.id, channel: 'phone', result: 'promise-to-pay', promiseAmount: '1.00', promiseDate: '2025-04-10' },
      });
      expect([early.status, early.body.error.details[0].path]).toEqual([422, 'promiseDate']);
    } finally {
      setToday(h, '2025-04-11');
    }
  });

  /** Books a loan event as the servicing routes store it (the generated loans take no payments through the API: they have no statements). */
  const bookEvent = async (loanId: string, type: string, payload: Record<string, string>) => {
    await sql`insert into loan_events (loan_id, seq, type, effective_on, payload, created_at, created_by)
              select ${loanId}, coalesce(max(seq), 0) + 1, ${type}, ${payload.date}, ${JSON.stringify(payload)}::jsonb, now(), 'system' from loan_events where loan_id = ${loanId}`.execute(h.db);
    return payload.id ?? '';
  };

  it('keeps, breaks or leaves pending a promise by the payments from the contact to the promised date, in the log, the queue and the report', async () => {
    const agent = await agentUser();
    const loan = (await sql<{ loan_id: string; queue: string }>`select loan_id, collection_queue as queue from loan_servicing where status = 'active' and collection_queue is not null order by loan_id desc offset 3 limit 1`.execute(h.db)).rows[0]!;
    const promise = async (promiseAmount: string, promiseDate: string, contactedAt: string) => {
      const res = await h.request('POST', `/api/v1/collections/loans/${loan.loan_id}/contacts`, { body: { agent: agent.id, channel: 'phone', result: 'promise-to-pay', promiseAmount, promiseDate, contactedAt } });
      expect(res.status, res.text).toBe(201);
      return res.body.contact.id as string;
    };
    const outcomes = async () => new Map<string, [string, string]>((await h.request('GET', `/api/v1/collections/loans/${loan.loan_id}/contacts`)).body.contacts.map((c: { id: string; promise_outcome: string; promise_paid: string }) => [c.id, [c.promise_outcome, c.promise_paid]]));
    const queued = async (filter = '') => (await h.request('GET', `/api/v1/collections/queues/${loan.queue}/loans?limit=1000${filter}`)).body.loans.find((l: { loan_id: string }) => l.loan_id === loan.loan_id);
    const broken = await promise('100.00', '2025-04-10', '2025-04-09T10:00:00-06:00');
    const kept = await promise('50.00', '2025-04-14', '2025-04-10T10:00:00-06:00');
    const pending = await promise('999999.00', '2025-04-20', '2025-04-11T09:00:00-06:00');
    expect(await outcomes()).toMatchObject(new Map([[broken, ['broken', '0']], [kept, ['pending', '0']], [pending, ['pending', '0']]]));
    expect(await queued()).toMatchObject({ promise_amount: expect.stringMatching(/^999999/), promise_date: '2025-04-20', promise_outcome: 'pending' });
    const before = (await h.request('GET', '/api/v1/reports/collections?from=2025-04-09&to=2025-04-11')).body.rows[0];
    // A payment today (the 11th) falls within the second and third promises, not the first (due the 10th).
    const paymentId = await bookEvent(loan.loan_id, 'payment', { kind: 'payment', id: 'pago-promesa-1', date: '2025-04-11', amount: '60.00' });
    expect(await outcomes()).toMatchObject(new Map([[broken, ['broken', '0']], [kept, ['kept', '60.00']], [pending, ['pending', '60.00']]]));
    const after = (await h.request('GET', '/api/v1/reports/collections?from=2025-04-09&to=2025-04-11')).body.rows[0];
    expect([after.promises_kept - before.promises_kept, after.promises_pending - before.promises_pending, after.promises_broken - before.promises_broken]).toEqual([1, -1, 0]);
    // The queue filters on the latest promise's outcome; a reversed payment no longer counts.
    expect(await queued('&promise=pending')).toBeDefined();
    expect(await queued('&promise=kept')).toBeUndefined();
    await bookEvent(loan.loan_id, 'payment-reversal', { kind: 'payment-reversal', date: '2025-04-11', paymentId });
    expect((await outcomes()).get(kept)).toEqual(['pending', '0']);
  });

  it('filters a queue by agent, assignment, days past due, stage and promise, and exports it as CSV', async () => {
    const agent = await agentUser();
    const { queues } = (await h.request('GET', '/api/v1/collections/queues')).body;
    const q = queues.find((x: { queue: string | null; loans: number }) => x.queue !== null && x.loans >= 3);
    const all = (await h.request('GET', `/api/v1/collections/queues/${q.queue}/loans?limit=1000`)).body.loans as { loan_id: string; days_past_due: number; stage: string; agent: string | null; promise_outcome: string | null }[];
    const ids = (res: { body: { loans: { loan_id: string }[] } }) => res.body.loans.map((l) => l.loan_id);
    const get = (filter: string, options: { cookie?: string } = {}) =>
      h.request('GET', `/api/v1/collections/queues/${q.queue}/loans?limit=1000&${filter}`, options.cookie ? { key: null, cookie: options.cookie } : {});
    const [lo, hi] = [all.at(-1)!.days_past_due, all[0]!.days_past_due];
    const mid = Math.floor((lo + hi) / 2);
    expect(ids(await get(`dpdMin=${mid}`))).toEqual(all.filter((l) => l.days_past_due >= mid).map((l) => l.loan_id));
    expect(ids(await get(`dpdMax=${mid}`))).toEqual(all.filter((l) => l.days_past_due <= mid).map((l) => l.loan_id));
    expect(ids(await get(`stage=${q.stage}`))).toEqual(all.filter((l) => l.stage === q.stage).map((l) => l.loan_id));
    expect((await get('dpdMin=5&dpdMax=4')).status).toBe(422);
    // Assigned to me: the calling user (a session); an API key has no loans of its own.
    const login = await loginUser(h, agent.email, 'correct horse battery');
    const cookie = /plazo_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
    const mine = all.find((l) => l.agent === null)!;
    await h.request('PUT', `/api/v1/collections/loans/${mine.loan_id}/assignment`, { key: null, cookie, headers: { origin: 'http://localhost' }, body: {} });
    const assignedToAgent = new Set((await sql<{ loan_id: string }>`select loan_id from collection_assignments where agent_id = ${agent.id}`.execute(h.db)).rows.map((r) => r.loan_id));
    expect(ids(await get('assigned=me', { cookie }))).toEqual(all.filter((l) => assignedToAgent.has(l.loan_id)).map((l) => l.loan_id));
    expect(ids(await get('assigned=me', { cookie }))).toContain(mine.loan_id);
    expect(ids(await get('assigned=nobody'))).not.toContain(mine.loan_id);
    expect(ids(await get('assigned=nobody')).length + ids(await get('assigned=me', { cookie })).length).toBeLessThanOrEqual(all.length);
    const keyMe = await get('assigned=me');
    expect([keyMe.status, keyMe.body.error.details[0].path]).toEqual([422, 'assigned']);
    for (const promise of ['none', 'pending', 'kept', 'broken']) {
      const outcome = promise === 'none' ? null : promise;
      expect(ids(await get(`promise=${promise}`))).toEqual(all.filter((l) => l.promise_outcome === outcome).map((l) => l.loan_id));
    }
    // CSV: every loan that passes the filters, one line each, the money as exact decimals.
    const csv = await h.request('GET', `/api/v1/collections/queues/${q.queue}/loans?format=csv&dpdMin=${mid}`, { key: h.keys['risk-analyst'] });
    expect(csv.status, csv.text).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 6)).toEqual(['loan_id', 'external_ref', 'product_code', 'status', 'stage', 'days_past_due']);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(all.filter((l) => l.days_past_due >= mid).map((l) => l.loan_id));
    expect((await h.request('GET', `/api/v1/collections/queues/${q.queue}/loans?format=csv`, { key: h.keys['api-client'] })).status).toBe(403);
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
