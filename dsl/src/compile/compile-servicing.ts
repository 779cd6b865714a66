// The servicing parts of the IR: penalties, collection steps, payment allocation.
import type { AllocationComponent, Channel, CollectionAction, CollectionStep, InterestBasis, Penalties, Pricing } from '@plazo/engine';
import type { ActionNode, AllocationDecl, CollectionSection, PenaltiesSection } from '../ast/nodes.ts';
import { ALLOCATION_COMPONENTS } from '../check/check-allocation.ts';
import { compileFrequency } from './compile-pricing.ts';
import { literalText, wholeNumber } from './decimal-text.ts';

/** Penalties; taxable when marked `iva` or when the pricing's IVA lists their target. */
export function compilePenalties(penalties: PenaltiesSection | undefined, pricing: Pricing): Penalties {
  const lateFee = penalties?.lateFee;
  const moratorium = penalties?.moratorium;
  const taxedOn = (target: 'penalties' | 'moratorium') => pricing.tax?.on.includes(target) ?? false;
  return {
    ...(lateFee
      ? {
          lateFee: {
            amount:
              lateFee.amount.kind === 'PercentLiteral'
                ? { kind: 'percent', rate: literalText(lateFee.amount), of: (lateFee.of?.name ?? 'overdue') as 'overdue' | 'installment' }
                : { kind: 'fixed', value: literalText(lateFee.amount) },
            ...(lateFee.min ? { min: literalText(lateFee.min) } : {}),
            ...(lateFee.max ? { max: literalText(lateFee.max) } : {}),
            graceDays: lateFee.graceDays ? wholeNumber(lateFee.graceDays) : 0,
            taxable: lateFee.taxable || taxedOn('penalties'),
          },
        }
      : {}),
    ...(moratorium
      ? {
          moratorium: {
            rate:
              moratorium.rate.kind === 'multiple'
                ? { kind: 'multiple', factor: literalText(moratorium.rate.factor) }
                : { kind: 'annual', rate: literalText(moratorium.rate.rate) },
            on: moratorium.on,
            basis: (moratorium.basis?.name ?? pricing.basis) as InterestBasis,
            taxable: moratorium.taxable || taxedOn('moratorium'),
          },
        }
      : {}),
  };
}

/** Collection steps in source order; an unnamed stage is named after its days (`dpd-31-90`, `dpd-91-plus`). */
export function compileCollection(collection: CollectionSection | undefined): CollectionStep[] {
  return (collection?.steps ?? []).map((step): CollectionStep => {
    const actions = step.actions.map(compileAction);
    if (step.kind === 'at') return { kind: 'at', day: wholeNumber(step.day), actions };
    const from = wholeNumber(step.from);
    const to = step.to ? wholeNumber(step.to) : undefined;
    return {
      kind: 'stage',
      stage: step.stage?.name || `dpd-${from}-${to ?? 'plus'}`,
      from,
      ...(to !== undefined ? { to } : {}),
      actions,
    };
  });
}

function compileAction(action: ActionNode): CollectionAction {
  switch (action.kind) {
    case 'notify':
      return { kind: 'notify', channel: action.channel.name as Channel, template: action.template.value };
    case 'queue':
      return { kind: 'queue', queue: action.queue.value };
    case 'offer-restructure':
      // Only the terms written: a bare `offer restructure` keeps the IR (and the product's hash) it always had.
      return {
        kind: 'offer-restructure',
        ...(action.payments ? { installments: wholeNumber(action.payments) } : {}),
        ...(action.frequency ? { frequency: compileFrequency(action.frequency) } : {}),
        ...(action.rate ? { annualRate: literalText(action.rate) } : {}),
      };
    default:
      return { kind: action.kind };
  }
}

/** The allocation order, or the default penalties → moratorium → iva → interest → fees → principal. */
export function compileAllocation(allocation: AllocationDecl | undefined): AllocationComponent[] {
  if (!allocation || allocation.components.length === 0) return [...ALLOCATION_COMPONENTS];
  return allocation.components.map((c) => c.name as AllocationComponent);
}
