// The end of day as a batch shared by workers: one `eod_runs` row per business date, its loans
// split into `eod_chunks` by id range; each worker claims a pending chunk with
// `FOR UPDATE SKIP LOCKED` and processes it in that same transaction (read the chunk's loans,
// books, checkpoints and new events in a few queries, compute in Node, write events, books,
// summaries, the chunk's journal entry, outbox rows and the chunk's status in a few batched
// statements; then the write-off of each loan the product's collection policy writes off on the
// date, appended as the write-off route appends it). On a month's last day the close also
// computes every loan's reserve under its product's `reserves` policy. A worker that
// dies leaves its chunk's transaction uncommitted: the chunk is pending again, nothing half-written.
// A loan already closed for the date is skipped, so re-running a date changes nothing. Dates run
// in order: a run for D first completes every date since the last completed one (catch-up). The
// worker that marks a date done records the vintage points on a month end (same transaction) and
// folds the day's cash-flow changes (src/reports/).
import { addDays } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { hostname } from 'node:os';
import { appendAudit } from '../audit/audit.repository.ts';
import type { BoundRows } from '../audit/row-binding.ts';
import type { Database, Executor } from '../db/database.ts';
import { loadTemplates, type TemplateRegistry } from '../notifications/templates.ts';
import { compactCashFlowChanges } from '../reports/open-installments.ts';
import { isMonthEnd, recordVintagePoints } from '../reports/vintage-curves.ts';
import { closesOn, readChunk } from './chunk-read.ts';
import { writeChunk } from './chunk-write.ts';
import { closeLoanDay, type CloseBooks, type LoanCloseResult } from './day-close.ts';
import { booksSettings } from '../ledger/books-settings.ts';
import { writeOffRequest } from '../servicing/loan-event-requests.ts';
import { appendLoanEventInTransaction } from '../servicing/loan-servicing.ts';
import { eodTimings, noteBackend, startStep, timed, timedSync } from './eod-timings.ts';

export const DEFAULT_CHUNK_SIZE = 2000;

export interface EodProgress {
  readonly date: string;
  readonly loansDone: number;
  readonly loansTotal: number;
  readonly chunksDone: number;
  readonly chunksTotal: number;
  /** Loans per second processed by this worker on this date. */
  readonly rate: number;
  /** Seconds left at this worker's rate (all workers' progress counted), or null. */
  readonly etaSeconds: number | null;
}

export interface EodOptions {
  /** The last business date to close (earlier unclosed dates are closed first). */
  readonly through: string;
  readonly chunkSize?: number;
  /** Names this worker in eod_chunks (default host:pid). */
  readonly worker?: string;
  readonly actor?: string;
  readonly now?: () => Date;
  readonly onProgress?: (p: EodProgress) => void;
  /** Test and demo hook: wait this long inside each chunk's transaction before committing. */
  readonly chunkDelayMs?: number;
  /** Test hook: throw inside the transaction of this chunk (1-based count of this worker's chunks). */
  readonly failInChunk?: number;
  /** How often a worker with nothing to claim checks whether the others finished (ms). */
  readonly pollMs?: number;
}

export interface EodDateReport {
  readonly date: string;
  readonly status: 'done' | 'running';
  readonly loansTotal: number;
  readonly loansDone: number;
  readonly loansFailed: number;
  readonly chunksByThisWorker: number;
  readonly loansByThisWorker: number;
  readonly seconds: number;
}

export class EodInjectedFailure extends Error {
  constructor() {
    super('injected failure inside a chunk (test hook)');
    this.name = 'EodInjectedFailure';
  }
}

/** Dates to run for `through`: from the day after the last completed run (or the oldest unfinished run) to `through`. */
export async function datesToRun(db: Executor, through: string): Promise<string[]> {
  const row = await sql<{ last_done: string | null; first_running: string | null }>`
    select (select max(business_date)::text from eod_runs where status = 'done') as last_done,
           (select min(business_date)::text from eod_runs where status = 'running') as first_running
  `.execute(db);
  const { last_done, first_running } = row.rows[0]!;
  let start = first_running ?? (last_done === null ? through : addDays(last_done, 1));
  if (last_done !== null && first_running === null && start > through) return [];
  if (start > through) start = through;
  const dates: string[] = [];
  for (let d = start; d <= through; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** Creates the run and its chunks for `date` unless another worker did. */
async function ensureRun(db: Kysely<Database>, date: string, chunkSize: number, actor: string, at: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const inserted = await sql<{ business_date: string }>`
      insert into eod_runs (business_date, status, chunk_size, chunks_total, loans_total, started_at, created_at, created_by)
      values (${date}, 'running', ${chunkSize}, 0, 0, ${at}, ${at}, ${actor})
      on conflict (business_date) do nothing returning business_date
    `.execute(tx);
    if (inserted.rows.length === 0) return;
    const bounds = await sql<{ id: string; rn: number; total: number }>`
      select id, rn, total from (
        select l.id, (row_number() over (order by l.id) - 1)::int as rn, (count(*) over ())::int as total
        from loans l left join loan_checkpoints c on c.loan_id = l.id
        where ${closesOn(date)}
      ) t where rn % ${chunkSize} = 0 order by id
    `.execute(tx);
    const firsts = bounds.rows.map((r) => r.id);
    const total = bounds.rows[0]?.total ?? 0;
    if (firsts.length > 0) {
      const nos = firsts.map((_, i) => i + 1);
      const nexts = firsts.map((_, i) => firsts[i + 1] ?? null);
      const planned = firsts.map((_, i) => Math.min(chunkSize, total - i * chunkSize));
      await sql`
        insert into eod_chunks (business_date, chunk_no, first_loan_id, next_loan_id, loans_planned, status)
        select ${date}::date, t.no, t.first, t.next, t.planned, 'pending'
        from unnest(${nos}::int[], ${firsts}::uuid[], ${nexts}::uuid[], ${planned}::int[]) as t(no, first, next, planned)
      `.execute(tx);
    }
    await sql`update eod_runs set chunks_total = ${firsts.length}, loans_total = ${total} where business_date = ${date}`.execute(tx);
  });
}

interface ChunkOutcome {
  readonly loans: number;
  readonly failed: number;
  readonly events: number;
  readonly entries: number;
  readonly notifications: number;
  readonly errors: { loanId: string; message: string }[];
  /** The hashes of the rows the chunk wrote (its audit entry binds them). */
  readonly bound: BoundRows;
}

/** Processes one chunk's loans inside `tx` (the chunk's claiming transaction): read, compute in Node, write, write off. */
async function processChunk(
  tx: Executor,
  date: string,
  chunk: { first: string; next: string | null },
  templates: TemplateRegistry,
  how: CloseBooks,
  ctx: { actor: string; at: string },
): Promise<ChunkOutcome> {
  await noteBackend(tx);
  const read = await timed('read', () => readChunk(tx, date, chunk));
  const results: LoanCloseResult[] = [];
  const errors: { loanId: string; message: string }[] = [];
  // The engine's fold, then the books (on a month end with the reserves: `reserves` instead of `books`).
  const booksStep = how.reserveDate ? 'reserves' : 'books';
  const booksBefore = eodTimings.steps[booksStep] ?? 0;
  timedSync('engine', () => {
    for (const input of read.inputs) {
      try {
        const result = closeLoanDay(input, date, how);
        if (result !== null) results.push(result);
      } catch (error) {
        errors.push({ loanId: input.id, message: (error as Error).message.slice(0, 500) });
      }
    }
  });
  // closeLoanDay timed its books under `booksStep`: the engine step keeps only the fold.
  eodTimings.steps['engine']! -= (eodTimings.steps[booksStep] ?? 0) - booksBefore;
  const inputs = new Map(read.inputs.map((i) => [i.id, i]));
  const written = await writeChunk(tx, date, chunk, results, { inputs, summaries: read.summaries, hasCheckpoint: read.hasCheckpoint }, templates, ctx);
  eodTimings.checkpointsRewritten += written.checkpointsRewritten;
  eodTimings.summariesRewritten += written.summariesRewritten;
  const writtenOff = await timed('write-offs', () => writeOffs(tx, date, results, errors, ctx));
  return {
    loans: results.length,
    failed: errors.length,
    events: written.events + writtenOff,
    entries: written.entries + writtenOff,
    notifications: written.notifications,
    errors,
    bound: written.bound,
  };
}

/**
 * The product's `write off` collection action, carried out: a write-off event for each loan the
 * close found due, appended in the chunk's transaction as the write-off route appends it (its own
 * journal entry — charged against the loan's reserve first — and audit entry), once: the loan is
 * then no longer active, and the idempotency key names the date. A loan the append refuses is
 * reported among the chunk's errors (its savepoint undone) and the chunk goes on.
 */
async function writeOffs(tx: Executor, date: string, results: readonly LoanCloseResult[], errors: { loanId: string; message: string }[], ctx: { actor: string; at: string }): Promise<number> {
  let done = 0;
  for (const r of results) {
    if (!r.writeOff) continue;
    const reason = `política de cobranza: castigo a ${r.summary.daysPastDue} días de atraso (etapa ${r.summary.stage ?? '—'})`;
    await sql`savepoint eod_write_off`.execute(tx);
    try {
      await appendLoanEventInTransaction(tx, r.id, writeOffRequest({ date, reason }, `eod-write-off:${date}`), { actor: ctx.actor, at: ctx.at, requestId: null, today: date });
      await sql`release savepoint eod_write_off`.execute(tx);
      done++;
    } catch (error) {
      await sql`rollback to savepoint eod_write_off`.execute(tx);
      errors.push({ loanId: r.id, message: `write-off: ${(error as Error).message}`.slice(0, 500) });
    }
  }
  return done;
}

/** Marks the chunk done, adds its counts to the run, appends the chunk's audit entry; returns the run's progress. */
async function recordChunk(tx: Executor, date: string, chunkNo: number, result: ChunkOutcome, ctx: { worker: string; actor: string; at: string; finished: string }) {
  const errors = JSON.stringify(result.errors.slice(0, 20));
  await sql`
    update eod_chunks set status = 'done', worker = ${ctx.worker}, loans_done = ${result.loans}, loans_failed = ${result.failed},
      errors = ${errors}::jsonb, started_at = ${ctx.at}::timestamptz, finished_at = ${ctx.finished}::timestamptz
    where business_date = ${date} and chunk_no = ${chunkNo}
  `.execute(tx);
  const run = await sql<{ loans_done: number; loans_total: number; chunks_done: number; chunks_total: number }>`
    update eod_runs set chunks_done = chunks_done + 1, loans_done = loans_done + ${result.loans}, loans_failed = loans_failed + ${result.failed},
      events_written = events_written + ${result.events}, entries_written = entries_written + ${result.entries},
      notifications_queued = notifications_queued + ${result.notifications},
      errors = case when jsonb_array_length(errors) < 100 then errors || ${errors}::jsonb else errors end
    where business_date = ${date}
    returning loans_done, loans_total, chunks_done, chunks_total
  `.execute(tx);
  // One audit entry per chunk (a million loans would otherwise queue a million appends on the chain head).
  const counts = { date, chunk: chunkNo, loans: result.loans, failed: result.failed, events: result.events, entries: result.entries };
  await appendAudit(tx, {
    actor: ctx.actor,
    action: 'eod-chunk',
    entityType: 'eod-run',
    entityId: date,
    before: null,
    after: counts,
    details: { ...counts, worker: ctx.worker, notifications: result.notifications },
    at: ctx.at,
    bound: result.bound,
  });
  return run.rows[0]!;
}

/** Claims and processes chunks of `date` until none is left to claim; returns what this worker did. */
async function workDate(db: Kysely<Database>, date: string, options: EodOptions, worker: string, actor: string, now: () => Date, counter: { chunks: number }) {
  const templates = await loadTemplates(db);
  const how: CloseBooks = { settings: await booksSettings(db), reserveDate: isMonthEnd(date) };
  const started = Date.now();
  let loansByMe = 0;
  let chunksByMe = 0;
  for (;;) {
    const at = now().toISOString();
    const pending: { commit?: () => void } = {};
    const outcome = await db.transaction().execute(async (tx) => {
      const claimed = await sql<{ chunk_no: number; first_loan_id: string; next_loan_id: string | null }>`
        select chunk_no, first_loan_id, next_loan_id from eod_chunks
        where business_date = ${date} and status = 'pending'
        order by chunk_no limit 1 for update skip locked
      `.execute(tx);
      const chunk = claimed.rows[0];
      if (!chunk) return null;
      counter.chunks++;
      const result = await processChunk(tx, date, { first: chunk.first_loan_id, next: chunk.next_loan_id }, templates, how, { actor, at });
      if (options.chunkDelayMs) await new Promise((r) => setTimeout(r, options.chunkDelayMs));
      if (options.failInChunk !== undefined && counter.chunks === options.failInChunk) throw new EodInjectedFailure();
      const run = await timed('bookkeeping', () => recordChunk(tx, date, chunk.chunk_no, result, { worker, actor, at, finished: now().toISOString() }));
      pending.commit = startStep('commit');
      return { result, run };
    });
    pending.commit?.();
    if (outcome === null) break;
    chunksByMe++;
    loansByMe += outcome.result.loans;
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? loansByMe / seconds : 0;
    const left = outcome.run.loans_total - outcome.run.loans_done;
    options.onProgress?.({
      date,
      loansDone: outcome.run.loans_done,
      loansTotal: outcome.run.loans_total,
      chunksDone: outcome.run.chunks_done,
      chunksTotal: outcome.run.chunks_total,
      rate,
      etaSeconds: rate > 0 ? Math.max(0, left) / rate : null,
    });
  }
  return { chunksByMe, loansByMe, seconds: (Date.now() - started) / 1000 };
}

/**
 * Marks the run done when no chunk is pending (any worker may; only the first does). The worker
 * that marks it, on a month end, records the month's vintage points in that same transaction —
 * exactly once, before any worker closes the next date (they wait for `done`) — and then folds
 * the day's cash-flow changes.
 */
async function finishRun(db: Kysely<Database>, date: string, ctx: { actor: string; at: string }): Promise<boolean> {
  const marked = await db.transaction().execute(async (tx) => {
    const res = await sql<{ status: string }>`
      update eod_runs set status = 'done', finished_at = ${ctx.at}::timestamptz
      where business_date = ${date} and status = 'running'
        and not exists (select 1 from eod_chunks where business_date = ${date} and status = 'pending')
      returning status
    `.execute(tx);
    if (res.rows.length === 0) return false;
    if (isMonthEnd(date)) await recordVintagePoints(tx, date, ctx);
    return true;
  });
  if (marked) {
    await compactCashFlowChanges(db);
    return true;
  }
  const row = await sql<{ status: string }>`select status from eod_runs where business_date = ${date}`.execute(db);
  return row.rows[0]?.status === 'done';
}

/**
 * Closes every business date up to `options.through` not closed yet, in order, as one worker of
 * possibly several (processes or machines on one database). Returns per date what this worker
 * did and how the run stands.
 * @example
 * await runEndOfDay(db, { through: '2025-02-01', onProgress: (p) => console.log(p.loansDone) });
 */
export async function runEndOfDay(db: Kysely<Database>, options: EodOptions): Promise<EodDateReport[]> {
  const now = options.now ?? (() => new Date());
  const worker = options.worker ?? `${hostname()}:${process.pid}`;
  const actor = options.actor ?? 'system';
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const reports: EodDateReport[] = [];
  const counter = { chunks: 0 };
  for (const date of await datesToRun(db, options.through)) {
    await ensureRun(db, date, chunkSize, actor, now().toISOString());
    const mine = await workDate(db, date, options, worker, actor, now, counter);
    // Others may still hold chunks of this date: the next date waits for them.
    while (!(await finishRun(db, date, { actor, at: now().toISOString() }))) {
      await new Promise((r) => setTimeout(r, options.pollMs ?? 200));
      const again = await workDate(db, date, options, worker, actor, now, counter);
      mine.chunksByMe += again.chunksByMe;
      mine.loansByMe += again.loansByMe;
    }
    const run = await sql<{ loans_total: number; loans_done: number; loans_failed: number; status: 'done' | 'running' }>`
      select loans_total, loans_done, loans_failed, status from eod_runs where business_date = ${date}
    `.execute(db);
    const r = run.rows[0]!;
    reports.push({ date, status: r.status, loansTotal: r.loans_total, loansDone: r.loans_done, loansFailed: r.loans_failed, chunksByThisWorker: mine.chunksByMe, loansByThisWorker: mine.loansByMe, seconds: mine.seconds });
  }
  return reports;
}
