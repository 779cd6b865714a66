// The offer for an eligible request: evaluates the caps (amount, amount by band, installment),
// offers the request when it fits them, otherwise the largest amount on the step grid that does
// (a counteroffer), found with the schedule generator itself.
import { Dec } from '../decimal.ts';
import { InvalidInputError } from '../errors.ts';
import { asNumber, toDec, toJsonValue } from '../expressions/values.ts';
import type { IsoDate } from '../ir/product-ir.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import { generateSchedule } from '../schedule/generate-schedule.ts';
import type { Schedule } from '../schedule/schedule.ts';
import type { DecisionReason, LoanRequest, OfferRecord, TraceEntry } from './decision.ts';
import type { DecisionProgram } from './decision-program.ts';
import { largestFitting } from './largest-fitting.ts';
import { levelInstallment } from './level-installment.ts';
import { loanTermsFor } from './loan-terms-for.ts';
import { ENGINE_REASONS, type EngineReasonCode } from './reason-codes.ts';
import { selectRate } from './select-rate.ts';
import { traceInputs } from './trace-inputs.ts';

export type OfferResult = { readonly offer: OfferRecord } | { readonly reason: DecisionReason };

function reason(code: EngineReasonCode, detail: string, source: DecisionReason['source'] = 'offer'): { reason: DecisionReason } {
  const outcome = code === 'CAPACIDAD_NO_DETERMINADA' ? 'refer' : 'decline';
  return { reason: Object.freeze({ code, outcome, source, message: `${ENGINE_REASONS[code]} (${detail})` }) };
}

interface Quote {
  readonly terms: LoanTerms;
  readonly schedule: Schedule;
  readonly installment: Dec;
}

function offerRecord(kind: OfferRecord['kind'], request: LoanRequest, quote: Quote): OfferRecord {
  const { terms, schedule } = quote;
  const rows = schedule.installments;
  return Object.freeze({
    kind,
    amount: terms.principal,
    requestedAmount: request.amount,
    payments: terms.installments,
    frequency: terms.frequency,
    annualRate: terms.annualRate,
    method: terms.method,
    fees: terms.fees,
    installment: quote.installment.toFixed(terms.decimals),
    disbursed: schedule.disbursed,
    upfront: schedule.upfront,
    totalToPay: schedule.totalToPay,
    cat: schedule.cat,
    schedule: Object.freeze({
      installments: rows.length,
      firstDueDate: rows[0]!.dueDate,
      lastDueDate: rows[rows.length - 1]!.dueDate,
      totals: schedule.totals,
    }),
    terms,
  });
}

/**
 * Builds the offer for a request that passed eligibility and limits. `scope` holds the application,
 * the derived values and `score`. Returns the offer, or the reason there
 * is none: TASA_NO_DEFINIDA, EXCEDE_CAPACIDAD (no counteroffer), CAPACIDAD_INSUFICIENTE,
 * CAPACIDAD_NO_DETERMINADA (refer: a cap evaluated to missing), PRIMER_PAGO_FUERA_DE_LIMITES.
 */
export function buildOffer(
  program: DecisionProgram,
  request: LoanRequest,
  band: string | null,
  scope: Readonly<Record<string, unknown>>,
  asOf: IsoDate,
  trace: TraceEntry[],
): OfferResult {
  const ir = program.ir;
  const rate = selectRate(ir.pricing.rate, { band, payments: request.payments, amount: request.amount });
  trace.push(Object.freeze({ step: 'rate', id: 'pricing.rate', inputs: Object.freeze({ band, 'request.payments': String(request.payments), 'request.amount': request.amount }), result: rate ?? null }));
  if (rate === undefined) return reason('TASA_NO_DEFINIDA', `banda ${band ?? 'ninguna'}, ${request.payments} pagos, monto ${request.amount}`, 'pricing');

  let maxAmount = new Dec(ir.limits.amount.max);
  let maxInstallment: Dec | undefined;
  for (const [i, { cap, logic }] of program.caps.entries()) {
    let value: Dec | null;
    let inputs: Readonly<Record<string, ReturnType<typeof toJsonValue>>>;
    if (cap.kind === 'max-amount-by-band') {
      const v = band === null ? undefined : cap.values[band];
      value = v === undefined ? null : new Dec(v);
      inputs = Object.freeze({ band });
    } else {
      const v = logic!.evaluate(scope, asOf);
      const n = asNumber(v, cap.kind);
      value = n === null ? null : toDec(n);
      inputs = traceInputs(logic!.reads, scope, asOf);
    }
    trace.push(Object.freeze({ step: 'cap', id: `offer.caps[${i}] ${cap.kind}`, inputs, result: value === null ? null : value.toString() }));
    if (value === null) return reason('CAPACIDAD_NO_DETERMINADA', `offer.caps[${i}] ${cap.kind}`);
    if (cap.kind === 'max-installment') maxInstallment = maxInstallment === undefined || value.lt(maxInstallment) ? value : maxInstallment;
    else if (value.lt(maxAmount)) maxAmount = value;
  }

  const quotes = new Map<string, Quote | null>();
  const quote = (amount: Dec): Quote | null => {
    const key = amount.toString();
    let q = quotes.get(key);
    if (q === undefined) {
      try {
        const terms = loanTermsFor(ir, { ...request, amount: key }, band, asOf);
        const schedule = generateSchedule(terms);
        q = { terms, schedule, installment: new Dec(levelInstallment(schedule)) };
      } catch (error) {
        // An amount the product cannot lend (no rate row for it, fees leaving nothing to disburse).
        if (!(error instanceof InvalidInputError)) throw error;
        q = null;
      }
      quotes.set(key, q);
    }
    return q;
  };

  const requested = new Dec(request.amount);
  let asked: Quote | null;
  try {
    const terms = loanTermsFor(ir, request, band, asOf);
    const schedule = generateSchedule(terms);
    asked = { terms, schedule, installment: new Dec(levelInstallment(schedule)) };
    quotes.set(requested.toString(), asked);
  } catch (error) {
    if (error instanceof InvalidInputError && error.issues.some((i) => i.path === 'limits.firstPaymentDays')) {
      return reason('PRIMER_PAGO_FUERA_DE_LIMITES', `${ir.limits.firstPaymentDays?.min ?? ''}..${ir.limits.firstPaymentDays?.max ?? ''} días`);
    }
    throw error;
  }
  const fits = (q: Quote | null): boolean => q !== null && (maxInstallment === undefined || q.installment.lte(maxInstallment));
  if (requested.lte(maxAmount) && fits(asked)) {
    trace.push(Object.freeze({ step: 'offer', id: 'offer', inputs: Object.freeze({}), result: Object.freeze({ kind: 'requested', amount: request.amount, installment: asked.installment.toString() }) }));
    return { offer: offerRecord('requested', request, asked) };
  }
  const why = requested.gt(maxAmount) ? `monto máximo ${maxAmount.toString()}` : `pago ${asked.installment.toString()} > ${maxInstallment!.toString()}`;
  if (!ir.offer.counteroffer) return reason('EXCEDE_CAPACIDAD', why);

  const step = new Dec(ir.limits.amount.step);
  const lo = new Dec(ir.limits.amount.min).div(step).ceil().toNumber();
  const hi = Dec.min(maxAmount, requested).div(step).floor().toNumber();
  // Start where the installment scales linearly with the amount; the search itself only trusts the generator.
  const guess = maxInstallment === undefined ? hi : requested.times(maxInstallment).div(asked.installment).div(step).floor().toNumber();
  const k = largestFitting(lo, hi, guess, (k) => fits(quote(step.times(k))));
  trace.push(Object.freeze({
    step: 'offer',
    id: 'offer.maximum',
    inputs: Object.freeze({ maxAmount: maxAmount.toString(), maxInstallment: maxInstallment?.toString() ?? null, step: step.toString() }),
    result: k === undefined ? null : step.times(k).toString(),
  }));
  if (k === undefined) return reason('CAPACIDAD_INSUFICIENTE', `${why}; mínimo ${ir.limits.amount.min}`);
  const best = quote(step.times(k))!;
  return { offer: offerRecord('counteroffer', request, best) };
}
