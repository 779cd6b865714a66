// Checks on the collection policy: stage ranges in order, stages that neither overlap nor leave
// days past due uncovered, unique stage names, known notification channels, and restructuring
// offers whose terms a loan of the product can take.
import { Dec, LOAN_TERMS_LIMITS } from '@plazo/engine';
import type { ActionNode, CollectionSection, CollectionStepNode, PricingSection } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { literalValue } from './decimals.ts';
import { error, lineNumber, warning } from './diagnostics.ts';
import { intervalSpan, integerInterval, intersect, isEmpty, uncovered, type Interval } from './intervals.ts';
import { checkEveryDays } from './check-limits.ts';
import { checkOption, checkRateValue } from './options.ts';

export const CHANNELS = ['sms', 'whatsapp', 'email'] as const;

type Stage = Extract<CollectionStepNode, { kind: 'stage' }>;

/** The collection section; `pricing` for what a restructuring offer may change. */
export function checkCollection(collection: CollectionSection, accept: Accept, pricing?: PricingSection): void {
  const stages: { step: Stage; interval: Interval }[] = [];
  const names = new Map<string, Stage>();
  for (const step of collection.steps) {
    for (const action of step.actions) checkAction(action, accept, pricing);
    if (step.kind === 'at') {
      for (const action of step.actions) {
        if (action.kind === 'offer-restructure') {
          accept(warning('offer-outside-stage', {}, action.range));
        }
      }
      const day = literalValue(step.day);
      if (step.day && (!day || !day.isInteger())) accept(error('invalid-number/at-days', {}, step.day.range));
      continue;
    }
    const name = step.stage?.name;
    if (name) {
      const first = names.get(name);
      if (first) accept(error('duplicate-name/stage', { name, line: lineNumber(first.range) }, step.stage!.range));
      else names.set(name, step);
    }
    const from = literalValue(step.from);
    const to = literalValue(step.to);
    if (!from || !from.isInteger() || (step.to && (!to || !to.isInteger()))) {
      if (step.from) accept(error('invalid-number/stage-days', {}, (step.to && !to?.isInteger() ? step.to : step.from).range));
      continue;
    }
    if (from.lt(1)) {
      accept(error('invalid-number/stage-start', { from: from.toFixed() }, step.from.range));
      continue;
    }
    if (to && from.gt(to)) {
      accept(error('range-inverted/stage', { name: name ?? '', from: from.toFixed(), to: to.toFixed() }, step.to!.range));
      continue;
    }
    const own = integerInterval(from, to);
    for (const earlier of stages) {
      const shared = intersect(earlier.interval, own);
      if (isEmpty(shared)) continue;
      const days = intervalSpan(shared, { integer: true, percent: false });
      accept(error('stage-overlap', { days, first: earlier.step.stage?.name ?? '', second: name ?? '', line: lineNumber(earlier.step.range) }, step.from.range));
    }
    stages.push({ step, interval: own });
  }
  if (stages.length < 2) return;
  const first = stages.reduce((a, b) => (a.interval.lo.value.lte(b.interval.lo.value) ? a : b));
  const domain: Interval = { lo: first.interval.lo, hi: stages.reduce((a, b) => (a.interval.hi.value.gte(b.interval.hi.value) ? a : b)).interval.hi };
  for (const gap of uncovered(domain, stages.map((s) => s.interval))) {
    const next = stages.find((s) => s.interval.lo.value.eq(gap.hi.value));
    accept(warning('stage-gap', { days: intervalSpan(gap, { integer: true, percent: false }) }, next?.step.from.range ?? collection.range));
  }
}

function checkAction(action: ActionNode, accept: Accept, pricing: PricingSection | undefined): void {
  if (action.kind === 'notify' && action.channel) checkOption(action.channel, CHANNELS, 'channel', accept);
  if (action.kind === 'offer-restructure') checkRestructureOffer(action, accept, pricing);
}

/** The most installments and the highest rate a schedule takes (the engine's LoanTerms bounds). */
const MAX_PAYMENTS = LOAN_TERMS_LIMITS.maxInstallments;
const MAX_RATE = new Dec(LOAN_TERMS_LIMITS.maxAnnualRate);

/** A restructuring offer's terms: a whole number of payments the method can schedule, a rate in range. */
function checkRestructureOffer(offer: Extract<ActionNode, { kind: 'offer-restructure' }>, accept: Accept, pricing: PricingSection | undefined): void {
  if (offer.payments) {
    const n = literalValue(offer.payments);
    if (!n || !n.isInteger() || n.lt(1) || n.gt(MAX_PAYMENTS)) {
      accept(error('invalid-number/restructure-payments', { most: MAX_PAYMENTS, found: offer.payments.value }, offer.payments.range));
    } else if (pricing?.method?.name === 'bullet' && !n.eq(1)) {
      accept(error('restructure-bullet', { payments: n.toFixed() }, offer.payments.range));
    }
  }
  if (offer.frequency?.kind === 'every') checkEveryDays(offer.frequency, accept);
  if (offer.rate) {
    checkRateValue(offer.rate, accept);
    if (literalValue(offer.rate)?.gt(MAX_RATE)) accept(error('invalid-number/restructure-rate', { rate: offer.rate.value, most: MAX_RATE.times(100).toFixed() }, offer.rate.range));
  }
}
