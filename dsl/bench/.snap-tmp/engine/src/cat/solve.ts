// `solveCat`: the CAT of explicit cash flows (the DESIGN.md contract of `plazo cat`), validated.
import { Dec } from '../decimal.ts';
import { InvalidInputError } from '../errors.ts';
import { IssueCollector } from '../loan-terms/parse-loan-terms.ts';
import { NoCatError, solveAnnualRate } from './irr.ts';
import { formatCat } from './format.ts';

/** Cash flows: periodic payments (t = k / periodsPerYear) or dated flows (t = days / 365). */
export type CatFlows =
  | { readonly periodsPerYear: number; readonly disbursed: string; readonly upfrontCharges?: string; readonly payments: readonly string[] }
  | { readonly disbursed: string; readonly upfrontCharges?: string; readonly flows: readonly { readonly days: number; readonly amount: string }[] };

export interface CatResult {
  /** Percent, one decimal ("57.4"). */
  readonly cat: string;
  /** Percent, 10 decimals. */
  readonly catExact: string;
}

/** Validated flows as numbers for the root search, and exact times for decimal checks. */
export interface ParsedCatFlows {
  readonly net: Dec;
  readonly amounts: readonly Dec[];
  readonly timeNum: readonly number[];
  readonly timeDen: number;
}

/** Validates the cash-flow JSON, collecting every issue with its path. */
export function parseCatFlows(json: unknown): ParsedCatFlows {
  const c = new IssueCollector();
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InvalidInputError([{ path: '', message: 'cash flows must be a JSON object' }]);
  }
  const v = json as Record<string, unknown>;
  const periodic = 'payments' in v;
  c.unknownKeys(v, periodic ? ['periodsPerYear', 'disbursed', 'upfrontCharges', 'payments'] : ['disbursed', 'upfrontCharges', 'flows'], '');
  const disbursed = c.decimal(v['disbursed'], 'disbursed', { min: '0', minExclusive: true });
  const upfront = v['upfrontCharges'] === undefined ? new Dec(0) : c.decimal(v['upfrontCharges'], 'upfrontCharges', { min: '0' });
  const amounts: Dec[] = [];
  const timeNum: number[] = [];
  let timeDen = 365;
  if (periodic) {
    const ppy = c.integer(v['periodsPerYear'], 'periodsPerYear', 1, 365);
    timeDen = ppy ?? 1;
    if (!Array.isArray(v['payments']) || v['payments'].length === 0) c.add('payments', 'must be a non-empty list of decimal strings');
    else
      v['payments'].forEach((p, i) => {
        const d = c.decimal(p, `payments[${i}]`, { min: '0' });
        if (d) {
          amounts.push(d);
          timeNum.push(i + 1);
        }
      });
  } else if (!Array.isArray(v['flows']) || v['flows'].length === 0) {
    c.add('flows', 'give `payments` with `periodsPerYear`, or `flows`: a non-empty list of { "days": N, "amount": "..." }');
  } else {
    v['flows'].forEach((f, i) => {
      if (typeof f !== 'object' || f === null) return c.add(`flows[${i}]`, 'must be { "days": N, "amount": "..." }');
      const o = f as Record<string, unknown>;
      c.unknownKeys(o, ['days', 'amount'], `flows[${i}]`);
      const days = c.integer(o['days'], `flows[${i}].days`, 0, 36500);
      const d = c.decimal(o['amount'], `flows[${i}].amount`, { min: '0' });
      if (d && days !== undefined) {
        amounts.push(d);
        timeNum.push(days);
      }
    });
  }
  if (c.issues.length === 0 && disbursed && upfront && disbursed.lte(upfront)) c.add('upfrontCharges', 'must be less than `disbursed`');
  if (c.issues.length === 0 && amounts.every((a) => a.isZero())) c.add(periodic ? 'payments' : 'flows', 'there must be at least one non-zero payment');
  if (c.issues.length > 0 || !disbursed || !upfront) throw new InvalidInputError(c.issues);
  return { net: disbursed.minus(upfront), amounts, timeNum, timeDen };
}

/**
 * The CAT (Banco de México, Circular 21/2009) of explicit cash flows: the effective annual rate at
 * which the payments are worth `disbursed − upfrontCharges` at t = 0. Amounts exclude IVA.
 * @example solveCat({ periodsPerYear: 12, disbursed: '1000', payments: ['1100'] }).cat // '213.8'
 */
export function solveCat(json: unknown): CatResult {
  const f = parseCatFlows(json);
  const times = f.timeNum.map((n) => n / f.timeDen);
  try {
    const periodic = 'payments' in (json as object);
    const i = solveAnnualRate(f.net.toNumber(), f.amounts.map((a) => a.toNumber()), times, periodic ? 1 / f.timeDen : undefined);
    return formatCat(i);
  } catch (error) {
    if (error instanceof NoCatError) throw new InvalidInputError([{ path: 'payments' in (json as object) ? 'payments' : 'flows', message: error.message }]);
    throw error;
  }
}
