// Validation of LoanTerms JSON: collects every problem with its field path, so a product manager
// sees all of them at once; returns frozen terms with defaults filled in.
import { Dec } from '../decimal.ts';
import { InvalidInputError, type FieldIssue } from '../errors.ts';
import { parseIsoDate } from '../calendar/iso-date.ts';
import { isSemimonthlyDay } from '../calendar/frequency.ts';
import type { Frequency } from '../calendar/frequency.ts';
import type { LoanFee, LoanTerms, LoanTax, BusinessDays } from './loan-terms.ts';
import { BULLET_INSTALLMENTS, LEVEL_INSTALLMENT_METHODS, LOAN_TERMS_LIMITS, SCHEDULE_FEE_BASES, TAX_INCLUDED_METHODS, maxGraceInstallments } from './terms-limits.ts';

const DECIMAL = /^-?\d+(\.\d+)?$/;
const { maxPrincipal: MAX_PRINCIPAL, maxInstallments: MAX_INSTALLMENTS, maxAnnualRate: MAX_ANNUAL_RATE } = LOAN_TERMS_LIMITS;

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return v === undefined ? 'missing' : JSON.stringify(v);
}

/** Shared checks for decimal-string fields; returns the Dec or undefined after recording the issue. */
export class IssueCollector {
  readonly issues: FieldIssue[] = [];

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  unknownKeys(obj: Obj, allowed: readonly string[], prefix: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        this.add(prefix ? `${prefix}.${key}` : key, `unknown field \`${key}\` (allowed: ${allowed.join(', ')})`);
      }
    }
  }

  /** A decimal string; `fraction` adds the hint for values written as percentages. */
  decimal(value: unknown, path: string, opts: { fraction?: boolean; min?: string; max?: string; minExclusive?: boolean; scale?: number } = {}): Dec | undefined {
    if (typeof value === 'number') {
      this.add(path, `must be a decimal string such as "${value}", not a JSON number (money and rates are never binary floats)`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add(path, `must be a decimal string, got ${describe(value)}`);
      return undefined;
    }
    const trimmed = value.trim();
    if (opts.fraction && /^-?\d+(\.\d+)?\s*%$/.test(trimmed)) {
      const pct = new Dec(trimmed.replace('%', '').trim());
      this.add(path, `must be a fraction, not a percentage: write "${pct.div(100).toFixed(Math.max(2, pct.decimalPlaces() + 2))}" for ${trimmed}`);
      return undefined;
    }
    if (!DECIMAL.test(value)) {
      this.add(path, `must be a decimal string like "1234.50", got ${JSON.stringify(value)}`);
      return undefined;
    }
    const d = new Dec(value);
    if (opts.min !== undefined && (opts.minExclusive ? d.lte(opts.min) : d.lt(opts.min))) {
      this.add(path, opts.minExclusive ? `must be greater than ${opts.min}, got "${value}"` : d.isNegative() ? `must not be negative, got "${value}"` : `must be at least ${opts.min}, got "${value}"`);
      return undefined;
    }
    if (opts.max !== undefined && d.gt(opts.max)) {
      const hint = opts.fraction ? ` (a fraction: "0.60" is 60%)` : '';
      this.add(path, `must be at most ${opts.max}${hint}, got "${value}"`);
      return undefined;
    }
    if (opts.scale !== undefined && d.decimalPlaces() > opts.scale) {
      this.add(path, `has more than ${opts.scale} decimal places (the currency scale \`decimals\`), got "${value}"`);
      return undefined;
    }
    return d;
  }

  integer(value: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(path, `must be a whole number between ${min} and ${max}, got ${describe(value)}`);
      return undefined;
    }
    if (value < min || value > max) {
      this.add(path, `must be between ${min} and ${max}, got ${value}`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T | undefined {
    if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
    this.add(path, `must be one of ${options.map((o) => `"${o}"`).join(', ')}, got ${describe(value)}`);
    return undefined;
  }

  date(value: unknown, path: string): number | undefined {
    if (typeof value !== 'string' || parseIsoDate(value) === undefined) {
      this.add(path, `must be a calendar date as "YYYY-MM-DD", got ${describe(value)}`);
      return undefined;
    }
    return parseIsoDate(value);
  }
}

const TOP_KEYS = [
  'principal', 'annualRate', 'installments', 'frequency', 'method', 'interestBasis', 'disbursementDate',
  'firstDueDate', 'decimals', 'rounding', 'installmentMultipleOf', 'tax', 'fees', 'graceInstallments', 'businessDays',
] as const;
const FREQUENCIES = ['weekly', 'biweekly', 'semimonthly', 'monthly'] as const;
const METHODS = ['french', 'german', 'flat', 'bullet'] as const;
const BASES = ['period', 'actual/360', 'actual/365', '30/360'] as const;
const TIMINGS = ['upfront', 'deducted', 'financed', 'per-installment'] as const;

function parseFrequency(v: unknown, c: IssueCollector): Frequency | undefined {
  if (isObject(v)) {
    c.unknownKeys(v, ['everyDays'], 'frequency');
    const n = c.integer(v['everyDays'], 'frequency.everyDays', 1, LOAN_TERMS_LIMITS.maxEveryDays);
    return n === undefined ? undefined : Object.freeze({ everyDays: n });
  }
  if (typeof v === 'string' && (FREQUENCIES as readonly string[]).includes(v)) return v as Frequency;
  c.add('frequency', `must be "weekly", "biweekly", "semimonthly", "monthly" or { "everyDays": N }, got ${describe(v)}`);
  return undefined;
}

function parseTax(v: unknown, c: IssueCollector): LoanTax | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) {
    c.add('tax', `must be an object like { "rate": "0.16", "on": ["interest", "fees"] }, got ${describe(v)}`);
    return undefined;
  }
  c.unknownKeys(v, ['rate', 'on', 'includedInInstallment'], 'tax');
  const rate = c.decimal(v['rate'], 'tax.rate', { fraction: true, min: '0', max: LOAN_TERMS_LIMITS.maxTaxRate });
  const on: ('interest' | 'fees')[] = [];
  if (!Array.isArray(v['on'])) c.add('tax.on', `must be a list drawn from "interest", "fees", got ${describe(v['on'])}`);
  else
    v['on'].forEach((x, i) => {
      const o = c.oneOf(x, `tax.on[${i}]`, ['interest', 'fees'] as const);
      if (o && on.includes(o)) c.add(`tax.on[${i}]`, `\`${o}\` is listed twice`);
      else if (o) on.push(o);
    });
  const inc = v['includedInInstallment'];
  if (inc !== undefined && typeof inc !== 'boolean') c.add('tax.includedInInstallment', `must be true or false, got ${describe(inc)}`);
  if (rate === undefined) return undefined;
  return Object.freeze({
    rate: v['rate'] as string,
    on: Object.freeze(on),
    ...(inc === true ? { includedInInstallment: true } : {}),
  });
}

function parseFee(v: unknown, i: number, c: IssueCollector, scale: number | undefined): LoanFee | undefined {
  const p = `fees[${i}]`;
  if (!isObject(v)) {
    c.add(p, `must be an object like { "name": "apertura", "amount": "300.00", "timing": "deducted" }, got ${describe(v)}`);
    return undefined;
  }
  c.unknownKeys(v, ['name', 'timing', 'amount', 'percent', 'of', 'min', 'max', 'taxable'], p);
  const before = c.issues.length;
  if (typeof v['name'] !== 'string' || v['name'].trim() === '') c.add(`${p}.name`, `must be a non-empty string, got ${describe(v['name'])}`);
  const timing = c.oneOf(v['timing'], `${p}.timing`, TIMINGS);
  const money = { min: '0', ...(scale !== undefined ? { scale } : {}) };
  if (v['amount'] !== undefined && v['percent'] !== undefined) c.add(p, 'give either `amount` or `percent`, not both');
  else if (v['amount'] === undefined && v['percent'] === undefined) c.add(`${p}.amount`, 'missing: give `amount` (fixed) or `percent` (a fraction)');
  if (v['amount'] !== undefined) c.decimal(v['amount'], `${p}.amount`, money);
  if (v['percent'] !== undefined) c.decimal(v['percent'], `${p}.percent`, { fraction: true, min: '0', max: LOAN_TERMS_LIMITS.maxFeePercent });
  if (v['of'] !== undefined) {
    if (timing !== undefined && timing !== 'per-installment') c.add(`${p}.of`, 'applies only to per-installment fees (one-time percentages are of the principal)');
    else if (v['percent'] === undefined) c.add(`${p}.of`, 'applies only with `percent`');
    else c.oneOf(v['of'], `${p}.of`, SCHEDULE_FEE_BASES);
  }
  const min = v['min'] === undefined ? undefined : c.decimal(v['min'], `${p}.min`, money);
  const max = v['max'] === undefined ? undefined : c.decimal(v['max'], `${p}.max`, money);
  if ((v['min'] !== undefined || v['max'] !== undefined) && v['percent'] === undefined) c.add(v['min'] !== undefined ? `${p}.min` : `${p}.max`, 'caps apply only to a `percent` fee');
  if (min && max && min.gt(max)) c.add(`${p}.min`, `must not exceed max (${v['max'] as string})`);
  if (v['taxable'] !== undefined && typeof v['taxable'] !== 'boolean') c.add(`${p}.taxable`, `must be true or false, got ${describe(v['taxable'])}`);
  if (c.issues.length > before || timing === undefined) return undefined;
  const fee: Record<string, unknown> = { name: v['name'], timing };
  for (const k of ['amount', 'percent', 'of', 'min', 'max', 'taxable'] as const) if (v[k] !== undefined) fee[k] = v[k];
  return Object.freeze(fee) as unknown as LoanFee;
}

function parseBusinessDays(v: unknown, c: IssueCollector): BusinessDays | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) {
    c.add('businessDays', `must be an object like { "rule": "next", "calendar": "mx" }, got ${describe(v)}`);
    return undefined;
  }
  c.unknownKeys(v, ['rule', 'calendar', 'holidays'], 'businessDays');
  const rule = c.oneOf(v['rule'], 'businessDays.rule', ['next', 'previous', 'none'] as const);
  const calendar = v['calendar'] === undefined ? 'mx' : c.oneOf(v['calendar'], 'businessDays.calendar', ['mx', 'none'] as const);
  const holidays: string[] = [];
  if (v['holidays'] !== undefined) {
    if (!Array.isArray(v['holidays'])) c.add('businessDays.holidays', `must be a list of "YYYY-MM-DD" dates, got ${describe(v['holidays'])}`);
    else v['holidays'].forEach((h, i) => c.date(h, `businessDays.holidays[${i}]`) !== undefined && holidays.push(h as string));
  }
  if (!rule || !calendar) return undefined;
  return Object.freeze({ rule, calendar, holidays: Object.freeze(holidays) });
}

/**
 * Validates LoanTerms JSON (DESIGN.md, plus the README's extensions) and fills defaults.
 * Collects every issue and throws one InvalidInputError naming each field (`fees[0].amount`).
 * @example parseLoanTerms(JSON.parse(text)) // frozen LoanTerms
 */
export function parseLoanTerms(json: unknown): LoanTerms {
  const c = new IssueCollector();
  if (!isObject(json)) throw new InvalidInputError([{ path: '', message: `loan terms must be a JSON object, got ${describe(json)}` }]);
  const v = json;
  c.unknownKeys(v, TOP_KEYS, '');
  const decimals = v['decimals'] === undefined ? 2 : c.integer(v['decimals'], 'decimals', 0, LOAN_TERMS_LIMITS.maxDecimals);
  const scaleOpt = decimals === undefined ? {} : { scale: decimals };
  c.decimal(v['principal'], 'principal', { min: '0', minExclusive: true, max: MAX_PRINCIPAL, ...scaleOpt });
  c.decimal(v['annualRate'], 'annualRate', { fraction: true, min: '0', max: MAX_ANNUAL_RATE });
  const n = c.integer(v['installments'], 'installments', 1, MAX_INSTALLMENTS);
  const frequency = parseFrequency(v['frequency'], c);
  const method = v['method'] === undefined ? 'french' : c.oneOf(v['method'], 'method', METHODS);
  const basis = v['interestBasis'] === undefined ? 'period' : c.oneOf(v['interestBasis'], 'interestBasis', BASES);
  const rounding = v['rounding'] === undefined ? 'half-even' : c.oneOf(v['rounding'], 'rounding', ['half-even', 'half-up'] as const);
  const disb = c.date(v['disbursementDate'], 'disbursementDate');
  let first: number | undefined;
  if (v['firstDueDate'] !== undefined) {
    first = c.date(v['firstDueDate'], 'firstDueDate');
    if (first !== undefined && disb !== undefined && first <= disb) {
      c.add('firstDueDate', `must be after the disbursement date ${v['disbursementDate'] as string}, got ${v['firstDueDate'] as string}`);
    }
    if (first !== undefined && frequency === 'semimonthly' && !isSemimonthlyDay(first)) {
      c.add('firstDueDate', `semimonthly due dates fall on the 15th and the last day of the month, got ${v['firstDueDate'] as string}`);
    }
  }
  if (v['installmentMultipleOf'] !== undefined) {
    c.decimal(v['installmentMultipleOf'], 'installmentMultipleOf', { min: '0', minExclusive: true, max: MAX_PRINCIPAL, ...scaleOpt });
    if (method !== undefined && !LEVEL_INSTALLMENT_METHODS.includes(method)) c.add('installmentMultipleOf', `applies to level installments (${LEVEL_INSTALLMENT_METHODS.join(', ')}), not to ${method}`);
  }
  const tax = parseTax(v['tax'], c);
  if (tax?.includedInInstallment && method !== undefined && !TAX_INCLUDED_METHODS.includes(method)) {
    c.add('tax.includedInInstallment', `levels the french installment; not available for ${method}`);
  }
  const fees: LoanFee[] = [];
  if (v['fees'] !== undefined) {
    if (!Array.isArray(v['fees'])) c.add('fees', `must be a list of fees, got ${describe(v['fees'])}`);
    else
      v['fees'].forEach((f, i) => {
        const fee = parseFee(f, i, c, decimals);
        if (fee) fees.push(fee);
      });
  }
  let grace = { principal: 0, interest: 0 };
  const g = v['graceInstallments'];
  if (g !== undefined) {
    if (!isObject(g)) c.add('graceInstallments', `must be an object like { "principal": 0, "interest": 0 }, got ${describe(g)}`);
    else {
      c.unknownKeys(g, ['principal', 'interest'], 'graceInstallments');
      const maxGrace = n === undefined ? MAX_INSTALLMENTS : maxGraceInstallments(n);
      const gp = g['principal'] === undefined ? 0 : c.integer(g['principal'], 'graceInstallments.principal', 0, maxGrace);
      const gi = g['interest'] === undefined ? 0 : c.integer(g['interest'], 'graceInstallments.interest', 0, maxGrace);
      grace = { principal: gp ?? 0, interest: gi ?? 0 };
    }
  }
  if (method === 'bullet' && n !== undefined && n !== BULLET_INSTALLMENTS) c.add('installments', `a bullet loan has one payment at maturity, so installments must be ${BULLET_INSTALLMENTS}, got ${n}`);
  const businessDays = parseBusinessDays(v['businessDays'], c);
  if (c.issues.length > 0) throw new InvalidInputError(c.issues);
  const terms: Record<string, unknown> = {
    principal: v['principal'],
    annualRate: v['annualRate'],
    installments: n,
    frequency,
    method,
    interestBasis: basis,
    disbursementDate: v['disbursementDate'],
    decimals,
    rounding,
    fees: Object.freeze(fees),
    graceInstallments: Object.freeze(grace),
  };
  if (v['firstDueDate'] !== undefined) terms['firstDueDate'] = v['firstDueDate'];
  if (v['installmentMultipleOf'] !== undefined) terms['installmentMultipleOf'] = v['installmentMultipleOf'];
  if (tax) terms['tax'] = tax;
  if (businessDays) terms['businessDays'] = businessDays;
  return Object.freeze(terms) as unknown as LoanTerms;
}
