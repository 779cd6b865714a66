// One application decided under both versions of a product, and what changed between the two.
import { Dec } from '../decimal.ts';
import { decideWith } from '../decision/decide.ts';
import type { DecisionProgram } from '../decision/decision-program.ts';
import { InvalidInputError } from '../errors.ts';
import { ExpressionTypeError } from '../expressions/values.ts';
import type { ImpactApplication, ImpactRow, ImpactSide } from './impact-report.ts';

function sideOf(program: DecisionProgram, app: ImpactApplication): ImpactSide {
  try {
    const d = decideWith(program, app.application, app.asOf);
    const o = d.offer;
    return {
      outcome: d.outcome,
      band: d.band,
      score: d.score?.total ?? null,
      amount: o?.amount ?? null,
      annualRate: o?.annualRate ?? null,
      installment: o?.installment ?? null,
      cat: o?.cat ?? null,
      reasons: d.reasons.map((r) => r.code),
    };
  } catch (e) {
    // A replay reports, it does not fail: an application the version refuses, or one its
    // expressions cannot evaluate (a product bug the checker let through), counts as invalid.
    const reasons = e instanceof InvalidInputError ? e.issues.map((i) => i.path) : e instanceof ExpressionTypeError ? [`expression: ${e.message}`] : undefined;
    if (!reasons) throw e;
    return { outcome: 'invalid', band: null, score: null, amount: null, annualRate: null, installment: null, cat: null, reasons };
  }
}

/** after − before when both are there and differ; null otherwise. */
function change(before: string | null, after: string | null): string | null {
  if (before === null || after === null) return null;
  const delta = new Dec(after).minus(before);
  return delta.isZero() ? null : delta.toFixed();
}

/**
 * Decides `app` under both programs and compares: outcome, band, offered amount, rate and CAT.
 * @example replayApplication(published, draft, { id: 'F1', source: 'decision', application, asOf: '2025-03-03' }).outcomeChanged
 */
export function replayApplication(before: DecisionProgram, after: DecisionProgram, app: ImpactApplication): ImpactRow {
  const b = sideOf(before, app);
  const a = sideOf(after, app);
  const outcomeChanged = b.outcome !== a.outcome;
  const amountChange = change(b.amount, a.amount);
  const rateChange = change(b.annualRate, a.annualRate);
  const catChange = change(b.cat, a.cat);
  const offerAppears = (b.amount === null) !== (a.amount === null);
  return {
    id: app.id,
    source: app.source,
    asOf: app.asOf,
    before: b,
    after: a,
    outcomeChanged,
    amountChange,
    rateChange,
    catChange,
    changed: outcomeChanged || offerAppears || b.band !== a.band || amountChange !== null || rateChange !== null || catChange !== null,
  };
}
