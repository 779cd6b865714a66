// The end of day as a batch shared by workers: one `eod_runs` row per business date, its loans
// split into `eod_chunks` by id range; each worker claims a pending chunk with
// `FOR UPDATE SKIP LOCKED` and processes it in that same transaction (read the chunk's loans,
// checkpoints and new events in three queries, compute in Node, write events, summaries,
// journal entries, outbox rows and the chunk's status in a few batched statements). A worker that
// dies leaves its chunk's transaction uncommitted: the chunk is pending again, nothing half-written.
// A loan already closed for the date is skipped, so re-running a date changes nothing. Dates run
// in order: a run for D first completes every date since the last completed one (catch-up).
import { addDays, type CompactCheckpoint, type LoanTerms, type ProductIR } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { hostname } from 'node:os';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import { uuidv7 } from '../ids.ts';
import { irOf } from '../products/product-versions.ts';
import { renderTemplate, loadTemplates, type TemplateRegistry } from '../notifications/templates.ts';
import { closeLoanDay, needsRefold, type LoanCloseInput, type LoanCloseResult, type StoredEvent } from './day-close.ts';
import type { AccruedPosition } from './penalty-accrual.ts';

export const DEFAULT_CHUNK_SIZE = 2000;

/** Milliseconds this process spent reading, computing and writing chunks (for the benchmark). */
export const eodTimings: { read: number; compute: number; write: number; detail: Record<string, number> } = { read: 0, compute: 0, write: 0, detail: {} };

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
        from loans l left join loan_servicing s on s.loan_id = l.id
        where l.disbursed_on <= ${date} and (l.status = 'active' or s.status = 'active') and (s.as_of is null or s.as_of < ${date})
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

interface LoanRowRead {
  id: string;
  product_version_id: string;
  product_code: string | null;
  terms: LoanTerms;
  status: string;
  external_ref: string | null;
  principal: string;
  disbursed_on: string;
  last_event_seq: number;
  last_event_date: string | null;
  as_of: string | null;
  event_seq: number | null;
  received_total: string | null;
  accrued: AccruedPosition | null;
  checkpoint: string | null;
  max_days_past_due: number | null;
}

interface ChunkOutcome {
  readonly loans: number;
  readonly failed: number;
  readonly events: number;
  readonly entries: number;
  readonly notifications: number;
  readonly errors: { loanId: string; message: string }[];
}

async function eventsOf(tx: Executor, ids: string[], after: number[]): Promise<Map<string, StoredEvent[]>> {
  const byLoan = new Map<string, StoredEvent[]>();
  if (ids.length === 0) return byLoan;
  const rows = await sql<{ loan_id: string; seq: number; effective_on: string; payload: StoredEvent['event'] }>`
    select e.loan_id, e.seq, e.effective_on, e.payload
    from unnest(${ids}::uuid[], ${after}::int[]) as t(id, after)
    join loan_events e on e.loan_id = t.id and e.seq > t.after
    order by e.loan_id, e.seq
  `.execute(tx);
  for (const r of rows.rows) {
    let list = byLoan.get(r.loan_id);
    if (!list) byLoan.set(r.loan_id, (list = []));
    list.push({ seq: r.seq, date: r.effective_on, event: r.payload });
  }
  return byLoan;
}

/** Processes one chunk's loans inside `tx` (the chunk's claiming transaction). */
async function processChunk(
  tx: Executor,
  date: string,
  chunk: { first: string; next: string | null },
  templates: TemplateRegistry,
  ctx: { actor: string; at: string },
): Promise<ChunkOutcome> {
  const readStart = performance.now();
  const loans = await sql<LoanRowRead>`
    select l.id, l.product_version_id, l.product_code, l.terms, l.status, l.external_ref, l.principal, l.disbursed_on,
           l.last_event_seq, l.state->>'lastEventDate' as last_event_date,
           s.as_of, s.event_seq, s.received_total, s.accrued, nullif(s.checkpoint, '') as checkpoint, s.max_days_past_due
    from loans l left join loan_servicing s on s.loan_id = l.id
    where l.id >= ${chunk.first}::uuid and (${chunk.next}::uuid is null or l.id < ${chunk.next}::uuid)
      and l.disbursed_on <= ${date} and (l.status = 'active' or s.status = 'active') and (s.as_of is null or s.as_of < ${date})
    order by l.id
    for update of l
  `.execute(tx);
  const rows = loans.rows;
  const newEvents = await eventsOf(tx, rows.map((r) => r.id), rows.map((r) => r.event_seq ?? 0));
  const irs = new Map<string, ProductIR>();
  for (const r of rows) if (!irs.has(r.product_version_id)) irs.set(r.product_version_id, await irOf(tx, r.product_version_id));

  const inputs: LoanCloseInput[] = [];
  const refold: string[] = [];
  for (const r of rows) {
    const previous =
      r.checkpoint === null
        ? null
        : { eventSeq: r.event_seq!, accrued: r.accrued!, checkpoint: JSON.parse(r.checkpoint) as CompactCheckpoint, maxDpd: r.max_days_past_due ?? 0, received: r.received_total ?? '0' };
    const events = newEvents.get(r.id) ?? [];
    if (previous !== null && (needsRefold(previous, events) || r.status !== 'active')) refold.push(r.id);
    inputs.push({
      id: r.id,
      productCode: r.product_code,
      versionId: r.product_version_id,
      ir: irs.get(r.product_version_id)!,
      terms: r.terms,
      loanStatus: r.status,
      externalRef: r.external_ref,
      principal: r.principal,
      disbursedOn: r.disbursed_on,
      lastEventSeq: r.last_event_seq,
      lastEventDate: r.last_event_date,
      previous,
      newEvents: events,
    });
  }
  if (refold.length > 0) {
    const all = await eventsOf(tx, refold, refold.map(() => 0));
    for (let i = 0; i < inputs.length; i++) {
      if (!refold.includes(inputs[i]!.id)) continue;
      inputs[i] = { ...inputs[i]!, allEvents: all.get(inputs[i]!.id) ?? [] };
    }
  }

  const results: LoanCloseResult[] = [];
  const errors: { loanId: string; message: string }[] = [];
  const computeStart = performance.now();
  eodTimings.read += computeStart - readStart;
  for (const input of inputs) {
    try {
      const result = closeLoanDay(input, date);
      if (result !== null) results.push(result);
    } catch (error) {
      errors.push({ loanId: input.id, message: (error as Error).message.slice(0, 500) });
    }
  }
  const byId = new Map(inputs.map((i) => [i.id, i]));
  const writeStart = performance.now();
  eodTimings.compute += writeStart - computeStart;

  // Day-close events and the loans' sequence / last event date.
  const closes = results.filter((r) => r.closeEvent !== null);
  if (closes.length > 0) {
    const t_events = performance.now();
    await sql`
      insert into loan_events (loan_id, seq, type, effective_on, payload, created_at, created_by)
      select t.id, t.seq, 'day-close', ${date}::date, t.payload::jsonb, ${ctx.at}::timestamptz, ${ctx.actor}
      from unnest(${closes.map((r) => r.id)}::uuid[], ${closes.map((r) => r.closeEvent!.seq)}::int[], ${closes.map((r) => JSON.stringify(r.closeEvent!.event))}::text[]) as t(id, seq, payload)
    `.execute(tx);
    eodTimings.detail['events'] = (eodTimings.detail['events'] ?? 0) + performance.now() - t_events;
    const t_loans = performance.now();
    await sql`
      update loans l set last_event_seq = t.seq, state = jsonb_set(l.state, '{lastEventDate}', to_jsonb(${date}::text)), updated_at = ${ctx.at}, updated_by = ${ctx.actor}
      from unnest(${closes.map((r) => r.id)}::uuid[], ${closes.map((r) => r.closeEvent!.seq)}::int[]) as t(id, seq)
      where l.id = t.id
    `.execute(tx);
    eodTimings.detail['loans'] = (eodTimings.detail['loans'] ?? 0) + performance.now() - t_loans;
  }

  // The state summary of every loan closed, with its checkpoint when it moved: new rows inserted,
  // existing ones updated in place (an UPDATE … FROM unnest, cheaper than an upsert, and HOT when
  // no indexed column changed — the table keeps free space per page for that).
  const t_servicing = performance.now();
  const fresh = results.filter((r) => byId.get(r.id)!.previous === null);
  const known = results.filter((r) => byId.get(r.id)!.previous !== null);
  if (fresh.length > 0) {
    const col = <T>(f: (r: LoanCloseResult) => T) => fresh.map(f);
    const s = (r: LoanCloseResult) => r.summary;
    const input = (r: LoanCloseResult) => byId.get(r.id)!;
    await sql`
      insert into loan_servicing (
        loan_id, product_code, product_version_id, as_of, event_seq, status, days_past_due, aging_bucket, stage, collection_queue, accrual_stopped,
        principal, disbursed_on, origination_month, principal_outstanding, interest_outstanding, fees_outstanding, penalties_outstanding, iva_outstanding,
        total_outstanding, overdue_total, received_total, payoff_total, credit_balance, next_due_date, next_due_amount,
        max_days_past_due, accrued, checkpoint, updated_at, created_at, created_by)
      select t.id, t.code, t.version, ${date}::date, t.seq, t.status, t.dpd, t.bucket, t.stage, t.queue, t.stopped,
        t.principal, t.disbursed, date_trunc('month', t.disbursed)::date, t.p, t.i, t.f, t.pen, t.iva,
        t.total, t.ot, t.received, t.payoff, t.credit, t.next_date, t.next_amount,
        t.maxdpd, t.accrued::jsonb, t.cp, ${ctx.at}::timestamptz, ${ctx.at}::timestamptz, ${ctx.actor}
      from unnest(
        ${col((r) => r.id)}::uuid[], ${col((r) => input(r).productCode)}::text[], ${col((r) => input(r).versionId)}::uuid[], ${col((r) => r.checkpoint!.eventSeq)}::int[],
        ${col((r) => s(r).status)}::text[], ${col((r) => s(r).daysPastDue)}::int[], ${col((r) => s(r).agingBucket)}::text[], ${col((r) => s(r).stage)}::text[],
        ${col((r) => r.collectionQueue)}::text[], ${col((r) => s(r).accrualStopped)}::boolean[], ${col((r) => input(r).principal)}::numeric[],
        ${col((r) => input(r).disbursedOn)}::date[], ${col((r) => s(r).outstanding.principal)}::numeric[], ${col((r) => s(r).outstanding.interest)}::numeric[],
        ${col((r) => s(r).outstanding.fees)}::numeric[], ${col((r) => s(r).outstanding.penalties)}::numeric[], ${col((r) => s(r).outstanding.iva)}::numeric[],
        ${col((r) => s(r).outstanding.total)}::numeric[], ${col((r) => s(r).overdue)}::numeric[], ${col((r) => r.checkpoint!.received)}::numeric[],
        ${col((r) => s(r).payoff)}::numeric[], ${col((r) => s(r).creditBalance)}::numeric[],
        ${col((r) => s(r).nextDue?.date ?? null)}::date[], ${col((r) => s(r).nextDue?.amount ?? null)}::numeric[],
        ${col((r) => r.maxDaysPastDue)}::int[], ${col((r) => JSON.stringify(r.checkpoint!.accrued))}::text[], ${col((r) => JSON.stringify(r.checkpoint!.value))}::text[]
      ) as t(id, code, version, seq, status, dpd, bucket, stage, queue, stopped, principal, disbursed, p, i, f, pen, iva, total, ot, received, payoff, credit,
             next_date, next_amount, maxdpd, accrued, cp)
    `.execute(tx);
  }
  if (known.length > 0) {
    const col = <T>(f: (r: LoanCloseResult) => T) => known.map(f);
    const s = (r: LoanCloseResult) => r.summary;
    await sql`
      update loan_servicing v set
        as_of = ${date}::date, status = t.status, days_past_due = t.dpd, aging_bucket = t.bucket, stage = t.stage, collection_queue = t.queue,
        accrual_stopped = t.stopped, principal_outstanding = t.p, interest_outstanding = t.i, fees_outstanding = t.f, penalties_outstanding = t.pen,
        iva_outstanding = t.iva, total_outstanding = t.total, overdue_total = t.ot, payoff_total = t.payoff, credit_balance = t.credit,
        next_due_date = t.next_date, next_due_amount = t.next_amount, max_days_past_due = t.maxdpd, updated_at = ${ctx.at}::timestamptz,
        event_seq = coalesce(t.seq, v.event_seq), received_total = coalesce(t.received, v.received_total),
        accrued = coalesce(t.accrued::jsonb, v.accrued), checkpoint = coalesce(t.cp, v.checkpoint)
      from unnest(
        ${col((r) => r.id)}::uuid[], ${col((r) => r.checkpoint?.eventSeq ?? null)}::int[],
        ${col((r) => s(r).status)}::text[], ${col((r) => s(r).daysPastDue)}::int[], ${col((r) => s(r).agingBucket)}::text[], ${col((r) => s(r).stage)}::text[],
        ${col((r) => r.collectionQueue)}::text[], ${col((r) => s(r).accrualStopped)}::boolean[],
        ${col((r) => s(r).outstanding.principal)}::numeric[], ${col((r) => s(r).outstanding.interest)}::numeric[],
        ${col((r) => s(r).outstanding.fees)}::numeric[], ${col((r) => s(r).outstanding.penalties)}::numeric[], ${col((r) => s(r).outstanding.iva)}::numeric[],
        ${col((r) => s(r).outstanding.total)}::numeric[], ${col((r) => s(r).overdue)}::numeric[], ${col((r) => r.checkpoint?.received ?? null)}::numeric[],
        ${col((r) => s(r).payoff)}::numeric[], ${col((r) => s(r).creditBalance)}::numeric[],
        ${col((r) => s(r).nextDue?.date ?? null)}::date[], ${col((r) => s(r).nextDue?.amount ?? null)}::numeric[],
        ${col((r) => r.maxDaysPastDue)}::int[], ${col((r) => (r.checkpoint ? JSON.stringify(r.checkpoint.accrued) : null))}::text[],
        ${col((r) => (r.checkpoint ? JSON.stringify(r.checkpoint.value) : null))}::text[]
      ) as t(id, seq, status, dpd, bucket, stage, queue, stopped, p, i, f, pen, iva, total, ot, received, payoff, credit, next_date, next_amount, maxdpd, accrued, cp)
      where v.loan_id = t.id
    `.execute(tx);
  }
  eodTimings.detail['servicing'] = (eodTimings.detail['servicing'] ?? 0) + performance.now() - t_servicing;

  // Penalty accrual entries, one per loan with a change, linked to its day-close event.
  // (a loan that left `active` is linked to the event that closed it)
  const posted = results.filter((r) => r.lines.length > 0 && r.entrySeq !== null);
  if (posted.length > 0) {
    const entryIds = posted.map(() => uuidv7());
    const t_entries = performance.now();
    await sql`
      insert into journal_entries (id, entry_date, description, currency, loan_id, loan_event_seq, created_at, created_by)
      select t.id, ${date}::date, 'day close (penalty accrual) loan ' || t.loan::text, t.currency, t.loan, t.seq, ${ctx.at}::timestamptz, ${ctx.actor}
      from unnest(${entryIds}::uuid[], ${posted.map((r) => r.id)}::uuid[], ${posted.map((r) => byId.get(r.id)!.ir.currency)}::text[], ${posted.map((r) => r.entrySeq!)}::int[]) as t(id, loan, currency, seq)
    `.execute(tx);
    eodTimings.detail['entries'] = (eodTimings.detail['entries'] ?? 0) + performance.now() - t_entries;
    const lineEntry: string[] = [];
    const lineNo: number[] = [];
    const account: string[] = [];
    const debit: string[] = [];
    const credit: string[] = [];
    posted.forEach((r, i) =>
      r.lines.forEach((l, n) => {
        lineEntry.push(entryIds[i]!);
        lineNo.push(n + 1);
        account.push(l.account);
        debit.push(l.debit);
        credit.push(l.credit);
      }),
    );
    const t_lines = performance.now();
    await sql`
      insert into journal_lines (entry_id, line_no, account_code, debit, credit, created_at, created_by)
      select t.e, t.n, t.a, t.d, t.c, ${ctx.at}::timestamptz, ${ctx.actor}
      from unnest(${lineEntry}::uuid[], ${lineNo}::int[], ${account}::text[], ${debit}::numeric[], ${credit}::numeric[]) as t(e, n, a, d, c)
    `.execute(tx);
    eodTimings.detail['lines'] = (eodTimings.detail['lines'] ?? 0) + performance.now() - t_lines;
  }

  // Notifications due: into the outbox, once per dedupe key.
  const notes = results.flatMap((r) => r.notifications.map((n) => ({ loan: r.id, ...n, rendered: renderTemplate(templates, n.template, n.variables) })));
  let queued = 0;
  if (notes.length > 0) {
    const t_outbox = performance.now();
    const res = await sql`
      insert into notification_outbox (id, dedupe_key, loan_id, business_date, kind, channel, template, subject, body, payload, status, next_attempt_at, created_at, created_by)
      select t.id, t.k, t.loan, ${date}::date, t.kind, t.channel, t.template, t.subject, t.body, t.payload::jsonb, 'pending', ${ctx.at}::timestamptz, ${ctx.at}::timestamptz, ${ctx.actor}
      from unnest(${notes.map(() => uuidv7())}::uuid[], ${notes.map((n) => n.dedupeKey)}::text[], ${notes.map((n) => n.loan)}::uuid[], ${notes.map((n) => n.kind)}::text[],
                  ${notes.map((n) => n.channel)}::text[], ${notes.map((n) => n.template)}::text[], ${notes.map((n) => n.rendered.subject)}::text[],
                  ${notes.map((n) => n.rendered.body)}::text[], ${notes.map((n) => JSON.stringify(n.variables))}::text[]) as t(id, k, loan, kind, channel, template, subject, body, payload)
      on conflict (dedupe_key) do nothing
    `.execute(tx);
    eodTimings.detail['outbox'] = (eodTimings.detail['outbox'] ?? 0) + performance.now() - t_outbox;
    queued = Number(res.numAffectedRows ?? 0);
  }
  eodTimings.write += performance.now() - writeStart;
  return { loans: results.length, failed: errors.length, events: closes.length, entries: posted.length, notifications: queued, errors };
}

/** Claims and processes chunks of `date` until none is left to claim; returns what this worker did. */
async function workDate(db: Kysely<Database>, date: string, options: EodOptions, worker: string, actor: string, now: () => Date, counter: { chunks: number }) {
  const templates = await loadTemplates(db);
  const started = Date.now();
  let loansByMe = 0;
  let chunksByMe = 0;
  for (;;) {
    const at = now().toISOString();
    const outcome = await db.transaction().execute(async (tx) => {
      const claimed = await sql<{ chunk_no: number; first_loan_id: string; next_loan_id: string | null }>`
        select chunk_no, first_loan_id, next_loan_id from eod_chunks
        where business_date = ${date} and status = 'pending'
        order by chunk_no limit 1 for update skip locked
      `.execute(tx);
      const chunk = claimed.rows[0];
      if (!chunk) return null;
      counter.chunks++;
      const result = await processChunk(tx, date, { first: chunk.first_loan_id, next: chunk.next_loan_id }, templates, { actor, at });
      if (options.chunkDelayMs) await new Promise((r) => setTimeout(r, options.chunkDelayMs));
      if (options.failInChunk !== undefined && counter.chunks === options.failInChunk) throw new EodInjectedFailure();
      await sql`
        update eod_chunks set status = 'done', worker = ${worker}, loans_done = ${result.loans}, loans_failed = ${result.failed},
          errors = ${JSON.stringify(result.errors.slice(0, 20))}::jsonb, started_at = ${at}::timestamptz, finished_at = ${now().toISOString()}::timestamptz
        where business_date = ${date} and chunk_no = ${chunk.chunk_no}
      `.execute(tx);
      const run = await sql<{ loans_done: number; loans_total: number; chunks_done: number; chunks_total: number }>`
        update eod_runs set chunks_done = chunks_done + 1, loans_done = loans_done + ${result.loans}, loans_failed = loans_failed + ${result.failed},
          events_written = events_written + ${result.events}, entries_written = entries_written + ${result.entries},
          notifications_queued = notifications_queued + ${result.notifications},
          errors = case when jsonb_array_length(errors) < 100 then errors || ${JSON.stringify(result.errors.slice(0, 20))}::jsonb else errors end
        where business_date = ${date}
        returning loans_done, loans_total, chunks_done, chunks_total
      `.execute(tx);
      // One audit entry per chunk (a million loans would otherwise queue a million appends on the chain head).
      await appendAudit(tx, {
        actor,
        action: 'eod-chunk',
        entityType: 'eod-run',
        entityId: date,
        before: null,
        after: { date, chunk: chunk.chunk_no, loans: result.loans, failed: result.failed, events: result.events, entries: result.entries },
        details: { date, chunk: chunk.chunk_no, worker, loans: result.loans, failed: result.failed, events: result.events, entries: result.entries, notifications: result.notifications },
        at,
      });
      return { result, run: run.rows[0]! };
    });
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

/** Marks the run done when no chunk is pending (any worker may; only the first does). */
async function finishRun(db: Kysely<Database>, date: string, at: string): Promise<boolean> {
  const res = await sql<{ status: string }>`
    update eod_runs set status = 'done', finished_at = ${at}::timestamptz
    where business_date = ${date} and status = 'running'
      and not exists (select 1 from eod_chunks where business_date = ${date} and status = 'pending')
    returning status
  `.execute(db);
  if (res.rows.length > 0) return true;
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
    while (!(await finishRun(db, date, now().toISOString()))) {
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
