// Migration 2026-11-28-20 splits migration 04's `loan_servicing` table into loan_checkpoints and
// loan_summaries behind a view of the old name: rows written the old way (one of them by a run
// that was behind the loan's events: its checkpoint older than its date) move over intact, the
// next end of day goes on from them and equals the engine, and `down` gives the old table back
// with every checkpoint at its date again.
import { addDays, compactCheckpoint, Dec, loanState, loanSummary, type LoanEvent, type LoanTerms } from '@plazo/engine';
import { Migrator, sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownMigrations } from '../src/db/migrator.ts';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { restoreCheckpoint } from '../src/eod/stored-checkpoint.ts';
import { irOf } from '../src/products/product-versions.ts';
import { insertPortfolio, planPortfolio } from '../bench/eod-portfolio.ts';
import { expectMatchesEngine, publishPortfolioProducts } from './eod-support.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from './support/test-database.ts';

const SPLIT = '2026-11-28-20-eod-checkpoints';
/** The first migration after SPLIT that changes a table it made (loan_checkpoints): it runs after SPLIT. */
const BOOKS = '2026-12-10-20-books';
const DATE = '2025-03-20';

/**
 * Every migration before BOOKS but SPLIT first, then SPLIT and the rest: the ones between (users,
 * audit, products) touch no table it moves, and the code that writes the old-style portfolio needs
 * their columns. Kysely runs them out of name order only when told (`allowUnorderedMigrations`).
 */
async function migrateIncluding(name: (n: string) => boolean, db: TestDatabase['db']): Promise<void> {
  const chosen = await migrations(name);
  const { error } = await new Migrator({ db, allowUnorderedMigrations: true, provider: { getMigrations: async () => chosen } }).migrateToLatest();
  if (error) throw error;
}

async function migrations(upTo: (name: string) => boolean): Promise<Record<string, Migration>> {
  const out: Record<string, Migration> = {};
  for (const name of knownMigrations().filter(upTo)) out[name] = (await import(`../src/db/migrations/${name}.ts`)) as Migration;
  return out;
}

describe.each(DATABASE_KINDS)('end-of-day storage migration on %s', (kind) => {
  let t: TestDatabase;
  const old = new Map<string, Record<string, unknown>>();
  beforeAll(async () => {
    t = await openTestDatabase(kind, false);
    await migrateIncluding((n) => n !== SPLIT && n < BOOKS, t.db);
    const irs = await publishPortfolioProducts(t.db);
    const versions = new Map<string, string>();
    for (const code of irs.keys()) {
      const v = await t.db.selectFrom('product_versions').innerJoin('products', 'products.id', 'product_versions.product_id').select('product_versions.id').where('products.code', '=', code).executeTakeFirstOrThrow();
      versions.set(code, v.id);
    }
    const plans = planPortfolio(irs, { n: 12, seed: 5, from: '2025-01-06', to: '2025-02-10', horizon: DATE, mix: { 'on-time': 0.4, late: 0.4, defaulted: 0.2 } });
    const ids = await insertPortfolio(t.db, plans, versions, { batch: 12, at: '2025-01-06T16:00:00.000Z' });
    // The old end of day's rows and events, as it wrote them on DATE: a day-close event, the engine's figures, checkpoint and
    // penalty position. One loan's run was behind: a payment dated the day after DATE was booked before the close, so DATE got
    // its figures but no close event, and its checkpoint stayed at the close of the day before.
    let behind: string | null = null;
    for (const [k, id] of ids.entries()) {
      if (k === ids.length - 1) continue; // never closed: its first close comes after the migration
      const loan = await t.db.selectFrom('loans').select(['product_version_id', 'terms', 'principal', 'disbursed_on', 'product_code', 'last_event_seq']).where('id', '=', id).executeTakeFirstOrThrow();
      const ir = await irOf(t.db, loan.product_version_id);
      const terms = loan.terms as unknown as LoanTerms;
      const events = (await sql<{ payload: LoanEvent }>`select payload from loan_events where loan_id = ${id} order by seq`.execute(t.db)).rows.map((r) => r.payload);
      // ... on a loan still open on DATE (a payment to a loan paid off is refused as above the payoff).
      const isBehind = behind === null && events.every((e) => e.kind === 'disbursement' || e.date < DATE) && loanSummary(loanState(ir, terms, events, DATE)).status === 'active';
      if (isBehind) behind = id;
      const closedOn = isBehind ? addDays(DATE, -1) : DATE;
      const appended: LoanEvent[] = [{ kind: 'day-close', date: closedOn }, ...(isBehind ? [{ kind: 'payment', id: 'late-booked', date: addDays(DATE, 1), amount: '100.00' } as LoanEvent] : [])];
      for (const [j, e] of appended.entries()) {
        await sql`insert into loan_events (loan_id, seq, type, effective_on, payload, created_at, created_by)
                  values (${id}, ${loan.last_event_seq + 1 + j}, ${e.kind}, ${e.date}, ${JSON.stringify(e)}, now(), 'system')`.execute(t.db);
      }
      await sql`update loans set last_event_seq = ${loan.last_event_seq + appended.length}, state = jsonb_set(state, '{lastEventDate}', to_jsonb(${appended.at(-1)!.date}::text)) where id = ${id}`.execute(t.db);
      const folded = [...events, appended[0]!];
      const state = loanState(ir, terms, [...folded, ...appended.slice(1)], DATE);
      const s = loanSummary(state);
      const pick = (x: { lateFees: string; lateFeesIva: string; moratorium: string; moratoriumIva: string }) => ({ lateFees: x.lateFees, lateFeesIva: x.lateFeesIva, moratorium: x.moratorium, moratoriumIva: x.moratoriumIva });
      const foldedState = loanState(ir, terms, folded, closedOn);
      const accrued = { charged: pick(foldedState.penaltiesCharged), collected: pick(foldedState.paid), recognized: pick(foldedState.penaltiesCharged), reclassified: pick(foldedState.paid) };
      const row = {
        loan_id: id, product_code: loan.product_code, product_version_id: loan.product_version_id, as_of: DATE, event_seq: folded.length, status: s.status,
        days_past_due: s.daysPastDue, aging_bucket: s.agingBucket, stage: s.stage, collection_queue: null, accrual_stopped: s.accrualStopped,
        principal: loan.principal, disbursed_on: loan.disbursed_on, origination_month: `${loan.disbursed_on!.slice(0, 7)}-01`,
        principal_outstanding: s.outstanding.principal, interest_outstanding: s.outstanding.interest, fees_outstanding: s.outstanding.fees,
        penalties_outstanding: s.outstanding.penalties, iva_outstanding: s.outstanding.iva, total_outstanding: s.outstanding.total, overdue_total: s.overdue,
        received_total: folded.reduce((a, e) => (e.kind === 'payment' ? a.plus(e.amount) : a), new Dec(0)).toFixed(2), payoff_total: s.payoff,
        credit_balance: s.creditBalance, next_due_date: s.nextDue?.date ?? null, next_due_amount: s.nextDue?.amount ?? null,
        max_days_past_due: s.daysPastDue, accrued: JSON.stringify(accrued), checkpoint: JSON.stringify(compactCheckpoint(ir, terms, folded, closedOn)),
        updated_at: '2025-03-21T06:00:00.000Z', created_at: '2025-03-21T06:00:00.000Z', created_by: 'system',
      };
      await sql`insert into loan_servicing ${sql.raw(`(${Object.keys(row).join(', ')})`)} values (${sql.join(Object.values(row))})`.execute(t.db);
      old.set(id, row);
    }
    expect(behind).not.toBeNull();
    await migrateIncluding(() => true, t.db);
  }, 300_000);
  afterAll(async () => t?.destroy());

  it('moves every row: checkpoints and penalty positions intact, figures in the summaries, the old columns through the view', async () => {
    const checkpoints = await sql<Record<string, any>>`select loan_id, closed_on::text, as_of::text, event_seq, payoff_total::text, received_total::text, accrued, checkpoint from loan_checkpoints`.execute(t.db);
    expect(checkpoints.rows).toHaveLength(old.size);
    for (const c of checkpoints.rows) {
      const row = old.get(c.loan_id)!;
      expect(c).toMatchObject({ closed_on: DATE, as_of: JSON.parse(row.checkpoint as string).asOf, event_seq: row.event_seq, checkpoint: row.checkpoint });
      expect(JSON.parse(c.accrued)).toEqual(JSON.parse(row.accrued as string));
    }
    expect(checkpoints.rows.filter((c) => c.as_of !== DATE)).toHaveLength(1);
    const view = await sql<Record<string, any>>`select *, as_of::text, disbursed_on::text, origination_month::text, next_due_date::text from loan_servicing`.execute(t.db);
    for (const v of view.rows) {
      const { accrued: _a, checkpoint: _c, created_at: _t, created_by: _b, ...columns } = old.get(v.loan_id)!;
      for (const [key, value] of Object.entries(columns)) expect(String(v[key]), key).toBe(String(value));
    }
  });

  it('the next end of day goes on from them and equals the engine', async () => {
    const next = addDays(DATE, 1);
    const [report] = await runEndOfDay(t.db, { through: next, chunkSize: 5 });
    expect(report).toMatchObject({ date: next, status: 'done', loansFailed: 0 });
    expect(await expectMatchesEngine(t, next)).toBe(old.size + 1);
  });

  it('down gives the old table back, each checkpoint at its date', async () => {
    const all = await migrations(() => true);
    const migrator = new Migrator({ db: t.db, allowUnorderedMigrations: true, provider: { getMigrations: async () => all } });
    const quiet = await sql<{ n: number }>`select count(*)::int as n from loan_checkpoints where checkpoint::json->>'asOf' < as_of::text`.execute(t.db);
    const stored = await sql<{ loan_id: string; as_of: string; checkpoint: string }>`select loan_id, as_of::text, checkpoint from loan_checkpoints`.execute(t.db);
    // Down, last run first, until SPLIT is undone: the ones run after it (BOOKS and later) go first.
    const undone: string[] = [];
    while (!undone.includes(SPLIT)) {
      const { error, results } = await migrator.migrateDown();
      expect(error).toBeUndefined();
      undone.push(...(results ?? []).map((r) => r.migrationName));
    }
    expect(undone.at(-1)).toBe(SPLIT);
    expect(undone.slice(0, -1).every((n) => n >= BOOKS)).toBe(true);
    const back = new Map((await sql<{ loan_id: string; as_of: string; checkpoint: string }>`select loan_id, as_of::text, checkpoint from loan_servicing`.execute(t.db)).rows.map((r) => [r.loan_id, r]));
    expect(back.size).toBe(stored.rows.length);
    expect(quiet.rows[0]!.n).toBeGreaterThan(0);
    for (const s of stored.rows) expect(JSON.parse(back.get(s.loan_id)!.checkpoint)).toEqual(restoreCheckpoint(s.checkpoint, s.as_of));
    await migrateIncluding(() => true, t.db);
    expect((await sql<{ n: number }>`select count(*)::int as n from loan_checkpoints`.execute(t.db)).rows[0]!.n).toBe(stored.rows.length);
  });
});
