// The interest accrued to a day in the current period of a schedule segment, exactly as
// payoffQuote computes it, from a small table made once per segment (kept in the checkpoint), so
// the daily payoff needs neither the schedule nor its plan.
import { Dec } from '../decimal.ts';
import { days360, formatIsoDate } from '../calendar/iso-date.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import { payoffQuote } from '../payoff/payoff-quote.ts';
import { roundTo } from '../rounding.ts';
import { feeAmount } from '../schedule/fee-amounts.ts';
import { flatPeriodInterests } from '../schedule/flat-interest.ts';
import { planSchedule } from '../schedule/plan.ts';
import type { Schedule } from '../schedule/schedule.ts';
import { clearOfTie, EXACT_LIMIT, parseMoney, POW10, roundDiv, scaledOf, timesRate } from './money.ts';

/** What payoffQuote needs of a segment's schedule and plan, as plain JSON. */
export interface SegmentAccrual {
  readonly disbursementDay: number;
  readonly dueDays: readonly number[];
  /** Principal outstanding during period k: the financed amount, then each row's balance. */
  readonly balances: readonly string[];
  /** Year fraction [num, den] of each period (non-flat loans on the `period` basis), else null. */
  readonly fractions: readonly (readonly [number, number])[] | null;
  /** round(P·r·T/n) (flat loans), else null. A table of an older checkpoint without `flatInterests` accrues it in every period. */
  readonly flatPer: string | null;
  /** The schedule's interest of each period (flat loans, before grace deferral); absent in tables of older checkpoints. */
  readonly flatInterests?: readonly string[];
  /** Grace interest deferred before period c and not collected yet, for c = 0..grace. */
  readonly deferred: readonly string[];
  /** IVA of the taxable financed fees, owed while the first installment is current. */
  readonly financedFeeIva: string;
}

/** The accrual table of a segment, with payoffQuote's own decimal arithmetic. */
export function segmentAccrual(terms: LoanTerms, schedule: Schedule): SegmentAccrual {
  const plan = planSchedule(terms);
  const s = terms.decimals;
  const round = (x: Dec) => roundTo(x, s, terms.rounding);
  const r = new Dec(terms.annualRate);
  const n = terms.installments;
  const rows = schedule.installments;
  const balances = [schedule.financed, ...rows.slice(0, n - 1).map((row) => row.balance)];
  const flat = terms.method === 'flat';
  const flatPer = flat ? round(new Dec(schedule.financed).times(r).times(plan.term.num).div(plan.term.den * n)) : null;
  const flatI = flat ? flatPeriodInterests(terms, plan, new Dec(schedule.financed)) : null;
  const periodInterest = (k: number): Dec => flatI?.[k] ?? round(new Dec(balances[k]!).times(r).times(plan.fractions[k]!.num).div(plan.fractions[k]!.den));
  const deferred: string[] = [];
  let sum = new Dec(0);
  for (let c = 0; c <= Math.min(terms.graceInstallments.interest, n); c++) {
    deferred.push(sum.toFixed(s));
    if (c < n) sum = sum.plus(periodInterest(c));
  }
  let feeIva = new Dec(0);
  if (terms.tax?.on.includes('fees')) {
    const taxable = terms.fees.filter((f) => f.timing === 'financed' && f.taxable !== false).reduce((acc, f) => acc.plus(feeAmount(f, new Dec(terms.principal), round)), new Dec(0));
    if (!taxable.isZero()) feeIva = round(taxable.times(terms.tax.rate));
  }
  return Object.freeze({
    disbursementDay: plan.disbursementDay,
    dueDays: Object.freeze([...plan.dueDays]),
    balances: Object.freeze(balances),
    fractions: !flat && terms.interestBasis === 'period' ? Object.freeze(plan.fractions.map((f) => Object.freeze([f.num, f.den] as const))) : null,
    flatPer: flatPer === null ? null : flatPer.toFixed(s),
    ...(flatI === null ? {} : { flatInterests: Object.freeze(flatI.map((x) => x.toFixed(s))) }),
    deferred: Object.freeze(deferred),
    financedFeeIva: feeIva.toFixed(s),
  });
}

/** Interest owed to `day` in the current period (deferred grace interest included) and the financed fees' IVA then owed. */
export interface Accrued {
  readonly interest: bigint;
  readonly feeIva: bigint;
}

/**
 * payoffQuote(terms, { date: day }).interest and the IVA of financed fees in its tax, at the
 * currency scale. The ratio is computed exactly; when it lies so close to a rounding tie that
 * payoffQuote's 40-digit decimals could round it otherwise, payoffQuote itself is asked.
 */
export function accruedInterest(terms: LoanTerms, a: SegmentAccrual, day: number): Accrued {
  const s = terms.decimals;
  const due = a.dueDays;
  const n = due.length;
  let current = 0;
  while (current < n && due[current]! <= day) current++;
  if (current >= n) return { interest: 0n, feeIva: 0n };
  const start = current === 0 ? a.disbursementDay : due[current - 1]!;
  let accrued = 0n;
  if (day > start) {
    const elapsed = day - start;
    let num: bigint;
    let den: bigint;
    if (a.flatPer !== null) {
      num = parseMoney(a.flatInterests?.[current] ?? a.flatPer, s) * BigInt(elapsed);
      den = BigInt(due[current]! - start);
    } else {
      const r = scaledOf(terms.annualRate);
      const balance = parseMoney(a.balances[current]!, s) * r.m;
      if (a.fractions === null) {
        const basis = terms.interestBasis;
        num = balance * BigInt(basis === '30/360' ? days360(start, day) : elapsed);
        den = POW10[r.e]! * (basis === 'actual/365' ? 365n : 360n);
      } else {
        const [fn, fd] = a.fractions[current]!;
        num = balance * BigInt(fn * elapsed);
        den = POW10[r.e]! * BigInt(fd * (due[current]! - start));
      }
    }
    if (num < 0n || num >= EXACT_LIMIT || !clearOfTie(num, den)) return quoted(terms, day);
    accrued = roundDiv(num, den, terms.rounding);
  }
  const interest = current < a.deferred.length ? accrued + parseMoney(a.deferred[current]!, s) : accrued;
  return { interest, feeIva: current === 0 ? parseMoney(a.financedFeeIva, s) : 0n };
}

function quoted(terms: LoanTerms, day: number): Accrued {
  const s = terms.decimals;
  const q = payoffQuote(terms, { date: formatIsoDate(day) });
  const interest = parseMoney(q.interest, s);
  const interestIva = terms.tax?.on.includes('interest') ? timesRate(interest, scaledOf(terms.tax.rate), terms.rounding) : 0n;
  return { interest, feeIva: parseMoney(q.tax, s) - interestIva };
}

/**
 * A segment's accrual table as a compact checkpoint keeps it: only the periods from `from` on (the
 * first one not yet due on the checkpoint's date — earlier periods can never be current again),
 * amounts as scaled integers at the currency scale. Arrays other than dueDays start at `from`.
 */
export interface PackedAccrual {
  readonly disbursementDay: number;
  readonly dueDays: readonly number[];
  readonly from: number;
  readonly balances: readonly string[];
  readonly fractions: readonly (readonly [number, number])[] | null;
  readonly flatPer: string | null;
  /** From `from` on; absent when read from an older checkpoint (which accrues `flatPer` in every period). */
  readonly flatInterests?: readonly string[];
  readonly deferred: readonly string[];
  readonly financedFeeIva: string;
}

/** Run-length items "x" or "x*n" of a comma list. */
function runs(items: readonly string[]): string {
  let out = '';
  for (let i = 0; i < items.length; ) {
    let j = i + 1;
    while (j < items.length && items[j] === items[i]) j++;
    out += (out === '' ? '' : ',') + (j - i > 1 ? `${items[i]}*${j - i}` : items[i]);
    i = j;
  }
  return out;
}

function unruns(text: string): string[] {
  if (text === '') return [];
  const out: string[] = [];
  for (const item of text.split(',')) {
    const star = item.indexOf('*');
    if (star < 0) out.push(item);
    else for (let n = Number(item.slice(star + 1)), x = item.slice(0, star); n > 0; n--) out.push(x);
  }
  return out;
}

/**
 * The table packed from period `from` on, as text:
 * `disbursementDay|due-day steps (run-length)|from|balances|fractions "num/den" (run-length) or -|flat|deferred|financedFeeIva`,
 * flat being `=` and the flat interest of each period (run-length), or (older checkpoints) round(P·r·T/n) alone.
 */
export function packAccrual(a: SegmentAccrual | PackedAccrual, from: number, s: number): string {
  const packed = 'from' in a;
  const at = packed ? a.from : 0;
  const scaled = (x: string) => (packed ? x : parseMoney(x, s).toString());
  const steps: string[] = [];
  let prev = a.disbursementDay;
  for (const d of a.dueDays) {
    steps.push(String(d - prev));
    prev = d;
  }
  const balances = a.balances.slice(from - at).map(scaled).join(',');
  const fractions = a.fractions === null ? '-' : runs(a.fractions.slice(from - at).map(([n, d]) => `${n}/${d}`));
  const flat = a.flatPer === null ? '' : a.flatInterests === undefined ? scaled(a.flatPer) : `=${runs(a.flatInterests.slice(from - at).map(scaled))}`;
  const deferred = a.deferred.slice(Math.max(0, from - at)).map(scaled).join(',');
  const feeIva = from === 0 ? scaled(a.financedFeeIva) : '';
  return `${a.disbursementDay}|${runs(steps)}|${from}|${balances}|${fractions}|${flat}|${deferred}|${feeIva}`;
}

/** The table of packAccrual's text. */
export function unpackAccrual(text: string): PackedAccrual {
  const [disb, steps, from, balances, fractions, flat, deferred, feeIva] = text.split('|') as [string, string, string, string, string, string, string, string];
  const disbursementDay = Number(disb);
  const dueDays: number[] = [];
  let day = disbursementDay;
  for (const step of unruns(steps)) dueDays.push((day += Number(step)));
  return {
    disbursementDay,
    dueDays,
    from: Number(from),
    balances: balances === '' ? [] : balances.split(','),
    fractions: fractions === '-' ? null : unruns(fractions).map((f) => {
      const slash = f.indexOf('/');
      return [Number(f.slice(0, slash)), Number(f.slice(slash + 1))] as const;
    }),
    ...flatOf(flat),
    deferred: deferred === '' ? [] : deferred.split(','),
    financedFeeIva: feeIva === '' ? '0' : feeIva,
  };
}

function flatOf(text: string): Pick<PackedAccrual, 'flatPer' | 'flatInterests'> {
  if (text === '') return { flatPer: null };
  if (!text.startsWith('=')) return { flatPer: text };
  const flatInterests = unruns(text.slice(1));
  return { flatPer: flatInterests[0] ?? '0', flatInterests };
}

/** accruedInterest on a packed table, for a day after the checkpoint it came from (so its period is kept). */
export function accruedPacked(terms: LoanTerms, a: PackedAccrual, day: number): Accrued {
  const due = a.dueDays;
  const n = due.length;
  let current = a.from;
  while (current < n && due[current]! <= day) current++;
  if (current >= n) return { interest: 0n, feeIva: 0n };
  const k = current - a.from;
  const start = current === 0 ? a.disbursementDay : due[current - 1]!;
  let accrued = 0n;
  if (day > start) {
    const elapsed = day - start;
    let num: bigint;
    let den: bigint;
    if (a.flatPer !== null) {
      num = BigInt(a.flatInterests?.[k] ?? a.flatPer) * BigInt(elapsed);
      den = BigInt(due[current]! - start);
    } else {
      const r = scaledOf(terms.annualRate);
      const balance = BigInt(a.balances[k]!) * r.m;
      if (a.fractions === null) {
        const basis = terms.interestBasis;
        num = balance * BigInt(basis === '30/360' ? days360(start, day) : elapsed);
        den = POW10[r.e]! * (basis === 'actual/365' ? 365n : 360n);
      } else {
        const [fn, fd] = a.fractions[k]!;
        num = balance * BigInt(fn * elapsed);
        den = POW10[r.e]! * BigInt(fd * (due[current]! - start));
      }
    }
    if (num < 0n || num >= EXACT_LIMIT || !clearOfTie(num, den)) return quoted(terms, day);
    accrued = roundDiv(num, den, terms.rounding);
  }
  const interest = k < a.deferred.length ? accrued + BigInt(a.deferred[k]!) : accrued;
  return { interest, feeIva: current === 0 ? BigInt(a.financedFeeIva) : 0n };
}
