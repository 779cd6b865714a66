// Checks on `limits`: a bounded amount range whose step divides it, at least one term, whole
// positive payment counts, each frequency once, a sensible first-payment window.
import type { FrequencyNode, LimitsSection, Range, RangeExpr } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import type { Dec } from '@plazo/engine';
import { literalValue } from './decimals.ts';
import type { WholeWhat } from '../messages/en.ts';
import { error, headRange, lineNumber } from './diagnostics.ts';

/** The limits section as a whole. */
export function checkLimits(limits: LimitsSection, accept: Accept): void {
  const head = headRange(limits.range, 'limits'.length);
  if (!limits.amount) {
    accept(error('missing-amount-limit', {}, head));
  } else {
    checkAmountLimit(limits.amount, accept);
  }
  if (limits.terms.length === 0) {
    accept(error('missing-term', {}, head));
  }
  const frequencies = new Map<string, Range>();
  for (const term of limits.terms) {
    checkWholeRange(term.payments, 'payments', 1, accept);
    const key = frequencyKey(term.frequency);
    if (term.frequency?.kind === 'every') checkEveryDays(term.frequency, accept);
    if (key === undefined) continue;
    const first = frequencies.get(key);
    if (first) {
      accept(error('duplicate-name/frequency', { key, line: lineNumber(first) }, term.frequency.range));
    } else {
      frequencies.set(key, term.at);
    }
  }
  if (limits.firstPayment) checkWholeRange(limits.firstPayment.days, 'firstPaymentDays', 0, accept);
}

function checkAmountLimit(amount: NonNullable<LimitsSection['amount']>, accept: Accept): void {
  const range = amount.range;
  const [min, max] = [range.min, range.max].map((bound) => {
    if (bound?.kind === 'PercentLiteral') {
      accept(error('type-mismatch/amount-percent', { value: bound.value }, bound.range));
      return undefined;
    }
    return literalValue(bound);
  }) as [Dec | undefined, Dec | undefined];
  if (!range.min || !range.max) {
    accept(error('range-unbounded/amount', {}, range.range));
    return;
  }
  if (!min || !max) return;
  if (min.lte(0)) accept(error('invalid-number/amount-min', { min: range.min.value }, range.min.range));
  if (range.maxExclusive) accept(error('invalid-range', { min: range.min.value, max: range.max.value }, range.range));
  if (min.gt(max)) {
    accept(error('range-inverted/amount', { min: range.min.value, max: range.max.value }, range.range));
    return;
  }
  if (!amount.step) return;
  const step = literalValue(amount.step);
  if (!step) return;
  if (step.lte(0)) {
    accept(error('invalid-number/step', { step: amount.step.value }, amount.step.range));
    return;
  }
  const span = max.minus(min);
  if (!span.mod(step).isZero()) {
    const fitted = min.plus(span.div(step).floor().times(step));
    accept(
      error('step-mismatch', { step: amount.step.value, min: min.toFixed(), max: max.toFixed(), span: span.toFixed(), stepValue: step.toFixed(), fitted: fitted.toFixed() }, amount.step.range),
    );
  }
}

/** A range of whole numbers, both bounds present, from `least` up, in order. Returns the bounds when sound. */
export function checkWholeRange(range: RangeExpr | undefined, what: WholeWhat, least: number, accept: Accept): [Dec, Dec] | undefined {
  if (!range) return undefined;
  if (!range.min || !range.max) {
    accept(error('range-unbounded/whole', { what }, range.range));
    return undefined;
  }
  let sound = true;
  const values = [range.min, range.max].map((bound) => {
    const value = literalValue(bound);
    if (bound.kind === 'PercentLiteral' || !value || !value.isInteger()) {
      accept(error('invalid-number/whole', { what, found: bound.kind === 'PercentLiteral' ? `${bound.value}%` : bound.value }, bound.range));
      sound = false;
    } else if (value.lt(least)) {
      accept(error('invalid-number/whole-least', { what, least, found: value.toFixed() }, bound.range));
      sound = false;
    }
    return value;
  });
  const [min, max] = values as [Dec, Dec];
  if (!sound) return undefined;
  const last = range.maxExclusive ? max.minus(1) : max;
  if (min.gt(last)) {
    accept(error('range-inverted/whole', { what, min: range.min.value, max: range.max.value }, range.range));
    return undefined;
  }
  return [min, last];
}

export function checkEveryDays(frequency: Extract<FrequencyNode, { kind: 'every' }>, accept: Accept): void {
  const days = literalValue(frequency.days);
  if (frequency.days && (!days || !days.isInteger() || days.lt(1))) {
    accept(error('invalid-number/every-days', { days: frequency.days.value }, frequency.days.range));
  }
}

/** The frequency as written (`every 10 days`), or undefined when recovery left it incomplete. */
export function frequencyKey(frequency: FrequencyNode | undefined): string | undefined {
  if (!frequency) return undefined;
  if (frequency.kind === 'every') return frequency.days?.value ? `every ${frequency.days.value} days` : undefined;
  return frequency.kind;
}
