// Checks what the client asked for against the product's limits: the frequency is offered, the
// number of payments is in its range, the amount is in range and a multiple of the step.
import { Dec } from '../decimal.ts';
import { toDec, toJsonValue, type ExactNumber } from '../expressions/values.ts';
import type { Frequency, ProductIR } from '../ir/product-ir.ts';
import type { Application } from '../application/application.ts';
import { frequencyKey } from '../application/request-fields.ts';
import type { DecisionReason, LoanRequest, TraceEntry } from './decision.ts';
import { ENGINE_REASONS, type EngineReasonCode } from './reason-codes.ts';

function reason(code: EngineReasonCode, detail: string): DecisionReason {
  return Object.freeze({ code, outcome: 'decline', source: 'limits', message: `${ENGINE_REASONS[code]} (${detail})` });
}

function parseFrequencyKey(key: string): Frequency | undefined {
  if (key === 'weekly' || key === 'biweekly' || key === 'semimonthly' || key === 'monthly') return key;
  const m = /^every_(\d+)_days$/.exec(key);
  return m ? { everyDays: Number(m[1]) } : undefined;
}

/** The request with its frequency resolved, and the limits it breaks (declines), each traced. */
export interface LimitCheck {
  readonly request: LoanRequest;
  readonly reasons: readonly DecisionReason[];
}

/**
 * Reads `request.amount`, `request.payments` and `request.frequency` (default: the first frequency
 * of `limits`) from a validated application and checks them against `ir.limits`.
 */
export function checkLimits(ir: ProductIR, application: Application, trace: TraceEntry[]): LimitCheck {
  const req = application.values['request'] as Readonly<Record<string, unknown>>;
  const amount = toDec(req['amount'] as ExactNumber);
  const payments = toDec(req['payments'] as ExactNumber).toNumber();
  const key = req['frequency'];
  const limits = ir.limits;
  const reasons: DecisionReason[] = [];
  const defaultTerm = limits.terms[0];
  const term = typeof key === 'string' ? limits.terms.find((t) => frequencyKey(t.frequency) === key) : defaultTerm;
  const frequency = term?.frequency ?? (typeof key === 'string' ? parseFrequencyKey(key) : undefined) ?? defaultTerm?.frequency ?? 'monthly';
  const offered = limits.terms.map((t) => frequencyKey(t.frequency));
  if (!term) reasons.push(reason('FRECUENCIA_NO_PERMITIDA', `\`${String(key)}\`; permitidas: ${offered.join(', ')}`));
  trace.push(Object.freeze({ step: 'limit', id: 'limits.terms.frequency', inputs: Object.freeze({ 'request.frequency': toJsonValue(key) }), result: term !== undefined }));
  if (term) {
    const ok = payments >= term.payments.min && payments <= term.payments.max;
    if (!ok) reasons.push(reason('PLAZO_FUERA_DE_LIMITES', `${payments} pagos; permitido ${term.payments.min}..${term.payments.max} ${frequencyKey(term.frequency)}`));
    trace.push(Object.freeze({ step: 'limit', id: 'limits.terms.payments', inputs: Object.freeze({ 'request.payments': String(payments) }), result: ok }));
  }
  const inRange = amount.gte(limits.amount.min) && amount.lte(limits.amount.max);
  if (!inRange) reasons.push(reason('MONTO_FUERA_DE_LIMITES', `${amount.toString()}; permitido ${limits.amount.min}..${limits.amount.max}`));
  trace.push(Object.freeze({ step: 'limit', id: 'limits.amount', inputs: Object.freeze({ 'request.amount': amount.toString() }), result: inRange }));
  const onStep = amount.mod(limits.amount.step).isZero();
  if (!onStep) reasons.push(reason('MONTO_NO_MULTIPLO', `${amount.toString()} no es múltiplo de ${limits.amount.step}`));
  trace.push(Object.freeze({ step: 'limit', id: 'limits.amount.step', inputs: Object.freeze({ 'request.amount': amount.toString() }), result: onStep }));
  return Object.freeze({
    request: Object.freeze({ amount: amount.toString(), payments, frequency }),
    reasons: Object.freeze(reasons),
  });
}
