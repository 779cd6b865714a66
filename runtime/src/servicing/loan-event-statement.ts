// The one statement that records loan events: for each event, the event row, the loan's new
// position, its journal entry and lines, its audit entry (binding the event, entry and lines by
// their hashes: loanEventBound) and the stream's new head, the loan's
// open installments (only the rows that changed, as worked out from the rows read with the loan;
// the difference added to `cash_flow_changes`) and a payment's notifications. Several events — of
// different loans — go in one statement (group commit: db/statement-batcher.ts); they travel as
// one JSON array. The statement stands whole or not at all: `plazo_assert` fails it (SQLSTATE
// PZ010) when a loan, its open installments or an audit stream moved since they were read, and
// the balance trigger checks every entry at commit.
//
// Lock order, the same on every path that writes loan events: the loans' rows first, in id order
// (`locked`, before anything else: two groups sharing loans queue instead of deadlocking), then
// what belongs to those loans — their audit stream heads, open installment rows, event numbers and
// idempotency keys, journal rows (the shared ledger accounts are only key-share locked by the
// lines' foreign key, which never conflicts). The locked path (loan-servicing.ts) takes its one
// loan's row first too (`for no key update`), and the end of day its chunk's loans in id order.
import { sql, type Kysely } from 'kysely';
import type { AuditEntry } from '../audit/audit.repository.ts';
import { bindRows, type BoundRows } from '../audit/row-binding.ts';
import type { Database, Executor } from '../db/database.ts';
import { isDatabaseError } from '../db/postgres-errors.ts';
import { StatementBatcher } from '../db/statement-batcher.ts';
import type { PostingDates } from '../ledger/posting-date.ts';
import type { JournalLine } from '../ledger/loan-books.ts';
import type { QueuedNotification } from '../notifications/payment-notifications.ts';
import type { OpenInstallmentChanges } from '../reports/open-installments.ts';
import { bare, texts } from '../db/pg-arrays.ts';
import { uuidv7 } from '../ids.ts';

/** Everything one event writes, computed before the statement. */
export interface LoanEventWrite {
  readonly loanId: string;
  /** The loan's `last_event_seq` as read: the write stands only if it is still that. */
  readonly readSeq: number;
  readonly event: { readonly seq: number; readonly type: string; readonly date: string; readonly payload: unknown };
  readonly idempotencyKey: string | null;
  readonly requestHash: string | null;
  /** The first response, replayed for the idempotency key. */
  readonly response: { readonly status: number; readonly text: string };
  readonly at: string;
  readonly actor: string;
  readonly loan: {
    readonly status: string;
    readonly state: unknown;
    /** Set on disbursement; undefined leaves it. */
    readonly disbursedOn?: string | undefined;
    /** A date or null sets it; undefined leaves it. */
    readonly closedOn?: string | null | undefined;
  };
  /** The journal entry (null when the event moves no money), dated by posting-date.ts. */
  readonly entry: ({ readonly id: string; readonly description: string; readonly currency: string; readonly lines: readonly JournalLine[] } & PostingDates) | null;
  readonly audit: AuditEntry;
  /** The stream head the audit entry follows (null: the stream's first entry). */
  readonly head: { readonly seq: number; readonly hash: string } | null;
  /** How the loan's rows in `loan_open_installments` change (computed from the rows read with the loan). */
  readonly openInstallments: OpenInstallmentChanges;
  readonly notifications: readonly QueuedNotification[];
}

/**
 * The hashes of the rows an event writes — the event, its journal entry and lines, as the
 * statement below stores them — for its audit entry (`audit_log.bound`).
 */
export function loanEventBound(w: Omit<LoanEventWrite, 'audit' | 'head' | 'readSeq' | 'loan' | 'openInstallments' | 'notifications'>): BoundRows {
  const rows: [string, Record<string, unknown>][] = [
    [
      'loan_events',
      {
        loan_id: w.loanId,
        seq: w.event.seq,
        type: w.event.type,
        effective_on: w.event.date,
        payload: w.event.payload,
        idempotency_key: w.idempotencyKey,
        request_hash: w.requestHash,
        response: w.response,
        created_at: w.at,
        created_by: w.actor,
      },
    ],
  ];
  if (w.entry) {
    const { id, description, currency, lines, entryDate, economicDate } = w.entry;
    rows.push(['journal_entries', { id, entry_date: entryDate, description, currency, loan_id: w.loanId, loan_event_seq: w.event.seq, created_at: w.at, created_by: w.actor, economic_date: economicDate }]);
    lines.forEach((l, i) =>
      rows.push(['journal_lines', { entry_id: id, line_no: i + 1, account_code: l.account, debit: l.debit, credit: l.credit, created_at: w.at, created_by: w.actor }]),
    );
  }
  return bindRows(rows);
}

function recordOf(w: LoanEventWrite) {
  return {
    loan_id: w.loanId,
    seq: w.event.seq,
    read_seq: w.readSeq,
    type: w.event.type,
    effective_on: w.event.date,
    payload: w.event.payload,
    idempotency_key: w.idempotencyKey,
    request_hash: w.requestHash,
    response: w.response,
    at: w.at,
    actor: w.actor,
    status: w.loan.status,
    state: w.loan.state,
    disbursed_on: w.loan.disbursedOn ?? null,
    closed_on_set: w.loan.closedOn !== undefined,
    closed_on: w.loan.closedOn ?? null,
    entry_id: w.entry?.id ?? null,
    entry_date: w.entry?.entryDate ?? null,
    economic_date: w.entry?.economicDate ?? null,
    description: w.entry?.description ?? null,
    currency: w.entry?.currency ?? null,
    lines: (w.entry?.lines ?? []).map((l, i) => ({ line_no: i + 1, account_code: l.account, debit: l.debit, credit: l.credit })),
    stream: w.audit.stream,
    stream_seq: w.audit.stream_seq,
    action: w.audit.action,
    entity_type: w.audit.entity_type,
    entity_id: w.audit.entity_id,
    before_hash: w.audit.before_hash,
    after_hash: w.audit.after_hash,
    details: w.audit.details,
    request_id: w.audit.request_id,
    prev_hash: w.audit.prev_hash,
    row_hash: w.audit.row_hash,
    bound: w.audit.bound,
    head_seq: w.head?.seq ?? null,
    head_hash: w.head?.hash ?? null,
    open_added: w.openInstallments.added.map((r) => ({ installment: r.installment, due_date: r.dueDate, principal: r.principal, interest: r.interest, iva: r.iva, fees: r.fees })),
    cash_flow: w.openInstallments.cashFlow.map((c) => ({ due_date: c.dueDate, installments: c.installments, principal: c.principal, interest: c.interest, iva: c.iva, fees: c.fees })),
    notes: w.notifications.map((n) => ({ id: uuidv7(), dedupe_key: n.dedupeKey, kind: n.kind, channel: n.channel, template: n.template, subject: n.subject, body: n.body, payload: n.variables })),
  };
}

/**
 * Writes `writes` (events of different loans) in one statement; throws the database's error —
 * PZ010 (`isAssertionFailure`) when a loan or stream moved, a unique violation when an event
 * number or idempotency key was taken — and then nothing was written.
 */
export async function writeLoanEvents(db: Executor, unordered: readonly LoanEventWrite[]): Promise<void> {
  // In loan id order, as the loans are locked (ids are lower-case UUIDs: text order is uuid order).
  const writes = [...unordered].sort((a, b) => (a.loanId < b.loanId ? -1 : a.loanId > b.loanId ? 1 : 0));
  // The loans and streams again as arrays: each table is reached through its index (`= any`)
  // whatever the planner guesses of the JSON's row count (it guesses 100, and then scanned whole
  // tables under a generic plan).
  const loans = bare(writes.map((w) => w.loanId));
  const streams = texts(writes.map((w) => w.audit.stream));
  // The open installment rows that go, by loan and installment; the statement checks it deleted as many as were read.
  const gone = writes.flatMap((w) => w.openInstallments.gone.map((installment) => ({ loanId: w.loanId, installment })));
  const goneRows = writes.reduce((n, w) => n + w.openInstallments.goneRows, 0);
  await sql`
    with input as (
      select * from json_to_recordset(${JSON.stringify(writes.map(recordOf))}::json) as t(
        loan_id uuid, seq integer, read_seq integer, type text, effective_on date, payload jsonb, idempotency_key text, request_hash text, response json,
        at timestamptz, actor text, status text, state jsonb, disbursed_on date, closed_on_set boolean, closed_on date,
        entry_id uuid, entry_date date, economic_date date, description text, currency text, lines json,
        stream text, stream_seq bigint, action text, entity_type text, entity_id text, before_hash text, after_hash text, details jsonb, request_id text,
        prev_hash text, row_hash text, bound json, head_seq bigint, head_hash text, open_added json, cash_flow json, notes json)
    ), locked as (
      -- Every loan of the statement, locked in id order before anything else is written.
      select l.id from loans l where l.id = any(${loans}::uuid[]) order by l.id for no key update
    ), event as (
      insert into loan_events (loan_id, seq, type, effective_on, payload, idempotency_key, request_hash, response, created_at, created_by)
      select loan_id, seq, type, effective_on, payload, idempotency_key, request_hash, response, at, actor from input
    ), loan as (
      update loans l set status = i.status, state = i.state, last_event_seq = i.seq, updated_at = i.at, updated_by = i.actor,
        disbursed_on = coalesce(i.disbursed_on, l.disbursed_on), closed_on = case when i.closed_on_set then i.closed_on else l.closed_on end
      from input i where l.id = any(${loans}::uuid[]) and l.id = i.loan_id and l.last_event_seq = i.read_seq
      returning l.id
    ), entry as (
      insert into journal_entries (id, entry_date, economic_date, description, currency, loan_id, loan_event_seq, created_at, created_by)
      select entry_id, entry_date, economic_date, description, currency, loan_id, seq, at, actor from input where entry_id is not null
    ), lines as (
      insert into journal_lines (entry_id, line_no, account_code, debit, credit, created_at, created_by)
      select i.entry_id, x.line_no, x.account_code, x.debit, x.credit, i.at, i.actor
      from input i cross join json_to_recordset(i.lines) as x(line_no integer, account_code text, debit numeric, credit numeric)
      where i.entry_id is not null
    ), audit as (
      insert into audit_log (stream, stream_seq, action, entity_type, entity_id, before_hash, after_hash, details, request_id, prev_hash, row_hash, created_at, created_by, bound)
      select stream, stream_seq, action, entity_type, entity_id, before_hash, after_hash, details, request_id, prev_hash, row_hash, at, actor, bound from input
    ), started as (
      insert into audit_streams (stream, last_seq, last_hash, created_at, created_by)
      select stream, stream_seq, row_hash, at, actor from input where head_seq is null
      on conflict (stream) do nothing
      returning stream
    ), moved as (
      update audit_streams s set last_seq = i.stream_seq, last_hash = i.row_hash
      from input i
      where s.stream = any(${streams}::text[]) and i.head_seq is not null and s.stream = i.stream and s.last_seq = i.head_seq and s.last_hash = i.head_hash
      returning s.stream
    ), open_gone as (
      delete from loan_open_installments o using unnest(${bare(gone.map((g) => g.loanId))}::uuid[], ${bare(gone.map((g) => g.installment))}::integer[]) as g(loan_id, installment)
      where o.loan_id = any(${loans}::uuid[]) and o.loan_id = g.loan_id and o.installment = g.installment
      returning 1
    ), open_added as (
      insert into loan_open_installments (loan_id, installment, due_date, principal, interest, iva, fees)
      select i.loan_id, x.installment, x.due_date, x.principal, x.interest, x.iva, x.fees
      from input i cross join json_to_recordset(i.open_added) as x(installment integer, due_date date, principal numeric, interest numeric, iva numeric, fees numeric)
    ), cash_flow_change as (
      insert into cash_flow_changes (due_date, installments, principal, interest, iva, fees)
      select x.due_date, x.installments, x.principal, x.interest, x.iva, x.fees
      from input i cross join json_to_recordset(i.cash_flow) as x(due_date date, installments integer, principal numeric, interest numeric, iva numeric, fees numeric)
    ), notices as (
      insert into notification_outbox (id, dedupe_key, loan_id, business_date, kind, channel, template, subject, body, payload, status, next_attempt_at, created_at, created_by)
      select x.id, x.dedupe_key, i.loan_id, i.effective_on, x.kind, x.channel, x.template, x.subject, x.body, x.payload, 'pending', i.at, i.at, i.actor
      from input i cross join json_to_recordset(i.notes) as x(id uuid, dedupe_key text, kind text, channel text, template text, subject text, body text, payload jsonb)
      on conflict (dedupe_key) do nothing
    )
    select plazo_assert(
      (select count(*) from locked) = ${writes.length} and (select count(*) from loan) = ${writes.length} and (select count(*) from started) + (select count(*) from moved) = ${writes.length}
        and (select count(*) from open_gone) = ${goneRows},
      'a loan, its open installments or its audit stream changed while its event was written'
    ) as ok
  `.execute(db);
}

/** Events in one statement at most. */
const EVENTS_PER_STATEMENT = 32;
const batchers = new WeakMap<Kysely<Database>, StatementBatcher<LoanEventWrite, null>>();

/**
 * Writes one event outside a transaction, together with the events other requests are writing
 * at the same moment (group commit). A group that fails is retried one event at a time, so the
 * error an event gets is its own.
 */
export async function writeLoanEventBatched(db: Kysely<Database>, write: LoanEventWrite): Promise<void> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new StatementBatcher(async (writes) => {
      await writeLoanEvents(db, writes);
      return writes.map(() => null);
    }, { maxBatch: EVENTS_PER_STATEMENT, maxInFlight: 2, splitOn: isDatabaseError });
    batchers.set(db, batcher);
  }
  await batcher.submit(write);
}
