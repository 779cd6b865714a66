// What a chunk reads, inside its claiming transaction: the chunk's loans still to close for the
// date — locked (`FOR UPDATE OF loans`: payments to them wait for the chunk) — with their stored
// books and checkpoint row (checkpoint, figures' text); then the events booked since the
// checkpoint of the loans that have any (one query for all; most nights a few payments); then
// every event of the few loans that must be refolded, and what the journal holds for the loans of
// the cash-basis ledger still to convert (once per loan, after an upgrade). At most four queries per
// chunk, none per loan.
// The loans of a date: disbursed by then and active, or closed since their last close (their
// last close settles them), or — whatever their status — not yet converted from the cash-basis
// ledger (`state.posted` without `books`: the first run after an upgrade converts them all).
import type { LoanTerms, ProductIR } from '@plazo/engine';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { irOf } from '../products/product-versions.ts';
import { needsRefold, type LoanCloseInput, type StoredEvent } from './day-close.ts';
import { legacyPositions } from '../ledger/loan-books.ts';
import type { StoredLoanState } from '../servicing/loan-servicing.ts';

/** `loans.state` as the chunk reads it (the whole object: the chunk writes it back whole). */
type StoredState = StoredLoanState & Record<string, unknown>;
import { bare } from '../db/pg-arrays.ts';
import { restoreCheckpoint } from './stored-checkpoint.ts';
import { maxDaysPastDueOf } from './summary-row.ts';

/** A chunk's loans to close: the day close's inputs, the stored figures' text by loan id (summary-row.ts) and the loans with a checkpoint row. */
export interface ChunkLoans {
  readonly inputs: LoanCloseInput[];
  readonly summaries: ReadonlyMap<string, string>;
  readonly hasCheckpoint: ReadonlySet<string>;
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
  state: StoredState;
  as_of: string | null;
  event_seq: number | null;
  received_total: string | null;
  checkpoint: string | null;
  summary: string | null;
}

/** Events of `ids` (all in the chunk's id range) with seq above `after[i]`, by loan, in seq order. */
export async function eventsAfter(
  tx: Executor,
  chunk: { first: string; next: string | null },
  ids: readonly string[],
  after: readonly number[],
): Promise<Map<string, StoredEvent[]>> {
  const byLoan = new Map<string, StoredEvent[]>();
  if (ids.length === 0) return byLoan;
  // The range keeps a first close (every event of every loan) on the chunk's part of the index
  // instead of a hash join over the whole table.
  const rows = await sql<{ loan_id: string; seq: number; effective_on: string; payload: StoredEvent['event'] }>`
    select e.loan_id, e.seq, e.effective_on, e.payload
    from unnest(${bare(ids)}::uuid[], ${bare(after)}::int[]) as t(id, after)
    join loan_events e on e.loan_id = t.id and e.seq > t.after
    where e.loan_id >= ${chunk.first}::uuid and (${chunk.next}::uuid is null or e.loan_id < ${chunk.next}::uuid)
    order by e.loan_id, e.seq
  `.execute(tx);
  for (const r of rows.rows) {
    let list = byLoan.get(r.loan_id);
    if (!list) byLoan.set(r.loan_id, (list = []));
    list.push({ seq: r.seq, date: r.effective_on, event: r.payload });
  }
  return byLoan;
}

/**
 * The loans a run for `date` closes (on `loans l left join loan_checkpoints c`): disbursed by then,
 * not closed for the date yet, and active or closed since their last close — or not yet converted
 * from the cash-basis ledger. The run's plan (eod-run.ts) and the chunk's read use this one test.
 */
export function closesOn(date: string) {
  return sql<boolean>`l.disbursed_on <= ${date} and (c.closed_on is null or c.closed_on < ${date})
    and (l.status = 'active' or c.summary like 'active|%' or (l.state ? 'posted' and not (l.state ? 'books')))`;
}

/** Reads and locks the chunk's loans not yet closed for `date` (ids in [first, next)). */
export async function readChunk(tx: Executor, date: string, chunk: { first: string; next: string | null }): Promise<ChunkLoans> {
  const loans = await sql<LoanRowRead>`
    select l.id, l.product_version_id, l.product_code, l.terms, l.status, l.external_ref, l.principal, l.disbursed_on,
           l.last_event_seq, l.state,
           c.as_of, c.event_seq, c.received_total, c.summary, nullif(c.checkpoint, '') as checkpoint
    from loans l left join loan_checkpoints c on c.loan_id = l.id
    where l.id >= ${chunk.first}::uuid and (${chunk.next}::uuid is null or l.id < ${chunk.next}::uuid)
      and ${closesOn(date)}
    order by l.id
    for update of l
  `.execute(tx);
  const rows = loans.rows;
  // Only loans with events after their checkpoint have any to read (most nights: a few payments).
  const behind = rows.filter((r) => r.checkpoint === null || r.last_event_seq > r.event_seq!);
  const newEvents = await eventsAfter(tx, chunk, behind.map((r) => r.id), behind.map((r) => (r.checkpoint === null ? 0 : r.event_seq!)));
  const irs = new Map<string, ProductIR>();
  for (const r of rows) if (!irs.has(r.product_version_id)) irs.set(r.product_version_id, await irOf(tx, r.product_version_id));

  const inputs: LoanCloseInput[] = [];
  const summaries = new Map<string, string>();
  const hasCheckpoint = new Set<string>();
  const refold: number[] = [];
  const isLegacy = (r: LoanRowRead) => r.state.books === undefined;
  const legacy = await legacyPositions(tx, rows.filter(isLegacy).map((r) => r.id));
  for (const r of rows) {
    if (r.as_of !== null) hasCheckpoint.add(r.id);
    if (r.summary !== null) summaries.set(r.id, r.summary);
    const previous =
      r.checkpoint === null
        ? null
        : {
            eventSeq: r.event_seq!,
            checkpoint: restoreCheckpoint(r.checkpoint, r.as_of!),
            maxDpd: r.summary === null ? 0 : maxDaysPastDueOf(r.summary),
            received: r.received_total ?? '0',
          };
    const events = newEvents.get(r.id) ?? [];
    if (previous !== null && (needsRefold(previous, events) || r.status !== 'active' || isLegacy(r))) refold.push(inputs.length);
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
      lastEventDate: r.state.lastEventDate ?? null,
      state: r.state,
      books: r.state.books ?? null,
      legacy: isLegacy(r) ? legacy.get(r.id)! : null,
      previous,
      newEvents: events,
    });
  }
  if (refold.length > 0) {
    const ids = refold.map((i) => inputs[i]!.id);
    const all = await eventsAfter(tx, chunk, ids, ids.map(() => 0));
    for (const i of refold) inputs[i] = { ...inputs[i]!, allEvents: all.get(inputs[i]!.id) ?? [] };
  }
  return { inputs, summaries, hasCheckpoint };
}
