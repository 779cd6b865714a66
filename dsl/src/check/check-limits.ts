// Checks on `limits`: a bounded amount range whose step divides it, at least one term, whole
// positive payment counts, each frequency once, a sensible first-payment window.
import type { FrequencyNode, LimitsSection, Range, RangeExpr } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import type { Dec } from '@plazo/engine';
import { literalValue } from './decimals.ts';
import { error, headRange, lineOf } from './diagnostics.ts';

/** The limits section as a whole. */
export function checkLimits(limits: LimitsSection, accept: Accept): void {
  const head = headRange(limits.range, 'limits'.length);
  if (!limits.amount) {
    accept(error('missing-amount-limit', '`limits` has no amount range', head, 'add `amount 1_000..50_000 step 500`'));
  } else {
    checkAmountLimit(limits.amount, accept);
  }
  if (limits.terms.length === 0) {
    accept(error('missing-term', '`limits` allows no term', head, 'add a line such as `payments 6..24 monthly`'));
  }
  const frequencies = new Map<string, Range>();
  for (const term of limits.terms) {
    checkWholeRange(term.payments, 'payments', 1, accept);
    const key = frequencyKey(term.frequency);
    if (term.frequency?.kind === 'every') checkEveryDays(term.frequency, accept);
    if (key === undefined) continue;
    const first = frequencies.get(key);
    if (first) {
      accept(error('duplicate-name', `frequency \`${key}\` is listed twice`, term.frequency.range, `it already has payments on ${lineOf(first)}; keep one line per frequency`));
    } else {
      frequencies.set(key, term.at);
    }
  }
  if (limits.firstPayment) checkWholeRange(limits.firstPayment.days, 'first payment days', 0, accept);
}

function checkAmountLimit(amount: NonNullable<LimitsSection['amount']>, accept: Accept): void {
  const range = amount.range;
  const [min, max] = [range.min, range.max].map((bound) => {
    if (bound?.kind === 'PercentLiteral') {
      accept(error('type-mismatch', 'an amount limit must be money, not a percent', bound.range, `write \`${bound.value}\` without \`%\``));
      return undefined;
    }
    return literalValue(bound);
  }) as [Dec | undefined, Dec | undefined];
  if (!range.min || !range.max) {
    accept(error('range-unbounded', 'the amount range needs both a minimum and a maximum', range.range, 'write `amount 1_000..50_000`'));
    return;
  }
  if (!min || !max) return;
  if (min.lte(0)) accept(error('invalid-number', `the minimum amount ${range.min.value} must be positive`, range.min.range));
  if (range.maxExclusive) accept(error('invalid-range', 'write the amount range with an inclusive maximum', range.range, `write \`${range.min.value}..${range.max.value}\` with the largest amount allowed`));
  if (min.gt(max)) {
    accept(error('range-inverted', `the amount range is empty: ${range.min.value} is above ${range.max.value}`, range.range, 'write the smaller amount first'));
    return;
  }
  if (!amount.step) return;
  const step = literalValue(amount.step);
  if (!step) return;
  if (step.lte(0)) {
    accept(error('invalid-number', `the step ${amount.step.value} must be positive`, amount.step.range));
    return;
  }
  const span = max.minus(min);
  if (!span.mod(step).isZero()) {
    const fitted = min.plus(span.div(step).floor().times(step));
    accept(
      error(
        'step-mismatch',
        `step ${amount.step.value} does not divide the range ${min.toFixed()}..${max.toFixed()}: ${span.toFixed()} is not a multiple of ${step.toFixed()}`,
        amount.step.range,
        `make the bounds differ by a multiple of the step, e.g. \`${min.toFixed()}..${fitted.toFixed()}\``,
      ),
    );
  }
}

/** A range of whole numbers, both bounds present, from `least` up, in order. Returns the bounds when sound. */
export function checkWholeRange(range: RangeExpr | undefined, what: string, least: number, accept: Accept): [Dec, Dec] | undefined {
  if (!range) return undefined;
  if (!range.min || !range.max) {
    accept(error('range-unbounded', `${what} need both a minimum and a maximum`, range.range, 'write `6..24`'));
    return undefined;
  }
  let sound = true;
  const values = [range.min, range.max].map((bound) => {
    const value = literalValue(bound);
    if (bound.kind === 'PercentLiteral' || !value || !value.isInteger()) {
      accept(error('invalid-number', `${what} must be whole numbers, found \`${bound.kind === 'PercentLiteral' ? `${bound.value}%` : bound.value}\``, bound.range));
      sound = false;
    } else if (value.lt(least)) {
      accept(error('invalid-number', `${what} start at ${least}, found ${value.toFixed()}`, bound.range));
      sound = false;
    }
    return value;
  });
  const [min, max] = values as [Dec, Dec];
  if (!sound) return undefined;
  const last = range.maxExclusive ? max.minus(1) : max;
  if (min.gt(last)) {
    accept(error('range-inverted', `the range of ${what} is empty: ${range.min.value} is above ${range.max.value}`, range.range, 'write the smaller bound first'));
    return undefined;
  }
  return [min, last];
}

export function checkEveryDays(frequency: Extract<FrequencyNode, { kind: 'every' }>, accept: Accept): void {
  const days = literalValue(frequency.days);
  if (frequency.days && (!days || !days.isInteger() || days.lt(1))) {
    accept(error('invalid-number', `\`every ${frequency.days.value} days\` needs a whole number of days, at least 1`, frequency.days.range));
  }
}

/** The frequency as written (`every 10 days`), or undefined when recovery left it incomplete. */
export function frequencyKey(frequency: FrequencyNode | undefined): string | undefined {
  if (!frequency) return undefined;
  if (frequency.kind === 'every') return frequency.days?.value ? `every ${frequency.days.value} days` : undefined;
  return frequency.kind;
}
