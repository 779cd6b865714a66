// The LoanTerms of a preview loan, mapped field by field from the compiled Product IR and the
// amount, term, frequency and band chosen in the preview controls. Interim: the engine's
// `loanTermsFor` (engine/src/decision/loan-terms-for.ts) replaces this module once
// engine/src/index.ts exports it. No money math here: the engine does all of it.
import { Dec, type Fee, type Frequency, type ProductIR, type RateCell, type RateKey } from '@plazo/engine';

export interface PreviewRequest {
  readonly amount: string;
  readonly payments: number;
  readonly frequency: Frequency;
  /** The band whose rate applies, for rate tables keyed by band. */
  readonly band: string | null;
  readonly disbursementDate: string;
}

/** The LoanTerms JSON the engine's `parseLoanTerms` / `generateSchedule` take (DESIGN.md). */
export type LoanTermsJson = Record<string, unknown>;

function cellMatches(key: RateKey, cell: RateCell, request: PreviewRequest): boolean {
  if ('band' in cell) return key === 'band' && request.band === cell.band;
  if (key === 'band') return false;
  const value = new Dec(key === 'payments' ? request.payments : request.amount);
  if (cell.min !== undefined && value.lt(cell.min)) return false;
  if (cell.max !== undefined && (cell.maxExclusive === true ? value.gte(cell.max) : value.gt(cell.max))) return false;
  return true;
}

/** The nominal annual rate for the request: the fixed rate, or the first matching table row. */
export function previewRate(ir: ProductIR, request: PreviewRequest): string | undefined {
  const spec = ir.pricing.rate;
  if (spec.kind === 'fixed') return spec.rate;
  return spec.rows.find((row) => spec.keys.every((key, i) => row.cells[i] !== undefined && cellMatches(key, row.cells[i]!, request)))?.rate;
}

function loanFee(fee: Fee): Record<string, unknown> {
  const out: Record<string, unknown> = { name: fee.name, timing: fee.timing, taxable: fee.taxable };
  if (fee.amount.kind === 'fixed') return { ...out, amount: fee.amount.value };
  out['percent'] = fee.amount.rate;
  if (fee.timing === 'per-installment') out['of'] = fee.amount.of === 'balance' ? 'balance' : 'principal';
  if (fee.min !== undefined) out['min'] = fee.min;
  if (fee.max !== undefined) out['max'] = fee.max;
  return out;
}

/**
 * The LoanTerms JSON for a preview loan, or an error message when the product's rate table has no
 * row for the request.
 * @example loanTermsJson(ir, { amount: '60000', payments: 24, frequency: 'semimonthly', band: 'A', disbursementDate: '2025-03-03' })
 */
export function loanTermsJson(ir: ProductIR, request: PreviewRequest): { terms: LoanTermsJson } | { error: string } {
  const p = ir.pricing;
  const annualRate = previewRate(ir, request);
  if (annualRate === undefined) return { error: `no rate row matches band ${request.band ?? '—'}, ${request.payments} payments, amount ${request.amount}` };
  const fees = ir.fees.map(loanFee);
  const on = (p.tax?.on ?? []).filter((t): t is 'interest' | 'fees' => t === 'interest' || t === 'fees');
  if (p.tax && !on.includes('fees') && ir.fees.some((f) => f.taxable)) on.push('fees');
  const terms: LoanTermsJson = {
    principal: request.amount,
    annualRate,
    installments: request.payments,
    frequency: request.frequency,
    method: p.method,
    interestBasis: p.basis,
    disbursementDate: request.disbursementDate,
    decimals: p.rounding.decimals,
    rounding: p.rounding.mode,
    fees,
    graceInstallments: { principal: p.grace.principal, interest: p.grace.interest },
  };
  if (p.rounding.installmentMultipleOf !== undefined) terms['installmentMultipleOf'] = p.rounding.installmentMultipleOf;
  if (p.tax && on.length > 0) terms['tax'] = { rate: p.tax.rate, on, ...(p.installmentIncludesTax ? { includedInInstallment: true } : {}) };
  if (p.businessDays !== 'none') terms['businessDays'] = { rule: p.businessDays, calendar: 'mx' };
  return { terms };
}
