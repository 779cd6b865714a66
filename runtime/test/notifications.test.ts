// Notifications: the end of day fills the outbox (once per dedupe key, even when a date is run
// again), the webhook adapter signs each POST, retries with backoff, dead-letters after N tries,
// and each notification is delivered once across failed attempts and a dispatcher that died
// between the gateway's 2xx and its own commit (the gateway drops the repeat by Idempotency-Key).
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { dispatchNotifications, webhookAdapter, type ChannelAdapter } from '../src/notifications/dispatcher.ts';
import { insertPortfolio, planPortfolio } from '../bench/eod-portfolio.ts';
import { publishPortfolioProducts } from './eod-support.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from './support/test-database.ts';

const SECRET = 'whsec_test_only';

interface Gateway {
  url: string;
  server: Server;
  requests: { id: string; signatureOk: boolean }[];
  delivered: Map<string, number>;
  failFirst: number;
}

async function gateway(failFirst: number): Promise<Gateway> {
  const g: Gateway = { url: '', server: null as unknown as Server, requests: [], delivered: new Map(), failFirst };
  const attempts = new Map<string, number>();
  g.server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const id = String(req.headers['idempotency-key']);
      const expected = 'sha256=' + createHmac('sha256', SECRET).update(body, 'utf8').digest('hex');
      g.requests.push({ id, signatureOk: req.headers['x-plazo-signature'] === expected });
      const n = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, n);
      if (n <= g.failFirst) {
        res.writeHead(503).end();
        return;
      }
      // A real gateway keeps the keys it accepted and drops repeats.
      if (!g.delivered.has(id)) g.delivered.set(id, JSON.parse(body).attempt);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => g.server.listen(0, '127.0.0.1', r));
  g.url = `http://127.0.0.1:${(g.server.address() as AddressInfo).port}/hook`;
  return g;
}

describe.each(DATABASE_KINDS)('notifications on %s', (kind) => {
  let t: TestDatabase;
  let outboxSize = 0;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    const irs = await publishPortfolioProducts(t.db);
    const versions = new Map<string, string>();
    for (const code of irs.keys()) {
      const v = await t.db.selectFrom('product_versions').innerJoin('products', 'products.id', 'product_versions.product_id').select('product_versions.id').where('products.code', '=', code).executeTakeFirstOrThrow();
      versions.set(code, v.id);
    }
    const plans = planPortfolio(irs, { n: 40, seed: 99, from: '2025-01-06', to: '2025-02-10', horizon: '2025-03-01' });
    await insertPortfolio(t.db, plans, versions, { at: '2025-01-06T16:00:00.000Z' });
    for (const date of ['2025-03-01', '2025-03-02', '2025-03-03']) await runEndOfDay(t.db, { through: date, chunkSize: 7, now: () => new Date(`${date}T23:00:00Z`) });
    outboxSize = (await sql<{ n: number }>`select count(*)::int as n from notification_outbox`.execute(t.db)).rows[0]!.n;
  }, 300_000);
  afterAll(async () => t?.destroy());

  it('the end of day queues Spanish notifications from the product templates, once per key', async () => {
    expect(outboxSize).toBeGreaterThan(0);
    const rows = await t.db.selectFrom('notification_outbox').selectAll().execute();
    for (const r of rows) {
      expect(r.body).not.toMatch(/\{\{/);
      expect(r.status).toBe('pending');
    }
    expect(rows.some((r) => /vence|atraso|vencido|pago/i.test(r.body))).toBe(true);
    const keys = new Set(rows.map((r) => r.dedupe_key));
    expect(keys.size).toBe(rows.length);
  });

  it('the webhook delivers each once: retries with backoff after 503s, signature valid, a crash after the 2xx is not a second delivery', async () => {
    const g = await gateway(2);
    let clock = Date.parse('2025-03-04T12:00:00Z');
    const now = () => new Date(clock);
    const webhook = webhookAdapter({ url: g.url, secret: SECRET });
    // A dispatcher that "dies" after the gateway accepted the first success: its outcome is lost.
    let crashOnce = true;
    const flaky: ChannelAdapter = {
      name: 'flaky',
      async send(n) {
        await webhook.send(n);
        if (crashOnce) {
          crashOnce = false;
          throw new Error('process died before recording the delivery');
        }
      },
    };
    for (let pass = 0; pass < 20; pass++) {
      await dispatchNotifications(t.db, { adapter: flaky, now, backoffMs: 1000, batch: 500, maxAttempts: 8 });
      clock += 60_000;
    }
    const status = await sql<{ status: string; n: number }>`select status, count(*)::int as n from notification_outbox group by 1`.execute(t.db);
    expect(status.rows).toEqual([{ status: 'sent', n: outboxSize }]);
    expect(g.delivered.size).toBe(outboxSize);
    expect(g.requests.every((r) => r.signatureOk)).toBe(true);
    expect(g.requests.length).toBe(outboxSize * 3 + 1);
    // Restarted dispatchers and re-running the dates queue and send nothing more.
    await runEndOfDay(t.db, { through: '2025-03-03', chunkSize: 7 });
    expect(await dispatchNotifications(t.db, { adapter: webhook, now })).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(g.requests.length).toBe(outboxSize * 3 + 1);
    g.server.close();
  });

  it('dead-letters after N failed attempts', async () => {
    const g = await gateway(1000);
    const id = (await t.db.selectFrom('notification_outbox').select('id').limit(1).executeTakeFirstOrThrow()).id;
    await sql`update notification_outbox set status = 'pending', attempts = 0, next_attempt_at = '2025-03-05T00:00:00Z' where id = ${id}`.execute(t.db);
    let clock = Date.parse('2025-03-05T12:00:00Z');
    for (let pass = 0; pass < 6; pass++) {
      await dispatchNotifications(t.db, { adapter: webhookAdapter({ url: g.url, secret: SECRET }), now: () => new Date(clock), backoffMs: 10, maxAttempts: 3 });
      clock += 3_600_000;
    }
    const row = await t.db.selectFrom('notification_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([row.status, row.attempts]).toEqual(['dead', 3]);
    expect(row.last_error).toContain('503');
    g.server.close();
  });
});
