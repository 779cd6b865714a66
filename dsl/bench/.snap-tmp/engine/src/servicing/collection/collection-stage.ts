// The collection stage a loan is in: the product's stage step whose range of days past due
// contains the loan's days past due.
import type { CollectionStep } from '../../ir/product-ir.ts';

export type StageStep = Extract<CollectionStep, { kind: 'stage' }>;

/** The first stage step with from ≤ dpd ≤ to (open-ended without `to`), or null; none at 0 DPD unless a stage starts at 0. */
export function collectionStage(collection: readonly CollectionStep[], daysPastDue: number): StageStep | null {
  for (const step of collection) {
    if (step.kind !== 'stage') continue;
    if (daysPastDue >= step.from && (step.to === undefined || daysPastDue <= step.to)) return step;
  }
  return null;
}

/** Whether a stage stops moratorium accrual and late fees. */
export function stopsAccrual(step: StageStep | null): boolean {
  return step !== null && step.actions.some((a) => a.kind === 'stop-accrual');
}
