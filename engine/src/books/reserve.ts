// A loan's loan-loss reserve (estimación preventiva) under its product's `reserves` policy, at a
// reserve date: a rate by days past due and book stage over the exposure, or PD × LGD × exposure.
// Exact decimals, rounded once at the currency scale; never negative, never above the exposure.
import { Dec } from '../decimal.ts';
import { InvalidInputError, type FieldIssue } from '../errors.ts';
import { compileExpression, type CompiledExpression } from '../expressions/compile-expression.ts';
import { asNumber, toDec } from '../expressions/values.ts';
import type { DecimalString, ProductIR, ReserveRow, ReservesPolicy } from '../ir/product-ir.ts';
import { roundTo, type RoundingMode } from '../rounding.ts';
import { formatMoney, parseMoney, POW10, scaledOf, timesRate } from '../servicing/money.ts';
import type { ReserveFacts } from './books-types.ts';

/** The type of a fact an expected-loss expression may read. */
export interface ReserveFactType {
  readonly kind: 'integer' | 'boolean' | 'money';
}

/**
 * The names an expected-loss `pd` or `lgd` expression may read (the dsl's checker resolves against
 * these), and what each is in {@link ReserveFacts}.
 */
export const RESERVE_FACTS: Readonly<Record<string, ReserveFactType>> = Object.freeze({
  'loan.days_past_due': { kind: 'integer' },
  'loan.vencida': { kind: 'boolean' },
  'loan.restructured': { kind: 'boolean' },
  'loan.principal': { kind: 'money' },
  'loan.accrued_interest': { kind: 'money' },
  'loan.exposure': { kind: 'money' },
});

const ZERO = new Dec(0);
const ONE = new Dec(1);

/**
 * The reserve of one loan: `round(rate × exposure)` with the table's rate for the loan's days past
 * due (a row of its stage first, else an unqualified row; no row: 0), or
 * `round(clamp(pd) × clamp(lgd) × exposure)` for an expected-loss policy, pd and lgd clamped to
 * 0..1 (a missing value counts as 0). Rounded at `decimals` places with `rounding`. A negative
 * exposure (none on the books) reserves 0. Facts that are not numbers are an InvalidInputError
 * naming the field.
 * @example reserveOf({ kind: 'table', rows: [{ stage: null, fromDays: 0, toDays: null, rate: '0.04' }] }, facts, 2, 'half-even') // '40.00' on an exposure of 1000
 */
export function reserveOf(policy: ReservesPolicy | undefined, facts: ReserveFacts, decimals: number, rounding: RoundingMode): DecimalString {
  const exact = policy?.kind === 'table' ? tableReserveExact(policy.rows, facts, decimals, rounding) : null;
  if (exact !== null) return exact;
  const exposure = validExposure(facts);
  if (!policy || exposure.lte(0)) return ZERO.toFixed(decimals);
  const fraction = policy.kind === 'table' ? tableRate(policy.rows, facts) : expectedLossFraction(policy, facts, rounding);
  const reserve = roundTo(clampUnit(fraction).times(exposure), decimals, rounding);
  // An exposure finer than the scale could round up past itself: the reserve stops at the exposure.
  const most = exposure.toDecimalPlaces(decimals, Dec.ROUND_DOWN);
  return (reserve.gt(most) ? most : reserve).toFixed(decimals);
}

/**
 * A table policy's reserve in integer units at the currency scale — the same figure as the
 * decimal path (rate × exposure is exact there too, then rounded once), without its decimals —
 * when the facts are valid, the exposure has at most `decimals` places and the row's rate is a
 * plain decimal; else null (the decimal path decides, and reports bad facts).
 */
function tableReserveExact(rows: readonly ReserveRow[], facts: ReserveFacts, decimals: number, rounding: RoundingMode): DecimalString | null {
  if ((facts.stage !== 'vigente' && facts.stage !== 'vencida') || !Number.isSafeInteger(facts.daysPastDue)) return null;
  for (const field of ['principal', 'accruedInterest', 'exposure'] as const) if (typeof facts[field] !== 'string' || !DECIMAL.test(facts[field])) return null;
  const exposure = exactUnits(facts.exposure, decimals);
  if (exposure === null) return null;
  if (exposure <= 0n) return formatMoney(0n, decimals);
  const row = rowFor(rows, facts);
  if (!row) return formatMoney(0n, decimals);
  if (!DECIMAL.test(row.rate)) return null;
  const rate = scaledOf(row.rate);
  // Clamped to 0..1 as clampUnit does.
  const unit = rate.m < 0n ? { m: 0n, e: 0 } : rate.m > POW10[rate.e]! ? { m: 1n, e: 0 } : rate;
  const reserve = timesRate(exposure, unit, rounding);
  return formatMoney(reserve > exposure ? exposure : reserve, decimals);
}

function exactUnits(text: string, decimals: number): bigint | null {
  try {
    return parseMoney(text, decimals);
  } catch {
    return null;
  }
}

function rowFor(rows: readonly ReserveRow[], facts: Pick<ReserveFacts, 'daysPastDue' | 'stage'>): ReserveRow | undefined {
  const days = Math.max(0, facts.daysPastDue);
  const covers = (row: ReserveRow) => days >= row.fromDays && (row.toDays === null || days <= row.toDays);
  return rows.find((r) => r.stage === facts.stage && covers(r)) ?? rows.find((r) => r.stage === null && covers(r));
}

/** The rate of the row covering the loan's days past due: its stage's rows first, then the unqualified ones. */
/**
 * A product's month-end reserve of one loan, for the books' `ctx.reserve` (and booksTimeline's
 * `reserve` option): its `reserves` policy at the loan's currency scale and the product's rounding,
 * or undefined when the product has none. The one wiring the CLI, product tests and runtime use.
 */
export function productReserve(ir: Pick<ProductIR, 'reserves' | 'pricing'>, decimals: number): ((facts: ReserveFacts) => DecimalString) | undefined {
  const policy = ir.reserves;
  if (policy === undefined) return undefined;
  const mode = ir.pricing.rounding.mode;
  return (facts) => reserveOf(policy, facts, decimals, mode);
}

export function tableRate(rows: readonly ReserveRow[], facts: Pick<ReserveFacts, 'daysPastDue' | 'stage'>): Dec {
  const row = rowFor(rows, facts);
  return row ? new Dec(row.rate) : ZERO;
}

type ExpectedLoss = Extract<ReservesPolicy, { kind: 'expected-loss' }>;
interface CompiledLoss {
  readonly pd: CompiledExpression;
  readonly lgd: CompiledExpression;
}

/** Each policy's expressions, compiled once per rounding mode (the mode of `round`). */
const compiled = new WeakMap<ExpectedLoss, Partial<Record<RoundingMode, CompiledLoss>>>();

function expressionsOf(policy: ExpectedLoss, rounding: RoundingMode): CompiledLoss {
  let byMode = compiled.get(policy);
  if (byMode === undefined) compiled.set(policy, (byMode = {}));
  return (byMode[rounding] ??= {
    pd: compileExpression(policy.pd, { path: 'reserves.pd', rounding }),
    lgd: compileExpression(policy.lgd, { path: 'reserves.lgd', rounding }),
  });
}

function expectedLossFraction(policy: ExpectedLoss, facts: ReserveFacts, rounding: RoundingMode): Dec {
  const { pd, lgd } = expressionsOf(policy, rounding);
  const data = reserveData(facts);
  return clampUnit(fractionOf(pd(data))).times(clampUnit(fractionOf(lgd(data))));
}

function fractionOf(value: ReturnType<CompiledExpression>): Dec {
  const n = asNumber(value, 'reserves');
  return n === null ? ZERO : toDec(n);
}

function clampUnit(x: Dec): Dec {
  return x.lt(0) ? ZERO : x.gt(1) ? ONE : x;
}

/** The facts as expression data (`loan.days_past_due`, …), numbers exact. */
function reserveData(facts: ReserveFacts): unknown {
  return {
    loan: {
      days_past_due: Math.max(0, facts.daysPastDue),
      vencida: facts.stage === 'vencida',
      restructured: facts.restructured,
      principal: new Dec(facts.principal),
      accrued_interest: new Dec(facts.accruedInterest),
      exposure: new Dec(facts.exposure),
    },
  };
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function validExposure(facts: ReserveFacts): Dec {
  const issues: FieldIssue[] = [];
  if (facts.stage !== 'vigente' && facts.stage !== 'vencida') issues.push({ path: 'stage', message: `must be vigente or vencida, got ${JSON.stringify(facts.stage)}` });
  if (!Number.isSafeInteger(facts.daysPastDue)) issues.push({ path: 'daysPastDue', message: `must be a whole number of days, got ${String(facts.daysPastDue)}` });
  for (const field of ['principal', 'accruedInterest', 'exposure'] as const) {
    const value = facts[field];
    if (typeof value !== 'string' || !DECIMAL.test(value)) issues.push({ path: field, message: `must be a decimal string, got ${JSON.stringify(value)}` });
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return new Dec(facts.exposure);
}
