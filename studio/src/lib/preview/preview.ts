// The live preview of a product for one request: the engine's loan terms and schedule (with its
// CAT) and the carátula summary as the client would read it. Runs in the language worker.
import { CAT_OUT_OF_RANGE, CatOutOfRangeError, Dec, generateSchedule, loanTermsFor, type Fee, type Frequency, type LoanTerms, type ProductIR, type Schedule } from '@plazo/engine';
import type { PreviewRequest } from './controls.ts';

/** A fee as the carátula lists it (amounts stay decimal strings). */
export interface CaratulaFee {
  readonly name: string;
  readonly kind: 'fixed' | 'percent';
  /** The fixed amount, or the percent as a fraction. */
  readonly value: string;
  /** What a percent fee is a percent of: amount | balance | principal | installment. */
  readonly of?: string;
  readonly min?: string;
  readonly max?: string;
  readonly timing: Fee['timing'];
  readonly taxable: boolean;
}

/** DOMAIN.md's carátula fields for this product and request. */
export interface Caratula {
  readonly productName: string;
  readonly productKind: ProductIR['kind'];
  readonly currency: string;
  readonly cat: string;
  readonly catDate: string;
  /** Nominal annual rate, a fraction. */
  readonly ordinaryRate: string;
  /** Moratorium annual rate, a fraction; `factor` when written as a multiple of the ordinary. */
  readonly moratorium?: { readonly rate: string; readonly factor?: string; readonly taxable: boolean };
  readonly amount: string;
  readonly totalToPay: string;
  readonly payments: number;
  readonly frequency: Frequency;
  readonly firstDueDate: string;
  readonly lastDueDate: string;
  readonly fees: readonly CaratulaFee[];
  readonly lateFee?: { readonly kind: 'fixed' | 'percent'; readonly value: string; readonly of?: string; readonly min?: string; readonly max?: string; readonly taxable: boolean };
}

export interface Preview {
  readonly request: PreviewRequest;
  /** The terms the engine built from the product for this request. */
  readonly terms: LoanTerms;
  readonly annualRate: string;
  readonly schedule: Schedule;
  readonly caratula: Caratula;
}

/** The preview of a request, or why the engine refused it — always saying which request it answers; `code` when the panel words it itself (a CAT beyond 10^6 %). */
export type PreviewOutcome = { readonly ok: true; readonly preview: Preview } | { readonly ok: false; readonly request: PreviewRequest; readonly error: string; readonly code?: typeof CAT_OUT_OF_RANGE };

function caratulaFee(fee: Fee): CaratulaFee {
  const common = {
    name: fee.name,
    timing: fee.timing,
    taxable: fee.taxable,
    ...(fee.min !== undefined ? { min: fee.min } : {}),
    ...(fee.max !== undefined ? { max: fee.max } : {}),
  };
  return fee.amount.kind === 'fixed'
    ? { ...common, kind: 'fixed', value: fee.amount.value }
    : { ...common, kind: 'percent', value: fee.amount.rate, of: fee.amount.of };
}

function moratoriumOf(ir: ProductIR, ordinaryRate: string): Caratula['moratorium'] {
  const m = ir.penalties.moratorium;
  if (!m) return undefined;
  if (m.rate.kind === 'annual') return { rate: m.rate.rate, taxable: m.taxable };
  return { rate: new Dec(m.rate.factor).times(ordinaryRate).toFixed(), factor: m.rate.factor, taxable: m.taxable };
}

function lateFeeOf(ir: ProductIR): Caratula['lateFee'] {
  const fee = ir.penalties.lateFee;
  if (!fee) return undefined;
  const caps = { ...(fee.min !== undefined ? { min: fee.min } : {}), ...(fee.max !== undefined ? { max: fee.max } : {}) };
  return fee.amount.kind === 'fixed'
    ? { kind: 'fixed', value: fee.amount.value, taxable: fee.taxable, ...caps }
    : { kind: 'percent', value: fee.amount.rate, of: fee.amount.of, taxable: fee.taxable, ...caps };
}

/**
 * The schedule, CAT and carátula of `request` under `ir`; an error message (never a throw) when
 * the engine refuses the terms.
 * @example computePreview(ir, { amount: '60000', payments: 24, frequency: 'semimonthly', band: 'A', disbursementDate: '2025-03-03' })
 */
export function computePreview(ir: ProductIR, request: PreviewRequest): PreviewOutcome {
  let terms: LoanTerms;
  let schedule: Schedule;
  try {
    terms = loanTermsFor(ir, { amount: request.amount, payments: request.payments, frequency: request.frequency }, request.band, request.disbursementDate);
    schedule = generateSchedule(terms);
  } catch (e) {
    if (e instanceof CatOutOfRangeError) return { ok: false, request, error: e.message, code: e.code };
    return { ok: false, request, error: e instanceof Error ? e.message : String(e) };
  }
  const annualRate = terms.annualRate;
  const first = schedule.installments[0];
  const last = schedule.installments[schedule.installments.length - 1];
  const moratorium = moratoriumOf(ir, annualRate);
  const lateFee = lateFeeOf(ir);
  const caratula: Caratula = {
    productName: ir.name,
    productKind: ir.kind,
    currency: ir.currency,
    cat: schedule.cat,
    catDate: request.disbursementDate,
    ordinaryRate: annualRate,
    ...(moratorium ? { moratorium } : {}),
    amount: request.amount,
    totalToPay: schedule.totalToPay,
    payments: schedule.installments.length,
    frequency: request.frequency,
    firstDueDate: first?.dueDate ?? '',
    lastDueDate: last?.dueDate ?? '',
    fees: ir.fees.map(caratulaFee),
    ...(lateFee ? { lateFee } : {}),
  };
  return { ok: true, preview: { request, terms, annualRate, schedule, caratula } };
}
