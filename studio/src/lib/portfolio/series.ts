// Portfolio report tables (GET /api/v1/reports/…, money and ratios as decimal strings) → what the
// dashboard draws: stage totals, the overall risk ratios, aging bars, vintage lines, weekly cash
// flow, and SVG geometry. Plain functions, no Svelte, unit-tested in Node.
import type { CollectionQueue, ReportTable } from '../api/client.ts';

type Row = Readonly<Record<string, string | number | null>>;

const num = (v: string | number | null | undefined): number => {
  const n = typeof v === 'number' ? v : Number(v ?? 0);
  return Number.isFinite(n) ? n : 0;
};

/** Adds decimal strings exactly (to 2 places at most as the API gives money) → decimal string with 2 places. */
export function sumMoney(values: readonly (string | number | null | undefined)[]): string {
  let cents = 0n;
  for (const v of values) {
    if (v === null || v === undefined || v === '') continue;
    const s = String(v);
    const negative = s.startsWith('-');
    const [int = '0', frac = ''] = (negative ? s.slice(1) : s).split('.');
    const c = BigInt(int || '0') * 100n + BigInt((frac + '00').slice(0, 2));
    cents += negative ? -c : c;
  }
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export interface StageTotal {
  readonly stage: string;
  readonly loans: number;
  readonly principal: string;
  readonly total: string;
}

/** The summary report (by product and stage) → one row per stage, `al corriente` first, then by loans. */
export function stageTotals(summary: Pick<ReportTable, 'rows'>): StageTotal[] {
  const by = new Map<string, { loans: number; principal: string[]; total: string[] }>();
  for (const r of summary.rows as Row[]) {
    const stage = String(r.stage ?? 'al corriente');
    const e = by.get(stage) ?? { loans: 0, principal: [], total: [] };
    e.loans += num(r.loans);
    e.principal.push(String(r.principal_outstanding ?? '0'));
    e.total.push(String(r.total_outstanding ?? '0'));
    by.set(stage, e);
  }
  return [...by.entries()]
    .map(([stage, e]) => ({ stage, loans: e.loans, principal: sumMoney(e.principal), total: sumMoney(e.total) }))
    .sort((a, b) => (a.stage === 'al corriente' ? -1 : b.stage === 'al corriente' ? 1 : b.loans - a.loans || a.stage.localeCompare(b.stage)));
}

export interface RiskFigures {
  readonly loans: number;
  readonly principal: string;
  readonly par30: number;
  readonly par60: number;
  readonly par90: number;
  readonly morosidad: number;
  readonly carteraVencida: string;
}

/** The risk report's overall row (product `*`), or null when the portfolio is empty. */
export function overallRisk(risk: Pick<ReportTable, 'rows'>): RiskFigures | null {
  const r = (risk.rows as Row[]).find((x) => x.product === '*');
  if (!r || num(r.loans) === 0) return null;
  return {
    loans: num(r.loans),
    principal: String(r.principal_outstanding ?? '0'),
    par30: num(r.par30),
    par60: num(r.par60),
    par90: num(r.par90),
    morosidad: num(r.indice_morosidad),
    carteraVencida: String(r.cartera_vencida ?? '0'),
  };
}

/** `0.123456` → `12.35%` (ratios shown to people). */
export function percent(ratio: number, digits = 2): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '91+'] as const;

export interface Bar {
  readonly key: string;
  readonly loans: number;
  readonly principal: string;
  readonly value: number;
}

/** The aging report → the five buckets in order (missing ones as zero), valued by outstanding principal. */
export function agingBars(aging: Pick<ReportTable, 'rows'>): Bar[] {
  const rows = aging.rows as Row[];
  const known = new Set<string>(AGING_BUCKETS);
  const keys = [...AGING_BUCKETS, ...rows.map((r) => String(r.bucket)).filter((b) => !known.has(b))];
  return keys.map((key) => {
    const r = rows.find((x) => String(x.bucket) === key);
    const principal = String(r?.principal_outstanding ?? '0.00');
    return { key, loans: num(r?.loans), principal, value: num(principal) };
  });
}

export interface VintagePoint {
  readonly vintage: string;
  readonly loans: number;
  readonly ever30: number;
  readonly ever60: number;
  readonly ever90: number;
  readonly now30: number;
}

export interface VintageSeries {
  readonly key: 'ever30' | 'ever60' | 'ever90' | 'now30';
  readonly points: readonly { readonly x: string; readonly y: number }[];
}

/**
 * The vintages report (by month and product) → one point per origination month, the products
 * weighted by their original principal; then one line per measure (ever 30+, 60+, 90+, 30+ now).
 */
export function vintageCurves(vintages: Pick<ReportTable, 'rows'>): { months: VintagePoint[]; series: VintageSeries[] } {
  const by = new Map<string, { loans: number; p: number; e30: number; e60: number; e90: number; n30: number }>();
  for (const r of vintages.rows as Row[]) {
    const month = String(r.vintage);
    const p = num(r.principal);
    const e = by.get(month) ?? { loans: 0, p: 0, e30: 0, e60: 0, e90: 0, n30: 0 };
    e.loans += num(r.loans);
    e.p += p;
    e.e30 += p * num(r.ever_30);
    e.e60 += p * num(r.ever_60);
    e.e90 += p * num(r.ever_90);
    e.n30 += p * num(r.now_30);
    by.set(month, e);
  }
  const share = (x: number, p: number) => (p === 0 ? 0 : x / p);
  const months = [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([vintage, e]) => ({ vintage, loans: e.loans, ever30: share(e.e30, e.p), ever60: share(e.e60, e.p), ever90: share(e.e90, e.p), now30: share(e.n30, e.p) }));
  const keys = ['ever30', 'ever60', 'ever90', 'now30'] as const;
  return { months, series: keys.map((key) => ({ key, points: months.map((m) => ({ x: m.vintage, y: m[key] })) })) };
}

export interface WeekFlow {
  readonly week: string;
  readonly weekStart: string;
  /** The report's `overdue` line: what fell due before the first week and is expected at once. */
  readonly overdue: boolean;
  readonly installments: number;
  readonly expected: string;
  readonly value: number;
}

/** The cash-flow report → one bar per ISO week, in order, after the overdue line when there is one. */
export function cashFlowWeeks(cashFlow: Pick<ReportTable, 'rows'>): WeekFlow[] {
  return (cashFlow.rows as Row[])
    .map((r) => ({ week: String(r.week), weekStart: String(r.week_start), overdue: r.week === 'overdue', installments: num(r.installments), expected: String(r.expected ?? '0'), value: num(r.expected) }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.weekStart.localeCompare(b.weekStart));
}

export interface QueueTotal {
  /** null: the loans in stages without a queue (often castigo), not worked as a queue. */
  readonly queue: string | null;
  readonly stages: readonly string[];
  readonly loans: number;
  readonly overdue: string;
  readonly outstanding: string;
  readonly maxDpd: number;
  readonly assigned: number;
  /** Loans written off (what is left to recover). */
  readonly writtenOff: number;
  /** The stages that write loans off (castigo) among `stages`. */
  readonly writeOffStages: readonly string[];
}

/** The queues (one row per queue and stage) → one row per queue, most loans first; stages without a queue last. */
export function queueTotals(queues: readonly CollectionQueue[]): QueueTotal[] {
  const by = new Map<string | null, { stages: string[]; loans: number; overdue: string[]; outstanding: string[]; maxDpd: number; assigned: number; writtenOff: number; writeOffStages: string[] }>();
  for (const q of queues) {
    const e = by.get(q.queue) ?? { stages: [], loans: 0, overdue: [], outstanding: [], maxDpd: 0, assigned: 0, writtenOff: 0, writeOffStages: [] };
    if (q.stage && !e.stages.includes(q.stage)) e.stages.push(q.stage);
    if (q.stage && q.write_off_stage && !e.writeOffStages.includes(q.stage)) e.writeOffStages.push(q.stage);
    e.loans += num(q.loans);
    e.overdue.push(q.overdue);
    e.outstanding.push(q.outstanding);
    e.maxDpd = Math.max(e.maxDpd, num(q.max_dpd));
    e.assigned += num(q.assigned);
    e.writtenOff += num(q.written_off ?? 0);
    by.set(q.queue, e);
  }
  return [...by.entries()]
    .map(([queue, e]) => ({ queue, stages: e.stages, loans: e.loans, overdue: sumMoney(e.overdue), outstanding: sumMoney(e.outstanding), maxDpd: e.maxDpd, assigned: e.assigned, writtenOff: e.writtenOff, writeOffStages: e.writeOffStages }))
    .sort((a, b) => (a.queue === null ? 1 : 0) - (b.queue === null ? 1 : 0) || b.loans - a.loans || (a.queue ?? '').localeCompare(b.queue ?? ''));
}

/** A round upper bound for an axis (1, 2, 2.5, 5 × 10ⁿ) at or above `max`; 1 for an empty chart. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max - 1e-12) return m * p;
  return 10 * p;
}

export interface BarGeometry {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Vertical bars for `values` in a `width`×`height` plot area: equal slots, `gap` share of each slot empty. */
export function barLayout(values: readonly number[], width: number, height: number, max = niceMax(Math.max(0, ...values)), gap = 0.3): BarGeometry[] {
  const slot = values.length === 0 ? 0 : width / values.length;
  return values.map((v, i) => {
    const h = max > 0 ? (Math.max(0, v) / max) * height : 0;
    return { x: i * slot + (slot * gap) / 2, y: height - h, width: slot * (1 - gap), height: h };
  });
}

/** An SVG polyline's `points` for `ys` spread evenly over `width` (one point in the middle), scaled to `max` over `height`. */
export function linePoints(ys: readonly number[], width: number, height: number, max: number): string {
  const step = ys.length > 1 ? width / (ys.length - 1) : 0;
  return ys
    .map((y, i) => {
      const px = ys.length > 1 ? i * step : width / 2;
      const py = height - (max > 0 ? (Math.max(0, y) / max) * height : 0);
      return `${round(px)},${round(py)}`;
    })
    .join(' ');
}

const round = (n: number) => Math.round(n * 100) / 100;
