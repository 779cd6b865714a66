// Accounting periods: calendar months (`YYYY-MM`), open until closed. Months close in order —
// never while an earlier month with activity is open —, only once the day close has run through
// the month's last day, with no manual entry of the month still pending, and once. The close
// locks `journal_entries` against inserts (reads go on) while it checks and commits, so a
// posting in flight lands before it or sees it; from then on the database refuses any entry
// dated inside the month (migration 2026-12-10-30), and late events post on the first open day
// (posting-date.ts). The close is audited with a fingerprint of the balances it froze.
import { addDays } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { hashOf } from '../audit/canonical-json.ts';
import type { Database, Executor } from '../db/database.ts';
import type { ActorRef } from '../db/tables/columns.ts';
import { ConflictError } from '../errors.ts';
import { actorNames, displayOf, type ActorDisplay } from '../products/actor-names.ts';
import type { WriteContext } from '../products/product-catalog.ts';

/** The month of a date: `2025-01-31` → `2025-01`. */
export function periodOf(date: string): string {
  return date.slice(0, 7);
}

/** The month after: `2025-12` → `2026-01`. */
export function nextPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  return month === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${period.slice(0, 4)}-${String(month + 1).padStart(2, '0')}`;
}

/** The month's last day: `2024-02` → `2024-02-29`. */
export function lastDayOf(period: string): string {
  return addDays(`${nextPeriod(period)}-01`, -1);
}

export interface PeriodJson {
  readonly period: string;
  readonly status: 'open' | 'closed';
  readonly closedAt: string | null;
  readonly closedBy: ActorRef | null;
  readonly closedByDisplay: ActorDisplay | null;
}

/**
 * Every month from the first with activity (a journal entry, a day close, a closed month) to
 * today's, oldest first, each open or closed.
 */
export async function listPeriods(db: Executor, today: string): Promise<PeriodJson[]> {
  const closed = await db.selectFrom('accounting_periods').selectAll().orderBy('period').execute();
  const { rows } = await sql<{ first: string | null }>`
    select least((select min(entry_date) from journal_entries), (select min(business_date) from eod_runs))::text as first
  `.execute(db);
  const starts = [rows[0]?.first ? periodOf(rows[0].first) : null, closed[0]?.period ?? null, periodOf(today)].filter((p): p is string => p !== null);
  const first = starts.reduce((a, b) => (a < b ? a : b));
  const last = [periodOf(today), closed.at(-1)?.period ?? ''].reduce((a, b) => (a > b ? a : b));
  const byPeriod = new Map(closed.map((p) => [p.period, p]));
  const names = await actorNames(db, closed.map((p) => p.closed_by));
  const out: PeriodJson[] = [];
  for (let p = first; p <= last; p = nextPeriod(p)) {
    const row = byPeriod.get(p);
    out.push(
      row && row.status === 'closed'
        ? { period: p, status: 'closed', closedAt: row.closed_at, closedBy: row.closed_by, closedByDisplay: row.closed_by === null ? null : displayOf(names, row.closed_by) }
        : { period: p, status: 'open', closedAt: null, closedBy: null, closedByDisplay: null },
    );
  }
  return out;
}

interface CloseFacts {
  readonly last_closed: string | null;
  readonly this_closed: boolean;
  readonly first_activity: string | null;
  readonly last_day_closed: string | null;
  readonly running_through: string | null;
  readonly pending_manual: string[] | null;
}

/**
 * Closes `period`. Refused (409) when: it is closed (`period-already-closed`); an earlier month
 * is open (`earlier-period-open`: the month after the last closed one, or while none is, the
 * first month with activity); the day close has not run through its last day
 * (`day-close-pending`); a manual entry dated in it or before is pending (`manual-entries-pending`).
 */
export async function closePeriod(db: Kysely<Database>, period: string, ctx: WriteContext): Promise<PeriodJson> {
  const through = lastDayOf(period);
  const row = await db.transaction().execute(async (tx) => {
    // Inserts wait for the close (and the close for inserts in flight); reads go on. Two closes queue.
    await sql`lock table journal_entries in share row exclusive mode`.execute(tx);
    const { rows } = await sql<CloseFacts>`
      select
        (select max(period) from accounting_periods where status = 'closed') as last_closed,
        exists (select 1 from accounting_periods where period = ${period} and status = 'closed') as this_closed,
        least((select min(entry_date) from journal_entries), (select min(business_date) from eod_runs))::text as first_activity,
        (select max(business_date) from eod_runs where status = 'done')::text as last_day_closed,
        (select min(business_date) from eod_runs where status = 'running' and business_date <= ${through}::date)::text as running_through,
        (select json_agg(id order by entry_date, id) from manual_entries where status = 'pending' and entry_date <= ${through}::date) as pending_manual
    `.execute(tx);
    const facts = rows[0]!;
    if (facts.this_closed) throw new ConflictError('period-already-closed', `the period ${period} is already closed`, { period });
    const earliestOpen = facts.last_closed !== null ? nextPeriod(facts.last_closed) : facts.first_activity === null ? null : periodOf(facts.first_activity);
    if (earliestOpen !== null && earliestOpen < period) {
      throw new ConflictError('earlier-period-open', `close ${earliestOpen} first: months close in order`, { period, open: earliestOpen });
    }
    if (facts.last_day_closed === null || facts.last_day_closed < through || facts.running_through !== null) {
      throw new ConflictError('day-close-pending', `the day close has not run through ${through}, the last day of ${period}`, {
        period,
        through,
        lastDayClosed: facts.last_day_closed,
      });
    }
    if (facts.pending_manual && facts.pending_manual.length > 0) {
      throw new ConflictError('manual-entries-pending', `approve or reject the manual entries dated in ${period} or before first`, { period, manualEntries: facts.pending_manual });
    }
    const balances = await sql<{ currency: string; account_code: string; net: string }>`
      select e.currency, l.account_code, sum(l.debit - l.credit)::text as net
      from journal_lines l join journal_entries e on e.id = l.entry_id
      where e.entry_date <= ${through}::date
      group by e.currency, l.account_code order by e.currency, l.account_code
    `.execute(tx);
    const closed = await tx
      .insertInto('accounting_periods')
      .values({ period, status: 'closed', closed_at: ctx.at, closed_by: ctx.actor, created_at: ctx.at, created_by: ctx.actor })
      .onConflict((oc) => oc.column('period').doUpdateSet({ status: 'closed', closed_at: ctx.at, closed_by: ctx.actor }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'close',
      entityType: 'accounting-period',
      entityId: period,
      before: { period, status: 'open' },
      after: { period, status: 'closed', through },
      details: { period, through, firstOpenDay: `${nextPeriod(period)}-01`, accounts: balances.rows.length, balancesHash: hashOf(balances.rows) },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
    });
    return closed;
  });
  const names = await actorNames(db, [row.closed_by]);
  return { period, status: 'closed', closedAt: row.closed_at, closedBy: row.closed_by, closedByDisplay: row.closed_by === null ? null : displayOf(names, row.closed_by) };
}
