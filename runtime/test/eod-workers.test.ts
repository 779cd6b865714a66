// The end of day as real processes on PostgreSQL (`plazo eod`): a worker killed with SIGKILL in
// the middle of a run and restarted, and two workers sharing one run, each give exactly what one
// uninterrupted run gives (compared loan by loan — books included —, account by account,
// notification by notification), and the books check each run ends with agrees (exit 0).
import { spawn } from 'node:child_process';
import { Dec } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { insertPortfolio, planPortfolio, type LoanPlan } from '../bench/eod-portfolio.ts';
import { publishPortfolioProducts } from './eod-support.ts';
import { RUNTIME_DIR } from './support/server-process.ts';
import { openTestDatabase, type TestDatabase } from './support/test-database.ts';

const FROM = '2025-01-06';
const DATE = '2025-03-20';
const N = 90;

async function portfolio(plans?: LoanPlan[]): Promise<{ t: TestDatabase; plans: LoanPlan[] }> {
  const t = await openTestDatabase('postgres');
  const irs = await publishPortfolioProducts(t.db);
  const versions = new Map<string, string>();
  for (const code of irs.keys()) {
    const v = await t.db.selectFrom('product_versions').innerJoin('products', 'products.id', 'product_versions.product_id').select('product_versions.id').where('products.code', '=', code).executeTakeFirstOrThrow();
    versions.set(code, v.id);
  }
  plans ??= planPortfolio(irs, { n: N, seed: 20251127, from: FROM, to: '2025-02-20', horizon: DATE });
  await insertPortfolio(t.db, plans, versions, { batch: 40, at: '2025-01-06T16:00:00.000Z' });
  return { t, plans };
}

/** Everything the end of day wrote, keyed by the loans' external refs (ids differ between databases). */
async function outcome(db: Kysely<Database>) {
  const loans = await sql`
    select l.external_ref, c.closed_on::text, c.as_of::text, c.event_seq, c.payoff_total::text, l.state->'books' as books, c.checkpoint, s.status, s.days_past_due, s.stage,
           s.total_outstanding::text, s.changed_on::text, l.last_event_seq
    from loan_summaries s join loan_checkpoints c on c.loan_id = s.loan_id join loans l on l.id = s.loan_id order by l.external_ref`.execute(db);
  const ledger = await sql`select account_code, sum(debit)::text as d, sum(credit)::text as c, count(*)::int as n from journal_lines group by 1 order by 1`.execute(db);
  const events = await sql`select l.external_ref, e.seq, e.type, e.effective_on::text from loan_events e join loans l on l.id = e.loan_id where e.type = 'day-close' order by 1, 2`.execute(db);
  const outbox = await sql`select l.external_ref, o.kind, o.template, o.body from notification_outbox o join loans l on l.id = o.loan_id order by 1, 2, 3, 4`.execute(db);
  const run = await sql`select status, loans_total, loans_done, loans_failed, chunks_total, chunks_done, events_written, entries_written, notifications_queued from eod_runs order by business_date`.execute(db);
  return { loans: loans.rows, ledger: ledger.rows, events: events.rows, outbox: outbox.rows, run: run.rows };
}

function eod(connectionString: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'eod', '--date', DATE, '--chunk-size', '5', ...args], {
    cwd: RUNTIME_DIR,
    env: { ...process.env, DATABASE_URL: connectionString, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

describe.skipIf(!process.env.DATABASE_URL)('end of day worker processes on postgres', () => {
  let reference: Awaited<ReturnType<typeof outcome>>;
  let plans: LoanPlan[];
  const opened: TestDatabase[] = [];
  beforeAll(async () => {
    const ref = await portfolio();
    opened.push(ref.t);
    plans = ref.plans;
    await runEndOfDay(ref.t.db, { through: DATE, chunkSize: 5 });
    reference = await outcome(ref.t.db);
    expect(reference.loans.length).toBeGreaterThan(50);
    expect(reference.outbox.length).toBeGreaterThan(0);
  }, 300_000);
  afterAll(async () => {
    for (const t of opened) await t.destroy();
  });

  it('a worker killed with SIGKILL mid-run, restarted, completes the day: the same result as one uninterrupted run', async () => {
    const { t } = await portfolio(plans);
    opened.push(t);
    const first = eod(t.connectionString!, ['--chunk-delay-ms', '150']);
    for (let i = 0; i < 400; i++) {
      const done = await sql<{ n: number }>`select count(*)::int as n from eod_chunks where status = 'done'`.execute(t.db).catch(() => ({ rows: [{ n: 0 }] }));
      if (done.rows[0]!.n >= 3) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe(null);
    const partial = await sql<{ pending: number; done: number }>`select count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'done')::int as done from eod_chunks`.execute(t.db);
    expect(partial.rows[0]!.done).toBeGreaterThanOrEqual(3);
    expect(partial.rows[0]!.pending).toBeGreaterThan(0);
    const second = eod(t.connectionString!, ['--quiet']);
    expect(await second.exited, second.output()).toBe(0);
    expect(await outcome(t.db)).toEqual(reference);
    // And again: nothing changes.
    const third = eod(t.connectionString!, []);
    expect(await third.exited).toBe(0);
    expect(third.output()).toContain('already closed');
    // …and the books check it ends with agrees.
    expect(third.output()).toMatch(/books: \d+ loans, the ledger's loan accounts equal the loans' books/);
    expect(await outcome(t.db)).toEqual(reference);
  }, 300_000);

  it('two worker processes share one run and give the same result as one', async () => {
    const { t } = await portfolio(plans);
    opened.push(t);
    const a = eod(t.connectionString!, ['--worker', 'a', '--chunk-delay-ms', '40']);
    const b = eod(t.connectionString!, ['--worker', 'b', '--chunk-delay-ms', '40']);
    expect(await a.exited, a.output()).toBe(0);
    expect(await b.exited, b.output()).toBe(0);
    const workers = await sql<{ worker: string; n: number }>`select worker, count(*)::int as n from eod_chunks group by 1 order by 1`.execute(t.db);
    expect(workers.rows.map((w) => w.worker)).toEqual(['a', 'b']);
    expect(await outcome(t.db)).toEqual(reference);
  }, 300_000);

  it('the books check reports a loan whose stored books differ from the ledger and exits 1', async () => {
    const { t } = await portfolio(plans);
    opened.push(t);
    const first = eod(t.connectionString!, ['--quiet']);
    expect(await first.exited, first.output()).toBe(0);
    // A loan's stored books moved by hand (1 cent from its interest receivable to its cash): the ledger did not move.
    const loan = await sql<{ id: string; p: Record<string, string> }>`
      select id, state->'books'->'position' as p from loans where state->'books'->'position' ? '1110' order by id limit 1`.execute(t.db);
    const { id, p } = loan.rows[0]!;
    const moved = { ...p, '1110': new Dec(p['1110']!).plus('0.01').toFixed(2) };
    await sql`update loans set state = jsonb_set(state, '{books,position}', ${JSON.stringify(moved)}::jsonb) where id = ${id}`.execute(t.db);
    const check = eod(t.connectionString!, ['--json']);
    expect(await check.exited).toBe(1);
    const result = JSON.parse(check.output());
    expect(result.books.ok).toBe(false);
    expect(result.books.ledgerDifferences).toEqual([expect.objectContaining({ account: '1110' })]);
    expect(result.books.loanDifferences).toEqual([{ loanId: id, account: 'Σ', books: '0.01', state: '0' }]);
  }, 300_000);
});
