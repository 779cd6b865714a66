// The preview's controls (amount, payments, frequency, band, disbursement date) and their bounds
// from the compiled product: what the user may choose, and the nearest allowed request to what
// they chose when an edit of the product moves the limits.
import { Dec, frequencyKey, type Frequency, type ProductIR } from '@plazo/engine';

/** The loan the preview shows: a request under the product, disbursed on a date. */
export interface PreviewRequest {
  readonly amount: string;
  readonly payments: number;
  readonly frequency: Frequency;
  /** The band whose rate applies, for rate tables keyed by band; null otherwise. */
  readonly band: string | null;
  readonly disbursementDate: string;
}

export interface PreviewLimits {
  readonly amount: { readonly min: string; readonly max: string; readonly step: string };
  readonly terms: readonly { readonly frequency: Frequency; readonly min: number; readonly max: number }[];
  /** Band names when the rate table is keyed by band (the preview then picks one), else empty. */
  readonly bands: readonly string[];
}

export { frequencyKey };

/** The bounds of the preview controls, from the product's limits and rate table. */
export function previewLimits(ir: ProductIR): PreviewLimits {
  const rate = ir.pricing.rate;
  const keyedByBand = rate.kind === 'table' && rate.keys.includes('band');
  return {
    amount: { min: ir.limits.amount.min, max: ir.limits.amount.max, step: ir.limits.amount.step },
    terms: ir.limits.terms.map((t) => ({ frequency: t.frequency, min: t.payments.min, max: t.payments.max })),
    bands: keyedByBand ? (ir.scorecard?.bands.map((b) => b.name) ?? []) : [],
  };
}

/** What the user asked for in the controls (possibly out of bounds after an edit). */
export interface PreviewChoice {
  readonly amount?: string;
  readonly payments?: number;
  readonly frequency?: string;
  readonly band?: string;
  readonly disbursementDate: string;
}

function clampAmount(amount: string | undefined, limits: PreviewLimits['amount']): string {
  let value: Dec;
  try {
    value = new Dec(amount ?? '');
  } catch {
    // A fresh preview (or an unreadable entry) starts in the middle of the range.
    return new Dec(limits.min).plus(limits.max).div(2).toNearest(limits.step, Dec.ROUND_DOWN).toFixed();
  }
  if (value.lt(limits.min)) return new Dec(limits.min).toFixed();
  if (value.gt(limits.max)) return new Dec(limits.max).toFixed();
  return value.toFixed();
}

/**
 * The request to preview: the user's choice moved inside the product's limits (the first
 * frequency when theirs is gone, the nearest payment count, the amount clamped to the range).
 * @example resolveRequest(limits, { amount: '1000000', disbursementDate: '2025-03-03' }).amount // limits.amount.max
 */
export function resolveRequest(limits: PreviewLimits, choice: PreviewChoice): PreviewRequest | undefined {
  const term = limits.terms.find((t) => frequencyKey(t.frequency) === choice.frequency) ?? limits.terms[0];
  if (!term) return undefined;
  const wanted = choice.payments ?? Math.round((term.min + term.max) / 2);
  const payments = Math.min(term.max, Math.max(term.min, Math.round(wanted)));
  const band = limits.bands.length === 0 ? null : limits.bands.includes(choice.band ?? '') ? (choice.band as string) : (limits.bands[0] as string);
  return { amount: clampAmount(choice.amount, limits.amount), payments, frequency: term.frequency, band, disbursementDate: choice.disbursementDate };
}

/** The request a preview outcome answers (a failed one too). */
export function answeredRequest(outcome: { readonly ok: true; readonly preview: { readonly request: PreviewRequest } } | { readonly ok: false; readonly request: PreviewRequest }): PreviewRequest {
  return outcome.ok ? outcome.preview.request : outcome.request;
}

/**
 * True when `answered` is the request the controls ask for now: a preview (or its error) for an
 * earlier choice is stale — the worker's answer to the new one is on its way — and must not be
 * shown as if it were about the values on screen.
 */
export function answersChoice(limits: PreviewLimits, choice: PreviewChoice, answered: PreviewRequest): boolean {
  const wanted = resolveRequest(limits, choice);
  return (
    wanted !== undefined &&
    new Dec(wanted.amount).eq(answered.amount) &&
    wanted.payments === answered.payments &&
    frequencyKey(wanted.frequency) === frequencyKey(answered.frequency) &&
    wanted.band === answered.band &&
    wanted.disbursementDate === answered.disbursementDate
  );
}
