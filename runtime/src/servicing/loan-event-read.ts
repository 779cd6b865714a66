// What recording an event needs to read first, in one statement: the loan row, its events, the
// first use of the request's idempotency key, the head of the loan's audit stream, its rows in
// `loan_open_installments`, its end-of-day checkpoint, the books settings and — for a loan of the
// cash-basis ledger, once — what the journal holds for it. Reads of different requests arriving together go in one statement
// (db/statement-batcher.ts).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Executor } from '../db/database.ts';
import { bare, texts } from '../db/pg-arrays.ts';
import { StatementBatcher } from '../db/statement-batcher.ts';
import type { LoanRow } from '../db/tables/loans.table.ts';
import { firstOpenDaySql } from '../ledger/posting-date.ts';

/** A loan as an event's request reads it. */
export interface LoanForEvent extends LoanRow {
  readonly events_json: unknown[] | null;
  /** The first request with the same idempotency key on this loan, if any. */
  readonly previous_json: { request_hash: string | null; response: unknown } | null;
  readonly head_json: { seq: number; hash: string } | null;
  /** Its rows in `loan_open_installments`: [installment, due date, principal, interest, iva, fees]. */
  readonly open_json: [number, string, string, string, string, string][] | null;
  /** Its end-of-day checkpoint (`loan_checkpoints`): the fold through the last close and the events it covers. */
  readonly checkpoint_json: { as_of: string; event_seq: number; checkpoint: string } | null;
  /** The first day open to postings (posting-date.ts), null while no period is closed. */
  readonly first_open_day: string | null;
  /** The institution's books settings (`accounting_settings`; null: the defaults). */
  readonly settings_json: { iva_on: 'collection' | 'accrual'; vencida_days_single: number | null; vencida_days_periodic: number | null } | null;
  /** A loan of the cash-basis ledger (no `state.books`): what the journal holds for it, by account; else null. */
  readonly legacy_json: Record<string, string> | null;
}

export interface LoanEventRead {
  readonly loanId: string;
  readonly stream: string;
  readonly idempotencyKey: string | undefined;
}

/** A loan's rows in `loan_open_installments`, as `open_json` holds them (`loanId`: an SQL expression of its id). */
export function openInstallmentsJson(loanId: RawBuilder<unknown>): RawBuilder<LoanForEvent['open_json']> {
  return sql`(select json_agg(json_build_array(o.installment, o.due_date, o.principal::text, o.interest::text, o.iva::text, o.fees::text))
    from loan_open_installments o where o.loan_id = ${loanId})`;
}

/** A loan's row in `loan_checkpoints`, as `checkpoint_json` holds it (`loanId`: an SQL expression of its id). */
export function checkpointJson(loanId: RawBuilder<unknown>): RawBuilder<LoanForEvent['checkpoint_json']> {
  return sql`(select json_build_object('as_of', c.as_of, 'event_seq', c.event_seq, 'checkpoint', c.checkpoint) from loan_checkpoints c where c.loan_id = ${loanId})`;
}

/** The books settings, as `settings_json` holds them. */
export function booksSettingsJson(): RawBuilder<LoanForEvent['settings_json']> {
  return sql`(select json_build_object('iva_on', s.iva_on, 'vencida_days_single', s.vencida_days_single, 'vencida_days_periodic', s.vencida_days_periodic) from accounting_settings s)`;
}

/** For a loan of the cash-basis ledger (`state`: its `loans.state`), its journal's position, as `legacy_json` holds it; null for a loan with books. */
export function legacyPositionJson(loanId: RawBuilder<unknown>, state: RawBuilder<unknown>): RawBuilder<LoanForEvent['legacy_json']> {
  return sql`(case when ${state} ? 'books' then null else (
    select coalesce(json_object_agg(x.account, x.amount), '{}'::json) from (
      select jl.account_code as account, sum(jl.debit - jl.credit)::text as amount
      from journal_entries e join journal_lines jl on jl.entry_id = e.id
      where e.loan_id = ${loanId} group by jl.account_code having sum(jl.debit - jl.credit) <> 0) x) end)`;
}

/** Reads in one statement at most. */
const READS_PER_STATEMENT = 32;
const batchers = new WeakMap<Kysely<Database>, StatementBatcher<LoanEventRead, LoanForEvent | undefined>>();

/** The loans of `reads` (undefined where there is none), in one statement: the group commit's reads, and a batch's (servicing's appendLoanEventsInTransaction). */
export async function readLoansForEvents(db: Executor, reads: readonly LoanEventRead[]): Promise<(LoanForEvent | undefined)[]> {
  const ids = bare(reads.map((r) => r.loanId));
  // `l.id = any(…)`: through the primary key, whatever the planner guesses of the list's length.
  const { rows } = await sql<LoanForEvent & { n: string }>`
    select l.*,
      (select json_agg(e.payload order by e.seq) from loan_events e where e.loan_id = l.id) as events_json,
      (select json_build_object('request_hash', e.request_hash, 'response', e.response) from loan_events e
        where e.loan_id = l.id and e.idempotency_key = k.key) as previous_json,
      (select json_build_object('seq', s.last_seq, 'hash', s.last_hash) from audit_streams s where s.stream = k.stream) as head_json,
      ${openInstallmentsJson(sql`l.id`)} as open_json,
      ${checkpointJson(sql`l.id`)} as checkpoint_json,
      ${firstOpenDaySql()} as first_open_day,
      ${booksSettingsJson()} as settings_json,
      ${legacyPositionJson(sql`l.id`, sql`l.state`)} as legacy_json,
      k.n
    from unnest(${ids}::uuid[], ${texts(reads.map((r) => r.idempotencyKey ?? null))}::text[], ${texts(reads.map((r) => r.stream))}::text[])
      with ordinality as k(id, key, stream, n)
    join loans l on l.id = k.id
    where l.id = any(${ids}::uuid[])
  `.execute(db);
  const out: (LoanForEvent | undefined)[] = reads.map(() => undefined);
  for (const { n, ...row } of rows) out[Number(n) - 1] = row as LoanForEvent;
  return out;
}

/** The loan `read` names with what an event needs (undefined when there is no such loan), read together with other requests' reads. */
export function readLoanForEvent(db: Kysely<Database>, read: LoanEventRead): Promise<LoanForEvent | undefined> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new StatementBatcher((reads) => readLoansForEvents(db, reads), { maxBatch: READS_PER_STATEMENT, maxInFlight: 2, splitOn: () => true });
    batchers.set(db, batcher);
  }
  return batcher.submit(read);
}
