// Payments under concurrency. Many payments at once on a few loans and on many (every one posting
// to the same ledger accounts): all recorded, none a 500, the ledger balanced. And real deadlocks
// on PostgreSQL, provoked by a second connection that takes a loan's audit stream head and then
// its row — the opposite of the service's lock order —, so the database rolls a payment back: the
// service runs it again and it is recorded once; when the deadlocks persist it answers 503
// `retry-later` with `Retry-After`, having written nothing, and the same request later succeeds.
import { Dec } from '@plazo/engine';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { TRANSIENT_ATTEMPTS } from '../src/servicing/loan-servicing.ts';
import { startHarness, type Harness, type TestResponse } from './support/harness.ts';
import { NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { databaseFingerprint, disbursedLoan, expectLedgerConsistent, setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

async function loanCash(h: Harness, loanId: string): Promise<string> {
  const { rows } = await sql<{ d: string }>`
    select coalesce(sum(l.debit), 0)::text as d from journal_lines l join journal_entries e on e.id = l.entry_id
    where e.loan_id = ${loanId} and l.account_code = '1000' and e.loan_event_seq > 1
  `.execute(h.db);
  return new Dec(rows[0]!.d).toFixed(2);
}

describe.each(DATABASE_KINDS)('concurrent payments on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    setToday(h, '2025-03-01');
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('records every one of many concurrent payments on the same and on different loans: no 500, a balanced ledger', async () => {
    const loans: string[] = [];
    for (let i = 0; i < 12; i++) loans.push(await disbursedLoan(h));
    // 24 clients, each paying one loan after another: a few loans taken by many at once (the first
    // three get half the payments), the rest spread, so groups of writes share loans in every order
    // (PGlite, one connection, runs them one at a time: fewer).
    const total = kind === 'postgres' ? 720 : 200;
    let next = 0;
    const statuses: number[] = [];
    const failures: TestResponse[] = [];
    const paidTo = new Map<string, number>();
    await Promise.all(
      Array.from({ length: 24 }, async () => {
        while (next < total) {
          const i = next++;
          const loan = i % 2 === 0 ? loans[i % 3]! : loans[(i * 7) % loans.length]!;
          const res = await h.request('POST', `/api/v1/loans/${loan}/payments`, { body: { amount: '1.00', date: '2025-01-31' }, headers: { 'idempotency-key': `c-${i}` } });
          statuses.push(res.status);
          if (res.status === 201) paidTo.set(loan, (paidTo.get(loan) ?? 0) + 1);
          else failures.push(res);
        }
      }),
    );
    expect(failures.map((f) => f.text)).toEqual([]);
    expect(statuses).toHaveLength(total);
    for (const loan of loans) {
      const paid = paidTo.get(loan) ?? 0;
      const events = await h.db.selectFrom('loan_events').select('seq').where('loan_id', '=', loan).execute();
      expect(events).toHaveLength(paid + 1);
      expect(await loanCash(h, loan)).toBe(new Dec(paid).toFixed(2));
    }
    await expectLedgerConsistent(h);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  }, 300_000);
});

/** A second connection to the test's database, holding locks the way a foreign writer would. */
class Intruder {
  private readonly client: pg.Client;
  pid = 0;
  constructor(connectionString: string) {
    this.client = new pg.Client({ connectionString });
  }
  async begin(): Promise<void> {
    await this.client.connect();
    this.pid = (await this.client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    await this.client.query('begin');
    // The service's connections detect the deadlock (after their 1 s) and are the ones rolled back.
    await this.client.query(`set local deadlock_timeout = '60s'`);
  }
  query(text: string, values: unknown[] = []): Promise<unknown> {
    return this.client.query(text, values);
  }
  /** Until some other backend waits for a lock this connection holds (false if `done` first). */
  async someoneWaits(done: () => boolean): Promise<boolean> {
    const deadline = Date.now() + 20_000;
    while (!done()) {
      const { rows } = await this.client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where $1 = any(pg_blocking_pids(pid))', [this.pid]);
      if (rows[0]!.n > 0) return true;
      if (Date.now() > deadline) throw new Error('no one waited for the intruder');
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  }
  async end(): Promise<void> {
    await this.client.query('rollback').catch(() => undefined);
    await this.client.end();
  }
}

describe.skipIf(!process.env.DATABASE_URL)('deadlocks on PostgreSQL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('postgres');
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    setToday(h, '2025-03-01');
  });
  afterAll(async () => {
    await h?.destroy();
  });

  /**
   * Holds the loan's audit stream head, lets the payment lock the loan and wait for the head,
   * then asks for the loan's row: a deadlock the database breaks by rolling the payment back.
   * `times` deadlocks in a row (each on the service's next attempt), then lets go.
   */
  async function payThroughDeadlocks(loanId: string, times: number, body: unknown, key: string): Promise<{ res: TestResponse; deadlocks: number }> {
    const intruder = new Intruder(h.connectionString!);
    await intruder.begin();
    let deadlocks = 0;
    try {
      await intruder.query('select 1 from audit_streams where stream = $1 for update', [`loan:${loanId}`]);
      let res: TestResponse | undefined;
      const paying = h.request('POST', `/api/v1/loans/${loanId}/payments`, { body, headers: { 'idempotency-key': key } }).then((r) => (res = r));
      while (deadlocks < times && (await intruder.someoneWaits(() => res !== undefined))) {
        // The payment holds the loan's row and waits for the stream head: ask for the row.
        await intruder.query('savepoint s');
        await intruder.query('select 1 from loans where id = $1 for no key update', [loanId]);
        await intruder.query('rollback to savepoint s');
        deadlocks++;
      }
      await intruder.query('rollback');
      return { res: await paying, deadlocks };
    } finally {
      await intruder.end();
    }
  }

  it('runs a payment the database rolled back as a deadlock again: recorded once, 201', async () => {
    const id = await disbursedLoan(h);
    const { res, deadlocks } = await payThroughDeadlocks(id, 1, { amount: '250.00', date: '2025-01-31' }, 'deadlock-once');
    expect(deadlocks).toBe(1);
    expect(res.status, res.text).toBe(201);
    const events = await h.db.selectFrom('loan_events').select(['seq', 'idempotency_key']).where('loan_id', '=', id).orderBy('seq').execute();
    expect(events.map((e) => e.idempotency_key)).toEqual([null, 'deadlock-once']);
    expect(await loanCash(h, id)).toBe('250.00');
    await expectLedgerConsistent(h);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  }, 60_000);

  it('answers 503 retry-later with Retry-After when the deadlocks persist, writing nothing; the same request later succeeds', async () => {
    const id = await disbursedLoan(h);
    const before = await databaseFingerprint(h);
    const body = { amount: '300.00', date: '2025-01-31' };
    const { res, deadlocks } = await payThroughDeadlocks(id, TRANSIENT_ATTEMPTS, body, 'deadlock-always');
    expect(res.status, res.text).toBe(503);
    // The service's attempts were rolled back as deadlocks (one run of ten on a loaded machine
    // counted one fewer here — an attempt ended without being seen waiting —, with the same 503).
    expect(deadlocks).toBeGreaterThanOrEqual(TRANSIENT_ATTEMPTS - 1);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body.error).toMatchObject({ code: 'retry-later', details: { retryAfterSeconds: 1 } });
    expect(await databaseFingerprint(h)).toEqual(before);
    const again = await h.request('POST', `/api/v1/loans/${id}/payments`, { body, headers: { 'idempotency-key': 'deadlock-always' } });
    expect(again.status, again.text).toBe(201);
    expect(await loanCash(h, id)).toBe('300.00');
    await expectLedgerConsistent(h);
  }, 60_000);
});
