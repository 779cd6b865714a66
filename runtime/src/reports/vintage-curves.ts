// Vintage curves: for each origination month (vintage) and product, the share of what was
// originated that had been more than 30 (60, 90) days past due by each month on book. A loan is
// "30+" on a day its days past due exceed 30 (the PAR30 threshold); "ever 30+ by month on book k"
// means it was 30+ on some day up to the end of the k-th calendar month after its origination
// month (a loan disbursed on 2025-01-20 is at month on book 1 on 2025-02-28, 2 on 2025-03-31).
// The state summary only holds the present, so each month end, once the end of day has closed
// it, `recordVintagePoints` keeps the month's point of every vintage in `vintage_points`; the
// report reads those points (a few rows per vintage, whatever the number of loans).
import { addDays, parseIsoDate } from '@plazo/engine';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { ReportTable } from './portfolio-reports.ts';

/** True when `date` is the last day of its month. */
export function isMonthEnd(date: string): boolean {
  return parseIsoDate(date) !== undefined && addDays(date, 1).slice(8) === '01';
}

/**
 * Records, for the month ending on `monthEnd`, the point of every vintage originated before that
 * month: loans and principal originated, and how many of them (and how much of that principal)
 * were ever more than 30, 60 and 90 days past due by then (`max_days_past_due`), and more than 30
 * on the day (`days_past_due`; a loan paid off or written off keeps its last figures). Run it
 * once the end of day has closed `monthEnd` and before it closes the next date — the figures are
 * the state summary's, so read later they would be another day's: it refuses (409
 * `vintage-month-passed`) when any loan was already closed after `monthEnd`. Idempotent: running
 * it again for the same month replaces that month's points.
 */
export async function recordVintagePoints(db: Executor, monthEnd: string, ctx: { actor: string; at: string }): Promise<{ points: number }> {
  if (!isMonthEnd(monthEnd)) throw new AppError(422, 'not-a-month-end', `\`${monthEnd}\` is not the last day of a month`, [{ path: 'monthEnd', message: 'must be the last day of a month' }]);
  const month = `${monthEnd.slice(0, 8)}01`;
  const points = await sql<Record<string, string | number | boolean>>`
    select origination_month::text as origination_month, coalesce(product_code, '') as product_code,
           ((extract(year from ${month}::date) - extract(year from origination_month)) * 12 + extract(month from ${month}::date) - extract(month from origination_month))::int as mob,
           count(*)::int as loans, sum(principal)::text as principal,
           count(*) filter (where max_days_past_due > 30)::int as e30n, coalesce(sum(principal) filter (where max_days_past_due > 30), 0)::text as e30p,
           count(*) filter (where max_days_past_due > 60)::int as e60n, coalesce(sum(principal) filter (where max_days_past_due > 60), 0)::text as e60p,
           count(*) filter (where max_days_past_due > 90)::int as e90n, coalesce(sum(principal) filter (where max_days_past_due > 90), 0)::text as e90p,
           count(*) filter (where status = 'active' and days_past_due > 30)::int as d30n,
           coalesce(sum(principal) filter (where status = 'active' and days_past_due > 30), 0)::text as d30p,
           bool_or(as_of > ${monthEnd}::date) as later
    from loan_servicing where origination_month < ${month}::date
    group by origination_month, product_code
  `.execute(db);
  if (points.rows.some((p) => p.later)) {
    throw new AppError(409, 'vintage-month-passed', `loans were already closed after ${monthEnd}: the state summary no longer shows that month end`, { monthEnd });
  }
  const rows = points.rows;
  const col = (k: string) => rows.map((r) => r[k]);
  await sql`
    insert into vintage_points as v (origination_month, product_code, months_on_book, month_end, loans, principal, ever_30_loans, ever_30_principal,
      ever_60_loans, ever_60_principal, ever_90_loans, ever_90_principal, dpd_30_loans, dpd_30_principal, created_at, created_by)
    select t.om, t.pc, t.mob, ${monthEnd}::date, t.n, t.p, t.e30n, t.e30p, t.e60n, t.e60p, t.e90n, t.e90p, t.d30n, t.d30p, ${ctx.at}::timestamptz, ${ctx.actor}
    from unnest(${col('origination_month')}::date[], ${col('product_code')}::text[], ${col('mob')}::int[], ${col('loans')}::int[], ${col('principal')}::numeric[],
                ${col('e30n')}::int[], ${col('e30p')}::numeric[], ${col('e60n')}::int[], ${col('e60p')}::numeric[], ${col('e90n')}::int[], ${col('e90p')}::numeric[],
                ${col('d30n')}::int[], ${col('d30p')}::numeric[]) as t(om, pc, mob, n, p, e30n, e30p, e60n, e60p, e90n, e90p, d30n, d30p)
    on conflict (origination_month, product_code, months_on_book) do update set
      month_end = excluded.month_end, loans = excluded.loans, principal = excluded.principal, ever_30_loans = excluded.ever_30_loans,
      ever_30_principal = excluded.ever_30_principal, ever_60_loans = excluded.ever_60_loans, ever_60_principal = excluded.ever_60_principal,
      ever_90_loans = excluded.ever_90_loans, ever_90_principal = excluded.ever_90_principal, dpd_30_loans = excluded.dpd_30_loans,
      dpd_30_principal = excluded.dpd_30_principal, created_at = excluded.created_at, created_by = excluded.created_by
  `.execute(db);
  return { points: rows.length };
}

export const VINTAGE_METRICS = ['ever-30', 'ever-60', 'ever-90', 'dpd-30'] as const;
export type VintageMetric = (typeof VINTAGE_METRICS)[number];

const METRIC_COLUMNS: Record<VintageMetric, string> = { 'ever-30': 'ever_30', 'ever-60': 'ever_60', 'ever-90': 'ever_90', 'dpd-30': 'dpd_30' };

export interface VintageCurveOptions {
  /** `ever-30` (default), `ever-60`, `ever-90`: ever more than N days past due by the month on book; `dpd-30`: more than 30 at its end. */
  readonly metric?: VintageMetric;
  /** Share of the principal originated (`amount`, default) or of the number of loans (`loans`). */
  readonly basis?: 'amount' | 'loans';
  /** Months on book shown: 1..months (default 12). */
  readonly months?: number;
  readonly product?: string | undefined;
}

/**
 * The vintage curves as a table: one row per vintage and product (and `*`, all products), with
 * the loans and principal originated and the metric's share at months on book 1..`months`
 * (`mob_1`…; null where that month has not been recorded yet). Shares are decimal strings with 6
 * places, computed in PostgreSQL from the recorded counts and amounts.
 */
export async function vintageCurvesReport(db: Executor, options: VintageCurveOptions = {}): Promise<ReportTable> {
  const metric = METRIC_COLUMNS[options.metric ?? 'ever-30'];
  const months = options.months ?? 12;
  const [num, den] = options.basis === 'loans' ? [`${metric}_loans`, 'loans'] : [`${metric}_principal`, 'principal'];
  const r = await sql<{ vintage: string; product: string; mob: number; loans: number; principal: string; share: string; latest: boolean }>`
    select to_char(origination_month, 'YYYY-MM') as vintage, coalesce(product_code, '*') as product, months_on_book as mob,
           sum(loans)::int as loans, sum(principal)::text as principal,
           case when sum(${sql.ref(den)}) = 0 then '0.000000' else round(sum(${sql.ref(num)})::numeric / sum(${sql.ref(den)}), 6)::text end as share
    from vintage_points
    where months_on_book <= ${months} ${options.product ? sql`and product_code = ${options.product}` : sql``}
    group by grouping sets ((origination_month, product_code, months_on_book), (origination_month, months_on_book))
    order by origination_month, product_code nulls last, months_on_book
  `.execute(db);
  const columns = ['vintage', 'product', 'loans', 'principal', ...Array.from({ length: months }, (_, k) => `mob_${k + 1}`)];
  const rows = new Map<string, Record<string, string | number | null>>();
  for (const p of r.rows) {
    const key = `${p.vintage}|${p.product}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = Object.fromEntries(columns.map((c) => [c, null])) as Record<string, string | number | null>));
    // The originated figures of the latest month on book recorded (a vintage only grows until its month closes).
    Object.assign(row, { vintage: p.vintage, product: p.product, loans: p.loans, principal: p.principal, [`mob_${p.mob}`]: p.share });
  }
  return { columns, rows: [...rows.values()] };
}
