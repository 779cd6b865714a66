// What each open installment of an active loan still owes by component, kept in
// `loan_open_installments` as of the loan's last event: the source of the expected cash flow.
// Every loan event rewrites its loan's rows — only those that changed — in the event's own
// statement (servicing/loan-event-statement.ts), and records what the rewrite changed per due
// date in `cash_flow_changes` (insert-only, so concurrent events never wait on each other);
// `compactCashFlowChanges` folds those changes into `cash_flow_days`. The report sums days and
// changes: a few hundred rows, whatever the number of loans.
import { COMPONENTS, componentOrder, Dec, loanState, waterfall, type Component, type LoanEvent, type LoanState, type LoanTerms, type ProductIR } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import type { Database, Executor } from '../db/database.ts';
import { irOf } from '../products/product-versions.ts';
import type { ReportTable } from './portfolio-reports.ts';

/** An open installment's scheduled parts still owed (IVA on interest and fees together). */
export interface OpenInstallment {
  readonly installment: number;
  readonly dueDate: string;
  readonly principal: string;
  readonly interest: string;
  readonly iva: string;
  readonly fees: string;
}

const OPEN = new Set(['pending', 'due', 'overdue']);

/**
 * The open installments of a loan in `state` (the engine's state after an event) with what each
 * still owes of principal, interest, IVA on interest and fees, and fees — after the credit
 * balance, which the engine applies to the next installments on their due dates in the product's
 * allocation order. Penalties (late fees, moratorium and their IVA) are contingent and left out.
 * None for a loan that is not active.
 */
export function openInstallmentsOf(product: ProductIR, state: LoanState): OpenInstallment[] {
  if (state.status !== 'active') return [];
  const order = componentOrder(product.allocation).map((c) => COMPONENTS.indexOf(c));
  // Amounts keep the currency scale the state writes them at (its credit balance: "0.00").
  const scale = state.creditBalance.split('.')[1]?.length ?? 0;
  const plain = scale === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${scale}}$`);
  const fixed = (amount: string) => (plain.test(amount) ? amount : new Dec(amount).toFixed(scale));
  let credit = new Dec(state.creditBalance);
  const out: OpenInstallment[] = [];
  for (const inst of state.installments) {
    if (!OPEN.has(inst.status)) continue;
    let row: Omit<OpenInstallment, 'installment' | 'dueDate'>;
    if (credit.gt(0)) {
      const owed = COMPONENTS.map((c) => new Dec(inst.outstanding[c]));
      const paid = waterfall(credit, order.map((i) => owed[i]!));
      order.forEach((i, k) => (owed[i] = owed[i]!.minus(paid.taken[k]!)));
      credit = paid.remaining;
      const part = (c: Component) => owed[COMPONENTS.indexOf(c)]!;
      row = {
        principal: part('principal').toFixed(scale),
        interest: part('interest').toFixed(scale),
        iva: part('interestIva').plus(part('feesIva')).toFixed(scale),
        fees: part('fees').toFixed(scale),
      };
    } else {
      // No credit to apply (the usual case): the state's amounts as they are, without decimal
      // arithmetic unless one is written at another scale or both IVAs are owed.
      const o = inst.outstanding;
      row = {
        principal: fixed(o.principal),
        interest: fixed(o.interest),
        iva: ZERO.test(o.feesIva) ? fixed(o.interestIva) : ZERO.test(o.interestIva) ? fixed(o.feesIva) : new Dec(o.interestIva).plus(o.feesIva).toFixed(scale),
        fees: fixed(o.fees),
      };
    }
    if (ZERO.test(row.principal) && ZERO.test(row.interest) && ZERO.test(row.iva) && ZERO.test(row.fees)) continue;
    out.push({ installment: inst.number, dueDate: inst.dueDate, ...row });
  }
  return out;
}

/** A decimal string that is zero. */
const ZERO = /^-?0(\.0+)?$/;

/** What a rewrite of one loan's open installments changes. */
export interface OpenInstallmentChanges {
  /** Installment numbers whose stored rows go (changed or no longer open). */
  readonly gone: readonly number[];
  /** How many stored rows that deletes. */
  readonly goneRows: number;
  /** Rows to insert (new or changed). */
  readonly added: readonly OpenInstallment[];
  /** Per due date, what the expected cash flow gains (negative: loses); days that net to nothing left out. */
  readonly cashFlow: readonly CashFlowChange[];
}

/** A `cash_flow_changes` row: the change of one due date's expected amounts and installment count. */
export interface CashFlowChange {
  readonly dueDate: string;
  readonly installments: number;
  readonly principal: string;
  readonly interest: string;
  readonly iva: string;
  readonly fees: string;
}

const AMOUNTS = ['principal', 'interest', 'iva', 'fees'] as const;

function sameRow(a: OpenInstallment, b: OpenInstallment): boolean {
  return a.dueDate === b.dueDate && AMOUNTS.every((k) => a[k] === b[k] || new Dec(a[k]).eq(b[k]));
}

/**
 * The difference between the stored open installments of a loan (`before`) and what they must
 * become (`after`): rows whose installment is no longer open or changed go, new and changed
 * rows come, and the expected cash flow moves by the difference per due date (exact decimals).
 */
export function openInstallmentChanges(before: readonly OpenInstallment[], after: readonly OpenInstallment[]): OpenInstallmentChanges {
  const next = new Map(after.map((r) => [r.installment, r]));
  const stored = new Map<number, OpenInstallment[]>();
  for (const row of before) stored.set(row.installment, [...(stored.get(row.installment) ?? []), row]);
  // An installment stays when its one stored row is what it must be.
  const kept = new Set<number>();
  for (const [installment, rows] of stored) {
    const wanted = next.get(installment);
    if (wanted && rows.length === 1 && sameRow(rows[0]!, wanted)) kept.add(installment);
  }
  const gone = [...stored.keys()].filter((n) => !kept.has(n));
  const removed = before.filter((r) => !kept.has(r.installment));
  const added = after.filter((r) => !kept.has(r.installment));
  const days = new Map<string, { installments: number; amounts: InstanceType<typeof Dec>[] }>();
  const move = (row: OpenInstallment, sign: 1 | -1) => {
    let day = days.get(row.dueDate);
    if (!day) days.set(row.dueDate, (day = { installments: 0, amounts: AMOUNTS.map(() => new Dec(0)) }));
    day.installments += sign;
    AMOUNTS.forEach((k, i) => (day.amounts[i] = sign === 1 ? day.amounts[i]!.plus(row[k]) : day.amounts[i]!.minus(row[k])));
  };
  for (const row of added) move(row, 1);
  for (const row of removed) move(row, -1);
  // At the scale the rows are written at (the currency's), as the report sums them.
  const scale = Math.max(0, ...[...added, ...removed].flatMap((r) => AMOUNTS.map((k) => r[k].split('.')[1]?.length ?? 0)));
  const cashFlow: CashFlowChange[] = [];
  for (const [dueDate, day] of days) {
    if (day.installments === 0 && day.amounts.every((a) => a.isZero())) continue;
    const [principal, interest, iva, fees] = day.amounts.map((a) => a.toFixed(scale));
    cashFlow.push({ dueDate, installments: day.installments, principal: principal!, interest: interest!, iva: iva!, fees: fees! });
  }
  return { gone, goneRows: removed.length, added, cashFlow };
}

/**
 * Folds `cash_flow_changes` into `cash_flow_days` (and drops days that come to nothing). Safe to
 * run at any time and from several processes: each change is moved once, in one transaction.
 * The report is right without it; it keeps the report's work small (run it nightly, after the
 * end of day — see README).
 */
export async function compactCashFlowChanges(db: Executor): Promise<{ changes: number }> {
  const moved = await sql<{ n: number }>`
    with moved as (delete from cash_flow_changes returning *),
    agg as (select due_date, sum(installments) as n, sum(principal) as p, sum(interest) as i, sum(iva) as v, sum(fees) as f from moved group by due_date),
    folded as (
      insert into cash_flow_days as d (due_date, installments, principal, interest, iva, fees) select due_date, n, p, i, v, f from agg
      on conflict (due_date) do update set installments = d.installments + excluded.installments, principal = d.principal + excluded.principal,
        interest = d.interest + excluded.interest, iva = d.iva + excluded.iva, fees = d.fees + excluded.fees
    )
    select count(*)::int as n from moved
  `.execute(db);
  await sql`delete from cash_flow_days where installments = 0 and principal = 0 and interest = 0 and iva = 0 and fees = 0`.execute(db);
  return { changes: moved.rows[0]?.n ?? 0 };
}

/**
 * Rebuilds `loan_open_installments` (and records the differences in `cash_flow_changes`) for
 * every active loan — and every loan that still has rows — by folding its events with the
 * engine on its last event's date, `chunkSize` loans per transaction (their rows locked). For a
 * database whose loans predate the table (after the migration) or were written without events'
 * statements (the benchmark's generator). Run it while no events are being posted: an event's
 * statement reads the table as it found it when it started.
 */
export async function rebuildOpenInstallments(db: Kysely<Database>, options: { chunkSize?: number } = {}): Promise<{ loans: number; installments: number }> {
  const chunkSize = options.chunkSize ?? 1000;
  let after = '00000000-0000-0000-0000-000000000000';
  let loans = 0;
  let installments = 0;
  for (;;) {
    const done = await db.transaction().execute(async (tx) => {
      const chunk = await sql<{ id: string; status: string; product_version_id: string; terms: LoanTerms; events: LoanEvent[] | null }>`
        select l.id, l.status, l.product_version_id, l.terms,
               (select json_agg(e.payload order by e.seq) from loan_events e where e.loan_id = l.id) as events
        from loans l
        where l.id > ${after}::uuid and (l.status = 'active' or exists (select 1 from loan_open_installments o where o.loan_id = l.id))
        order by l.id limit ${chunkSize}
        for update of l
      `.execute(tx);
      if (chunk.rows.length === 0) return true;
      const ids: string[] = [];
      const rows: (OpenInstallment & { loanId: string })[] = [];
      for (const loan of chunk.rows) {
        ids.push(loan.id);
        const events = loan.events ?? [];
        if (loan.status !== 'active' || events.length === 0) continue;
        const ir = await irOf(tx, loan.product_version_id);
        const state = loanState(ir, loan.terms, events, events.reduce((d, e) => (e.date > d ? e.date : d), events[0]!.date));
        for (const r of openInstallmentsOf(ir, state)) rows.push({ ...r, loanId: loan.id });
      }
      await sql`
        with gone as (delete from loan_open_installments where loan_id = any(${ids}::uuid[]) returning due_date, principal, interest, iva, fees),
        added as (
          insert into loan_open_installments (loan_id, installment, due_date, principal, interest, iva, fees)
          select * from unnest(${rows.map((r) => r.loanId)}::uuid[], ${rows.map((r) => r.installment)}::int[], ${rows.map((r) => r.dueDate)}::date[],
                               ${rows.map((r) => r.principal)}::numeric[], ${rows.map((r) => r.interest)}::numeric[], ${rows.map((r) => r.iva)}::numeric[],
                               ${rows.map((r) => r.fees)}::numeric[])
          returning due_date, principal, interest, iva, fees
        )
        insert into cash_flow_changes (due_date, installments, principal, interest, iva, fees)
        select due_date, sum(n), sum(p), sum(i), sum(v), sum(f) from (
          select due_date, 1 as n, principal as p, interest as i, iva as v, fees as f from added
          union all select due_date, -1, -principal, -interest, -iva, -fees from gone
        ) d group by due_date
        having sum(n) <> 0 or sum(p) <> 0 or sum(i) <> 0 or sum(v) <> 0 or sum(f) <> 0
      `.execute(tx);
      after = ids.at(-1)!;
      loans += ids.length;
      installments += rows.length;
      return false;
    });
    if (done) break;
  }
  return { loans, installments };
}

/**
 * Expected cash flow from the schedules: what the open installments of active loans still owe
 * (principal, interest, IVA, fees; `expected` their sum), one line per ISO week from the week of
 * `from` for `weeks` weeks, after an `overdue` line with what fell due before `from` (dated the
 * first week, when it is expected at once). Penalties are contingent and not included; credit
 * balances already pay the installments they will pay. Figures as of each loan's last event.
 */
export async function cashFlowReport(db: Executor, from: string, weeks = 13): Promise<ReportTable> {
  const r = await sql<Record<string, string | number>>`
    with bounds as (select date_trunc('week', ${from}::date::timestamp)::date as first_week),
    days as (
      select due_date, sum(installments) as n, sum(principal) as p, sum(interest) as i, sum(iva) as v, sum(fees) as f
      from (
        select due_date, installments, principal, interest, iva, fees from cash_flow_days
        union all select due_date, installments, principal, interest, iva, fees from cash_flow_changes
      ) x, bounds where due_date < first_week + ${weeks * 7}::int
      group by due_date having sum(installments) <> 0 or sum(principal) <> 0 or sum(interest) <> 0 or sum(iva) <> 0 or sum(fees) <> 0
    ),
    lines as (
      select 0 as line, 'overdue' as week, b.first_week as week_start, d.n, d.p, d.i, d.v, d.f from bounds b left join days d on d.due_date < ${from}::date
      union all
      select 1, to_char(w, 'IYYY-"W"IW'), w::date, d.n, d.p, d.i, d.v, d.f
      from bounds b cross join generate_series(b.first_week::timestamp, (b.first_week + ${(weeks - 1) * 7}::int)::timestamp, interval '7 days') w
      left join days d on d.due_date >= ${from}::date and date_trunc('week', d.due_date::timestamp) = w
    )
    select week, week_start::text as week_start, coalesce(sum(n), 0)::int as installments, coalesce(sum(p), 0)::text as principal,
           coalesce(sum(i), 0)::text as interest, coalesce(sum(v), 0)::text as iva, coalesce(sum(f), 0)::text as fees,
           coalesce(sum(p) + sum(i) + sum(v) + sum(f), 0)::text as expected
    from lines group by line, week, week_start order by line, week_start`.execute(db);
  return { columns: ['week', 'week_start', 'installments', 'principal', 'interest', 'iva', 'fees', 'expected'], rows: r.rows };
}
