// Portfolio reports over the end of day's state summary (loan_servicing): each one or two
// set-oriented queries on indexed columns, no engine call, no per-loan work in Node. Figures are
// as of the last close of each loan. Money is summed in PostgreSQL (NUMERIC) and returned as
// decimal strings; ratios are decimal strings with 6 places.
import { sql } from 'kysely';
import { promiseOutcome, promisePaid } from '../collections/promise-outcome.ts';
import type { Executor } from '../db/database.ts';

export interface ReportTable {
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, string | number | null>[];
}

const ratio = (num: string, den: string) => sql`case when ${sql.raw(den)} = 0 then 0 else round(${sql.raw(num)} / ${sql.raw(den)}, 6) end`;

/** Active loans and outstanding principal (and total) by product and collection stage. */
export async function portfolioSummary(db: Executor): Promise<ReportTable> {
  const r = await sql<Record<string, string | number>>`
    select product_code as product, coalesce(stage, 'al corriente') as stage, count(*)::int as loans,
           sum(principal_outstanding)::text as principal_outstanding, sum(total_outstanding)::text as total_outstanding
    from loan_servicing where status = 'active' group by 1, 2 order by 1, 2`.execute(db);
  return { columns: ['product', 'stage', 'loans', 'principal_outstanding', 'total_outstanding'], rows: r.rows };
}

/** Aging buckets (current, 1-30, 31-60, 61-90, 91+): loans and outstanding principal. */
export async function agingReport(db: Executor): Promise<ReportTable> {
  const r = await sql<Record<string, string | number>>`
    select aging_bucket as bucket, count(*)::int as loans, sum(principal_outstanding)::text as principal_outstanding
    from loan_servicing where status = 'active' group by 1
    order by case aging_bucket when 'current' then 0 when '1-30' then 1 when '31-60' then 2 when '61-90' then 3 else 4 end`.execute(db);
  return { columns: ['bucket', 'loans', 'principal_outstanding'], rows: r.rows };
}

/**
 * Portfolio at risk and índice de morosidad: PAR30/60/90 = principal of loans more than N days
 * past due / outstanding principal; morosidad = cartera vencida (more than `vencidaDays`, default
 * 90) / cartera total — by product and overall (product `*`).
 */
export async function riskReport(db: Executor, vencidaDays = 90): Promise<ReportTable> {
  const r = await sql<Record<string, string | number>>`
    select coalesce(product_code, '*') as product, n::int as loans, total::text as principal_outstanding,
           par30::text as par30_principal, ${ratio('par30', 'total')}::text as par30, ${ratio('par60', 'total')}::text as par60,
           ${ratio('par90', 'total')}::text as par90, vencida::text as cartera_vencida, ${ratio('vencida', 'total')}::text as indice_morosidad
    from (
      select product_code, count(*) as n, sum(principal_outstanding) as total,
             coalesce(sum(principal_outstanding) filter (where days_past_due > 30), 0) as par30,
             coalesce(sum(principal_outstanding) filter (where days_past_due > 60), 0) as par60,
             coalesce(sum(principal_outstanding) filter (where days_past_due > 90), 0) as par90,
             coalesce(sum(principal_outstanding) filter (where days_past_due > ${vencidaDays}), 0) as vencida
      from loan_servicing where status = 'active' group by grouping sets ((product_code), ())
    ) t
    order by product_code nulls last`.execute(db);
  return { columns: ['product', 'loans', 'principal_outstanding', 'par30_principal', 'par30', 'par60', 'par90', 'cartera_vencida', 'indice_morosidad'], rows: r.rows };
}

/**
 * Vintages: loans by origination month (and product) with the share of their original principal
 * that ever reached 30+, 60+ and 90+ days past due (max DPD seen by the end of day), and the share
 * 30+ now. One row per vintage; plotted by month these are the vintage curves.
 */
export async function vintageReport(db: Executor): Promise<ReportTable> {
  const r = await sql<Record<string, string | number>>`
    select to_char(origination_month, 'YYYY-MM') as vintage, product_code as product, loans, p::text as principal,
           ${ratio('e30', 'p')}::text as ever_30, ${ratio('e60', 'p')}::text as ever_60, ${ratio('e90', 'p')}::text as ever_90, ${ratio('n30', 'p')}::text as now_30
    from (
      select origination_month, product_code, count(*)::int as loans, sum(principal) as p,
             coalesce(sum(principal) filter (where max_days_past_due > 30), 0) as e30,
             coalesce(sum(principal) filter (where max_days_past_due > 60), 0) as e60,
             coalesce(sum(principal) filter (where max_days_past_due > 90), 0) as e90,
             coalesce(sum(principal) filter (where status = 'active' and days_past_due > 30), 0) as n30
      from loan_servicing group by 1, 2
    ) agg
    order by 1, 2`.execute(db);
  return { columns: ['vintage', 'product', 'loans', 'principal', 'ever_30', 'ever_60', 'ever_90', 'now_30'], rows: r.rows };
}

/**
 * Collections effectiveness over contacts made in [from, to] — business dates in `timeZone`, the
 * institution's (a contact at 20:48 in Mexico City on the 10th counts on the 10th, not on the UTC
 * 11th): contacts and promises to pay by result; promises kept, broken and pending as of `today`
 * (promise-outcome.ts: payments booked on the loan from the contact's date to the promised date
 * summing at least the promised amount), the amount promised and collected on them. `byAgent`: one
 * row per agent (user id and name) instead of one.
 */
export async function collectionsReport(db: Executor, from: string, to: string, options: { timeZone: string; today: string; byAgent?: boolean }): Promise<ReportTable> {
  const tz = options.timeZone;
  const byAgent = options.byAgent === true;
  const r = await sql<Record<string, string | number>>`
    with d as (
      select c.*, (c.contacted_at at time zone ${tz})::date as contacted_on from collection_contacts c
      where c.contacted_at >= (${from}::date::timestamp at time zone ${tz}) and c.contacted_at < ((${to}::date + 1)::timestamp at time zone ${tz})
    ), p as (
      select d.*, ${promisePaid(sql`d.loan_id`, sql`d.contacted_on`, sql`d.promise_date`)} as paid from d
    ), c as (
      select p.*, ${promiseOutcome(sql`p.paid`, sql`p.promise_amount`, sql`p.promise_date`, options.today)} as outcome from p
    )
    select ${byAgent ? sql`c.agent, coalesce(u.name, c.agent) as agent_name,` : sql``}
           count(*)::int as contacts,
           count(*) filter (where result <> 'no-answer' and result <> 'wrong-number')::int as reached,
           count(*) filter (where result = 'promise-to-pay')::int as promises,
           count(*) filter (where outcome = 'kept')::int as promises_kept,
           count(*) filter (where outcome = 'broken')::int as promises_broken,
           count(*) filter (where outcome = 'pending')::int as promises_pending,
           coalesce(sum(promise_amount), 0)::text as promised,
           coalesce(sum(least(paid, promise_amount)) filter (where result = 'promise-to-pay'), 0)::text as collected_on_promises,
           ${ratio("count(*) filter (where outcome = 'kept')", "count(*) filter (where result = 'promise-to-pay')")}::text as promise_kept_rate
    from c ${byAgent ? sql`left join users u on u.id = c.agent_id group by c.agent, u.name order by 2, 1` : sql``}`.execute(db);
  const columns = ['contacts', 'reached', 'promises', 'promises_kept', 'promises_broken', 'promises_pending', 'promised', 'collected_on_promises', 'promise_kept_rate'];
  return { columns: byAgent ? ['agent', 'agent_name', ...columns] : columns, rows: r.rows };
}

/** The expected cash flow by ISO week lives with the open installments it sums. */
export { cashFlowReport } from './open-installments.ts';

/** CSV of a report (RFC 4180 quoting). */
export function reportCsv(report: ReportTable): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [report.columns.join(','), ...report.rows.map((r) => report.columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}
