// The collection policy at the close of a day: the stage by days past due and the actions that
// fire, each once per installment and step; the fired set lives in the state, so a replay of the
// same events fires exactly the same actions on the same days. A fold resumed from a checkpoint
// finds what fired before in the checkpoint's actions (a stage or step with no actions fires nothing).
import { formatIsoDate } from '../../calendar/iso-date.ts';
import type { CollectionStep } from '../../ir/product-ir.ts';
import type { Ledger } from '../ledger.ts';
import type { FiredAction } from '../loan-state.ts';
import { collectionStage } from './collection-stage.ts';
import { inRanges } from '../ranges.ts';

type AtStep = Extract<CollectionStep, { kind: 'at' }>;

/** Whether the step fired for the installment: this fold's keys, else the base's actions (newest first). */
function hasFired(ledger: Ledger, key: string, installment: number, step: string): boolean {
  if (ledger.firedKeys.has(key)) return true;
  const before = ledger.firedBefore?.[step];
  if (before !== undefined && inRanges(before, installment)) {
    ledger.firedKeys.add(key);
    return true;
  }
  const base = ledger.base?.firedActions;
  if (base === undefined) return false;
  for (let i = base.length - 1; i >= 0; i--) {
    const f = base[i]!;
    if (f.installment === installment && f.step === step) {
      ledger.firedKeys.add(key);
      return true;
    }
  }
  return false;
}

function fire(ledger: Ledger, key: string, day: number, installment: number, step: string, actions: AtStep['actions']): void {
  if (hasFired(ledger, key, installment, step)) return;
  ledger.firedKeys.add(key);
  const date = formatIsoDate(day);
  for (const action of actions) {
    const fired: FiredAction = Object.freeze({ date, installment, step, action });
    ledger.fired.push(fired);
    ledger.journal.push(Object.freeze({ date, kind: 'action', action: fired }));
  }
}

/**
 * Closes `day` for collection: days past due of the oldest open installment (`oldest`, index in
 * the ledger, or -1), the stage (a change is journaled), the stage's actions for that installment,
 * and each `at N days` step of every open installment due N days from `day`. Returns the DPD.
 */
export function fireCollectionActions(ledger: Ledger, day: number, oldest: number, atSteps: readonly AtStep[], maxLead: number): number {
  const list = ledger.installments;
  const first = oldest >= 0 ? list[oldest]! : null;
  const dpd = first !== null && first.dueDay < day ? day - first.dueDay : 0;
  const stage = collectionStage(ledger.product.collection, dpd);
  if ((stage?.stage ?? null) !== (ledger.stage?.stage ?? null)) {
    ledger.journal.push(Object.freeze({ date: formatIsoDate(day), kind: 'stage-changed', from: ledger.stage?.stage ?? null, to: stage?.stage ?? null }));
  }
  ledger.stage = stage;
  if (stage !== null && first !== null) fire(ledger, `stage ${stage.stage}#${first.number}`, day, first.number, `stage ${stage.stage}`, stage.actions);
  if (atSteps.length > 0 && oldest >= 0) {
    for (let i = oldest; i < list.length; i++) {
      const inst = list[i]!;
      if (inst.dueDay > day + maxLead) break;
      if (inst.restructured || inst.settled) continue;
      for (const step of atSteps) {
        if (inst.dueDay + step.day === day) fire(ledger, `at ${step.day}#${inst.number}`, day, inst.number, `at ${step.day}`, step.actions);
      }
    }
  }
  return dpd;
}
