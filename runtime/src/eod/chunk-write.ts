// What a chunk writes, inside its claiming transaction, one statement per table for all its
// loans (one array literal per column as a single parameter, `unnest`), and only what changed:
// - the day-close events, and the loans' last event seq and date (the payment route's order check)
//   and their books on the date (`loans.state.books`);
// - loan_checkpoints, every loan: the date closed and the payoff; the checkpoint and the cash
//   received only when more than the checkpoint's date moved; the figures' text only when it changed;
// - loan_summaries: only the loans whose report figures changed (their text differs);
// - one journal entry per currency (no loan: `day close YYYY-MM-DD (accrual, N loans)`), the sum of
//   the chunk's loans' postings from their stored books to the date's — accrual, stage transfers,
//   month-end reserves, conversions from the cash-basis ledger — and the outbox rows of the
//   notifications due.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { uuidv7 } from '../ids.ts';
import { renderTemplate, type TemplateRegistry } from '../notifications/templates.ts';
import type { LoanCloseInput, LoanCloseResult } from './day-close.ts';
import { timed } from './eod-timings.ts';
import { bare, texts } from '../db/pg-arrays.ts';
import { summaryText } from './summary-row.ts';
import { bindRows, type BoundRows } from '../audit/row-binding.ts';
import { firstOpenDay, postingDates } from '../ledger/posting-date.ts';
import { formatUnits, unitsOf, type JournalLine } from '../ledger/loan-books.ts';

export interface ChunkWriteCounts {
  readonly events: number;
  readonly entries: number;
  readonly notifications: number;
  readonly checkpointsRewritten: number;
  readonly summariesRewritten: number;
  /** The hashes of the events, entries and lines written, for the chunk's audit entry. */
  readonly bound: BoundRows;
}

/** Writes the chunk's results for `date`. */
export async function writeChunk(
  tx: Executor,
  date: string,
  chunk: { readonly first: string; readonly next: string | null },
  results: readonly LoanCloseResult[],
  read: { readonly inputs: ReadonlyMap<string, LoanCloseInput>; readonly summaries: ReadonlyMap<string, string>; readonly hasCheckpoint: ReadonlySet<string> },
  templates: TemplateRegistry,
  ctx: { actor: string; at: string },
): Promise<ChunkWriteCounts> {
  const input = (r: LoanCloseResult) => read.inputs.get(r.id)!;
  const written: [string, Record<string, unknown>][] = [];
  const stamp = { created_at: ctx.at, created_by: ctx.actor };
  // The chunk's id range on every updated table: the planner then never scans a whole table to
  // join a few thousand ids (a hash join over a sequential scan looks cheaper than index lookups
  // to it while the table is small).
  const inChunk = (column: string) => sql`${sql.ref(column)} >= ${chunk.first}::uuid and (${chunk.next}::uuid is null or ${sql.ref(column)} < ${chunk.next}::uuid)`;

  // Day-close events.
  const closes = results.filter((r) => r.closeEvent !== null);
  if (closes.length > 0) {
    const payload = { kind: 'day-close', date };
    for (const r of closes) {
      written.push(['loan_events', { loan_id: r.id, seq: r.closeEvent!.seq, type: 'day-close', effective_on: date, payload, idempotency_key: null, request_hash: null, response: null, ...stamp }]);
    }
    await timed('events', () =>
      sql`
        insert into loan_events (loan_id, seq, type, effective_on, payload, created_at, created_by)
        select t.id, t.seq, 'day-close', ${date}::date, ${JSON.stringify(payload)}::jsonb, ${ctx.at}::timestamptz, ${ctx.actor}
        from unnest(${bare(closes.map((r) => r.id))}::uuid[], ${bare(closes.map((r) => r.closeEvent!.seq))}::int[]) as t(id, seq)
      `.execute(tx),
    );
  }
  // The loans' sequence and last event date (with a close event) and their books (when computed;
  // a converted loan's cash-basis position goes): the state written back whole (the chunk holds the
  // loans' rows locked since it read them).
  const moved = results.filter((r) => r.closeEvent !== null || r.books !== null);
  if (moved.length > 0) {
    const states = moved.map((r) => JSON.stringify(stateAfter(input(r).state, r.closeEvent === null ? null : date, r.books?.books ?? null)));
    await timed('loans', () =>
      sql`
        update loans l set last_event_seq = coalesce(t.seq, l.last_event_seq), state = t.state::jsonb, updated_at = ${ctx.at}, updated_by = ${ctx.actor}
        from unnest(${bare(moved.map((r) => r.id))}::uuid[], ${bare(moved.map((r) => r.closeEvent?.seq ?? null))}::int[], ${texts(states)}::text[]) as t(id, seq, state)
        where l.id = t.id and ${inChunk('l.id')}
      `.execute(tx),
    );
  }

  // The figures' text of each loan: a summary row is written only when it differs from the stored one.
  const figures = new Map(results.map((r) => [r.id, summaryText(r)]));
  const newSummaries = results.filter((r) => !read.summaries.has(r.id));
  const changed = results.filter((r) => read.summaries.has(r.id) && read.summaries.get(r.id) !== figures.get(r.id));

  // Checkpoints: a new row for a loan's first close; else the date closed and the payoff, and the
  // rest only when it moved (null keeps the stored value).
  const fresh = results.filter((r) => !read.hasCheckpoint.has(r.id));
  const known = results.filter((r) => read.hasCheckpoint.has(r.id));
  if (fresh.length > 0) {
    await timed('checkpoints', () =>
      sql`
        insert into loan_checkpoints (loan_id, closed_on, as_of, event_seq, payoff_total, received_total, summary, checkpoint)
        select t.id, ${date}::date, t.as_of, t.seq, t.payoff, t.received, t.summary, t.cp
        from unnest(${bare(fresh.map((r) => r.id))}::uuid[], ${bare(fresh.map((r) => r.checkpoint!.value.asOf))}::date[], ${bare(fresh.map((r) => r.checkpoint!.eventSeq))}::int[],
                    ${bare(fresh.map((r) => r.summary.payoff))}::numeric[], ${bare(fresh.map((r) => r.checkpoint!.received))}::numeric[],
                    ${texts(fresh.map((r) => figures.get(r.id)!))}::text[], ${texts(fresh.map((r) => JSON.stringify(r.checkpoint!.value)))}::text[])
          as t(id, as_of, seq, payoff, received, summary, cp)
      `.execute(tx),
    );
  }
  let rewritten = fresh.length;
  if (known.length > 0) {
    const full = (r: LoanCloseResult) => r.checkpoint !== null && !r.checkpoint.dateOnly;
    const asOf: (string | null)[] = [];
    const seq: (number | null)[] = [];
    const received: (string | null)[] = [];
    const cp: (string | null)[] = [];
    const summary: (string | null)[] = [];
    for (const r of known) {
      const text = figures.get(r.id)!;
      summary.push(read.summaries.get(r.id) === text ? null : text);
      asOf.push(r.checkpoint?.value.asOf ?? null);
      seq.push(r.checkpoint?.eventSeq ?? null);
      const all = full(r);
      if (all) rewritten++;
      received.push(all ? r.checkpoint!.received : null);
      cp.push(all ? JSON.stringify(r.checkpoint!.value) : null);
    }
    await timed('checkpoints', () =>
      sql`
        update loan_checkpoints c set closed_on = ${date}::date, payoff_total = t.payoff,
          as_of = coalesce(t.as_of, c.as_of), event_seq = coalesce(t.seq, c.event_seq), received_total = coalesce(t.received, c.received_total),
          summary = coalesce(t.summary, c.summary), checkpoint = coalesce(t.cp, c.checkpoint)
        from unnest(${bare(known.map((r) => r.id))}::uuid[], ${bare(known.map((r) => r.summary.payoff))}::numeric[], ${bare(asOf)}::date[], ${bare(seq)}::int[],
                    ${bare(received)}::numeric[], ${texts(summary)}::text[], ${texts(cp)}::text[])
          as t(id, payoff, as_of, seq, received, summary, cp)
        where c.loan_id = t.id and ${inChunk('c.loan_id')}
      `.execute(tx),
    );
  }

  // Report summaries: inserted on a loan's first close, rewritten only when a figure changed.
  for (const [rows, insert] of [
    [newSummaries, true],
    [changed, false],
  ] as const) {
    if (rows.length === 0) continue;
    const s = rows.map((r) => r.summary);
    const o = s.map((x) => x.outstanding);
    const values = sql`unnest(
      ${bare(rows.map((r) => r.id))}::uuid[], ${texts(s.map((x) => x.status))}::text[], ${bare(s.map((x) => x.daysPastDue))}::int[], ${texts(s.map((x) => x.agingBucket))}::text[],
      ${texts(s.map((x) => x.stage))}::text[], ${texts(rows.map((r) => r.collectionQueue))}::text[], ${bare(s.map((x) => x.accrualStopped))}::boolean[],
      ${bare(o.map((x) => x.principal))}::numeric[], ${bare(o.map((x) => x.interest))}::numeric[], ${bare(o.map((x) => x.fees))}::numeric[], ${bare(o.map((x) => x.penalties))}::numeric[],
      ${bare(o.map((x) => x.iva))}::numeric[], ${bare(o.map((x) => x.total))}::numeric[], ${bare(s.map((x) => x.overdue))}::numeric[], ${bare(s.map((x) => x.creditBalance))}::numeric[],
      ${bare(s.map((x) => x.nextDue?.date ?? null))}::date[], ${bare(s.map((x) => x.nextDue?.amount ?? null))}::numeric[], ${bare(rows.map((r) => r.maxDaysPastDue))}::int[]
    ) as t(id, status, dpd, bucket, stage, queue, stopped, p, i, f, pen, iva, total, overdue, credit, next_date, next_amount, maxdpd)`;
    if (insert) {
      await timed('summaries', () =>
        sql`
          insert into loan_summaries (
            loan_id, product_code, product_version_id, status, days_past_due, aging_bucket, stage, collection_queue, accrual_stopped,
            principal, disbursed_on, origination_month, principal_outstanding, interest_outstanding, fees_outstanding, penalties_outstanding,
            iva_outstanding, total_outstanding, overdue_total, credit_balance, next_due_date, next_due_amount, max_days_past_due, changed_on, updated_at)
          select t.id, l.product_code, l.product_version_id, t.status, t.dpd, t.bucket, t.stage, t.queue, t.stopped,
            l.principal, l.disbursed_on, date_trunc('month', l.disbursed_on)::date, t.p, t.i, t.f, t.pen,
            t.iva, t.total, t.overdue, t.credit, t.next_date, t.next_amount, t.maxdpd, ${date}::date, ${ctx.at}::timestamptz
          from ${values} join loans l on l.id = t.id and ${inChunk('l.id')}
        `.execute(tx),
      );
    } else {
      await timed('summaries', () =>
        sql`
          update loan_summaries v set
            status = t.status, days_past_due = t.dpd, aging_bucket = t.bucket, stage = t.stage, collection_queue = t.queue, accrual_stopped = t.stopped,
            principal_outstanding = t.p, interest_outstanding = t.i, fees_outstanding = t.f, penalties_outstanding = t.pen, iva_outstanding = t.iva,
            total_outstanding = t.total, overdue_total = t.overdue, credit_balance = t.credit, next_due_date = t.next_date, next_due_amount = t.next_amount,
            max_days_past_due = t.maxdpd, changed_on = ${date}::date, updated_at = ${ctx.at}::timestamptz
          from ${values}
          where v.loan_id = t.id and ${inChunk('v.loan_id')}
        `.execute(tx),
      );
    }
  }

  // The books: one entry per currency, the sum of the chunk's loans' postings (no loan: it is theirs together).
  const entries = dayCloseEntries(date, results, (r) => input(r).ir.currency, (r) => input(r).terms.decimals);
  if (entries.length > 0) {
    const entryIds = entries.map(() => uuidv7());
    const lineEntry: string[] = [];
    const lineNo: number[] = [];
    const account: string[] = [];
    const debit: string[] = [];
    const credit: string[] = [];
    const { entryDate, economicDate } = postingDates(date, await firstOpenDay(tx));
    entries.forEach((e, i) => {
      written.push(['journal_entries', { id: entryIds[i], entry_date: entryDate, description: e.description, currency: e.currency, loan_id: null, loan_event_seq: null, ...stamp, economic_date: economicDate }]);
      e.lines.forEach((l, n) => {
        written.push(['journal_lines', { entry_id: entryIds[i], line_no: n + 1, account_code: l.account, debit: l.debit, credit: l.credit, ...stamp }]);
        lineEntry.push(entryIds[i]!);
        lineNo.push(n + 1);
        account.push(l.account);
        debit.push(l.debit);
        credit.push(l.credit);
      });
    });
    await timed('journal', async () => {
      await sql`
        insert into journal_entries (id, entry_date, economic_date, description, currency, loan_id, loan_event_seq, created_at, created_by)
        select t.id, ${entryDate}::date, ${economicDate}::date, t.description, t.currency, null, null, ${ctx.at}::timestamptz, ${ctx.actor}
        from unnest(${bare(entryIds)}::uuid[], ${texts(entries.map((e) => e.description))}::text[], ${texts(entries.map((e) => e.currency))}::text[]) as t(id, description, currency)
      `.execute(tx);
      await sql`
        insert into journal_lines (entry_id, line_no, account_code, debit, credit, created_at, created_by)
        select t.e, t.n, t.a, t.d, t.c, ${ctx.at}::timestamptz, ${ctx.actor}
        from unnest(${bare(lineEntry)}::uuid[], ${bare(lineNo)}::int[], ${texts(account)}::text[], ${bare(debit)}::numeric[], ${bare(credit)}::numeric[]) as t(e, n, a, d, c)
      `.execute(tx);
    });
  }

  // Notifications due: into the outbox, once per dedupe key.
  const notes = results.flatMap((r) => r.notifications.map((n) => ({ loan: r.id, ...n, rendered: renderTemplate(templates, n.template, n.variables) })));
  let queued = 0;
  if (notes.length > 0) {
    const res = await timed('outbox', () =>
      sql`
        insert into notification_outbox (id, dedupe_key, loan_id, business_date, kind, channel, template, subject, body, payload, status, next_attempt_at, created_at, created_by)
        select t.id, t.k, t.loan, ${date}::date, t.kind, t.channel, t.template, t.subject, t.body, t.payload::jsonb, 'pending', ${ctx.at}::timestamptz, ${ctx.at}::timestamptz, ${ctx.actor}
        from unnest(${bare(notes.map(() => uuidv7()))}::uuid[], ${texts(notes.map((n) => n.dedupeKey))}::text[], ${bare(notes.map((n) => n.loan))}::uuid[], ${texts(notes.map((n) => n.kind))}::text[],
                    ${texts(notes.map((n) => n.channel))}::text[], ${texts(notes.map((n) => n.template))}::text[], ${texts(notes.map((n) => n.rendered.subject))}::text[],
                    ${texts(notes.map((n) => n.rendered.body))}::text[], ${texts(notes.map((n) => JSON.stringify(n.variables)))}::text[]) as t(id, k, loan, kind, channel, template, subject, body, payload)
        on conflict (dedupe_key) do nothing
      `.execute(tx),
    );
    queued = Number(res.numAffectedRows ?? 0);
  }
  return { events: closes.length, entries: entries.length, notifications: queued, checkpointsRewritten: rewritten, summariesRewritten: newSummaries.length + changed.length, bound: bindRows(written) };
}

/**
 * A loan's stored state after its close: as read, with the date of its close event (null: none)
 * and its books (null: the stored ones stay); new books drop a cash-basis position (`posted`).
 */
export function stateAfter(state: Readonly<Record<string, unknown>>, closeDate: string | null, books: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in state) if (!(books !== null && key === 'posted')) out[key] = state[key];
  if (closeDate !== null) out['lastEventDate'] = closeDate;
  if (books !== null) out['books'] = books;
  return out;
}

/** One journal entry of a chunk's close: a currency's lines, summed over its loans. */
export interface DayCloseEntry {
  readonly currency: string;
  readonly description: string;
  /** The loans whose books moved. */
  readonly loans: number;
  readonly lines: readonly JournalLine[];
}

/** Scale of the sums: the ledger keeps at most 6 decimal places (`money_amount`). */
const SUM_SCALE = 6;

/**
 * The chunk's entries: per currency, each account's net movement over the loans whose books moved
 * — Σ (position after − position before), exact in integer units, accounts whose text did not
 * change skipped — as debit or credit lines in account order at the currency's scale (the finest
 * among the loans'). None for a currency whose loans' movements cancel out.
 */
export function dayCloseEntries(date: string, results: readonly LoanCloseResult[], currencyOf: (r: LoanCloseResult) => string, decimalsOf: (r: LoanCloseResult) => number): DayCloseEntry[] {
  const byCurrency = new Map<string, { net: Map<string, bigint>; loans: number; scale: number }>();
  for (const r of results) {
    if (r.books === null) continue;
    const before = r.books.before;
    const after = r.books.books.position;
    let moved = false;
    const currency = currencyOf(r);
    let sum = byCurrency.get(currency);
    // Every account of the position after, then those only the position before has (a plain
    // night: the same accounts, most of them unchanged — their text compared, nothing parsed).
    const move = (account: string, a: string | undefined, b: string | undefined) => {
      if (a === b) return;
      const change = (b === undefined ? 0n : unitsOf(b, SUM_SCALE)) - (a === undefined ? 0n : unitsOf(a, SUM_SCALE));
      if (change === 0n) return;
      if (!sum) byCurrency.set(currency, (sum = { net: new Map(), loans: 0, scale: 0 }));
      sum.net.set(account, (sum.net.get(account) ?? 0n) + change);
      moved = true;
    };
    for (const account in after) move(account, before[account], after[account]);
    for (const account in before) if (!Object.hasOwn(after, account)) move(account, before[account], undefined);
    if (moved) {
      sum!.loans++;
      sum!.scale = Math.max(sum!.scale, decimalsOf(r));
    }
  }
  const out: DayCloseEntry[] = [];
  for (const [currency, sum] of [...byCurrency].sort(([a], [b]) => a.localeCompare(b))) {
    const zero = formatUnits(0n, sum.scale);
    const shift = 10n ** BigInt(SUM_SCALE - sum.scale);
    const lines: JournalLine[] = [];
    for (const [account, net] of [...sum.net].sort(([a], [b]) => a.localeCompare(b))) {
      if (net === 0n) continue;
      if (net % shift !== 0n) throw new RangeError(`day close ${date}: account ${account} moves by ${formatUnits(net, SUM_SCALE)}, finer than the currency's ${sum.scale} places`);
      const amount = formatUnits((net < 0n ? -net : net) / shift, sum.scale);
      lines.push(net > 0n ? { account, debit: amount, credit: zero } : { account, debit: zero, credit: amount });
    }
    if (lines.length > 0) out.push({ currency, description: `day close ${date} (accrual, ${sum.loans} loans)`, loans: sum.loans, lines });
  }
  return out;
}

